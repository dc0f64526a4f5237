#!/usr/bin/env bash
# Times `normdiff diff` beside its peers on the same inputs, in one run:
# git diff --no-index --word-diff, wdiff, dwdiff and Python `redlines`.
# Inputs: seed 001 of the shared corpus against an edited version (the
# rules of crates/normdiff-core/benches/diff.rs), and 10x / 100x
# concatenations. Installs the peers itself (apt-get, pip). Peak memory
# comes from /usr/bin/time -v. Results go to target/bench-diff/.
#
#   scripts/bench-diff.sh            # all sizes
#   SIZES="1 10" scripts/bench-diff.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${NORMDIFF_CORPUS:-../shared/corpus}
SIZES=${SIZES:-"1 10 100"}
OUT=target/bench-diff
mkdir -p "$OUT"

. scripts/lib/bench-common.sh
need_hyperfine
need wdiff wdiff
need dwdiff dwdiff
need /usr/bin/time time
python3 -c 'import redlines' 2>/dev/null || pip install -q redlines typing_extensions \
  || pip install -q --break-system-packages redlines typing_extensions

build_normdiff

SEED=$(ls "$CORPUS"/seeds/001_*.txt | head -1)
python3 - "$SEED" "$OUT" $SIZES <<'PY'
import sys
seed, out, sizes = sys.argv[1], sys.argv[2], sys.argv[3:]
text = open(seed, encoding="utf-8").read()
def edit(t):
    t = t.replace("les États devraient", "les États doivent").replace("l'Assemblée", "l’Assemblée").replace(" ;", "\u00a0;")
    p = t.split("\n\n")
    if len(p) > 120:
        m = p.pop(100); p.insert(110, m); p.pop(50)
        p.insert(30, "Le Groupe note que la résilience des réseaux est une préoccupation commune.")
    return "\n\n".join(p)
new = edit(text)
for n in sizes:
    open(f"{out}/old_x{n}.txt", "w", encoding="utf-8").write(text * int(n))
    open(f"{out}/new_x{n}.txt", "w", encoding="utf-8").write(new * int(n))
PY
cat > "$OUT/redlines_diff.py" <<'PY'
import sys
from redlines import Redlines
old = open(sys.argv[1], encoding="utf-8").read()
new = open(sys.argv[2], encoding="utf-8").read()
print(Redlines(old, new).output_markdown)
PY

for n in $SIZES; do
  O=$OUT/old_x$n.txt; N=$OUT/new_x$n.txt
  echo "== x$n ($(wc -c <"$O") bytes)"
  cmds=(
    "$BIN diff $O $N -o /dev/null"
    "git diff --no-index --word-diff $O $N"
    "wdiff $O $N"
    "dwdiff $O $N"
  )
  # redlines is too slow beyond the seed size; time it once there.
  [ "$n" = 1 ] && cmds+=("python3 $OUT/redlines_diff.py $O $N")
  runs=10; [ "$n" = 100 ] && runs=3
  hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$OUT/x$n.json" "${cmds[@]}" >/dev/null
  python3 - "$OUT/x$n.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["mean"]
for x in r:
    print(f'  {x["mean"]*1000:10.1f} ms  ±{x["stddev"]*1000:6.1f}  x{x["mean"]/base:7.2f} of normdiff  {x["command"].split()[0].split("/")[-1]} {x["command"].split()[1] if "python" in x["command"] else ""}')
PY
  for c in "${cmds[@]}"; do
    kb=$( { /usr/bin/time -v sh -c "$c >/dev/null" || true; } 2>&1 | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}' || true)
    echo "  peak RSS ${kb} KB  ($(echo "$c" | cut -c1-60))"
  done
done

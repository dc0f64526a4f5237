#!/usr/bin/env bash
# Benchmark of `normdiff history` (issue 17): five 100-page versions against
# one `normdiff diff` of two of them, in one hyperfine run, and peak memory
# as the total input grows (1, 2 and 4 chunks per version).
#
# Inputs: the series generator (cargo example gen_series, seeds 1–6) makes
# six 5-version series of the GGE report (~64 KB, ~9,000 words a version
# each); version k of the benchmark document is the concatenation of
# version k of the six series (about 385 KB, ~54,000 words: some 108 pages
# at 500 words a page). Results go to target/bench-history/.
#
# Usage: scripts/bench-history.sh   (needs the shared corpus; installs
# hyperfine and GNU time when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${NORMDIFF_CORPUS:-../shared/corpus}
[ -f "$CORPUS/drafts/v7/final.txt" ] || { echo "bench-history: corpus not found at $CORPUS" >&2; exit 2; }
OUT=target/bench-history
mkdir -p "$OUT"

. scripts/lib/bench-common.sh
need_hyperfine
need /usr/bin/time time
build_normdiff
cargo build --release -q -p normdiff-core --example gen_series
GEN=$PWD/target/release/examples/gen_series

for seed in 1 2 3 4 5 6; do "$GEN" "$CORPUS" "$OUT/s$seed" "$seed"; done
for chunks in 1 2 6; do
  for k in 0 1 2 3 4; do
    for seed in $(seq 1 "$chunks"); do cat "$OUT/s$seed/v$k.txt"; done > "$OUT/x$chunks-v$k.txt"
  done
done
V=("$OUT"/x6-v{0,1,2,3,4}.txt)
echo "== words in version 4: $(wc -w < "${V[4]}")"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"
echo "== version sizes (bytes): $(wc -c < "${V[0]}") … $(wc -c < "${V[4]}")"

diff_ok "${V[0]}" "${V[1]}"
diff_ok "${V[3]}" "${V[4]}"
hyperfine -i -N --warmup 1 --runs 10 --export-markdown "$OUT/hf.md" \
  -n "diff v0 v1" "$BIN diff ${V[0]} ${V[1]} -o /dev/null" \
  -n "diff v3 v4" "$BIN diff ${V[3]} ${V[4]} -o /dev/null" \
  -n "history v0..v4 (table)" "$BIN history ${V[*]} -o /dev/null" \
  -n "history v0..v4 (html)" "$BIN history ${V[*]} -f html -o /dev/null" \
  -n "history v0..v4 (json)" "$BIN history ${V[*]} -f json -o /dev/null"
cat "$OUT/hf.md"

echo "== peak memory (RSS) against total input"
echo "| chunks | total input | history peak RSS | diff (v0 v1) peak RSS |"
echo "|---:|---:|---:|---:|"
for chunks in 1 2 6; do
  F=("$OUT"/x$chunks-v{0,1,2,3,4}.txt)
  total=$(cat "${F[@]}" | wc -c)
  h=$(/usr/bin/time -v "$BIN" history "${F[@]}" -f json -o /dev/null 2>&1 | awk '/Maximum resident/ {print $6}')
  # diff exits 1 (differences): keep pipefail from stopping the script.
  d=$( (/usr/bin/time -v "$BIN" diff "${F[0]}" "${F[1]}" -o /dev/null 2>&1 || true) | awk '/Maximum resident/ {print $6}')
  echo "| $chunks | $((total / 1024)) KB | $((h / 1024)) MB | $((d / 1024)) MB |"
done

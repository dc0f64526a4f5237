#!/usr/bin/env bash
# Benchmark of `normdiff check` on a pull request touching the French GGE
# report (seed 001, 97 KB, one word of a watched phrase changed), beside
# `git diff --word-diff` on the same two commits, in the same run; plus
# peak memory.
#
# Usage: scripts/bench-check.sh
# Needs the shared corpus (../shared/corpus or $NORMDIFF_CORPUS). Installs
# hyperfine (apt-get or cargo) and GNU time when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=$(cd "${NORMDIFF_CORPUS:-../shared/corpus}" && pwd)
SEED=$(ls "$CORPUS"/seeds/001_*.txt 2>/dev/null | head -1)
[ -f "$SEED" ] || { echo "bench-check: seed 001 not found in $CORPUS" >&2; exit 2; }

. scripts/lib/bench-common.sh
need_hyperfine
need /usr/bin/time time
build_normdiff
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
git init -q -b main
cp "$SEED" report.txt
cat > .normdiff.toml <<'TOML'
[[watch]]
id = "tic"
phrase = "technologies de l'information et des communications"

[[watch]]
id = "iot"
phrase = "Internet des objets"
on_change = "warn"

[[protect]]
path = "report.txt"
label = "18"
TOML
g() { git -c user.name=bench -c user.email=bench@example.org "$@"; }
g add -A && g commit -qm base
sed -i '0,/Internet des objets/s//Internet des choses/' report.txt
g commit -qam head

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"
"$BIN" check --base main~1 --head main | tail -1
hyperfine -N -w 3 -r 30 \
  "$BIN check --base main~1 --head main" \
  "git diff --word-diff main~1 main"
/usr/bin/time -f "normdiff check peak RSS: %M KB" "$BIN" check --base main~1 --head main >/dev/null

#!/usr/bin/env bash
# Benchmark of `normdiff trace` against `git log -S` on the every-amendment
# Civil Code history (549 commits, 3,340 files), in the same run, plus peak
# memory as history grows (first 100 / 300 / 549 commits).
#
# Usage: scripts/bench-trace.sh [PHRASE]   (default: "bon père de famille")
# Needs the shared corpus (../shared/corpus or $NORMDIFF_CORPUS). Installs
# hyperfine (apt-get or cargo) and GNU time when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PHRASE=${1:-"bon père de famille"}
CORPUS=${NORMDIFF_CORPUS:-../shared/corpus}
BUNDLE="$CORPUS/code-civil/code-civil-every-amendment.bundle"
[ -f "$BUNDLE" ] || { echo "bench-trace: $BUNDLE not found" >&2; exit 2; }

if ! command -v hyperfine >/dev/null; then
  (sudo -n apt-get install -y hyperfine || apt-get install -y hyperfine || cargo install --locked hyperfine) >/dev/null
fi
if [ ! -x /usr/bin/time ]; then
  (sudo -n apt-get install -y time || apt-get install -y time) >/dev/null
fi

cargo build --release -q -p normdiff
BIN=$PWD/target/release/normdiff
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
git clone -q "$BUNDLE" "$WORK/cc"
REPO=$WORK/cc

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"
echo "== commits: $(git -C "$REPO" rev-list --count HEAD); phrase: $PHRASE"

hyperfine --warmup 2 --runs 10 --export-markdown "$WORK/hf.md" \
  -n "git log -S" "git -C '$REPO' log --first-parent --format=%h -S '$PHRASE'" \
  -n "normdiff trace (markdown report)" "'$BIN' trace '$PHRASE' --repo '$REPO' -o /dev/null" \
  -n "normdiff trace (json)" "'$BIN' trace '$PHRASE' --repo '$REPO' --format json -o /dev/null"
cat "$WORK/hf.md"

echo "== peak memory (max RSS) as history grows"
printf '| commits | normdiff trace | git log -S |\n|---|---|---|\n'
TOTAL=$(git -C "$REPO" rev-list --count HEAD)
for n in 100 300 "$TOTAL"; do
  REV=$(git -C "$REPO" rev-list --first-parent --reverse HEAD | sed -n "${n}p")
  ours=$(/usr/bin/time -f %M "$BIN" trace "$PHRASE" --repo "$REPO" --rev "$REV" -o /dev/null 2>&1 >/dev/null | tail -1)
  theirs=$(/usr/bin/time -f %M git -C "$REPO" log --first-parent --format=%h -S "$PHRASE" "$REV" 2>&1 >/dev/null | tail -1)
  printf '| %s | %s KiB | %s KiB |\n' "$n" "$ours" "$theirs"
done

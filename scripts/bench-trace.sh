#!/usr/bin/env bash
# Benchmark of `normdiff trace` against `git log -S` on the every-amendment
# Civil Code history (549 commits, 3,340 files), in the same run, plus peak
# memory as history grows (first 100 / 300 / 549 commits).
#
# Usage: scripts/bench-trace.sh [PHRASE]   (default: "bon père de famille")
#        FULL_REPO=DIR [FULL_ONLY=1] [RUNS=N] scripts/bench-trace.sh   (full history, below)
# Needs the shared corpus (../shared/corpus or $NORMDIFF_CORPUS). Installs
# hyperfine (apt-get or cargo) and GNU time when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PHRASE=${1:-"bon père de famille"}
CORPUS=${NORMDIFF_CORPUS:-../shared/corpus}
BUNDLE="$CORPUS/code-civil/code-civil-every-amendment.bundle"
[ -f "$BUNDLE" ] || { echo "bench-trace: $BUNDLE not found" >&2; exit 2; }

. scripts/lib/bench-common.sh
need_hyperfine
need /usr/bin/time time
build_normdiff
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
git clone -q "$BUNDLE" "$WORK/cc"
REPO=$WORK/cc
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"
# FULL_ONLY=1 (with FULL_REPO): only the full-history section below.
if [ -z "${FULL_ONLY:-}" ]; then

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

# The Civil Code's tree grows 3x along its history (1,550 files at commit
# 100, 3,340 at 549), so the table above mixes history length with tree
# size. Here the tree stays the same (40 files) while history grows from
# 500 to 8,000 commits: peak memory should not move.
echo "== peak memory (max RSS), constant tree, growing history"
SYN=$WORK/syn
git init -q "$SYN"
python3 - "$SYN" <<'PY' | git -C "$SYN" fast-import --quiet
import sys
files = 40
# Every commit rewords one file; the phrase's sentences never change, so
# the report (and its memory) stays the same size whatever the length.
base = ("Le débiteur répond de la garde de la chose comme un bon père de famille.\n\n"
        + "Il doit veiller à sa conservation et rendre compte de sa gestion {k}. " * 6)
marks = {}
for k in range(1, 8001):
    f = k % files
    text = base.format(k=k)
    data = text.encode()
    msg = f"commit {k}".encode()
    print("commit refs/heads/main")
    print(f"committer A <a@example.org> {1600000000 + k * 60} +0000")
    print(f"data {len(msg)}"); sys.stdout.flush(); sys.stdout.buffer.write(msg + b"\n")
    print(f"M 100644 inline article-{f:02}.txt")
    print(f"data {len(data)}"); sys.stdout.flush(); sys.stdout.buffer.write(data + b"\n")
    if k in (500, 2000, 8000):
        print(f"reset refs/tags/at-{k}\nfrom refs/heads/main\n")
    sys.stdout.flush()
PY
git -C "$SYN" gc -q
printf '| commits | normdiff trace | git log -S |\n|---|---|---|\n'
for n in 500 2000 8000; do
  ours=$(/usr/bin/time -f %M "$BIN" trace "$PHRASE" --repo "$SYN" --rev "at-$n" -o /dev/null 2>&1 >/dev/null | tail -1)
  theirs=$(/usr/bin/time -f %M git -C "$SYN" log --first-parent --format=%h -S "$PHRASE" "at-$n" 2>&1 >/dev/null | tail -1)
  printf '| %s | %s KiB | %s KiB |\n' "$n" "$ours" "$theirs"
done

fi # FULL_ONLY

# The full Civil Code history (branch `everything`: 20,642 commits,
# 147,826 files), when a clone of it is given: FULL_REPO=DIR, made once with
#   git clone -b everything ../shared/corpus/code-civil/code-civil-full-history.bundle DIR
# (outside the worktree; only read here). Alternating runs (hyperfine) of
# git log -S, one phrase and four terms in one walk; wall and CPU (user+sys)
# means, then each one's peak memory (max RSS), and the ratios. The
# machine's load is printed before and after: other work on the machine
# slows the two-thread trace more than the one-thread git.
if [ -n "${FULL_REPO:-}" ]; then
  echo "== full history: $(git -C "$FULL_REPO" rev-list --first-parent --count HEAD) first-parent commits; phrase: $PHRASE"
  echo "== load before: $(uptime)"
  RUNS=${RUNS:-5}
  GIT_CMD="git -C '$FULL_REPO' log --first-parent --format=%h -S '$PHRASE'"
  ONE_CMD="'$BIN' trace '$PHRASE' --repo '$FULL_REPO' --format json -o /dev/null"
  FOUR_CMD="'$BIN' trace '$PHRASE' --variant 'ordre public' --variant \"l'autorité parentale\" --variant 'juge des tutelles' --repo '$FULL_REPO' --format json -o /dev/null"
  hyperfine --warmup 1 --runs "$RUNS" --export-json "$WORK/full.json" \
    -n "git log -S" "$GIT_CMD" \
    -n "normdiff trace (1 phrase)" "$ONE_CMD" \
    -n "normdiff trace (4 terms)" "$FOUR_CMD"
  rss() { /usr/bin/time -f %M sh -c "$1 >/dev/null 2>&1" 2>&1 | tail -1; }
  RSS_GIT=$(rss "$GIT_CMD"); RSS_ONE=$(rss "$ONE_CMD"); RSS_FOUR=$(rss "$FOUR_CMD")
  echo "== load after: $(uptime)"
  python3 - "$WORK/full.json" "$RSS_GIT" "$RSS_ONE" "$RSS_FOUR" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
rss = [int(x) for x in sys.argv[2:5]]
git = runs[0]
cpu = lambda r: r["user"] + r["system"]
print("| run | wall (mean ± sd) | CPU user+sys | max RSS | wall vs git | CPU vs git | RSS vs git |")
print("|---|---|---|---|---|---|---|")
names = ["git log -S", "normdiff trace (1 phrase)", "normdiff trace (4 terms)"]
for name, r, m in zip(names, runs, rss):
    print(f"| {name} | {r['mean']:.2f} ± {r['stddev']:.2f} s | {cpu(r):.2f} s | {m:,} KiB "
          f"| {r['mean'] / git['mean']:.2f}× | {cpu(r) / cpu(git):.2f}× | {m / rss[0]:.2f}× |")
one, four = runs[1], runs[2]
print(f"\nfour terms against one phrase: wall {four['mean'] / one['mean']:.2f}×, CPU {cpu(four) / cpu(one):.2f}×")
PY
fi

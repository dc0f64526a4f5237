#!/usr/bin/env bash
# Word attribution of `normdiff history` beside `git blame` on one word per
# line (issue 17), on generated 5-version series of the GGE report.
#
# For each seed, the series generator (crates/normdiff-core/tests/series,
# through `cargo run --example gen_series`) writes the five versions, the
# same five versions with one word per line, and the gold introducing
# version of every word of the last version. The word-per-line versions are
# committed in order to a scratch repository and `git blame` (and
# `git blame -M`, which follows lines moved within the file) names a commit
# per line; `normdiff history --format json` names a version per byte
# span. Each is scored against the gold: the share of the last version's
# words whose introducing version is right.
#
# Usage: scripts/history-blame-baseline.sh [SEED...]   (default: 101 … 110,
# the held-out seeds). Needs the shared corpus, git and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${NORMDIFF_CORPUS:-../shared/corpus}
[ -f "$CORPUS/drafts/v7/final.txt" ] || { echo "history-blame-baseline: corpus not found at $CORPUS" >&2; exit 2; }
SEEDS=${*:-$(seq 101 110)}
# PROFILE=debug uses the debug build (accuracy does not depend on it).
PROFILE=${PROFILE:-release}
FLAG=$([ "$PROFILE" = release ] && echo --release || true)
cargo build $FLAG -q -p normdiff
cargo build $FLAG -q -p normdiff-core --example gen_series
BIN=$PWD/target/$PROFILE/normdiff
GEN=$PWD/target/$PROFILE/examples/gen_series
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

score() { # SERIES_DIR: prints "blame blame-M normdiff" right/total triples
  local s=$1 repo=$1/repo
  git init -q "$repo"
  for k in 0 1 2 3 4; do
    cp "$s/words/v$k.txt" "$repo/report.txt"
    git -C "$repo" add report.txt
    GIT_AUTHOR_DATE="2021-0$((k + 1))-01T00:00:00Z" GIT_COMMITTER_DATE="2021-0$((k + 1))-01T00:00:00Z" \
      git -C "$repo" -c user.name=gen -c user.email=gen@example.org commit -q -m "v$k"
  done
  git -C "$repo" log --format=%H --reverse > "$s/commits.txt"
  git -C "$repo" blame -l -s report.txt | cut -c1-41 > "$s/blame.txt"
  git -C "$repo" blame -M -l -s report.txt | cut -c1-41 > "$s/blame-M.txt"
  "$BIN" history "$s"/v{0,1,2,3,4}.txt -f json -o "$s/history.json"
  python3 - "$s" <<'PY'
import json, sys
s = sys.argv[1]
# A boundary commit is printed `^` + 39 hex digits: compare 39.
commits = {c[:39]: i for i, c in enumerate(open(f"{s}/commits.txt").read().split())}
gold = open(f"{s}/words/gold.txt").read().split("\n")[:-1]
def blame(name):
    got = [commits.get(l.lstrip("^")[:39]) for l in open(f"{s}/{name}").read().split("\n")[:-1]]
    pairs = [(g, p) for g, p in zip(gold, got) if g != "-"]
    return sum(int(g) == p for g, p in pairs), len(pairs)
h = json.load(open(f"{s}/history.json"))
text = h["text"].encode()
dated = [None] * len(text)
for sp in h["provenance"]:
    for i in range(sp["start"], sp["end"]):
        dated[i] = sp["version"]
right = total = 0
for line in open(f"{s}/gold-words.tsv"):
    b, st, en, v = map(int, line.split())
    base = h["block_starts"][b]
    # The word's first dated byte (a leading bracket or quote is not a word).
    got = next((dated[i] for i in range(base + st, base + en) if dated[i] is not None), None)
    total += 1
    right += got == v
for r, t in (blame("blame.txt"), blame("blame-M.txt"), (right, total)):
    print(r, t, end=" ")
print()
PY
}

echo "seed  git-blame  git-blame-M  normdiff-history"
TOT="0 0 0 0 0 0"
for seed in $SEEDS; do
  mkdir -p "$WORK/$seed"
  "$GEN" "$CORPUS" "$WORK/$seed" "$seed"
  read -r a b c d e f < <(score "$WORK/$seed")
  printf "%-5s %9.4f  %11.4f  %16.4f\n" "$seed" "$(echo "$a/$b" | bc -l)" "$(echo "$c/$d" | bc -l)" "$(echo "$e/$f" | bc -l)"
  read -r A B C D E F <<< "$TOT"
  TOT="$((A + a)) $((B + b)) $((C + c)) $((D + d)) $((E + e)) $((F + f))"
done
read -r A B C D E F <<< "$TOT"
printf "all   %9.4f  %11.4f  %16.4f   (words: %s)\n" "$(echo "$A/$B" | bc -l)" "$(echo "$C/$D" | bc -l)" "$(echo "$E/$F" | bc -l)" "$F"

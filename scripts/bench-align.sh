#!/usr/bin/env bash
# Cross-language alignment on the UDHR (eng/fra/spa, both variants, all six
# ordered pairs): normdiff beside the Gale–Church aligner from PyPI
# (`galechurch`), same files, F1 against the corpus gold, whole-command time.
# Installs galechurch itself (pip, user site). Never run by tests.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="${NORMDIFF_CORPUS:-../shared/corpus}"
. scripts/lib/bench-common.sh
python3 -m pip install --quiet --user galechurch >/dev/null
need_hyperfine
build_normdiff
python3 - "$CORPUS" "$BIN" <<'PY'
import json, subprocess, sys, time, tempfile, os
corpus, bin_ = sys.argv[1], sys.argv[2]
import galechurch

def starts(path):
    out, prev = [], False
    for i, l in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
        if l.strip() and not prev: out.append(i)
        prev = bool(l.strip())
    return out

def blocks(path):  # gold block texts, in order
    return [b.replace("\n", " ") for b in open(path, encoding="utf-8").read().strip().split("\n\n")]

def nd_map(path):
    s = starts(path)
    d = json.loads(subprocess.run([bin_, "parse", "-f", "json", path], capture_output=True, text=True).stdout)
    return {i: [k + 1 for k, x in enumerate(s) if b["lines"][0] <= x <= b["lines"][1]] for i, b in enumerate(d["blocks"])}

def score(pred, S, P):
    ok = len(pred & (S | P)); p = ok / max(len(pred), 1); r = len(pred & S) / len(S)
    return 2 * p * r / (p + r) if p + r else 0.0

print("| variant | pair | normdiff F1 | galechurch F1 | normdiff ms | galechurch ms |")
print("|---|---|---:|---:|---:|---:|")
for var in ["with-headings", "bare"]:
    for a, b in [("eng", "fra"), ("eng", "spa"), ("fra", "spa")]:
        gold = [l.split("\t") for l in open(f"{corpus}/udhr/gold/{var}/{a}-{b}.tsv") if l[0].isdigit()]
        for src, tgt in [(a, b), (b, a)]:
            flip = src != a
            S, P = set(), set()
            for g in gold:
                x, y = int(g[0]), int(g[1])
                (S if g[4] == "S" else P).add((y, x) if flip else (x, y))
            sp, tp = f"{corpus}/udhr/{var}/{src}.txt", f"{corpus}/udhr/{var}/{tgt}.txt"
            t0 = time.perf_counter()
            out = subprocess.run([bin_, "align", "-f", "tsv", sp, tp], capture_output=True, text=True).stdout
            nd_ms = (time.perf_counter() - t0) * 1000
            ms, mt = nd_map(sp), nd_map(tp)
            pred = set()
            for line in out.splitlines():
                x, y, _ = line.split("\t")
                if x and y:
                    pred |= {(gx, gy) for i in x.split(",") for j in y.split(",") for gx in ms[int(i)] for gy in mt[int(j)]}
            nd_f = score(pred, S, P)
            # galechurch: align gold blocks as "sentences" (one paragraph).
            sb, tb = blocks(sp), blocks(tp)
            t0 = time.perf_counter()
            gc = galechurch.align(sb, tb)
            gc_ms = (time.perf_counter() - t0) * 1000
            gpred = set()
            # Pharaoh lines: "[i,k]:[j]" with 0-based indexes.
            for line in gc.to_pharaoh_lines():
                left, right = line.split(":")
                xs = [int(v) for v in left.strip("[]").split(",") if v]
                ys = [int(v) for v in right.strip("[]").split(",") if v]
                gpred |= {(x + 1, y + 1) for x in xs for y in ys}
            print(f"| {var} | {src}-{tgt} | {nd_f:.4f} | {score(gpred, S, P):.4f} | {nd_ms:.1f} | {gc_ms:.1f} |")
PY

# Whole commands side by side, in one hyperfine run: `normdiff align` against
# galechurch behind a small command-line wrapper (Python start-up included,
# as a user would run it), on the same files.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat > "$WORK/gc_align.py" <<'PY'
import sys, galechurch
def blocks(path):
    return [b.replace("\n", " ") for b in open(path, encoding="utf-8").read().strip().split("\n\n")]
print("\n".join(galechurch.align(blocks(sys.argv[1]), blocks(sys.argv[2])).to_pharaoh_lines()))
PY
echo
echo "Whole commands (hyperfine, same run):"
cmds=()
for pair in "eng fra" "fra spa"; do
  set -- $pair
  S="$CORPUS/udhr/with-headings/$1.txt"; T="$CORPUS/udhr/with-headings/$2.txt"
  cmds+=(-n "normdiff align $1-$2" "$BIN align -f tsv $S $T")
  cmds+=(-n "galechurch $1-$2" "python3 $WORK/gc_align.py $S $T")
done
hyperfine -N -w 3 -r 20 --export-markdown "$WORK/hf.md" "${cmds[@]}" >/dev/null
cat "$WORK/hf.md"

# Issue #13's bar: a 100-paragraph pair under 30 ms as a whole command. The
# first 100 targets of the 2030 Agenda (sdg/bare), English against Russian,
# Chinese and French: the spine, the lexicon and the move search all run.
for l in eng rus cmn_hans fra; do
  python3 - "$CORPUS/sdg/bare/$l.txt" "$WORK/$l.100.txt" <<'PY'
import sys
b = open(sys.argv[1], encoding="utf-8").read().strip().split("\n\n")[:100]
open(sys.argv[2], "w", encoding="utf-8").write("\n\n".join(b) + "\n")
PY
done
echo
echo "100-paragraph pairs (hyperfine, same run):"
cmds=()
for l in rus cmn_hans fra; do
  S="$WORK/eng.100.txt"; T="$WORK/$l.100.txt"
  cmds+=(-n "normdiff align eng-$l (100)" "$BIN align -f tsv $S $T")
  cmds+=(-n "galechurch eng-$l (100)" "python3 $WORK/gc_align.py $S $T")
done
hyperfine -N -w 3 -r 20 --export-markdown "$WORK/hf100.md" "${cmds[@]}" >/dev/null
cat "$WORK/hf100.md"

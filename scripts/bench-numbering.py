#!/usr/bin/env python3
"""Scores `normdiff diff` on generated contract drafts (scripts/gen-contracts.py):
link F1, move recall and renumbering recall against the generator's gold.

Usage: bench-numbering.py NORMDIFF_BINARY PAIRS_DIR [-v]
Prints one line per pair with -v, then the totals. Move precision is the
share of pairs reported `moved` that the gold calls moved: the other side
of a swap reported moved too counts against it.
"""
import json
import os
import subprocess
import sys


def score_pair(binary, d):
    out = subprocess.run([binary, "diff", os.path.join(d, "old.txt"), os.path.join(d, "new.txt"),
                          "--format", "json"], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"{d}: exit {out.returncode}: {out.stderr}")
    report = json.loads(out.stdout)
    pred = {}
    for p in report["pairs"]:
        for o in p["old"]:
            for n in p["new"]:
                pred[(o + 1, n + 1)] = (p["kind"], p["renumbered"])
    gold = {}
    with open(os.path.join(d, "gold.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            o, n, k = line.rstrip("\n").split("\t")
            gold[(int(o), int(n))] = k
    ok = sum(1 for k in pred if k in gold)
    mv = [k for k, v in gold.items() if "moved" in v]
    rn = [k for k, v in gold.items() if "renumbered" in v]
    # A move whose other side was reported instead (two groups swapped: the
    # one normdiff calls moved crosses the gold one) counts as explained.
    moved_pred = [k for k, v in pred.items() if v[0] == "moved"]
    explained = sum(1 for k in mv if k in pred and (pred[k][0] == "moved" or any(
        (o - k[0]) * (n - k[1]) < 0 for o, n in moved_pred)))
    return {
        "explained": explained,
        "correct": ok, "predicted": len(pred), "gold": len(gold),
        "moves": len(mv), "moves_found": sum(1 for k in mv if pred.get(k, ("",))[0] == "moved"),
        "moved_pred": len(moved_pred), "moved_pred_gold": sum(1 for k in moved_pred if "moved" in gold.get(k, "")),
        "renum": len(rn), "renum_found": sum(1 for k in rn if pred.get(k, ("", False))[1]),
        "wrong": [k for k in pred if k not in gold], "missed": [k for k in gold if k not in pred],
    }


def main():
    binary, root = sys.argv[1], sys.argv[2]
    verbose = "-v" in sys.argv
    tot = {"explained": 0, "correct": 0, "predicted": 0, "gold": 0, "moves": 0, "moves_found": 0, "renum": 0, "renum_found": 0,
           "moved_pred": 0, "moved_pred_gold": 0}
    for name in sorted(os.listdir(root)):
        s = score_pair(binary, os.path.join(root, name))
        for k in tot:
            tot[k] += s[k]
        if verbose and (s["wrong"] or s["missed"] or s["moves_found"] < s["moves"] or s["renum_found"] < s["renum"]):
            print(f"{name}: wrong {s['wrong'][:8]} missed {s['missed'][:8]} moves {s['moves_found']}/{s['moves']} "
                  f"renum {s['renum_found']}/{s['renum']}")
    p = tot["correct"] / max(tot["predicted"], 1)
    r = tot["correct"] / max(tot["gold"], 1)
    f1 = 2 * p * r / max(p + r, 1e-9)
    print(f"pairs {len(os.listdir(root))}: link precision {p:.4f} recall {r:.4f} F1 {f1:.4f}; "
          f"move recall {tot['moves_found']}/{tot['moves']} = {tot['moves_found'] / max(tot['moves'], 1):.4f}; "
          f"(either side of a swap: {tot['explained'] / max(tot['moves'], 1):.4f}); "
          f"move precision {tot['moved_pred_gold']}/{tot['moved_pred']} = {tot['moved_pred_gold'] / max(tot['moved_pred'], 1):.4f}; "
          f"renumbered recall {tot['renum_found']}/{tot['renum']} = {tot['renum_found'] / max(tot['renum'], 1):.4f}")


if __name__ == "__main__":
    main()

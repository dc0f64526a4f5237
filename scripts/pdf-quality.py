#!/usr/bin/env python3
"""PDF reading quality on ../shared/corpus/pdf-pairs (issue 15).

  pdf-quality.py extract DIR     score extracted texts DIR/<name>_<lang>.txt
                                 against the gold paragraphs (any extractor)
  pdf-quality.py align NORMDIFF  run `NORMDIFF align` on each PDF pair and
                                 score the links against the gold pairs
  pdf-quality.py align-text NORMDIFF DIR [-layout]
                                 the same on the PDFs converted to text by
                                 `pdftotext` (into DIR): the plain-text
                                 reader's page furniture and page breaks
  pdf-quality.py drafts NORMDIFF DIR
                                 render drafts/v7 zero and final to PDF in
                                 DIR (header, footer, page counter; kept
                                 when present), `NORMDIFF diff` them and
                                 score the pairs against drafts/v7/gold.tsv

extract: `contained` is the share of gold paragraphs found whole in the
text (whitespace ignored, so it measures reading order, furniture and
footnotes inside paragraphs, not spacing); `word recall` / `word precision`
compare word multisets (spurious spaces and furniture cost here).

align: each normdiff block is mapped to the gold paragraphs of its side by
word overlap (see `mapping`); a link
predicts every (gold main, gold other) pair of its blocks' paragraphs.
Precision over predicted pairs, recall over gold pairs (i, i).
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("NORMDIFF_CORPUS", os.path.join(ROOT, "..", "shared", "corpus"))
PAIRS = os.path.join(CORPUS, "pdf-pairs")


def squash(s):
    s = unicodedata.normalize("NFC", s).lower().replace("\u00ad", "")
    return re.sub(r"\s+", "", s)


def words(s):
    return collections.Counter(re.findall(r"\w+", unicodedata.normalize("NFC", s).lower()))


def labels():
    for lab in sorted(glob.glob(os.path.join(PAIRS, "labels", "*.json"))):
        name = os.path.basename(lab)[:-5]
        base, main, other = name.rsplit("_", 2)
        yield base, main, other, json.load(open(lab, encoding="utf-8"))["paragraphs"]


def extract(d):
    tot = collections.Counter()
    for base, main, other, gold in labels():
        for side, lang in (("main_language", main), ("other_language", other)):
            f = os.path.join(d, f"{base}_{lang}.txt")
            if not os.path.exists(f):
                continue
            text = open(f, encoding="utf-8", errors="replace").read()
            sq = squash(text)
            paras = [p[side] for p in gold if p[side].strip()]
            exact = sum(1 for p in paras if squash(p) in sq)
            gw = sum((words(p) for p in paras), collections.Counter())
            ew = words(text)
            inter = sum((gw & ew).values())
            print(f"{base}_{lang:3} paragraphs {len(paras):4}  contained {exact / len(paras):.3f}  "
                  f"word recall {inter / sum(gw.values()):.3f}  word precision {inter / max(1, sum(ew.values())):.3f}")
            tot.update(n=len(paras), ex=exact, gi=inter, g=sum(gw.values()), e=sum(ew.values()))
    print(f"ALL contained {tot['ex'] / tot['n']:.3f}  word recall {tot['gi'] / tot['g']:.3f}  "
          f"word precision {tot['gi'] / tot['e']:.3f}")


def mapping(blocks, paras):
    """Block index → set of gold paragraph indexes: the paragraphs the block
    holds (≥ 80 % of their words) that together make up ≥ 80 % of it, each
    at least a tenth of it; else the one paragraph holding ≥ 80 % of the
    block and covered ≥ 30 % by it."""
    gw = [words(p) for p in paras]
    out = {}
    for b in blocks:
        bw = words(((b.get("marker") or "") + " " + b["text"]))
        nb = sum(bw.values())
        held, best, best_cover = [], None, 0.0
        for i, g in enumerate(gw):
            ng = sum(g.values())
            if not ng or not nb:
                continue
            inter = sum((bw & g).values())
            if inter / ng >= 0.8 and inter / nb >= 0.1:
                held.append((inter / nb, i))
            elif inter / nb >= 0.8 and inter / ng >= 0.3 and inter / nb > best_cover:
                best, best_cover = i, inter / nb
        hit, total = set(), 0.0
        for share, i in sorted(held, reverse=True):
            if total >= 0.8:
                break
            hit.add(i)
            total += share
        if not hit and best is not None:
            hit.add(best)
        out[b["index"]] = hit
    return out


def to_text(pdf, outdir, layout):
    """`pdftotext [-layout] PDF` into OUTDIR; the text file's path."""
    os.makedirs(outdir, exist_ok=True)
    out = os.path.join(outdir, os.path.basename(pdf)[:-4] + ".txt")
    subprocess.run(["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), pdf, out], check=True)
    return out


def align(normdiff, textdir=None, layout=False):
    pdfs = os.path.join(PAIRS, "pdfs")
    f1s = []
    for base, main, other, gold in labels():
        a = os.path.join(pdfs, f"{base}_{main}.pdf")
        b = os.path.join(pdfs, f"{base}_{other}.pdf")
        if textdir:
            a, b = to_text(a, textdir, layout), to_text(b, textdir, layout)
        run = lambda *args: subprocess.run([normdiff, *args], check=True, capture_output=True, text=True).stdout
        ba = json.loads(run("parse", a, "--format", "json"))["blocks"]
        bb = json.loads(run("parse", b, "--format", "json"))["blocks"]
        ma = mapping(ba, [p["main_language"] for p in gold])
        mb = mapping(bb, [p["other_language"] for p in gold])
        pred = set()
        for line in run("align", a, b, "--format", "tsv").splitlines():
            cols = line.split("\t")
            if len(cols) < 2 or not cols[0] or not cols[1] or not cols[0][0].isdigit():
                continue
            for s in map(int, cols[0].split(",")):
                for t in map(int, cols[1].split(",")):
                    pred |= {(x, y) for x in ma.get(s, ()) for y in mb.get(t, ())}
        g = {(i, i) for i in range(len(gold))}
        ok = len(pred & g)
        p = ok / max(1, len(pred))
        r = ok / len(g)
        f1 = 2 * p * r / max(1e-9, p + r)
        f1s.append(f1)
        print(f"{base} {main}-{other}: gold {len(g)} predicted {len(pred)} correct {ok}  "
              f"precision {p:.3f} recall {r:.3f} F1 {f1:.3f}")
    print(f"mean F1 {sum(f1s) / len(f1s):.3f}  min F1 {min(f1s):.3f}")


SYMBOL, JOB = "A/76/999", "21-99999"


def gold_blocks(d, name):
    """Gold block number → text, from <name>_blocks.tsv line ranges."""
    lines = open(os.path.join(d, name + ".txt"), encoding="utf-8").read().split("\n")
    out = {}
    for row in open(os.path.join(d, name + "_blocks.tsv"), encoding="utf-8").read().splitlines()[1:]:
        f = row.split("\t")
        text = []
        for r in f[1].split(";"):
            a, b = map(int, r.split("-"))
            text += lines[a - 1:b]
        out[int(f[0])] = " ".join(text)
    return out


def drafts(normdiff, outdir):
    d = os.path.join(CORPUS, "drafts", "v7")
    os.makedirs(outdir, exist_ok=True)
    run = lambda *args: subprocess.run([normdiff, *args], capture_output=True, text=True).stdout
    docs = {}
    for name in ("zero", "final"):
        pdf = os.path.join(outdir, name + ".pdf")
        if not os.path.exists(pdf):
            subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "pdf-fixtures.py"), "render",
                            os.path.join(d, name + ".txt"), pdf, "--symbol", SYMBOL, "--job", JOB], check=True)
        gold = gold_blocks(d, name)
        ids = sorted(gold)
        blocks = json.loads(run("parse", pdf, "--format", "json"))["blocks"]
        m = mapping(blocks, [gold[i] for i in ids])
        docs[name] = (pdf, {b: {ids[i] for i in v} for b, v in m.items()}, blocks)
        furn = [b["text"] for b in blocks if SYMBOL in b["text"] or JOB in b["text"]
                or re.search(r"(^|\s)\d+/\d+$", b["text"])]
        print(f"{name}: {len(blocks)} blocks, {len(gold)} gold blocks, "
              f"blocks with header/footer/page counter: {len(furn)} {furn[:3]}")
    gold = set()
    for row in open(os.path.join(d, "gold.tsv"), encoding="utf-8").read().splitlines():
        f = row.split("\t")
        if len(f) > 1 and f[0].isdigit() and f[1].isdigit():
            gold.add((int(f[0]), int(f[1])))
    report = json.loads(run("diff", docs["zero"][0], docs["final"][0], "--format", "json"))
    pred = set()
    for p in report["pairs"]:
        for o in p["old"]:
            for n in p["new"]:
                pred |= {(x, y) for x in docs["zero"][1][o] for y in docs["final"][1][n]}
    ok = len(pred & gold)
    pr, rc = ok / max(1, len(pred)), ok / len(gold)
    print(f"drafts/v7 zero.pdf -> final.pdf: gold {len(gold)} predicted {len(pred)} correct {ok} "
          f"precision {pr:.4f} recall {rc:.4f} F1 {2 * pr * rc / max(1e-9, pr + rc):.4f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["extract"]:
        extract(sys.argv[2])
    elif sys.argv[1:2] == ["drafts"]:
        drafts(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["align"]:
        align(sys.argv[2])
    elif sys.argv[1:2] == ["align-text"]:
        align(sys.argv[2], sys.argv[3], "-layout" in sys.argv[4:])
    else:
        sys.exit(__doc__)

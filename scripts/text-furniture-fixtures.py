#!/usr/bin/env python3
"""Plain-text fixtures converted from PDF by `pdftotext` (poppler-utils).

Writes fixtures/text-furniture/ (committed): for each PDF below, its text
as `pdftotext` gives it (`NAME.txt`) and with `-layout`
(`NAME.layout.txt`), UTF-8, form feeds at page breaks, running headers,
footers and page counters left in. The SDG PDFs (fixtures/pdf/sdg/, six
languages) are cut to their first PAGES pages to keep the files small.
tests/cli/text_furniture.rs reads them. Standard library only.

usage:
  text-furniture-fixtures.py          # rebuild fixtures/text-furniture/
  text-furniture-fixtures.py PDF OUT [-layout]
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fixtures", "text-furniture")
LANGS = ["eng", "fra", "spa", "rus", "arb", "cmn_hans"]
PAGES = 4


def convert(pdf, out, layout, last=None):
    """`pdftotext [-layout] [-l LAST] PDF OUT`."""
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if last:
        args += ["-f", "1", "-l", str(last)]
    subprocess.run(args + [pdf, out], check=True)


def fixtures():
    jobs = [(os.path.join(ROOT, "fixtures", "pdf", "gge-excerpt.pdf"), "gge-excerpt", None)]
    jobs += [
        (os.path.join(ROOT, "fixtures", "pdf", "sdg", f"{lang}.pdf"), os.path.join("sdg", lang), PAGES)
        for lang in LANGS
    ]
    for pdf, name, last in jobs:
        for layout in (False, True):
            out = os.path.join(OUT, name + (".layout" if layout else "") + ".txt")
            os.makedirs(os.path.dirname(out), exist_ok=True)
            convert(pdf, out, layout, last)
            print(out)


if __name__ == "__main__":
    if len(sys.argv) == 1:
        fixtures()
    elif len(sys.argv) in (3, 4):
        convert(sys.argv[1], sys.argv[2], sys.argv[3:] == ["-layout"])
    else:
        sys.exit(__doc__)

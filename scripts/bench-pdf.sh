#!/usr/bin/env bash
# Times `normdiff diff` on a 100-page PDF pair, end to end, beside
# `pdftotext` + `diff` on the same PDFs (poppler's extractor and a line
# diff: the cheapest way to compare two PDFs' text). The pair: seed 001 of
# the shared corpus (the GGE report) and an edited version (the edits of
# scripts/bench-diff.sh), each repeated until about 100 pages and rendered
# by LibreOffice with a running header, a job-number footer, an N/M page
# counter and footnotes (scripts/pdf-fixtures.py). Rendered PDFs are kept
# in target/bench-pdf/.
#
#   scripts/bench-pdf.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${NORMDIFF_CORPUS:-../shared/corpus}
OUT=target/bench-pdf
mkdir -p "$OUT"

. scripts/lib/bench-common.sh
need_hyperfine
need pdftotext poppler-utils
need soffice libreoffice-writer-nogui
need pdfinfo poppler-utils

build_normdiff

SEED=$(ls "$CORPUS"/seeds/001_*.txt | head -1)
if [ ! -s "$OUT/new.pdf" ]; then
  python3 - "$SEED" "$OUT" <<'PY'
import sys
seed, out = sys.argv[1], sys.argv[2]
text = open(seed, encoding="utf-8").read()
def edit(t):
    t = t.replace("les États devraient", "les États doivent").replace("l'Assemblée", "l’Assemblée")
    p = t.split("\n\n")
    if len(p) > 120:
        m = p.pop(100); p.insert(110, m); p.pop(50)
        p.insert(30, "Le Groupe note que la résilience des réseaux est une préoccupation commune.")
    return "\n\n".join(p)
reps = 4
open(f"{out}/old.txt", "w", encoding="utf-8").write("\n\n".join([text] * reps))
open(f"{out}/new.txt", "w", encoding="utf-8").write("\n\n".join([edit(text)] * reps))
PY
  for n in old new; do
    python3 scripts/pdf-fixtures.py render "$OUT/$n.txt" "$OUT/$n.pdf"
  done
fi
echo "pages: $(pdfinfo "$OUT/old.pdf" | awk '/^Pages/ {print $2}') and $(pdfinfo "$OUT/new.pdf" | awk '/^Pages/ {print $2}')"
diff_ok "$OUT/old.pdf" "$OUT/new.pdf" --format json
hyperfine -i --warmup 2 --runs 10 -N --export-markdown "$OUT/results.md" \
  -n "normdiff diff (PDF, JSON)" "$BIN diff $OUT/old.pdf $OUT/new.pdf --format json -o /dev/null" \
  -n "pdftotext x2 + diff" "sh -c 'pdftotext -enc UTF-8 $OUT/old.pdf $OUT/old-p.txt; pdftotext -enc UTF-8 $OUT/new.pdf $OUT/new-p.txt; diff $OUT/old-p.txt $OUT/new-p.txt > /dev/null; true'" \
  -n "normdiff parse (one PDF)" "$BIN parse $OUT/old.pdf --format json -o /dev/null"
cat "$OUT/results.md"

#!/usr/bin/env bash
# Times `normdiff diff` on a Word pair end to end beside the usual way
# without it: LibreOffice converts both .docx to text, then
# `git diff --no-index --word-diff` compares the texts. Inputs: the
# drafts/v7 zero draft and final report as Word (scripts/make-docx-fixtures.py
# --heldout, automatic numbering, footnotes, tables, split runs), once
# (about 30 pages) and concatenated 4 times (about 110 pages at 500 words
# a page). Results go to target/bench-word/.
#
#   scripts/bench-word.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${NORMDIFF_CORPUS:-../shared/corpus}
OUT=target/bench-word
mkdir -p "$OUT"

. scripts/lib/bench-common.sh
need_hyperfine
need soffice libreoffice-writer-nogui
build_normdiff

for n in 1 4; do
  python3 scripts/make-docx-fixtures.py --heldout "$OUT/x$n" "$CORPUS" "$n"
  words=$("$BIN" parse "$OUT/x$n/final.docx" --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(sum(len(b["text"].split()) for b in d["blocks"]))')
  echo "== x$n: final draft $words words (~$((words / 500)) pages)"
  diff_ok "$OUT/x$n/zero.docx" "$OUT/x$n/final.docx"
  diff_ok "$OUT/x$n/zero.docx" "$OUT/x$n/final.docx" --format docx
  hyperfine -i --warmup 2 --runs 10 -N --export-markdown "$OUT/x$n.md" \
    -n "normdiff diff (docx)" "$BIN diff $OUT/x$n/zero.docx $OUT/x$n/final.docx -o $OUT/x$n/redline.md" \
    -n "normdiff diff --format docx" "$BIN diff $OUT/x$n/zero.docx $OUT/x$n/final.docx --format docx -o $OUT/x$n/redline.docx"
  hyperfine --warmup 1 --runs 3 --export-markdown "$OUT/x$n-soffice.md" \
    -n "soffice --convert-to txt + git diff --word-diff" \
    "cd $OUT/x$n && soffice --headless --convert-to txt:Text zero.docx final.docx >/dev/null 2>&1 && git diff --no-index --word-diff zero.txt final.txt >/dev/null || true"
done
cat "$OUT"/x*.md

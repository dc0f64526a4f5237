#!/usr/bin/env python3
"""Renders plain-text drafts to PDF the way UN documents are printed.

Each text is laid out by LibreOffice (`soffice --headless`) from a flat ODF
file written here: a running header with the document symbol, a footer with
the job number and an `N/M` page counter, footnotes as real footnotes
(`¹ text` blocks of the input, called where `¹` stands in a paragraph),
paragraphs cut by page breaks in the input rejoined first, optionally two
columns. Standard library only.

usage:
  pdf-fixtures.py render SRC.txt OUT.pdf [--columns 2] [--symbol A/76/135] [--job 21-09447]
  pdf-fixtures.py fixtures            # rebuild fixtures/pdf/ (committed)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def blocks(text):
    """Blocks of the text (blank-line separated), lines joined."""
    out = []
    for raw in re.split(r"\n\s*\n", text):
        lines = [l.strip() for l in raw.strip().splitlines() if l.strip()]
        if lines:
            out.append(" ".join(lines))
    return out


def split_notes(bs):
    """Body blocks (page-break splits rejoined) and {marker: note text}."""
    body, notes = [], {}
    for b in bs:
        m = re.match("([" + SUP + "]+) (.*)", b)
        if m:
            notes[m.group(1)] = m.group(2)
        elif body and not re.search(r"[.:;!?»)]$", body[-1]) and b[:1].islower():
            body[-1] += " " + b
        else:
            body.append(b)
    return body, notes


def paragraph(b, notes, used):
    """One <text:p>, footnote calls made real footnotes."""
    style = "H" if re.match(r"^([IVX]+|[A-H])\. ", b) and len(b) < 120 else "P"
    parts = re.split("([" + SUP + "]+)", b)
    xml = []
    for p in parts:
        if p in notes and p not in used:
            used.add(p)
            n = len(used)
            xml.append(
                f'<text:note text:id="n{n}" text:note-class="footnote">'
                f"<text:note-citation>{n}</text:note-citation><text:note-body>"
                f'<text:p text:style-name="FN">{escape(notes[p])}</text:p>'
                f"</text:note-body></text:note>"
            )
        else:
            xml.append(escape(p))
    return f'<text:p text:style-name="{style}">{"".join(xml)}</text:p>'


def fodt(text, symbol, job, columns):
    body, notes = split_notes(blocks(text))
    used = set()
    paras = "\n".join(paragraph(b, notes, used) for b in body)
    cols = (
        f'<style:columns fo:column-count="{columns}" fo:column-gap="0.6cm"/>'
        if columns > 1
        else ""
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Serif" svg:font-family="'DejaVu Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph">
  <style:text-properties style:font-name="Serif" fo:font-size="10pt" fo:language="fr"/>
 </style:style>
 <style:style style:name="P" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.2cm" fo:line-height="120%"/>
 </style:style>
 <style:style style:name="H" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="FN" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="8pt"/>
 </style:style>
 <style:style style:name="HF" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="8pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
   fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm">{cols}</style:page-layout-properties>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.5cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="HF">{escape(symbol)}</text:p></style:header>
  <style:footer><text:p text:style-name="HF">{escape(job)}<text:tab/><text:page-number text:select-page="current">1</text:page-number>/<text:page-count>1</text:page-count></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{paras}
</office:text></office:body></office:document>
"""


def render(src, out, columns=1, symbol="A/76/135", job="21-09447"):
    text = open(src, encoding="utf-8").read()
    with tempfile.TemporaryDirectory() as tmp:
        stem = os.path.splitext(os.path.basename(out))[0]
        f = os.path.join(tmp, stem + ".fodt")
        open(f, "w", encoding="utf-8").write(fodt(text, symbol, job, columns))
        profile = "file://" + os.path.join(tmp, "profile")
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless",
             "--convert-to", "pdf", "--outdir", tmp, f],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        shutil.copy(os.path.join(tmp, stem + ".pdf"), out)


def fixtures():
    """fixtures/pdf/: the GGE drafts as PDF, two columns, and bad input."""
    d = os.path.join(ROOT, "fixtures", "pdf")
    os.makedirs(d, exist_ok=True)
    gge = os.path.join(ROOT, "fixtures", "drafts", "gge")
    render(os.path.join(gge, "old.txt"), os.path.join(d, "gge-old.pdf"))
    render(os.path.join(gge, "new.txt"), os.path.join(d, "gge-new.pdf"))
    excerpt = os.path.join(ROOT, "fixtures", "parse", "gge-excerpt.txt")
    render(excerpt, os.path.join(d, "gge-excerpt.pdf"))
    render(excerpt, os.path.join(d, "gge-two-columns.pdf"), columns=2)
    good = os.path.join(d, "gge-excerpt.pdf")
    subprocess.run(
        ["qpdf", "--encrypt", "secret", "owner", "256", "--", good,
         os.path.join(d, "encrypted.pdf")],
        check=True,
    )
    data = open(good, "rb").read()
    open(os.path.join(d, "truncated.pdf"), "wb").write(data[: len(data) // 3])
    open(os.path.join(d, "no-text.pdf"), "wb").write(no_text_pdf())


def no_text_pdf():
    """A one-page PDF with a drawing and no text: what a scan looks like."""
    content = b"0 0 1 rg 100 100 400 600 re f"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["fixtures"]:
        fixtures()
    elif args[:1] == ["render"] and len(args) >= 3:
        cols = int(args[args.index("--columns") + 1]) if "--columns" in args else 1
        sym = args[args.index("--symbol") + 1] if "--symbol" in args else "A/76/135"
        job = args[args.index("--job") + 1] if "--job" in args else "21-09447"
        render(args[1], args[2], columns=cols, symbol=sym, job=job)
    else:
        sys.exit(__doc__)

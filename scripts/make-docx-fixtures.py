#!/usr/bin/env python3
"""Builds the Word (.docx) fixtures of normdiff from XML written by hand.

    python3 scripts/make-docx-fixtures.py            # fixtures/word/*.docx (committed)
    python3 scripts/make-docx-fixtures.py --heldout OUT CORPUS [REPEAT]
        # OUT/zero.docx, OUT/final.docx and OUT/{zero,final}.map.tsv from
        # CORPUS/drafts/v7/{zero,final}.txt (not committed: built by the test);
        # REPEAT concatenates the drafts that many times (benchmarks)

Only the standard library: the XML is written directly, so every feature
the reader must handle is in the file on purpose: automatic numbering at
two levels (numbering.xml, `%1.` and `%1 %2)`), footnotes, a table, words
split into runs by formatting, tracked changes, a text box, a content
control, a field. Output is deterministic (fixed ZIP dates, sorted parts).
"""
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
DATE = "2026-01-01T00:00:00Z"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="SingleTxt"><w:name w:val="Single Txt"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"""


def numbering(sub_text="%1 %2)", overrides=()):
    """Abstract list 0: level 0 `%1.` decimal, level 1 lowerLetter.
    numId 1 and 2 share its counters; `overrides` adds (numId, level, start)."""
    lvl = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{sub_text}"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%3)"/></w:lvl>'
    )
    nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
    for num_id, level, start in overrides:
        nums += (
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="0"/>'
            f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
        )
    bullets = '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
    nums += '<w:num w:numId="9"><w:abstractNumId w:val="1"/></w:num>'
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {W}>'
        f'<w:abstractNum w:abstractNumId="0">{lvl}</w:abstractNum>{bullets}{nums}</w:numbering>'
    )


def footnotes_xml(notes):
    body = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    )
    for i, text in enumerate(notes, start=1):
        body += (
            f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
        )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W}>{body}</w:footnotes>'


def run(text, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def split_runs(text, seed):
    """The text in runs cut mid-word, alternately bold, as Word leaves it
    after formatting edits (deterministic cuts)."""
    out, pos, k = [], 0, seed
    while pos < len(text):
        k = (k * 1103515245 + 12345) % 2**31
        step = 7 + k % 23
        out.append(run(text[pos : pos + step], bold=(len(out) % 3 == 1)))
        pos += step
    return "".join(out)


def para(content, style=None, num=None, extra_ppr=""):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr += extra_ppr
    ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f"<w:p>{ppr}{content}</w:p>"


def table(rows):
    xml = "<w:tbl><w:tblPr/>"
    for cells in rows:
        xml += "<w:tr>" + "".join(f"<w:tc>{para(run(c))}</w:tc>" for c in cells) + "</w:tr>"
    return xml + "</w:tbl>"


def document(body):
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W} {R}>'
        f'<w:body>{body}<w:sectPr/></w:body></w:document>'
    )


def write_docx(path, doc, numbering_xml, notes):
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "word/_rels/document.xml.rels": DOC_RELS,
        "word/document.xml": doc,
        "word/styles.xml": STYLES,
        "word/numbering.xml": numbering_xml,
        "word/footnotes.xml": footnotes_xml(notes),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in parts:  # [Content_Types].xml first, as Word writes it
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[name].encode("utf-8"))


def fn_ref(i):
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{i}"/></w:r>'


def ins(text, rid):
    return f'<w:ins w:id="{rid}" w:author="Secretariat" w:date="{DATE}">{run(text)}</w:ins>'


def dele(text, rid):
    t = escape(text)
    return (
        f'<w:del w:id="{rid}" w:author="Secretariat" w:date="{DATE}">'
        f'<w:r><w:delText xml:space="preserve">{t}</w:delText></w:r></w:del>'
    )


def small_pair(out):
    """The committed pair: zero draft and final, 2-level numbering,
    footnotes, a table, split runs; the final carries tracked changes."""
    n = numbering()
    notes = ["See A/76/135, para. 7.", "Resolution 73/27 of the General Assembly."]
    common_table = table([["Agenda item", "Document"], ["Opening of the session", "A/AC.1/1"]])
    zero = "".join([
        para(run("I. Introduction"), style="Heading1"),
        para(split_runs("The Group notes that existing and emerging threats persist.", 1) + fn_ref(1), num=(1, 0)),
        para(split_runs("States should cooperate to prevent harmful practices.", 2), num=(1, 0)),
        para(run("increase stability;"), num=(1, 1)),
        para(run("prevent harmful ICT practices."), num=(1, 1)),
        common_table,
        para(run("II. Norms"), style="Heading1"),
        para(split_runs("The Group recalls resolution 73/27 of the General Assembly.", 3) + fn_ref(2), num=(2, 0)),
        para(run("Unnumbered closing paragraph with a field: ")
             + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>'),
    ])
    final = "".join([
        para(run("I. Introduction"), style="Heading1"),
        para(split_runs("The Group notes that existing and emerging threats persist.", 1) + fn_ref(1), num=(1, 0)),
        para(run("A new paragraph inserted in the final report."), num=(1, 0)),
        para(run("States ") + dele("should", 10) + ins("must", 11)
             + run(" cooperate to prevent harmful practices."), num=(1, 0)),
        para(run("increase stability and security;"), num=(1, 1)),
        para(run("prevent harmful ICT practices."), num=(1, 1)),
        common_table,
        para(run("II. Norms"), style="Heading1"),
        para(split_runs("The Group recalls resolution 73/27 of the General Assembly.", 3) + fn_ref(2), num=(2, 0)),
        para(run("Unnumbered closing paragraph with a field: ")
             + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>'),
    ])
    write_docx(out / "zero.docx", document(zero), n, notes)
    write_docx(out / "final.docx", document(final), n, notes)


def features(out):
    """One file with the harder features: text box, content control,
    paragraph-mark revisions, moves, hidden text, RTL and CJK runs,
    restarts and numbering continued across lists."""
    n = numbering(sub_text="%2)", overrides=[(5, 0, 18)])
    body = "".join([
        para(run("First numbered."), num=(1, 0)),
        para(run("Interrupting plain paragraph.")),
        para(run("Continued list, other instance."), num=(2, 0)),
        para(run("Restarted at eighteen."), num=(5, 0)),
        para(run("Its sub-paragraph."), num=(5, 1)),
        para(run("Numbered by its style."), style="SingleTxt"),
        para(run("Bullet item."), num=(9, 0)),
        para(run("Content control: ")
             + '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>'
             + run("inside the control") + "</w:sdtContent></w:sdt>"),
        para(run("Anchor of a text box.")
             + '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
             + '<mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
             + para(run("Text in the box.")) + "</w:txbxContent></w:drawing></mc:Choice>"
             + '<mc:Fallback><w:pict><w:txbxContent>' + para(run("Text in the box."))
             + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"),
        para(run("Visible ") + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden </w:t></w:r>' + run("text.")),
        para(run("Paragraph whose mark was deleted, "),
             extra_ppr=f'<w:rPr><w:del w:id="20" w:author="A" w:date="{DATE}"/></w:rPr>'),
        para(run("joined to this one.")),
        para(f'<w:moveFrom w:id="21" w:author="A" w:date="{DATE}">' + run("Moved sentence.") + "</w:moveFrom>"),
        para(run("Target: ") + f'<w:moveTo w:id="22" w:author="A" w:date="{DATE}">' + run("Moved sentence.") + "</w:moveTo>"),
        para(run("المادة الأولى: يولد جميع الناس أحراراً"), extra_ppr="<w:bidi/>"),
        para(run("第一条 人人生而自由，在尊严和权利上一律平等。")),
        para(run("Field: ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF x </w:instrText></w:r>'
             + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("result") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
        para(run("AT&amp;T &lt;tag&gt;".replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))),
    ])
    write_docx(out / "features.docx", document(body), n, [])


def bad_files(out):
    good = (out / "zero.docx").read_bytes()
    (out / "truncated.docx").write_bytes(good[: len(good) // 2])
    with zipfile.ZipFile(out / "not-word.docx", "w") as z:
        info = zipfile.ZipInfo("readme.txt", date_time=(2026, 1, 1, 0, 0, 0))
        z.writestr(info, "just a ZIP archive\n")
    # An OLE compound file header and the UTF-16 stream name of an
    # encrypted Office document (what Word writes for a password).
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    ole += "EncryptedPackage".encode("utf-16-le") + bytes(64)
    (out / "encrypted.docx").write_bytes(ole)


# --- held-out pair from the text drafts -------------------------------------

NUM = re.compile(r"^(\d+)\.\s+(.*)$", re.S)
SUB = re.compile(r"^([a-z])\)\s+(.*)$", re.S)
SUP = "¹²³⁴⁵⁶⁷⁸⁹⁰"


def text_blocks(path):
    raw = Path(path).read_text(encoding="utf-8")
    return [b for b in re.split(r"\n\s*\n", raw) if b.strip()]


def heldout(out, corpus, repeat=1):
    """Each text draft as Word: numbered paragraphs `N.` and `a)` as
    automatic numbering (a new list instance with a start override where
    the numbers jump), tab-separated lines as table rows, section headings
    in a heading style, footnote marks as real footnotes, words split into
    runs. Writes a map: for each block the reader should find, the 1-based
    gold block and the label Word prints (or -)."""
    notes_src = [b.strip().lstrip("*¹²³⁴⁵ ").strip() for b in text_blocks(Path(corpus) / "drafts/final_footnotes.txt")]
    for name in ("zero", "final"):
        body, rows_map, overrides, notes = [], [], [], []
        expect_num, expect_sub, num_id, next_id = 1, 1, 1, 10
        blocks = text_blocks(Path(corpus) / f"drafts/v7/{name}.txt") * repeat
        for gold, block in enumerate(blocks, start=1):
            lines = block.split("\n")
            if any("\t" in l for l in lines) and len(lines) > 1:
                body.append(table([l.split("\t") for l in lines]))
                rows_map += [(gold, "-")] * sum(1 for l in lines if l.strip())
                continue
            text = " ".join(l.strip() for l in lines)
            m, s = NUM.match(text), SUB.match(text)
            def content(t, seed=gold):
                out_runs = ""
                for piece in re.split(f"([{SUP}]+)", t):
                    if piece and piece[0] in SUP:
                        for _ in piece:
                            notes.append(notes_src[len(notes) % len(notes_src)] if notes_src else "Note.")
                            out_runs += fn_ref(len(notes))
                    elif piece:
                        out_runs += split_runs(piece, seed)
                return out_runs
            if m:
                n = int(m.group(1))
                if n != expect_num:
                    num_id = next_id
                    next_id += 1
                    overrides.append((num_id, 0, n))
                expect_num, expect_sub = n + 1, 1
                body.append(para(content(m.group(2)), num=(num_id, 0)))
                rows_map.append((gold, str(n)))
            elif s and ord(s.group(1)) - 96 == expect_sub and expect_num > 1:
                expect_sub += 1
                body.append(para(content(s.group(2)), num=(num_id, 1)))
                rows_map.append((gold, s.group(1) + ")"))
            else:
                style = "Heading1" if re.match(r"^[IVX]+\.\s", text) else None
                body.append(para(content(text), style=style))
                rows_map.append((gold, "-"))
        write_docx(out / f"{name}.docx", document("".join(body)), numbering("%2)", overrides), notes)
        with open(out / f"{name}.map.tsv", "w", encoding="utf-8") as f:
            f.write("".join(f"{g}\t{label}\n" for g, label in rows_map))


def main():
    if len(sys.argv) in (4, 5) and sys.argv[1] == "--heldout":
        out = Path(sys.argv[2])
        out.mkdir(parents=True, exist_ok=True)
        heldout(out, sys.argv[3], int(sys.argv[4]) if len(sys.argv) == 5 else 1)
        return
    out = Path(__file__).resolve().parent.parent / "fixtures" / "word"
    out.mkdir(parents=True, exist_ok=True)
    small_pair(out)
    features(out)
    bad_files(out)


if __name__ == "__main__":
    main()

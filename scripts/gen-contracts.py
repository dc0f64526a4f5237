#!/usr/bin/env python3
"""Generates pairs of contract- and legislation-style drafts with a gold
alignment, for the numbering benchmark (issue #12; see docs/alignment.md).

Each pair is an old and a new draft built from one tree of clauses
(sections, numbered clauses, continuation paragraphs, lettered and Roman
sub-items, schedules of identical clauses), numbered in one of several
styles (decimal multi-level `2.7`/`7.1.3`, `Article N` with `1.`/`(a)`,
`Section N(a)(i)`, plain `1.` with `a)`), then edited: renumber storms
(clauses inserted or deleted early), moves of clause groups with their
continuation and sub-items, wholesale rewrites under the same number,
edits to copies in a schedule of identical clauses, word edits.

Gold (`gold.tsv`, one row per linked block pair, 1-based blocks): `old
new kind`, where kind joins `moved`, `renumbered`, `modified` with `+`
(`=` for an unchanged block in place). Blocks only on one side are not
listed: they must stay unaligned (a wholesale rewrite is a deletion and
an insertion).

Usage: gen-contracts.py OUT_DIR --seed S --pairs N
"""
import argparse
import os
import random

SUBJECTS = ["The Supplier", "The Buyer", "Each Party", "The Contractor", "The Licensee",
            "The Licensor", "The Minister", "The Authority", "The Commission", "Every Member State",
            "The Employer", "The Agent", "The Lender", "The Borrower", "The Tenant", "The Landlord"]
MODALS = ["shall", "may", "must", "shall not", "is entitled to", "undertakes to"]
VERBS = ["deliver", "notify", "pay", "inspect", "maintain", "disclose", "indemnify", "insure",
         "certify", "publish", "register", "terminate", "review", "approve", "transfer", "retain",
         "report", "audit", "renew", "suspend", "license", "repair", "supply", "store"]
OBJECTS = ["the Goods", "all invoices", "the Premises", "the Licensed Software", "any Confidential Information",
           "the annual accounts", "the Deposit", "the Equipment", "the personal data", "the Works",
           "the Services", "the Security", "the Loan", "the Permit", "the Records", "the Royalties",
           "the Rent", "the Fees", "the Plans", "the Certificates"]
TAILS = ["within thirty days of the Effective Date", "in accordance with Schedule 2",
         "at its own cost and expense", "without undue delay", "to the reasonable satisfaction of the Buyer",
         "subject to the prior written consent of the other Party", "on or before the Completion Date",
         "in a form approved by the Authority", "as soon as reasonably practicable",
         "unless otherwise agreed in writing", "at the place designated by the Employer",
         "in compliance with all applicable laws and regulations", "for the duration of the Term",
         "before the end of each calendar quarter", "by registered mail to the address in clause 1",
         "in the official language of the Member State concerned"]
EXTRAS = ["Any notice under this clause must be given in writing.",
          "This obligation survives the termination of this Agreement.",
          "The costs of such measures are borne by the defaulting Party.",
          "Failure to comply entitles the other Party to damages.",
          "The Authority may extend this period once by a reasoned decision.",
          "Nothing in this clause limits the rights of third parties.",
          "Such consent may not be unreasonably withheld or delayed.",
          "The period runs from the day after the notification."]
HEADINGS = ["Definitions", "Scope", "Obligations of the Supplier", "Payment", "Delivery", "Warranties",
            "Liability", "Confidentiality", "Term and Termination", "Force Majeure", "Governing Law",
            "Dispute Resolution", "Intellectual Property", "Data Protection", "Insurance", "Audit",
            "Notices", "Assignment", "Entry into Force", "Final Provisions", "Penalties", "Reporting"]
REWRITES = ["Upon request, every document exchanged hereunder must be translated into French by a sworn translator.",
            "Quarterly meetings of the steering committee take place in Vienna unless the chair decides otherwise.",
            "Environmental impact assessments precede any construction on protected wetlands.",
            "Fishing vessels flying a foreign flag require a licence issued by the harbour master.",
            "Pensions accrued before retirement are indexed to consumer prices every January.",
            "Volunteers under eighteen years of age need parental permission before travelling abroad."]
SCHEDULE = "The Supplier shall replace any defective unit free of charge within ten working days."


class Node:
    counter = 0

    def __init__(self, kind, text, children=None):
        Node.counter += 1
        self.id = Node.counter
        self.kind = kind  # section | clause | cont | sub | subsub
        self.text = text
        self.children = children or []


def sentence(rng):
    s = f"{rng.choice(SUBJECTS)} {rng.choice(MODALS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
    if rng.random() < 0.5:
        s += f" and {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
    return s + "."


def clause(rng):
    text = sentence(rng)
    if rng.random() < 0.4:
        text += " " + rng.choice(EXTRAS)
    kids = []
    r = rng.random()
    if r < 0.3:
        kids = [Node("cont", sentence(rng) + " " + rng.choice(EXTRAS)) for _ in range(rng.randint(1, 2))]
    elif r < 0.55:
        text = text[:-1] + ", as follows:"
        for _ in range(rng.randint(2, 4)):
            sub = Node("sub", f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)};")
            if rng.random() < 0.25:
                sub.children = [Node("subsub", f"{rng.choice(OBJECTS)} {rng.choice(TAILS)};") for _ in range(2)]
            kids.append(sub)
    return Node("clause", text, kids)


def document(rng):
    sections = []
    for h in rng.sample(HEADINGS, rng.randint(4, 8)):
        sections.append(Node("section", h, [clause(rng) for _ in range(rng.randint(2, 6))]))
    if rng.random() < 0.6:
        n = rng.randint(8, 30)
        sections.append(Node("section", "Schedule of Replacements", [Node("clause", SCHEDULE) for _ in range(n)]))
    return sections


ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]


def render(sections, style):
    """Blocks as (node id, printed label path, text)."""
    out = []
    letters = "abcdefghijklmnop"
    clause_no = 0
    for si, sec in enumerate(sections, 1):
        head = {"decimal": f"{si}. {sec.text}", "article": f"Article {si}", "section": f"Section {si}. {sec.text}",
                "plain": sec.text.upper()}[style]
        if style == "article":
            head = f"Article {si}\n{sec.text}" if False else f"Article {si} - {sec.text}"
        out.append((sec.id, f"s{si}" if style != "plain" else None, head))
        for ci, cl in enumerate(sec.children, 1):
            clause_no += 1
            lab = {"decimal": f"{si}.{ci}", "article": f"{ci}.", "section": f"{si}({letters[ci - 1]})" if ci <= 16 else f"{si}.{ci}",
                   "plain": f"{clause_no}."}[style]
            path = {"decimal": f"{si}.{ci}", "article": f"{si}/{ci}", "section": f"{si}/{ci}", "plain": f"{clause_no}"}[style]
            if style == "section":
                lab = f"{si}.{ci}"
            out.append((cl.id, path, f"{lab} {cl.text}"))
            subs = 0
            for k in cl.children:
                if k.kind == "cont":
                    out.append((k.id, None, k.text))
                    continue
                subs += 1
                if style == "decimal" and rng_flag(cl.id):
                    slab = f"{si}.{ci}.{subs}"
                    spath = slab
                else:
                    slab = f"({letters[subs - 1]})" if style != "plain" else f"{letters[subs - 1]})"
                    spath = f"{path}/{letters[subs - 1]}"
                out.append((k.id, spath, f"{slab} {k.text}"))
                for ri, r in enumerate(k.children):
                    out.append((r.id, f"{spath}/{ROMAN[ri]}", f"({ROMAN[ri]}) {r.text}"))
    return out


def rng_flag(i):
    return i % 3 == 0


def flatten_ids(sections):
    ids = []
    for s in sections:
        ids.append(s.id)
        for c in s.children:
            ids.append(c.id)
            for k in c.children:
                ids.append(k.id)
                ids.extend(r.id for r in k.children)
    return ids


def copy_tree(sections):
    def cp(n):
        m = Node.__new__(Node)
        m.id, m.kind, m.text = n.id, n.kind, n.text
        m.children = [cp(k) for k in n.children]
        return m
    return [cp(s) for s in sections]


def edit(rng, old):
    """The new draft and the ids of moved, modified and rewritten nodes."""
    new = copy_tree(old)
    moved, modified = set(), set()
    normal = [s for s in new if s.text != "Schedule of Replacements"]
    # Renumber storm: clauses inserted (or deleted) early.
    for _ in range(rng.randint(1, 3)):
        sec = rng.choice(normal[:2])
        if rng.random() < 0.6 or len(sec.children) < 2:
            sec.children.insert(rng.randint(0, len(sec.children)), clause(rng))
        else:
            sec.children.pop(rng.randrange(len(sec.children)))
    if rng.random() < 0.3:
        new.insert(0, Node("section", "Preliminary Provisions", [clause(rng) for _ in range(2)]))
    # Moves of clause groups (a clause with its continuation and sub-items).
    for _ in range(rng.randint(1, 3)):
        src = rng.choice(normal)
        if len(src.children) < 2:
            continue
        cl = src.children.pop(rng.randrange(len(src.children)))
        dst = rng.choice(normal)
        dst.children.insert(rng.randint(0, len(dst.children)), cl)
        moved.add(cl.id)
        moved.update(k.id for k in cl.children)
        moved.update(r.id for k in cl.children for r in k.children)
    # Wholesale rewrites under the same number: a new node in the old place.
    for _ in range(rng.randint(0, 2)):
        sec = rng.choice(normal)
        i = rng.randrange(len(sec.children))
        if sec.children[i].id in moved:
            continue
        sec.children[i] = Node("clause", rng.choice(REWRITES))
    # Word edits.
    nodes = [c for s in normal for c in s.children if c.id not in moved]
    for c in rng.sample(nodes, min(len(nodes), rng.randint(2, 6))):
        if " shall " in c.text:
            c.text = c.text.replace(" shall ", " must ", 1)
        else:
            c.text = c.text.replace(".", " in good faith.", 1) if c.text.endswith(".") else c.text + " in good faith"
        modified.add(c.id)
    # Schedules: edit two copies.
    for s in new:
        if s.text == "Schedule of Replacements" and len(s.children) > 3:
            for c in rng.sample(s.children, 2):
                c.text = c.text.replace("shall", "must")
                modified.add(c.id)
    return new, moved, modified


def really_moved(ob, nb, moved):
    """The moved nodes whose place changed: the nearest block before them
    that is on both sides and was not moved differs between the drafts (a
    group moved to where it already stood, after deletions, did not move)."""
    both = {b[0] for b in ob} & {b[0] for b in nb}

    def before(blocks):
        out, last = {}, None
        for nid, _, _ in blocks:
            out[nid] = last
            if nid in both and nid not in moved:
                last = nid
        return out
    bo, bn = before(ob), before(nb)
    return {m for m in moved if m in both and bo.get(m) != bn.get(m)}


def write_pair(rng, out_dir, name):
    Node.counter = 0
    old = document(rng)
    Node.counter = 10_000
    new, moved, modified = edit(rng, old)
    style = rng.choice(["decimal", "article", "section", "plain"])
    ob, nb = render(old, style), render(new, style)
    os.makedirs(os.path.join(out_dir, name), exist_ok=True)
    for fname, blocks in (("old.txt", ob), ("new.txt", nb)):
        with open(os.path.join(out_dir, name, fname), "w", encoding="utf-8") as f:
            f.write("\n\n".join(b[2] for b in blocks) + "\n")
    where = {b[0]: k for k, b in enumerate(nb)}
    moved = really_moved(ob, nb, moved)
    # Gold moves: a node is moved if it was in a moved group.
    with open(os.path.join(out_dir, name, "gold.tsv"), "w", encoding="utf-8") as f:
        f.write("old\tnew\tkind\n")
        for i, (nid, path, _) in enumerate(ob):
            j = where.get(nid)
            if j is None:
                continue
            kinds = []
            if nid in moved:
                kinds.append("moved")
            if path != nb[j][1]:
                kinds.append("renumbered")
            if nid in modified:
                kinds.append("modified")
            f.write(f"{i + 1}\t{j + 1}\t{'+'.join(kinds) or '='}\n")
    return style


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pairs", type=int, default=20)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    for p in range(a.pairs):
        write_pair(rng, a.out, f"pair{p:03d}")


if __name__ == "__main__":
    main()

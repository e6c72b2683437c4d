"""Starting point and helper for `assistant/data/law_map.yaml` (the YAML is the hand-checked truth).

    python tools/build_law_map.py propose [DOC …]   # article titles → suggested (aspect, Điều) lines
    python tools/build_law_map.py fill DRAFT.yaml   # fill missing quotes from the located khoản/điểm
    python tools/build_law_map.py show DOC 'Điều 30' [KHOẢN [ĐIỂM]]   # print the located text

`propose` reads each article heading (with the wrapped second line of OCR headings)
and suggests aspects from title keywords. `fill` takes a draft in the law_map format
whose entries may lack `quote` and writes the first words (≤ 180 characters, cut on a
word) of the named điểm, khoản or article, so every quote is verbatim by construction;
then read them and shorten or move them by hand where another span identifies better.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.vocabulary import (  # noqa: E402
    ARTICLE_HEADING, SUBJECT_KINDS, article_lines, clause_lines, collapse, law_lines, load_vocabulary, point_lines,
)
from documents.text import fold_accents  # noqa: E402

LEGAL_DIR = ROOT / "knowledge" / "legal"
EDITORIAL_DOCS = {"nd-152-2025-ND-CP"}  # lines starting with "[" are notes, not the text
QUOTE_LIMIT = 180

TITLE_CUES = {  # folded keyword in an article title → aspect
    "tieu chuan": "tieu_chuan",
    "doi tuong": "doi_tuong",
    "tham quyen de nghi": "tham_quyen_de_nghi",
    "tham quyen": "tham_quyen_quyet_dinh",
    "ho so": "ho_so",
    "thu tuc": "thu_tuc",
    "thoi gian": "thoi_diem_xet",
    "tien thuong": "muc_tien_thuong",
    "nguyen tac": "nguyen_tac",
    "nghiem cam": "hanh_vi_bi_cam",
    "giai thich tu ngu": "dinh_nghia",
    "quy thi dua": "quy_khen_thuong",
    "hoi dong thi dua": "to_chuc_hoi_dong",
    "phat dong": "to_chuc_phat_dong",
    "trao tang": "trao_tang",
    "hieu luc": "hieu_luc",
}


def doc_lines(doc: str) -> list[str]:
    text = (LEGAL_DIR / f"{doc}.txt").read_text(encoding="utf-8")
    return law_lines(text, drop_editorial=doc in EDITORIAL_DOCS)


def located(doc: str, article: str, khoan=None, diem=None) -> list[str] | None:
    block = article_lines(doc_lines(doc), int(re.search(r"\d+", article).group()))
    if block and khoan is not None:
        first = khoan[0] if isinstance(khoan, list) else khoan
        block = clause_lines(block, int(first))
    if block and diem is not None:
        block = point_lines(block, diem[0] if isinstance(diem, list) else diem)
    return block


_LABEL_LINE = re.compile(r"^\s*(?:\d{1,2}\s*[.;:]|\[?[a-zđ]\)\]?)\s*")


_LEADING_NUMBER = re.compile(r"^\d{1,2}\s+(?=[^\d\s])")  # OCR clause number without its dot: "7 Khi họp"


def opening_quote(block: list[str], skip_heading: bool) -> str:
    """The first words of a block: its first line and continuation lines, up to the next
    numbered khoản or lettered điểm, at most QUOTE_LIMIT characters cut on a word."""
    lines = block[1:] if skip_heading and len(block) > 1 else block
    lead = [lines[0]]
    for line in lines[1:]:
        if _LABEL_LINE.match(line):
            break
        lead.append(line)
    text = collapse(" ".join(lead))
    if len(text) < 40:  # a bare "Huân chương gồm:" or an OCR heading's wrapped tail
        text = collapse(" ".join(lines[:6]))
    text = _LEADING_NUMBER.sub("", _LABEL_LINE.sub("", text, count=1), count=1)
    if len(text) <= QUOTE_LIMIT:
        return text.rstrip(" ;:.")
    cut = text[:QUOTE_LIMIT]
    return cut[: cut.rfind(" ")].rstrip(" ;:,.")


def fill(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    missing = 0
    for doc, items in data["map"].items():
        for item in items:
            if item.get("quote"):
                continue
            block = located(doc, item["article"], item.get("khoan"), item.get("diem"))
            if not block:
                print(f"not found: {doc} {item['article']} {item.get('khoan')} {item.get('diem')}", file=sys.stderr)
                missing += 1
                continue
            heading_only = item.get("khoan") is None and item.get("diem") is None
            item["quote"] = opening_quote(block, skip_heading=heading_only and len(block) > 1)
    path.write_text(emit(data), encoding="utf-8")
    print(f"filled {path}; {missing} not located", file=sys.stderr)


ENTRY_KEYS = ("subject", "aspect", "article", "khoan", "diem", "for", "note")
HEADER = """\
# Map of the law: (subject × aspect) → Điều / khoản / điểm of each legal text.
# subject = an id of assistant/data/vocabulary.yaml; aspect = an id of assistant/data/aspects.yaml.
# Each quote is a verbatim span (NFC, spaces collapsed) of the named khoản/điểm — or of the
# article when no khoản is given; tests/test_vocabulary_lawmap.py checks every one.
# Started with tools/build_law_map.py (propose, fill); checked and corrected by hand.
"""


def _scalar(value) -> str:
    if isinstance(value, str) and re.fullmatch(r"[a-z][a-z0-9_]*", value):
        return value  # ids stay plain
    return json.dumps(value, ensure_ascii=False)


def emit(data: dict) -> str:
    """The compact, readable layout of law_map.yaml: one entry per two lines."""
    out = [HEADER, "documents:"]
    for doc, spec in data["documents"].items():
        out.append(f"  {doc}: {{" + ", ".join(f"{k}: {_scalar(v) if k != 'depends_on' else v}" for k, v in spec.items()) + "}")
    out.append("\nmap:")
    for doc, items in data["map"].items():
        out.append(f"\n  {doc}:")
        for item in items:
            keys = ", ".join(f"{k}: {_scalar(item[k])}" for k in ENTRY_KEYS if item.get(k) is not None)
            out.append(f"    - {{{keys},\n       quote: {_scalar(item.get('quote', ''))}}}")
    return "\n".join(out) + "\n"


def article_titles(doc: str) -> list[tuple[int, str]]:
    lines, out = doc_lines(doc), []
    for i, line in enumerate(lines):
        m = ARTICLE_HEADING.match(line)
        if m:
            title = line[m.end():].strip()
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            first = nxt.lstrip("\"'“( ")[:1]
            if first.islower() and not re.match(r"^\s*[a-zđ]\)", nxt):
                title += " " + nxt.strip()  # OCR headings wrap onto a second line
            out.append((int(m.group(1)), collapse(title)))
    return out


def propose(docs: list[str]) -> None:
    """Print, per article, the subjects its title names and the aspects its title suggests.

    A title that names a title or award but no aspect ("Điều 26. Danh hiệu cờ thi đua của
    Bộ, ban, ngành, tỉnh") is an article of criteria: it is proposed as tieu_chuan.
    """
    vocabulary = load_vocabulary()
    for doc in docs:
        print(f"{doc}:")
        for number, title in article_titles(doc):
            folded = fold_accents(title)
            aspects = [a for cue, a in TITLE_CUES.items() if cue in folded]
            if "tham_quyen_de_nghi" in aspects and "tham_quyen_quyet_dinh" in aspects:
                aspects.remove("tham_quyen_quyet_dinh")
            subjects = [m.entry.id for m in vocabulary.find(title) if m.entry.kind in SUBJECT_KINDS]
            if subjects and not aspects:
                aspects = ["tieu_chuan"]
            print(f"  - {{article: Điều {number}, aspects: [{', '.join(dict.fromkeys(aspects))}], "
                  f"subjects: [{', '.join(dict.fromkeys(subjects))}]}}  # {title[:80]}")


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in {"propose", "fill", "show"}:
        print(__doc__)
        return
    if argv[0] == "propose":
        propose(argv[1:] or sorted(p.stem for p in LEGAL_DIR.glob("*.txt")))
    elif argv[0] == "fill":
        fill(Path(argv[1]))
    else:
        doc, article, *rest = argv[1:]
        block = located(doc, article, *(rest[:1] or [None]), *(rest[1:2] or [None]))
        print("\n".join(block) if block else "(not found)")


if __name__ == "__main__":
    main(sys.argv[1:])

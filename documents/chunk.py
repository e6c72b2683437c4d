"""Structure-aware chunks: a table row, a khoản with all its điểm (or a short Điều
whole), a short section of a plan — never a cut sentence.

Every chunk carries its place in the document (`location`, e.g. "Điều 24, khoản 1"
or "PHỤ LỤC › Quý II › mục 16") both in its metadata and as a heading line of
its text, so that lexical and dense retrieval both see the context and a
citation can name it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from documents.parse import Header, Node, ParsedDocument

MAX_SECTION_CHARS = 1200
MAX_ARTICLE_CHARS = 1600
MAX_CLAUSE_CHARS = 2400
TARGET_PIECE_CHARS = 900
_SENTENCE_END = re.compile(r"(?<=[.;:!?…])\s+(?=[A-ZÀ-ỸĐ“\"(\-–])")
_LEGAL_KINDS = {"article", "clause", "point"}


@dataclass
class Chunk:
    text: str  # heading lines + body: what is indexed
    body: str  # the document's own words, for quotes
    location: str
    page: int | None
    kind: str


def document_heading(header: Header) -> str:
    """First line of every chunk: "Kế hoạch 01/KH-HĐTĐKT – Hội đồng … – Triển khai …"."""
    parts = [header.label(), header.issuer, header.title]
    return " – ".join(part for part in parts if part)


def chunk_document(parsed: ParsedDocument) -> list[Chunk]:
    heading = document_heading(parsed.header)
    chunks: list[Chunk] = []
    root = parsed.root
    preamble = _preamble(root, parsed.header)
    if preamble:
        chunks.extend(_pieces(heading, [("Phần mở đầu", "Phần mở đầu")], root, preamble, "text"))
    for child in root.children:
        _emit(child, [], heading, chunks)
    return [chunk for chunk in chunks if chunk.body.strip()]


def _emit(node: Node, path: list[tuple[str, str]], heading: str, out: list[Chunk]) -> None:
    if node.kind == "note":  # a summary about its article, indexed apart and never quoted as the text's words
        out.append(_make(heading, path, node.own_text(), node.page, "note"))
        return
    path = path + [(path_label(node), node.heading if node.kind != "article" else path_label(node))]
    if node.kind == "table_row":
        group = (node.cells or {}).get("Nhóm")
        location_path = path[:-1] + ([(group, group)] if group else []) + path[-1:]
        out.append(_make(heading, location_path, node.own_text(), node.page, "table_row"))
        return
    has_rows = _has_rows(node)
    limit = _limit(node)
    full = node.full_text()
    if not has_rows and len(full) <= limit and not _holds_articles(node):
        out.append(_make(heading, path, full, node.page, node.kind))
        for note in (child for child in node.children if child.kind == "note"):
            _emit(note, path, heading, out)
        return
    if node.kind == "clause" and not has_rows:
        out.extend(_split_clause(heading, path, node))
        return
    own = node.own_text()
    if len(node.lines) > 1 or len(own) > 100:
        out.extend(_pieces(heading, path, node, own, node.kind))
    for child in node.children:
        _emit(child, path, heading, out)


def _preamble(root: Node, header: Header) -> str:
    """The text before section I without the type line and trích yếu, which every chunk's heading carries."""
    lines = [line.text for line in root.lines if line.text.strip()]
    kept = []
    for index, text in enumerate(lines):
        in_header = index < 15
        is_title = bool(header.title) and (text in header.title or header.title.startswith(text))
        is_type = bool(header.type_name) and text.strip().upper() == header.type_name.upper()
        if not (in_header and (is_title or is_type)):
            kept.append(text)
    return "\n".join(kept)


def _limit(node: Node) -> int:
    if node.kind == "article":
        return MAX_ARTICLE_CHARS
    if node.kind in ("clause", "point"):
        return MAX_CLAUSE_CHARS
    return MAX_SECTION_CHARS


def _holds_articles(node: Node) -> bool:
    """A chapter or mục of articles, however short, is cut into its articles: the law is cited by Điều."""
    return node.kind != "article" and any(child.kind == "article" for child in node.children)


def _has_rows(node: Node) -> bool:
    return any(child.kind == "table_row" or _has_rows(child) for child in node.children)


def path_label(node: Node) -> str:
    """Articles keep their title in the path text: "Điều 24. Danh hiệu …"."""
    if node.kind == "article" and node.lines:
        return node.lines[0].text
    return node.label


def _location(path: list[tuple[str, str]]) -> str:
    return location_of([label for label, _ in path])


def location_of(path: list[str]) -> str:
    """"Điều 24, khoản 1, điểm a" for legal paths; "II. … › 1. …" for plans."""
    articles = [n for n, label in enumerate(path) if label.startswith("Điều ")]
    if articles:
        path = path[articles[0]:]
    parts = []
    for label in path:
        if label.startswith("Điều "):
            label = re.match(r"^(Điều\s+\d+[a-z]?)", label).group(1)
        parts.append(label)
    text = ""
    for part in parts:
        if not text:
            text = part
        elif part.startswith(("khoản", "điểm")) or text.split(" › ")[-1].startswith(("Điều", "khoản")) and part.startswith("điểm"):
            text += ", " + part
        else:
            text += " › " + part
    return text


PATH_JOINER = " › "


def _make(heading: str, path: list[tuple[str, str]], body: str, page: int | None, kind: str) -> Chunk:
    location = _location(path)
    context = PATH_JOINER.join(full for _, full in path)
    return Chunk(f"{heading}\n{context}\n{body}", body, location, page, kind)


def context_path(text: str) -> list[str]:
    """The headings a chunk's text stands under, read back from its second line (`_make` writes them):
    ["Chương I. NHỮNG QUY ĐỊNH CHUNG", "Điều 4. Nguyên tắc …", "khoản 1"]."""
    lines = text.split("\n", 2)
    return lines[1].split(PATH_JOINER) if len(lines) > 1 and lines[1] else []


def _split_clause(heading: str, path: list[tuple[str, str]], node: Node) -> list[Chunk]:
    """A khoản too long to keep whole: its lead sentence is repeated before each group of điểm."""
    lead = node.own_text()
    chunks = []
    group: list[Node] = []
    for point in node.children:
        size = len(lead) + sum(len(p.full_text()) for p in group) + len(point.full_text())
        if group and size > MAX_CLAUSE_CHARS:
            chunks.append(_point_group(heading, path, lead, group))
            group = []
        group.append(point)
    if group:
        chunks.append(_point_group(heading, path, lead, group))
    return chunks or _pieces(heading, path, node, lead, "clause")


def _point_group(heading: str, path: list[tuple[str, str]], lead: str, group: list[Node]) -> Chunk:
    first, last = group[0].label, group[-1].label.replace("điểm ", "")
    label = first if len(group) == 1 else f"{first}–{last}"
    body = "\n".join([lead] + [p.full_text() for p in group])
    return _make(heading, path + [(label, label)], body, group[0].page, "clause")


def _pieces(heading: str, path: list[tuple[str, str]], node: Node, text: str, kind: str) -> list[Chunk]:
    return [_make(heading, path, piece, node.page, kind) for piece in split_text(text)]


def split_text(text: str, target: int = TARGET_PIECE_CHARS) -> list[str]:
    """Split at paragraph, then sentence boundaries into pieces of about `target` characters."""
    units: list[str] = []
    for paragraph in text.split("\n"):
        if len(paragraph) <= target:
            units.append(paragraph)
        else:
            units.extend(_SENTENCE_END.split(paragraph))
    pieces: list[str] = []
    current = ""
    for unit in units:
        if current and len(current) + len(unit) + 1 > target:
            pieces.append(current)
            current = unit
        else:
            current = f"{current}\n{unit}" if current else unit
    if current:
        pieces.append(current)
    return pieces

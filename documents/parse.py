"""Parse Vietnamese administrative and legal documents.

Two things come out of a loaded file:

* its `Header` — số/ký hiệu, document type, trích yếu, issuer, place and date;
* its structure tree — Roman sections, numbered subsections and lettered points
  for plans; Chương / Mục / Điều / khoản / điểm for legal texts; every table row
  kept whole with its column headers and its group row ("Quý II").

>>> header = parse_header(["Số: 632 /KH-VP", "Hà Giang, ngày 25 tháng 5 năm 2021", "KẾ HOẠCH", "Triển khai …"])
>>> header.number, header.date_issued, header.doc_type
('632/KH-VP', '2021-05-25', 'ke_hoach')
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from documents.datafile import read_yaml
from documents.text import collapse_spaces, fold_accents
from documents.load import Line, LoadedFile

DATA_DIR = Path(__file__).parent / "data"
HEADER_SCAN_LINES = 40

_NUMBER = re.compile(r"^\s*(?:Luật\s+)?(?:Số|số|S[ốô6é])\s*[:：]\s*(.*)$")
_DATE = re.compile(
    r"^\s*(?P<place>[^,\d][^,]{1,40}),\s*ngày\s+(?P<d>\d{1,2})?\s*(?:/|tháng)\s*(?P<m>\d{1,2})?\s*(?:/|năm)\s*(?P<y>\d{4})",
    re.IGNORECASE,
)
_HEADER_SPLIT = re.compile(r"\s+[/|]\s+")
_PLACE_DATE = re.compile(
    r"(?P<place>[A-ZÀ-ỸĐ][a-zà-ỹđ]+(?:\s+[A-ZÀ-ỸĐ][a-zà-ỹđ]+){0,3}),\s*ngày\s+(?P<d>\d{1,2})?\s*(?:/|tháng)\s*(?P<m>\d{1,2})?\s*(?:/|năm)\s*(?P<y>\d{4})",
)
_QUOC_HIEU = re.compile(r"CỘNG\s+H(?:OÀ|ÒA)\s+XÃ\s+HỘI|Độc lập\s*-\s*Tự do|^-{3,}", re.IGNORECASE)
_TITLE_STOP = re.compile(
    r"^(Căn cứ|Thực hiện|Để|Kính gửi|Trong|Năm|Nhằm|Theo|Ngày|[IVX]+\.\s|\d+\.\s|Chương\s|Điều\s|Quốc hội ban hành|Chính phủ ban hành)",
)
_UPPER_AUTHORITY = re.compile(r"^[A-ZÀ-Ỹ\s,.\-–()]+(?:điện)?:?$")


@dataclass
class DocType:
    code: str
    name: str
    type_lines: list[str]
    symbols: list[str]
    articles: bool  # body in Chương / Mục / Điều / khoản / điểm
    normative: bool = False  # a legal normative text: validity periods apply
    short_forms: list[str] = field(default_factory=list)  # "NĐ" in a question's "NĐ 98"


@dataclass
class Header:
    number: str = ""  # "01/KH-UBND"; "" when the document leaves the sequence blank ("Số: /KH-UBND")
    symbol: str = ""  # the ký hiệu after the sequence: "KH-UBND"
    doc_type: str = ""
    type_name: str = ""
    title: str = ""
    issuer: str = ""  # the body that issues the text ("SỞ NỘI VỤ")
    superior: str = ""  # the body above it in the header ("UBND TỈNH THÁI BÌNH"), if printed
    place: str = ""
    date_issued: str = ""  # ISO date, or "" when the document leaves it blank
    year: int | None = None
    articles: bool = False

    def label(self) -> str:
        """Short citation name: "Kế hoạch 01/KH-HĐTĐKT", "Luật 06/2022/QH15", "Kế hoạch …/KH-UBND"."""
        number = shown_number(self.number, self.symbol) or "(không số)"
        return f"{self.type_name} {number}".strip() if self.type_name else number


def shown_number(number: str, symbol: str = "") -> str:
    """The số/ký hiệu as shown: "…/KH-UBND" when the sequence was left blank."""
    if number.startswith("/"):
        return "…" + number
    return number or (f"…/{symbol}" if symbol else "")


@dataclass
class Node:
    """One unit of structure: a section, an article, a clause, a point, or a table row."""

    kind: str  # root | section | article | clause | point | annex | recipients | table_row
    label: str
    level: int
    lines: list[Line] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)
    cells: dict[str, str] | None = None
    title: str = ""  # the upper-case title line under "Phụ lục I" / "Chương II"

    @property
    def heading(self) -> str:
        """The label with its title, for the context line of a chunk."""
        return f"{self.label}. {self.title}" if self.title else self.label

    @property
    def page(self) -> int | None:
        for line in self.lines:
            if line.page:
                return line.page
        return None

    def own_text(self) -> str:
        return "\n".join(line.text for line in self.lines if line.text.strip())

    def full_text(self) -> str:
        """The document's own words: editorial notes (kind "note") are never part of it."""
        parts = [self.own_text()] + [child.full_text() for child in self.children if child.kind != "note"]
        return "\n".join(part for part in parts if part)


@dataclass
class ParsedDocument:
    header: Header
    root: Node


@lru_cache(maxsize=1)
def _document_types_file() -> dict:
    return read_yaml(DATA_DIR / "document_types.yaml")


@lru_cache(maxsize=1)
def document_types() -> list[DocType]:
    return [DocType(**entry) for entry in _document_types_file()["types"]]


def parse(loaded: LoadedFile, adjust_header: Callable[[Header], Header] | None = None) -> ParsedDocument:
    """`adjust_header` lets the caller correct the header (from the catalogue) before
    the body is read, since the document type decides legal vs plan structure."""
    lines = [Line(_strip_markup(line.text), line.page) for line in loaded.lines]
    header = parse_header([line.text for line in lines[:HEADER_SCAN_LINES]])
    if adjust_header:
        header = adjust_header(header)
    root = build_tree(lines, articles=header.articles)
    return ParsedDocument(header, root)


# ---------------------------------------------------------------- header

def parse_header(lines: list[str]) -> Header:
    header = Header()
    lines = [_strip_markup(line) for line in lines]
    texts = [collapse_spaces(part) for line in lines for part in _HEADER_SPLIT.split(line) if part.strip()]
    header.number, header.symbol = split_number(_find_number(texts))
    header.place, header.date_issued, header.year = _find_place_date(texts)
    type_index = _find_type(texts, header)
    header.title = _find_title(texts, type_index, header)
    header.superior, header.issuer = _find_issuer(texts)
    return header


def split_number(raw: str) -> tuple[str, str]:
    """"01/KH-UBND" → ("01/KH-UBND", "KH-UBND"); "/KH-UBND" or "…/KH-UBND" → ("", "KH-UBND")."""
    raw = re.sub(r"^[.…_\s]+(?=/)", "", raw)
    if raw.startswith("/"):
        return "", raw[1:]
    _, slash, symbol = raw.partition("/")
    return raw, symbol if slash else ""


def _find_number(texts: list[str]) -> str:
    for text in texts:
        match = _NUMBER.match(text)
        if match:
            number = re.sub(r"\s*([/\-–])\s*", r"\1", match.group(1)).strip()
            return number.replace("–", "-").split(" ")[0] if number else ""
    return ""


def _find_place_date(texts: list[str]) -> tuple[str, str, int | None]:
    for text in texts:
        match = _PLACE_DATE.search(text)
        if not match:
            continue
        year = int(match["y"])
        date_iso = ""
        if match["d"] and match["m"]:
            date_iso = f"{year:04d}-{int(match['m']):02d}-{int(match['d']):02d}"
        return collapse_spaces(match["place"]), date_iso, year
    return "", "", None


def _find_type(texts: list[str], header: Header) -> int | None:
    by_line = {fold_accents(t): dt for dt in document_types() for t in dt.type_lines}
    for index, text in enumerate(texts):
        doc_type = by_line.get(fold_accents(text).strip(" :."))
        if doc_type is None and index + 1 < len(texts) and text.isupper():
            doc_type = by_line.get(fold_accents(text.split()[0]))
            if doc_type and doc_type.code == "luat" and len(text.split()) > 1:
                _apply_type(header, doc_type)
                header.title = text.split(" ", 1)[1]
                return index
            doc_type = None
        if doc_type:
            _apply_type(header, doc_type)
            return index
    for index, text in enumerate(texts):
        if text.lower().startswith("v/v"):
            _apply_type(header, _type_by_code("cong_van"))
            return index - 1
    symbol_type = _type_from_symbol(header.number)
    if symbol_type:
        _apply_type(header, symbol_type)
    return None


def _type_by_code(code: str) -> DocType:
    return next(dt for dt in document_types() if dt.code == code)


def _type_from_symbol(number: str) -> DocType | None:
    for doc_type in document_types():
        for symbol in doc_type.symbols:
            if re.search(rf"(^|[/\-]){re.escape(symbol)}($|[/\-])", number):
                return doc_type
    return None


def _apply_type(header: Header, doc_type: DocType) -> None:
    header.doc_type, header.type_name, header.articles = doc_type.code, doc_type.name, doc_type.articles


def _find_title(texts: list[str], type_index: int | None, header: Header) -> str:
    if header.title:
        return header.title
    if type_index is None:
        return ""
    title_lines: list[str] = []
    for text in texts[type_index + 1 : type_index + 4]:
        if _TITLE_STOP.match(text) or len(text) > 300 or (title_lines and _UPPER_AUTHORITY.match(text) and not text.isupper()):
            break
        if title_lines and text.isupper() and not title_lines[-1].isupper():
            break
        if title_lines and text.endswith(":"):
            break
        title_lines.append(text)
        if not text.isupper():
            break
    title = " ".join(title_lines)
    if title.lower().startswith("v/v"):
        title = title[3:].strip(" .:")
    return title  # upper-case titles stay as printed: lower-casing would lose proper nouns


@lru_cache(maxsize=1)
def _continuation_words() -> tuple[str, ...]:
    return tuple(fold_accents(word) for word in _document_types_file().get("issuer_continuations", []))


def _issuer_lines(texts: list[str]) -> list[str]:
    """The upper-case lines above the số/ký hiệu, left of the national motto."""
    parts: list[str] = []
    for text in texts[:8]:
        if _NUMBER.match(text) or _DATE.match(text):
            break
        cleaned = re.sub(r"[-_*]{2,}", "", text).strip()
        quoc_hieu = re.search(r"CỘNG\s+H(?:OÀ|ÒA)", cleaned)
        if quoc_hieu:
            cleaned = cleaned[: quoc_hieu.start()].strip()
            if cleaned.isupper():
                parts.append(cleaned)
            if parts:
                break
            continue
        if cleaned.isupper() and not _QUOC_HIEU.search(text):
            parts.append(cleaned)
    return parts


def _find_issuer(texts: list[str]) -> tuple[str, str]:
    """(superior body, issuing body): "UBND TỈNH THÁI BÌNH" over "SỞ NỘI VỤ"; a line that continues a name
    ("ỦY BAN NHÂN DÂN" / "TỈNH ĐẮK LẮK") stays with it."""
    bodies: list[str] = []
    for line in _issuer_lines(texts):
        folded = fold_accents(line)
        if bodies and any(folded == w or folded.startswith(w + " ") for w in _continuation_words()):
            bodies[-1] += " " + line
        else:
            bodies.append(line)
    if not bodies:
        return "", ""
    return " – ".join(bodies[:-1]), bodies[-1]


# ---------------------------------------------------------------- structure

_PLAN_LEVELS = [
    ("annex", 1, re.compile(r"^PH[ỤU] L[ỤU]C\b.*", re.IGNORECASE)),
    ("section", 1, re.compile(r"^(?:PHẦN\s+(?:THỨ\s+)?)?[IVXL]{1,5}\s*[\.\-–:]\s*\S.*")),
    ("recipients", 1, re.compile(r"^Nơi nhận\s*:?.*")),
    ("section", 4, re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+\S.*")),
    ("section", 3, re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S.*")),
    ("section", 2, re.compile(r"^\d{1,2}\s*[\.\)]\s+\S.*")),
    ("point", 5, re.compile(r"^[a-zđ]\)\s+\S.*")),
]
_LEGAL_LEVELS = [
    ("annex", 0, re.compile(r"^PH[ỤU] L[ỤU]C\b.*", re.IGNORECASE)),
    ("part", 1, re.compile(r"^Phần\s+(?:thứ\s+)?\w+\b.*", re.IGNORECASE)),
    ("recipients", 1, re.compile(r"^Nơi nhận\s*:?.*")),
    ("chapter", 2, re.compile(r"^Chương\s+[IVXL]+\b.*")),
    ("division", 3, re.compile(r"^Mục\s+\d+\b.*")),
    ("article", 4, re.compile(r"^Điều\s+\d+[a-z]?\s*(?:\.|$).*")),
    # "1.“Huân chương …”" too; "2.–3. [Nguồn ghi “khoản 2, 3 …”]": an editor's khoản whose source merged two
    ("clause", 5, re.compile(r"^(?:\d{1,2}\.[–-]\d{1,2}\.(?:\s|$)|(?:\d{1,2}\.|\(\d{1,2}\))(?:\s+|(?=[“\"]))\S).*")),
    ("point", 6, re.compile(r"^[a-zđ]\)\s+\S.*")),
]
_ARTICLE_LINE = re.compile(r"^Điều\s+\d+[a-z]?\s*\.")
# "6. Sửa đổi, bổ sung Điều 24 như sau:" — a khoản of an amending text, followed by the wording it puts in
_AMENDING_CLAUSE = re.compile(r"^(\d{1,2})\.\s+(?:Sửa đổi|Bổ sung|Bãi bỏ|Thay thế|Thay cụm)\b.*(?:như sau|sau đây)\s*:\s*$")
MIN_ARTICLES_FOR_LEGAL = 3
_TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}")
_ROMAN = re.compile(r"^[IVX]+\.?$")
_QUARTER = re.compile(r"^(QUÝ|Quý)\s+[IVX]+$")


def build_tree(lines: list[Line], articles: bool) -> Node:
    """Nest headings by level; consecutive table lines become one row node each."""
    root = Node("root", "", -1)
    stack = [root]
    legal = articles or _has_articles(lines)
    levels = _LEGAL_LEVELS if legal else _PLAN_LEVELS
    index = 0
    editorial_block = False
    if legal:
        lines = _without_compiler_header(lines)
    wrapped = is_hard_wrapped(lines)
    wrap_open = False  # the last line added reached the wrap width without ending its sentence
    amending: int | None = None  # the number of the amending khoản whose quoted wording is being read
    while index < len(lines):
        line = lines[index]
        text = line.text.strip()
        if legal:
            role, text = editorial(text)
            editorial_block = (role == "block") or (editorial_block and not _ENDS_EDITORIAL_BLOCK.match(text))
            if role == "note":
                stack[-1].children.append(Node("note", "tóm tắt", 99, [Line(text, line.page)]))
            if role in ("note", "drop", "block") or editorial_block:
                index += 1
                continue
        if _is_table_line(line.text):
            _leave_closing_block(stack)  # a table after the signature belongs to what is attached
            index = _consume_table(lines, index, stack[-1])
            continue
        heading = _classify(text, levels) or (_ocr_clause(text, stack) if legal else None)
        if amending is not None and heading and heading[0] in ("clause", "point") and not _next_amendment(text, amending):
            heading = None  # a khoản or điểm of the wording quoted: part of the amending khoản
        if _is_attached_type_line(text) and any(node.kind == "recipients" for node in stack):
            # "QUY CHẾ" after the signature: a document of its own
            heading = ("annex", next(level for kind, level, _ in levels if kind == "annex"))
        if heading:
            kind, level = heading
            _leave_closing_block(stack)
            while stack[-1].level >= level:
                stack.pop()
            node = Node(kind, _label(text, kind), level, [Line(text, line.page)])
            amending = _amending_number(text) if kind == "clause" else None
            stack[-1].children.append(node)
            stack.append(node)
        elif text:
            current = stack[-1]
            if _is_title_line(current, text):
                current.title = text
            if wrap_open and current.lines and not _LIST_START.match(text):
                previous = current.lines[-1]
                current.lines[-1] = Line(f"{previous.text} {text}", previous.page)
            else:
                current.lines.append(Line(text, line.page))
        wrap_open = wrapped and len(text) >= WRAP_MIN_CHARS and not _SENTENCE_END.search(text)
        index += 1
    return root


def _amending_number(text: str) -> int | None:
    match = _AMENDING_CLAUSE.match(text)
    return int(match.group(1)) if match else None


def _next_amendment(text: str, current: int) -> bool:
    """Inside the wording an amending khoản quotes ("“Điều 24 / 1. Danh hiệu …”"), only the amending text's
    next khoản ("7. Sửa đổi, bổ sung khoản 2 Điều 25 như sau:") is a heading of the text itself."""
    return _amending_number(text) == current + 1


WRAP_MIN_CHARS = 55
WRAPPED_SHARE = 0.5
MIN_WRAP_SAMPLE = 20
_SENTENCE_END = re.compile(r"[.;:!?…][\"”’)\]*]*$")
_LIST_START = re.compile(r"^(?:[-–+•]|[a-zđ]\)|\d{1,2}\.)\s")


def is_hard_wrapped(lines: list[Line]) -> bool:
    """A text cut into lines at a fixed width (a PDF or OCR extraction): most long lines end
    mid-sentence. Its lines are joined back into sentences within each node, so that a sentence
    is quoted whole and not split at the printed line's end."""
    long = [line.text.strip() for line in lines
            if len(line.text.strip()) >= WRAP_MIN_CHARS and not _is_table_line(line.text)]
    open_lines = sum(1 for text in long if not _SENTENCE_END.search(text))
    return len(long) >= MIN_WRAP_SAMPLE and open_lines > WRAPPED_SHARE * len(long)


# Editorial lines of a compiled text (shared/corpus NĐ 152/2025, the OCR NĐ 98/2023): a line that
# begins with "[" is the compiler's note (source, summary), never the text's own words; "[a)]" is a
# point label the compiler restored; "[Tóm tắt …:] …" is a summary, kept apart as a note.
SUMMARY_PREFIX = "Tóm tắt, chưa có nguyên văn: "
_RESTORED_LABEL = re.compile(r"^\[((?:\d{1,2}|[a-zđ])[.)])\]\s*(?=\S)")
_BRACKET_LEAD = re.compile(r"^(?:[-–•]\s*)?\[([^\]]*)\]:?\s*(.*)$")
_INLINE_EDITORIAL = re.compile(r"\s*\[(?:…|\.\.\.|[^\]]*\b(?:[Nn]guồn|[Tt]óm tắt|[Ss]uy luận|nguyên văn)\b)[^\]]*\]:?")
_SUMMARY_CUES = ("tóm tắt", "nguồn")
_EDITORIAL_BLOCK = re.compile(r".*\(không phải nội dung[^)]*\):?$", re.IGNORECASE)
_ENDS_EDITORIAL_BLOCK = re.compile(r"^(Điều\s+\d+|Chương\s+[IVXL]+|PH[ỤU] L[ỤU]C)\b")
MIN_SUMMARY_CHARS = 20


_SEPARATOR = re.compile(r"^\s*={10,}\s*$")


def _without_compiler_header(lines: list[Line]) -> list[Line]:
    """A compiled text whose compiler's notes (metadata, articles present/missing) end at a line of
    "=====" starts at that line; the separators themselves are not text either."""
    first = next((n for n, line in enumerate(lines) if _SEPARATOR.match(line.text)), None)
    if first is None:
        return lines
    return [line for line in lines[first + 1:] if not _SEPARATOR.match(line.text)]


def editorial(text: str) -> tuple[str, str]:
    """("text", line) for the document's words, ("note", summary) for a summary paragraph,
    ("drop", "") for any other editorial line, ("block", "") for a heading of a block of notes."""
    restored = _RESTORED_LABEL.match(text)
    if restored:
        return "text", restored.group(1) + " " + text[restored.end():]
    if _EDITORIAL_BLOCK.match(text):
        return "block", ""
    lead = _BRACKET_LEAD.match(text)
    if lead and (text.startswith("[") or text[:1] in "-–•"):
        inside, rest = lead.group(1), lead.group(2).strip()
        if text.startswith("[") or any(cue in inside.lower() for cue in _SUMMARY_CUES):
            if len(rest) >= MIN_SUMMARY_CHARS and any(cue in inside.lower() for cue in _SUMMARY_CUES):
                return "note", SUMMARY_PREFIX + rest
            return "drop", ""
    if _ARTICLE_LINE.match(text):
        return "text", text
    return "text", _INLINE_EDITORIAL.sub("", text).rstrip()


_OCR_CLAUSE = re.compile(r"^(\d{1,2})\s*\.?\s+(?=[A-ZĐÀ-Ỹ“\"])")


def _ocr_clause(text: str, stack: list[Node]) -> tuple[str, int] | None:
    """An OCR text drops the period of a khoản ("7 Khi họp xét …", "1 . “Huân chương…"): accepted
    only as the next khoản of the current Điều, so a wrapped line that starts with a number is not."""
    match = _OCR_CLAUSE.match(text)
    article = next((node for node in reversed(stack) if node.kind == "article"), None)
    if not match or article is None:
        return None
    clauses = [child for child in article.children if child.kind == "clause"]
    last = int(re.match(r"khoản (\d+)", clauses[-1].label).group(1)) if clauses else 0
    return ("clause", 5) if int(match.group(1)) == last + 1 else None


_TITLED_KINDS = {"annex", "part", "chapter", "division"}


def _is_title_line(node: Node, text: str) -> bool:
    """"Chương II" / "PHỤ LỤC I" followed by an upper-case line: that line is its title."""
    return (node.kind in _TITLED_KINDS and not node.title and len(node.lines) == 1
            and len(node.lines[0].text) <= 20 and text.isupper() and len(text) < 200)


def _leave_closing_block(stack: list[Node]) -> None:
    """The Nơi nhận (with the signature) holds no sections nor tables: what follows it closes it."""
    while any(node.kind == "recipients" for node in stack):
        stack.pop()


@lru_cache(maxsize=1)
def _attached_type_lines() -> frozenset[str]:
    return frozenset(line for doc_type in document_types() for line in doc_type.type_lines)


def _is_attached_type_line(text: str) -> bool:
    """The type line of a text issued with a decision ("QUY CHẾ", "QUY ĐỊNH") after its signature."""
    return text.strip() in _attached_type_lines()


def _has_articles(lines: list[Line]) -> bool:
    """A decision that issues a regulation carries Điều-structured text even though it is not a law."""
    return sum(1 for line in lines if _ARTICLE_LINE.match(line.text.strip())) >= MIN_ARTICLES_FOR_LEGAL


def _classify(text: str, levels) -> tuple[str, int] | None:
    for kind, level, pattern in levels:
        if pattern.match(text):
            return kind, level
    return None


def _label(text: str, kind: str) -> str:
    """The heading as a citation path element: "II. Nội dung…", "Điều 24", "khoản 1", "điểm a"."""
    if kind == "clause":
        return "khoản " + "–".join(n for n in re.match(r"^\(?(\d+)(?:\.[–-](\d+))?", text).groups() if n)
    if kind == "point":
        return "điểm " + text[0]
    if kind == "article":
        return re.match(r"^(Điều\s+\d+[a-z]?)", text).group(1)
    short = text if len(text) <= 90 else text[:87].rsplit(" ", 1)[0] + "…"
    return short.rstrip(":")


# ---------------------------------------------------------------- tables

def _is_table_line(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith("|") and stripped.count("|") >= 3 or text.count("\t") >= 1 and len(text.split("\t")) >= 3


def _continues_table(text: str) -> bool:
    stripped = text.strip()
    return not stripped or _is_table_line(text) or bool(_QUARTER.match(stripped))


def _split_cells(text: str) -> list[str]:
    stripped = text.strip()
    if stripped.startswith("|"):
        cells = stripped.strip("|").split("|")
    else:
        cells = text.split("\t")
    return [_clean_cell(cell) for cell in cells]


def _clean_cell(cell: str) -> str:
    cell = re.sub(r"<[^>]+>", " ", cell)
    return collapse_spaces(cell)


def _consume_table(lines: list[Line], start: int, parent: Node) -> int:
    """Read one table; each data row becomes a `table_row` node under `parent`."""
    headers: list[str] = []
    group = ""
    index = start
    while index < len(lines) and _continues_table(lines[index].text):
        line = lines[index]
        index += 1
        if not line.text.strip() or _TABLE_SEPARATOR.match(line.text.strip()):
            continue
        cells = _split_cells(line.text)
        if not headers and ROW_NUMBER.match(cells[0]):  # "| 1 | Cơ sở pháp lý | … |": a table printed without a header
            headers = [f"Cột {n + 1}" for n in range(len(cells))]
        elif not headers or _same_header(cells, headers):
            headers = [cell or f"Cột {n + 1}" for n, cell in enumerate(cells)]
            continue
        group_label = _group_label(cells)
        if group_label:
            group = group_label
            continue
        parent.children.append(_row_node(cells, headers, group, line))
    return index


ROW_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2})?\.?$")  # "2", "5.1", "3.": a table row's own number
_STEP_LETTER = re.compile(r"^[A-H]\.?$")


def _same_header(cells: list[str], headers: list[str]) -> bool:
    return [fold_accents(c) for c in cells if c] == [fold_accents(h) for h in headers if not h.startswith("Cột ")]


def _group_label(cells: list[str]) -> str:
    """A row such as "I | Quý I | | |", "QUÝ II | |" or "A | Các bước chuẩn bị" heads the rows below it."""
    filled = [cell for cell in cells if cell]
    if not filled or len(filled) > 2:
        return ""
    if len(filled) == 1 and (_QUARTER.match(filled[0]) or not any(ch.isdigit() for ch in filled[0]) and len(filled[0]) < 60):
        return _quarter_case(filled[0])
    if len(filled) == 2 and (_ROMAN.match(filled[0]) or _STEP_LETTER.match(filled[0])):  # "| A | Các bước chuẩn bị |"
        return _quarter_case(filled[1])
    return ""


def _quarter_case(text: str) -> str:
    return "Quý " + text.split(None, 1)[1] if _QUARTER.match(text) else text


def _row_node(cells: list[str], headers: list[str], group: str, line: Line) -> Node:
    pairs = {}
    for n, cell in enumerate(cells):
        name = headers[n] if n < len(headers) else f"Cột {n + 1}"
        pairs[name] = cell
    row_id = cells[0].rstrip(".") if cells and cells[0] else ""
    label = f"mục {row_id}" if row_id and len(row_id) <= 6 else "hàng"
    text = " | ".join(f"{name}: {value}" for name, value in pairs.items() if value)
    if group:
        pairs = {"Nhóm": group, **pairs}
        text = f"{group} | {text}"
    node = Node("table_row", label, 9, [Line(text, line.page)], cells=pairs)
    return node


def _strip_markup(text: str) -> str:
    """Drop markdown emphasis the seed files carry (`*01*`, `**03**`); keep the words."""
    if "*" not in text:
        return text
    return re.sub(r"\*{1,3}([^*\n]*?)\*{1,3}", r"\1", text).replace("*", "")


_STORAGE_LINE = re.compile(r"^[-+–]?\s*Lưu\b\s*:?", re.IGNORECASE)
_RECIPIENTS_HEADING = re.compile(r"^Nơi nhận\s*:?\s*", re.IGNORECASE)


def _is_item(line: str) -> bool:
    return line.startswith(("-", "–", "+"))


def _item_text(line: str) -> str:
    """ "- Sở Nội vụ;" → "Sở Nội vụ;" """
    return line.lstrip("-–+ ").strip()


_ADDRESSEES_HEADING = re.compile(r"^(?:Kính gửi|.{0,40}\bđiện)\s*:\s*(.*)$", re.IGNORECASE)
AS_ABOVE = re.compile(r"^Như trên\b", re.IGNORECASE)


def addressees(text: str) -> list[str]:
    """Whom a letter or a công điện is addressed to: the lines under "Kính gửi:" or "THỦ TƯỚNG CHÍNH PHỦ
    điện:", which "Như trên" in its "Nơi nhận" stands for.

    >>> addressees("Kính gửi:\n- Sở Nội vụ;\n- Sở Tài chính.\nCăn cứ …")
    ['Sở Nội vụ;', 'Sở Tài chính.']
    """
    lines = [line.strip() for line in text.split("\n")]
    heading = next(((i, m) for i, line in enumerate(lines) if (m := _ADDRESSEES_HEADING.match(line))), None)
    if heading is None:
        return []
    start, match = heading
    inline = match.group(1).strip(" .…")
    if inline:
        return [inline]
    return [_item_text(line) for line in itertools.takewhile(_is_item, lines[start + 1:])]


def closing_block(text: str) -> tuple[list[str], list[str]]:
    """The recipients ("Nơi nhận") and the signature lines (authority, title, name) of a document's
    closing block; the signature follows the "Lưu: …" line.

    >>> closing_block("Nơi nhận:\\n- Sở Nội vụ;\\n- Lưu: VT.\\nKT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC\\nNguyễn Văn A")
    (['Sở Nội vụ;', 'Lưu: VT.'], ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn A'])
    """
    lines = [_RECIPIENTS_HEADING.sub("", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    storage = max((i for i, line in enumerate(lines) if _STORAGE_LINE.match(line)), default=None)
    if storage is None:
        return [_item_text(line) for line in lines if _is_item(line)], []
    recipients = [_item_text(line) for line in lines[: storage + 1]]
    signature = []
    for line in lines[storage + 1:]:
        if line.startswith(("(", "[")):
            continue
        signature.append(line)
        if not line.isupper():  # the signer's name ends the block (an attached regulation may follow)
            break
    return recipients, signature

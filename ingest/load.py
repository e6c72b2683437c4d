"""Loaders: a file on disk → lines of text with their page, ready for the parser.

Every format is reduced to the same shape, `LoadedFile.lines`, so that one
parser serves them all: DOCX tables become markdown pipe rows in document
order, PDF lines keep their page number. Text is NFC-normalised here, at the door.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from assistant.vntext import normalize

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt", ".md")


class LoadError(Exception):
    """A file that cannot be read; the message is Vietnamese and names the reason."""

    def __init__(self, path: Path, reason: str, needs_ocr: bool = False):
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason
        self.needs_ocr = needs_ocr


@dataclass
class Line:
    text: str
    page: int | None = None


@dataclass
class LoadedFile:
    path: Path
    sha256: str
    lines: list[Line]
    pages: int = 0
    pages_without_text: list[int] = field(default_factory=list)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sniff_format(path: Path) -> str:
    """Decide the format from the content, not the extension."""
    head = path.read_bytes()[:8]
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return ".docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ".doc"
    return ".txt"


def load(path: Path) -> LoadedFile:
    path = Path(path)
    if not path.is_file():
        raise LoadError(path, "không tìm thấy tệp")
    if path.stat().st_size == 0:
        raise LoadError(path, "tệp rỗng (0 byte)")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(path, f"định dạng “{suffix or 'không có đuôi'}” chưa được hỗ trợ (chỉ nhận PDF, DOCX, TXT, MD)")
    actual = sniff_format(path)
    expected = ".txt" if suffix == ".md" else suffix
    if actual != expected:
        raise LoadError(path, f"nội dung tệp không phải {suffix.upper().lstrip('.')} như đuôi tệp cho biết")
    reader = {".pdf": _read_pdf, ".docx": _read_docx, ".txt": _read_text}[actual]
    loaded = reader(path)
    if not any(line.text.strip() for line in loaded.lines):
        if loaded.pages_without_text:
            raise LoadError(path, "PDF không có lớp chữ (bản quét), cần nhận dạng chữ (OCR)", needs_ocr=True)
        raise LoadError(path, "tệp không có nội dung chữ")
    return loaded


def _split_lines(text: str, page: int | None = None) -> list[Line]:
    return [Line(normalize(raw).rstrip(" \r\x0b\x0c"), page) for raw in text.splitlines()]  # keep trailing tabs: empty cells


def _read_text(path: Path) -> LoadedFile:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise LoadError(path, "không đọc được mã ký tự (cần UTF-8)") from exc
    if "\x00" in text[:2000]:
        raise LoadError(path, "tệp nhị phân, không phải văn bản")
    return LoadedFile(path, file_sha256(path), _split_lines(text))


def _read_pdf(path: Path) -> LoadedFile:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError(path, "PDF được đặt mật khẩu, không mở được")
        lines: list[Line] = []
        empty_pages: list[int] = []
        for number, page in enumerate(reader.pages, start=1):
            text = page.extract_text() or ""
            if len(text.strip()) < 20:
                empty_pages.append(number)
            lines.extend(_split_lines(text, number))
        return LoadedFile(path, file_sha256(path), lines, len(reader.pages), empty_pages)
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError(path, f"PDF bị hỏng hoặc không đọc được ({type(exc).__name__})") from exc


def _read_docx(path: Path) -> LoadedFile:
    import zipfile

    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LoadError(path, "DOCX bị hỏng hoặc không phải tệp Word hợp lệ") from exc
    lines: list[Line] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(_split_lines(Paragraph(block, document).text))
        elif tag == "tbl":
            lines.extend(_table_rows(Table(block, document)))
            lines.append(Line(""))
    return LoadedFile(path, file_sha256(path), lines)


def _table_rows(table) -> list[Line]:
    """A DOCX table as markdown pipe rows; merged cells repeat, as Word reports them."""
    rows = []
    for row in table.rows:
        cells = [normalize(" ".join(cell.text.split())).replace("|", "/") for cell in row.cells]
        rows.append(Line("| " + " | ".join(cells) + " |"))
    return rows

"""Loaders: a file on disk → lines of text with their page, ready for the parser.

Every format is reduced to the same shape, `LoadedFile.lines`, so that one
parser serves them all: DOCX tables become markdown pipe rows in document
order, PDF lines keep their page number. Text is NFC-normalised here, at the door.
"""
from __future__ import annotations

import hashlib
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from documents.convert import CONVERTIBLE, ConversionError, convert_to_docx
from documents.legacy_encodings import convert_legacy, decode_single_byte, docx_fonts, restore_soft_hyphens
from documents.ocr import PageProgress, looks_like_garbage, ocr_pdf_pages, ocr_status
from documents.text import normalize
from documents.text_layers import ocr_is_better, repair_text_layers

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".doc", ".odt", ".rtf", ".txt", ".md")
SUPPORTED_NAMES = "PDF, DOCX, DOC, ODT, RTF, TXT, MD"


def refusal_reason(name: str, size: int, max_mb: float) -> str:
    """Why a file is refused before it is read — its type, emptiness or size — or "".

    The one rule for the uploader and the ingest pipeline (`max_mb` comes from settings).
    """
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return f"định dạng “{suffix or 'không có đuôi'}” chưa được hỗ trợ (chỉ nhận {SUPPORTED_NAMES})"
    if size == 0:
        return "tệp rỗng (0 byte)"
    if size > max_mb * 1024 * 1024:
        return f"tệp nặng {_size_text(size)}, vượt giới hạn {max_mb:g} MB".replace(".", ",")
    return ""


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"
# Word processors open each other's files whatever the extension says; so do we.
WORD_FAMILY = {".docx", ".doc", ".odt", ".rtf"}
FORMAT_NAMES = {".pdf": "PDF", ".docx": "DOCX", ".doc": "DOC (Word cũ)", ".odt": "ODT", ".rtf": "RTF",
                ".zip": "tệp nén ZIP (bảng tính, trình chiếu…)", ".txt": "văn bản thuần", ".bin": "tệp nhị phân"}
MIN_PAGE_CHARS = 20  # a PDF page with less text than this has no usable text layer


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
class OcrOptions:
    """How `load` treats PDF pages without a usable text layer."""

    enabled: bool = True
    language: str = "vie"
    dpi: int = 300
    garbage_pages: bool = False  # also OCR pages whose text layer is mojibake
    progress: PageProgress | None = None  # (pages done, pages to OCR), after each page


@dataclass
class LoadedFile:
    path: Path
    sha256: str
    lines: list[Line]
    pages: int = 0
    pages_without_text: list[int] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # pages whose text comes from OCR
    ocr_note: str = ""  # why some pages could not be OCR'd (Vietnamese)
    source_format: str = ""  # the format read, by content: .pdf, .docx, .doc…
    page_extractors: dict[int, str] = field(default_factory=dict)  # PDF page → pypdf | pdftotext | ocr
    legacy_encoding: str = ""  # TCVN3, VNI… when the text was converted to Unicode
    unreadable_pages: list[int] = field(default_factory=list)  # text layer not Vietnamese by any reading


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sniff_format(path: Path) -> str:
    """Decide the format from the content, not the extension.

    Returns one of .pdf .docx .odt .zip (another zip: xlsx, pptx…) .doc .rtf .txt.
    A file starting with "PK" that is not a readable zip counts as .docx (a broken one).
    """
    with Path(path).open("rb") as handle:
        head = handle.read(1024)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ".doc"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return ".rtf"
    return ".txt"


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return ".docx"
            if "mimetype" in names and archive.read("mimetype").startswith(b"application/vnd.oasis.opendocument.text"):
                return ".odt"
            return ".zip"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return ".docx"


def load(path: Path, *, ocr: OcrOptions | None = None, max_pages: int | None = None) -> LoadedFile:
    """Read one file. `ocr=None` never runs OCR (a scan raises LoadError(needs_ocr=True))."""
    path = Path(path)
    if not path.is_file():
        raise LoadError(path, "không tìm thấy tệp")
    if path.stat().st_size == 0:
        raise LoadError(path, "tệp rỗng (0 byte)")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(path, f"định dạng “{suffix or 'không có đuôi'}” chưa được hỗ trợ (chỉ nhận {SUPPORTED_NAMES})")
    actual = sniff_format(path)
    expected = ".txt" if suffix == ".md" else suffix
    if actual != expected and not (expected in WORD_FAMILY and actual in WORD_FAMILY):
        raise LoadError(path, f"nội dung tệp không phải {suffix.upper().lstrip('.')} như đuôi tệp cho biết "
                              f"(thực chất là {FORMAT_NAMES.get(actual, actual)})")
    if actual == ".pdf":
        loaded = _read_pdf(path, ocr, max_pages)
    elif actual in CONVERTIBLE:
        loaded = _read_converted(path, actual)
    elif actual == ".docx":
        loaded = _read_docx(path)
    else:
        loaded = _read_text(path)
    loaded.source_format = actual
    if not any(line.text.strip() for line in loaded.lines):
        if loaded.pages_without_text:
            reason = "PDF không có lớp chữ (bản quét), cần nhận dạng chữ (OCR)"
            if loaded.ocr_note:
                reason += "; " + loaded.ocr_note
            elif ocr is not None and ocr.enabled:
                reason += "; OCR không đọc được chữ nào trên các trang"
            raise LoadError(path, reason, needs_ocr=True)
        raise LoadError(path, "tệp không có nội dung chữ")
    return loaded


def _read_converted(path: Path, actual: str) -> LoadedFile:
    with tempfile.TemporaryDirectory(prefix="tdkt-convert-") as tmp:
        try:
            converted = convert_to_docx(path, Path(tmp), actual)
        except ConversionError as exc:
            raise LoadError(path, f"không đọc được tệp {FORMAT_NAMES.get(actual, actual)}: {exc}") from exc
        try:
            loaded = _read_docx(converted)
        except LoadError as exc:
            raise LoadError(path, exc.reason) from exc
    loaded.path, loaded.sha256 = path, file_sha256(path)
    return loaded


def _split_lines(text: str, page: int | None = None) -> list[Line]:
    return [Line(normalize(raw).rstrip(" \r\x0b\x0c"), page) for raw in text.splitlines()]  # keep trailing tabs: empty cells


def _read_text(path: Path) -> LoadedFile:
    raw = path.read_bytes()
    label = ""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:2000]:
            try:
                text = raw.decode("utf-16")
            except UnicodeDecodeError as exc:
                raise LoadError(path, "không đọc được mã ký tự (cần UTF-8)") from exc
        else:  # one byte a character: TCVN3, VNI or Windows-1258 from an old office
            text, label = decode_single_byte(raw)
            if text is None:
                raise LoadError(path, "không đọc được mã ký tự (cần UTF-8; đã thử TCVN3, VNI và Windows-1258)")
    if "\x00" in text[:2000]:
        raise LoadError(path, "tệp nhị phân, không phải văn bản")
    conversion = convert_legacy(text)  # UTF-8 text pasted from a .VnTime document is mojibake too
    loaded = LoadedFile(path, file_sha256(path), _split_lines(conversion.text))
    loaded.legacy_encoding = conversion.label or label
    return loaded


def _read_pdf(path: Path, ocr: OcrOptions | None = None, max_pages: int | None = None) -> LoadedFile:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(str(path))
        password = None
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError as exc:
                raise LoadError(path, "PDF được mã hóa, cần thư viện cryptography để mở") from exc
            if not opened:
                raise LoadError(path, "PDF được đặt mật khẩu, không mở được; hãy gỡ mật khẩu "
                                      "(hoặc in lại thành PDF không khóa) rồi nạp lại")
            password = ""
        count = len(reader.pages)
        if max_pages and count > max_pages:
            raise LoadError(path, f"PDF có {count} trang, vượt giới hạn {max_pages} trang")
        texts: dict[int, str] = {}
        for number, page in enumerate(reader.pages, start=1):
            try:
                texts[number] = page.extract_text() or ""
            except Exception:  # noqa: BLE001 - one unreadable page is a page without text, not a lost file
                texts[number] = ""
    except LoadError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on broken files
        raise LoadError(path, f"PDF bị hỏng hoặc không đọc được ({type(exc).__name__})") from exc

    empty = [n for n, text in texts.items() if len(text.strip()) < MIN_PAGE_CHARS]
    layers = repair_text_layers(path, texts, password, MIN_PAGE_CHARS)  # pdftotext, TCVN3/VNI
    garbage = list(layers.unreadable) if ocr is not None else []
    if ocr is not None and ocr.garbage_pages:
        garbage += [n for n, text in texts.items() if n not in empty + garbage and looks_like_garbage(text)]
    wanted = sorted(empty + garbage)
    ocr_pages, note = _ocr(path, wanted, ocr, password, texts)
    lines: list[Line] = []
    for number, text in texts.items():
        lines.extend(_split_lines(text, number))
    without_text = [n for n in empty if n not in ocr_pages]
    loaded = LoadedFile(path, file_sha256(path), lines, count, without_text, ocr_pages, note)
    loaded.page_extractors = {**layers.extractors, **{n: "ocr" for n in ocr_pages}}
    loaded.legacy_encoding = next((label for n, label in sorted(layers.encodings.items()) if n not in ocr_pages), "")
    loaded.unreadable_pages = [n for n in layers.unreadable if n not in ocr_pages]
    return loaded


def _ocr(path: Path, pages: list[int], ocr: OcrOptions | None, password: str | None,
         texts: dict[int, str]) -> tuple[list[int], str]:
    """OCR `pages` into `texts` in place; returns the pages read and, if any failed, why."""
    if not pages or ocr is None:
        return [], ""
    if not ocr.enabled:
        return [], "OCR đang tắt trong cài đặt (TDKT_OCR_ENABLED)"
    status = ocr_status(ocr.language)
    if not status.available:
        return [], "chưa dùng được OCR: " + status.reason
    try:
        found = ocr_pdf_pages(path, pages, ocr.language, ocr.dpi, ocr.progress, password)
    except Exception as exc:  # noqa: BLE001 - OCR failing must not cost the text layer of other pages
        return [], f"OCR gặp lỗi ({type(exc).__name__})"
    read = []
    for number, text in found.items():
        if len(text.strip()) >= MIN_PAGE_CHARS and ocr_is_better(text, texts.get(number, ""), MIN_PAGE_CHARS):
            texts[number] = text
            read.append(number)
    return read, ""


def _read_docx(path: Path) -> LoadedFile:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - BadZipFile, PackageNotFoundError, KeyError, lxml errors…
        raise LoadError(path, "DOCX bị hỏng hoặc không phải tệp Word hợp lệ") from exc
    body = document.element.body
    fonts = docx_fonts(document.element, document.styles.element)
    restore_soft_hyphens(body, fonts)
    conversion = convert_legacy("\n".join(Paragraph(p, document).text for p in body.iter(_W_P)), fonts)
    fix = conversion.encoding.convert_text if conversion.encoding else str
    lines: list[Line] = []
    for block in body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(_split_lines(fix(Paragraph(block, document).text)))
        elif tag == "tbl":
            lines.extend(_table_lines(Table(block, document), fix))
    loaded = LoadedFile(path, file_sha256(path), lines)
    loaded.legacy_encoding = conversion.label
    return loaded


_W_P = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"


_LAYOUT_MARKERS = ("Số:", "CỘNG HÒA", "CỘNG HOÀ", "Nơi nhận", "TM.", "KT.", "Độc lập")


def _table_lines(table, fix=str) -> list[Line]:
    """Word plans lay out the header (agency | Quốc hiệu; số | ngày) and the closing
    (Nơi nhận | chữ ký) in two-column tables without borders: those are read as
    lines, left column first, as an official reads them; other tables as rows."""
    if len(table.columns) <= 2 and any(marker in fix(cell.text) for row in table.rows for cell in row.cells for marker in _LAYOUT_MARKERS):
        lines: list[Line] = []
        for column in range(len(table.columns)):
            for row in table.rows:
                for paragraph in row.cells[column].paragraphs:
                    lines.extend(_split_lines(fix(paragraph.text)))
        return lines
    return _table_rows(table, fix) + [Line("")]


def _table_rows(table, fix=str) -> list[Line]:
    """A DOCX table as markdown pipe rows; merged cells repeat, as Word reports them."""
    rows = []
    for row in table.rows:
        cells = [normalize(" ".join(fix(cell.text).split())).replace("|", "/") for cell in row.cells]
        rows.append(Line("| " + " | ".join(cells) + " |"))
    return rows

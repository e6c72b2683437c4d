"""PDF text layers that do not read as Vietnamese: a second extractor, legacy fonts, then OCR.

pypdf reads most PDFs well, but a PDF whose fonts map Vietnamese badly (a
font without Vietnamese glyphs, filled in by a fallback font) comes out as
"y m nh phong trào thi ua … Đẩ ạ đ ướ"; poppler's `pdftotext` reads the same
page correctly. Old documents set in TCVN3/VNI fonts come out as Latin-1
lookalikes and are converted. A page is judged by `documents.text_quality`; the
first reading that passes wins, in this order:

    pypdf → pypdf converted from TCVN3/VNI → pdftotext → pdftotext converted

A page that no reading passes keeps its best reading and is reported as an
unreadable text layer; the loader then sends it to OCR when OCR is on.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from documents.legacy_encodings import convert_legacy
from documents.text_quality import measure

PDFTOTEXT_TIMEOUT = 60
EXTRACTOR_NAMES = {"pypdf": "pypdf", "pdftotext": "pdftotext (poppler)", "ocr": "OCR"}


@dataclass
class PageReading:
    text: str
    extractor: str  # pypdf | pdftotext | ocr
    encoding: str = ""  # TCVN3 / VNI when converted
    readable: bool = True
    share: float = 1.0  # share of Vietnamese syllables


@dataclass
class LayerReport:
    """What `repair_text_layers` did, page by page (pages with text only)."""

    extractors: dict[int, str] = field(default_factory=dict)
    encodings: dict[int, str] = field(default_factory=dict)
    unreadable: list[int] = field(default_factory=list)
    note: str = ""  # Vietnamese: why the second extractor could not run


def repair_text_layers(path: Path, texts: dict[int, str], password: str | None = None,
                       min_chars: int = 20) -> LayerReport:
    """Replace in `texts` each page's pypdf text by the first reading that passes the check."""
    report = LayerReport()
    for page, text in texts.items():
        if len(text.strip()) < min_chars:
            continue
        reading = best_reading(path, page, text, password, report)
        texts[page] = reading.text
        report.extractors[page] = reading.extractor
        if reading.encoding:
            report.encodings[page] = reading.encoding
        if not reading.readable:
            report.unreadable.append(page)
    return report


def best_reading(path: Path, page: int, pypdf_text: str, password: str | None, report: LayerReport) -> PageReading:
    readings = []
    for reading in _readings(pypdf_text, "pypdf"):
        if reading.readable:
            return reading
        readings.append(reading)
    second = pdftotext_page(path, page, password, report)
    if second is not None:
        for reading in _readings(second, "pdftotext"):
            if reading.readable:
                return reading
            readings.append(reading)
    return max(readings, key=lambda r: r.share)


def _readings(text: str, extractor: str):
    """The text as extracted, then (lazily) converted from a legacy encoding."""
    quality = measure(text)
    yield PageReading(text, extractor, "", quality.readable, quality.share)
    conversion = convert_legacy(text)
    if conversion.encoding:
        yield PageReading(conversion.text, extractor, conversion.label, conversion.after.readable, conversion.after.share)


def pdftotext_page(path: Path, page: int, password: str | None = None, report: LayerReport | None = None) -> str | None:
    """One page (1-based) read by poppler's pdftotext in reading order; None when it cannot run."""
    binary = shutil.which("pdftotext")
    if not binary:
        if report is not None:
            report.note = "chưa cài pdftotext (gói poppler-utils) để đọc lại trang lỗi phông"
        return None
    command = [binary, "-f", str(page), "-l", str(page), "-enc", "UTF-8"]
    if password:
        command += ["-upw", password]
    try:
        done = subprocess.run(command + [str(path), "-"], capture_output=True, timeout=PDFTOTEXT_TIMEOUT)
    except (subprocess.TimeoutExpired, OSError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="replace").replace("\x0c", "")


def ocr_is_better(ocr_text: str, layer_text: str, min_chars: int = 20) -> bool:
    """OCR replaces a page's text layer only when the layer is empty or OCR reads more Vietnamese."""
    if len(layer_text.strip()) < min_chars:
        return True
    return measure(ocr_text).share > measure(layer_text).share


def layer_notes(page_extractors: dict[int, str], legacy_encoding: str, unreadable: list[int], ocr_note: str = "") -> list[str]:
    """The per-file result's Vietnamese notes on how the text was read."""
    notes = []
    if legacy_encoding:
        notes.append(f"đã chuyển mã {legacy_encoding} → Unicode")
    second = sorted(p for p, name in page_extractors.items() if name == "pdftotext")
    if second:
        notes.append("lớp chữ PDF lỗi phông, đã đọc lại bằng pdftotext ở các trang: " + _pages(second))
    if unreadable:
        note = "lớp chữ không đọc được (không ra tiếng Việt) ở các trang: " + _pages(unreadable) + ", đã lập chỉ mục nguyên trạng"
        notes.append(note + (f" ({ocr_note})" if ocr_note else ""))
    return notes


def _pages(pages: list[int]) -> str:
    return ", ".join(map(str, pages))

"""OCR for scanned PDF pages: render (pypdfium2, else poppler's `pdftoppm`), read with Tesseract.

Tesseract and its Vietnamese model are system packages (`tesseract-ocr`,
`tesseract-ocr-vie`); `ocr_status()` says in Vietnamese what is missing, so a
scan is reported as "needs OCR, and why" instead of being indexed as nothing.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

PageProgress = Callable[[int, int], None]  # (pages done, pages to OCR)


@dataclass(frozen=True)
class OcrStatus:
    available: bool
    reason: str = ""  # Vietnamese, when not available


@lru_cache(maxsize=8)
def ocr_status(language: str = "vie") -> OcrStatus:
    """Whether OCR can run here, and if not, what to install."""
    try:
        import pytesseract
    except ImportError:
        return OcrStatus(False, "chưa cài thư viện pytesseract (pip install pytesseract)")
    try:
        pytesseract.get_tesseract_version()
    except Exception:  # noqa: BLE001 - TesseractNotFoundError and friends
        return OcrStatus(False, "máy chưa cài Tesseract OCR (gói Debian/Ubuntu: tesseract-ocr, tesseract-ocr-vie)")
    try:
        languages = set(pytesseract.get_languages(config=""))
    except Exception:  # noqa: BLE001
        languages = set()
    missing = [lang for lang in language.split("+") if lang not in languages]
    if missing:
        return OcrStatus(False, f"Tesseract chưa có mô hình ngôn ngữ “{'+'.join(missing)}” (gói tesseract-ocr-{missing[0]})")
    if not _renderer():
        return OcrStatus(False, "không có công cụ chuyển trang PDF thành ảnh (pypdfium2 hoặc poppler-utils)")
    return OcrStatus(True)


def _renderer() -> str:
    try:
        import pypdfium2  # noqa: F401

        return "pdfium"
    except ImportError:
        return "pdftoppm" if shutil.which("pdftoppm") else ""


def render_page(path: Path, page: int, dpi: int = 300, password: str | None = None):
    """One PDF page (1-based) as a greyscale PIL image."""
    if _renderer() == "pdfium":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path), password=password)
        try:
            bitmap = pdf[page - 1].render(scale=dpi / 72, grayscale=True)
            return bitmap.to_pil().convert("L")
        finally:
            pdf.close()
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="tdkt-ocr-") as tmp:
        prefix = Path(tmp) / "page"
        command = ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page)]
        if password:
            command += ["-upw", password]
        subprocess.run(command + [str(path), str(prefix)], check=True, capture_output=True, timeout=300)
        produced = sorted(Path(tmp).glob("page*.png"))
        with Image.open(produced[0]) as image:
            return image.convert("L")


def ocr_image(image, language: str = "vie") -> str:
    import pytesseract

    text = pytesseract.image_to_string(image, lang=language, config="--psm 3")
    return unicodedata.normalize("NFC", text)


def ocr_pdf_pages(path: Path, pages: list[int], language: str = "vie", dpi: int = 300,
                  progress: PageProgress | None = None, password: str | None = None) -> dict[int, str]:
    """OCR the given pages (1-based); returns page → text. Reports progress after each page."""
    texts: dict[int, str] = {}
    for done, page in enumerate(pages, 1):
        texts[page] = ocr_image(render_page(path, page, dpi, password), language)
        if progress:
            progress(done, len(pages))
    return texts


# ------------------------------------------------------------ garbage text layers

_WORD = re.compile(r"\w+", re.UNICODE)
_CID = re.compile(r"\(cid:\d+\)")
# Latin-1 letters that Vietnamese never uses: what TCVN3/VNI text decodes to.
_NOT_VIETNAMESE = set("ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ")


def looks_like_garbage(text: str) -> bool:
    """A text layer that extracts as mojibake: broken font encodings, (cid:NN), private-use glyphs.

    Vietnamese text set in old TCVN3/VNI fonts without a ToUnicode map extracts as
    Latin-1 lookalikes ("Quy¸t ®Þnh"), which this catches by its symbol density.
    """
    stripped = "".join(text.split())
    if len(stripped) < 20:
        return False
    if len(_CID.findall(text)) >= 5:
        return True
    bad = 0
    for char in stripped:
        code = ord(char)
        category = unicodedata.category(char)
        if char == "\ufffd" or category in ("Co", "Cc", "Cn") or 0x80 <= code <= 0xBF or char in _NOT_VIETNAMESE:
            bad += 1
    if bad / len(stripped) > 0.08:
        return True
    words = _WORD.findall(text)
    if not words:
        return True
    letters = sum(len(w) for w in words if w.isalpha())
    return letters / len(stripped) < 0.45

"""Scanned PDFs: Vietnamese text rendered to page images, read back by Tesseract's Vietnamese model."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from assistant.build import build_assistant
from documents.load import LoadedFile, OcrOptions, load
from documents.ocr import looks_like_garbage, ocr_status
from assistant.ingestion import doc_id_for
from tests.docgen import vietnamese_font

OCR = ocr_status("vie")
needs_ocr = pytest.mark.skipif(not OCR.available, reason=f"OCR không dùng được ở đây: {OCR.reason}")

PAGE_1 = [
    "ỦY BAN NHÂN DÂN",
    "HUYỆN SƠN TRÀ MỚI",
    "Số: 45/QĐ-UBND",
    "Sơn Trà Mới, ngày 12 tháng 5 năm 2023",
    "QUYẾT ĐỊNH",
    "Về việc khen thưởng tập thể và cá nhân",
    "có thành tích xuất sắc trong phong trào thi đua",
    "Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện",
    "cho 03 tập thể và 12 cá nhân có thành tích xuất sắc.",
]
PAGE_2 = [
    "Điều 2. Mức tiền thưởng kèm theo Giấy khen",
    "đối với tập thể là 1.000.000 đồng, đối với cá nhân",
    "là 500.000 đồng, chi từ quỹ thi đua khen thưởng huyện.",
    "Điều 3. Chánh Văn phòng Hội đồng nhân dân và",
    "Ủy ban nhân dân huyện, Trưởng phòng Nội vụ và các",
    "tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm",
    "thi hành Quyết định này kể từ ngày ký.",
]


def make_scanned_pdf(path: Path, pages: list[list[str]], dpi: int = 300) -> Path:
    """An image-only PDF: each page is an A4 greyscale picture of its lines, as a scanner makes."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(vietnamese_font(), size=46)
    images = []
    for lines in pages:
        image = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
        draw = ImageDraw.Draw(image)
        y = 250
        for line in lines:
            draw.text((220, y), line, font=font, fill=0)
            y += 80
        images.append(image)
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return path


def character_accuracy(recognised: str, truth: str) -> float:
    """1 − (edit distance / length of the truth), on NFC text with whitespace collapsed."""
    a = _squash(recognised)
    b = _squash(truth)
    previous = list(range(len(a) + 1))
    for i, cb in enumerate(b, 1):
        current = [i] + [0] * len(a)
        for j, ca in enumerate(a, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
        previous = current
    return max(0.0, 1.0 - previous[-1] / max(1, len(b)))


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _page_text(loaded: LoadedFile, page: int) -> str:
    return "\n".join(line.text for line in loaded.lines if line.page == page)


@needs_ocr
def test_scanned_pdf_is_read_by_ocr_and_cited_with_its_page(settings, tmp_path, capsys):
    path = make_scanned_pdf(tmp_path / "qd-45-khen-thuong-scan.pdf", [PAGE_1, PAGE_2])
    assistant = build_assistant(settings)
    seen_pages = []
    results = assistant.ingestor().ingest([path], page_progress=lambda name, done, total: seen_pages.append((name, done, total)))
    result = results[0]
    assert result.status == "indexed", result.as_line()
    assert result.ocr_pages == [1, 2] and "OCR" in result.as_line()
    assert seen_pages == [(path.name, 1, 2), (path.name, 2, 2)]

    chunks = assistant.index.doc_chunks(doc_id_for(path))
    assert chunks and all(c.meta.get("ocr") is True and c.page in (1, 2) for c in chunks)

    answer = assistant.answerer().answer("Mức tiền thưởng kèm theo Giấy khen đối với cá nhân là bao nhiêu?")
    cited = [c for c in answer.citations if c.doc_id == doc_id_for(path)]
    assert cited, answer
    assert cited[0].page == 2 and cited[0].ocr is True
    assert "500.000" in cited[0].passage

    # OCR character accuracy against the text that was rendered
    loaded = load(path, ocr=OcrOptions(language=settings.ocr_language, dpi=settings.ocr_dpi))
    accuracy = [character_accuracy(_page_text(loaded, n), "\n".join(lines)) for n, lines in ((1, PAGE_1), (2, PAGE_2))]
    overall = character_accuracy(_page_text(loaded, 1) + "\n" + _page_text(loaded, 2), "\n".join(PAGE_1 + PAGE_2))
    with capsys.disabled():
        print(f"\nĐộ chính xác ký tự OCR: trang 1 {accuracy[0]:.4f}, trang 2 {accuracy[1]:.4f}, toàn bộ {overall:.4f}")
    assert overall >= 0.95


@needs_ocr
def test_a_picture_without_words_still_needs_ocr(settings, tmp_path):
    from tests.docgen import make_pdf_without_text

    path = make_pdf_without_text(tmp_path / "hinh-ve.pdf")
    result = build_assistant(settings).ingestor().ingest([path])[0]
    assert result.status == "needs_ocr"
    assert "hinh-ve.pdf" in result.as_line() and "OCR" in result.message


def test_ocr_unavailable_is_said_in_vietnamese(settings, tmp_path):
    path = make_scanned_pdf(tmp_path / "ban-quet.pdf", [PAGE_1], dpi=100)
    settings.ocr_language = "khongco"  # a Tesseract model that no machine has
    assistant = build_assistant(settings)
    result = assistant.ingestor().ingest([path])[0]
    assert result.status == "needs_ocr"
    line = result.as_line()
    assert "ban-quet.pdf" in line and "OCR" in line
    assert ("tesseract" in line.lower() or "pytesseract" in line), line
    assert assistant.index.counts()["documents"] == 0


def test_ocr_switched_off_by_setting(settings, tmp_path):
    path = make_scanned_pdf(tmp_path / "ban-quet-tat.pdf", [PAGE_1], dpi=100)
    settings.ocr_enabled = False
    result = build_assistant(settings).ingestor().ingest([path])[0]
    assert result.status == "needs_ocr" and "TDKT_OCR_ENABLED" in result.message


def test_garbage_text_layers_are_recognised():
    assert looks_like_garbage("Quy¸t ®Þnh vÒ viÖc khen th­ëng tËp thÓ cã thµnh tÝch xuÊt s¾c trong phong trµo")
    assert looks_like_garbage("(cid:12)(cid:13)(cid:14)(cid:15)(cid:16)(cid:17)(cid:18) (cid:19)")
    assert not looks_like_garbage("Quyết định về việc khen thưởng tập thể có thành tích xuất sắc trong phong trào thi đua")
    assert not looks_like_garbage("Điều 2. Mức tiền thưởng: 1.000.000 đồng; cá nhân 500.000 đồng (theo Nghị định 98/2023/NĐ-CP).")

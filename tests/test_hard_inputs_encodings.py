"""Text layers that do not read as Vietnamese, and old TCVN3/VNI documents.

Every file is generated here from a known Unicode text. The legacy encoders
below are written from the published TCVN3 (TCVN 5712:1993, VN3) and VNI-Windows
layouts, independently of the converter under test, and are themselves checked
against hand-written byte pairs for a few words.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest

from assistant.build import build_assistant
from assistant.ingestion import doc_id_for
from documents.convert import soffice_binary
from documents.load import OcrOptions, load
from documents.ocr import ocr_status
from documents.text_quality import is_readable, is_vietnamese_syllable, measure
from tests.conftest import KNOWLEDGE
from tests.docgen import PLAN_LINES, vietnamese_font

SOFFICE = soffice_binary()
needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) chưa được cài: gói libreoffice-writer-nogui")
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext chưa được cài: gói poppler-utils")
OCR = ocr_status("vie")
needs_ocr = pytest.mark.skipif(not OCR.available, reason=f"OCR không dùng được ở đây: {OCR.reason}")

# ------------------------------------------------------------ independent legacy encoders

GRAVE, HOOK, TILDE, ACUTE, DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
TONES = (GRAVE, HOOK, TILDE, ACUTE, DOT)  # the order of each row in the TCVN3 chart
# TCVN3 (ABC): vowel → (byte without tone, bytes with huyền, hỏi, ngã, sắc, nặng); one byte a letter.
TCVN3_ROWS = {
    "a": (None, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9), "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB), "e": (None, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6), "i": (None, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (None, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4), "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE), "u": (None, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9), "y": (None, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
TCVN3_SINGLE = {"đ": 0xAE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}


def tcvn3_bytes(text: str) -> bytes:
    """Unicode → TCVN3 as .VnTime/.VnTimeH fonts store it: no upper-case toned letters,
    so an upper-case toned letter takes its lower-case byte (the H font draws it upper case)."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if char in TCVN3_SINGLE:
            out.append(TCVN3_SINGLE[char])
            continue
        base, tone = _split_tone(char.lower())
        row = TCVN3_ROWS.get(base)
        if row is None or (tone is None and row[0] is None):
            out += char.encode("ascii")
        else:
            out.append(row[0] if tone is None else row[1 + TONES.index(tone)])
    return bytes(out)


# VNI-Windows: base letter + mark byte(s); lower-case marks below, upper-case marks are 0x20 lower.
VNI_TONE = {GRAVE: 0xF8, HOOK: 0xFB, TILDE: 0xF5, ACUTE: 0xF9, DOT: 0xEF}
VNI_CIRCUMFLEX = {None: 0xE2, GRAVE: 0xE0, HOOK: 0xE5, TILDE: 0xE3, ACUTE: 0xE1, DOT: 0xE4}
VNI_BREVE = {None: 0xEA, GRAVE: 0xE8, HOOK: 0xFA, TILDE: 0xFC, ACUTE: 0xE9, DOT: 0xEB}
VNI_I = {GRAVE: 0xEC, HOOK: 0xE6, TILDE: 0xF3, ACUTE: 0xED, DOT: 0xF2}
VNI_SINGLE = {"đ": 0xF1, "ơ": 0xF4, "ư": 0xF6}


def vni_bytes(text: str) -> bytes:
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        upper = char != char.lower()
        shift = 0x20 if upper else 0
        base, tone = _split_tone(char.lower())
        plain = unicodedata.normalize("NFD", base)
        letter = plain[0].upper() if upper else plain[0]
        if base in VNI_SINGLE:
            out.append(VNI_SINGLE[base] - shift)
            if tone:
                out.append(VNI_TONE[tone] - shift)
        elif base == "i" and tone:
            out.append(VNI_I[tone] - shift)
        elif plain[1:] == "\u0302":
            out += letter.encode("ascii") + bytes([VNI_CIRCUMFLEX[tone] - shift])
        elif plain[1:] == "\u0306":
            out += letter.encode("ascii") + bytes([VNI_BREVE[tone] - shift])
        elif tone:
            out += letter.encode("ascii") + bytes([VNI_TONE[tone] - shift])
        else:
            out += char.encode("ascii")
    return bytes(out)


def _split_tone(char: str) -> tuple[str, str | None]:
    """'ề' → ('ê', GRAVE); 'a' → ('a', None)."""
    decomposed = unicodedata.normalize("NFD", char)
    tones = [c for c in decomposed if c in TONES]
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
    return base, tones[0] if tones else None


HAND_PAIRS = {  # from the charts, typed by hand
    "Thi đua, khen thưởng": (b"Thi \xaeua, khen th\xad\xebng", b"Thi \xf1ua, khen th\xf6\xf4\xfbng"),
    "Quyết định": (b"Quy\xd5t \xae\xdenh", b"Quye\xe1t \xf1\xf2nh"),
    "Hà Nội": (b"H\xb5 N\xe9i", b"Ha\xf8 No\xe4i"),
}


@pytest.mark.parametrize("unicode_text", sorted(HAND_PAIRS))
def test_the_test_encoders_match_hand_written_pairs(unicode_text):
    tcvn3, vni = HAND_PAIRS[unicode_text]
    assert tcvn3_bytes(unicode_text) == tcvn3
    assert vni_bytes(unicode_text) == vni


# ------------------------------------------------------------ the Vietnamese check

GARBLED_BY_PYPDF = ("y m nh phong trào thi ua yêu n c, khen th ng k p th i các t p Đẩ ạ đ ướ ưở ị ờ ậ "
                    "th  và cá nhân có thành tích xu t s c.ể ấ ắ Quy t nh khen th ng c a Ch  t ch y ban")


def test_syllable_check_tells_vietnamese_from_broken_text_layers():
    for word in ("thưởng", "Quyết", "nghiêng", "khuya", "HUYỆN", "gì", "quốc", "ạ"):
        assert is_vietnamese_syllable(word), word
    for word in ("nh", "Đẩ", "ướ", "Þnh", "thươc", "xuât", "mộtt", "ấp̀"):
        assert not is_vietnamese_syllable(word), word
    assert not is_readable(GARBLED_BY_PYPDF)
    assert not is_readable(tcvn3_bytes("\n".join(PLAN_LINES)).decode("latin-1"))
    assert not is_readable(vni_bytes("\n".join(PLAN_LINES)).decode("latin-1"))
    assert is_readable("\n".join(PLAN_LINES))
    # a table of field names in English, an English paragraph: another language is not a broken layer
    assert is_readable("| 1 | Tiêu đề hồ sơ | Title | String | 500\n| 2 | Thời hạn bảo quản | Maintenance | String | 30\n"
                       "| 3 | Chế độ sử dụng | Rights | String | 30\n| 4 | Người lập hồ sơ | Creator | String | 30")
    assert is_readable("This folder holds the shipped corpus: legal texts, plans and fragments read by OCR, "
                       "with an index of every file and where it comes from, for the developers of the project.")


def test_every_page_of_the_shipped_legal_texts_passes_the_check():
    for path in sorted((KNOWLEDGE / "legal").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pages = [text[i:i + 3000] for i in range(0, len(text), 3000)]
        worst = min(measure(page).share for page in pages)
        assert all(is_readable(page) for page in pages), (path.name, worst)


# ------------------------------------------------------------ TCVN3 and VNI files

SENTENCE = "Quyết định khen thưởng của Hội đồng Thi đua, khen thưởng thành phố Hà Nội năm 2024."


def _plan_with_sentence() -> list[str]:
    return PLAN_LINES + [SENTENCE]


@pytest.mark.parametrize("label,encoder", [("TCVN3", tcvn3_bytes), ("VNI", vni_bytes)])
def test_a_legacy_text_file_is_converted_and_indexed_in_unicode(settings, tmp_path, label, encoder):
    path = tmp_path / f"kh-12-2024-{label.lower()}.txt"
    path.write_bytes(encoder("\n".join(_plan_with_sentence())))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # really not UTF-8
    assistant = build_assistant(settings)
    result = assistant.ingestor().ingest([path])[0]
    assert result.status == "indexed", result.as_line()
    assert f"đã chuyển mã {label} → Unicode" in result.as_line()

    loaded = load(path)
    assert [line.text for line in loaded.lines] == _plan_with_sentence()
    hits = assistant.searcher.search("Quyết định khen thưởng Hội đồng Thi đua, khen thưởng thành phố Hà Nội", 3, mode="bm25")
    assert hits and hits[0].chunk.doc_id == doc_id_for(path)
    bodies = " ".join(c.body for c in assistant.index.doc_chunks(doc_id_for(path)))
    assert SENTENCE in bodies and "Hội đồng Thi đua - Khen thưởng huyện trước ngày 15/11/2024" in bodies
    assert assistant.index.document(doc_id_for(path)).meta["legacy_encoding"] == label


def test_unicode_text_full_of_latin_letters_is_left_alone(settings, tmp_path):
    text = ("Cá nhân được tặng Bằng khen của Thủ tướng Chính phủ phải có thành tích xuất sắc, "
            "là gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.")
    path = tmp_path / "ghi-chu.txt"
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    assert loaded.legacy_encoding == "" and loaded.lines[0].text == text


def test_a_legacy_passage_pasted_into_a_unicode_file_is_converted_and_the_rest_kept(tmp_path):
    pasted = tcvn3_bytes(SENTENCE).decode("latin-1")  # what copying from a .VnTime document gives
    lines = PLAN_LINES[:6] + [pasted] + PLAN_LINES[6:] + ["Giá: 1.000.000 đồng; cá nhân ½ suất."]
    path = tmp_path / "kh-dan-lai.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    loaded = load(path)
    assert loaded.legacy_encoding == "TCVN3"
    assert [line.text for line in loaded.lines] == PLAN_LINES[:6] + [SENTENCE] + PLAN_LINES[6:] + [lines[-1]]


def test_a_latin1_file_that_is_not_vietnamese_is_refused(settings, tmp_path):
    path = tmp_path / "lettre.txt"
    path.write_bytes("Très chère amie, voilà déjà l'été à Genève; ça me plaît beaucoup.\n".encode("latin-1") * 5)
    result = build_assistant(settings).ingestor().ingest([path])[0]
    assert result.status == "rejected" and "mã ký tự" in result.message


def _run(paragraph, text: str, font: str) -> None:
    from docx.oxml.ns import qn

    run = paragraph.add_run(text)
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), font)


def make_tcvn3_docx(path: Path, lines: list[str], unicode_note: str) -> Path:
    """A Word file typed with the .VnTime font: each run holds TCVN3 code points, ư as
    <w:softHyphen/> as Word stores byte 0xAD; one paragraph typed later in Unicode."""
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    for line in lines:
        paragraph = document.add_paragraph()
        legacy = tcvn3_bytes(line).decode("latin-1")
        font = ".VnTimeH" if line.upper() == line else ".VnTime"
        pieces = legacy.split("\xad")
        for number, piece in enumerate(pieces):
            _run(paragraph, piece, font)
            if number < len(pieces) - 1:
                soft = paragraph.add_run()
                soft._r.append(OxmlElement("w:softHyphen"))
    _run(document.add_paragraph(), unicode_note, "Times New Roman")
    document.save(str(path))
    return path


def test_a_docx_typed_in_tcvn3_is_converted_and_its_unicode_paragraph_kept(settings, tmp_path):
    note = "Ghi chú: đoạn này được gõ lại bằng Unicode, phông Times New Roman."
    path = make_tcvn3_docx(tmp_path / "kh-12-2024-vntime.docx", _plan_with_sentence(), note)
    assistant = build_assistant(settings)
    result = assistant.ingestor().ingest([path])[0]
    assert result.status == "indexed", result.as_line()
    assert "đã chuyển mã TCVN3 → Unicode" in result.message
    assert [line.text for line in load(path).lines if line.text] == _plan_with_sentence() + [note]
    bodies = " ".join(c.body for c in assistant.index.doc_chunks(doc_id_for(path)))
    assert SENTENCE in bodies and note in bodies
    hits = assistant.searcher.search("Phòng Nội vụ tổng hợp hồ sơ đề nghị khen thưởng", 3, mode="bm25")
    assert hits and hits[0].chunk.doc_id == doc_id_for(path)


@needs_libreoffice
def test_an_old_word_doc_typed_in_tcvn3_is_converted(settings, tmp_path):
    """The archive case: a .doc saved by old Word with .VnTime, read through LibreOffice."""
    (tmp_path / "src").mkdir()
    source = make_tcvn3_docx(tmp_path / "src" / "qd-cu-vntime.docx", _plan_with_sentence(), "Bản lưu trữ.")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run([SOFFICE, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                        "--convert-to", "doc", "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    path = tmp_path / "qd-cu-vntime.doc"
    assistant = build_assistant(settings)
    result = assistant.ingestor().ingest([path])[0]
    assert result.status == "indexed", result.as_line()
    assert "đã chuyển mã TCVN3 → Unicode" in result.message
    bodies = " ".join(c.body for c in assistant.index.doc_chunks(doc_id_for(path)))
    assert SENTENCE in bodies and "Hội đồng Thi đua - Khen thưởng huyện trước ngày 15/11/2024" in bodies


def test_a_pdf_set_in_a_tcvn3_font_is_converted(settings, tmp_path):
    """A PDF whose font draws TCVN3 bytes (no Unicode map): pypdf reads Latin-1 lookalikes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "qd-45-vntime.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in _plan_with_sentence():
        pdf.setFont("Times-Roman", 11)
        pdf.drawString(50, y, tcvn3_bytes(line).decode("cp1252", errors="replace"))
        y -= 16
    pdf.showPage()
    pdf.save()
    loaded = load(path, ocr=None)
    assert loaded.legacy_encoding == "TCVN3" and loaded.page_extractors == {1: "pypdf"}
    text = "\n".join(line.text for line in loaded.lines)
    assert SENTENCE in text and "Tổ chức phong trào thi đua chào mừng kỷ niệm ngày thành lập huyện" in text


# ------------------------------------------------------------ a PDF whose fonts map Vietnamese badly


def _libreoffice_pdf(docx_path: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run([SOFFICE, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(docx_path.parent), str(docx_path)],
                       check=True, capture_output=True, timeout=180)
    produced = docx_path.with_suffix(".pdf")
    assert produced.is_file(), "LibreOffice không tạo được PDF"
    return produced


def make_broken_layer_pdf(folder: Path, name: str) -> Path:
    """Plan lines set in the Symbol font, which has no Vietnamese letters: LibreOffice fills
    them in from a fallback font, and pypdf then reads the page as "y m nh … Đẩ ạ"."""
    import docx

    document = docx.Document()
    for line in PLAN_LINES:
        _run(document.add_paragraph(), line, "Symbol")
    source = folder / "src" / f"{name}.docx"
    source.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(source))
    pdf = _libreoffice_pdf(source)
    return pdf.rename(folder / f"{name}.pdf")


def make_fallback_font_pdf(path: Path, lines: list[str]) -> Path:
    """What a word processor writes when its font lacks Vietnamese letters: each line's
    Latin runs in the main font first, then the Vietnamese letters, placed where they
    belong, in a fallback font. The page looks right; pypdf reads the stream in order
    ("Y BAN NHÂN DÂNỦ"), pdftotext and OCR by position."""
    import itertools

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    main = next((f for f in ("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
                             "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf") if Path(f).exists()),
                vietnamese_font())
    pdfmetrics.registerFont(TTFont("MainFont", main))
    pdfmetrics.registerFont(TTFont("FallbackFont", vietnamese_font()))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in lines:
        x, runs = 50.0, []
        for fallback, chars in itertools.groupby(line, key=lambda c: ord(c) > 0xFF):
            text, font = "".join(chars), "FallbackFont" if fallback else "MainFont"
            runs.append((font, x, text))
            x += pdfmetrics.stringWidth(text, font, 12)
        stream = pdf.beginText()
        for font, x0, text in sorted(runs, key=lambda run: run[0] == "FallbackFont"):
            stream.setTextOrigin(x0, y)
            stream.setFont(font, 12)
            stream.textOut(text)
        pdf.drawText(stream)
        y -= 18
    pdf.showPage()
    pdf.save()
    return path


def _pypdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


BROKEN_LAYER_MAKERS = {
    "libreoffice-symbol-font": lambda folder, name: make_broken_layer_pdf(folder, name),
    "fallback-font-order": lambda folder, name: make_fallback_font_pdf(folder / f"{name}.pdf", PLAN_LINES),
}


@needs_pdftotext
@pytest.mark.parametrize("maker", sorted(BROKEN_LAYER_MAKERS))
def test_a_pdf_with_a_broken_text_layer_is_read_by_pdftotext(settings, tmp_path, maker):
    if maker.startswith("libreoffice") and SOFFICE is None:
        pytest.skip("LibreOffice (soffice) chưa được cài: gói libreoffice-writer-nogui")
    path = BROKEN_LAYER_MAKERS[maker](tmp_path, "kh-12-2024-loi-phong")
    garbled = _pypdf_text(path)
    assert "Động viên cán bộ" not in garbled and not is_readable(garbled), garbled[:200]
    poppler = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode("utf-8")
    assert "Động viên cán bộ, công chức thi đua" in poppler and is_readable(poppler)

    loaded = load(path, ocr=None)
    assert loaded.page_extractors == {1: "pdftotext"} and loaded.unreadable_pages == []
    assert _squash(" ".join(line.text for line in loaded.lines)) == _squash(poppler)

    assistant = build_assistant(settings)
    result = assistant.ingestor().ingest([path])[0]
    assert result.status == "indexed", result.as_line()
    assert "pdftotext" in result.message and "trang: 1" in result.message
    bodies = _squash(" ".join(c.body for c in assistant.index.doc_chunks(doc_id_for(path))))
    assert "Động viên cán bộ, công chức thi đua hoàn thành xuất sắc nhiệm vụ năm 2024" in bodies
    assert "ướ" not in bodies.replace("ước", "").replace("ướng", "")
    assert assistant.index.document(doc_id_for(path)).meta["page_extractors"] == {"1": "pdftotext"}


def test_without_pdftotext_an_unreadable_layer_is_reported_and_ocr_switched_off_is_named(settings, tmp_path, monkeypatch):
    import documents.text_layers as text_layers

    path = make_fallback_font_pdf(tmp_path / "kh-loi-phong-khong-ocr.pdf", PLAN_LINES)
    monkeypatch.setattr(text_layers.shutil, "which", lambda name: None)
    settings.ocr_enabled = False
    result = build_assistant(settings).ingestor().ingest([path])[0]
    assert result.status == "indexed", result.as_line()
    assert "lớp chữ không đọc được" in result.message and "trang: 1" in result.message
    assert "TDKT_OCR_ENABLED" in result.message


@needs_ocr
def test_without_pdftotext_an_unreadable_layer_goes_to_ocr(settings, tmp_path, monkeypatch):
    import documents.text_layers as text_layers

    path = make_fallback_font_pdf(tmp_path / "kh-loi-phong-ocr.pdf", PLAN_LINES)
    monkeypatch.setattr(text_layers.shutil, "which", lambda name: None)
    loaded = load(path, ocr=OcrOptions(language=settings.ocr_language, dpi=200))
    assert loaded.page_extractors == {1: "ocr"} and loaded.ocr_pages == [1]
    text = " ".join(line.text for line in loaded.lines)
    assert is_readable(text) and "Động viên cán bộ" in text

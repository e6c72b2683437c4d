"""Old Word formats through LibreOffice, and files that must be refused without touching the index."""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest

from assistant.build import build_assistant
from documents.convert import soffice_binary
from assistant.ingestion import doc_id_for
from tests.conftest import KNOWLEDGE
from tests.docgen import PLAN_LINES, make_docx, make_pdf

SOFFICE = soffice_binary()
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) chưa được cài trên máy này: gói libreoffice-writer-nogui; CI cài nó qua scripts/setup.sh")

SEED_001 = KNOWLEDGE / "plans" / "001_f3c46f3a27ae00a1.txt"


def _libreoffice_convert(source: Path, target_format: str, outdir: Path) -> Path:
    """What an office's old Word would have saved: LibreOffice writes the legacy format from a .docx."""
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run([SOFFICE, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                        "--convert-to", target_format, "--outdir", str(outdir), str(source)],
                       check=True, capture_output=True, timeout=180)
    produced = outdir / f"{source.stem}.{target_format}"
    assert produced.is_file(), f"LibreOffice không tạo được {produced.name}"
    return produced


@needs_libreoffice
@pytest.mark.parametrize("old_format", ["doc", "odt", "rtf"])
def test_old_word_formats_are_converted_and_indexed(settings, tmp_path, old_format):
    (tmp_path / "src").mkdir()
    source = make_docx(tmp_path / "src" / "kh-12-2024.docx", PLAN_LINES,
                       table=[["STT", "Nội dung", "Thời hạn"], ["1", "Nộp hồ sơ khen thưởng", "15/11/2024"]])
    folder = tmp_path / "upload"
    folder.mkdir()
    converted = _libreoffice_convert(source, old_format, folder)
    assistant = build_assistant(settings)
    result = assistant.ingestor().ingest([converted])[0]
    assert result.status == "indexed", result.as_line()
    document = assistant.index.document(result.doc_id)
    assert document.meta["format"] == f".{old_format}"
    hits = assistant.searcher.search("Phòng Nội vụ tổng hợp hồ sơ đề nghị khen thưởng", 3, mode="bm25")
    assert hits and hits[0].chunk.doc_id == result.doc_id
    assert "Hội đồng Thi đua - Khen thưởng huyện trước ngày 15/11/2024" in hits[0].chunk.body
    bodies = " ".join(c.body for c in assistant.index.doc_chunks(result.doc_id))
    assert "Nộp hồ sơ khen thưởng" in bodies  # the table survived the round trip


def test_without_libreoffice_an_old_word_file_gets_a_clear_message(settings, tmp_path, monkeypatch):
    import documents.convert as convert

    monkeypatch.setattr(convert.shutil, "which", lambda name: None)
    monkeypatch.setattr(convert.Path, "exists", lambda self: False)
    path = tmp_path / "cong-van-cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assistant = build_assistant(settings)
    result = assistant.ingestor().ingest([path])[0]
    assert result.status == "rejected"
    assert "cong-van-cu.doc" in result.as_line() and "LibreOffice" in result.message
    assert assistant.index.counts()["documents"] == 0


# ------------------------------------------------------------ bad inputs


def _encrypted_pdf(path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(path.with_name("plain.pdf"), [PLAN_LINES])
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="mat-khau-2024", owner_password="chu-so-huu", algorithm="AES-256")
    with path.open("wb") as handle:
        writer.write(handle)
    plain.unlink()
    return path


def _mislabelled_docx(path: Path) -> Path:
    make_docx(path.with_suffix(".docx"), PLAN_LINES).rename(path)
    return path


BAD_FILES = {
    "corrupt": ("quyet-dinh-hong.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n\x00\x17garbage"), ["hỏng"]),
    "truncated": ("ke-hoach-cat-ngang.pdf", lambda p: p.write_bytes(make_pdf(p.with_name("x.pdf"), [PLAN_LINES]).read_bytes()[:300]), ["hỏng"]),
    "encrypted": ("quyet-dinh-khoa.pdf", _encrypted_pdf, ["mật khẩu"]),
    "empty": ("to-trinh-rong.pdf", lambda p: p.write_bytes(b""), ["rỗng"]),
    "mislabelled_docx": ("bao-cao-gia.pdf", _mislabelled_docx, ["không phải PDF", "DOCX"]),
    "mislabelled_text": ("cong-van-gia.pdf", lambda p: p.write_text("\n".join(PLAN_LINES), encoding="utf-8"), ["không phải PDF", "văn bản"]),
    "oversized": ("so-tay-qua-lon.txt", lambda p: p.write_text("\n".join(PLAN_LINES) * 40, encoding="utf-8"), ["vượt giới hạn", "MB"]),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_bad_file_is_refused_by_name_and_reason_and_the_index_is_unchanged(settings, tmp_path, kind):
    if kind == "oversized":
        settings.max_file_mb = 0.01  # 10 KB: the oversized file is ~25 KB
    assistant = build_assistant(settings)
    good = tmp_path / "good.txt"
    good.write_text("\n".join(PLAN_LINES), encoding="utf-8")
    assistant.ingestor().ingest([good])
    before = assistant.index.counts()
    chunk_ids = [c.chunk_id for c in assistant.index.doc_chunks("good")]

    name, maker, reasons = BAD_FILES[kind]
    folder = tmp_path / "upload"
    folder.mkdir()
    path = folder / name
    maker(path)
    batch_other = folder / "kh-tot.txt"  # the rest of the batch still goes in
    batch_other.write_text("\n".join(PLAN_LINES[:6]), encoding="utf-8")
    results = {Path(r.path).name: r for r in assistant.ingestor().ingest([path, batch_other])}

    bad = results[name]
    assert bad.status == "rejected", bad.as_line()
    line = bad.as_line()
    assert name in line, line
    for reason in reasons:
        assert reason in bad.message, bad.message
    assert results["kh-tot.txt"].status == "indexed"
    after = assistant.index.counts()
    assert after["documents"] == before["documents"] + 1
    assert assistant.index.document(path.stem) is None
    assert [c.chunk_id for c in assistant.index.doc_chunks("good")] == chunk_ids

    # on its own, the bad file leaves the counts exactly as they were
    alone_before = assistant.index.counts()
    again = build_assistant(settings).ingestor().ingest([path])[0]
    assert again.status == "rejected" and name in again.as_line()
    assert build_assistant(settings).index.counts() == alone_before


def test_encrypted_pdf_with_an_empty_user_password_is_read(settings, tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", [PLAN_LINES])
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="", owner_password="chi-chu-so-huu", algorithm="AES-128")
    path = tmp_path / "chi-khoa-sua.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    result = build_assistant(settings).ingestor().ingest([path])[0]
    assert result.status == "indexed", result.as_line()


def test_too_many_pages_is_refused(settings, tmp_path):
    settings.max_pdf_pages = 2
    path = make_pdf(tmp_path / "bao-cao-dai.pdf", [PLAN_LINES[:4], PLAN_LINES[4:8], PLAN_LINES[8:]])
    assistant = build_assistant(settings)
    result = assistant.ingestor().ingest([path])[0]
    assert result.status == "rejected"
    assert "bao-cao-dai.pdf" in result.as_line() and "3 trang" in result.message and "giới hạn 2 trang" in result.message
    assert assistant.index.counts()["documents"] == 0


def test_a_word_file_with_the_wrong_word_extension_is_read_by_content(settings, tmp_path):
    path = make_docx(tmp_path / "kh.docx", PLAN_LINES).rename(tmp_path / "kh-doi-duoi.doc")
    result = build_assistant(settings).ingestor().ingest([path])[0]
    assert result.status == "indexed", result.as_line()


def test_ingest_can_run_in_a_background_worker_while_queries_are_answered(settings, tmp_path):
    path = tmp_path / "kh-nen.txt"
    path.write_text("\n".join(PLAN_LINES), encoding="utf-8")
    assistant = build_assistant(settings)
    seen = []
    future = assistant.ingestor().ingest_in_background([path, SEED_001], progress=lambda done, total, name: seen.append(name))
    while not future.done():
        assistant.searcher.search("hồ sơ đề nghị khen thưởng", 3, mode="bm25")  # readers never wait for the writer
    results = future.result(timeout=120)
    assert [r.status for r in results] == ["indexed", "indexed"] and seen == ["kh-nen.txt", SEED_001.name]
    assert assistant.searcher.search("Phòng Nội vụ tổng hợp hồ sơ đề nghị khen thưởng huyện Thử Nghiệm", 1, mode="bm25")[0].chunk.doc_id == doc_id_for(path)

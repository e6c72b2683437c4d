"""Document identity: a file named like another never replaces it, unless the user asks to.

Real index in a temporary folder, real files written by the tests, the shipped Law.
"""
from __future__ import annotations

from pathlib import Path

from assistant.build import build_assistant
from cli.ingest import main as ingest_main
from tests.conftest import KNOWLEDGE
from tests.docgen import PLAN_LINES

LAW = KNOWLEDGE / "legal" / "luat-06-2022-QH15.txt"
LAW_ID = "luat-06-2022-QH15"
QUESTION = "Tiêu chuẩn danh hiệu Chiến sĩ thi đua cơ sở là gì?"
FAKE_LAW = ("LUẬT\nSố: 06/2022/QH15\nGhi chú cuộc họp giao ban tuần của tổ văn thư\n"
            "1. Sắp xếp lại tủ hồ sơ lưu trữ của phòng trước thứ Sáu.\n"
            "2. Kiểm kê máy in và giấy in của phòng.\n")


def _plan(folder: Path, name: str, agency: str, due: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    lines = [line.replace("HUYỆN THỬ NGHIỆM", agency).replace("15/11/2024", due) for line in PLAN_LINES]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_file_named_like_the_shipped_law_leaves_the_law_and_its_answer_unchanged(settings, tmp_path):
    assistant = build_assistant(settings)
    assistant.ingestor().ingest([LAW])
    chunks_before = [c.chunk_id for c in assistant.index.doc_chunks(LAW_ID)]
    answer_before = assistant.answerer().answer(QUESTION)
    assert answer_before.citations[0].doc_id == LAW_ID

    fake = tmp_path / "tai-ve" / LAW.name
    fake.parent.mkdir()
    fake.write_text(FAKE_LAW, encoding="utf-8")
    for replace in (False, True):  # not even "thay thế" touches a shipped text
        result = build_assistant(settings).ingestor().ingest([fake], replace=replace)[0]
        assert result.status in ("indexed", "unchanged") and result.doc_id != LAW_ID
        assert "văn bản có sẵn giữ nguyên" in result.message

    again = build_assistant(settings)
    assert [c.chunk_id for c in again.index.doc_chunks(LAW_ID)] == chunks_before
    assert again.index.counts()["documents"] == 2
    assert again.catalogue.get(LAW_ID).title == "Luật Thi đua, khen thưởng"
    assert "Thi đua, khen thưởng" not in again.catalogue.get(result.doc_id).title  # not quoted as the Law
    answer_after = again.answerer().answer(QUESTION)
    assert answer_after.text == answer_before.text
    assert [c.chunk_id for c in answer_after.citations] == [c.chunk_id for c in answer_before.citations]


def test_two_files_with_the_same_name_in_two_folders_are_two_documents(settings, tmp_path):
    first = _plan(tmp_path / "phong-noi-vu", "ke-hoach.txt", "HUYỆN THỬ NGHIỆM", "15/11/2024")
    second = _plan(tmp_path / "phong-giao-duc", "ke-hoach.txt", "HUYỆN ĐỐI CHỨNG", "20/12/2024")
    assistant = build_assistant(settings)
    results = assistant.ingestor().ingest([first, second])
    assert [r.status for r in results] == ["indexed", "indexed"]
    ids = {r.doc_id for r in results}
    assert len(ids) == 2 and all(i.startswith("ke-hoach-") for i in ids)
    assert all(f"[mã {r.doc_id}]" in r.as_line() for r in results)  # the id is shown to the user
    issuers = {assistant.catalogue.get(i).issuer for i in ids}
    assert issuers == {"ỦY BAN NHÂN DÂN HUYỆN THỬ NGHIỆM", "ỦY BAN NHÂN DÂN HUYỆN ĐỐI CHỨNG"}
    for due in ("15/11/2024", "20/12/2024"):
        assert assistant.searcher.search(f"hồ sơ khen thưởng trước ngày {due}", 1, mode="bm25")[0].chunk.doc_id in ids


def test_an_index_built_by_an_older_pipeline_recuts_the_amending_law_on_the_next_ingest(settings, monkeypatch):
    """Luật 39/2013 was cut at the khoản of the wording it quotes before pipeline 15; an index built then is re-cut
    when the knowledge folder is ingested again, so no stale "Điều 1, khoản 4" about Nhà giáo is left."""
    import assistant.ingestion as ingestion

    amending = KNOWLEDGE / "legal" / "luat-39-2013-QH13.txt"
    current = ingestion.PIPELINE_VERSION
    monkeypatch.setattr(ingestion, "PIPELINE_VERSION", "14")
    assert build_assistant(settings).ingestor().ingest([amending])[0].status == "indexed"
    monkeypatch.setattr(ingestion, "PIPELINE_VERSION", current)
    again = build_assistant(settings).ingestor().ingest([amending])[0]
    assert again.status == "indexed"
    teachers = build_assistant(settings).searcher.search("Nhà giáo nhân dân, Nhà giáo ưu tú được xét và công bố 3 năm "
                                                         "một lần", 1, mode="bm25")[0]
    assert teachers.chunk.location == "Điều 1, khoản 32"


def test_the_same_file_ingested_again_is_a_no_op_with_the_same_id(settings, tmp_path):
    path = _plan(tmp_path / "a", "ke-hoach.txt", "HUYỆN THỬ NGHIỆM", "15/11/2024")
    first = build_assistant(settings).ingestor().ingest([path])[0]
    again = build_assistant(settings).ingestor().ingest([path])[0]
    assert (first.status, again.status) == ("indexed", "unchanged")
    assert first.doc_id == again.doc_id
    assert build_assistant(settings).index.counts()["documents"] == 1


def test_replace_keeps_the_old_version_in_the_catalogue_as_history(settings, tmp_path, monkeypatch, capsys):
    old = _plan(tmp_path / "cu", "ke-hoach.txt", "HUYỆN THỬ NGHIỆM", "15/11/2024")
    new = _plan(tmp_path / "moi", "ke-hoach.txt", "HUYỆN THỬ NGHIỆM", "20/12/2024")
    monkeypatch.setenv("TDKT_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("TDKT_KNOWLEDGE_DIR", str(KNOWLEDGE))
    assert ingest_main(["--lexical-only", str(old)]) == 0
    old_id = build_assistant(settings).ingestor().doc_id(old)
    assert ingest_main(["--lexical-only", "--replace", str(new)]) == 0
    assert "thay thế tài liệu cũ: " + old_id in capsys.readouterr().out

    assistant = build_assistant(settings)
    new_id = assistant.ingestor().doc_id(new)
    assert [d.doc_id for d in assistant.index.documents()] == [new_id]
    history = {e.doc_id: e for e in assistant.catalogue.history()}
    assert history[old_id].superseded_by == new_id and history[old_id].number == "12/KH-UBND"
    assert old_id not in {e.doc_id for e in assistant.catalogue.entries()}
    hit = assistant.searcher.search("hồ sơ khen thưởng trước ngày", 1, mode="bm25")[0]
    assert hit.chunk.doc_id == new_id and "20/12/2024" in hit.chunk.body


def test_a_refused_file_leaves_no_catalogue_row(settings, tmp_path):
    path = tmp_path / "chi-co-tieu-de.txt"
    path.write_text("KẾ HOẠCH\n", encoding="utf-8")
    assistant = build_assistant(settings)
    result = assistant.ingestor().ingest([path])[0]
    assert result.status == "rejected" and "[mã" not in result.as_line()
    assert assistant.catalogue.get(result.doc_id) is None
    assert not settings.user_catalogue.exists() or result.doc_id not in settings.user_catalogue.read_text(encoding="utf-8")


def test_a_document_indexed_under_its_old_name_id_keeps_it(settings, tmp_path):
    """Indexes built before ids carried a hash: the same file keeps its id (no duplicate)."""
    path = _plan(tmp_path, "ke-hoach-cu.txt", "HUYỆN THỬ NGHIỆM", "15/11/2024")
    assistant = build_assistant(settings)
    assert assistant.ingestor().ingest_file(path, doc_id="ke-hoach-cu").status == "indexed"
    again = build_assistant(settings).ingestor().ingest([path])[0]
    assert (again.doc_id, again.status) == ("ke-hoach-cu", "unchanged")


# ------------------------------------------------------------------ the library's upload

def _upload(at, name: str, data: bytes, replace: bool = False):
    at.checkbox(key="lib_replace").set_value(replace)
    at.file_uploader[0].set_value((name, data, "text/plain")).run()
    next(b for b in at.button if b.key == "lib_ingest").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _plan_bytes(due: str) -> bytes:
    return "\n".join(PLAN_LINES).replace("15/11/2024", due).encode("utf-8")


def test_library_upload_same_name_is_a_new_document_or_with_thay_the_a_new_version(monkeypatch, tmp_path):
    from tests.app_helpers import new_app
    from tests.conftest import build_index
    from ui.state import get_assistant

    data = build_index(tmp_path / "data", [LAW])
    at = new_app(monkeypatch, data, "ui/pages/thu_vien.py")
    law_chunks = [c.chunk_id for c in get_assistant().index.doc_chunks(LAW_ID)]

    _upload(at, LAW.name, FAKE_LAW.encode("utf-8"), replace=True)  # named and numbered like the Law
    assert [c.chunk_id for c in get_assistant().index.doc_chunks(LAW_ID)] == law_chunks
    shown = "\n".join(e.value for e in at.success)
    assert "văn bản có sẵn giữ nguyên" in shown and "[mã luat-06-2022-qh15-" in shown

    _upload(at, "ke-hoach.txt", _plan_bytes("15/11/2024"))
    _upload(at, "ke-hoach.txt", _plan_bytes("20/12/2024"))  # another file, the same name
    table = at.dataframe[0].value
    ids = [i for i in table["Mã"] if i.startswith("ke-hoach-")]
    assert len(ids) == 2 and len(table) == 4
    _upload(at, "ke-hoach.txt", _plan_bytes("20/12/2024"))  # the same file again: nothing changes
    assert len(at.dataframe[0].value) == 4 and "không thay đổi" in "\n".join(e.value for e in at.info)

    _upload(at, "ke-hoach.txt", _plan_bytes("31/12/2024"), replace=True)
    table = at.dataframe[0].value
    current = [i for i in table["Mã"] if i.startswith("ke-hoach-")]
    assert len(current) == 1 and current[0] not in ids and len(table) == 3
    history = {e.doc_id: e for e in get_assistant().catalogue.history()}
    assert set(ids) <= set(history) and {history[i].superseded_by for i in ids} == set(current)
    assert any("Lịch sử thay thế" in e.label for e in at.expander)
    assert [c.chunk_id for c in get_assistant().index.doc_chunks(LAW_ID)] == law_chunks

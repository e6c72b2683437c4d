"""The lexical index and the diacritics counts change one document at a time, in SQLite,
shared by every instance that opens the folder; nothing is rebuilt."""
from __future__ import annotations

import sqlite3

from assistant.build import build_assistant
from assistant.ingestion import doc_id_for
from assistant.index import SearchFilter
from assistant.lexical import encode_token
from tests.conftest import KNOWLEDGE
from tests.docgen import PLAN_LINES

SEED_001 = KNOWLEDGE / "plans" / "001_f3c46f3a27ae00a1.txt"
LAW = KNOWLEDGE / "legal" / "luat-06-2022-QH15.txt"
PLAN_QUERY = "Phòng Nội vụ tổng hợp hồ sơ đề nghị khen thưởng huyện Thử Nghiệm"
LAW_QUERY = "tiêu chuẩn danh hiệu Chiến sĩ thi đua cơ sở"


def _ids(index, query: str, folded: bool = False) -> list[str]:
    return [cid for cid, _ in index.lexical_search(query, 10, SearchFilter(), folded=folded)]


def _plan(tmp_path, name: str = "kh-thu-nghiem.txt"):
    path = tmp_path / name
    path.write_text("\n".join(PLAN_LINES), encoding="utf-8")
    return path


def _fts_rows(index) -> int:
    return index._db().execute("SELECT COUNT(*) FROM lex_words").fetchone()[0]


def _frequencies_agree(index, term: str) -> bool:
    """The kept document frequency of a word equals the number of chunks FTS5 finds with it."""
    db, term = index._db(), encode_token(term)
    kept = (db.execute("SELECT df FROM lex_terms WHERE space=0 AND term=?", (term,)).fetchone() or (0,))[0]
    found = db.execute("SELECT COUNT(*) FROM lex_words WHERE lex_words MATCH ?", (f'"{term}"',)).fetchone()[0]
    return kept == found


def test_adding_and_removing_a_document_changes_only_its_rows(settings, tmp_path):
    assistant = build_assistant(settings)
    ingestor = assistant.ingestor()
    ingestor.ingest([SEED_001, LAW])
    law_before = _ids(assistant.index, LAW_QUERY)
    rows_before = _fts_rows(assistant.index)
    assert law_before and all(cid.startswith("luat-06-2022-QH15#") for cid in law_before[:3])

    plan = _plan(tmp_path)
    plan_id = doc_id_for(plan)
    ingestor.ingest([plan])
    added = assistant.index.doc_chunks(plan_id)
    assert _ids(assistant.index, PLAN_QUERY)[0].startswith(f"{plan_id}#")
    assert _ids(assistant.index, "phong noi vu tong hop ho so huyen thu nghiem", folded=True)[0].startswith(f"{plan_id}#")
    assert _fts_rows(assistant.index) == rows_before + len(added)
    assert _frequencies_agree(assistant.index, "huyện") and _frequencies_agree(assistant.index, "khen_thưởng")
    assert _ids(assistant.index, LAW_QUERY) == law_before

    ingestor.remove(plan)
    assert all(not cid.startswith(f"{plan_id}#") for cid in _ids(assistant.index, PLAN_QUERY))
    assert _fts_rows(assistant.index) == rows_before
    assert _frequencies_agree(assistant.index, "huyện") and _frequencies_agree(assistant.index, "khen_thưởng")
    assert _ids(assistant.index, LAW_QUERY) == law_before


def test_vectors_landing_leave_the_lexical_index_alone(settings):
    assistant = build_assistant(settings)
    assistant.ingestor().ingest([SEED_001])
    db = assistant.index._db()
    segments = db.execute("SELECT COUNT(*), MAX(id) FROM lex_words_data").fetchone()
    before = _ids(assistant.index, "khen thưởng tổng kết khối doanh nghiệp")
    db.execute("UPDATE chunks SET embedded=1")  # what `embed_pending` does when vectors land
    assert db.execute("SELECT COUNT(*), MAX(id) FROM lex_words_data").fetchone() == segments
    assert _ids(assistant.index, "khen thưởng tổng kết khối doanh nghiệp") == before


def test_a_second_instance_sees_a_new_document_on_its_next_query(settings, tmp_path):
    first, second = build_assistant(settings), build_assistant(settings)
    first.ingestor().ingest([SEED_001])
    plan = _plan(tmp_path)
    assert not any(cid.startswith(f"{doc_id_for(plan)}#") for cid in _ids(second.index, PLAN_QUERY))
    first.ingestor().ingest([plan])
    hits = second.searcher.search(PLAN_QUERY, 3, mode="bm25")
    assert hits[0].chunk.doc_id == doc_id_for(plan)


def test_diacritics_counts_follow_each_document(settings, tmp_path):
    assistant = build_assistant(settings)
    ingestor = assistant.ingestor()
    ingestor.ingest([SEED_001])
    db = sqlite3.connect(settings.index_dir / "chunks.sqlite")
    count = lambda form: (db.execute("SELECT n FROM diacritic_forms WHERE folded='nghiem' AND form=?",  # noqa: E731
                                     (form,)).fetchone() or (0,))[0]
    before = count("nghiệm")
    path = _plan(tmp_path)
    ingestor.ingest([path])
    in_plan = sum(line.lower().count("nghiệm") for line in PLAN_LINES)
    assert in_plan and count("nghiệm") > before
    assert assistant.searcher.restore_diacritics("huyen Thu Nghiem") == "huyện Thử Nghiệm"
    ingestor.remove(path)
    assert count("nghiệm") == before
    assert db.execute("SELECT COUNT(*) FROM diacritic_forms WHERE n <= 0").fetchone()[0] == 0


def test_an_index_from_before_fts5_is_indexed_once_on_open(settings):
    assistant = build_assistant(settings)
    assistant.ingestor().ingest([SEED_001])
    expected = _ids(assistant.index, "khen thưởng tổng kết khối doanh nghiệp")
    db = assistant.index._db()
    for table in ("lex_words", "lex_folded", "lex_terms", "diacritic_forms", "diacritic_pairs"):
        db.execute(f"DROP TABLE {table}")
    for trigger in ("chunks_lex_insert", "chunks_lex_delete", "chunks_lex_update"):
        db.execute(f"DROP TRIGGER {trigger}")
    db.execute("DELETE FROM state WHERE key='lexical'")
    reopened = build_assistant(settings)
    assert _ids(reopened.index, "khen thưởng tổng kết khối doanh nghiệp") == expected
    assert reopened.searcher.restore_diacritics("khen thuong tong ket") == "khen thưởng tổng kết"


def test_a_filter_to_one_document_finds_its_passages_by_common_words(settings, tmp_path):
    assistant = build_assistant(settings)
    plan = _plan(tmp_path)
    assistant.ingestor().ingest([SEED_001, LAW, plan])
    only_plan = SearchFilter(doc_ids=[doc_id_for(plan)])
    hits = assistant.index.lexical_search("khen thưởng năm 2024", 5, only_plan)
    assert hits and all(cid.startswith(f"{doc_id_for(plan)}#") for cid, _ in hits)

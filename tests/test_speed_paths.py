"""What keeps answers fast without changing them: the C YAML loader reads every data file as the Python one does,
the embedded query is a story's asking sentence cut at a word, a query text searched again is not embedded again,
and warming up a process indexes and answers nothing differently (real index; the real embedding model)."""
from __future__ import annotations

from pathlib import Path

import yaml

from assistant.retrieve import embedded_query
from assistant.understanding import understand
from documents.datafile import read_yaml
from tests.conftest import LAW, ROOT, SEED_001, indexed_assistant

DATA_FILES = sorted(p for folder in ("assistant", "documents") for p in (ROOT / folder).rglob("*.yaml"))


def test_every_data_file_reads_the_same_with_the_fast_loader():
    assert len(DATA_FILES) > 20
    for path in DATA_FILES:
        assert read_yaml(path) == yaml.safe_load(Path(path).read_text(encoding="utf-8")), path


def test_a_long_storys_embedded_query_is_its_asking_sentence_cut_at_a_word():
    story = ("Tôi là giáo viên tiểu học ở một xã miền núi, đã dạy hai mươi năm, được Lao động tiên tiến nhiều năm "
             "liền và Giấy khen của Chủ tịch UBND huyện năm 2019, Bằng khen của Chủ tịch UBND tỉnh năm 2022. Năm nay "
             "trường định đề nghị tôi danh hiệu cao hơn nhưng hội đồng còn bàn nhiều, có người bảo phải có sáng kiến "
             "cấp tỉnh, có người bảo không cần. Xin hỏi để được Chiến sĩ thi đua cơ sở thì có bắt buộc phải có sáng "
             "kiến được công nhận không, hay chỉ cần hoàn thành xuất sắc nhiệm vụ là đủ điều kiện để xét tặng?")
    slots = understand(story)
    text, whole = embedded_query(story, slots, 200), embedded_query(story, slots, 10_000)
    assert len(text) <= 200 < len(whole)
    assert text.startswith("Xin hỏi để được Chiến sĩ thi đua cơ sở")
    assert whole.startswith(text) and whole[len(text)] == " "  # cut between words, not inside one
    short = "Tiêu chuẩn Lao động tiên tiến là gì?"
    assert embedded_query(short, understand(short), 200).startswith(short)


def test_warming_up_adds_nothing_to_the_index_and_changes_no_answer(tmp_path):
    built = indexed_assistant(tmp_path / "data", [SEED_001, LAW], "2026-12-04")
    question = "Tiêu chuẩn danh hiệu Lao động tiên tiến là gì?"
    before = built.answerer().answer(question)
    documents = [d.doc_id for d in built.index.documents()]
    built.warm_up()
    after = built.answerer().answer(question)
    assert [d.doc_id for d in built.index.documents()] == documents
    assert (after.lead, [c.location for c in after.citations]) == (before.lead, [c.location for c in before.citations])


def test_a_query_text_searched_again_is_embedded_once_with_the_same_results(tmp_path):
    built = indexed_assistant(tmp_path / "data", [SEED_001], "2026-12-04")
    built.index.embed_pending()
    embedded: list[str] = []
    embed_query = built.index.embeddings.embed_query
    built.index.embeddings.embed_query = lambda text: embedded.append(text) or embed_query(text)
    question = "Hạn gửi báo cáo tổng kết công tác thi đua là ngày nào?"
    first = built.searcher.search(question, 5)
    again = built.searcher.search(question, 5)
    assert len(embedded) == 1
    assert first and [h.chunk.chunk_id for h in again] == [h.chunk.chunk_id for h in first]


def test_the_asks_of_one_message_share_one_embedding_and_are_both_answered(tmp_path):
    """ "… do ai quyết định tặng ạ? Danh hiệu này bao lâu mới xét một lần …?" is searched three times (the whole,
    then each ask); the whole message's embedding serves all three, and both asks are still answered."""
    built = indexed_assistant(tmp_path / "data", [LAW], "2026-12-04")
    built.index.embed_pending()
    embedded: list[str] = []
    embed_query = built.index.embeddings.embed_query
    built.index.embeddings.embed_query = lambda text: embedded.append(text) or embed_query(text)
    answer = built.answerer().answer("Danh hiệu Nghệ sĩ ưu tú do ai quyết định tặng ạ? Danh hiệu này bao lâu mới xét "
                                     "một lần và công bố vào dịp nào?")
    assert len(embedded) == 1
    assert "Chủ tịch nước quyết định tặng" in answer.lead and "03 năm một lần" in answer.lead
    assert {"Điều 77", "Điều 66, khoản 4"} <= {c.location for c in answer.citations}

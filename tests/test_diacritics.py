"""Queries typed without diacritics: restored from the corpus, same passages, accented display."""
from __future__ import annotations

from collections import Counter

from assistant.build import build_assistant
from assistant.diacritics import DiacriticsModel
from tests.conftest import KNOWLEDGE

SEED_001 = KNOWLEDGE / "plans" / "001_f3c46f3a27ae00a1.txt"
LAW = KNOWLEDGE / "legal" / "luat-06-2022-QH15.txt"


def test_restoration_uses_the_corpus_words_and_keeps_case():
    model = DiacriticsModel.for_corpus(["Phòng Nội vụ tổng hợp hồ sơ khen thưởng", "Hội đồng Thi đua - Khen thưởng quận Hoàng Mai"])
    assert model.restore("Phong Noi vu tong hop ho so khen thuong quan Hoang Mai") == \
        "Phòng Nội vụ tổng hợp hồ sơ khen thưởng quận Hoàng Mai"


def test_unknown_words_and_accented_text_are_left_as_typed():
    model = DiacriticsModel.for_corpus(["thi đua khen thưởng"])
    assert model.restore("thi dua xyzzy 2021") == "thi đua xyzzy 2021"


def test_unaccented_query_finds_the_same_passage_and_shows_the_restored_question(settings):
    assistant = build_assistant(settings)
    assistant.ingestor().ingest([SEED_001, LAW])
    accented = assistant.searcher.search("Xét, đề nghị công nhận danh hiệu Công dân Thủ đô ưu tú năm 2021 trước ngày nào?", 3)
    plain = assistant.searcher.search("xet, de nghi cong nhan danh hieu cong dan thu do uu tu nam 2021 truoc ngay nao?", 3)
    assert plain[0].chunk.chunk_id == accented[0].chunk.chunk_id
    answer = assistant.answerer().answer("tieu chuan danh hieu chien si thi dua co so la gi")
    assert answer.standalone_question == "tiêu chuẩn danh hiệu chiến sĩ thi đua cơ sở là gì"
    assert "Điều 23" in answer.text and "“Chiến sĩ thi đua cơ sở”" in answer.citations[0].quote
    # a chat shortening written out with its diacritics ("dk": "điều kiện") leaves the rest still to restore
    answer = assistant.answerer().answer("CSTDCS can nhung dk gi, co bat buoc co sang kien khong?")
    assert answer.standalone_question.startswith("CSTĐCS cần những điều kiện gì, có bắt buộc có sáng kiến không")


def test_the_phrases_the_assistant_looks_for_are_restored_though_the_corpus_lacks_them():
    """The law says "phát động", never "tự phát động"; "từ" is far more frequent than "tự" in it."""
    model = DiacriticsModel.for_corpus(["Chủ tịch Ủy ban nhân dân các cấp phát động phong trào thi đua từ ngày 01 tháng 01",
                                        "từ năm 2024, từ khi, kể từ"])
    assert model.restore("chu tich xa co duoc tu phat dong thi dua khong") == \
        "chủ tịch xã có được tự phát động thi đua không"


def test_a_comma_ends_the_run_of_syllables_restored_together():
    """The counts hold no pair across a comma: "… về đâu, có kèm …" is not read as "về đầu cơ"."""
    model = DiacriticsModel.from_texts(["người đứng đầu cơ quan"] * 6 + ["gửi về đâu"] * 3 + ["có kèm"] * 2)
    assert model.restore("gui ve dau, co kem file") == "gửi về đâu, có kèm file"


def test_a_rarer_reading_of_a_syllable_many_words_share_is_still_a_candidate():
    """"dung" folds dụng, dung, đứng, dựng, dùng, đúng, đựng and dũng ("d" and "đ" fold alike): the pair
    "dũng cảm" must win though seven readings of "dung" are more frequent."""
    common = (["áp dụng"] * 10 + ["dung lượng"] * 9 + ["đứng đầu"] * 8 + ["xây dựng"] * 7 + ["sử dùng"] * 6
              + ["đúng hạn"] * 5 + ["chứa đựng"] * 4)
    model = DiacriticsModel.from_texts([*common, "Huân chương Dũng cảm", "hành động dũng cảm"])
    assert model.restore("huan chuong dung cam") == "huân chương dũng cảm"


def test_what_follows_a_chat_word_is_read_in_its_own_pairs_however_much_its_form_weighs():
    """The chat's words weigh far more than their pairs ("tôi" must beat "tối"): the word after one is still
    the one that follows it in the counts, not the one most frequent on its own."""
    forms = Counter({("a", "à"): 1000, ("b", "bẻ"): 10, ("b", "bé"): 1000})
    model = DiacriticsModel.from_counts(forms, Counter({("à", "bẻ"): 1}))
    assert model.restore("a b") == "à bẻ"


def test_everyday_words_of_a_question_are_restored():
    model = DiacriticsModel.for_corpus(["phong trào thi đua", "trao tặng huân chương", "đứng đầu cơ quan"])
    assert model.restore("ai dung ra trao") == "ai đứng ra trao"


def test_what_someone_said_is_read_as_said_though_the_texts_write_bao_cao_and_noi_vu():
    """Folded, "bảo" is also "báo" (báo cáo, báo chí) and "nói" also "Nội" (Sở Nội vụ), which the texts hold far
    more often; the chat's own phrases keep a post's reported words."""
    model = DiacriticsModel.for_corpus(["Sở Nội vụ tổng hợp báo cáo gửi Phòng Nội vụ", "cơ quan báo chí"])
    assert model.restore("sep bao chi can 2 lan la du") == "sếp bảo chỉ cần 2 lần là đủ"
    assert model.restore("co nguoi noi la phai co bang khen").startswith("có người nói là")
    assert model.restore("nop bao cao ve so noi vu") == "nộp báo cáo về sở nội vụ"

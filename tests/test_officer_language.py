"""The officer's language: abbreviations and spoken forms reach the right article; a question about
something the corpus does not hold is refused without unrelated passages (real index, lexical)."""
from __future__ import annotations

import pytest

from assistant.build import build_assistant
from assistant.config import Settings
from tests.conftest import KNOWLEDGE, LAW, SEED_001

OLD_LAW = KNOWLEDGE / "legal" / "luat-15-2003-QH11.txt"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    data = tmp_path_factory.mktemp("officer") / "data"
    settings = Settings(data_dir=data, knowledge_dir=KNOWLEDGE, llm_provider="none", today="2026-06-01")
    built = build_assistant(settings)
    assert all(r.status == "indexed" for r in built.ingestor().ingest([LAW, OLD_LAW, SEED_001]))
    return built


@pytest.mark.parametrize("question,article", [
    ("cờ thi đua cấp tỉnh cần điều kiện gì", "Điều 26"),
    ("HCLĐ hạng Nhì xét cho cá nhân thế nào?", "Điều 43"),
    ("gia đình văn hoá do ai tặng", "Điều 80"),
    ("Tiêu chuẩn danh hiệu Chiến sĩ thi đua cấp tỉnh là gì?", "Điều 22"),
    ("CSTĐCS cần những tiêu chuẩn gì?", "Điều 23"),
    ("TTLĐXS phải có bao nhiêu % cá nhân đạt LĐTT?", "Điều 27"),
])
def test_officer_phrasings_retrieve_the_article_of_the_law_in_force_first(assistant, question, article):
    first = assistant.searcher.search(question, 5)[0].chunk
    assert first.doc_id == "luat-06-2022-QH15" and first.location.split(",")[0] == article


def test_the_understood_question_spells_out_the_abbreviations(assistant):
    answer = assistant.answerer().answer("Tiêu chuẩn CSTĐCS là gì?")
    assert "Chiến sĩ thi đua cơ sở" in answer.standalone_question
    assert answer.citations[0].location.startswith("Điều 23")


def test_a_past_year_puts_the_law_then_in_force_first(assistant):
    first = assistant.searcher.search("Năm 2019, tiêu chuẩn danh hiệu Chiến sĩ thi đua cơ sở là gì?", 5)[0].chunk
    assert first.doc_id == "luat-15-2003-QH11"


@pytest.mark.parametrize("question", [
    "Thuế thu nhập cá nhân đối với tiền thưởng Tết được tính thế nào?",
    "Thủ tục cấp sổ đỏ cho đất nông nghiệp gồm những bước nào?",
    "Mức phạt vi phạm nồng độ cồn khi lái xe máy là bao nhiêu?",
    "Kế hoạch thi đua năm 2024 của Sở Giao thông vận tải tỉnh Cà Mau giao những nhiệm vụ gì?",
])
def test_out_of_corpus_questions_are_refused_with_no_unrelated_passage(assistant, question):
    answer = assistant.answerer().answer(question)
    assert answer.not_found and not answer.citations

"""Hỏi đáp page: answers with citations, follow-ups, feedback, links to the other tools."""
from __future__ import annotations

import json

from tests.app_helpers import DEV_QUESTION, elements, new_app, texts


def _ask(at, question: str):
    at.chat_input[0].set_value(question).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _last_answer(at) -> str:
    return "\n".join(m.value for m in at.chat_message[-1].markdown)


def test_dev_question_is_answered_with_citations(monkeypatch, plan_and_law_index):
    at = _ask(new_app(monkeypatch, plan_and_law_index), DEV_QUESTION)
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    assert "31/12/2021" in _last_answer(at)
    citations = [e.label for e in at.expander if e.label.startswith("[")]
    assert citations and "01/KH-HĐTĐKT" in citations[0] and "Quý IV" in citations[0]
    at.toggle(key=[t.key for t in at.toggle if t.key.startswith("ctx_")][0]).set_value(True).run()
    assert "Khen thưởng tổng kết các chuyên đề thi đua" in "\n".join(s.value for s in at.success)


def test_deadline_answer_carries_the_registers_normalised_date(monkeypatch, plan_and_law_index):
    """The app's answerer is the composition root's: it has the deadlines register."""
    at = _ask(new_app(monkeypatch, plan_and_law_index), DEV_QUESTION)
    assert "Hạn chót quy đổi: 31/12/2021" in _last_answer(at)


def test_follow_up_uses_the_conversation(monkeypatch, plan_and_law_index):
    at = _ask(new_app(monkeypatch, plan_and_law_index), DEV_QUESTION)
    _ask(at, "Ai chủ trì việc này?")
    assert len(at.chat_message) == 4
    answer = _last_answer(at)
    assert "Khen thưởng tổng kết các chuyên đề thi đua" in answer and "Hội đồng TĐKT Quận" in answer
    entry = at.session_state["chat"][-1]
    assert "Hoàng Mai" in entry["answer"].standalone_question


def test_legal_question_cites_the_article(monkeypatch, plan_and_law_index):
    at = _ask(new_app(monkeypatch, plan_and_law_index), "Tiêu chuẩn danh hiệu Chiến sĩ thi đua cơ sở là gì?")
    assert "Lao động tiên tiến" in _last_answer(at)
    assert any("Luật 06/2022/QH15" in e.label and "Điều 23" in e.label for e in at.expander)


def test_new_conversation_and_sessions_are_separate(monkeypatch, plan_and_law_index):
    first = _ask(new_app(monkeypatch, plan_and_law_index), DEV_QUESTION)
    second = _ask(new_app(monkeypatch, plan_and_law_index), "Tiêu chuẩn danh hiệu Chiến sĩ thi đua cơ sở là gì?")
    assert len(first.session_state["chat"]) == len(second.session_state["chat"]) == 1
    assert "31/12/2021" in _last_answer(first) and "31/12/2021" not in _last_answer(second)
    next(b for b in first.button if b.label == "Cuộc trò chuyện mới").click().run()
    assert not first.chat_message and first.session_state["chat"] == []


def test_feedback_is_saved(monkeypatch, plan_and_law_index, tmp_path):
    at = _ask(new_app(monkeypatch, plan_and_law_index), DEV_QUESTION)
    path = plan_and_law_index / "feedback.jsonl"
    before = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    next(b for b in at.button if b.key.startswith("fb_ok_")).click().run()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(before) + 1
    record = json.loads(lines[-1])
    assert record["verdict"] == "dung" and record["question"] == DEV_QUESTION and record["citations"]
    assert "Cảm ơn bạn đã đánh giá" in texts(at)


def test_examples_are_offered_to_a_first_time_user(monkeypatch, plan_and_law_index):
    at = new_app(monkeypatch, plan_and_law_index)
    example = next(b for b in at.button if b.key == "example_0")
    example.click().run()
    assert len(at.session_state["chat"]) == 1 and at.session_state["chat"][0]["question"] == example.label


def _links(at) -> list:
    return [(link.proto.page, link.proto.query_string if hasattr(link.proto, "query_string") else "")
            for link in elements(at, "page_link")]


def test_eligibility_question_links_to_the_prefilled_form(monkeypatch, plan_and_law_index):
    at = _ask(new_app(monkeypatch, plan_and_law_index),
              "Chị Nguyễn Thị Lan năm 2020 hoàn thành xuất sắc nhiệm vụ, có đủ điều kiện Lao động tiên tiến không?")
    intent = at.session_state["chat"][-1]["answer"].tool
    assert intent.tool == "eligibility" and intent.params["award"] == "lao_dong_tien_tien"
    assert intent.params["name"] == "Nguyễn Thị Lan"
    assert any("xet_dieu_kien" in page for page, _ in _links(at))


def test_deadline_question_shows_register_rows_and_a_link(monkeypatch, plan_and_law_index):
    at = _ask(new_app(monkeypatch, plan_and_law_index), "Phòng Nội vụ có những nhiệm vụ gì trong quý II năm 2021?")
    intent = at.session_state["chat"][-1]["answer"].tool
    assert intent.tool == "deadlines" and intent.params["unit"] == "Phòng Nội vụ"
    assert "Sổ hạn nhiệm vụ" in texts(at) and at.dataframe
    assert any("han_chot" in page for page, _ in _links(at))

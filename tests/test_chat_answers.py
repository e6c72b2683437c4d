"""Answers that answer: the tools inside the chat, follow-ups by slots, the lead, refusals (AppTest and library)."""
from __future__ import annotations

import io

import docx

from tests.app_helpers import new_app


def _ask(at, question: str):
    at.chat_input[0].set_value(question).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _answer(at):
    return at.session_state["chat"][-1]["answer"]


def test_unit_tasks_are_answered_from_the_register_with_lead_and_cooperation_apart(monkeypatch, plan_and_law_index):
    at = _ask(new_app(monkeypatch, plan_and_law_index), "Kế hoạch 01 giao cho Phòng Nội vụ những nhiệm vụ gì?")
    answer = _answer(at)
    assert answer.tool.tool == "deadlines"
    lead_count, coop_count = [int(n) for n in answer.lead.split(":")[1].split(",")[0:2][0].split()[:1]] + \
        [int(answer.lead.split(", ")[1].split()[0])]
    shown = "\n".join(m.value for m in at.chat_message[-1].markdown)
    assert "Chủ trì, thực hiện:" in shown and "Phối hợp:" in shown
    leads = [r for r in answer.tool.records if any("Nội vụ" in u for u in r.lead_units + r.units)]
    helps = [r for r in answer.tool.records if r not in leads and any("Nội vụ" in u for u in r.coop_units)]
    assert (lead_count, coop_count) == (len(leads), len(helps)) and lead_count and coop_count
    first_lead_task, first_help_task = leads[0].task, helps[0].task
    assert shown.index(first_lead_task[:30]) < shown.index("Phối hợp:") < shown.index(first_help_task[:30])


def test_drafting_request_is_answered_with_a_draft_and_a_word_file(monkeypatch, plan_and_law_index, tmp_path):
    at = _ask(new_app(monkeypatch, plan_and_law_index),
              "Soạn giúp mục Mục đích, yêu cầu của kế hoạch thi đua năm 2026 của Sở Tư pháp")
    answer = _answer(at)
    assert answer.tool.tool == "drafting" and answer.tool.draft.section_only == "muc_dich_yeu_cau"
    assert answer.lead.startswith("Đã soạn dự thảo mục") and not answer.citations  # no old plan quoted instead
    shown = "\n".join(m.value for m in at.markdown)
    assert "MỤC ĐÍCH, YÊU CẦU" in shown
    button = next(b for b in at.get("download_button") if "Word" in b.proto.label)
    assert button.proto.label == "Tải bản Word (.docx)"
    plan = answer.tool.draft
    from assistant.drafting import write_docx
    buffer = io.BytesIO()
    write_docx(plan, tmp_path / "d.docx")
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "d.docx")).paragraphs)
    assert "MỤC ĐÍCH, YÊU CẦU" in text


def test_follow_up_swaps_the_subject_and_keeps_the_aspect(plan_and_law_index, monkeypatch):
    at = _ask(new_app(monkeypatch, plan_and_law_index), "Những ai được xét tặng danh hiệu Lao động tiên tiến?")
    first = _answer(at)
    _ask(at, "Còn tập thể thì sao?")
    follow = _answer(at)
    assert "Tập thể lao động tiên tiến" in follow.standalone_question
    assert follow.citations[0].location.startswith("Điều 28") and first.citations[0].location.startswith("Điều 24")


def test_follow_up_swaps_the_level(plan_and_law_index, monkeypatch):
    at = _ask(new_app(monkeypatch, plan_and_law_index), "Chủ tịch Ủy ban nhân dân cấp tỉnh quyết định tặng những hình thức khen thưởng nào?")
    _ask(at, "Thế còn cấp xã?")
    follow = _answer(at)
    assert "cấp xã" in follow.standalone_question and "cấp tỉnh" not in follow.standalone_question
    assert "Chủ tịch Ủy ban nhân dân cấp xã" in follow.lead + follow.citations[0].quote

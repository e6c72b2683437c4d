"""Answers that answer: the tools inside the chat and follow-ups by slots (AppTest on a real index)."""
from __future__ import annotations

import re

import docx

from tests.app_helpers import APP, app_env, new_app


def _ask(at, question: str):
    at.chat_input[0].set_value(question).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _answer(at):
    return at.session_state["chat"][-1]["answer"]


def _app_on(monkeypatch, data_dir, today: str):
    from streamlit.testing.v1 import AppTest

    app_env(monkeypatch, data_dir)
    monkeypatch.setenv("TDKT_TODAY", today)
    return AppTest.from_file(str(APP), default_timeout=90).run()


def test_unit_tasks_are_answered_from_the_register_with_lead_and_cooperation_apart(monkeypatch, plan_and_law_index):
    at = _ask(new_app(monkeypatch, plan_and_law_index), "Kế hoạch 01 giao cho Phòng Nội vụ những nhiệm vụ gì?")
    answer = _answer(at)
    assert answer.tool.tool == "deadlines"
    leads = [r for r in answer.tool.records if any("Nội vụ" in u for u in r.lead_units + r.units)]
    helps = [r for r in answer.tool.records if r not in leads and any("Nội vụ" in u for u in r.coop_units)]
    assert leads and helps
    counts = [int(n) for n in re.findall(r"(\d+) nhiệm vụ", answer.lead)]
    assert counts == [len(leads), len(helps)]
    shown = "\n".join(m.value for m in at.chat_message[-1].markdown)
    assert shown.index(leads[0].task[:30]) < shown.index("Phối hợp:") < shown.index(helps[0].task[:30])
    assert at.dataframe  # the register rows under the answer, same filter


def test_drafting_request_is_answered_with_a_draft_and_a_word_file(monkeypatch, plan_and_law_index, tmp_path):
    at = _ask(new_app(monkeypatch, plan_and_law_index),
              "Soạn giúp mục Mục đích, yêu cầu của kế hoạch thi đua năm 2026 của Sở Tư pháp")
    answer = _answer(at)
    assert answer.tool.tool == "drafting" and answer.tool.draft.section_only == "muc_dich_yeu_cau"
    assert answer.lead.startswith("Đã soạn dự thảo mục") and not answer.citations  # no old plan quoted instead
    assert "MỤC ĐÍCH, YÊU CẦU" in "\n".join(m.value for m in at.markdown)
    assert [b.proto.label for b in at.get("download_button")] == ["Tải bản Word (.docx)"]
    from assistant.drafting import write_docx

    write_docx(answer.tool.draft, tmp_path / "du-thao.docx")
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "du-thao.docx")).paragraphs)
    assert "MỤC ĐÍCH, YÊU CẦU" in text and "Sở Tư pháp".upper() in text.upper()


def test_follow_up_swaps_the_subject_and_keeps_the_aspect(plan_and_law_index, monkeypatch):
    at = _ask(_app_on(monkeypatch, plan_and_law_index, "2026-06-01"), "Những ai được xét tặng danh hiệu Lao động tiên tiến?")
    first = _answer(at)
    _ask(at, "Còn tập thể thì sao?")
    follow = _answer(at)
    assert "Tập thể lao động tiên tiến" in follow.standalone_question
    assert first.citations[0].location.startswith("Điều 24") and follow.citations[0].location.startswith("Điều 28")
    assert "Đã hiểu là" in "\n".join(c.value for c in at.chat_message[-1].caption) or follow.standalone_question != follow.question


def test_follow_up_swaps_the_level(plan_and_law_index, monkeypatch):
    at = _ask(_app_on(monkeypatch, plan_and_law_index, "2026-06-01"),
              "Chủ tịch Ủy ban nhân dân cấp tỉnh quyết định tặng những hình thức khen thưởng nào?")
    _ask(at, "Thế còn cấp xã?")
    follow = _answer(at)
    assert "cấp xã" in follow.standalone_question and "cấp tỉnh" not in follow.standalone_question
    assert "Chủ tịch Ủy ban nhân dân cấp xã" in follow.lead + follow.citations[0].quote


def test_follow_up_to_another_level_asks_about_that_levels_head(plan_and_law_index, monkeypatch):
    """ "CT UBND tỉnh … gì?" then "Cấp bộ thì sao?": the question becomes the Bộ trưởng's authority
    (Điều 79), not "CT cấp bộ"."""
    at = _ask(_app_on(monkeypatch, plan_and_law_index, "2026-06-01"),
              "CT UBND tỉnh quyết định tặng những danh hiệu nào?")
    _ask(at, "Cấp bộ thì sao?")
    follow = _answer(at)
    assert follow.standalone_question.startswith("Bộ trưởng")
    assert follow.citations[0].location.startswith("Điều 79")


def test_a_verdict_leads_with_the_conditions_it_rests_on(plan_and_law_index, monkeypatch):
    """A collective without a CSTĐCS is refused TTLĐXS: the lead itself says why, with the article."""
    at = _ask(_app_on(monkeypatch, plan_and_law_index, "2026-06-01"),
              "Phòng tôi năm 2025 hoàn thành xuất sắc nhiệm vụ, 100% hoàn thành nhiệm vụ, 80% đạt LĐTT nhưng "
              "không ai đạt CSTĐCS. Vậy có được đề nghị Tập thể lao động xuất sắc năm 2025 không?")
    answer = _answer(at)
    assert answer.lead.startswith("**Không đủ điều kiện** Danh hiệu “Tập thể lao động xuất sắc” năm 2025 vì:")
    assert "Chiến sĩ thi đua cơ sở" in answer.lead and "Điều 27" in answer.lead


def test_without_a_verdict_the_rule_answers_and_the_check_says_what_it_needs(plan_and_law_index, monkeypatch):
    at = _ask(_app_on(monkeypatch, plan_and_law_index, "2026-06-01"),
              "Chị Hoa năm ngoái đạt LĐTT, có đủ điều kiện Chiến sĩ thi đua cơ sở không?")
    answer = _answer(at)
    assert answer.citations[0].location.startswith("Điều 23") and "Chiến sĩ thi đua cơ sở" in answer.lead
    assert not answer.lead.startswith("**")
    assert answer.text.index(answer.lead) < answer.text.index("**Chưa đủ thông tin**")


def test_a_follow_up_on_a_plan_keeps_the_plans_words(plan_and_law_index, monkeypatch):
    """After a question answered from a plan, "Phải nộp trước ngày nào?" asks that plan, not the law on the award."""
    at = _ask(_app_on(monkeypatch, plan_and_law_index, "2026-06-01"),
              "Ở Hoàng Mai, việc xét, đề nghị khen thưởng Huân chương lao động năm 2021 do đơn vị nào thực hiện?")
    assert not _answer(at).citations[0].doc_id.startswith("luat")
    _ask(at, "Phải nộp trước ngày nào?")
    follow = _answer(at)
    assert "Hoàng Mai" in follow.searched
    assert "05/4/2021" in follow.lead

"""Narrative eligibility questions (`assistant/eligibility/narrative.py`): the facts read, the engine's
verdict with its article, the chat reply and the form's pre-fill parameters."""
from __future__ import annotations

import doctest
import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

import assistant.eligibility.narrative as narrative
from assistant.eligibility.narrative import check, form_params, parse_narrative, verdict_text
from assistant.intents import detect, read_query_params

TODAY = date(2026, 1, 10)


def _parse(text: str):
    return parse_narrative(text, TODAY)


def _top(result) -> dict[str, dict]:
    return {c["id"]: c for c in result.top_level()}


def test_doctests():
    assert doctest.testmod(narrative).failed == 0


def test_issue_question_is_read_and_eligible_under_article_23():
    parse = _parse("Anh Nguyễn Văn Bình năm 2023, 2024 đạt LĐTT, năm 2025 HTXSNV, có sáng kiến cấp cơ sở, "
                   "không bị kỷ luật, có được xét CSTĐCS không?")
    assert parse.award == "chien_si_thi_dua_co_so" and parse.kind == "individual"
    assert parse.name == "Nguyễn Văn Bình" and parse.year == 2025 and parse.years == [2023, 2024, 2025]
    assert parse.records[2023]["titles"] == ["lao_dong_tien_tien"] and "rating" not in parse.records[2023]
    assert parse.records[2024]["titles"] == ["lao_dong_tien_tien"]
    assert parse.records[2025]["rating"] == "hoan_thanh_xuat_sac"
    assert parse.records[2025]["initiatives"] == [{"scope": "co_so", "year": 2025}]
    assert parse.records[2025]["discipline"] == [] and parse.unread == []
    result = check(parse)
    assert result.verdict == "eligible"
    assert "Điều 23, khoản 2" in _top(result)["k2"]["citation"] and _top(result)["k2"]["status"] == "met"
    text = verdict_text(result, parse)
    assert text.startswith("**Đủ điều kiện** Danh hiệu “Chiến sĩ thi đua cơ sở” năm 2025")
    assert "Điều 23, khoản 1" in text and "Điều 23, khoản 2" in text and "Nguyễn Văn Bình" in text


def test_facts_before_years_and_a_title_list():
    parse = _parse("Chị Trần Thị Hoa đạt Lao động tiên tiến năm 2024 và 2025, năm 2025 được xếp loại hoàn thành tốt "
                   "nhiệm vụ; chưa có sáng kiến; không vi phạm kỷ luật. Chị có đủ điều kiện Chiến sĩ thi đua cơ sở năm 2025 không?")
    assert parse.name == "Trần Thị Hoa" and parse.years == [2024, 2025]
    # the titles said for a year are all it had; discipline unsaid for 2024 is read as none
    assert parse.records[2024] == {"year": 2024, "titles": ["lao_dong_tien_tien"], "awards": [], "discipline": []}
    record = parse.records[2025]
    assert record["rating"] == "hoan_thanh_tot" and record["initiatives"] == [] and record["discipline"] == []
    result = check(parse)
    assert result.verdict == "not_eligible" and _top(result)["k2"]["status"] == "failed"
    text = verdict_text(result)
    assert text.startswith("**Không đủ điều kiện** Danh hiệu “Chiến sĩ thi đua cơ sở” năm 2025 vì:")
    assert "Điều 23, khoản 2" in text.split("Đã đạt:")[0]


def test_unaccented_question_with_abbreviations():
    parse = _parse("toi 2 nam lien 2024-2025 htxsnv, dat cstdcs ca 2 nam, nam 2025 co de tai cap tinh, "
                   "khong bi ky luat, co du dieu kien cstd cap tinh khong?")
    assert parse.award == "chien_si_thi_dua_cap_tinh" and parse.name == "" and parse.years == [2024, 2025]
    assert all(parse.records[y]["rating"] == "hoan_thanh_xuat_sac" for y in (2024, 2025))
    assert parse.records[2025]["initiatives"] == [{"scope": "cap_tinh", "year": 2025}]
    result = check(parse)
    # Only two CSTĐCS years are known: Điều 22 khoản 1 điểm a needs three in a row.
    assert result.verdict == "insufficient"
    assert "Điều 22, khoản 1, điểm a" in _top(result)["k1.a"]["citation"] and _top(result)["k1.a"]["status"] == "unknown"
    assert verdict_text(result).startswith("**Chưa đủ thông tin**")


def test_collective_of_my_office():
    parse = _parse("Tập thể phòng tôi năm 2025 hoàn thành xuất sắc nhiệm vụ, có 12 người thì 10 người đạt LĐTT, "
                   "không ai bị kỷ luật, có được xét Tập thể lao động tiên tiến không?")
    assert parse.kind == "collective" and parse.award == "tap_the_lao_dong_tien_tien" and parse.name == ""
    record = parse.records[2025]
    assert record["members_total"] == 12 and record["members_lao_dong_tien_tien"] == 10
    assert record["members_disciplined_canh_cao_or_higher"] == 0 and record["rating"] == "hoan_thanh_xuat_sac"
    assert "titles" not in record  # the members' title is not the collective's
    result = check(parse)
    assert result.verdict == "eligible"
    share = _top(result)["k1.c"]
    assert share["status"] == "met" and "Điều 28, khoản 1, điểm c" in share["citation"] and "10/12" in share["detail"]


@pytest.mark.parametrize("text, name", [
    ("Tập thể Phòng Kế hoạch Tài chính năm 2025 HTXSNV có được xét Tập thể lao động xuất sắc không?", "Phòng Kế hoạch Tài chính"),
    ("Tập thể phòng tôi năm 2025 HTXSNV có được Giấy khen của Giám đốc Sở không?", ""),
])
def test_collective_names(text, name):
    parse = _parse(text)
    assert parse.kind == "collective" and parse.name == name


def test_collective_shares_and_no_member_with_a_title():
    parse = _parse("Phòng tôi năm 2025 hoàn thành xuất sắc nhiệm vụ, 100% hoàn thành nhiệm vụ, 80% đạt LĐTT "
                   "nhưng không ai được CSTĐCS. Có đề nghị Tập thể lao động xuất sắc được không?")
    record = parse.records[2025]
    assert (record["members_total"], record["members_completed"], record["members_lao_dong_tien_tien"],
            record["members_chien_si_thi_dua_co_so"]) == (100, 100, 80, 0)
    assert "titles" not in record and any("tỷ lệ" in a for a in parse.assumptions)
    result = check(parse)
    assert result.verdict == "not_eligible" and _top(result)["k1.d"]["status"] == "failed"
    assert "Điều 27, khoản 1, điểm d" in _top(result)["k1.d"]["citation"]


def test_collective_with_a_share_below_seventy_percent():
    parse = _parse("Tập thể phòng tôi có 10 người; năm 2025 phòng hoàn thành tốt nhiệm vụ, 60% đạt LĐTT, "
                   "không bị kỷ luật. Phòng tôi có đủ điều kiện Lao động tiên tiến không?")
    assert parse.award == "tap_the_lao_dong_tien_tien"  # an individual title asked for a collective
    assert parse.records[2025]["members_lao_dong_tien_tien"] == 6
    result = check(parse)
    assert result.verdict == "not_eligible" and _top(result)["k1.c"]["status"] == "failed"


def test_missing_facts_say_what_to_add_with_the_article():
    parse = _parse("Chị Hoa năm ngoái đạt LĐTT, có đủ điều kiện Chiến sĩ thi đua cơ sở không?")
    assert parse.name == "Hoa" and parse.years == [2025] and parse.year == 2025
    result = check(parse)
    assert result.verdict == "insufficient" and _top(result)["k2"]["status"] == "unknown"
    text = verdict_text(result, parse)
    head = text.split("Đã đạt:")[0]
    assert head.startswith("**Chưa đủ thông tin** để kết luận Danh hiệu “Chiến sĩ thi đua cơ sở” năm 2025: cần biết")
    assert "Điều 23, khoản 2" in head and "sáng kiến năm 2025" in head
    # Discipline not mentioned is read as none, and the reply says so.
    assert "Giả định: không bị kỷ luật (câu hỏi không nêu việc kỷ luật)" in text


def test_only_what_the_council_judges_is_no_eligibility():
    parse = _parse("Tôi là nông dân, năm 2025 làm ăn tốt, có được xét Lao động tiên tiến không?")
    assert parse.group == "cong_nhan_nong_dan"
    result = check(parse)
    assert all(c["status"] == "to_confirm" for c in result.top_level() if not c["id"].startswith("chung."))
    assert verdict_text(result).startswith("**Chưa đủ thông tin**") and "Điều 24, khoản 3" in verdict_text(result)


def test_discipline_breaks_the_chain():
    parse = _parse("Đồng chí Trần Thị Tú, trưởng phòng, 3 năm liền đạt CSTĐCS (2023, 2024, 2025), có đề tài khoa học "
                   "cấp tỉnh năm 2024, năm 2024 bị kỷ luật khiển trách, có được đề nghị CSTĐ cấp tỉnh không?")
    assert parse.name == "Trần Thị Tú" and parse.is_leader and parse.years == [2023, 2024, 2025]
    assert parse.records[2024]["discipline"] == ["khien_trach"]
    result = check(parse)
    assert result.verdict == "not_eligible"
    assert _top(result)["k1.a"]["status"] == "failed" and "Điều 22, khoản 1, điểm a" in _top(result)["k1.a"]["citation"]


@pytest.mark.parametrize("text, years, year", [
    ("Tôi năm nay HTXSNV, năm ngoái đạt LĐTT, có được xét CSTĐCS không?", [2025, 2026], 2026),
    ("Chị Lan hai năm liền 2023–2024 đạt LĐTT, có đủ điều kiện CSTĐCS không?", [2023, 2024], 2024),
    ("Tôi đạt LĐTT năm 2023 và năm 2024, có được xét Giấy khen năm 2024 không?", [2023, 2024], 2024),
    ("Anh Bình 3 năm liên tục đạt CSTĐCS, có đủ điều kiện CSTĐ cấp tỉnh năm 2025 không?", [2023, 2024, 2025], 2025),
])
def test_year_phrases(text, years, year):
    parse = _parse(text)
    assert parse.years == years and parse.year == year


@pytest.mark.parametrize("text, name", [
    ("Anh Nguyễn Văn A được đánh giá HTXSNV năm 2025, có đủ điều kiện CSTĐCS không?", "Nguyễn Văn A"),
    ("Chị Nguyễn Thị B, chuyên viên, năm 2025 HTTNV, có được xét LĐTT không?", "Nguyễn Thị B"),
    ("Tôi năm 2025 hoàn thành tốt nhiệm vụ, có được xét LĐTT không?", ""),
    ("Nguyễn Văn Bình năm 2025 hoàn thành tốt nhiệm vụ có được xét LĐTT không?", "Nguyễn Văn Bình"),
    ("anh binh nam 2025 httnv co duoc xet ldtt khong", ""),
])
def test_the_name_only_when_one_is_given(text, name):
    assert _parse(text).name == name


def test_counts_over_several_years():
    parse = _parse("Ông Đỗ Văn Hùng 2 năm liền hoàn thành xuất sắc nhiệm vụ (2024, 2025) và có 2 sáng kiến cấp cơ sở, "
                   "có đủ điều kiện Bằng khen của Chủ tịch UBND tỉnh không?")
    assert [len(parse.records[y]["initiatives"]) for y in (2024, 2025)] == [1, 1]
    parse = _parse("Tập thể Phòng Kế hoạch Tài chính năm 2025 HTXSNV, 100% cá nhân hoàn thành nhiệm vụ, 15/20 người đạt LĐTT, "
                   "3 người CSTĐCS, không có ai bị kỷ luật; có được xét Tập thể lao động xuất sắc không?")
    record = parse.records[2025]
    assert (record["members_total"], record["members_completed"], record["members_lao_dong_tien_tien"],
            record["members_chien_si_thi_dua_co_so"]) == (20, 20, 15, 3)
    assert check(parse).verdict == "eligible"


def test_unaccented_person_question_is_a_narrative():
    question = "chi nguyen thi mai nam 2025 hoan thanh xuat sac nhiem vu, co sang kien cap co so, khong bi ky luat, co du dieu kien chien si thi dua co so khong?"
    intent = detect(question, TODAY)
    assert intent.reply.startswith("**Đủ điều kiện** Danh hiệu “Chiến sĩ thi đua cơ sở” năm 2025")
    assert "name" not in intent.params


def test_leave_and_unread_facts():
    parse = _parse("Chị Lan năm 2025 nghỉ thai sản 6 tháng, nghỉ ốm, HTTNV, được tặng bằng khen, "
                   "có đủ điều kiện LĐTT không?")
    record = parse.records[2025]
    assert {"kind": "thai_san", "months": 6.0} in record["leave"] and {"kind": "om_dau", "months": None} in record["leave"]
    assert any("bằng khen" in u for u in parse.unread) and any("nghỉ ốm đau" in u for u in parse.unread)
    assert "Chưa đọc được:" in verdict_text(check(parse), parse)


def test_a_date_names_its_year_and_closes_its_clause():
    parse = _parse("Chị Mai bị kỷ luật cảnh cáo tháng 3/2024, năm 2025 HTXSNV, có sáng kiến cơ sở, "
                   "theo Nghị định 152/2025/NĐ-CP có được xét CSTĐCS không?")
    assert parse.years == [2024, 2025]
    assert parse.records[2024] == {"year": 2024, "discipline": ["canh_cao"]}
    assert parse.records[2025]["rating"] == "hoan_thanh_xuat_sac" and "discipline" not in parse.records[2025]
    assert parse.unread == []


def test_a_title_not_held():
    parse = _parse("Anh Lương Văn Cường năm 2024 không hoàn thành nhiệm vụ, không được công nhận LĐTT, không bị kỷ luật, "
                   "có được xét CSTĐCS năm 2024 không?")
    assert parse.records[2024]["titles"] == []
    result = check(parse)
    assert result.verdict == "not_eligible" and _top(result)["k1"]["status"] == "failed"
    assert "Điều 23, khoản 1" in _top(result)["k1"]["citation"]


def test_a_fact_it_cannot_read_is_reported():
    parse = _parse("Tôi năm 2025 được tặng huy hiệu công đoàn, HTXSNV, không bị kỷ luật, có được xét CSTĐCS không?")
    assert parse.unread == ["“Tôi năm 2025 được tặng huy hiệu công đoàn”"]
    assert parse.records[2025] == {"year": 2025, "rating": "hoan_thanh_xuat_sac", "discipline": []}


def test_eval_scores_a_story():
    from eval.eligibility import score_case

    story = {"id": "s1", "q": "Tôi năm 2025 chỉ hoàn thành nhiệm vụ, có được xét LĐTT không?", "as_of": 2025,
             "expected": "not_eligible", "article": "Điều 24"}
    assert score_case(story) == {"id": "s1", "verdict_ok": True, "cites_ok": True, "got": "not_eligible",
                                 "expected": "not_eligible", "missing_cites": []}
    assert not score_case({**story, "expected": "cannot_tell"})["verdict_ok"]


def test_form_params_and_the_chat_routing():
    question = ("Chị Nguyễn Thị Lan năm 2024 và 2025 đạt LĐTT, năm 2025 HTXSNV, có 2 sáng kiến cấp cơ sở, "
                "nghỉ thai sản 4 tháng, không bị kỷ luật, có được xét CSTĐCS không?")
    params = form_params(_parse(question))
    assert params["name"] == "Nguyễn Thị Lan" and params["year"] == 2025 and params["award"] == "chien_si_thi_dua_co_so"
    records = {r["year"]: r for r in params["records"]}
    assert sorted(records) == [2024, 2025] and len(records[2025]["initiatives"]) == 2
    intent = detect(question, TODAY)
    assert intent.tool == "eligibility" and intent.reply.startswith("**Đủ điều kiện**")
    assert read_query_params({k: [v] for k, v in intent.query_params().items()})["records"] == params["records"]
    assert "name" not in form_params(_parse("Tôi năm 2025 HTTNV, có được xét LĐTT không?"))
    rows = form_params(_parse("Tôi năm 2024 đạt LĐTT, có được xét CSTĐCS năm 2025 không?"))["records"]
    assert rows == [{"year": 2024, "titles": ["lao_dong_tien_tien"], "awards": [], "discipline": []},
                    {"year": 2025, "discipline": []}]
    # A general question about the criteria is no narrative: no verdict in the chat.
    general = detect("Cá nhân đạt LĐTT 2 năm có được xét CSTĐCS không?", TODAY)
    assert general is not None and general.tool == "eligibility" and general.reply == ""
    general = detect("Tập thể đã có Bằng khen cấp tỉnh cần thêm những danh hiệu gì trong 5 năm để được đề nghị "
                     "Bằng khen Thủ tướng?", TODAY)
    assert general is None or general.reply == ""
    for question in ("Anh chị cho hỏi cá nhân đạt LĐTT 3 năm có được xét CSTĐCS không?",
                     "Cho em hỏi: cá nhân HTXSNV có được xét CSTĐCS không?"):
        assert not _parse(question).is_narrative
    assert _parse("Cho em hỏi em HTXSNV, có sáng kiến, có được xét CSTĐCS không?").is_narrative
    # Asking for something else than a verdict: no verdict; asking both: the verdict.
    assert not _parse("Tôi đã có Bằng khen Thủ tướng năm 2020, vậy điều kiện để được xét Huân chương Lao động "
                      "hạng Ba là gì?").is_narrative
    assert not _parse("Đơn vị tôi có đồng chí được CSTĐCS năm 2024 nhờ khai gian thành tích, giờ xử lý thế nào, "
                      "quyết định có bị hủy không?").is_narrative
    assert _parse("Tôi năm 2025 HTXSNV, có đủ điều kiện CSTĐCS không, luật quy định thế nào?").is_narrative


# ---------------------------------------------------------------- the dev profiles told as stories

DEV_CASES = Path(__file__).resolve().parents[1] / "eval" / "data" / "dev" / "eligibility_dev.jsonl"
# One narrative per profile of eligibility_dev.jsonl, saying the same facts in an officer's words.
DEV_STORIES = {
 "ed01": "Chị Võ Thị Kim Liên, trưởng phòng, năm 2023 HTXSNV, đạt LĐTT và CSTĐCS; năm 2024 hoàn thành xuất sắc nhiệm vụ, không bị kỷ luật. Chị có đủ điều kiện LĐTT năm 2024 không?",
 "ed02": "Anh Huỳnh Tấn Phát năm 2024 hoàn thành tốt nhiệm vụ, được LĐTT; năm 2025 HTXSNV nhưng bị kỷ luật khiển trách. Anh có được xét Lao động tiên tiến năm 2025 không?",
 "ed03": "Anh Triệu Văn Nam năm 2024 hoàn thành tốt nhiệm vụ và đạt LĐTT, có được xét LĐTT năm 2025 không?",
 "ed04": "Chị Dương Thị Hoa năm 2024 HTTNV, đạt LĐTT; năm 2025 HTXSNV, đạt LĐTT, không bị kỷ luật, chưa có sáng kiến. Chị có đủ điều kiện CSTĐCS năm 2025 không?",
 "ed05": "Anh Lương Văn Cường năm 2023 hoàn thành tốt nhiệm vụ, LĐTT; năm 2024 không hoàn thành nhiệm vụ, không đạt LĐTT, không bị kỷ luật. Có được xét CSTĐCS năm 2024 không?",
 "ed06": "Chị Chu Thị Thảo năm 2024 HTTNV, LĐTT; năm 2025 có sáng kiến cấp cơ sở, không bị kỷ luật. Chị có được đề nghị CSTĐCS năm 2025 không?",
 "ed07": "Anh Đoàn Minh Tâm: năm 2020 HTTNV, LĐTT; từ 2021 đến 2024 đều HTXSNV, đạt LĐTT và CSTĐCS; năm 2022 có đề tài cấp tỉnh; năm 2024 có sáng kiến cấp cơ sở; không bị kỷ luật. Anh có đủ điều kiện CSTĐ cấp tỉnh năm 2024 không?",
 "ed08": "Chị Hứa Thị Loan 5 năm liền 2021–2025 HTXSNV, đạt LĐTT và CSTĐCS, không có sáng kiến, không bị kỷ luật, có được xét CSTĐ cấp tỉnh năm 2025 không?",
 "ed09": "Tập thể Phòng Hành chính - Tổng hợp năm 2025 hoàn thành xuất sắc nhiệm vụ, có 30 người, 30 người hoàn thành nhiệm vụ, 24 người đạt LĐTT, 3 người đạt CSTĐCS, không ai bị kỷ luật. Có đủ điều kiện Tập thể lao động tiên tiến không?",
 "ed10": "Tổ chuyên môn của tôi năm 2024 HTTNV, có 10 người, 10/10 hoàn thành nhiệm vụ, 5 người đạt LĐTT, không ai bị kỷ luật; tập thể tổ có được xét TTLĐTT năm 2024 không?",
 "ed11": "Chị Mạc Thị Thanh Tâm năm 2024 HTTNV, đạt LĐTT; năm 2025 nghỉ thai sản 4 tháng, công tác 8 tháng, hoàn thành tốt nhiệm vụ, đạt LĐTT, không bị kỷ luật. Chị có được Giấy khen năm 2025 không?",
 "ed12": "Chị Kim Thị Sương năm 2021 HTTNV, LĐTT; các năm 2022, 2023, 2024 HTXSNV, đạt LĐTT và CSTĐCS; năm 2023 có 2 sáng kiến cấp cơ sở, năm 2024 có 2 sáng kiến cấp cơ sở; không bị kỷ luật. Chị có đủ điều kiện Bằng khen của Chủ tịch UBND tỉnh năm 2024 không?",
}


@pytest.mark.skipif(not DEV_CASES.exists(), reason="no shared dev set")
@pytest.mark.parametrize("case_id", sorted(DEV_STORIES))
def test_dev_profiles_told_as_stories_get_the_profiles_verdict(case_id):
    case = next(c for c in map(json.loads, DEV_CASES.read_text(encoding="utf-8").splitlines()) if c["id"] == case_id)
    parse = parse_narrative(DEV_STORIES[case_id], date.fromisoformat(case["as_of"]))
    assert (parse.award, parse.year, parse.kind) == (case["award"], case["year"], case["nominee"]["kind"])
    if case["nominee"]["kind"] == "individual":
        assert parse.name == case["nominee"]["name"]
    result = check(parse)
    assert result.verdict == case["expected"]["verdict"], verdict_text(result, parse)
    cited = " ".join(c["citation"] for c in result.conditions)
    assert all(article in cited for article in case["expected"]["cites"])


# ---------------------------------------------------------------- the form opened from the chat's link

PAGE = "ui/pages/xet_dieu_kien.py"


def _open_link(at, question: str):
    """Follow the chat's link for `question` in the running app `at`."""
    at.switch_page(PAGE)
    at.query_params.clear()
    at.query_params.update(detect(question, TODAY).query_params())
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _records_table(at):
    return next(d.value for d in at.dataframe if d.key and d.key.startswith("el_editor")).set_index("year")


def test_form_opened_from_a_narrative_question_carries_the_facts(monkeypatch, plan_index):
    from tests.app_helpers import new_app

    at = new_app(monkeypatch, plan_index)
    _open_link(at, "Chị Nguyễn Thị Lan năm 2024 và 2025 đạt LĐTT, năm 2025 HTXSNV, có 2 sáng kiến cấp cơ sở, "
                   "nghỉ thai sản 4 tháng, không bị kỷ luật, có được xét CSTĐCS không?")
    assert at.text_input(key="el_name").value == "Nguyễn Thị Lan"
    assert at.selectbox(key="el_award").value == "chien_si_thi_dua_co_so" and at.radio(key="el_kind").value == "individual"
    assert at.number_input(key="el_year").value == 2025 and at.date_input(key="el_as_of").value == TODAY
    table = _records_table(at)
    assert list(table.index) == [2024, 2025]
    assert list(table.loc[2024, "titles"]) == ["lao_dong_tien_tien"] and pd_missing(table.loc[2024, "rating"])
    row = table.loc[2025]
    assert row["rating"] == "hoan_thanh_xuat_sac" and list(row["titles"]) == ["lao_dong_tien_tien"]
    assert row["initiative"] == "co_so" and row["initiative_count"] == 2 and row["maternity"] == 4
    assert list(row["discipline"]) == []
    next(b for b in at.button if b.key == "el_check").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "ĐỦ ĐIỀU KIỆN" in "\n".join(s.value for s in at.success)
    conditions = next(d.value for d in at.dataframe if "Căn cứ" in d.value.columns)
    assert any("Điều 23, khoản 2" in c for c in conditions["Căn cứ"])

    # The next links of the session: the name as given ("… A được" is no name), then none at all.
    _open_link(at, "Anh Nguyễn Văn A được đánh giá HTXSNV năm 2025, có đủ điều kiện Chiến sĩ thi đua cơ sở không?")
    assert at.text_input(key="el_name").value == "Nguyễn Văn A"
    assert list(_records_table(at).index) == [2025]
    _open_link(at, "Tập thể phòng tôi năm 2025 hoàn thành xuất sắc nhiệm vụ, có 12 người thì 10 người đạt LĐTT, "
                   "không ai bị kỷ luật, có được xét Tập thể lao động tiên tiến không?")
    assert at.text_input(key="el_name").value == "" and at.radio(key="el_kind").value == "collective"
    row = _records_table(at).loc[2025]
    assert row["members_total"] == 12 and row["members_lao_dong_tien_tien"] == 10
    assert row["members_disciplined_canh_cao_or_higher"] == 0


def pd_missing(value) -> bool:
    return value is None or value != value


def test_chat_answers_a_narrative_question_with_the_verdict(monkeypatch, plan_index):
    from streamlit.testing.v1 import AppTest

    from tests.app_helpers import APP, app_env, elements

    app_env(monkeypatch, plan_index)
    monkeypatch.setenv("TDKT_TODAY", TODAY.isoformat())
    at = AppTest.from_file(str(APP), default_timeout=90).run()
    at.chat_input[0].set_value("Tôi năm 2023, 2024 đạt LĐTT, năm 2025 HTXSNV, có sáng kiến cấp cơ sở, không bị kỷ luật, "
                               "có được xét CSTĐCS không?").run()
    assert not at.exception, [e.value for e in at.exception]
    answer = "\n".join(m.value for m in at.chat_message[-1].markdown)
    assert "**Đủ điều kiện** Danh hiệu “Chiến sĩ thi đua cơ sở” năm 2025" in answer
    assert "Điều 23, khoản 1" in answer and "Điều 23, khoản 2" in answer
    link = next(link.proto for link in elements(at, "page_link") if "xet_dieu_kien" in link.proto.page)
    params = read_query_params(dict(parse_qsl(link.query_string)))
    assert params["award"] == "chien_si_thi_dua_co_so" and "name" not in params
    assert [r["year"] for r in params["records"]] == [2023, 2024, 2025]


def test_planted_html_in_the_story_is_shown_as_text(monkeypatch, plan_index):
    from streamlit.testing.v1 import AppTest

    from tests.app_helpers import APP, app_env

    app_env(monkeypatch, plan_index)
    monkeypatch.setenv("TDKT_TODAY", TODAY.isoformat())
    at = AppTest.from_file(str(APP), default_timeout=90).run()
    at.chat_input[0].set_value("Tôi năm 2025 được tặng <img src=x onerror=alert(1)> giải thưởng, HTXSNV, "
                               "có được xét CSTĐCS không?").run()
    assert not at.exception, [e.value for e in at.exception]
    reply = next(m.value for m in at.chat_message[-1].markdown if "Đủ điều kiện" in m.value)
    assert "Chưa đọc được" in reply and "\\<img" in reply and not re.search(r"(?<!\\)<img", reply)


def test_a_members_reprimand_does_not_disqualify_the_collective():
    """Khiển trách is a person's form, below cảnh cáo: Điều 28 k1 c counts only cảnh cáo and above."""
    parse = _parse("Tổ em có một chị bị kỷ luật khiển trách hồi giữa năm 2025. Tổ hoàn thành tốt nhiệm vụ, 9/12 người "
                   "đạt LĐTT. Vậy năm 2025 tổ em còn được xét Tập thể lao động tiên tiến không ạ?")
    record = parse.records[2025]
    assert parse.kind == "collective" and record["discipline"] == [] and record["members_disciplined_canh_cao_or_higher"] == 0
    assert check(parse).verdict == "eligible"
    warned = _parse("Tổ em có một anh bị kỷ luật cảnh cáo năm 2025, tổ hoàn thành tốt nhiệm vụ, 9/12 người đạt LĐTT. "
                    "Năm 2025 tổ có được xét Tập thể lao động tiên tiến không?")
    result = check(warned)
    failed = [c["text"] for c in result.top_level() if c["status"] == "failed"]
    assert result.verdict == "not_eligible" and failed and all("cảnh cáo" in text for text in failed)


def test_a_question_about_discipline_is_no_discipline_and_the_short_collective_name_is_the_title():
    """ "chuyện kỷ luật được tính thế nào" asks about discipline, it tells of none; "tập thể tiên tiến" is the
    collective's title, so "8 người được bình xét LĐTT" stays the members' count."""
    parse = _parse("Phòng có 10 người, năm 2025 có 8 người được bình xét Lao động tiên tiến. Hồi tháng 5 một anh bị kỷ "
                   "luật khiển trách. Tôi sợ phòng mất danh hiệu tập thể tiên tiến. Cho hỏi chuyện kỷ luật được tính "
                   "thế nào, phòng tôi còn đủ điều kiện không?")
    record = parse.records[2025]
    assert parse.award == "tap_the_lao_dong_tien_tien"
    assert record["members_disciplined_canh_cao_or_higher"] == 0 and record["members_lao_dong_tien_tien"] == 8
    assert check(parse).verdict != "not_eligible"


def test_the_verdicts_first_paragraph_quotes_the_criterion_it_rests_on():
    """The lead says in the law's words what was met or missed: the option of "one of the following"
    that decided, or the failed condition's own wording."""
    met = _parse("Chị Lan năm 2024 HTXSNV, có sáng kiến cấp cơ sở; năm 2025 HTXSNV, có sáng kiến cấp cơ sở, "
                 "không bị kỷ luật. Chị có đủ tiêu chuẩn Bằng khen của UBND tỉnh không?")
    lead = verdict_text(check(met), met).split("\n\n")[0]
    assert lead.startswith("**Đủ điều kiện**") and "02 sáng kiến" in lead
    missed = _parse("Tập thể phòng tôi có 10 người; năm 2025 phòng hoàn thành tốt nhiệm vụ, 60% đạt LĐTT, "
                    "không bị kỷ luật. Phòng tôi có đủ điều kiện Lao động tiên tiến không?")
    lead = verdict_text(check(missed), missed).split("\n\n")[0]
    assert lead.startswith("**Không đủ điều kiện**") and "70% cá nhân" in lead


def test_a_title_the_members_hold_is_not_the_title_asked_for():
    """ "… số người được LĐTT như thế thì tổ có đủ chuẩn không?" asks about the collective title proposed
    earlier in the story, not about Lao động tiên tiến."""
    parse = _parse("Tổ Văn phòng có 15 người, năm 2025 tổ hoàn thành xuất sắc nhiệm vụ, 2 người đạt CSTĐCS. "
                   "Lãnh đạo định đề nghị Tập thể lao động xuất sắc cho tổ. Vậy với 12 người đạt LĐTT thì tổ "
                   "có đủ điều kiện không?")
    assert parse.kind == "collective" and parse.award == "tap_the_lao_dong_xuat_sac"
    assert parse.records[2025]["members_lao_dong_tien_tien"] == 12


def test_every_member_completing_is_a_members_fact_not_the_collectives_rating():
    """ "ai cũng hoàn thành nhiệm vụ" says every member completed (Điều 27 k1 c), not that the collective
    was only rated "hoàn thành"; the collective's rating stays unknown."""
    parse = _parse("Khoa Dược năm 2025 có 10 người, ai cũng hoàn thành nhiệm vụ, 8 người đạt LĐTT, 1 người đạt "
                   "CSTĐCS. Khoa có đủ điều kiện Tập thể lao động xuất sắc không?")
    record = parse.records[2025]
    assert record["members_completed"] == 10 and "rating" not in record
    result = check(parse)
    assert result.verdict != "not_eligible"


def test_all_members_completing_said_with_tat_ca_is_a_members_fact_too():
    """ "tất cả hoàn thành nhiệm vụ, 4 người hoàn thành xuất sắc": every member completed; the four rated higher are
    among them, and the collective's own rating stays unknown, so no verdict of "not eligible" on it."""
    parse = _parse("Phòng tôi có 12 người, năm 2025 tất cả hoàn thành nhiệm vụ, 4 người hoàn thành xuất sắc, 10 người "
                   "đạt LĐTT, 2 người đạt CSTĐCS. Phòng có đủ điều kiện đề nghị Tập thể lao động xuất sắc không?")
    record = parse.records[2025]
    assert record["members_completed"] == 12 and "rating" not in record
    assert check(parse).verdict != "not_eligible"


def test_a_member_not_completing_breaks_the_hundred_percent():
    """ "1 chị … không hoàn thành nhiệm vụ": one member short of 100% (Điều 27 k1 c), and the reason given
    is that condition, not the collective's rating."""
    parse = _parse("Phòng Kế toán có 9 người. Năm 2025 có 1 chị bị đánh giá không hoàn thành nhiệm vụ, 7 người đạt "
                   "LĐTT, 1 người đạt CSTĐCS, phòng hoàn thành xuất sắc nhiệm vụ. Phòng có được Tập thể lao động "
                   "xuất sắc không?")
    record = parse.records[2025]
    assert record["members_completed"] == 8 and record["rating"] == "hoan_thanh_xuat_sac"
    result = check(parse)
    failed = [c["text"] for c in result.top_level() if c["status"] == "failed"]
    assert result.verdict == "not_eligible" and failed == ["Có 100% cá nhân trong tập thể hoàn thành nhiệm vụ được giao"]


def test_a_title_asked_about_as_a_step_stands_for_the_title_it_leads_to():
    parse = _parse("Em được CSTĐ cấp tỉnh năm 2022 và năm 2025, có một đề tài khoa học đã nghiệm thu. Trường định đề "
                   "xuất em lên CSTĐ toàn quốc. Cho em hỏi điều kiện về số lần CSTĐ tỉnh liên tục là mấy lần, đề tài chỉ "
                   "áp dụng trong tỉnh thì có được không?")
    assert parse.award == "chien_si_thi_dua_toan_quoc"


def test_a_recruit_who_started_late_in_a_past_year_is_judged_by_the_rule_then_in_force():
    """Started on 15/9/2024: 3,5 months worked in 2024. The year was considered under Thông tư 01/2024/TT-BNV,
    which gives no "Lao động tiên tiến" to a recruit of under 06 months (Điều 1 khoản 5 điểm d)."""
    parse = parse_narrative("Tôi trúng tuyển viên chức, nhận việc từ ngày 15/9/2024, cuối năm 2024 được đánh giá "
                            "hoàn thành tốt nhiệm vụ. Vậy năm 2024 tôi có được xét Lao động tiên tiến không?",
                            date(2026, 12, 4))
    assert parse.year == 2024 and parse.as_of == date(2024, 12, 31)
    assert parse.records[2024]["months_worked"] == 3.5
    result = check(parse)
    assert result.verdict == "not_eligible"
    text = verdict_text(result, parse)
    assert "Thông tư 01/2024/TT-BNV" in text and "3,5 tháng công tác" in text
    assert "tính từ ngày bắt đầu 15/09/2024" in text
    # the post held may stand between the start word and the date
    later = parse_narrative("Chị Hà được tuyển dụng làm kế toán trường từ ngày 01/10/2024, cuối năm 2024 hoàn thành "
                            "xuất sắc nhiệm vụ, chị có được xét Lao động tiên tiến không?", date(2026, 12, 4))
    assert later.records[2024]["months_worked"] == 3.0 and check(later).verdict == "not_eligible"


def test_a_start_in_an_earlier_year_says_nothing_of_the_months_of_the_year_asked():
    parse = _parse("Chị Mai vào làm từ tháng 3/2019, năm 2025 hoàn thành tốt nhiệm vụ, có được xét LĐTT không?")
    assert parse.year == 2025 and parse.records[2025].get("months_worked") is None
    assert parse.as_of == TODAY  # last year's titles are being considered now


def test_a_rule_someone_states_and_a_title_asked_next_are_no_facts_of_the_collective():
    """ "BGH nói … có người bị kỷ luật thì không được đề nghị …" states a rule, not a second discipline; "Còn Tập thể
    lao động xuất sắc thì sao?" asks about that title, the collective does not hold it. The one member reprimanded
    (khiển trách) stays below cảnh cáo, so Điều 28 khoản 1 điểm c is met."""
    parse = _parse("Tổ em có 10 người, năm 2025 có 8 người đạt LĐTT, 1 cô bị kỷ luật khiển trách. BGH nói tổ có người "
                   "bị kỷ luật thì không được đề nghị Tập thể lao động tiên tiến nữa. Vậy nói thế có đúng không ạ? Còn "
                   "Tập thể lao động xuất sắc thì sao?")
    record = parse.records[2025]
    assert parse.award == "tap_the_lao_dong_tien_tien"
    assert record["members_disciplined_canh_cao_or_higher"] == 0 and "titles" not in record
    assert _top(check(parse))["k1.c"]["status"] != "failed"


def test_a_rule_stated_with_la_is_no_second_discipline():
    """ "đồng nghiệp bảo cứ … có người bị kỷ luật là cả tổ mất danh hiệu": "là" opens the rule's consequence as "thì"
    does; the one member reprimanded (khiển trách) stays below cảnh cáo (Luật 06/2022 Điều 28 khoản 1 điểm c)."""
    parse = _parse("Tổ em có 12 người, năm 2025 cả tổ đạt LĐTT trừ anh thủ quỹ bị kỷ luật khiển trách. Chị tổ phó bảo "
                   "cứ trong tổ có người bị kỷ luật là cả tổ không được đề nghị danh hiệu. Vậy tổ em có được xét Tập thể "
                   "lao động tiên tiến không?")
    assert parse.records[2025]["members_disciplined_canh_cao_or_higher"] == 0
    assert _top(check(parse))["k1.c"]["status"] != "failed"


def test_the_office_a_story_names_is_no_one_stating_a_rule():
    """Folded, "phòng nội vụ" holds "noi" ("nói"): a discipline told in that clause is still a fact."""
    parse = _parse("Năm 2025 chuyên viên phòng nội vụ hoàn thành tốt nhiệm vụ nhưng bị kỷ luật thì có được xét Lao "
                   "động tiên tiến không?")
    assert parse.records[2025]["discipline"] == ["ky_luat"]


def test_a_title_held_again_is_the_one_named_before_in_the_years_said():
    """ "CSTĐCS năm 2023, năm 2024 lại đạt, năm 2025 tiếp tục được": three years of the same title, so only the
    initiative the provincial title needs is missing."""
    parse = _parse("Em đạt CSTĐCS năm 2023, năm 2024 lại đạt, năm 2025 tiếp tục được. "
                   "Em có đủ điều kiện đề nghị CSTĐ cấp tỉnh không ạ?")
    assert parse.award == "chien_si_thi_dua_cap_tinh"
    assert {year: record["titles"] for year, record in parse.records.items()} == {
        2023: ["chien_si_thi_dua_co_so"], 2024: ["chien_si_thi_dua_co_so"], 2025: ["chien_si_thi_dua_co_so"]}
    missing = verdict_text(check(parse), parse).split("Đã đạt")[0]
    assert "sáng kiến" in missing and "thiếu thông tin năm" not in missing


def test_asking_whether_a_title_may_be_held_again_tells_no_year_held():
    parse = _parse("Em được LĐTT năm 2024, năm 2025 lại được không ạ?")
    assert parse.award == "lao_dong_tien_tien"
    assert not parse.records.get(2025, {}).get("titles")


def test_a_member_counted_as_not_completing_is_not_the_collectives_own_rating():
    """ "có 1 chị bị xếp loại không hoàn thành nhiệm vụ": one member's rating, not the room's; the title asked by its
    short name ("danh hiệu tập thể xuất sắc") is Tập thể lao động xuất sắc."""
    parse = _parse("Phòng tôi có 12 người. Năm 2025 phòng được đánh giá hoàn thành xuất sắc nhiệm vụ, 10 người đạt "
                   "LĐTT, có 1 chị bị xếp loại không hoàn thành nhiệm vụ. Phòng còn đủ điều kiện đề nghị danh hiệu "
                   "tập thể xuất sắc không?")
    assert parse.award == "tap_the_lao_dong_xuat_sac"
    assert parse.records[2025]["rating"] == "hoan_thanh_xuat_sac"


@pytest.mark.parametrize("form,counted", [("khiển trách", 0), ("cảnh cáo", 1)])
def test_a_members_discipline_counted_with_its_form_counts_from_canh_cao_up(form, counted):
    """ "có 1 bạn bị kỷ luật khiển trách": the form named after "bị kỷ luật" decides (Điều 28 khoản 1 điểm c)."""
    parse = _parse(f"Tổ em năm nay có 1 bạn bị kỷ luật {form}, tổ còn được xét Tập thể lao động tiên tiến không?")
    assert parse.records[parse.year]["members_disciplined_canh_cao_or_higher"] == counted

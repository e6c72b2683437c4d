"""The chat's recognition of the other tools (`assistant/intents.py`), and round trips through links."""
from __future__ import annotations

import doctest
from datetime import date

import pytest

import assistant.intents as intents
from assistant.intents import detect, read_query_params

TODAY = date(2026, 1, 10)


def test_doctests():
    assert doctest.testmod(intents).failed == 0


def test_deadline_questions_give_filters():
    intent = detect("Phòng Nội vụ có những nhiệm vụ gì trong tháng 4/2021?", TODAY)
    assert intent.tool == "deadlines"
    assert intent.params == {"unit": "Phòng Nội vụ", "date_from": "2021-04-01", "date_to": "2021-04-30", "overlap": True}
    intent = detect("Những nhiệm vụ quá hạn của Văn phòng Sở theo kế hoạch 01/KH-HĐTĐKT?", TODAY)
    assert intent.params == {"unit": "Văn phòng Sở", "doc": "01/KH-HĐTĐKT", "status": "overdue"}
    assert detect("Hạn gửi hồ sơ là trước ngày 15/11/2025 phải không?", TODAY).params["date_to"] == "2025-11-15"


def test_eligibility_questions_give_award_and_facts():
    intent = detect("Chị Nguyễn Thị B, chuyên viên, 2023–2025 hoàn thành xuất sắc nhiệm vụ, Chiến sĩ thi đua cơ sở "
                    "2023 và 2025 — đủ điều kiện Bằng khen của Chủ tịch UBND tỉnh chưa?", TODAY)
    assert intent.tool == "eligibility"
    params = intent.params
    assert params["award"] == "bang_khen_cap_tinh" and params["name"] == "Nguyễn Thị B" and params["year"] == 2025
    assert "is_leader" not in params and params["kind"] == "individual"
    records = {r["year"]: r for r in params["records"]}
    assert sorted(records) == [2023, 2024, 2025]
    assert all(r["rating"] == "hoan_thanh_xuat_sac" for r in records.values())
    assert records[2023]["titles"] == ["chien_si_thi_dua_co_so"] and "titles" not in records[2024]
    collective = detect("Tập thể Phòng Tổng hợp có đủ tiêu chuẩn Tập thể lao động xuất sắc năm 2025 không?", TODAY)
    assert collective.params["kind"] == "collective" and collective.params["award"] == "tap_the_lao_dong_xuat_sac"


def test_drafting_requests_give_form_fields():
    intent = detect("Soạn kế hoạch đợt thi đua “Chào mừng Đại hội Đảng bộ” từ ngày 01/3/2026 đến ngày 30/6/2026", TODAY)
    assert intent.tool == "drafting"
    assert intent.params == {"kind": "campaign", "year": 2026, "campaign": "Chào mừng Đại hội Đảng bộ",
                             "date_from": "2026-03-01", "date_to": "2026-06-30"}


@pytest.mark.parametrize("question", ["Có thể soạn giúp tôi kế hoạch thi đua năm 2026 không?",
                                      "Anh chị soạn giúp em dự thảo kế hoạch phát động thi đua năm 2026."])
def test_a_polite_drafting_request_is_a_request(question):
    assert detect(question, TODAY).tool == "drafting"


@pytest.mark.parametrize("question", [
    "Ở quận Hoàng Mai, phòng nào chủ trì xây dựng kế hoạch phong trào thi đua “An toàn thực phẩm”?",
    "Tôi là người soạn hồ sơ thi đua của phòng. Hồ sơ đề nghị Bằng khen gồm những gì?",
    "Bên Văn phòng đã soạn xong tên kỷ niệm chương rồi. Có phải đăng ký với trung ương không?",
    # something the drafter does not write, named as the purpose of the question
    "Hội đồng Thi đua - Khen thưởng Trung ương do ai làm Chủ tịch? Em cần để soạn bài giảng tập huấn cho cán bộ xã.",
])
def test_drafting_words_in_a_question_or_a_story_are_not_a_request(question):
    intent = detect(question, TODAY)
    assert intent is None or intent.tool != "drafting"


def test_a_story_asking_about_the_file_gets_no_verdict():
    """Facts about a nominee, but the question asks what the file must contain: answered from the law."""
    intent = detect("Tôi làm hồ sơ CSTĐCS cho chị Lan, năm 2025 chị hoàn thành xuất sắc nhiệm vụ, có sáng kiến. "
                    "Hồ sơ CSTĐCS có phải kèm giấy tờ gì về sáng kiến không?", TODAY)
    assert intent is None or intent.tool != "eligibility"


def test_plain_questions_belong_to_no_tool():
    assert detect("Tiêu chuẩn danh hiệu Chiến sĩ thi đua cơ sở là gì?", TODAY) is None
    assert detect("Hình thức khen thưởng gồm những gì?", TODAY) is None


def test_query_params_round_trip():
    intent = detect("Chị Lan năm 2025 hoàn thành xuất sắc nhiệm vụ, không bị kỷ luật, có đủ điều kiện Lao động tiên tiến không?", TODAY)
    flat = intent.query_params()
    assert all(isinstance(v, str) for v in flat.values())
    assert read_query_params({k: [v] for k, v in flat.items()}) == {
        **{k: v for k, v in intent.params.items()}, "year": str(intent.params["year"])}


@pytest.mark.parametrize("question,kind", [
    ("Hạn chót nộp hồ sơ là ngày nào?", "date"),
    ("Khen niên hạn áp dụng cho những ai?", "unit"),
    ("Mỗi năm xét tối đa bao nhiêu người, có giới hạn số lượng không?", "number"),
])
def test_only_deadline_words_ask_for_a_date(question, kind):
    """ "niên hạn", "giới hạn", "hạn chế" hold the syllable "hạn" but ask for no date."""
    from assistant.answering.question import question_kind

    assert question_kind(question) == kind

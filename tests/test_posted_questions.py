"""Questions as people post them: an asker's intro and signature around the question, a place that only says
where the asker lives, several asks where one follows from another, past years that tell a story, and the
titles and acts they name in their own words (real lexical index of the Law, the decrees and the old Law)."""
from __future__ import annotations

from datetime import date

import pytest

from assistant.build import Assistant
from assistant.understanding import FOLLOW_UP_JOINER, understand, without_asker
from assistant.validity import mentioned_documents, past_year_named, reference_date
from tests.conftest import DECREE, KNOWLEDGE, LAW, OLD_DECREE, OLD_LAW, answered, indexed_assistant

TODAY = date(2026, 6, 1)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory) -> Assistant:
    return indexed_assistant(tmp_path_factory.mktemp("posted") / "data", [LAW, OLD_LAW, DECREE, OLD_DECREE], TODAY)


def _first_cited(built: Assistant, question: str):
    return answered(built, question).citations[0]


def _cites_first(built: Assistant, question: str, doc_id: str, location: str) -> None:
    cited = _first_cited(built, question)
    assert (cited.doc_id, cited.location[:len(location)]) == (doc_id, location)


def _asks_and_is_answered(built: Assistant, question: str, aspect: str, location: str) -> None:
    """The question is read as asking `aspect`, and the passage at `location` is cited first."""
    assert understand(question).aspect == aspect
    assert _first_cited(built, question).location.startswith(location)


def test_a_named_askers_intro_ends_at_hoi_with_a_comma_but_a_question_opening_with_cho_em_hoi_stays():
    assert without_asker("Ông Trần Văn Cường (Quảng Nam) hỏi, giấy khen của xã có kèm tiền thưởng không?") == \
        "giấy khen của xã có kèm tiền thưởng không?"
    story = "Chị phó phòng em có Bằng khen tỉnh năm 2020, cho em hỏi, chị ấy đủ điều kiện Bằng khen Thủ tướng chưa?"
    assert without_asker(story) == story


def test_a_province_the_asker_lives_in_does_not_hide_the_law_that_holds_everywhere(assistant):
    """No stored text belongs to Quảng Trị, but the Law and the decree rule there too: the answer is not refused."""
    cited = _first_cited(assistant, "Chi nhánh của công ty ngoài tỉnh đóng trên địa bàn tỉnh Quảng Trị có thành tích "
                                    "thì có được Chủ tịch UBND tỉnh xét khen thưởng không?")
    assert cited.doc_id in {LAW.stem, DECREE.stem, OLD_DECREE.stem}


def test_the_article_on_an_award_the_letter_names_answers_however_long_the_letter(assistant):
    cited = _first_cited(assistant, "Kính gửi Ban biên tập, nhờ giải thích giúp Kỷ niệm chương với Bằng khen khác nhau "
                                    "ở điểm nào, ai thì được tặng Kỷ niệm chương? Lê Văn Tám, Chi hội trưởng Hội Cựu "
                                    "chiến binh ấp Bình Minh, xã Tân An, huyện Cần Đước")
    assert cited.doc_id == LAW.stem and cited.location.startswith("Điều 71")


@pytest.mark.parametrize("question,article,khoan", [
    # the cases an act happens in are in its own rule, not in the title's criteria
    ("Danh hiệu Thầy thuốc nhân dân bị tước trong những trường hợp nào?", "Điều 93", "khoản 3"),
    # who may cancel an award: the act named in the officer's words ("hủy bỏ bằng khen")
    ("Thanh tra phát hiện kê khai sai thành tích, vậy ai ra quyết định hủy bỏ giấy khen đã tặng?", "Điều 93", "khoản 8"),
    # a forbidden act on the fund, beside the general ban list
    ("Dùng quỹ thi đua, khen thưởng để chi tiếp khách có phải hành vi bị nghiêm cấm không?", "Điều 15", "khoản 6"),
    # the cases a title is given in are its criteria, and the khoản written for the group named
    ("Người nước ngoài được tặng Huân chương Hồ Chí Minh trong trường hợp nào?", "Điều 35", "khoản 5"),
    # "huy chương dành cho thanh niên xung phong": the award's spoken name
    ("Huy chương dành cho thanh niên xung phong thời kỳ chống Mỹ xét cho ai?", "Điều 96", ""),
    # "bn năm" in chat is "bao nhiêu năm"
    ("Cờ TĐ tỉnh cho TT dẫn đầu PTTĐ chuyên đề do tỉnh phát động thì phong trào phải có bn năm?", "Điều 26", "khoản 2"),
    # the titles there are for one kind of recipient, listed as "Huân chương gồm" lists the huân chương
    ("Cho hỏi danh hiệu thi đua dành cho tập thể bao gồm những danh hiệu nào?", "Điều 20", "khoản 1"),
])
def test_what_is_asked_of_a_title_or_an_act_reaches_its_khoan(assistant, question, article, khoan):
    cited = _first_cited(assistant, question)
    assert cited.doc_id == LAW.stem and cited.location.startswith(article) and khoan in cited.location


def test_a_title_held_told_before_the_one_proposed_asks_the_proposed_ones_criteria(assistant):
    cited = _first_cited(assistant, "Trường tôi được tặng Huân chương Lao động hạng Ba, hai năm sau trình Bằng khen "
                                    "của Thủ tướng Chính phủ có được không?")
    assert cited.location.startswith("Điều 73, khoản 4")  # the collective's khoản


def test_a_collective_holding_a_provincial_award_is_answered_by_the_collectives_step():
    from assistant.understanding import held_steps

    slots = understand("Tập thể đã có Bằng khen của Chủ tịch UBND tỉnh, muốn đề nghị Bằng khen Thủ tướng thì cần gì?")
    assert [(s.article, s.khoan, s.diem) for s in held_steps(slots)] == [("Điều 73", 4, "e")]


def test_the_asking_sentence_says_the_award_is_for_the_person_not_the_school_the_story_names(assistant):
    story = ("Năm 2021 tôi được Bằng khen của Bộ vì thành tích trong phong trào thi đua của trường học. Các năm sau "
             "tôi đều hoàn thành tốt nhiệm vụ và có 3 lần Chiến sĩ thi đua cơ sở. Xin hỏi, tôi có đủ tiêu chuẩn "
             "Bằng khen của Thủ tướng không?")
    assert understand(story).target == "ca_nhan"
    assert _first_cited(assistant, story).location.startswith("Điều 73, khoản 1")


def test_the_khoan_for_the_group_named_comes_before_the_step_from_the_title_held(assistant):
    cited = _first_cited(assistant, "Ông Tư là nông dân ở xã tôi, đã có Huân chương Lao động hạng Nhì, mô hình trồng "
                                    "cam ổn định và giúp nhiều hộ thoát nghèo. Đề nghị hạng Nhất thì mô hình phải "
                                    "ổn định bao lâu?")
    assert cited.location.startswith("Điều 42, khoản 2")


def test_a_ratio_asked_of_a_collective_title_is_read_in_its_criteria_not_the_lower_titles():
    slots = understand("TTLĐXS thì tỷ lệ cá nhân đạt LĐTT trong tập thể tối thiểu là bao nhiêu %?")
    assert slots.subjects == ("tap_the_lao_dong_xuat_sac",) and slots.held == ("lao_dong_tien_tien",)


def test_two_titles_counted_for_the_same_year_ask_the_rule_on_rewards_at_once_even_without_diacritics(assistant):
    cited = _first_cited(assistant, "co giao truong em nam nay dat ca LDTT va CSTDCS, cung tinh thanh tich nam hoc do, "
                                    "thi duoc thuong ca hai hay chi mot?")
    assert cited.doc_id == DECREE.stem and cited.location.startswith("Điều 49")


def test_a_title_and_an_award_at_once_with_one_reward_paid_ask_the_rule_on_both_rewards(assistant):
    """The bursar paid only the higher reward: the rule for a title and an award given at one time (khoản 7)."""
    _cites_first(assistant, "Cuối năm anh Minh ở phòng em vừa được công nhận Lao động tiên tiến, vừa được Giám đốc sở "
                            "tặng giấy khen vì thành tích phòng chống thiên tai. Kế toán bảo chỉ chi một khoản tiền thưởng "
                            "cao nhất thôi. Vậy anh ấy được nhận tiền thưởng thế nào ạ?", DECREE.stem, "Điều 49, khoản 7")


def test_an_ask_about_a_new_case_after_the_first_does_not_take_over_the_question(assistant):
    answer = assistant.answerer().answer(
        "Chị em trong trường nghỉ sinh con 6 tháng, công đoàn bảo không được xét thi đua cuối năm, như vậy đúng hay "
        "sai? Và nếu công đoàn cố ý làm trái thì bị xử lý thế nào?")
    assert answer.citations[0].doc_id == DECREE.stem and answer.citations[0].location.startswith("Điều 4, khoản 5")


def test_if_so_then_who_asks_on_in_the_case_of_the_first_ask():
    assert understand("Chi hội có được tặng giấy khen cho hội viên không? Nếu được thì ai ký?").aspect == \
        "tham_quyen_quyet_dinh"


def test_a_list_asked_as_a_whole_is_led_by_its_points_in_the_laws_order(assistant):
    answer = assistant.answerer().answer("Bà Hoa hỏi: pháp luật quy định những nguyên tắc khen thưởng nào?")
    assert answer.lead.split("\n")[1].startswith("- a) Chính xác, công khai, minh bạch")


def test_a_past_year_in_the_story_is_answered_by_todays_rules_then_the_rule_of_that_year(assistant):
    question = "Đơn vị tôi năm 2012 được Bằng khen Thủ tướng, năm 2014 trình Huân chương Lao động hạng Ba được không?"
    assert reference_date(question, TODAY) == TODAY and past_year_named(question, TODAY) == date(2014, 7, 1)
    answer = assistant.answerer().answer(question)
    assert answer.citations[0].doc_id == LAW.stem
    assert OLD_LAW.stem in [c.doc_id for c in answer.citations[1:]]
    assert "Năm 2014 (văn bản áp dụng khi đó), theo Luật 15/2003/QH11" in answer.text


@pytest.mark.parametrize("question,expected", [
    ("Năm 2019, tiêu chuẩn Lao động tiên tiến là gì?", date(2019, 7, 1)),  # the year frames the rule asked
    ("Hồi năm 2024, lúc đó hội đồng xét theo tỷ lệ phiếu nào?", date(2024, 7, 1)),
    ("Tháng 3/2024 hội đồng tỉnh họp xét chiến sĩ thi đua tỉnh thì cần bao nhiêu phiếu?", date(2024, 3, 15)),
    ("Công điện của Thủ tướng tháng 11/2025 yêu cầu báo cáo khi nào?", TODAY),  # the month dates the document
    ("Đợt thi đua thành phố phát động hồi tháng 11/2025 thì Sở Nội vụ làm gì?", TODAY),  # … or the launch
    ("Theo quy định áp dụng trong năm 2024, đi học từ 1 năm trở lên có được xét LĐTT không?", date(2024, 7, 1)),
    ("Nghị định 152 có hiệu lực từ ngày nào, hồ sơ tôi trình hồi tháng 6/2025?", TODAY),  # validity itself asked
    # "if in 2021 I am only rated …": the question places itself in that year
    ("Tôi được tặng Bằng khen của Bộ năm 2015. Nếu năm 2021 tôi chỉ hoàn thành tốt nhiệm vụ thì có đủ điều kiện "
     "đề nghị Bằng khen của Thủ tướng không?", date(2021, 7, 1)),
])
def test_which_dates_set_the_rules_asked(question, expected):
    assert reference_date(question, TODAY) == expected


def test_the_criteria_of_one_ministrys_award_are_left_to_it_in_the_frame_of_the_law(assistant):
    answer = assistant.answerer().answer("Tiêu chuẩn Bằng khen của Bộ trưởng Bộ Tài chính cho cá nhân là gì?")
    assert [c.location for c in answer.citations[:2]] == ["Điều 74, khoản 6", "Điều 74, khoản 1"]
    assert answer.lead.startswith("Bộ, ban, ngành, tỉnh, trong phạm vi nhiệm vụ, quyền hạn của mình, quy định chi tiết")


@pytest.mark.parametrize("question,named", [
    ("Tập thể lao động xuất sắc ngành Tư pháp xét cho đơn vị nào?", True),
    ("Bằng khen của Bộ, ban, ngành, tỉnh tặng cho ai?", False),
    ("Giấy khen của giám đốc sở cần tiêu chuẩn gì?", False),
    ("Bằng khen của Bộ trưởng Bộ Y tế cho tập thể cần gì?", True),  # a one-letter word begins the name
    ("Tiêu chuẩn Lao động tiên tiến trong ngành giáo dục là gì?", True),  # a known sector in lower case
    ("Người làm trái ngành nghề có được xét Lao động tiên tiến không?", False),
])
def test_one_ministry_or_sector_is_named_by_its_capitalised_or_known_name(question, named):
    from assistant.understanding import names_a_sector

    assert names_a_sector(question) is named


def test_a_deadline_written_in_words_keeps_its_before():
    from assistant.answering.lead import lead_text

    lead = lead_text("date", "2. Hồ sơ gửi về Bộ Giáo dục và Đào tạo (qua Vụ Tổ chức cán bộ) trước ngày 31 tháng 8 của "
                             "năm xét chọn.", question="Hồ sơ gửi về Bộ trước ngày nào?")
    assert lead.startswith("Thời hạn: trước ngày 31 tháng 8")


def test_the_principles_asked_are_those_of_what_the_question_names(assistant):
    answer = assistant.answerer().answer("Pháp luật quy định những nguyên tắc thi đua nào?")
    assert answer.citations[0].location.startswith("Điều 5")
    assert answer.lead.startswith("Việc thi đua được thực hiện theo các nguyên tắc sau đây:")


def test_two_awards_for_one_achievement_ask_the_principle_against_rewarding_it_twice(assistant):
    answer = assistant.answerer().answer("Cùng một thành tích phòng chống bão, đơn vị vừa trình Bằng khen của Chủ tịch "
                                         "UBND tỉnh vừa tặng Giấy khen của Giám đốc Sở cho anh ấy thì có đúng không?")
    assert answer.citations[0].location.startswith("Điều 5, khoản 2")
    assert "không khen thưởng nhiều lần, nhiều hình thức cho một thành tích" in answer.lead


def test_a_list_of_khoan_asked_for_is_led_by_every_khoan(assistant):
    answer = assistant.answerer().answer("Những hành vi nào bị nghiêm cấm trong thi đua, khen thưởng?")
    assert answer.lead.startswith("Hành vi bị nghiêm cấm trong thi đua, khen thưởng:")
    assert "- 1. Tổ chức thi đua, khen thưởng trái với chính sách" in answer.lead
    assert "- 6. Sử dụng quỹ thi đua, khen thưởng trái quy định của pháp luật." in answer.lead


def test_a_nomination_in_a_year_before_the_checkers_rules_gets_no_verdict_from_them(assistant):
    """The eligibility checker holds the rules in force from 01/01/2024: a proposal of 2019 is answered by the
    texts (today's rule, then that year's), not judged by today's conditions; the form is still offered."""
    answer = assistant.answerer().answer("Đơn vị tôi năm 2015 được Bằng khen Thủ tướng, năm 2019 trình Huân chương "
                                         "Lao động hạng Ba có được không?")
    assert answer.tool is not None and answer.tool.tool == "eligibility" and not answer.tool.text
    assert answer.citations[0].doc_id == LAW.stem and "Chưa đủ thông tin" not in answer.text
    recent = assistant.answerer().answer("Tôi đạt Lao động tiên tiến năm 2024 và năm 2025, năm 2025 hoàn thành xuất "
                                         "sắc nhiệm vụ và có một sáng kiến được công nhận, có được xét Chiến sĩ thi đua "
                                         "cơ sở năm 2025 không?")
    assert recent.tool is not None and recent.tool.tool == "eligibility"


def test_a_shortened_point_keeps_the_figure_it_states(assistant):
    answer = assistant.answerer().answer("Tiêu chuẩn danh hiệu Anh hùng Lao động đối với tập thể là gì?")
    point_b = next(line for line in answer.lead.split("\n") if line.startswith("- b)"))
    assert "trong thời gian từ 10 năm trở lên" in point_b


def test_a_title_written_after_danh_hieu_is_the_title_not_its_family():
    assert understand("Tiêu chuẩn danh hiệu Anh hùng Lao động đối với tập thể là gì?").subjects == ("anh_hung_lao_dong",)
    assert understand("Hồ sơ đề nghị danh hiệu Anh hùng gồm những gì?").subjects == ("anh_hung",)


def test_the_recipient_named_after_cho_wins_over_one_named_elsewhere():
    slots = understand("Danh hiệu Anh hùng Lao động cho cá nhân thì phải đóng góp bao nhiêu năm, có cần tập thể suy tôn không?")
    assert slots.target == "ca_nhan"


def test_the_clause_after_khong_biet_says_what_a_story_sentence_asks(assistant):
    """The story's "sáng kiến được công nhận" is told; "không biết … đủ điều kiện … chưa" asks the criteria."""
    question = ("Chị trưởng phòng tôi hai lần liên tục được chiến sĩ thi đua cấp tỉnh, có sáng kiến được công nhận có "
                "phạm vi ảnh hưởng toàn quốc, nhưng không biết như vậy đã đủ điều kiện đề nghị chiến sĩ thi đua toàn "
                "quốc chưa?")
    assert understand(question).aspect == "tieu_chuan"
    cited = _first_cited(assistant, question)
    assert cited.location.startswith("Điều 21, khoản 1")


def test_how_much_a_reward_is_is_answered_with_the_amounts_and_how_it_is_reckoned_with_the_principle(assistant):
    amounts = assistant.answerer().answer("Mức tiền thưởng các danh hiệu thi đua hiện nay là bao nhiêu?")
    assert amounts.citations[0].location.startswith("Điều 50") and "1,0 lần mức lương cơ sở" in amounts.lead
    principle = _first_cited(assistant, "Tiền thưởng thi đua được tính trên cơ sở mức lương nào?")
    assert principle.location.startswith("Điều 49, khoản 1")


def test_the_amount_of_one_title_is_led_by_its_point_alone(assistant):
    lead = assistant.answerer().answer("CSTĐCS được thưởng bao nhiêu tiền?").lead
    assert "1,0 lần mức lương cơ sở" in lead
    assert "4,5 lần" not in lead and "0,3 lần" not in lead


def test_two_asks_are_both_answered_when_the_checker_only_offers_its_form(assistant):
    answer = assistant.answerer().answer("Muốn được công nhận Chiến sĩ thi đua cơ sở thì phải đạt tiêu chuẩn gì? Hồ sơ "
                                         "đề nghị công nhận Chiến sĩ thi đua cơ sở cần những gì?")
    located = [c.location for c in answer.citations]
    assert located[0].startswith("Điều 23") and any(loc.startswith("Điều 84, khoản 1") for loc in located)
    assert "Tờ trình đề nghị xét tặng danh hiệu thi đua" in answer.lead
    assert answer.tool is not None and answer.tool.tool == "eligibility"  # the pre-filled form stays offered


def test_being_awarded_a_title_asks_its_criteria_not_who_presents_it(assistant):
    """ "… để một nhà giáo được trao tặng danh hiệu …": the passive of being awarded; the ceremony is not asked."""
    question = "Điều kiện để một nhà giáo được trao tặng danh hiệu Nhà giáo ưu tú là gì? Ai trao danh hiệu này?"
    assert understand(question).aspect == "tieu_chuan"
    assert _first_cited(assistant, question).location.startswith("Điều 64")


def test_a_socio_political_organisations_titles_are_left_to_its_central_body_first(assistant):
    """Luật 06/2022 Điều 32 khoản 1: the trade union sets its own titles' criteria; the Law's Điều 27 follows."""
    located = [c.location for c in answered(
        assistant, "Công đoàn cơ sở của trường muốn xét Tập thể lao động xuất sắc thì theo tiêu chuẩn nào?").citations]
    assert located[0].startswith("Điều 32") and any(loc.startswith("Điều 27") for loc in located)
    assert _first_cited(assistant, "Tiêu chuẩn danh hiệu Tập thể lao động xuất sắc là gì?").location.startswith("Điều 27")


def test_paying_out_a_reward_is_the_reward_money(assistant):
    cited = _first_cited(assistant, "Việc chi thưởng khi khen thưởng phải theo nguyên tắc gì?")
    assert cited.doc_id == DECREE.stem and cited.location.startswith("Điều 49")


def test_for_which_organisations_asks_who_may_receive_the_title():
    assert understand("Danh hiệu Tập thể lao động xuất sắc xét cho những tổ chức nào và ai quyết định tặng?").aspect \
        == "doi_tuong"


def test_who_presents_in_the_deciders_place_is_answered_from_the_rule_not_refused(assistant):
    """Few of the story's words are in Điều 82, but it is the rule the map gives on presenting any award."""
    answer = answered(assistant, "hom truoc le tong ket giam doc ban dot xuat, pho giam doc len trao giay khen thay "
                                 "co dung khong hay phai cho giam doc ve?")
    assert answer.citations[0].location.startswith("Điều 82")


def test_an_award_the_law_does_not_know_is_still_refused_when_asked_how_it_is_presented(assistant):
    """The rule on presenting awards (Điều 82) is no answer about a foreign order the law does not name."""
    question = "Huân chương Bắc Đẩu Bội tinh của Pháp có mấy hạng, tiêu chuẩn trao tặng ra sao?"
    assert assistant.answerer().answer(question).not_found


@pytest.mark.parametrize("question,not_asked", [
    ("Tôi là chỉ huy trưởng ban chỉ huy quân sự phường, cuối năm được xét danh hiệu gì?", "xu_ly_vi_pham"),
    ("Trường chúng tôi thành lập năm 1995, nay muốn đề nghị Huân chương Lao động hạng Ba thì đủ chưa?",
     "to_chuc_hoi_dong"),
])
def test_words_holding_a_cue_ask_nothing_of_it(question, not_asked):
    """ "chỉ huy" holds "huy" (an unaccented "hủy"); "thành lập năm 1995" tells a founding date."""
    assert understand(question).aspect != not_asked


def test_the_titles_of_school_staff_are_the_education_ministrys_to_set(assistant):
    answer = answered(assistant, "Tiêu chuẩn danh hiệu thi đua đối với giáo viên trường tiểu học do đâu quy định, "
                                 "theo tỉnh hay theo Bộ?")
    assert answer.citations[0].location.startswith("Điều 32")
    assert "Bộ trưởng Bộ Giáo dục và Đào tạo" in answer.lead and "Theo từng danh hiệu" not in answer.lead


def test_a_headline_ask_naming_its_title_is_answered_first_and_the_later_ask_after_it(assistant):
    """A post opens with its main ask ("… mấy năm một lần, năm nay có xét không?"); what it asks on after
    is answered too, after it."""
    question = ("Nhà giáo ưu tú được xét tặng mấy năm một lần, năm nay có xét không? Còn giáo viên mầm non thì phải "
                "giảng dạy bao nhiêu năm mới được đề nghị Nhà giáo ưu tú?")
    assert understand(question).aspect == "thoi_diem_xet"
    located = [c.location for c in answered(assistant, question).citations]
    assert located[0].startswith("Điều 64, khoản 5") and any(loc.startswith("Điều 64, khoản 3") for loc in located)


def test_two_asks_are_shown_as_understood_each_once_in_the_answers_order(assistant):
    answer = answered(assistant, "Nghệ nhân ưu tú do ai quyết định tặng? Danh hiệu này được xét mấy năm một lần?")
    first, _, second = answer.standalone_question.partition(" — ")
    assert "do ai quyết định tặng?" in first and "mấy năm một lần" not in first
    assert "mấy năm một lần" in second and "Nghệ nhân ưu tú" in second


def test_who_decides_in_one_sector_is_its_ministrys_head(assistant):
    cited = _first_cited(assistant, "Thẩm quyền quyết định tặng danh hiệu thi đua và khen thưởng trong ngành tư pháp "
                                    "thuộc về ai?")
    assert cited.location.startswith("Điều 79") and "Bộ trưởng" in cited.quote


def test_a_headline_asking_of_the_kind_does_not_take_the_lead_from_the_ask_of_the_order_it_names(assistant):
    """ "Ngoài Huân chương Hồ Chí Minh còn những loại nào?" asks of huân chương as a kind, not of the order named;
    the later ask about the order ("tặng cho ai?") is answered, not refused."""
    question = ("Ngoài Huân chương Hồ Chí Minh còn có những loại huân chương nào? Huân chương làm bằng gì? "
                "Tặng Huân chương Hồ Chí Minh cho ai?")
    assert understand(question).aspect == "doi_tuong"
    assert answered(assistant, question).citations[0].location.startswith("Điều 35")


@pytest.mark.parametrize("question,aspect", [
    ("Viên chức xếp loại hoàn thành tốt nhiệm vụ thì có đủ ĐK bình LĐTT không?", "tieu_chuan"),
    ("Đồng nghiệp nhờ tôi ký xác nhận thành tích không đúng để đủ hồ sơ CSTĐCS, nếu tôi ký thì có vi phạm gì không?",
     "hanh_vi_bi_cam"),
])
def test_a_shortened_condition_and_a_spoken_ask_about_breaking_the_law_read_their_aspect(question, aspect):
    assert understand(question).aspect == aspect


@pytest.mark.parametrize("question,aspect", [
    ("Chưa có bằng khen của Bộ thì có được đề nghị thẳng bằng khen Thủ tướng không?", "nguyen_tac"),
    ("Huân chương Dũng cảm tặng cho TH nào ạ? Xã đề nghị lên tỉnh xin cho anh cứu người được không?", "tieu_chuan"),
])
def test_skipping_a_step_and_a_shortened_which_case_read_their_aspect(question, aspect):
    """ "đề nghị thẳng": the principle that no lower award is needed first (NĐ 152 Điều 4 khoản 1); "TH nào":
    the cases a title is for, its criteria."""
    assert understand(question).aspect == aspect


HANOI_RULES = LAW.parent.parent / "plans" / "qd-71-2025-ubnd-ha-noi.txt"


@pytest.fixture(scope="module")
def law_and_a_city(tmp_path_factory) -> Assistant:
    return indexed_assistant(tmp_path_factory.mktemp("city") / "data", [LAW, HANOI_RULES], TODAY)


def test_the_city_an_asker_lives_in_does_not_put_its_rules_before_the_law_on_a_state_honour(law_and_a_city):
    """Only the Law rules on the honours the State confers: the city's own rules share the story's words
    ("Hà Nội", "truyền nghề") but do not answer."""
    hits = law_and_a_city.searcher.search(
        "Nghệ nhân nhân dân cần hoạt động nghề bao nhiêu năm? Bố tôi làm gốm ở Bát Tràng, Hà Nội hơn 30 năm, "
        "truyền nghề cho nhiều người trong làng, năm nay Thành phố Hà Nội có đợt bình chọn. Xin cảm ơn.", 3, mode="bm25")
    assert hits[0].chunk.doc_id == LAW.stem and hits[0].chunk.location.startswith("Điều 67")


def test_a_city_title_asked_by_the_citys_name_is_still_answered_from_the_citys_rules(law_and_a_city):
    hits = law_and_a_city.searcher.search("Ở Hà Nội danh hiệu Công dân Thủ đô ưu tú mỗi năm xét tối đa bao nhiêu người?",
                                          3, mode="bm25")
    assert hits[0].chunk.doc_id == HANOI_RULES.stem


def test_who_signs_the_decision_beside_a_title_asks_who_may_award_it():
    slots = understand("CSTĐ cấp tỉnh và TTLĐXS thì ai ký QĐ vậy, Chủ tịch tỉnh hay Giám đốc Sở Nội vụ?")
    assert slots.part is None and slots.aspect == "tham_quyen_quyet_dinh"
    assert understand("Kế hoạch 157/KH-UBND năm 2025 của Cần Thơ do ai ký?").part == "signer"


def test_a_post_that_asks_tells_and_asks_again_is_read_from_its_asks(assistant):
    """The story's "trao tặng" tells what happened; the asks are about consent to a foreign award (Điều 14)."""
    question = ("Được tổ chức nước ngoài khen thưởng thì có cần xin phép ai không? Tôi là kỹ sư một công ty nhà nước, "
                "vừa rồi một hiệp hội của Hàn Quốc báo sẽ trao tặng tôi bằng khen vì đóng góp cho dự án chung. "
                "Vậy tôi có phải báo cáo cơ quan mình trước khi nhận không?")
    _asks_and_is_answered(assistant, question, "trach_nhiem", "Điều 14")


DA_NANG_UNIVERSITY = LAW.parent.parent / "plans" / "qd-4036-2022-dhdn.txt"


@pytest.fixture(scope="module")
def law_and_a_university(tmp_path_factory) -> Assistant:
    return indexed_assistant(tmp_path_factory.mktemp("university") / "data", [LAW, DA_NANG_UNIVERSITY], TODAY)


def test_a_city_the_asker_works_in_is_not_the_university_named_after_it(law_and_a_university):
    """ "TP Đà Nẵng" names the city; Đại học Đà Nẵng's own criteria are not the rule for a ward's civil servant."""
    hits = law_and_a_university.searcher.search(
        "Chiến sĩ thi đua cơ sở có bắt buộc phải có sáng kiến không? Tôi là công chức địa chính của một phường thuộc "
        "TP Đà Nẵng, năm nay được đánh giá hoàn thành xuất sắc nhiệm vụ nhưng chưa có sáng kiến được công nhận.",
        3, mode="bm25")
    assert hits[0].chunk.doc_id == LAW.stem and hits[0].chunk.location.startswith("Điều 23")


def test_the_university_named_after_a_city_is_still_found_by_its_own_name(law_and_a_university):
    hits = law_and_a_university.searcher.search(
        "Giảng viên ĐH Đà Nẵng muốn được công nhận CSTĐCS thì cần thêm tiêu chuẩn gì về bài báo khoa học?",
        3, mode="bm25")
    assert hits[0].chunk.doc_id == DA_NANG_UNIVERSITY.stem


EDUCATION_COUNCIL = LAW.parent.parent / "plans" / "qd-1609-2026-bgddt.txt"


def test_the_least_number_asked_finds_the_rule_written_with_the_texts_word(tmp_path):
    """ "tối thiểu" in the question, "ít nhất" in the council's rules (Quyết định 1609/QĐ-BGDĐT Điều 7)."""
    built = indexed_assistant(tmp_path / "data", [EDUCATION_COUNCIL], TODAY)
    hits = built.searcher.search(
        "Tôi được giao chuẩn bị phiên họp Hội đồng Thi đua - Khen thưởng Bộ Giáo dục và Đào tạo quý tới. Phiên họp cần "
        "tối thiểu bao nhiêu thành viên Hội đồng tham dự thì mới tiến hành được?", 3, mode="bm25")
    assert "ít nhất 2/3" in hits[0].chunk.body


def test_a_job_named_after_a_neighbouring_field_does_not_make_the_question_off_field(assistant):
    """ "công chức tư pháp - hộ tịch" says who asks; the asks are about reward money (NĐ 152/2025 Điều 49)."""
    answer = answered(assistant, "Đạt cả Lao động tiên tiến và Chiến sĩ thi đua cơ sở trong cùng một năm thì được nhận "
                                 "tiền thưởng của cả hai danh hiệu không? Tôi là công chức tư pháp - hộ tịch của một xã, "
                                 "năm 2025 được công nhận cả hai. Kế toán chỉ chi một khoản, vậy có đúng không?")
    assert answer.citations[0].doc_id == DECREE.stem and answer.citations[0].location.startswith("Điều 49")


def test_a_service_running_to_today_is_judged_by_todays_rules(assistant):
    """ "vào ngành từ tháng 3/2013 … đến giờ": the month starts a period that runs to today; the Law in force today
    answers, not flagged as "not yet in force" in 2013."""
    question = ("Tôi vào ngành công an từ tháng 3/2013 và công tác liên tục đến giờ, chưa bị kỷ luật. Xin hỏi với "
                "thời gian công tác như vậy thì được xét Huy chương Chiến sĩ vẻ vang hạng nào?")
    assert reference_date(question, TODAY) == TODAY
    answer = answered(assistant, question)
    assert answer.citations[0].doc_id == LAW.stem and "chưa có hiệu lực" not in answer.lead


def test_a_quorum_written_as_a_fraction_is_the_figure_the_lead_gives():
    """ "bao nhiêu thành viên … tham dự": the rule's figure is "2/3 tổng số", not the meeting's "03 tháng"."""
    from assistant.answering.lead import lead_text

    khoan = ("1. Hội đồng họp định kỳ 03 tháng một lần.\nChủ tịch Hội đồng chủ trì phiên họp. Hội đồng họp khi có ít "
             "nhất 2/3 tổng số thành viên Hội đồng tham dự.")
    lead = lead_text("number", khoan, question="Phiên họp cần tối thiểu bao nhiêu thành viên Hội đồng tham dự?")
    assert lead.startswith("2/3")
    assert not lead_text("number", "Hồ sơ nộp trước ngày 15/3 hằng năm.", question="Nộp mấy bản?").startswith("15/3")


def test_must_one_frames_what_follows_it():
    """ "có bắt buộc phải …": what must be done is asked (publishing the list), not the principles."""
    assert understand("Trước khi trình Huân chương có bắt buộc phải niêm yết danh sách không?").aspect == "cong_khai"
    assert understand("Khen thưởng có bắt buộc phải theo thứ tự từ thấp đến cao không?").aspect == "nguyen_tac"


def test_a_headline_asking_of_a_kind_of_award_sets_the_aspect_before_the_later_asks(assistant):
    question = ("Đề nghị tặng huân chương có phải công khai danh sách trước không? Sở tôi đang hoàn thiện hồ sơ cho "
                "3 tập thể. Nếu phải thì công khai ở đâu, trong bao lâu?")
    _asks_and_is_answered(assistant, question, "cong_khai", "Điều 84, khoản 5")


def test_a_headline_asking_the_rights_of_an_award_is_answered_from_the_rights_of_those_awarded(assistant):
    """Using the emblem of any award is a right of the collective awarded (Luật 06/2022 Điều 86), asked first;
    the later asks (the lost award) come after it."""
    question = ("Cơ quan được tặng Huân chương Lao động thì có được in hình huân chương lên lịch, bảng giới thiệu của cơ "
                "quan không? Còn cá nhân được tặng huân chương thì khi dự lễ có cần xin phép mới được đeo không? Lỡ làm "
                "mất hiện vật thì xin cấp lại ở đâu?")
    _asks_and_is_answered(assistant, question, "quyen_loi", "Điều 86")


def test_time_counted_double_in_hard_areas_is_the_coefficient_asked(assistant):
    """ "nhân đôi thời gian", "được tính hệ số": the coefficient for very hard areas (Điều 64 khoản 4), not the
    title's criteria."""
    question = "Giáo viên dạy ở xã đặc biệt khó khăn có được nhân đôi thời gian khi xét Nhà giáo ưu tú không?"
    _asks_and_is_answered(assistant, question, "thoi_gian_nhan_he_so", "Điều 64, khoản 4")
    assert understand("Thời gian công tác ở hải đảo có được tính hệ số khi xét Thầy thuốc ưu tú không?").aspect == \
        "thoi_gian_nhan_he_so"


def test_an_honorary_consul_is_among_the_foreigners_the_friendship_medal_is_for(assistant):
    """Luật 06/2022 Điều 58 khoản 1 điểm b names Vietnam's honorary consuls among the foreigners it is for, with their
    years in office: that khoản answers before the general criteria, though the question says no "nước ngoài"."""
    cited = _first_cited(assistant, "Bố tôi là người Đức, làm Lãnh sự danh dự của Việt Nam tại Hamburg đã 4 năm. Ông "
                                    "phải giữ chức vụ bao lâu thì được xét tặng Huy chương Hữu nghị?")
    assert cited.location.startswith("Điều 58, khoản 1")


@pytest.mark.parametrize("question,location", [
    # who decides is the authority of the level named: for a unit without legal status in a ministry, the minister
    # decides or delegates (Điều 79 khoản 3)
    ("Phòng em là đơn vị thuộc Bộ, không có tư cách pháp nhân, vậy danh hiệu Lao động tiên tiến của phòng do ai "
     "quyết định, Bộ trưởng có ủy quyền cho trưởng phòng được không?", "Điều 79, khoản 3"),
    # the commune: its chairman (Điều 80 khoản 3), not the minister named before it in the Law
    ("Công chức ở xã đạt Lao động tiên tiến thì ai ký quyết định công nhận?", "Điều 80"),
    # the years of service told pick the band that holds them ("từ 15 năm đến dưới 20 năm")
    ("Em là sĩ quan công an, đã công tác liên tục được 16 năm, vậy em được đề nghị Huy chương Chiến sĩ vẻ vang "
     "hạng nào?", "Điều 57, khoản 2"),
    ("Anh trai tôi là quân nhân chuyên nghiệp, tính đến nay được 11 năm công tác, thì xét Huy chương Chiến sĩ vẻ "
     "vang hạng gì?", "Điều 57, khoản 2"),
])
def test_the_level_or_the_years_the_asker_tells_pick_the_khoan(assistant, question, location):
    assert _first_cited(assistant, question).location.startswith(location)


def test_asked_only_of_a_kind_of_award_the_rule_on_an_award_of_that_kind_answers(assistant):
    """Asked only of "huy chương", the Huy chương Chiến sĩ vẻ vang's rule on time in hard areas (Điều 57 khoản 3)
    answers, not the same rule for the Nhà giáo danh hiệu (Điều 64), another kind of award."""
    cited = _first_cited(assistant, "Làm nhiệm vụ ở vùng đặc biệt khó khăn thì thời gian đó có được nhân hệ số khi "
                                    "xét huy chương không?")
    assert cited.location.startswith("Điều 57, khoản 3")


def test_a_deed_told_beside_a_kind_of_award_is_answered_from_the_award_for_that_deed(assistant):
    """ "Hy sinh khi cứu người … có được truy tặng huân chương không?": the Huân chương Dũng cảm (Điều 52) answers,
    and the answer is not refused for the words of the story around the deed."""
    answer = answered(assistant, "Anh tôi là bộ đội biên phòng, hy sinh khi cứu người bị lũ quét. Anh có được truy "
                                 "tặng huân chương không, thủ tục thế nào?")
    assert answer.citations[0].location.startswith("Điều 52")


def test_losing_the_right_to_be_considered_is_not_a_lost_medal():
    assert understand("Nghỉ ốm dài ngày có bị mất quyền xét Lao động tiên tiến không?").aspect != "hien_vat"
    assert understand("Bằng khen của tôi bị mất thì xin cấp lại ở đâu?").aspect == "hien_vat"


@pytest.fixture(scope="module")
def with_decisions(tmp_path_factory) -> Assistant:
    """The Law and the decree beside ministries' and provinces' own decisions (quy chế, councils)."""
    decisions = sorted((KNOWLEDGE / "plans").glob("qd-*.txt"))
    return indexed_assistant(tmp_path_factory.mktemp("decisions") / "data", [LAW, DECREE, *decisions], TODAY)


@pytest.mark.parametrize("question,location", [
    ("Chị Lê Thị M. (Huế) hỏi: Đoàn xiếc tỉnh có một diễn viên đã biểu diễn được 11 năm. Có ý kiến cho rằng phải đủ "
     "15 năm mới được đề nghị Nghệ sĩ ưu tú. Xin hỏi ý kiến đó có đúng không?", "Điều 66"),
    ("Thầy hiệu trưởng trường tôi dạy học 14 năm. Có ý kiến trong hội đồng cho rằng chưa đủ năm để đề nghị Nhà giáo "
     "ưu tú. Xin hỏi ý kiến đó có đúng không?", "Điều 64"),
])
def test_a_state_honour_asked_of_no_document_is_answered_by_the_law_not_a_local_decision(with_decisions, question,
                                                                                          location):
    top = with_decisions.searcher.search(question, 3)[0].chunk
    assert top.doc_id == LAW.stem and top.location.startswith(location)


def test_an_ask_opening_with_va_is_added_to_the_main_ask():
    question = ("Năm nay chị được cả CSTĐCS và LĐTT cho cùng năm công tác. Chị được nhận tiền thưởng cả hai danh hiệu "
                "hay chỉ một? Và tiền thưởng tính theo mức lương cơ sở ở thời điểm nào vậy?")
    assert understand(question).aspect == "muc_tien_thuong"


def test_a_headline_naming_no_award_keeps_its_aspect_before_longer_asks():
    question = ("Giám đốc sở có được phát động phong trào thi đua theo chuyên đề không? Phát động rồi có phải báo cáo "
                "lên tỉnh không, và tiền thưởng khi tổng kết lấy từ nguồn nào?")
    assert understand(question).aspect == "tham_quyen_phat_dong"
    # a definition leads in; the ask after it is the question
    assert understand("Danh hiệu thi đua là gì? Người được tặng danh hiệu có quyền lưu giữ, trưng bày hiện vật "
                      "không?").aspect != "dinh_nghia"


def test_the_notion_of_the_first_ask_is_looked_up_before_that_of_an_ask_added_after_it(assistant):
    cited = _first_cited(assistant, "Cùng lúc em được cả Lao động tiên tiến lẫn Chiến sĩ thi đua cơ sở thì nhận "
                                    "tiền thưởng cả hai hay chỉ một? Ngoài ra số tiền lẻ có được làm tròn không?")
    assert cited.doc_id == DECREE.stem and cited.location.startswith("Điều 49, khoản 5")


def test_a_ceiling_asked_is_answered_by_the_passage_stating_it(with_decisions):
    top = with_decisions.searcher.search("Theo quy chế mới của Hà Nội thì danh hiệu Công dân Thủ đô ưu tú mỗi năm "
                                         "được xét tặng nhiều nhất bao nhiêu người?", 3)[0].chunk
    assert top.doc_id == "qd-71-2025-ubnd-ha-noi" and "không quá 10 cá nhân" in top.body


@pytest.mark.parametrize("question", [
    "Bác bảo vệ cơ quan tôi là người lao động hợp đồng, năm nay có được xét Lao động tiên tiến không, cần tiêu chuẩn gì?",
    "Chị đồng nghiệp của tôi là viên chức thư viện trường, năm nay hoàn thành tốt nhiệm vụ. Chị hỏi muốn được Lao "
    "động tiên tiến thì phải đạt những gì?",
])
def test_the_lead_quotes_the_khoan_for_the_staff_not_the_one_for_farmers_and_workers(assistant, question):
    """Điều 24 holds both: khoản 1 for cán bộ, công chức, viên chức, người lao động of an agency, khoản 3 for công
    nhân, nông dân and others; the question names no farmer or worker."""
    assert "cán bộ, công chức, viên chức" in answered(assistant, question).lead


def test_a_ceiling_asked_first_is_the_lead_before_a_second_ask_in_the_same_article(with_decisions):
    answer = answered(with_decisions, "Theo quy chế của Hà Nội, mỗi năm tặng danh hiệu Công dân Thủ đô ưu tú nhiều "
                                      "nhất cho mấy người? Người đã mất có được truy tặng không?")
    assert "không quá 10 cá nhân" in answer.lead


@pytest.mark.parametrize("question,khoan,words", [
    ("Phòng có ba người cùng đủ chuẩn mà chỉ được đề nghị một suất, vậy ưu tiên chọn người nào?", 6, "cá nhân nữ"),
    # NĐ 152/2025 Điều 4 khoản 3: ad hoc and thematic commendation are no ground for a higher award for merit
    ("Mấy bằng khen thi đua chuyên đề của tỉnh có được tính để đề nghị Huân chương Lao động hạng Ba không?", 3,
     "không dùng làm căn cứ"),
    ("Giấy khen đột xuất vì chống bão năm ngoái có được cộng vào thành tích khi xét Bằng khen Thủ tướng không?", 3,
     "không dùng làm căn cứ"),
])
def test_a_principle_asked_in_the_officers_words_is_its_own_khoan(assistant, question, khoan, words):
    answer = answered(assistant, question)
    assert (answer.citations[0].doc_id, answer.citations[0].location) == (DECREE.stem, f"Điều 4, khoản {khoan}")
    assert words in answer.lead


@pytest.mark.parametrize("question", [
    "Con tôi đang du học bên Nhật, không về nước được thì ai sẽ trao huân chương cho cháu?",
    "Hội người Việt chỗ tôi bên Séc được Bằng khen của Bộ Ngoại giao, chúng tôi có phải về Việt Nam để nhận không?",
])
def test_who_presents_an_award_to_someone_abroad_is_the_ambassador(assistant, question):
    answer = answered(assistant, question)
    assert answer.citations[0].location.startswith("Điều 82") and "Đại sứ" in answer.lead


def test_the_points_of_a_criteria_list_keep_the_words_that_close_them(assistant):
    """Điều 41 khoản 1 điểm b ends on "được nêu gương trong toàn quốc": the reach is the criterion."""
    lead = answered(assistant, "Muốn được Huân chương Quân công hạng Ba thì cá nhân cần những tiêu chuẩn gì?").lead
    assert "nêu gương trong toàn quốc" in lead


@pytest.mark.parametrize("question,text,article", [
    # Nghị định 152/2025 answers, not the next link of the chain (Nghị định 98/2023, itself replaced)
    ("Nghị định 91/2017 trước đây cho Lao động tiên tiến 0,3 lần lương cơ sở, vậy theo quy định mới thì mức thưởng "
     "là bao nhiêu?", DECREE, "Điều 50"),
    ("Em đọc Luật Thi đua, khen thưởng 2003 thì không thấy nói, vậy theo luật hiện hành người được phong Nhà giáo ưu "
     "tú mà bị phạt tù thì có bị tước danh hiệu không ạ?", LAW, "Điều 93"),
])
def test_an_old_text_the_asker_knew_beside_the_rule_in_force_asked_is_answered_by_the_text_in_force(
        assistant, question, text, article):
    """The asker names a replaced text and asks what the rule is now (“quy định mới”, “luật hiện hành”)."""
    answer = answered(assistant, question)
    assert (answer.citations[0].doc_id, answer.citations[0].location.split(",")[0]) == (text.stem, article)


@pytest.mark.parametrize("question,khoan", [
    ("Giám đốc công ty tôi có được tự ký quyết định tặng Lao động tiên tiến cho công nhân không?", "khoản 4"),
    ("Chủ tịch xã có quyền quyết định tặng danh hiệu Lao động tiên tiến không?", "khoản 3"),
    # the kind of organisation named stands for its head
    ("Hợp tác xã chúng tôi muốn tự khen Lao động tiên tiến cho xã viên thì ai ký quyết định?", "khoản 4"),
])
def test_who_decides_on_a_title_in_the_body_named_is_that_bodys_khoan(assistant, question, khoan):
    """Điều 80 gives the decision on "Lao động tiên tiến" to a different head in each kind of body."""
    answer = answered(assistant, question)
    assert answer.citations[0].location == f"Điều 80, {khoan}"


@pytest.mark.parametrize("question,location", [
    # whether an anniversary counts as the defined term, in chat without diacritics: "có tính là năm tròn"
    ("xa minh thanh lap 35 nam thi co tinh la nam tron de xin khen thuong k", "Điều 3"),
    # "k" closing a chat question before its sign-off words asks yes or no: "có vi phạm gì không"
    ("ban em lay huy chuong cua bo di ban tren cho mang, vay co vi pham gi k ac", "Điều 15"),
    # an honour taken away, then the conviction quashed: restored (khoản 6), not the cases of taking it (khoản 3)
    ("Bố tôi được phong Thầy thuốc ưu tú, sau đó bị tước vì án hình sự, nay tòa phúc thẩm tuyên không có tội thì "
     "danh hiệu có được khôi phục lại không?", "Điều 93, khoản 6"),
    # the old Law named as ended: what it awarded is kept by the transitional article of the Law in force
    ("Mẹ tôi được tặng Huy chương năm 2008 theo Luật Thi đua, khen thưởng 2003, nay luật đó hết hiệu lực rồi thì "
     "huy chương có còn được thừa nhận không?", "Điều 95"),
    # the ban list asked by name, beside the acts it lists (which also name the sanctions' article)
    ("Khai man thành tích, làm giả giấy tờ để được khen có phải là hành vi bị nghiêm cấm trong thi đua, khen thưởng "
     "không?", "Điều 15"),
    # a paper the file must hold, not a lower award required first
    ("Hồ sơ đề nghị danh hiệu Chiến sĩ thi đua cơ sở có bắt buộc phải có giấy chứng nhận sáng kiến không?", "Điều 84"),
    # a replaced decree a colleague cites is the claim checked: the rule in force answers
    ("Năm nay phòng em định đề nghị anh Tú Chiến sĩ thi đua cấp tỉnh, nhưng chị phó phòng bảo theo Nghị định 98/2023 "
     "thì phải có 6 năm Chiến sĩ thi đua cơ sở liên tục. Vậy phải có mấy lần liên tục đạt Chiến sĩ thi đua cơ sở mới "
     "được xét?", "Điều 22"),
    # a rule heard, then "có đúng vậy không": the rule told is what is asked, not the count asked after it
    ("Nghe các cô trong trường nói thời gian dạy ở vùng đặc biệt khó khăn được tính gấp đôi khi xét Nhà giáo ưu tú, "
     "có đúng vậy không mọi người? Nếu đúng thì mình đã đủ năm chưa và đợt xét tới là năm nào?", "Điều 64, khoản 4"),
    ("Tôi là y sĩ, đã làm 12 năm ở trạm y tế xã vùng cao. Xin hỏi thời gian ở vùng đặc biệt khó khăn có được tính thêm "
     "khi xét Thầy thuốc ưu tú không?", "Điều 65, khoản 4"),
    # someone abroad asks whether they must come home to receive it: who presents it there
    ("Tôi là kiều bào ở Đức, được báo sẽ được tặng Bằng khen của Thủ tướng Chính phủ. Tôi có bắt buộc phải về Việt Nam "
     "để nhận không?", "Điều 82"),
    # a neighbour's claim that titles under the old Law lost their worth
    ("Ông tôi được tặng Bằng khen của Thủ tướng năm 2015. Có người bảo luật cũ hết hiệu lực rồi thì bằng khen đó không "
     "còn giá trị, chế độ kèm theo cũng bị cắt. Nói vậy có đúng không?", "Điều 95"),
    # the head of a company's board, as chat writes it
    ("Cty CP bên em thì CT HĐQT có đc ký GK cho NLĐ ko hay chỉ GĐ mới được ký? ae chỉ giúp với", "Điều 75"),
    ("CT UBND xa co duoc ky QD cong nhan LDTT va GK cho CBCC xa ko hay phai trinh huyen?", "Điều 80, khoản 3"),
    ("Cờ TĐ CP xét cho tập thể ntn mn? đơn vị mình dẫn đầu khối 2 năm liền, năm nay đề nghị lên Cờ CP luôn có đc ko",
     "Điều 25"),
])
def test_what_a_post_asks_in_its_own_words_reaches_the_article_that_answers(assistant, question, location):
    cited = _first_cited(assistant, question)
    assert cited.doc_id == LAW.stem and cited.location.startswith(location)


def test_a_post_typed_without_question_marks_is_read_from_its_asking_sentences():
    post = ("Tổ tôi có 6 người, 5 người đạt lao động tiên tiến, 1 người bị cảnh cáo, không sao. Như vậy có đúng không "
            "hay tổ bị loại vì có người bị kỷ luật. nếu bị loại thì năm sau có ảnh hưởng gì không. Tôi cảm ơn")
    assert understand(without_asker(post)).focus == ("Như vậy có đúng không hay tổ bị loại vì có người bị kỷ luật? nếu "
                                                     "bị loại thì năm sau có ảnh hưởng gì không?")
    assert without_asker("Tiêu chuẩn CSTĐCS là gì") == "Tiêu chuẩn CSTĐCS là gì"  # one sentence is left as typed


def test_who_presents_an_award_to_those_abroad_is_answered_by_the_embassy_khoan(assistant):
    answer = answered(assistant, "Tập thể ở nước ngoài được Nhà nước ta khen thưởng thì do ai trao tặng?")
    assert answer.citations[0].location.startswith("Điều 82") and answer.lead.startswith("Đại sứ")
    assert "Đại sứ" in answer.citations[0].quote


def test_the_law_named_as_the_one_in_force_is_the_2022_law(assistant):
    named = mentioned_documents("Sáng kiến là gì theo Luật Thi đua, khen thưởng hiện hành?", assistant.catalogue)
    assert [entry.doc_id for entry in named] == [LAW.stem]


def test_what_the_file_still_needs_asks_the_file_though_nua_closes_the_ask(assistant):
    question = ("Cơ quan tôi muốn làm hồ sơ đề nghị bằng khen của Thủ tướng cho một phó giám đốc sở. Văn thư bảo phải "
                "có tờ trình, báo cáo thành tích. Ngoài ra hồ sơ còn cần những gì nữa?")
    assert _first_cited(assistant, question).location.startswith("Điều 84")


@pytest.mark.parametrize("question,location", [
    # two awards at one time: "cùng thời điểm" names the case, it asks no time
    ("Anh Hùng vừa được Chiến sĩ thi đua cơ sở vừa được Giấy khen cùng một thời điểm, tiền thưởng được xác định như "
     "thế nào?", "Điều 49, khoản 7"),
    # a business's head considers or proposes; the khoản leaving details to the Government comes after
    ("Với doanh nghiệp tư nhân thì ai có trách nhiệm xét tặng hoặc trình cấp trên khen thưởng cho người lao động?",
     "Điều 83, khoản 1"),
])
def test_what_is_asked_of_a_notion_without_a_title_reaches_its_khoan(assistant, question, location):
    assert _first_cited(assistant, question).location == location


@pytest.mark.parametrize("question,location,lead_has", [
    ("Giám đốc công ty TNHH hai thành viên có được tự ký giấy khen cho công nhân không ạ?", "Điều 75, khoản 1",
     "Giám đốc doanh nghiệp"),
    ("Chủ tịch hội đồng thành viên của tổng công ty có được ký tặng giấy khen không?", "Điều 75, khoản 1",
     "Chủ tịch Hội đồng thành viên"),
    # a title besides: who decides it
    ("Giám đốc doanh nghiệp có được ký quyết định công nhận Lao động tiên tiến cho công nhân không?",
     "Điều 80, khoản 4", "Lao động tiên tiến"),
])
def test_whether_a_giver_may_sign_a_giay_khen_is_answered_by_the_kinds_of_giay_khen(assistant, question, location,
                                                                                    lead_has):
    """The Law lists each giver's giấy khen (Điều 75 khoản 1); who decides a title is Điều 80."""
    answer = answered(assistant, question)
    assert answer.citations[0].location == location and lead_has in answer.lead


@pytest.mark.parametrize("question,article,lead_has", [
    ("Cô giáo tôi dạy 30 năm, có được đề nghị thẳng Nhà giáo nhân dân không hay bắt buộc phải có Nhà giáo ưu tú "
     "trước?", "Điều 64", "Nhà giáo ưu tú"),
    ("Chưa có Chiến sĩ thi đua cơ sở lần nào thì có được đề nghị thẳng chiến sĩ thi đua cấp tỉnh không, hay phải "
     "đi từ thấp lên?", "Điều 22", "03 lần liên tục"),
])
def test_skipping_a_title_the_criteria_require_is_answered_by_that_criterion(assistant, question, article, lead_has):
    """A lower award is not needed first (Nghị định 152/2025 Điều 4 khoản 1), except where a title's own criteria
    require it: then that criterion answers."""
    answer = answered(assistant, question)
    assert answer.citations[0].location.startswith(article) and lead_has in answer.lead


def test_skipping_a_bang_khen_level_is_still_the_principle_since_no_criterion_requires_it(assistant):
    answer = answered(assistant, "Chưa có Bằng khen cấp tỉnh thì có được đề nghị thẳng Bằng khen của Thủ tướng không?")
    assert (answer.citations[0].doc_id, answer.citations[0].location) == (DECREE.stem, "Điều 4, khoản 1")


def test_an_ask_pointing_back_to_the_rule_the_asker_heard_is_answered_by_that_rule(assistant):
    """ "Em nghe nói … thì phải ưu tiên nữ. Có quy định như vậy không?": the ask is about the sentence before it."""
    cited = _first_cited(assistant, "Tổ em có chị Hoa và anh Nam cùng đạt Chiến sĩ thi đua cơ sở, cùng có sáng kiến, "
                                    "nhưng trường chỉ được một suất Bằng khen của Chủ tịch UBND cấp tỉnh. Em nghe nói khi "
                                    "hai người cùng đủ tiêu chuẩn thì phải ưu tiên nữ. Xin hỏi có quy định như vậy "
                                    "không, nằm ở văn bản nào?")
    assert (cited.doc_id, cited.location) == (DECREE.stem, "Điều 4, khoản 6")


def test_the_rule_on_a_case_asked_in_a_story_leads_before_the_checkers_verdict(assistant):
    """A first-person story with the title held, but the ask is whether maternity leave counts: the rule (Nghị định
    152/2025 Điều 4 khoản 5) answers first; the eligibility check follows it."""
    answer = answered(assistant, "Chào anh chị, em là Trần Thị Mai, giáo viên tiểu học ở Nghệ An. Em nghỉ thai sản 6 "
                                 "tháng từ tháng 9/2025 đến tháng 3/2026, đi làm lại từ đầu tháng 3 và vẫn hoàn thành "
                                 "tốt công việc được giao. Cuối năm học 2025-2026 tổ không bình xét em Lao động tiên "
                                 "tiến, bảo là theo thông tư 12 ai nghỉ quá 40 ngày thì không được xét thi đua. Cho em "
                                 "hỏi thời gian nghỉ thai sản có được tính để xét danh hiệu thi đua, khen thưởng không "
                                 "ạ?")
    assert "nghỉ thai sản" in answer.lead and "được tính" in answer.lead
    assert (answer.citations[0].doc_id, answer.citations[0].location) == (DECREE.stem, "Điều 4, khoản 5")


def test_bang_khen_of_the_provincial_chairman_written_with_cap_tinh_is_the_provincial_award():
    assert understand("Tập thể cần mấy năm hoàn thành xuất sắc nhiệm vụ để được Bằng khen của Chủ tịch UBND cấp tỉnh?"
                      ).subjects == ("bang_khen_cap_tinh",)


@pytest.mark.parametrize("question,periods", [
    ("Theo công điện của Thủ tướng hồi cuối tháng 11/2025, Văn phòng Chính phủ báo cáo vào lúc nào?", ()),
    ("Quy trình Bộ Y tế ban hành tháng 11/2025 có tổng thời gian xử lý bao nhiêu ngày?", ()),
    ("Kế hoạch năm 2026 giao những việc gì trong quý II và tháng 10?", ("quy ii", "thang 10")),
])
def test_the_month_a_document_was_issued_is_no_part_of_the_year_asked(question, periods):
    assert understand(question).periods == periods


def test_a_replaced_decree_in_a_sentence_someone_else_says_is_their_claim(assistant):
    """ "Trưởng phòng bảo cứ làm …, theo Nghị định 98/2023 thì …": the claim checked; the Law in force answers."""
    cited = _first_cited(assistant, "Phòng em có 9 người, năm nay 7 người đạt Lao động tiên tiến, 1 bạn không hoàn thành "
                                    "nhiệm vụ. Trưởng phòng bảo cứ làm hồ sơ Tập thể lao động xuất sắc như mọi năm, theo "
                                    "Nghị định 98/2023 thì chỉ cần trên 70% lao động tiên tiến là được. Vậy phòng em có "
                                    "đủ tiêu chuẩn Tập thể lao động xuất sắc không?")
    assert (cited.doc_id, cited.location.split(",")[0]) == (LAW.stem, "Điều 27")


@pytest.mark.parametrize("text,cited", [
    ("chị trưởng phòng bảo theo nghị định 91/2017 thì", True),
    ("anh bên tài chính dẫn điều 67 nghị định 91/2017", True),
    # read with diacritics: "hướng dẫn", "Hà Nội", "báo cáo" report no one's claim
    ("theo hướng dẫn tại nghị định 91/2017", False),
    ("ở hà nội, theo nghị định 91/2017", False),
    ("sở nội vụ báo cáo theo nghị định 91/2017", False),
])
def test_whose_claim_a_named_text_is(text, cited):
    from assistant.validity import _cited_by_others
    assert _cited_by_others(text, text.index("nghị định")) is cited


def test_how_to_accept_a_foreign_award_is_answered_by_the_consent_it_needs(assistant):
    answer = answered(assistant, "Tôi là giảng viên đại học. Một hiệp hội khoa học của Nhật Bản báo sẽ trao cho tôi giải "
                                 "thưởng kèm huy hiệu danh dự, mời sang Tokyo nhận. Đồng nghiệp bảo nhận khen thưởng của "
                                 "nước ngoài phải xin phép. Xin hỏi tôi có phải xin phép hay báo cáo ai trước khi nhận "
                                 "không? Nếu có thì thủ tục thế nào?")
    assert not answer.not_found and answer.citations[0].location.startswith("Điều 14")


def test_a_closing_is_it_right_checks_the_clause_before_it_and_asks_nothing_of_its_own(assistant):
    answer = answered(assistant, "Mẹ tôi được phong Nhà giáo ưu tú năm 2010, nghe nói luật cũ hết hiệu lực thì danh hiệu "
                                 "đó không còn giá trị nữa, có đúng không ạ?")
    assert answer.citations[0].location.startswith("Điều 95")
    assert FOLLOW_UP_JOINER not in answer.standalone_question


@pytest.mark.parametrize("story,article", [
    ("Dạ em chào luật sư. Em công tác tại phòng tổ chức hành chính của một bệnh viện đa khoa tuyến tỉnh ở Thanh Hóa, "
     "năm 2026 giám đốc bệnh viện giao em tổng hợp danh sách cán bộ, y bác sĩ có thành tích xuất sắc trong đợt dịch sốt "
     "xuất huyết vừa qua để trình Chủ tịch UBND tỉnh tặng Bằng khen. Em mới chuyển công tác sang mảng này nên chưa nắm "
     "rõ. Bên em cần chuẩn bị những giấy tờ gì ạ?", "Điều 84"),
    ("Mẹ tôi năm nay 78 tuổi, trước đây là y tá thời chống Mỹ ở chiến trường miền Nam, sau hòa bình về làm ở trạm xá xã "
     "đến lúc nghỉ hưu, có nhiều huân chương kháng chiến. Gia đình nghe nói mẹ đủ điều kiện được tặng Huân chương Lao "
     "động hạng Ba theo diện cống hiến lâu dài. Vậy các con phải chuẩn bị giấy tờ gì, gửi cho ai ạ?", "Điều 83"),
])
def test_a_long_story_asking_an_aspect_of_a_named_award_gets_the_provision_the_law_map_gives_not_a_refusal(
        assistant, story, article):
    answer = answered(assistant, story)
    assert not answer.not_found
    assert answer.citations[0].location.startswith(article)


def test_ai_la_nguoi_quyet_dinh_asks_who_decides_the_title_named_before_it(assistant):
    _asks_and_is_answered(assistant, "Anh em trong đơn vị mình vừa rồi bình bầu, tổ công tác của đội được nhất trí đề "
                                     "nghị danh hiệu Tập thể lao động xuất sắc, nhưng chỉ huy đội cho là không đủ vì năm "
                                     "trước có một đồng chí bị khiển trách. Mình băn khoăn không biết ai là người quyết "
                                     "định cuối cùng việc công nhận danh hiệu này ạ?", "tham_quyen_quyet_dinh", "Điều 79")


def test_a_bare_huan_chuong_hang_ba_is_the_labour_orders_and_the_titles_told_as_held_do_not_lead(assistant):
    question = ("Bố tôi làm kỹ sư ở tổng công ty điện lực hơn 25 năm, đã có Bằng khen của Thủ tướng và 4 lần danh hiệu "
                "thi đua cơ sở. Năm nay đơn vị định làm hồ sơ đề nghị huân chương hạng ba cho ông. Xin hỏi ông cần đạt "
                "những tiêu chuẩn gì?")
    assert understand(question).subjects == ("huan_chuong_lao_dong_hang_ba",)
    assert _first_cited(assistant, question).location.startswith("Điều 44")


def test_a_kind_of_award_told_beside_the_deed_one_of_its_awards_is_for_asks_that_award(assistant):
    _asks_and_is_answered(assistant, "Anh tôi lao xuống sông cứu được ba em học sinh bị đuối nước. Mọi người bảo anh có "
                                     "thể được đề nghị một huân chương. Xin hỏi loại huân chương đó tặng cho những "
                                     "trường hợp nào?", "tieu_chuan", "Điều 52")


def test_where_a_fund_comes_from_is_asked_even_when_the_question_speaks_of_paying_rewards_from_it(assistant):
    _asks_and_is_answered(assistant, "Tiền chi thưởng cho các danh hiệu ở cơ quan tôi đều lấy từ quỹ, vậy quỹ đó được "
                                     "hình thành từ những nguồn nào?", "nguon_quy", "Điều 11, khoản 1")


def test_the_day_a_decree_ends_is_read_from_the_sentence_its_repeal_refers_to(assistant):
    question = "Cho mình hỏi Nghị định 98/2023 về thi đua khen thưởng bị bãi bỏ từ khi nào vậy?"
    assert understand(question).aspect == "hieu_luc"
    answer = answered(assistant, question)
    assert answer.citations[0].location.startswith("Điều 59")
    assert "01 tháng 7 năm 2025" in answer.lead


def test_a_choice_between_two_signers_asks_who_decides_before_where_the_file_goes(assistant):
    _asks_and_is_answered(assistant, "Bằng khen cấp tỉnh cho trường mầm non thì Chủ tịch UBND tỉnh ký QĐ hay Giám đốc Sở "
                                     "ký, hồ sơ nộp về đâu?", "tham_quyen_quyet_dinh", "Điều 79")


def test_how_many_a_commune_may_nominate_is_read_in_the_plans_quota_section(tmp_path):
    plan = KNOWLEDGE / "plans" / "kh-0125-2025-ubnd-dak-lak.txt"
    built = indexed_assistant(tmp_path / "data", [plan, LAW], TODAY)
    question = "Theo kế hoạch thi đua về bầu cử của tỉnh Đắk Lắk, mỗi phường được đề nghị mấy trường hợp Bằng khen?"
    assert understand(question).aspect == "ty_le_so_luong"
    answer = answered(built, question)
    assert "02 trường hợp" in answer.text


def test_a_reward_counted_in_lcs_asks_the_amount_of_the_reward(assistant):
    answer = answered(assistant, "Mức thưởng LĐTT bây giờ là mấy lần LCS ạ?")
    assert (answer.citations[0].doc_id, answer.citations[0].location.split(",")[0]) == (DECREE.stem, "Điều 50")


def test_who_sets_the_name_and_recipients_of_a_commemorative_medal_asks_who_rules_not_who_awards(assistant):
    _asks_and_is_answered(assistant, "Cơ quan nào có thẩm quyền quy định tên, đối tượng tặng kỷ niệm chương của một "
                                     "bộ?", "tham_quyen_quy_dinh", "Điều 71")


def test_being_left_out_of_a_collective_title_is_answered_by_its_criteria(assistant):
    _asks_and_is_answered(assistant, "Tổ em có một người bị khiển trách trong năm thì tổ có bị loại khỏi danh sách Tập "
                                     "thể lao động tiên tiến không?", "tieu_chuan", "Điều 28")


@pytest.mark.parametrize("question,named", [
    ("NĐ 98/2023 hết hiệu lực rồi nên em không biết tra ở đâu, hồ sơ Bằng khen Thủ tướng gồm gì?", False),
    ("Khen đột xuất có dùng làm căn cứ đề nghị khen cao hơn không? Nghị định 98/2023/NĐ-CP thì em nhớ là không.", False),
    ("NĐ 98/2023 hết hiệu lực rồi à?", True),
    ("Nghị định 98/2023/NĐ-CP hết hiệu lực từ ngày nào?", True),
])
def test_an_old_decree_the_asker_knows_has_ended_or_only_remembers_is_not_the_text_asked(assistant, question, named):
    assert any(e.doc_id == OLD_DECREE.stem for e in mentioned_documents(question, assistant.catalogue)) is named


def test_tro_cap_xa_hoi_names_no_commune():
    slots = understand("Phong trào chi trả trợ cấp xã hội không dùng tiền mặt được khen những hình thức nào?")
    assert "cap_xa" not in slots.terms


def test_a_ministrys_guidance_named_by_its_short_name_and_year_is_the_document_read(tmp_path):
    guidance = KNOWLEDGE / "plans" / "cv-2851-2021-bgddt.txt"
    built = indexed_assistant(tmp_path / "data", [guidance, LAW, KNOWLEDGE / "legal" / "tt-01-2024-TT-BNV.txt"], TODAY)
    answer = answered(built, "Theo hướng dẫn công nhận sáng kiến của Bộ GD năm 2021, người góp bao nhiêu phần trăm "
                             "thì được ghi là đồng tác giả?")
    assert answer.citations[0].doc_id == guidance.stem
    assert "30%" in answer.lead


@pytest.mark.parametrize("question,aspect", [
    ("Ông tôi từng là thanh niên xung phong. Hiện nay Huy chương TNXP vẻ vang còn xét không, thời gian tại ngũ tối "
     "thiểu là bao nhiêu?", "tieu_chuan"),
    ("Tỷ lệ phiếu tối thiểu là bao nhiêu để được CSTĐCS?", "ty_le_phieu"),  # the share of votes stays asked
])
def test_the_least_an_award_asks_is_its_criteria_unless_a_cue_names_what_is_counted(question, aspect):
    assert understand(question).aspect == aspect



@pytest.mark.parametrize("question,named", [
    ("Kế toán cơ quan em vẫn tính tiền thưởng CSTĐCS theo NĐ 91/2017 cũ, như thế có đúng không?", False),
    ("NĐ 91/2017 cụ thể quy định tiền thưởng CSTĐCS thế nào?", True),
])
def test_a_decree_the_asker_calls_old_is_not_the_text_asked(assistant, question, named):
    assert any(e.doc_id == "nd-91-2017-ND-CP" for e in mentioned_documents(question, assistant.catalogue)) is named


@pytest.mark.parametrize("question,kind", [
    ("Quy chế của thành phố mỗi năm xét tặng tối đa mấy người? Hồ sơ gửi về Sở Nội vụ trước ngày nào?", "number"),
    ("Hồ sơ gửi về Sở Nội vụ trước ngày nào? Mỗi năm xét tặng tối đa mấy người?", "date"),
])
def test_of_two_asking_sentences_the_first_says_what_kind_of_answer_is_wanted(question, kind):
    assert understand(question).kind == kind


@pytest.mark.parametrize("question,named", [
    ("Theo quy chế tổ chức và hoạt động của Hội đồng Thi đua - Khen thưởng Bộ, phải có bao nhiêu thành viên dự thì "
     "mới họp được?", True),
    ("Quy chế tổ chức và hoạt động của cụm thi đua do ai ban hành?", False),
])
def test_a_regulation_named_by_the_opening_words_of_its_title_is_the_document_asked(assistant, question, named):
    names = [e.doc_id for e in mentioned_documents(question, assistant.catalogue)]
    assert ("qd-1609-2026-bgddt" in names) is named


def test_a_question_on_a_council_named_by_its_regulations_title_is_answered_from_that_regulation(tmp_path):
    regulation = KNOWLEDGE / "plans" / "qd-1609-2026-bgddt.txt"
    built = indexed_assistant(tmp_path / "data", [regulation, LAW], date(2026, 12, 1))
    answer = answered(built, "Theo quy chế tổ chức và hoạt động của Hội đồng Thi đua - Khen thưởng Bộ, phải có bao "
                             "nhiêu thành viên dự thì mới họp được?")
    assert answer.citations[0].doc_id == regulation.stem


def test_sign_off_words_after_the_question_word_do_not_hide_what_is_asked(assistant):
    _asks_and_is_answered(assistant, "Quỹ thi đua khen thưởng của xã được hình thành từ nguồn nào vậy mọi người?",
                          "nguon_quy", "Điều 11, khoản 1")


def test_the_day_an_older_decree_was_repealed_is_in_the_lead_even_when_the_lead_is_cut(assistant):
    answer = answered(assistant, "Cho mình hỏi Nghị định 91/2017 về thi đua khen thưởng bị bãi bỏ từ khi nào?")
    assert answer.citations[0].doc_id == OLD_DECREE.stem
    assert "01 tháng 01 năm 2024" in answer.lead


@pytest.mark.parametrize("question,target", [
    ("Bố em làm ở công ty xi măng 30 năm, năm nay công ty làm hồ sơ đề nghị huân chương hạng nhì cho bố em. Tiêu "
     "chuẩn cái đó là gì ạ?", "ca_nhan"),
    ("Công ty mẹ tôi được tặng Huân chương Lao động hạng Ba, tiêu chuẩn là gì?", "tap_the"),  # a parent company
])
def test_a_relative_an_award_is_asked_for_is_an_individual(question, target):
    assert understand(question).target == target


def test_the_criteria_of_an_order_asked_for_a_relative_are_the_individuals_khoan(assistant):
    answer = answered(assistant, "Bố em làm ở công ty xi măng 30 năm, năm nay công ty làm hồ sơ đề nghị huân chương hạng "
                                 "nhì cho bố em. Tiêu chuẩn cái đó là gì ạ?")
    assert answer.citations[0].location.startswith("Điều 43, khoản 1")


def test_the_base_a_vote_share_is_counted_on_does_not_make_it_a_question_on_the_councils_members(assistant):
    question = ("Năm 2024 Hội đồng TĐKT tỉnh họp xét CSTĐ cấp tỉnh thì phiếu đồng ý phải đạt bao nhiêu phần trăm trên "
                "tổng số thành viên hội đồng?")
    _asks_and_is_answered(assistant, question, "ty_le_phieu", "Điều 30, khoản 7")


@pytest.mark.parametrize("question,named", [
    ("Đồng chí kế toán bị kỷ luật khiển trách, thời hạn kỷ luật 6 tháng, thì năm nay có được xét thi đua không?", []),
    ("Luật 06 năm 2022 quy định tiêu chuẩn Lao động tiên tiến thế nào?", ["luat-06-2022-QH15"]),
    ("Nghị định 152 năm 2025 có hiệu lực từ ngày nào?", ["nd-152-2025-ND-CP"]),
])
def test_a_number_counting_months_after_ky_luat_names_no_law(assistant, question, named):
    found = [e.doc_id for e in mentioned_documents(question, assistant.catalogue)]
    assert all(doc in found for doc in named) and (named or not found)


def test_from_when_achievements_count_after_a_discipline_is_the_decrees_khoan_on_discipline(assistant):
    question = ("Anh Tùng ở phòng em bị kỷ luật khiển trách năm 2025, thời hạn kỷ luật 6 tháng, nay đã hết hạn. Vậy "
                "thành tích để xét khen của anh ấy được tính từ thời điểm nào?")
    _cites_first(assistant, question, DECREE.stem, "Điều 4, khoản 4")


def test_a_rule_on_a_notion_asked_after_muon_biet_is_not_taken_for_the_storys_file(tmp_path):
    """ "… làm hồ sơ thăng hạng nên muốn biết: thời gian nghỉ thai sản có được tính …": the principle on the leave is
    asked, in the decree of the year named, not what a file holds."""
    question = ("Năm 2019 chị tôi nghỉ thai sản 6 tháng, giờ chị làm hồ sơ thăng hạng cần kê khai thành tích nên muốn "
                "biết: theo quy định năm 2019, thời gian nghỉ thai sản có được tính để bình xét không?")
    assert understand(question).aspect == "nguyen_tac"
    built = indexed_assistant(tmp_path / "data", [KNOWLEDGE / "legal" / "nd-91-2017-ND-CP.txt", OLD_LAW, DECREE],
                              TODAY)
    _cites_first(built, question, "nd-91-2017-ND-CP", "Điều 10, khoản 4")


def test_a_youth_volunteer_asked_about_with_a_medal_asks_the_medal_for_youth_volunteers(assistant):
    question = ("Ông ngoại tôi là thanh niên xung phong thời chống Mỹ, đã mất năm 2019. Gia đình có làm hồ sơ xin truy "
                "tặng huy chương cho ông được không?")
    assert understand(question).subjects == ("huy_chuong_thanh_nien_xung_phong_ve_vang",)
    _cites_first(assistant, question, LAW.stem, "Điều 96")


def test_the_award_for_a_brave_deed_is_asked_though_the_family_and_its_province_are_named(assistant):
    """ "gia đình phải làm gì" in a province whose documents are not stored asks no plan's tasks."""
    question = ("Cháu tôi 19 tuổi, nhà ở tỉnh Hà Tĩnh, đã hy sinh khi lao xuống sông cứu hai em nhỏ bị đuối nước. Nhà nước "
                "có hình thức nào để truy tặng cháu không, gia đình phải làm gì?")
    _cites_first(assistant, question, LAW.stem, "Điều 52")


def test_when_a_new_law_took_effect_is_the_time_of_the_ask_not_what_is_asked(assistant):
    question = ("Giấy khen và danh hiệu Chiến sĩ thi đua cơ sở tôi được tặng theo luật cũ có còn giá trị sau khi luật "
                "mới có hiệu lực không?")
    _asks_and_is_answered(assistant, question, "chuyen_tiep", "Điều 95")


@pytest.mark.parametrize("question,named", [
    ("Kế hoạch thi đua bầu cử ĐBQH khóa XVI và HĐND các cấp của tỉnh mình thì hồ sơ khen gửi trước ngày nào?", True),
    ("Kế hoạch thi đua năm nay của Hội đồng thi đua khen thưởng tỉnh có gì mới?", False),
])
def test_a_plan_named_by_its_topic_after_ke_hoach_is_the_document_asked(assistant, question, named):
    names = [e.doc_id for e in mentioned_documents(question, assistant.catalogue)]
    assert ("kh-0125-2025-ubnd-dak-lak" in names) is named


def test_another_provinces_own_rules_do_not_answer_a_question_asked_of_a_province_named(tmp_path):
    """Bắc Ninh's decision repeats the Law's criteria for its own Bằng khen; asked from Quảng Ngãi, the Law answers."""
    built = indexed_assistant(tmp_path / "data", [KNOWLEDGE / "plans" / "qd-86-2025-ubnd-bac-ninh.txt", LAW], TODAY)
    answer = answered(built, "Chi nhánh doanh nghiệp ngoài tỉnh đóng trên địa bàn tỉnh Quảng Ngãi có thành tích xuất sắc "
                             "thì có được Chủ tịch Ủy ban nhân dân tỉnh xem xét khen thưởng không?")
    assert answer.citations[0].doc_id == LAW.stem


@pytest.mark.parametrize("question,aspect,location", [
    ("Mình được giao soạn kế hoạch phát động phong trào thi đua của cơ quan, cần xác định những nội dung gì?",
     "to_chuc_phat_dong", "Điều 17"),
    ("Trách nhiệm của người đứng đầu cơ quan trong tổ chức phong trào thi đua được quy định như thế nào?",
     "trach_nhiem", "Điều 13"),
])
def test_phong_trao_thi_dua_named_alone_is_looked_up_before_thi_dua_in_general(assistant, question, aspect, location):
    _asks_and_is_answered(assistant, question, aspect, location)


def test_one_or_both_rewards_asked_in_a_story_is_the_rule_on_a_title_and_an_award_at_once(assistant):
    question = ("Chị Lan năm nay đạt Lao động tiên tiến và được Giấy khen của Giám đốc Sở. Kế toán bảo chỉ được một "
                "khoản tiền thưởng. Vậy chị ấy được nhận 1 hay cả 2?")
    _cites_first(assistant, question, DECREE.stem, "Điều 49, khoản 7")


def test_an_award_no_text_defines_is_what_its_one_article_says_it_is_given_for(assistant):
    _cites_first(assistant, "Kỷ niệm chương Vì sự nghiệp Tư pháp là gì vậy?", LAW.stem, "Điều 71")
    # set out over three articles, one per rank, no one of them says what the order is
    assert not _first_cited(assistant, "Huân chương Lao động là gì?").location.startswith(("Điều 42", "Điều 43", "Điều 44"))


def test_how_many_years_between_two_reviews_written_with_a_digit_asks_how_often(assistant):
    _cites_first(assistant, "NSND bao nhiêu năm xét 1 lần vậy mn?", LAW.stem, "Điều 66, khoản 4")


def test_a_man_and_a_woman_tied_for_one_award_ask_the_rule_preferring_women(assistant):
    _cites_first(assistant, "2 hồ sơ đề nghị Giấy khen của giám đốc bằng điểm nhau mà chỉ tiêu còn 1, 1 anh 1 chị thì "
                            "chọn ai vậy mn?", DECREE.stem, "Điều 4, khoản 6")


def test_who_is_chosen_under_a_principle_is_not_answered_with_a_list_of_authorities(assistant):
    """ "… thì chọn ai?" asks a "who" of the principle: the next khoản on women leaders is not added to the lead."""
    answer = answered(assistant, "Phòng em còn 1 suất Bằng khen của Chủ tịch UBND tỉnh mà 1 anh 1 chị bằng điểm nhau thì "
                                 "chọn ai ạ?")
    assert "lựa chọn cá nhân nữ" in answer.lead and "nghỉ hưu" not in answer.lead


def test_asking_leave_to_accept_a_foreign_award_is_the_rule_on_foreign_awards(assistant):
    _cites_first(assistant, "Thầy hiệu trưởng được một trường đại học Hàn Quốc tặng kỷ niệm chương, nhận thì có phải "
                            "xin ý kiến cơ quan nào không?", LAW.stem, "Điều 14")


def test_the_khoan_leaving_a_titles_details_to_ministries_does_not_lead_when_nothing_else_is_asked(assistant):
    answer = answered(assistant, "Người đã nghỉ hưu thì có mặc nhiên được xét tặng danh hiệu 'Lao động tiên tiến' "
                                 "hay không?")
    assert answer.citations[0].location.startswith("Điều 24") and "khoản 4" not in answer.citations[0].location


def test_a_bloc_of_a_province_no_stored_document_belongs_to_is_not_answered_from_the_law(assistant):
    """Other provinces' plans ranked down, the Law's general words on blocs must not stand in for the plan asked."""
    answer = assistant.answerer().answer("Khối thi đua các phường của tỉnh Sóc Trăng năm nay có mấy đợt thi đua, ai "
                                         "làm Khối trưởng?")
    assert answer.not_found and "Sóc Trăng" in answer.text


def test_whether_one_may_have_the_award_named_asked_first_asks_its_criteria_before_the_file(assistant):
    question = ("Công chức có thành tích đột xuất trong phòng chống bão lũ có được Bằng khen của Chủ tịch UBND tỉnh "
                "không? Hồ sơ đề nghị gồm những gì? Sau này có dùng kết quả đó để đề nghị khen cao hơn được không?")
    assert understand(question).aspect == "tieu_chuan"
    _cites_first(assistant, question, LAW.stem, "Điều 74")


def test_an_amount_of_money_quoted_for_a_collectives_award_asks_the_reward_it_carries(assistant):
    question = ("Phòng chúng tôi được Giấy khen của Giám đốc Sở, nghe nói tập thể được thưởng 1.404.000 đồng, "
                "có đúng vậy không?")
    assert understand(question).aspect == "muc_tien_thuong"
    _cites_first(assistant, question, DECREE.stem, "Điều 54")
    lead = answered(assistant, question).lead  # the amount for the award asked, not the whole table of amounts
    assert "Giấy khen các cấp 0,6 lần" in lead and "Thủ tướng" not in lead


def test_a_notion_named_only_in_a_second_ask_does_not_qualify_the_title_of_the_first(assistant):
    """The maternity-leave rule answers the second ask; the first asks the provincial title's criteria."""
    _cites_first(assistant, "Muốn được Chiến sĩ thi đua Bộ, ban, ngành, tỉnh thì cần bao nhiêu lần CSTĐCS liên tục, "
                            "còn nghỉ sinh con thì có ảnh hưởng gì không?", LAW.stem, "Điều 22")


def test_of_a_storys_two_asks_the_first_is_answered_first_though_the_second_names_more_cue_words(assistant):
    question = ("Tôi làm giáo viên tiểu học ở một xã đảo từ năm 2011, trước đó 5 năm dạy ở đất liền. Sắp tới trường làm "
                "hồ sơ NGƯT, tôi nghe nói thời gian dạy ở hải đảo được nhân đôi, có đúng vậy không? Còn NGƯT thì bao lâu "
                "mới xét một lần?")
    _asks_and_is_answered(assistant, question, "thoi_gian_nhan_he_so", "Điều 64, khoản 4")


@pytest.mark.parametrize("question,aspect,location", [
    ("Trong phạm vi huyện, ai được đứng ra kêu gọi các cơ quan thi đua?", "tham_quyen_phat_dong", "Điều 18"),
    ("Tiêu chuẩn Gia đình văn hóa là ai ban hành, thôn có được tự đặt ra không?", "tham_quyen_quy_dinh", "Điều 31"),
    ("Năm 2019 chị được Bằng khen tỉnh, sáu năm nay năm nào cũng hoàn thành tốt nhiệm vụ, có lần bị nhắc nhở nhưng "
     "không bị kỷ luật. Giờ cơ quan đề nghị Bằng khen Thủ tướng cho chị thì đã đủ chưa?", "tieu_chuan", "Điều 73, khoản 1"),
    ("Theo quy định hiện nay, một cách làm mới của phòng kế toán giúp giảm giấy tờ, đã áp dụng ở phòng nhưng chưa làm "
     "ở đơn vị khác, có được coi là sáng kiến không?", "dinh_nghia", "Điều 3"),
    # the listing is asked, not the agencies' opinions ("để lấy ý kiến" is its purpose)
    ("Trình tặng Huân chương Lao động hạng Ba cho nguyên phó giám đốc sở thì có bắt buộc công khai danh sách để lấy "
     "ý kiến không?", "cong_khai", "Điều 84, khoản 5"),
    # whom a provincial flag is for: the leaders of the blocs, before the flag for a movement on one topic (khoản 2)
    ("Đề nghị cho biết đối tượng được tặng Cờ thi đua cấp tỉnh quy định như thế nào? Các phòng chuyên môn cấp huyện "
     "có được tặng cờ của tỉnh không?", "doi_tuong", "Điều 26, khoản 1"),
])
def test_everyday_ways_of_asking_an_aspect_find_the_khoan_that_rules_on_it(
        assistant, question, aspect, location):
    _asks_and_is_answered(assistant, question, aspect, location)


@pytest.mark.parametrize("question,doc,location", [
    ("Anh tài xế lao vào đám cháy cứu 3 đứa trẻ, anh ấy có thể được tặng loại huân chương nào?", LAW, "Điều 52"),
    ("KT đột xuất có được cộng vào thành tích để xin BK TTg không ạ?", DECREE, "Điều 4, khoản 3"),
    ("Anh bảo vệ lập thành tích bất ngờ khi bắt được trộm, thì khen theo hình thức nào và cho những ai?", LAW,
     "Điều 8"),
    # Anh hùng Lực lượng vũ trang nhân dân loses the title only for the crimes of Điều 93 khoản 4
    ("Bác tôi là Anh hùng Lực lượng vũ trang nhân dân, nay bị tòa tuyên phạt 3 năm tù vì tội đánh bạc. Bác có bị tước "
     "danh hiệu anh hùng không?", LAW, "Điều 93, khoản 4"),    # the only medal in classes: a soldier's "huy chương hạng Ba" is Huy chương Chiến sĩ vẻ vang
    ("Anh tôi là sĩ quan quân đội, đã có huy chương hạng Ba năm 2020, giờ công tác được 21 năm liên tục thì có được "
     "xét huy chương hạng Nhất không?", LAW, "Điều 57, khoản 2"),
])
def test_a_deed_a_one_off_award_or_a_heros_sentence_told_in_everyday_words_finds_its_own_rule(
        assistant, question, doc, location):
    _cites_first(assistant, question, doc.stem, location)


@pytest.mark.parametrize("question,aspect,location", [
    ("Năm ngoái tổ tôi được Giám đốc sở tặng giấy khen vì làm xong phần mềm quản lý. Nay trưởng phòng muốn dùng đúng "
     "việc đó xin thêm bằng khen của tỉnh. Tôi nghĩ một việc thì không được khen hai lần, có phải vậy không?",
     "nguyen_tac", "Điều 5"),
    ("Cô giáo tôi dạy 8 năm ở xã vùng sâu rồi mới về huyện, tổng cộng mới 12 năm đứng lớp. Xét Nhà giáo ưu tú thì "
     "những năm ở vùng sâu có được tính thêm không?", "thoi_gian_nhan_he_so", "Điều 64, khoản 4"),
    # the asker's opinion ("Tôi nghĩ …") is no recipient: the cooperative is asked about
    ("Hợp tác xã chúng tôi được Huân chương Lao động hạng Nhất năm 2019, mấy năm nay đều hoàn thành xuất sắc nhiệm "
     "vụ. Ban quản trị định đề nghị Huân chương Độc lập hạng Ba năm nay. Tôi nghĩ chưa đủ thời gian, có đúng không?",
     "tieu_chuan", "Điều 38, khoản 3"),
])
def test_a_storys_claim_checked_is_read_for_what_it_claims(assistant, question, aspect, location):
    _asks_and_is_answered(assistant, question, aspect, location)


def test_asked_of_someone_living_the_lead_is_not_the_posthumous_case_of_the_khoan(assistant):
    answer = answered(assistant, "Bố tôi hồi trước đi thanh niên xung phong ở Tây Nguyên, tính ra được khoảng 18 tháng "
                                 "thì về. Bố có được tặng Huy chương Thanh niên xung phong vẻ vang không ạ?")
    assert "02 năm trở lên" in answer.lead and "hy sinh" not in answer.lead


def test_dki_in_chat_is_dang_ky():
    from assistant.understanding import plain_spelling
    assert plain_spelling("KNC của ngành mình đặt tên rồi có cần đki ở đâu không?") == \
        "KNC của ngành mình đặt tên rồi có cần đăng ký ở đâu không?"


@pytest.mark.parametrize("question,aspect,location", [
    ("Em là hộ sinh ở trạm y tế xã, nghe nói danh hiệu Thầy thuốc ưu tú chỉ dành cho bác sĩ, vậy hộ sinh như em có "
     "được xét không?", "doi_tuong", "Điều 65, khoản 1"),
    ("Bác sĩ có được xét Thầy thuốc ưu tú không, cần tiêu chuẩn gì?", "tieu_chuan", "Điều 65, khoản 3"),
])
def test_two_occupations_side_by_side_ask_whom_an_honour_is_for_one_alone_its_criteria(
        assistant, question, aspect, location):
    _asks_and_is_answered(assistant, question, aspect, location)


def test_a_rule_the_asker_heard_then_checked_is_asked_before_the_ask_that_waits_on_its_answer(assistant):
    _asks_and_is_answered(
        assistant, "Chị là hộ sinh ở trạm y tế xã đã 17 năm. Chị trưởng trạm bảo hộ sinh không thuộc diện xét Thầy "
                   "thuốc ưu tú, chỉ bác sĩ mới được. Có đúng như vậy không ạ? Nếu được thì mấy năm xét một lần?",
        "doi_tuong", "Điều 65, khoản 1")


@pytest.mark.parametrize("question,location", [
    # receiving a foreign partner's award asks the consent of a body "trong nước" (Điều 14)
    ("Đối tác bên Úc báo sẽ tặng tôi kỷ niệm chương của họ. Tôi có phải được cơ quan trong nước đồng ý trước khi "
     "nhận không?", "Điều 14"),
    ("Công ty tôi ở Nhật muốn trao huy chương cho tôi, vậy có cần cơ quan có thẩm quyền trong nước đồng ý không?",
     "Điều 14"),
    # the asker is the one put forward, whatever body puts them forward
    ("Tôi là thợ hàn ở công ty may, có 3 sáng kiến được áp dụng. Công đoàn công ty định đề nghị tôi Huân chương Lao "
     "động hạng Nhì. Công nhân thì cần mấy sáng kiến?", "Điều 43, khoản 2"),
    # farming people name themselves by their work, not as "nông dân"
    ("Nhà tôi làm ruộng, có mô hình trồng lúa kết hợp nuôi cá hiệu quả 5 năm nay. Bố tôi có được đề nghị Huân chương "
     "Lao động hạng Ba không?", "Điều 44, khoản 2"),
    # the khoản written for Vietnamese living abroad, when the question names them
    ("Kiều bào định cư ở nước ngoài có nhiều đóng góp cho quê hương thì có được xét Huân chương Lao động hạng Nhì "
     "không?", "Điều 43, khoản 6"),
    # a hero's one exceptional deed (khoản 3), not the general criteria (khoản 1)
    ("Anh công nhân hy sinh khi cứu kho hàng khỏi đám cháy, có thành tích đặc biệt xuất sắc đột xuất, có được truy "
     "tặng Anh hùng Lao động không dù chưa đủ các tiêu chuẩn khác?", "Điều 63, khoản 3"),
    ("Trung úy công an hy sinh trong vụ giải cứu con tin, có thành tích đặc biệt xuất sắc đột xuất, có được truy tặng "
     "Anh hùng Lực lượng vũ trang nhân dân không?", "Điều 62, khoản 3"),
    # who must recognise the deeds is in the criteria, not who awards
    ("Huân chương dành cho người dân tộc thiểu số, doanh nhân tiêu biểu có công với khối đại đoàn kết thì thành tích "
     "phải do cơ quan nào công nhận?", "Điều 51"),
])
def test_the_askers_own_words_for_who_is_asked_about_find_the_khoan_written_for_them(assistant, question, location):
    _cites_first(assistant, question, LAW.stem, location)


@pytest.mark.parametrize("written,entry", [
    ("GT HCM", "giai_thuong_ho_chi_minh"),
    ("GT Nhà nước", "giai_thuong_nha_nuoc"),
    ("KT theo niên hạn", "khen_thuong_nien_han"),
    ("cái bằng của Thủ tướng", "bang_khen_thu_tuong"),
    ("anh hùng của lực lượng vũ trang", "anh_hung_luc_luong_vu_trang_nhan_dan"),
])
def test_the_fields_short_and_spoken_names_of_awards_are_read_as_the_award(written, entry):
    from assistant.vocabulary import load_vocabulary
    assert [m.entry.id for m in load_vocabulary().find(f"Hỏi về {written} ạ")] == [entry]


@pytest.mark.parametrize("question,doc,location", [
    # the one medal given in classes, asked by its class only
    ("Anh trai tôi là sĩ quan, phục vụ liên tục 12 năm, đơn vị đang làm hồ sơ huy chương cho anh. Anh được xét hạng "
     "mấy?", LAW, "Điều 57, khoản 3"),
    # named after President Hồ Chí Minh; a science is no university department
    ("Giải thưởng mang tên Bác Hồ cho công trình khoa học thì mấy năm xét một lần?", LAW, "Điều 69, khoản 2"),
    # a foreigner named by nationality
    ("Một nhà nghiên cứu người Pháp viết nhiều sách về văn hóa Việt Nam, có được xét Giải thưởng Nhà nước không?", LAW,
     "Điều 68, khoản 2"),
    # a company asking again for the order it holds: the collective's khoản
    ("Tổng công ty đã có Huân chương Hồ Chí Minh năm 2005, nay muốn đề nghị lại thì cần liên tục bao nhiêu năm?", LAW,
     "Điều 35, khoản 4"),
    # a denunciation being checked holds the award back, as discipline pending does
    ("Tôi là kế toán, tháng trước có người gửi đơn tố cáo tôi và thanh tra đang xác minh. Trưởng phòng nói tạm chưa "
     "trình khen Chiến sĩ thi đua cơ sở cho tôi. Làm vậy có đúng không?", DECREE, "Điều 4, khoản 4"),
    ("Được tặng bằng khen rồi thì người được khen có nghĩa vụ gì, hay chỉ cất đi là xong?", LAW, "Điều 87"),
    ("Khai thêm thành tích không có thật vào hồ sơ xin bằng khen thì có phạm luật không?", LAW, "Điều 15"),
    ("Thi đua nhằm mục đích gì?", LAW, "Điều 4"),
    ("Hội viên HND có mô hình sản xuất hiệu quả 3 năm thì có đủ điều kiện Bằng khen của Thủ tướng không?", LAW,
     "Điều 73, khoản 2"),
    ("Trong các loại huân chương ở nước ta hiện nay thì loại nào được xem là cao quý nhất ạ?", LAW, "Điều 34"),
])
def test_the_field_s_everyday_names_and_asks_find_the_rule_and_are_answered(assistant, question, doc, location):
    _cites_first(assistant, question, doc.stem, location)


def test_a_commemorative_badge_by_another_name_is_a_ky_niem_chuong():
    from assistant.vocabulary import load_vocabulary
    assert [m.entry.id for m in load_vocabulary().find("loại huy hiệu lưu niệm của hội")] == ["ky_niem_chuong"]


@pytest.mark.parametrize("question,aspect,location", [
    ("Cuối năm em được xếp loại hoàn thành tốt nhiệm vụ, anh trưởng phòng bảo phải hoàn thành xuất sắc mới được Lao "
     "động tiên tiến. Vậy em có đủ chuẩn không ạ?", "tieu_chuan", "Điều 24"),
    ("Khi xây dựng một phong trào thi đua thì đơn vị cần xác định trước những nội dung gì?", "to_chuc_phat_dong",
     "Điều 17"),
])
def test_whether_one_meets_the_standard_and_what_a_movement_sets_out_are_read_as_asked(
        assistant, question, aspect, location):
    _asks_and_is_answered(assistant, question, aspect, location)


@pytest.mark.parametrize("question,location", [
    # a teacher put forward by the school is a person
    ("Thầy giáo tổ em có Bằng khen của UBND tỉnh năm 2020, từ đó đều hoàn thành tốt nhiệm vụ, 3 năm CSTĐCS. Trường "
     "định đề nghị BK TTg cho thầy thì đủ chưa?", "Điều 73, khoản 1"),
    # the class named picks the class's own point, not the khoản on service in hard areas
    ("Huy chương công an hạng Ba thì cần công tác bao nhiêu năm?", "Điều 57, khoản 2"),
])
def test_a_teacher_put_forward_and_a_medals_class_named_plainly_find_their_khoan(assistant, question, location):
    _cites_first(assistant, question, LAW.stem, location)


@pytest.mark.parametrize("question,doc,location", [
    # two titles for the same year: only the higher one's reward (NĐ 152 Điều 49 khoản 5)
    ("Năm 2025 em được tặng đồng thời hai danh hiệu Lao động tiên tiến và Chiến sĩ thi đua cơ sở. Em có được nhận thêm "
     "tiền thưởng Lao động tiên tiến không?", DECREE, "Điều 49, khoản 5"),
    # whether the commune chairman may sign, or must send it up
    ("LĐTT của cán bộ xã thì chủ tịch UBND xã ký QĐ được không, hay phải trình lên trên?", LAW, "Điều 80"),
    # a named doctor put forward by the hospital is a person; "đơn vị, ngành" is whom the deeds served
    ("Bệnh viện đang làm hồ sơ Anh hùng Lao động cho PGS.TS Nguyễn Văn Hùng, trưởng khoa Hồi sức. Thời gian có đóng "
     "góp quan trọng cho đơn vị, ngành phải từ bao nhiêu năm?", LAW, "Điều 63, khoản 1"),
])
def test_two_titles_at_once_a_signature_and_a_named_doctor_find_their_rule(assistant, question, doc, location):
    _cites_first(assistant, question, doc.stem, location)


def test_bc_beside_what_is_reported_is_a_report():
    from assistant.understanding import plain_spelling
    assert plain_spelling("các đơn vị BC kết quả về Sở trước ngày nào?") == \
        "các đơn vị báo cáo kết quả về Sở trước ngày nào?"


def test_who_pays_asked_apart_from_the_reward_it_pays_is_who_pays(assistant):
    _asks_and_is_answered(assistant, "Ông tôi được truy tặng Huân chương Kháng chiến, tiền thưởng kèm huân chương do ai "
                                     "chi ạ?", "chi_tra_thuong", "Điều 11, khoản 4")


@pytest.mark.parametrize("question,location", [
    # "huy chương" holds no "hủy", "nghĩa vụ quân sự" no duty: the class asked of the medal the case fits
    ("Cháu tôi đi nghĩa vụ quân sự, làm nhiệm vụ trên đảo được 7 tháng thì hy sinh, đã được công nhận liệt sĩ. "
     "Cháu được truy tặng huy chương gì, hạng nào?", "Điều 57, khoản 3"),
    # a kind named ("cái huy chương"), asked in a respect the law rules on for one of its members only
    ("Chồng tôi là quân nhân chuyên nghiệp, có 5 năm ở Trường Sa. Đơn vị sắp xét cái huy chương theo số năm phục vụ "
     "cho anh. Thời gian ở đảo có được tính nhân lên không?", "Điều 57, khoản 3"),
    # "được tính gấp lên" is the coefficient on time in hard areas
    ("Cô giáo dạy 10 năm ở xã đặc biệt khó khăn, khi xét Nhà giáo ưu tú thì thời gian đó có được tính gấp lên không?",
     "Điều 64, khoản 4"),
    # whether a form is given once only: the principle that one form may be given many times
    ("năm ngoái a được bằng khen của bộ rồi, năm nay đơn vị đề nghị tiếp thì có được k, hay mỗi người chỉ được nhận "
     "1 lần thôi?", "Điều 5"),
    # the council's head is its chair, whatever the council's name blanks
    ("Người đứng đầu Hội đồng thi đua khen thưởng trung ương là ai vậy, Bộ trưởng Nội vụ hay Thủ tướng?", "Điều 90"),
    # a movement told by who launched it asks nothing about launching: whether the flag may be proposed
    ("Sơ kết phong trào thi đua chuyên đề do UBND tỉnh phát động mới được 1 năm thì có đề nghị Cờ thi đua của UBND "
     "tỉnh cho đơn vị dẫn đầu được không?", "Điều 26"),
])
def test_words_that_only_look_like_a_cue_and_a_member_picked_by_its_kind_find_their_khoan(
        assistant, question, location):
    _cites_first(assistant, question, LAW.stem, location)


@pytest.mark.parametrize("question,location", [
    ("Bộ đội được phong danh hiệu anh hùng thì cần tiêu chuẩn gì?", "Điều 62"),
    ("Một kỹ sư làm ở nhà máy muốn được phong danh hiệu anh hùng thì cần tiêu chuẩn gì?", "Điều 63"),
    ("Một tỉnh muốn được phong danh hiệu anh hùng thì phải đạt những tiêu chuẩn nào?", "Điều 60"),
])
def test_a_hero_title_named_by_whom_it_is_for_is_that_title(assistant, question, location):
    _cites_first(assistant, question, LAW.stem, location)


CAN_THO = KNOWLEDGE / "plans" / "kh-157-2025-ubnd-can-tho.txt"
BAC_NINH = KNOWLEDGE / "plans" / "qd-86-2025-ubnd-bac-ninh.txt"


@pytest.fixture(scope="module")
def with_local_plans(tmp_path_factory) -> Assistant:
    return indexed_assistant(tmp_path_factory.mktemp("local") / "data", [LAW, DECREE, CAN_THO, BAC_NINH], TODAY)


def test_a_place_a_story_only_tells_does_not_put_its_plan_before_the_law(with_local_plans):
    """The Cần Thơ plan shares "giáo viên … bình xét thi đua" with the story; the asking sentence names neither a
    document nor the place, so the rule on maternity leave answers (NĐ 152/2025 Điều 4 khoản 5)."""
    question = ("Tôi là giáo viên tiểu học ở Cần Thơ, năm học vừa rồi tôi nghỉ sinh con 6 tháng. Thời gian nghỉ sinh "
                "có được tính khi bình xét thi đua cuối năm không ạ? Cảm ơn anh chị.")
    _cites_first(with_local_plans, question, DECREE.stem, "Điều 4, khoản 5")


def test_a_deadline_asked_in_a_story_is_still_the_places_own(with_local_plans):
    question = ("Tôi mới chuyển về văn phòng một sở của tỉnh Bắc Ninh, kiêm công tác thi đua. Năm nay sở đề nghị Cờ thi "
                "đua cho một phòng. Hồ sơ khen thưởng tổng kết năm thì phải gửi Sở Nội vụ trước ngày nào?")
    assert answered(with_local_plans, question).citations[0].doc_id == BAC_NINH.stem


@pytest.mark.parametrize("question,location", [
    # the files sent up to the Prime Minister (Luật 06/2022 Điều 84 khoản 4)
    ("Hồ sơ trình Thủ tướng khen thưởng thì gửi mấy bộ, có kèm bản điện tử không?", "Điều 84, khoản 4"),
    # what the Law has registered is a commemorative badge's name, described here, not named
    ("Bộ em định làm một cái huy hiệu tặng người có nhiều đóng góp cho ngành, tên của nó có phải đăng ký ở đâu không?",
     "Điều 71, khoản 3"),
])
def test_files_sent_to_the_prime_minister_and_a_badges_name_registered(assistant, question, location):
    _cites_first(assistant, question, LAW.stem, location)


def test_a_cooperatives_director_spelled_short_reads_the_point_on_cooperatives(assistant):
    lead = answered(assistant, "GK của GĐ HTX có được tính là giấy khen theo Luật TĐKT không hay chỉ GK của "
                               "UBND xã?").lead
    assert "hợp tác xã" in lead


def test_the_central_council_described_in_the_laws_words_and_its_chair_asked():
    slots = understand("Cơ quan tham mưu, tư vấn cho Đảng và Nhà nước về công tác thi đua, khen thưởng thì ai giữ chức "
                       "chủ tịch?")
    assert "hoi_dong_thi_dua_khen_thuong_trung_uong" in slots.terms and slots.aspect == "to_chuc_hoi_dong"


def test_the_capacity_a_plan_is_signed_in_asks_the_signature_block():
    assert understand("Kế hoạch thi đua năm 2021 của quận do Chủ tịch quận ký, nhưng ký với danh nghĩa "
                      "thay mặt cơ quan nào?").part == "signer"


def test_a_kind_put_forward_and_one_award_of_it_named_asks_that_award():
    slots = understand("Công an tỉnh đang lập danh sách đề nghị huy chương cho cán bộ theo năm công tác. Xin hỏi huy "
                       "chương Chiến sĩ vẻ vang hạng thấp nhất phải công tác liên tục bao nhiêu năm?")
    assert slots.subjects[:1] == ("huy_chuong_chien_si_ve_vang",)


def test_a_flag_described_by_who_gives_it_is_that_flag(assistant):
    question = ("Cờ thi đua do Chính phủ trao có tặng cho đơn vị dẫn đầu phong trào thi đua do Thủ tướng phát động "
                "không, phong trào đó phải kéo dài bao lâu?")
    assert understand(question).subjects[:1] == ("co_thi_dua_chinh_phu",)
    assert "05 năm" in answered(assistant, question).lead


@pytest.mark.parametrize("question,location", [
    # a "k" closing a clause before a comma is "không": "có cấm không" asks the forbidden acts
    ("Nhân viên phòng em kê khai thêm thành tích không có thật để được đề nghị CSTĐCS, luật có cấm k ạ, hành vi này "
     "bị gọi là gì?", "Điều 15"),
    # "có nghĩa vụ gì … không ạ" asks the duty, not the award's objects
    ("Ông nội em được tặng Huân chương Lao động, nay cả nhà chuyển nhà sợ thất lạc, người được tặng có nghĩa vụ gì "
     "với hiện vật không ạ?", "Điều 87"),
    # the one official doing the work in a commune is the body that advises on it
    ("Em là công chức phụ trách TĐKT của phường, em được giao nhiệm vụ gì với hồ sơ đề nghị khen thưởng?",
     "Điều 13, khoản 5"),
    # "bao lâu một lần" asks how often
    ("Giải thưởng Nhà nước bao lâu một lần thì xét?", "Điều 70, khoản 2"),
])
def test_duties_roles_and_how_often_asked_in_the_officers_words(assistant, question, location):
    _cites_first(assistant, question, LAW.stem, location)


@pytest.mark.parametrize("question,aspect,location", [
    # "tổ chức một phong trào … mới": what organising a movement holds
    ("Phường em sắp tổ chức một phong trào thi đua mới, lúc xây dựng thì cần xác định những nội dung gì?",
     "to_chuc_phat_dong", "Điều 17"),
    # "thì ai quy định", of pupils and students
    ("Trường em hay tặng giấy khen cho học sinh giỏi, vậy giấy khen cho người đang học thì ai quy định ạ?",
     "tham_quyen_quy_dinh", "Điều 76, khoản 4"),
])
def test_organising_a_movement_and_who_rules_on_pupils_certificates(assistant, question, aspect, location):
    _asks_and_is_answered(assistant, question, aspect, location)


def test_a_presenting_abroad_told_as_not_coming_to_viet_nam_asks_the_embassy(assistant):
    question = ("Trường em có một giáo sư người Nhật được tặng Huy chương Hữu nghị nhưng ông không sang Việt Nam được. "
                "Vậy ở nước ngoài thì ai được ủy quyền trao?")
    assert "Đại sứ" in answered(assistant, question).lead


def test_the_role_of_the_councils_is_the_laws_not_a_provinces_rules_on_its_council(with_local_plans):
    """Bắc Ninh's rules say much of its own council; asked the role of the councils at every level, the Law answers
    (Luật 06/2022 Điều 90 khoản 4: they advise)."""
    question = ("Xã mới kiện toàn Hội đồng Thi đua - Khen thưởng, có người bảo Hội đồng bỏ phiếu là quyết định luôn. "
                "Vậy Hội đồng thi đua khen thưởng các cấp có vai trò gì?")
    _cites_first(with_local_plans, question, LAW.stem, "Điều 90, khoản 4")


def test_a_plans_quota_of_an_award_is_its_section_on_awards_not_a_scoring_row(with_local_plans):
    """KH 157 Cần Thơ's scoring table repeats the plan's own words ("người hưởng trợ cấp … không dùng tiền mặt") and
    a share; the quota of the city's bằng khen is in its section "IV. KHEN THƯỞNG"."""
    question = ("Kế hoạch phát động thi đua chi trả trợ cấp xã hội không dùng tiền mặt của Cần Thơ cho đề nghị Bằng "
                "khen của Chủ tịch UBND thành phố tối đa bao nhiêu phần trăm?")
    cited = _first_cited(with_local_plans, question)
    assert (cited.doc_id, cited.location) == (CAN_THO.stem, "IV. KHEN THƯỞNG")


TEACHERS_RULES = KNOWLEDGE / "plans" / "qd-2040-2024-bgddt.txt"


def test_a_year_asked_of_a_standing_quy_che_is_the_year_it_applies_not_a_word_to_find(tmp_path):
    """QĐ 2040/QĐ-BGDĐT (2024) issues a quy chế that applies year after year: "năm 2026 có xét không" is answered
    from it, not refused because its text never says 2026."""
    built = indexed_assistant(tmp_path / "data", [LAW, TEACHERS_RULES], TODAY)
    answer = answered(built, "Nhà giáo tiêu biểu bao lâu xét một lần vậy, năm 2026 có xét không ạ?")
    assert not answer.not_found and "02 năm" in answer.lead


def test_the_official_in_charge_of_emulation_alone_is_the_advising_body(assistant):
    """ "cán bộ phụ trách thi đua" (without "khen thưởng") is the one official doing the work: Điều 13 khoản 5."""
    _cites_first(assistant, "Cán bộ phụ trách thi đua của phường được giao những nhiệm vụ gì theo luật?", LAW.stem,
                 "Điều 13, khoản 5")


def test_untrue_achievements_signed_for_are_the_false_certifications_forbidden(assistant):
    """ "không đúng sự thật" is the Law's "gian dối", "sai": Điều 15 khoản 3 leads, not khoản 1."""
    lead = answered(assistant, "Giám đốc ký xác nhận thành tích không đúng sự thật cho nhân viên để được đề nghị khen "
                               "thưởng thì có phải hành vi bị pháp luật cấm không?").lead
    assert lead.startswith("Kê khai gian dối")


def test_a_worker_asking_in_a_story_about_a_company_asks_for_a_person():
    slots = understand("Em là thợ tiện ở nhà máy của một tổng công ty, đã có Huân chương Lao động hạng Ba. Công đoàn nói "
                       "công nhân xét theo tiêu chuẩn riêng. Vậy công nhân cần mấy sáng kiến thì được xét hạng Nhì?")
    assert slots.target == "ca_nhan"



@pytest.mark.parametrize("question,doc,location", [
    # "tính giảm": a woman leader's time in office counted shorter (NĐ 152/2025 Điều 4 khoản 7)
    ("Mẹ tôi là nữ phó giám đốc sở sắp nghỉ hưu. Thời gian giữ chức vụ để xét khen thưởng quá trình cống hiến của nữ "
     "lãnh đạo có được tính giảm không?", DECREE.stem, "Điều 4, khoản 7"),
    # "phải được ai công nhận hiệu quả": who recognises an initiative's reach, for the national title
    ("Muốn đề nghị CSTĐ toàn quốc thì sáng kiến phải được ai công nhận hiệu quả và khả năng nhân rộng?", LAW.stem,
     "Điều 21, khoản 2"),
])
def test_a_time_counted_shorter_and_who_recognises_an_initiative(assistant, question, doc, location):
    _cites_first(assistant, question, doc, location)


def test_a_reward_in_multiples_of_the_base_salary_is_no_salary_question(assistant):
    """ "hệ số lương cơ sở" holds the off-field "hệ số lương"; here it is the reward's base (NĐ 152 Điều 49 khoản 2)."""
    answer = answered(assistant, "Tiền thưởng nhân hệ số lương cơ sở ra số lẻ thì làm tròn thế nào ạ?")
    assert "hàng chục nghìn" in answer.lead



@pytest.mark.parametrize("question,location", [
    # "có trách nhiệm thẩm định …": the advising office's duties, not the State's management of the field
    ("Phòng thi đua của sở có trách nhiệm thẩm định hồ sơ đề nghị khen thưởng không, hay chỉ tổng hợp rồi gửi lên?",
     "Điều 13, khoản 5"),
    # "có được quyền tặng …": who decides
    ("Giám đốc hợp tác xã có được quyền tặng danh hiệu Lao động tiên tiến cho xã viên không hay phải trình UBND xã?",
     "Điều 80, khoản 4"),
])
def test_an_offices_duty_to_check_files_and_a_directors_power_to_award(assistant, question, location):
    _cites_first(assistant, question, LAW.stem, location)

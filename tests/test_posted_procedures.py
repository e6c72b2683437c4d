"""Posted questions on procedures, funds, councils and the cases a circular rules on: a ministry's procedure
decision does not answer for every sector, an ended circular's rule is flagged as such, and an asker's
self-introduction or the closing "Văn bản nào quy định vấn đề này?" changes nothing (real lexical index of the
Law, the decrees, the ended circular and Bộ Y tế's procedure decision)."""
from __future__ import annotations

from datetime import date

import pytest

from assistant.build import Assistant
from assistant.understanding import understand, without_asker
from assistant.vocabulary import detect_aspect
from tests.conftest import DECREE, KNOWLEDGE, LAW, OLD_DECREE, OLD_LAW, answered, indexed_assistant

CIRCULAR = KNOWLEDGE / "legal" / "tt-01-2024-TT-BNV.txt"
OLDEST_DECREE = KNOWLEDGE / "legal" / "nd-91-2017-ND-CP.txt"
HEALTH_PROCEDURES = KNOWLEDGE / "plans" / "qd-3621-2025-byt.txt"
TODAY = date(2026, 6, 1)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory) -> Assistant:
    files = [LAW, DECREE, OLD_DECREE, CIRCULAR, OLDEST_DECREE, OLD_LAW, HEALTH_PROCEDURES]
    return indexed_assistant(tmp_path_factory.mktemp("procedures") / "data", files, TODAY)


@pytest.mark.parametrize("question,doc,location", [
    # the use of the fund, not the bodies that set one up (khoản 3 names "Bộ, ban, ngành" as the question does)
    ("Sử dụng quỹ thi đua, khen thưởng trong ngành Tài chính được quy định như thế nào?", LAW, "Điều 11, khoản 2"),
    ("Quỹ thi đua khen thưởng được hình thành từ những nguồn nào?", LAW, "Điều 11, khoản 1"),
    # "tuyến trình" in one sector: the Law's rule on who proposes, not a line of Bộ Y tế's procedure table
    ("Tuyến trình khen thưởng trong ngành Y tế được thực hiện ra sao?", LAW, "Điều 83, khoản 1"),
    # the criteria of a title with one set for every sector
    ("Tiêu chuẩn danh hiệu Chiến sĩ thi đua toàn quốc ngành Công Thương", LAW, "Điều 21, khoản 1"),
    # the reward of the provincial flag, from the decree in force (not the ended one)
    ("Tập thể nhận được danh hiệu Cờ thi đua cấp tỉnh được nhận mức tiền thưởng bao nhiêu?", DECREE, "Điều 50, khoản 2"),
    # the principles of honouring businesses are the points of their own khoản
    ("Việc xét tôn vinh doanh nghiệp, doanh nhân phải theo những nguyên tắc nào?", LAW, "Điều 81, khoản 2"),
    # keeping the files: the second sentence of the khoản on their number
    ("Quản lý, lưu trữ hồ sơ khen thưởng ngành Nội vụ được quy định như thế nào?", LAW, "Điều 84, khoản 6"),
    ("Hồ sơ khen thưởng sau khi xét xong thì cơ quan phải lưu trữ thế nào?", LAW, "Điều 84, khoản 6"),
    # a body at a ministry's level named without "Bộ": its award's details are its own to set
    ("Tiêu chuẩn xét tặng Bằng khen của Thống đốc Ngân hàng Nhà nước là gì?", LAW, "Điều 74, khoản 6"),
    # maternity leave is ruled on once, for every title; discipline is spoken of in the titles' own criteria
    ("Giáo viên nữ nghỉ thai sản 6 tháng năm nay có được xét chiến sĩ thi đua cơ sở không?", DECREE, "Điều 4, khoản 5"),
    ("Tập thể lao động tiên tiến có yêu cầu gì về kỷ luật của các thành viên không?", LAW, "Điều 28"),
    # a council is set up under the Law's article on councils
    ("Thành lập Hội đồng thi đua khen thưởng ở cấp sở thì căn cứ vào đâu, như thế nào?", LAW, "Điều 90"),
    # two awards for one achievement: the principle, not a table of rewards
    ("Có quy định nào hạn chế cá nhân chỉ được nhận một trong hai hình thức là danh hiệu Chiến sĩ thi đua cấp tỉnh "
     "và bằng khen cấp tỉnh không?", LAW, "Điều 5, khoản 2"),
    # whether both rewards are paid, asked as paying: the decree's khoản on a title and an award at once
    ("Cá nhân vừa đạt Lao động tiên tiến vừa được tặng giấy khen thì đơn vị chi trả tiền thưởng của cả hai không?",
     DECREE, "Điều 49, khoản 7"),
    # the procedure of a title the map gives no steps for: what its file holds
    ("Muốn đề nghị danh hiệu Tập thể lao động xuất sắc thì trình tự, thủ tục thực hiện thế nào?", LAW,
     "Điều 84, khoản 1"),
    # a title and an award at once is a case ruled on once, whatever else is asked ("thủ tục ra sao")
    ("Đơn vị đề nghị cùng một lúc danh hiệu Chiến sĩ thi đua cấp tỉnh và Bằng khen của Chủ tịch UBND tỉnh cho một "
     "người thì có được không, thủ tục ra sao?", DECREE, "Điều 49, khoản 7"),
    # the question names an article's title word for word: that article, before the Law's general principles
    ("Nguyên tắc xét danh hiệu thi đua và hình thức khen thưởng hiện nay được quy định thế nào?", DECREE, "Điều 4"),
    # a bằng khen of the Fatherland Front or a union: its own organisation sets it
    ("Tiêu chuẩn tặng bằng khen của Liên đoàn Lao động tỉnh do cơ quan nào quy định?", LAW, "Điều 76, khoản 1"),
    # topics listed between semicolons: the first is asked first; the rights of those rewarded, not an agency's duty
    ("Quyền của cá nhân, tập thể trong thi đua khen thưởng; việc hủy bỏ quyết định khen thưởng thì quy định ra "
     "sao?", LAW, "Điều 86"),
    # "gấp đôi" is the coefficient 02 as officers say it; working at sea or on islands earns that, no priority rule
    ("Em dạy ở trường huyện đảo 6 năm, nghe nói thời gian đó được tính gấp đôi khi xét Nhà giáo ưu tú, có đúng "
     "không?", LAW, "Điều 64, khoản 4"),
    ("Quân nhân công tác ở vùng biên giới có được ưu tiên gì khi xét tặng Huy chương Chiến sĩ vẻ vang?", LAW,
     "Điều 57, khoản 3"),
    # a collective mostly of women, asked whether it goes first: the rule choosing women and such collectives
    ("Hai tổ trong trường cùng đủ tiêu chuẩn nhưng chỉ được chọn một tổ đề nghị bằng khen, tổ mình 10 người thì 8 "
     "người là nữ, vậy tổ mình có được ưu tiên không?", DECREE, "Điều 4, khoản 6"),
    ("Chủ tịch UBND xã có được đứng ra phát động phong trào thi đua trên địa bàn xã không?", LAW, "Điều 18"),
    # an award given long ago, asked whether it still counts under the new Law: the transitional article
    ("Mẹ tôi được tặng Huy chương kháng chiến từ năm 1990, nay đã có luật thi đua khen thưởng mới thì huy chương "
     "đó có còn giá trị không?", LAW, "Điều 95"),
    # the office that does the work, named by what it does
    ("Bộ phận phụ trách công tác thi đua khen thưởng của huyện có nhiệm vụ cụ thể là gì?", LAW, "Điều 13, khoản 5"),
    # everyone made to sign is no signer asked about; forcing people asks the first principle, that it is voluntary
    ("Trưởng phòng bắt mọi người ký cam kết thi đua, ai không ký bị hạ điểm đánh giá, như vậy có trái tinh thần thi "
     "đua không?", LAW, "Điều 5"),
    # "cho TT": for the collective; "đủ để trình … chưa" asks the criteria of the award
    ("Phòng Tài chính 2 năm liền HTXSNV nhưng chưa có TTLĐXS, đã đủ để trình BK UBND tỉnh cho TT chưa?", LAW,
     "Điều 74, khoản 3"),
    # who recognises the initiative a title requires, not who awards the title
    ("Thầy Nam đã hai lần chiến sĩ thi đua cấp tỉnh, trường muốn đề nghị chiến sĩ thi đua toàn quốc. Vậy ai là người "
     "có thẩm quyền công nhận sáng kiến của thầy để đủ hồ sơ?", LAW, "Điều 21"),
    ("Đại đội chỉ có 60% quân nhân đạt chiến sĩ tiên tiến thì có được đề nghị danh hiệu quyết thắng không?", LAW,
     "Điều 27"),
    # a mass organisation named by its name: its own titles are its own to set
    ("Hội Nông dân tỉnh có được tự đặt ra danh hiệu thi đua cho hội viên không, tiêu chuẩn do cấp nào quy định?", LAW,
     "Điều 32"),
    ("Hiệp hội doanh nghiệp muốn mở thêm giải thưởng toàn quốc cho doanh nghiệp thì có bị giới hạn số giải không?", LAW,
     "Điều 81"),
    ("Giấy khen của giám đốc sở tặng nhầm người thì ai là người có quyền hủy quyết định?", LAW, "Điều 93, khoản 8"),
    # the khoản for every unit ("cơ quan, tổ chức, đơn vị, doanh nghiệp và tổ chức kinh tế khác") is no business's own
    ("Thẩm quyền đề nghị khen thưởng được quy định như thế nào?", LAW, "Điều 83, khoản 1"),
])
def test_a_posted_question_reaches_the_provision_that_rules_on_it(assistant, question, doc, location):
    cited = answered(assistant, question).citations[0]
    assert cited.doc_id == doc.stem and cited.location.startswith(location), (cited.doc_id, cited.location)


def test_the_latest_rules_of_a_past_year_are_that_years_and_today_s_text_is_named(assistant):
    """ "Theo quy định mới nhất năm 2024": the decree in force in 2024 answers, its list in the lead (asked like a
    headline, without a question word); a note says it has ended since and which decree replaced it."""
    answer = answered(assistant, "Hồ sơ đề nghị tặng Bằng khen của Thủ tướng Chính phủ theo quy định mới nhất năm 2024")
    assert answer.citations[0].doc_id == OLD_DECREE.stem and answer.citations[0].location.startswith("Điều 42")
    assert "Biên bản xét khen thưởng" in answer.lead and answer.lead.count("\n- ") >= 3
    assert any("thời điểm câu hỏi nêu" in note and "Nghị định 152/2025/NĐ-CP" in note for note in answer.notes)
    reward = answered(assistant, "Mức tiền thưởng danh hiệu Chiến sĩ thi đua cơ sở theo quy định mới nhất năm 2024 là "
                                 "bao nhiêu?")
    assert reward.citations[0].doc_id == OLD_DECREE.stem and "1,0 lần mức lương cơ sở" in reward.lead


def test_a_past_years_rule_names_the_text_in_force_today_at_the_end_of_the_chain(assistant):
    """Nghị định 91/2017 was replaced by 98/2023, itself replaced by 152/2025: the note names today's decree."""
    answer = answered(assistant, "Năm 2019, tiêu chuẩn chiến sĩ thi đua cơ sở là gì?")
    assert answer.citations[0].doc_id == OLDEST_DECREE.stem
    assert any("Nghị định 98/2023/NĐ-CP" in note and "Nghị định 152/2025/NĐ-CP" in note for note in answer.notes)


def test_a_share_asked_yes_or_no_is_answered_against_the_bound_the_rule_sets(assistant):
    """ "68% … có được không?" against "ít nhất là 70%": the lead says no, in the rule's words, before the rule;
    a share that meets it says so for that condition only; a share of something else gets no verdict."""
    short = answered(assistant, "Tiểu đoàn có 68% quân nhân đạt chiến sĩ tiên tiến thì có đề nghị danh hiệu quyết thắng "
                                "được không?")
    assert short.lead.startswith("Không: 68% chưa đạt mức “ít nhất là 70%”.")
    assert "Đơn vị quyết thắng" in short.lead and short.citations[0].location.startswith("Điều 27")
    enough = answered(assistant, "Tổ chuyên môn có 80% giáo viên đạt lao động tiên tiến, không ai bị kỷ luật thì có đủ "
                                 "điều kiện tập thể lao động tiên tiến không?")
    assert enough.lead.startswith("Về tỷ lệ này thì đạt (80%, mức quy định “ít nhất là 70%”)")
    from assistant.answering.lead import share_verdict
    assert share_verdict("Trường có 20% giáo viên đạt CSTĐCS thì có được không?",
                         "không quá 15% tổng số cá nhân đạt danh hiệu “Lao động tiên tiến”") == ""


def test_the_asker_saying_where_he_lives_is_no_province_the_question_is_about(assistant):
    answer = answered(assistant, "Quỹ thi đua, khen thưởng được dùng để chi những gì? Tôi đang sống và làm việc tại "
                                 "Bình Thuận. Văn bản nào quy định vấn đề này?")
    assert answer.citations[0].location.startswith("Điều 11, khoản 2")


def test_the_closing_ask_for_the_text_is_dropped_from_the_question():
    assert without_asker("Tiêu chuẩn Bằng khen của Bộ Tài chính được quy định như thế nào? Văn bản nào quy định "
                         "vấn đề này?") == "Tiêu chuẩn Bằng khen của Bộ Tài chính được quy định như thế nào?"


def test_a_collective_introducing_itself_with_la_asks_no_definition():
    slots = understand("Tập thể là tổ chuyên môn thuộc trường có đề nghị Bằng khen Thủ tướng Chính phủ được không?")
    assert slots.aspect != "dinh_nghia"
    assert understand("Năm tròn là năm như thế nào?").aspect == "dinh_nghia"


def test_the_founding_day_of_an_anniversary_is_no_council_being_set_up():
    assert detect_aspect("Kỷ niệm ngày thành lập trường lần thứ 25 có được đề nghị khen không?") != "to_chuc_hoi_dong"


def test_a_posthumous_award_asked_after_a_story_asks_its_criteria():
    slots = understand("Bố tôi được trao tặng Huân chương Chiến công hạng Ba năm 1985. Nay ông đã mất, thì không biết "
                       "có được truy tặng Huân chương Chiến công hạng Nhì không?")
    assert slots.aspect == "tieu_chuan"


def test_a_case_only_an_ended_circular_ruled_on_is_answered_by_it_and_flagged(assistant):
    """The Law says nothing of training time; the circular that counted it has ended: its rule comes first, and
    the lead says it is the last rule found and has ended."""
    answer = answered(assistant, "Tôi được cơ quan cử đi học lớp bồi dưỡng 3 tháng, cuối năm có được xét lao động "
                                 "tiên tiến không?")
    assert answer.citations[0].doc_id == CIRCULAR.stem and answer.citations[0].location.startswith("Điều 1, khoản 5")
    assert "đào tạo, bồi dưỡng ngắn hạn dưới 01 năm" in answer.lead
    assert "hết hiệu lực" in answer.lead.split("\n")[0]
    # beside it, the Law in force may add something; the 2003 Law, replaced by a text in the store, adds nothing
    assert OLD_LAW.stem not in {c.doc_id for c in answer.citations}


def test_a_titles_criteria_asked_of_one_sector_are_led_with_the_khoan_leaving_them_to_it(assistant):
    lead = answered(assistant, "Tiêu chuẩn danh hiệu Lao động tiên tiến trong ngành Tài chính được quy định như thế "
                               "nào?").lead
    assert "Hoàn thành tốt nhiệm vụ trở lên" in lead
    assert "quy định chi tiết, hướng dẫn cụ thể tiêu chuẩn xét tặng danh hiệu “Lao động tiên tiến”" in lead


def test_the_closing_ask_for_the_text_is_no_second_ask(assistant):
    answer = answered(assistant, "Sử dụng quỹ thi đua, khen thưởng được quy định như thế nào? Văn bản nào quy định vấn "
                                 "đề này?")
    assert "Văn bản nào" not in answer.standalone_question


def test_two_lists_of_an_article_stored_whole_each_keep_their_heading_in_the_lead(assistant):
    lines = answered(assistant, "Tiêu chuẩn danh hiệu Lao động tiên tiến là gì?").lead.split("\n")
    heading = next(i for i, line in enumerate(lines) if "để tặng cho công nhân, nông dân" in line)
    assert any("Hoàn thành tốt nhiệm vụ trở lên" in line for line in lines[:heading])
    assert any("Lao động, sản xuất có hiệu quả" in line for line in lines[heading + 1:])


@pytest.mark.parametrize("question,location,amount", [
    # the 2025 decree is stored only as the collectives' amounts: they answer a collective's question
    ("Tập thể được tặng Giấy khen của Giám đốc Sở thì được thưởng bao nhiêu tiền?", "Điều 54", "0,6 lần"),
    ("Tổ công đoàn được tặng Huân chương Lao động hạng Ba thì được thưởng bao nhiêu?", "Điều 51", "9"),
])
def test_a_collectives_reward_comes_from_the_decree_in_force(assistant, question, location, amount):
    answer = answered(assistant, question)
    cited = answer.citations[0]
    assert (cited.doc_id, cited.location) == (DECREE.stem, location)
    assert amount in answer.lead


def test_an_individuals_reward_the_decree_in_force_does_not_give_is_the_last_one_flagged(assistant):
    answer = answered(assistant, "Cá nhân được tặng Bằng khen của Thủ tướng Chính phủ được thưởng bao nhiêu tiền?")
    cited = answer.citations[0]
    assert cited.doc_id == OLD_DECREE.stem and cited.location.startswith("Điều 58, khoản 1")
    assert "3,5 lần" in answer.lead and answer.lead.startswith("Quy định gần nhất")


@pytest.mark.parametrize("question,articles", [
    # the titles asked as a family: their criteria, not a page of the format decree naming a ministry
    ("Tiêu chuẩn các danh hiệu thi đua đối với cá nhân trong ngành Kế hoạch và Đầu tư được quy định như thế nào?",
     ("Điều 21", "Điều 22", "Điều 23", "Điều 24")),
    ("Tiêu chuẩn các danh hiệu thi đua đối với tập thể là gì?", ("Điều 25", "Điều 26", "Điều 27", "Điều 28")),
    # the family named before one title changes nothing
    ("Tiêu chuẩn danh hiệu thi đua Lao động tiên tiến là gì?", ("Điều 24",)),
])
def test_the_criteria_of_the_titles_asked_as_a_family(assistant, question, articles):
    cited = answered(assistant, question).citations[0]
    assert cited.doc_id == LAW.stem and cited.location.split(",")[0] in articles, (cited.doc_id, cited.location)


def test_a_family_asked_as_a_whole_is_led_by_all_its_titles_in_the_laws_order(assistant):
    """Every title of the family for the recipient asked, with its article, before the first one's rule; none for a
    title named, nor for a yes/no question that only mentions the family."""
    lead = answered(assistant, "Các danh hiệu thi đua cho cá nhân cần những tiêu chuẩn gì?").lead
    overview = lead.split("\n")[0]
    assert overview.startswith("Theo từng danh hiệu:")
    titles = ["Chiến sĩ thi đua toàn quốc", "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh", "Chiến sĩ thi đua cơ sở",
              "Lao động tiên tiến"]
    assert [overview.index(f"“{title}”") for title in titles] == sorted(overview.index(f"“{title}”") for title in titles)
    assert "Điều 24" in overview and "Tập thể" not in overview
    assert not answered(assistant, "Tiêu chuẩn danh hiệu Lao động tiên tiến là gì?").lead.startswith("Theo từng")
    assert not answered(assistant, "Tập thể không đăng ký danh hiệu thi đua thì có được xét tặng danh hiệu thi đua "
                                   "không?").lead.startswith("Theo từng")


def test_an_ended_law_is_not_raised_when_the_law_that_replaced_it_is_stored(assistant):
    answer = answered(assistant, "Cá nhân được tặng Bằng khen của Ủy ban MTTQVN tỉnh có được xem là hình thức khen "
                                 "thưởng để trình Bằng khen Thủ tướng Chính phủ không?")
    assert answer.citations[0].doc_id != OLD_LAW.stem
    assert not answer.lead.startswith("Quy định gần nhất")


def test_asking_which_body_names_no_collective():
    """ "… thuộc về cơ quan, tổ chức nào?" asks who decides: the award is not a collective's."""
    assert understand("Thẩm quyền quyết định tặng Bằng khen thuộc về cơ quan, tổ chức nào?").target is None
    assert understand("Tổ chức công đoàn của trường được tặng bằng khen thì thưởng bao nhiêu?").target == "tap_the"


def test_a_semicolon_in_a_story_keeps_the_follow_on_ask_dropped():
    """ "…; vậy … có đủ điều kiện … không? Và nếu … thì bị xử lý thế nào?": the first topic asks nothing, so the
    first ask is the sentence, and the ask that follows from its answer still does not count."""
    slots = understand("Anh A bị kỷ luật khiển trách năm 2024; vậy năm 2025 anh có đủ điều kiện xét Lao động tiên "
                       "tiến không? Và nếu anh cố ý che giấu việc bị kỷ luật thì bị xử lý thế nào?")
    assert slots.aspect == "tieu_chuan"


def test_rights_and_duties_asked_in_a_hurry_are_still_what_is_asked():
    """ "Quyền, nghĩa của cá nhân …": "nghĩa vụ" cut short; not the duties of a body, nor a definition."""
    assert detect_aspect("Quyền, nghĩa của cá nhân, tập thể trong thi đua, khen thưởng quy định thế nào?") == "trach_nhiem"


def test_the_rights_and_duties_of_those_rewarded_are_their_own_articles(assistant):
    """Asked of individuals and collectives, the articles written for them (Điều 86, 87), not the duties of the
    heads of agencies (Điều 13) nor the chapter's heading."""
    question = "Cá nhân, tập thể có những quyền và nghĩa vụ gì trong thi đua, khen thưởng?"
    found = assistant.searcher.search(question, 3)[0].chunk
    cited = answered(assistant, question).citations[0]
    for doc_id, location in ((found.doc_id, found.location), (cited.doc_id, cited.location)):
        assert doc_id == LAW.stem and location in ("Điều 86", "Điều 87"), location


def test_an_article_is_named_by_its_title_inside_a_chapter_too(assistant):
    """A khoản of the Law stands under a chapter ("Chương V. … › Điều 84. Hồ sơ đề nghị … › khoản 2") and carries
    its article's title only in that path; an award's name as a title ("“Huân chương Lao động” hạng Ba") is the
    subject's, not a topic named."""
    from assistant.retrieve import _title_named
    from assistant.understanding import folded_syllables

    chunks = {c.location: c for c in assistant.searcher.index.doc_chunks(LAW.stem)}
    files = chunks["Điều 84, khoản 2"]
    labour_order = chunks["Điều 44, khoản 1"]
    asked = "Hồ sơ đề nghị xét tặng danh hiệu thi đua và hình thức khen thưởng gồm những gì?"
    assert _title_named(files, folded_syllables(asked))
    assert not _title_named(files, folded_syllables("Hồ sơ đề nghị khen thưởng gồm những gì?"))
    assert not _title_named(labour_order, folded_syllables("Tiêu chuẩn Huân chương Lao động hạng Ba là gì?"))

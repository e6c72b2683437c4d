"""Posts shaped as legal Q&A sites print them: a headline question, the asker's story, then the ask again in full.
Both questions are what is asked; the story's years and places only tell who asks. Also the words officers use for
a few aspects the Law rules on (real lexical index of the Law, the decrees in force and before, and a ministry's
procedure decision and a province's plan)."""
from __future__ import annotations

from datetime import date

import pytest

from assistant.build import Assistant
from assistant.understanding import asking_part
from tests.conftest import DECREE, KNOWLEDGE, LAW, OLD_DECREE, answered, indexed_assistant

PROCEDURES = KNOWLEDGE / "plans" / "qd-3621-2025-byt.txt"
PLAN = KNOWLEDGE / "plans" / "kh-0125-2025-ubnd-dak-lak.txt"  # a plan whose units' duties share the press's words


@pytest.fixture(scope="module")
def assistant(tmp_path_factory) -> Assistant:
    return indexed_assistant(tmp_path_factory.mktemp("headline") / "data", [LAW, DECREE, OLD_DECREE, PROCEDURES, PLAN],
                             date(2026, 12, 4))


def _first_cited(built: Assistant, question: str):
    cited = answered(built, question).citations[0]
    return cited.doc_id, cited.location


def test_a_posts_headline_and_its_closing_ask_are_asked_and_its_story_is_not():
    post = ("Hạn nộp hồ sơ giải thưởng của cá nhân là ngày nào? Tôi là y sĩ ở một trạm y tế xã, làm thuốc nam 30 năm. "
            "Năm 2028 hội Đông y định giới thiệu tôi. Xin hỏi cá nhân phải gửi hồ sơ chậm nhất là ngày nào? "
            "Xin cảm ơn.")
    assert asking_part(post) == ("Hạn nộp hồ sơ giải thưởng của cá nhân là ngày nào? Xin hỏi cá nhân phải gửi hồ sơ "
                                 "chậm nhất là ngày nào?")


def test_a_procedures_deadline_asked_in_a_long_post_is_answered_from_its_step_row(assistant):
    """The story's year and province are not words the procedure must hold."""
    answer = answered(assistant, "Hạn chót nộp hồ sơ giải thưởng Hải Thượng Lãn Ông của cá nhân là khi nào? Tôi là y sĩ "
                                 "ở trạm y tế một xã của tỉnh Quảng Trị, bốc thuốc nam đã 30 năm. Năm 2028 hội Đông y "
                                 "định giới thiệu tôi xét giải thưởng này. Đọc quy trình của Bộ Y tế tôi thấy nhiều "
                                 "mốc quá. Xin hỏi cá nhân phải gửi hồ sơ về đơn vị quản lý chậm nhất là ngày nào?")
    assert "15 tháng 8" in answer.lead
    assert "gửi hồ sơ về đơn vị" in answer.lead  # the step the date belongs to, not the row's number
    assert answer.citations[0].doc_id == "qd-3621-2025-byt"


def test_the_decree_in_force_asked_after_a_story_naming_the_one_replaced_answers(assistant):
    assert _first_cited(assistant, "Nữ lãnh đạo được giảm bao nhiêu thời gian giữ chức vụ khi xét khen thưởng cống "
                                   "hiến? Tôi là nguyên trưởng phòng của một sở, nghỉ hưu năm 2026. Phòng tổ chức "
                                   "không chắc mức giảm vì Nghị định 98/2023 đã hết hiệu lực. Xin hỏi theo nghị định "
                                   "đang có hiệu lực thì được giảm thế nào?") == ("nd-152-2025-ND-CP", "Điều 4, khoản 7")


@pytest.mark.parametrize("question,doc,location", [
    # printing an award's emblem on a company's papers: the collective's right to use it (Điều 86), not a file
    ("Công ty được Huân chương thì có được in hình huân chương lên giấy tờ không ạ?", "luat-06-2022-QH15", "Điều 86"),
    # who reviews and proposes a person seconded elsewhere: the level managing staff and pay (Điều 83 khoản 1)
    ("Tôi là giáo viên được cử biệt phái sang phòng giáo dục, cuối năm trách nhiệm xét và đề nghị khen thưởng cho tôi "
     "thuộc về đơn vị nào?", "luat-06-2022-QH15", "Điều 83"),
    # the principle of paying rewards is the decree's principles of the amounts (NĐ 152/2025 Điều 49), not who pays
    ("Nguyên tắc chi thưởng khi khen thưởng hiện nay được quy định thế nào?", "nd-152-2025-ND-CP", "Điều 49"),
    # time taught in very hard areas counted twice for Nhà giáo ưu tú (Điều 64 khoản 4)
    ("Cô giáo dạy ở vùng đặc biệt khó khăn 8 năm, thời gian dạy ở vùng khó có được tính nhiều hơn khi xét Nhà giáo "
     "ưu tú không?", "luat-06-2022-QH15", "Điều 64, khoản 4"),
    # the objects of an award are what the State protects (Điều 12 khoản 1)
    ("Huy hiệu Anh hùng, huân chương có được Nhà nước bảo hộ không, và được tặng cho những ai?", "luat-06-2022-QH15",
     "Điều 12"),
    # the press's duties (Điều 13 khoản 4), the body's name between "giao cho" and the ask
    ("Luật giao cho cơ quan báo chí những việc gì trong công tác thi đua, khen thưởng?", "luat-06-2022-QH15",
     "Điều 13, khoản 4"),
])
def test_an_aspect_told_in_the_officers_words_finds_its_provision(assistant, question, doc, location):
    cited_doc, cited_location = _first_cited(assistant, question)
    assert (cited_doc, cited_location[:len(location)]) == (doc, location)


def test_whether_a_text_not_stored_still_holds_is_answered_by_the_article_that_ended_it(assistant):
    """NĐ 28/2024 is not stored; NĐ 152/2025 Điều 59 says it ended, before any provision on the medal it concerns."""
    assert _first_cited(assistant, "Nghị định 28/2024 về Huy chương Thanh niên xung phong vẻ vang hiện nay còn hiệu lực "
                                   "không?") == ("nd-152-2025-ND-CP", "Điều 59")


def test_wearing_a_medal_to_mock_it_is_led_by_the_ban_on_misusing_an_awards_objects(assistant):
    answer = answered(assistant, "Cháu tôi lấy huân chương của ông đeo đi diễn hài trên mạng, như vậy có bị cấm không?")
    assert answer.lead.startswith("Sử dụng hiện vật khen thưởng trái thuần phong")


def test_no_verdict_on_a_title_the_story_holds_when_the_award_asked_is_one_the_checker_cannot_judge(assistant):
    """The checker has no rules for Huân chương Lao động hạng Nhì: the Law's criteria answer, with no verdict on the
    ministry-level emulation title the story tells as held."""
    answer = answered(assistant, "Có Huân chương Lao động hạng Ba rồi thì cần gì để lên hạng Nhì? Tôi là BS. Lê Thị Hoa, "
                                 "trưởng khoa một bệnh viện thuộc Bộ Y tế. Tôi được Huân chương Lao động hạng Ba năm "
                                 "2019, từ năm 2020 đến 2025 năm nào cũng được đánh giá hoàn thành tốt nhiệm vụ trở "
                                 "lên, năm 2023 được danh hiệu Chiến sĩ thi đua cấp Bộ. Phòng tổ chức cho rằng tôi đã "
                                 "đủ tiêu chuẩn hạng Nhì, còn một đồng nghiệp nói phải có 2 lần Chiến sĩ thi đua cấp "
                                 "Bộ. Xin hỏi tiêu chuẩn Huân chương Lao động hạng Nhì đối với người đã có hạng Ba hiện "
                                 "nay là gì, tôi có đủ không?")
    assert answer.tool is None
    assert "Không đủ điều kiện" not in answer.text
    assert answer.citations[0].location.startswith("Điều 43, khoản 1")


@pytest.mark.parametrize("question,doc,location", [
    # an ask naming only the kind ("huy chương này") asks the award named before it, not the one held
    ("Con trai tôi là sĩ quan, đã có Huy chương Chiến sĩ vẻ vang hạng Ba. Đơn vị bảo phục vụ đủ lâu sẽ được Huy chương "
     "Quân kỳ quyết thắng. Cần công tác bao lâu mới được xét huy chương này?", "luat-06-2022-QH15", "Điều 55"),
    # who sets the rules for the deputies (Điều 88)
    ("Khen thưởng cho ĐBQH do cơ quan nào quy định, có giống CBCCVC không?", "luat-06-2022-QH15", "Điều 88"),
    # "xét hoặc trình": who reviews and proposes (Điều 83 khoản 1)
    ("Chồng tôi làm ở một công ty tư nhân, ai có trách nhiệm xét hoặc trình khen cho công nhân ở đó?",
     "luat-06-2022-QH15", "Điều 83, khoản 1"),
    # the public posting before the council meets, in the year's decree (NĐ 98/2023 Điều 46)
    ("Năm 2024, danh sách đề nghị tặng huân chương phải công khai ít nhất bao lâu trước khi họp Hội đồng?",
     "nd-98-2023-ND-CP", "Điều 46"),
    # "hồ sơ của tôi còn thiếu gì": the criteria the record lacks, not the file's papers (Điều 44 khoản 1)
    ("Tôi được Bằng khen của Thủ tướng năm 2019, từ 2020 đến 2025 đều hoàn thành tốt nhiệm vụ, 3 lần chiến sĩ thi đua "
     "cơ sở. Tôi muốn đề nghị Huân chương Lao động hạng Ba. Theo quy định thì hồ sơ của tôi còn thiếu gì?",
     "luat-06-2022-QH15", "Điều 44, khoản 1"),
    # posting the list for a state honour (Điều 84 khoản 5), asked of one of the family
    ("Đề nghị danh hiệu Nghệ sĩ ưu tú có phải công khai danh sách không?", "luat-06-2022-QH15", "Điều 84, khoản 5"),
    # a badge's name is registered with the central body (Điều 71)
    ("Hội chúng tôi muốn làm kỷ niệm chương riêng, tên kỷ niệm chương có phải làm thủ tục gì với cơ quan nhà nước "
     "không?", "luat-06-2022-QH15", "Điều 71"),
    # a nomination held while an inspection runs (NĐ 152/2025 Điều 4 khoản 4), not the file's papers
    ("Đang bị tố cáo thì hồ sơ khen thưởng có bị dừng không? Tôi là kế toán một trường tiểu học, năm nay được đề nghị "
     "chiến sĩ thi đua cơ sở thì có người gửi đơn tố cáo. Hiệu trưởng nói hồ sơ khen của tôi phải tạm dừng đến khi có "
     "kết luận.", "nd-152-2025-ND-CP", "Điều 4, khoản 4"),
    # a collective holding the lower class: the collective's step (Điều 46 khoản 2), not the individual's
    ("Lữ đoàn đã có Huân chương Bảo vệ Tổ quốc hạng Ba, 5 năm liền hoàn thành xuất sắc nhiệm vụ thì cần gì để đề nghị "
     "Huân chương Bảo vệ Tổ quốc hạng Nhì?", "luat-06-2022-QH15", "Điều 46, khoản 2"),
    # a hospital is a collective (Điều 38 khoản 3)
    ("Bệnh viện được tặng Huân chương Lao động hạng Nhất năm 2018 thì bao giờ đủ thời gian đề nghị Huân chương Độc "
     "lập hạng Ba?", "luat-06-2022-QH15", "Điều 38, khoản 3"),
    # "buôn văn hóa": the Central Highlands' village title (Điều 30), not a province's plan
    ("Trưởng buôn ở Đắk Lắk hỏi: tiêu chuẩn thôn, buôn văn hóa do trung ương hay tỉnh quy định chi tiết?",
     "luat-06-2022-QH15", "Điều 30"),
])
def test_who_and_what_asked_in_the_officers_words_finds_its_provision(assistant, question, doc, location):
    cited_doc, cited_location = _first_cited(assistant, question)
    assert (cited_doc, cited_location[:len(location)]) == (doc, location)

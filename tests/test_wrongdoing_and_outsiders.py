"""Things going wrong and people outside the State apparatus: what the law forbids, a collective's criteria on a
disciplined member, money taken back, a foreign award, the principle for those who produce, who may launch a
movement, a kỷ niệm chương's name, an award presented abroad (real index, lexical)."""
from __future__ import annotations

import pytest

from assistant.build import Assistant
from assistant.understanding import without_asker
from tests.conftest import DECREE, KNOWLEDGE, LAW, OLD_DECREE, indexed_assistant

PLANS = KNOWLEDGE / "plans"


@pytest.fixture(scope="module")
def laws(tmp_path_factory) -> Assistant:
    return indexed_assistant(tmp_path_factory.mktemp("laws") / "data", [LAW, DECREE, OLD_DECREE], "2026-12-04")


def _first(built: Assistant, question: str) -> str:
    first = built.searcher.search(question, 5)[0].chunk
    return f"{first.doc_id} {first.location}"


@pytest.mark.parametrize("question,expected", [
    # a member disciplined: the collective title's own criterion (Điều 28 khoản 1 điểm c), not the decree's
    # rule on when a disciplined person's achievements count
    ("Phòng mình có 1 người bị cảnh cáo thì phòng còn được TTLĐTT không ạ?", "luat-06-2022-QH15 Điều 28"),
    # the condition to receive a foreign organisation's award (Điều 14), not the criteria of a huy chương
    ("Viện tôi có một nghiên cứu viên được một hội khoa học của Pháp báo sẽ trao huy chương. Người Việt Nam nhận "
     "hình thức khen thưởng của tổ chức nước ngoài thì phải có điều kiện gì?", "luat-06-2022-QH15 Điều 14"),
    # a forged paper in a file: the forbidden acts (Điều 15), not what the file holds
    ("Phát hiện đồng nghiệp nộp giấy tờ giả trong hồ sơ đề nghị khen thưởng, việc đó có bị pháp luật cấm không hay "
     "chỉ là sai sót?", "luat-06-2022-QH15 Điều 15"),
    # the principle of rewarding those who produce (Điều 5 khoản 2 điểm d), not the honouring of businesses
    ("Hợp tác xã của chúng tôi toàn xã viên trực tiếp sản xuất, luật có nói phải chú trọng khen người lao động trực "
     "tiếp không hay chỉ khen ban giám đốc?", "luat-06-2022-QH15 Điều 5"),
    # a private company's director launching a movement inside it: who may launch one (Điều 18)
    ("Giám đốc công ty tư nhân có được tự mình phát động thi đua trong công ty không?", "luat-06-2022-QH15 Điều 18"),
    # the money of an award won by lying: taken back (Điều 93 khoản 2)
    ("Kê khai gian dối thành tích mà bị phát hiện thì tiền thưởng đã nhận xử lý thế nào?",
     "luat-06-2022-QH15 Điều 93, khoản 2"),
    # the field's short form of Huy chương Quân kỳ quyết thắng, typed without diacritics
    ("Huy chuong QKQT can cong tac lien tuc bao nhieu nam?", "luat-06-2022-QH15 Điều 55"),
    # complaints and denunciations as part of the State's management of the field (Điều 89)
    ("Thanh tra, kiểm tra và xử lý vi phạm về TĐKT có thuộc nội dung QLNN không hay do đơn vị tự làm?",
     "luat-06-2022-QH15 Điều 89"),
    # a clause telling what happened before the semicolon: the ask after it is on registering the name
    ("Một câu lạc bộ ở phường tự làm kỷ niệm chương cho hội viên rồi thu tiền làm hiện vật; tên kỷ niệm chương có "
     "phải đăng ký ở đâu không?", "luat-06-2022-QH15 Điều 71"),
    # a household giving land: the Bằng khen written for households (Điều 74 khoản 5, Điều 73 khoản 6)
    ("Bố mẹ tôi hiến 300 m2 đất làm đường liên thôn thì gia đình được khen thưởng hình thức gì?",
     "luat-06-2022-QH15 Điều 74, khoản 5"),
    ("Gia đình tôi hiến đất xây trường mầm non, có được đề nghị Bằng khen của Thủ tướng không?",
     "luat-06-2022-QH15 Điều 73, khoản 6"),
])
def test_the_provision_the_question_asks_comes_first(laws, question, expected):
    assert _first(laws, question) == expected


def test_an_award_for_someone_who_cannot_come_home_is_presented_by_the_ambassador(laws):
    answer = laws.answerer().answer("Chú tôi là Việt kiều ở Canada được tặng Huân chương Lao động hạng Ba nhưng già "
                                    "yếu k về VN nhận được. Có trao ở bên đó được không, ai trao?")
    assert "Đại sứ" in answer.lead


def test_a_storys_background_years_do_not_exclude_the_document_asked(tmp_path_factory):
    built = indexed_assistant(tmp_path_factory.mktemp("dhdn") / "data",
                              [PLANS / "qd-1364-2026-dhdn.txt", PLANS / "qd-4036-2022-dhdn.txt", LAW], "2026-12-04")
    answer = built.answerer().answer(
        "Tôi là giảng viên một trường thành viên Đại học Đà Nẵng. Năm học 2025-2026 tôi làm phần mềm chấm bài, đã có "
        "Giấy khen năm 2024. Nghe nói Đại học Đà Nẵng đã sửa quy định về công nhận sáng kiến. Xin hỏi theo quy định "
        "sửa đổi, cá nhân nộp hồ sơ đề nghị công nhận sáng kiến trong khoảng thời gian nào?")
    assert not answer.not_found
    assert "01/9" in answer.lead and answer.citations[0].document.startswith("Quyết định 1364")


def test_a_bulleted_letter_is_read_without_its_asker():
    assert without_asker("* Ông Trần Văn B (Huế) hỏi: Tiêu chuẩn Tập thể lao động xuất sắc là gì?") == \
        "Tiêu chuẩn Tập thể lao động xuất sắc là gì?"


def test_a_company_asking_whether_it_may_launch_a_movement_is_answered_by_the_heads_khoan(laws):
    answer = laws.answerer().answer("Công ty cổ phần có được tự phát động phong trào thi đua trong công ty không?")
    assert answer.lead.startswith("Người đứng đầu cơ quan, tổ chức, đơn vị phát động")

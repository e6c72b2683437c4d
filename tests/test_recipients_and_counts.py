"""Who the reward is for and what is counted: a collective's khoản of an order's article before the one for
ministries and provinces, a household's money, the figure a count question asks, and a deadline asked of one
task answered by that task's line (real index, lexical)."""
from __future__ import annotations

import pytest

from assistant.build import Assistant
from assistant.understanding import understand
from tests.conftest import DECREE, KNOWLEDGE, LAW, OLD_DECREE, OLD_LAW, SEED_001, indexed_assistant

PLANS = KNOWLEDGE / "plans"


def _indexed(tmp_path_factory, name: str, files: list) -> Assistant:
    """An assistant over a real lexical index of these files, on 4 December 2026."""
    return indexed_assistant(tmp_path_factory.mktemp(name) / "data", files, "2026-12-04")


@pytest.fixture(scope="module")
def laws(tmp_path_factory):
    return _indexed(tmp_path_factory, "laws", [LAW, DECREE, OLD_DECREE])


def _first(built: Assistant, question: str) -> str:
    first = built.searcher.search(question, 5)[0].chunk
    return f"{first.doc_id} {first.location}"


@pytest.mark.parametrize("question,expected", [
    # an army division holding the lower class: the khoản for collectives of the army and the police, not the one
    # for the two ministries on their anniversaries (Luật 06/2022 Điều 39 khoản 2 and 3)
    ("Sư đoàn tôi đã có Huân chương Quân công hạng Nhì, muốn đề nghị Huân chương Quân công hạng Nhất thì phải liên "
     "tục bao nhiêu năm hoàn thành xuất sắc nhiệm vụ?", "luat-06-2022-QH15 Điều 39, khoản 3"),
    ("Tổng công ty chúng tôi đã được Huân chương Độc lập hạng Ba từ năm 2014. Muốn đề nghị Huân chương Độc lập "
     "hạng Nhì thì cần mấy lần Cờ thi đua của Chính phủ?", "luat-06-2022-QH15 Điều 37, khoản 3"),
    # the province itself, on its anniversary, is what khoản 2 is written for
    ("Nhân kỷ niệm 50 năm ngày thành lập, UBND đề nghị Huân chương Độc lập hạng Nhất cho tỉnh thì cần tiêu chuẩn "
     "gì?", "luat-06-2022-QH15 Điều 36, khoản 2"),
    # a company, not a person, losing a State honour (Điều 93 khoản 5, not khoản 3)
    ("Công ty cổ phần của chúng tôi được tặng danh hiệu Anh hùng Lao động, nay bị khởi tố với tư cách pháp nhân "
     "thương mại. Trường hợp nào thì công ty bị tước danh hiệu vinh dự nhà nước?", "luat-06-2022-QH15 Điều 93, khoản 5"),
    # a collective asking for the same order again (Điều 35 khoản 4)
    ("Tổng công ty được tặng Huân chương Hồ Chí Minh năm 2010, đến nay chưa có Huân chương Độc lập hạng Nhất. "
     "Nhân dịp kỷ niệm ngày thành lập, công ty muốn đề nghị Huân chương Hồ Chí Minh lần thứ hai. Tập thể phải sau "
     "bao nhiêu năm mới được xét tặng lần tiếp theo?", "luat-06-2022-QH15 Điều 35, khoản 4"),
])
def test_the_khoan_for_the_recipient_asked_comes_first(laws, question, expected):
    assert _first(laws, question) == expected


def test_a_household_asking_its_reward_gets_the_decree_in_force_not_the_ended_one(laws):
    answer = laws.answerer().answer("Nhà em hiến đất làm đường, được Bằng khen của UBND tỉnh tặng cho hộ gia đình. "
                                    "Tiền thưởng cho hộ có bằng cá nhân không hay được nhiều hơn, gấp mấy lần?")
    assert answer.citations[0].document.startswith("Nghị định 152/2025")
    assert "1,5 lần" in answer.lead


def test_a_title_already_proposed_in_the_story_is_not_the_one_asked(laws):
    answer = laws.answerer().answer(
        "Trung tâm chúng tôi năm 2025 dẫn đầu khối thi đua và đã được đề nghị cờ thi đua của UBND tỉnh. Giám đốc đặt "
        "mục tiêu năm sau phấn đấu Cờ thi đua của Chính phủ. Tôi được giao tìm hiểu xem Cờ của Chính phủ hằng năm "
        "được xét chọn trong số những tập thể nào?")
    assert answer.citations[0].location.startswith("Điều 25")
    assert "dẫn đầu cụm, khối thi đua" in answer.lead


def test_printing_an_orders_image_on_a_companys_papers_is_no_question_on_nomination_files(laws):
    question = ("Công ty mình được tặng Huân chương Lao động hạng Ba, giờ muốn in hình huân chương lên giấy tiêu đề "
                "với hồ sơ năng lực của công ty thì có được không hay phải xin phép ai?")
    assert understand(question).aspect != "ho_so"
    assert "sử dụng biểu tượng" in laws.answerer().answer(question).lead


def test_a_nomination_held_back_while_a_denunciation_is_checked_is_answered_by_the_rule_on_it(laws):
    """ "tạm dừng hồ sơ … có đúng không" asks whether awards wait while an inspection runs (NĐ 152/2025 Điều 4
    khoản 4), not what the file holds."""
    answer = laws.answerer().answer(
        "Tổ bảo vệ của xã được đưa vào danh sách đề nghị Tập thể lao động xuất sắc năm 2025. Tháng 11 có đơn tố cáo, "
        "thanh tra đang xác minh nhưng chưa có kết luận. Chủ tịch hội đồng thi đua nói tạm dừng hồ sơ của tổ, như "
        "vậy có đúng không?")
    assert not answer.not_found
    assert (answer.citations[0].document.startswith("Nghị định 152/2025")
            and answer.citations[0].location.startswith("Điều 4, khoản 4"))


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    return _indexed(tmp_path_factory, "plans", [SEED_001, PLANS / "qd-71-2025-ubnd-ha-noi.txt",
                                                PLANS / "kh-1176-2021-bgddt.txt", PLANS / "cv-1368-2023-bgddt.txt",
                                                PLANS / "qd-2040-2024-bgddt.txt"])


@pytest.mark.parametrize("question,figure", [
    ("Theo quy chế Công dân Thủ đô ưu tú của UBND thành phố Hà Nội, mỗi năm xét tặng tối đa bao nhiêu người?",
     "10 cá nhân"),
    ("Kế hoạch 1176/KH-BGDĐT về thi đua phòng, chống COVID-19 quy định hồ sơ khen thưởng theo thủ tục đơn giản "
     "nộp mấy bộ?", "03 bộ"),
])
def test_a_count_is_led_by_the_figure_of_what_is_counted(plans, question, figure):
    assert plans.answerer().answer(question).lead.startswith(figure)


def test_the_deadline_of_one_task_a_unit_asks_is_that_tasks_line_not_the_units_list(plans):
    answer = plans.answerer().answer(
        "Tôi là chuyên viên văn phòng UBND một phường, mới được giao theo dõi thi đua. Anh trưởng phòng dặn phải "
        "đăng ký danh hiệu thi đua năm 2021 cho cả phường theo kế hoạch 01 của Hội đồng TĐKT quận. Đăng ký danh "
        "hiệu và chuyên đề thi đua thì gửi đi đâu và trước ngày nào ạ?")
    assert "28/02/2021" in answer.lead and "nhiệm vụ phối hợp" not in answer.lead


def test_a_dispatch_named_by_its_short_form_in_lower_case_is_the_one_answering(plans):
    """ "cv 1368" names Công văn 1368/BGDĐT-TCCB (2023), not the 2024 quy chế on the same title."""
    answer = plans.answerer().answer("cv 1368 nha giao tieu bieu han gui ho so ve bo qua vu tccb")
    assert answer.citations[0].document.startswith("Công văn 1368")
    assert "30/8/2023" in answer.lead


def test_a_year_opening_a_span_up_to_now_brings_no_rule_of_that_year(tmp_path_factory):
    """ "Bằng khen năm 2018, từ đó đến nay …" asks today's rules; the ended Law of 2018 is not quoted after them."""
    laws = _indexed(tmp_path_factory, "law_then", [LAW, OLD_LAW])
    answer = laws.answerer().answer("Anh tôi được Bằng khen Thủ tướng năm 2018, từ đó đến nay được 3 lần Chiến sĩ thi "
                                    "đua cơ sở, đã đủ đề nghị Huân chương Lao động hạng Ba chưa?")
    assert answer.citations[0].location.startswith("Điều 44")
    assert all(c.doc_id == LAW.stem for c in answer.citations)

"""Procedures and records as officers tell them: whether a case may take the simplified procedure, who signs the
proposal, the province's opinion in a file, a second award for the same deed, the pre-Law awards, a department
named beside a person, a record that only a collective can hold, and the decree's khoản on positions that its
source numbers "2.–3." (real index, lexical)."""
from __future__ import annotations

import pytest

from assistant.build import Assistant
from assistant.understanding import understand
from tests.conftest import DECREE, KNOWLEDGE, LAW, OLD_LAW, indexed_assistant


@pytest.fixture(scope="module")
def laws(tmp_path_factory) -> Assistant:
    return indexed_assistant(tmp_path_factory.mktemp("laws") / "data", [LAW, DECREE], "2026-12-04")


def _first(built: Assistant, question: str) -> str:
    first = built.searcher.search(question, 5, mode="bm25")[0].chunk
    return f"{first.doc_id} {first.location}"


@pytest.mark.parametrize("question,expected", [
    # a case asked of the simplified procedure: the cases it applies to (Điều 85 khoản 1), whatever award is named
    ("Cháu tôi vừa đoạt giải nhất cuộc thi tin học quốc tế, trường muốn đề nghị Bằng khen của Bộ trưởng cho cháu. "
     "Trường hợp này có được xét theo thủ tục đơn giản không?", "luat-06-2022-QH15 Điều 85"),
    # the proposal's signer is who proposes (Điều 83), not who decides
    ("Ở tỉnh, tờ trình đề nghị tặng Huân chương Lao động do ai ký?", "luat-06-2022-QH15 Điều 83"),
    # the opinion of the province or ministry in a huân chương file (Điều 84 khoản 3), not the list of the file
    ("Làm hồ sơ đề nghị Huân chương cho cán bộ của tổng công ty thì có cần ý kiến của địa phương nơi đóng trụ sở "
     "không?", "luat-06-2022-QH15 Điều 84, khoản 3"),
    # the province's opinion asked with the body's short name (masked as a name when cues are read)
    ("Hồ sơ trình Huân chương Lao động cho một tổng giám đốc có cần ý kiến của UBND tỉnh không?",
     "luat-06-2022-QH15 Điều 84, khoản 3"),
    # the pay reform that ends the base salary: the decree's khoản on it (Điều 49 khoản 8); "lương cơ sở" is the
    # base salary, not the "cơ sở" level
    ("Khi cải cách tiền lương bỏ mức lương cơ sở thì tiền thưởng thi đua tính theo gì?", "nd-152-2025-ND-CP Điều 49, khoản 8"),
    # a second award for a deed already rewarded: the principle of one award per achievement (Điều 5)
    ("Đội xung kích của phường được Chủ tịch tỉnh tặng bằng khen vì cứu hộ bão, nay phường lại định tặng thêm giấy "
     "khen cho chính việc đó thì có đúng quy định không?", "luat-06-2022-QH15 Điều 5"),
    # awards given before the Law in force: its transitional article (Điều 95), not the handling of violations
    ("Ông tôi được tặng Huân chương Kháng chiến từ lâu. Những khen thưởng được tặng trước khi luật mới có hiệu lực thì "
     "xử lý thế nào?", "luat-06-2022-QH15 Điều 95"),
    # a director asked whether he may give the kind of giấy khen his own cooperative gives (Điều 75)
    ("Giám đốc hợp tác xã có được ký tặng giấy khen cho thành viên hợp tác xã không?", "luat-06-2022-QH15 Điều 75"),
    # a doctor named with the department she works in is a person: the individual's khoản (Điều 44 khoản 1)
    ("Tôi là điều dưỡng khoa Nhi, được Bằng khen của Thủ tướng năm 2020, từ đó đều hoàn thành tốt nhiệm vụ. Cần mấy "
     "năm nữa để đề nghị Huân chương Lao động hạng Ba?", "luat-06-2022-QH15 Điều 44, khoản 1"),
    # a record counting "Cờ thi đua của Chính phủ", which only a collective holds: the collective's khoản (khoản 4)
    ("Đã có Huân chương Lao động hạng Nhì, sau đó được 2 lần Cờ thi đua của Chính phủ thì có đủ điều kiện "
     "Huân chương Lao động hạng Nhất không?", "luat-06-2022-QH15 Điều 42, khoản 4"),
])
def test_a_procedure_or_a_record_told_the_officers_way_finds_its_khoan(laws, question, expected):
    assert _first(laws, question).startswith(expected)  # a short article is stored whole


def test_the_decrees_khoan_on_positions_is_its_own_and_answers_which_position_counts(laws):
    """NĐ 152/2025 Điều 9: the source numbers the block on positions "2.–3."; it is a khoản of its own, not part of
    điểm g of khoản 1, and the rule on several positions held at once is quoted from it."""
    answer = laws.answerer().answer("Một người cùng lúc giữ hai chức vụ thì khi xét khen thưởng quá trình cống hiến "
                                    "lấy chức vụ nào để tính?")
    first = answer.citations[0]
    assert (first.doc_id, first.location) == (DECREE.stem, "Điều 9, khoản 2–3")
    assert "chức vụ cao nhất" in answer.lead and not answer.lead.startswith("2.")
    holding = [c.location for c in laws.index.doc_chunks(DECREE.stem) if "chức vụ cao nhất" in c.body]
    assert holding == ["Điều 9, khoản 2–3"]


@pytest.fixture(scope="module")
def laws_and_procedures(tmp_path_factory) -> Assistant:
    files = [LAW, DECREE, KNOWLEDGE / "plans" / "qd-3621-2025-byt.txt", KNOWLEDGE / "plans" / "qd-2040-2024-bgddt.txt"]
    return indexed_assistant(tmp_path_factory.mktemp("procedures") / "data", files, "2026-12-04")


@pytest.mark.parametrize("question,document", [
    ("Tôi được Bằng khen của tỉnh năm 2023, nay được giới thiệu xét giải thưởng của ngành y. Theo quy trình Bộ Y tế ban "
     "hành cuối năm 2025 thì thời gian xử lý hồ sơ là bao lâu?", "qd-3621-2025-byt"),
    ("Trường em có cô giáo từng được Bằng khen của Bộ trưởng. Quy chế Bộ Giáo dục và Đào tạo ban hành năm 2024 quy định "
     "hồ sơ đề cử gửi về đâu?", "qd-2040-2024-bgddt"),
])
def test_a_document_named_by_what_it_is_who_issued_it_and_the_year_is_searched_first(laws_and_procedures, question,
                                                                                       document):
    """No number given: the one stored document whose title holds "quy trình" / "quy chế", issued by that body in that
    year, is the one asked about, before the Law's provisions on the award the story names."""
    assert _first(laws_and_procedures, question).startswith(document)


AMENDING_LAW = KNOWLEDGE / "legal" / "luat-39-2013-QH13.txt"


@pytest.fixture(scope="module")
def laws_old_and_new(tmp_path_factory) -> Assistant:
    return indexed_assistant(tmp_path_factory.mktemp("old-and-new") / "data", [LAW, OLD_LAW, AMENDING_LAW, DECREE], "2026-12-04")


def test_a_year_that_starts_a_span_running_to_today_brings_no_rule_of_that_year(laws_old_and_new):
    """ "Được BK TTg năm 2018, từ đó …": the year tells when the span began; today's rule answers alone."""
    answer = laws_old_and_new.answerer().answer("Anh tôi được BK TTg năm 2018, từ đó đều HTTNV, 2 năm HTXSNV. Đủ đề nghị "
                                                "HCLĐ hạng Ba chưa?")
    assert (answer.citations[0].doc_id, answer.citations[0].location) == (LAW.stem, "Điều 44, khoản 1")
    assert "Năm 2018" not in answer.text and {c.doc_id for c in answer.citations} <= {LAW.stem, DECREE.stem}
    asked_then = laws_old_and_new.answerer().answer("Năm 2018, Huân chương Lao động hạng Ba cần những tiêu chuẩn gì?")
    assert {OLD_LAW.stem, AMENDING_LAW.stem} & {c.doc_id for c in asked_then.citations}


def test_a_case_asked_of_the_simplified_procedure_by_its_full_name_is_read_as_that_procedures_cases():
    """ "có được khen thưởng theo thủ tục đơn giản không": the procedure's matched name holds the way asked
    ("khen thưởng theo"); the question is still whether the case is one the procedure applies to, not the
    criteria of the award the story names."""
    slots = understand("Đội tuyển của trường đạt huy chương vàng Olympic quốc tế, tỉnh định tặng Bằng khen. Các em có "
                       "được khen thưởng theo thủ tục đơn giản không ạ?")
    assert (slots.subjects[0], slots.aspect) == ("thu_tuc_don_gian", "truong_hop_ap_dung")

"""How officers write in a chat: unaccented everyday words beside the field's, medals abbreviated with a space,
people called by name, the kind of recipient asked last, the force a medal is for (real lexical index)."""
from __future__ import annotations

from datetime import date

import pytest

from assistant.build import Assistant
from assistant.understanding import asking_clause, understand
from assistant.vocabulary import load_vocabulary
from tests.conftest import DECREE, KNOWLEDGE, LAW, answered, indexed_assistant

TODAY = date(2026, 6, 1)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory) -> Assistant:
    return indexed_assistant(tmp_path_factory.mktemp("chat") / "data", [LAW, DECREE], TODAY)


@pytest.mark.parametrize("typed,restored", [
    # the chat's words ("tôi", "hỏi") and the law's ("tối đa") in one question
    ("cho toi hoi ty le toi da duoc khen thuong la bao nhieu", "cho tôi hỏi tỷ lệ tối đa được khen thưởng là bao nhiêu"),
    ("bo em cong tac 26 nam trong quan doi", "quân đội"),
    ("moi don vi duoc de nghi toi da may nguoi", "mỗi đơn vị được đề nghị tối đa mấy người"),
    # a capital letter alone names someone and stays as typed
    ("anh A da duoc tang giay khen", "anh A đã được tặng giấy khen"),
])
def test_a_question_typed_without_diacritics_is_read_in_the_chats_words_and_the_laws(assistant, typed, restored):
    assert restored in assistant.searcher.restore_diacritics(typed)


@pytest.mark.parametrize("text,entry", [
    ("Đủ điều kiện đề nghị HC BVTQ hạng Ba chưa?", "huan_chuong_bao_ve_to_quoc_hang_ba"),
    ("Thời gian ở đảo khi tính HC CSVV có được nhân hệ số không?", "huy_chuong_chien_si_ve_vang"),
    ("Năm 2018 em được Thủ tướng tặng bằng khen", "bang_khen_thu_tuong"),
    ("Chủ tịch Hội đồng thành viên được ký gì?", "lanh_dao_doanh_nghiep"),
])
def test_the_fields_spellings_name_their_award_or_body(text, entry):
    assert entry in [m.entry.id for m in load_vocabulary().find(text)]


def test_a_name_does_not_run_across_a_comma_nor_is_a_person_a_title():
    vocabulary = load_vocabulary()
    told = [m.entry.id for m in vocabulary.find("Xã đã tặng giấy khen, huyện cũng đề nghị tỉnh khen.")]
    assert "giay_khen_chu_tich_ubnd_huyen" not in told and "giay_khen" in told
    assert "anh_hung" not in [m.entry.id for m in vocabulary.find("anh Hùng bảo vệ cơ quan đã cứu 2 cháu nhỏ")]
    assert "anh_hung_lao_dong" in [m.entry.id for m in vocabulary.find("Anh hùng Lao động cần tiêu chuẩn gì?")]


@pytest.mark.parametrize("question,target", [
    # the school is where the asker works, not who is asked about
    ("Em là giáo viên một trường THCS, đã 3 lần CSTĐCS. Em có đủ điều kiện đề nghị Bằng khen của UBND tỉnh chưa?",
     "ca_nhan"),
    # of several kinds named, the one the last asking sentence names
    ("Tôi thấy Bằng khen Thủ tướng thường tặng cá nhân, tập thể. Vậy hộ gia đình hiến đất làm đường có được "
     "tặng không?", "ho_gia_dinh"),
    ("Chồng em là quân nhân chuyên nghiệp ở Trường Sa 4 năm, có được tính hệ số khi xét huy chương không?", "ca_nhan"),
])
def test_who_is_asked_about_is_read_where_the_question_asks(question, target):
    assert understand(question).target == target


@pytest.mark.parametrize("question,location", [
    ("Bố em là thượng tá công an, công tác liên tục 26 năm, sắp được nhận huy chương gì của ngành?", "Điều 56"),
    ("Anh tôi là sĩ quan quân đội công tác 27 năm, được xét huy chương gì, cần bao nhiêu năm?", "Điều 55"),
    ("Ai là người có quyền ra quyết định hủy cái giấy khen đã tặng cho trường năm ngoái?", "Điều 93, khoản 8"),
    ("Tôi thấy Bằng khen Thủ tướng thường tặng cá nhân, tập thể. Vậy hộ gia đình hiến đất làm đường có được "
     "tặng không, cần điều kiện gì?", "Điều 73, khoản 6"),
    ("Công ty tôi thì Chủ tịch Hội đồng thành viên được ký những gì, giám đốc được quyết những danh hiệu nào?",
     "Điều 80"),
    ("Đồng chí hạ sĩ quan hy sinh khi làm nhiệm vụ ở đảo được hơn 3 năm thì được truy tặng HC CSVV hạng mấy?",
     "Điều 57, khoản 3"),
    ("Các tờ báo, đài phát thanh có trách nhiệm gì trong công tác thi đua, khen thưởng?", "Điều 13, khoản 4"),
    ("Việc chia các đơn vị thành từng cụm, từng khối để thi đua do ai đứng ra tổ chức?", "Điều 16"),
    # topics that recur across sets written apart
    # who presents an award on the decider's behalf (Điều 82), asked of a title with no rule of its own on it
    ("Chủ tịch tỉnh bận không về được thì giám đốc sở có được thay mặt trao bằng khen của Chủ tịch tỉnh không?",
     "Điều 82"),
    # receiving a foreign association's medal needs consent (Điều 14)
    ("Một hiệp hội bên Hàn Quốc định tặng huy chương cho anh kỹ sư phòng tôi, anh ấy có cần xin phép cơ quan nào không?",
     "Điều 14"),
    # the simplified procedure called "rút gọn"
    ("Sinh viên cứu người đuối nước, xã muốn làm hồ sơ khen theo kiểu rút gọn được không?", "Điều 85"),
    # who pays the money that comes with a Prime Minister's certificate (Điều 11)
    ("Hai công nhân được Thủ tướng tặng bằng khen, tiền thưởng đi kèm thì ai trả, Văn phòng Chính phủ hay công ty?",
     "Điều 11"),
    ("Tòa soạn báo, phóng viên được luật giao làm gì trong việc phát hiện người tốt việc tốt?", "Điều 13, khoản 4"),
    ("Trường được tặng Huân chương Lao động, muốn in hình huân chương lên giấy mời có được không?", "Điều 86"),
])
def test_the_officers_question_reaches_the_khoan_that_answers(assistant, question, location):
    first = assistant.searcher.search(question, 3)[0].chunk
    assert first.doc_id == LAW.stem and first.location.startswith(location)


def test_the_time_to_propose_a_career_award_is_read_in_the_decree():
    slots = understand("Tỉnh trình khen cống hiến cho cán bộ sắp nghỉ hưu vào lúc nào, có phải đợi quyết định nghỉ hưu?")
    assert slots.aspect == "thoi_diem_xet"


def test_an_ask_after_the_reason_for_asking_is_answered_not_refused(assistant):
    """ "… cần báo cáo lên Sở nên tôi muốn biết danh hiệu của ông ấy có bị tước không.": the clause after "muốn
    biết" asks; the background around it is the asker's."""
    question = ("Nguyên phó giám đốc bệnh viện tôi được phong Thầy thuốc ưu tú năm 2017. Năm nay ông bị tòa tuyên 5 "
                "năm tù giam, bản án đã có hiệu lực. Phòng tổ chức chúng tôi cần báo cáo lên Sở Y tế nên tôi muốn "
                "biết danh hiệu của ông ấy có bị tước không.")
    assert asking_clause(question) == "danh hiệu của ông ấy có bị tước không."
    answer = answered(assistant, question)
    assert answer.citations[0].location.startswith("Điều 93, khoản 3")
    assert "tước danh hiệu vinh dự nhà nước" in answer.lead


def test_a_date_is_no_figure_of_the_rule():
    """ "Luật này … thông qua ngày 15 tháng 6 năm 2022" under the last khoản gives no "15 tháng; 6 năm"."""
    from assistant.answering.lead import lead_text

    unit = ("3. Chính phủ quy định chi tiết trình tự, thủ tục xét tặng “Huy chương Thanh niên xung phong vẻ vang”.\n"
            "Luật này được Quốc hội thông qua ngày 15 tháng 6 năm 2022.")
    lead = lead_text("number", unit, question="Thời gian tại ngũ là bao nhiêu năm?")
    assert "—" not in lead and not lead.startswith("15 tháng")  # no "15 tháng; 6 năm — …" read as the rule's figures


CAN_THO = KNOWLEDGE / "plans" / "kh-157-2025-ubnd-can-tho.txt"


@pytest.fixture(scope="module")
def scoring_plan(tmp_path_factory) -> Assistant:
    return indexed_assistant(tmp_path_factory.mktemp("scores") / "data", [CAN_THO], TODAY)


def test_a_share_asked_reaches_the_scoring_band_that_holds_it(scoring_plan):
    """ "92% … được cộng mấy điểm?": the row whose bands ("từ 90-95% cộng 03 điểm") hold 92%, not the rows on other
    shares of the same people."""
    first = scoring_plan.searcher.search("Phường em có 92% người hưởng trợ cấp nhận tiền qua tài khoản thì được cộng "
                                         "mấy điểm thi đua?", 3)[0].chunk
    assert "từ 90-95% cộng 03 điểm" in first.body


def test_the_latest_day_is_asked_as_the_deadline():
    slots = understand("Cá nhân phải nộp hồ sơ cho đơn vị quản lý mình muộn nhất là ngày nào?")
    assert slots.aspect == "thoi_diem_xet" and "chậm nhất" in slots.synonyms


def test_the_diacritics_evaluation_reads_back_folded_questions(assistant, tmp_path, monkeypatch):
    """`python -m eval diacritics` folds accented questions, restores them and counts the syllables read back."""
    import eval.diacritics as evaluation

    questions = tmp_path / "q.jsonl"
    questions.write_text('{"id": "a", "q": "Cho tôi hỏi tỷ lệ tối đa được khen thưởng là bao nhiêu?"}\n'
                         '{"id": "b", "q": "khong dau nen bo qua"}\n', encoding="utf-8")
    monkeypatch.setattr(evaluation, "build_assistant", lambda: assistant)
    report = evaluation.evaluate([questions])
    assert report["n"] == 1 and report["syllable_accuracy"] == 1.0 and report["question_accuracy"] == 1.0


def test_the_fields_other_words_for_the_ask_let_the_right_passage_answer(assistant):
    """ "in hình huân chương lên … giấy tờ chính thức" shares few words with "sử dụng biểu tượng … trên các văn bản,
    tài liệu chính thức", which answers it: the field's other words for the ask count too."""
    answer = answered(assistant, "Công ty tôi được tặng Huân chương Lao động hạng Ba. Công ty có được in hình huân chương "
                                 "lên công văn và giấy tờ chính thức không?")
    assert answer.citations[0].location.startswith("Điều 86")
    assert "biểu tượng" in answer.lead

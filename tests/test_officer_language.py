"""The officer's language: abbreviations and spoken forms reach the right article; a question about
something the corpus does not hold is refused without unrelated passages (real index, lexical)."""
from __future__ import annotations

import pytest

from assistant.answering.question import Turn
from assistant.build import Assistant
from assistant.understanding import heads_the_role, held_steps, understand
from tests.conftest import KNOWLEDGE, LAW, SEED_001, indexed_assistant

OLD_LAW = KNOWLEDGE / "legal" / "luat-15-2003-QH11.txt"
TAM_DUONG = KNOWLEDGE / "plans" / "002_8dcd8df503d34be0.txt"
HA_GIANG = KNOWLEDGE / "plans" / "000_1085f501b25a5d99.txt"
DECREE = KNOWLEDGE / "legal" / "nd-152-2025-ND-CP.txt"
OLD_DECREE = KNOWLEDGE / "legal" / "nd-98-2023-ND-CP.txt"


def _first(built, question: str):
    """The passage ranked first for a question."""
    return built.searcher.search(question, 3)[0].chunk


def _first_law_article(built, question: str) -> str | None:
    """The article of the Law (Luật 06/2022) ranked first, None when another text comes first."""
    first = _first(built, question)
    return first.location.split(",")[0] if first.doc_id == LAW.stem else None


def _indexed(tmp_path_factory, name: str, files: list) -> Assistant:
    """An assistant over a real lexical index of these files, on 1 June 2026."""
    return indexed_assistant(tmp_path_factory.mktemp(name) / "data", files, "2026-06-01")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    return _indexed(tmp_path_factory, "officer", [LAW, OLD_LAW, SEED_001, TAM_DUONG, HA_GIANG])


@pytest.mark.parametrize("question,article", [
    ("cờ thi đua cấp tỉnh cần điều kiện gì", "Điều 26"),
    ("HCLĐ hạng Nhì xét cho cá nhân thế nào?", "Điều 43"),
    ("gia đình văn hoá do ai tặng", "Điều 80"),
    ("Tiêu chuẩn danh hiệu Chiến sĩ thi đua cấp tỉnh là gì?", "Điều 22"),
    ("CSTĐCS cần những tiêu chuẩn gì?", "Điều 23"),
    ("TTLĐXS phải có bao nhiêu % cá nhân đạt LĐTT?", "Điều 27"),
])
def test_officer_phrasings_retrieve_the_article_of_the_law_in_force_first(assistant, question, article):
    first = assistant.searcher.search(question, 5)[0].chunk
    assert first.doc_id == "luat-06-2022-QH15" and first.location.split(",")[0] == article


def test_the_understood_question_spells_out_the_abbreviations(assistant):
    answer = assistant.answerer().answer("Tiêu chuẩn CSTĐCS là gì?")
    assert "Chiến sĩ thi đua cơ sở" in answer.standalone_question
    assert answer.citations[0].location.startswith("Điều 23")


def test_a_past_year_puts_the_law_then_in_force_first(assistant):
    first = assistant.searcher.search("Năm 2019, tiêu chuẩn danh hiệu Chiến sĩ thi đua cơ sở là gì?", 5)[0].chunk
    assert first.doc_id == "luat-15-2003-QH11"


@pytest.mark.parametrize("question", [
    "Thuế thu nhập cá nhân đối với tiền thưởng Tết được tính thế nào?",
    "Thủ tục cấp sổ đỏ cho đất nông nghiệp gồm những bước nào?",
    "Mức phạt vi phạm nồng độ cồn khi lái xe máy là bao nhiêu?",
    "Kế hoạch thi đua năm 2024 của Sở Giao thông vận tải tỉnh Cà Mau giao những nhiệm vụ gì?",
    "Tiền thưởng kèm Huân chương Lao động hạng Ba có bị khấu trừ thuế không?",
    "Cán bộ đạt Chiến sĩ thi đua cơ sở nhiều năm thì khi nghỉ hưu trước tuổi lương hưu có được tính thêm không?",
    "Hạn nộp hồ sơ khen thưởng cuối năm theo hướng dẫn của Sở Nội vụ Quảng Trị là ngày nào?",
    "Lao động nữ sinh con thì mức hưởng chế độ thai sản được tính thế nào?",
    # "trao tặng" names the act the law rules on (Điều 82), not a rule on this foreign order
    "Huân chương Bắc Đẩu Bội tinh của Pháp có những hạng nào, tiêu chuẩn trao tặng ra sao?",
])
def test_out_of_corpus_questions_are_refused_with_no_unrelated_passage(assistant, question):
    answer = assistant.answerer().answer(question)
    assert answer.not_found and not answer.citations


def test_a_law_question_from_a_province_without_documents_is_answered(assistant):
    """Only questions on a province's own documents or deadlines are refused; the law applies everywhere."""
    answer = assistant.answerer().answer("Ở Quảng Trị, Chủ tịch UBND xã có được tặng giấy khen cho tổ dân phố không?")
    assert not answer.not_found and answer.citations[0].doc_id == LAW.stem


@pytest.mark.parametrize("question,level,target", [
    ("Cơ quan nào chi tiền thưởng Bằng khen?", None, None),  # "cơ quan" is not "quận"
    ("Anh trưởng phòng đã đạt HCLĐ hạng Ba, muốn lên hạng Nhì cần gì?", None, "ca_nhan"),  # "trưởng" is not "trường"
    ("Cán bộ xã được Chủ tịch xã tặng giấy khen thì tiền thưởng lấy ở đâu?", "xa", "ca_nhan"),  # "cán bộ" is no ministry
])
def test_cue_words_keep_their_diacritics(question, level, target):
    slots = understand(question)
    assert (slots.level, slots.target) == (level, target)


@pytest.mark.parametrize("question", [
    "Phong trào chi trả trợ giúp xã hội không dùng tiền mặt đợt 2 kết thúc ngày nào?",
    "Hợp tác xã nông nghiệp có thành tích thì được khen những hình thức nào?",
    "Cơ quan nhà nước có phải trích quỹ khen thưởng không?",
])
def test_words_holding_a_levels_word_name_no_level(question):
    assert understand(question).level is None


@pytest.mark.parametrize("question,aspect", [
    ("Phải công tác bao lâu mới được xét Nhà giáo ưu tú?", "tieu_chuan"),
    ("Sở thẩm định hồ sơ khen thưởng trong bao lâu?", "thoi_diem_xet"),
    ("Cờ thi đua của Chính phủ tặng cho những tập thể nào?", "doi_tuong"),
    # "ủy quyền" beside presenting asks who presents, not how powers are devolved
    ("Chủ tịch UBND tỉnh có ủy quyền cho giám đốc sở trao tặng bằng khen được không?", "trao_tang"),
    ("Phát hiện khai gian thành tích thì xử lý thế nào, có phải nộp lại tiền thưởng không?", "xu_ly_vi_pham"),
    ("Muốn đề nghị Huân chương thì bắt buộc trước đó phải có Bằng khen của Thủ tướng à?", "nguyen_tac"),
    ("Muốn được Bằng khen của Bộ trưởng thì chỉ cần 2 năm HTXSNV hay bắt buộc phải có thêm 1 sáng kiến?", "tieu_chuan"),
    ("Chủ tịch xã có được ký quyết định tặng giấy khen cho trưởng thôn không?", "tham_quyen_quyet_dinh"),
    ("Giấy khen giáo viên dạy giỏi cấp huyện có được coi là thành tích để xét CSTĐCS không?", "tieu_chuan"),
    ("Hết thời hạn kỷ luật khiển trách thì cách tính thành tích khen thưởng ra sao?", "nguyen_tac"),
    ("Hồ sơ đề nghị LĐTT có bắt buộc phải có biên bản họp bình xét của đơn vị không?", "ho_so"),
    ("Mức chi cho giấy khen của Giám đốc Sở là bao nhiêu?", "muc_tien_thuong"),
    ("Danh hiệu Lao động tiên tiến phải được bình xét từ đâu?", "tham_quyen_de_nghi"),
    ("Thầy công tác trực tiếp giảng dạy 16 năm, vậy đã đủ số năm để làm hồ sơ Nhà giáo ưu tú chưa?", "tieu_chuan"),
    ("Thanh tra kết luận khai không đúng, vậy có bị hủy quyết định, thu hồi bằng khen và tiền thưởng không?", "xu_ly_vi_pham"),
    ("Công tác ở hải đảo thì hệ số tính thời gian xét Huy chương Chiến sĩ vẻ vang là bao nhiêu?", "thoi_gian_nhan_he_so"),
    ("Tôi nghỉ ốm 10 ngày trong năm, cuối năm hoàn thành tốt nhiệm vụ thì có đạt Lao động tiên tiến không?", "tieu_chuan"),
    ("Xã có thể làm hồ sơ đề nghị Bằng khen của Chủ tịch UBND tỉnh cho những hộ gia đình nào?", "doi_tuong"),
    ("Chủ tịch phường có được tự ra văn bản phát động thi đua trong phường không?", "tham_quyen_phat_dong"),
    ("Em được CSTĐCS hai năm liền, vậy đã đủ để trường đề nghị bằng khen của UBND tỉnh chưa?", "tieu_chuan"),
    ("Phong trào chuyên đề do tỉnh phát động mới được 2 năm thì tổng kết có xét Cờ thi đua của tỉnh được không?",
     "tieu_chuan"),
    ("Phong trào thi đua chuyên đề phải kéo dài ít nhất mấy năm mới xét cờ thi đua cấp tỉnh khi tổng kết?", "tieu_chuan"),
    ("Tiêu chuẩn Gia đình văn hóa cụ thể là do cấp nào quy định, xã có tự đặt ra được không?", "tham_quyen_quy_dinh"),
    ("Bằng khen của Bộ trưởng tặng cho giáo viên thì đơn vị nào phải trả tiền thưởng, trường hay Bộ?", "chi_tra_thuong"),
    ("Quỹ thi đua, khen thưởng được dùng để chi những khoản gì?", "su_dung_quy"),
    ("Tên kỷ niệm chương của tỉnh có cần đăng ký ở đâu không?", "dang_ky"),
    ("Danh hiệu CSTĐ toàn quốc thì cấp nào ra QĐ tặng ạ?", "tham_quyen_quyet_dinh"),
    ("Cờ thi đua của Chính phủ cho đơn vị thuộc tỉnh thì Chủ tịch UBND tỉnh đề nghị ai?", "tham_quyen_de_nghi"),
    ("Sáng kiến hiểu là cái gì, có phải được ai công nhận mới tính không?", "dinh_nghia"),
    ("Huân chương được tặng theo luật cũ thì nay có còn được công nhận không?", "chuyen_tiep"),
    ("Hồ sơ đề nghị Bằng khen có bắt buộc phải kèm xác nhận của cơ quan có thẩm quyền về sáng kiến không?", "ho_so"),
    ("Vai trò của Hội đồng Thi đua - Khen thưởng cơ sở là gì, có tự ra quyết định được không?", "to_chuc_hoi_dong"),
    ("Năm dạy ở xã đặc biệt khó khăn được nhân hệ số bao nhiêu khi xét Nhà giáo ưu tú?", "thoi_gian_nhan_he_so"),
    ("Tiêu chuẩn chi tiết LĐTT cho người lao động ở thôn do cấp nào ban hành?", "tham_quyen_quy_dinh"),
    ("Chị ấy giữ chức vụ chưa đủ số năm theo quy định chung. Thời gian giữ chức vụ để xét khen cống hiến với nữ "
     "quản lý được giảm bao nhiêu?", "nguyen_tac"),
    ("Mỗi đợt huyện được đề nghị nhiều nhất mấy tập thể?", "ty_le_so_luong"),
    ("Quyết định tặng Lao động tiên tiến do ai ký, văn bản nào quy định?", "tham_quyen_quyet_dinh"),
    ("Theo luật thì khi nào một đơn vị bị hủy quyết định tặng bằng khen?", "xu_ly_vi_pham"),
    ("Y sĩ ở trạm y tế có nằm trong đối tượng được xét Thầy thuốc ưu tú không?", "doi_tuong"),
    ("Trường đạt TTLĐXS thì QĐ công nhận do Giám đốc Sở ký hay Chủ tịch tỉnh ký?", "tham_quyen_quyet_dinh"),
    ("Kế toán ít có sáng kiến, xét CSTĐCS thì luật có bắt buộc phải có sáng kiến không?", "tieu_chuan"),
    ("Cấp nào có thẩm quyền trình Thủ tướng tặng Bằng khen?", "tham_quyen_de_nghi"),
    ("Ai có thẩm quyền phát động phong trào thi đua ở xã?", "tham_quyen_phat_dong"),
    ("Ai có thẩm quyền quy định tiêu chuẩn Giấy khen của Chủ tịch xã?", "tham_quyen_quy_dinh"),
    ("Ai có thẩm quyền tặng Giấy khen?", "tham_quyen_quyet_dinh"),
    ("Ai có trách nhiệm trình hồ sơ Huân chương cho hiệu trưởng?", "tham_quyen_de_nghi"),
    # of two cues in the clause a question word ends, the one nearer to it is asked
    ("Huân chương bị hỏng muốn xin cấp đổi thì phải làm những thủ tục gì?", "thu_tuc"),
    ("Cuối năm các trường gửi hồ sơ khen thưởng lên Sở hạn chót là ngày nào?", "thoi_diem_xet"),
    # a cue right before the closing "không?" is what the yes/no question asks
    ("Ghi thêm sáng kiến chưa được công nhận vào báo cáo thành tích để kịp đề nghị bằng khen, luật có coi là hành "
     "vi bị nghiêm cấm không?", "hanh_vi_bi_cam"),
    ("Sau này phát hiện anh ấy khai sai thành tích thì có bị truy thu tiền thưởng và hiện vật đã nhận không?",
     "xu_ly_vi_pham"),
    ("Thầy thuốc ưu tú có phải được xét tặng và công bố vào dịp ngày Thầy thuốc Việt Nam không?", "thoi_diem_xet"),
    ("Giải thưởng Nhà nước bao lâu thì xét một lần và công bố vào dịp nào?", "thoi_diem_xet"),
    # an aside in brackets asks nothing
    ("Theo Nghị định 91/2017 (đã hết hiệu lực), tiền thưởng Huân chương Lao động hạng Ba là bao nhiêu?",
     "muc_tien_thuong"),
    ("Công chức làm ở quỹ tín dụng nhân dân do cấp nào xét công nhận Chiến sĩ thi đua cơ sở?", "tham_quyen_quyet_dinh"),
    # a story whose background prepares a file asks, in its last sentence, the years required
    ("Khoa em đang làm hồ sơ Nhà giáo ưu tú cho một thầy làm quản lý. Cho em hỏi yêu cầu về số năm công tác với "
     "cán bộ quản lý giáo dục là thế nào?", "tieu_chuan"),
    ("Cái GK đột xuất năm ngoái có được tính vào thành tích để đề nghị BK của tỉnh theo công trạng không?", "nguyen_tac"),
    # what a title's criteria ask besides the years; the discipline that bars a collective
    ("Năm nay chị ấy được giới thiệu NSƯT, ngoài số năm thì có bắt buộc phải có giải ở liên hoan không?", "tieu_chuan"),
    ("Tổ bị loại khỏi TTLĐTT vì có người bị kỷ luật, vậy kỷ luật từ mức nào thì mới bị loại?", "tieu_chuan"),
    ("Đài truyền hình tỉnh có vai trò gì trong công tác khen thưởng?", "trach_nhiem"),
    ("Được tặng huân chương rồi thì pháp luật yêu cầu người được khen phải làm gì?", "trach_nhiem"),
    ("Chủ tịch xã có được tự kêu gọi thi đua trong xã không?", "tham_quyen_phat_dong"),
    ("Huân chương tặng cho đối tác nước ngoài thì ai đứng ra trao?", "trao_tang"),
    # "đó là huân chương gì" asks which award fits the deed told, not what a huân chương is
    ("Anh ấy lao xuống sông cứu ba em học sinh rồi hy sinh. Xin hỏi đó là huân chương gì?", "hinh_thuc_phu_hop"),
    # a short ask added after the main one leaves it its aspect
    ("Thủ tục đề nghị Bằng khen của Thủ tướng gồm những bước nào? Mức thưởng bao nhiêu?", "thu_tuc"),
    ("Cờ thi đua cấp tỉnh trao cho đơn vị đạt thành tích gì?", "tieu_chuan"),
    # how many times the lower title is required, and whether that changed
    ("Trước kia phải đủ 3 lần CSTĐCS mới lên chiến sĩ tỉnh, giờ có giảm xuống 2 lần không?", "tieu_chuan"),
    # "đủ để làm hồ sơ" asks whether one qualifies, not what the file holds
    ("Ở xã đặc biệt khó khăn thì thời gian công tác có được nhân đôi khi xét Nhà giáo ưu tú không, 12 năm của "
     "tôi đã đủ để làm hồ sơ chưa?", "thoi_gian_nhan_he_so"),
    ("Phường tôi có được trực tiếp đề nghị Chủ tịch nước tặng huân chương cho một cụ bà không?", "tham_quyen_de_nghi"),
    # how often, with the title between the words that ask it
    ("Bao lâu thì xét phong tặng Nghệ sĩ ưu tú một lần vậy mọi người?", "thoi_diem_xet"),
    ("Nhà giáo ưu tú mấy năm mới xét một lần?", "thoi_diem_xet"),
])
def test_how_officers_ask_names_the_aspect(question, aspect):
    assert understand(question).aspect == aspect


@pytest.mark.parametrize("question,subject", [
    ("Muốn được chiến sĩ cơ sở thì cần gì?", "chien_si_thi_dua_co_so"),
    ("Chiến sĩ tỉnh xét cho những ai?", "chien_si_thi_dua_cap_tinh"),
    ("HC QKQT xét cho quân nhân bao nhiêu năm?", "huy_chuong_quan_ky_quyet_thang"),
    ("Điều kiện HCVANTQ là gì?", "huy_chuong_vi_an_ninh_to_quoc"),
])
def test_spoken_and_shortened_names_of_titles_and_medals_are_understood(question, subject):
    assert understand(question).subjects[:1] == (subject,)


@pytest.mark.parametrize("question,target", [
    # the personnel office ("phòng tổ chức") and the verb ("tổ chức một lần") name no collective
    ("Tôi là chuyên viên, phòng tổ chức bảo tôi có thể được đề nghị bằng khen, vậy cần điều kiện gì?", "ca_nhan"),
    ("Giải thưởng này bao lâu tổ chức một lần?", None),
    ("Huân chương tặng cho một tổ chức ở nước ngoài thì ai trao?", "tap_the"),
    # the asker's family speaking is no household asked about
    ("Gia đình nghe nói bố tôi có thể được truy tặng huân chương, cần điều kiện gì?", "ca_nhan"),
    # "đ/c" (đồng chí) names a person, whatever school or office follows
    ("Đ/c phó hiệu trưởng trường em có HCLĐ hạng Ba rồi, giờ đủ điều kiện đề nghị HCLĐ hạng Nhì chưa?", "ca_nhan"),
    # the collective that acclaims a hero (the law's "được tập thể suy tôn") is not who the title is for
    ("Anh hùng Lao động đối với cá nhân cần đóng góp bao nhiêu năm, có phải được tập thể suy tôn không?", "ca_nhan"),
])
def test_who_an_award_is_for_is_not_read_in_the_askers_office_or_family(question, target):
    assert understand(question).target == target


def test_an_act_told_in_the_askers_own_words_reaches_the_acts_the_law_bans(assistant):
    answer = assistant.answerer().answer(
        "Ông hàng xóm lấy huân chương kháng chiến của cha ra đeo rồi quay video nhảy múa, chửi tục để câu like "
        "trên mạng. Làm thế thì luật có cấm không?")
    assert not answer.not_found and answer.citations[0].location.startswith("Điều 15")


def test_a_notion_without_a_title_still_reaches_its_provision(assistant):
    first = assistant.searcher.search("khen niên hạn là gì vậy?", 5)[0].chunk
    assert first.doc_id == LAW.stem and first.location.startswith("Điều 8")


@pytest.mark.parametrize("place,plan", [("Tam Đường", TAM_DUONG.stem), ("Hoàng Mai", SEED_001.stem)])
def test_a_place_named_without_a_marker_finds_its_local_plan(assistant, place, plan):
    """ "ở Tam Đường" (no "huyện" before it): that place's plan, not another's."""
    hits = assistant.searcher.search(f"Ở {place}, phòng Nội vụ được giao những việc gì?", 3)
    assert hits[0].chunk.doc_id == plan


def test_a_story_is_asked_in_its_last_sentence():
    """The background names the file (hồ sơ); the question asks for the criteria."""
    slots = understand("Năm 2024 phòng tôi đã làm hồ sơ đề nghị Bằng khen của Chủ tịch UBND tỉnh cho anh Tùng, hồ sơ "
                       "đã nộp đủ tờ trình, báo cáo thành tích và biên bản. Anh ấy cần đạt những tiêu chuẩn gì?")
    assert slots.focus == "Anh ấy cần đạt những tiêu chuẩn gì?" and slots.aspect == "tieu_chuan"


def test_the_members_of_a_bloc_are_read_where_the_plan_lists_them(assistant):
    """Plan 632/KH-VP names the bloc's member agencies only in its Nơi nhận."""
    answer = assistant.answerer().answer("Khối giao ước thi đua Tổng hợp năm 2021 gồm những cơ quan thành viên nào?")
    assert answer.citations[0].location == "Nơi nhận"
    assert all(name in answer.lead for name in ("Sở Ngoại vụ", "Ban Dân tộc", "Cục Thống kê"))
    assert "Lưu: VT" not in answer.lead


def test_a_unit_named_by_its_section_heading_is_answered_from_that_section(assistant):
    """ "Phó Trưởng khối" is a section of its own, beside "Trưởng khối": the answer is its heading's unit."""
    answer = assistant.answerer().answer("Phó Trưởng khối giao ước thi đua Tổng hợp năm 2021 là đơn vị nào?")
    assert "Ban Dân tộc" in answer.lead


@pytest.mark.parametrize("question,doc_id", [
    ("Theo NĐ 98 thì CSTĐ cấp tỉnh cần bao nhiêu % phiếu?", "nd-98-2023-ND-CP"),
    ("theo nd 98/2023 thi giay khen duoc thuong bao nhieu", "nd-98-2023-ND-CP"),
    ("TT 12/2019 hướng dẫn gì về khen thưởng doanh nghiệp?", "tt-12-2019-TT-BNV"),
    ("KH 632 năm 2021 giao Trưởng khối việc gì?", "000_1085f501b25a5d99"),
])
def test_a_document_named_by_its_short_form_is_recognised(assistant, question, doc_id):
    from assistant.validity import mentioned_documents

    assert [entry.doc_id for entry in mentioned_documents(question, assistant.catalogue)] == [doc_id]


def test_a_short_form_inside_a_symbol_names_nothing(assistant):
    from assistant.validity import mentioned_documents

    named = mentioned_documents("Luật 06/2022/QH15 và Nghị định 98/2023/NĐ-CP", assistant.catalogue)
    assert [entry.doc_id for entry in named] == ["luat-06-2022-QH15", "nd-98-2023-ND-CP"]


def test_a_when_question_is_answered_by_a_passage_that_gives_a_date(assistant):
    """The bloc's plan speaks of the year-end report under the Trưởng khối's duties and in the
    quarterly tasks; only the latter gives its deadline."""
    hits = assistant.searcher.search("Các cơ quan trong Khối giao ước thi đua Tổng hợp phải nộp báo cáo tổng kết năm "
                                     "cho Trưởng khối chậm nhất khi nào?", 3)
    assert "trước ngày 05/12/2021" in hits[0].chunk.body


@pytest.mark.parametrize("question,article", [
    ("Giấy khen của Chủ tịch UBND xã thì tiền thưởng lấy từ quỹ nào ra?", "Điều 11"),
    ("Được công nhận CSTĐCS nhờ sáng kiến khai gian thì danh hiệu bị xử lý thế nào?", "Điều 93"),
])
def test_an_aspect_no_title_rules_on_is_answered_by_its_general_provision(assistant, question, article):
    """Who pays a reward, what befalls a false claim: the fund's and the sanctions' articles, whatever title."""
    assert _first_law_article(assistant, question) == article


def test_who_signs_the_award_of_a_title_asks_the_authority():
    """ "Ai ký quyết định tặng …" names a document but asks who may award the title."""
    assert understand("Gia đình văn hóa do ai ký quyết định tặng?").part is None
    assert understand("Huy chương Chiến sĩ vẻ vang hạng Nhì thì ai ký QĐ tặng?").part is None
    assert understand("Kế hoạch 632/KH-VP do ai ký?").part == "signer"


def test_understanding_examples():
    import doctest

    import assistant.understanding as module

    assert doctest.testmod(module).failed == 0


def test_chat_shortenings_are_written_out_and_field_abbreviations_kept():
    from assistant.understanding import plain_spelling

    assert plain_spelling("ĐK xét CSTĐCS theo KH 01 của Sở NV là j, có cần sáng kiến ko?") == \
        "ĐK xét CSTĐCS theo KH 01 của Sở NV là gì, có cần sáng kiến không?"
    assert plain_spelling("Điểm k khoản 1 Điều 40 nói gì?") == "Điểm k khoản 1 Điều 40 nói gì?"
    assert understand(plain_spelling("CT xã có đc tự phát động thi đua ko?")).aspect == "tham_quyen_phat_dong"
    assert plain_spelling("xếp loại HTTNV có đủ dk LĐTT ko?") == "xếp loại HTTNV có đủ điều kiện LĐTT không?"
    # "đk" registers beside "với", "phải"; "HS" is a file before "đề nghị", a pupil elsewhere
    assert plain_spelling("Tên KNC có phải đk với cq nào ko?") == "Tên KNC có phải đăng ký với cơ quan nào không?"
    assert plain_spelling("HS đề nghị khen HS giỏi gồm gì?") == "hồ sơ đề nghị khen HS giỏi gồm gì?"
    assert plain_spelling("có phải đủ bộ HS không?") == "có phải đủ bộ hồ sơ không?"
    # "qđ" typed in lower case is a decision; "QĐ 71/2025" stays as the field writes it
    assert understand(plain_spelling("GĐ sở đc qđ tặng những DH nào ạ?")).aspect == "tham_quyen_quyet_dinh"
    assert plain_spelling("Theo QĐ 71/2025 thì sao?") == "Theo QĐ 71/2025 thì sao?"


def test_a_document_number_is_no_year_and_a_name_ends_at_punctuation():
    """ "QĐ 2040/QĐ-BGDĐT năm 2024": the answer must hold 2024 and "GDĐT", not "2040" nor "GDĐT QĐ"."""
    from assistant.answering.question import required_names

    assert required_names("Quy chế của Bộ GDĐT (QĐ 2040/QĐ-BGDĐT năm 2024) gửi hồ sơ qua đơn vị nào?") == ["2024", "gddt"]


def test_the_texts_words_for_a_phrase_are_searched_too():
    """ "tối đa" in a question, "không quá" in the text: both searched; the understood question shows neither."""
    slots = understand("Mỗi năm xét tặng tối đa bao nhiêu người?")
    assert "không quá" in slots.synonyms and "không quá" not in slots.understood


@pytest.mark.parametrize("period,line", [("quý II", "Quý II:"), ("quý IV", "Quý IV:")])
def test_a_part_of_the_year_named_puts_the_passage_naming_it_first(assistant, period, line):
    """ "quý II" must not be found in "II. NỘI DUNG THI ĐUA": the passage that names that quarter comes first."""
    hits = assistant.searcher.search(f"Trong {period} năm 2021 Khối thi đua Tổng hợp phải làm những việc gì?", 3)
    assert line in hits[0].chunk.body


@pytest.mark.parametrize("question,location", [
    ("Danh hiệu Nghệ sĩ ưu tú mấy năm mới xét một lần?", "Điều 66, khoản 4"),
    ("Bằng khen tặng từ hồi luật cũ thì bây giờ còn được công nhận không?", "Điều 95"),
])
def test_how_often_and_what_of_the_old_law_reach_their_provisions(assistant, question, location):
    first = _first(assistant, question)
    assert first.doc_id == LAW.stem and first.location.startswith(location)


def test_a_deadline_to_the_head_of_a_bloc_asks_a_date_not_the_members():
    slots = understand("Các đơn vị gửi báo cáo tổng kết năm cho Trưởng khối là ngày nào?")
    assert slots.part is None and slots.kind == "date"


def test_a_storys_background_does_not_set_the_kind_of_answer(assistant):
    """"ngày nào cũng chạy xe đi dạy" tells the background; the asking sentence wants the count of
    CSTĐCS titles, which the lead must give rather than the bare opening of the article."""
    question = ("Em là giáo viên ở một trường THCS miền núi, ngày nào cũng chạy xe gần 20 cây số đi dạy. "
                "Em được CSTĐCS ba năm học liền. Cho em hỏi muốn lên CSTĐ cấp tỉnh thì cần bao nhiêu lần CSTĐCS "
                "và có bắt buộc liên tục không ạ?")
    assert understand(question).kind == "number"
    answer = assistant.answerer().answer(question)
    assert "03 lần liên tục" in answer.lead


@pytest.mark.parametrize("question,article", [
    ("Tổ em năm nay xét tặng Lao động tiên tiến cho 8 trên 10 người, thì tổ có được Tập thể lao động tiên tiến không?",
     "Điều 28"),
    ("Em đủ điều kiện LĐTT rồi, còn CSTĐCS cần thêm gì nữa?", "Điều 23"),
])
def test_of_two_titles_the_one_whose_criteria_require_the_other_is_asked(assistant, question, article):
    first = _first(assistant, question)
    assert first.doc_id == LAW.stem and first.location.split(",")[0] == article


def test_whom_a_kind_of_commendation_is_for_is_read_in_its_definition(assistant):
    first = assistant.searcher.search("Khen niên hạn dành cho những đối tượng nào vậy?", 3)[0].chunk
    assert first.doc_id == LAW.stem and first.location.split(",")[0] == "Điều 8"


def test_the_title_held_is_left_out_of_a_criteria_question_but_not_of_an_authority_question(assistant):
    criteria = "Em đủ điều kiện LĐTT rồi, còn CSTĐCS cần thêm gì nữa?"
    assert understand(criteria).subjects == ("chien_si_thi_dua_co_so",)
    assert assistant.answerer().answer(criteria).citations[0].location.startswith("Điều 23")
    authority = "Chủ tịch xã có được ký quyết định công nhận CSTĐCS không, hay chỉ được công nhận LĐTT?"
    assert set(understand(authority).subjects) == {"chien_si_thi_dua_co_so", "lao_dong_tien_tien"}


@pytest.mark.parametrize("question,location", [
    ("Muốn được phong Nhà giáo ưu tú thì phải trực tiếp giảng dạy tối thiểu bao nhiêu năm?", "Điều 64, khoản 3"),
    ("Thầy thuốc nhân dân cần đạt những tiêu chuẩn gì?", "Điều 65, khoản 2"),
])
def test_the_criteria_of_each_rank_of_an_honorary_title_are_its_own_khoan(assistant, question, location):
    first = _first(assistant, question)
    assert first.doc_id == LAW.stem and first.location == location


def test_a_question_on_women_reaches_the_rule_that_prefers_them():
    from assistant.understanding import lookup_subjects, mapped_provisions

    slots = understand("Phụ nữ có được ưu tiên hơn khi bình xét khen thưởng không?")
    first = mapped_provisions(slots.with_changes(subjects=lookup_subjects(slots)[:1]), ["nd-152-2025-ND-CP"])[0]
    assert (first.article, first.khoan) == ("Điều 4", 6)


@pytest.fixture(scope="module")
def law_and_decree(tmp_path_factory):
    return _indexed(tmp_path_factory, "decree", [LAW, DECREE, OLD_DECREE])


@pytest.mark.parametrize("question,location", [
    ("Tổ em có một anh một chị cùng đủ tiêu chuẩn mà chỉ còn một suất đề nghị khen, có ưu tiên nữ không?",
     "Điều 4, khoản 6"),
])
def test_a_broad_principle_does_not_hide_the_khoan_that_answers(law_and_decree, question, location):
    answer = law_and_decree.answerer().answer(question)
    assert not answer.not_found
    assert (answer.citations[0].document, answer.citations[0].location) == ("Nghị định 152/2025/NĐ-CP", location)


def _first_mapped(question: str):
    from assistant.understanding import lookup_subjects, mapped_provisions

    slots = understand(question)
    subject = lookup_subjects(slots)[0]
    return mapped_provisions(slots.with_changes(subjects=(subject,)), ["nd-152-2025-ND-CP"])[0]


@pytest.mark.parametrize("question,khoan", [
    # no aspect cue: nghỉ thai sản is ruled on as a principle only
    ("Trưởng phòng bảo năm nay em nghỉ sinh thì không được xét danh hiệu thi đua, có đúng không ạ?", 5),
    # asked for criteria, the leave is still answered by the only rule the law has on it
    ("Giáo viên nghỉ thai sản nửa năm thì có được xét danh hiệu thi đua không?", 5),
    # the story's background names women; its asking sentence names the leave
    ("Cơ quan tôi có một giáo viên nữ vừa nghỉ thai sản sáu tháng. Cho hỏi thời gian nghỉ thai sản đó có được "
     "tính để xét danh hiệu thi đua cuối năm không, hay phải trừ ra như trưởng phòng nói?", 5),
])
def test_the_notion_asked_about_reaches_its_own_khoan(question, khoan):
    first = _first_mapped(question)
    assert (first.article, first.khoan) == ("Điều 4", khoan)


@pytest.mark.parametrize("question,location", [
    ("Cán bộ nữ giữ chức vụ lãnh đạo thì thời gian giữ chức vụ để xét khen quá trình cống hiến được giảm bao nhiêu?",
     "Điều 4, khoản 7"),
    ("Phụ nữ có được ưu tiên hơn khi bình xét khen thưởng không?", "Điều 4, khoản 6"),
])
def test_the_rules_on_women_are_told_apart(law_and_decree, question, location):
    first = _first(law_and_decree, question)
    assert (first.doc_id, first.location) == (DECREE.stem, location)


def test_who_may_launch_a_movement_reaches_the_article_on_launching(assistant):
    question = "Chủ tịch xã tôi có quyền tự phát động phong trào thi đua trong xã không?"
    first = _first(assistant, question)
    assert first.doc_id == LAW.stem and first.location.startswith("Điều 18")
    # the lead is the khoản on "Chủ tịch Ủy ban nhân dân các cấp", not the one on "Chủ tịch nước"
    assert "Chủ tịch Ủy ban nhân dân các cấp" in assistant.answerer().answer(question).lead


def test_what_to_achieve_after_the_rank_held_is_the_criterion_that_names_it(assistant):
    """Điều 43 khoản 1 điểm đ: "Đã được tặng HCLĐ hạng Ba và sau đó …" (its khoản number is written
    against the opening quote, "1.“Huân chương …")."""
    slots = understand("Anh ấy đã có Huân chương Lao động hạng Ba rồi, giờ muốn đề nghị HCLĐ hạng Nhì thì cần những thành tích gì?")
    assert slots.held == ("huan_chuong_lao_dong_hang_ba",)
    first = assistant.searcher.search(slots.question, 3)[0].chunk
    assert first.location == "Điều 43, khoản 1" and "Đã được tặng “Huân chương Lao động” hạng Ba và sau đó" in first.body
    assert "hạng Ba và sau đó" in assistant.answerer().answer(slots.question).lead


def test_a_principle_on_a_kind_of_achievement_comes_before_the_awards_general_principles(law_and_decree):
    first = law_and_decree.searcher.search(
        "Giấy khen thành tích đột xuất có được tính làm căn cứ để đề nghị bằng khen công trạng không?", 3)[0].chunk
    assert (first.doc_id, first.location) == (DECREE.stem, "Điều 4, khoản 3")


def test_two_rewards_at_once_reach_the_rule_on_rewards_at_the_same_time(law_and_decree):
    first = law_and_decree.searcher.search("Tôi vừa được công nhận LĐTT vừa được giấy khen của Giám đốc Sở trong cùng một "
                                           "quyết định, vậy tiền thưởng được nhận thế nào?", 3)[0].chunk
    assert first.doc_id == DECREE.stem and first.location.startswith("Điều 49, khoản")
    assert "vừa được quyết định hình thức khen thưởng" in first.body


@pytest.mark.parametrize("question,location", [
    ("Tiêu chuẩn Huân chương Lao động hạng Nhất cho cá nhân là gì?", "Điều 42, khoản 1"),
    ("Bằng khen Thủ tướng cho tập thể cần đạt tiêu chuẩn nào?", "Điều 73, khoản 4"),
    ("Nông dân sản xuất giỏi muốn được Bằng khen của Thủ tướng thì cần tiêu chuẩn gì?", "Điều 73, khoản 2"),
])
def test_the_khoan_for_the_general_case_answers_unless_a_group_is_named(assistant, question, location):
    first = _first(assistant, question)
    assert first.doc_id == LAW.stem and first.location == location


def test_the_share_a_collective_title_requires_is_read_in_its_criteria(assistant):
    first = assistant.searcher.search("Muốn đề nghị Tập thể lao động xuất sắc thì tỷ lệ người đạt LĐTT tối thiểu là bao nhiêu?", 3)[0].chunk
    assert first.doc_id == LAW.stem and first.location.startswith("Điều 27")


def test_who_signs_the_recognition_of_a_title_for_a_school_under_a_department_is_the_law_on_authority(assistant):
    """"ai ký quyết định công nhận …" asks who has the authority, and "Sở GD&ĐT" names a kind of
    department found in every province, not a place whose own plan must answer."""
    question = "Giáo viên trường THPT trực thuộc Sở GD&ĐT thì ai ký quyết định công nhận CSTĐCS, hiệu trưởng hay giám đốc sở?"
    slots = understand(question)
    assert slots.part is None and slots.places == ()
    assert _first(assistant, question).location.startswith("Điều 80")


def test_a_collective_or_an_individual_said_outright_decides_the_khoan(assistant):
    question = "Trường tôi có thầy được 7 năm liền CSTĐCS và bằng khen của tỉnh, cá nhân đó có đủ tiêu chuẩn HCLĐ hạng Ba không?"
    assert understand(question).target == "ca_nhan"


def test_a_year_in_a_storys_background_does_not_date_the_question(law_and_decree):
    question = ("Năm 2024 tôi bị kỷ luật khiển trách, nay đã hết thời hạn kỷ luật và tôi có sáng kiến mới. "
                "Cho hỏi thành tích để xét khen thưởng của tôi được tính từ thời điểm nào?")
    first = _first(law_and_decree, question)
    assert (first.doc_id, first.location) == (DECREE.stem, "Điều 4, khoản 4")


def test_a_text_named_as_replaced_is_not_the_text_asked_about(assistant):
    from assistant.validity import mentioned_documents

    named = mentioned_documents("Nghị định mới đã thay NĐ 98 rồi, vậy mức thưởng TTLĐXS hiện nay là bao nhiêu?",
                                assistant.catalogue)
    assert named == []
    assert [e.doc_id for e in mentioned_documents("Theo NĐ 98 thì mức thưởng là bao nhiêu?", assistant.catalogue)] == \
        ["nd-98-2023-ND-CP"]


def test_who_may_cancel_an_award_is_read_in_the_article_on_cancelling(assistant):
    question = "Tỉnh đã tặng bằng khen cho một doanh nghiệp, nay phát hiện sai phạm thì ai có thẩm quyền hủy QĐ khen thưởng đó?"
    first = _first(assistant, question)
    assert first.doc_id == LAW.stem and first.location == "Điều 93, khoản 8"


def test_an_award_from_a_themed_movement_is_no_ground_for_a_merit_award(law_and_decree):
    first = _first(law_and_decree, "Bằng khen tỉnh khen theo chuyên đề có được dùng làm căn cứ đề nghị Huân chương theo công trạng không?")
    assert (first.doc_id, first.location) == (DECREE.stem, "Điều 4, khoản 3")


HA_NOI_TITLE = KNOWLEDGE / "plans" / "qd-71-2025-ubnd-ha-noi.txt"


@pytest.fixture(scope="module")
def law_decree_and_local_title(tmp_path_factory):
    return _indexed(tmp_path_factory, "local-title", [LAW, OLD_DECREE, HA_NOI_TITLE])


def test_a_local_title_named_in_a_question_is_read_in_the_decision_that_creates_it(law_decree_and_local_title):
    """The quoted name in a decision's title names that decision: its own voting rule answers, not the
    decree's rule on votes for national titles."""
    question = "Xét Công dân Thủ đô ưu tú thì HĐTĐKT thành phố phải có tỷ lệ phiếu đồng ý tối thiểu là bao nhiêu?"
    first = _first(law_decree_and_local_title, question)
    assert first.doc_id == HA_NOI_TITLE.stem and "90%" in first.body


def test_a_deadline_asked_in_a_local_rule_is_not_the_date_it_takes_effect(law_decree_and_local_title):
    """Quyết định 71/2025 of Hà Nội takes effect "kể từ ngày 06 tháng 12 năm 2025" (Điều 2); asked by when the
    files go to the Sở Nội vụ, its Điều 6 khoản 2 ("trước ngày 31 tháng 3 hằng năm") answers."""
    answer = law_decree_and_local_title.answerer().answer(
        "Phường tôi định giới thiệu một cụ hưu trí xét Công dân Thủ đô ưu tú theo quy chế mới Ủy ban nhân dân thành "
        "phố ban hành năm 2025 thay cho quy chế cũ. Hồ sơ gửi Sở Nội vụ hạn cuối là ngày nào trong năm?")
    assert answer.citations[0].location.startswith("Điều 6") and "31 tháng 3" in answer.lead
    validity = law_decree_and_local_title.answerer().answer("Quy chế Công dân Thủ đô ưu tú có hiệu lực từ ngày nào?")
    assert validity.lead.startswith("Hiệu lực từ: ngày 06 tháng 12 năm 2025")


def test_a_title_with_no_validity_rule_of_its_own_is_read_in_the_transitional_article(assistant):
    """Titles awarded under the old law: no title has its own article on that, the Law's transitional one answers."""
    first = _first(assistant, "Tôi được tặng Chiến sĩ thi đua cơ sở năm 2020 theo luật cũ, nay luật mới có hiệu lực "
                              "thì danh hiệu đó còn giá trị không?")
    assert first.doc_id == LAW.stem and first.location.startswith("Điều 95")


def test_who_hands_over_an_award_abroad_is_read_in_the_law_in_force(law_and_decree):
    first = _first(law_and_decree, "Người Việt đang công tác ở nước ngoài được tặng huân chương thì ai thay mặt trao tặng?")
    assert first.doc_id == LAW.stem and first.location.startswith("Điều 82")


def test_a_story_asks_about_the_title_of_its_asking_sentence():
    """Titles told in the background (held) come after the one the last sentence asks about."""
    slots = understand("Anh C có 3 năm liền đạt Chiến sĩ thi đua cơ sở, năm 2023 đạt Chiến sĩ thi đua cấp tỉnh, đã được "
                       "Bằng khen của UBND tỉnh. Vậy anh đã đủ điều kiện đề nghị Bằng khen của Thủ tướng chưa?")
    assert slots.subjects[0] == "bang_khen_thu_tuong"


@pytest.mark.parametrize("question,held,location,step", [
    ("Bộ em đã được tặng Huân chương Hồ Chí Minh, nay muốn đề nghị Huân chương Sao vàng thì cần thêm điều kiện gì?",
     "huan_chuong_ho_chi_minh", "Điều 34, khoản 3", "Đã được tặng “Huân chương Hồ Chí Minh”"),
    ("Đồng chí ấy có HC Bảo vệ Tổ quốc hạng Ba rồi, muốn lên hạng Nhì phải đạt gì?",
     "huan_chuong_bao_ve_to_quoc_hang_ba", "Điều 46, khoản 1", "Đã được tặng “Huân chương Bảo vệ Tổ quốc” hạng Ba"),
    # for a collective, the collective's criterion (khoản 4), not the individual's (khoản 1)
    ("Công ty em có Bằng khen Thủ tướng từ 2019, mấy năm nay đều HTXSNV, giờ muốn đề nghị HCLĐ hạng Ba cho tập "
     "thể công ty thì còn cần gì?", "bang_khen_thu_tuong", "Điều 44, khoản 4", "đã được tặng “Bằng khen của Thủ tướng"),
])
def test_each_rank_of_an_order_builds_on_the_one_below(assistant, question, held, location, step):
    """The Law's criteria that name the order held are read first, for every order whose ranks build on each other."""
    slots = understand(question)
    assert held in slots.held
    first = assistant.searcher.search(question, 3)[0].chunk
    assert first.location == location and step in first.body


def test_a_story_about_a_foreign_award_asks_whose_consent_is_needed(assistant):
    """The story tells of "một huy chương"; its asking sentence names the notion the Law rules on once (Điều 14)."""
    question = ("Trường đại học bên Pháp mời tôi sang nhận huy chương tôn vinh vì hợp tác lâu năm. Người Việt Nam nhận "
                "khen thưởng của tổ chức nước ngoài có cần ai cho phép không?")
    first = _first(assistant, question)
    assert first.doc_id == LAW.stem and first.location.startswith("Điều 14")
    answer = assistant.answerer().answer(question)  # not Điều 13, which shares more of the story's words
    assert answer.citations[0].location.startswith("Điều 14") and "phải được cơ quan nhà nước có thẩm quyền" in answer.lead


CAN_THO = KNOWLEDGE / "plans" / "kh-157-2025-ubnd-can-tho.txt"
DAK_LAK_ELECTION = KNOWLEDGE / "plans" / "kh-0125-2025-ubnd-dak-lak.txt"


@pytest.fixture(scope="module")
def can_tho(tmp_path_factory):
    plans = [CAN_THO, KNOWLEDGE / "plans" / "kh-0124-2025-ubnd-dak-lak.txt", KNOWLEDGE / "plans" / "kh-982-2025-ubnd-nghe-an.txt",
             DAK_LAK_ELECTION]
    return _indexed(tmp_path_factory, "can-tho", [LAW, *plans])


def test_an_appendix_heading_alone_does_not_answer_for_its_plan(can_tho):
    """The appendix heading ("PHỤ LỤC", the plan's title in capitals, "Kèm theo …") repeats the words of
    every question about the plan; it answers only a question about the appendix."""
    heading = "PHỤ LỤC"
    asked = can_tho.searcher.search("Phong trào chi trả trợ giúp xã hội không dùng tiền mặt ở Cần Thơ, bằng khen chỉ xét "
                                    "tối đa bao nhiêu phần trăm tập thể?", 3)
    assert heading not in [hit.chunk.location for hit in asked]
    assert _first(can_tho, "Phụ lục của KH 157 Cần Thơ là gì?").location == heading


def test_who_may_cancel_is_asked_whatever_words_name_the_cancelling(assistant):
    first = _first(assistant, "Bằng khen của CT UBND tỉnh tặng nhầm người thì ai có thẩm quyền hủy bỏ, Sở tự hủy được không?")
    assert first.doc_id == LAW.stem and first.location == "Điều 93, khoản 8"


def test_with_no_aspect_stated_the_questions_words_choose_the_khoan(assistant):
    """Only a title named, the law map assumes its criteria (Điều 71 khoản 2); the khoản that holds the
    question's words answers (khoản 3, registering the name)."""
    answer = assistant.answerer().answer("Tỉnh định ban hành kỷ niệm chương riêng, tên kỷ niệm chương có phải đăng ký ở đâu không?")
    assert answer.citations[0].location.startswith("Điều 71") and "phải được đăng ký" in answer.lead


def test_the_point_naming_the_award_held_leads_and_is_quoted_even_past_the_quotes_cut(assistant):
    """Điều 44 khoản 1 lists seven points; the one for a holder of BK TTg (điểm e) comes first in the lead and
    the quote keeps it, "…" standing for the points left out."""
    answer = assistant.answerer().answer("Anh ấy đã có BK TTg rồi, muốn đề nghị HCLĐ hạng Ba cho cá nhân thì cần những điều kiện gì?")
    step = "e) Đã được tặng “Bằng khen của Thủ tướng Chính phủ” và sau đó có liên tục từ 05 năm"
    assert step in answer.lead.split("\n")[1]
    assert step in answer.citations[0].quote and "…" in answer.citations[0].quote


def test_numbers_are_matched_without_their_leading_zeros(can_tho):
    """The plan writes "Đợt 02 … trong 03 ngày làm việc"; the officer types "đợt 2", "3 ngày"."""
    from documents.text import word_tokenize

    assert word_tokenize("Đợt 02 trong 03 ngày") == word_tokenize("đợt 2 trong 3 ngày")
    answer = can_tho.answerer().answer("Cần Thơ chi trả không dùng tiền mặt: đợt 2 làm vét trong 3 ngày là những ngày nào?")
    assert "Đợt 02" in answer.citations[0].quote


def test_an_ordinal_in_words_is_the_plans_number(can_tho):
    """ "Đợt thứ nhất" is what the plan numbers "Đợt 01"."""
    for question in ("Thi đua chi trả trợ giúp xã hội không dùng tiền mặt của Cần Thơ đợt thứ nhất là khi nào?",
                     "Kế hoạch thi đua chi trả trợ cấp không dùng tiền mặt của Cần Thơ, đợt I bắt đầu khi nào?"):
        assert _first(can_tho, question).location == "II. ĐỐI TƯỢNG VÀ THỜI GIAN THI ĐUA"
        assert "Đợt 01" in can_tho.answerer().answer(question).citations[0].quote


def test_follow_ups_the_way_officers_write_them(assistant):
    """ "Thế …" continues the conversation; a bare rank is a rank of the order just asked about; naming only a
    kind of award ("huy chương gì") does not replace the award asked about; "mấy trường hợp" names no school."""
    answerer = assistant.answerer()

    def after(first: str, follow: str) -> str:
        return answerer.standalone(follow, [answerer.answer(first).turn()])

    assert "Cờ thi đua của Chính phủ" in after("Cờ thi đua của Chính phủ do ai quyết định tặng?", "Thế cấp nào đề nghị ạ?")
    assert "Bảo vệ Tổ quốc hạng Ba" in after("Huân chương Bảo vệ Tổ quốc hạng Nhất cần tiêu chuẩn gì?",
                                            "Hạng Ba thì cần mấy năm?")
    assert "Chiến sĩ vẻ vang" in after("Huy chương Chiến sĩ vẻ vang hạng Nhất tặng cho ai?",
                                      "Thế bên công an thì là huy chương gì?")
    assert understand("Còn cấp xã thì được đề nghị mấy trường hợp?").target is None


def test_the_khoan_for_the_group_asked_about_comes_before_the_general_one():
    from assistant.understanding import group_order

    for_workers = "2. “Bằng khen của Thủ tướng Chính phủ” để tặng hoặc truy tặng cho công nhân, nông dân, người lao động"
    general = "1. “Bằng khen của Thủ tướng Chính phủ” để tặng hoặc truy tặng cho cá nhân chấp hành tốt chủ trương"
    asked = "Cho hỏi công nhân nhà máy có được tặng Bằng khen của Thủ tướng không?"
    assert group_order(for_workers, asked) < group_order(general, asked)
    recognised = "Cá nhân 5 năm liền được công nhận hoàn thành tốt nhiệm vụ có đạt Bằng khen Thủ tướng không?"
    assert group_order(general, recognised) < group_order(for_workers, recognised)  # "công nhận" is no "công nhân"


def test_of_an_article_stored_whole_the_khoan_the_map_names_answers_and_is_cited(assistant):
    """Điều 31 is one passage; who sets the detailed criteria is its khoản 2, quoted and cited as such."""
    answer = assistant.answerer().answer("Tiêu chuẩn cụ thể của Gia đình văn hóa là do cấp nào đặt ra?")
    assert answer.lead.startswith("Ủy ban nhân dân cấp tỉnh quy định chi tiết tiêu chuẩn")
    assert answer.citations[0].location == "Điều 31, khoản 2" and answer.citations[0].quote.startswith("2.")


def test_the_issue_date_of_a_cited_document_is_no_deadline():
    from assistant.answering.lead import lead_text

    unit = ("Thực hiện Quyết định số 2437/QĐ-TTg ngày 04 tháng 11 năm 2025 của Thủ tướng Chính phủ, "
            "các đơn vị gửi hồ sơ đề nghị khen thưởng trước ngày 15/12/2025.")
    lead = lead_text("date", unit, question="Hạn gửi hồ sơ là ngày nào?")
    assert lead.startswith("Thời hạn: trước ngày 15/12/2025") and "04 tháng 11" not in lead.split(" — ")[0]


def test_receiving_an_award_from_abroad_is_not_read_as_who_hands_awards_over(assistant):
    """ "Trao tặng" names the aspect; the notion the law rules on once (Điều 14) is what is asked."""
    first = _first(assistant, "Giáo viên được một tổ chức nước ngoài trao tặng giấy chứng nhận và huy chương thì có "
                              "phải xin phép cơ quan nhà nước trước khi nhận không?")
    assert first.doc_id == LAW.stem and first.location.startswith("Điều 14")


def test_a_lower_award_asked_as_a_step_to_a_higher_one_is_the_principle_on_lower_awards(law_and_decree):
    """NĐ 152 Điều 4 khoản 1 (awards need no lower award first), even though the question's own words are
    the awards' names; between emulation titles the higher one's criteria answer instead."""
    question = "Cô ấy mới có giấy khen của huyện, có phải có bằng khen tỉnh trước rồi mới được đề nghị Bằng khen Thủ tướng không?"
    answer = law_and_decree.answerer().answer(question)
    assert (answer.citations[0].document, answer.citations[0].location) == ("Nghị định 152/2025/NĐ-CP", "Điều 4, khoản 1")
    assert "không nhất thiết phải có hình thức khen thưởng mức thấp" in answer.lead
    assert understand("Phải đạt LĐTT rồi mới được xét CSTĐCS đúng không?").aspect == "tieu_chuan"


@pytest.mark.parametrize("question,location", [
    ("Huân chương Độc lập hạng Nhất cần đạt tiêu chuẩn gì?", "Điều 36, khoản 1"),
    ("HCQC hạng Nhì cần đạt tiêu chuẩn gì?", "Điều 40, khoản 1"),
    ("Điều kiện để một doanh nghiệp được tặng Huân chương Lao động hạng Ba?", "Điều 44, khoản 5"),
])
def test_no_recipient_named_the_individuals_khoan_comes_before_the_collectives(assistant, question, location):
    assert _first(assistant, question).location == location


@pytest.mark.parametrize("question,location", [
    ("Ai có trách nhiệm trình đề nghị Huân chương Lao động hạng Ba?", "Điều 83, khoản 2"),
    ("Cơ quan nào đề nghị xét Giải thưởng Hồ Chí Minh?", "Điều 83, khoản 2"),
    ("Đại biểu Quốc hội chuyên trách thì ai đề nghị tặng huân chương?", "Điều 83, khoản 3"),
])
def test_who_proposes_an_order_reaches_the_general_khoan_unless_the_deputies_are_named(assistant, question, location):
    assert _first(assistant, question).location == location


def test_holding_two_posts_at_once_reaches_the_rule_on_the_highest_post(law_and_decree):
    """NĐ 152 Điều 9: the rules on posts held follow khoản 1 in the file without a number of their own;
    the law map names the article and its quote picks the passage."""
    first = _first(law_and_decree, "Cán bộ cùng lúc kiêm nhiệm hai chức vụ thì xét khen thưởng quá trình cống hiến "
                                   "căn cứ chức vụ nào?")
    assert "lấy chức vụ cao nhất" in first.text


def test_maternity_leave_asked_for_an_award_is_answered_not_refused_as_social_insurance(law_and_decree):
    """"Chế độ thai sản" alone is social insurance; "nghỉ chế độ thai sản" asked for a title is NĐ 152 Điều 4."""
    answer = law_and_decree.answerer().answer("Cô giáo nghỉ chế độ thai sản 6 tháng thì cuối năm có được bình xét thi đua không?")
    assert not answer.not_found
    assert "thai sản" in answer.lead and answer.citations[0].doc_id == DECREE.stem


def test_the_officers_own_job_title_names_no_place(assistant):
    """"cán bộ TĐKT": the "bộ" of "cán bộ" is no ministry, and TĐKT stands for thi đua, khen thưởng."""
    question = "Em là cán bộ TĐKT của Sở Xây dựng, muốn đề nghị HCLĐ hạng Nhì cho phó giám đốc thì cần tiêu chuẩn gì?"
    slots = understand(question)
    assert slots.places == () and "cán bộ thi đua, khen thưởng" in slots.spelled
    answer = assistant.answerer().answer(question)
    assert not answer.not_found and answer.citations[0].location.startswith("Điều 43")


def test_who_holds_a_role_in_the_bloc_is_answered_from_the_section_that_role_heads(assistant):
    """ "1. Trưởng khối (Văn phòng UBND tỉnh)": the plan names the unit in the heading of the role's tasks."""
    answer = assistant.answerer().answer("Khối giao ước thi đua Tổng hợp Hà Giang năm 2021, cơ quan nào làm Trưởng "
                                         "khối, cơ quan nào làm Phó Trưởng khối?")
    assert answer.citations[0].location.endswith("1. Trưởng khối (Văn phòng UBND tỉnh)")
    assert "Văn phòng UBND tỉnh" in answer.lead
    assert answer.citations[0].quote.startswith("1. Trưởng khối (Văn phòng UBND tỉnh)")  # the heading is the answer


@pytest.mark.parametrize("heading,heads", [
    ("IV. TỔ CHỨC THỰC HIỆN › 1. Trưởng khối (Văn phòng UBND tỉnh)", True),
    ("III › II. Trưởng khối (Sở Tư pháp)", True),  # numbered in Roman figures
    ("IV. TỔ CHỨC THỰC HIỆN › 2. Phó Trưởng khối (Ban Dân tộc)", False),
])
def test_a_section_heads_the_role_its_heading_names_with_the_unit(heading, heads):
    assert heads_the_role(heading, "truong khoi") is heads


def test_the_members_of_a_bloc_are_answered_from_the_list_not_from_the_tasks_of_its_head(assistant):
    answer = assistant.answerer().answer("Khối giao ước thi đua Tổng hợp tỉnh Hà Giang năm 2021, Văn phòng UBND tỉnh là "
                                         "trưởng khối, gồm những cơ quan thành viên nào ạ?")
    assert "Sở Ngoại vụ" in answer.lead and "Cục Thống kê" in answer.lead


@pytest.mark.parametrize("question,location", [
    # sending the file to the Government: how many sets, whether the electronic copy goes with it
    ("Hồ sơ đề nghị BK TTg thì gửi mấy bộ, có phải kèm file điện tử không?", "Điều 84, khoản 4"),
    ("Ho so de nghi Huan chuong Lao dong gui ve dau, co kem file dien tu khong?", "Điều 84, khoản 4"),
    # what a collective may do with the award it received
    ("Trường được tặng Cờ thi đua, có được in biểu tượng cờ lên văn bản của trường không?", "Điều 86"),
    # asked of a title, a violation cancels the award
    ("Bằng khen đã tặng mà nay phát hiện khai man thành tích thì có bị hủy không, tiền thưởng có phải nộp lại?",
     "Điều 93, khoản 2"),
    # how often a collective title is given, read in its own article
    ("Tập thể lao động xuất sắc xét hằng năm hay mấy năm một lần?", "Điều 27"),
    # the clause that ends on the question word is what is asked
    ("Khái niệm sáng kiến là gì ạ, có nhất thiết phải được cơ sở công nhận không?", "Điều 3"),
])
def test_what_officers_ask_beyond_criteria_reaches_its_khoan(law_and_decree, question, location):
    first = _first(law_and_decree, question)
    assert first.doc_id == LAW.stem and first.location.startswith(location)


def test_who_the_person_is_yields_to_what_happened_to_them(law_and_decree):
    first = _first(law_and_decree, "Cô giáo nữ nghỉ chế độ thai sản thì năm đó có được xét khen thưởng không?")
    assert (first.doc_id, first.location) == (DECREE.stem, "Điều 4, khoản 5")


def test_discipline_for_breaking_the_rules_is_read_in_the_article_on_violations(law_and_decree):
    question = "Hội đồng cố ý không bình xét thi đua cho người nghỉ thai sản thì bị xử lý kỷ luật gì?"
    first = _first(law_and_decree, question)
    assert first.doc_id == LAW.stem and first.location.startswith("Điều 93")


def test_a_place_without_documents_of_its_own_does_not_hide_the_law(law_and_decree):
    question = ("Em phụ trách thi đua ở xã Tân Phú, tỉnh Đồng Nai. Chủ tịch UBND xã được tự ra quyết định tặng "
                "những danh hiệu nào ạ?")
    first = _first(law_and_decree, question)
    assert first.doc_id == LAW.stem and first.location.startswith("Điều 80")


@pytest.mark.parametrize("question,khoan", [
    ("Năm nay chị ấy vừa được LĐTT vừa được CSTĐCS, thành tích cùng năm, thì được thưởng tiền cả hai hay một?", 5),
    ("Anh ấy được công nhận LĐTT và được Giám đốc tặng thêm giấy khen cùng đợt, tiền thưởng tính thế nào?", 7),
    ("Cùng một quyết định, cô ấy được CSTĐCS, LĐTT và thêm giấy khen thì tiền thưởng tính sao?", 7),
    ("QĐ công nhận LĐTT ký sau đợt tăng lương cơ sở thì tiền thưởng tính theo lương cơ sở cũ hay mới?", 1),
])
def test_how_a_reward_is_reckoned_reaches_its_khoan(law_and_decree, question, khoan):
    first = _first(law_and_decree, question)
    assert (first.doc_id, first.location) == (DECREE.stem, f"Điều 49, khoản {khoan}")


@pytest.mark.parametrize("question,article", [
    ("Giấy khen cho học sinh giỏi của trường THCS thì ai quy định, hiệu trưởng có được tặng không?", "Điều 76"),
    ("Em là nhân viên hợp đồng ở UBND xã, vậy em có được bình xét thi đua cuối năm không ạ?", "Điều 24"),
])
def test_who_the_award_is_for_reaches_the_khoan_written_for_them(law_and_decree, question, article):
    assert _first_law_article(law_and_decree, question) == article


def test_a_documents_number_is_no_date_in_a_when_answer(law_and_decree):
    """"98/2023/NĐ-CP" holds no day and month: the answer to "từ ngày nào" is the date the decree gives."""
    answer = law_and_decree.answerer().answer(
        "NĐ 152 có hiệu lực từ ngày nào, hồ sơ trình hồi tháng 6/2025 còn theo NĐ 98 không?")
    assert "01 tháng 7 năm 2025" in answer.lead and "98/20;" not in answer.lead


@pytest.mark.parametrize("question,article", [
    # a year of the story ("Bằng khen năm 2020, từ đó đến nay …") does not make the old law the one asked
    ("Chị ấy có BK UBND tỉnh năm 2020, từ đó đến nay năm nào cũng HTTNV, vậy đã đủ đề nghị BK TTg chưa?", "Điều 73"),
    # the level that manages a seconded officer's post and payroll proposes the award
    ("Tôi được biệt phái về UBND xã một năm nay, cuối năm ai có trách nhiệm xét và trình khen cho tôi?", "Điều 83"),
    # "thế nào thì được coi là …" asks a definition, though "làm căn cứ" names a principle
    ("Thế nào thì được coi là sáng kiến để làm căn cứ xét thi đua?", "Điều 3"),
    # who organises blocs, asked of no plan in particular
    ("Cụm, khối thi đua do cấp nào tổ chức vậy?", "Điều 16"),
])
def test_stories_and_general_questions_reach_the_law_in_force(law_and_decree, question, article):
    assert _first_law_article(law_and_decree, question) == article


def test_the_text_that_replaced_a_named_one_is_the_one_asked_about(law_and_decree):
    question = "Tờ trình vẫn ghi căn cứ Nghị định 98/2023/NĐ-CP, vậy nghị định thay thế có hiệu lực từ ngày nào?"
    first = _first(law_and_decree, question)
    assert (first.doc_id, first.location) == (DECREE.stem, "Điều 59")


@pytest.mark.parametrize("question,article", [
    ("Anh tôi là sĩ quan công an, công tác liên tục 26 năm, luôn hoàn thành tốt nhiệm vụ, vậy được tặng huy chương nào?",
     "Điều 56"),
    ("bo toi la quan nhan quan doi nhan dan, phuc vu lien tuc 25 nam, hoan thanh tot nhiem vu thi duoc huy chuong gi",
     "Điều 55"),
])
def test_asked_which_award_of_a_kind_fits_the_award_answers_not_the_list_of_the_kind(assistant, question, article):
    """Điều 54 lists every huy chương; the one whose criteria fit the case told (Công an or Quân đội) answers."""
    answer = assistant.answerer().answer(question)
    assert (answer.citations[0].doc_id, answer.citations[0].location) == (LAW.stem, article)


@pytest.mark.parametrize("question,location", [
    ("Khen huân chương nhân dịp kỷ niệm năm tròn ngày thành lập, vậy năm tròn là năm thế nào?", "Điều 3, khoản 6"),
    ("Cơ quan thông tin đại chúng có trách nhiệm gì trong công tác thi đua, khen thưởng?", "Điều 13, khoản 4"),
])
def test_a_notion_the_law_defines_or_charges_is_answered_by_its_own_khoan(assistant, question, location):
    """A defined term followed by "là …" asks its definition even beside an award named before it; the press,
    called cơ quan thông tin đại chúng by the old texts, has its own khoản in the Law in force."""
    answer = assistant.answerer().answer(question)
    assert (answer.citations[0].doc_id, answer.citations[0].location) == (LAW.stem, location)


@pytest.mark.parametrize("question,articles", [
    ("Danh hiệu Lao động tiên tiến do ai quyết định tặng? Danh hiệu này cần đạt những tiêu chuẩn gì?",
     ["Điều 80", "Điều 24"]),
    ("Tiêu chuẩn Chiến sĩ thi đua cơ sở là gì ạ? Lao động tiên tiến thì thế nào?", ["Điều 23", "Điều 24"]),
])
def test_two_asks_in_two_sentences_are_both_answered(assistant, question, articles):
    """Two sentences asking two aspects of a title, or one aspect of two titles: both leads, both cited."""
    answer = assistant.answerer().answer(question)
    cited = [c.location.split(",")[0] for c in answer.citations if c.doc_id == LAW.stem]
    assert all(article in cited for article in articles)
    assert "Lao động tiên tiến" in answer.lead and len(answer.lead.split("\n")) > 1


def test_two_bodies_joined_by_va_are_both_answered_in_the_lead(assistant):
    """Mặt trận Tổ quốc and the press have each their own provision on their duties: the lead gives both."""
    answer = assistant.answerer().answer(
        "Mặt trận Tổ quốc và các cơ quan báo chí có trách nhiệm gì trong công tác thi đua, khen thưởng?")
    lines = answer.lead.split("\n")
    assert any(line.startswith("- Cơ quan báo chí có trách nhiệm") for line in lines)
    assert any("Mặt trận" in line or "tổ chức chính trị - xã hội" in line for line in lines if "báo chí" not in line)


def test_a_list_of_orders_told_as_held_is_not_what_is_asked(assistant):
    """ "đã được tặng HCLĐ hạng Ba, HCLĐ hạng Nhì, HCLĐ hạng Nhất …": the whole list is held, not a ladder
    asked; the order asked after it (Độc lập hạng Ba) answers."""
    question = ("Đơn vị tôi đã được tặng Huân chương Lao động hạng Ba, Huân chương Lao động hạng Nhì, Huân chương "
                "Lao động hạng Nhất và Cờ thi đua của Chính phủ, nay có đủ tiêu chuẩn Huân chương Độc lập hạng Ba không?")
    assert understand(question).subjects[0] == "huan_chuong_doc_lap_hang_ba"
    answer = assistant.answerer().answer(question)
    assert answer.citations[0].location.startswith("Điều 38") and "Độc lập" in answer.lead


def test_a_period_stated_in_a_first_sentence_is_a_second_ask(assistant):
    """ "… xét tặng 3 năm một lần phải không? … bao nhiêu năm?": when the title is considered, then its
    criteria: both khoản are cited (Điều 65 khoản 5 and khoản 3)."""
    answer = assistant.answerer().answer(
        "Thầy thuốc ưu tú được xét tặng 3 năm một lần phải không? Bác sĩ cần trực tiếp làm chuyên môn bao nhiêu năm?")
    assert {"Điều 65, khoản 3", "Điều 65, khoản 5"} <= {c.location for c in answer.citations}


def test_the_procedure_of_a_title_ruled_by_another_body_is_read_where_the_law_hands_it_over(assistant):
    """Bà mẹ Việt Nam anh hùng is awarded under the Standing Committee's rule (Điều 61 khoản 2), not the
    Government's general one on files (Điều 84 khoản 7)."""
    answer = assistant.answerer().answer(
        "Gia đình tôi muốn làm hồ sơ truy tặng Bà mẹ Việt Nam anh hùng cho cụ nội thì thủ tục thế nào?")
    assert answer.citations[0].location == "Điều 61, khoản 2" and "Ủy ban Thường vụ Quốc hội" in answer.lead


def test_a_notion_ruled_in_one_respect_sets_the_aspect_beside_a_title(assistant):
    """Reusing an old initiative for a new title is the principle of one reward per achievement (Điều 5
    khoản 2 điểm c), not the title's criteria, though a title is named and no aspect is."""
    answer = assistant.answerer().answer("Năm nay lấy lại sáng kiến cũ để đề nghị Chiến sĩ thi đua cơ sở có được không?")
    assert answer.citations[0].location.startswith("Điều 5, khoản 2") and "một thành tích" in answer.lead


def test_a_short_add_on_ask_is_answered_after_the_main_one(law_and_decree):
    """ "Hồ sơ … gồm những gì? Được thưởng bao nhiêu?": the file first, the reward (NĐ 152 Điều 50) after it."""
    answer = law_and_decree.answerer().answer(
        "Hồ sơ đề nghị xét tặng danh hiệu Lao động tiên tiến gồm những gì ạ? Được thưởng bao nhiêu tiền?")
    documents = [(c.doc_id, c.location.split(",")[0]) for c in answer.citations]
    assert (DECREE.stem, "Điều 50") in documents[1:]
    assert answer.lead.index("hồ sơ") < answer.lead.index("0,3 lần")


def test_who_pays_the_reward_is_asked_by_paying_it_not_by_its_amount(assistant):
    """ "… tự chi tiền khen thưởng hay tỉnh chi?": who pays (Điều 11 khoản 4), not how much."""
    answer = assistant.answerer().answer("Trường tôi được Chủ tịch UBND tỉnh tặng bằng khen, vậy trường tự chi tiền "
                                         "khen thưởng hay tỉnh chi?")
    assert answer.citations[0].location == "Điều 11, khoản 4" and "chi thưởng" in answer.lead


def test_a_title_after_doi_tuong_duoc_tang_is_asked_not_held():
    """ "đối tượng được tặng X và Y": X is asked ("được tặng" alone tells a title held, and Y would be asked alone)."""
    slots = understand("Đề nghị cho biết đối tượng được tặng Cờ thi đua của Chính phủ và cờ thi đua cấp tỉnh khác nhau "
                       "thế nào?")
    assert slots.subjects[0] == "co_thi_dua_chinh_phu"


def test_my_office_asking_for_an_order_is_a_collective(assistant):
    """ "Phòng em đã được tặng … có đủ tiêu chuẩn HCLĐ hạng Ba không?": a collective's khoản (Điều 44 khoản 4)."""
    answer = assistant.answerer().answer("Phòng em đã được tặng Bằng khen của Thủ tướng và Cờ thi đua của tỉnh, nay có đủ "
                                         "tiêu chuẩn Huân chương Lao động hạng Ba không?")
    assert answer.citations[0].location == "Điều 44, khoản 4" and "tập thể" in answer.lead


def test_two_steps_of_one_ladder_named_together_are_both_asked_the_first_step_first(assistant):
    """"NGND, NGƯT" side by side asks both titles (neither is held); the lower one's khoản comes first."""
    slots = understand("Nhà giáo nhân dân, nhà giáo ưu tú thì phải có thời gian giảng dạy bao lâu?")
    assert slots.subjects[:2] == ("nha_giao_uu_tu", "nha_giao_nhan_dan") and slots.held == ()
    first = _first(assistant, "Nhà giáo nhân dân, nhà giáo ưu tú thì phải có thời gian giảng dạy bao lâu?")
    assert (first.doc_id, first.location) == (LAW.stem, "Điều 64, khoản 3")


def test_a_khoan_stating_two_cases_alike_is_led_with_both(law_and_decree):
    """NĐ 152 Điều 49 khoản 5 rules on titles reckoned over different and over the same time in two
    sentences that open alike: the lead gives both cases, not only the first."""
    answer = law_and_decree.answerer().answer(
        "Chị ấy vừa được LĐTT vừa được CSTĐCS, thành tích cùng năm, thì được thưởng tiền cả hai hay một?")
    assert "tương ứng" in answer.lead and "cao nhất" in answer.lead


@pytest.mark.parametrize("first,follow_up,article", [
    ("Giấy khen của Giám đốc Sở cho cá nhân được thưởng bao nhiêu tiền?", "Thế khoản tiền đó do ai chi?", "Điều 11"),
    ("Khi nào thì quyết định tặng bằng khen bị hủy bỏ?", "Vậy ai có thẩm quyền hủy ạ?", "Điều 93"),
])
def test_a_follow_up_that_asks_something_new_is_answered_on_its_own_aspect(law_and_decree, first, follow_up, article):
    answerer = law_and_decree.answerer()
    turns = [answerer.answer(first).turn()]
    answer = answerer.answer(follow_up, turns)
    assert answer.citations[0].doc_id == LAW.stem and answer.citations[0].location.split(",")[0] == article


@pytest.mark.parametrize("first,follow_up,title,article", [
    ("Tiêu chuẩn danh hiệu Chiến sĩ thi đua cơ sở gồm những gì?",
     "Trong hồ sơ đề nghị thì cần giấy tờ gì chứng minh sáng kiến?", "Chiến sĩ thi đua cơ sở", "Điều 84"),
    ("Nông dân muốn được Bằng khen của Thủ tướng Chính phủ thì cần đạt gì?",
     "Mô hình kinh tế phải duy trì ổn định bao lâu?", "Bằng khen của Thủ tướng Chính phủ", "Điều 73"),
    ("Tiêu chuẩn danh hiệu Chiến sĩ thi đua cơ sở gồm những gì?",
     "Những hành vi nào bị nghiêm cấm trong thi đua, khen thưởng?", None, "Điều 15"),
])
def test_a_question_that_names_no_title_is_asked_of_the_previous_ones_title(law_and_decree, first, follow_up, title,
                                                                           article):
    """No cue word ("còn", "thế") opens it, but it names no title of its own: asked of the conversation's
    title, unless what it asks is said of thi đua, khen thưởng as a whole (the prohibited acts)."""
    answerer = law_and_decree.answerer()
    answer = answerer.answer(follow_up, [answerer.answer(first).turn()])
    if title:
        assert title in answer.standalone_question and title in answer.lead
    else:
        assert answer.standalone_question == follow_up
    assert answer.citations[0].doc_id == LAW.stem and answer.citations[0].location.split(",")[0] == article


def test_an_awards_quota_is_read_where_the_plan_awards_it_not_in_its_table_of_criteria(can_tho):
    """Kế hoạch 157 of Cần Thơ gives its criteria in % in an appendix table; the cap on its Bằng khen
    ("không quá 10% tập thể, 5% cá nhân") is in section IV, which the question must reach first."""
    question = ("Phong trào thi đua chi trả trợ cấp không dùng tiền mặt ở Cần Thơ: bằng khen của Chủ tịch UBND "
                "thành phố có khống chế tỷ lệ không, bao nhiêu phần trăm?")
    hits = can_tho.searcher.search(question, 3)
    assert hits[0].chunk.doc_id == CAN_THO.stem and "không quá 10% tập thể" in hits[0].chunk.text


@pytest.mark.parametrize("first,follow_up,expected", [
    ("Kế hoạch 0125 của UBND tỉnh Đắk Lắk giao Sở Nội vụ những việc gì?",
     "Còn việc tuyên truyền, cổ động trực quan thì giao cho ai?", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ("Kế hoạch 0124 của tỉnh Đắk Lắk về đợt thi đua chào mừng Đại hội XIV thì cơ quan nào làm đầu mối tổng hợp kết quả?",
     "Thế việc tuyên truyền thì giao ai?", "Sở Văn hóa, Thể thao và Du lịch"),
])
def test_a_follow_up_on_a_plan_is_found_by_its_own_words_in_that_plan(can_tho, first, follow_up, expected):
    """Within the plan just answered from, the follow-up's words pick its line; the previous question's
    words (Sở Nội vụ, giao việc) would bring back the passage already given."""
    answerer = can_tho.answerer()
    answer = answerer.answer(follow_up, [answerer.answer(first).turn()])
    assert "dak-lak" in answer.citations[0].doc_id and expected in answer.citations[0].quote
    assert expected in answer.lead


def test_the_date_of_a_cited_guidance_is_no_deadline_for_a_when_question(can_tho):
    """Kế hoạch 0125 of Đắk Lắk cites "Hướng dẫn số 7886/HD-BNV ngày 14/9/2025" under the Bằng khen it
    awards; the deadline for the files ("trước ngày 31/3/2026") is in section V. Scored alike by the words,
    only the passage giving a deadline is preferred as giving a date."""
    from datetime import date

    from assistant.retrieve import Hit

    chunks = can_tho.index.doc_chunks(DAK_LAK_ELECTION.stem)
    cited = next(c for c in chunks if c.body.startswith("3.1. Bằng khen của Thủ tướng"))
    deadline = next(c for c in chunks if "trước ngày 31/3/2026" in c.body)
    question = "Hồ sơ đề nghị Bằng khen Thủ tướng nộp về Sở Nội vụ muộn nhất là khi nào?"
    ranked = can_tho.searcher._adjust([Hit(cited, 1.0), Hit(deadline, 1.0)], understand(question), [], set(),
                                      date(2026, 1, 5))
    assert ranked[0].chunk is deadline and ranked[1].score < ranked[0].score


def test_a_share_asked_is_read_where_the_plan_sets_a_floor_not_in_its_scoring_table(can_tho):
    """The appendix scores "Tỷ lệ % người hưởng … mở mới tài khoản" by tiers; the target itself ("Ít nhất
    85% …") is in section III."""
    hits = can_tho.searcher.search("Cần Thơ chi trả không dùng tiền mặt: chỉ tiêu tối thiểu bao nhiêu phần trăm người "
                                   "hưởng trợ cấp phải mở mới tài khoản ngân hàng?", 3)
    assert "Ít nhất 85%" in hits[0].chunk.text


def test_replacing_a_worn_or_lost_medal_reaches_the_rule_that_delegates_its_procedure(law_and_decree):
    """The corpus holds no procedure of its own for cấp đổi, cấp lại under the texts in force: the Law
    (Điều 12 khoản 2) and NĐ 152 (Điều 6 khoản 1 điểm b) say who sets it; NĐ 98's old articles come after."""
    answer = law_and_decree.answerer().answer("Huân chương của bố tôi bị hỏng do lũ, giờ muốn xin cấp đổi cái mới "
                                              "thì cần làm thủ tục gì?")
    first = answer.citations[0]
    assert (first.document, first.location.split(",")[0]) in {("Nghị định 152/2025/NĐ-CP", "Điều 6"),
                                                             ("Luật 06/2022/QH15", "Điều 12")}
    assert "cấp đổi" in answer.lead



@pytest.mark.parametrize("question", [
    "Giấy khen của Giám đốc Sở tặng cho giáo viên trường THPT thì tiền thưởng do trường chi hay Sở chi?",
    "Cô giáo trường em được Thủ tướng tặng Bằng khen, hồ sơ do tỉnh trình. Vậy đơn vị nào chi tiền thưởng?",
])
def test_who_pays_a_reward_is_the_khoan_on_who_pays_not_the_funds_sources(assistant, question):
    """Điều 11 is one passage: khoản 1–3 say where the fund comes from and what it pays for; who pays a
    reward is khoản 4 (the one who decides; the proposing body for the President's and the Government's)."""
    answer = assistant.answerer().answer(question)
    assert answer.citations[0].location == "Điều 11, khoản 4"
    assert answer.lead.startswith("Người ra quyết định khen thưởng có trách nhiệm chi thưởng")


def test_registering_a_medals_name_is_answered_in_the_abbreviations_officers_use(assistant):
    """ "cq QLNN" is "cơ quan quản lý nhà nước", no quận named QLNN whose documents the corpus lacks; the
    registration of the name is Điều 71 khoản 3."""
    from assistant.understanding import place_names

    assert place_names("tên KNC có phải đăng ký với cơ quan QLNN về TĐKT ở TW không?") == ()
    answer = assistant.answerer().answer("KNC của bộ/ngành/tỉnh: tên KNC có phải đk với cq QLNN về TĐKT ở TW ko?")
    assert not answer.not_found and answer.citations[0].location == "Điều 71, khoản 3"
    assert "phải được đăng ký" in answer.lead


def test_which_award_fits_a_rescue_is_the_order_for_courage(assistant):
    """A story of a rescue asking which award fits names no award: the Law gives Huân chương Dũng cảm for
    "hành động dũng cảm khi cứu người, cứu tài sản" (Điều 52)."""
    answer = assistant.answerer().answer("Anh lái đò ở thôn tôi hôm qua lao xuống sông cứu sống một em bé bị đuối "
                                         "nước. Xã muốn đề nghị khen cao nhất cho anh, huân chương nào là phù hợp?")
    assert answer.citations[0].location.startswith("Điều 52")
    assert "Huân chương Dũng cảm" in answer.lead
    # a question about the simple procedure for such a deed still reads the procedure (Điều 85)
    assert _first_law_article(assistant, "Bảo vệ dũng cảm cứu người trong đám cháy, có được khen theo thủ tục "
                                         "đơn giản không?") == "Điều 85"


@pytest.mark.parametrize("question,khoan", [
    ("Năm ngoái anh ấy được BK UBND tỉnh theo chuyên đề phòng chống dịch. Nay đơn vị lấy BK đó làm căn cứ đề nghị "
     "BK TTg theo diện công trạng có được không?", 3),
    ("Chị ấy chưa có giấy khen nào. Trưởng phòng bảo phải có giấy khen trước thì mới đề nghị bằng khen được, "
     "có đúng vậy không?", 1),
])
def test_what_an_earlier_award_counts_for_is_the_principle_on_it(law_and_decree, question, khoan):
    """An award of a themed movement is no ground for a merit award (NĐ 152 Điều 4 khoản 3); a lower award
    is no step required before a higher one (khoản 1), whatever the words officers use for them."""
    first = law_and_decree.searcher.search(question, 3)[0].chunk
    assert (first.doc_id, first.location) == (DECREE.stem, f"Điều 4, khoản {khoan}")


def test_rounding_a_reward_reaches_the_rule_on_rounding(law_and_decree):
    """ "làm tròn" names NĐ 152 Điều 49 khoản 2 (rounded up to the ten thousand), not the table of amounts."""
    first = law_and_decree.searcher.search("Tiền thưởng LĐTT tính ra 702.000đ thì có phải làm tròn không, làm tròn "
                                           "đến hàng nào?", 3)[0].chunk
    assert (first.doc_id, first.location) == (DECREE.stem, "Điều 49, khoản 2")


@pytest.mark.parametrize("question,location", [
    ("Em là công chức văn phòng UBND xã Tân Phú, tỉnh Đồng Nai. Cuối năm xã có nhiều hộ đạt gia đình văn hóa. "
     "Cho em hỏi Chủ tịch UBND xã được ra quyết định tặng những danh hiệu nào?", "Điều 80"),
    ("Em làm thi đua ở chi nhánh một tổng công ty thuộc Bộ Công Thương. Hồ sơ đã có tờ trình, báo cáo thành tích "
     "mà vẫn bị trả lại. Hồ sơ đề nghị Huân chương Lao động bắt buộc phải có ý kiến của cơ quan nào nữa?", "Điều 84"),
])
def test_a_place_told_in_a_storys_background_does_not_refuse_the_law(assistant, question, location):
    """Where the asker works ("xã Tân Phú, tỉnh Đồng Nai", "thuộc Bộ Công Thương") is no document asked about:
    the Law answers, though the corpus holds nothing of that province or ministry."""
    answer = assistant.answerer().answer(question)
    assert not answer.not_found and answer.citations[0].location.startswith(location)


def test_beside_the_point_naming_the_title_held_the_point_the_question_asks_is_led(assistant):
    """The story tells CSTĐCS held (Điều 22 khoản 1 điểm a names it) and asks about an initiative: điểm b
    (the initiative) is in the lead too."""
    answer = assistant.answerer().answer(
        "Anh ấy đã được danh hiệu Chiến sĩ thi đua cơ sở hai năm học liền và có 2 sáng kiến được công nhận cấp cơ "
        "sở. Năm nay anh không có sáng kiến mới. Có thể dùng sáng kiến cũ để xét Chiến sĩ thi đua cấp tỉnh không, "
        "hay bắt buộc phải có sáng kiến mới?")
    assert answer.citations[0].location.startswith("Điều 22")
    assert "b) Có sáng kiến đã được áp dụng hiệu quả" in answer.lead


def test_what_is_still_missing_is_led_not_what_the_asker_already_has(assistant):
    """ "… đã có tờ trình, báo cáo thành tích, còn cần biên bản nào nữa": điểm c of Điều 84 khoản 2, not the
    report the question names as done."""
    answer = assistant.answerer().answer("Hồ sơ đề nghị Bằng khen em đã có tờ trình, báo cáo thành tích rồi, "
                                         "vậy còn cần biên bản nào nữa?")
    assert answer.citations[0].location.startswith("Điều 84")
    assert "c) Biên bản xét khen thưởng" in answer.lead and "b) Báo cáo thành tích" not in answer.lead


def test_a_long_sentence_is_cut_around_the_words_asked_even_at_its_end(assistant):
    """Điều 84 khoản 4 is one long sentence whose end holds the answer ("01 bộ hồ sơ bản chính kèm theo các tệp
    tin điện tử"); "file điện tử" is the officer's word for "tệp tin điện tử"."""
    answer = assistant.answerer().answer("Hồ sơ đề nghị Bằng khen của Thủ tướng thì tỉnh gửi lên Trung ương mấy bộ "
                                         "bản chính, có phải kèm file điện tử không?")
    assert answer.citations[0].location.startswith("Điều 84")
    assert "01 bộ hồ sơ bản chính" in answer.lead and "tệp tin điện tử" in answer.lead


def test_a_question_asking_two_things_one_khoan_answers_gets_both_sentences(assistant):
    """Điều 83 khoản 1 says where titles are proposed from and who considers them: asked both, both lead."""
    answer = assistant.answerer().answer("Danh hiệu thi đua phải được bình xét từ đâu, và ở xã thì ai có trách "
                                         "nhiệm xét tặng?")
    assert answer.citations[0].location.startswith("Điều 83")
    assert "từ đơn vị cơ sở" in answer.lead and "Chủ tịch Ủy ban nhân dân cấp xã" in answer.lead


def test_time_in_hard_areas_reaches_the_khoan_that_multiplies_it_for_the_title_asked(assistant):
    """Điều 64, 65 khoản 4 and Điều 57 khoản 3 count time at the border, at sea or in hard areas double; the
    title asked decides which."""
    first = _first(assistant, "Bác sĩ công tác ở huyện đảo 6 năm, thời gian đó có được nhân hệ số khi tính thời "
                              "gian xét Thầy thuốc ưu tú không, nhân bao nhiêu?")
    assert first.doc_id == LAW.stem and first.location == "Điều 65, khoản 4"


def test_whether_a_notion_counts_is_answered_by_its_rule_even_in_a_long_story(law_and_decree):
    """A long story on maternity leave shares few words with NĐ 152 Điều 4 khoản 5, yet that khoản is the
    rule on the notion it asks about ("có được xét … không"): an answer, not a refusal."""
    answer = law_and_decree.answerer().answer(
        "Kính gửi luật sư, đơn vị tôi có một chị kế toán nghỉ sinh con gần sáu tháng trong năm công tác. Ban chấp "
        "hành công đoàn cơ quan trả lời rằng ai nghỉ quá số ngày theo quy chế, dù vì bất kỳ lý do gì, đều bị loại "
        "khỏi danh sách bình bầu cuối năm. Tôi đọc một số bài viết trên mạng thì lại thấy nói ngược lại. Vậy chị "
        "ấy có được xét thi đua cuối năm không, hay công đoàn trả lời vậy là có cơ sở?")
    assert not answer.not_found
    assert answer.citations[0].location == "Điều 4, khoản 5" and "nghỉ thai sản" in answer.lead


def test_who_strips_an_honorary_title_is_read_in_the_khoan_on_stripping(assistant):
    """ "tước … do ai quyết định" asks Điều 93 khoản 7, not who awards the title (Điều 77)."""
    first = _first(assistant, "Danh hiệu Anh hùng Lao động bị tước hoặc được phục hồi thì cấp nào có thẩm quyền "
                              "quyết định?")
    assert first.doc_id == LAW.stem and first.location == "Điều 93, khoản 7"


@pytest.mark.parametrize("question,target,khoan", [
    ("Đơn vị định đề nghị HCLĐ hạng Nhì cho tôi, tôi có HCLĐ hạng Ba từ năm 2019 thì cần thêm những gì?", "ca_nhan", 1),
    ("Trường tôi có HCLĐ hạng Ba từ 2018, nay làm hồ sơ đề nghị HCLĐ hạng Nhì cho tập thể trường thì cần gì?",
     "tap_the", 4),
])
def test_the_step_from_the_rank_held_is_the_one_for_whom_the_award_is_proposed(question, target, khoan):
    """ "Đơn vị … đề nghị … cho tôi" proposes a person (khoản 1 đ of Điều 43); "cho tập thể" a collective (khoản 4 d)."""
    slots = understand(question)
    assert slots.target == target
    assert [(e.article, e.khoan) for e in held_steps(slots)] == [("Điều 43", khoan)]


@pytest.fixture(scope="module")
def dak_lak_election(tmp_path_factory):
    return _indexed(tmp_path_factory, "daklak", [KNOWLEDGE / "plans" / "kh-0125-2025-ubnd-dak-lak.txt"])


def test_a_short_line_stating_its_case_after_a_colon_answers_for_that_case(dak_lak_election):
    """ "b) Đối với xã, phường: Mỗi xã, phường chọn 02 trường hợp (…)" is short and unpunctuated, but no heading:
    it is the quota asked for a commune, not the provincial bodies' line above it."""
    answer = dak_lak_election.answerer().answer("Ở Đắk Lắk thì mỗi phường được đề nghị mấy trường hợp Bằng khen của "
                                                "Chủ tịch UBND tỉnh trong đợt thi đua bầu cử?")
    assert "02 trường hợp" in answer.lead and "không quá 01 trường hợp" not in answer.lead


def test_who_awards_a_title_asked_of_no_level_lists_every_authority_the_article_names(assistant):
    """Điều 80 khoản 1–4 each name an authority that awards Lao động tiên tiến: asked generally, all of them
    lead and are quoted; asked of a commune, its own khoản alone."""
    answer = assistant.answerer().answer("Thẩm quyền quyết định tặng danh hiệu Lao động tiên tiến được quy định "
                                         "như thế nào, ai ký quyết định?")
    assert answer.citations[0].location == "Điều 80, khoản 1, 2, 3, 4"
    assert "có tư cách pháp nhân" in answer.lead and "Chủ tịch Ủy ban nhân dân cấp xã" in answer.lead
    at_commune = assistant.answerer().answer("Ở xã thì ai quyết định tặng danh hiệu Lao động tiên tiến?")
    assert at_commune.lead.startswith("Chủ tịch Ủy ban nhân dân cấp xã") and "\n" not in at_commune.lead


def test_awarding_one_achievement_twice_is_read_in_the_principle_that_forbids_it(law_and_decree):
    """ "khen trùng": Luật Điều 5 khoản 2 điểm c, before NĐ 152's rule on awards for unplanned achievements
    that the story's background names."""
    answer = law_and_decree.answerer().answer("Anh ấy vừa được Giấy khen đột xuất vì cứu hộ lũ, giờ cơ quan muốn "
                                              "dùng lại thành tích đó để đề nghị thêm Bằng khen của Bộ. Luật có cho "
                                              "khen trùng như vậy không?")
    assert (answer.citations[0].document, answer.citations[0].location) == ("Luật 06/2022/QH15", "Điều 5, khoản 2")
    assert "- c) Một hình thức khen thưởng có thể tặng nhiều lần cho một đối tượng" in answer.lead


@pytest.mark.parametrize("question,kind", [
    ("Tiêu chuẩn Bằng khen của Thủ tướng cho tập thể là gì ạ?", "list"),
    ("HCLĐ hạng Ba cho doanh nghiệp thì cần điều kiện như thế nào?", "list"),
    ("Hồ sơ đề nghị Cờ thi đua của Chính phủ gồm gì?", "list"),
    ("Anh ấy có đủ tiêu chuẩn CSTĐCS không?", "general"),
    ("Danh hiệu CSTĐCS cần mấy sáng kiến?", "number"),
])
def test_criteria_or_files_asked_openly_want_the_whole_list(question, kind):
    assert understand(question).kind == kind


def test_a_follow_up_on_the_criteria_for_a_collective_lists_them_all(assistant):
    """ "Còn tập thể thì sao?" after the criteria for a person: Điều 73 khoản 4, all its points, c) among them."""
    answer = assistant.answerer().answer("Còn tập thể thì sao?",
                                         [Turn("Tiêu chuẩn Bằng khen của Thủ tướng cho cá nhân là gì?")])
    assert answer.citations[0].location == "Điều 73, khoản 4"
    assert all(f"- {label}) " in answer.lead for label in "abcde")


@pytest.mark.parametrize("question,lead", [
    ("Bằng khen của Bộ trưởng thì ai trao, Bộ trưởng có được ủy quyền cho người khác trao không?",
     "trực tiếp trao tặng hoặc ủy quyền trao tặng"),
    ("Cán bộ của ta đang công tác ở nước ngoài được tặng Huân chương thì ai trao cho họ bên đó?", "Đại sứ"),
])
def test_who_hands_over_an_award_is_the_general_rule_unless_the_recipient_is_abroad(law_and_decree, question, lead):
    """Điều 82 khoản 1 (the one who decides hands over, or delegates) answers; khoản 2 only for recipients abroad."""
    answer = law_and_decree.answerer().answer(question)
    assert answer.citations[0].location.startswith("Điều 82") and lead in answer.lead


def test_a_question_asking_two_things_in_two_sentences_is_answered_on_both(assistant):
    """Who decides (Điều 77) and how often (Điều 66 khoản 4, "danh hiệu này" read with the title named before):
    both lead, each with its citation, numbered in turn."""
    answer = assistant.answerer().answer("Danh hiệu Nghệ sĩ ưu tú do ai quyết định tặng ạ? Danh hiệu này bao lâu "
                                         "mới xét một lần và công bố vào dịp nào?")
    assert "Chủ tịch nước quyết định tặng" in answer.lead and "03 năm một lần" in answer.lead
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    assert {"Điều 77", "Điều 66, khoản 4"} <= {c.location for c in answer.citations}


def test_a_posted_questions_signature_names_no_province_asked_about(assistant):
    """ "… ai có thẩm quyền quyết định tặng? Câu hỏi của chị H.T (Long An)." asks the Law: the signature after
    the question names where the asker lives, and "quyết định" there is the verb, not a decision."""
    answer = assistant.answerer().answer("Danh hiệu Tập thể lao động xuất sắc cho các phòng, ban của huyện thì ai "
                                         "có thẩm quyền quyết định tặng? Câu hỏi của anh T.V (Long An).")
    assert not answer.not_found and answer.citations[0].location.startswith("Điều 79")
    assert understand("Hồ sơ gửi về đâu? Xin cảm ơn anh chị.").focus in ("", "Hồ sơ gửi về đâu?")


@pytest.mark.parametrize("question,sentence", [
    ("NĐ 152/2025 có hiệu lực từ ngày nào?", "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025"),
    ("nd 152 hieu luc tu ngay nao, ho so trinh thang 8/2025 thi ap dung nd 152 hay nd 98?", "01 tháng 7 năm 2025"),
])
def test_when_a_named_decree_takes_effect_is_read_in_its_own_article_on_validity(law_and_decree, question, sentence):
    """NĐ 152/2025 Điều 59: the decree named is a notion the law map rules on ("hiệu lực"), not only words."""
    answer = law_and_decree.answerer().answer(question)
    assert not answer.not_found and answer.citations[0].document == "Nghị định 152/2025/NĐ-CP"
    assert answer.citations[0].location.startswith("Điều 59") and sentence in answer.lead


def test_with_no_recipient_named_the_step_from_the_rank_held_is_the_persons():
    slots = understand("Đã có BK TTg từ 2019, 5 năm liền HTTNV trở lên, 3 lần CSTĐCS thì đủ đk HCLĐ hạng Ba chưa ạ?")
    assert slots.target is None
    assert [(e.article, e.khoan) for e in held_steps(slots)] == [("Điều 44", 1)]


def test_who_asks_in_a_posted_questions_opening_is_no_place_the_question_is_about(assistant):
    """ "Ông … trú tại thị xã Hương Thủy, tỉnh Thừa Thiên Huế hỏi: …": the asker's address must not require the
    answer to name that town (no stored document does); the Law answers."""
    answer = assistant.answerer().answer("Ông Trần V. trú tại thị xã Hương Thủy, tỉnh Thừa Thiên Huế hỏi: Danh hiệu "
                                         "Tập thể lao động tiên tiến phải đạt những tiêu chuẩn gì?")
    assert not answer.not_found and answer.citations[0].location.startswith("Điều 28")


def test_a_themed_movement_typed_short_is_understood():
    slots = understand("Tỉnh phát động PTTĐ chuyên đề 2 năm, khi tổng kết đơn vị dẫn đầu có được đề nghị cờ thi đua của "
                       "tỉnh ko, hay PT phải đủ bn năm?")
    assert "thi_dua_theo_chuyen_de" in slots.terms and slots.aspect == "tieu_chuan"


@pytest.mark.parametrize("question,notion", [
    ("Người nước ngoài được tặng Huân chương Hữu nghị nhưng đang ở nước họ thì ai trao thay?", "trao_tang_o_nuoc_ngoai"),
    ("Tập thể được Chủ tịch UBND tỉnh tặng danh hiệu thi đua và hình thức khen thưởng thì tiền thưởng tính thế nào?",
     "khen_thuong_cung_thoi_diem"),
])
def test_the_notion_a_posted_question_turns_on_is_recognised(question, notion):
    from assistant.understanding import lookup_subjects

    assert lookup_subjects(understand(question))[0] == notion


def test_the_armed_forces_khoan_comes_after_the_general_one_unless_they_are_named(assistant):
    """Điều 79 khoản 5 (in the army and police, the Government rules) is for a group the question does not name."""
    first = _first(assistant, "Danh hiệu Tập thể lao động xuất sắc do ai quyết định tặng?")
    assert first.doc_id == LAW.stem and first.location != "Điều 79, khoản 5"
    army = _first(assistant, "Danh hiệu Tập thể lao động xuất sắc trong Công an nhân dân do ai quyết định tặng?")
    assert army.location == "Điều 79, khoản 5"


def test_who_awards_a_title_whose_name_holds_a_level_still_lists_every_authority(assistant):
    """ "cơ sở" in "Chiến sĩ thi đua cơ sở" names the title, not a level asked: Điều 80 khoản 1, 2, 4 and Điều 79
    khoản 3 each name an authority that awards it."""
    answer = assistant.answerer().answer("Thẩm quyền quyết định tặng danh hiệu Chiến sĩ thi đua cơ sở được quy định "
                                         "thế nào?")
    assert answer.lead.startswith("- ") and answer.lead.count("\n- ") >= 2
    assert "có tư cách pháp nhân" in answer.lead and "Chủ tịch Ủy ban nhân dân cấp huyện" in answer.lead


def test_two_answers_joined_lead_each_item_once_and_renumber_the_seconds_citations():
    from assistant.answering.answerer import Answer, Citation, _as_items, _joined

    def cited(n: int, location: str) -> Citation:
        return Citation(n=n, doc_id="luat-06-2022-QH15", number="", title="", document="Luật 06/2022/QH15",
                        location=location, page=None, quote="…", score=1.0)

    first = Answer("q", "- A\n- B [1]", [cited(1, "Điều 76, khoản 4")], False, "extractive", "q1", lead="- A\n- B")
    second = Answer("q", "- A\n- C [1]", [cited(1, "Điều 80, khoản 1")], False, "extractive", "q2", lead="- A\n- C")
    joined = _joined(first, second)
    assert joined.lead == "- A\n- B\n- C"
    assert [c.n for c in joined.citations] == [1, 2] and "- C [2]" in joined.text
    assert _as_items("- A\n- B") == ["- A", "- B"] and _as_items("A") == ["- A"]


def test_an_abbreviation_after_a_place_word_names_no_place(assistant):
    """ "CSTĐ tỉnh LT" is "liên tục", not a province LT that the answering text must name."""
    assert understand("CSTĐ tỉnh LT 2 lần thì được xét CSTĐTQ chưa ạ?").places == ()
    assert understand("Đợt thi đua của huyện Tam Đường kéo dài đến ngày nào?").places == ("tam duong",)
    answer = assistant.answerer().answer("CSTĐTQ chọn trong số người có mấy lần CSTĐ tỉnh LT vậy ạ?")
    assert not answer.not_found and answer.citations[0].location.startswith("Điều 21")


def test_years_told_in_a_story_do_not_rule_out_a_decision_that_sets_rules(law_decree_and_local_title):
    """QĐ 71/2025/QĐ-UBND (numbered as a legal normative text) rules on every later year: a discipline in 2018
    told in the story is no name its text must hold. Its own title, in every clause, tells none apart."""
    answer = law_decree_and_local_title.answerer().answer(
        "Phường em năm 2026 muốn giới thiệu một bác tổ trưởng dân phố xét Công dân Thủ đô ưu tú, nhưng năm 2018 bác "
        "bị kỷ luật khiển trách. Bác còn được xét không ạ?")
    assert not answer.not_found and answer.citations[0].document == "Quyết định 71/2025/QĐ-UBND"
    assert "khiển trách trở lên" in answer.lead


@pytest.mark.parametrize("question", [
    "Danh hiệu xã tiêu biểu có bắt buộc phải dẫn đầu phong trào của huyện không?",
    "Bác sĩ làm chuyên môn 17 năm đã đủ thời gian để xét Thầy thuốc ưu tú chưa?",
    "Để được tặng Bằng khen của Chủ tịch UBND tỉnh thì cá nhân phải có mấy sáng kiến?",
])
def test_what_a_title_requires_said_in_other_words_asks_for_its_criteria(question):
    assert understand(question).aspect == "tieu_chuan"


def test_a_title_asked_as_whether_it_can_be_awarded_is_the_one_asked_not_one_held():
    """ "có được tặng Cờ … không hay chỉ Bằng khen": the flag is asked about, not told as held ("đã được tặng")."""
    slots = understand("Phong trào chuyên đề 3 năm của tỉnh, tập thể dẫn đầu có được tặng Cờ thi đua của tỉnh không "
                       "hay chỉ được Bằng khen?")
    assert slots.subjects[0] == "co_thi_dua_cap_tinh" and slots.aspect == "tieu_chuan"


def test_the_point_the_question_words_name_leads_not_the_ones_sharing_the_titles_name(assistant):
    """Điều 74 khoản 1: every point says "Bộ, ban, ngành, tỉnh" as its opening line does; "sáng kiến" is in d)."""
    answer = assistant.answerer().answer("Muốn được tặng Bằng khen cấp tỉnh thì giáo viên cần có mấy sáng kiến?")
    assert answer.citations[0].location.startswith("Điều 74") and "02 sáng kiến" in answer.lead


def test_a_quote_cut_short_keeps_the_point_the_lead_answers_with(assistant):
    """Điều 44 khoản 1 is longer than a quote; its điểm e) (three times CSTĐCS) leads, so the quote holds it
    too, with "…" for the points left out."""
    answer = assistant.answerer().answer("Cá nhân 7 năm liền đạt CSTĐCS, đã có bằng khen của Bộ thì đủ tiêu chuẩn đề "
                                         "nghị HCLĐ hạng Ba chưa?")
    quote = answer.citations[0].quote
    assert answer.citations[0].location.startswith("Điều 44") and "\n- e) " in answer.lead
    assert "e) Đã được tặng “Bằng khen của Thủ tướng Chính phủ”" in quote and "\n…" in quote


def test_who_does_a_task_of_a_plans_table_is_answered_with_its_time(assistant):
    """A row of the plan's table: who leads, who advises, who cooperates, and by when."""
    answer = assistant.answerer().answer("Ai chủ trì việc xét, khen thưởng tổng kết khối doanh nghiệp năm 2020 ở quận "
                                         "Hoàng Mai?")
    assert "Chủ trì: UBND/Hội đồng TĐKT Quận" in answer.lead and "05/4/2021" in answer.lead


@pytest.mark.parametrize("ends", ["kết thúc vào ngày nào", "kéo dài đến ngày nào"])
def test_the_end_of_an_emulation_drive_is_read_in_how_long_it_runs(assistant, ends):
    """The plan says "Từ nay đến hết ngày 30/8/2022"."""
    answer = assistant.answerer().answer(f"Đợt thi đua chào mừng 20 năm thành lập huyện Tam Đường {ends}?")
    assert "30/8/2022" in answer.lead


@pytest.mark.parametrize("question", [
    "HCLĐ hạng Nhì do TTg ký quyết định tặng phải không?",
    "Huân chương Lao động hạng Nhì cho cá nhân thì ai ký QĐ tặng, TTg hay CT nước?",
])
def test_an_authority_named_in_the_question_is_checked_against_the_one_the_law_names(assistant, question):
    """Asked whether the Prime Minister signs, or which of two: Điều 77, the President decides on orders."""
    answer = assistant.answerer().answer(question)
    assert answer.lead.startswith("Chủ tịch nước quyết định tặng huân chương")


def test_a_ban_asked_without_diacritics_is_restored_as_a_ban(assistant):
    """ "co cam … khong": "cấm", not "cảm" (brave), so the question asks about prohibited acts (Điều 15)."""
    restored = assistant.searcher.restore_diacritics("Luat thi dua khen thuong co cam viec sua bao cao thanh tich khong?")
    assert "có cấm" in restored



@pytest.fixture(scope="module")
def urgent_dispatch(tmp_path_factory):
    return _indexed(tmp_path_factory, "dispatch", [KNOWLEDGE / "plans" / "cd-229-2025-ttg.txt"])


def test_as_above_in_the_recipients_stands_for_the_addressees_at_the_top(urgent_dispatch):
    """Công điện 229/CĐ-TTg: "Nơi nhận: - Như trên; …" — the ministers and provincial chairs it is addressed to
    ("THỦ TƯỚNG CHÍNH PHỦ điện: …") are whom it is sent to first."""
    answer = urgent_dispatch.answerer().answer("Công điện 229/CĐ-TTg của Thủ tướng gửi tới những ai?")
    lines = answer.lead.split("\n")
    assert "Như trên" not in answer.lead and lines[0] == "Nơi nhận:"
    assert lines[1].startswith("- Bộ trưởng, Thủ trưởng cơ quan ngang Bộ")
    assert any(line.startswith("- Chủ tịch Ủy ban nhân dân các tỉnh") for line in lines)
    assert "- Ban Bí thư Trung ương Đảng;" in lines and answer.citations[1].location == "Phần mở đầu"


def test_a_caption_naming_the_document_is_no_answer(tmp_path_factory):
    """ "(Ban hành kèm theo Quyết định số 4036/QĐ-ĐHĐN …)" shares the number and year the question names, but
    only says which document this is: ranked first by the search, it still answers nothing."""
    from assistant.answering import extractive
    from assistant.retrieve import Hit

    built = _indexed(tmp_path_factory, "caption", [KNOWLEDGE / "plans" / "qd-4036-2022-dhdn.txt"])
    chunks = {c.location: c for c in built.index.doc_chunks("qd-4036-2022-dhdn")}
    hits = [Hit(chunks["QUY ĐỊNH"], 1.0), Hit(chunks["Điều 3, khoản 1"], 0.9)]
    question = "Theo QĐ 4036/QĐ-ĐHĐN năm 2022, giảng viên muốn xét CSTĐCS phải có bài báo như thế nào?"
    rare = {"4036", "2022", "dhdn"}  # in the whole corpus the document's number and year are its rarest words
    pieces = extractive.best_pieces(question, "general", hits, lambda terms: {t: 4.0 if t in rare else 1.0 for t in terms})
    assert not pieces[0].unit.startswith("(Ban hành kèm theo")


def test_who_issued_a_plan_may_be_read_in_the_caption_under_its_title(assistant):
    """ "(Kèm theo Kế hoạch số 01/KH-HĐTĐKT … của Hội đồng Thi đua - Khen thưởng quận Hoàng Mai)" answers no
    other question, but does name who issued the plan."""
    from assistant.answering import extractive
    from assistant.retrieve import Hit

    chunks = assistant.index.doc_chunks(SEED_001.stem)
    caption = next(c for c in chunks if c.location == "PHỤ LỤC")
    question = "Kế hoạch 01/KH-HĐTĐKT năm 2021 của quận Hoàng Mai do cơ quan nào ban hành?"
    pieces = extractive.best_pieces(question, "general", [Hit(caption, 1.0)], lambda terms: {t: 1.0 for t in terms})
    assert pieces[0].unit.startswith("(Kèm theo Kế hoạch số 01/KH-HĐTĐKT")


def test_a_paragraph_continuing_a_point_can_be_the_one_that_answers(tmp_path_factory):
    """QĐ 86/2025 Điều 8 khoản 4: under b), an unlabelled paragraph says how many members must attend a
    session on awards (80%); the lead reaches it instead of dropping every line without a label."""
    built = _indexed(tmp_path_factory, "bac-ninh", [KNOWLEDGE / "plans" / "qd-86-2025-ubnd-bac-ninh.txt"])
    answer = built.answerer().answer("Phiên họp Hội đồng Thi đua - Khen thưởng tỉnh Bắc Ninh để xét khen thưởng phải có "
                                     "bao nhiêu ủy viên tham dự?")
    assert "80% tổng số Ủy viên" in answer.lead


@pytest.mark.parametrize("question", ["Danh hiệu xã, phường, thị trấn tiêu biểu xét cho xã nào?",
                                      "Danh hiệu thôn, tổ dân phố văn hóa tặng cho thôn nào?"])
def test_which_unit_a_title_is_for_asks_who_may_receive_it(question):
    assert understand(question).aspect == "doi_tuong"


def test_time_at_sea_asked_of_one_rank_is_read_in_the_familys_rule():
    """Điều 57 khoản 3 (time on islands and at sea) is written for every rank of Huy chương Chiến sĩ vẻ vang: asked
    of hạng Ba, it comes before hạng Ba's own criteria."""
    from assistant.understanding import mapped_provisions

    slots = understand("Huy chương Chiến sĩ vẻ vang hạng Ba thì ai làm nhiệm vụ ngoài hải đảo thời gian được tính thế nào?")
    assert slots.aspect == "thoi_gian_nhan_he_so"
    first = mapped_provisions(slots)[0]
    assert (first.article, first.khoan) == ("Điều 57", 3)


def test_when_asked_of_a_rule_with_no_date_is_answered_with_the_cases_it_lists(assistant):
    """ "Khi nào … bị hủy quyết định tặng": Điều 93 khoản 2 gives no date but the cases, opened by its own line."""
    answer = assistant.answerer().answer("Công ty được tặng Huân chương Lao động rồi, vậy khi nào thì bị hủy quyết định "
                                         "tặng huân chương?")
    assert answer.citations[0].location.startswith("Điều 93")
    assert answer.lead.startswith("Quyết định tặng danh hiệu thi đua, hình thức khen thưởng bị hủy bỏ")
    assert "\n- " in answer.lead


def test_the_addressees_cited_bring_no_note_on_the_legal_bases_read_out_beside_them(tmp_path_factory):
    """Công văn 2851/BGDĐT-TĐKT: its opening passage also lists its legal bases (Nghị định 91/2017, since
    replaced); the addressees cited from it say nothing of them."""
    built = _indexed(tmp_path_factory, "letter", [KNOWLEDGE / "plans" / "cv-2851-2021-bgddt.txt"])
    answer = built.answerer().answer("Công văn 2851/BGDĐT-TĐKT gửi những đơn vị nào?")
    assert "- Đại học Quốc gia Hà Nội;" in answer.lead.split("\n")
    assert "Nghị định 91/2017" not in answer.text


def test_the_lead_cut_from_a_long_khoan_keeps_the_texts_word_for_the_askers(assistant):
    """ "file mềm" is the officer's word for the Law's "tệp tin điện tử": the stretch of Điều 84 khoản 4 shown
    as the lead holds it."""
    answer = assistant.answerer().answer("Hồ sơ trình Bằng khen Thủ tướng gửi lên trung ương mấy bộ? Có phải kèm file mềm "
                                         "không ạ?")
    assert "01 bộ hồ sơ bản chính" in answer.lead and "tệp tin điện tử" in answer.lead


def test_two_asks_in_one_sentence_are_both_answered(tmp_path_factory):
    hanoi = _indexed(tmp_path_factory, "hanoi", [LAW, KNOWLEDGE / "plans" / "qd-71-2025-ubnd-ha-noi.txt"])
    answer = hanoi.answerer().answer("Danh hiệu Công dân Thủ đô ưu tú mỗi năm thành phố xét tặng không quá bao nhiêu "
                                     "người, có truy tặng cho người đã mất không?")
    assert "10 cá nhân" in answer.lead and "truy tặng" in answer.lead


def test_how_often_asked_of_a_plan_reaches_the_passage_stating_every_how_many_years(tmp_path_factory):
    built = _indexed(tmp_path_factory, "often", [LAW, KNOWLEDGE / "plans" / "qd-2040-2024-bgddt.txt"])
    first = _first(built, "Xét chọn Nhà giáo tiêu biểu của Bộ Giáo dục bao lâu thì tổ chức một lần, bắt đầu từ năm nào?")
    assert "02 năm/lần" in first.body


@pytest.fixture(scope="module")
def places_over_time(tmp_path_factory):
    """The Law, the 2024 circular, Hà Nội's decision of late 2025 and Cần Thơ's plan of November 2025."""
    names = [("legal", "tt-01-2024-TT-BNV"), ("plans", "qd-71-2025-ubnd-ha-noi"), ("plans", "kh-157-2025-ubnd-can-tho")]
    return _indexed(tmp_path_factory, "places", [LAW, *(KNOWLEDGE / folder / f"{name}.txt" for folder, name in names)])


def test_a_places_rules_issued_after_the_year_asked_do_not_answer_for_it(places_over_time):
    answer = places_over_time.answerer().answer("Tôi là chuyên viên ở Hà Nội. Theo quy định áp dụng trong năm 2024, "
                                                "người được cử đi học từ 1 năm trở lên có được bình xét Lao động tiên "
                                                "tiến không?")
    assert answer.citations[0].doc_id == "tt-01-2024-TT-BNV"
    # the paragraph continuing điểm b) is quoted with it
    assert "từ 01 năm trở lên" in answer.citations[0].quote


@pytest.mark.parametrize("question", [
    "Đợt thi đua chi trả trợ cấp không dùng tiền mặt mà thành phố Cần Thơ phát động hồi tháng 11/2025 thì Sở Nội vụ "
    "đảm nhận phần việc nào?",
    "Kế hoạch thi đua chi trả trợ cấp không dùng tiền mặt của Cần Thơ giao Sở Nội vụ phần việc gì?",
])
def test_the_tasks_a_plan_gives_the_unit_asked_come_before_its_other_passages(places_over_time, question):
    answer = places_over_time.answerer().answer(question)
    assert answer.citations[0].location.endswith("2. Sở Nội vụ")
    assert "Phối hợp Sở Y tế thẩm định" in answer.lead and "Quy định gần nhất" not in answer.lead


CAMPAIGN_PLANS = [KNOWLEDGE / "plans" / f"{name}.txt"
                  for name in ("kh-982-2025-ubnd-nghe-an", "kh-0124-2025-ubnd-dak-lak", "kh-1374-2020-bgddt")]


@pytest.fixture(scope="module")
def campaign_plans(tmp_path_factory):
    return _indexed(tmp_path_factory, "campaigns", [LAW, *CAMPAIGN_PLANS])


@pytest.mark.parametrize("question,section", [
    ("Tôi làm văn phòng ở một xã của Nghệ An. Đợt thi đua chào mừng Đại hội XIV theo Kế hoạch 982 của tỉnh thì có "
     "những hình thức khen nào? Sở nào hướng dẫn khen thưởng và đánh giá kết quả đợt thi đua?",
     "2. Hình thức và tiêu chuẩn khen thưởng"),
    ("Theo KH 982 của UBND tỉnh Nghệ An, đợt thi đua kéo dài trong thời gian nào? Sở Nội vụ làm gì?",
     "1. Thời gian thực hiện"),
    # the topic not named, its aspect asked
    ("KH 982 của tỉnh Nghệ An thì đợt thi đua bắt đầu từ khi nào, kết thúc lúc nào? Sở Văn hóa làm gì?",
     "1. Thời gian thực hiện"),
    ("Theo KH 982 Nghệ An, đợt thi đua chào mừng Đại hội XIV diễn ra từ bao giờ đến bao giờ?", "1. Thời gian thực hiện"),
])
def test_the_first_ask_naming_a_plans_section_topic_is_answered_from_that_section(campaign_plans, question, section):
    """The second ask names a unit whose tasks the plan lists; the first asks what the section of that title holds,
    naming its topic or asking its aspect."""
    assert _first(campaign_plans, question).location.endswith(section)
    assert campaign_plans.answerer().answer(question).citations[0].location.endswith(section)


@pytest.mark.parametrize("question,unit_line", [
    ("Sở Nội vụ có trách nhiệm gì theo Kế hoạch 982 của tỉnh Nghệ An?", "Sở Nội vụ hướng dẫn khen thưởng Đợt thi đua"),
    ("Kế hoạch 982 của tỉnh Nghệ An giao Hội đồng Thi đua - Khen thưởng các cấp những nhiệm vụ gì?",
     "Hội đồng Thi đua - Khen thưởng các cấp phân công rõ trách nhiệm"),
])
def test_the_tasks_of_a_unit_listed_under_a_heading_naming_no_unit_are_its_own_line(campaign_plans, question, unit_line):
    """KH 982 lists every unit's tasks as bullets under "2. Trách nhiệm thực hiện": the unit asked about is answered
    by its own line, not by the plan's closing words that name it or by the other units' lines."""
    assert unit_line in _first(campaign_plans, question).body
    lead = campaign_plans.answerer().answer(question).lead
    assert lead.startswith(unit_line) and "Sở Văn hóa" not in lead


@pytest.mark.parametrize("question,location", [
    ("Tập thể muốn đề nghị Huân chương Bảo vệ Tổ quốc hạng Ba thì thành tích phải có phạm vi ảnh hưởng thế nào?",
     "Điều 47, khoản 2"),
    ("Cá nhân được đề nghị Huân chương Lao động hạng Nhì thì thành tích phải có phạm vi ảnh hưởng tới đâu?",
     "Điều 43, khoản 1"),
])
def test_the_scope_of_influence_an_award_requires_is_read_in_its_own_criteria(assistant, question, location):
    """ "Phạm vi ảnh hưởng" also asks how an initiative is recognised; of an award, it is a criterion of that
    award's rank, not of the rank above it."""
    assert _first(assistant, question).location == location


def test_who_holds_a_role_in_a_bloc_is_read_in_the_heading_that_names_it(assistant):
    """The plan of the Hà Giang bloc titles its sections "1. Trưởng khối (Văn phòng UBND tỉnh)" and "2. Phó Trưởng
    khối (Ban Dân tộc)": the unit holding the role is in the heading, not in the tasks below it."""
    lead = assistant.answerer().answer("Năm 2021 khối thi đua Tổng hợp tỉnh Hà Giang do cơ quan nào làm Trưởng khối?").lead
    assert lead.startswith("Trưởng khối (Văn phòng UBND tỉnh)")


@pytest.fixture(scope="module")
def ministry_documents(tmp_path_factory):
    plans = KNOWLEDGE / "plans"
    return _indexed(tmp_path_factory, "ministry", [
        LAW, KNOWLEDGE / "legal" / "tt-01-2024-TT-BNV.txt", plans / "qd-1364-2026-dhdn.txt",
        plans / "qd-4036-2022-dhdn.txt", plans / "kh-871-2019-bgddt.txt", plans / "kh-1176-2021-bgddt.txt",
        plans / "cv-1368-2023-bgddt.txt", plans / "qd-2040-2024-bgddt.txt"])


def test_a_body_named_by_the_initials_its_symbols_carry_puts_its_documents_first(ministry_documents):
    """Đại học Đà Nẵng signs "1364/QĐ-ĐHĐN": its staff write "ĐHĐN"; a ministry's circular on initiatives
    shares the question's other words."""
    first = _first(ministry_documents, "Bên em là trường thành viên ĐHĐN, theo quyết định sửa đổi năm 2026 thì hồ "
                                       "sơ công nhận sáng kiến nộp trong khoảng thời gian nào?")
    assert first.doc_id == "qd-1364-2026-dhdn"


def test_a_movement_named_with_an_abbreviation_inside_its_quotes_names_its_plan(ministry_documents):
    answer = ministry_documents.answerer().answer(
        "Trong kế hoạch phong trào “CBCCVC thi đua thực hiện văn hóa công sở” của ngành Giáo dục, vụ nào lo kinh "
        "phí khen thưởng?")
    assert answer.citations[0].doc_id == "kh-871-2019-bgddt" and "Tài chính" in answer.lead


def test_a_movement_quoted_without_the_tail_of_its_name_names_its_plan(ministry_documents):
    """KH 1176's title quotes the movement's whole name ("…, thực hiện thắng lợi nhiệm vụ năm học"); staff quote it
    only to "COVID-19"."""
    from assistant.validity import mentioned_documents

    question = ("Phong trào “Toàn ngành Giáo dục đoàn kết, chung sức, đồng lòng thi đua phòng, chống và chiến thắng đại "
                "dịch COVID-19” đặt ra những tiêu chí thi đua nào cho học sinh?")
    assert [e.doc_id for e in mentioned_documents(question, ministry_documents.catalogue)] == ["kh-1176-2021-bgddt"]


def test_a_numbered_paragraph_is_no_section_titled_by_its_opening_words(ministry_documents):
    """Công văn 1368/BGDĐT-TCCB: paragraph 5 opens "Hồ sơ gửi về Bộ …" (where to send the files); paragraph 4
    gives the trade union's quota of files."""
    first = _first(ministry_documents, "Công văn 1368 năm 2023 của Bộ cho Công đoàn Giáo dục Việt Nam gửi tối đa mấy "
                                       "hồ sơ về Bộ?")
    assert first.doc_id == "cv-1368-2023-bgddt" and "không quá 20 hồ sơ" in first.body


def test_the_quota_of_the_kind_of_unit_counted_is_answered_beside_a_second_ask(dak_lak_election):
    """ "mỗi phường được đề xuất mấy trường hợp": the line for that kind of unit ("Đối với xã, phường: …"), not the
    provincial bodies' line above it, though the whole question, which also asks the deadline, is long."""
    answer = dak_lak_election.answerer().answer(
        "Trong đợt thi đua bầu cử đại biểu Quốc hội khóa XVI của tỉnh Đắk Lắk, mỗi phường được đề xuất tối đa mấy "
        "trường hợp Bằng khen của Chủ tịch UBND tỉnh? Hồ sơ gửi Sở Nội vụ hạn chót khi nào?")
    assert "02 trường hợp" in answer.lead and "31/3/2026" in answer.lead


def test_how_often_and_since_when_is_answered_by_the_frequency_not_a_date(tmp_path_factory):
    """QĐ 2040/2024 says "được tổ chức 02 năm/lần, thực hiện từ năm 2024": asked how often and since when, that
    sentence leads, not a month the rules name for another step."""
    built = _indexed(tmp_path_factory, "nha-giao-tieu-bieu", [KNOWLEDGE / "plans" / "qd-2040-2024-bgddt.txt"])
    answer = built.answerer().answer("Theo quy chế của Bộ GD&ĐT năm 2024, việc xét chọn và tôn vinh Nhà giáo tiêu biểu "
                                     "bao lâu tổ chức một lần, bắt đầu từ năm nào?")
    assert "02 năm/lần" in answer.lead


def test_qd_before_tang_or_khen_is_the_decision_to_award():
    from assistant.understanding import plain_spelling
    assert plain_spelling("GĐ Sở có được QĐ tặng CSTĐCS ko?") == "GĐ Sở có được quyết định tặng CSTĐCS không?"
    assert plain_spelling("Theo QĐ 86 thì ai ký?") == "Theo QĐ 86 thì ai ký?"


def test_what_a_plan_gives_a_unit_to_do_is_asked_as_its_tasks():
    from assistant.understanding import understand
    assert understand("Kế hoạch 157 của Cần Thơ giao Sở Y tế làm việc gì?").part == "tasks"
    assert understand("Kế hoạch thi đua của tỉnh giao Công an tỉnh làm việc gì, có phải chủ trì không?").part == "tasks"

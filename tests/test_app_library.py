"""Thư viện tài liệu page: the document table, uploads (good and corrupt), delete."""
from __future__ import annotations

from tests.docgen import make_docx
from tests.app_helpers import new_app, texts

LIBRARY = "ui/pages/thu_vien.py"
CHAT = "ui/pages/hoi_dap.py"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PLAN = [
    "ỦY BAN NHÂN DÂN HUYỆN THỬ NGHIỆM",
    "Số: 07/KH-UBND",
    "Thử Nghiệm, ngày 10 tháng 3 năm 2025",
    "KẾ HOẠCH",
    "Tổ chức Hội thi cán bộ làm công tác thi đua giỏi năm 2025",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Hội thi cán bộ làm công tác thi đua giỏi năm 2025 được tổ chức tại Nhà văn hóa Trung tâm huyện Thử Nghiệm.",
    "2. Mỗi xã, thị trấn cử 02 cán bộ tham dự Hội thi.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Phòng Nội vụ chủ trì tổ chức Hội thi, hoàn thành trước ngày 15/8/2025.",
]


def _counts(at) -> dict:
    from ui.state import get_assistant

    return get_assistant().index.counts()


def _upload(at, name: str, data: bytes, mime: str = DOCX_MIME):
    at.file_uploader[0].set_value((name, data, mime)).run()
    next(b for b in at.button if b.key == "lib_ingest").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_table_lists_the_indexed_plan(monkeypatch, plan_index):
    at = new_app(monkeypatch, plan_index, LIBRARY)
    frame = at.dataframe[0].value
    assert list(frame["Số, ký hiệu"]) == ["01/KH-HĐTĐKT"]
    assert {"Loại", "Cơ quan ban hành", "Ngày ban hành", "Hiệu lực"} <= set(frame.columns)


def test_uploaded_docx_is_indexed_and_answered(monkeypatch, plan_index, tmp_path):
    data = make_docx(tmp_path / "ke-hoach-hoi-thi.docx", PLAN).read_bytes()
    at = new_app(monkeypatch, plan_index, LIBRARY)
    before = _counts(at)["documents"]
    _upload(at, "Kế hoạch hội thi.docx", data)
    assert "đã lập chỉ mục" in texts(at), texts(at)
    assert _counts(at)["documents"] == before + 1
    assert (plan_index / "uploads" / "Kế_hoạch_hội_thi.docx").exists()
    assert len(at.dataframe[0].value) == before + 1
    at.switch_page(CHAT).run()
    at.chat_input[0].set_value("Hội thi cán bộ làm công tác thi đua giỏi năm 2025 được tổ chức ở đâu?").run()
    answer = "\n".join(m.value for m in at.chat_message[-1].markdown)
    assert "Nhà văn hóa Trung tâm" in answer
    assert any("07/KH-UBND" in e.label for e in at.expander)


def test_corrupt_upload_is_refused_and_the_index_is_unchanged(monkeypatch, plan_index):
    at = new_app(monkeypatch, plan_index, LIBRARY)
    before = _counts(at)
    _upload(at, "hong.docx", b"PK\x03\x04 this is not really a Word file")
    errors = "\n".join(e.value for e in at.error)
    assert "hong.docx bị từ chối" in errors, errors
    assert _counts(at) == before
    assert not (plan_index / "uploads" / "hong.docx").exists()


def test_unsupported_type_and_size_are_refused_before_saving():
    from documents.load import refusal_reason as check_upload
    from ui.library import safe_name

    assert "chưa được hỗ trợ" in check_upload("bang.xlsx", 10, 50)
    assert "vượt giới hạn 1 MB" in check_upload("to.pdf", 2 * 1024 * 1024, 1)
    assert check_upload("rong.txt", 0, 50) == "tệp rỗng (0 byte)"
    assert check_upload("cu.doc", 10, 50) == ""  # the uploader accepts what the loader reads
    assert safe_name("../../etc/Kế hoạch 2025!.DOCX") == "Kế_hoạch_2025.docx"


def test_delete_removes_a_document(monkeypatch, plan_index):
    at = new_app(monkeypatch, plan_index, LIBRARY)
    at.multiselect(key="lib_chosen").set_value(["001_f3c46f3a27ae00a1"]).run()
    at.checkbox(key="lib_confirm").check().run()
    next(b for b in at.button if b.key == "lib_delete").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert _counts(at)["documents"] == 0
    assert "đã xóa khỏi chỉ mục" in texts(at)


def test_upload_separates_superior_body_and_shows_a_blank_sequence(monkeypatch, plan_index, tmp_path):
    lines = ["UBND TỈNH THÁI BÌNH", "SỞ NỘI VỤ", "Số: /KH-SNV", "Thái Bình, ngày 02 tháng 3 năm 2025", "KẾ HOẠCH",
             "Tổ chức phong trào thi đua năm 2025", "I. MỤC ĐÍCH, YÊU CẦU", "1. Phát động phong trào thi đua trong toàn ngành."]
    data = make_docx(tmp_path / "kh-snv.docx", lines).read_bytes()
    at = _upload(new_app(monkeypatch, plan_index, LIBRARY), "kh-snv.docx", data)
    frame = at.dataframe[0].value
    row = frame[frame["Tệp"] == "kh-snv.docx"].iloc[0]
    assert row["Số, ký hiệu"] == "…/KH-SNV"
    assert (row["Cơ quan ban hành"], row["Cơ quan cấp trên"]) == ("SỞ NỘI VỤ", "UBND TỈNH THÁI BÌNH")

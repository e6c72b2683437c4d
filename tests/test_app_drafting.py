"""Soạn thảo kế hoạch page: the form, the preview, edits and the .docx."""
from __future__ import annotations

import io

from tests.app_helpers import new_app

PAGE = "ui/pages/soan_thao.py"


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _preview(at) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


def test_form_produces_a_docx(monkeypatch, plan_index):
    from ui.drafting import docx_bytes

    at = new_app(monkeypatch, plan_index, PAGE)
    at.text_input(key="dr_agency").input("Sở Tư pháp").run()
    at.text_input(key="dr_superior").input("UBND tỉnh Lạng Sơn").run()
    at.text_input(key="dr_place").input("Lạng Sơn").run()
    at.number_input(key="dr_year").set_value(2026).run()
    next(b for b in at.button if b.key == "dr_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Tải bản Word (.docx)" in [b.label for b in at.get("download_button")]
    preview = _preview(at)
    assert "KẾ HOẠCH" in preview and "MỤC ĐÍCH, YÊU CẦU" in preview
    edit_key = next(t.key for t in at.text_area if t.key.startswith("dr_edit_") and t.key.endswith("muc_dich_yeu_cau"))
    at.text_area(key=edit_key).input("1. Mục đích\n- Câu mục đích do cán bộ tự viết lại.").run()
    text = _docx_text(docx_bytes(at.session_state["draft_plan"]))
    assert "SỞ TƯ PHÁP" in text.upper() and "Câu mục đích do cán bộ tự viết lại." in text


def test_a_chat_request_prefills_one_section(monkeypatch, plan_index):
    from tests.app_helpers import app_opened_from_chat

    at = app_opened_from_chat(monkeypatch, plan_index, PAGE, "Soạn giúp mục tiến độ kế hoạch thi đua năm 2026 của Sở Tư pháp")
    assert at.selectbox(key="dr_section").value == "tien_do"
    assert at.text_input(key="dr_agency").value == "Sở Tư pháp" and at.number_input(key="dr_year").value == 2026
    next(b for b in at.button if b.key == "dr_submit").click().run()
    assert at.session_state["draft_plan"].section_only == "tien_do"
    assert "TIẾN ĐỘ" in _preview(at)


def test_bad_input_gets_a_vietnamese_error(monkeypatch, plan_index):
    import datetime

    at = new_app(monkeypatch, plan_index, PAGE)
    at.selectbox(key="dr_kind").set_value("campaign").run()
    at.checkbox(key="dr_use_period").check().run()
    at.date_input(key="dr_date_from").set_value(datetime.date(2026, 6, 1)).run()
    at.date_input(key="dr_date_to").set_value(datetime.date(2026, 3, 1)).run()
    next(b for b in at.button if b.key == "dr_submit").click().run()
    assert not at.exception and "phải trước" in at.error[0].value


def test_signer_fields_and_a_preview_laid_out_like_the_first_page(monkeypatch, plan_index):
    from ui.drafting import docx_bytes

    at = new_app(monkeypatch, plan_index, PAGE)
    at.text_input(key="dr_agency").input("Sở Tư pháp").run()
    at.text_input(key="dr_superior").input("UBND tỉnh <Lạng Sơn>").run()
    at.selectbox(key="dr_signer_authority").set_value("KT.").run()
    at.text_input(key="dr_signer_title").input("Phó Giám đốc").run()
    at.text_input(key="dr_signer_name").input("Trần Thị B").run()
    next(b for b in at.button if b.key == "dr_submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    preview = _preview(at)
    header = preview.split("</table>")[0]
    assert header.count("<td") == 2 and "SỞ TƯ PHÁP" in header and "Độc lập - Tự do - Hạnh phúc" in header
    assert "UBND TỈNH &lt;LẠNG SƠN&gt;" in header and "<LẠNG" not in preview  # typed text is escaped
    assert "KT. GIÁM ĐỐC" in preview and "PHÓ GIÁM ĐỐC" in preview and "Trần Thị B" in preview
    text = _docx_text(docx_bytes(at.session_state["draft_plan"]))
    assert "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" in text and "Trần Thị B" in text

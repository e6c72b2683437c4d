"""Soạn thảo kế hoạch: the drafting form, a preview, editable sections and the .docx download."""
from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path

import streamlit as st

from assistant.drafting import KINDS, SECTION_KEYS, Block, DraftingInputError, PlanForm, write_docx
from assistant.drafting.form import FIELD_LABELS
from assistant.drafting.html_preview import to_html
from assistant.drafting.signature import authority_labels, split_authority
from ui import prefill
from ui.render import escape_markdown
from ui.state import assistant_or_error, reference_date

KIND_LABELS = {"annual": "Kế hoạch thi đua năm", "campaign": "Đợt thi đua, thi đua theo chuyên đề",
               "block": "Khối, cụm thi đua"}
SECTION_LABELS = {"": "Toàn bộ kế hoạch", "muc_dich_yeu_cau": "Mục đích, yêu cầu", "noi_dung": "Nội dung, nhiệm vụ",
                  "tien_do": "Tiến độ thực hiện", "khen_thuong": "Khen thưởng", "to_chuc_thuc_hien": "Tổ chức thực hiện"}
TEXT_FIELDS = ["agency", "superior", "number", "place", "campaign", "theme", "standing_unit", "signer_authority",
               "signer_for", "signer_title", "signer_name"]
EXTRA_LABELS = {"theme": "chủ đề, khẩu hiệu thi đua", "standing_unit": "cơ quan thường trực, tham mưu",
                "signer_authority": "quyền hạn ký", "signer_for": "ký thay cho (cấp trưởng hoặc tập thể)",
                "signer_title": "chức vụ người ký", "signer_name": "họ tên người ký"}
LIST_FIELDS = {"events": "Sự kiện, ngày lễ chính (mỗi dòng một sự kiện)",
               "units": "Đơn vị và nhiệm vụ (mỗi dòng “Tên đơn vị: nhiệm vụ”)",
               "awards": "Hình thức khen thưởng (mỗi dòng một hình thức)",
               "recipients": "Nơi nhận (mỗi dòng một nơi)"}
TABLE_MARK = "[Bảng tiến độ — giữ nguyên dòng này]"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def label(name: str) -> str:
    text = EXTRA_LABELS.get(name) or re.sub(r"\s*\(--?[\w-]+\)|\s*\(\w+\)$", "", FIELD_LABELS.get(name, name))
    return text[:1].upper() + text[1:]


def _apply_prefill() -> None:
    params = prefill.take("drafting")
    if not params:
        return
    state = st.session_state
    if params.get("kind") in KINDS:
        state["dr_kind"] = params["kind"]
    if params.get("section") in SECTION_KEYS:
        state["dr_section"] = params["section"]
    if params.get("year"):
        state["dr_year"] = int(params["year"])
    for name in TEXT_FIELDS:
        if params.get(name):
            state[f"dr_{name}"] = str(params[name])
    for name in ("date_from", "date_to"):
        if params.get(name):
            state[f"dr_{name}"] = date.fromisoformat(str(params[name]))
            state["dr_use_period"] = True


def form_dict(state) -> dict:
    """The PlanForm fields from the widgets (empty ones left out: the drafter shows “……”)."""
    raw: dict = {"kind": state.get("dr_kind", "annual"), "year": state.get("dr_year")}
    for name in TEXT_FIELDS:
        raw[name] = (state.get(f"dr_{name}") or "").strip()
    if state.get("dr_use_date"):
        raw["date"] = state.get("dr_date")
    if state.get("dr_use_period"):
        raw["date_from"], raw["date_to"] = state.get("dr_date_from"), state.get("dr_date_to")
    for name in LIST_FIELDS:
        raw[name] = [line.strip() for line in (state.get(f"dr_{name}") or "").splitlines() if line.strip()]
    return {key: value for key, value in raw.items() if value not in (None, "", [])}


def _form(today: date) -> None:
    state = st.session_state
    state.setdefault("dr_year", today.year)
    state.setdefault("dr_date", today)
    state.setdefault("dr_date_from", today)
    state.setdefault("dr_date_to", date(today.year, 12, 31))
    left, right = st.columns(2)
    left.selectbox("Loại kế hoạch", list(KINDS), format_func=KIND_LABELS.get, key="dr_kind")
    right.selectbox("Phần cần soạn", list(SECTION_LABELS), format_func=SECTION_LABELS.get, key="dr_section")
    left.text_input(label("agency"), key="dr_agency", placeholder="ví dụ: Sở Tư pháp")
    right.text_input(label("superior"), key="dr_superior", placeholder="ví dụ: UBND tỉnh Lạng Sơn")
    left.text_input(label("number"), key="dr_number", placeholder="ví dụ: 05/KH-STP")
    right.text_input(label("place"), key="dr_place", placeholder="ví dụ: Lạng Sơn")
    left.number_input(label("year"), min_value=1945, max_value=2100, step=1, key="dr_year")
    with right:
        if st.checkbox("Ghi ngày ban hành", key="dr_use_date"):
            st.date_input(label("date"), key="dr_date", format="DD/MM/YYYY")
    if state.get("dr_kind") == "campaign":
        st.text_input(label("campaign"), key="dr_campaign")
        if st.checkbox("Ghi thời gian đợt thi đua", key="dr_use_period"):
            a, b = st.columns(2)
            a.date_input(label("date_from"), key="dr_date_from", format="DD/MM/YYYY")
            b.date_input(label("date_to"), key="dr_date_to", format="DD/MM/YYYY")
    with st.expander("Thông tin thêm: chủ đề, đơn vị, khen thưởng, nơi nhận, người ký"):
        st.text_input(label("theme"), key="dr_theme")
        st.text_input(label("standing_unit"), key="dr_standing_unit")
        for name, text in LIST_FIELDS.items():
            st.text_area(text, key=f"dr_{name}", height=90)
        st.markdown("**Người ký**")
        a, b, c, d = st.columns(4)
        authorities = {"": "Người đứng đầu ký (không ghi quyền hạn)", **authority_labels()}
        if state.get("dr_signer_authority") not in authorities:  # a full line from a chat question: keep its prefix
            code, rest = split_authority(state.get("dr_signer_authority", ""))
            state["dr_signer_authority"] = code
            if rest and not state.get("dr_signer_for"):
                state["dr_signer_for"] = rest
        a.selectbox(label("signer_authority"), list(authorities), format_func=authorities.get, key="dr_signer_authority")
        b.text_input(label("signer_for"), key="dr_signer_for", placeholder="GIÁM ĐỐC / ỦY BAN NHÂN DÂN",
                     help="Để trống: KT. lấy theo chức vụ (PHÓ GIÁM ĐỐC → GIÁM ĐỐC), TM. lấy theo cơ quan ban hành.")
        c.text_input(label("signer_title"), key="dr_signer_title", placeholder="PHÓ GIÁM ĐỐC")
        d.text_input(label("signer_name"), key="dr_signer_name")


def _draft(assistant) -> None:
    state = st.session_state
    try:
        form = PlanForm.from_dict(form_dict(state))
        with st.spinner("Đang soạn dự thảo…"):
            plan = assistant.drafter.draft(form, section=state.get("dr_section") or None, day=reference_date(assistant))
    except DraftingInputError as error:
        st.error(str(error))
        return
    except Exception as exc:
        st.error(f"Không soạn được dự thảo: {exc}")
        return
    state["draft_plan"] = plan
    state["draft_round"] = state.get("draft_round", 0) + 1


def section_text(section) -> str:
    """A section as editable lines: headings as written, bullets with “- ”, the table as a marker line."""
    lines = []
    for block in section.blocks:
        if block.kind == "table":
            lines.append(TABLE_MARK)
        else:
            lines.append(("- " if block.kind == "b" else "") + block.text)
    return "\n".join(lines)


def apply_edit(section, text: str) -> None:
    """Read the edited lines back into the section's blocks (the table stays where its marker is)."""
    tables = [block for block in section.blocks if block.kind == "table"]
    blocks = []
    for line in (l.strip() for l in text.splitlines()):
        if not line:
            continue
        if line == TABLE_MARK and tables:
            blocks.append(tables.pop(0))
        elif line.startswith(("- ", "+ ", "• ")):
            blocks.append(Block("b", line[2:].strip()))
        elif re.match(r"^(\d+(\.\d+)*|[a-zđ])[.)]\s", line):
            blocks.append(Block("h", line))
        else:
            blocks.append(Block("p", line))
    section.blocks = blocks + tables


def docx_bytes(plan) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ke-hoach.docx"
        write_docx(plan, path)
        return path.read_bytes()


def _result(assistant) -> None:
    plan = st.session_state.get("draft_plan")
    if plan is None:
        return
    n = st.session_state.get("draft_round", 0)
    st.divider()
    st.subheader("Dự thảo")
    for note in plan.notes:
        st.info(escape_markdown(note))
    try:
        warnings = assistant.drafter.check(plan, reference_date(assistant))
    except Exception:
        warnings = []
    if warnings:
        st.warning("Cần kiểm tra trước khi ban hành:\n\n" + "\n\n".join(escape_markdown(w.as_line()) for w in warnings))
    preview, edit = st.tabs(["Xem trước", "Chỉnh sửa nội dung"])
    with edit:
        st.caption("Mỗi dòng một đoạn; dòng bắt đầu bằng “- ” là gạch đầu dòng; dòng đánh số (1., 1.1., a)) là đề mục.")
        for section in plan.sections:
            text = st.text_area(section.heading, section_text(section), height=220, key=f"dr_edit_{n}_{section.key}")
            if text != section_text(section):
                apply_edit(section, text)
    with preview:
        st.html(to_html(plan))
    try:
        data = docx_bytes(plan)
    except Exception as exc:
        st.error(f"Không tạo được tệp Word: {exc}")
        return
    name = "du-thao-ke-hoach.docx" if not plan.section_only else f"du-thao-muc-{plan.section_only}.docx"
    st.download_button("Tải bản Word (.docx)", data, file_name=name, mime=DOCX, type="primary", on_click="ignore",
                       key="dr_download")


def render() -> None:
    assistant = assistant_or_error()
    if assistant is None:
        return
    st.title("Soạn thảo kế hoạch")
    st.caption("Dự thảo theo thể thức Nghị định 30/2020/NĐ-CP; thông tin chưa nhập được để trống “……” để bổ sung sau.")
    _apply_prefill()
    _form(reference_date(assistant))
    if st.button("Soạn dự thảo", type="primary", key="dr_submit"):
        _draft(assistant)
    _result(assistant)

"""Xét điều kiện khen thưởng: one nominee's form, or a whole list from Excel/CSV; deterministic checks with citations."""
from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from assistant.eligibility import EligibilityInputError, agency_ids, check_batch, check_eligibility, write_results_xlsx, write_template
from assistant.eligibility.vocab import award_label, status_label, verdict_label, vocabulary
from ui import prefill
from ui.state import reference_date

NONE_LABEL = "(chưa rõ)"
VERDICT_STYLE = {"eligible": st.success, "not_eligible": st.error, "insufficient": st.warning, "unsupported": st.info}
COUNT_COLUMNS = {
    "members_total": "Tổng số cá nhân", "members_completed": "Số hoàn thành nhiệm vụ trở lên",
    "members_lao_dong_tien_tien": "Số Lao động tiên tiến", "members_chien_si_thi_dua_co_so": "Số CSTĐ cơ sở",
    "members_disciplined_canh_cao_or_higher": "Số bị kỷ luật từ cảnh cáo",
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _labels() -> dict:
    vocab = vocabulary()
    return {
        "awards": {code: award_label(code) for code in vocab["awards"]},
        "titles": {**{code: award_label(code) for code in vocab["awards"]}, **vocab["other_titles"]},
        "ratings": {item["code"]: item["label"] for item in vocab["ratings"]},
        "disciplines": vocab["disciplines"],
        "groups": vocab["groups"],
    }


# ---------------------------------------------------------------- one nominee

def _apply_prefill() -> None:
    params = prefill.take("eligibility")
    if not params:
        return
    state = st.session_state
    for key in ("award", "kind"):
        if params.get(key):
            state[f"el_{key}"] = params[key]
    for key in ("name", "position", "group"):  # never keep a name from an earlier link
        state[f"el_{key}"] = str(params.get(key) or "")
    state["el_leader"] = bool(params.get("is_leader"))
    if params.get("year"):
        state["el_year"] = int(params["year"])
    if params.get("as_of"):
        state["el_as_of"] = date.fromisoformat(str(params["as_of"]))
    state["el_records"] = _records_frame(params.get("records") or [], state.get("el_year"))
    state["el_round"] = state.get("el_round", 0) + 1  # a new editor for the new rows


def _records_frame(records: list[dict], year: int | None) -> pd.DataFrame:
    if not records:
        year = year or date.today().year - 1
        records = [{"year": year - 1}, {"year": year}]
    rows = []
    for record in records:
        rows.append({
            "year": int(record["year"]), "rating": record.get("rating"), "months_worked": record.get("months_worked"),
            "titles": list(record.get("titles") or []), "awards": list(record.get("awards") or []),
            "discipline": list(record.get("discipline") or []),
            "maternity": _leave_months(record, "thai_san"),
            "sick_leave": _leave_months(record, "om_dau"),
            "initiative": _top_scope(record.get("initiatives") or []),
            "initiative_count": len(record.get("initiatives") or []) or None,
            "leads_block": record.get("leads_block"),
            **{key: record.get(key) for key in COUNT_COLUMNS},
        })
    return pd.DataFrame(rows)


def _leave_months(record: dict, kind: str):
    return next((l.get("months") for l in record.get("leave") or [] if l.get("kind") == kind), None)


def _top_scope(initiatives: list[dict]) -> str | None:
    order = ["co_so", "cap_tinh", "toan_quoc"]
    scopes = [i.get("scope") for i in initiatives if i.get("scope") in order]
    return max(scopes, key=order.index) if scopes else None


def _editor(kind: str) -> pd.DataFrame:
    labels = _labels()
    state = st.session_state
    frame = state.get("el_records")
    if frame is None:
        frame = state["el_records"] = _records_frame([], state.get("el_year"))
    config = {
        "year": st.column_config.NumberColumn("Năm", format="%d", required=True, min_value=1990, max_value=2100),
        "rating": st.column_config.SelectboxColumn("Xếp loại", options=list(labels["ratings"]),
                                                   format_func=labels["ratings"].get, width="medium"),
        "months_worked": st.column_config.NumberColumn("Số tháng công tác", min_value=0, max_value=12),
        "titles": st.column_config.MultiselectColumn("Danh hiệu đã được tặng", options=list(labels["titles"]),
                                                     format_func=labels["titles"].get, width="large"),
        "awards": st.column_config.MultiselectColumn("Hình thức khen thưởng đã nhận", options=list(labels["titles"]),
                                                     format_func=labels["titles"].get, width="medium"),
        "discipline": st.column_config.MultiselectColumn("Kỷ luật trong năm", options=list(labels["disciplines"]),
                                                         format_func=labels["disciplines"].get),
        "maternity": st.column_config.NumberColumn("Nghỉ thai sản (tháng)", min_value=0, max_value=12),
        "sick_leave": st.column_config.NumberColumn("Nghỉ ốm đau (tháng)", min_value=0, max_value=12),
        "initiative": st.column_config.SelectboxColumn("Sáng kiến được công nhận", options=["co_so", "cap_tinh", "toan_quoc"],
                                                       format_func={"co_so": "cấp cơ sở", "cap_tinh": "cấp bộ, ngành, tỉnh",
                                                                    "toan_quoc": "toàn quốc"}.get),
        "initiative_count": st.column_config.NumberColumn("Số sáng kiến", min_value=0, max_value=10, step=1),
        "leads_block": st.column_config.CheckboxColumn("Dẫn đầu cụm, khối"),
        **{key: st.column_config.NumberColumn(label, min_value=0) for key, label in COUNT_COLUMNS.items()},
    }
    shown = [c for c in config if kind == "collective" or (c not in COUNT_COLUMNS and c != "leads_block")]
    return st.data_editor(frame, column_config=config, column_order=shown, num_rows="dynamic", hide_index=True, placeholder="",
                          key=f"el_editor_{state.get('el_round', 0)}")


def _cell(value):
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _list_cell(value, empty_is_none: bool) -> list | None:
    value = _cell(value) if not isinstance(value, (list, tuple)) and not hasattr(value, "tolist") else value
    items = list(value.tolist() if hasattr(value, "tolist") else value or [])
    return items if items or empty_is_none else None


def profile_from_form(state, frame: pd.DataFrame) -> dict:
    """The issue-6 profile JSON from the form's widgets and the records table."""
    known = state.get("el_known_empty", True)
    records = []
    for _, row in frame.iterrows():
        if _cell(row.get("year")) is None:
            continue
        record = {"year": int(_cell(row["year"])), "rating": _cell(row.get("rating")),
                  "months_worked": _cell(row.get("months_worked")),
                  "titles": _list_cell(row.get("titles"), known), "awards": _list_cell(row.get("awards"), known),
                  "discipline": _list_cell(row.get("discipline"), known)}
        leave = [{"kind": kind, "months": _cell(row.get(column))}
                 for kind, column in (("thai_san", "maternity"), ("om_dau", "sick_leave")) if _cell(row.get(column))]
        record["leave"] = leave or ([] if known else None)
        scope, count = _cell(row.get("initiative")), _cell(row.get("initiative_count"))
        count = int(count) if count else 1
        record["initiatives"] = [{"scope": scope, "year": record["year"]}] * count if scope else ([] if known else None)
        if state.get("el_kind") == "collective":
            record.update({key: _cell(row.get(key)) for key in COUNT_COLUMNS})
            record["leads_block"] = _cell(row.get("leads_block"))
        records.append(record)
    nominee = {"kind": state.get("el_kind", "individual"), "name": state.get("el_name", ""),
               "position": state.get("el_position", ""), "is_leader": state.get("el_leader", False), "records": records}
    if nominee["kind"] == "individual" and state.get("el_group"):
        nominee["group"] = state["el_group"]
    profile = {"id": "form", "award": state.get("el_award"), "as_of": state["el_as_of"].isoformat(),
               "year": state.get("el_year"), "nominee": nominee}
    if state.get("el_regulations"):
        profile["regulation"] = state["el_regulations"]
    return profile


def _single(assistant) -> None:
    labels = _labels()
    state = st.session_state
    today = reference_date(assistant)
    state.setdefault("el_as_of", today)
    state.setdefault("el_year", today.year - 1 if today.month < 7 else today.year)
    state.setdefault("el_kind", "individual")
    left, right = st.columns(2)
    left.selectbox("Danh hiệu / hình thức khen thưởng", list(labels["awards"]), format_func=labels["awards"].get, key="el_award")
    left.radio("Đối tượng", ["individual", "collective"], format_func={"individual": "Cá nhân", "collective": "Tập thể"}.get,
               key="el_kind", horizontal=True)
    left.text_input("Họ tên / tên tập thể", key="el_name")
    left.text_input("Chức vụ, đơn vị", key="el_position")
    right.date_input("Ngày xét", key="el_as_of", format="DD/MM/YYYY")
    right.number_input("Năm thành tích được xét", min_value=2000, max_value=2100, step=1, key="el_year")
    if state["el_kind"] == "individual":
        right.checkbox("Có giữ chức vụ lãnh đạo", key="el_leader")
        right.selectbox("Nhóm đối tượng", [""] + list(labels["groups"]),
                        format_func=lambda g: labels["groups"].get(g, "(mặc định: cán bộ, công chức, viên chức, người lao động)"),
                        key="el_group")
    if agency_ids():
        right.multiselect("Áp dụng thêm quy chế của cơ quan", agency_ids(), key="el_regulations",
                          placeholder="Không áp dụng thêm")
    st.markdown("**Thành tích từng năm** (thêm dòng cho mỗi năm cần xét)")
    frame = _editor(state["el_kind"])
    st.checkbox("Ô danh hiệu, khen thưởng, kỷ luật, nghỉ, sáng kiến để trống nghĩa là “không có” (bỏ chọn: “chưa rõ”)",
                value=True, key="el_known_empty")
    with st.expander("Hoặc dán hồ sơ dạng JSON (định dạng của tệp mẫu)"):
        st.text_area("Hồ sơ JSON", key="el_json", height=160, label_visibility="collapsed")
    if st.button("Xét điều kiện", type="primary", key="el_check"):
        _check_single(state, frame)
    if state.get("eligibility_result"):
        _show_result(state["eligibility_result"])


def _check_single(state, frame: pd.DataFrame) -> None:
    state.pop("eligibility_result", None)
    try:
        raw = json.loads(state["el_json"]) if state.get("el_json", "").strip() else profile_from_form(state, frame)
    except json.JSONDecodeError as exc:
        st.error(f"Hồ sơ JSON không hợp lệ (dòng {exc.lineno}, cột {exc.colno}).")
        return
    if isinstance(raw, dict) and not str((raw.get("nominee") or {}).get("name") or "").strip():
        st.warning("Hồ sơ chưa có họ tên / tên tập thể: kết quả vẫn được xét, nhưng cần bổ sung trước khi trình.")
    try:
        state["eligibility_result"] = check_eligibility(raw).to_dict()
    except EligibilityInputError as error:
        st.error("Hồ sơ chưa hợp lệ:\n\n" + "\n".join(f"- {field_label(field)}: {message}" for field, message in error.problems))
    except Exception as exc:
        st.error(f"Không xét được hồ sơ: {exc}")


def field_label(path: str) -> str:
    """"nominee.records[1].rating" → "Năm thứ 2 của bảng thành tích, cột “Xếp loại”"; "award" → its heading."""
    import re

    from assistant.eligibility.batch import HEADERS

    match = re.match(r"nominee\.records\[(\d+)\](?:\.(\w+))?", path)
    if match:
        column = HEADERS.get(match.group(2) or "record_year", match.group(2))
        return f"Dòng {int(match.group(1)) + 1} của bảng thành tích, cột “{column}”"
    return HEADERS.get(path.removeprefix("nominee."), path)


def _show_result(result: dict) -> None:
    VERDICT_STYLE.get(result["verdict"], st.info)(
        f"**{award_label(result['award'])} năm {result['year']}: {verdict_label(result['verdict']).upper()}**")
    st.markdown(result["summary"].replace("\n", "\n\n"))
    if result["conditions"]:
        rows = [{"Điều kiện": ("↳ " if c.get("group") else "") + c["text"], "Kết quả": status_label(c["status"]),
                 "Căn cứ": c["citation"], "Chi tiết": c["detail"]} for c in result["conditions"]]
        st.dataframe(pd.DataFrame(rows), hide_index=True, placeholder="")
    st.download_button("Tải kết quả (JSON)", json.dumps(result, ensure_ascii=False, indent=2).encode("utf-8"),
                       file_name=f"ket-qua-xet-{result['award']}.json", mime="application/json", on_click="ignore",
                       key="el_download_one")


# ---------------------------------------------------------------- a list

def template_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mau-ho-so-khen-thuong.xlsx"
        write_template(path)
        return path.read_bytes()


def batch_results(name: str, data: bytes) -> tuple[list, bytes]:
    """Check every nominee of an uploaded list; the items and the results workbook."""
    suffix = Path(name).suffix.lower()
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / f"ds{suffix}", Path(folder) / "ket-qua.xlsx"
        source.write_bytes(data)
        items = check_batch(source)
        write_results_xlsx(items, target)
        return items, target.read_bytes()


def _batch() -> None:
    st.download_button("Tải tệp mẫu (Excel)", template_bytes(), file_name="mau-ho-so-khen-thuong.xlsx", mime=XLSX,
                       on_click="ignore", key="el_template")
    upload = st.file_uploader("Danh sách hồ sơ (Excel .xlsx hoặc .csv, theo tệp mẫu)", type=["xlsx", "csv"], key="el_batch_file")
    if upload and st.button("Xét cả danh sách", type="primary", key="el_batch_check"):
        try:
            st.session_state["eligibility_batch"] = batch_results(upload.name, upload.getvalue())
        except Exception as exc:
            st.session_state.pop("eligibility_batch", None)
            st.error(f"Không đọc được tệp {upload.name}: {exc}. Hãy dùng đúng tệp mẫu (.xlsx hoặc .csv).")
    if st.session_state.get("eligibility_batch"):
        items, workbook = st.session_state["eligibility_batch"]
        rows = [{"Mã hồ sơ": i.id, "Họ tên / tên tập thể": i.result.name if i.result else "",
                 "Danh hiệu": award_label(i.result.award) if i.result else "",
                 "Kết quả": verdict_label(i.result.verdict).capitalize() if i.result else "Lỗi dữ liệu",
                 "Chi tiết": " · ".join([*i.warnings, i.result.summary if i.result else i.error])} for i in items]
        st.dataframe(pd.DataFrame(rows), hide_index=True, row_height=90, placeholder="",
                     column_config={"Chi tiết": st.column_config.TextColumn(width="large")})
        st.download_button("Tải kết quả (Excel)", workbook, file_name="ket-qua-xet-khen-thuong.xlsx", mime=XLSX,
                           on_click="ignore", key="el_batch_download")


def render() -> None:
    from ui.state import assistant_or_error

    assistant = assistant_or_error()
    if assistant is None:
        return
    st.title("Xét điều kiện khen thưởng")
    st.caption("Đối chiếu hồ sơ với tiêu chuẩn của Luật Thi đua, khen thưởng và văn bản hướng dẫn; "
               "mỗi điều kiện kèm căn cứ pháp lý. Kết quả do quy tắc cố định tính, không dùng mô hình ngôn ngữ.")
    _apply_prefill()
    single, batch = st.tabs(["Một hồ sơ", "Danh sách (Excel/CSV)"])
    with single:
        _single(assistant)
    with batch:
        _batch()

"""Hạn chót & trách nhiệm: the deadlines register as a filterable table, a month chart and downloads."""
from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from assistant.answering.tools import register_filter
from assistant.deadlines import export
from ui import prefill
from ui.state import assistant_or_error, reference_date

STATUS_OPTIONS = {"": "Tất cả", "upcoming": "Sắp đến hạn / chưa đến hạn", "overdue": "Quá hạn"}
ALL_DOCS = "(Tất cả văn bản)"


def query_records(assistant, params: dict, today: date) -> list:
    """Register records for the filter parameters a chat question or the form gives."""
    return assistant.deadlines.query(**register_filter(params, today))


# Real dates shown the Vietnamese way: the column sorts by date, not as text.
FRAME_COLUMNS = {"Hạn cuối": st.column_config.DateColumn(format="DD/MM/YYYY"),
                 "Nhiệm vụ": st.column_config.TextColumn(width="large")}


def show_records(records: list, **options) -> None:
    st.dataframe(records_frame(records), hide_index=True, column_config=FRAME_COLUMNS, placeholder="—", **options)


def records_frame(records: list) -> pd.DataFrame:
    return pd.DataFrame([{
        "Hạn cuối": r.due_end_date,
        "Nhiệm vụ": r.task,
        "Chủ trì": "; ".join(r.lead_units),
        "Thực hiện": "; ".join(r.units),
        "Phối hợp": "; ".join(r.coop_units),
        "Thời hạn (nguyên văn)": r.due_text,
        "Văn bản": r.doc_number or r.doc_id,
        "Vị trí": r.location,
        "Ghi chú": "; ".join(r.flags),
    } for r in records])


def export_bytes(records: list, fmt: str) -> bytes:
    """The table as a downloadable file: "xlsx", "csv" (UTF-8 with BOM, for Excel) or "ics"."""
    if fmt == "csv":
        return export.to_csv(records).encode("utf-8-sig")
    if fmt == "ics":
        return export.to_ics(records)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "han.xlsx"
        export.write_xlsx(records, path)
        return path.read_bytes()


def _apply_prefill(assistant) -> None:
    params = prefill.take("deadlines")
    if not params:
        return
    state = st.session_state
    state["dl_unit"] = params.get("unit", "")
    state["dl_doc"] = _doc_option(assistant, params.get("doc", ""))
    state["dl_status"] = params.get("status", "")
    state["dl_overlap"] = bool(params.get("overlap"))
    state["dl_use_dates"] = bool(params.get("date_from") or params.get("date_to"))
    if params.get("date_from"):
        state["dl_from"] = date.fromisoformat(params["date_from"])
    if params.get("date_to"):
        state["dl_to"] = date.fromisoformat(params["date_to"])
        state.setdefault("dl_from", date(state["dl_to"].year, 1, 1))


def _doc_option(assistant, wanted: str) -> str:
    if not wanted:
        return ALL_DOCS
    from documents.text import fold_accents

    key = fold_accents(wanted).replace(" ", "")
    for option in _doc_options(assistant):
        if key in fold_accents(option).replace(" ", ""):
            return option
    return ALL_DOCS


def _doc_options(assistant) -> list[str]:
    options = [ALL_DOCS]
    for doc_id in assistant.deadlines.documents():
        entry = assistant.catalogue.get(doc_id)
        options.append(f"{entry.label} · {doc_id}" if entry else doc_id)
    return options


def _filters(assistant) -> dict:
    today = reference_date(assistant)
    state = st.session_state
    state.setdefault("dl_from", date(today.year, 1, 1))
    state.setdefault("dl_to", date(today.year, 12, 31))
    left, middle, right = st.columns(3)
    use_dates = left.checkbox("Lọc theo khoảng ngày", key="dl_use_dates")
    left.date_input("Từ ngày", key="dl_from", format="DD/MM/YYYY", disabled=not use_dates)
    left.date_input("Đến ngày", key="dl_to", format="DD/MM/YYYY", disabled=not use_dates)
    middle.text_input("Đơn vị (chủ trì, thực hiện hoặc phối hợp)", key="dl_unit", placeholder="ví dụ: Phòng Nội vụ")
    middle.selectbox("Văn bản", _doc_options(assistant), key="dl_doc")
    right.radio("Trạng thái", list(STATUS_OPTIONS), format_func=STATUS_OPTIONS.get, key="dl_status")
    right.checkbox("Gồm cả việc đang thực hiện trong khoảng", key="dl_overlap",
                   help="Nhiệm vụ có giai đoạn thực hiện giao với khoảng ngày, không chỉ hạn cuối nằm trong khoảng.")
    right.checkbox("Gồm cả nhiệm vụ không có ngày cụ thể", key="dl_undated")
    doc = state.get("dl_doc", ALL_DOCS)
    params = {"unit": state.get("dl_unit", "").strip(), "doc": "" if doc == ALL_DOCS else doc.rsplit(" · ", 1)[-1],
              "status": state.get("dl_status") or "", "overlap": state.get("dl_overlap", False),
              "include_undated": True if state.get("dl_undated") else None}
    if use_dates:
        if state["dl_from"] > state["dl_to"]:
            st.error("“Từ ngày” phải trước hoặc bằng “Đến ngày”.")
            st.stop()
        params.update(date_from=state["dl_from"], date_to=state["dl_to"])
    return params


def chart_spec(records: list, today: date):
    """Tasks due per month on a real date axis, with the reference date marked (an Altair/Vega-Lite chart)."""
    import altair as alt

    months = pd.Series([r.due_end[:7] for r in records if r.due_end]).value_counts().sort_index()
    if months.empty:
        return None
    frame = pd.DataFrame({"Tháng": pd.to_datetime([f"{m}-01" for m in months.index]), "Số nhiệm vụ": months.values})
    axis = alt.Axis(format="%m/%Y", title="Tháng đến hạn", labelAngle=-45)
    bars = alt.Chart(frame).mark_bar().encode(
        x=alt.X("yearmonth(Tháng):T", axis=axis),
        y=alt.Y("Số nhiệm vụ:Q", title="Số nhiệm vụ", axis=alt.Axis(tickMinStep=1)),
        tooltip=[alt.Tooltip("yearmonth(Tháng):T", title="Tháng", format="%m/%Y"), alt.Tooltip("Số nhiệm vụ:Q")])
    marker = pd.DataFrame({"Ngày": [pd.Timestamp(today)], "Nhãn": [f"Ngày tham chiếu {today:%d/%m/%Y}"]})
    rule = alt.Chart(marker).mark_rule(color="#c0392b", strokeDash=[5, 3], size=2).encode(
        x=alt.X("Ngày:T"), tooltip=[alt.Tooltip("Nhãn:N", title="Mốc")])
    label = alt.Chart(marker).mark_text(align="right", dx=-4, dy=-6, color="#c0392b").encode(
        x=alt.X("Ngày:T"), y=alt.value(8), text="Nhãn:N")
    return alt.layer(bars, rule, label).properties(height=240)


def _chart(records: list, today: date) -> None:
    spec = chart_spec(records, today)
    if spec is None:
        return
    st.markdown("**Số nhiệm vụ đến hạn theo tháng**")
    st.altair_chart(spec, width="stretch")


def _downloads(records: list) -> None:
    columns = st.columns(3)
    files = [("xlsx", "Tải Excel (.xlsx)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
             ("csv", "Tải CSV", "text/csv"), ("ics", "Tải lịch (.ics)", "text/calendar")]
    for column, (fmt, label, mime) in zip(columns, files):
        try:
            data = export_bytes(records, fmt)
        except Exception as exc:
            column.error(f"Không tạo được tệp {fmt}: {exc}")
            continue
        column.download_button(label, data, file_name=f"han-nhiem-vu.{fmt}", mime=mime, key=f"dl_download_{fmt}",
                               on_click="ignore")


def render() -> None:
    assistant = assistant_or_error()
    if assistant is None:
        return
    st.title("Hạn chót & trách nhiệm")
    st.caption("Các nhiệm vụ có thời hạn trích từ kế hoạch đã nạp: ai chủ trì, ai phối hợp, hạn đến khi nào.")
    if not assistant.deadlines.documents():
        st.info("Sổ hạn nhiệm vụ chưa có dữ liệu. Hãy nạp kế hoạch ở trang Thư viện tài liệu.")
        return
    _apply_prefill(assistant)
    params = _filters(assistant)
    try:
        records = query_records(assistant, params, reference_date(assistant))
    except Exception as exc:
        st.error(f"Không lọc được sổ hạn nhiệm vụ: {exc}")
        return
    st.markdown(f"**{len(records)} nhiệm vụ** khớp điều kiện lọc (ngày tham chiếu {reference_date(assistant):%d/%m/%Y}).")
    if not records:
        return
    show_records(records, height=420)
    _chart(records, reference_date(assistant))
    _downloads(records)

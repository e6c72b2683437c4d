"""Hạn chót & trách nhiệm page: the filterable register, its chart and its downloads."""
from __future__ import annotations

import io

from tests.app_helpers import new_app, texts

PAGE = "ui/pages/han_chot.py"


def _day(value):
    """A date cell of the table (a real date, shown dd/mm/yyyy by the column's format)."""
    import pandas as pd

    return pd.Timestamp(value).date()


def _rows(at) -> int:
    return len(at.dataframe[0].value)


def test_filters_narrow_the_table(monkeypatch, plan_and_law_index):
    at = new_app(monkeypatch, plan_and_law_index, PAGE)
    everything = _rows(at)
    assert everything >= 20
    at.checkbox(key="dl_use_dates").check().run()
    at.date_input(key="dl_from").set_value(__import__("datetime").date(2021, 4, 1)).run()
    at.date_input(key="dl_to").set_value(__import__("datetime").date(2021, 6, 30)).run()
    quarter = _rows(at)
    assert 0 < quarter < everything
    due = [_day(d) for d in at.dataframe[0].value["Hạn cuối"]]
    assert all(d.year == 2021 and 4 <= d.month <= 6 for d in due), due
    at.text_input(key="dl_unit").input("Phòng Giáo dục và Đào tạo").run()
    assert 0 < _rows(at) < quarter
    assert any("Giáo dục" in cell for cell in at.dataframe[0].value["Thực hiện"])


def test_status_filter_uses_the_reference_date(monkeypatch, plan_and_law_index):
    at = new_app(monkeypatch, plan_and_law_index, PAGE)
    at.radio(key="dl_status").set_value("overdue").run()
    due = [_day(d) for d in at.dataframe[0].value["Hạn cuối"]]
    assert len(due) and all(d < __import__("datetime").date(2021, 6, 1) for d in due)


def test_downloads_are_offered_and_valid(monkeypatch, plan_and_law_index):
    from openpyxl import load_workbook

    from ui.deadlines import export_bytes, query_records
    from ui.state import get_assistant
    import datetime

    at = new_app(monkeypatch, plan_and_law_index, PAGE)
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Tải Excel (.xlsx)", "Tải CSV", "Tải lịch (.ics)"]
    records = query_records(get_assistant(), {"unit": "Phòng Nội vụ"}, datetime.date(2021, 6, 1))
    assert records
    sheet = load_workbook(io.BytesIO(export_bytes(records, "xlsx"))).active
    assert sheet.max_row == len(records) + 1 and sheet["B1"].value == "Nhiệm vụ"
    csv_text = export_bytes(records, "csv").decode("utf-8-sig")
    assert csv_text.startswith("STT,Nhiệm vụ") and len(csv_text.splitlines()) > len(records) // 2
    assert b"BEGIN:VEVENT" in export_bytes(records, "ics")


def test_link_from_the_chat_prefills_the_filters(monkeypatch, plan_and_law_index):
    from tests.app_helpers import app_opened_from_chat

    at = app_opened_from_chat(monkeypatch, plan_and_law_index, PAGE, "Phòng Nội vụ có những nhiệm vụ gì trong quý II năm 2021?")
    assert at.text_input(key="dl_unit").value == "Phòng Nội vụ"
    assert at.checkbox(key="dl_use_dates").value and at.checkbox(key="dl_overlap").value
    assert 0 < len(at.dataframe[0].value) and "khớp điều kiện lọc" in texts(at)


def test_chart_is_chronological_with_the_reference_date(monkeypatch, plan_and_law_index):
    import datetime

    from ui.deadlines import chart_spec, query_records
    from ui.state import get_assistant

    at = new_app(monkeypatch, plan_and_law_index, PAGE)
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart"), "the page shows a Vega-Lite chart"
    today = datetime.date(2021, 6, 1)
    spec = chart_spec(query_records(get_assistant(), {}, today), today).to_dict()
    bars, rule = spec["layer"][0], spec["layer"][1]
    assert bars["encoding"]["x"]["type"] == "temporal" and bars["encoding"]["x"]["axis"]["format"] == "%m/%Y"
    assert rule["mark"]["type"] == "rule" and rule["encoding"]["x"]["type"] == "temporal"
    data = spec["datasets"]
    months = next(rows for rows in data.values() if rows and "Tháng" in rows[0])
    assert [row["Tháng"] for row in months] == sorted(row["Tháng"] for row in months)
    assert any("2021-06-01" in str(rows) for rows in data.values())

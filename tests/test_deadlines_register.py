"""The register: filled through the real ingest pipeline, queried, exported, emptied."""
from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from assistant.build import build_assistant
from assistant.deadlines import DeadlineRegister
from cli.deadlines import _date, InputError
from assistant.deadlines.export import COLUMNS, write_csv, write_ics, write_xlsx
from assistant.deadlines.units import find_unit, unit_matches

PLANS = Path(__file__).resolve().parent.parent / "knowledge" / "plans"
SEEDS = ["000_1085f501b25a5d99", "001_f3c46f3a27ae00a1", "004_b2a4d87094e8f2d2"]


@pytest.fixture
def filled(settings, tmp_path):
    """An assistant whose register was filled by ingesting three shipped seeds (lexical only; they keep their ids)."""
    assistant = build_assistant(settings)
    results = assistant.ingestor().ingest([PLANS / f"{stem}.txt" for stem in SEEDS])
    assert [r.status for r in results] == ["indexed"] * 3
    return assistant, PLANS


def test_pipeline_fills_register_and_removal_empties_it(filled):
    assistant, folder = filled
    register: DeadlineRegister = assistant.deadlines
    assert register.documents() == sorted(SEEDS)
    assert len(register.records_for("001_f3c46f3a27ae00a1")) == 26
    assert len(register.records_for("001_f3c46f3a27ae00a1", location="PHỤ LỤC › Quý II")) == 5
    assert not register.needs("001_f3c46f3a27ae00a1", assistant.index.document("001_f3c46f3a27ae00a1").sha256)
    assert register.needs("001_f3c46f3a27ae00a1", "another-sha")
    assistant.ingestor().remove(folder / "001_f3c46f3a27ae00a1.txt")
    assert register.records_for("001_f3c46f3a27ae00a1") == []
    assert "001_f3c46f3a27ae00a1" not in register.documents()
    assert register.records_for("004_b2a4d87094e8f2d2")  # the others stay


def test_query_by_range_unit_and_document(filled):
    register = filled[0].deadlines
    april = register.query(date_from=date(2021, 4, 1), date_to=date(2021, 4, 30))
    assert {r.due_end for r in april} == {"2021-04-05", "2021-04-10"}
    assert len(april) == 8  # rows 8–12 (10/4), 13, 15 and 16 (05/4)
    assert [r.due_end for r in april] == sorted(r.due_end for r in april)
    q4_noi_vu = register.query(date_from=date(2021, 10, 1), date_to=date(2021, 12, 31), unit="phòng Nội vụ")
    assert [r.location for r in q4_noi_vu] == ["PHỤ LỤC › Quý IV › mục 24", "PHỤ LỤC › Quý IV › mục 25"]
    by_short = register.query(unit="Nội vụ", doc="01/KH-HĐTĐKT")
    by_full = register.query(unit="Phòng Nội vụ", doc="001_f3c46f3a27ae00a1")
    assert by_short == by_full and len(by_full) == 24  # every row but 13 names Phòng Nội vụ
    council = register.query(unit="Hội đồng Thi đua - Khen thưởng Quận", doc="001_f3c46f3a27ae00a1")
    assert len(council) == 25  # "Hội đồng TĐKT Quận" in every row
    office = register.query(unit="Văn phòng Sở")
    assert office and all(r.doc_id == "004_b2a4d87094e8f2d2" for r in office)
    assert register.query(doc="không-có-văn-bản-này") == []


def test_overdue_and_upcoming_relative_to_a_day(filled):
    register = filled[0].deadlines
    today = date(2021, 6, 1)
    overdue = register.query(status="overdue", today=today, doc="001_f3c46f3a27ae00a1")
    upcoming = register.query(status="upcoming", today=today, doc="001_f3c46f3a27ae00a1")
    assert all(r.due_end < "2021-06-01" for r in overdue) and len(overdue) == 17
    assert all(r.due_end >= "2021-06-01" for r in upcoming) and len(upcoming) == 7
    assert not any(r.undated for r in overdue + upcoming)  # "Theo Kế hoạch của Thành phố" is neither


def test_unit_variants():
    assert unit_matches("phòng Nội vụ", "Phòng Nội vụ") and unit_matches("Nội vụ", "Phòng Nội vụ")
    assert unit_matches("Hội đồng Thi đua - Khen thưởng Quận", "UBND/Hội đồng TĐKT Quận")
    assert unit_matches("Vụ Tổ chức cán bộ", "Vụ TCCB")
    assert not unit_matches("Phòng Nội vụ", "Sở Nội vụ")


@pytest.mark.parametrize("question,unit", [
    ("Bên Sở Nội vụ phụ trách phần việc gì?", "Sở Nội vụ"),
    ("Kế hoạch giao Sở Nội vụ phần việc gì?", "Sở Nội vụ"),
    ("Hội Liên hiệp Phụ nữ tỉnh có nhiệm vụ gì?", "Hội Liên hiệp Phụ nữ tỉnh"),  # "Phụ" in a name does not end it
])
def test_the_unit_a_question_names_ends_at_the_verb_after_it(question, unit):
    assert find_unit(question) == unit


def test_exports_keep_vietnamese_text(filled, tmp_path):
    records = filled[0].deadlines.query(doc="001_f3c46f3a27ae00a1")
    dated = [r for r in records if r.due_end]
    ics = tmp_path / "han.ics"
    write_ics(records, ics)
    calendar = Calendar.from_ical(ics.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(dated) == 24
    first = next(e for e in events if "Xây dựng Kế hoạch triển khai công tác thi đua khen thưởng năm 2021" in str(e.get("summary")))
    assert first.decoded("dtstart") == date(2021, 1, 30)
    description = str(first.get("description"))
    assert "01/KH-HĐTĐKT" in description and "PHỤ LỤC › Quý I › mục 1" in description

    xlsx = tmp_path / "han.xlsx"
    write_xlsx(records, xlsx)
    sheet = load_workbook(xlsx).active
    assert [c.value for c in sheet[1]] == COLUMNS
    assert sheet.max_row == len(records) + 1
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert any(row[1] == "Xét, đề nghị công nhận danh hiệu “Công dân Thủ đô ưu tú” năm 2021"
               and row[7] == datetime(2021, 8, 15) for row in values)

    csv_path = tmp_path / "han.csv"
    write_csv(records, csv_path)
    text = csv_path.read_text(encoding="utf-8-sig")
    assert "Phòng Lao động TB và XH" in text and text.splitlines()[0].startswith("STT,Nhiệm vụ")


def test_cli_dates_and_bad_input(settings, monkeypatch, capsys):
    assert _date("30/4/2021", "--from") == date(2021, 4, 30) and _date("2021-04-30", "--to") == date(2021, 4, 30)
    with pytest.raises(InputError, match="--from"):
        _date("31/02/2021", "--from")
    from assistant.__main__ import main

    assert main(["deadlines", "--to", "hôm qua"]) == 2
    assert "--to" in capsys.readouterr().err
    assert main(["deadlines", "--format", "pdf"]) == 2
    assert main(["deadlines", "--format", "xlsx"]) == 2
    assert "--out" in capsys.readouterr().err


def test_shipped_corpus_register_holds_only_assigned_work(settings):
    """Legal texts' definitions and history ("trước ngày 01/01/1945") are not tasks; every row has a task and a time."""
    assistant = build_assistant(settings)
    results = assistant.ingestor().ingest([PLANS.parent])
    assert sum(r.status == "indexed" for r in results) >= 20
    records = assistant.deadlines.query()
    assert len(records) >= 50
    legal = {e.doc_id for e in assistant.catalogue.entries() if e.doc_type in ("luat", "nghi_dinh", "thong_tu")}
    assert legal and not [r.doc_id for r in records if r.doc_id in legal]
    assert not [(r.doc_id, r.due_end) for r in records if r.due_end and r.due_end < "2019-01-01"]
    assert all(r.task.strip() and (r.due_end or r.due_text.strip()) for r in records)
    assert {"ke_hoach", "quyet_dinh"} <= {assistant.catalogue.get(r.doc_id).doc_type for r in records}


def test_xlsx_export_has_real_dates_numbers_and_a_filter(filled, tmp_path):
    records = filled[0].deadlines.query(doc="001_f3c46f3a27ae00a1")
    path = tmp_path / "han.xlsx"
    write_xlsx(records, path)
    sheet = load_workbook(path).active
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    assert sheet.freeze_panes == "A2" and sheet.column_dimensions["B"].width >= 40
    assert [sheet.cell(row, 1).value for row in range(2, sheet.max_row + 1)] == list(range(1, len(records) + 1))
    due = [sheet.cell(row, 8) for row in range(2, sheet.max_row + 1) if sheet.cell(row, 8).value is not None]
    assert len(due) == 24 and all(c.is_date and c.number_format == "dd/mm/yyyy" for c in due)
    assert [c.value for c in due] == sorted(c.value for c in due)  # sortable as dates


def test_formula_like_text_is_neutralised_in_exports(tmp_path):
    from assistant.deadlines.records import DeadlineRecord

    hostile = ["=HYPERLINK(\"http://x\",\"bấm\")", "+1+1", "-2+3", "@SUM(A1)", "\tlệnh", "\rlệnh"]
    records = [DeadlineRecord(doc_id="kh", source="kh.txt", doc_number="01/KH", doc_title="", task=text,
                              units=[text], due_text="Quý I", due_end="2025-03-31", undated=False, order=n)
               for n, text in enumerate(hostile)]
    path = tmp_path / "han.xlsx"
    write_xlsx(records, path)
    sheet = load_workbook(path).active
    cells = [sheet.cell(row, 2) for row in range(2, 2 + len(hostile))]
    assert [c.value for c in cells] == hostile and all(c.data_type == "s" for c in cells)
    csv_path = tmp_path / "han.csv"
    write_csv(records, csv_path)
    import csv

    rows = list(csv.reader(csv_path.open(encoding="utf-8-sig", newline="")))[1:]
    assert [row[1] for row in rows] == ["'" + text for text in hostile]
    assert [row[3] for row in rows] == ["'" + text for text in hostile]
    assert rows[0][0] == "1" and rows[0][7] == "31/03/2025"

"""The register taken away: a terminal table, CSV, Excel (.xlsx) and iCalendar (.ics)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from assistant import sheets
from assistant.deadlines.records import DeadlineRecord
from documents.text import format_vn_date

COLUMNS = ["STT", "Nhiệm vụ", "Chủ trì / chỉ đạo", "Tham mưu / thực hiện", "Phối hợp", "Thời hạn (nguyên văn)",
           "Từ ngày", "Hạn cuối", "Ghi chú", "Văn bản", "Vị trí trong văn bản", "Tệp nguồn"]


vn_date = format_vn_date  # dd/mm/yyyy, also for ISO strings


def _row(number: int, record: DeadlineRecord) -> list:
    """One register row: the number as a number, the dates as dates (None when undated)."""
    return [number, record.task, "; ".join(record.lead_units), "; ".join(record.units), "; ".join(record.coop_units),
            record.due_text, record.due_start_date, record.due_end_date, "; ".join(record.flags),
            _document(record), record.location, record.source]


def _document(record: DeadlineRecord) -> str:
    number = record.doc_number or record.doc_id
    return f"{number} – {record.doc_title}" if record.doc_title else number


def to_csv(records: list[DeadlineRecord]) -> str:
    """UTF-8 CSV with dd/mm/yyyy dates and formula-like texts neutralised; written to a file with a BOM
    (`write_csv`) so that Excel reads the diacritics."""
    return sheets.to_csv(COLUMNS, (_row(n, r) for n, r in enumerate(records, 1)))


def write_csv(records: list[DeadlineRecord], path: Path) -> None:
    Path(path).write_text(to_csv(records), encoding="utf-8-sig")


WIDTHS = [6, 60, 25, 25, 25, 25, 12, 12, 30, 35, 30, 30]


def write_xlsx(records: list[DeadlineRecord], path: Path) -> None:
    """Sheet "Hạn nhiệm vụ": date cells (dd/mm/yyyy), numbers as numbers, a filter on the header row."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Hạn nhiệm vụ"
    sheets.write_table(sheet, COLUMNS, (_row(n, r) for n, r in enumerate(records, 1)), WIDTHS)
    book.save(path)


def to_ics(records: list[DeadlineRecord]) -> bytes:
    """One all-day event per dated task, on its last day; the description names the source."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Tro ly Thi dua - Khen thuong//Han nhiem vu//VI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Hạn nhiệm vụ thi đua – khen thưởng")
    stamp = datetime.now(timezone.utc)
    for record in records:
        if not record.due_end:
            continue
        day = date.fromisoformat(record.due_end)
        event = Event()
        event.add("uid", f"{record.record_id}@tdkt")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", "Hạn: " + _short(record.task, 90))
        event.add("description", _description(record))
        calendar.add_component(event)
    return calendar.to_ical()


def write_ics(records: list[DeadlineRecord], path: Path) -> None:
    Path(path).write_bytes(to_ics(records))


def _description(record: DeadlineRecord) -> str:
    lines = [record.task, f"Thời hạn: {record.due_text}"]
    for label, names in (("Chủ trì / chỉ đạo", record.lead_units), ("Tham mưu / thực hiện", record.units),
                         ("Phối hợp", record.coop_units)):
        if names:
            lines.append(f"{label}: {'; '.join(names)}")
    if record.flags:
        lines.append("Lưu ý: " + "; ".join(record.flags))
    lines.append(f"Nguồn: {_document(record)}")
    lines.append(f"Vị trí: {record.location}")
    lines.append(f"Tệp: {record.source}")
    return "\n".join(lines)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def to_table(records: list[DeadlineRecord]) -> str:
    """A plain-text table for the terminal: one block per task."""
    if not records:
        return "Không có nhiệm vụ nào khớp điều kiện lọc."
    blocks = []
    for number, record in enumerate(records, 1):
        due = vn_date(record.due_end) or "—"
        head = f"{number:>3}. [{due}] {record.task}"
        details = [f"Thời hạn: {record.due_text or '—'}"]
        for label, names in (("Chủ trì", record.lead_units), ("Thực hiện", record.units), ("Phối hợp", record.coop_units)):
            if names:
                details.append(f"{label}: {'; '.join(names)}")
        details.append(f"Nguồn: {_document(record)} › {record.location}")
        if record.flags:
            details.append("Lưu ý: " + "; ".join(record.flags))
        blocks.append(head + "\n" + "\n".join("      " + d for d in details))
    return "\n".join(blocks) + f"\n\nTổng cộng: {len(records)} nhiệm vụ."

"""Task tables → records.

A table is a task table when one column holds the task ("Nội dung thực hiện",
"Tên nhiệm vụ") and another a unit or a time ("Chỉ đạo, chủ trì", "Thời gian
hoàn thành"). Column roles come from header words (data/columns.yaml). A table
printed without a header row (step tables of a procedure: "| 1 | step | unit |
15 ngày |") is read by position, and only its rows with a time are kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.deadlines.dates import FoundDate, find_dates
from assistant.deadlines.units import read_unit_cell, starts_with_unit, strip_bullet
from documents.datafile import read_yaml
from documents.text import collapse_spaces, fold_accents

DATA_DIR = Path(__file__).parent / "data"
_DURATION = re.compile(r"^\s*\d{1,3}\s*(?:ngày|tháng|tuần|giờ)(?:\s+làm\s+việc)?\b", re.IGNORECASE)
_CONTINUED = re.compile(r"\(\s*tiếp(?:\s+sang\s+trang\s*\d*)?\s*\)", re.IGNORECASE)
_ROW_ID = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})?\.?|[IVX]{1,4}|[A-Z])$")


@dataclass
class TableRow:
    cells: list[str]
    headers: list[str]
    group: str = ""
    page: int | None = None
    quote: str = ""
    path: list[str] = field(default_factory=list)  # location path elements, row label last


@dataclass
class RowTask:
    task: str
    leads: list[str]
    units: list[str]
    coop: list[str]
    time_text: str  # the time cell, or the group ("Quý II"), as written
    found: FoundDate | None
    relative: bool  # "15 ngày": a duration, not a date


@lru_cache(maxsize=1)
def column_words() -> dict:
    return read_yaml(DATA_DIR / "columns.yaml")


def column_role(header: str) -> str:
    folded = fold_accents(header)
    for role in ("time", "coop", "lead", "task", "units"):
        if any(word in folded for word in column_words()[role]):
            return role
    return ""


def is_headerless(headers: list[str]) -> bool:
    """The parser took a data row for the header: "| 1 | Cơ sở pháp lý | … |"."""
    first = headers[0] if headers else ""
    return bool(_ROW_ID.match(first.strip())) or sum(h.startswith("Cột ") for h in headers) >= 2


def is_task_table(headers: list[str]) -> bool:
    roles = {column_role(h) for h in headers}
    return "task" in roles and bool(roles & {"lead", "units", "coop", "time"})


def read_row(row: TableRow, year: int | None) -> RowTask | None:
    if is_headerless(row.headers):
        return _read_positional(row, year)
    if not is_task_table(row.headers):
        return None
    by_role: dict[str, list[str]] = {}
    for header, cell in zip(row.headers, row.cells):
        role = column_role(header)
        if role and cell:
            by_role.setdefault(role, []).append(cell)
    task = " ".join(by_role.get("task", []))
    if not task:
        return None
    leads, units, coop = [], [], []
    for cell in by_role.get("lead", []):
        l, u, c = read_unit_cell(cell)
        leads += l + u
        coop += c
    for cell in by_role.get("units", []):
        l, u, c = read_unit_cell(cell)
        leads += l
        units += u
        coop += c
    for cell in by_role.get("coop", []):
        l, u, c = read_unit_cell(cell)
        coop += l + u + c
    time_text = " ".join(by_role.get("time", []))
    return _with_time(strip_bullet(task), leads, units, coop, time_text, row.group, year)


def _read_positional(row: TableRow, year: int | None) -> RowTask | None:
    cells = row.cells
    if len(cells) < 3 or not _ROW_ID.match(cells[0].strip()) or not cells[1]:
        return None
    time_index = next((i for i in range(2, len(cells)) if _is_time(cells[i], year)), None)
    task = cells[1]
    found = _deadline_in(task, year)
    if time_index is None and found is None:
        return None
    unit_cells = cells[2:time_index] if time_index else [c for c in cells[2:] if starts_with_unit(c.lstrip("- "))]
    leads, units, coop = [], [], []
    for cell in unit_cells:
        l, u, c = read_unit_cell(cell)
        leads, units, coop = leads + l, units + u, coop + c
    time_text = cells[time_index] if time_index else ""
    return _with_time(task, leads, units, coop, time_text, row.group, year)


def _with_time(task, leads, units, coop, time_text, group, year) -> RowTask:
    found = _time_cell_date(time_text, year) if time_text else None
    relative = bool(time_text and found is None and _DURATION.match(time_text))
    if found is None and (not time_text or relative):
        in_task = _deadline_in(task, year)
        if in_task:
            found, time_text = in_task, in_task.text if not time_text else time_text
            time_text = _cue_and_text(task, in_task)
        elif not time_text and group:
            found = _time_cell_date(group, year)
            time_text = group
    return RowTask(collapse_spaces(task), leads, units, coop, collapse_spaces(time_text), found, relative and found is None)


def _time_cell_date(text: str, year: int | None) -> FoundDate | None:
    dates = [d for d in find_dates(text, year, bare_years=True) if d.end]
    if not dates:
        return None
    cued = [d for d in dates if d.is_deadline]
    return (cued or dates)[-1]


def _deadline_in(text: str, year: int | None) -> FoundDate | None:
    return next((d for d in find_dates(text, year) if d.is_deadline and d.end), None)


def _cue_and_text(text: str, found: FoundDate) -> str:
    """"chậm nhất là ngày 15 tháng 8 của năm xét tặng": the cue, the date and what qualifies it."""
    before = text[: found.pos]
    cue_at = fold_accents(before).rfind(fold_accents(found.cue.split()[0])) if found.cue else -1
    start = cue_at if cue_at >= 0 and found.pos - cue_at < 40 else found.pos
    after = re.match(r"^(?:\s+của\s+năm\s+[\wÀ-ỹ ]{1,20}?|\s+hằng năm|\s+hàng năm)(?=[,.;)]|$)", text[found.pos + len(found.text):])
    return text[start: found.pos + len(found.text) + (len(after[0]) if after else 0)].strip()


def _is_time(cell: str, year: int | None) -> bool:
    return bool(_DURATION.match(cell)) or (len(cell) < 60 and bool(find_dates(cell, year, bare_years=True)))


# ---------------------------------------------------------------- bare "a | b | c" lines

def bare_rows(lines: list[tuple[str, int | None]], headers: list[str]) -> list[tuple[list[str], list[str], str, int | None]]:
    """Rows written as "4 | task | unit | … |" without a leading bar (the parser leaves them
    as text): (cells, headers, quote, page); "9 (tiếp)" rows are joined to row 9."""
    rows: list[tuple[list[str], list[str], str, int | None]] = []
    for text, page in lines:
        if text.count("|") < 2 or text.strip().startswith("|"):
            continue
        cells = [collapse_spaces(re.sub(r"<[^>]+>", " ", c)) for c in text.strip().strip("|").split("|")]
        if not _ROW_ID.match(cells[0].split(" ")[0].rstrip(".")) and is_task_table(cells):
            headers = cells
            continue
        if _CONTINUED.search(cells[0]) and rows:
            rows[-1] = _join_continued(rows[-1], cells)
            continue
        rows.append((cells, headers, text, page))
    return [(_strip_continued(c), h, q, p) for c, h, q, p in rows]


def _join_continued(previous, cells):
    old, headers, quote, page = previous
    joined = [old[0]]
    for index in range(1, max(len(old), len(cells))):
        first = _CONTINUED.sub("", old[index]) if index < len(old) else ""
        second = cells[index] if index < len(cells) else ""
        joined.append(collapse_spaces(f"{first} {second}"))
    return joined, headers, quote + "\n" + " | ".join(cells), page


def _strip_continued(cells: list[str]) -> list[str]:
    return [collapse_spaces(_CONTINUED.sub("", c)) for c in cells]

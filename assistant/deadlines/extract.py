"""A parsed plan → its deadline records (tables first-class, prose as well)."""
from __future__ import annotations

import re
from datetime import date

from assistant.deadlines.prose import prose_tasks
from assistant.deadlines.records import (FLAG_RELATIVE, FLAG_UNDATED, DeadlineRecord, date_flags)
from assistant.deadlines.tables import TableRow, bare_rows, read_row
from assistant.deadlines.units import split_names, starts_with_unit, strip_bullet, subject_units
from assistant.catalogue import NORMATIVE_TYPES
from documents.chunk import location_of, path_label  # the chunk location style, shared on purpose
from documents.parse import Node, ParsedDocument, shown_number

EXTRACTOR_VERSION = "2"  # 2: no tasks from legal texts; every row has a task and a time
_SKIPPED_SECTIONS = re.compile(r"^(?:Nơi nhận|PHIẾU GIẢI QUYẾT)", re.IGNORECASE)


class _Context:
    def __init__(self, parsed: ParsedDocument, doc_id: str, source: str):
        header = parsed.header
        self.doc_id, self.source = doc_id, source
        self.number = shown_number(header.number.replace("*", "").strip(), header.symbol)
        self.title = header.title
        self.issued = _iso(header.date_issued)
        self.year = header.year or (self.issued.year if self.issued else None)
        self.records: list[DeadlineRecord] = []

    def add(self, record: DeadlineRecord) -> None:
        if not record.task.strip() or not (record.due_end or record.due_text.strip()):
            return  # a register row always names a task and its time (a date or a period)
        record.order = len(self.records)
        seen: set[str] = set()
        for name in ("lead_units", "units", "coop_units"):
            kept = [u for u in getattr(record, name) if u.lower() not in seen]
            seen.update(u.lower() for u in kept)
            setattr(record, name, kept)
        self.records.append(record)

    def base(self, **fields) -> DeadlineRecord:
        return DeadlineRecord(doc_id=self.doc_id, source=self.source, doc_number=self.number, doc_title=self.title, **fields)


def extract_deadlines(parsed: ParsedDocument, doc_id: str, source: str) -> list[DeadlineRecord]:
    """The tasks a document assigns; none from a Luật, Nghị định or Thông tư (their dates are definitions and
    history, not work to do)."""
    if assigns_no_work(parsed.header.doc_type):
        return []
    context = _Context(parsed, doc_id, source)
    _walk(parsed.root, [], [], context)
    return context.records


def assigns_no_work(doc_type: str) -> bool:
    """Normative texts (the catalogue's legal types) define and regulate; plans, decisions, dispatches and
    emulation regulations assign tasks."""
    return doc_type in NORMATIVE_TYPES


def _walk(node: Node, path: list[str], heading_units: list[str], context: _Context) -> None:
    if node.kind != "root":
        path = path + [path_label(node)]
        own_units = _heading_units(node)
        heading_units = own_units or heading_units
    skip_prose = bool(path) and bool(_SKIPPED_SECTIONS.match(path[-1]))
    lines = [(line.text, line.page) for line in node.lines]
    if not skip_prose:
        body_lines = lines[1:] if node.kind != "root" and _heading_only(node) else lines
        _prose(body_lines, path, heading_units, context, node)
    last_headers: list[str] = []
    for child in node.children:
        if child.kind == "table_row":
            last_headers = _row_headers(child)
            _table_row(child, path, context)
        else:
            _walk(child, path, heading_units, context)
    for cells, headers, quote, page in bare_rows(lines, last_headers):
        row_id = cells[0].rstrip(".")
        label = f"mục {row_id}" if row_id and len(row_id) <= 6 else "hàng"
        _add_row(TableRow(cells, headers, "", page, quote, path + [label]), context)


def _heading_units(node: Node) -> list[str]:
    """"1. Trưởng khối (Văn phòng UBND tỉnh)", "b) Văn phòng": a heading that names who acts."""
    if node.kind not in ("section", "point", "clause") or not node.lines:
        return []
    heading = strip_bullet(node.lines[0].text)
    if len(heading) > 160 or not starts_with_unit(re.sub(r"^(?:Đề nghị|Đối với)\s+", "", heading)):
        return []
    if len(heading) <= 80 and not heading.rstrip().endswith(":"):
        return split_names(re.sub(r"^(?:Đề nghị|Đối với)\s+", "", heading))
    return subject_units(heading)


def _heading_only(node: Node) -> bool:
    """A heading line that is only a unit name is context, not a sentence to read."""
    return bool(_heading_units(node)) and len(node.lines[0].text) < 120 and not re.search(r"\d{1,2}/\d{1,2}", node.lines[0].text)


def _row_headers(row: Node) -> list[str]:
    return [key for key in (row.cells or {}) if key != "Nhóm"]


def _table_row(row: Node, path: list[str], context: _Context) -> None:
    cells = dict(row.cells or {})
    group = cells.pop("Nhóm", "")
    location_path = path + ([group] if group else []) + [row.label]
    _add_row(TableRow(list(cells.values()), list(cells.keys()), group, row.page, row.own_text(), location_path), context)


def _add_row(row: TableRow, context: _Context) -> None:
    task = read_row(row, context.year)
    if task is None:
        return
    record = context.base(task=task.task, lead_units=task.leads, units=task.units, coop_units=task.coop,
                          due_text=task.time_text, location=location_of(row.path), quote=row.quote, kind="table", page=row.page)
    _set_due(record, task.found, context, " ".join(row.cells) + " " + row.group)
    if task.relative:
        record.flags.append(FLAG_RELATIVE)
    context.add(record)


def _prose(lines, path, heading_units, context: _Context, node: Node) -> None:
    for task in prose_tasks(lines, context.year, heading_units):
        record = context.base(task=task.task, lead_units=task.leads, units=task.units, coop_units=task.coop,
                              due_text=task.due_text, location=location_of(path) or "Phần mở đầu", quote=task.quote,
                              kind="prose", page=task.page)
        _set_due(record, task.found, context, task.quote)
        context.add(record)


def _set_due(record: DeadlineRecord, found, context: _Context, wording: str) -> None:
    if found is None or found.end is None:
        record.undated = True
        record.flags.append(FLAG_UNDATED)
        return
    record.undated = False
    record.due_start = found.start.isoformat() if found.start else None
    record.due_end = found.end.isoformat()
    record.flags.extend(date_flags(found, context.year, context.issued, wording))


def _iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None

"""Spreadsheets handed to an office: safe cells, real dates and numbers, a readable layout.

Formula injection (OWASP "CSV injection"): a cell that comes from a document or
a user and starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be
read by a spreadsheet as a formula. In .xlsx such a cell is written as a text
cell; in .csv it is prefixed with a single quote.
"""
from __future__ import annotations

import csv
import io
from datetime import date, datetime
from typing import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "dd/mm/yyyy"


def risky(value) -> bool:
    """True for a text a spreadsheet could take for a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_value(value):
    """A cell for a CSV file: risky text gets a leading apostrophe; None becomes an empty cell."""
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.strftime("%d/%m/%Y")
    return "'" + value if risky(value) else value


def to_csv(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([csv_value(v) for v in header])
    writer.writerows([csv_value(v) for v in row] for row in rows)
    return buffer.getvalue()


def append_row(sheet, values: Sequence) -> None:
    """Append one row to an openpyxl worksheet: texts stay texts (never formulas), dates get dd/mm/yyyy,
    None stays an empty cell."""
    values = [None if value == "" else value for value in values]
    sheet.append(values)
    if not any(value is not None for value in values):
        return
    for cell in next(sheet.iter_rows(min_row=sheet.max_row, max_row=sheet.max_row)):
        if isinstance(cell.value, str):
            cell.data_type = "s"  # openpyxl would otherwise store "=…" as a live formula
        elif isinstance(cell.value, (date, datetime)):
            cell.number_format = DATE_FORMAT


def write_table(sheet, header: Sequence[str], rows: Iterable[Sequence], widths: Sequence[float] = (),
                wrap: bool = True) -> None:
    """A header row in bold, the rows, column widths, wrapped text, a frozen header and an auto-filter."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    append_row(sheet, header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for values in rows:
        append_row(sheet, values)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    if wrap:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions

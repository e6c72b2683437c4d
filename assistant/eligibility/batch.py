"""Batch I/O: nominees from Excel/CSV (one row per nominee-year), results to Excel.

Flattening: rows sharing an `id` form one nominee; nominee-level columns may be
filled on any of its rows; each row with `record_year` is one year's record.
List cells use `;` between items, `-` (or `không`) for a known empty list, and an
empty cell for unknown. `leave` items are `kind:months`, `initiatives` items are
`scope:year` (or just `scope` for the row's year).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from openpyxl import Workbook, load_workbook

from assistant import sheets
from documents.datafile import read_yaml

from . import labels
from .engine import EligibilityResult, evaluate
from .profile import EligibilityInputError, parse_profile
from .vocab import nfc, verdict_label

COLUMNS_FILE = Path(__file__).parent / "data" / "columns.yaml"


@lru_cache(maxsize=None)
def column_spec() -> dict[str, list[dict]]:
    return read_yaml(COLUMNS_FILE)


NOMINEE_COLUMNS = [c["key"] for c in column_spec()["nominee"]]
RECORD_COLUMNS = [c["key"] for c in column_spec()["record"]]
COLUMNS = [*NOMINEE_COLUMNS, *RECORD_COLUMNS]  # the profile fields, in column order
HEADERS = {c["key"]: c["header"] for part in column_spec().values() for c in part}  # field → Vietnamese heading
HEADER_ROW = [HEADERS[key] for key in COLUMNS]
LIST_COLUMNS = {"discipline": "disciplines", "titles": "awards", "awards": "awards"}
EMPTY_WORDS = {"-", "không", "khong", "none", "[]", "không có"}
YES_NO = ["Có", "Không"]
EXAMPLE_ROWS = [
    ["vd-01", "Chiến sĩ thi đua cơ sở", date(2026, 1, 20), 2025, "", "", "Cá nhân", "Nguyễn Thị B", "Chuyên viên", "Không", "", "",
     2024, "Hoàn thành xuất sắc nhiệm vụ", 12, "Không", "Không", "Lao động tiên tiến", "Không", "Không", "", "", "", "", "", ""],
    ["vd-01", "", "", "", "", "", "", "", "", "", "", "",
     2025, "HTXSNV", 12, "Không", "Không", "LĐTT", "Giấy khen", "Cơ sở: 2025", "", "", "", "", "", ""],
    ["vd-02", "Tập thể lao động tiên tiến", date(2026, 1, 20), 2025, "", "", "Tập thể", "Phòng Tổng hợp", "", "", "", 2010,
     2025, "Hoàn thành tốt nhiệm vụ", "", "", "Không", "Không", "Không", "", 20, 20, 16, 2, 0, "Không"],
]


@dataclass
class BatchItem:
    id: str
    rows: list[int]
    result: EligibilityResult | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


def _cell(value):
    if value is None:
        return None
    if isinstance(value, str):
        value = nfc(value)
        if value[:1] == "'" and sheets.risky(value[1:]):
            value = value[1:]  # a CSV cell neutralised on export ("'-" → "-")
        return value or None
    return value


def column_key(heading) -> str | None:
    """The profile field of a column heading: the Vietnamese heading or the field's code."""
    wanted = labels.match_key(heading or "")
    for key in COLUMNS:
        if wanted in (labels.match_key(key), labels.match_key(HEADERS[key])):
            return key
    return None


def _keyed(row: dict) -> dict:
    return {column_key(h): v for h, v in row.items() if h and column_key(h)}


def _read_rows(path: Path) -> list[tuple[int, dict]]:
    if path.suffix.lower() == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = [(i + 2, _keyed({k.strip(): _cell(v) for k, v in row.items() if k})) for i, row in enumerate(csv.DictReader(fh))]
        return [(n, row) for n, row in rows if any(v is not None for v in row.values())]
    wb = load_workbook(path, read_only=True, data_only=True)
    ws = wb["Hồ sơ"] if "Hồ sơ" in wb.sheetnames else wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, [])]
    out = []
    for n, values in enumerate(rows, start=2):
        row = _keyed({h: _cell(v) for h, v in zip(header, values) if h})
        if any(v is not None for v in row.values()):
            out.append((n, row))
    wb.close()
    return out


def _split(text, kind: str | None = None) -> list[str] | None:
    """A list cell; `-` or `không` is a known empty list, an empty cell unknown."""
    if text is None:
        return None
    if str(text).strip().lower() in EMPTY_WORDS:
        return []
    if kind:
        return labels.split_values(text, kind)
    return [p.strip() for p in re.split(r"[;,\n]", str(text)) if p.strip()]


def _pairs(text, first: str, second: str) -> list[dict] | None:
    items = _split(text)
    if items is None:
        return None
    out = []
    for item in items:
        head, _, tail = item.partition(":")
        out.append({first: head.strip(), second: tail.strip() or None})
    return out


def _record(n: int, row: dict) -> dict:
    rec = {"year": row.get("record_year"), "_row": n}
    for key in ("rating", "months_worked", "members_total", "members_completed", "members_lao_dong_tien_tien",
                "members_chien_si_thi_dua_co_so", "members_disciplined_canh_cao_or_higher", "leads_block"):
        rec[key] = row.get(key)
    for key, kind in LIST_COLUMNS.items():
        rec[key] = _split(row.get(key), kind)
    rec["leave"] = _pairs(row.get("leave"), "kind", "months")
    rec["initiatives"] = _pairs(row.get("initiatives"), "scope", "year")
    return rec


def _profile(key: str, rows: list[tuple[int, dict]]) -> tuple[dict, list[tuple[str, str]]]:
    problems: list[tuple[str, str]] = []
    top: dict = {"id": key, "nominee": {"records": []}}
    for n, row in rows:
        for col in NOMINEE_COLUMNS:
            value = row.get(col)
            target = top if col in ("id", "award", "as_of", "year", "claim", "regulation") else top["nominee"]
            if value is None:
                continue
            if target.get(col) is not None and str(target[col]) != str(value):
                problems.append((_place(n, col), f"khác với giá trị “{target[col]}” ở dòng trước của cùng hồ sơ"))
            target.setdefault(col, value)
        if row.get("record_year") is not None:
            top["nominee"]["records"].append(_record(n, row))
        elif any(row.get(c) is not None for c in RECORD_COLUMNS):
            problems.append((_place(n, "record_year"), "thiếu năm của dòng"))
    return top, problems


def _place(row: int, key: str) -> str:
    return f"dòng {row}, cột “{HEADERS.get(key, key)}”"


_NOMINEE_FIELDS = {"nominee.kind": "kind", "nominee.group": "group", "nominee.founded_year": "founded_year",
                   "nominee.name": "name", "nominee": "name"}


def _field_place(path: str, records: list[dict], first_row: int) -> str:
    """A profile field path ("nominee.records[1].titles", "award") → "dòng 3, cột “Danh hiệu thi đua đã đạt”"."""
    match = re.match(r"nominee\.records\[(\d+)\](?:\.(\w+))?", path)
    if match:
        i, col = int(match.group(1)), match.group(2) or "record_year"
        col = "record_year" if col == "year" else col
        return _place(records[i]["_row"], col) if i < len(records) else path
    if path.startswith("dòng "):
        return path
    key = _NOMINEE_FIELDS.get(path, path)
    return _place(first_row, key) if key in HEADERS else path


def _error_text(error: EligibilityInputError, records: list[dict], first_row: int) -> str:
    return "; ".join(f"{_field_place(f, records, first_row)}: {m}" for f, m in error.problems)


def read_batch(path) -> list[tuple[str, list[int], dict, list[tuple[str, str]]]]:
    """Group the rows of an .xlsx/.csv file into profiles: (id, rows, profile, problems)."""
    groups: dict[str, list[tuple[int, dict]]] = {}
    for n, row in _read_rows(Path(path)):
        key = str(row.get("id")) if row.get("id") is not None else f"(dòng {n})"
        groups.setdefault(key, []).append((n, row))
    out = []
    for key, rows in groups.items():
        profile, problems = _profile(key, rows)
        if key.startswith("(dòng"):
            problems.append((_place(rows[0][0], "id"), "thiếu mã hồ sơ"))
        out.append((key, [n for n, _ in rows], profile, problems))
    return out


def check_batch(path, regulations: list[str] | tuple[str, ...] = ()) -> list[BatchItem]:
    """Check every nominee of a file; a bad nominee gets an error, the others are still checked."""
    items = []
    for key, rows, raw, problems in read_batch(path):
        item = BatchItem(id=key, rows=rows)
        if not raw["nominee"].get("name"):
            item.warnings.append(f"{_place(rows[0], 'name')}: chưa có họ tên / tên tập thể")
        try:
            if problems:
                raise EligibilityInputError(problems)
            item.result = evaluate(parse_profile(raw), regulations)
        except EligibilityInputError as exc:
            item.error = _error_text(exc, raw["nominee"]["records"], rows[0])
        items.append(item)
    return items


def _conditions_text(result: EligibilityResult, status: str) -> str:
    return "\n".join(f"{c['text']} ({c['citation']})" + (f" — {c['detail']}" if c["detail"] and status != "to_confirm" else "")
                     for c in result.top_level() if c["status"] == status)


def _grounds(result: EligibilityResult) -> str:
    return "\n".join(dict.fromkeys(c["citation"] for c in result.top_level()))


RESULT_HEADER = ["Mã hồ sơ", "Họ tên / tên tập thể", "Danh hiệu / hình thức đề nghị", "Năm thành tích xét", "Ngày xét",
                 "Kết quả", "Điều kiện chưa đạt", "Điều kiện thiếu thông tin", "Cần Hội đồng xác nhận", "Căn cứ",
                 "Quy định áp dụng", "Ghi chú", "Lỗi dữ liệu", "Dòng nguồn"]
RESULT_WIDTHS = [12, 25, 30, 10, 12, 20, 50, 50, 40, 45, 45, 45, 50, 10]
ERROR_VERDICT = "Lỗi dữ liệu"
DETAIL_HEADER = ["Mã hồ sơ", "Điều kiện", "Kết quả", "Căn cứ", "Chi tiết"]


def _result_row(item: BatchItem) -> list:
    rows = ", ".join(map(str, item.rows))
    warnings = "\n".join(item.warnings)
    r = item.result
    if r is None:
        return [item.id, "", "", None, None, ERROR_VERDICT, "", "", "", "", "", warnings, item.error, rows]
    return [r.id, r.name, labels.name_of("awards", r.award), r.year, date.fromisoformat(r.as_of) if r.as_of else None,
            verdict_label(r.verdict).capitalize(), _conditions_text(r, "failed"), _conditions_text(r, "unknown"),
            _conditions_text(r, "to_confirm"), _grounds(r), r.rules, "\n".join([*item.warnings, *r.notes]), "", rows]


def _detail_rows(items: list[BatchItem]):
    for item in items:
        for c in (item.result.conditions if item.result else []):
            text = ("↳ " if c.get("group") else "") + c["text"]
            yield [item.id, text, c["status_label"].capitalize(), c["citation"], c["detail"]]


def write_results_xlsx(items: list[BatchItem], path) -> None:
    """Sheet “Kết quả”: one row per nominee; sheet “Chi tiết điều kiện”: one row per condition. Vietnamese
    words only; texts from the list are written as text, never as formulas."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Kết quả"
    sheets.write_table(ws, RESULT_HEADER, (_result_row(i) for i in items), RESULT_WIDTHS)
    detail = wb.create_sheet("Chi tiết điều kiện")
    sheets.write_table(detail, DETAIL_HEADER, _detail_rows(items), [12, 70, 22, 45, 70])
    wb.save(path)


def template_csv() -> str:
    return sheets.to_csv(HEADER_ROW, EXAMPLE_ROWS)


def _lists() -> dict[str, list[str]]:
    """The drop-down lists of the template (sheet “Danh mục”)."""
    return {"awards": labels.choices("awards"), "ratings": labels.choices("ratings")[::-1],
            "disciplines": labels.choices("disciplines"), "kinds": labels.choices("kinds"),
            "groups": labels.choices("groups"), "yes_no": YES_NO}


LIST_TITLES = {"awards": "Danh hiệu, hình thức khen thưởng", "ratings": "Xếp loại", "disciplines": "Kỷ luật",
               "kinds": "Cá nhân / tập thể", "groups": "Nhóm đối tượng", "yes_no": "Có / Không"}


def _add_lists(wb, sheet) -> None:
    """A “Danh mục” sheet and a drop-down (data validation) on every coded column of `sheet`."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    lists = _lists()
    catalogue = wb.create_sheet("Danh mục")
    for index, (name, values) in enumerate(lists.items(), 1):
        letter = get_column_letter(index)
        catalogue.cell(1, index, LIST_TITLES[name])
        for row, value in enumerate(values, 2):
            catalogue.cell(row, index, value).data_type = "s"
        catalogue.column_dimensions[letter].width = 38
    columns = [c for part in column_spec().values() for c in part]
    for index, column in enumerate(columns, 1):
        if not column.get("list"):
            continue
        source = list(lists).index(column["list"]) + 1
        letter = get_column_letter(source)
        several = bool(column.get("several"))
        validation = DataValidation(
            type="list", formula1=f"'Danh mục'!${letter}$2:${letter}${len(lists[column['list']]) + 1}",
            allow_blank=True, showErrorMessage=not several, errorTitle="Giá trị không có trong danh sách",
            error=f"Chọn một giá trị trong danh sách “{LIST_TITLES[column['list']]}”.",
            promptTitle=column["header"], prompt=column["help"][:250], showInputMessage=True)
        target = get_column_letter(index)
        validation.add(f"{target}2:{target}1000")
        sheet.add_data_validation(validation)


def _add_guide(wb) -> None:
    guide = wb.create_sheet("Hướng dẫn")
    example = dict(zip(COLUMNS, EXAMPLE_ROWS[0]))
    second = dict(zip(COLUMNS, EXAMPLE_ROWS[1]))
    rows = []
    for column in (c for part in column_spec().values() for c in part):
        value = example.get(column["key"]) if example.get(column["key"]) not in ("", None) else second.get(column["key"])
        rows.append([column["header"], column["help"], value if value not in ("", None) else None])
    sheets.write_table(guide, ["Cột", "Cách ghi", "Ví dụ (hồ sơ vd-01)"], rows, [34, 90, 30])
    sheets.append_row(guide, [])
    for note in ("Ô để trống = chưa biết (kết quả sẽ là “chưa đủ thông tin” nếu điều kiện cần đến); "
                 "“Không” hoặc “-” = đã biết là không có.",
                 "Mỗi năm thành tích của một hồ sơ là một dòng, cùng mã hồ sơ; các cột của hồ sơ chỉ cần ghi ở dòng đầu.",
                 "Danh hiệu, xếp loại, kỷ luật: chọn trong danh sách thả xuống, hoặc ghi tên chính thức, "
                 "viết tắt thông dụng (LĐTT, CSTĐCS, HTXSNV…) hoặc mã.",
                 "Các dòng vd-01, vd-02 ở trang “Hồ sơ” là ví dụ: xoá hoặc ghi đè trước khi xét."):
        sheets.append_row(guide, ["Lưu ý", note])


def write_template(path) -> None:
    """Write the nominee template: .xlsx with Vietnamese headings, drop-down lists, a “Hướng dẫn” sheet with an
    example, or .csv."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        path.write_text(template_csv(), encoding="utf-8-sig")
        return
    wb = Workbook()
    ws = wb.active
    ws.title = "Hồ sơ"
    widths = [12 if c["key"] not in ("award", "name", "titles", "awards", "rating", "group") else 30 for part in column_spec().values() for c in part]
    sheets.write_table(ws, HEADER_ROW, EXAMPLE_ROWS, widths)
    ws.row_dimensions[1].height = 45
    _add_guide(wb)
    _add_lists(wb, ws)
    wb.save(path)

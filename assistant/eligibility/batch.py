"""Batch I/O: nominees from Excel/CSV (one row per nominee-year), results to Excel.

Flattening: rows sharing an `id` form one nominee; nominee-level columns may be
filled on any of its rows; each row with `record_year` is one year's record.
List cells use `;` between items, `-` (or `không`) for a known empty list, and an
empty cell for unknown. `leave` items are `kind:months`, `initiatives` items are
`scope:year` (or just `scope` for the row's year).
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook

from .engine import EligibilityResult, evaluate
from .profile import EligibilityInputError, parse_profile
from .vocab import award_label, nfc, verdict_label

NOMINEE_COLUMNS = {
    "id": "Mã hồ sơ (bắt buộc; các dòng cùng mã là một hồ sơ)",
    "award": "Mã danh hiệu / hình thức khen thưởng (vd. chien_si_thi_dua_co_so)",
    "as_of": "Ngày xét, YYYY-MM-DD hoặc DD/MM/YYYY (chọn quy định có hiệu lực)",
    "year": "Năm thành tích được xét",
    "claim": "Phương án tiêu chuẩn thay thế hồ sơ dựa vào (vd. k1.d) — có thể để trống",
    "regulation": "Mã tệp quy chế của cơ quan (vd. qd-86-2025-ubnd-bac-ninh) — có thể để trống",
    "kind": "individual (cá nhân) hoặc collective (tập thể)",
    "name": "Họ tên / tên tập thể",
    "position": "Chức vụ, đơn vị",
    "is_leader": "Có giữ chức vụ lãnh đạo: có/không",
    "group": "Nhóm đối tượng cá nhân: can_bo_cong_chuc_vien_chuc (mặc định), cong_nhan_nong_dan, luc_luong_vu_trang",
    "founded_year": "Tập thể: năm thành lập",
}
RECORD_COLUMNS = {
    "record_year": "Năm của bản ghi (một dòng cho mỗi năm)",
    "rating": "Xếp loại: hoan_thanh_xuat_sac, hoan_thanh_tot, hoan_thanh, khong_hoan_thanh",
    "months_worked": "Số tháng công tác trong năm",
    "leave": "Nghỉ: kind:tháng; … (vd. thai_san:4); '-' nếu không nghỉ",
    "discipline": "Hình thức kỷ luật đang thi hành trong năm (vd. khien_trach); '-' nếu không",
    "titles": "Danh hiệu thi đua đã được tặng của năm (vd. lao_dong_tien_tien; chien_si_thi_dua_co_so); '-' nếu không",
    "awards": "Hình thức khen thưởng đã được tặng của năm (vd. giay_khen); '-' nếu không",
    "initiatives": "Sáng kiến/đề tài được công nhận: phạm vi:năm; … (co_so, cap_tinh, toan_quoc); '-' nếu không",
    "members_total": "Tập thể: tổng số cá nhân",
    "members_completed": "Tập thể: số cá nhân hoàn thành nhiệm vụ trở lên",
    "members_lao_dong_tien_tien": "Tập thể: số cá nhân đạt Lao động tiên tiến",
    "members_chien_si_thi_dua_co_so": "Tập thể: số cá nhân đạt Chiến sĩ thi đua cơ sở",
    "members_disciplined_canh_cao_or_higher": "Tập thể: số cá nhân bị kỷ luật từ cảnh cáo trở lên",
    "leads_block": "Tập thể: dẫn đầu cụm, khối thi đua (có/không)",
}
COLUMNS = [*NOMINEE_COLUMNS, *RECORD_COLUMNS]
LIST_COLUMNS = ("discipline", "titles", "awards")
EMPTY_WORDS = {"-", "không", "khong", "none", "[]"}
EXAMPLE_ROWS = [
    ["e01", "chien_si_thi_dua_co_so", "2026-01-20", 2025, "", "", "individual", "Nguyễn Thị B", "chuyên viên", "không", "", "",
     2024, "hoan_thanh_xuat_sac", 12, "-", "-", "lao_dong_tien_tien", "-", "-", "", "", "", "", "", ""],
    ["e01", "", "", "", "", "", "", "", "", "", "", "",
     2025, "hoan_thanh_xuat_sac", 12, "-", "-", "lao_dong_tien_tien", "giay_khen", "co_so:2025", "", "", "", "", "", ""],
    ["t01", "tap_the_lao_dong_tien_tien", "2026-01-20", 2025, "", "", "collective", "Phòng Tổng hợp", "", "", "", 2010,
     2025, "hoan_thanh_tot", "", "", "-", "-", "-", "", 20, 20, 16, 2, 0, "không"],
]


@dataclass
class BatchItem:
    id: str
    rows: list[int]
    result: EligibilityResult | None = None
    error: str | None = None


def _cell(value):
    if value is None:
        return None
    if isinstance(value, str):
        value = nfc(value)
        return value or None
    return value


def _read_rows(path: Path) -> list[tuple[int, dict]]:
    if path.suffix.lower() == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return [(i + 2, {k.strip(): _cell(v) for k, v in row.items() if k}) for i, row in enumerate(csv.DictReader(fh))]
    wb = load_workbook(path, read_only=True, data_only=True)
    ws = wb["Hồ sơ"] if "Hồ sơ" in wb.sheetnames else wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, [])]
    out = []
    for n, values in enumerate(rows, start=2):
        row = {h: _cell(v) for h, v in zip(header, values) if h}
        if any(v is not None for v in row.values()):
            out.append((n, row))
    wb.close()
    return out


def _split(text) -> list[str] | None:
    if text is None:
        return None
    if str(text).strip().lower() in EMPTY_WORDS:
        return []
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
    for key in LIST_COLUMNS:
        rec[key] = _split(row.get(key))
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
                problems.append((f"dòng {n}, cột {col}", f"khác với giá trị “{target[col]}” ở dòng trước của cùng hồ sơ"))
            target.setdefault(col, value)
        if row.get("record_year") is not None:
            top["nominee"]["records"].append(_record(n, row))
        elif any(row.get(c) is not None for c in RECORD_COLUMNS):
            problems.append((f"dòng {n}, cột record_year", "thiếu năm của bản ghi"))
    return top, problems


def _row_paths(message: str, records: list[dict]) -> str:
    """Replace `nominee.records[i].x` by the spreadsheet row and column."""
    def repl(match):
        i, col = int(match.group(1)), match.group(2) or "record_year"
        col = "record_year" if col == "year" else col
        return f"dòng {records[i]['_row']}, cột {col}" if i < len(records) else match.group(0)
    return re.sub(r"nominee\.records\[(\d+)\](?:\.(\w+))?(?:\[\d+\](?:\.\w+)?)?", repl, message)


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
            problems.append((f"dòng {rows[0][0]}, cột id", "thiếu mã hồ sơ"))
        out.append((key, [n for n, _ in rows], profile, problems))
    return out


def check_batch(path, regulations: list[str] | tuple[str, ...] = ()) -> list[BatchItem]:
    """Check every nominee of a file; a bad nominee gets an error, the others are still checked."""
    items = []
    for key, rows, raw, problems in read_batch(path):
        item = BatchItem(id=key, rows=rows)
        try:
            if problems:
                raise EligibilityInputError(problems)
            item.result = evaluate(parse_profile(raw), regulations)
        except EligibilityInputError as exc:
            item.error = _row_paths(str(exc), raw["nominee"]["records"])
        items.append(item)
    return items


def _conditions_text(result: EligibilityResult, status: str) -> str:
    return "\n".join(f"{c['id']}: {c['text']} ({c['citation']})" + (f" — {c['detail']}" if c["detail"] and status != "to_confirm" else "")
                     for c in result.top_level() if c["status"] == status)


RESULT_HEADER = ["Mã hồ sơ", "Tên", "Danh hiệu / hình thức", "Năm xét", "Ngày xét", "Kết luận", "verdict",
                 "Điều kiện không đạt", "Điều kiện thiếu thông tin", "Cần Hội đồng xác nhận",
                 "Quy định áp dụng", "Ghi chú", "Lỗi dữ liệu", "Dòng nguồn"]


def _result_row(item: BatchItem) -> list:
    rows = ", ".join(map(str, item.rows))
    r = item.result
    if r is None:
        return [item.id, "", "", "", "", "lỗi dữ liệu", "error", "", "", "", "", "", item.error, rows]
    return [r.id, r.name, award_label(r.award), r.year, r.as_of, verdict_label(r.verdict), r.verdict,
            _conditions_text(r, "failed"), _conditions_text(r, "unknown"), _conditions_text(r, "to_confirm"),
            r.rules, "\n".join(r.notes), "", rows]


def write_results_xlsx(items: list[BatchItem], path) -> None:
    """Sheet “Kết quả”: one row per nominee; sheet “Chi tiết điều kiện”: one row per condition."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Kết quả")
    ws.append(RESULT_HEADER)
    for item in items:
        ws.append(_result_row(item))
    detail = wb.create_sheet("Chi tiết điều kiện")
    detail.append(["Mã hồ sơ", "Mã điều kiện", "Thuộc nhóm", "Điều kiện", "Trạng thái", "Căn cứ", "Chi tiết"])
    for item in items:
        for c in (item.result.conditions if item.result else []):
            detail.append([item.id, c["id"], c.get("group", ""), c["text"], c["status_label"], c["citation"], c["detail"]])
    wb.save(path)


def template_csv() -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    writer.writerows(EXAMPLE_ROWS)
    return buf.getvalue()


def write_template(path) -> None:
    """Write the nominee template (.xlsx with a “Hướng dẫn” sheet, or .csv)."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        path.write_text(template_csv(), encoding="utf-8-sig")
        return
    wb = Workbook()
    ws = wb.active
    ws.title = "Hồ sơ"
    ws.append(COLUMNS)
    for row in EXAMPLE_ROWS:
        ws.append(row)
    guide = wb.create_sheet("Hướng dẫn")
    guide.append(["Cột", "Ý nghĩa"])
    for col, text in {**NOMINEE_COLUMNS, **RECORD_COLUMNS}.items():
        guide.append([col, text])
    guide.append(["", "Ô trống = chưa biết (thiếu thông tin); '-' = đã biết là không có. Mỗi năm của một hồ sơ là một dòng cùng mã id."])
    wb.save(path)

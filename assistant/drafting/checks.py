"""Warnings on a draft or on any uploaded plan.

* missing mandatory parts (số, ngày, trích yếu, căn cứ, the anatomy's mandatory
  sections for the plan's kind, Nơi nhận, người ký) and unfilled "……";
* a legal basis no longer (or not yet) in force: cited by number and matched to
  the catalogue, or a law cited by name and date/year; texts repealed together
  with a catalogued one (Luật 47/2005/QH11…) come from data/legal_facts.yaml;
* a deadline outside the plan's period (the year, or the campaign's dates);
* a milestone of the progress table with no responsible unit.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from assistant.catalogue import NORMATIVE_TYPES, Catalogue, CatalogueEntry
from documents.text import format_vn_date
from assistant.drafting.anatomy import anatomy, load_yaml
from assistant.drafting.document import PlanDraft
from assistant.drafting.form import PLACEHOLDER, KINDS, DraftingInputError
from assistant.drafting.legal_basis import without_text_note
from assistant.drafting.milestones import column_roles
from assistant.drafting.planfile import load_plan, table_rows, walk
from documents.text import fold_accents
from documents.load import Line, LoadedFile
from documents.parse import ParsedDocument, parse

_NUMBER = re.compile(r"(?<![\d/])\d{1,4}/\d{4}/[A-ZĐ][A-ZĐa-z0-9]*(?:-[A-ZĐ][A-ZĐa-z0-9]*)*")
_LAW_DATE = re.compile(r"Luật\s+([^;.\n]{3,160}?)\s+(?:số\s+\S+\s+)?ngày\s+(\d{1,2})\s*(?:/|tháng)\s*(\d{1,2})\s*(?:/|năm)\s*(\d{4})")
_LAW_YEAR = re.compile(r"Luật\s+([^;.\n]{3,160}?)\s+năm\s+(\d{4})")
_SIGNATURE_WORDS = re.compile(r"[A-ZÀ-ỸĐ]{2,}")


@dataclass
class PlanWarning:
    code: str  # missing_part | placeholder | repealed_basis | basis_not_in_kb | deadline_outside_period | milestone_without_unit
    message: str
    where: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    def as_line(self) -> str:
        return f"- {self.message}" + (f" ({self.where})" if self.where else "")


# ---------------------------------------------------------------- entry points

def check_plan_file(path: Path, catalogue: Catalogue, today: date, kind: str | None = None) -> list[PlanWarning]:
    try:
        parsed = load_plan(Path(path))
    except Exception as exc:  # LoadError and unreadable files alike
        raise DraftingInputError(f"Không đọc được tệp kế hoạch “{path}”: {getattr(exc, 'reason', exc)}") from exc
    return check_parsed(parsed, catalogue, today, kind=kind)


def check_draft(draft: PlanDraft, catalogue: Catalogue, today: date) -> list[PlanWarning]:
    from assistant.drafting.markdown_export import to_markdown

    lines = [Line(text) for text in to_markdown(draft).splitlines()]
    parsed = parse(LoadedFile(Path("du-thao.md"), "", lines))
    form = draft.form
    warnings = check_parsed(parsed, catalogue, today, kind=form.kind, period=form.period(), plan_date=form.date,
                            whole=not draft.section_only)
    known = {w.message for w in warnings}
    return warnings + [PlanWarning("basis_not_in_kb", note, "Căn cứ") for note in draft.notes if note not in known]


def check_parsed(parsed: ParsedDocument, catalogue: Catalogue, today: date, kind: str | None = None,
                 period: tuple[date | None, date | None] | None = None, plan_date: date | None = None,
                 whole: bool = True) -> list[PlanWarning]:
    header = parsed.header
    plan_date = plan_date or _iso(header.date_issued)
    kind = kind if kind in KINDS else guess_kind(parsed)
    period = period if period and any(period) else guess_period(parsed, kind, plan_date)
    reference = max(plan_date, today) if plan_date else today
    warnings: list[PlanWarning] = []
    if whole:
        warnings += missing_parts(parsed, kind)
    warnings += repealed_bases(parsed, catalogue, reference, plan_date)
    warnings += bases_without_text(parsed, catalogue)
    warnings += deadlines_outside(parsed, period)
    warnings += milestones_without_unit(parsed)
    count = parsed.root.full_text().count(PLACEHOLDER)
    if count:
        warnings.append(PlanWarning("placeholder", f"Còn {count} chỗ để trống (“{PLACEHOLDER}”) cần điền trước khi ban hành."))
    return warnings


# ---------------------------------------------------------------- plan facts

def guess_kind(parsed: ParsedDocument) -> str:
    title = fold_accents(parsed.header.title)
    if any(cue in title for cue in ("dot thi dua", "cao diem", "phat dong")):
        return "campaign"
    if "khoi" in title or "cum thi dua" in title:
        return "block"
    return "annual"


def guess_period(parsed: ParsedDocument, kind: str, plan_date: date | None) -> tuple[date | None, date | None]:
    from assistant.deadlines.dates import find_dates

    year = _title_year(parsed.header.title) or parsed.header.year
    if kind == "campaign":
        for found in find_dates(parsed.root.full_text(), year):
            if found.kind == "range" and found.end:
                return found.start or plan_date, found.end
    return (date(year, 1, 1), date(year, 12, 31)) if year else (None, None)


def _title_year(title: str) -> int | None:
    match = re.search(r"năm\s+(\d{4})(?!\s*[-–])", title or "")
    return int(match[1]) if match else None


def _iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


# ---------------------------------------------------------------- missing parts

def missing_parts(parsed: ParsedDocument, kind: str) -> list[PlanWarning]:
    header, text = parsed.header, parsed.root.full_text()
    out = []
    if not re.search(r"\d", header.number or ""):
        out.append(PlanWarning("missing_part", "Chưa có số văn bản (Số: …/KH-…).", "Phần đầu"))
    if not header.date_issued:
        out.append(PlanWarning("missing_part", "Chưa có ngày, tháng ban hành.", "Phần đầu"))
    if not header.title:
        out.append(PlanWarning("missing_part", "Chưa có tên loại văn bản và trích yếu nội dung.", "Phần đầu"))
    if not re.search(r"^(Căn cứ|Thực hiện)", parsed.root.own_text(), re.MULTILINE):
        out.append(PlanWarning("missing_part", "Chưa nêu căn cứ ban hành (Căn cứ …/Thực hiện …).", "Phần mở đầu"))
    labels = [fold_accents(n.label) for n in parsed.root.children if n.kind == "section" and n.level == 1]
    for key, spec in anatomy()["sections"].items():
        if kind in spec["mandatory"] and not any(word in label for label in labels for word in spec["match"]):
            out.append(PlanWarning("missing_part", f"Thiếu phần “{spec['heading'].capitalize()}”.", "Bố cục"))
    out += _closing_parts(text)
    return out


def _closing_parts(text: str) -> list[PlanWarning]:
    lines = [line.strip() for line in text.splitlines()]
    start = next((n for n, line in enumerate(lines) if line.lower().startswith("nơi nhận")), None)
    if start is None:
        return [PlanWarning("missing_part", "Thiếu phần Nơi nhận.", "Cuối văn bản")]
    after = [line for line in lines[start + 1:] if line and not line.startswith(("-", "+", "•"))]
    if not any(_SIGNATURE_WORDS.search(line) for line in after):
        return [PlanWarning("missing_part", "Chưa có quyền hạn, chức vụ và họ tên người ký.", "Cuối văn bản")]
    return []


# ---------------------------------------------------------------- legal bases

def repealed_bases(parsed: ParsedDocument, catalogue: Catalogue, reference: date, plan_date: date | None) -> list[PlanWarning]:
    text = parsed.root.full_text()
    seen: set[str] = set()
    out: list[PlanWarning] = []
    for cited, key, message in _citations(text, catalogue, reference, plan_date):
        if key not in seen and message:
            seen.add(key)
            out.append(PlanWarning("repealed_basis", message, f"“{cited}”"))
    return out


def bases_without_text(parsed: ParsedDocument, catalogue: Catalogue) -> list[PlanWarning]:
    """Cited texts the catalogue knows only by their row: number and date must be checked by hand."""
    out, seen = [], set()
    for match in _NUMBER.finditer(parsed.root.full_text()):
        entry = catalogue.find_by_number(match.group(0))
        if entry and not entry.has_text and entry.doc_type in NORMATIVE_TYPES and entry.doc_id not in seen:
            seen.add(entry.doc_id)
            out.append(PlanWarning("basis_not_in_kb", without_text_note(entry), f"“{match.group(0)}”"))
    return out


def _citations(text: str, catalogue: Catalogue, reference: date, plan_date: date | None):
    for match in _NUMBER.finditer(text):
        number = match.group(0)
        entry = catalogue.find_by_number(number)
        if entry and entry.doc_type in NORMATIVE_TYPES:
            yield number, entry.number, _entry_problem(entry, reference, plan_date)
        elif not entry:
            yield number, number, _fact_problem(_fact_by_number(number), reference, plan_date)
    for match in _LAW_DATE.finditer(text):
        adopted = _safe_date(int(match[4]), int(match[3]), int(match[2]))
        yield from _law(match.group(0), lambda d: d == adopted, match[1], catalogue, reference, plan_date)
    for match in _LAW_YEAR.finditer(text):
        year = int(match[2])
        yield from _law(match.group(0), lambda d: d is not None and d.year == year, match[1], catalogue, reference, plan_date)


def _law(cited: str, same_day, name: str, catalogue: Catalogue, reference: date, plan_date: date | None):
    """A law cited by name and date (or year): the catalogue's row, else the repeal facts."""
    amending = "sua doi" in fold_accents(name)
    for entry in catalogue.entries():
        if entry.doc_type == "luat" and same_day(_iso(entry.date_issued)) and _same_kind(entry.title, amending):
            yield cited[:90], entry.number, _entry_problem(entry, reference, plan_date)
            return
    for fact in _facts():
        if "/QH" in fact["number"] and same_day(fact.get("adopted")) and _same_kind(fact["name"], amending):
            yield cited[:90], fact["number"], _fact_problem(fact, reference, plan_date)
            return


def _same_kind(title: str, amending: bool) -> bool:
    return ("sua doi" in fold_accents(title)) == amending


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _entry_problem(entry: CatalogueEntry, reference: date, plan_date: date | None) -> str:
    if entry.in_force_on(reference) is not False:
        return ""
    message = f"{entry.label} ({entry.title}) {entry.status(reference)}."
    if plan_date and entry.in_force_on(plan_date):
        message += f" Văn bản còn hiệu lực vào ngày ban hành kế hoạch ({format_vn_date(plan_date)}) nhưng không được dùng làm căn cứ cho kế hoạch mới."
    return message


def _facts() -> list[dict]:
    out = []
    for repeal in load_yaml("legal_facts.yaml")["repeals"]:
        for text in repeal["texts"]:
            out.append({**text, "by": repeal["by"], "article": repeal["article"], "last_day": repeal["last_day"]})
    return out


def _fact_by_number(number: str) -> dict | None:
    key = number.upper().replace("Đ", "D")
    return next((f for f in _facts() if f["number"].upper().replace("Đ", "D") == key), None)


def _fact_problem(fact: dict | None, reference: date, plan_date: date | None) -> str:
    if not fact or reference <= fact["last_day"]:
        return ""
    first_day = date.fromordinal(fact["last_day"].toordinal() + 1)
    number = fact["number"]
    kind = "Luật" if "/QH" in number else "Nghị định" if "NĐ-CP" in number else "Văn bản"
    message = (f"{kind} {number} ({fact['name']}) hết hiệu lực từ {format_vn_date(first_day)} theo {fact['article']} "
                f"{fact['by']}.")
    if plan_date and plan_date <= fact["last_day"]:
        message += f" Văn bản còn hiệu lực vào ngày ban hành kế hoạch ({format_vn_date(plan_date)}) nhưng không được dùng làm căn cứ cho kế hoạch mới."
    return message


# ---------------------------------------------------------------- deadlines

def deadlines_outside(parsed: ParsedDocument, period: tuple[date | None, date | None]) -> list[PlanWarning]:
    from assistant.deadlines.dates import find_dates

    start, end = period
    if not (start or end):
        return []
    year = (start or end).year
    out = []
    for node in walk(parsed.root):
        if node.kind == "table_row":
            due = _due_cell(node.cells or {})
            found = [(f, due) for f in find_dates(due, year, bare_years=True)] if due else []
        else:
            found = [(f, line.text) for line in node.lines for f in find_dates(line.text, year) if f.is_deadline]
        for item, context in found:
            if _outside(item, start, end):
                out.append(PlanWarning("deadline_outside_period",
                                       f"Thời hạn “{item.text}” nằm ngoài thời gian của kế hoạch ({_span(start, end)}).",
                                       _snippet(context, item.text)))
    return out


def _due_cell(cells: dict) -> str:
    roles = column_roles([k for k in cells if k != "Nhóm"])
    return cells.get(roles.get("due", ""), "")


def _outside(item, start: date | None, end: date | None) -> bool:
    last, first = item.end, item.start or item.end
    if last is None:
        return False
    return bool((start and last < start) or (end and first and first > end))


def _span(start: date | None, end: date | None) -> str:
    return f"{format_vn_date(start) if start else PLACEHOLDER} – {format_vn_date(end) if end else PLACEHOLDER}"


def _snippet(text: str, needle: str, width: int = 70) -> str:
    at = max(text.find(needle), 0)
    piece = text[max(at - width, 0): at + len(needle) + 10].strip()
    return ("…" if at > width else "") + piece + "…"


# ---------------------------------------------------------------- milestones

def milestones_without_unit(parsed: ParsedDocument) -> list[PlanWarning]:
    out: list[PlanWarning] = []
    warned_table = False
    for row in table_rows(parsed):
        cells = {k: v for k, v in (row.cells or {}).items() if k != "Nhóm"}
        roles = column_roles(list(cells))
        task = cells.get(roles.get("task", ""), "")
        if not task or not ({"lead", "due"} & set(roles)):
            continue
        if "lead" not in roles:
            if not warned_table:
                out.append(PlanWarning("milestone_without_unit", "Bảng tiến độ không có cột đơn vị chủ trì, thực hiện.", "Bảng tiến độ"))
                warned_table = True
            continue
        lead = cells.get(roles["lead"], "").replace(PLACEHOLDER, "").strip(" .;-")
        if not lead:
            group = (row.cells or {}).get("Nhóm", "")
            out.append(PlanWarning("milestone_without_unit", f"Nhiệm vụ “{task[:90]}” chưa có đơn vị chủ trì, thực hiện.",
                                   "Bảng tiến độ" + (f", {group}" if group else "")))
    return out

"""The milestones table: from the user's milestones, the standard cycle, or last year's plan.

Seeding from a previous plan keeps its tasks and units and moves every year a
year on ("Trước ngày 30/01/2021" → "Trước ngày 30/01/2022").
"""
from __future__ import annotations

import re
from pathlib import Path

from assistant.drafting.anatomy import anatomy, fill, kind_spec, template_values
from assistant.drafting.document import TableData
from assistant.drafting.form import PLACEHOLDER, QUARTERS, DraftingInputError, Milestone, PlanForm
from assistant.drafting.planfile import load_plan, table_rows
from documents.text import collapse_spaces, fold_accents

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?![\d/])")  # a year, not the year part of "91/2017/NĐ-CP"
_LEAP_DAY = re.compile(r"\b29/0?2/(?=\d{4})")
_QUARTER_LINE = re.compile(r"^[-–•]?\s*Quý\s+([IV]+)\s*[:.]\s*(.+)$")


def milestones_for(form: PlanForm) -> list[Milestone]:
    """The user's milestones; else those seeded from a previous plan; else the standard cycle."""
    if form.milestones:
        return form.milestones
    if form.seed_from:
        return seed_from_plan(Path(form.seed_from), form.plan_year)
    values = template_values(form)
    return [Milestone(task=fill(item["task"], values), quarter=item.get("quarter", ""))
            for item in anatomy()["default_milestones"][form.kind]]


def milestone_table(form: PlanForm) -> TableData:
    items = milestones_for(form)
    columns = list(anatomy()["milestone_columns"])
    if not kind_spec(form.kind).get("group_by_quarter"):
        return TableData(columns, [("", _rows(items, 1))])
    groups: list[tuple[str, list[list[str]]]] = []
    number = 1
    for quarter in list(QUARTERS) + [""]:
        members = [m for m in items if m.group() == quarter]
        if members:
            groups.append((f"Quý {quarter}" if quarter else "Nhiệm vụ khác", _rows(members, number)))
            number += len(members)
    return TableData(columns, groups)


def _rows(items: list[Milestone], start: int) -> list[list[str]]:
    return [[str(start + n), m.task, m.lead or PLACEHOLDER, m.partners or PLACEHOLDER, m.due or PLACEHOLDER]
            for n, m in enumerate(items)]


# ---------------------------------------------------------------- seeding

def shift_years(text: str, years: int = 1) -> str:
    text = _LEAP_DAY.sub("28/02/", text) if years % 4 else text
    return _YEAR.sub(lambda m: str(int(m.group(1)) + years), text)


def column_roles(headers: list[str]) -> dict[str, str]:
    """Which header is the task, the lead unit, the partners, the deadline."""
    folded = {h: fold_accents(h) for h in headers}
    roles: dict[str, str] = {}
    for role in ("task", "partners", "due", "lead"):
        for word in anatomy()["seed_columns"][role]:
            found = next((h for h, f in folded.items() if word in f and h not in roles.values()), None)
            if found:
                roles[role] = found
                break
    return roles


def seed_from_plan(path: Path, target_year: int | None = None) -> list[Milestone]:
    """Milestones of a previous plan, dates moved on to `target_year` (one year when unknown)."""
    try:
        parsed = load_plan(path)
    except Exception as exc:  # a LoadError or an unreadable file: say so in Vietnamese
        raise DraftingInputError(f"Không đọc được kế hoạch năm trước “{path}”: {getattr(exc, 'reason', exc)}") from exc
    source_year = parsed.header.year
    years = target_year - source_year if target_year and source_year and target_year > source_year else 1
    milestones = _from_table(parsed, years) or _from_quarter_lines(parsed, years)
    if not milestones:
        raise DraftingInputError(f"Kế hoạch năm trước “{path.name}” không có bảng tiến độ hoặc mốc theo quý để kế thừa.")
    return milestones


def _from_table(parsed, years: int) -> list[Milestone]:
    out = []
    for row in table_rows(parsed):
        cells = {k: v for k, v in (row.cells or {}).items() if k != "Nhóm"}
        roles = column_roles(list(cells))
        task = cells.get(roles.get("task", ""), "")
        if not task:
            continue
        group = (row.cells or {}).get("Nhóm", "")
        quarter = group.split()[-1] if group.startswith("Quý") and group.split()[-1] in QUARTERS else ""
        out.append(Milestone(task=_clean(shift_years(task, years)), lead=_clean(cells.get(roles.get("lead", ""), "")),
                             partners=_clean(cells.get(roles.get("partners", ""), "")),
                             due=_clean(shift_years(cells.get(roles.get("due", ""), ""), years)), quarter=quarter))
    return out


def _from_quarter_lines(parsed, years: int) -> list[Milestone]:
    out = []
    for line in parsed.root.full_text().splitlines():
        match = _QUARTER_LINE.match(line.strip())
        if match and match[1] in QUARTERS:
            out.append(Milestone(task=_clean(shift_years(match[2], years)), quarter=match[1]))
    return out


def _clean(text: str) -> str:
    text = collapse_spaces(re.sub(r"<[^>]+>", " ", text or ""))
    return text.strip(" ;")

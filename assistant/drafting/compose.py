"""Template drafting: the whole plan (or one section) from the form and the anatomy, no model.

Every sentence comes from `data/anatomy.yaml`; every specific (name, number,
date, unit) comes from the form, or stays "……".
"""
from __future__ import annotations

from datetime import date

from assistant.catalogue import Catalogue
from assistant.drafting.anatomy import (anatomy, by_kind, fill, kind_spec, plan_title, section_body, section_heading,
                                        section_keys, template_values)
from assistant.drafting.document import Block, DraftSection, PlanDraft
from assistant.drafting.form import PLACEHOLDER, SECTION_KEYS, DraftingInputError, PlanForm, UnitRole, format_long_date
from assistant.drafting.legal_basis import basis_lines
from assistant.drafting.milestones import milestone_table
from assistant.drafting.signature import signature_lines

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def draft_plan(form: PlanForm, catalogue: Catalogue, today: date, section: str | None = None) -> PlanDraft:
    """A complete draft; with `section`, only that section (for copying into an existing plan)."""
    form.validate()
    if section is not None and section not in SECTION_KEYS:
        raise DraftingInputError(f"Phần “{section}” (--section) không hợp lệ; chọn một trong: {', '.join(SECTION_KEYS)}.")
    values = template_values(form)
    keys = section_keys(form.kind)
    if section:
        keys = [section]
    sections = [build_section(key, form, values, ROMAN[_position(form, key)]) for key in keys]
    bases, notes = basis_lines(form, catalogue, today)
    spec = kind_spec(form.kind)
    signer = signature_lines(form)
    return PlanDraft(
        form=form,
        superior_line=(form.superior or PLACEHOLDER).upper(),
        agency_line=(form.agency or PLACEHOLDER).upper(),
        number_line=f"Số: {form.number or PLACEHOLDER + '/' + anatomy()['symbol'] + '-' + PLACEHOLDER}",
        place_date=format_long_date(form.place, form.date, form.plan_year),
        doc_type=anatomy()["doc_type_line"],
        title=plan_title(form),
        bases=bases,
        intro=fill(spec["intro"], values),
        sections=sections,
        closing=fill(spec["closing"], values),
        recipients=recipients(form, values),
        signer_authority=signer[0],
        signer_title=signer[1],
        signer_name=signer[2],
        notes=notes,
        section_only=section,
    )


def _position(form: PlanForm, key: str) -> int:
    keys = section_keys(form.kind)
    return keys.index(key) if key in keys else len(keys)


def build_section(key: str, form: PlanForm, values: dict, roman: str) -> DraftSection:
    heading = f"{roman}. {section_heading(key, form.kind)}"
    return DraftSection(key, heading, render_blocks(section_body(key, form.kind), form, values))


def render_blocks(specs: list[dict], form: PlanForm, values: dict) -> list[Block]:
    blocks: list[Block] = []
    for spec in specs:
        if "when" in spec:
            chosen = spec["then"] if values.get(spec["when"]) else spec.get("otherwise", [])
            blocks.extend(render_blocks(chosen, form, values))
        elif "table" in spec:
            blocks.append(Block("table", table=milestone_table(form)))
        elif "units" in spec:
            blocks.extend(unit_blocks(form, values))
        else:
            kind, template = next(iter(spec.items()))
            blocks.append(Block(kind, fill(template, values)))
    return blocks


def unit_blocks(form: PlanForm, values: dict) -> list[Block]:
    units = form.units or [UnitRole(fill(u["name"], values), fill(u["role"], values))
                           for u in by_kind(anatomy()["default_units"], form.kind)]
    blocks = []
    for n, unit in enumerate(units, 1):
        blocks.append(Block("h", f"{n}. {unit.name}"))
        blocks.append(Block("p", unit.role or PLACEHOLDER))
    return blocks


def recipients(form: PlanForm, values: dict) -> list[str]:
    spec = anatomy()["recipients"]
    items = form.recipients or [fill(r, values) for r in by_kind(spec, form.kind)]
    items = [item.strip(" ;.") for item in items]
    archive = fill(spec["archive"], values)
    return [f"- {item};" for item in items] + [f"- {archive}"]

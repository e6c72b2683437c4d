"""The "Căn cứ" list, built from the catalogue: only texts in force on the plan's date.

A text the catalogue knows only by its row (Thông tư 15/2025/TT-BNV: number and
date known, body missing) is cited with its known date and a check "chưa có toàn
văn trong kho — kiểm tra số, ngày". A text the catalogue knows to be replaced by
one it has no row for is cited under the replacement's number, its unknown date
left as "……", with a note that the replacement is not in the knowledge base.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.catalogue import NORMATIVE_TYPES, Catalogue, CatalogueEntry
from documents.text import format_vn_date
from assistant.drafting.anatomy import anatomy, fill, load_yaml, template_values
from assistant.drafting.form import PLACEHOLDER, PlanForm
from documents.text import fold_accents

_TYPE_ORDER = {"luat": 0, "nghi_dinh": 1, "thong_tu": 2}
_NUMBER = re.compile(r"\d+/\d{4}/[A-ZĐ0-9][A-ZĐa-z0-9\-]*")


@dataclass
class LegalBasis:
    citation: str  # "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022"
    number: str
    in_knowledge_base: bool = True
    note: str = ""


def long_date(iso: str) -> str:
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return f"ngày {PLACEHOLDER}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def cite(entry: CatalogueEntry) -> str:
    """Full citation as Nghị định 30/2020 wants it: type, number, date, issuer, trích yếu."""
    if entry.doc_type == "luat":
        return f"{entry.title} số {entry.number} {long_date(entry.date_issued)}"
    issuer = f"Bộ trưởng {entry.issuer}" if entry.doc_type == "thong_tu" and entry.issuer.startswith("Bộ ") else entry.issuer
    return f"{entry.type_name} số {entry.number} {long_date(entry.date_issued)} của {issuer} {_lower_first(entry.title)}"


def _is_basis(entry: CatalogueEntry) -> bool:
    facts = load_yaml("legal_facts.yaml")
    title = fold_accents(entry.title)
    excluded = {fact["number"] for fact in facts.get("not_bases", [])}
    return (entry.doc_type in NORMATIVE_TYPES and any(word in title for word in facts["basis_title_words"])
            and entry.number not in excluded)


def without_text_note(entry: CatalogueEntry) -> str:
    """The check for a text the catalogue knows (number, date) but whose body the knowledge base lacks."""
    issued = f" (ngày ban hành theo danh mục: {format_vn_date(date.fromisoformat(entry.date_issued))})" if entry.date_issued else ""
    return f"{entry.label}: chưa có toàn văn trong kho — kiểm tra số, ngày{issued} và trích yếu trước khi ban hành."


def _replacement(entry: CatalogueEntry, catalogue: Catalogue) -> LegalBasis | None:
    """The successor named in `replaced_by` when the catalogue does not hold it."""
    match = _NUMBER.search(entry.replaced_by or "")
    if not match or catalogue.find_by_number(match.group(0)):
        return None
    type_name = entry.replaced_by[: match.start()].replace(" số", "").strip() or entry.type_name
    issuer = f"Bộ trưởng {entry.issuer}" if entry.doc_type == "thong_tu" and entry.issuer.startswith("Bộ ") else entry.issuer
    citation = f"{type_name} số {match.group(0)} ngày {PLACEHOLDER} của {issuer} {PLACEHOLDER}"
    note = (f"{type_name} {match.group(0)} (thay thế {entry.label}) chưa có trong cơ sở tri thức: "
            "cần bổ sung ngày ban hành và trích yếu, kiểm tra lại hiệu lực trước khi ban hành.")
    return LegalBasis(citation, match.group(0), in_knowledge_base=False, note=note)


def bases_in_force(catalogue: Catalogue, day: date) -> list[LegalBasis]:
    entries = sorted((e for e in catalogue.entries() if _is_basis(e)),
                     key=lambda e: (_TYPE_ORDER.get(e.doc_type, 9), e.date_issued))
    found: list[LegalBasis] = []
    for entry in entries:
        if entry.in_force_on(day):
            note = "" if entry.has_text else without_text_note(entry)
            found.append(LegalBasis(cite(entry), entry.number, in_knowledge_base=entry.has_text, note=note))
        elif entry.valid_until and entry.valid_until < day.isoformat():
            successor = _replacement(entry, catalogue)
            if successor:
                found.append(successor)
    return found


def basis_lines(form: PlanForm, catalogue: Catalogue, today: date) -> tuple[list[str], list[str]]:
    """"Căn cứ …;" lines (the last ends with ".") and the drafting notes about them."""
    bases = bases_in_force(catalogue, form.validity_date(today))
    lines = [f"Căn cứ {basis.citation}" for basis in bases]
    notes = [basis.note for basis in bases if basis.note]
    own = [b if b.lower().startswith(("căn cứ", "thực hiện")) else f"Căn cứ {b}" for b in form.bases]
    if not own:
        own = [fill(anatomy()["superior_basis"][form.kind], template_values(form))]
    lines += own
    lines = [line.rstrip(" ;.") for line in lines]
    return [line + (";" if n < len(lines) - 1 else ".") for n, line in enumerate(lines)], notes

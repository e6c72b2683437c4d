"""The law as it stands on a date: amendments, replacement chains and texts known only by their row.

The catalogue's relation columns `amends`, `replaces` and `replaced_by` (`guides` is recorded for people)
are followed here, whole chains included (Nghị định 91/2017 → 98/2023 →
152/2025; Thông tư 12/2019 → 01/2024 → 15/2025). A row without a file is a text
known to exist whose body the knowledge base lacks; every note says so.

Public API:
* `law_state_notes(doc_ids, day, catalogue)` — Vietnamese notes for cited texts;
* `previous_rule_note(doc_id, day, catalogue, location)` — the note that heads a
  provision of a repealed decree shown as the previous rule;
* `citation_notes(citations, day, catalogue)` — both of the above for an answer's citations
  (what the answerer calls);
* `past_rule_note(entry, today, catalogue)` — for a text cited as the rule of a past date asked: ended
  since when, and the text in force today;
* `successor_in_force(entry, day, catalogue)` — the end of the replacement chain;
* `amendments(entry, catalogue)` — texts amending an entry;
* `related_numbers(value)` — the numbers of a relation cell.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Iterable

from assistant.catalogue import Catalogue, CatalogueEntry
from documents.text import format_vn_date

MISSING_TEXT = "chưa có trong kho tài liệu"
SUMMARY_PREFIX = "Tóm tắt, chưa có nguyên văn: "  # how the parser opens a summary note (kind "note")
_NUMBER = re.compile(r"\d{1,4}/\d{4}/[A-ZĐ0-9][A-ZĐa-z0-9\-]*")


def related_numbers(value: str) -> list[str]:
    """"98/2023/NĐ-CP; 28/2024/NĐ-CP" or "Nghị định 152/2025/NĐ-CP" → the numbers it names."""
    return _NUMBER.findall(value or "")


def _vn(iso: str) -> str:
    try:
        return format_vn_date(date.fromisoformat(iso))
    except ValueError:
        return ""


def _first_day(entry: CatalogueEntry) -> date | None:
    for value in (entry.date_in_force, entry.date_issued):
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            continue
    return None


def _same_number(a: str, b: str) -> bool:
    key = lambda n: n.upper().replace(" ", "").replace("Đ", "D")  # noqa: E731
    return key(a) == key(b)


def _names(entry: CatalogueEntry, value: str) -> bool:
    return bool(entry.number) and any(_same_number(entry.number, n) for n in related_numbers(value))


# ---------------------------------------------------------------- relations

def successors(entry: CatalogueEntry, catalogue: Catalogue) -> list[CatalogueEntry]:
    """Texts that replace `entry`: named in its `replaced_by`, or naming it in their `replaces`."""
    found = [catalogue.find_by_number(n) for n in related_numbers(entry.replaced_by)]
    found += [e for e in catalogue.entries() if _names(entry, e.replaces)]
    unique = {e.doc_id: e for e in found if e is not None and e.doc_id != entry.doc_id}
    return sorted(unique.values(), key=lambda e: _first_day(e) or date.max)


def replacement_chain(entry: CatalogueEntry, catalogue: Catalogue) -> list[CatalogueEntry]:
    """The texts that replaced `entry`, each the first successor of the one before (NĐ 91/2017 → 98/2023 →
    152/2025)."""
    chain, current, seen = [], entry, {entry.doc_id}
    while nexts := [e for e in successors(current, catalogue) if e.doc_id not in seen]:
        current = nexts[0]
        seen.add(current.doc_id)
        chain.append(current)
    return chain


def latest_successor(entry: CatalogueEntry, catalogue: Catalogue) -> CatalogueEntry:
    """The last stored text of `entry`'s replacement chain, `entry` itself when nothing stored replaces it."""
    return next((e for e in reversed(replacement_chain(entry, catalogue)) if e.file), entry)


def successor_in_force(entry: CatalogueEntry, day: date, catalogue: Catalogue) -> CatalogueEntry | None:
    """The text in force on `day` at the end of `entry`'s replacement chain (None if the chain ends earlier)."""
    return next((e for e in reversed(replacement_chain(entry, catalogue)) if e.in_force_on(day) is not False), None)


def amendments(entry: CatalogueEntry, catalogue: Catalogue) -> list[CatalogueEntry]:
    return sorted((e for e in catalogue.entries() if _names(entry, e.amends)),
                  key=lambda e: _first_day(e) or date.max)


# ---------------------------------------------------------------- notes

def _missing(entry: CatalogueEntry) -> str:
    return "" if entry.has_text else f"; văn bản {'sửa đổi ' if entry.amends else ''}{MISSING_TEXT}"


def amendment_note(entry: CatalogueEntry, amending: CatalogueEntry, day: date) -> str:
    start = _first_day(amending)
    when = f"hiệu lực {_vn(amending.date_in_force)}" if amending.date_in_force else f"ban hành {_vn(amending.date_issued)}"
    if start and day < start:
        text = f"Lưu ý: {entry.label} sẽ được sửa đổi, bổ sung bởi {amending.label} ({when})"
    else:
        text = f"Lưu ý: {entry.label} đã được sửa đổi, bổ sung bởi {amending.label} ({when})"
    text += _missing(amending)
    if amending.known_changes:
        text += f". Những nội dung được biết là đã thay đổi (theo nguồn thứ cấp, chưa đối chiếu văn bản): {amending.known_changes}"
    return text + ". Cần đối chiếu quy định đã sửa đổi trước khi áp dụng."


def replacement_note(entry: CatalogueEntry, successor: CatalogueEntry, day: date) -> str:
    issued = f"ban hành {_vn(successor.date_issued)}" if successor.date_issued else ""
    in_force = f"hiệu lực {_vn(successor.date_in_force)}" if successor.date_in_force else ""
    dates = ", ".join(p for p in (issued, in_force) if p)
    text = (f"Lưu ý: văn bản đang có hiệu lực vào ngày {format_vn_date(day)} thay cho {entry.label} là "
            f"{successor.label}" + (f" ({dates})" if dates else ""))
    if not successor.has_text:
        text += f"; văn bản này {MISSING_TEXT}, cần tra cứu toàn văn trước khi áp dụng"
    elif successor.partial:
        text += f"; kho tài liệu chỉ có một phần văn bản này ({successor.partial})"
    return text + "."


def past_rule_note(entry: CatalogueEntry, today: date, catalogue: Catalogue) -> str:
    """For a text cited as the rule of a past date the question names ("quy định mới nhất 2024"), ended today:
    when it ended, and the text in force today at the end of its chain."""
    text = f"Lưu ý: {entry.label} là quy định áp dụng vào thời điểm câu hỏi nêu; văn bản này {entry.status(today)}"
    successor = successor_in_force(entry, today, catalogue)
    if successor is not None and successor.label not in text:
        text += f"; văn bản đang có hiệu lực ngày {format_vn_date(today)} là {successor.label}"
    return text + "."


def law_state_notes(doc_ids: Iterable[str], day: date, catalogue: Catalogue) -> list[str]:
    """Notes for the texts cited on `day`: amended (in force or soon), replaced (and by what, at the end of the chain)."""
    notes: list[str] = []
    for doc_id in dict.fromkeys(doc_ids):
        entry = catalogue.get(doc_id)
        if entry is None:
            continue
        if entry.in_force_on(day) is False:
            successor = successor_in_force(entry, day, catalogue)
            if successor is not None:
                notes.append(replacement_note(entry, successor, day))
            continue
        for amending in amendments(entry, catalogue):
            if amending.in_force_on(day) is not False or (amending.date_issued and amending.date_issued <= day.isoformat()):
                notes.append(amendment_note(entry, amending, day))
    return list(dict.fromkeys(notes))


def previous_rule_note(doc_id: str, day: date, catalogue: Catalogue, location: str = "",
                       successor_has_article: bool = False) -> str:
    """For a provision of a repealed text cited on `day`: the text in force, that the knowledge base lacks
    the corresponding article, and that what follows is the previous rule. "" when the text is in force."""
    entry = catalogue.get(doc_id)
    if entry is None or entry.in_force_on(day) is not False or not entry.valid_until:
        return ""
    successor = successor_in_force(entry, day, catalogue)
    if successor is None or successor_has_article:
        return ""
    ended = format_vn_date(date.fromisoformat(entry.valid_until) + timedelta(days=1))
    unit = "điều" if location.startswith("Điều") else "quy định"
    return (f"{entry.type_name or 'Văn bản'} đang có hiệu lực là {successor.label}; {unit} này {MISSING_TEXT}; "
            f"dưới đây là quy định trước đây của {entry.label} (hết hiệu lực từ {ended})")


def citation_notes(citations, day: date, catalogue: Catalogue) -> list[str]:
    """Notes for an answer's citations (objects with `doc_id` and `location`) on the reference date:
    a provision of a repealed text shown as the previous rule, then `law_state_notes`."""
    cited = [c.doc_id for c in citations]
    notes, explained = [], set()
    for citation in citations:
        entry = catalogue.get(citation.doc_id)
        successor = successor_in_force(entry, day, catalogue) if entry else None
        has_article = successor is not None and any(
            c.doc_id == successor.doc_id and c.location.startswith("Điều") and not getattr(c, "summary", False)
            for c in citations)
        note = previous_rule_note(citation.doc_id, day, catalogue, citation.location, has_article)
        if note and citation.doc_id not in explained:
            explained.add(citation.doc_id)
            notes.append(f"Lưu ý: {note}.")
    rest = [doc_id for doc_id in cited if doc_id not in explained]
    return notes + law_state_notes(rest, day, catalogue)

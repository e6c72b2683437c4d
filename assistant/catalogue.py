"""The catalogue of documents: one row per file, filled by the parser and correctable by a person.

It is the single source of validity facts: which text is in force on which
date, and which text replaced it. Stored as CSV (UTF-8) so that it opens in a
spreadsheet.
"""
from __future__ import annotations

import csv
import re
import threading
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path

from documents.parse import document_types
from documents.text import format_vn_date

# Normative legal texts (Luật, Nghị định, Thông tư): validity periods and replacements apply.
NORMATIVE_TYPES = frozenset(t.code for t in document_types() if t.normative)
_RULE_NUMBER = re.compile(r"\d+/(19|20)\d\d/")
# "Ban hành Quy chế xét chọn …", "Ban hành Quy định về công tác thi đua …": a decision issuing standing rules
_ISSUES_STANDING_RULES = re.compile(r"^\W*ban hành (?:kèm theo )?(?:quy chế|quy định)\b", re.IGNORECASE)
_REPLACEMENT_NUMBER = re.compile(r"\d+/(?:19|20)\d\d/[^\s,;]+")


@dataclass
class CatalogueEntry:
    doc_id: str
    file: str
    number: str = ""
    doc_type: str = ""
    type_name: str = ""
    title: str = ""
    issuer: str = ""
    place: str = ""
    date_issued: str = ""  # ISO dates throughout
    date_in_force: str = ""
    valid_until: str = ""  # last day in force; empty while in force
    replaced_by: str = ""
    partial: str = ""  # what a partial text holds, when it is partial
    source: str = ""
    note: str = ""
    # Relations, as numbers ("06/2022/QH15"; several separated by ";"):
    amends: str = ""  # the text this one amends, from this one's date_in_force
    replaces: str = ""  # the texts this one replaces
    guides: str = ""  # the texts this one details or guides
    ocr: str = ""  # "1" when the stored text is an OCR transcript (quotes must be checked)
    known_changes: str = ""  # what is known to have changed, for an amending text without its body
    superseded_by: str = ""  # id of the newer version that replaced this document (the row is history)
    symbol: str = ""  # the ký hiệu after the sequence ("KH-UBND"), kept when the number is blank
    superior: str = ""  # the body above the issuer in the header ("UBND tỉnh Thái Bình")

    def __post_init__(self) -> None:
        if self.number.startswith("/"):  # "Số: /KH-UBND": no sequence, only a symbol
            self.number, self.symbol = "", self.symbol or self.number[1:]

    @property
    def shown_number(self) -> str:
        """"01/KH-UBND", or "…/KH-UBND" when the document leaves the sequence blank."""
        return self.number or (f"…/{self.symbol}" if self.symbol else "")

    @property
    def label(self) -> str:
        return f"{self.type_name} {self.shown_number}".strip() or self.doc_id

    @property
    def has_text(self) -> bool:
        """False for a row known from evidence only: the text itself is not in the knowledge base."""
        return bool(self.file)

    @property
    def is_ocr(self) -> bool:
        return self.ocr.strip().lower() in {"1", "true", "x", "có"}

    @property
    def is_normative(self) -> bool:
        """A law, decree or circular (not an agency's plan, decision or letter)."""
        return self.doc_type in NORMATIVE_TYPES

    @property
    def sets_rules(self) -> bool:
        """A law, decree or circular, or a decision numbered as a legal normative text ("71/2025/QĐ-UBND": the
        year inside the number; an individual decision is "4036/QĐ-ĐHĐN"), or a decision issuing a quy chế or quy
        định that applies year after year ("Nhà giáo tiêu biểu … năm 2026 có xét không" under the 2024 quy chế): the
        years a question names are the date whose rules apply, not words its text must hold."""
        return (self.is_normative or bool(_RULE_NUMBER.match(self.number))
                or bool(_ISSUES_STANDING_RULES.match(self.title)))

    @property
    def year(self) -> int | None:
        for value in (self.date_issued, self.date_in_force):
            if value[:4].isdigit():
                return int(value[:4])
        return None

    def in_force_on(self, day: date) -> bool | None:
        """True/False for texts with known dates; None when the catalogue does not know."""
        start = _parse_iso(self.date_in_force) or _parse_iso(self.date_issued)
        end = _parse_iso(self.valid_until)
        if start is None and end is None:
            return None
        if start and day < start:
            return False
        return not (end and day > end)

    def status(self, day: date | None = None) -> str:
        """Vietnamese validity status, e.g. "hết hiệu lực từ 01/7/2025, thay bằng Nghị định 152/2025/NĐ-CP"."""
        day = day or date.today()
        end = _parse_iso(self.valid_until)
        start = _parse_iso(self.date_in_force)
        if end and day > end:
            text = f"hết hiệu lực từ {format_vn_date(date.fromordinal(end.toordinal() + 1))}"
            return text + (f", thay bằng {self.replaced_by}" if self.replaced_by else "")
        if start and day < start:
            return f"chưa có hiệu lực (có hiệu lực từ {format_vn_date(start)})"
        if start or self.doc_type in NORMATIVE_TYPES:
            return "còn hiệu lực"
        return "chưa rõ hiệu lực"


def _parse_iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None



FIELDS = [f.name for f in fields(CatalogueEntry)]


def read_catalogue_csv(path: Path) -> dict[str, CatalogueEntry]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {row["doc_id"]: CatalogueEntry(**{k: row.get(k) or "" for k in FIELDS}) for row in rows}


def write_catalogue_csv(path: Path, entries: list[CatalogueEntry]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        for entry in sorted(entries, key=lambda e: e.file):
            writer.writerow(asdict(entry))
    tmp.replace(path)


class Catalogue:
    """Rows keyed by doc_id; safe to share between threads.

    The shipped catalogue (`knowledge/catalogue.csv`) is read-only here; rows of
    the user's own documents and the user's corrections go to a second CSV in the
    data folder, whose rows win.
    """

    def __init__(self, path: Path, shipped: Path | None = None):
        self.path = Path(path)
        self._shipped = read_catalogue_csv(Path(shipped)) if shipped else {}
        self._lock = threading.Lock()
        self._entries: dict[str, CatalogueEntry] = {}
        self._mtime = None
        self.reload()

    def reload(self) -> None:
        mtime = self.path.stat().st_mtime if self.path.exists() else None
        if mtime == self._mtime and self._entries:
            return
        own = read_catalogue_csv(self.path)
        self._own_ids = set(own)
        self._entries = {**self._shipped, **own}
        self._mtime = mtime

    def get(self, doc_id: str) -> CatalogueEntry | None:
        return self._entries.get(doc_id)

    def is_normative(self, doc_id: str) -> bool:
        """The document is a law, decree or circular (False for one the catalogue does not know)."""
        entry = self.get(doc_id)
        return entry is not None and entry.is_normative

    def sets_rules(self, doc_id: str) -> bool:
        """See `CatalogueEntry.sets_rules` (False for a document the catalogue does not know)."""
        entry = self.get(doc_id)
        return entry is not None and entry.sets_rules

    def entries(self) -> list[CatalogueEntry]:
        """Rows of the current documents (replaced versions are history, see `history`)."""
        return [e for e in self._entries.values() if not e.superseded_by]

    def history(self) -> list[CatalogueEntry]:
        """Rows of documents replaced by a newer version."""
        return [e for e in self._entries.values() if e.superseded_by]

    def is_shipped(self, doc_id: str) -> bool:
        return doc_id in self._shipped

    def shipped_by_number(self, number: str) -> CatalogueEntry | None:
        wanted = _number_key(number)
        return next((e for e in self._shipped.values() if e.number and _number_key(e.number) == wanted), None)

    def upsert(self, entry: CatalogueEntry, overwrite: bool = False) -> CatalogueEntry:
        """Add a row; an existing row wins unless `overwrite`, so a person's corrections stay."""
        with self._lock:
            existing = self._entries.get(entry.doc_id)
            if existing and not overwrite:
                if (existing.file, existing.superseded_by) != (entry.file, entry.superseded_by):
                    existing.file, existing.superseded_by = entry.file, entry.superseded_by
                    self._own_ids.add(entry.doc_id)
                    self._save()
                return existing
            self._entries[entry.doc_id] = entry
            self._own_ids.add(entry.doc_id)
            self._save()
            return entry

    def remove(self, doc_id: str) -> None:
        with self._lock:
            self._own_ids.discard(doc_id)
            if doc_id not in self._shipped and self._entries.pop(doc_id, None):
                self._save()

    def supersede(self, doc_id: str, new_id: str, day: str) -> None:
        """Keep the row of a replaced document as history, naming its successor."""
        with self._lock:
            entry = self._entries.get(doc_id) or CatalogueEntry(doc_id=doc_id, file="")
            entry.superseded_by = new_id
            note = f"đã được thay bằng tài liệu {new_id} ngày {day}"
            entry.note = f"{entry.note}; {note}" if entry.note else note
            self._entries[doc_id] = entry
            self._own_ids.add(doc_id)
            self._save()

    def stored_replacement(self, entry: CatalogueEntry) -> str | None:
        """The id of the stored text that replaced `entry` (the 2025 decree is stored; the circular that replaced
        Thông tư 01/2024 is known only by its number: None)."""
        number = _REPLACEMENT_NUMBER.search(entry.replaced_by or "")
        found = self.find_by_number(number.group(0)) if number else None
        return found.doc_id if found is not None and found.file else None

    def find_by_number(self, number: str) -> CatalogueEntry | None:
        wanted = _number_key(number)
        return next((e for e in self.entries() if e.number and _number_key(e.number) == wanted), None)

    def _save(self) -> None:
        own = [self._entries[doc_id] for doc_id in self._own_ids if doc_id in self._entries]
        write_catalogue_csv(self.path, own)
        self._mtime = self.path.stat().st_mtime


def _number_key(number: str) -> str:
    return number.upper().replace(" ", "").replace("Đ", "D")

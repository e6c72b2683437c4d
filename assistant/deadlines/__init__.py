"""Deadlines and responsibilities register (issue 5).

Every task a plan assigns — what, who leads, who executes, who co-operates, by
when, from which document and where in it — extracted at ingest time (the
register is an ingest hook) and queried by date range, unit, document and
status. Public surface:

* `DeadlineRecord` — one task (see `records.py`);
* `extract_deadlines(parsed, doc_id, source)` — a parsed document → records;
* `DeadlineRegister(path, catalogue)` — the SQLite register: the hook methods
  `needs`, `document_indexed`, `document_removed`, and `records_for`, `query`.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from assistant.deadlines.extract import EXTRACTOR_VERSION, extract_deadlines
from assistant.deadlines.records import DeadlineRecord
from assistant.deadlines.store import RecordStore
from assistant.deadlines.units import unit_matches
from documents.text import fold_accents

__all__ = ["DeadlineRecord", "DeadlineRegister", "extract_deadlines", "STATUSES"]

STATUSES = ("upcoming", "overdue")


class DeadlineRegister:
    def __init__(self, path: Path, catalogue=None):
        self.path = Path(path)
        self.catalogue = catalogue
        self.store = RecordStore(self.path)

    # ------------------------------------------------------------ ingest hook

    def needs(self, doc_id: str, sha256: str) -> bool:
        """True when the register lacks this document at this content, or was built by an older extractor."""
        return self.store.document_state(doc_id) != (sha256, EXTRACTOR_VERSION)

    def document_indexed(self, doc_id: str, sha256: str, parsed, source: str) -> None:
        self.store.replace(doc_id, sha256, EXTRACTOR_VERSION, source, extract_deadlines(parsed, doc_id, source))

    def document_removed(self, doc_id: str) -> None:
        self.store.remove(doc_id)

    # ------------------------------------------------------------ queries

    def documents(self) -> list[str]:
        return self.store.documents()

    def records_for(self, doc_id: str, location: str | None = None) -> list[DeadlineRecord]:
        """The records of one document; with `location`, those at or under it ("PHỤ LỤC › Quý II")."""
        records = self.store.records(doc_id=doc_id)
        if location:
            records = [r for r in records if _under(r.location, location)]
        return records

    def query(self, date_from: date | None = None, date_to: date | None = None, unit: str | None = None,
              doc: str | None = None, status: str | None = None, today: date | None = None,
              include_undated: bool | None = None, overlap: bool = False) -> list[DeadlineRecord]:
        """Records filtered by every given criterion.

        Dates: a record is in [date_from, date_to] when its due end is (with
        `overlap`, when its period overlaps the range: "đang thực hiện trong tháng 4").
        `status`: "overdue" = due end before `today`, "upcoming" = on or after it.
        Undated records are kept only when no date or status filter is given
        (or `include_undated` is True).
        """
        if status is not None and status not in STATUSES:
            raise ValueError(f"trạng thái không hợp lệ: {status}")
        dated_only = bool(date_from or date_to or status)
        keep_undated = include_undated if include_undated is not None else not dated_only
        if overlap:
            records = self.store.records(due_from=date_from.isoformat() if date_from else None)
        else:
            records = self.store.records(due_from=date_from.isoformat() if date_from else None,
                                         due_to=date_to.isoformat() if date_to else None)
        if keep_undated and dated_only:
            records += [r for r in self.store.records() if r.undated]
        out = []
        for record in records:
            if overlap and date_to and record.due_end and (record.due_start or record.due_end) > date_to.isoformat():
                continue
            if doc and not _doc_matches(doc, record):
                continue
            if unit and not any(unit_matches(unit, name) for name in record.all_units):
                continue
            if status and not _status_matches(status, record, today or date.today()):
                continue
            out.append(record)
        out.sort(key=lambda r: (r.due_end or "9999-12-31", r.doc_id, r.order))
        return out


def _under(location: str, wanted: str) -> bool:
    """Whole path elements: "PHỤ LỤC › Quý II" holds "… › Quý II › mục 16", not "… › Quý III › …"."""
    parts = [fold_accents(p).strip() for p in re.split(r"\s*[›,]\s*", location)]
    wanted_parts = [fold_accents(p).strip() for p in re.split(r"\s*[›,]\s*", wanted)]
    size = len(wanted_parts)
    return any(parts[i:i + size] == wanted_parts for i in range(len(parts) - size + 1))


def _doc_matches(doc: str, record: DeadlineRecord) -> bool:
    wanted = fold_accents(doc).replace(" ", "")
    return any(wanted in fold_accents(value).replace(" ", "") for value in (record.doc_id, record.doc_number, record.source))


def _status_matches(status: str, record: DeadlineRecord, today: date) -> bool:
    if record.due_end is None:
        return False
    overdue = record.due_end < today.isoformat()
    return overdue if status == "overdue" else not overdue

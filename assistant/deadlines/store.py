"""The register on disk: one SQLite file, records replaced document by document.

Thread-safe: one lock around every connection use; each document is replaced
in a single transaction, so a reader never sees half a document.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

from assistant.deadlines.records import DeadlineRecord

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    extractor TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
    doc_id TEXT NOT NULL,
    ord INTEGER NOT NULL,
    due_start TEXT,
    due_end TEXT,
    undated INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (doc_id, ord)
);
CREATE INDEX IF NOT EXISTS records_due ON records (due_end);
"""


class RecordStore:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.RLock()
        self._ready = False

    @contextmanager
    def _connect(self):
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, check_same_thread=False)
            try:
                if not self._ready:
                    connection.executescript(_SCHEMA)
                    self._ready = True
                yield connection
                connection.commit()
            finally:
                connection.close()

    def document_state(self, doc_id: str) -> tuple[str, str] | None:
        """(sha256, extractor version) of a stored document, or None."""
        with self._connect() as db:
            row = db.execute("SELECT sha256, extractor FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def replace(self, doc_id: str, sha256: str, extractor: str, source: str, records: list[DeadlineRecord]) -> None:
        with self._connect() as db:
            db.execute("DELETE FROM records WHERE doc_id = ?", (doc_id,))
            db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?)", (doc_id, sha256, extractor, source))
            db.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?)",
                           [(doc_id, r.order, r.due_start, r.due_end, int(r.undated), json.dumps(r.as_dict(), ensure_ascii=False))
                            for r in records])

    def remove(self, doc_id: str) -> None:
        with self._connect() as db:
            db.execute("DELETE FROM records WHERE doc_id = ?", (doc_id,))
            db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    def records(self, doc_id: str | None = None, due_from: str | None = None, due_to: str | None = None) -> list[DeadlineRecord]:
        """Records in document order; with a date bound, only dated records whose due end is inside."""
        clauses, params = [], []
        if doc_id is not None:
            clauses.append("doc_id = ?")
            params.append(doc_id)
        if due_from:
            clauses.append("due_end >= ?")
            params.append(due_from)
        if due_to:
            clauses.append("due_end <= ?")
            params.append(due_to)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._connect() as db:
            rows = db.execute(f"SELECT data FROM records {where} ORDER BY doc_id, ord", params).fetchall()
        return [DeadlineRecord.from_dict(json.loads(row[0])) for row in rows]

    def documents(self) -> list[str]:
        with self._connect() as db:
            return [row[0] for row in db.execute("SELECT doc_id FROM documents ORDER BY doc_id")]

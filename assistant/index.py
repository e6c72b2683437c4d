"""The knowledge index: one folder holding a chunk store, its lexical index and a Chroma collection.

* `chunks.sqlite` is the source of truth for chunks: text, place in the
  document, word tokens. Each document is written in one transaction together
  with its rows in the lexical index (SQLite FTS5, `assistant/lexical.py`) and
  its diacritics counts (`assistant/diacritics.py`), so the lexical side is never
  half a document, nothing is rebuilt when a document comes or goes, and every
  process sharing the folder sees the change on its next query.
* Chroma holds the vectors. Embedding is slow, so it runs after the lexical
  commit (`embed_pending`), possibly in a background thread: retrieval becomes
  hybrid for a document as soon as its vectors land. Chunk ids are content
  hashes, so a re-run after an interruption upserts, never duplicates.
* With `CHROMA_HOST` set, the collection lives on a Chroma server shared by
  several instances; each instance re-reads the collection into its local
  chunk store on start and whenever another instance changed it.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Callable, Iterable

from filelock import FileLock
from langchain_core.embeddings import Embeddings

from assistant import lexical
from assistant.lexical import SearchFilter
from assistant.config import Settings
from assistant.diacritics import StoredDiacritics
from assistant.embeddings import embedding_name
from assistant.priority import QueryGate
from documents.text import fold_accents, syllable_tokenize, word_tokenize

QUERY_VECTORS_KEPT = 256  # the embeddings of the latest query texts (oldest dropped first)

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, path TEXT, sha256 TEXT, n_chunks INTEGER, ingested_at REAL, meta TEXT);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, doc_id TEXT, ord INTEGER, text TEXT, body TEXT, location TEXT,
    page INTEGER, kind TEXT, tokens TEXT, folded TEXT, meta TEXT, embedded INTEGER DEFAULT 0);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks(doc_id);
CREATE INDEX IF NOT EXISTS chunks_by_embedded ON chunks(embedded);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT);
"""


@dataclass
class StoredChunk:
    chunk_id: str
    doc_id: str
    ord: int
    text: str
    body: str
    location: str
    page: int | None
    kind: str
    meta: dict = field(default_factory=dict)


@dataclass
class StoredDocument:
    doc_id: str
    path: str
    sha256: str
    n_chunks: int
    n_embedded: int
    meta: dict


def folded_tokens(text: str) -> list[str]:
    """Accent-free syllables and syllable pairs: "thi dua" and "thi đua" meet here."""
    syllables = [fold_accents(s) for s in syllable_tokenize(text)]
    return syllables + [f"{a}_{b}" for a, b in zip(syllables, syllables[1:])]


def dense_text(chunk_text: str) -> str:
    """What the dense model reads: the document's short label, the path and the body.

    The full heading (issuer, title) stays out: it is the same for every chunk of a
    document, costs embedding time, and BM25 already matches it.
    """
    heading, _, rest = chunk_text.partition("\n")
    return heading.split(" – ", 1)[0] + "\n" + rest


class KnowledgeIndex:
    def __init__(self, settings: Settings, embeddings: Embeddings):
        self.settings = settings
        self.embeddings = embeddings
        self.dir = settings.index_dir
        self.dir.mkdir(parents=True, exist_ok=True)
        self._db_path = self.dir / "chunks.sqlite"
        self._local = threading.local()
        self._thread_lock = threading.RLock()
        self._file_lock = FileLock(str(self.dir / ".write.lock"), thread_local=False)
        self.queries = QueryGate()  # answers in progress: background embedding waits for them
        self._diacritics = StoredDiacritics(self._db)
        self._collection = None
        self._client = None
        self._server_version: str | None = None
        self._server_checked = 0.0
        self._query_vectors: dict[str, list[float]] = {}
        self._vectors_lock = threading.Lock()
        self._init_db()

    # ------------------------------------------------------------ storage

    def _db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self._db_path, timeout=60, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA recursive_triggers=ON")  # INSERT OR REPLACE also clears the lexical rows
            self._local.conn = conn
        return conn

    def _init_db(self) -> None:
        with self.write_lock():
            self._db().executescript(SCHEMA)
            stored = self._state("embedding")
            current = embedding_name(self.settings)
            if stored and stored != current:
                raise RuntimeError(
                    f"Chỉ mục trong {self.dir} được tạo bằng mô hình nhúng “{stored}”, khác với “{current}” đang cấu hình. "
                    "Hãy xóa thư mục chỉ mục hoặc chọn lại mô hình cũ."
                )
            self._set_state("embedding", current)
            self._install_lexical()

    def _install_lexical(self) -> None:
        """FTS5 tables and diacritics counts; a store from before them is indexed once, here."""
        db = self._db()
        StoredDiacritics.install(db)
        db.executescript(lexical.SCHEMA)
        stored = self._state("lexical")
        if stored == lexical.SCHEMA_VERSION:
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            if stored != lexical.TERMS_ONLY_MISSING:
                lexical.reindex(db)
            for table in ("diacritic_forms", "diacritic_pairs", "lex_terms"):
                db.execute(f"DELETE FROM {table}")
            self._count_rows(db, "1", (), 1)
            self._set_state("lexical", lexical.SCHEMA_VERSION)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _state(self, key: str) -> str | None:
        row = self._db().execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def _set_state(self, key: str, value: str) -> None:
        self._db().execute("INSERT OR REPLACE INTO state(key, value) VALUES(?, ?)", (key, value))

    def write_lock(self):
        """Serialises writers across threads and processes; readers never wait."""
        index = self

        class _Both:
            def __enter__(self):
                index._thread_lock.acquire()
                index._file_lock.acquire()

            def __exit__(self, *exc):
                index._file_lock.release()
                index._thread_lock.release()

        return _Both()

    # ------------------------------------------------------------ documents

    def document(self, doc_id: str) -> StoredDocument | None:
        docs = self._documents("WHERE d.doc_id=?", (doc_id,))
        return docs[0] if docs else None

    def documents(self) -> list[StoredDocument]:
        return self._documents("", ())

    def _documents(self, where: str, args: tuple) -> list[StoredDocument]:
        self.refresh_from_server()
        rows = self._db().execute(
            "SELECT d.doc_id, d.path, d.sha256, d.n_chunks, d.meta, "
            "(SELECT COUNT(*) FROM chunks c WHERE c.doc_id=d.doc_id AND c.embedded=1) "
            f"FROM documents d {where} ORDER BY d.doc_id",
            args,
        ).fetchall()
        return [StoredDocument(r[0], r[1], r[2], r[3], r[5], json.loads(r[4] or "{}")) for r in rows]

    def put_document(self, doc_id: str, path: str, sha256: str, meta: dict, chunks: list[StoredChunk]) -> None:
        """Replace a document's chunks in one transaction (the lexical side is then searchable)."""
        with self.write_lock():
            db = self._db()
            old_ids = [r[0] for r in db.execute("SELECT chunk_id FROM chunks WHERE doc_id=?", (doc_id,))]
            embedded = {r[0] for r in db.execute("SELECT chunk_id FROM chunks WHERE doc_id=? AND embedded=1", (doc_id,))}
            new_ids = {c.chunk_id for c in chunks}
            db.execute("BEGIN IMMEDIATE")
            try:
                self._count_rows(db, "doc_id=?", (doc_id,), -1)
                db.execute("DELETE FROM chunks WHERE doc_id=?", (doc_id,))
                db.executemany(
                    "INSERT INTO chunks(chunk_id, doc_id, ord, text, body, location, page, kind, tokens, folded, meta, embedded) "
                    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
                    [self._chunk_row(c) + (int(c.chunk_id in embedded),) for c in chunks],
                )
                self._count_rows(db, "doc_id=?", (doc_id,), 1)
                db.execute(
                    "INSERT OR REPLACE INTO documents(doc_id, path, sha256, n_chunks, ingested_at, meta) VALUES(?,?,?,?,?,?)",
                    (doc_id, path, sha256, len(chunks), time.time(), json.dumps(meta, ensure_ascii=False)),
                )
                self._set_state("version", uuid.uuid4().hex)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            stale = [cid for cid in old_ids if cid not in new_ids]
            if stale:
                self._delete_vectors(ids=stale)

    @staticmethod
    def _count_rows(db: sqlite3.Connection, where: str, args: tuple | list, sign: int) -> None:
        """Add (1) or take away (-1) these chunks' diacritics and term counts; called in the writer's transaction."""
        rows = db.execute(f"SELECT text, tokens, folded FROM chunks WHERE {where}", args).fetchall()
        StoredDiacritics.add(db, [r[0] for r in rows], sign)
        lexical.count_terms(db, [(r[1], r[2]) for r in rows], sign)

    @staticmethod
    def _chunk_row(c: StoredChunk) -> tuple:
        tokens = lexical.encode_tokens(word_tokenize(c.text))
        folded = lexical.encode_tokens(folded_tokens(c.text))
        return (c.chunk_id, c.doc_id, c.ord, c.text, c.body, c.location, c.page, c.kind, tokens, folded,
                json.dumps(c.meta, ensure_ascii=False))

    def remove_document(self, doc_id: str) -> bool:
        with self.write_lock():
            db = self._db()
            db.execute("BEGIN IMMEDIATE")
            found = db.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,)).rowcount > 0
            self._count_rows(db, "doc_id=?", (doc_id,), -1)
            db.execute("DELETE FROM chunks WHERE doc_id=?", (doc_id,))
            self._set_state("version", uuid.uuid4().hex)
            db.execute("COMMIT")
            self._delete_vectors(where={"doc_id": doc_id})
        return found

    def chunks(self, chunk_ids: Iterable[str]) -> dict[str, StoredChunk]:
        ids = list(chunk_ids)
        if not ids:
            return {}
        rows = self._db().execute(
            "SELECT chunk_id, doc_id, ord, text, body, location, page, kind, meta FROM chunks WHERE chunk_id IN (%s)"
            % ",".join("?" * len(ids)),
            ids,
        ).fetchall()
        return {r[0]: StoredChunk(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], json.loads(r[8] or "{}")) for r in rows}

    def doc_chunks(self, doc_id: str) -> list[StoredChunk]:
        ids = [r[0] for r in self._db().execute("SELECT chunk_id FROM chunks WHERE doc_id=? ORDER BY ord", (doc_id,))]
        found = self.chunks(ids)
        return [found[i] for i in ids]

    def texts(self) -> Iterable[str]:
        """Every chunk's text, for models learned from the corpus."""
        for (text,) in self._db().execute("SELECT text FROM chunks"):
            yield text

    def counts(self) -> dict[str, int]:
        db = self._db()
        return {
            "documents": db.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
            "chunks": db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0],
            "embedded": db.execute("SELECT COUNT(*) FROM chunks WHERE embedded=1").fetchone()[0],
        }

    # ------------------------------------------------------------ vectors

    def _chroma(self):
        if self._collection is None:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
            if self.settings.chroma_host:
                client = chromadb.HttpClient(host=self.settings.chroma_host, port=self.settings.chroma_port, settings=chroma_settings)
            else:
                client = chromadb.PersistentClient(path=str(self.dir / "chroma"), settings=chroma_settings)
            self._client = client
            self._collection = client.get_or_create_collection(
                self.settings.collection, metadata={"hnsw:space": "cosine", "embedding": embedding_name(self.settings)}
            )
        return self._collection

    def _delete_vectors(self, ids: list[str] | None = None, where: dict | None = None) -> None:
        try:
            self._chroma().delete(ids=ids, where=where)
            self._mark_server_changed()
        except Exception:  # a stale vector is harmless: search joins on the chunk store
            pass

    def pending_count(self) -> int:
        return self._db().execute("SELECT COUNT(*) FROM chunks WHERE embedded=0").fetchone()[0]

    def embed_pending(self, progress: Callable[[int, int], None] | None = None, batch_size: int | None = None,
                      stop: threading.Event | None = None) -> int:
        """Embed every chunk without a vector; safe to interrupt and to run twice."""
        batch_size = batch_size or self.settings.embedding_batch_size
        total = self.pending_count()
        done = 0
        while not (stop and stop.is_set()):
            rows = self._db().execute(
                "SELECT chunk_id, doc_id, text, location, page, kind, ord, meta FROM chunks WHERE embedded=0 "
                "ORDER BY doc_id, ord LIMIT ?",
                (batch_size,),
            ).fetchall()
            if not rows:
                break
            vectors = []
            for row in rows:  # one text at a time, each after any question being answered
                self.queries.wait_idle()
                if stop and stop.is_set():
                    break
                vectors += self.embeddings.embed_documents([dense_text(row[2])])
            rows = rows[:len(vectors)]
            with self.write_lock():
                current = {r[0] for r in self._db().execute(
                    "SELECT chunk_id FROM chunks WHERE chunk_id IN (%s)" % ",".join("?" * len(rows)), [r[0] for r in rows])}
                keep = [(r, v) for r, v in zip(rows, vectors) if r[0] in current]
                if keep:
                    self._chroma().upsert(
                        ids=[r[0] for r, _ in keep],
                        embeddings=[v for _, v in keep],
                        documents=[r[2] for r, _ in keep],
                        metadatas=[self._vector_meta(r) for r, _ in keep],
                    )
                    self._db().executemany("UPDATE chunks SET embedded=1 WHERE chunk_id=?", [(r[0],) for r, _ in keep])
                    self._mark_server_changed()
            done += len(rows)
            if progress:
                progress(min(done, total), total)
        return done

    @staticmethod
    def _vector_meta(row: tuple) -> dict:
        meta = json.loads(row[7] or "{}")
        return {
            "doc_id": row[1], "location": row[3] or "", "page": row[4] or 0, "kind": row[5] or "", "ord": row[6],
            "doc_type": meta.get("doc_type", ""), "year": meta.get("year") or 0, "meta": row[7] or "{}",
        }

    def dense_search(self, query: str, k: int, flt: SearchFilter) -> list[tuple[str, float]]:
        if self._db().execute("SELECT 1 FROM chunks WHERE embedded=1 LIMIT 1").fetchone() is None:
            return []
        vector = self._query_vector(query)
        result = self._chroma().query(query_embeddings=[vector], n_results=k, where=_chroma_where(flt), include=["distances"])
        ids, distances = result["ids"][0], result["distances"][0]
        return [(cid, 1.0 - float(dist)) for cid, dist in zip(ids, distances)]

    def _query_vector(self, text: str) -> list[float]:
        """A query's embedding, kept for the next ones: the asks of one message are often searched again with the
        same text, and embedding it is most of an answer's time."""
        with self._vectors_lock:
            vector = self._query_vectors.get(text)
        if vector is None:
            vector = self.embeddings.embed_query(text)
            with self._vectors_lock:
                self._query_vectors[text] = vector
                while len(self._query_vectors) > QUERY_VECTORS_KEPT:
                    self._query_vectors.pop(next(iter(self._query_vectors)))
        return vector

    # ------------------------------------------------------------ lexical

    def document_stamp(self, doc_id: str) -> str:
        """Changes when this document is replaced or removed, and only then (a per-document version)."""
        row = self._db().execute("SELECT sha256, ingested_at FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return f"{row[0]}:{row[1]}" if row else ""

    def version(self) -> str:
        """Changes whenever a document is added, replaced or removed."""
        return self._state("version") or ""

    def lexical_search(self, query: str, k: int, flt: SearchFilter, folded: bool = False) -> list[tuple[str, float]]:
        self.refresh_from_server()
        tokens = folded_tokens(query) if folded else word_tokenize(query)
        return lexical.search(self._db(), tokens, k, flt, folded)

    def idf(self, folded_terms: list[str]) -> dict[str, float]:
        """Inverse document frequency of accent-folded terms (unknown terms get the highest)."""
        return lexical.idf(self._db(), folded_terms)

    def restore_diacritics(self, query: str) -> str:
        """Accent the syllables typed without diacritics, from the corpus' own counts."""
        self.refresh_from_server()
        return self._diacritics.restore(query)

    def answering(self):
        """Context manager around answering a question: background embedding pauses meanwhile."""
        return self.queries.active()

    # ------------------------------------------------------------ server mode

    def _mark_server_changed(self) -> None:
        if self.settings.chroma_host and self._collection is not None:
            version = uuid.uuid4().hex
            metadata = dict(self._collection.metadata or {})
            metadata.pop("hnsw:space", None)
            metadata["version"] = version
            self._collection.modify(metadata=metadata)
            self._server_version = version

    def refresh_from_server(self, force: bool = False) -> None:
        """Server mode: mirror the shared collection into the local chunk store when it changed."""
        if not self.settings.chroma_host:
            return
        now = time.monotonic()
        if not force and now - self._server_checked < self.settings.server_sync_seconds:
            return
        self._server_checked = now
        self._chroma()
        collection = self._client.get_collection(self.settings.collection)  # fresh metadata
        version = (collection.metadata or {}).get("version", "")
        if version and version == self._server_version and not force:
            return
        self._mirror(collection.get(include=["documents", "metadatas"]))
        self._server_version = version

    def _mirror(self, records: dict) -> None:
        by_doc: dict[str, list[StoredChunk]] = {}
        for cid, text, meta in zip(records["ids"], records["documents"], records["metadatas"]):
            extra = json.loads(meta.get("meta") or "{}")
            chunk = StoredChunk(cid, meta["doc_id"], meta.get("ord", 0), text, extra.get("body", text),
                                meta.get("location", ""), meta.get("page") or None, meta.get("kind", ""), extra)
            by_doc.setdefault(chunk.doc_id, []).append(chunk)
        with self.write_lock():
            db = self._db()
            local = {r[0] for r in db.execute("SELECT chunk_id FROM chunks WHERE embedded=1")}
            remote = set(records["ids"])
            if local == remote:
                return
            db.execute("BEGIN IMMEDIATE")
            gone = "embedded=1 AND chunk_id NOT IN (%s)" % ",".join("?" * len(remote))
            self._count_rows(db, gone, list(remote), -1)
            db.execute(f"DELETE FROM chunks WHERE {gone}", list(remote))
            for doc_id, chunks in by_doc.items():
                missing = [c for c in chunks if c.chunk_id not in local]
                ids = [c.chunk_id for c in missing]
                among = "chunk_id IN (%s)" % ",".join("?" * len(ids))
                self._count_rows(db, among, ids, -1)  # rows this instance had before they had vectors
                db.executemany(
                    "INSERT OR REPLACE INTO chunks(chunk_id, doc_id, ord, text, body, location, page, kind, tokens, folded, meta, embedded) "
                    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
                    [self._chunk_row(c) + (1,) for c in missing],
                )
                self._count_rows(db, among, ids, 1)
                meta = chunks[0].meta
                db.execute(
                    "INSERT OR IGNORE INTO documents(doc_id, path, sha256, n_chunks, ingested_at, meta) VALUES(?,?,?,?,?,?)",
                    (doc_id, meta.get("source", ""), meta.get("sha256", ""), len(chunks), time.time(), json.dumps(meta, ensure_ascii=False)),
                )
            db.execute("DELETE FROM documents WHERE doc_id NOT IN (SELECT DISTINCT doc_id FROM chunks)")
            self._set_state("version", uuid.uuid4().hex)
            db.execute("COMMIT")


def _chroma_where(flt: SearchFilter) -> dict | None:
    clauses = []
    if flt.doc_ids:
        clauses.append({"doc_id": {"$in": list(flt.doc_ids)}})
    if flt.doc_types:
        clauses.append({"doc_type": {"$in": list(flt.doc_types)}})
    if flt.year_from:
        clauses.append({"year": {"$gte": flt.year_from}})
    if flt.year_to:
        clauses.append({"year": {"$lte": flt.year_to}})
        clauses.append({"year": {"$gt": 0}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}

"""The lexical index inside the chunk store: two SQLite FTS5 tables ranked by `bm25()`.

* `lex_words` indexes each chunk's pyvi word tokens (`thi_đua`, and its syllables),
  `lex_folded` its accent-folded syllables and syllable pairs (`thi_dua`).
* Triggers on `chunks` keep both tables in step with the chunk rows, inside the
  writer's transaction: adding or removing a document touches only its own rows,
  and every process reading the file sees the change on its next query. Vectors
  landing (`embedded=1`) do not touch the lexical tables at all.
* FTS5's `unicode61` tokenizer splits on punctuation, so every token is stored
  encoded: characters other than letters and digits (`_`, `/`, `.`, `,` …) become
  private-use characters, which `unicode61` keeps inside a token. `thi_đua` and
  `01/kh-ubnd` therefore stay one token each, as they were for BM25 before.
* Ranking: FTS5 picks candidates with its own BM25 over the query's rarer terms
  (`_selective`), which are then rescored with the exact BM25 used before
  (Lucene idf, k1=1.5, b=0.75, all query terms) from the document frequencies
  kept in `lex_terms` and FTS5's token totals, so results do not depend on FTS5's
  fixed k1 and its zero weight for very common terms. The retrieval dev sets
  give the same figures as the former in-memory bm25s index.
"""
from __future__ import annotations

import math
import sqlite3
from collections import Counter
from dataclasses import dataclass


@dataclass
class SearchFilter:
    """Which documents a search may return (lexical and dense alike)."""

    doc_ids: list[str] | None = None
    doc_types: list[str] | None = None
    year_from: int | None = None
    year_to: int | None = None

    def is_empty(self) -> bool:
        return not (self.doc_ids or self.doc_types or self.year_from or self.year_to)


SCHEMA_VERSION = "fts5-2"
TERMS_ONLY_MISSING = "fts5-1"  # a store of that version lacks only `lex_terms`
TOKENIZER = "unicode61 remove_diacritics 0"
K1 = 1.5
B = 0.75
CANDIDATE_FACTOR = 1  # FTS5 candidates fetched per result wanted, before exact rescoring
MIN_CANDIDATES = 80
RARE_SHARE = 0.25  # a term in at most this share of the chunks picks candidates (see `_selective`)
MIN_RARE_TERMS = 2
ROW_BUDGET = 5000  # chunks matched by the candidate-picking terms, summed over terms
_PRIVATE_BASE = 0xE000
_PRIVATE_SPAN = 6400  # U+E000–U+F8FF

TABLES = {False: ("lex_words", "tokens"), True: ("lex_folded", "folded")}

SCHEMA = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS lex_words USING fts5(chunk_id UNINDEXED, tokens, tokenize='{TOKENIZER}');
CREATE VIRTUAL TABLE IF NOT EXISTS lex_folded USING fts5(chunk_id UNINDEXED, folded, tokenize='{TOKENIZER}');
CREATE TABLE IF NOT EXISTS lex_terms (space INTEGER, term TEXT, df INTEGER, PRIMARY KEY (space, term)) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS chunks_lex_insert AFTER INSERT ON chunks BEGIN
    INSERT INTO lex_words(rowid, chunk_id, tokens) VALUES (new.rowid, new.chunk_id, new.tokens);
    INSERT INTO lex_folded(rowid, chunk_id, folded) VALUES (new.rowid, new.chunk_id, new.folded);
END;
CREATE TRIGGER IF NOT EXISTS chunks_lex_delete AFTER DELETE ON chunks BEGIN
    DELETE FROM lex_words WHERE rowid = old.rowid;
    DELETE FROM lex_folded WHERE rowid = old.rowid;
END;
CREATE TRIGGER IF NOT EXISTS chunks_lex_update AFTER UPDATE OF tokens, folded ON chunks BEGIN
    DELETE FROM lex_words WHERE rowid = old.rowid;
    DELETE FROM lex_folded WHERE rowid = old.rowid;
    INSERT INTO lex_words(rowid, chunk_id, tokens) VALUES (new.rowid, new.chunk_id, new.tokens);
    INSERT INTO lex_folded(rowid, chunk_id, folded) VALUES (new.rowid, new.chunk_id, new.folded);
END;
"""


def encode_token(token: str) -> str:
    """One FTS5 token for one of our tokens: non-alphanumerics become private-use letters."""
    if token.isalnum():  # most tokens
        return token
    return "".join(ch if ch.isalnum() or _is_private(ch) else chr(_PRIVATE_BASE + ord(ch) % _PRIVATE_SPAN)
                   for ch in token)


def _is_private(ch: str) -> bool:
    return _PRIVATE_BASE <= ord(ch) < _PRIVATE_BASE + _PRIVATE_SPAN


def encode_tokens(tokens: list[str]) -> str:
    """What the chunk store keeps in `chunks.tokens` / `chunks.folded` and FTS5 indexes."""
    return " ".join(encode_token(t) for t in tokens)


def reindex(db: sqlite3.Connection) -> None:
    """A store from before the FTS5 tables: its tokens re-encoded and indexed, once."""
    rows = db.execute("SELECT rowid, tokens, folded FROM chunks").fetchall()
    db.execute("DELETE FROM lex_words")
    db.execute("DELETE FROM lex_folded")
    db.executemany(  # the update trigger indexes each row
        "UPDATE chunks SET tokens=?, folded=? WHERE rowid=?",
        [(encode_tokens((t or "").split()), encode_tokens((f or "").split()), rowid) for rowid, t, f in rows],
    )


def count_terms(db: sqlite3.Connection, rows: list[tuple[str, str]], sign: int) -> None:
    """Add (sign 1) or take away (-1) the document frequencies of these chunks' (tokens, folded).

    FTS5 can count a term's chunks only by reading its whole posting list
    (fts5vocab), a millisecond per common term at 30,000 chunks; `lex_terms`
    keeps the counts, updated in the writer's transaction.
    """
    counts: Counter = Counter()
    for tokens, folded in rows:
        counts.update((0, term) for term in set((tokens or "").split()))
        counts.update((1, term) for term in set((folded or "").split()))
    db.executemany(
        "INSERT INTO lex_terms(space, term, df) VALUES(?,?,?) ON CONFLICT(space, term) DO UPDATE SET df = df + excluded.df",
        [(space, term, sign * n) for (space, term), n in counts.items()],
    )
    if sign < 0:
        db.executemany("DELETE FROM lex_terms WHERE space=? AND term=? AND df<=0", list(counts))


def document_frequencies(db: sqlite3.Connection, encoded: list[str], folded: bool) -> dict[str, int]:
    terms = sorted(set(encoded))
    if not terms:
        return {}
    rows = db.execute("SELECT term, df FROM lex_terms WHERE space=? AND term IN (%s)" % ",".join("?" * len(terms)),
                      [int(folded), *terms])
    return dict(rows.fetchall())


def _totals(db: sqlite3.Connection, folded: bool) -> tuple[int, float]:
    """Number of chunks and mean tokens per chunk, from FTS5's own counters."""
    table = TABLES[folded][0]
    row = db.execute(f"SELECT block FROM {table}_data WHERE id=1").fetchone()
    if not row or not row[0]:
        return 0, 0.0
    n, total = _read_averages(row[0])
    return n, (total / n if n else 0.0)


def _read_varint(blob: bytes, pos: int) -> tuple[int, int]:
    """SQLite's big-endian varint, as FTS5 stores its averages record."""
    value = 0
    for i in range(9):
        byte = blob[pos + i]
        if i == 8:
            return (value << 8) | byte, pos + 9
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, pos + i + 1
    return value, pos + 9


def _read_averages(blob: bytes) -> tuple[int, int]:
    rows, pos = _read_varint(blob, 0)
    total = 0
    while pos < len(blob):  # one size per column; the UNINDEXED chunk_id column counts 0
        size, pos = _read_varint(blob, pos)
        total += size
    return rows, total


def lucene_idf(n: int, df: int) -> float:
    return math.log((n - df + 0.5) / (df + 0.5) + 1.0)


def idf(db: sqlite3.Connection, folded_terms: list[str]) -> dict[str, float]:
    """Inverse document frequency of accent-folded terms (unknown terms get the highest)."""
    n, _ = _totals(db, True)
    encoded = {term: encode_token(term) for term in folded_terms}
    frequencies = document_frequencies(db, list(encoded.values()), True)
    return {term: lucene_idf(max(n, 1), frequencies.get(code, 0)) for term, code in encoded.items()}


def search(db: sqlite3.Connection, tokens: list[str], k: int, flt: "SearchFilter", folded: bool) -> list[tuple[str, float]]:
    """Top-k chunk ids by BM25 over the word tokens (or the folded syllables)."""
    encoded = [encode_token(t) for t in tokens if t]
    if not encoded or k <= 0:
        return []
    n, avgdl = _totals(db, folded)
    frequencies = document_frequencies(db, encoded, folded)
    weights: dict[str, float] = {}
    for term in encoded:  # a repeated query term counts again, as it did with bm25s
        if term in frequencies:
            weights[term] = weights.get(term, 0.0) + lucene_idf(n, frequencies[term])
    if not weights:
        return []
    # Within a filter (one document, one type) every term picks: the rarer ones may not occur there.
    picking = list(weights) if not flt.is_empty() else _selective(weights, frequencies, n)
    candidates = _candidates(db, picking, max(MIN_CANDIDATES, CANDIDATE_FACTOR * k), flt, folded)
    scored = [(cid, _bm25(text, weights, avgdl)) for cid, text in candidates]
    scored = [item for item in scored if item[1] > 0]
    scored.sort(key=lambda item: -item[1])
    return scored[:k]


def _selective(weights: dict[str, float], frequencies: dict[str, int], n: int) -> list[str]:
    """The query terms that pick candidates: the rarer ones.

    FTS5 spends its time scoring every chunk that matches any term; a common term
    ("năm", "khen_thưởng") matches most of the index and adds little to a rank, so
    it only takes part in the exact rescoring. Chunks that contain none of the
    rarer terms are not candidates. The rarest terms come first, up to a budget of
    matching chunks, so that the cost stays flat as the corpus grows.
    """
    chosen, rows = [], 0
    for term in sorted(weights, key=lambda t: frequencies[t]):
        df = frequencies[term]
        enough = len(chosen) >= MIN_RARE_TERMS
        if enough and (df > n * RARE_SHARE or rows + df > ROW_BUDGET):
            break
        chosen.append(term)
        rows += df
    return chosen


def _bm25(text: str, weights: dict[str, float], avgdl: float) -> float:
    """Lucene BM25 (as bm25s computed it before) of one chunk's space-separated tokens."""
    tokens = text.split()
    counts = Counter(filter(weights.__contains__, tokens))  # only the query's terms are looked up
    norm = K1 * (1 - B + B * len(tokens) / (avgdl or 1.0))
    score = 0.0
    for term, weight in weights.items():
        tf = counts.get(term)
        if tf:
            score += weight * tf / (tf + norm)
    return score


def _candidates(db: sqlite3.Connection, terms: list[str], limit: int, flt: "SearchFilter", folded: bool) -> list[tuple[str, str]]:
    table, column = TABLES[folded]
    match = " OR ".join(f'"{t}"' for t in terms)
    where, args = _filter_sql(flt)
    join = "JOIN chunks c ON c.chunk_id = l.chunk_id" if where else ""
    # Only rowids go through the sort: reading the text of every matching chunk would cost more.
    sql = f"SELECT l.rowid FROM {table} l {join} WHERE {table} MATCH ? {where} ORDER BY bm25({table}) LIMIT ?"
    rowids = [r[0] for r in db.execute(sql, [match, *args, limit])]
    if not rowids:
        return []
    return db.execute(f"SELECT chunk_id, {column} FROM {table} WHERE rowid IN (%s)" % ",".join("?" * len(rowids)),
                      rowids).fetchall()


def _filter_sql(flt: "SearchFilter") -> tuple[str, list]:
    if flt.is_empty():
        return "", []
    clauses, args = [], []
    if flt.doc_ids:
        clauses.append("c.doc_id IN (%s)" % ",".join("?" * len(flt.doc_ids)))
        args += list(flt.doc_ids)
    if flt.doc_types:
        clauses.append("json_extract(c.meta, '$.doc_type') IN (%s)" % ",".join("?" * len(flt.doc_types)))
        args += list(flt.doc_types)
    if flt.year_from:
        clauses.append("COALESCE(json_extract(c.meta, '$.year'), 0) >= ?")
        args.append(flt.year_from)
    if flt.year_to:
        clauses.append("COALESCE(json_extract(c.meta, '$.year'), 0) BETWEEN 1 AND ?")
        args.append(flt.year_to)
    return "AND " + " AND ".join(clauses), args

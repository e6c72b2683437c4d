"""Hybrid retrieval: BM25 over Vietnamese word tokens fused with dense e5 vectors.

Fusion is weighted reciprocal rank fusion. A query typed without diacritics is
matched against accent-folded syllables instead of the word tokens, so it finds
the same passages; what is shown stays accented.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.catalogue import Catalogue
from assistant.config import Settings
from assistant.index import KnowledgeIndex, SearchFilter, StoredChunk
from assistant.validity import mentioned_documents, not_in_force, reference_date
from assistant.vntext import looks_unaccented, normalize

MODES = ("hybrid", "bm25", "dense")
NAMED_DOCUMENT_BOOST = 2.0
NOT_IN_FORCE_FACTOR = 0.6
RECIPIENTS_FACTOR = 0.5


@dataclass
class Hit:
    chunk: StoredChunk
    score: float
    lexical_rank: int | None = None
    dense_rank: int | None = None


class HybridSearcher:
    def __init__(self, settings: Settings, index: KnowledgeIndex, catalogue: Catalogue):
        self.settings = settings
        self.index = index
        self.catalogue = catalogue

    def restore_diacritics(self, query: str) -> str:
        """A query typed without diacritics, accented from the corpus' own words; others unchanged."""
        query = normalize(query).strip()
        if not looks_unaccented(query):
            return query
        return self.index.restore_diacritics(query)

    def search(self, query: str, k: int | None = None, flt: SearchFilter | None = None, mode: str = "hybrid") -> list[Hit]:
        query = self.restore_diacritics(query)
        k = k or self.settings.top_k
        flt = flt or SearchFilter()
        depth = max(self.settings.candidates, k)
        lexical = dense = []
        if mode in ("hybrid", "bm25"):
            lexical = self._lexical(query, depth, flt)
        if mode in ("hybrid", "dense"):
            dense = self.index.dense_search(query, depth, flt)
        fused = self._fuse(lexical, dense)
        found = self.index.chunks(cid for cid, *_ in fused)
        hits = [Hit(found[cid], score, lr, dr) for cid, score, lr, dr in fused if cid in found]
        return self._adjust(hits, query)[:k]

    def _lexical(self, query: str, depth: int, flt: SearchFilter) -> list[tuple[str, float]]:
        if looks_unaccented(query):
            return self.index.lexical_search(query, depth, flt, folded=True)
        accented = self.index.lexical_search(query, depth, flt)
        folded = self.index.lexical_search(query, depth, flt, folded=True)
        return _rrf([accented, folded], [1.0, 0.5], self.settings.rrf_k)

    def _fuse(self, lexical, dense) -> list[tuple[str, float, int | None, int | None]]:
        weights = [self.settings.lexical_weight, self.settings.dense_weight]
        fused = _rrf([lexical, dense], weights, self.settings.rrf_k)
        lexical_rank = {cid: r for r, (cid, _) in enumerate(lexical, 1)}
        dense_rank = {cid: r for r, (cid, _) in enumerate(dense, 1)}
        return [(cid, score, lexical_rank.get(cid), dense_rank.get(cid)) for cid, score in fused]


    def _adjust(self, hits: list[Hit], query: str) -> list[Hit]:
        """Named documents first; legal texts not in force on the question's date and
        recipient lists ("Nơi nhận") last, unless the question asks for them."""
        day = reference_date(query, self.settings.current_date())
        named = {entry.doc_id for entry in mentioned_documents(query, self.catalogue)}
        wants_recipients = "nơi nhận" in query.lower() or "noi nhan" in query.lower()
        for hit in hits:
            if hit.chunk.doc_id in named:
                hit.score *= NAMED_DOCUMENT_BOOST
            elif not_in_force(self.catalogue.get(hit.chunk.doc_id), day):
                hit.score *= NOT_IN_FORCE_FACTOR
            if hit.chunk.kind == "recipients" and not wants_recipients:
                hit.score *= RECIPIENTS_FACTOR
        return sorted(hits, key=lambda hit: -hit.score)


def _rrf(rankings: list[list[tuple[str, float]]], weights: list[float], k: int) -> list[tuple[str, float]]:
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, (cid, _) in enumerate(ranking, 1):
            scores[cid] = scores.get(cid, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda item: -item[1])


def hit_to_document(hit: Hit, catalogue: Catalogue) -> Document:
    entry = catalogue.get(hit.chunk.doc_id)
    metadata = {
        "chunk_id": hit.chunk.chunk_id,
        "doc_id": hit.chunk.doc_id,
        "location": hit.chunk.location,
        "page": hit.chunk.page,
        "kind": hit.chunk.kind,
        "score": hit.score,
        "number": entry.number if entry else "",
        "title": entry.title if entry else "",
        "label": entry.label if entry else hit.chunk.doc_id,
        **{k: v for k, v in hit.chunk.meta.items() if k not in ("body",)},
    }
    return Document(page_content=hit.chunk.body, metadata=metadata)


class KnowledgeRetriever(BaseRetriever):
    """The hybrid searcher as a LangChain retriever (`invoke(question)` → Documents)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    searcher: HybridSearcher
    k: int = 8
    mode: str = "hybrid"
    search_filter: SearchFilter | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = self.searcher.search(query, self.k, self.search_filter, self.mode)
        return [hit_to_document(hit, self.searcher.catalogue) for hit in hits]


def timed_search(searcher: HybridSearcher, query: str, k: int, mode: str) -> tuple[list[Hit], float]:
    start = time.perf_counter()
    hits = searcher.search(query, k, mode=mode)
    return hits, (time.perf_counter() - start) * 1000

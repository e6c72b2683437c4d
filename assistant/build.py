"""Composition root: every component is built here, from one `Settings`, and nowhere else."""
from __future__ import annotations

from dataclasses import dataclass

from assistant.catalogue import Catalogue
from assistant.config import Settings
from assistant.embeddings import build_embeddings
from assistant.index import KnowledgeIndex
from assistant.retrieve import HybridSearcher, KnowledgeRetriever
from assistant.background import EmbeddingWorker
from assistant.deadlines import DeadlineRegister


@dataclass
class Assistant:
    settings: Settings
    catalogue: Catalogue
    index: KnowledgeIndex
    searcher: HybridSearcher
    embedder: EmbeddingWorker
    deadlines: DeadlineRegister

    def retriever(self, k: int | None = None, mode: str = "hybrid") -> KnowledgeRetriever:
        return KnowledgeRetriever(searcher=self.searcher, k=k or self.settings.top_k, mode=mode)

    def answerer(self, chat_model=None):
        """`chat_model` defaults to the configured one (None in extractive mode)."""
        from assistant.answering import Answerer
        from assistant.llm import build_chat_model

        model = chat_model if chat_model is not None else build_chat_model(self.settings)
        return Answerer(self.settings, self.searcher, self.catalogue, self.index, model, self.deadlines)

    def ingestor(self):
        from ingest.pipeline import Ingestor

        return Ingestor(self.settings, self.index, self.catalogue, hooks=[self.deadlines])


def build_assistant(settings: Settings | None = None) -> Assistant:
    settings = settings or Settings()
    catalogue = Catalogue(settings.user_catalogue, shipped=settings.shipped_catalogue)
    index = KnowledgeIndex(settings, build_embeddings(settings))
    searcher = HybridSearcher(settings, index, catalogue)
    deadlines = DeadlineRegister(settings.data_dir / "deadlines.sqlite", catalogue)
    return Assistant(settings, catalogue, index, searcher, EmbeddingWorker(index), deadlines)

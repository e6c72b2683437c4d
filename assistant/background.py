"""Dense embedding in a background thread, so that lexical answers come first.

One worker per index; `start()` is a no-op while it runs. Progress is readable
from any thread (the app's sidebar shows it). The worker yields to questions:
before each text it waits while one is being answered (`KnowledgeIndex.answering`).
"""
from __future__ import annotations

import threading

from assistant.index import KnowledgeIndex


class EmbeddingWorker:
    def __init__(self, index: KnowledgeIndex):
        self.index = index
        self.done = 0
        self.total = 0
        self.error: str = ""
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> bool:
        """Start embedding pending chunks; returns False when already running or nothing is pending."""
        with self._lock:
            if self.running or self.index.pending_count() == 0:
                return False
            self.done, self.total, self.error = 0, self.index.pending_count(), ""
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="embedding-worker", daemon=True)
            self._thread.start()
            return True

    def _run(self) -> None:
        try:
            self.index.embed_pending(self._progress, stop=self._stop)
        except Exception as exc:  # reported in the UI; the chunks stay pending for the next run
            self.error = f"Lỗi khi tạo vector: {exc}"

    def _progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def stop(self, timeout: float | None = None) -> None:
        """Stop after the current batch (its vectors are kept); pending chunks wait for the next start."""
        self._stop.set()
        self.join(timeout)

    def join(self, timeout: float | None = None) -> None:
        if self._thread:
            self._thread.join(timeout)

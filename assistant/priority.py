"""Questions before background work.

Answering a question takes tens of milliseconds; embedding the corpus takes
minutes. The embedding worker checks `wait_idle()` before each text: while a
question is being answered (and for a short grace after it, since a user's next
question often follows), it waits, so the answer has both cores to itself.
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager

GRACE_SECONDS = 0.3


class QueryGate:
    def __init__(self, grace_seconds: float = GRACE_SECONDS):
        self.grace_seconds = grace_seconds
        self._active = 0
        self._last_end = 0.0
        self._changed = threading.Condition()

    @contextmanager
    def active(self):
        with self._changed:
            self._active += 1
        try:
            yield
        finally:
            with self._changed:
                self._active -= 1
                self._last_end = time.monotonic()
                self._changed.notify_all()

    @property
    def busy(self) -> bool:
        return self._active > 0

    def wait_idle(self) -> None:
        """Return once no question is being answered and the grace after the last one has passed."""
        with self._changed:
            while True:
                if self._active:
                    self._changed.wait()
                    continue
                left = self._last_end + self.grace_seconds - time.monotonic()
                if left <= 0:
                    return
                self._changed.wait(left)

"""Questions before background work: the embedding worker waits while a question is answered."""
from __future__ import annotations

import time

from assistant.build import build_assistant
from tests.docgen import PLAN_LINES


def test_the_worker_waits_while_a_question_is_answered_then_finishes(settings, tmp_path):
    path = tmp_path / "kh-uu-tien.txt"
    path.write_text("\n".join(PLAN_LINES), encoding="utf-8")
    assistant = build_assistant(settings)
    assistant.ingestor().ingest([path])
    pending = assistant.index.pending_count()
    assert pending > 0
    with assistant.index.answering():
        assert assistant.embedder.start()
        time.sleep(1.0)
        assert assistant.embedder.running
        assert assistant.index.counts()["embedded"] == 0
    assistant.embedder.join(120)
    assert not assistant.embedder.running and not assistant.embedder.error
    assert assistant.index.counts()["embedded"] == pending

"""Feedback on answers (đúng / sai), appended to `<data dir>/feedback.jsonl` for later review."""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

_lock = threading.Lock()


def feedback_record(answer, verdict: str, user: str | None = None) -> dict:
    return {
        "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "verdict": verdict,  # "dung" | "sai"
        "user": user or "",
        "question": answer.question,
        "standalone_question": answer.standalone_question,
        "answer": answer.text,
        "mode": answer.mode,
        "not_found": answer.not_found,
        "citations": [{"n": c.n, "doc_id": c.doc_id, "document": c.document, "location": c.location,
                       "chunk_id": c.chunk_id} for c in answer.citations],
    }


def append_feedback(path: Path, record: dict) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(record, ensure_ascii=False) + "\n"
    with _lock, path.open("a", encoding="utf-8") as handle:
        handle.write(line)

"""`python -m eval latency [--questions FILE] [--pause S] [--json]`

Answer time of the same questions, in one process, first with nothing else
running and then while the background worker embeds the corpus (as the app does
after its first start and after every upload).

The shipped corpus is indexed into a temporary folder and a first share of it
embedded, so both rounds answer in hybrid mode (the question is embedded too).
A user pauses between questions (`--pause`); the worker runs in those pauses.
Idle and embedding rounds of five questions alternate, so that both meet the
same load from anything else running on the machine.
"""
from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

from eval.common import percentile, print_report, read_jsonl

DEFAULT_QUESTIONS = Path(__file__).resolve().parent / "data" / "dev" / "dev_questions.jsonl"
SEED_CHUNKS = 32
BLOCK = 5  # questions per round; idle and embedding rounds alternate
LABELS = {
    "n": "Số câu hỏi", "idle_ms_p50": "Khi rảnh: p50 (ms)", "idle_ms_p95": "Khi rảnh: p95 (ms)",
    "embedding_ms_p50": "Khi đang tạo vector: p50 (ms)", "embedding_ms_p95": "Khi đang tạo vector: p95 (ms)",
    "p95_ratio": "Tỷ lệ p95 (đang tạo vector / rảnh)", "embedded_during": "Số đoạn tạo vector trong lúc đo",
    "pause_seconds": "Nghỉ giữa hai câu (s)",
}


def measure(questions: list[str], pause: float, yielding: bool = True) -> dict:
    from assistant.build import build_assistant
    from assistant.config import Settings

    with tempfile.TemporaryDirectory(prefix="tdkt-latency-") as tmp:
        settings = Settings(data_dir=Path(tmp), background_embedding=False)
        assistant = build_assistant(settings)
        assistant.ingestor().ingest([settings.knowledge_dir])
        _embed_some(assistant.index, SEED_CHUNKS)
        if not yielding:  # for comparison: the worker no longer waits for questions
            assistant.index.queries.wait_idle = lambda: None
        answerer = assistant.answerer()
        answerer.answer(questions[0])  # load models before timing
        idle, busy, running = [], [], True
        before = assistant.index.counts()["embedded"]
        for start in range(0, len(questions), BLOCK):  # rounds alternate, so both see the same machine
            block = questions[start:start + BLOCK]
            answerer.answer(block[0])  # untimed: the vectors the worker just wrote settle in Chroma
            idle += _round(answerer, block, pause)
            assistant.embedder.start()
            try:
                busy += _round(answerer, block, pause)
                running = running and assistant.embedder.running
            finally:
                assistant.embedder.stop()
        embedded = assistant.index.counts()["embedded"] - before
    idle_p95, busy_p95 = percentile(idle, 95), percentile(busy, 95)
    return {
        "n": len(questions),
        "idle_ms_p50": round(percentile(idle, 50), 1), "idle_ms_p95": round(idle_p95, 1),
        "embedding_ms_p50": round(percentile(busy, 50), 1), "embedding_ms_p95": round(busy_p95, 1),
        "p95_ratio": round(busy_p95 / idle_p95, 2) if idle_p95 else 0.0,
        "embedded_during": embedded, "worker_ran_throughout": running, "pause_seconds": pause,
        "idle_ms": [round(t) for t in idle], "embedding_ms": [round(t) for t in busy],
    }


def _embed_some(index, count: int) -> None:
    stop = threading.Event()
    index.embed_pending(lambda done, total: stop.set() if done >= count else None, batch_size=16, stop=stop)


def _round(answerer, questions: list[str], pause: float) -> list[float]:
    times = []
    for question in questions:
        time.sleep(pause)
        start = time.perf_counter()
        answerer.answer(question)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval latency")
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--pause", type=float, default=0.5)
    parser.add_argument("--no-yield", action="store_true", help="the worker does not wait for questions (comparison)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    questions = [q["q"] for q in read_jsonl(args.questions)]
    print_report(measure(questions, args.pause, not args.no_yield), args.json, LABELS)
    return 0

"""`python -m eval retrieval --questions FILE [--k 10] [--retriever hybrid|bm25|dense] [--json]`

A question is found at rank r when the r-th retrieved chunk contains its
`evidence` (whitespace collapsed). A line with a `history` list (the previous
questions of the conversation) is searched as the answerer completes it. Reports recall@1, recall@5, MRR@10, misses
and query latency (embedding the query included).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from assistant.build import build_assistant
from assistant.retrieve import MODES, timed_search
from eval.common import contains, percentile, print_report, read_jsonl

LABELS = {
    "n": "Số câu hỏi", "recall_at_1": "recall@1", "recall_at_5": "recall@5", "mrr_at_10": "MRR@10",
    "misses": "Không tìm thấy (top k)", "latency_ms_p50": "Độ trễ p50 (ms)", "latency_ms_p95": "Độ trễ p95 (ms)",
}


def evidence_rank(texts: list[str], evidence: str) -> int | None:
    for rank, text in enumerate(texts, 1):
        if contains(text, evidence):
            return rank
    return None


def _query(answerer, question: dict) -> str:
    """The question as searched: a follow-up (a `history` list on the line) completed from its conversation."""
    if not question.get("history"):
        return question["q"]
    turns = []
    for previous in question["history"]:
        turns.append(answerer.answer(previous, turns).turn())
    return answerer.standalone(question["q"], turns)


def evaluate(questions: list[dict], k: int, mode: str) -> dict:
    assistant = build_assistant()
    searcher, answerer = assistant.searcher, assistant.answerer()
    assistant.warm_up()  # load models and data before timing
    ranks, latencies, misses = [], [], []
    for question in questions:
        hits, ms = timed_search(searcher, _query(answerer, question), max(k, 10), mode)
        latencies.append(ms)
        rank = evidence_rank([hit.chunk.text for hit in hits[:k]], question["evidence"])
        ranks.append(rank)
        if rank is None:
            misses.append(question["id"])
    n = len(questions)
    return {
        "n": n,
        "recall_at_1": sum(1 for r in ranks if r == 1) / n,
        "recall_at_5": sum(1 for r in ranks if r and r <= 5) / n,
        "mrr_at_10": sum(1 / r for r in ranks if r and r <= 10) / n,
        "misses": misses,
        "latency_ms_p50": round(percentile(latencies, 50), 1),
        "latency_ms_p95": round(percentile(latencies, 95), 1),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval retrieval")
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--retriever", choices=MODES, default="hybrid")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate(read_jsonl(args.questions), args.k, args.retriever)
    print_report(report, args.json, LABELS)
    return 0

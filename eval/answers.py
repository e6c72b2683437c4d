"""`python -m eval answers --questions FILE [--json]`

For each question: does the answer contain every `answer_has` string
(case-insensitive, whitespace collapsed)? Does at least one citation quote
contain the `evidence`? Also the not-found rate and latency p50/p95.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from assistant.build import build_assistant
from eval.common import contains, percentile, print_report, read_jsonl

LABELS = {
    "n": "Số câu hỏi", "answer_accuracy": "Câu trả lời đúng", "citation_accuracy": "Trích dẫn đúng",
    "not_found": "Tỷ lệ 'không tìm thấy'", "latency_ms_p50": "Độ trễ p50 (ms)", "latency_ms_p95": "Độ trễ p95 (ms)",
    "failures": "Câu sai",
}


def evaluate(questions: list[dict]) -> dict:
    answerer = build_assistant().answerer()
    answerer.answer("khởi động")  # load models before timing
    right_answers = right_citations = not_found = 0
    latencies, failures = [], []
    for question in questions:
        start = time.perf_counter()
        answer = answerer.answer(question["q"])
        latencies.append((time.perf_counter() - start) * 1000)
        has_all = all(contains(answer.text, s, case_insensitive=True) for s in question.get("answer_has", []))
        cited = any(contains(c.quote, question["evidence"]) for c in answer.citations) if question.get("evidence") else True
        right_answers += has_all
        right_citations += cited
        not_found += answer.not_found
        if not (has_all and cited):
            failures.append({"id": question["id"], "answer_ok": has_all, "citation_ok": cited, "answer": answer.text[:300]})
    n = len(questions)
    return {
        "n": n, "answer_accuracy": right_answers / n, "citation_accuracy": right_citations / n, "not_found": not_found / n,
        "latency_ms_p50": round(percentile(latencies, 50), 1), "latency_ms_p95": round(percentile(latencies, 95), 1),
        "failures": failures,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval answers")
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate(read_jsonl(args.questions))
    if args.json:
        print_report(report, True, LABELS)
    else:
        print_report({k: v for k, v in report.items() if k != "failures"}, False, {k: v for k, v in LABELS.items() if k != "failures"})
        for failure in report["failures"]:
            print(f"  ✗ {failure['id']}: trả lời {'đúng' if failure['answer_ok'] else 'sai'}, trích dẫn {'đúng' if failure['citation_ok'] else 'sai'}")
    return 0

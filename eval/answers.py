"""`python -m eval answers --questions FILE [--json]`

For each question (a `history` list on a line is replayed first as the conversation):
- `lead_accuracy`: every `answer_has` string is in the answer's lead, the one or two
  sentences that answer directly (case-insensitive, whitespace collapsed);
- `answer_accuracy`: the same, in the whole answer;
- `first_citation_accuracy`: citation [1] quotes the `evidence`; `citation_accuracy`: some citation does;
- `not_found`: share of "not found" replies; a question with evidence answered "not found" is wrong
  on every measure; a line with `expect_not_found` is right only when refused, and `refusal_clean`
  counts refusals that show no passage;
- latency p50/p95. With `--json`, also `items`: per question `id`, `lead`, `text`, `not_found` and
  `citations` (`document`, `location`, `quote`), so that anyone can recompute the figures.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from assistant.build import build_assistant
from eval.common import contains, percentile, print_report, read_jsonl

LABELS = {
    "n": "Số câu hỏi", "lead_accuracy": "Câu trả lời trực tiếp đúng", "answer_accuracy": "Câu trả lời đúng",
    "first_citation_accuracy": "Trích dẫn [1] đúng", "citation_accuracy": "Trích dẫn đúng",
    "not_found": "Tỷ lệ 'không tìm thấy'", "refusals": "Câu ngoài kho đã từ chối", "refusal_clean": "Từ chối không kèm đoạn lạ",
    "latency_ms_p50": "Độ trễ p50 (ms)", "latency_ms_p95": "Độ trễ p95 (ms)",
}


def _has_all(text: str, strings: list[str]) -> bool:
    return all(contains(text, s, case_insensitive=True) for s in strings)


def _item(question: dict, answer) -> dict:
    return {
        "id": question["id"], "lead": answer.lead, "text": answer.text, "not_found": answer.not_found,
        "citations": [{"document": c.document, "location": c.location, "quote": c.quote} for c in answer.citations],
    }


def _judge(question: dict, answer) -> dict:
    if question.get("expect_not_found"):
        refused = answer.not_found
        return {"refused": refused, "clean": refused and not answer.citations}
    evidence, wanted = question.get("evidence", ""), question.get("answer_has", [])
    answered = not answer.not_found
    quotes = [c.quote for c in answer.citations]
    return {
        "lead": answered and _has_all(answer.lead, wanted),
        "answer": answered and _has_all(answer.text, wanted),
        "first_citation": answered and bool(quotes) and (not evidence or contains(quotes[0], evidence)),
        "citation": answered and (not evidence or any(contains(q, evidence) for q in quotes)),
    }


def _ask(answerer, question: dict):
    history = []
    for previous in question.get("history", []):
        history.append(answerer.answer(previous, history).turn())
    return answerer.answer(question["q"], history)


def evaluate(questions: list[dict]) -> dict:
    assistant = build_assistant()
    assistant.warm_up()  # load models and data before timing
    answerer = assistant.answerer()
    judged, items, latencies, failures = [], [], [], []
    for question in questions:
        start = time.perf_counter()
        answer = _ask(answerer, question)
        latencies.append((time.perf_counter() - start) * 1000)
        verdict = _judge(question, answer)
        judged.append((question, verdict, answer))
        items.append(_item(question, answer))
        if not all(verdict.values()):
            failures.append({"id": question["id"], **verdict, "lead": answer.lead[:200], "answer": answer.text[:300]})
    return _report(judged, latencies, items, failures)


def _share(values: list[bool]) -> float:
    return sum(values) / len(values) if values else 0.0


def _report(judged, latencies, items, failures) -> dict:
    answerable = [v for q, v, _ in judged if not q.get("expect_not_found")]
    refusals = [v for q, v, _ in judged if q.get("expect_not_found")]
    return {
        "n": len(judged),
        "lead_accuracy": _share([v["lead"] for v in answerable]),
        "answer_accuracy": _share([v["answer"] for v in answerable]),
        "first_citation_accuracy": _share([v["first_citation"] for v in answerable]),
        "citation_accuracy": _share([v["citation"] for v in answerable]),
        "not_found": _share([a.not_found for q, _, a in judged if not q.get("expect_not_found")]),
        "refusals": _share([v["refused"] for v in refusals]) if refusals else None,
        "refusal_clean": _share([v["clean"] for v in refusals]) if refusals else None,
        "latency_ms_p50": round(percentile(latencies, 50), 1), "latency_ms_p95": round(percentile(latencies, 95), 1),
        "failures": failures, "items": items,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval answers")
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate(read_jsonl(args.questions))
    if args.json:
        print_report(report, True, LABELS)
        return 0
    print_report({k: report[k] for k in LABELS}, False, LABELS)
    for failure in report["failures"]:
        print(f"  ✗ {failure['id']}: " + ", ".join(f"{k} {'đúng' if v else 'sai'}" for k, v in failure.items()
                                                if isinstance(v, bool)))
    return 0

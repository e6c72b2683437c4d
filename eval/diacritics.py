"""`python -m eval diacritics [--questions FILE …] [--json]`

How well a question typed without diacritics is read back: every accented question of the given sets (by
default every development set under `eval/data/dev/`) is folded to plain letters, restored from the indexed
corpus, and compared syllable by syllable with what the officer wrote. Reports the share of syllables and of
whole questions restored exactly, and the commonest confusions.
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from assistant.build import build_assistant
from documents.text import fold_accents, looks_unaccented
from eval.common import print_report, read_jsonl

DEV = Path(__file__).parent / "data" / "dev"
SHOWN_CONFUSIONS = 15
LABELS = {"n": "Số câu hỏi", "syllable_accuracy": "Độ chính xác âm tiết", "question_accuracy": "Câu khôi phục đúng hoàn toàn",
          "confusions": "Nhầm lẫn thường gặp"}


def accented_questions(paths: list[Path]) -> list[str]:
    return [line["q"] for path in paths for line in read_jsonl(path)
            if line.get("q") and not looks_unaccented(line["q"])]


def evaluate(paths: list[Path]) -> dict:
    index = build_assistant().index  # the model alone, without writing out chat shortenings ("đc", "ko")
    questions = accented_questions(paths)
    syllables = right = exact = 0
    confusions: Counter = Counter()
    for question in questions:
        written = re.findall(r"\w+", question.lower())
        restored = re.findall(r"\w+", index.restore_diacritics(fold_accents(question)).lower())
        pairs = list(zip(written, restored))
        syllables += len(pairs)
        right += sum(a == b for a, b in pairs)
        exact += all(a == b for a, b in pairs)
        confusions.update(f"{a} → {b}" for a, b in pairs if a != b)
    return {"n": len(questions), "syllable_accuracy": round(right / max(syllables, 1), 4),
            "question_accuracy": round(exact / max(len(questions), 1), 4),
            "confusions": [f"{pair} ({n})" for pair, n in confusions.most_common(SHOWN_CONFUSIONS)]}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval diacritics")
    parser.add_argument("--questions", type=Path, nargs="*", help="các tệp JSONL câu hỏi (mặc định: mọi tập trong eval/data/dev)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    paths = args.questions or sorted(p for p in DEV.glob("*.jsonl") if "eligibility" not in p.name)
    print_report(evaluate(paths), args.json, LABELS)
    return 0

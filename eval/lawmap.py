"""`python -m eval lawmap [--retriever bm25|hybrid|dense] [--json]`

Every (title/award × aspect) the law map rules on in the texts in force today, asked the ways
`eval/data/lawmap_phrasings.yaml` gives, in the award's official name and its shortest variant,
with and without diacritics. A question is found at rank r when the r-th passage holds a quote of
the map entry (the khoản the map names). Independent of any dev set: it measures the coverage of
the vocabulary, the aspect cues and the map together. Reports recall@1 and recall@5 per aspect and
the questions missed at rank 1.
"""
from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path

from assistant.build import build_assistant
from assistant.retrieve import MODES
from assistant.vocabulary import SUBJECT_KINDS, load_law_map, load_vocabulary
from documents.datafile import read_yaml
from eval.common import contains, print_report

PHRASINGS = Path(__file__).parent / "data" / "lawmap_phrasings.yaml"
SHORT_FORM_CHARS = 12
LABELS = {"n": "Số câu hỏi", "recall_at_1": "recall@1", "recall_at_5": "recall@5",
          "by_aspect": "Theo khía cạnh", "misses": "Sai ở vị trí 1"}


def without_diacritics(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def probes(today: str) -> list[dict]:
    """One line per question: the question, its aspect, the text in force that answers and its quotes."""
    phrasings = read_yaml(PHRASINGS)
    law_map, vocabulary = load_law_map(), load_vocabulary()
    in_force = law_map.in_force(today)
    lines = []
    for entry in vocabulary.entries:
        if entry.kind not in SUBJECT_KINDS or entry.names_a_kind:
            continue
        forms = entry.forms({})
        names = [forms[0], *[f for f in forms[1:] if len(f) <= SHORT_FORM_CHARS][:1]]
        for aspect, templates in phrasings.items():
            found = law_map.locate(entry.id, aspect, in_force, inherit=False)
            if not found:
                continue
            doc = found[0].doc
            quotes = [p.quote for p in found if p.doc == doc]
            for name in names:
                for template in templates:
                    question = template.format(x=name)
                    question = question[0].upper() + question[1:]
                    for asked in (question, without_diacritics(question)):
                        lines.append({"q": asked, "aspect": aspect, "doc": doc, "quotes": quotes})
    return lines


def evaluate(mode: str) -> dict:
    assistant = build_assistant()
    lines = probes(assistant.settings.current_date().isoformat())
    by_aspect: dict[str, list[int]] = {}
    misses = []
    for line in lines:
        texts = [hit.chunk.text for hit in assistant.searcher.search(line["q"], 5, mode=mode)]
        first = bool(texts) and any(contains(texts[0], q) for q in line["quotes"])
        top5 = any(contains(t, q) for t in texts for q in line["quotes"])
        counts = by_aspect.setdefault(line["aspect"], [0, 0, 0])
        counts[0] += 1
        counts[1] += first
        counts[2] += top5
        if not first:
            misses.append(line["q"])
    n = len(lines)
    return {
        "n": n,
        "recall_at_1": sum(c[1] for c in by_aspect.values()) / n if n else 0.0,
        "recall_at_5": sum(c[2] for c in by_aspect.values()) / n if n else 0.0,
        "by_aspect": {a: {"n": c[0], "recall_at_1": round(c[1] / c[0], 3), "recall_at_5": round(c[2] / c[0], 3)}
                      for a, c in by_aspect.items()},
        "misses": misses,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval lawmap")
    parser.add_argument("--retriever", choices=MODES, default="hybrid")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    print_report(evaluate(args.retriever), args.json, LABELS)
    return 0

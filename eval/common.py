"""Shared by the evaluations: reading JSONL, matching text, percentiles, printing."""
from __future__ import annotations

import json
import statistics
from pathlib import Path

from documents.text import collapse_spaces, normalize


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(normalize(line)))
    return rows


def contains(haystack: str, needle: str, case_insensitive: bool = False) -> bool:
    """Whitespace-collapsed containment, as the evaluation formats define it. Evidence copied from a
    table row ("cell | cell | cell") is contained when each of its cells is: a passage holds a row
    with its columns' names ("Nội dung thực hiện: …"), not the source file's separators. Markdown emphasis
    the source files carry ("**trước 30/01/2020**") is no text: the parser drops it, so does the comparison."""
    haystack, needle = (collapse_spaces(normalize(text.replace("*", ""))) for text in (haystack, needle))
    if case_insensitive:
        haystack, needle = haystack.lower(), needle.lower()
    if " | " in needle:
        return all(cell.strip() in haystack for cell in needle.split("|") if cell.strip())
    return needle in haystack


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def print_report(report: dict, as_json: bool, labels: dict[str, str]) -> None:
    if as_json:
        print(json.dumps(report, ensure_ascii=False))
        return
    for key, label in labels.items():
        value = report[key]
        shown = f"{value:.3f}" if isinstance(value, float) else "—" if value is None else value
        print(f"{label:<34} {shown}")

"""Check the officer-language development sets against the knowledge files (stdlib only).

Usage: python eval/data/dev/check_devsets.py [FILE ...]

For every line with an `evidence`: the evidence (NFC, whitespace collapsed) must lie
inside ONE line of `knowledge/{legal,plans}/<doc>.txt`, be 25–220 characters long
(a signer's name, aspect "người ký", may be shorter), and every `answer_has` string
must occur in the evidence (case-insensitive). Also checks the fields each file
needs, unique ids, and prints the coverage of Luật 06/2022/QH15 articles and plans.
Exit status 1 when a problem is found.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

DEV_DIR = Path(__file__).resolve().parent
ROOT = DEV_DIR.parents[2]
KNOWLEDGE = ROOT / "knowledge"
LAW_DOC = "luat-06-2022-QH15"
MIN_CHARS, MAX_CHARS, MIN_NAME_CHARS = 25, 220, 5
STYLES = {"abbrev", "spoken", "story", "plain", "plan"}
VERDICTS = {"eligible", "not_eligible", "cannot_tell"}
FILES = {
    "officer_dev.jsonl": "officer",
    "heldout_officer.jsonl": "officer",
    "heldout2_officer.jsonl": "officer",
    "heldout3_officer.jsonl": "officer",
    "heldout4_officer.jsonl": "officer",
    "heldout5_officer.jsonl": "officer",
    "heldout6_officer.jsonl": "officer",
    "heldout7_officer.jsonl": "officer",
    "heldout8_officer.jsonl": "officer",
    "heldout9_officer.jsonl": "officer",
    "heldout10_officer.jsonl": "officer",
    "heldout11_officer.jsonl": "officer",
    "heldout12_officer.jsonl": "officer",
    "heldout13_officer.jsonl": "officer",
    "heldout14_officer.jsonl": "officer",
    "heldout15_officer.jsonl": "officer",
    "heldout16_officer.jsonl": "officer",
    "heldout17_officer.jsonl": "officer",
    "heldout18_officer.jsonl": "officer",
    "heldout19_officer.jsonl": "officer",
    "heldout20_officer.jsonl": "officer",
    "heldout21_officer.jsonl": "officer",
    "heldout22_officer.jsonl": "officer",
    "heldout23_officer.jsonl": "officer",
    "heldout24_officer.jsonl": "officer",
    "heldout25_officer.jsonl": "officer",
    "heldout26_officer.jsonl": "officer",
    "heldout27_officer.jsonl": "officer",
    "heldout28_officer.jsonl": "officer",
    "heldout29_officer.jsonl": "officer",
    "heldout30_officer.jsonl": "officer",
    "heldout31_officer.jsonl": "officer",
    "heldout32_officer.jsonl": "officer",
    "heldout33_officer.jsonl": "officer",
    "heldout34_officer.jsonl": "officer",
    "heldout35_officer.jsonl": "officer",
    "posted_dev.jsonl": "posted",
    "posted2_dev.jsonl": "posted",
    "posted3_dev.jsonl": "posted",
    "followups_dev.jsonl": "followup",
    "followups2_dev.jsonl": "followup",
    "followups3_dev.jsonl": "followup",
    "posted4_dev.jsonl": "officer",
    "posted5_dev.jsonl": "officer",
    "posted6_dev.jsonl": "officer",
    "posted7_dev.jsonl": "officer",
    "posted8_dev.jsonl": "officer",
    "posted9_dev.jsonl": "officer",
    "posted10_dev.jsonl": "officer",
    "out_of_corpus.jsonl": "out_of_corpus",
    "out_of_corpus2.jsonl": "out_of_corpus",
    "eligibility_stories.jsonl": "eligibility",
}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def doc_lines(doc: str, cache: dict[str, list[str] | None]) -> list[str] | None:
    if doc not in cache:
        path = next((p for p in (KNOWLEDGE / "legal" / f"{doc}.txt", KNOWLEDGE / "plans" / f"{doc}.txt") if p.exists()), None)
        cache[doc] = [norm(line) for line in path.read_text(encoding="utf-8").splitlines()] if path else None
    return cache[doc]


def check_evidence(item: dict, cache: dict) -> list[str]:
    problems = []
    evidence, doc = norm(item.get("evidence", "")), item.get("doc", "")
    answer_has = item.get("answer_has")
    low = MIN_NAME_CHARS if item.get("aspect") == "người ký" else MIN_CHARS
    if not low <= len(evidence) <= MAX_CHARS:
        problems.append(f"evidence has {len(evidence)} characters (allowed {low}–{MAX_CHARS})")
    lines = doc_lines(doc, cache)
    if lines is None:
        problems.append(f"no knowledge file for doc {doc!r}")
    elif not any(evidence in line for line in lines):
        problems.append("evidence not found inside one line of " + doc)
    if not isinstance(answer_has, list) or not 1 <= len(answer_has) <= 3:
        problems.append("answer_has must list 1–3 strings")
    else:
        for wanted in answer_has:
            if norm(wanted).casefold() not in evidence.casefold():
                problems.append(f"answer_has {wanted!r} not in evidence")
    if doc == LAW_DOC and not re.fullmatch(r"Điều \d+", item.get("article", "")):
        problems.append("legal question without article 'Điều N'")
    return problems


def check_item(kind: str, item: dict, cache: dict) -> list[str]:
    if not item.get("id") or not norm(item.get("q", "")):
        return ["missing id or q"]
    if kind == "out_of_corpus":
        ok = item.get("expect_not_found") is True and not item.get("evidence") and item.get("answer_has") == []
        return [] if ok else ["out-of-corpus line needs expect_not_found true, no evidence, answer_has []"]
    if kind == "eligibility":
        problems = [] if item.get("expected") in VERDICTS else [f"expected must be one of {sorted(VERDICTS)}"]
        problems += [f"missing {field}" for field in ("title", "as_of", "why") if not item.get(field)]
        return problems
    problems = check_evidence(item, cache)
    if kind == "officer" and item.get("style") not in STYLES:
        problems.append(f"style must be one of {sorted(STYLES)}")
    if kind in ("officer", "posted") and not item.get("aspect"):
        problems.append("missing aspect")
    if kind == "posted" and not str(item.get("source", "")).startswith(("http", "modelled on http")):
        problems.append("posted question without source URL (or \"modelled on <URL>\")")
    if kind == "followup":
        history = item.get("history")
        if not isinstance(history, list) or not 1 <= len(history) <= 2 or not all(isinstance(h, str) and h for h in history):
            problems.append("history must list 1–2 previous questions")
    return problems


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def coverage(items: list[dict]) -> str:
    articles = {i["article"] for i in items if i.get("doc") == LAW_DOC and i.get("article")}
    plans = {i["doc"] for i in items if (KNOWLEDGE / "plans" / f"{i.get('doc')}.txt").exists()}
    return f"{len(articles)} articles of {LAW_DOC}, {len(plans)} plans"


def default_paths() -> list[Path]:
    """The files listed above, then every later held-out or posted set in the folder."""
    listed = [DEV_DIR / name for name in FILES if (DEV_DIR / name).exists()]
    later = sorted(p for pattern in ("heldout*_officer.jsonl", "posted*_dev.jsonl") for p in DEV_DIR.glob(pattern)
                   if p not in listed)
    return listed + later


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or default_paths()
    cache: dict[str, list[str] | None] = {}
    failures = 0
    for path in paths:
        kind = FILES.get(path.name, "officer")
        items = read(path)
        seen: set[str] = set()
        for item in items:
            problems = check_item(kind, item, cache)
            if item.get("id") in seen:
                problems.append("duplicate id")
            seen.add(item.get("id"))
            for problem in problems:
                failures += 1
                print(f"{path.name} {item.get('id')}: {problem}")
        print(f"{path.name}: {len(items)} lines; {coverage(items)}")
    print("OK" if not failures else f"{failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

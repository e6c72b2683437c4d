"""`python -m eval eligibility --cases FILE [--json]`: verdict and citation accuracy.

A case is right when its verdict matches `expected.verdict`; its citation is right
when every `expected.cites` string occurs (case-insensitive, whitespace collapsed,
not followed by a digit) in the citation of at least one condition.

A case with a question `q` (eligibility_stories.jsonl) is a story: it is read by the
narrative parser and checked; `expected` is eligible / not_eligible / cannot_tell, the
citation is its `article`, and `as_of` (a year) is the year considered, judged on 15/01
of the next year.
"""
from __future__ import annotations

import argparse
import json
import re
import sys

from assistant.eligibility import EligibilityInputError, check_eligibility


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def cite_found(cite: str, citations: list[str]) -> bool:
    pattern = re.compile(re.escape(_norm(cite)) + r"(?!\d)")
    return any(pattern.search(_norm(c)) for c in citations)


def score_story(case: dict) -> dict:
    from datetime import date

    from assistant.eligibility.narrative import check, parse_narrative, stated_verdict

    as_of = case["as_of"]
    today = date(int(as_of) + 1, 1, 15) if str(as_of).isdigit() else date.fromisoformat(str(as_of))
    expected = {"cannot_tell": "insufficient"}.get(case["expected"], case["expected"])
    try:
        result = check(parse_narrative(case["q"], today))
    except EligibilityInputError as exc:
        return {"id": case.get("id"), "verdict_ok": False, "cites_ok": False, "got": "error", "error": str(exc),
                "expected": expected, "missing_cites": [case.get("article", "")]}
    cites = [case["article"]] if case.get("article") else []
    cited = [entry["citation"] for entry in result.conditions]
    missing = [c for c in cites if not cite_found(c, cited)]
    verdict = stated_verdict(result)
    return {"id": case.get("id"), "verdict_ok": verdict == expected, "cites_ok": not missing, "got": verdict,
            "expected": expected, "missing_cites": missing}


def score_case(case: dict) -> dict:
    if "q" in case:
        return score_story(case)
    expected = case.get("expected", {})
    try:
        result = check_eligibility(case).to_dict()
    except EligibilityInputError as exc:
        return {"id": case.get("id"), "verdict_ok": False, "cites_ok": False, "got": "error", "error": str(exc),
                "expected": expected.get("verdict"), "missing_cites": expected.get("cites", [])}
    citations = [c["citation"] for c in result["conditions"]]
    missing = [c for c in expected.get("cites", []) if not cite_found(c, citations)]
    return {"id": case.get("id"), "verdict_ok": result["verdict"] == expected.get("verdict"), "cites_ok": not missing,
            "got": result["verdict"], "expected": expected.get("verdict"), "missing_cites": missing}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval eligibility")
    parser.add_argument("--cases", required=True, help="JSONL: hồ sơ + expected {verdict, cites}")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with open(args.cases, encoding="utf-8") as fh:
        cases = [json.loads(line) for line in fh if line.strip()]
    scores = [score_case(c) for c in cases]
    n = len(scores)
    failures = [s for s in scores if not (s["verdict_ok"] and s["cites_ok"])]
    report = {
        "n": n,
        "verdict_accuracy": sum(s["verdict_ok"] for s in scores) / n if n else 0.0,
        "citation_accuracy": sum(s["cites_ok"] for s in scores) / n if n else 0.0,
        "failures": failures,
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(f"Số trường hợp: {n}")
        print(f"Độ chính xác kết luận: {report['verdict_accuracy']:.3f}")
        print(f"Độ chính xác căn cứ: {report['citation_accuracy']:.3f}")
        for f in failures:
            print(f"  {f['id']}: kết luận {f['got']} (mong đợi {f['expected']}); thiếu căn cứ: {', '.join(f['missing_cites']) or '—'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

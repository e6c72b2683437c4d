"""`python -m eval <name> …`: dispatch to `eval/<name>.py`'s `main(argv)`."""
from __future__ import annotations

import importlib
import sys

EVALUATIONS = {
    "retrieval": "eval.retrieval",
    "answers": "eval.answers",
    "deadlines": "eval.deadlines",
    "eligibility": "eval.eligibility",
    "lawmap": "eval.lawmap",
    "diacritics": "eval.diacritics",
    "ingest-speed": "eval.ingest_speed",
    "latency": "eval.latency",
    "scale": "eval.scale",
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in EVALUATIONS:
        print("Cách dùng: python -m eval {" + "|".join(EVALUATIONS) + "} …", file=sys.stderr)
        return 2
    module = importlib.import_module(EVALUATIONS[argv[0]])
    return module.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

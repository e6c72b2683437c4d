"""Eligibility checker: does a nominee meet the legal criteria of a title or award?

Public surface:
    check_eligibility(profile: dict, regulations=()) -> EligibilityResult
    check_batch(path, regulations=()) -> list[BatchItem]
    write_results_xlsx(items, path) -> None
    write_template(path) -> None
    EligibilityInputError
    EligibilityService — the same, as the service the composition root hands out
"""
from __future__ import annotations

from pathlib import Path

from .batch import BatchItem, check_batch, read_batch, template_csv, write_results_xlsx, write_template
from .engine import EligibilityResult, evaluate
from .profile import EligibilityInputError, parse_profile
from .rules import agency_ids

__all__ = [
    "BatchItem", "EligibilityInputError", "EligibilityResult", "EligibilityService", "agency_ids", "check_batch",
    "check_eligibility", "read_batch", "write_results_xlsx", "write_template",
]


def check_eligibility(profile: dict, regulations: list[str] | tuple[str, ...] = ()) -> EligibilityResult:
    """Validate `profile` (issue-6 JSON) and check it; raises EligibilityInputError on bad input.

    `regulations`: ids of optional agency rule files to layer on top (e.g. "qd-86-2025-ubnd-bac-ninh");
    a profile may also name them in a top-level "regulation" field.
    """
    return evaluate(parse_profile(profile), regulations)


class EligibilityService:
    """Checks against the rule files; stateless, so one instance serves every session."""

    def check(self, profile: dict, regulations: list[str] | tuple[str, ...] = ()) -> EligibilityResult:
        return check_eligibility(profile, regulations)

    def check_batch(self, path: str | Path, regulations: list[str] | tuple[str, ...] = ()) -> list[BatchItem]:
        return check_batch(path, regulations)

    def write_results(self, items: list[BatchItem], path: str | Path) -> None:
        write_results_xlsx(items, path)

    def write_template(self, path: str | Path) -> None:
        write_template(path)

    def template_csv(self) -> str:
        return template_csv()

    def regulations(self) -> list[str]:
        return agency_ids()

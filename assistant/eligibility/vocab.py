"""Shared vocabulary (codes, order, Vietnamese labels) read from rules/vocabulary.yaml."""
from __future__ import annotations

import datetime as dt
import unicodedata
from functools import lru_cache
from pathlib import Path

from documents.datafile import read_yaml


RULES_DIR = Path(__file__).parent / "rules"


def nfc(text: str) -> str:
    """NFC-normalise and strip a text input."""
    return unicodedata.normalize("NFC", text).strip()


@lru_cache(maxsize=None)
def vocabulary() -> dict:
    return read_yaml(RULES_DIR / "vocabulary.yaml")


@lru_cache(maxsize=None)
def rating_rank() -> dict[str, int]:
    return {item["code"]: i for i, item in enumerate(vocabulary()["ratings"])}


@lru_cache(maxsize=None)
def scope_rank() -> dict[str, int]:
    return {item["code"]: i for i, item in enumerate(vocabulary()["scopes"])}


def rating_label(code: str | None) -> str:
    for item in vocabulary()["ratings"]:
        if item["code"] == code:
            return item["label"]
    return "chưa có xếp loại" if code is None else code


def scope_label(code: str) -> str:
    for item in vocabulary()["scopes"]:
        if item["code"] == code:
            return item["label"]
    return code


def award_label(code: str) -> str:
    vocab = vocabulary()
    if code in vocab["awards"]:
        return vocab["awards"][code]["label"]
    return vocab["other_titles"].get(code, code)


def title_label(code: str) -> str:
    """Short label for a title/award code used inside detail sentences."""
    label = award_label(code)
    return label.removeprefix("Danh hiệu ").removeprefix("danh hiệu ")


def status_label(status: str) -> str:
    return vocabulary()["statuses"][status]


def verdict_label(verdict: str) -> str:
    return vocabulary()["verdicts"][verdict]


def discipline_label(code: str) -> str:
    return vocabulary()["disciplines"].get(code, code)


def supported_from() -> dt.date:
    value = vocabulary()["supported_from"]
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))



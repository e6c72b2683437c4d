"""Reading a question: what kind of answer it wants, its content terms, the
names it depends on, and — for a follow-up — the standalone question.

>>> question_kind("Hạn gửi báo cáo là ngày nào?")
'date'
>>> question_kind("Đơn vị nào chủ trì?")
'unit'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# question_kind: part of this module's surface
from assistant.understanding import FOLLOW_UP_JOINER, leaves_its_subject_out, names_a_bare_rank, place_names, question_kind  # noqa: F401
from assistant.understanding import question_kinds
from assistant.validity import without_document_numbers
from documents.datafile import read_yaml
from documents.text import fold_accents, syllable_tokenize

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass
class Turn:
    """One exchange of a conversation, as the answerer needs it for follow-ups."""

    question: str
    standalone: str = ""
    doc_ids: tuple[str, ...] = ()


def content_terms(question: str) -> list[str]:
    """Accent-folded syllables that carry meaning (question words removed)."""
    return [t for t in content_syllables(question) if t]


def content_syllables(question: str) -> list[str]:
    """Folded syllables in question order, with "" where a question word was removed.

    Question words are recognised with their diacritics ("thì" but not "thi" of
    "thi đua"); a question typed without diacritics uses the unambiguous ones only.
    """
    data = question_kinds()
    accented = set(data["question_words"])
    unaccented = set(data["question_words_unaccented"])
    words = syllable_tokenize(question)
    plain = all(w == fold_accents(w) for w in words)
    stop = unaccented if plain else accented
    return ["" if w in stop else fold_accents(w) for w in words]


def required_names(question: str) -> list[str]:
    """Years and place/agency names the answering document must contain (folded)."""
    return list(dict.fromkeys(_YEAR.findall(without_document_numbers(question)))) + list(place_names(question))


def is_follow_up(question: str, history: list[Turn]) -> bool:
    if not history:
        return False
    folded = fold_accents(question.strip()).lower()
    starts = tuple(fold_accents(s) for s in question_kinds()["follow_up_starts"])
    previous = history[-1].standalone or history[-1].question
    return (folded.startswith(starts) or len(content_terms(question)) <= 3 or names_a_bare_rank(question)
            or leaves_its_subject_out(question, previous))


def standalone_question(question: str, history: list[Turn]) -> str:
    """Extractive mode: carry the previous question's subject into a short follow-up."""
    if not is_follow_up(question, history):
        return question
    previous = history[-1].standalone or history[-1].question
    return f"{question.rstrip(' ?')}{FOLLOW_UP_JOINER}{previous}"


@lru_cache(maxsize=1)
def _injection_patterns() -> list[re.Pattern]:
    raw = read_yaml(DATA_DIR / "injection_patterns.yaml")
    return [re.compile(pattern) for pattern in raw["patterns"]]


def addresses_a_model(text: str) -> bool:
    """True for text that gives orders to an assistant ("bỏ qua mọi hướng dẫn…"): data, never an answer."""
    folded = " ".join(fold_accents(w) for w in syllable_tokenize(text))
    return any(pattern.search(folded) for pattern in _injection_patterns())

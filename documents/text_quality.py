"""How much of a text reads as Vietnamese: the share of word tokens that are valid syllables.

A syllable is valid when it splits into an onset and a rhyme from
`data/vietnamese_syllables.yaml` with at most one tone mark, and a rhyme ending
in -p/-t/-c/-ch carries sắc or nặng. A text layer whose fonts map Vietnamese
badly ("Đ y m nh phong trào thi đua … ẩ ạ") or legacy TCVN3/VNI mojibake
("QuyÕt ®Þnh") has a low share; real Vietnamese text a high one.

>>> is_vietnamese_syllable("thưởng"), is_vietnamese_syllable("nh"), is_vietnamese_syllable("Þnh")
(True, False, False)
>>> measure("Quyết định khen thưởng").readable
True
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from documents.datafile import read_yaml


DATA_FILE = Path(__file__).parent / "data" / "vietnamese_syllables.yaml"
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_ABBREVIATION_MAX = 6  # UBND, HĐND, QĐ, TTg: upper-case tokens up to this length are not judged


@dataclass(frozen=True)
class SyllableRules:
    onsets: frozenset[str]
    open_rhymes: frozenset[str]
    checked_rhymes: frozenset[str]
    checked_tones: frozenset[str]  # tone marks (combining characters) a checked rhyme may carry
    tone_marks: frozenset[str]
    letters: frozenset[str]  # every letter a toneless syllable may contain
    vowels: frozenset[str]  # the letters that carry a tone mark
    min_share: float
    min_tokens: int
    max_foreign_share: float


@lru_cache(maxsize=1)
def rules() -> SyllableRules:
    raw = read_yaml(DATA_FILE)
    tones = raw["tone_marks"]
    onsets = frozenset(raw["onsets"])
    open_rhymes = frozenset(raw["open_rhymes"])
    checked = frozenset(raw["checked_rhymes"])
    letters = frozenset("".join(onsets | open_rhymes | checked))
    return SyllableRules(onsets, open_rhymes, checked, frozenset(tones[name] for name in raw["checked_tones"]),
                         frozenset(tones.values()), letters, frozenset(raw["vowels"]),
                         float(raw["min_share"]), int(raw["min_tokens"]), float(raw["max_foreign_share"]))


def vietnamese_letters() -> frozenset[str]:
    """Lower- and upper-case letters of Vietnamese text, with and without tones (NFC)."""
    r = rules()
    toned = {unicodedata.normalize("NFC", vowel + mark) for vowel in r.vowels for mark in r.tone_marks}
    every = r.letters | toned
    return frozenset(every | {c.upper() for c in every})


@lru_cache(maxsize=50_000)
def is_vietnamese_syllable(token: str) -> bool:
    """One word token (letters only), any case: a valid Vietnamese syllable?"""
    r = rules()
    decomposed = unicodedata.normalize("NFD", token.lower())
    tones = [c for c in decomposed if c in r.tone_marks]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in r.tone_marks))
    if not base or any(c not in r.letters for c in base):
        return False
    for split in range(0, min(3, len(base) - 1) + 1):
        onset, rhyme = base[:split], base[split:]
        if split and onset not in r.onsets:
            continue
        if rhyme in r.open_rhymes:
            return True
        if rhyme in r.checked_rhymes and tones and tones[0] in r.checked_tones:
            return True
    return False


@dataclass(frozen=True)
class TextQuality:
    tokens: int  # word tokens judged
    valid: int  # of which valid Vietnamese syllables
    foreign: int = 0  # words not judged: ASCII words of 4+ letters that are not syllables (String, email)

    @property
    def share(self) -> float:
        return self.valid / self.tokens if self.tokens else 1.0

    @property
    def judged(self) -> bool:
        """Enough words to tell, and mostly not another language (an English annex is not broken)."""
        r = rules()
        return self.tokens >= r.min_tokens and self.foreign <= r.max_foreign_share * (self.tokens + self.foreign)

    @property
    def readable(self) -> bool:
        """False only for a text with enough words, too few of them Vietnamese."""
        return not self.judged or self.share >= rules().min_share


def measure(text: str) -> TextQuality:
    """Count the word tokens of `text` and how many are Vietnamese syllables.

    Upper-case abbreviations (UBND, QĐ-TTg) are skipped when they are not syllables:
    administrative texts are full of them and they say nothing about the text layer.
    So are foreign words (ASCII, 4+ letters): a broken layer leaves fragments ("nh", "Đẩ")
    and mojibake ("QuyÕt"), not long ASCII words."""
    tokens = valid = foreign = 0
    for token in _TOKEN.findall(unicodedata.normalize("NFC", text)):
        ok = is_vietnamese_syllable(token)
        if not ok and _is_abbreviation(token):
            continue
        if not ok and token.isascii() and len(token) >= 4:
            foreign += 1
            continue
        tokens += 1
        valid += ok
    return TextQuality(tokens, valid, foreign)


def _is_abbreviation(token: str) -> bool:
    return 2 <= len(token) <= _ABBREVIATION_MAX and token.upper() == token and token.lower() != token


def is_readable(text: str) -> bool:
    return measure(text).readable

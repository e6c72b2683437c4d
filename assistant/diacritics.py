"""Diacritics restoration learned from the indexed corpus itself.

Staff often type "han nop ho so khen thuong nam 2021". A syllable bigram model
over the indexed chunks knows that "thi dua" is "thi đua", "khen thuong" is
"khen thưởng", and the unit and place names of the corpus; a Viterbi pass picks
the most likely accented syllable for each typed one.

>>> model = DiacriticsModel.from_texts(["Hạn nộp hồ sơ khen thưởng", "thi đua khen thưởng"])
>>> model.restore("han nop ho so khen thuong")
'hạn nộp hồ sơ khen thưởng'
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable

from documents.text import fold_accents

_TOKEN = re.compile(r"\w+|\W+", re.UNICODE)
BIGRAM_WEIGHT = 2.0
QUESTION_PHRASES = Path(__file__).resolve().parent / "data" / "question_phrases.txt"
PHRASE_REPEAT = 3


class DiacriticsModel:
    def __init__(self, unigrams: dict[str, Counter], bigrams: Counter):
        self.unigrams = unigrams  # folded syllable -> Counter of accented forms
        self.bigrams = bigrams  # (accented, accented) -> count

    @classmethod
    def for_corpus(cls, texts: Iterable[str]) -> "DiacriticsModel":
        """The corpus plus the everyday question words it seldom contains ("ai", "ở đâu")."""
        phrases = QUESTION_PHRASES.read_text(encoding="utf-8").splitlines()
        return cls.from_texts([*texts, *(phrases * PHRASE_REPEAT)])

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "DiacriticsModel":
        unigrams: dict[str, Counter] = defaultdict(Counter)
        bigrams: Counter = Counter()
        for text in texts:
            previous = None
            for token in _TOKEN.findall(text.lower()):
                if not token[0].isalnum():
                    if any(ch in token for ch in ".;:,!?\n()"):
                        previous = None
                    continue
                unigrams[fold_accents(token)][token] += 1
                if previous:
                    bigrams[(previous, token)] += 1
                previous = token
        return cls(dict(unigrams), bigrams)

    def candidates(self, syllable: str) -> list[tuple[str, float]]:
        forms = self.unigrams.get(syllable)
        if not forms:
            return [(syllable, 0.0)]
        total = sum(forms.values())
        return [(form, math.log(count / total)) for form, count in forms.most_common(6)]

    def restore(self, text: str) -> str:
        """Accent every syllable typed without diacritics; keep everything else as typed."""
        tokens = _TOKEN.findall(text)
        words = [i for i, t in enumerate(tokens) if t[0].isalnum() and t.isascii()]
        best = self._viterbi([tokens[i].lower() for i in words])
        for index, form in zip(words, best):
            tokens[index] = _match_case(tokens[index], form)
        return "".join(tokens)

    def _viterbi(self, syllables: list[str]) -> list[str]:
        if not syllables:
            return []
        paths = {form: (score, [form]) for form, score in self.candidates(syllables[0])}
        for syllable in syllables[1:]:
            new_paths = {}
            for form, score in self.candidates(syllable):
                options = []
                for prev_form, (prev_score, path) in paths.items():
                    pair = self.bigrams.get((prev_form, form), 0)
                    options.append((prev_score + score + BIGRAM_WEIGHT * math.log(1 + pair), path))
                best_score, best_path = max(options, key=lambda item: item[0])
                new_paths[form] = (best_score, best_path + [form])
            paths = new_paths
        return max(paths.values(), key=lambda item: item[0])[1]


def _match_case(original: str, form: str) -> str:
    if original.isupper() and len(original) > 1:
        return form.upper()
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form

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
_STOPS = ".;:,!?\n()"  # punctuation that ends a run of syllables read together
# "dung" folds dụng, dung, đứng, dựng, dùng, đúng, dũng…: "d" and "đ" share a folded form, so keep enough
CANDIDATES_PER_SYLLABLE = 10


def count_syllables(texts: Iterable[str]) -> tuple[Counter, Counter]:
    """(folded syllable, accented form) counts and (form, next form) counts, within sentences."""
    forms: Counter = Counter()
    pairs: Counter = Counter()
    for text in texts:
        previous = None
        for token in _TOKEN.findall(text.lower()):
            if not token[0].isalnum():
                if any(ch in token for ch in _STOPS):
                    previous = None
                continue
            forms[(fold_accents(token), token)] += 1
            if previous:
                pairs[(previous, token)] += 1
            previous = token
    return forms, pairs


def question_phrases() -> list[str]:
    """The everyday question words the corpus seldom contains ("ai", "ở đâu") and the field's phrases
    the assistant looks for in a question, repeated to weigh more."""
    from assistant.vocabulary import field_phrases  # the vocabulary reads yaml; load it only when restoring

    return [*QUESTION_PHRASES.read_text(encoding="utf-8").splitlines(), *field_phrases()] * PHRASE_REPEAT


class DiacriticsModel:
    def __init__(self, unigrams: dict[str, Counter], bigrams: Counter):
        self.unigrams = unigrams  # folded syllable -> Counter of accented forms
        self.bigrams = bigrams  # (accented, accented) -> count

    @classmethod
    def for_corpus(cls, texts: Iterable[str]) -> "DiacriticsModel":
        """The corpus plus the everyday question words it seldom contains ("ai", "ở đâu")."""
        return cls.from_texts([*texts, *question_phrases()])

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "DiacriticsModel":
        forms, pairs = count_syllables(texts)
        unigrams: dict[str, Counter] = defaultdict(Counter)
        for (folded, form), n in forms.items():
            unigrams[folded][form] += n
        return cls(dict(unigrams), pairs)

    def candidates(self, syllable: str) -> list[tuple[str, float]]:
        forms = self.unigrams.get(syllable)
        if not forms:
            return [(syllable, 0.0)]
        total = sum(forms.values())
        return [(form, math.log(count / total)) for form, count in forms.most_common(CANDIDATES_PER_SYLLABLE)]

    def restore(self, text: str) -> str:
        """Accent every syllable typed without diacritics; keep everything else as typed."""
        tokens = _TOKEN.findall(text)
        for words in _runs_between_stops(tokens):  # the counts hold no pair across a comma or a stop
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


def _runs_between_stops(tokens: list[str]) -> list[list[int]]:
    """Indexes of the syllables typed without diacritics, in runs that punctuation separates."""
    runs: list[list[int]] = [[]]
    for index, token in enumerate(tokens):
        if not token[0].isalnum():
            if any(ch in token for ch in _STOPS) and runs[-1]:
                runs.append([])
        elif token.isascii():
            runs[-1].append(index)
    return [run for run in runs if run]


def _match_case(original: str, form: str) -> str:
    if original.isupper() and len(original) > 1:
        return form.upper()
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


COUNTS_SCHEMA = """
CREATE TABLE IF NOT EXISTS diacritic_forms (folded TEXT, form TEXT, n INTEGER, PRIMARY KEY (folded, form)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS diacritic_pairs (a TEXT, b TEXT, n INTEGER, PRIMARY KEY (a, b)) WITHOUT ROWID;
"""


class StoredDiacritics:
    """The same model with its counts kept in the chunk store, updated one document at a time.

    `add` / `remove` run inside the writer's transaction; `restore` reads only the
    counts of the syllables typed, so no process ever loads the whole corpus.
    """

    def __init__(self, connect):
        self._connect = connect  # returns this thread's sqlite3 connection
        self._phrases: tuple[Counter, Counter] | None = None

    @staticmethod
    def install(db) -> None:
        db.executescript(COUNTS_SCHEMA)

    @staticmethod
    def add(db, texts: Iterable[str], sign: int = 1) -> None:
        forms, pairs = count_syllables(texts)
        db.executemany(
            "INSERT INTO diacritic_forms(folded, form, n) VALUES(?,?,?) "
            "ON CONFLICT(folded, form) DO UPDATE SET n = n + excluded.n",
            [(folded, form, sign * n) for (folded, form), n in forms.items()],
        )
        db.executemany(
            "INSERT INTO diacritic_pairs(a, b, n) VALUES(?,?,?) ON CONFLICT(a, b) DO UPDATE SET n = n + excluded.n",
            [(a, b, sign * n) for (a, b), n in pairs.items()],
        )
        if sign < 0:
            db.executemany("DELETE FROM diacritic_forms WHERE folded=? AND form=? AND n<=0", list(forms))
            db.executemany("DELETE FROM diacritic_pairs WHERE a=? AND b=? AND n<=0", list(pairs))

    @classmethod
    def remove(cls, db, texts: Iterable[str]) -> None:
        cls.add(db, texts, -1)

    def restore(self, text: str) -> str:
        return self.model_for(text).restore(text)

    def model_for(self, text: str) -> DiacriticsModel:
        """A model holding just the counts this text needs: its syllables' forms and their pairs."""
        typed = {t.lower() for t in _TOKEN.findall(text) if t[0].isalnum() and t.isascii()}
        phrase_forms, phrase_pairs = self._phrase_counts()
        db = self._connect()
        unigrams: dict[str, Counter] = defaultdict(Counter)
        for (folded, form), n in phrase_forms.items():
            if folded in typed:
                unigrams[folded][form] += n
        for folded in typed:
            for form, n in db.execute("SELECT form, n FROM diacritic_forms WHERE folded=?", (folded,)):
                unigrams[folded][form] += n
        forms = sorted({form for counts in unigrams.values() for form, _ in counts.most_common(CANDIDATES_PER_SYLLABLE)})
        bigrams: Counter = Counter({pair: n for pair, n in phrase_pairs.items() if pair[0] in forms and pair[1] in forms})
        if forms:
            marks = ",".join("?" * len(forms))
            for a, b, n in db.execute(
                    f"SELECT a, b, n FROM diacritic_pairs WHERE a IN ({marks}) AND b IN ({marks})", forms + forms):
                bigrams[(a, b)] += n
        return DiacriticsModel(dict(unigrams), bigrams)

    def _phrase_counts(self) -> tuple[Counter, Counter]:
        if self._phrases is None:
            self._phrases = count_syllables(question_phrases())
        return self._phrases

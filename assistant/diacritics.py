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
from functools import cached_property
from pathlib import Path
from typing import Iterable

from documents.text import fold_accents

_TOKEN = re.compile(r"\w+|\W+", re.UNICODE)
BIGRAM_LAMBDA = 0.9  # the weight of the pair's own count against the form's count alone
QUESTION_PHRASES = Path(__file__).resolve().parent / "data" / "question_phrases.txt"
CHAT_PHRASES = Path(__file__).resolve().parent / "data" / "chat_phrases.txt"
PHRASE_REPEAT = 3
CHAT_FORM_REPEAT = 300  # a chat word against a legal text's word of the same letters ("tôi" against "tối")
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


def phrase_counts() -> tuple[Counter, Counter]:
    """Counts of the everyday question words the corpus seldom contains ("ai", "ở đâu") and of the field's phrases
    the assistant looks for in a question, repeated to weigh more; and of the chat's words ("tôi", "hỏi", "thì"),
    whose forms weigh much more but whose pairs only as much as the others: "cho tôi hỏi" must not turn
    "cho tối đa" into "cho tôi đa"."""
    from assistant.vocabulary import field_phrases  # the vocabulary reads yaml; load it only when restoring

    forms, pairs = count_syllables([*QUESTION_PHRASES.read_text(encoding="utf-8").splitlines(), *field_phrases()]
                                   * PHRASE_REPEAT)
    chat = [line for line in CHAT_PHRASES.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    chat_forms, chat_pairs = count_syllables(chat)
    for form, n in chat_forms.items():
        forms[form] += n * CHAT_FORM_REPEAT
    for pair, n in chat_pairs.items():
        pairs[pair] += n * PHRASE_REPEAT
    return forms, pairs


class DiacriticsModel:
    def __init__(self, unigrams: dict[str, Counter], bigrams: Counter, total: int | None = None,
                 followed: dict[str, int] | None = None):
        self.unigrams = unigrams  # folded syllable -> Counter of accented forms
        self.bigrams = bigrams  # (accented, accented) -> count
        self._form_counts = {form: n for forms in unigrams.values() for form, n in forms.items()}
        self.total = total or sum(self._form_counts.values()) or 1  # every syllable counted, for P(form)
        # how often each form is followed by another syllable: the denominator of P(next | form), apart from the
        # form's own count, which the chat's words inflate to win their letters ("tôi" against "tối")
        self.followed = followed if followed is not None else _followed(bigrams)

    @classmethod
    def for_corpus(cls, texts: Iterable[str]) -> "DiacriticsModel":
        """The corpus plus the everyday question words it seldom contains ("ai", "ở đâu")."""
        forms, pairs = count_syllables(texts)
        phrase_forms, phrase_pairs = phrase_counts()
        return cls.from_counts(forms + phrase_forms, pairs + phrase_pairs)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "DiacriticsModel":
        return cls.from_counts(*count_syllables(texts))

    @classmethod
    def from_counts(cls, forms: Counter, pairs: Counter) -> "DiacriticsModel":
        unigrams: dict[str, Counter] = defaultdict(Counter)
        for (folded, form), n in forms.items():
            unigrams[folded][form] += n
        return cls(dict(unigrams), pairs)

    def candidates(self, syllable: str) -> list[tuple[str, int]]:
        forms = self.unigrams.get(syllable)
        if not forms:
            return [(syllable, 1)]
        return forms.most_common(CANDIDATES_PER_SYLLABLE)

    def restore(self, text: str) -> str:
        """Accent every syllable typed without diacritics; keep everything else as typed."""
        tokens = _TOKEN.findall(text)
        for words in _runs_between_stops(tokens):  # the counts hold no pair across a comma or a stop
            best = self._viterbi([tokens[i].lower() for i in words])
            for index, form in zip(words, best):
                tokens[index] = _match_case(tokens[index], form)
        return "".join(tokens)

    def _transition(self, previous: str, form: str, count: int) -> float:
        """log P(form | previous): how often the previous form is followed by this one, interpolated with how
        often this form occurs at all. A frequent neighbour ("đã được") does not outweigh a rarer pair that
        nearly always goes together ("tối đa")."""
        seen = self.followed.get(previous, 0)
        following = self.bigrams.get((previous, form), 0) / seen if seen else 0.0
        return math.log(BIGRAM_LAMBDA * following + (1 - BIGRAM_LAMBDA) * count / self.total + 1e-12)

    def _viterbi(self, syllables: list[str]) -> list[str]:
        if not syllables:
            return []
        paths = {form: (math.log(count / self.total), [form]) for form, count in self.candidates(syllables[0])}
        for syllable in syllables[1:]:
            new_paths = {}
            for form, count in self.candidates(syllable):
                best_score, best_path = max(((score + self._transition(previous, form, count), path)
                                             for previous, (score, path) in paths.items()), key=lambda item: item[0])
                new_paths[form] = (best_score, best_path + [form])
            paths = new_paths
        return max(paths.values(), key=lambda item: item[0])[1]


def _followed(bigrams: Counter) -> dict[str, int]:
    followed: Counter = Counter()
    for (previous, _), n in bigrams.items():
        followed[previous] += n
    return dict(followed)


def _runs_between_stops(tokens: list[str]) -> list[list[int]]:
    """Indexes of the syllables typed without diacritics, in runs that punctuation separates. A capital letter
    alone names someone ("anh A", "trường B"): it stays as typed and breaks the run."""
    runs: list[list[int]] = [[]]
    for index, token in enumerate(tokens):
        if not token[0].isalnum():
            if any(ch in token for ch in _STOPS) and runs[-1]:
                runs.append([])
        elif len(token) == 1 and token.isupper():
            if runs[-1]:
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
        phrase_forms, phrase_pairs = self._phrases
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
        total = (db.execute("SELECT COALESCE(SUM(n), 0) FROM diacritic_forms").fetchone()[0]
                 + sum(phrase_forms.values()))
        return DiacriticsModel(dict(unigrams), bigrams, total, self._followed(db, forms))

    def _followed(self, db, forms: list[str]) -> dict[str, int]:
        followed = Counter({form: self._phrase_followed[form] for form in forms if form in self._phrase_followed})
        if forms:
            marks = ",".join("?" * len(forms))
            for form, n in db.execute(f"SELECT a, SUM(n) FROM diacritic_pairs WHERE a IN ({marks}) GROUP BY a", forms):
                followed[form] += n
        return dict(followed)

    @cached_property
    def _phrase_followed(self) -> dict[str, int]:
        return _followed(self._phrases[1])

    @cached_property
    def _phrases(self) -> tuple[Counter, Counter]:
        return phrase_counts()

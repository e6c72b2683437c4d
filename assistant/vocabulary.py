"""The field's vocabulary and the map of the law, read from `assistant/data/`.

Three data files:

* `vocabulary.yaml` — every title and award of Luật 06/2022/QH15, the bodies,
  staff categories, ratings, levels, procedures and legal texts, with the
  abbreviations and spoken forms officers use;
* `law_map.yaml` — (subject × aspect) → Điều/khoản/điểm of each legal text,
  each with a verbatim quote;
* `aspects.yaml` — the cue phrases that say which aspect a question asks about.

Matching folds case and accents and works on whole syllables, longest form first:

>>> vocab = load_vocabulary()
>>> [m.entry.id for m in vocab.find("Tiêu chuẩn CSTĐCS năm 2024?")]
['chien_si_thi_dua_co_so']
>>> [m.entry.id for m in vocab.find("xet tang co thi dua cap tinh")]
['co_thi_dua_cap_tinh']
>>> vocab.expand("HCLĐ hạng Nhì cần gì?")
'Huân chương Lao động hạng Nhì'
>>> detect_aspect("Gia đình văn hoá do ai tặng?")
'tham_quyen_quyet_dinh'
>>> [e.article for e in load_law_map().locate("gia_dinh_van_hoa", "tham_quyen_quyet_dinh", ["luat-06-2022-QH15"])]
['Điều 80']
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from documents.datafile import read_yaml
from documents.text import collapse_spaces, fold_accents, normalize

DATA_DIR = Path(__file__).parent / "data"
VOCABULARY_PATH = DATA_DIR / "vocabulary.yaml"
LAW_MAP_PATH = DATA_DIR / "law_map.yaml"
ASPECTS_PATH = DATA_DIR / "aspects.yaml"

_SYLLABLE = re.compile(r"\w+", re.UNICODE)
_BREAK = re.compile(r"[,.;:?!]")
_ALTERNATION = re.compile(r"\{([^{}]*)\}")


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class _Syllable:
    folded: str
    marks: tuple[str, ...]  # diacritics, in any order of placement ("hoá" = "hóa"); () if none
    start: int
    end: int
    after_break: bool = False  # a comma or a full stop comes between it and the syllable before


def _marks(syllable: str) -> tuple[str, ...]:
    lowered = syllable.lower()
    marks = [ch for ch in unicodedata.normalize("NFD", lowered) if unicodedata.combining(ch)]
    return tuple(sorted(marks + (["đ"] if "đ" in lowered else [])))


def _compatible(text_marks: tuple[str, ...], phrase_marks: tuple[str, ...]) -> bool:
    """Same diacritics, or one side typed without any ("hieu" matches "hiệu" and "hiểu")."""
    return text_marks == phrase_marks or not text_marks or not phrase_marks


FOUND_CACHE_SIZE = 4096


class _PhraseIndex:
    """Folded syllable sequences → a key; longest non-overlapping matches.

    Syllables are compared without case and accents, but two syllables that both carry
    diacritics must carry the same ones: "hiệu" never matches "hiểu", while an unaccented
    question ("hieu") matches either.
    """

    def __init__(self, equivalents: dict[str, str] | None = None):
        self._equivalents = equivalents or {}
        self._keys: dict[tuple[str, ...], list[tuple[tuple[tuple[str, ...], ...], tuple[bool, ...], str]]] = {}
        self._lengths: dict[str, set[int]] = {}
        # a question's sentences are searched many times over while it is read and answered
        self._found: dict[str, list[tuple[str, int, int]]] = {}

    def syllables(self, text: str) -> list[_Syllable]:
        text = normalize(text)
        out = []
        for m in _SYLLABLE.finditer(text):
            folded = fold_accents(m.group())
            broken = bool(out) and bool(_BREAK.search(text[out[-1].end:m.start()]))
            out.append(_Syllable(self._equivalents.get(folded, folded), _marks(m.group()), m.start(), m.end(), broken))
        return out

    def fold(self, phrase: str) -> tuple[str, ...]:
        return tuple(s.folded for s in self.syllables(phrase))

    def add(self, phrase: str, key: str) -> str | None:
        """Register a phrase; return the key that already owned it, if another one did."""
        sylls = self.syllables(phrase)
        if not sylls:
            return None
        folded, marks = tuple(s.folded for s in sylls), tuple(s.marks for s in sylls)
        owners = self._keys.setdefault(folded, [])
        for known_marks, _, owner in owners:
            if known_marks == marks:
                return owner if owner != key else None
        owners.append((marks, tuple(s.after_break for s in sylls), key))
        self._lengths.setdefault(folded[0], set()).add(len(folded))
        self._found.clear()
        return None

    def _lookup(self, sylls: list[_Syllable]) -> str | None:
        """A phrase does not run across a comma or a full stop the phrase itself does not have ("Xã đã tặng
        giấy khen, huyện cũng đề nghị" names no district's Giấy khen)."""
        for marks, breaks, key in self._keys.get(tuple(s.folded for s in sylls), ()):
            if (all(_compatible(s.marks, m) for s, m in zip(sylls, marks))
                    and all(b or not s.after_break for s, b in zip(sylls[1:], breaks[1:]))):
                return key
        return None

    def search(self, text: str) -> list[tuple[str, int, int]]:
        """(key, start, end) character spans found in `text`, left to right.

        Every phrase occurrence is a candidate; the longest ones (in syllables) are kept
        first and overlapping shorter ones dropped, so "danh hiệu chiến sĩ thi đua cấp
        tỉnh" yields the provincial title, not the generic one.
        """
        found = self._found.get(text)
        if found is None:
            if len(self._found) >= FOUND_CACHE_SIZE:
                self._found.clear()
            found = self._found[text] = self._spans(text)
        return list(found)

    def _spans(self, text: str) -> list[tuple[str, int, int]]:
        sylls = self.syllables(text)
        candidates = []  # (length, start syllable, key)
        for i, syl in enumerate(sylls):
            for length in self._lengths.get(syl.folded, ()):
                if i + length <= len(sylls):
                    key = self._lookup(sylls[i:i + length])
                    if key is not None:
                        candidates.append((length, i, key))
        taken: list[bool] = [False] * len(sylls)
        kept = []
        for length, i, key in sorted(candidates, key=lambda c: (-c[0], c[1])):
            if any(taken[i:i + length]):
                continue
            taken[i:i + length] = [True] * length
            kept.append((i, length, key))
        return [(key, sylls[i].start, sylls[i + length - 1].end) for i, length, key in sorted(kept)]


def expand_alternatives(form: str) -> list[str]:
    """Expand `{a|b}` groups into every combination (an empty option drops the group).

    >>> expand_alternatives("{CSTĐ|chiến sĩ thi đua} {cấp |}tỉnh")
    ['CSTĐ cấp tỉnh', 'CSTĐ tỉnh', 'chiến sĩ thi đua cấp tỉnh', 'chiến sĩ thi đua tỉnh']
    """
    parts = _ALTERNATION.split(form)
    literals, groups = parts[0::2], [p.split("|") for p in parts[1::2]]
    out = []
    for choice in itertools.product(*groups):
        pieces = [literals[0]]
        for option, literal in zip(choice, literals[1:]):
            pieces += [option, literal]
        text = collapse_spaces("".join(pieces))
        if text and text not in out:
            out.append(text)
    return out


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class Source:
    doc: str
    quote: str
    article: str | None = None  # "Điều 22"; None for a document's own header
    khoan: int | list[int] | None = None
    diem: str | list[str] | None = None
    for_: tuple[str, ...] = ()  # who the quoted criterion is for (cá nhân, tập thể), when the text tells them apart

    @property
    def khoan_numbers(self) -> tuple[int, ...]:
        return _khoan_numbers(self.khoan)


@dataclass(frozen=True)
class VocabEntry:
    id: str
    name: str
    kind: str
    source: Source
    level: str | list[str] | None = None
    for_: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    variants_source: str = ""
    parent: str | None = None
    related: tuple[str, ...] = ()
    doc: str | None = None  # for kind == van_ban: the knowledge file stem
    note: str = ""
    builds_on: tuple[tuple[str, Source], ...] = ()  # (title id, where its criteria require it)
    step_required: bool = False  # the title of `builds_on` is a condition of its own, not one way among others
    masked: bool = False  # its words name what is asked about, not the aspect ("nước ngoài trao tặng")
    spell: tuple[tuple[str, str], ...] = ()  # (variant, what it stands for) where that is not `name`
    # words naming whom the entry is for, that pick it among the members of its family ("bộ đội" → AH LLVTND)
    recipients: tuple[str, ...] = ()
    recipients_source: str = ""

    def spelled_as(self, written: str) -> str:
        """What a variant stands for: "TĐKT" → "thi đua, khen thưởng" (the entry's name unless `spell` says)."""
        spelled = (full for short, full in self.spell if short.casefold() == written.casefold())
        return next(spelled, self.name.strip("“”\""))

    @property
    def names_a_kind(self) -> bool:
        """ "Huân chương", "bằng khen": the name of a whole kind of award, no award of its own."""
        return self.id == self.kind

    def forms(self, rank_aliases: dict[str, list[str]]) -> list[str]:
        """Name and every expanded variant, with rank spellings (hạng Nhì → hạng 2, hạng II)."""
        forms: list[str] = []
        for raw in (self.name, *self.variants):
            for form in expand_alternatives(raw):
                for ranked in _with_rank_aliases(form, rank_aliases):
                    if ranked not in forms:
                        forms.append(ranked)
        return forms


def _with_rank_aliases(form: str, aliases: dict[str, list[str]]) -> list[str]:
    out = [form]
    lowered = form.lower()
    for rank, spellings in aliases.items():
        if rank.lower() in lowered:
            start = lowered.index(rank.lower())
            out += [form[:start] + s + form[start + len(rank):] for s in spellings]
    return out


_KIN_WORDS = ("anh", "chị", "ông", "bà", "em", "cô", "chú", "bác")


def _names_a_person(written: str) -> bool:
    """ "anh Hùng bảo vệ cơ quan": a kinship word written small before a capitalised given name calls a person,
    not the title "Anh hùng"."""
    words = written.split()
    return len(words) >= 2 and words[0] in _KIN_WORDS and words[1][:1].isupper()


@dataclass(frozen=True)
class Match:
    entry: VocabEntry
    start: int
    end: int
    text: str  # the words as written in the question


class Vocabulary:
    def __init__(self, entries: list[VocabEntry], rank_aliases: dict[str, list[str]] | None = None,
                 equivalents: dict[str, str] | None = None, not_names: list[str] | None = None):
        self.entries = entries
        self._by_id = {e.id: e for e in entries}
        self.rank_aliases = rank_aliases or {}
        self._index = _PhraseIndex(equivalents)
        self._not_names = _PhraseIndex(equivalents)
        for phrase in not_names or ():
            self._not_names.add(phrase, phrase)
        self.collisions: list[tuple[str, str, str]] = []  # (form, owner id, other id)
        for entry in entries:
            for form in entry.forms(self.rank_aliases):
                owner = self._index.add(form, entry.id)
                if owner:
                    self.collisions.append((form, owner, entry.id))

    def __contains__(self, entry_id: str) -> bool:
        return entry_id in self._by_id

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> VocabEntry:
        return self._by_id[entry_id]

    def ancestors(self, entry_id: str) -> list[str]:
        """Parent chain of an entry, nearest first (hạng Nhì → Huân chương Lao động → Huân chương)."""
        chain, current = [], self._by_id.get(entry_id)
        while current is not None and current.parent and current.parent not in chain:
            chain.append(current.parent)
            current = self._by_id.get(current.parent)
        return chain

    def find(self, text: str) -> list[Match]:
        """Entries named in `text`, by official name or variant, in order of appearance.

        >>> [m.text for m in load_vocabulary().find("Bằng khen của Thủ tướng hay BK TTg?")]
        ['Bằng khen của Thủ tướng', 'BK TTg']
        """
        text = normalize(text)
        words = [(start, end) for _, start, end in self._not_names.search(text)]  # "trợ cấp xã hội" names no level
        return [Match(self._by_id[key], start, end, text[start:end])
                for key, start, end in self._index.search(text)
                if not _names_a_person(text[start:end]) and not any(s <= start and end <= e for s, e in words)]

    def expand(self, text: str) -> str:
        """Official names of the entries named in `text`, once each, joined by "; "."""
        names: list[str] = []
        for match in self.find(text):
            if match.entry.name not in names:
                names.append(match.entry.name)
        return "; ".join(names)

    def explain(self, text: str) -> list[tuple[str, str]]:
        """(words as written, official name) where they differ — for "Đã hiểu là: …".

        >>> load_vocabulary().explain("LĐTT và Lao động tiên tiến")
        [('LĐTT', 'Lao động tiên tiến')]
        """
        out = []
        for match in self.find(text):
            same = self._index.fold(match.text) == self._index.fold(match.entry.name)
            pair = (match.text, match.entry.name)
            if not same and pair not in out:
                out.append(pair)
        return out


def _as_tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (value,)


def _khoan_numbers(khoan) -> tuple[int, ...]:
    """A khoản written as one number or a list, as numbers."""
    return tuple(int(k) for k in _as_tuple(khoan))


def _source(src: dict) -> Source:
    return Source(doc=src["doc"], quote=normalize(src["quote"]), article=src.get("article"),
                  khoan=src.get("khoan"), diem=src.get("diem"), for_=_as_tuple(src.get("for")))


def _entry(raw: dict) -> VocabEntry:
    return VocabEntry(
        id=raw["id"], name=normalize(raw["name"]), kind=raw["kind"], source=_source(raw["source"]),
        builds_on=tuple((item["id"], _source(item)) for item in raw.get("builds_on") or ()),
        step_required=bool(raw.get("step_required")),
        level=raw.get("level"), for_=_as_tuple(raw.get("for")),
        variants=tuple(normalize(v) for v in raw.get("variants") or ()),
        variants_source=raw.get("variants_source", ""), parent=raw.get("parent"),
        related=_as_tuple(raw.get("related")), doc=raw.get("doc"), note=raw.get("note", ""),
        masked=bool(raw.get("masked")),
        spell=tuple((normalize(k), normalize(v)) for k, v in (raw.get("spell") or {}).items()),
        recipients=tuple(form for words in raw.get("recipients") or () for form in expand_alternatives(normalize(words))),
        recipients_source=raw.get("recipients_source", ""),
    )


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    if path is None:
        return _default_vocabulary()
    return _read_vocabulary(Path(path))


@lru_cache(maxsize=1)
def _default_vocabulary() -> Vocabulary:
    return _read_vocabulary(VOCABULARY_PATH)


def _read_vocabulary(path: Path) -> Vocabulary:
    data = read_yaml(path)
    matching = data.get("matching") or {}
    return Vocabulary([_entry(raw) for raw in data["entries"]],
                      rank_aliases=matching.get("rank_aliases"),
                      equivalents=matching.get("syllable_equivalents"),
                      not_names=matching.get("not_names"))


# --------------------------------------------------------------------------- aspects


@dataclass(frozen=True)
class Aspect:
    id: str
    label: str
    cues: tuple[str, ...]
    weak_cues: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()  # notions whose provisions answer it whatever title is named


_PARTICLES = {"a", "ah", "vay", "the", "nhi", "ha", "nhe", "day", "nua"}  # folded end-of-question particles ("… cần những gì nữa")


@lru_cache(maxsize=1)
def _sign_offs() -> tuple[tuple[str, ...], ...]:
    """The words a chat question may end on after its question word ("… từ nguồn nào vậy mọi người?"), folded, longest
    first: the particles above and the sign-offs of `chat_spellings.yaml` ("mn", "anh chị", "mọi người")."""
    closing = read_yaml(DATA_DIR / "chat_spellings.yaml")["closing"]
    words = {tuple(fold_accents(normalize(word)).lower().split()) for word in closing} | {(p,) for p in _PARTICLES}
    return tuple(sorted(words, key=len, reverse=True))


def _without_sign_offs(tail: list[str]) -> list[str]:
    ending = next((w for w in _sign_offs() if len(w) <= len(tail) and tuple(tail[-len(w):]) == w), None)
    return _without_sign_offs(tail[:-len(ending)]) if ending else tail


_ASIDE = re.compile(r"\([^()]{1,60}\)")
_RIGHT_OR_NOT = re.compile(r"\b(?:co )?(?:dung|chinh xac) (?:(?:vay|nhu vay|the|nhu the|khong vay|quy dinh) )?khong\b")


class Aspects:
    """Cue phrases → aspect; ordinary cues first, weak cues only when no ordinary one occurs.
    Cues inside an idiom ("làm hồ sơ đề nghị": to nominate) do not count."""

    def __init__(self, aspects: list[Aspect], interrogatives: tuple[str, ...] = (), yes_no: tuple[str, ...] = (),
                 idioms: tuple[str, ...] = (), bare_questions: tuple[str, ...] = ()):
        self.aspects = aspects
        self._strong, self._weak, self._idioms = _PhraseIndex(), _PhraseIndex(), _PhraseIndex()
        self._interrogatives = {self._strong.fold(w) for w in interrogatives}
        self._bare = {self._strong.fold(form) for w in bare_questions for form in expand_alternatives(w)}
        self._yes_no = {self._strong.fold(w)[0] for w in yes_no}
        for idiom in idioms:
            for form in expand_alternatives(idiom):
                self._idioms.add(form, "idiom")
        for aspect in aspects:
            for index, cues in ((self._strong, aspect.cues), (self._weak, aspect.weak_cues)):
                for cue in cues:
                    for form in expand_alternatives(cue):
                        index.add(form, aspect.id)

    def ids(self) -> list[str]:
        return [a.id for a in self.aspects]

    def owners(self, aspect_id: str) -> tuple[str, ...]:
        return next((a.owners for a in self.aspects if a.id == aspect_id), ())

    def detect_all(self, text: str) -> list[str]:
        """Aspects whose cues occur in `text`: one asked for first, then the one whose cues
        cover most syllables ("hồ sơ … có bắt buộc phải có … báo cáo thành tích" speaks of
        the hồ sơ twice), then the earlier. A cue asks when it holds an interrogative or stands
        between "có" and a yes/no word ("có ưu tiên nữ không")."""
        idioms = [(start, end) for _, start, end in self._idioms.search(text)]
        idioms += [m.span() for m in _ASIDE.finditer(text)]  # "Thông tư 12/2019 (đã hết hiệu lực), …" asks nothing there
        for index in (self._strong, self._weak):
            hits = [h for h in index.search(text) if not any(s <= h[1] and h[2] <= e for s, e in idioms)]
            if hits:
                spans: dict[str, list[tuple[int, int]]] = {}
                # (0, 0): the cue asks; (1, n): its clause ends on a question word n syllables after it
                asked: dict[str, tuple[int, int]] = {}
                for aspect_id, start, end in hits:
                    spans.setdefault(aspect_id, []).append((start, end))
                    if (self._asks(index.fold(text[start:end])) or self._framed_yes_no(text, start, end, index)
                            or self._claim_checked(text, end, index)):
                        asked[aspect_id] = (0, 0)
                    else:
                        gap = self._asked_in_clause(text, end, index)
                        if gap is not None:
                            # "Trách nhiệm của … trong tổ chức phong trào thi đua được quy định thế nào?": a cue
                            # the sentence opens on, owned by what follows ("… của"), is its head, whatever nearer
                            # cue names what it is about ("Quỹ … của xã được hình thành từ nguồn nào" is not so)
                            gap = -1 if self._heads_the_sentence_owned(text, start, end, index) else gap
                            asked[aspect_id] = min(asked.get(aspect_id, (1, gap)), (1, gap))
                return sorted(spans, key=lambda a: (asked.get(a, (2, 0)), -self._covered(text, spans[a], index),
                                                    min(start for start, _ in spans[a])))
        return []

    def opens_on_a_cue(self, text: str) -> bool:
        """The text's first words are an aspect's cue: it names a topic ("Quyền, nghĩa vụ của cá nhân …"), it
        does not tell a story that mentions one later."""
        lead = len(text) - len(text.lstrip(" \t*-–•:"))
        return any(start == lead for _, start, _ in self._strong.search(text))

    def _framed_yes_no(self, text: str, start: int, end: int, index) -> bool:
        """ "có ưu tiên nữ không": the cue stands alone between "có" and a yes/no word (in "có thuộc
        diện bị hủy bỏ …, thu hồi bằng khen và tiền thưởng không" the frame holds more than it)."""
        before, cue = index.fold(text[max(0, start - 8):start])[-1:], index.fold(text[start:end])
        after = index.fold(text[end:end + 80].lstrip())[:2]  # a title named inside is masked by blanks
        after = after[1:] if after[:1] == ("duoc",) else after[:1]  # "có xét … được không"
        return ("co",) in (before, cue[:1]) and bool(self._yes_no.intersection(after))

    @staticmethod
    def _claim_checked(text: str, end: int, index) -> bool:
        """ "Nghe nói thời gian … được tính gấp đôi khi xét NGƯT, có đúng vậy không?": the sentence tells a rule the
        asker heard and asks whether it is right; its cue is what is asked."""
        tail = " ".join(index.fold(text[end:].split("?", 1)[0]))
        return bool(_RIGHT_OR_NOT.search(tail))

    def _asked_in_clause(self, text: str, end: int, index) -> int | None:
        """ "Định nghĩa sáng kiến … là gì ạ, có bắt buộc …": the clause the cue opens ends on a question word
        ("mấy cái bằng khen …" uses one as a quantifier). Returns the syllables between the cue and that
        word: of two cues in one clause the nearer one is asked ("xin cấp đổi … thì cần những thủ tục gì")."""
        tail = _without_sign_offs(list(index.fold(re.split(r"[,.;?!\n]", text[end:], maxsplit=1)[0])))
        if len(tail) == 1 and tail[0] in self._yes_no and re.match(r"\s?\w", text[end:]):
            return 0  # "… có liệt vào hành vi bị nghiêm cấm không?": the cue right before it is asked
        words = {w for w in self._interrogatives if w[0] not in self._yes_no}
        word = next((w for w in words if tuple(tail[-len(w):]) == w), None)
        return None if word is None else len(tail) - len(word)

    @staticmethod
    def _heads_the_sentence_owned(text: str, start: int, end: int, index) -> bool:
        return not index.fold(re.split(r"[.?!\n]", text[:start])[-1]) and index.fold(text[start:end])[-1:] == index.fold("của")

    @staticmethod
    def _covered(text: str, spans: list[tuple[int, int]], index) -> int:
        """Syllables of the text inside the spans, each counted once (nested cues overlap)."""
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return sum(len(index.fold(text[start:end])) for start, end in merged)

    def _asks(self, cue: tuple[str, ...]) -> bool:
        """A cue holding an interrogative; a bare "khi nào" asks about whatever the sentence names
        ("khi nào bị hủy quyết định" asks when an award is cancelled, not a date); a cue ending on "hay" sets two
        answers against each other ("Chủ tịch tỉnh ký QĐ hay GĐ Sở ký"), which asks too."""
        return cue not in self._bare and (cue[-1:] == self._strong.fold("hay") or any(
            cue[i:i + len(w)] == w for w in self._interrogatives for i in range(len(cue))))

    def holds_a_question_word(self, text: str) -> bool:
        return self._asks(self._strong.fold(text))


@lru_cache(maxsize=1)
def field_phrases() -> tuple[str, ...]:
    """Every phrase the understanding layer looks for (aspect cues, names and variants of titles,
    bodies, notions), spelled out: restoring diacritics should know them ("tu phat dong" → "tự
    phát động", not "từ phát động")."""
    aspects = _default_aspects().aspects
    cues = [form for a in aspects for cue in (*a.cues, *a.weak_cues) for form in expand_alternatives(cue)]
    names = [form for e in load_vocabulary().entries for raw in (e.name, *e.variants) for form in expand_alternatives(raw)]
    return tuple(dict.fromkeys(phrase for phrase in (*cues, *names) if phrase != fold_accents(phrase)))


def load_aspects(path: str | Path | None = None) -> Aspects:
    if path is None:
        return _default_aspects()
    return _read_aspects(Path(path))


@lru_cache(maxsize=1)
def _default_aspects() -> Aspects:
    return _read_aspects(ASPECTS_PATH)


def _read_aspects(path: Path) -> Aspects:
    data = read_yaml(path)
    return Aspects([Aspect(aid, spec["label"], tuple(normalize(c) for c in spec.get("cues") or ()),
                           tuple(normalize(c) for c in spec.get("weak_cues") or ()), tuple(spec.get("owners") or ()))
                    for aid, spec in data["aspects"].items()],
                   interrogatives=tuple(normalize(w) for w in data.get("interrogatives") or ()),
                   yes_no=tuple(normalize(w) for w in data.get("yes_no") or ()),
                   idioms=tuple(normalize(w) for w in data.get("idioms") or ()),
                   bare_questions=tuple(normalize(w) for w in data.get("bare_questions") or ()))


# Entries whose names contain cue words ("Khen thưởng theo thủ tục đơn giản", "Hội đồng …"):
# their spans are blanked before looking for aspect cues.
MASKED_KINDS = frozenset({
    "danh_hieu_thi_dua", "danh_hieu_vinh_du_nha_nuoc", "huan_chuong", "huy_chuong", "giai_thuong",
    "ky_niem_chuong", "bang_khen", "giay_khen", "loai_hinh_khen_thuong", "hinh_thuc_thi_dua",
    "thu_tuc", "co_quan", "van_ban",
})


def mask_subjects(text: str, vocabulary: Vocabulary | None = None) -> str:
    """`text` with the titles, awards, bodies and texts it names blanked out."""
    text = normalize(text)
    for match in reversed((vocabulary or load_vocabulary()).find(text)):
        if match.entry.kind in MASKED_KINDS or match.entry.masked:
            text = text[:match.start] + " " * (match.end - match.start) + text[match.end:]
    return text


def aspect_owners(aspect_id: str) -> tuple[str, ...]:
    """The notions that answer an aspect for any title ("quỹ thi đua, khen thưởng" for who pays)."""
    return _default_aspects().owners(aspect_id)


def holds_a_question_word(text: str) -> bool:
    """ "… gồm những gì?", "… không?": False for a headline ("Hồ sơ xét tặng Bằng khen Thủ tướng 2024?")."""
    return _default_aspects().holds_a_question_word(text)


def opens_on_an_aspect(text: str) -> bool:
    """ "Quyền, nghĩa vụ của cá nhân …; việc hủy bỏ …?" opens on what it asks about."""
    return _default_aspects().opens_on_a_cue(text)


def detect_aspect(text: str, vocabulary: Vocabulary | None = None) -> str | None:
    """The aspect a question asks about, from its cue words (longest cue wins).

    Words belonging to a named title or body do not count ("thủ tục" in "Khen thưởng
    theo thủ tục đơn giản").

    >>> detect_aspect("Cờ thi đua cấp tỉnh cần điều kiện gì?")
    'tieu_chuan'
    >>> detect_aspect("CSTĐCS phải đạt bao nhiêu phần trăm phiếu?")
    'ty_le_phieu'
    >>> detect_aspect("Khen thưởng theo thủ tục đơn giản là gì?")
    'dinh_nghia'
    >>> detect_aspect("Xin chào") is None
    True
    """
    return next(iter(aspects_asked(text, vocabulary)), None)


# "450.000 đồng", "1,5 triệu", "900 nghìn đồng": an amount of money, read as "số tiền" by the aspect cues
_AMOUNT = re.compile(r"\b\d{1,3}(?:[.,]\d{3})+\s*(?:đồng|đ|vnđ|vnd)?(?!\w)|\b\d+(?:[.,]\d+)?\s*(?:triệu|nghìn|ngàn)"
                     r"(?:\s*đồng)?(?!\w)|\b\d+\s*(?:đồng|vnđ)(?!\w)", re.IGNORECASE)


def quotes_an_amount(text: str) -> bool:
    """ "… được thưởng 450.000 đồng, đúng không?" """
    return bool(_AMOUNT.search(text))


def aspects_asked(text: str, vocabulary: Vocabulary | None = None) -> list[str]:
    """Every aspect the text's cue words ask about, the one `detect_aspect` gives first."""
    return _default_aspects().detect_all(_AMOUNT.sub("số tiền", mask_subjects(text, vocabulary)))


# --------------------------------------------------------------------------- law map


@dataclass(frozen=True)
class LawMapEntry:
    subject: str
    aspect: str
    doc: str
    article: str  # "Điều 23"
    quote: str
    khoan: int | list[int] | None = None
    diem: str | list[str] | None = None
    for_: tuple[str, ...] = ()
    note: str = ""
    group: str = ""  # a population group of question_parts.yaml the khoản is written for (đại biểu Quốc hội)
    level: str = ""  # the level (question_parts.yaml `levels`) of the authority the khoản names: "bo", "tinh"…
    # the families of titles/awards the khoản is about when the question names several at once
    # ("vừa LĐTT vừa CSTĐCS": two danh hiệu thi đua; "LĐTT và giấy khen": a danh hiệu and a hình thức)
    names: tuple[str, ...] = ()

    @property
    def article_number(self) -> int:
        return int(re.search(r"\d+", self.article).group())

    @property
    def khoan_numbers(self) -> tuple[int, ...]:
        """The khoản it names, written as one number or a list."""
        return _khoan_numbers(self.khoan)

    @property
    def diem_letters(self) -> tuple[str, ...]:
        return _as_tuple(self.diem)

    def citation(self) -> str:
        """"điểm a khoản 1 Điều 27" style reference."""
        parts = []
        if self.diem:
            parts.append("điểm " + ", ".join(_as_tuple(self.diem)))
        if self.khoan:
            parts.append("khoản " + ", ".join(str(k) for k in _as_tuple(self.khoan)))
        return " ".join(parts + [self.article])


@dataclass(frozen=True)
class LawDocument:
    doc: str
    name: str
    in_force_from: str | None = None
    in_force_until: str | None = None
    depends_on: str | None = None  # a guiding text that only details this document
    note: str = ""


@dataclass
class LawMap:
    documents: dict[str, LawDocument]
    entries: list[LawMapEntry]
    parents: dict[str, list[str]] = field(default_factory=dict)  # subject → ancestors

    def subjects(self) -> set[str]:
        return {e.subject for e in self.entries}

    def aspects(self) -> set[str]:
        return {e.aspect for e in self.entries}

    def aspects_of(self, subject_id: str) -> frozenset[str]:
        return self._aspects_by_subject.get(subject_id, frozenset())

    @cached_property
    def _aspects_by_subject(self) -> dict[str, frozenset[str]]:
        """Built once: asked for every notion of every question."""
        by_subject: dict[str, set[str]] = {}
        for e in self.entries:
            by_subject.setdefault(e.subject, set()).add(e.aspect)
        return {k: frozenset(v) for k, v in by_subject.items()}

    def locate(self, subject_id: str, aspect: str, doc_ids: list[str] | None = None,
               inherit: bool = True) -> list[LawMapEntry]:
        """Where the law says `aspect` of `subject_id`, document by document.

        `doc_ids` filters and orders the result (e.g. the text in force first, older ones
        after); without it every document of the map is searched in the map's order. With
        `inherit`, a document that says nothing of the subject itself contributes the entries
        of the nearest ancestor it does cover (hạng Nhì → Huân chương Lao động → huân chương).
        """
        chain = [subject_id, *(self.parents.get(subject_id, []) if inherit else [])]
        by_key = self._entries_by_key
        found: list[LawMapEntry] = []
        for doc in doc_ids if doc_ids is not None else list(self.documents):
            here = next((by_key[key] for subject in chain if (key := (doc, subject, aspect)) in by_key), [])
            found += here
        return found

    @cached_property
    def _entries_by_key(self) -> dict[tuple[str, str, str], list[LawMapEntry]]:
        """Built once: (document, subject, aspect) → its entries in the map's order."""
        by_key: dict[tuple[str, str, str], list[LawMapEntry]] = {}
        for e in self.entries:
            by_key.setdefault((e.doc, e.subject, e.aspect), []).append(e)
        return by_key


    def is_law(self, doc: str) -> bool:
        """A Luật (not a decree or circular that details one)."""
        document = self.documents.get(doc)
        return document is not None and document.name.startswith("Luật")

    def in_force(self, on: str) -> list[str]:
        """Documents of the map in force on an ISO date ("2024-05-01"), in map order.

        >>> load_law_map().in_force("2025-03-01")
        ['luat-06-2022-QH15', 'nd-98-2023-ND-CP', 'tt-01-2024-TT-BNV']
        """
        return [d.doc for d in self.documents.values() if self._in_force(d, on)]

    def _in_force(self, document: LawDocument, on: str) -> bool:
        if not ((document.in_force_from or "") <= on and (document.in_force_until is None or on <= document.in_force_until)):
            return False
        parent = self.documents.get(document.depends_on) if document.depends_on else None
        return parent is None or self._in_force(parent, on)


# Kinds that name what a question is about, tried before bodies, people and levels.
SUBJECT_KINDS = (
    "danh_hieu_thi_dua", "danh_hieu_vinh_du_nha_nuoc", "huan_chuong", "huy_chuong", "giai_thuong",
    "ky_niem_chuong", "bang_khen", "giay_khen", "loai_hinh_khen_thuong", "hinh_thuc_thi_dua", "thu_tuc",
)


def locate_question(text: str, doc_ids: list[str] | None = None, vocabulary: Vocabulary | None = None,
                    law_map: LawMap | None = None, default_aspect: str = "tieu_chuan") -> list[LawMapEntry]:
    """Law-map entries for a question: its named subjects × its aspect.

    Subjects are tried in order — titles and awards first, then their `related` entries,
    then bodies, people and levels; aspects in the order `Aspects.detect_all` gives, then
    `default_aspect` (a question that names a title but asks nothing mapped, such as
    "HCLĐ hạng Nhì?", is taken to ask for its tiêu chuẩn). The first pair with entries wins.

    >>> [e.citation() for e in locate_question("gia đình văn hoá do ai tặng", ["luat-06-2022-QH15"])]
    ['khoản 3 Điều 80']
    """
    vocabulary = vocabulary or load_vocabulary()
    law_map = law_map or load_law_map()
    matches = [m.entry for m in vocabulary.find(text)]
    named = [e.id for e in matches if e.kind in SUBJECT_KINDS]
    related = [r for e in matches if e.kind in SUBJECT_KINDS for r in e.related]
    others = [e.id for e in matches if e.kind not in SUBJECT_KINDS]
    subjects = list(dict.fromkeys(named + related + others))
    aspects = list(dict.fromkeys(_default_aspects().detect_all(mask_subjects(text, vocabulary)) + [default_aspect]))
    for aspect in aspects:
        for subject in subjects:
            found = law_map.locate(subject, aspect, doc_ids)
            if found:
                return found
    return []


def load_law_map(path: str | Path | None = None, vocabulary: Vocabulary | None = None) -> LawMap:
    if path is None and vocabulary is None:
        return _default_law_map()
    return _read_law_map(Path(path) if path else LAW_MAP_PATH, vocabulary or load_vocabulary())


@lru_cache(maxsize=1)
def _default_law_map() -> LawMap:
    return _read_law_map(LAW_MAP_PATH, load_vocabulary())


def _read_law_map(path: Path, vocabulary: Vocabulary) -> LawMap:
    data = read_yaml(path)
    documents = {doc: LawDocument(doc=doc, name=spec["name"], in_force_from=_iso(spec.get("in_force_from")),
                                  in_force_until=_iso(spec.get("in_force_until")),
                                  depends_on=spec.get("depends_on"), note=spec.get("note", ""))
                 for doc, spec in data["documents"].items()}
    entries = []
    for doc, items in data["map"].items():
        for raw in items:
            entries.append(LawMapEntry(
                subject=raw["subject"], aspect=raw["aspect"], doc=doc, article=raw["article"],
                quote=normalize(raw["quote"]), khoan=raw.get("khoan"), diem=raw.get("diem"),
                for_=_as_tuple(raw.get("for")), note=raw.get("note", ""), group=raw.get("group", ""),
                level=raw.get("level", ""), names=_as_tuple(raw.get("names"))))
    parents = {e.id: vocabulary.ancestors(e.id) for e in vocabulary.entries}
    return LawMap(documents, entries, parents)


def _iso(value) -> str | None:
    return None if value is None else str(value)


# --------------------------------------------------------------------------- law text


ARTICLE_HEADING = re.compile(r"^\s*Điều\s+(\d+)\s*(?:[.:]|$)")
_CLAUSE_HEADING = re.compile(r"^\s*(\d{1,2})\s*[.;:]?\s*(?=\S)")
_POINT_HEADING = re.compile(r"^\s*\[?([a-zđ])\)\]?\s*")


def law_lines(doc_text: str, drop_editorial: bool = False) -> list[str]:
    """NFC lines of a legal text; with `drop_editorial`, lines starting with "[" are removed."""
    lines = normalize(doc_text).splitlines()
    return [line for line in lines if not (drop_editorial and line.lstrip().startswith("["))]


def article_lines(lines: list[str], number: int) -> list[str] | None:
    """Lines of "Điều N", heading included, up to the next article heading.

    Headings are taken in increasing order, so forms in an appendix ("Điều 1. Tặng …")
    do not shadow the articles.
    """
    start, last = None, 0
    for i, line in enumerate(lines):
        m = ARTICLE_HEADING.match(line)
        if not m:
            continue
        if start is not None:
            return lines[start:i]
        n = int(m.group(1))
        if n == number and n > last:
            start = i
        if n > last:
            last = n
    return lines[start:] if start is not None else None


def clause_lines(article: list[str], number: int) -> list[str] | None:
    """Lines of khoản `number` within an article: clause headings must run 1, 2, 3 …"""
    spans, expected = [], 1
    for i, line in enumerate(article[1:], start=1):
        m = _CLAUSE_HEADING.match(line)
        if m and int(m.group(1)) == expected:
            spans.append(i)
            expected += 1
    if number > len(spans):
        return None
    end = spans[number] if number < len(spans) else len(article)
    return article[spans[number - 1]:end]


def point_lines(block: list[str], letter: str) -> list[str] | None:
    """Lines of điểm `letter` (a, b, …, đ) within a clause or article."""
    start = None
    for i, line in enumerate(block):
        m = _POINT_HEADING.match(line)
        if not m:
            continue
        if start is not None:
            return block[start:i]
        if m.group(1) == letter:
            start = i
    return block[start:] if start is not None else None


def collapse(text: str) -> str:
    """NFC and single spaces — the form quotes are compared in."""
    return collapse_spaces(normalize(text))

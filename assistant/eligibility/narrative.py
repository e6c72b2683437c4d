"""Narrative eligibility questions → a nominee profile, the engine's verdict and the form's parameters.

"Tôi năm 2023, 2024 đạt LĐTT, năm 2025 HTXSNV, có sáng kiến cấp cơ sở, có được xét CSTĐCS không?"
is read into the issue-6 profile (years, ratings, titles, initiatives, discipline, leave), checked
by the eligibility engine and answered with its verdict. Recognition cues live in
`data/narrative.yaml` (plus the labels of `rules/vocabulary.yaml`); nothing here decides a criterion.

How a story is read: years are grouped into lists and ranges ("2023, 2024", "2021 đến 2025",
"năm nay", "hai năm liền"); a clause that opens with years gives them to the facts after it,
otherwise a fact takes the years after it, and a clause without years takes the last ones said.
Facts not said stay unknown, except two readings officers expect, both stated in the reply or
visible in the form: a discipline not mentioned is none (`assumptions`), and the titles and awards
said for a year are all that year had ("năm 2024 chỉ đạt LĐTT" → no CSTĐCS in 2024).

Public surface:
    parse_narrative(text, today) -> NarrativeParse
    check(parse) -> EligibilityResult           (raises EligibilityInputError)
    verdict_text(result, parse=None) -> str     (the chat reply)
    form_params(parse) -> dict                  (the eligibility form's pre-fill parameters)

>>> p = parse_narrative("Anh Nguyễn Văn Bình năm 2024, 2025 đạt LĐTT, năm 2025 HTXSNV, "
...                     "không bị kỷ luật, có được xét CSTĐCS không?", date(2026, 1, 10))
>>> p.award, p.name, p.years, p.records[2025]["rating"]
('chien_si_thi_dua_co_so', 'Nguyễn Văn Bình', [2024, 2025], 'hoan_thanh_xuat_sac')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from assistant.vocabulary import load_vocabulary
from documents.datafile import read_yaml
from documents.text import decimal_text, fold_accents, normalize

from .vocab import award_label, discipline_label, rating_label, scope_label, vocabulary

DATA = Path(__file__).resolve().parent / "data" / "narrative.yaml"
GENERAL_PREFIX = "chung."  # ids of the conditions every award shares (the decree's `general` list)
MIN_QUOTE_CHARS = 20  # a quote shorter than this ("và đạt:") adds no words of the criterion
_TOKEN = re.compile(r"\w+|[^\w\s]|\n")
_YEAR = re.compile(r"(19[5-9]\d|20\d\d)")
_CLAUSE_ENDS = {";", ".", "!", "?", "—", ":", "\n"}


# ---------------------------------------------------------------- data

@lru_cache(maxsize=1)
def cues() -> dict:
    return read_yaml(DATA)


def _fold(text: str) -> str:
    return " ".join(t for t in _TOKEN.findall(fold_accents(normalize(text))) if t not in "“”\"")


@lru_cache(maxsize=1)
def _phrases() -> dict[tuple[str, ...], tuple[str, object]]:
    """Every recognised phrase (folded, as a word tuple) → (category, value)."""
    data, vocab = cues(), vocabulary()
    table: dict[tuple[str, ...], tuple[str, object]] = {}

    def add(phrase: str, category: str, value) -> None:
        words = tuple(_fold(phrase).split())
        if words:
            table.setdefault(words, (category, value))

    for code, phrases in data["awards"].items():
        for phrase in phrases:
            add(phrase, "award", code)
    for code in vocab["awards"]:
        add(award_label(code).replace("Danh hiệu", "").replace("danh hiệu", ""), "award", code)
    for phrase in data["bare_awards"]["phrases"]:
        add(phrase, "bare_award", data["bare_awards"]["asked_as"])
    for code, phrases in data["ratings"].items():
        for phrase in phrases:
            add(phrase, "rating", code)
    for item in vocab["ratings"]:
        add(item["label"], "rating", item["code"])
    for code, phrases in data["disciplines"].items():
        for phrase in phrases:
            add(phrase, "discipline", code)
    for code, label in vocab["disciplines"].items():
        if code != "ky_luat":
            add(label, "discipline", code)
    for category in ("no_discipline", "no_member_discipline", "initiatives", "no_initiative", "worked", "started",
                     "leads_block", "leaders", "collective", "ask_cues", "streak_words", "fact_verbs", "openers", "generic_subjects",
                     "not_facts", "no_member", "repeats"):
        for phrase in data[category]:
            add(phrase, category, True)
    for key in ("scopes", "leave", "groups"):
        for code, phrases in data[key].items():
            for phrase in phrases:
                add(phrase, key, code)
    for code, label in vocab["leave_kinds"].items():
        add(label, "leave", code)
    for phrase, offset in data["year_words"].items():
        add(phrase, "year_word", offset)
    return table


# ---------------------------------------------------------------- result

@dataclass
class NarrativeParse:
    """What a narrative question says; absent facts stay absent (unknown to the engine)."""
    text: str
    award: str | None
    kind: str
    year: int
    as_of: date
    name: str = ""
    group: str | None = None
    is_leader: bool = False
    asked: bool = False  # the text asks "có được / có đủ điều kiện … không"
    subject: bool = False  # it speaks of someone: a name, "anh/chị…", "tôi", "phòng tôi", "Tập thể Phòng X"
    stated: bool = False  # it states at least one fact (before any default)
    open_question: bool = False  # it asks "là gì / thế nào / bao nhiêu…": the verdict is not the answer
    years: list[int] = field(default_factory=list)  # the years the question speaks of
    records: dict[int, dict] = field(default_factory=dict)
    unread: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)

    @property
    def is_narrative(self) -> bool:
        """An eligibility question that tells facts: the award asked about and at least one fact."""
        return bool(self.asked and self.subject and self.award and self.stated and not self.open_question)

    def profile(self) -> dict:
        """The issue-6 profile JSON the engine accepts."""
        nominee: dict = {"kind": self.kind, "name": self.name,
                         "records": [dict(self.records[y]) for y in sorted(self.records)]}
        if self.group and self.kind == "individual":
            nominee["group"] = self.group
        return {"id": "cau-hoi", "award": self.award, "as_of": self.as_of.isoformat(), "year": self.year,
                "nominee": nominee}

    def understood(self) -> str:
        """The facts read, in Vietnamese: "năm 2024: …; năm 2025: …"."""
        parts = []
        for year in sorted(self.records):
            facts = _describe(self.records[year])
            if facts:
                parts.append(f"năm {year}: {', '.join(facts)}")
        return "; ".join(parts)


def _leave_label(kind: str) -> str:
    return vocabulary()["leave_kinds"].get(kind, kind)


def _describe(record: dict) -> list[str]:
    facts = []
    if record.get("rating"):
        facts.append(rating_label(record["rating"]))
    for code in (record.get("titles") or []) + (record.get("awards") or []):
        facts.append(award_label(code))
    scopes = [item["scope"] for item in record.get("initiatives") or []]
    for scope in dict.fromkeys(scopes):
        n = scopes.count(scope)
        facts.append(f"{f'{n:02d} ' if n > 1 else ''}sáng kiến/đề tài {scope_label(scope)}")
    if record.get("initiatives") == []:
        facts.append("không có sáng kiến")
    if record.get("discipline") == []:
        facts.append("không bị kỷ luật")
    for code in record.get("discipline") or []:
        facts.append(f"bị kỷ luật: {discipline_label(code)}")
    for item in record.get("leave") or []:
        months = f" {decimal_text(item['months'])} tháng" if item.get("months") is not None else ""
        facts.append(f"{_leave_label(item['kind'])}{months}")
    if record.get("months_worked") is not None:
        facts.append(f"công tác {decimal_text(record['months_worked'])} tháng")
    counts = {k: v for k, v in record.items() if k.startswith("members_") and v is not None}
    if counts:
        from .predicates import FIELD_LABELS
        facts += [f"{FIELD_LABELS[k]}: {v}" for k, v in counts.items()]
    return facts


# ---------------------------------------------------------------- tokens and matches

@dataclass
class _Match:
    start: int
    end: int
    category: str
    value: object
    years: list[int] | None = None  # for year groups
    used: bool = False


def _tokens(text: str) -> tuple[list[str], list[str], list[tuple[int, int]]]:
    """Original tokens, their folded forms (one to one) and their places in the normalised text."""
    found = list(_TOKEN.finditer(normalize(text)))
    original = [m.group() for m in found]
    return original, [fold_accents(t) for t in original], [m.span() for m in found]


def _phrase_matches(folded: list[str]) -> list[_Match]:
    """Longest non-overlapping phrase matches."""
    table = _phrases()
    longest = max(len(k) for k in table)
    found = []
    for i in range(len(folded)):
        for n in range(min(longest, len(folded) - i), 0, -1):
            hit = table.get(tuple(folded[i:i + n]))
            if hit:
                found.append(_Match(i, i + n, *hit))
    chosen: list[_Match] = []
    taken: set[int] = set()
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if not taken & set(range(m.start, m.end)):
            chosen.append(m)
            taken |= set(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def _number(folded: list[str], at: int) -> int | None:
    """The number written at token `at` (digits or a number word), if any."""
    if 0 <= at < len(folded):
        word = folded[at]
        if word.isdigit() and len(word) <= 3:
            return int(word)
        return cues()["numbers"].get(word)
    return None


def _is_year(folded: list[str], i: int) -> bool:
    """A year said: "2025", "năm 2025", also in a date ("3/2025", "15/11/2025"); not in "152/2025/NĐ-CP"."""
    if not _YEAR.fullmatch(folded[i]):
        return False
    if folded[i + 1:i + 2] == ["/"] and not _YEAR.fullmatch(folded[i + 2] if i + 2 < len(folded) else ""):
        return False  # a document number "…/2025/NĐ-CP"
    if i >= 2 and folded[i - 1] == "/":
        before = folded[i - 2]
        return _YEAR.fullmatch(before) is not None or (before.isdigit() and int(before) <= 12)
    return True


def _year_groups(folded: list[str], matches: list[_Match], today: date) -> list[_Match]:
    """Year lists and ranges ("2023, 2024", "2021 đến 2025", "năm nay") as single matches."""
    taken = {i for m in matches for i in range(m.start, m.end)}
    singles = [_Match(i, i + 1, "year", int(folded[i]), [int(folded[i])]) for i in range(len(folded))
               if i not in taken and _is_year(folded, i)]
    singles += [_Match(m.start, m.end, "year", None, [today.year + m.value]) for m in matches if m.category == "year_word"]
    singles.sort(key=lambda m: m.start)
    data = cues()
    groups: list[_Match] = []
    for m in singles:
        last = groups[-1] if groups else None
        between = folded[last.end:m.start] if last else None
        joined = last and len(between) <= 3 and all(w in data["year_joiners"] for w in between)
        if joined and "," in between and between[-1] == "nam" and _after_fact(last, matches, folded):
            joined = False  # "bị kỷ luật tháng 3/2024, năm 2025 HTXSNV": a new clause
        if joined and not set(m.years) & set(last.years):  # "2024 và 2025, năm 2025 …": a new list
            if any(w in data["year_range"] for w in between) and last.years[-1] < m.years[0]:
                last.years += list(range(last.years[-1] + 1, m.years[0] + 1))
            else:
                last.years += m.years
            last.end = m.end
        else:
            groups.append(_Match(m.start, m.end, "years", None, list(m.years)))
    for g in groups:
        g.years = sorted(set(g.years))
    return groups


def _after_fact(group: _Match, matches: list[_Match], folded: list[str]) -> bool:
    """Whether a fact stands before `group` in its clause ("đạt LĐTT năm 2023")."""
    start = max((i + 1 for i in range(group.start) if folded[i] in _CLAUSE_ENDS or folded[i] == ","), default=0)
    return any(m.category in FACTS and start <= m.start < group.start for m in matches)


def _streaks(folded: list[str], matches: list[_Match], groups: list[_Match]) -> list[_Match]:
    """ "hai năm liền" with no years right after: n years ending at the year considered (resolved later)."""
    out = []
    for m in matches:
        if m.category != "streak_words":
            continue
        n = _number(folded, m.start - 1)
        if not n or n > 10:
            continue
        if any(0 <= g.start - m.end <= 2 for g in groups):
            continue  # "hai năm liền 2023–2024": the years are said
        out.append(_Match(m.start - 1, m.end, "years", n, []))
    return out


# ---------------------------------------------------------------- clauses and years

def _clauses(folded: list[str], groups: list[_Match]) -> list[tuple[int, int]]:
    """Token spans of clauses: split at sentence marks, and at commas outside year lists."""
    inside = {i for g in groups for i in range(g.start, g.end)}
    spans, start = [], 0
    for i, word in enumerate(folded):
        if word in _CLAUSE_ENDS or (word == "," and i not in inside):
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(folded)))
    return [s for s in spans if s[0] < s[1]]


FACTS = {"award", "bare_award", "rating", "discipline", "no_discipline", "no_member_discipline", "initiatives",
         "no_initiative", "leave", "worked", "leads_block"}


def _titles_held_again(items: list[_Match], clauses) -> list[_Match]:
    """ "CSTĐCS năm 2021, năm 2025 lại được nữa": a clause that tells only years and that the title was held again
    repeats the award named last before it (one that asks, "năm 2025 lại được không?", is left out where awards are
    applied)."""
    repeated = []
    for m in (m for m in items if m.category == "repeats"):
        start, end = _clause_of(clauses, m.start)
        inner = [i for i in items if start <= i.start < end]
        before = [i for i in items if i.category == "award" and i.start < start]
        if before and any(i.category == "years" for i in inner) and not any(i.category in FACTS for i in inner):
            repeated.append(_Match(m.start, m.end, "award", before[-1].value))
    return sorted(items + repeated, key=lambda m: m.start)


def _assign_years(clauses, items: list[_Match]) -> dict[int, _Match | None]:
    """Facts (by id) → the year group they belong to, clause by clause (None: no year said yet).

    In a clause that opens with years ("năm 2025 HTXSNV") a fact takes the years before it;
    otherwise ("đạt LĐTT năm 2023 và 2024") the years after it. A clause without years
    takes the last years said before.
    """
    owner: dict[int, _Match | None] = {}
    carry: _Match | None = None
    for start, end in clauses:
        inner = [m for m in items if start <= m.start < end]
        groups = [m for m in inner if m.category == "years"]
        facts = [m for m in inner if m.category in FACTS]
        if not groups:
            for f in facts:
                owner[id(f)] = carry
            continue
        opens = next(m for m in inner if m.category == "years" or m.category in FACTS).category == "years"
        for f in facts:
            before = [g for g in groups if g.start < f.start]
            after = [g for g in groups if g.start > f.start]
            owner[id(f)] = (before[-1] if before else after[0]) if opens else (after[0] if after else before[-1])
        carry = groups[-1]
    return owner


# ---------------------------------------------------------------- the parse

def parse_narrative(text: str, today: date) -> NarrativeParse:
    """Read a narrative eligibility question (accented or not) into a nominee profile."""
    original, folded, spans = _tokens(text)
    matches = _phrase_matches(folded)
    groups = _year_groups(folded, matches, today)
    groups += _streaks(folded, matches, groups)
    items = sorted([m for m in matches if m.category != "year_word"] + groups, key=lambda m: m.start)
    clauses = _clauses(folded, groups)
    items = _titles_held_again(items, clauses)
    target, asked = _target(items, folded)
    target = _the_title_it_leads_to(target, items, folded)
    kind = _kind(items, target)
    if target and kind == "collective" and target.value in cues()["collective_variant"]:
        target.value = cues()["collective_variant"][target.value]
    year = _year_considered(items, target, clauses, today)
    for g in groups:
        if not g.years:
            g.years = list(range(year - g.value + 1, year + 1))
    owner = _assign_years(clauses, items)
    parse = NarrativeParse(text=text, award=target.value if target else None, kind=kind, year=year,
                           as_of=_day_considered(year, today), asked=asked)
    parse.years = sorted({y for g in groups for y in g.years})
    _read_facts(parse, original, folded, items, clauses, owner)
    _months_from_start(parse, folded, items)
    _unread_clauses(parse, normalize(text), spans, items, clauses)
    if kind == "collective":
        parse.name = _unit_name(normalize(text), spans, items)
    else:
        parse.name = _person_name(text)
        parse.group = next((m.value for m in items if m.category == "groups"), None)
        parse.is_leader = any(m.category == "leaders" for m in items)
    parse.subject = _speaks_of_someone(parse, original, folded, items)
    parse.open_question = _open_question(folded, items, target)
    if asked and not target:
        parse.unread.append("danh hiệu hoặc hình thức khen thưởng được hỏi")
    return parse


def _open_question(folded: list[str], items: list[_Match], target: _Match | None) -> bool:
    """The question asks "là gì / thế nào / bao nhiêu…" in its last sentence (or the target's), and not also
    "có đủ điều kiện … không"."""
    ends = [i for i, w in enumerate(folded) if w in _CLAUSE_ENDS - {":"}]
    last = [i for i in ends if i < len(folded) - 1 and any(w.isalnum() for w in folded[i + 1:])]
    start = last[-1] + 1 if last else 0
    if target and target.start < start:
        start = max((i + 1 for i in ends if i < target.start), default=0)
    words = " " + " ".join(folded[start:]) + " "
    if not any(f" {cue} " in words for cue in cues()["open_questions"]):
        return False
    asks = [m for m in items if m.category == "ask_cues" and m.start >= start]  # "… có đủ điều kiện … không, …"
    return not (asks and any(w in ("khong", "chua") for w in folded[asks[0].end:]))


def _target(items: list[_Match], folded: list[str]) -> tuple[_Match | None, bool]:
    """The award asked about: the first after the last ask cue, else the last before it.

    Without a cue, a question ending "… không?" asks about the last award it names.
    """
    cues_at = [m for m in items if m.category == "ask_cues"]
    awards = [m for m in items if m.category in ("award", "bare_award")]
    if not cues_at:
        words = " ".join(w for w in folded if w.isalnum())
        if awards and any(words.endswith(f" {end}") for end in cues()["question_ends"]):
            awards[-1].used = True
            return awards[-1], True
        return None, False
    nominated = [a for a in awards if not _members_holding(folded, a)] or awards
    after = [a for a in nominated if a.start > cues_at[-1].start]
    before = [a for a in nominated if a.start < cues_at[-1].start]
    target = after[0] if after else (before[-1] if before else None)
    if target:
        target.used = True
    return target, True


def _the_title_it_leads_to(target: _Match | None, items: list[_Match], folded: list[str]) -> _Match | None:
    """ "… trường định đề xuất em lên CSTĐ toàn quốc. Cho em hỏi điều kiện về số lần CSTĐ tỉnh liên tục là mấy
    lần?": a title asked about as a step that the criteria of another title, put forward in the story, require
    stands for that title."""
    if target is None:
        return None
    vocabulary = load_vocabulary()  # the titles' ladder (builds_on) is the field vocabulary's
    higher = [m for m in items if m.category == "award" and m.value != target.value and m.value in vocabulary
              and any(needed == target.value for needed, _ in vocabulary.get(m.value).builds_on)
              and _preceded_by(folded, m, cues()["nomination_words"])]
    if not higher:
        return target
    higher[0].used = True
    return higher[0]


def _members_holding(folded: list[str], award: _Match) -> bool:
    """ "… với số người đạt Lao động tiên tiến như vậy thì khoa có đủ tiêu chuẩn không?": an award the
    members hold ("người đạt", "cá nhân được") is a fact of the story, not the title asked for."""
    data = cues()
    return _preceded_by(folded, award, [f"{member} {verb}" for member in data["member_words"]
                                        for verb in data["member_holding_verbs"]])


def _kind(items: list[_Match], target: _Match | None) -> str:
    kinds = vocabulary()["awards"].get(target.value, {}).get("kinds", []) if target else []
    if kinds == ["collective"]:
        return "collective"
    said = any(m.category == "collective" for m in items)
    return "collective" if said and (not kinds or "collective" in kinds or target.value in cues()["collective_variant"]) else "individual"


def _year_considered(items, target, clauses, today: date) -> int:
    """The year asked about: years in the question's clause, else the latest year said, else the usual one."""
    if target:
        clause = next(((s, e) for s, e in clauses if s <= target.start < e), None)
        near = [m for m in items if m.category == "years" and m.years and clause and clause[0] <= m.start < clause[1]]
        if near:
            return max(near[-1].years)
    said = [y for m in items if m.category == "years" for y in m.years]
    if said:
        return max(said)
    return today.year - 1 if today.month < 7 else today.year


def _day_considered(year: int, today: date) -> date:
    """A year long past was considered at its end, under the texts then in force ("năm 2024 … theo quy định lúc
    đó": Thông tư 01/2024/TT-BNV, not today's rules); this year and last year are being considered now (a year's
    titles are considered into the first months of the next)."""
    return today if year >= today.year - 1 else date(year, 12, 31)


def _record(parse: NarrativeParse, year: int) -> dict:
    return parse.records.setdefault(year, {"year": year})


def _add_list(record: dict, key: str, values: list) -> None:
    current = record.get(key) or []
    record[key] = current + [v for v in values if v not in current]


def _read_facts(parse, original, folded, items, clauses, owner) -> None:
    data = cues()
    counted = _member_counts(parse, folded, items, clauses, owner) if parse.kind == "collective" else set()
    default = [parse.year]
    for m in items:
        if m.category not in FACTS or m.used or id(m) in counted:
            continue
        group = owner.get(id(m))
        years = group.years if group else default
        clause = _clause_of(clauses, m.start)
        if m.category == "discipline" and _a_rule_stated(original, m, clause, data):
            continue
        if m.category == "initiatives" and group is not None and not clause[0] <= group.start < clause[1]:
            years = years[-1:]  # "năm 2023, 2024 đạt LĐTT; có sáng kiến": one initiative, in the latest year
        global_none = group is None and m.category in ("no_discipline", "no_member_discipline")
        for year in (sorted(set(parse.years) | set(default)) if global_none else years):
            _apply(parse, _record(parse, year), m, folded, items, data, clause, years)
    for record in parse.records.values():
        forms = record.get("discipline") or []
        if "ky_luat" in forms and len(forms) > 1:
            forms.remove("ky_luat")
        if record.get("titles") is not None or record.get("awards") is not None:
            record.setdefault("titles", [])  # the titles and awards said for a year are all it had
            record.setdefault("awards", [])
    parse.stated = any(len(r) > 1 for r in parse.records.values())
    _exhaustive_titles(parse, folded, items)
    _default_no_discipline(parse)


def _exhaustive_titles(parse: NarrativeParse, folded: list[str], items: list[_Match]) -> None:
    """ "CSTĐ cấp tỉnh một lần (năm 2024)", "3 lần CSTĐCS (…)": the years said are all; other years had none."""
    for m in items:
        if m.category != "award" or m.used:
            continue
        if not _count_said(folded, m):
            continue
        for year in sorted(set(parse.records) | {parse.year}):
            record = _record(parse, year)
            record.setdefault("titles", [])
            record.setdefault("awards", [])


def _count_said(folded: list[str], m: _Match) -> bool:
    """A count of times ("một lần", "3 lần") within three words of a match."""
    around = [*range(max(m.start - 3, 0), m.start), *range(m.end, min(m.end + 3, len(folded)))]
    return any(folded[i] == "lan" and _number(folded, i - 1) is not None for i in around)


def _default_no_discipline(parse: NarrativeParse) -> None:
    """Discipline not mentioned: read as none, and say so (officers mention a discipline when there is one)."""
    if any(r.get("discipline") for r in parse.records.values()):
        return
    unsaid = [y for y in sorted(set(parse.records) | {parse.year}) if _record(parse, y).get("discipline") is None]
    for year in unsaid:
        parse.records[year]["discipline"] = []
        if parse.kind == "collective" and year == parse.year:
            parse.records[year].setdefault("members_disciplined_canh_cao_or_higher", 0)
    if parse.year in unsaid:
        parse.assumptions.append(cues()["assumed_no_discipline"])


def _negated(folded: list[str], m: _Match, data) -> bool:
    """ "không đạt LĐTT", "chưa được tặng Giấy khen": a negation word just before the award."""
    before = folded[max(m.start - 4, 0):m.start]
    words = [w for w in before if w not in data["negation_verbs"]]
    return bool(before) and bool(words) and words[-1] in data["negations"] and before[-1] in data["negation_verbs"] + data["negations"]


def _after_no_initiative(m: _Match, items: list[_Match], folded: list[str], data) -> bool:
    before = [x for x in items if x.category in ("no_initiative", "initiatives") and x.end <= m.start]
    return bool(before) and before[-1].category == "no_initiative" and \
        all(w in data["initiative_joiners"] for w in folded[before[-1].end:m.start])


def _said_of_every_member(folded: list[str], m: _Match, data) -> bool:
    return _preceded_by(folded, m, data["every_member"])


def _preceded_by(folded: list[str], m: _Match, phrases: list[str]) -> bool:
    """One of the phrases ends right before the match, within its three words."""
    before = " ".join(folded[max(m.start - 3, 0):m.start])
    return any(before.endswith(phrase) for phrase in phrases)


def _clause_of(clauses, at: int) -> tuple[int, int]:
    return next((s, e) for s, e in clauses if s <= at < e)


def _apply(parse, record: dict, m: _Match, folded, items, data, clause: tuple[int, int], years: list[int]) -> None:
    category = m.category
    if category == "award":
        if _asked_next(folded, clause, data):
            return
        key = "awards" if m.value in data["award_forms"] else "titles"
        if parse.kind == "collective" and vocabulary()["awards"].get(m.value, {}).get("kinds") == ["individual"]:
            parse.unread.append(f"{award_label(m.value)} năm {record['year']}: cần số cá nhân đạt")
            return
        if _negated(folded, m, data):  # "không đạt LĐTT": known not held (the engine looks in both lists)
            record.setdefault("titles", [])
            record.setdefault("awards", [])
        else:
            _add_list(record, key, [m.value])
    elif category == "bare_award":
        parse.unread.append(f"“bằng khen” năm {record['year']}: chưa rõ cấp (tỉnh, bộ hay Thủ tướng)")
    elif category == "rating" and parse.kind == "collective" and _said_of_every_member(folded, m, data):
        if m.value != "khong_hoan_thanh" and record.get("members_total"):
            record["members_completed"] = record["members_total"]
    elif category == "rating":
        if not _negated(folded, m, data):  # "(không phải hoàn thành tốt)"
            record["rating"] = m.value
    elif category == "discipline" and _a_topic_of_the_question(folded, m, data):
        return
    elif category == "discipline" and parse.kind == "collective":
        if not _form_follows(m, items):
            _member_discipline(parse, record, m.value, data)
    elif category == "discipline":
        _add_list(record, "discipline", [m.value])
    elif category in ("no_discipline", "no_member_discipline"):
        record.setdefault("discipline", [])
        if category == "no_member_discipline" and parse.kind == "collective":
            record["members_disciplined_canh_cao_or_higher"] = 0
    elif category == "leads_block":
        if parse.kind == "collective":
            record["leads_block"] = True
    elif category == "no_initiative":
        record.setdefault("initiatives", [])
    elif category == "initiatives":
        if _after_no_initiative(m, items, folded, data):  # "không có sáng kiến hay đề tài nào"
            record.setdefault("initiatives", [])
        else:
            _initiative(parse, record, m, folded, clause, items, data, years)
    elif category == "leave":
        months = _months_near(folded, m, data, clause)
        record.setdefault("leave", []).append({"kind": m.value, "months": months})
        if months is None:
            parse.unread.append(f"{_leave_label(m.value)} năm {record['year']}: chưa rõ số tháng")
    elif category == "worked":
        months = _months_near(folded, m, data, clause, before=0)
        if months is not None:
            record["months_worked"] = months


def _initiative(parse, record, m, folded, clause, items, data, years: list[int]) -> None:
    said = _number(folded, m.start - 1) or _number(folded, m.start - 2)
    count = _initiatives_in_year(said, record["year"], years, folded[clause[0]:clause[1]], data)
    if not count:
        return
    scope = next((s for s in items if s.category == "scopes" and m.end <= s.start <= m.end + data["scope_window"]
                  and not any(x.category in FACTS and m.end <= x.start < s.start for x in items)), None)
    code = scope.value if scope else data["default_scope"]
    if not scope:
        note = f"sáng kiến năm {record['year']} chưa nêu cấp công nhận: hiểu là {scope_label(code)}"
        if note not in parse.assumptions:
            parse.assumptions.append(note)
    record.setdefault("initiatives", []).extend({"scope": code, "year": record["year"]} for _ in range(min(count, 10)))


def _initiatives_in_year(said: int | None, year: int, years: list[int], clause_words: list[str], data) -> int:
    """How many of the initiatives said for several years fall in `year`.

    "năm 2024, 2025 đều có sáng kiến" / "mỗi năm 2 sáng kiến": each year; "2 sáng kiến" over two years: one a
    year; another count over several years: all in the last one (the year considered).
    """
    if said is None or len(years) == 1 or any(w in clause_words for w in data["each_year"]):
        return said or 1
    if said == len(years):
        return 1
    return said if year == years[-1] else 0


def _months_near(folded, m: _Match, data, clause: tuple[int, int], before: int | None = None) -> float | None:
    """A month count "N tháng" in the clause of a match: just after it, else just before it."""
    window = data["months_window"]
    low = max(clause[0], m.start - (window if before is None else before))
    after = range(m.end, min(m.end + window, clause[1]))
    for i in [*after, *range(m.start - 1, low - 1, -1)]:
        if folded[i] == data["months_word"] and i - 1 >= low:
            n = _number(folded, i - 1)
            if n is not None and n <= 12:
                return float(n)
    return None


# "15/8/2024", "ngày 15 tháng 8 năm 2024", "tháng 9/2024", "9/2024" in folded tokens joined by spaces
_START_DATE = re.compile(r"(?:(?P<d>\d{1,2}) [/-] )?(?P<m>\d{1,2}) [/-] (?P<y>\d{4})"
                         r"|(?:ngay (?P<d2>\d{1,2}) )?thang (?P<m2>\d{1,2}) (?:[/-]|nam) (?P<y2>\d{4})")


def _start_date(folded: list[str], at: int, window: int) -> date | None:
    """The first date after a start word, in the same clause ("tuyển dụng làm kế toán trường từ ngày 01/10/2024")."""
    words = folded[at:at + window]
    words = words[:next((i for i, w in enumerate(words) if w in _CLAUSE_ENDS), len(words))]
    found = _START_DATE.search(" ".join(words))
    if found is None:
        return None
    day, month, year = (found.group("d") or found.group("d2") or "1", found.group("m") or found.group("m2"),
                        found.group("y") or found.group("y2"))
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _months_left(start: date) -> float:
    """The months from the start day to the end of its year, to one decimal (15/8 → 4,5)."""
    return round((date(start.year, 12, 31) - start).days / (365.25 / 12), 1)


def _months_from_start(parse: NarrativeParse, folded: list[str], items: list[_Match]) -> None:
    """Someone who started in the year considered ("nhận việc từ ngày 15/8/2024") worked only the rest of it;
    the months are reckoned from that day, and no leave is read into them."""
    data = cues()
    for m in (m for m in items if m.category == "started"):
        start = _start_date(folded, m.end, data["started_window"])
        if start is None or start.year != parse.year:
            continue
        record = _record(parse, start.year)
        if record.get("months_worked") is not None:
            continue
        record["months_worked"] = _months_left(start)
        record.setdefault("leave", [])
        parse.stated = True
        parse.assumptions.append(data["assumed_started"].format(
            year=start.year, months=decimal_text(record["months_worked"]), date=start.strftime("%d/%m/%Y")))


# ---------------------------------------------------------------- collectives

_COUNT_FIELDS = {"lao_dong_tien_tien": "members_lao_dong_tien_tien",
                 "chien_si_thi_dua_co_so": "members_chien_si_thi_dua_co_so"}


def _member_counts(parse, folded, items, clauses, owner) -> set[int]:
    """Member counts of a collective ("có 12 người", "10/12 người đạt LĐTT", "80% đạt LĐTT")."""
    data = cues()
    members = {tuple(w.split()) for w in data["member_words"]}
    consumed: set[int] = set()
    pending: list[tuple[int, str, float]] = []  # (year, field, share) to scale once totals are known
    not_completed: list[tuple[int, int]] = []  # (year, members who did not complete their tasks)
    for start, end in clauses:
        for i in range(start, end):
            count = _number(folded, i) if folded[i].isdigit() and folded[i - 1:i] != ["/"] else None
            if count is None:
                continue
            total, share = None, None
            j = i + 1
            if j + 1 < end and folded[j] == "/" and folded[j + 1].isdigit():
                total, j = int(folded[j + 1]), j + 2
            elif j < end and folded[j] == "%":
                share, j = count / 100, j + 1
            has_member = any(tuple(folded[j:j + len(w)]) == w for w in members)
            if not (has_member or total or share is not None):
                continue
            stop = next((k for k in range(j, end) if folded[k].isdigit() and len(folded[k]) <= 3), end)
            fact = _its_form(next((m for m in items if m.category in FACTS and j <= m.start < stop and not m.used),
                                  None), items)
            field_name = _count_field(fact, data)
            group = owner.get(id(fact)) if fact else None
            years = group.years if group else [parse.year]
            if fact is not None and fact.category == "rating" and fact.value == "khong_hoan_thanh":
                consumed.add(id(fact))  # "1 bạn hợp đồng không hoàn thành nhiệm vụ": a member's, not the collective's
                not_completed += [(year, count) for year in years]
                continue
            if field_name is None:
                if fact is None and any(w in data["total_words"] for w in folded[max(start, i - 2):i]):
                    for year in years:
                        _record(parse, year)["members_total"] = count
                continue
            consumed.add(id(fact))
            for year in years:
                record = _record(parse, year)
                if total:
                    record["members_total"] = total
                if share is None:
                    record[field_name] = count
                else:
                    pending.append((year, field_name, share))
    for year, field_name, share in pending:
        record = parse.records[year]
        if not record.get("members_total"):  # only shares said: counted out of 100
            record["members_total"] = 100
            note = data["assumed_hundred"].format(year=year)
            if note not in parse.assumptions:
                parse.assumptions.append(note)
        record[field_name] = round(share * record["members_total"])
    for year, count in not_completed:
        total = parse.records[year].get("members_total")
        if total and count <= total:
            parse.records[year]["members_completed"] = total - count
    for m in (m for m in items if m.category == "no_member"):  # "không ai được CSTĐCS"
        fact = next((f for f in items if f.category in FACTS and m.end <= f.start <= m.end + 2 and not f.used), None)
        field_name = _count_field(fact, data)
        if field_name:
            consumed.add(id(fact))
            group = owner.get(id(fact))
            for year in (group.years if group else [parse.year]):
                _record(parse, year)[field_name] = 0
    return consumed


def _its_form(fact: _Match | None, items: list[_Match]) -> _Match | None:
    """ "1 bạn bị kỷ luật khiển trách": the form named after a bare "bị kỷ luật" is the fact counted."""
    return (_following_form(fact, items) or fact) if fact is not None else None


def _form_follows(m: _Match, items: list[_Match]) -> bool:
    """A bare "bị kỷ luật" followed by its form ("… kỷ luật khiển trách"): the form says it."""
    return _following_form(m, items) is not None


def _following_form(m: _Match, items: list[_Match]) -> _Match | None:
    if m.value != "ky_luat":
        return None
    return next((x for x in items if x.category == "discipline" and x.value != "ky_luat" and 0 <= x.start - m.end <= 1),
                None)


def _a_topic_of_the_question(folded: list[str], m: _Match, data) -> bool:
    """ "chuyện kỷ luật được tính thế nào?": a bare "kỷ luật" (no "bị", no form) after a topic word tells no event."""
    return m.value == "ky_luat" and folded[m.start] != "bi" and _preceded_by(folded, m, data["discipline_topics"])


def _asked_next(folded: list[str], clause: tuple[int, int], data) -> bool:
    """ "Còn Tập thể lao động xuất sắc thì sao?": a clause asking about another title names no title held."""
    opening = " ".join(folded[clause[0]:clause[0] + 2]) + " "
    return (clause[1] < len(folded) and folded[clause[1]] == "?"
            and any(opening.startswith(f"{word} ") for word in data["other_ask_openers"]))


def _a_rule_stated(original: list[str], m: _Match, clause: tuple[int, int], data) -> bool:
    """ "BGH nói tổ có người bị kỷ luật thì không được đề nghị …", "đồng nghiệp bảo cứ có người bị kỷ luật là cả tổ
    mất danh hiệu": a bare "kỷ luật" in the condition of a rule someone states tells no event. Read as written:
    folded, "nói" is also "Nội vụ" and "bảo" also "báo"."""
    words = [word.lower() for word in original]
    before = " " + " ".join(words[clause[0]:m.start]) + " "
    return (m.value == "ky_luat" and any(word in data["rule_consequents"] for word in words[m.end:clause[1]])
            and any(f" {verb} " in before for verb in data["claim_verbs"]))


def _member_discipline(parse: NarrativeParse, record: dict, form: str, data) -> None:
    """"Tổ em có một chị bị khiển trách": a disciplinary form is a person's, so in a collective's
    story it is a member's. From cảnh cáo up it counts against the collective (Điều 28 k1 c);
    below that it does not, and the reply says so."""
    record.setdefault("discipline", [])  # the collective itself is not disciplined
    field_name = "members_disciplined_canh_cao_or_higher"
    if form in data["serious_disciplines"]:
        record[field_name] = max(record.get(field_name) or 0, 1)
        return
    record.setdefault(field_name, 0)
    note = data["member_minor_discipline"].format(form=discipline_label(form), year=record["year"])
    if note not in parse.assumptions:
        parse.assumptions.append(note)


def _count_field(fact: _Match | None, data) -> str | None:
    if fact is None:
        return None
    if fact.category == "award":
        return _COUNT_FIELDS.get(fact.value)
    if fact.category == "rating" and fact.value != "khong_hoan_thanh":
        return "members_completed"
    if fact.category == "discipline" and fact.value in data["serious_disciplines"]:
        return "members_disciplined_canh_cao_or_higher"
    return None


# ---------------------------------------------------------------- names and leftovers

def _person_name(text: str) -> str:
    """ "anh Nguyễn Văn Bình" → "Nguyễn Văn Bình": capitalised words after a person word (or a surname)."""
    data = cues()
    text = normalize(text)
    words = "|".join(re.escape(w) for w in sorted(data["person_words"], key=len, reverse=True))
    for match in re.finditer(rf"(?<!\w)(?:{words})(?!\w)", text, re.IGNORECASE):
        name = _capitalised(text[match.end():])
        if name:
            return name
    surnames = "|".join(map(re.escape, data["surnames"]))
    for match in re.finditer(rf"(?<!\w)(?:{surnames})\s", text):
        name = _capitalised(text[match.start():])
        if len(name.split()) >= 2:
            return name
    return ""


def _speaks_of_someone(parse: NarrativeParse, original: list[str], folded: list[str], items: list[_Match]) -> bool:
    """Whether the question tells about someone ("anh Bình", "tôi", "phòng tôi") rather than asks in general.

    Openers ("cho em hỏi", "anh chị cho hỏi") are no subject; nor is a generic one ("cá nhân", "trường hợp")
    in a question that gives neither a name nor a year.
    """
    if parse.name:
        return True
    skip = {i for m in items if m.category == "openers" for i in range(m.start, m.end)}
    if not parse.years and any(m.category == "generic_subjects" for m in items):
        return False
    data = cues()
    kept = [i for i in range(len(original)) if i not in skip]
    words = "|".join(re.escape(w) for w in data["person_words"])
    text = " ".join(original[i] for i in kept)
    return bool(re.search(rf"(?<!\w)(?:{words})(?!\w)", text, re.IGNORECASE)
                or {folded[i] for i in kept} & set(data["first_person"])
                or kept[:1] == [0] and folded[0] in data["opening_person_words"])


def _capitalised(rest: str) -> str:
    stops = set(cues()["name_stop_words"])
    name = []
    for word in rest.split()[:5]:
        bare = word.strip(",.;:!?()\"“”")
        if not bare or not bare[0].isupper() or bare.lower() in stops or not bare.replace("-", "").isalpha():
            break
        name.append(bare)
        if bare != word:
            break
    return " ".join(name)


def _unit_name(text: str, spans, items: list[_Match]) -> str:
    """The collective's name, said before its facts ("Tập thể Phòng Tổng hợp năm 2025…" → "Phòng Tổng hợp")."""
    from assistant.deadlines.units import find_unit

    first = next((m.start for m in items if m.category in FACTS | {"years", "ask_cues"}), None)
    head = text[:spans[first][0]] if first is not None else text
    name = find_unit(head)
    for prefix in cues()["collective_name_prefixes"]:
        rest = name[len(prefix):].strip()
        if name.startswith(prefix + " ") and rest[:1].isupper():
            return rest
    return name


def _unread_clauses(parse, text: str, spans, items, clauses) -> None:
    """Clauses that state something (a fact verb) of which nothing was read."""
    for start, end in clauses:
        inner = [m for m in items if start <= m.start < end]
        read = [m for m in inner if m.category in FACTS or m.category in ("ask_cues", "scopes", "groups", "leaders")]
        if not read and any(m.category == "fact_verbs" for m in inner):
            piece = text[spans[start][0]:spans[end - 1][1]].strip()
            if piece:
                parse.unread.append(f"“{piece}”")


# ---------------------------------------------------------------- verdict and form

def check(parse: NarrativeParse):
    """The engine's result for the parsed profile (raises EligibilityInputError)."""
    from . import check_eligibility

    return check_eligibility(parse.profile())


def _line(entry: dict, with_detail: bool = True) -> str:
    detail = f": {entry['detail']}" if with_detail and entry.get("detail") else ""
    return f"- {entry['text']} ({entry['citation']}){detail}"


def _ruling_line(entry: dict, result) -> str:
    """A condition the verdict rests on, with the law's own words for it: its quote, or for "one of the
    following" the quote of the option that decided (met when eligible, the condition itself when not)."""
    options = [c for c in result.conditions if c.get("group") == entry["id"] and c["status"] == entry["status"]]
    quote = next((c["quote"] for c in options if c.get("quote")), "") or entry.get("quote", "")
    quote = quote.strip().rstrip(":;,. ")
    return _line(entry) + (f" — “{quote}”" if len(quote) >= MIN_QUOTE_CHARS else "")


def stated_verdict(result) -> str:
    """The verdict the reply states: the engine's, except that "eligible" resting only on what the
    Council is to judge (no criterion of the award met by a stated fact) is said as not yet known."""
    own = [c for c in result.top_level() if not c["id"].startswith(GENERAL_PREFIX)]
    if result.verdict == "eligible" and own and all(c["status"] == "to_confirm" for c in own):
        return "insufficient"
    return result.verdict


def verdict_text(result, parse: NarrativeParse | None = None) -> str:
    """The chat reply: the verdict first, then each condition with its citation (markdown).
    The first paragraph — the verdict with the conditions it rests on — is the answer's lead."""
    top = result.top_level()
    by = {s: [c for c in top if c["status"] == s] for s in ("met", "failed", "unknown", "to_confirm")}
    what = f"{award_label(result.award)} năm {result.year}"
    verdict = stated_verdict(result)
    if verdict == "unsupported":
        return f"**Chưa kết luận được** về {what}. " + " ".join(result.notes)
    lines = []
    if verdict == "eligible":
        council = " (các tiêu chuẩn cần Hội đồng xác nhận được nêu dưới đây)" if by["to_confirm"] else ""
        lines += [f"**Đủ điều kiện** {what}{council}" + (" — đã đạt:" if by["met"] else "."),
                  *(_ruling_line(c, result) for c in by["met"])]
    elif verdict == "not_eligible":
        lines += [f"**Không đủ điều kiện** {what} vì:", *(_ruling_line(c, result) for c in by["failed"])]
    elif by["unknown"]:
        lines += [f"**Chưa đủ thông tin** để kết luận {what}: cần biết", *(_line(c) for c in by["unknown"])]
    else:
        lines.append(f"**Chưa đủ thông tin** để kết luận {what}: câu hỏi chưa nêu thành tích ứng với các tiêu chuẩn "
                     "do Hội đồng Thi đua - Khen thưởng xem xét dưới đây.")
    if verdict == "not_eligible" and by["unknown"]:
        lines += ["", "Ngoài ra còn thiếu thông tin:", *(_line(c) for c in by["unknown"])]
    if by["met"] and verdict != "eligible":
        lines += ["", "Đã đạt:", *(_line(c) for c in by["met"])]
    if by["to_confirm"]:
        lines += ["", "Cần Hội đồng Thi đua - Khen thưởng xem xét, xác nhận:", *(_line(c, False) for c in by["to_confirm"])]
    if parse is not None:
        lines += _parse_lines(parse)
    lines += ["", f"Quy định áp dụng: {result.rules}."]
    lines += [f"_{note}_" for note in result.notes]
    return "\n".join(lines)


def _parse_lines(parse: NarrativeParse) -> list[str]:
    who = f"{parse.name} — " if parse.name else ""
    lines = ["", f"Đã hiểu: {who}{vocabulary()['kinds'][parse.kind]}; {parse.understood() or 'chưa nêu thành tích'}."]
    if parse.assumptions:
        lines.append("Giả định: " + "; ".join(parse.assumptions) + ".")
    if parse.unread:
        lines.append("Chưa đọc được: " + "; ".join(parse.unread) + " — hãy bổ sung trong biểu mẫu.")
    return lines


# How a reply that reaches no verdict opens: the chat then answers with the rule first.
INCONCLUSIVE_OPENINGS = ("**Chưa kết luận được**", "**Chưa đủ thông tin**", "**Chưa xét được**")


def is_conclusive(text: str) -> bool:
    return not text.startswith(INCONCLUSIVE_OPENINGS)


def reply(parse: NarrativeParse) -> str:
    """The verdict text for a parse, or the Vietnamese reason it cannot be checked."""
    from .profile import EligibilityInputError

    try:
        return verdict_text(check(parse), parse)
    except EligibilityInputError as error:
        problems = "; ".join(message for _, message in error.problems)
        return f"**Chưa xét được**: {problems}." + "\n".join(_parse_lines(parse))


def form_params(parse: NarrativeParse) -> dict:
    """Pre-fill parameters of the eligibility form (ui/eligibility.py); the name only when one was given."""
    params: dict = {"award": parse.award, "as_of": parse.as_of.isoformat(), "kind": parse.kind, "year": parse.year}
    if parse.name:
        params["name"] = parse.name
    if parse.group:
        params["group"] = parse.group
    if parse.is_leader:
        params["is_leader"] = True
    years = sorted(set(parse.records) | set(parse.years) | ({parse.year} if parse.records or parse.years else set()))
    if years:  # a row for every year the question speaks of, to be completed in the form
        params["records"] = [dict(parse.records.get(y) or {"year": y}) for y in years]
    return {k: v for k, v in params.items() if v is not None}

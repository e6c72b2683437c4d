"""Vietnamese dates and periods as plans write them.

`find_dates(text, default_year)` returns every date expression of a text, in
order, with its wording kept (`text`) beside the normalised span:

* days: "30/01/2021", "5/12", "ngày 25 tháng 5 năm 2021", "ngày 30 tháng 11";
* months: "tháng 4/2021", "tháng 10 năm 2025";
* periods: "Quý II", "quý I/2021", "6 tháng đầu năm 2020", "hết năm 2021";
* ranges: "Từ ngày 01/01/2021 đến ngày 30/6/2021", "từ ngày 08 đến ngày 10 tháng 12
  năm 2025", "Từ nay đến hết ngày 30/8/2022", "từ tháng 10 năm 2025 đến hết tháng 3 năm 2026".

A day or period without a year takes `default_year` (the plan's year);
`explicit_year` says whether the year was written. `cue` is the word just before
the expression that makes it a time limit ("trước", "chậm nhất là", "đến hết"…),
so that callers can tell a deadline from a mention such as "ngày sinh Chủ tịch
Hồ Chí Minh (19/5)" or a cited text "Chỉ thị số 34-CT/TW ngày 07/4/2014".

>>> [ (d.text, d.end.isoformat()) for d in find_dates("Quý II: họp (gửi trước ngày 20/6)", 2021) ]
[('Quý II', '2021-06-30'), ('20/6', '2021-06-20')]
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from documents.datafile import read_yaml


DATA_DIR = Path(__file__).parent / "data"


@dataclass
class FoundDate:
    text: str  # as written
    start: date | None  # first day of the period (None when unknown: "Từ nay…", no year)
    end: date | None  # last day by which it is due: the day, or the end of the period
    explicit_year: int | None  # the year as written, None when it was resolved from default_year
    kind: str = "day"  # day | month | quarter | half | year | range
    pos: int = 0  # offset of `text` in the searched text
    cue: str = ""  # deadline word just before ("trước", "đến hết"…), lower-case; "" when none
    weak_cue: bool = False  # the cue is "vào"/"trong": a deadline for days, months, quarters only

    @property
    def is_deadline(self) -> bool:
        """Written as a time limit or period of work, not a mere mention of a date."""
        if not self.cue:
            return False
        return not self.weak_cue or self.kind in ("day", "month", "quarter")


@lru_cache(maxsize=1)
def period_words() -> dict:
    return read_yaml(DATA_DIR / "periods.yaml")


_D = r"(?<![\d/])"
_FULL = re.compile(_D + r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?![\d/])")
_DAY_MONTH = re.compile(_D + r"(\d{1,2})/(\d{1,2})(?![\d/])(?!\s*(?:thành viên|số|tổng))")
_VERBAL = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:,\s*)?năm\s+(\d{4}))?", re.IGNORECASE)
_MONTH = re.compile(r"(?<!\w)tháng\s+(\d{1,2})(?:\s*(?:năm\s+|/\s*)(\d{4}))?(?![\d/])", re.IGNORECASE)
_QUARTER = re.compile(r"(?<!\w)quý\s+(IV|III|II|I|[1-4])(?![\w])(?:\s*(?:năm\s+|/\s*)(\d{4}))?", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\w)năm\s+(\d{4})(?!\s*[-–]\s*\d)", re.IGNORECASE)
_DAY_ONLY = re.compile(r"ngày\s+(\d{1,2})(?=\s+(?:đến|tới|-|–))", re.IGNORECASE)
_RANGE_LINK = re.compile(r"^\s*(?:đến|tới|[-–])\s*(?:hết\s+)?(?:ngày\s+)?$", re.IGNORECASE)
_RANGE_FROM = re.compile(r"(?:từ|kể từ)\s*(?:ngày\s*)?$", re.IGNORECASE)
_FROM_NOW = re.compile(r"từ\s+(?:nay|bây giờ|ngày ký|ngày ban hành)\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?$", re.IGNORECASE)


def find_dates(text: str, default_year: int | None, bare_years: bool = False) -> list[FoundDate]:
    """Every date or period in `text`, in reading order; ranges are merged into one.

    `bare_years`: also read "năm 2025" alone as the whole year (wanted in a
    "Thời gian hoàn thành" cell, not in prose where "năm 2021" names the plan's year).
    """
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for finder in (_full_dates, _verbal_dates, _halves, _quarters, _months, _day_months, _day_only):
        for item in finder(text, default_year):
            span = (item.pos, item.pos + len(item.text))
            if not any(span[0] < end and start < span[1] for start, end in taken):
                found.append(item)
                taken.append(span)
    if bare_years:
        for item in _years(text):
            span = (item.pos, item.pos + len(item.text))
            if not any(span[0] < end and start < span[1] for start, end in taken):
                found.append(item)
    found.sort(key=lambda item: item.pos)
    found = _merge_ranges(text, found)
    for item in found:
        if not item.cue:
            item.cue, item.weak_cue = _cue_before(text[: item.pos])
    return [item for item in found if item.kind != "day_only"]


# ---------------------------------------------------------------- single expressions

def _day(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_span(year: int | None, first: int, last: int) -> tuple[date | None, date | None]:
    if year is None:
        return None, None
    return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])


def _full_dates(text: str, default_year: int | None):
    for match in _FULL.finditer(text):
        day = _day(int(match[3]), int(match[2]), int(match[1]))
        if day:
            yield FoundDate(match[0], day, day, int(match[3]), "day", match.start())


def _verbal_dates(text: str, default_year: int | None):
    for match in _VERBAL.finditer(text):
        explicit = int(match[3]) if match[3] else None
        day = _day(explicit or default_year, int(match[2]), int(match[1]))
        if 1 <= int(match[2]) <= 12:
            yield FoundDate(match[0], day, day, explicit, "day", match.start())


def _day_months(text: str, default_year: int | None):
    for match in _DAY_MONTH.finditer(text):
        d, m = int(match[1]), int(match[2])
        if 1 <= d <= 31 and 1 <= m <= 12 and _day(2000, m, d):
            day = _day(default_year, m, d)
            yield FoundDate(match[0], day, day, None, "day", match.start())


def _day_only(text: str, default_year: int | None):
    """"ngày 08" before "đến": only kept when it opens a range."""
    for match in _DAY_ONLY.finditer(text):
        yield FoundDate(match[0], None, None, None, "day_only", match.start())


def _months(text: str, default_year: int | None):
    for match in _MONTH.finditer(text):
        month = int(match[1])
        if not 1 <= month <= 12:
            continue
        explicit = int(match[2]) if match[2] else None
        start, end = _month_span(explicit or default_year, month, month)
        yield FoundDate(match[0], start, end, explicit, "month", match.start())


def _quarters(text: str, default_year: int | None):
    quarters = period_words()["quarters"]
    for match in _QUARTER.finditer(text):
        first, last = quarters[match[1].upper()]
        explicit = int(match[2]) if match[2] else None
        start, end = _month_span(explicit or default_year, first, last)
        yield FoundDate(match[0], start, end, explicit, "quarter", match.start())


@lru_cache(maxsize=1)
def _half_pattern() -> re.Pattern:
    phrases = sorted(period_words()["halves"], key=len, reverse=True)
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"(?<!\w)({alternatives})(?:\s*(?:/\s*)?(\d{{4}}))?(?![\w/])", re.IGNORECASE)


def _halves(text: str, default_year: int | None):
    halves = {" ".join(k.lower().split()): v for k, v in period_words()["halves"].items()}
    for match in _half_pattern().finditer(text):
        first, last = halves[" ".join(match[1].lower().split())]
        explicit = int(match[2]) if match[2] else None
        start, end = _month_span(explicit or default_year, first, last)
        yield FoundDate(match[0], start, end, explicit, "half", match.start())


def _years(text: str):
    for match in _YEAR.finditer(text):
        year = int(match[1])
        yield FoundDate(match[0], date(year, 1, 1), date(year, 12, 31), year, "year", match.start())


# ---------------------------------------------------------------- ranges and cues

def _merge_ranges(text: str, found: list[FoundDate]) -> list[FoundDate]:
    merged: list[FoundDate] = []
    index = 0
    while index < len(found):
        item = found[index]
        nxt = found[index + 1] if index + 1 < len(found) else None
        before = text[: item.pos]
        from_now = _FROM_NOW.search(before)
        if from_now and item.kind != "day_only":
            merged.append(_range(text, from_now.start(), None, item, "từ"))
            index += 1
            continue
        if nxt and _RANGE_LINK.match(text[item.pos + len(item.text): nxt.pos]):
            opener = _RANGE_FROM.search(before)
            dash = not opener and re.match(r"^\s*[-–]", text[item.pos + len(item.text): nxt.pos])
            if opener or (dash and item.kind == nxt.kind == "day"):
                start_at = opener.start() if opener else item.pos
                merged.append(_range(text, start_at, item, nxt, "từ" if opener else ""))
                index += 2
                continue
        merged.append(item)
        index += 1
    return merged


def _range(text: str, start_at: int, first: FoundDate | None, last: FoundDate, cue: str) -> FoundDate:
    start = first.start if first else None
    if first and first.kind == "day_only" and last.end:
        day = int(re.search(r"\d+", first.text)[0])
        start = _day(last.end.year, last.end.month, day)
    elif first and first.start and last.end and first.explicit_year is None and last.explicit_year:
        start = first.start.replace(year=last.explicit_year) if _day(last.explicit_year, first.start.month, first.start.day) else first.start
    end_at = last.pos + len(last.text)
    return FoundDate(text[start_at:end_at], start, last.end, last.explicit_year or (first.explicit_year if first else None),
                     "range", start_at, cue=cue)


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern:
    cues = sorted(period_words()["deadline_cues"], key=len, reverse=True)
    alternatives = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)
    return re.compile(rf"(?<!\w)({alternatives})\s*[:,]?\s*(?:(?:là|vào|trong)\s+)?(?:ngày\s*)?$", re.IGNORECASE)


def _cue_before(before: str) -> tuple[str, bool]:
    match = _cue_pattern().search(before[-40:])
    if not match:
        return "", False
    cue = " ".join(match[1].lower().split())
    return cue, cue in ("vào", "trong", "dự kiến")

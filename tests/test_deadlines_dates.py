"""Vietnamese date handling: days, partial dates, verbal dates, periods, ranges, cues."""
from datetime import date

from assistant.deadlines.dates import find_dates


def one(text, year=2021, **kw):
    found = find_dates(text, year, **kw)
    assert len(found) == 1, found
    return found[0]


def test_numeric_day_with_and_without_year():
    d = one("trước ngày 05/12/2021")
    assert (d.text, d.end, d.explicit_year, d.cue) == ("05/12/2021", date(2021, 12, 5), 2021, "trước")
    partial = one("gửi trước ngày 20/6", year=2020)
    assert partial.end == date(2020, 6, 20) and partial.explicit_year is None


def test_verbal_day_keeps_wording_and_resolves_year():
    d = one("Hà Nội, ngày 25 tháng 5 năm 2021")
    assert d.text == "ngày 25 tháng 5 năm 2021" and d.end == date(2021, 5, 25)
    d = one("chậm nhất là ngày 15 tháng 8 của năm xét tặng", year=2025)
    assert d.end == date(2025, 8, 15) and d.cue == "chậm nhất là" and d.is_deadline


def test_quarters_halves_and_year_end():
    assert (one("Quý I").start, one("Quý I").end) == (date(2021, 1, 1), date(2021, 3, 31))
    assert one("quý IV/2022").end == date(2022, 12, 31)
    half = one("báo cáo 6 tháng đầu năm 2020")
    assert (half.start, half.end, half.kind) == (date(2020, 1, 1), date(2020, 6, 30), "half")
    assert one("tháng 4/2021").end == date(2021, 4, 30)
    assert one("Năm 2025", bare_years=True).end == date(2025, 12, 31)
    assert find_dates("công tác thi đua năm 2021", 2021) == []  # a year in prose is not a period


def test_ranges():
    d = one("Từ ngày 01/7/2021 đến hết năm 2021 thi đua")
    assert (d.kind, d.start, d.end) == ("range", date(2021, 7, 1), date(2021, 12, 31))
    d = one("(từ ngày 08 đến ngày 10 tháng 12 năm 2025)")
    assert (d.start, d.end) == (date(2025, 12, 8), date(2025, 12, 10))
    d = one("Từ nay đến hết ngày 30/8/2022.")
    assert d.start is None and d.end == date(2022, 8, 30) and d.is_deadline
    d = one("từ tháng 10 năm 2025 đến hết tháng 3 năm 2026")
    assert (d.start, d.end) == (date(2025, 10, 1), date(2026, 3, 31))


def test_mentions_are_not_deadlines():
    holiday = find_dates("Ngày giải phóng miền Nam (30/4) và Chỉ thị số 34-CT/TW ngày 07/4/2014", 2021)
    assert [d.text for d in holiday] == ["30/4", "07/4/2014"]
    assert not any(d.is_deadline for d in holiday)
    assert find_dates("Luật 06/2022/QH15, Nghị định 98/2023/NĐ-CP", 2021) == []


def test_without_default_year_the_date_is_kept_unresolved():
    d = one("trước ngày 30/4", year=None)
    assert d.text == "30/4" and d.start is None and d.end is None

"""The four seed plans: counts and a hand-written sample of exact records (from reading the documents)."""
from pathlib import Path

import pytest

from assistant.deadlines import extract_deadlines
from documents.load import load
from documents.parse import parse

PLANS = Path(__file__).resolve().parent.parent / "knowledge" / "plans"


def records_of(stem):
    path = PLANS / f"{stem}.txt"
    return extract_deadlines(parse(load(path)), stem, str(path))


def find(records, words):
    hits = [r for r in records if words.lower() in r.task.lower()]
    assert hits, f"không thấy nhiệm vụ: {words}"
    return hits[0]


def test_seed_000_prose_deadlines_and_campaign_periods():
    records = records_of("000_1085f501b25a5d99")
    dated = [r for r in records if not r.undated]
    assert len(dated) == len(records) == 9
    wave1 = find(records, "thi đua lập thành tích chào mừng các ngày lễ lớn trong năm")
    assert (wave1.due_start, wave1.due_end) == ("2021-01-01", "2021-06-30")
    wave2 = find(records, "Đợt 2")
    assert (wave2.due_start, wave2.due_end, wave2.due_text) == ("2021-07-01", "2021-12-31", "Từ ngày 01/7/2021 đến hết năm 2021")
    june = find(records, "báo cáo sơ kết công tác thi đua khen thưởng 6 tháng đầu năm")
    assert (june.due_end, june.due_text, june.units) == ("2020-06-20", "trước ngày 20/6/2020", ["các đơn vị"])
    assert any("2020" in flag and "2021" in flag for flag in june.flags)  # written year kept, flagged
    december = find(records, "Xây dựng báo cáo tổng kết phong trào thi đua, khen thưởng năm 2021")
    assert (december.due_end, december.due_text) == ("2021-12-05", "trước ngày 05/12/2021")
    q1 = find(records, "ban hành Quy chế hoạt động của Khối")
    assert (q1.due_text, q1.due_end, q1.location) == ("Quý I", "2021-03-31", "III. NHIỆM VỤ CỤ THỂ › 2. Kế hoạch cụ thể")


def test_seed_001_all_25_appendix_rows():
    records = records_of("001_f3c46f3a27ae00a1")
    rows = [r for r in records if r.kind == "table"]
    assert len(rows) == 25
    assert [r.location.rsplit("mục ", 1)[1] for r in rows] == [str(n) for n in range(1, 26)]
    first = rows[0]
    assert first.task == "Xây dựng Kế hoạch triển khai công tác thi đua khen thưởng năm 2021"
    assert (first.lead_units, first.units, first.coop_units) == (["Hội đồng TĐKT Quận"], ["Phòng Nội vụ"], ["Các đơn vị thuộc Quận"])
    assert (first.due_text, first.due_end, first.location) == ("Trước ngày 30/01/2021", "2021-01-30", "PHỤ LỤC › Quý I › mục 1")
    eight = rows[7]
    assert eight.units == ["Phòng Y tế"] and eight.coop_units == ["phòng Kinh tế", "Phòng Nội vụ"]
    assert eight.lead_units == ["UBND/Hội đồng TĐKT Quận"] and eight.due_end == "2021-04-10"
    sixteen = rows[15]
    assert sixteen.location == "PHỤ LỤC › Quý II › mục 16" and sixteen.due_end == "2021-04-05"
    city = rows[13]
    assert city.undated and city.due_end is None and city.due_text == "Theo Kế hoạch của Thành phố"
    assert sum(r.undated for r in rows) == 2
    prose = find(records, "Kế hoạch của đơn vị gửi về Hội đồng Thi đua - Khen thưởng Quận")
    assert prose.kind == "prose" and prose.due_end == "2021-01-30"


def test_seed_002_campaign_until_30_8_2022():
    records = records_of("002_8dcd8df503d34be0")
    assert len(records) == 1
    only = records[0]
    assert (only.due_text, only.due_start, only.due_end) == ("Từ nay đến hết ngày 30/8/2022", None, "2022-08-30")
    assert "THỜI GIAN THỰC HIỆN ĐỢT THI ĐUA" in only.task


@pytest.mark.parametrize("number,quarter,end", [("1", "Quý I", "2020-03-31"), ("7", "Quý II", "2020-06-30"),
                                                ("11", "Quý III", "2020-09-30"), ("17", "Quý IV", "2020-12-31")])
def test_seed_004_quarter_rows(number, quarter, end):
    rows = [r for r in records_of("004_b2a4d87094e8f2d2") if r.kind == "table"]
    assert len(rows) == 17
    row = next(r for r in rows if r.location.endswith(f"› mục {number}"))
    assert (row.due_text, row.due_end) == (quarter, end)
    assert row.location == f"II. NỘI DUNG, THỜI GIAN THỰC HIỆN › {quarter} › mục {number}"


def test_seed_004_sample_rows_and_prose():
    records = records_of("004_b2a4d87094e8f2d2")
    five = next(r for r in records if r.task == "Tổ chức Hội nghị điển hình tiên tiến Sở Nội vụ.")
    assert (five.lead_units, five.units) == (["Văn phòng Sở"], ["Hội đồng TĐKT Sở", "Các đơn vị thuộc và trực thuộc sở"])
    ten = find(records, "Tham dự Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ V")
    assert ten.units == ["Lãnh đạo Sở", "Văn phòng Sở", "Đại biểu được bầu dự"] and ten.due_end == "2020-09-30"
    register = find(records, "gửi Văn phòng tổng hợp")
    assert (register.due_text, register.due_end, register.kind) == ("trước 30/01/2020", "2020-01-30", "prose")

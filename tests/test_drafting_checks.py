"""Checks on any plan: repealed legal bases, deadlines outside the period, milestones without a unit, missing parts."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.catalogue import Catalogue
from assistant.build import build_assistant
from assistant.drafting import PlanForm, bases_in_force, check_plan_file, write_docx

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = ROOT / "knowledge/plans/000_1085f501b25a5d99.txt"
SEED_004 = ROOT / "knowledge/plans/004_b2a4d87094e8f2d2.txt"
TODAY = date(2026, 1, 20)


@pytest.fixture
def catalogue(settings) -> Catalogue:
    return build_assistant(settings).catalogue


def _by_code(warnings, code):
    return [w for w in warnings if w.code == code]


def test_seed_004_repealed_bases_are_flagged(catalogue):
    repealed = _by_code(check_plan_file(SEED_004, catalogue, TODAY), "repealed_basis")
    text = "\n".join(w.message for w in repealed)
    for number in ("91/2017/NĐ-CP", "15/2003/QH11", "47/2005/QH11", "39/2013/QH13"):
        assert number in text, number
    law_2005 = next(w for w in repealed if "47/2005/QH11" in w.message)
    assert "Điều 94 khoản 2" in law_2005.message and "06/2022/QH15" in law_2005.message
    assert "ngày 14/6/2005" in law_2005.where  # cited by name and date, without its number
    assert "hết hiệu lực từ 01/01/2024" in text
    assert len(repealed) == 4  # each text once, though 004 cites some twice


def test_seed_000_deadline_outside_the_plan_year_is_flagged(catalogue):
    warnings = check_plan_file(SEED_000, catalogue, TODAY)
    outside = _by_code(warnings, "deadline_outside_period")
    assert [w.message.split("”")[0] for w in outside] == ["Thời hạn “20/6/2020"]
    assert "01/01/2021 – 31/12/2021" in outside[0].message
    assert "trước ngày 20/6/2020" in outside[0].where


def test_uploaded_word_plan_is_checked(settings, catalogue, tmp_path):
    form = PlanForm.from_dict({
        "kind": "annual", "agency": "Sở Tư pháp", "superior": "UBND tỉnh Lạng Sơn", "place": "Lạng Sơn",
        "number": "05/KH-STP", "date": "2026-01-15", "year": 2026, "signer_title": "Giám đốc", "signer_name": "Nguyễn Văn A",
        "bases": ["Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ"],
        "units": [{"name": "Văn phòng Sở", "role": "Tham mưu tổ chức thực hiện."}],
        "milestones": [{"task": "Đăng ký thi đua", "lead": "Văn phòng Sở", "due": "Trước ngày 31/01/2026"},
                       {"task": "Tổng kết năm", "due": "Trước ngày 15/01/2027"}],
    })
    plan = build_assistant(settings).drafter.draft(form, use_model=False)
    path = write_docx(plan, tmp_path / "ke-hoach.docx")
    warnings = check_plan_file(path, catalogue, TODAY)
    assert not _by_code(warnings, "missing_part")  # header read from the Word layout tables
    assert any("91/2017/NĐ-CP" in w.message for w in _by_code(warnings, "repealed_basis"))
    assert [w.message for w in _by_code(warnings, "deadline_outside_period")] == [
        "Thời hạn “15/01/2027” nằm ngoài thời gian của kế hoạch (01/01/2026 – 31/12/2026)."]
    unit = _by_code(warnings, "milestone_without_unit")
    assert len(unit) == 1 and "Tổng kết năm" in unit[0].message


def test_plan_without_mandatory_parts(catalogue, tmp_path):
    path = tmp_path / "thieu.txt"
    path.write_text("KẾ HOẠCH\nCông tác thi đua năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\nNội dung.\n", encoding="utf-8")
    messages = [w.message for w in check_plan_file(path, catalogue, TODAY) if w.code == "missing_part"]
    assert "Chưa có số văn bản (Số: …/KH-…)." in messages
    assert "Thiếu phần “Tổ chức thực hiện”." in messages and "Thiếu phần Nơi nhận." in messages


def test_bases_in_force_follow_the_plan_date(catalogue):
    in_2024 = [b.number for b in bases_in_force(catalogue, date(2024, 6, 1))]
    assert in_2024 == ["06/2022/QH15", "98/2023/NĐ-CP", "01/2024/TT-BNV"]
    in_2026 = bases_in_force(catalogue, date(2026, 1, 15))
    assert [b.number for b in in_2026] == ["06/2022/QH15", "152/2025/NĐ-CP", "15/2025/TT-BNV"]
    circular = in_2026[-1]  # known from the catalogue's row only: cited with its known date, flagged
    assert not circular.in_knowledge_base and "chưa có toàn văn trong kho — kiểm tra số, ngày" in circular.note
    assert "Thông tư số 15/2025/TT-BNV ngày 04 tháng 8 năm 2025" in circular.citation
    after_amendment = [b.number for b in bases_in_force(catalogue, date(2026, 11, 2))]
    assert after_amendment == ["06/2022/QH15", "06/2026/QH16", "152/2025/NĐ-CP", "15/2025/TT-BNV"]

"""Xét điều kiện khen thưởng page: one nominee (form, JSON, link from the chat) and a whole list."""
from __future__ import annotations

import io
import json
from pathlib import Path

from tests.app_helpers import new_app

PAGE = "ui/pages/xet_dieu_kien.py"
DEV_CASES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "eligibility_dev.jsonl"
PROFILE = {"id": "e01", "award": "lao_dong_tien_tien", "as_of": "2025-08-20", "year": 2024,
           "nominee": {"kind": "individual", "name": "Võ Thị Kim Liên", "position": "Trưởng phòng", "is_leader": True,
                       "records": [{"year": 2024, "rating": "hoan_thanh_xuat_sac", "months_worked": 12, "leave": [],
                                    "discipline": [], "titles": [], "awards": [], "initiatives": []}]}}


def _check(at):
    next(b for b in at.button if b.key == "el_check").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_json_profile_gets_a_verdict_with_citations(monkeypatch, plan_index):
    at = new_app(monkeypatch, plan_index, PAGE)
    at.text_area(key="el_json").input(json.dumps(PROFILE, ensure_ascii=False)).run()
    _check(at)
    assert "ĐỦ ĐIỀU KIỆN" in "\n".join(s.value for s in at.success)
    conditions = next(d.value for d in at.dataframe if "Căn cứ" in d.value.columns)
    assert any("Điều 24" in c for c in conditions["Căn cứ"])


def test_form_prefilled_from_a_chat_question_gives_a_verdict(monkeypatch, plan_index):
    from tests.app_helpers import app_opened_from_chat

    question = "Chị Nguyễn Thị Lan năm 2024 hoàn thành xuất sắc nhiệm vụ, không bị kỷ luật, có đủ điều kiện Lao động tiên tiến không?"
    at = app_opened_from_chat(monkeypatch, plan_index, PAGE, question)
    assert at.text_input(key="el_name").value == "Nguyễn Thị Lan"
    assert at.selectbox(key="el_award").value == "lao_dong_tien_tien"
    at.number_input(key="el_year").set_value(2024).run()
    at.date_input(key="el_as_of").set_value(__import__("datetime").date(2025, 3, 1)).run()
    _check(at)
    verdicts = "\n".join(e.value for kind in ("success", "error", "warning") for e in getattr(at, kind))
    assert "LAO ĐỘNG TIÊN TIẾN" in verdicts.upper() and any(
        v in verdicts for v in ("ĐỦ ĐIỀU KIỆN", "KHÔNG ĐỦ ĐIỀU KIỆN", "CHƯA ĐỦ THÔNG TIN")), verdicts


def test_bad_profile_gets_a_vietnamese_error(monkeypatch, plan_index):
    at = new_app(monkeypatch, plan_index, PAGE)
    bad = dict(PROFILE, award="huy_chuong_vang")
    at.text_area(key="el_json").input(json.dumps(bad)).run()
    _check(at)
    assert "Hồ sơ chưa hợp lệ" in at.error[0].value and "Danh hiệu / hình thức đề nghị" in at.error[0].value
    assert "huy_chuong_vang" in at.error[0].value


def test_a_list_is_checked_and_the_results_downloadable(monkeypatch, plan_index):
    from openpyxl import load_workbook

    from assistant.eligibility.batch import template_csv
    from ui.eligibility import batch_results, template_bytes

    at = new_app(monkeypatch, plan_index, PAGE)
    at.file_uploader(key="el_batch_file").set_value(("ds.csv", template_csv().encode("utf-8"), "text/csv")).run()
    next(b for b in at.button if b.key == "el_batch_check").click().run()
    assert not at.exception, [e.value for e in at.exception]
    table = next(d.value for d in at.dataframe if "Mã hồ sơ" in d.value.columns)
    assert list(table["Mã hồ sơ"]) == ["vd-01", "vd-02"] and list(table["Kết quả"]) == ["Đủ điều kiện"] * 2
    assert "Tải kết quả (Excel)" in [b.label for b in at.get("download_button")]
    items, workbook = batch_results("ds.csv", template_csv().encode("utf-8"))
    assert load_workbook(io.BytesIO(workbook))["Kết quả"].max_row == 3
    assert load_workbook(io.BytesIO(template_bytes())).sheetnames[0] == "Hồ sơ"

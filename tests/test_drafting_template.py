"""Drafting without a model: whole plans from a form, exported to Word and Markdown."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from assistant.build import build_assistant
from assistant.drafting import PlanForm, check_draft, seed_from_plan, to_markdown, write_docx
from assistant.drafting.anatomy import section_heading, section_keys
from assistant.drafting.form import DraftingInputError

ROOT = Path(__file__).resolve().parent.parent
ANNUAL = {
    "kind": "annual", "agency": "Sở Tư pháp", "superior": "UBND tỉnh Lạng Sơn", "place": "Lạng Sơn",
    "date": "2026-01-15", "year": 2026, "signer_title": "Giám đốc",
    "theme": "Đoàn kết, kỷ cương, sáng tạo, hoàn thành xuất sắc nhiệm vụ năm 2026",
    "milestones": [
        {"task": "Ban hành Kế hoạch công tác thi đua, khen thưởng năm 2026", "lead": "Văn phòng Sở", "due": "2026-01-31"},
        {"task": "Sơ kết 6 tháng đầu năm 2026", "lead": "Văn phòng Sở", "due": "Trước ngày 30/6/2026"},
        {"task": "Tổng kết năm 2026", "due": "Trước ngày 15/12/2026"},
    ],
}
CAMPAIGN = {
    "kind": "campaign", "agency": "Sở Tư pháp", "superior": "UBND tỉnh Lạng Sơn", "place": "Lạng Sơn",
    "date": "2025-05-20", "year": 2025, "campaign": "cao điểm chào mừng 80 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam",
    "from": "2025-06-01", "to": "2025-09-02", "awards": ["Giấy khen của Giám đốc Sở"],
}


def _paragraphs(document) -> list:
    found = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(cell.paragraphs)
    return found


def _find(paragraphs, text: str):
    return next(p for p in paragraphs if p.text.strip() == text)


def _runs_size(paragraph) -> set[float]:
    return {run.font.size.pt for run in paragraph.runs if run.font.size}


def test_annual_plan_docx_follows_decree_30_layout(settings, tmp_path):
    plan = build_assistant(settings).drafter.draft(PlanForm.from_dict(ANNUAL), use_model=False)
    path = write_docx(plan, tmp_path / "plan.docx")
    document = docx.Document(str(path))

    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.styles["Normal"].font.size.pt == 14

    header = document.tables[0]
    left, right = header.rows[0].cells
    assert "UBND TỈNH LẠNG SƠN" in left.text and "SỞ TƯ PHÁP" in left.text
    assert _find(left.paragraphs, "SỞ TƯ PHÁP").runs[0].bold
    assert "Số: ……/KH-……" in left.text  # no number given: a placeholder, never an invented number
    quoc_hieu = _find(right.paragraphs, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert quoc_hieu.runs[0].bold and _runs_size(quoc_hieu) == {12}
    assert _find(right.paragraphs, "Độc lập - Tự do - Hạnh phúc").runs[0].bold
    place_date = _find(right.paragraphs, "Lạng Sơn, ngày 15 tháng 01 năm 2026")
    assert place_date.runs[0].italic and place_date.alignment == WD_ALIGN_PARAGRAPH.CENTER

    body = document.paragraphs
    for text in ("KẾ HOẠCH", "Công tác thi đua, khen thưởng năm 2026"):
        title = _find(body, text)
        assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER and title.runs[0].bold
    bases = [p for p in body if p.text in plan.bases]
    assert len(bases) == len(plan.bases) >= 3 and all(p.runs[0].italic for p in bases)
    cited = " ".join(p.text for p in bases)
    assert "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022" in cited
    assert "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025" in cited
    assert "15/2025/TT-BNV" in cited
    for repealed in ("98/2023", "91/2017", "01/2024/TT-BNV", "15/2003", "39/2013"):
        assert repealed not in cited

    texts = [p.text for p in body]
    for key in section_keys("annual"):
        assert any(t.endswith(section_heading(key, "annual")) for t in texts), key
    prose = [p for p in body if p.text.startswith("- ")]
    assert prose and all(p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY for p in prose)
    assert all(_runs_size(p) <= {13, 14} for p in body if p.text.strip())

    milestones = document.tables[1]
    assert milestones.style.name == "Table Grid"  # bordered
    assert [c.text for c in milestones.rows[0].cells] == ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]
    rows = [[c.text for c in row.cells] for row in milestones.rows]
    assert ["Quý I"] * 5 in rows
    assert ["1", "Ban hành Kế hoạch công tác thi đua, khen thưởng năm 2026", "Văn phòng Sở", "……", "Trước ngày 31/01/2026"] in rows
    assert any(r[1] == "Tổng kết năm 2026" and r[2] == "……" for r in rows)

    closing = document.tables[-1]
    recipients, signature = closing.rows[0].cells
    label = recipients.paragraphs[0]
    assert label.text == "Nơi nhận:" and label.runs[0].bold and label.runs[0].italic and _runs_size(label) == {12}
    assert all(_runs_size(p) == {11} for p in recipients.paragraphs[1:] if p.text)
    assert "- UBND tỉnh Lạng Sơn (b/c);" in recipients.text
    assert _find(signature.paragraphs, "GIÁM ĐỐC").alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_campaign_plan_from_form_exported(settings, tmp_path):
    plan = build_assistant(settings).drafter.draft(PlanForm.from_dict(CAMPAIGN), use_model=False)
    markdown = to_markdown(plan)
    for key in section_keys("campaign"):
        assert section_heading(key, "campaign") in markdown
    assert "Phát động đợt thi đua cao điểm chào mừng 80 năm Quốc khánh" in plan.title
    assert "từ ngày 01/6/2025 đến ngày 02/9/2025" in markdown
    assert "Giấy khen của Giám đốc Sở" in markdown
    # on 20/5/2025 Nghị định 98/2023 and Thông tư 01/2024 are in force, Nghị định 152/2025 not yet
    assert "98/2023/NĐ-CP" in markdown and "01/2024/TT-BNV" in markdown and "152/2025" not in markdown
    path = write_docx(plan, tmp_path / "campaign.docx")
    document = docx.Document(str(path))
    table = document.tables[1]
    assert not any("Quý" in c.text for c in table.columns[1].cells)  # a campaign's table is not by quarter
    (tmp_path / "campaign.md").write_text(markdown, encoding="utf-8")
    assert "Nơi nhận:" in (tmp_path / "campaign.md").read_text(encoding="utf-8")


def test_block_plan_and_section_only(settings):
    form = PlanForm.from_dict({"kind": "block", "agency": "Văn phòng UBND tỉnh", "year": 2026})
    whole = to_markdown(build_assistant(settings).drafter.draft(form, use_model=False))
    assert "Trưởng khối (……)" in whole and "Triển khai hoạt động của …… năm 2026" in whole
    only = build_assistant(settings).drafter.draft(form, section="muc_dich_yeu_cau", use_model=False)
    text = to_markdown(only)
    assert text.startswith("**I. MỤC ĐÍCH, YÊU CẦU**") and "Nơi nhận" not in text


def test_missing_inputs_become_placeholders_not_inventions(settings):
    plan = build_assistant(settings).drafter.draft(PlanForm.from_dict({"kind": "annual"}), use_model=False)
    assert plan.number_line == "Số: ……/KH-……"
    assert plan.place_date == "……, ngày …… tháng …… năm ……"
    warnings = check_draft(plan, plan_catalogue(settings), date(2026, 1, 15))
    codes = {w.code for w in warnings}
    assert {"missing_part", "placeholder", "milestone_without_unit"} <= codes


def plan_catalogue(settings):
    return build_assistant(settings).catalogue


def test_milestones_seeded_from_previous_year_plan():
    seeded = seed_from_plan(ROOT / "knowledge/plans/001_f3c46f3a27ae00a1.txt", 2022)
    first = seeded[0]
    assert first.task.startswith("Xây dựng Kế hoạch triển khai công tác thi đua khen thưởng năm 2022")
    assert first.lead == "Phòng Nội vụ" and first.due == "Trước ngày 30/01/2022" and first.quarter == "I"
    assert {m.quarter for m in seeded} == {"I", "II", "III", "IV"}


@pytest.mark.parametrize("raw, field", [
    ({"kind": "weekly"}, "--kind"), ({"date": "2026-13-01"}, "--date"), ({"from": "15/6/2025", "to": "01/6/2025"}, "--from"),
    ({"year": "hai nghìn"}, "--year"), ({"milestones": [{"task": "A", "quarter": "V"}]}, "quý"),
])
def test_bad_input_is_a_vietnamese_error_naming_the_field(raw, field):
    with pytest.raises(DraftingInputError) as error:
        PlanForm.from_dict(raw)
    assert field in str(error.value)


def test_form_round_trip():
    form = PlanForm.from_dict(ANNUAL)
    again = PlanForm.from_dict(form.to_dict())
    assert again == form and again.date == date(2026, 1, 15)

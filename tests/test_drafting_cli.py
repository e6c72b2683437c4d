"""`python -m assistant draft …` and `check-plan`: files written, Vietnamese errors, no tracebacks."""
from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from assistant.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
BASE = ["draft", "--kind", "annual", "--agency", "Sở Tư pháp", "--superior", "UBND tỉnh Lạng Sơn",
        "--place", "Lạng Sơn", "--date", "2026-01-15", "--year", "2026", "--number", "05/KH-STP"]


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    monkeypatch.setenv("TDKT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TDKT_LLM_PROVIDER", "none")
    monkeypatch.setenv("TDKT_TODAY", "2026-01-20")


def test_cli_writes_docx_and_markdown(tmp_path, capsys):
    assert main(BASE + ["--out", str(tmp_path / "plan.docx")]) == 0
    document = docx.Document(str(tmp_path / "plan.docx"))
    assert "Số: 05/KH-STP" in document.tables[0].rows[0].cells[0].text
    assert "Đã ghi bản dự thảo" in capsys.readouterr().out
    form = tmp_path / "form.json"
    form.write_text(json.dumps({"theme": "Chủ đề từ biểu mẫu", "units": ["Văn phòng Sở: tham mưu"]}, ensure_ascii=False), encoding="utf-8")
    assert main(BASE + ["--form", str(form), "--section", "noi_dung", "--out", str(tmp_path / "noi_dung.md")]) == 0
    text = (tmp_path / "noi_dung.md").read_text(encoding="utf-8")
    assert text.startswith("**II. NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP**") and "“Chủ đề từ biểu mẫu”" in text


@pytest.mark.parametrize("extra, flag", [
    (["--date", "15/13/2026"], "--date"), (["--kind", "monthly"], "--kind"), (["--section", "phu_luc"], "--section"),
    (["--out", "plan.pdf"], "--out"), (["--form", "khong-co.json"], "--form"), (["--from", "2026-02-30"], "--from"),
])
def test_cli_bad_input_names_the_flag(extra, flag, capsys):
    assert main(BASE + extra) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and flag in err and "Traceback" not in err


def test_check_plan_command(capsys):
    assert main(["check-plan", str(ROOT / "knowledge/plans/004_b2a4d87094e8f2d2.txt")]) == 1
    out = capsys.readouterr().out
    assert "Nghị định 91/2017/NĐ-CP" in out and "47/2005/QH11" in out
    assert main(["draft", "--check", str(ROOT / "knowledge/plans/000_1085f501b25a5d99.txt")]) == 1
    assert "20/6/2020" in capsys.readouterr().out


@pytest.mark.parametrize("flags, lines", [
    (["--signer-authority", "KT.", "--signer-title", "PHÓ GIÁM ĐỐC", "--signer-name", "Nguyễn Văn A"],
     ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"]),
    (["--signer-authority", "TM.", "--signer-title", "Chủ tịch", "--agency", "UBND huyện Tam Đường"],
     ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "……"]),
    (["--signer-authority", "TL.", "--signer-for", "Giám đốc", "--signer-title", "Chánh Văn phòng"],
     ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "……"]),
    (["--signer-authority", "Q.", "--signer-title", "Giám đốc", "--signer-name", "Lê C"], ["Q. GIÁM ĐỐC", "Lê C"]),
    (["--signer-authority", "KT. GIÁM ĐỐC", "--signer-title", "PHÓ GIÁM ĐỐC"], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "……"]),
])
def test_cli_signer_block_in_the_docx(tmp_path, flags, lines):
    out = tmp_path / "plan.docx"
    assert main(BASE + flags + ["--out", str(out)]) == 0
    document = docx.Document(str(out))
    signature = [p.text for p in document.tables[-1].rows[0].cells[1].paragraphs if p.text.strip()]
    assert signature == lines

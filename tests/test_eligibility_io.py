"""Bad input, batch Excel/CSV, template, CLI and eval entry points."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from assistant.__main__ import main as assistant_main
from assistant.eligibility import EligibilityInputError, check_batch, check_eligibility, write_results_xlsx, write_template
from assistant.eligibility.batch import COLUMNS
from eval.eligibility import cite_found, main as eval_main
from test_eligibility_helpers import CSTDCS, LDTT, TOT, XS, person, rec

DEV = Path(__file__).resolve().parent.parent / "eval" / "data" / "dev" / "eligibility_dev.jsonl"


def _error(profile) -> EligibilityInputError:
    with pytest.raises(EligibilityInputError) as info:
        check_eligibility(profile)
    return info.value


@pytest.mark.parametrize("profile,field,words", [
    (person("bang_khen_tinh", [rec(2025)]), "award", "không có trong danh mục"),
    (person("lao_dong_tien_tien", [rec(2025)], as_of="2026-13-40"), "as_of", "ngày không hợp lệ"),
    (person("lao_dong_tien_tien", [rec(2025)], as_of="20/01/2026x"), "as_of", "ngày không hợp lệ"),
    (person("lao_dong_tien_tien", [rec(2025, "xuat_sac_lam")]), "nominee.records[0].rating", "không có trong danh sách"),
    (person("lao_dong_tien_tien", [rec(2025), rec(2025)]), "nominee.records[1].year", "khai báo hai lần"),
    (person("tap_the_lao_dong_tien_tien", [rec(2025)]), "award", "chỉ xét cho tập thể"),
    (person("lao_dong_tien_tien", [rec(2025, initiatives=[("cap_xa", 2025)])]), "nominee.records[0].initiatives[0].scope", "không hợp lệ"),
    (person("bang_khen_cap_tinh", [rec(2025)], claim="k9.z"), "claim", "không có trong các tiêu chuẩn thay thế"),
    (person("lao_dong_tien_tien", [rec(2025)], regulation="qd-khong-co"), "regulation", "không có tệp quy chế"),
])
def test_bad_input_names_field_in_vietnamese(profile, field, words):
    err = _error(profile)
    assert any(f == field and words in m for f, m in err.problems), err.problems
    assert f"Trường “{field}”" in str(err)


def test_all_problems_reported_together():
    err = _error(person("khong_co", [rec(2025, "abc")], as_of="hôm qua"))
    assert {f for f, _ in err.problems} >= {"award", "as_of", "nominee.records[0].rating"}


def test_nfc_and_labels_accepted():
    """Decomposed Vietnamese input (NFD) and the rating's Vietnamese label are normalised."""
    import unicodedata
    profile = person("lao_dong_tien_tien", [rec(2025, unicodedata.normalize("NFD", "hoàn thành tốt nhiệm vụ"))])
    assert check_eligibility(profile).verdict == "eligible"


def _write_xlsx(path: Path, rows: list[list]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Hồ sơ"
    ws.append(COLUMNS)
    for row in rows:
        ws.append(row)
    wb.save(path)


def _row(nid, award="chien_si_thi_dua_co_so", record_year=2025, rating=TOT, titles="lao_dong_tien_tien",
         initiatives="-", discipline="-", first=True, year=2025):
    top = [nid, award, "2026-01-20", year, "", "", "individual", f"Người {nid}", "chuyên viên", "không", "", ""] if first else [nid] + [""] * 11
    return top + [record_year, rating, 12, "-", discipline, titles, "-", initiatives, "", "", "", "", "", ""]


def _nominees(n: int) -> list[list]:
    rows = []
    for i in range(n):
        nid = f"n{i:03d}"
        rows.append(_row(nid, record_year=2024, rating=XS, titles=f"{LDTT}; {CSTDCS}"))
        kind = i % 4
        if kind == 0:
            rows.append(_row(nid, first=False, rating=XS))
        elif kind == 1:
            rows.append(_row(nid, first=False, initiatives="co_so:2025"))
        elif kind == 2:
            rows.append(_row(nid, first=False))
        else:
            rows.append(_row(nid, first=False, rating=None, titles=None))
    return rows


def test_batch_200_nominees_xlsx(tmp_path):
    src, out = tmp_path / "nominees.xlsx", tmp_path / "results.xlsx"
    _write_xlsx(src, _nominees(200))
    items = check_batch(src)
    write_results_xlsx(items, out)
    assert len(items) == 200 and not any(i.error for i in items)
    ws = load_workbook(out)["Kết quả"]
    rows = list(ws.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == 200
    col = {h: i for i, h in enumerate(header)}
    verdicts = [r[col["verdict"]] for r in body]
    assert verdicts[:4] == ["eligible", "eligible", "not_eligible", "insufficient"]
    assert body[2][col["Kết luận"]] == "không đủ điều kiện"
    assert "Điều 23, khoản 2" in body[2][col["Điều kiện không đạt"]]
    assert "Điều 23, khoản 1" in body[3][col["Điều kiện thiếu thông tin"]]


def test_batch_bad_rows_reported_others_checked(tmp_path):
    src = tmp_path / "bad.xlsx"
    rows = [
        _row("ok1", record_year=2025, rating=XS),
        _row("bad_rating", record_year=2025, rating="tot_lam"),
        _row("dup_year", record_year=2025), _row("dup_year", first=False, record_year=2025),
        _row("bad_date", record_year=2025),
        _row("wrong_kind", award="tap_the_lao_dong_xuat_sac", record_year=2025),
        _row("bad_award", award="huan_chuong_vang", record_year=2025),
        _row("ok2", record_year=2025, rating=XS),
    ]
    rows[4][2] = "31/02/2026"
    _write_xlsx(src, rows)
    items = {i.id: i for i in check_batch(src)}
    assert items["ok1"].result.verdict == "eligible" and items["ok2"].result.verdict == "eligible"
    assert "dòng 3, cột rating" in items["bad_rating"].error
    assert "dòng 5, cột record_year" in items["dup_year"].error and "hai lần" in items["dup_year"].error
    assert "as_of" in items["bad_date"].error and "ngày không hợp lệ" in items["bad_date"].error
    assert "award" in items["wrong_kind"].error and "tập thể" in items["wrong_kind"].error
    assert "award" in items["bad_award"].error
    out = tmp_path / "out.xlsx"
    write_results_xlsx(list(items.values()), out)
    body = list(load_workbook(out)["Kết quả"].iter_rows(values_only=True))[1:]
    assert len(body) == 7 and sum(1 for r in body if r[6] == "error") == 5


def test_batch_csv_and_template(tmp_path):
    template = tmp_path / "mau.csv"
    write_template(template)
    items = check_batch(template)
    assert [i.id for i in items] == ["e01", "t01"] and all(i.result for i in items)
    xlsx = tmp_path / "mau.xlsx"
    write_template(xlsx)
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Hồ sơ", "Hướng dẫn"]
    assert [i.result.verdict for i in check_batch(xlsx)] == [i.result.verdict for i in items]


def test_cli_profile_batch_template(tmp_path, capsys):
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps(person("lao_dong_tien_tien", [rec(2025, TOT)]), ensure_ascii=False), encoding="utf-8")
    assert assistant_main(["eligibility", "--profile", str(profile), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "eligible" and {"id", "award", "conditions", "rules"} <= set(data)
    assert {"id", "text", "status", "citation", "detail"} <= set(data["conditions"][0])
    assert assistant_main(["eligibility", "--profile", str(profile)]) == 0
    assert "ĐỦ ĐIỀU KIỆN" in capsys.readouterr().out
    src, out = tmp_path / "n.xlsx", tmp_path / "r.xlsx"
    _write_xlsx(src, _nominees(4))
    assert assistant_main(["eligibility", "--batch", str(src), "--out", str(out)]) == 0
    assert out.exists() and "Đã ghi kết quả 4 hồ sơ" in capsys.readouterr().out
    assert assistant_main(["eligibility", "--template"]) == 0
    assert capsys.readouterr().out.startswith("id,award,as_of,year")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(person("khong_co", [rec(2025)])), encoding="utf-8")
    assert assistant_main(["eligibility", "--profile", str(bad)]) == 1
    assert "award" in capsys.readouterr().out


def test_cite_rule():
    assert cite_found("Điều 4", ["Nghị định 152/2025/NĐ-CP, Điều 4, khoản 4"])
    assert not cite_found("Điều 4", ["Luật Thi đua, khen thưởng 06/2022/QH15, Điều 44, khoản 1"])
    assert cite_found("điều  74", ["Luật …, Điều 74, khoản 1"])


def test_eval_dev_set(capsys):
    assert eval_main(["--cases", str(DEV), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n"] == 19 and report["verdict_accuracy"] == 1.0 and report["citation_accuracy"] == 1.0

"""Bad input, batch Excel/CSV, template, CLI and eval entry points."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from assistant.__main__ import main as assistant_main
from assistant.eligibility import EligibilityInputError, check_batch, check_eligibility, write_results_xlsx, write_template
from assistant.eligibility.batch import COLUMNS, HEADER_ROW, HEADERS
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
    verdicts = [r[col["Kết quả"]] for r in body]
    assert verdicts[:4] == ["Đủ điều kiện", "Đủ điều kiện", "Không đủ điều kiện", "Chưa đủ thông tin"]
    assert "Điều 23, khoản 2" in body[2][col["Điều kiện chưa đạt"]] and "Điều 23, khoản 2" in body[2][col["Căn cứ"]]
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
    assert "dòng 3, cột “Xếp loại”" in items["bad_rating"].error
    assert "dòng 5, cột “Năm của dòng”" in items["dup_year"].error and "hai lần" in items["dup_year"].error
    assert "cột “Ngày xét”" in items["bad_date"].error and "ngày không hợp lệ" in items["bad_date"].error
    assert "cột “Danh hiệu / hình thức đề nghị”" in items["wrong_kind"].error and "tập thể" in items["wrong_kind"].error
    assert "huan_chuong_vang" in items["bad_award"].error and "Giấy khen" in items["bad_award"].error
    out = tmp_path / "out.xlsx"
    write_results_xlsx(list(items.values()), out)
    body = list(load_workbook(out)["Kết quả"].iter_rows(values_only=True))[1:]
    assert len(body) == 7 and sum(1 for r in body if r[5] == "Lỗi dữ liệu") == 5


def test_batch_csv_and_template(tmp_path):
    template = tmp_path / "mau.csv"
    write_template(template)
    items = check_batch(template)
    assert [i.id for i in items] == ["vd-01", "vd-02"] and all(i.result for i in items)
    xlsx = tmp_path / "mau.xlsx"
    write_template(xlsx)
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Hồ sơ", "Hướng dẫn", "Danh mục"]
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
    assert capsys.readouterr().out.startswith("Mã hồ sơ,Danh hiệu / hình thức đề nghị,Ngày xét,Năm thành tích xét")
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


def _vietnamese_sheet(path: Path, rows: list[list]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Hồ sơ"
    ws.append(HEADER_ROW)
    for row in rows:
        ws.append(row)
    wb.save(path)


def _vn_row(nid, name, award, year, rating, titles, awards="Không", initiatives="Không", first=True, discipline="Không"):
    top = [nid, award, "20/01/2026", 2025, "", "", "Cá nhân", name, "Chuyên viên", "Không", "", ""] if first else [nid] + [None] * 11
    return top + [year, rating, 12, "Không", discipline, titles, awards, initiatives] + [None] * 6


def test_template_has_vietnamese_headings_drop_downs_and_a_guide(tmp_path):
    path = tmp_path / "mau.xlsx"
    write_template(path)
    wb = load_workbook(path)
    sheet = wb["Hồ sơ"]
    headings = [c.value for c in sheet[1]]
    assert headings[:4] == ["Mã hồ sơ", "Danh hiệu / hình thức đề nghị", "Ngày xét", "Năm thành tích xét"]
    assert not [h for h in headings if "_" in h]
    assert sheet["C2"].is_date and sheet["C2"].number_format == "dd/mm/yyyy" and sheet["D2"].value == 2025
    by_column = {}
    for validation in sheet.data_validations.dataValidation:
        for ref in str(validation.sqref).split():
            by_column[headings[sheet[ref.split(":")[0]].column - 1]] = validation
    coded = ["Danh hiệu / hình thức đề nghị", "Xếp loại", "Kỷ luật", "Danh hiệu thi đua đã đạt", "Hình thức khen thưởng đã nhận"]
    assert set(coded) <= set(by_column)
    assert all(by_column[c].type == "list" and "Danh mục" in by_column[c].formula1 for c in coded)
    lists = wb["Danh mục"]
    column_of = {c.value: c.column for c in lists[1]}
    values = lambda title: [r[0].value for r in lists.iter_rows(min_row=2, min_col=column_of[title], max_col=column_of[title]) if r[0].value]
    assert "Chiến sĩ thi đua cơ sở" in values("Danh hiệu, hình thức khen thưởng")
    assert values("Xếp loại")[0] == "Hoàn thành xuất sắc nhiệm vụ" and "Khiển trách" in values("Kỷ luật")
    guide = [[c.value for c in row] for row in wb["Hướng dẫn"].iter_rows(min_row=2)]
    assert any(row[0] == "Danh hiệu / hình thức đề nghị" and row[2] == "Chiến sĩ thi đua cơ sở" for row in guide)


def test_batch_written_with_vietnamese_names_and_abbreviations_is_accepted(tmp_path):
    src = tmp_path / "ds.xlsx"
    _vietnamese_sheet(src, [
        _vn_row("a1", "Trần Văn A", "Chiến sĩ thi đua cơ sở", 2024, "Hoàn thành xuất sắc nhiệm vụ", "Lao động tiên tiến"),
        _vn_row("a1", None, None, 2025, "HTXSNV", "LĐTT", first=False),
        _vn_row("a2", "Lê Thị C", "CSTĐ tỉnh", 2023, "HTXSNV", "LĐTT; CSTĐCS"),
        _vn_row("a2", None, None, 2024, "hoàn thành xuất sắc nhiệm vụ", "Danh hiệu “Lao động tiên tiến”, Chiến sĩ thi đua cơ sở", first=False),
        _vn_row("a2", None, None, 2025, "HTXSNV", "LĐTT; CSTĐCS", "Bằng khen của Bộ, ban, ngành, tỉnh", "Cấp tỉnh: 2025", first=False),
        _vn_row("a3", "Phạm D", "Giấy khen", 2025, "HTTNV", "LĐTT", discipline="Khiển trách"),
    ])
    items = {i.id: i for i in check_batch(src)}
    assert not [i.error for i in items.values() if i.error]
    assert items["a1"].result.verdict == "eligible" and items["a2"].result.verdict == "eligible"
    assert items["a3"].result.verdict == "not_eligible"
    assert items["a2"].result.award == "chien_si_thi_dua_cap_tinh"


@pytest.mark.parametrize("column,value,what", [
    ("titles", "Chiến sĩ thi đua cơ sỡ", "danh hiệu thi đua"),
    ("titles", "chien_si_thi_dua_coso", "danh hiệu thi đua"),
    ("rating", "Xuất sắc lắm", "xếp loại"),
    ("awards", "Huy chương vàng", "hình thức khen thưởng"),
])
def test_unknown_value_is_an_error_for_its_row(tmp_path, column, value, what):
    src = tmp_path / "ds.xlsx"
    rows = [_vn_row("ok", "Trần Văn A", "Lao động tiên tiến", 2025, "HTTNV", "Không"),
            _vn_row("bad", "Lê B", "Lao động tiên tiến", 2025, "HTTNV", "Không")]
    rows[1][COLUMNS.index(column)] = value
    _vietnamese_sheet(src, rows)
    items = {i.id: i for i in check_batch(src)}
    assert items["ok"].result.verdict == "eligible"
    error = items["bad"].error
    assert items["bad"].result is None and f"dòng 3, cột “{HEADERS[column]}”" in error
    assert f"“{value}”" in error and what in error.lower()
    assert ("Lao động tiên tiến (LĐTT)" in error) if column != "rating" else ("Hoàn thành tốt nhiệm vụ (HTTNV" in error)


def test_missing_name_is_a_warning_and_results_are_in_vietnamese(tmp_path):
    src, out = tmp_path / "ds.xlsx", tmp_path / "kq.xlsx"
    _vietnamese_sheet(src, [_vn_row("x1", None, "Lao động tiên tiến", 2025, "HTTNV", "Không"),
                            _vn_row("x2", "Ngô E", "Chiến sĩ thi đua cơ sở", 2025, "HTTNV", "LĐTT")])
    items = check_batch(src)
    assert items[0].result.verdict == "eligible" and "chưa có họ tên" in items[0].warnings[0]
    write_results_xlsx(items, out)
    wb = load_workbook(out)
    rows = [[c.value for c in row] for row in wb["Kết quả"].iter_rows()]
    header, body = rows[0], rows[1:]
    assert {"Kết quả", "Điều kiện chưa đạt", "Căn cứ"} <= set(header)
    assert "chưa có họ tên" in body[0][header.index("Ghi chú")]
    text = " ".join(str(v) for row in rows + [[c.value for c in r] for r in wb["Chi tiết điều kiện"].iter_rows()] for v in row if v is not None)
    for internal in ("k1.", "k2", "chung.ky_luat", "group", "not_encoded", ".yaml", "None", "eligible", "_"):
        assert internal not in text, internal
    assert wb["Kết quả"]["E2"].is_date and wb["Kết quả"]["D2"].value == 2025


def test_formula_like_names_stay_text_in_results_and_template(tmp_path):
    src, out = tmp_path / "ds.csv", tmp_path / "kq.xlsx"
    hostile = "=HYPERLINK(\"http://x\",\"xem\")"
    import csv
    with open(src, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER_ROW)
        writer.writerow(_vn_row("f1", hostile, "Lao động tiên tiến", 2025, "HTTNV", "Không"))
        writer.writerow(_vn_row("@f2", "+1-1", "Lao động tiên tiến", 2025, "HTTNV", "Không"))
    items = check_batch(src)
    write_results_xlsx(items, out)
    sheet = load_workbook(out)["Kết quả"]
    names = [sheet.cell(row, 2) for row in (2, 3)]
    assert [c.value for c in names] == [hostile, "+1-1"] and all(c.data_type == "s" for c in names)
    assert sheet["A3"].value == "@f2" and sheet["A3"].data_type == "s"
    from assistant.sheets import to_csv
    assert to_csv(["Tên"], [[hostile], ["-"]]).splitlines()[1:] == ["\"'=HYPERLINK(\"\"http://x\"\",\"\"xem\"\")\"", "'-"]


def test_json_profile_titles_by_name_and_unknown_title_is_an_error():
    good = person("chien_si_thi_dua_cap_tinh", [rec(y, "HTXSNV") for y in (2023, 2024, 2025)])
    for record in good["nominee"]["records"]:
        record["titles"] = "LĐTT; Danh hiệu “Chiến sĩ thi đua cơ sở”"
    good["nominee"]["records"][2]["awards"] = "Bằng khen của Bộ, ban, ngành, tỉnh, Giấy khen"
    good["nominee"]["records"][2]["initiatives"] = [{"scope": "Cấp tỉnh", "year": 2025}]
    result = check_eligibility(good)
    assert result.verdict == "eligible", result.summary
    bad = person("chien_si_thi_dua_cap_tinh", [rec(2025, XS, ["Chiến sĩ thi đua co so", "lao_dong_tien_tienn"])])
    err = _error(bad)
    messages = [m for f, m in err.problems if f == "nominee.records[0].titles"]
    assert len(messages) == 2 and "“lao_dong_tien_tienn”" in messages[1] and "CSTĐCS" in messages[1]

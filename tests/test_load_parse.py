"""Loaders and the administrative-document parser, on real files."""
from __future__ import annotations

from pathlib import Path

import pytest

from documents.chunk import chunk_document
from documents.load import LoadError, load
from documents.parse import parse
from tests.conftest import KNOWLEDGE
from tests.docgen import PLAN_LINES, make_docx, make_pdf, make_pdf_without_text


def _rows(node):
    for child in node.children:
        if child.kind == "table_row":
            yield child
        yield from _rows(child)


def _find(node, label):
    for child in node.children:
        if child.label == label:
            return child
        found = _find(child, label)
        if found:
            return found
    return None


def test_text_loader_normalises_to_nfc(tmp_path: Path):
    decomposed = "Khen thu\u031bo\u031b\u0309ng"  # "thưởng" typed with combining marks
    path = tmp_path / "ke-hoach.txt"
    path.write_text(f"KẾ HOẠCH\n{decomposed}\n", encoding="utf-8")
    lines = [line.text for line in load(path).lines]
    assert "Khen thưởng" in lines


def test_markdown_is_read_as_text(tmp_path: Path):
    path = tmp_path / "ghi-chu.md"
    path.write_text("# Kế hoạch\n\n| TT | Nội dung |\n|---|---|\n| 1 | Tổng kết |\n", encoding="utf-8")
    assert any("Tổng kết" in line.text for line in load(path).lines)


def test_pdf_loader_keeps_page_numbers(tmp_path: Path):
    path = make_pdf(tmp_path / "kh.pdf", [PLAN_LINES[:6], PLAN_LINES[6:]])
    loaded = load(path)
    pages = {line.page for line in loaded.lines if "Phòng Nội vụ" in line.text}
    assert pages == {2}
    assert loaded.pages == 2


def test_docx_loader_reads_paragraphs_and_tables_in_order(tmp_path: Path):
    path = make_docx(tmp_path / "kh.docx", ["KẾ HOẠCH", "Công tác thi đua năm 2024"],
                     [["TT", "Nội dung", "Thời gian"], ["1", "Tổng kết năm", "Trước ngày 15/12/2024"]],
                     ["Nơi nhận:"])
    texts = [line.text for line in load(path).lines if line.text]
    table_at = next(i for i, t in enumerate(texts) if t.startswith("| 1 |"))
    assert texts.index("Công tác thi đua năm 2024") < table_at < texts.index("Nơi nhận:")


@pytest.mark.parametrize("maker, reason", [
    (lambda p: p.write_bytes(b""), "rỗng"),
    (lambda p: p.write_bytes(b"%PDF-1.4\n garbage that is not a pdf \x00\x01"), "hỏng"),
    (lambda p: p.write_bytes(b"PK\x03\x04 not really a zip"), "không phải PDF"),
])
def test_bad_files_raise_a_vietnamese_reason_naming_the_file(tmp_path: Path, maker, reason):
    path = tmp_path / "van-ban.pdf"
    maker(path)
    with pytest.raises(LoadError) as error:
        load(path)
    assert "van-ban.pdf" in str(error.value)
    assert reason in error.value.reason


def test_pdf_without_text_layer_needs_ocr(tmp_path: Path):
    path = make_pdf_without_text(tmp_path / "ban-quet.pdf")
    with pytest.raises(LoadError) as error:
        load(path)
    assert error.value.needs_ocr
    assert "OCR" in error.value.reason


@pytest.mark.parametrize("name, number, place, date, title_start", [
    ("000_1085f501b25a5d99", "632/KH-VP", "Hà Giang", "2021-05-25", "Triển khai hoạt động"),
    ("001_f3c46f3a27ae00a1", "01/KH-HĐTĐKT", "Hoàng Mai", "2021-01-13", "Triển khai công tác thi đua"),
    ("002_8dcd8df503d34be0", "", "Tam Đường", "", "Phát động đợt thi đua cao điểm"),
    ("004_b2a4d87094e8f2d2", "03/KH-SNV", "Lạng Sơn", "2020-01-03", "Công tác thi đua, khen thưởng năm 2020"),
])
def test_header_of_each_seed_plan(name, number, place, date, title_start):
    header = parse(load(KNOWLEDGE / "plans" / f"{name}.txt")).header
    assert (header.number, header.place, header.date_issued, header.doc_type) == (number, place, date, "ke_hoach")
    assert header.title.startswith(title_start)


def test_seed_sections_follow_roman_and_arabic_numbering():
    root = parse(load(KNOWLEDGE / "plans" / "000_1085f501b25a5d99.txt")).root
    top = [child.label for child in root.children]
    assert top[:4] == ["I. MỤC ĐÍCH , YÊU CẦU", "II. NỘI DUNG THI ĐUA", "III. NHIỆM VỤ CỤ THỂ", "IV. TỔ CHỨC THỰC HIỆN"]
    section = _find(root, "IV. TỔ CHỨC THỰC HIỆN")
    assert [c.label for c in section.children][:2] == ["1. Trưởng khối (Văn phòng UBND tỉnh)", "2. Phó Trưởng khối (Ban Dân tộc)"]


def test_law_header_and_articles_clauses_points():
    parsed = parse(load(KNOWLEDGE / "legal" / "luat-06-2022-QH15.txt"))
    assert (parsed.header.number, parsed.header.doc_type, parsed.header.date_issued) == ("06/2022/QH15", "luat", "2022-06-15")
    article = _find(parsed.root, "Điều 24")
    clause = article.children[0]
    assert clause.label == "khoản 1"
    assert [p.label for p in clause.children] == ["điểm a", "điểm b"]
    assert "tự lực, tự cường" in clause.children[1].own_text()


def test_appendix_table_rows_are_kept_whole_with_headers_and_quarter():
    root = parse(load(KNOWLEDGE / "plans" / "001_f3c46f3a27ae00a1.txt")).root
    rows = list(_rows(root))
    assert len(rows) == 25
    row16 = next(r for r in rows if r.label == "mục 16")
    assert row16.cells["Nhóm"] == "Quý II"
    assert row16.cells["Thời gian hoàn thành"] == "Trước ngày 05/4/2021"
    assert "Huân chương lao động" in row16.cells["Nội dung thực hiện"]


def test_tab_separated_table_with_html_lists():
    root = parse(load(KNOWLEDGE / "plans" / "004_b2a4d87094e8f2d2.txt")).root
    rows = list(_rows(root))
    assert len(rows) == 17
    assert [r.cells["Nhóm"] for r in rows].count("Quý IV") == 6
    assert "<ul" not in rows[0].own_text()
    assert rows[0].cells["ĐƠN VỊ THỰC HIỆN"].startswith("- Hội đồng TĐKT Sở.")


def test_chunks_carry_their_place_and_keep_a_clause_with_its_points():
    chunks = chunk_document(parse(load(KNOWLEDGE / "legal" / "luat-06-2022-QH15.txt")))
    article24 = [c for c in chunks if c.location.startswith("Điều 24")]
    assert article24 and all(c.text.startswith("Luật 06/2022/QH15") for c in article24)
    assert any("a) Hoàn thành tốt nhiệm vụ trở lên;\nb) Có tinh thần" in c.body for c in article24)


def test_an_amending_law_cites_the_khoan_that_puts_in_the_new_wording():
    """Luật 39/2013 quotes new wording for articles of Luật 15/2003 ("32. Sửa đổi … Điều 62 như sau: “1. … “4. …"):
    the quoted khoản belong to the amending khoản, so the Nhà giáo rule is cited as its khoản 32, not "khoản 4"."""
    chunks = chunk_document(parse(load(KNOWLEDGE / "legal" / "luat-39-2013-QH13.txt")))
    teachers = [c for c in chunks if "“Nhà giáo nhân dân”, “Nhà giáo ưu tú” được xét và công bố 3 năm một lần" in c.body]
    assert [c.location for c in teachers] == ["Điều 1, khoản 32"]
    assert "Sửa đổi, bổ sung khoản 1, khoản 2 và khoản 4 Điều 62" in teachers[0].text
    advanced = [c for c in chunks if "Danh hiệu “Lao động tiên tiến” xét tặng cho công nhân, nông dân" in c.body]
    assert [c.location for c in advanced] == ["Điều 1, khoản 6"]
    numbered = {int(c.location.split("khoản ")[1]) for c in chunks if c.location.startswith("Điều 1, khoản")}
    assert numbered == set(range(1, 51))


def test_a_short_chapter_is_cited_by_its_articles_not_by_the_chapter():
    """Chương V of the Law holds only Điều 86 and 87, short enough to fit one passage: a quote from
    it must still say "Điều 86", as an officer cites it."""
    chunks = chunk_document(parse(load(KNOWLEDGE / "legal" / "luat-06-2022-QH15.txt")))
    holding = [c for c in chunks if "sử dụng biểu tượng của các hiện vật khen thưởng" in c.body]
    assert [c.location.split(",")[0] for c in holding] == ["Điều 86"]
    assert not any("Điều 87." in c.body for c in holding)


def test_table_row_chunk_names_appendix_quarter_and_item():
    chunks = chunk_document(parse(load(KNOWLEDGE / "plans" / "001_f3c46f3a27ae00a1.txt")))
    row = next(c for c in chunks if c.location.endswith("mục 16"))
    assert row.location == "PHỤ LỤC › Quý II › mục 16"
    assert row.kind == "table_row"


def test_a_step_table_printed_without_a_header_keeps_its_first_row_and_its_step_groups(tmp_path: Path):
    """A procedure's table often starts with a data row ("| 1 | Cơ sở pháp lý | … |"): it is a row, not the
    names of the columns given to every row below; "| A | Các bước chuẩn bị |" heads the steps under it."""
    source = tmp_path / "quy-trinh.txt"
    source.write_text("QUYẾT ĐỊNH\nBan hành quy trình xét tặng giải thưởng\n2. Nội dung của quy trình:\n"
                      "| 1 | Cơ sở pháp lý |  |  | - Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 |\n"
                      "| 2 | Số lượng hồ sơ: 01 bộ |\n"
                      "| A | Các bước chuẩn bị |\n"
                      "| 1 | Cá nhân gửi hồ sơ về đơn vị quản lý chậm nhất là ngày 15 tháng 8 của năm xét tặng. | Cá nhân | 15 ngày |\n"
                      "| B | Tại Hội đồng cấp cơ sở |\n"
                      "| 1 | Họp Hội đồng cấp cơ sở. | Hội đồng cấp cơ sở | 05 ngày |\n", encoding="utf-8")
    chunks = chunk_document(parse(load(source)))
    rows = {c.location: c.body for c in chunks if c.kind == "table_row"}
    legal_basis = next(body for body in rows.values() if "Cơ sở pháp lý" in body)
    assert "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022" in legal_basis
    assert not any("Luật Thi đua" in body for body in rows.values() if body is not legal_basis)
    sending = next(location for location, body in rows.items() if "chậm nhất là ngày 15 tháng 8" in body)
    assert "Các bước chuẩn bị" in sending
    meeting = next(location for location, body in rows.items() if "Họp Hội đồng cấp cơ sở" in body)
    assert "Tại Hội đồng cấp cơ sở" in meeting


def test_chunks_never_cut_a_sentence():
    """Every sentence of a long plan lies whole inside some chunk."""
    import re

    path = KNOWLEDGE / "plans" / "004_b2a4d87094e8f2d2.txt"
    chunks = chunk_document(parse(load(path)))
    bodies = [" ".join(c.text.split()) for c in chunks]
    text = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8").replace("*", ""))
    prose = [line for line in text.splitlines() if "\t" not in line and not line.startswith("|")]
    sentences = [s.strip() for line in prose for s in re.split(r"(?<=[.;])\s+", line) if len(s.strip()) > 30]
    assert len(sentences) > 40
    cut = [s for s in sentences if not any(" ".join(s.split()) in body for body in bodies)]
    assert cut == []


def test_a_hard_wrapped_decree_is_quoted_in_whole_sentences():
    """NĐ 98/2023 comes from OCR, its lines cut at the page width: a khoản's sentence is one line again."""
    chunks = chunk_document(parse(load(KNOWLEDGE / "legal" / "nd-98-2023-ND-CP.txt")))
    clause = next(c for c in chunks if c.location == "Điều 30, khoản 7")
    line = next(line for line in clause.body.split("\n") if "từ 90% trở lên" in line)
    assert "phải có tỷ lệ phiếu đồng ý của Hội đồng Thi đua Khen thưởng bộ, ban, ngành, tỉnh từ 90% trở lên" in line
    assert "từ 80% trở lên tính trên tổng số thành viên" in line


def test_lines_of_a_text_written_in_paragraphs_are_not_joined():
    """A plan typed paragraph by paragraph keeps its lines: the signature block stays apart."""
    chunks = chunk_document(parse(load(KNOWLEDGE / "plans" / "000_1085f501b25a5d99.txt")))
    closing = next(c for c in chunks if c.kind == "recipients")
    assert "\nCHÁNH VĂN PHÒNG\nLương Văn Đoàn" in closing.body
    assert "- Trưởng các phòng, ban, đơn vị thuộc VP UBND tỉnh;\n- Lưu: VT, HCTC." in closing.body


@pytest.mark.parametrize("lines, number, symbol, shown, superior, issuer", [
    (["UBND TỈNH THÁI BÌNH", "SỞ NỘI VỤ", "Số: /KH-SNV", "Thái Bình, ngày 02 tháng 3 năm 2025", "KẾ HOẠCH", "Tổ chức …"],
     "", "KH-SNV", "Kế hoạch …/KH-SNV", "UBND TỈNH THÁI BÌNH", "SỞ NỘI VỤ"),
    (["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 0125/KH-UBND",
      "Đắk Lắk, ngày 10 tháng 10 năm 2025", "KẾ HOẠCH", "Phát động …"],
     "0125/KH-UBND", "KH-UBND", "Kế hoạch 0125/KH-UBND", "", "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"),
    (["BỘ GIÁO DỤC VÀ ĐÀO TẠO", "ĐẠI HỌC ĐÀ NẴNG", "Số: 1364/QĐ-ĐHĐN", "Đà Nẵng, ngày 01 tháng 4 năm 2026", "QUYẾT ĐỊNH"],
     "1364/QĐ-ĐHĐN", "QĐ-ĐHĐN", "Quyết định 1364/QĐ-ĐHĐN", "BỘ GIÁO DỤC VÀ ĐÀO TẠO", "ĐẠI HỌC ĐÀ NẴNG"),
    (["HỘI ĐỒNG THI ĐUA", "KHEN THƯỞNG QUẬN HOÀNG MAI", "Số: …/KH-HĐTĐKT", "Hoàng Mai, ngày 13 tháng 01 năm 2021", "KẾ HOẠCH"],
     "", "KH-HĐTĐKT", "Kế hoạch …/KH-HĐTĐKT", "", "HỘI ĐỒNG THI ĐUA KHEN THƯỞNG QUẬN HOÀNG MAI"),
])
def test_header_separates_superior_body_and_blank_sequence(lines, number, symbol, shown, superior, issuer):
    from documents.parse import parse_header

    header = parse_header(lines)
    assert (header.number, header.symbol, header.label()) == (number, symbol, shown)
    assert (header.superior, header.issuer) == (superior, issuer)


def test_catalogue_shows_a_blank_sequence_with_an_ellipsis():
    from assistant.catalogue import CatalogueEntry, read_catalogue_csv

    tam_duong = read_catalogue_csv(KNOWLEDGE / "catalogue.csv")["002_8dcd8df503d34be0"]
    assert (tam_duong.number, tam_duong.symbol, tam_duong.shown_number) == ("", "KH-UBND", "…/KH-UBND")
    assert CatalogueEntry("x", "x.txt", number="01/KH-UBND").shown_number == "01/KH-UBND"


@pytest.mark.parametrize("name,attached", [("qd-2040-2024-bgddt", "QUY CHẾ"), ("qd-86-2025-ubnd-bac-ninh", "QUY ĐỊNH")])
def test_a_text_issued_with_a_decision_is_not_part_of_its_recipients(name, attached):
    """The regulation printed after the decision's signature is a document of its own, not "Nơi nhận › …"."""
    chunks = chunk_document(parse(load(KNOWLEDGE / "plans" / f"{name}.txt")))
    assert not [c.location for c in chunks if c.location.startswith("Nơi nhận ›") or c.location.startswith("Nơi nhận,")]
    assert any(c.location.startswith(attached) for c in chunks)
    closing = [c for c in chunks if c.kind == "recipients"]
    assert len(closing) == 1 and attached not in closing[0].body

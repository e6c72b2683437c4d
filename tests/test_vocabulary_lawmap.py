"""The vocabulary and the map of the law: every quote is in its article, and officers' words find them."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from assistant.vocabulary import (
    DATA_DIR, clause_lines, detect_aspect, load_aspects, load_law_map, load_vocabulary,
    locate_question, point_lines,
)

ROOT = Path(__file__).resolve().parent.parent
LEGAL = ROOT / "knowledge" / "legal"
EDITORIAL_DOCS = {"nd-152-2025-ND-CP"}  # lines starting with "[" are notes, not the decree's words
HEADING = re.compile(r"^\s*Điều\s+(\d+)\s*(?:[.:]|$)")
SUMMARY_ONLY = "CHƯA CÓ NGUYÊN VĂN"
LAW = "luat-06-2022-QH15"

VOCAB = load_vocabulary()
LAW_MAP = load_law_map()


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@lru_cache(maxsize=None)
def _lines(doc: str) -> tuple[str, ...]:
    """The text's lines without its editorial notes, except under an article stored only as a source's summary
    (heading "… CHƯA CÓ NGUYÊN VĂN"): that summary is all the text there is, and the answer says so."""
    text = unicodedata.normalize("NFC", (LEGAL / f"{doc}.txt").read_text(encoding="utf-8"))
    kept, summary_only = [], False
    for line in text.splitlines():
        if HEADING.match(line):
            summary_only = SUMMARY_ONLY in line
        if not (doc in EDITORIAL_DOCS and line.lstrip().startswith("[") and not summary_only):
            kept.append(line)
    return tuple(kept)


def _article(doc: str, article: str) -> list[str]:
    """Lines from the heading "Điều N" to the next article heading (headings in increasing order)."""
    number = int(re.search(r"\d+", article).group())
    lines, start, last = _lines(doc), None, 0
    for i, line in enumerate(lines):
        m = HEADING.match(line)
        if not m:
            continue
        if start is not None:
            return list(lines[start:i])
        n = int(m.group(1))
        if n == number and n > last:
            start = i
        last = max(last, n)
    assert start is not None, f"{doc}: no heading for {article}"
    return list(lines[start:])


def _as_list(value):
    return value if isinstance(value, list) else [value]


def _region(doc: str, article: str, khoan=None, diem=None) -> str:
    block = _article(doc, article)
    if khoan is not None:
        parts = [clause_lines(block, int(k)) for k in _as_list(khoan)]
        assert all(parts), f"{doc} {article}: khoản {khoan} not found"
        block = [line for part in parts for line in part]
    if diem is not None:
        parts = [point_lines(block, d) for d in _as_list(diem)]
        assert all(parts), f"{doc} {article} khoản {khoan}: điểm {diem} not found"
        block = [line for part in parts for line in part]
    return _collapse(" ".join(block))


# ----------------------------------------------------------------------------- quotes


@pytest.mark.parametrize("entry", VOCAB.entries, ids=[e.id for e in VOCAB.entries])
def test_vocabulary_source_is_verbatim_in_its_article(entry):
    src = entry.source
    quote = _collapse(src.quote)
    assert 0 < len(quote) <= 200
    assert quote in _collapse(" ".join(_lines(src.doc))), f"{entry.id}: quote not in {src.doc}"
    if src.article:  # a document's own header ("Luật số: 06/2022/QH15") has no article
        assert quote in _region(src.doc, src.article, src.khoan, src.diem), (
            f"{entry.id}: quote not inside {src.doc} {src.article} khoản {src.khoan} điểm {src.diem}")


REQUIREMENTS = [(e.id, needed, src) for e in VOCAB.entries for needed, src in e.builds_on]


@pytest.mark.parametrize("title,needed,src", REQUIREMENTS, ids=[f"{t}>{n}" for t, n, _ in REQUIREMENTS])
def test_a_title_builds_on_another_where_its_criteria_name_it(title, needed, src):
    assert VOCAB.get(needed) is not None, f"{title}: unknown title {needed}"
    assert _collapse(src.quote) in _region(src.doc, src.article, src.khoan, src.diem)
    assert _fold_name(VOCAB.get(needed).name) in _fold_name(src.quote), f"{title}: the quote does not name {needed}"


def _fold_name(text: str) -> str:
    return _collapse(text).lower().replace("“", "").replace("”", "")


DOCS = sorted({e.doc for e in LAW_MAP.entries})


@pytest.mark.parametrize("doc", DOCS)
def test_law_map_quotes_are_verbatim_in_their_khoan(doc):
    whole = _collapse(" ".join(_lines(doc)))
    entries = [e for e in LAW_MAP.entries if e.doc == doc]
    assert entries
    for e in entries:
        quote = _collapse(e.quote)
        where = f"{e.subject}/{e.aspect} {doc} {e.citation()}"
        assert 0 < len(quote) <= 200, where
        assert quote in whole, f"{where}: quote not in the text"
        assert quote in _region(doc, e.article, e.khoan, e.diem), f"{where}: quote outside the named place"


def test_a_misplaced_quote_is_caught():
    """The check can fail: Điều 26's words are not inside Điều 25, nor inside khoản 2 of Điều 26."""
    quote = _collapse("tập thể dẫn đầu phong trào thi đua của cụm, khối thi đua do Bộ, ban, ngành, tỉnh tổ chức")
    assert quote in _region(LAW, "Điều 26", 1)
    assert quote not in _region(LAW, "Điều 25")
    assert quote not in _region(LAW, "Điều 26", 2)


def test_map_subjects_aspects_and_documents_are_known():
    aspects = set(load_aspects().ids())
    assert {e.subject for e in LAW_MAP.entries if e.subject not in VOCAB} == set()
    assert {e.aspect for e in LAW_MAP.entries} <= aspects
    for doc, document in LAW_MAP.documents.items():
        assert (LEGAL / f"{doc}.txt").exists(), doc
        assert document.in_force_from, doc
    assert {e.doc for e in LAW_MAP.entries} <= set(LAW_MAP.documents)
    parts = yaml.safe_load((DATA_DIR / "question_parts.yaml").read_text(encoding="utf-8"))
    assert {e.level for e in LAW_MAP.entries if e.level} <= set(parts["levels"])  # the levels a question names
    assert {e.group for e in LAW_MAP.entries if e.group} <= set(parts["population_groups"])
    for aspect in load_aspects().aspects:  # an aspect's owners answer it: they have entries for it
        assert all(any(e.subject == owner and e.aspect == aspect.id for e in LAW_MAP.entries)
                   for owner in aspect.owners), aspect.id


def test_vocabulary_ids_and_variants_are_sound():
    ids = [e.id for e in VOCAB.entries]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids)
    assert VOCAB.collisions == [], "a form names two entries"
    for e in VOCAB.entries:
        assert e.parent is None or e.parent in VOCAB, e.id
        assert all(r in VOCAB for r in e.related), e.id
        assert set(e.for_) <= {"ca_nhan", "tap_the", "ho_gia_dinh"}, e.id
        if e.variants:
            assert e.variants_source, f"{e.id}: variants without their origin"
        if e.recipients:  # words that pick the entry among its family's members
            assert e.recipients_source and e.parent, f"{e.id}: recipients without their origin or family"
        if e.kind == "van_ban":
            assert (LEGAL / f"{e.doc}.txt").exists(), e.id


def test_every_title_and_award_of_the_law_is_in_the_vocabulary():
    names = {_collapse(e.name).lower() for e in VOCAB.entries}
    for name in ["Chiến sĩ thi đua toàn quốc", "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh", "Chiến sĩ thi đua cơ sở",
                 "Lao động tiên tiến", "Chiến sĩ tiên tiến", "Cờ thi đua của Chính phủ",
                 "Cờ thi đua của Bộ, ban, ngành, tỉnh", "Tập thể lao động xuất sắc", "Đơn vị quyết thắng",
                 "Tập thể lao động tiên tiến", "Đơn vị tiên tiến", "Xã, phường, thị trấn tiêu biểu",
                 "Thôn, tổ dân phố văn hóa", "Gia đình văn hóa", "Huân chương Sao vàng", "Huân chương Hồ Chí Minh",
                 "Huân chương Dũng cảm", "Huân chương Hữu nghị", "Huân chương Đại đoàn kết dân tộc",
                 "Huy chương Quân kỳ quyết thắng", "Huy chương Vì an ninh Tổ quốc", "Huy chương Hữu nghị",
                 "Giải thưởng Hồ Chí Minh", "Giải thưởng Nhà nước", "Bằng khen của Thủ tướng Chính phủ",
                 "Bằng khen của Bộ, ban, ngành, tỉnh", "Giấy khen", "Kỷ niệm chương", "Bà mẹ Việt Nam anh hùng",
                 "Anh hùng Lực lượng vũ trang nhân dân", "Anh hùng Lao động", "Nhà giáo nhân dân", "Nghệ nhân ưu tú"]:
        assert name.lower() in names, name
    for family in ["Độc lập", "Quân công", "Lao động", "Bảo vệ Tổ quốc", "Chiến công"]:
        for rank in ["Nhất", "Nhì", "Ba"]:
            assert f"huân chương {family} hạng {rank}".lower() in names, (family, rank)
    for rank in ["Nhất", "Nhì", "Ba"]:
        assert f"huy chương chiến sĩ vẻ vang hạng {rank}".lower() in names


# ----------------------------------------------------------------------------- finding


@pytest.mark.parametrize("text, expected", [
    ("Tiêu chuẩn CSTĐCS là gì?", "chien_si_thi_dua_co_so"),
    ("chien si thi dua co so can dieu kien gi", "chien_si_thi_dua_co_so"),
    ("Chiến sỹ thi đua cơ sở", "chien_si_thi_dua_co_so"),
    ("HCLĐ hạng Nhì", "huan_chuong_lao_dong_hang_nhi"),
    ("huân chương lao động hạng 2", "huan_chuong_lao_dong_hang_nhi"),
    ("HC Lao động hạng II", "huan_chuong_lao_dong_hang_nhi"),
    ("gia dinh van hoa", "gia_dinh_van_hoa"),
    ("Gia đình văn hoá", "gia_dinh_van_hoa"),
    ("cờ thi đua cấp tỉnh cần điều kiện gì", "co_thi_dua_cap_tinh"),
    ("Cờ thi đua của UBND tỉnh", "co_thi_dua_cap_tinh"),
    ("danh hiệu Chiến sĩ thi đua cấp tỉnh", "chien_si_thi_dua_cap_tinh"),
    ("CSTĐ cấp bộ", "chien_si_thi_dua_cap_tinh"),
    ("BK TTg", "bang_khen_thu_tuong"),
    ("Bằng khen Thủ tướng", "bang_khen_thu_tuong"),
    ("BK UBND tỉnh", "bang_khen_cap_tinh"),
    ("bằng khen của tỉnh", "bang_khen_cap_tinh"),
    ("LĐTT", "lao_dong_tien_tien"),
    ("TTLĐXS", "tap_the_lao_dong_xuat_sac"),
    ("tap the lao dong tien tien", "tap_the_lao_dong_tien_tien"),
    ("khen nhanh", "thu_tuc_don_gian"),
    ("khen theo thủ tục đơn giản", "thu_tuc_don_gian"),
    ("khen đột xuất", "khen_thuong_dot_xuat"),
    ("khen thưởng theo chuyên đề", "khen_thuong_phong_trao_thi_dua"),
    ("CBCCVC", "can_bo_cong_chuc_vien_chuc"),
    ("NLĐ", "nguoi_lao_dong"),
    ("HTXSNV", "hoan_thanh_xuat_sac_nhiem_vu"),
    ("HTTNV", "hoan_thanh_tot_nhiem_vu"),
    ("HĐTĐKT", "hoi_dong_thi_dua_khen_thuong"),
    ("Hội đồng TĐKT tỉnh", "hoi_dong_thi_dua_khen_thuong_cap_tinh"),
    ("Ban TĐKT Trung ương", "ban_thi_dua_khen_thuong_trung_uong"),
    ("Luật TĐKT 2022", "luat_thi_dua_khen_thuong_2022"),
    ("NĐ 98/2023", "nghi_dinh_98_2023"),
    ("AHLĐ", "anh_hung_lao_dong"),
    ("NGƯT", "nha_giao_uu_tu"),
])
def test_find_names_abbreviations_and_unaccented_forms(text, expected):
    assert [m.entry.id for m in VOCAB.find(text)][:1] == [expected]


def test_find_reports_the_words_as_written_and_prefers_the_longest_name():
    matches = VOCAB.find("Anh ấy được TTLĐTT đề nghị, bản thân đạt LĐTT và HCLĐ hạng Ba")
    assert [(m.entry.id, m.text) for m in matches if m.entry.kind != "doi_tuong"] == [
        ("tap_the_lao_dong_tien_tien", "TTLĐTT"), ("lao_dong_tien_tien", "LĐTT"),
        ("huan_chuong_lao_dong_hang_ba", "HCLĐ hạng Ba")]


def test_accented_words_do_not_match_other_accents():
    """"hiệu" is not "hiểu": accents count when both sides carry them; unaccented text matches either."""
    assert detect_aspect("Tiêu chuẩn danh hiệu Chiến sĩ thi đua cấp tỉnh là gì?") == "tieu_chuan"
    assert detect_aspect("danh hiệu là") is None
    assert detect_aspect("duoc hieu la") == "dinh_nghia"
    assert [m.entry.id for m in VOCAB.find("Gia đình văn hóa")] == [m.entry.id for m in VOCAB.find("gia dinh van hoa")]


def test_expand_gives_the_official_names():
    assert VOCAB.expand("Điều kiện CSTĐ cấp tỉnh và BK TTg?") == (
        "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh; Bằng khen của Thủ tướng Chính phủ")
    assert VOCAB.explain("khen nhanh cho LĐTT") == [
        ("khen nhanh", "Khen thưởng theo thủ tục đơn giản"), ("LĐTT", "Lao động tiên tiến")]
    assert VOCAB.expand("Xin chào") == ""


# ----------------------------------------------------------------------------- aspects


@pytest.mark.parametrize("text, aspect", [
    ("Cờ thi đua cấp tỉnh cần điều kiện gì?", "tieu_chuan"),
    ("Gia đình văn hoá do ai tặng?", "tham_quyen_quyet_dinh"),
    ("Ai có thẩm quyền quyết định tặng HCLĐ hạng Ba?", "tham_quyen_quyet_dinh"),
    ("Hồ sơ đề nghị BK TTg gồm những gì?", "ho_so"),
    ("CSTĐCS cần bao nhiêu phần trăm phiếu đồng ý?", "ty_le_phieu"),
    ("LĐTT được thưởng bao nhiêu tiền?", "muc_tien_thuong"),
    ("Hạn chót gửi hồ sơ Cờ thi đua của Chính phủ?", "thoi_diem_xet"),
    ("Nguyên tắc khen thưởng", "nguyen_tac"),
    ("Những hành vi bị nghiêm cấm trong thi đua", "hanh_vi_bi_cam"),
    ("Khen thưởng theo thủ tục đơn giản là gì?", "dinh_nghia"),
    ("Trình tự xét tặng Huân chương", "thu_tuc"),
    ("Ai đề nghị Thủ tướng tặng Cờ thi đua của Chính phủ?", "tham_quyen_de_nghi"),
])
def test_detect_aspect(text, aspect):
    assert detect_aspect(text) == aspect


# ----------------------------------------------------------------------------- locating


def _citations(entries):
    return [(e.article, e.khoan) for e in entries]


def test_locate_the_articles_of_the_issue():
    co = LAW_MAP.locate("co_thi_dua_cap_tinh", "tieu_chuan", [LAW])
    assert co and co[0].article == "Điều 26" and co[0].khoan == 1
    hcld = LAW_MAP.locate("huan_chuong_lao_dong_hang_nhi", "tieu_chuan", [LAW])
    assert {e.article for e in hcld} == {"Điều 43"}
    gdvh = LAW_MAP.locate("gia_dinh_van_hoa", "tham_quyen_quyet_dinh", [LAW])
    assert _citations(gdvh) == [("Điều 80", 3)]


@pytest.mark.parametrize("question, article, khoan", [
    ("cờ thi đua cấp tỉnh cần điều kiện gì", "Điều 26", 1),
    ("HCLĐ hạng Nhì", "Điều 43", [1, 2, 3]),
    ("gia dinh van hoa do ai tang", "Điều 80", 3),
    ("Chiến sĩ thi đua cấp tỉnh cần tiêu chuẩn gì?", "Điều 22", 1),
    ("Ai quyết định tặng BK TTg?", "Điều 78", 2),
    ("Hồ sơ đề nghị xét tặng danh hiệu LĐTT gồm những gì?", "Điều 84", 1),
])
def test_questions_in_the_officers_words_reach_the_article(question, article, khoan):
    first = locate_question(question, [LAW])[0]
    assert (first.article, first.khoan) == (article, khoan)


def test_locate_orders_texts_and_inherits_from_the_family():
    entries = LAW_MAP.locate("chien_si_thi_dua_co_so", "ty_le_phieu", ["nd-152-2025-ND-CP", "nd-98-2023-ND-CP"])
    assert [(e.doc, e.article, e.khoan) for e in entries] == [("nd-98-2023-ND-CP", "Điều 30", 7)]
    assert "80%" in entries[0].quote
    # no entry of its own for who decides: the family's (huân chương → Điều 77) answers
    assert _citations(LAW_MAP.locate("huan_chuong_lao_dong_hang_nhi", "tham_quyen_quyet_dinh", [LAW])) == [("Điều 77", None)]
    assert LAW_MAP.locate("huan_chuong_lao_dong_hang_nhi", "tham_quyen_quyet_dinh", [LAW], inherit=False) == []
    old_and_new = LAW_MAP.locate("chien_si_thi_dua_co_so", "tieu_chuan", [LAW, "luat-15-2003-QH11"])
    assert [e.doc for e in old_and_new] == [LAW, "luat-15-2003-QH11"]


def test_documents_in_force_by_date():
    # the 2013 amending law stands beside the 2003 law it amends from 01/6/2014 (its Điều 2), before that date not
    assert LAW_MAP.in_force("2023-06-01") == ["luat-39-2013-QH13", "luat-15-2003-QH11", "nd-91-2017-ND-CP",
                                              "tt-12-2019-TT-BNV"]
    assert "luat-39-2013-QH13" not in LAW_MAP.in_force("2014-05-31")
    assert "nd-98-2023-ND-CP" in LAW_MAP.in_force("2025-06-30")
    after = LAW_MAP.in_force("2025-07-01")
    assert "nd-152-2025-ND-CP" in after and "nd-98-2023-ND-CP" not in after and LAW in after


def test_module_examples():
    import doctest

    import assistant.vocabulary as module

    assert doctest.testmod(module).failed == 0


def test_data_files_are_plain_yaml_in_nfc():
    for name in ["vocabulary.yaml", "law_map.yaml", "aspects.yaml"]:
        text = (DATA_DIR / name).read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", text) == text, name
        assert yaml.safe_load(text)


def test_builder_fills_verbatim_quotes_from_the_named_place(tmp_path):
    """tools/build_law_map.py fill: a draft entry without a quote gets the opening words of its khoản/điểm."""
    import subprocess
    import sys

    draft = tmp_path / "draft.yaml"
    draft.write_text(
        "documents:\n  luat-06-2022-QH15: {name: Luật, in_force_from: '2024-01-01'}\n"
        "map:\n  luat-06-2022-QH15:\n"
        "    - {subject: gia_dinh_van_hoa, aspect: tham_quyen_quyet_dinh, article: Điều 80, khoan: 3}\n"
        "    - {subject: huy_chuong_chien_si_ve_vang_hang_ba, aspect: tieu_chuan, article: Điều 57, khoan: 2, diem: c}\n",
        encoding="utf-8")
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_law_map.py"), "fill", str(draft)], check=True,
                   capture_output=True)
    items = yaml.safe_load(draft.read_text(encoding="utf-8"))["map"][LAW]
    assert items[0]["quote"].startswith("Chủ tịch Ủy ban nhân dân cấp xã quyết định tặng")
    assert items[1]["quote"].startswith("“Huy chương Chiến sĩ vẻ vang” hạng Ba để tặng")
    for item in items:
        assert _collapse(item["quote"]) in _region(LAW, item["article"], item["khoan"], item.get("diem"))

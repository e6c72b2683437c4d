"""The law as it stands on a date: amendments and replacements the catalogue knows, texts known
only by their row, editorial lines of compiled texts, OCR texts, and the period of NĐ 98/2023."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from assistant.build import build_assistant
from assistant.catalogue import Catalogue
from assistant.drafting import PlanForm, check_draft
from assistant.eligibility.rules import select
from assistant import lawstate
from assistant.lawstate import law_state_notes, successor_in_force
from documents import parse
from tests.conftest import KNOWLEDGE

LEGAL = KNOWLEDGE / "legal"
FILES = [LEGAL / name for name in ("luat-06-2022-QH15.txt", "nd-98-2023-ND-CP.txt", "nd-152-2025-ND-CP.txt",
                                   "tt-01-2024-TT-BNV.txt", "nd-91-2017-ND-CP.txt")]
AMENDMENT = "đã được sửa đổi, bổ sung bởi Luật 06/2026/QH16 (hiệu lực 01/10/2026); văn bản sửa đổi chưa có trong kho tài liệu"
PREVIOUS_RULE = ("Nghị định đang có hiệu lực là Nghị định 152/2025/NĐ-CP; điều này chưa có trong kho tài liệu; "
                 "dưới đây là quy định trước đây của Nghị định 98/2023/NĐ-CP (hết hiệu lực từ 01/07/2025)")


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    """One real (lexical) index of the legal texts, built once; each test gets a copy-free reader."""
    from assistant.config import Settings

    data = tmp_path_factory.mktemp("law-state") / "data"
    built = build_assistant(Settings(data_dir=data, knowledge_dir=KNOWLEDGE, llm_provider="none"))
    results = built.ingestor().ingest(FILES)
    assert all(r.status == "indexed" for r in results), [r.as_line() for r in results]
    return data


def _assistant(index_dir: Path, today: date):
    from assistant.config import Settings

    return build_assistant(Settings(data_dir=index_dir, knowledge_dir=KNOWLEDGE, llm_provider="none", today=today))


@pytest.fixture
def catalogue(settings) -> Catalogue:
    return Catalogue(settings.user_catalogue, shipped=settings.shipped_catalogue)


def _editorial_lines() -> list[str]:
    text = (LEGAL / "nd-152-2025-ND-CP.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.startswith("[") and not re.match(r"^\[[a-zđ\d]{1,2}[.)]\]", line)]


# ---------------------------------------------------------------- parser and index

def test_editorial_lines_of_nd_152_never_reach_quotable_text(index_dir):
    chunks = _assistant(index_dir, date(2026, 12, 4)).index.doc_chunks("nd-152-2025-ND-CP")
    editorial = _editorial_lines()
    assert len(editorial) > 10
    quotable = [c for c in chunks if c.kind != "note"]
    for chunk in quotable:
        assert not any(line.startswith("[") for line in chunk.body.splitlines()), chunk.body
        assert "Nguồn:" not in chunk.body and "Tóm tắt" not in chunk.body, chunk.body
    notes = [c for c in chunks if c.kind == "note"]
    assert {c.location for c in notes} >= {"Điều 51", "Điều 52", "Điều 54"}
    assert all(c.body.startswith("Tóm tắt, chưa có nguyên văn: ") for c in notes)
    assert parse.SUMMARY_PREFIX == lawstate.SUMMARY_PREFIX  # the answerer recognises what the parser writes
    bonus = next(c for c in quotable if c.location.startswith("Điều 50"))
    assert "được thưởng 1,0 lần mức lương cơ sở" in bonus.body  # the decree's own words stay


def test_a_summary_is_never_quoted_as_the_decrees_words(index_dir):
    answer = _assistant(index_dir, date(2026, 12, 4)).answerer().answer(
        "Mức tiền thưởng Huân chương Sao vàng cho tập thể là bao nhiêu lần mức lương cơ sở?")
    summaries = [c for c in answer.citations if c.summary]
    assert summaries and summaries[0].doc_id == "nd-152-2025-ND-CP"
    assert all(c.quote.startswith("Tóm tắt, chưa có nguyên văn: ") for c in summaries)
    for line in answer.text.splitlines():
        if "Nghị định 152/2025/NĐ-CP (Điều 51" in line:
            assert "tóm tắt, chưa có nguyên văn" in line and "“" not in line
    for editorial in _editorial_lines():
        assert editorial not in answer.text
        assert all(editorial not in c.quote for c in answer.citations)


# ---------------------------------------------------------------- answers on a date

def test_current_rules_from_the_law_carry_the_amendment_note(index_dir, monkeypatch):
    from assistant.config import Settings

    monkeypatch.setenv("TDKT_TODAY", "2026-12-04")
    settings = Settings(data_dir=index_dir, knowledge_dir=KNOWLEDGE, llm_provider="none")
    assert settings.current_date() == date(2026, 12, 4)
    answer = build_assistant(settings).answerer().answer(
        "Theo quy định hiện hành, danh hiệu Chiến sĩ thi đua cơ sở có tiêu chuẩn gì?")
    assert answer.citations[0].doc_id == "luat-06-2022-QH15" and "Điều 23" in answer.text
    assert f"Luật 06/2022/QH15 {AMENDMENT}" in answer.text
    assert "đi đầu trong đổi mới sáng tạo, chuyển đổi số" in answer.text  # what is known to have changed


def test_before_the_amendment_the_law_is_cited_without_it(index_dir):
    answer = _assistant(index_dir, date(2025, 3, 15)).answerer().answer(
        "Theo quy định hiện hành, danh hiệu Chiến sĩ thi đua cơ sở có tiêu chuẩn gì?")
    assert "Luật 06/2026/QH16" not in answer.text


def test_vote_threshold_in_march_2025_comes_from_nd_98_with_the_ocr_note(index_dir):
    answer = _assistant(index_dir, date(2026, 12, 4)).answerer().answer(
        "Ngày 15/3/2025, tỷ lệ phiếu đồng ý để xét danh hiệu Chiến sĩ thi đua cơ sở là bao nhiêu?")
    first = answer.citations[0]
    assert (first.doc_id, first.location) == ("nd-98-2023-ND-CP", "Điều 30, khoản 7")
    assert first.ocr and "80% trở lên" in first.quote
    assert "Nghị định 98/2023/NĐ-CP (Điều 30, khoản 7, bản OCR — đối chiếu bản gốc)" in answer.text
    assert PREVIOUS_RULE not in answer.text  # NĐ 98/2023 was in force on 15/3/2025


def test_after_june_2025_the_nd_98_article_is_shown_as_the_previous_rule(index_dir):
    answer = _assistant(index_dir, date(2026, 12, 4)).answerer().answer(
        "Tỷ lệ phiếu đồng ý để xét danh hiệu Chiến sĩ thi đua cơ sở là bao nhiêu?")
    assert any(c.doc_id == "nd-98-2023-ND-CP" and c.location.startswith("Điều 30") for c in answer.citations)
    assert PREVIOUS_RULE in answer.text


def test_replaced_circular_names_its_missing_replacement(index_dir):
    answer = _assistant(index_dir, date(2025, 9, 1)).answerer().answer(
        "Theo Thông tư 01/2024/TT-BNV, cá nhân mới tuyển dụng dưới 06 tháng có được xét Lao động tiên tiến không?")
    assert answer.citations[0].doc_id == "tt-01-2024-TT-BNV"
    assert "Thông tư 15/2025/TT-BNV" in answer.text and "chưa có trong kho tài liệu" in answer.text


# ---------------------------------------------------------------- relations

def test_replacement_chains_end_at_the_text_in_force(catalogue):
    nd91, tt12 = catalogue.get("nd-91-2017-ND-CP"), catalogue.get("tt-12-2019-TT-BNV")
    assert successor_in_force(nd91, date(2025, 3, 15), catalogue).number == "98/2023/NĐ-CP"
    assert successor_in_force(nd91, date(2026, 12, 4), catalogue).number == "152/2025/NĐ-CP"
    assert successor_in_force(tt12, date(2026, 12, 4), catalogue).number == "15/2025/TT-BNV"
    # "nghị định thay thế" asks the last stored text of the chain, not the next link (itself replaced)
    assert lawstate.latest_successor(nd91, catalogue).number == "152/2025/NĐ-CP"
    assert lawstate.latest_successor(tt12, catalogue).number == "01/2024/TT-BNV"  # its successor is not stored
    [note] = law_state_notes(["tt-01-2024-TT-BNV"], date(2025, 9, 1), catalogue)
    assert "Thông tư 15/2025/TT-BNV (ban hành 04/08/2025, hiệu lực 05/08/2025); văn bản này chưa có trong kho tài liệu" in note
    assert catalogue.get("tt-01-2024-TT-BNV").valid_until == "2025-08-04"


def test_known_texts_without_a_body_are_catalogue_rows(catalogue):
    for doc_id, number in [("luat-06-2026-QH16", "06/2026/QH16"), ("tt-15-2025-TT-BNV", "15/2025/TT-BNV"),
                           ("qd-01-2026-QD-TTg", "01/2026/QĐ-TTg"), ("tt-07-2026-TT-BGDDT", "07/2026/TT-BGDĐT"),
                           ("nd-28-2024-ND-CP", "28/2024/NĐ-CP")]:
        entry = catalogue.get(doc_id)
        assert entry.number == number and not entry.has_text, doc_id
    assert catalogue.get("luat-06-2026-QH16").amends == "06/2022/QH15"
    assert catalogue.get("nd-98-2023-ND-CP").is_ocr and not catalogue.get("nd-98-2023-ND-CP").partial
    assert catalogue.get("nd-152-2025-ND-CP").partial


def test_dropping_in_the_text_of_a_known_row_gives_the_row_its_file(settings, tmp_path):
    built = build_assistant(settings)
    path = tmp_path / "tt-15-2025-TT-BNV.txt"
    path.write_text("BỘ NỘI VỤ\nSố: 15/2025/TT-BNV\nHà Nội, ngày 04 tháng 8 năm 2025\nTHÔNG TƯ\n"
                    "Quy định biện pháp thi hành Luật Thi đua, khen thưởng\n"
                    "Điều 1. Phạm vi\nNội dung.\nĐiều 2. Đối tượng\nNội dung.\nĐiều 3. Hiệu lực\nNội dung.\n", encoding="utf-8")
    [result] = built.ingestor().ingest([path])
    assert result.status == "indexed"
    entry = Catalogue(settings.user_catalogue, shipped=settings.shipped_catalogue).get("tt-15-2025-TT-BNV")
    assert entry.has_text and entry.date_issued == "2025-08-04"


# ---------------------------------------------------------------- drafting

def test_drafting_bases_of_a_2026_plan_list_the_circular_known_by_its_row(settings):
    form = PlanForm.from_dict({"kind": "annual", "agency": "Sở Tư pháp", "superior": "UBND tỉnh Lạng Sơn",
                               "place": "Lạng Sơn", "date": "2026-01-15", "year": 2026})
    plan = build_assistant(settings).drafter.draft(form, use_model=False)
    basis = next(b for b in plan.bases if "15/2025/TT-BNV" in b)
    assert "Thông tư số 15/2025/TT-BNV ngày 04 tháng 8 năm 2025 của Bộ trưởng Bộ Nội vụ" in basis
    assert not any("07/2026/TT-BGDĐT" in b or "28/2024" in b for b in plan.bases)
    catalogue = Catalogue(settings.user_catalogue, shipped=settings.shipped_catalogue)
    warnings = [w for w in check_draft(plan, catalogue, date(2026, 1, 15)) if w.code == "basis_not_in_kb"]
    assert len(warnings) == 1
    assert "Thông tư 15/2025/TT-BNV: chưa có toàn văn trong kho — kiểm tra số, ngày" in warnings[0].message
    assert "04/08/2025" in warnings[0].message


# ---------------------------------------------------------------- eligibility

def test_eligibility_says_what_is_not_checked_in_plain_vietnamese():
    for day in (date(2025, 3, 15), date(2026, 3, 15)):
        notes = " ".join(select(day).notes)
        assert "Chưa kiểm tra tự động theo Nghị định" in notes
        assert not re.search(r"not_encoded|\.yaml|months_worked|nd-\d+", notes), notes
    assert "15/2025/TT-BNV" in " ".join(select(date(2026, 3, 15)).notes)


def test_dev_set_has_cases_for_the_nd_98_period():
    cases = [json.loads(line) for line in (Path(__file__).parents[1] / "eval/data/dev/eligibility_dev.jsonl").open(encoding="utf-8")]
    in_period = [c for c in cases if "2024-01-01" <= c["as_of"] <= "2025-06-30"]
    assert len(in_period) >= 6

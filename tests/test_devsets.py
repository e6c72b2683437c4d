"""The officer-language dev sets still match the knowledge files they were written from."""
import importlib.util
from pathlib import Path

CHECKER = Path(__file__).resolve().parents[1] / "eval" / "data" / "dev" / "check_devsets.py"


def _checker():
    spec = importlib.util.spec_from_file_location("check_devsets", CHECKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_evidence_lies_in_one_line_of_its_document(capsys):
    assert _checker().main([]) == 0, capsys.readouterr().out


def test_checker_reports_evidence_missing_from_the_document(tmp_path, capsys):
    bad = tmp_path / "officer_dev.jsonl"
    bad.write_text('{"id": "x1", "q": "Hỏi?", "evidence": "Câu này không hề có trong Luật Thi đua, khen thưởng.", '
                   '"answer_has": ["không hề"], "doc": "luat-06-2022-QH15", "article": "Điều 5", "style": "plain", "aspect": "a"}\n',
                   encoding="utf-8")
    assert _checker().main([str(bad)]) == 1
    assert "evidence not found" in capsys.readouterr().out


def test_evidence_copied_from_a_table_row_is_found_in_the_rows_passage():
    """The source file separates cells with "|"; the indexed row names its columns instead."""
    from documents.chunk import chunk_document
    from documents.load import load
    from documents.parse import parse
    from eval.common import contains
    from tests.conftest import SEED_001

    row = next(c for c in chunk_document(parse(load(SEED_001))) if c.location.endswith("Quý II › mục 16"))
    line = next(line for line in SEED_001.read_text(encoding="utf-8").splitlines() if line.startswith("| 16. |"))
    assert contains(row.text, line.strip().strip("|"))
    assert not contains(row.text, line.strip().strip("|").replace("05/4/2021", "05/5/2021"))


def test_the_law_map_probe_asks_each_title_by_the_texts_in_force_only():
    """`python -m eval lawmap` asks every mapped (title × aspect) with and without diacritics; on a
    date after Nghị định 98/2023 ended, none of its quotes is expected."""
    from assistant.vocabulary import load_aspects, load_law_map
    from eval.lawmap import probes

    lines = probes("2026-12-04")
    asked = {line["q"] for line in lines}
    assert "Huân chương Độc lập hạng Nhất cần đạt tiêu chuẩn gì?" in asked
    assert "Huan chuong Doc lap hang Nhat can dat tieu chuan gi?" in asked
    assert {line["aspect"] for line in lines} <= set(load_aspects().ids())
    assert {line["doc"] for line in lines} <= set(load_law_map().in_force("2026-12-04"))
    assert "nd-98-2023-ND-CP" not in {line["doc"] for line in lines}


def test_evidence_copied_with_the_source_files_emphasis_is_found_in_its_passage():
    """The seed plan writes "**trước 30/01/2020**"; the parser drops the emphasis, and so does the check."""
    from documents.chunk import chunk_document
    from documents.load import load
    from documents.parse import parse
    from eval.common import contains
    from tests.conftest import KNOWLEDGE

    plan = KNOWLEDGE / "plans" / "004_b2a4d87094e8f2d2.txt"
    line = next(line for line in plan.read_text(encoding="utf-8").splitlines() if "**trước 30/01/2020**" in line)
    evidence = line[: line.index("**trước 30/01/2020**") + len("**trước 30/01/2020**")]
    passage = next(c for c in chunk_document(parse(load(plan))) if "30/01/2020" in c.text)
    assert contains(passage.text, evidence)
    assert not contains(passage.text, evidence.replace("30/01/2020", "30/02/2020"))

"""`python -m eval deadlines --labels FILE [--json]`: the register against hand labels.

FILE is JSONL, one labelled task per line:
`{"id", "doc", "task_has", "due_text", "due", "unit_has"?}`. A label is found when
some record's source file name contains `doc` and its task contains `task_has`
(case-insensitive, whitespace collapsed); its date is right when that record's
due end equals `due` (null for a task the document leaves undated); its unit is
right when `unit_has` occurs in one of the record's units. When several records
match, the one whose task equals `task_has`, else whose wording of the time
contains `due_text`, is scored.

Records are extracted afresh from the labelled documents under the knowledge
folder (with the catalogue's header corrections, as ingest does), so the score
does not depend on what was ingested before.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.build import build_assistant
from assistant.deadlines import DeadlineRecord, extract_deadlines
from documents.load import LoadError
from eval.common import contains, print_report, read_jsonl

SUFFIXES = (".txt", ".md", ".docx", ".pdf")
LABELS = {"n_labels": "Số nhãn", "recall": "Độ phủ (recall)", "date_accuracy": "Độ chính xác ngày",
          "unit_accuracy": "Độ chính xác đơn vị"}


def records_for_docs(docs: set[str], roots: list[Path], ingestor) -> tuple[list[DeadlineRecord], dict]:
    records: list[DeadlineRecord] = []
    counts: dict[str, int] = {}
    files = sorted({p for root in roots for p in Path(root).rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()})
    for doc in sorted(docs):
        matches = [p for p in files if doc in p.name]
        if not matches:
            counts[doc] = 0
            continue
        path = matches[0]
        try:
            parsed = ingestor.read(path)
        except LoadError:
            counts[doc] = 0
            continue
        found = extract_deadlines(parsed, path.stem, str(path))
        counts[doc] = len(found)
        records.extend(found)
    return records, counts


def pick(label: dict, records: list[DeadlineRecord]) -> DeadlineRecord | None:
    candidates = [r for r in records if label["doc"] in Path(r.source).name and contains(r.task, label["task_has"], True)]
    if not candidates:
        return None
    exact = [r for r in candidates if contains(label["task_has"], r.task, True)]
    due_text = label.get("due_text") or ""
    worded = [r for r in candidates if due_text and contains(r.due_text, due_text, True)]
    return (exact or worded or candidates)[0]


def score(labels: list[dict], records: list[DeadlineRecord], counts: dict) -> dict:
    found = dates_ok = units_ok = units_total = 0
    misses = []
    for label in labels:
        record = pick(label, records)
        if record is None:
            misses.append({"id": label.get("id"), "doc": label["doc"], "task_has": label["task_has"], "why": "không tìm thấy"})
            continue
        found += 1
        if record.due_end == label.get("due"):
            dates_ok += 1
        else:
            misses.append({"id": label.get("id"), "why": "sai ngày", "due": label.get("due"), "got": record.due_end,
                           "due_text": label.get("due_text"), "got_text": record.due_text})
        if label.get("unit_has"):
            units_total += 1
            if any(contains(unit, label["unit_has"], True) for unit in record.all_units):
                units_ok += 1
            else:
                misses.append({"id": label.get("id"), "why": "sai đơn vị", "unit_has": label["unit_has"], "got": record.all_units})
    return {"n_labels": len(labels), "recall": found / len(labels) if labels else 0.0,
            "date_accuracy": dates_ok / found if found else 0.0,
            "unit_accuracy": units_ok / units_total if units_total else 0.0,
            "n_records": counts, "misses": misses}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval deadlines", description="Chấm sổ hạn nhiệm vụ theo nhãn viết tay")
    parser.add_argument("--labels", required=True, type=Path, help="tệp JSONL các nhiệm vụ đã gán nhãn")
    parser.add_argument("--docs-dir", type=Path, action="append", help="thư mục chứa văn bản (mặc định: knowledge/)")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    args = parser.parse_args(argv)
    if not args.labels.is_file():
        print(f"Lỗi: --labels: không tìm thấy tệp {args.labels}", file=sys.stderr)
        return 2
    assistant = build_assistant()
    labels = read_jsonl(args.labels)
    records, counts = records_for_docs({label["doc"] for label in labels}, args.docs_dir or [assistant.settings.knowledge_dir],
                                       assistant.ingestor())
    report = score(labels, records, counts)
    print_report(report, args.json, LABELS)
    if not args.json:
        print("Số bản ghi theo văn bản:")
        for doc, count in report["n_records"].items():
            print(f"  {doc}: {count}")
        print(f"Nhãn trượt ({len(report['misses'])}):")
        for miss in report["misses"]:
            print("  " + ", ".join(f"{k}={v}" for k, v in miss.items()))
    return 0

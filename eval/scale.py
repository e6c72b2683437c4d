"""`python -m eval scale --copies N [--json]`

Copies the shipped corpus (`knowledge/`) N times into a temporary folder, each
copy under distinct file names, and indexes it lexically (no vectors). Then, in
a fresh process (as the app starts): the time to open the index and answer a
first question, answer p50/p95 over the dev questions, the first answer after
adding one small document, the first unaccented answer after that, and the
process's peak memory.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eval.common import percentile, print_report, read_jsonl

DEV = Path(__file__).resolve().parent / "data" / "dev"
QUESTIONS = DEV / "dev_questions.jsonl"
UNACCENTED = DEV / "dev_questions_noaccent.jsonl"
NEW_DOCUMENT = (
    "KẾ HOẠCH\nTổ chức Hội nghị điển hình tiên tiến xã Thử Nghiệm năm 2026\n"
    "Phòng Văn hóa xã Thử Nghiệm nộp hồ sơ đề nghị khen thưởng điển hình tiên tiến trước ngày 20/10/2026.\n"
)
NEW_QUESTION = "Phòng Văn hóa xã Thử Nghiệm nộp hồ sơ khen thưởng điển hình tiên tiến trước ngày nào?"
LABELS = {
    "copies": "Số bản sao kho", "documents": "Số tài liệu", "chunks": "Số đoạn",
    "ingest_seconds": "Lập chỉ mục từ khóa (s)", "open_first_answer_seconds": "Mở chỉ mục + câu trả lời đầu (s)",
    "import_seconds": "  trong đó: nạp mã Python (s)", "open_seconds": "  trong đó: mở chỉ mục (s)",
    "first_answer_seconds": "  trong đó: câu trả lời đầu (s)",
    "answer_ms_p50": "Trả lời p50 (ms)", "answer_ms_p95": "Trả lời p95 (ms)",
    "after_add_ms": "Câu đầu sau khi thêm tài liệu (ms)", "after_add_found": "Tìm thấy tài liệu mới",
    "unaccented_after_add_ms": "Câu không dấu đầu tiên sau đó (ms)", "peak_memory_mb": "Bộ nhớ đỉnh (MB)",
}


def copy_corpus(source: Path, target: Path, copies: int) -> int:
    """`copies` copies of every file; copy 0 keeps its names (and so its catalogue entry)."""
    files = [p for p in sorted(source.rglob("*")) if p.is_file() and p.name != "catalogue.csv"]
    for n in range(copies):
        for path in files:
            relative = path.relative_to(source)
            name = path.name if n == 0 else f"{path.stem}-ban-{n:03d}{path.suffix}"
            destination = target / relative.parent / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
    return len(files) * copies


def measure(copies: int) -> dict:
    from assistant.config import Settings

    with tempfile.TemporaryDirectory(prefix="tdkt-scale-") as tmp:
        corpus, data = Path(tmp) / "corpus", Path(tmp) / "data"
        copy_corpus(Settings().knowledge_dir, corpus, copies)
        env = {**os.environ, "TDKT_DATA_DIR": str(data), "TDKT_BACKGROUND_EMBEDDING": "0"}
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "ingest", "--lexical-only", "--json", str(corpus)],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        ingest_seconds = time.perf_counter() - start
        (Path(tmp) / "new").mkdir()
        served = subprocess.run([sys.executable, "-m", "eval.scale", "--serve", str(Path(tmp) / "new")],
                                env=env, check=True, capture_output=True, text=True)
        report = json.loads(served.stdout.strip().splitlines()[-1])
    return {"copies": copies, **report, "ingest_seconds": round(ingest_seconds, 1)}


def serve(new_folder: Path) -> dict:
    """Runs in a fresh process over the index in TDKT_DATA_DIR."""
    start = time.perf_counter()
    from assistant.build import build_assistant

    imported = time.perf_counter()
    assistant = build_assistant()
    answerer = assistant.answerer()
    opened = time.perf_counter()
    questions = [q["q"] for q in read_jsonl(QUESTIONS)]
    answerer.answer(questions[0])
    open_first = time.perf_counter() - start
    latencies = [_timed(answerer, q)[1] for q in questions]
    path = new_folder / "ke-hoach-thu-nghiem-moi.txt"
    path.write_text(NEW_DOCUMENT, encoding="utf-8")
    assistant.ingestor().ingest([path])
    answer, after_add = _timed(answerer, NEW_QUESTION)
    _, unaccented = _timed(answerer, read_jsonl(UNACCENTED)[1]["q"])
    counts = assistant.index.counts()
    return {
        "documents": counts["documents"], "chunks": counts["chunks"],
        "open_first_answer_seconds": round(open_first, 2), "import_seconds": round(imported - start, 2),
        "open_seconds": round(opened - imported, 2), "first_answer_seconds": round(start + open_first - opened, 2),
        "answer_ms_p50": round(percentile(latencies, 50), 1), "answer_ms_p95": round(percentile(latencies, 95), 1),
        "after_add_ms": round(after_add, 1), "after_add_found": "20/10/2026" in answer.text,
        "unaccented_after_add_ms": round(unaccented, 1),
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _timed(answerer, question: str):
    start = time.perf_counter()
    answer = answerer.answer(question)
    return answer, (time.perf_counter() - start) * 1000


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval scale")
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        print(json.dumps(serve(args.serve)))
        return 0
    print_report(measure(args.copies), args.json, LABELS)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

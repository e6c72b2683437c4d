"""`python -m eval ingest-speed [PATHS…] [--lexical-only] [--json]`

Ingests `knowledge/` (or PATHS) into a fresh temporary index and reports the time
until the lexical index answers, the embedding time, chunks and pages per
second, and the time of a second run with nothing changed. Text files have no
pages: a page is counted as 3,000 characters for them (PDF pages are counted as
they are).
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from assistant.build import build_assistant
from assistant.config import Settings
from eval.common import print_report
from assistant.ingestion import discover

CHARS_PER_PAGE = 3000
LABELS = {
    "files": "Số tệp", "chunks": "Số đoạn", "pages": "Số trang (quy đổi)",
    "lexical_seconds": "Đến khi tìm kiếm từ khóa sẵn sàng (s)", "embedding_seconds": "Tạo vector (s)",
    "total_seconds": "Tổng thời gian lần đầu (s)", "chunks_per_second": "Đoạn/giây (cả quy trình)",
    "pages_per_second": "Trang/giây (cả quy trình)", "embed_chunks_per_second": "Đoạn/giây (tạo vector)",
    "rerun_seconds": "Chạy lại khi không đổi (s)",
}


def count_pages(files: list[Path]) -> int:
    pages = 0
    for path in files:
        if path.suffix.lower() == ".pdf":
            from pypdf import PdfReader

            pages += len(PdfReader(str(path)).pages)
        else:
            pages += max(1, round(path.stat().st_size / CHARS_PER_PAGE))
    return pages


def measure(paths: list[Path], lexical_only: bool) -> dict:
    with tempfile.TemporaryDirectory(prefix="tdkt-speed-") as tmp:
        settings = Settings(data_dir=Path(tmp))
        start = time.perf_counter()
        assistant = build_assistant(settings)
        ingestor = assistant.ingestor()
        results = ingestor.ingest(paths)
        assistant.searcher.search("thi đua khen thưởng", 1, mode="bm25")
        lexical = time.perf_counter() - start
        embed_start = time.perf_counter()
        embedded = 0 if lexical_only else ingestor.embed_pending()
        embedding = time.perf_counter() - embed_start
        total = time.perf_counter() - start
        rerun_start = time.perf_counter()
        build_assistant(settings).ingestor().ingest(paths)
        rerun = time.perf_counter() - rerun_start
        chunks = assistant.index.counts()["chunks"]
    pages = count_pages(discover(paths))
    return {
        "files": len(results), "chunks": chunks, "pages": pages,
        "lexical_seconds": round(lexical, 2), "embedding_seconds": round(embedding, 2), "total_seconds": round(total, 2),
        "chunks_per_second": round(chunks / total, 2), "pages_per_second": round(pages / total, 2),
        "embed_chunks_per_second": round(embedded / embedding, 2) if embedded else 0.0,
        "rerun_seconds": round(rerun, 2),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval ingest-speed")
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--lexical-only", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    paths = args.paths or [Settings().knowledge_dir]
    print_report(measure(paths, args.lexical_only), args.json, LABELS)
    return 0

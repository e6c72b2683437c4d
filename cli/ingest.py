"""`python -m ingest [PATHS…]`: index files (default `knowledge/`), with a progress bar.

  --remove PATHS   remove these documents from the index
  --prune          remove documents whose file no longer exists
  --replace PATHS  each file replaces the older documents of the same file name (their catalogue rows stay as history)
  --lexical-only   stop after the lexical index (vectors are added later, e.g. by the app)
  --json           print the per-file results as JSON
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from tqdm import tqdm

from assistant.build import build_assistant
from assistant.config import Settings
from assistant.ingestion import discover


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description="Lập chỉ mục tài liệu cho Trợ lý Thi đua – Khen thưởng")
    parser.add_argument("paths", nargs="*", type=Path, help="tệp hoặc thư mục (mặc định: knowledge/)")
    parser.add_argument("--remove", action="store_true", help="xóa các tài liệu này khỏi chỉ mục")
    parser.add_argument("--prune", action="store_true", help="xóa khỏi chỉ mục các tài liệu không còn tệp gốc")
    parser.add_argument("--replace", action="store_true",
                        help="thay thế tài liệu cũ cùng tên tệp (giữ dòng danh mục cũ làm lịch sử)")
    parser.add_argument("--lexical-only", action="store_true", help="chỉ lập chỉ mục từ khóa, chưa tạo vector")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    args = parser.parse_args(argv)

    settings = Settings()
    assistant = build_assistant(settings)
    ingestor = assistant.ingestor()
    paths = args.paths or [settings.knowledge_dir]
    quiet = args.json
    if not args.remove and not discover(paths):
        print("Không tìm thấy tệp nào để lập chỉ mục trong: " + ", ".join(str(p) for p in paths)
              + " (thư mục rỗng, đường dẫn không tồn tại hoặc chỉ có tệp ẩn).", file=sys.stderr)
        return 2

    if args.remove:
        results = [ingestor.remove(path) for path in paths]
    else:
        results = ingestor.prune() if args.prune else []
        with tqdm(total=0, desc="Đọc và phân tích", unit="tệp", disable=quiet) as bar:
            def progress(done: int, total: int, name: str) -> None:
                bar.total = total
                bar.set_postfix_str(name[:40])
                bar.update(1)

            def page_progress(name: str, done: int, total: int) -> None:
                bar.set_postfix_str(f"{name[:30]}: OCR trang {done}/{total}")

            results += ingestor.ingest(paths, progress, page_progress, replace=args.replace)
        if not args.lexical_only:
            pending = assistant.index.pending_count()
            with tqdm(total=pending, desc="Tạo vector", unit="đoạn", disable=quiet or not pending) as bar:
                ingestor.embed_pending(lambda done, total: bar.update(done - bar.n))

    counts = assistant.index.counts()
    if args.json:
        print(json.dumps({"results": [asdict(r) for r in results], "index": counts}, ensure_ascii=False, indent=2))
    else:
        for result in results:
            print(result.as_line())
        print(f"Chỉ mục: {counts['documents']} tài liệu, {counts['chunks']} đoạn, {counts['embedded']} đoạn đã có vector.")
    failed = [r for r in results if r.status in ("rejected", "needs_ocr")]
    return 1 if failed and len(failed) == len(results) else 0


if __name__ == "__main__":
    sys.exit(main())

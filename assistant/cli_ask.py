"""`python -m assistant ask "câu hỏi"`: retrieval with citations (answering builds on it)."""
from __future__ import annotations

import json

from assistant.build import build_assistant
from assistant.retrieve import MODES


def register(subparsers) -> None:
    parser = subparsers.add_parser("ask", help="hỏi đáp dựa trên tài liệu", description="Hỏi đáp dựa trên kế hoạch và văn bản pháp luật")
    parser.add_argument("question", nargs="?", help="câu hỏi (bỏ trống để trò chuyện nhiều lượt)")
    parser.add_argument("--k", type=int, default=5, help="số đoạn trích dẫn")
    parser.add_argument("--retriever", choices=MODES, default="hybrid")
    parser.add_argument("--passages", action="store_true", help="chỉ in các đoạn tìm được, không soạn câu trả lời")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.set_defaults(func=run)


def run(args) -> int:
    assistant = build_assistant()
    if not args.question:
        print("Cần nhập câu hỏi, ví dụ: python -m assistant ask \"Hạn gửi báo cáo tổng kết là ngày nào?\"")
        return 2
    hits = assistant.searcher.search(args.question, args.k, mode=args.retriever)
    rows = []
    for n, hit in enumerate(hits, 1):
        entry = assistant.catalogue.get(hit.chunk.doc_id)
        rows.append({
            "n": n, "doc_id": hit.chunk.doc_id, "document": entry.label if entry else hit.chunk.doc_id,
            "title": entry.title if entry else "", "location": hit.chunk.location, "page": hit.chunk.page,
            "score": round(hit.score, 4), "quote": hit.chunk.body,
        })
    if args.json:
        print(json.dumps({"question": args.question, "passages": rows}, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("Không tìm thấy đoạn nào trong kho tài liệu.")
    for row in rows:
        page = f", trang {row['page']}" if row["page"] else ""
        print(f"[{row['n']}] {row['document']} – {row['location']}{page}")
        print("    " + row["quote"][:400].replace("\n", "\n    "))
    return 0

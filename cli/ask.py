"""`python -m assistant ask ["câu hỏi"]`: answers with citations; without a question, a chat that keeps history."""
from __future__ import annotations

import json
from dataclasses import asdict

from assistant.build import build_assistant
from assistant.retrieve import MODES


def register(subparsers) -> None:
    parser = subparsers.add_parser("ask", help="hỏi đáp dựa trên tài liệu", description="Hỏi đáp dựa trên kế hoạch và văn bản pháp luật")
    parser.add_argument("question", nargs="?", help="câu hỏi (bỏ trống để trò chuyện nhiều lượt)")
    parser.add_argument("--passages", action="store_true", help="chỉ in các đoạn tìm được, không soạn câu trả lời")
    parser.add_argument("--k", type=int, default=5, help="số đoạn khi dùng --passages")
    parser.add_argument("--retriever", choices=MODES, default="hybrid", help="cách tìm khi dùng --passages")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.set_defaults(func=run)


def run(args) -> int:
    assistant = build_assistant()
    if args.passages:
        if not args.question:
            print("Cần nhập câu hỏi khi dùng --passages.")
            return 2
        return _print_passages(assistant, args)
    answerer = assistant.answerer()
    if args.question:
        answer = _ask(answerer, args.question, [], args.json)
        return 0 if answer else 1
    return _chat(answerer, args.json)


def _ask(answerer, question: str, history: list, as_json: bool):
    answer = None
    for event in answerer.stream(question, history):
        if isinstance(event, str):
            if not as_json:
                print(event, end="", flush=True)
        else:
            answer = event
    if as_json:
        print(json.dumps(asdict(answer), ensure_ascii=False, indent=2))
    else:
        if answer.mode == "generative":
            print("\n")
        _print_answer(answer, streamed=answer.mode == "generative")
    return answer


def _print_answer(answer, streamed: bool) -> None:
    if answer.standalone_question != answer.question:
        print(f"(Đã hiểu là: {answer.standalone_question})")
    if not streamed:
        print(answer.text)
    if answer.citations:
        print("\nTrích dẫn:")
    for citation in answer.citations:
        page = f", trang {citation.page}" if citation.page else ""
        ocr = " (văn bản nhận dạng OCR)" if citation.ocr else ""
        print(f"[{citation.n}] {citation.document} – {citation.title}")
        print(f"    Vị trí: {citation.location}{page}{ocr}")
        if citation.status:
            print(f"    Hiệu lực: {citation.status}")
        print("    “" + citation.quote[:500].replace("\n", "\n     ") + "”")


def _chat(answerer, as_json: bool) -> int:
    print("Trò chuyện với Trợ lý Thi đua – Khen thưởng. Gõ câu hỏi; để trống rồi Enter để thoát.")
    history = []
    while True:
        try:
            question = input("\nHỏi: ").strip()
        except EOFError:
            break
        if not question:
            break
        answer = _ask(answerer, question, history, as_json)
        history.append(answer.turn())
    return 0


def _print_passages(assistant, args) -> int:
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

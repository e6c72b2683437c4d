"""Hỏi đáp: grounded answers with citations, follow-ups, feedback and links to the other tools."""
from __future__ import annotations

import uuid

import streamlit as st

from assistant.drafting import to_markdown
from assistant.intents import Intent
from ui import auth
from ui.feedback import append_feedback, feedback_record
from ui.links import TOOL_LINK_LABELS, TOOL_PAGES
from ui.render import answer_markdown, escape_markdown, quote_markdown, safe_markdown
from ui.state import assistant_or_error, get_answerer

EXAMPLES = [
    "Tiêu chuẩn danh hiệu Chiến sĩ thi đua cơ sở là gì?",
    "Khen thưởng tổng kết các chuyên đề thi đua của các đơn vị thuộc quận Hoàng Mai phải xong trước ngày nào?",
    "Phòng Nội vụ có những nhiệm vụ gì trong quý II năm 2021?",
    "Anh Nguyễn Văn A năm 2025 hoàn thành xuất sắc nhiệm vụ, có đủ điều kiện Lao động tiên tiến không?",
    "Soạn giúp mục tiến độ kế hoạch thi đua năm 2026 của Sở Tư pháp",
]
TOOL_NOTES = {
    "deadlines": "Câu hỏi về thời hạn, nhiệm vụ: có thể xem và lọc đầy đủ trong sổ hạn chót.",
    "eligibility": "Việc xét điều kiện khen thưởng do bộ kiểm tra theo đúng tiêu chuẩn của Luật thực hiện; "
                   "mở biểu mẫu để bổ sung thông tin hồ sơ.",
    "drafting": "Mở trang soạn thảo để hoàn thiện thông tin và tải bản .docx.",
}


def render() -> None:
    assistant = assistant_or_error()
    if assistant is None:
        return
    st.title("Hỏi đáp")
    st.caption("Hỏi về kế hoạch thi đua, khen thưởng và văn bản pháp luật; mỗi câu trả lời kèm trích dẫn nguồn.")
    chat = st.session_state.setdefault("chat", [])
    top = st.container()
    for entry in chat:
        _show_entry(assistant, entry)
    question = st.chat_input("Nhập câu hỏi, ví dụ: Hạn gửi hồ sơ khen thưởng tổng kết là ngày nào?")
    if not chat and not question:
        question = _examples()
    if question and question.strip():
        _ask(assistant, question.strip(), chat)
    if chat and top.button("Cuộc trò chuyện mới", icon=":material/add_comment:", key="new_chat"):
        chat.clear()
        st.rerun()


def _examples() -> str | None:
    st.markdown("**Câu hỏi ví dụ**")
    for n, example in enumerate(EXAMPLES):
        if st.button(example, key=f"example_{n}"):
            return example
    return None


def _ask(assistant, question: str, chat: list) -> None:
    with st.chat_message("user"):
        st.markdown(escape_markdown(question))
    entry = {"id": uuid.uuid4().hex[:10], "question": question, "answer": None, "feedback": None}
    with st.chat_message("assistant"):
        placeholder = st.empty()
        try:
            entry["answer"] = _stream(assistant, question, [e["answer"].turn() for e in chat if e["answer"]], placeholder)
        except Exception as exc:  # the core failed: say so, never a traceback
            placeholder.empty()
            st.error(escape_markdown(f"Không trả lời được câu hỏi này: {exc}"))
            return
        chat.append(entry)
        placeholder.markdown(answer_markdown(entry["answer"]))
        _extras(assistant, entry)


def _stream(assistant, question: str, history: list, placeholder):
    answerer = get_answerer(assistant)
    text, answer = "", None
    with st.spinner("Đang tìm trong tài liệu…"):
        for event in answerer.stream(question, history):
            if isinstance(event, str):
                text += event
                placeholder.markdown(safe_markdown(text) + "▌")
            else:
                answer = event
    return answer


def _show_entry(assistant, entry: dict) -> None:
    with st.chat_message("user"):
        st.markdown(escape_markdown(entry["question"]))
    with st.chat_message("assistant"):
        st.markdown(answer_markdown(entry["answer"]))
        _extras(assistant, entry)


def _extras(assistant, entry: dict) -> None:
    answer = entry["answer"]
    for citation in answer.citations:
        _citation(assistant, entry["id"], citation)
    if answer.tool is not None:
        _tool_extras(answer.tool, entry["id"])
    _feedback(assistant, entry)


def _citation(assistant, entry_id: str, c) -> None:
    where = c.location + (f", trang {c.page}" if c.page else "")
    with st.expander(f"[{c.n}] {escape_markdown(c.document)} — {escape_markdown(where)}"):
        st.markdown(quote_markdown(c.quote))
        if c.title:
            st.caption(escape_markdown(c.title))
        if c.status:
            st.warning(escape_markdown(f"Hiệu lực: {c.status}"))
        if c.ocr:
            st.caption("Đoạn này được nhận dạng chữ (OCR) từ bản quét: hãy đối chiếu với bản gốc.")
        if st.toggle("Xem đoạn trong văn bản", key=f"ctx_{entry_id}_{c.n}"):
            _context(assistant, c)


def _context(assistant, c) -> None:
    """The cited passage between its neighbours in the document."""
    chunks = assistant.index.doc_chunks(c.doc_id)
    at = next((i for i, chunk in enumerate(chunks) if chunk.chunk_id == c.chunk_id), None)
    if at is None:
        st.info("Đoạn văn này không còn trong kho (tài liệu đã được nạp lại hoặc xóa).")
        return
    for chunk in chunks[max(at - 1, 0): at + 2]:
        text = chunk.body or chunk.text
        if chunk.chunk_id == c.chunk_id:
            st.success(f"**{escape_markdown(chunk.location)}**\n\n{escape_markdown(text)}")
        else:
            st.caption(escape_markdown(chunk.location))
            st.text(text[:1500])


def _tool_extras(tool, entry_id: str) -> None:
    """What the tool adds under its answer: the register rows (same filter as the answer), the draft
    as a Word file, and the link to the tool's page opened with the same filter or form."""
    st.info(TOOL_NOTES[tool.tool])
    if tool.tool == "deadlines" and tool.params:
        _deadline_preview(tool.records)
    if tool.draft is not None:
        _draft_download(tool.draft, entry_id)
    try:
        st.page_link(TOOL_PAGES[tool.tool], label=TOOL_LINK_LABELS[tool.tool], icon=":material/open_in_new:",
                     query_params=Intent(tool.tool, tool.params).query_params())
    except Exception:  # the page is not open to this session
        pass


def _deadline_preview(records: list) -> None:
    from ui.deadlines import show_records

    if not records:
        st.caption("Sổ hạn nhiệm vụ không có nhiệm vụ nào khớp các điều kiện trong câu hỏi.")
        return
    st.markdown(f"**Sổ hạn nhiệm vụ: {len(records)} nhiệm vụ khớp câu hỏi**")
    show_records(records[:10])


def _draft_download(plan, entry_id: str) -> None:
    from ui.drafting import DOCX, docx_bytes

    with st.expander("Xem bản dự thảo", expanded=True):
        st.markdown(to_markdown(plan, escape=escape_markdown))
    try:
        data = docx_bytes(plan)
    except Exception as exc:
        st.error(escape_markdown(f"Không tạo được tệp Word: {exc}"))
        return
    st.download_button("Tải bản Word (.docx)", data, file_name="du-thao-ke-hoach.docx", mime=DOCX, on_click="ignore",
                       key=f"draft_docx_{entry_id}")


def _feedback(assistant, entry: dict) -> None:
    if entry["feedback"]:
        st.caption("Cảm ơn bạn đã đánh giá: " + ("câu trả lời đúng." if entry["feedback"] == "dung" else "câu trả lời sai."))
        return
    left, right, _ = st.columns([1, 1, 6])
    verdict = None
    if left.button("Đúng", key=f"fb_ok_{entry['id']}", icon=":material/thumb_up:"):
        verdict = "dung"
    if right.button("Sai", key=f"fb_bad_{entry['id']}", icon=":material/thumb_down:"):
        verdict = "sai"
    if verdict:
        path = assistant.settings.data_dir / "feedback.jsonl"
        try:
            append_feedback(path, feedback_record(entry["answer"], verdict, auth.current_user()))
            entry["feedback"] = verdict
            st.rerun()
        except OSError as exc:
            st.error(f"Không lưu được đánh giá: {exc}")

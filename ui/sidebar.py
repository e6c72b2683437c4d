"""The sidebar: answering mode, index size, background embedding, settings a user may change, the user."""
from __future__ import annotations

import streamlit as st

from assistant.build import Assistant
from assistant.llm import model_label
from ui import auth
from ui.render import escape_markdown
from ui.state import model_configured, reference_date


def render(assistant: Assistant) -> None:
    with st.sidebar:
        st.markdown("### Trợ lý Thi đua – Khen thưởng")
        _user()
        st.caption(f"**Chế độ trả lời:** {model_label(assistant.settings)}")
        _index_status(assistant)
        _settings(assistant)


def _user() -> None:
    user = auth.current_user()
    if user:
        st.caption(f"Người dùng: **{escape_markdown(user)}**")
        if st.button("Đăng xuất", key="sign_out_sidebar"):
            auth.sign_out()
            st.rerun()


def _index_status(assistant: Assistant) -> None:
    worker = assistant.embedder
    every = 3 if worker.running else None

    @st.fragment(run_every=every)
    def status() -> None:
        counts = assistant.index.counts()
        st.caption(f"**Kho tài liệu:** {counts['documents']} văn bản, {counts['chunks']} đoạn, "
                   f"{counts['embedded']} đoạn đã có vector")
        if worker.running and counts["chunks"]:
            # the index's own counts: they follow documents added while the worker runs
            st.progress(min(counts["embedded"] / counts["chunks"], 1.0),
                        text=f"Đang tạo vector: {counts['embedded']}/{counts['chunks']} đoạn")
        elif counts["chunks"] and counts["embedded"] < counts["chunks"]:
            st.caption("Tìm kiếm theo từ khóa; vector ngữ nghĩa sẽ được bổ sung.")
        if worker.error:
            st.error(worker.error)

    status()


def _settings(assistant: Assistant) -> None:
    with st.expander("Tùy chọn", expanded=False):
        st.session_state.setdefault("ref_date", reference_date(assistant))
        st.date_input("Ngày tham chiếu (hiệu lực văn bản, hạn nhiệm vụ)", key="ref_date", format="DD/MM/YYYY")
        if model_configured(assistant):
            st.session_state.setdefault("use_model", True)
            st.toggle("Dùng mô hình ngôn ngữ để trả lời", key="use_model",
                      help="Tắt để chỉ trích nguyên văn từ tài liệu.")

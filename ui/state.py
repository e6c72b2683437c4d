"""Objects shared by every session of this process (built once, `st.cache_resource`), and per-session choices.

Per-session state is Streamlit's session state and nothing else; sign-out clears it whole.
"""
from __future__ import annotations

import threading
from datetime import date

import streamlit as st

from assistant.build import Assistant, build_assistant
from assistant.config import Settings


class AppUnavailable(RuntimeError):
    """The core could not be built; the message is Vietnamese."""


def current_settings() -> Settings:
    """Settings as the environment gives them now (cheap; the key of the shared objects)."""
    return Settings()


@st.cache_resource(show_spinner="Đang mở kho tài liệu…")
def _assistant(settings_json: str) -> Assistant:
    assistant = build_assistant(Settings.model_validate_json(settings_json))
    start_embedding(assistant)
    start_warm_up(assistant)
    return assistant


def get_assistant() -> Assistant:
    """The process-wide assistant for the current settings; safe to share between sessions."""
    try:
        return _assistant(current_settings().model_dump_json())
    except Exception as exc:  # shown as a Vietnamese message by the caller
        raise AppUnavailable(f"Không mở được kho tài liệu: {exc}") from exc


def assistant_or_error() -> Assistant | None:
    """The shared assistant, or None after showing why it could not be opened (every page starts here)."""
    try:
        return get_assistant()
    except AppUnavailable as error:
        st.error(str(error))
        return None


def start_embedding(assistant: Assistant) -> None:
    """Vectors are added in the background unless TDKT_BACKGROUND_EMBEDDING=0 (tests, slow machines)."""
    if assistant.settings.background_embedding:
        assistant.embedder.start()


def start_warm_up(assistant: Assistant) -> None:
    """The first question does not wait for the models and data files (unless TDKT_WARM_UP=0: tests)."""
    if assistant.settings.warm_up:
        threading.Thread(target=assistant.warm_up, name="warm-up", daemon=True).start()


def model_configured(assistant: Assistant) -> bool:
    return assistant.settings.llm_provider != "none"


def reference_date(assistant: Assistant) -> date:
    """The day validity and deadline status are judged on: the sidebar's choice, else settings."""
    return st.session_state.get("ref_date") or assistant.settings.current_date()


def get_answerer(assistant: Assistant):
    """An answerer for this session's reference date and answering mode (shared by sessions that agree)."""
    return assistant.answerer(reference_date(assistant), st.session_state.get("use_model", True))


def clear_session() -> None:
    """Forget everything this session holds: chat, forms, results, uploads, choices."""
    for key in list(st.session_state.keys()):
        del st.session_state[key]

"""Objects shared by every session of this process (built once, `st.cache_resource`), and per-session choices."""
from __future__ import annotations

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


@st.cache_resource(show_spinner=False)
def _chat_model(settings_json: str):
    from assistant.llm import build_chat_model

    return build_chat_model(Settings.model_validate_json(settings_json))


def model_configured(assistant: Assistant) -> bool:
    return assistant.settings.llm_provider != "none"


def reference_date(assistant: Assistant) -> date:
    """The day validity and deadline status are judged on: the sidebar's choice, else settings."""
    return st.session_state.get("ref_date") or assistant.settings.current_date()


@st.cache_resource(show_spinner=False, max_entries=32)
def _answerer(settings_json: str, day: date, use_model: bool):
    from assistant.answering import Answerer

    assistant = _assistant(settings_json)
    settings = assistant.settings.model_copy(update={"today": day})
    model = _chat_model(settings_json) if use_model else None
    return Answerer(settings, assistant.searcher, assistant.catalogue, assistant.index, model)


def get_answerer(assistant: Assistant):
    """An answerer for this session's reference date and answering mode (shared by sessions that agree)."""
    use_model = model_configured(assistant) and st.session_state.get("use_model", True)
    return _answerer(assistant.settings.model_dump_json(), reference_date(assistant), use_model)

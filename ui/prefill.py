"""Pre-filling a page from its query parameters (links from the chat), once per distinct link."""
from __future__ import annotations

import streamlit as st

from assistant.intents import read_query_params


def take(page: str) -> dict:
    """This page's query parameters, decoded, the first time they are seen in this session; else {}."""
    raw = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    if not raw:
        return {}
    signature = repr(sorted(raw.items()))
    seen = st.session_state.setdefault("_prefill_seen", {})
    if seen.get(page) == signature:
        return {}
    seen[page] = signature
    return read_query_params(raw)

"""The app tests' helpers: an AppTest factory on a data folder, and readers of what a page shows.

The indexes they run on are fixtures in `conftest.py` (lexical only, no background embedding).
"""
from __future__ import annotations

from pathlib import Path

from tests.conftest import KNOWLEDGE, ROOT

APP = ROOT / "app.py"
TODAY = "2021-06-01"
DEV_QUESTION = "Khen thưởng tổng kết các chuyên đề thi đua của các đơn vị thuộc quận Hoàng Mai phải xong trước ngày nào?"


def app_env(monkeypatch, data_dir: Path) -> None:
    monkeypatch.setenv("TDKT_DATA_DIR", str(data_dir))
    monkeypatch.setenv("TDKT_KNOWLEDGE_DIR", str(KNOWLEDGE))
    monkeypatch.setenv("TDKT_LLM_PROVIDER", "none")
    monkeypatch.setenv("TDKT_TODAY", TODAY)
    monkeypatch.setenv("TDKT_BACKGROUND_EMBEDDING", "0")
    monkeypatch.setenv("TDKT_WARM_UP", "0")


def new_app(monkeypatch, data_dir: Path, page: str | None = None):
    """An AppTest of app.py on `data_dir`, run once (and switched to `page` when given)."""
    from streamlit.testing.v1 import AppTest

    app_env(monkeypatch, data_dir)
    at = AppTest.from_file(str(APP), default_timeout=90).run()
    assert not at.exception, [e.value for e in at.exception]
    if page:
        at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def app_opened_from_chat(monkeypatch, data_dir: Path, page: str, question: str):
    """`page` as the chat's link opens it: pre-filled from the tool request the question carries."""
    from streamlit.testing.v1 import AppTest

    from assistant.intents import detect

    app_env(monkeypatch, data_dir)
    at = AppTest.from_file(str(APP), default_timeout=90).run()
    at.switch_page(page)
    at.query_params.update(detect(question).query_params())
    return at.run()


def texts(at) -> str:
    """Every markdown, caption, alert and expander label of the page, joined."""
    parts = [e.value for kind in ("markdown", "caption", "error", "warning", "info", "success", "title", "subheader")
             for e in getattr(at, kind)]
    parts += [e.label for e in at.expander]
    return "\n".join(str(p) for p in parts)


def elements(at, kind: str) -> list:
    return list(at.get(kind))

"""Shared set-up of the app tests: small indexes in temporary data folders, and an AppTest factory.

Lexical indexes only (no vectors): fast, and the background embedder is off
(TDKT_BACKGROUND_EMBEDDING=0), so the tests do not compete for the CPU.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import KNOWLEDGE, ROOT

SEED_001 = KNOWLEDGE / "plans" / "001_f3c46f3a27ae00a1.txt"
LAW = KNOWLEDGE / "legal" / "luat-06-2022-QH15.txt"
APP = ROOT / "app.py"
TODAY = "2021-06-01"
DEV_QUESTION = "Khen thưởng tổng kết các chuyên đề thi đua của các đơn vị thuộc quận Hoàng Mai phải xong trước ngày nào?"


def build_index(data_dir: Path, files: list[Path]) -> Path:
    from assistant.build import build_assistant
    from assistant.config import Settings

    settings = Settings(data_dir=data_dir, knowledge_dir=KNOWLEDGE, llm_provider="none")
    results = build_assistant(settings).ingestor().ingest(files)
    assert all(r.status == "indexed" for r in results), [r.as_line() for r in results]
    return data_dir


@pytest.fixture(scope="session")
def plan_and_law_index(tmp_path_factory) -> Path:
    """Seed plan 001 and the Law on Emulation and Commendation, lexical only; shared, read-only."""
    return build_index(tmp_path_factory.mktemp("app-index") / "data", [SEED_001, LAW])


@pytest.fixture(scope="session")
def _plan_index_template(tmp_path_factory) -> Path:
    return build_index(tmp_path_factory.mktemp("app-plan") / "data", [SEED_001])


@pytest.fixture
def plan_index(_plan_index_template, tmp_path) -> Path:
    """A private copy of an index holding seed plan 001 (for tests that change the index)."""
    target = tmp_path / "data"
    shutil.copytree(_plan_index_template, target, ignore=shutil.ignore_patterns("*.lock"))
    return target


def app_env(monkeypatch, data_dir: Path) -> None:
    monkeypatch.setenv("TDKT_DATA_DIR", str(data_dir))
    monkeypatch.setenv("TDKT_KNOWLEDGE_DIR", str(KNOWLEDGE))
    monkeypatch.setenv("TDKT_LLM_PROVIDER", "none")
    monkeypatch.setenv("TDKT_TODAY", TODAY)
    monkeypatch.setenv("TDKT_BACKGROUND_EMBEDDING", "0")


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

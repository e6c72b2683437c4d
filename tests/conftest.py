"""Shared fixtures: an isolated Settings with a temporary data folder, real components."""
from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import shutil

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.config import Settings  # noqa: E402

KNOWLEDGE = ROOT / "knowledge"
SEEDS = sorted((KNOWLEDGE / "plans").glob("0*.txt"))
SEED_001 = KNOWLEDGE / "plans" / "001_f3c46f3a27ae00a1.txt"
LAW = KNOWLEDGE / "legal" / "luat-06-2022-QH15.txt"
OLD_LAW = KNOWLEDGE / "legal" / "luat-15-2003-QH11.txt"
DECREE = KNOWLEDGE / "legal" / "nd-152-2025-ND-CP.txt"
OLD_DECREE = KNOWLEDGE / "legal" / "nd-98-2023-ND-CP.txt"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings pointing at an empty data folder; the shipped catalogue is read from knowledge/."""
    return Settings(data_dir=tmp_path / "data", knowledge_dir=KNOWLEDGE, llm_provider="none")


def indexed_assistant(data_dir: Path, files: list[Path], today: date | None = None):
    """A real assistant (no model) over a fresh index of `files`, its clock set to `today` when given."""
    from assistant.build import build_assistant

    built = build_assistant(Settings(data_dir=data_dir, knowledge_dir=KNOWLEDGE, llm_provider="none", today=today))
    results = built.ingestor().ingest(files)
    assert all(r.status == "indexed" for r in results), [r.as_line() for r in results]
    return built


def build_index(data_dir: Path, files: list[Path]) -> Path:
    indexed_assistant(data_dir, files)
    return data_dir


def answered(built, question: str):
    """The assistant's answer, which must not be a refusal."""
    answer = built.answerer().answer(question)
    assert not answer.not_found, answer.text
    return answer


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


@pytest.fixture
def listening_on_the_network():
    """The app as if it listened beyond localhost, where sign-in is required."""
    from streamlit import config

    previous = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    yield
    config.set_option("server.address", previous)

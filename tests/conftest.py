"""Shared fixtures: an isolated Settings with a temporary data folder, real components."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.config import Settings  # noqa: E402

KNOWLEDGE = ROOT / "knowledge"
SEEDS = sorted((KNOWLEDGE / "plans").glob("0*.txt"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings pointing at an empty data folder; the shipped catalogue is read from knowledge/."""
    return Settings(data_dir=tmp_path / "data", knowledge_dir=KNOWLEDGE, llm_provider="none")

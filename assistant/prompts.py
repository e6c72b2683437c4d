"""Prompt texts live in `prompts/*.txt` (Vietnamese) and are loaded by name."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from assistant.config import PROJECT_ROOT


@lru_cache(maxsize=32)
def load_prompt(name: str, prompts_dir: Path = PROJECT_ROOT / "prompts") -> str:
    path = Path(prompts_dir) / f"{name}.txt"
    return path.read_text(encoding="utf-8").strip()

"""Reading the project's data files (YAML): one loader for every module.

PyYAML's C loader (libyaml) when the wheel has it: it reads the eligibility rules in about a tenth
of the pure-Python loader's time, which the first eligibility question of a process waited for.
"""
from __future__ import annotations

from pathlib import Path

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path | str):
    """The content of a UTF-8 YAML file, safe tags only."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER)

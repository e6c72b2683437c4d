"""`python -m assistant <command> …`.

Each tool module exposes `register(subparsers)`, which adds its sub-command and
sets `func(args) -> int` on it; this module only collects them.
"""
from __future__ import annotations

import argparse

from cli import ask, deadlines, drafting, eligibility, users

TOOL_MODULES = (ask, deadlines, eligibility, drafting, users)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="Trợ lý Thi đua – Khen thưởng")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")
    for module in TOOL_MODULES:
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)

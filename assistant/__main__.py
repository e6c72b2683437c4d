"""Command-line face of the assistant: `python -m assistant <command> …`.

Each tool module exposes `register(subparsers)`, which adds its sub-command and
sets `func(args) -> int` on it; this file only collects them.
"""
from __future__ import annotations

import argparse
import importlib
import sys

TOOL_MODULES = (
    "assistant.cli_ask",
    "assistant.deadlines.cli",
    "assistant.eligibility.cli",
    "assistant.drafting.cli",
    "assistant.cli_users",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="Trợ lý Thi đua – Khen thưởng")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")
    for name in TOOL_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue  # tool not built yet
            raise
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())

"""Read any plan (TXT, MD, DOCX, PDF) into the parser's header + structure tree.

Word layout tables (header, signature) are read as lines by the ingest loader.
"""
from __future__ import annotations

from pathlib import Path

from documents.load import load
from documents.parse import Node, ParsedDocument, parse


def load_plan(path: Path) -> ParsedDocument:
    return parse(load(Path(path)))


def walk(node: Node):
    yield node
    for child in node.children:
        yield from walk(child)


def table_rows(parsed: ParsedDocument) -> list[Node]:
    return [node for node in walk(parsed.root) if node.kind == "table_row"]


def plain_text(parsed: ParsedDocument) -> str:
    return parsed.root.full_text()

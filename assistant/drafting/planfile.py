"""Read any plan (TXT, MD, DOCX, PDF) into the parser's header + structure tree.

Word plans put the header (agency | Quốc hiệu, số | ngày) and the closing
(Nơi nhận | signature) in two-column layout tables; those cells are read as
separate lines here so that the parser sees them as an official would.
"""
from __future__ import annotations

from pathlib import Path

from ingest.load import Line, LoadedFile, _split_lines, file_sha256, load, sniff_format
from ingest.parse import Node, ParsedDocument, parse


def load_plan(path: Path) -> ParsedDocument:
    path = Path(path)
    if path.suffix.lower() == ".docx" and path.is_file() and sniff_format(path) == ".docx":
        return parse(_read_docx_layout(path))
    return parse(load(path))


def _read_docx_layout(path: Path) -> LoadedFile:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    lines: list[Line] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(_split_lines(Paragraph(block, document).text))
        elif tag == "tbl":
            lines.extend(_table_lines(Table(block, document)))
    return LoadedFile(path, file_sha256(path), lines)


def _table_lines(table) -> list[Line]:
    if len(table.columns) <= 2:  # layout table: each cell's paragraphs as lines, left column first
        lines: list[Line] = []
        for column in range(len(table.columns)):
            for row in table.rows:
                for paragraph in row.cells[column].paragraphs:
                    lines.extend(_split_lines(paragraph.text))
        return lines
    from ingest.load import _table_rows

    return _table_rows(table) + [Line("")]


def walk(node: Node):
    yield node
    for child in node.children:
        yield from walk(child)


def table_rows(parsed: ParsedDocument) -> list[Node]:
    return [node for node in walk(parsed.root) if node.kind == "table_row"]


def plain_text(parsed: ParsedDocument) -> str:
    return parsed.root.full_text()

"""Markdown / plain text of a draft, for copying into the chat or an editor.

The output is also what the checker reads back (through the project's parser),
so it keeps the plain-text conventions of the corpus: "Số: …", the place/date
line, "KẾ HOẠCH", Roman headings, pipe tables, "Nơi nhận:".
"""
from __future__ import annotations

from typing import Callable

from assistant.drafting.document import Block, PlanDraft, TableData


def _as_is(text: str) -> str:
    return text


def to_markdown(draft: PlanDraft, escape: Callable[[str], str] = _as_is) -> str:
    """The draft as Markdown; `escape` is applied to every piece of text (the app passes its
    Markdown escaping, so that nothing a user or a source document wrote is interpreted)."""
    e = escape
    if draft.section_only:
        return "\n\n".join(_section(s, e) for s in draft.sections).strip() + "\n"
    parts = [
        e(draft.superior_line),
        f"**{e(draft.agency_line)}**",
        "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
        "**Độc lập - Tự do - Hạnh phúc**",
        e(draft.number_line),
        f"*{e(draft.place_date)}*",
        f"**{e(draft.doc_type)}**",
        f"**{e(draft.title)}**",
        "\n\n".join(f"*{e(line)}*" for line in draft.bases),
        e(draft.intro),
        *(_section(s, e) for s in draft.sections),
        e(draft.closing),
        "***Nơi nhận:***\n" + "\n".join(e(line) for line in draft.recipients),
        _signature(draft, e),
    ]
    return "\n\n".join(part for part in parts if part).strip() + "\n"


def _signature(draft: PlanDraft, e: Callable[[str], str] = _as_is) -> str:
    lines = [draft.signer_authority, draft.signer_title]
    return "\n".join(f"**{e(line)}**" for line in lines if line) + f"\n\n\n**{e(draft.signer_name)}**"


def _section(section, e: Callable[[str], str] = _as_is) -> str:
    parts = [f"**{e(section.heading)}**"] + [block_markdown(block, e) for block in section.blocks]
    return "\n\n".join(parts)


def block_markdown(block: Block, e: Callable[[str], str] = _as_is) -> str:
    if block.kind == "table":
        return table_markdown(block.table, e)
    if block.kind == "h":
        return f"**{e(block.text)}**"
    if block.kind == "b":
        return f"- {e(block.text)}"
    return e(block.text)


def table_markdown(table: TableData, e: Callable[[str], str] = _as_is) -> str:
    width = len(table.columns)
    lines = ["| " + " | ".join(e(c) for c in table.columns) + " |", "|" + "---|" * width]
    for label, rows in table.groups:
        if label:
            lines.append("| " + " | ".join([e(label)] + [""] * (width - 1)) + " |")
        lines.extend("| " + " | ".join(e(cell.replace("|", "/")) for cell in row) + " |" for row in rows)
    return "\n".join(lines)

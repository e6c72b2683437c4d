"""Markdown / plain text of a draft, for copying into the chat or an editor.

The output is also what the checker reads back (through the project's parser),
so it keeps the plain-text conventions of the corpus: "Số: …", the place/date
line, "KẾ HOẠCH", Roman headings, pipe tables, "Nơi nhận:".
"""
from __future__ import annotations

from assistant.drafting.document import Block, PlanDraft, TableData


def to_markdown(draft: PlanDraft) -> str:
    if draft.section_only:
        return "\n\n".join(_section(s) for s in draft.sections).strip() + "\n"
    parts = [
        draft.superior_line,
        f"**{draft.agency_line}**",
        "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
        "**Độc lập - Tự do - Hạnh phúc**",
        draft.number_line,
        f"*{draft.place_date}*",
        f"**{draft.doc_type}**",
        f"**{draft.title}**",
        "\n\n".join(f"*{line}*" for line in draft.bases),
        draft.intro,
        *(_section(s) for s in draft.sections),
        draft.closing,
        "***Nơi nhận:***\n" + "\n".join(draft.recipients),
        _signature(draft),
    ]
    return "\n\n".join(part for part in parts if part).strip() + "\n"


def _signature(draft: PlanDraft) -> str:
    lines = [draft.signer_authority, draft.signer_title]
    return "\n".join(f"**{line}**" for line in lines if line) + f"\n\n\n**{draft.signer_name}**"


def _section(section) -> str:
    parts = [f"**{section.heading}**"] + [block_markdown(block) for block in section.blocks]
    return "\n\n".join(parts)


def block_markdown(block: Block) -> str:
    if block.kind == "table":
        return table_markdown(block.table)
    if block.kind == "h":
        return f"**{block.text}**"
    if block.kind == "b":
        return f"- {block.text}"
    return block.text


def table_markdown(table: TableData) -> str:
    width = len(table.columns)
    lines = ["| " + " | ".join(table.columns) + " |", "|" + "---|" * width]
    for label, rows in table.groups:
        if label:
            lines.append("| " + " | ".join([label] + [""] * (width - 1)) + " |")
        lines.extend("| " + " | ".join(cell.replace("|", "/") for cell in row) + " |" for row in rows)
    return "\n".join(lines)

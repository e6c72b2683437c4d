"""The drafted plan as structure: what the Word and Markdown exporters lay out."""
from __future__ import annotations

from dataclasses import dataclass, field

from assistant.drafting.form import PlanForm


@dataclass
class TableData:
    columns: list[str]
    groups: list[tuple[str, list[list[str]]]]  # (group label such as "Quý I" or "", rows of cells)

    def rows(self) -> list[list[str]]:
        return [row for _, rows in self.groups for row in rows]


@dataclass
class Block:
    kind: str  # "h" numbered sub-heading | "p" paragraph | "b" bullet | "table"
    text: str = ""
    table: TableData | None = None


@dataclass
class DraftSection:
    key: str
    heading: str  # "I. MỤC ĐÍCH, YÊU CẦU"
    blocks: list[Block] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks if block.text)


@dataclass
class PlanDraft:
    form: PlanForm
    superior_line: str
    agency_line: str
    number_line: str
    place_date: str
    doc_type: str
    title: str
    bases: list[str]
    intro: str
    sections: list[DraftSection]
    closing: str
    recipients: list[str]
    signer_authority: str
    signer_title: str
    signer_name: str
    notes: list[str] = field(default_factory=list)  # drafting notes, not part of the document
    mode: str = "template"  # "template" | "model"
    section_only: str | None = None

    def section(self, key: str) -> DraftSection | None:
        return next((s for s in self.sections if s.key == key), None)

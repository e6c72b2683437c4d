"""Drafting with a configured model: each prose section rewritten from the template skeleton,
the user's inputs, the legal bases in force and exemplar sections of real plans.

What the model may not touch: the header, the căn cứ (built from the catalogue),
the milestones table (built from the user's milestones), Nơi nhận and the
signature. In what it writes, a date or document number that is not in the
inputs is replaced by "……" and reported.
"""
from __future__ import annotations

import re

from langchain_core.messages import HumanMessage, SystemMessage

from assistant.config import Settings
from assistant.drafting.anatomy import anatomy, kind_spec
from assistant.drafting.document import Block, DraftSection, PlanDraft
from assistant.drafting.exemplars import Exemplar, find_exemplars
from assistant.drafting.form import PLACEHOLDER, PlanForm
from assistant.drafting.markdown_export import block_markdown
from assistant.prompts import load_prompt

MODEL_SECTIONS = ("muc_dich_yeu_cau", "noi_dung", "khen_thuong", "to_chuc_thuc_hien")
_SPECIFIC = re.compile(
    r"(?<![\d/])\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?(?![\d/])"  # 20/6/2020, 30/4
    r"|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?"  # ngày 15 tháng 01 năm 2026
    r"|(?<![\w/])\d{1,5}(?:/\d{4})?/[A-ZĐ][A-ZĐa-z]*(?:-[A-ZĐ][A-ZĐa-z]*)*"  # 05/KH-STP, 152/2025/NĐ-CP
)
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.\s+\S")
_BULLET = re.compile(r"^[-+•–]\s+")


def refine_with_model(plan: PlanDraft, model, settings: Settings, searcher=None) -> PlanDraft:
    form = plan.form
    allowed = _allowed_specifics(plan)
    system = load_prompt("drafting_system", settings.prompts_dir)
    used: list[str] = []
    for section in plan.sections:
        if section.key not in MODEL_SECTIONS:
            continue
        exemplars = find_exemplars(section.key, form.kind, f"{form.theme} {form.campaign}", searcher,
                                   settings.knowledge_dir / "plans")
        prompt = section_prompt(plan, section, exemplars, settings)
        reply = model.invoke([SystemMessage(system), HumanMessage(prompt)])
        blocks, removed = guard(parse_reply(_content(reply), section.heading), allowed)
        if blocks:
            section.blocks = blocks + [b for b in section.blocks if b.kind == "table"]
        plan.notes += [f"Mục {section.heading}: mô hình đưa ra “{item}” không có trong thông tin đã nhập, đã thay bằng “{PLACEHOLDER}”."
                       for item in removed]
        used += [e.source for e in exemplars if e.source not in used]
    plan.mode = "model"
    if used:
        plan.notes.append("Văn bản mẫu tham khảo: " + "; ".join(used) + ".")
    return plan


def section_prompt(plan: PlanDraft, section: DraftSection, exemplars: list[Exemplar], settings: Settings) -> str:
    template = load_prompt("drafting_section", settings.prompts_dir)
    skeleton = "\n".join(block_markdown(b) for b in section.blocks if b.kind != "table")
    shown = "\n\n".join(f"[{n}] {e.source} — {e.location}\n{e.text}" for n, e in enumerate(exemplars, 1))
    return template.format(
        heading=section.heading, kind_label=kind_spec(plan.form.kind)["label"].lower(),
        inputs=form_inputs(plan.form), bases="\n".join(plan.bases) or "(không có)",
        skeleton=skeleton, exemplars=shown or "(không có)",
    )


def form_inputs(form: PlanForm) -> str:
    data = form.to_dict()
    lines = []
    for name, label in anatomy()["prompt_fields"].items():
        value = data.get(name)
        if name == "units":
            value = "; ".join(f"{u['name']}: {u['role']}" if u["role"] else u["name"] for u in value)
        elif isinstance(value, list):
            value = "; ".join(value)
        lines.append(f"- {label}: {value if value not in (None, '') else 'chưa có'}")
    return "\n".join(lines)


def _content(reply) -> str:
    content = getattr(reply, "content", reply)
    if isinstance(content, list):
        content = "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
    return str(content)


def parse_reply(text: str, heading: str) -> list[Block]:
    """Lines of the model's answer as blocks; markdown marks and a repeated heading are dropped."""
    blocks = []
    for raw in text.splitlines():
        line = raw.strip().strip("*#").strip().replace("**", "")
        if not line or line.rstrip(":").upper() == heading.upper() or line.rstrip(":").upper() == heading.split(". ", 1)[-1]:
            continue
        if _BULLET.match(line):
            blocks.append(Block("b", _BULLET.sub("", line)))
        elif _NUMBERED.match(line) and len(line) < 160 and not line.endswith((".", ";")):
            blocks.append(Block("h", line))
        else:
            blocks.append(Block("p", line))
    return blocks


def _allowed_specifics(plan: PlanDraft) -> set[str]:
    from assistant.drafting.markdown_export import to_markdown

    sources = [to_markdown(plan), str(plan.form.to_dict())]
    return {_key(m.group(0)) for text in sources for m in _SPECIFIC.finditer(text)}


def _key(text: str) -> str:
    """One spelling per date or number: "ngày 05 tháng 3 năm 2026" and "5/03/2026" meet."""
    key = re.sub(r"\s+", "", text).lower().replace("ngày", "")
    key = re.sub(r"(\d+)tháng(\d+)(?:năm(\d+))?", lambda m: "/".join(g for g in m.groups() if g), key)
    return re.sub(r"(?<!\d)0+(?=\d)", "", key)


def guard(blocks: list[Block], allowed: set[str]) -> tuple[list[Block], list[str]]:
    removed: list[str] = []

    def replace(match: re.Match) -> str:
        if _key(match.group(0)) in allowed:
            return match.group(0)
        removed.append(match.group(0))
        return PLACEHOLDER

    return [Block(b.kind, _SPECIFIC.sub(replace, b.text), b.table) for b in blocks], removed

"""The tools inside the chat: a question that asks for the deadlines register, the eligibility
checker or the drafter is answered by that tool, in the tool's own words; the passages the
answerer found stay as its grounds.

- "Kế hoạch 01 giao cho Phòng Nội vụ những nhiệm vụ gì?" → the register's rows for that unit,
  the ones it leads (chủ trì, thực hiện) apart from the ones it only cooperates on (phối hợp);
- "Tôi … năm 2024 đạt LĐTT … có được xét CSTĐCS không?" → the checker's verdict;
- "Soạn giúp mục Mục đích, yêu cầu …" → a draft from what the question gives.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from assistant.deadlines.units import unit_matches
from assistant.drafting import PlanForm
from assistant.intents import asks_a_units_tasks, detect
from documents.text import format_vn_date

MAX_LISTED = 8


@dataclass
class ToolReply:
    tool: str  # deadlines | eligibility | drafting
    text: str  # the tool's answer ("" when it only offers its page)
    params: dict  # the filter or form the tool page opens with
    records: list = field(default_factory=list)  # register rows under the answer, same filter as the text
    draft: object = None  # the PlanDraft of a drafting request


def register_filter(params: dict, today: date) -> dict:
    """The register query of the filter parameters a chat question or the form gives."""
    def day(value):
        return date.fromisoformat(value) if isinstance(value, str) and value else value or None

    return dict(date_from=day(params.get("date_from")), date_to=day(params.get("date_to")),
                unit=params.get("unit") or None, doc=params.get("doc") or None, status=params.get("status") or None,
                today=today, include_undated=params.get("include_undated"), overlap=bool(params.get("overlap")))


class ChatTools:
    def __init__(self, deadlines, drafter):
        self.deadlines = deadlines
        self.drafter = drafter

    def reply(self, question: str, today: date) -> ToolReply | None:
        intent = detect(question, today)
        if intent is None:
            return None
        if intent.tool == "deadlines":
            return self._deadlines(intent.params, today, asks_a_units_tasks(question))
        if intent.tool == "drafting":
            return self._drafting(intent.params, today)
        return ToolReply(intent.tool, intent.reply, intent.params)

    def _deadlines(self, params: dict, today: date, lists_the_tasks: bool) -> ToolReply:
        records = self.deadlines.query(**register_filter(params, today)) if self.deadlines is not None else []
        text = unit_tasks_text(params["unit"], records) if lists_the_tasks and params.get("unit") and records else ""
        return ToolReply("deadlines", text, params, records)

    def _drafting(self, params: dict, today: date) -> ToolReply:
        form = {key: value for key, value in params.items() if key != "section"}
        try:
            plan = self.drafter.draft(PlanForm.from_dict(form), section=params.get("section") or None,
                                      use_model=False, day=today)
        except Exception:  # incomplete inputs: the page asks for them
            return ToolReply("drafting", "", params)
        what = f"mục “{plan.sections[0].heading}”" if plan.section_only and plan.sections else "kế hoạch"
        text = (f"Đã soạn dự thảo {what} từ thông tin trong câu hỏi; chỗ còn thiếu để “……”. "
                "Tải bản Word hoặc mở trang Soạn thảo kế hoạch để bổ sung.")
        return ToolReply("drafting", text, params, draft=plan)


def unit_tasks_text(unit: str, records: list) -> str:
    """What the register says a unit must do: chủ trì / thực hiện apart from phối hợp, with the count."""
    leads = [r for r in records if any(unit_matches(unit, u) for u in r.lead_units + r.units)]
    helps = [r for r in records if r not in leads and any(unit_matches(unit, u) for u in r.coop_units)]
    if not leads and not helps:
        return ""
    lines = [f"{unit}: {len(leads)} nhiệm vụ chủ trì hoặc thực hiện, {len(helps)} nhiệm vụ phối hợp (theo sổ hạn nhiệm vụ)."]
    for title, group in (("Chủ trì, thực hiện", leads), ("Phối hợp", helps)):
        if group:
            lines += ["", f"{title}:"]
            lines += [f"- {_task_line(r)}" for r in group[:MAX_LISTED]]
            if len(group) > MAX_LISTED:
                lines.append(f"- … và {len(group) - MAX_LISTED} nhiệm vụ khác trong sổ hạn.")
    return "\n".join(lines)


def _task_line(record) -> str:
    due = f" — hạn {format_vn_date(record.due_end)}" if record.due_end else (f" — {record.due_text}" if record.due_text else "")
    return f"{record.task}{due} ({record.doc_number or record.doc_id})"

"""Drafting emulation-and-commendation plans (issue 8).

    form = PlanForm.from_dict({...})              # the CLI's and the app's fields
    drafter = build_assistant().drafter
    plan = drafter.draft(form)                    # template, or model + exemplars when configured
    write_docx(plan, "plan.docx"); to_markdown(plan)
    warnings = drafter.check(plan)                # or drafter.check_file(path)
"""
from assistant.drafting.checks import PlanWarning, check_draft, check_parsed, check_plan_file
from assistant.drafting.compose import draft_plan
from assistant.drafting.docx_export import write_docx
from assistant.drafting.document import Block, DraftSection, PlanDraft, TableData
from assistant.drafting.drafter import Drafter
from assistant.drafting.form import KINDS, SECTION_KEYS, DraftingInputError, Milestone, PlanForm, UnitRole
from assistant.drafting.legal_basis import LegalBasis, bases_in_force
from assistant.drafting.markdown_export import to_markdown
from assistant.drafting.milestones import milestone_table, seed_from_plan

__all__ = [
    "PlanForm", "Milestone", "UnitRole", "DraftingInputError", "KINDS", "SECTION_KEYS",
    "PlanDraft", "DraftSection", "Block", "TableData", "Drafter", "draft_plan", "write_docx", "to_markdown",
    "check_draft", "check_parsed", "check_plan_file", "PlanWarning", "bases_in_force", "LegalBasis",
    "milestone_table", "seed_from_plan",
]

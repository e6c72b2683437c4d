"""The drafting service: the template draft, refined by the configured model when there is one."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from assistant.catalogue import Catalogue
from assistant.config import Settings
from assistant.drafting.checks import PlanWarning, check_draft, check_plan_file
from assistant.drafting.compose import draft_plan
from assistant.drafting.document import PlanDraft
from assistant.drafting.form import PlanForm
from assistant.llm import model_label


class Drafter:
    """Built once by the composition root; `searcher` finds exemplar sections for the model."""

    def __init__(self, settings: Settings, catalogue: Catalogue, searcher=None,
                 chat_model: Callable[[], object] | None = None):
        self.settings = settings
        self.catalogue = catalogue
        self.searcher = searcher
        self.chat_model = chat_model or (lambda: None)

    def draft(self, form: PlanForm, section: str | None = None, use_model: bool = True,
              chat_model=None, day: date | None = None) -> PlanDraft:
        """Without a model (none configured, or use_model=False) the template draft is returned
        as is; if the model cannot be reached, the template draft with a note saying so."""
        day = day or self.settings.current_date()
        plan = draft_plan(form, self.catalogue, day, section)
        model = chat_model if chat_model is not None else (self.chat_model() if use_model else None)
        if model is None:
            return plan
        from assistant.drafting.model import refine_with_model

        try:
            return refine_with_model(plan, model, self.settings, self.searcher)
        except Exception as exc:  # network errors, server errors: the template draft still serves
            fallback = draft_plan(form, self.catalogue, day, section)
            fallback.notes.append(f"Không gọi được mô hình ({model_label(self.settings)}): {type(exc).__name__}. "
                                  "Bản dự thảo được soạn theo mẫu chuẩn.")
            return fallback

    def check(self, plan: PlanDraft, day: date | None = None) -> list[PlanWarning]:
        return check_draft(plan, self.catalogue, day or self.settings.current_date())

    def check_file(self, path: Path, kind: str | None = None, day: date | None = None) -> list[PlanWarning]:
        return check_plan_file(Path(path), self.catalogue, day or self.settings.current_date(), kind=kind)

"""Drafting entry point: the template draft, refined by the configured model when there is one."""
from __future__ import annotations

from assistant.catalogue import Catalogue
from assistant.config import Settings
from assistant.drafting.compose import draft_plan
from assistant.drafting.document import PlanDraft
from assistant.drafting.form import PlanForm
from assistant.llm import build_chat_model, model_label


def draft(form: PlanForm, app=None, *, settings: Settings | None = None, section: str | None = None,
          chat_model=None, use_model: bool = True) -> PlanDraft:
    """`app`: the built `Assistant` (its catalogue and searcher are used); or just `settings`.

    Without a model (llm_provider "none", or use_model=False) the template draft is
    returned as is; if the model cannot be reached, the template draft is returned
    with a note saying so.
    """
    settings = app.settings if app is not None else (settings or Settings())
    catalogue = app.catalogue if app is not None else Catalogue(settings.user_catalogue, shipped=settings.shipped_catalogue)
    plan = draft_plan(form, catalogue, settings.current_date(), section)
    model = chat_model if chat_model is not None else (build_chat_model(settings) if use_model else None)
    if model is None:
        return plan
    from assistant.drafting.model import refine_with_model

    try:
        return refine_with_model(plan, model, settings, app)
    except Exception as exc:  # network errors, server errors: the template draft still serves
        fallback = draft_plan(form, catalogue, settings.current_date(), section)
        fallback.notes.append(f"Không gọi được mô hình ({model_label(settings)}): {type(exc).__name__}. "
                              "Bản dự thảo được soạn theo mẫu chuẩn.")
        return fallback

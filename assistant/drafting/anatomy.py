"""The plan anatomy (data/anatomy.yaml) and the filling of its templates from a form."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from assistant.drafting.form import PLACEHOLDER, PlanForm, format_short_date
from documents.datafile import read_yaml

DATA_DIR = Path(__file__).parent / "data"


@lru_cache(maxsize=4)
def load_yaml(name: str) -> dict:
    return read_yaml(DATA_DIR / name)


def anatomy() -> dict:
    return load_yaml("anatomy.yaml")


def kind_spec(kind: str) -> dict:
    return anatomy()["kinds"][kind]


def section_spec(key: str) -> dict:
    return anatomy()["sections"][key]


def section_keys(kind: str) -> list[str]:
    return list(kind_spec(kind)["sections"])


def section_heading(key: str, kind: str) -> str:
    spec = section_spec(key)
    return spec.get("headings", {}).get(kind, spec["heading"])


def section_body(key: str, kind: str) -> list[dict]:
    body = section_spec(key)["body"]
    return body.get(kind, body["default"])


def by_kind(table: dict, kind: str):
    return table.get(kind, table["default"])


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return PLACEHOLDER


def fill(template: str, values: dict) -> str:
    return template.format_map(_Values(values))


def campaign_core(campaign: str) -> str:
    """"đợt thi đua cao điểm chào mừng …" → "cao điểm chào mừng …" (the title adds "đợt thi đua")."""
    text = campaign.strip()
    for prefix in ("phát động đợt thi đua", "đợt thi đua", "đợt"):
        if text.lower().startswith(prefix):
            return text[len(prefix):].strip()
    return text


def occasion(form: PlanForm) -> str:
    if form.occasion:
        return form.occasion
    core = campaign_core(form.campaign)
    lowered = core.lower()
    for cue in ("chào mừng", "kỷ niệm", "hướng tới"):
        if cue in lowered:
            start = lowered.index(cue) + (len(cue) if cue == "chào mừng" else 0)
            return core[start:].strip()
    return core


def template_values(form: PlanForm) -> dict:
    """Every name a template may use; a missing value is simply absent (→ "……")."""
    values = {
        "agency": form.agency, "superior": form.superior, "place": form.place,
        "year": str(form.plan_year) if form.plan_year else "",
        "campaign": campaign_core(form.campaign), "campaign_occasion": occasion(form),
        "theme": form.theme, "standing_unit": form.standing_unit, "block_name": form.block_name,
        "block_leader": form.block_leader, "block_deputy": form.block_deputy,
        "archive_unit": form.archive_unit,
        "events": "; ".join(form.events), "awards": "; ".join(form.awards),
        "date_from": format_short_date(form.date_from) if form.date_from else "",
        "date_to": format_short_date(form.date_to) if form.date_to else "",
    }
    return {key: value for key, value in values.items() if value}


def plan_title(form: PlanForm) -> str:
    return form.title or fill(kind_spec(form.kind)["title"], template_values(form))

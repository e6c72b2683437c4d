"""Rule files (one YAML per legal text) and their composition into a rule set.

A rule set for a consideration date = every law/decree/circular layer whose period
covers the date, plus the agency regulations asked for (if in force on that date).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from documents.datafile import read_yaml
from documents.text import format_vn_date as vn_date

from .vocab import RULES_DIR

LAYER_ORDER = {"law": 0, "decree": 1, "circular": 2, "agency": 3}


@dataclass(frozen=True)
class Layer:
    id: str
    kind: str
    label: str
    cite_prefix: str
    source: str
    applies_from: dt.date
    applies_to: dt.date | None
    data: dict = field(compare=False, repr=False)

    def covers(self, day: dt.date) -> bool:
        return self.applies_from <= day and (self.applies_to is None or day <= self.applies_to)

    def period_text(self) -> str:
        end = f" đến {vn_date(self.applies_to)}" if self.applies_to else ""
        return f"từ {vn_date(self.applies_from)}{end}"

    def citation(self, cite: dict) -> str:
        parts = [self.cite_prefix, f"Điều {cite['dieu']}"]
        if cite.get("khoan") is not None:
            parts.append(f"khoản {cite['khoan']}")
        if cite.get("diem"):
            parts.append(f"điểm {cite['diem']}")
        return ", ".join(parts)

    def award_conditions(self, award: str, kind: str) -> list[dict]:
        return ((self.data.get("awards") or {}).get(award) or {}).get(kind, {}).get("conditions", [])


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@lru_cache(maxsize=None)
def all_layers() -> tuple[Layer, ...]:
    layers = []
    for path in sorted(RULES_DIR.glob("*.yaml")):
        if path.name == "vocabulary.yaml":
            continue
        data = read_yaml(path)
        layers.append(Layer(
            id=data["id"], kind=data["layer"], label=data["label"], cite_prefix=data["cite_prefix"],
            source=data["source"], applies_from=_date(data["applies_from"]),
            applies_to=_date(data.get("applies_to")), data=data,
        ))
    return tuple(sorted(layers, key=lambda l: (LAYER_ORDER[l.kind], l.id)))


def agency_ids() -> list[str]:
    return [l.id for l in all_layers() if l.kind == "agency"]


def _sentence(text: str) -> str:
    text = " ".join(str(text).split())
    return text if text.endswith((".", "!", "?")) else text + "."


@dataclass
class RuleSet:
    layers: list[Layer]
    notes: list[str]

    def describe(self) -> str:
        return " + ".join(f"{l.label} ({l.period_text()})" for l in self.layers)

    def principle(self, name: str) -> tuple[Layer, dict] | None:
        for layer in self.layers:
            value = (layer.data.get("principles") or {}).get(name)
            if value:
                return layer, value
        return None

    def conditions(self, award: str, kind: str) -> list[tuple[Layer, dict]]:
        """Award conditions of every layer, then the general conditions of the decree."""
        out = [(l, c) for l in self.layers if l.kind != "agency" for c in l.award_conditions(award, kind)]
        out += [(l, c) for l in self.layers for c in (l.data.get("general") or [])]
        out += [(l, c) for l in self.layers if l.kind == "agency" for c in l.award_conditions(award, kind)]
        return out


def select(as_of: dt.date, regulations: list[str] | tuple[str, ...] = ()) -> RuleSet:
    """Rule set in force on `as_of` (caller checks the supported start date)."""
    layers = [l for l in all_layers() if l.kind != "agency" and l.covers(as_of)]
    notes = []
    by_id = {l.id: l for l in all_layers() if l.kind == "agency"}
    for reg in regulations:
        layer = by_id[reg]
        if layer.covers(as_of):
            layers.append(layer)
        else:
            notes.append(f"Không áp dụng {layer.label}: ngày xét {vn_date(as_of)} ngoài thời gian hiệu lực ({layer.period_text()}).")
    for layer in layers:
        if layer.data.get("not_encoded"):
            notes.append(f"Chưa kiểm tra tự động theo {layer.label}: " + " ".join(_sentence(item) for item in layer.data["not_encoded"]))
    return RuleSet(layers=layers, notes=notes)

"""One task of a plan, with who does it and by when."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from assistant.deadlines.dates import FoundDate

# Flags shown to the user beside a record (Vietnamese, as displayed).
FLAG_UNDATED = "không có ngày cụ thể"
FLAG_RECURRING = "lặp lại hằng năm (đã quy về năm của văn bản)"
FLAG_RELATIVE = "thời hạn tính theo số ngày, không có ngày cụ thể"


@dataclass
class DeadlineRecord:
    doc_id: str
    source: str  # file path as indexed
    doc_number: str  # "01/KH-HĐTĐKT"
    doc_title: str
    task: str
    lead_units: list[str] = field(default_factory=list)  # chủ trì / chỉ đạo
    units: list[str] = field(default_factory=list)  # tham mưu / thực hiện
    coop_units: list[str] = field(default_factory=list)  # phối hợp
    due_text: str = ""  # the wording of the time limit, as written
    due_start: str | None = None  # ISO; first day of the period
    due_end: str | None = None  # ISO; last day by which the task is due
    undated: bool = True
    flags: list[str] = field(default_factory=list)
    location: str = ""  # "PHỤ LỤC › Quý II › mục 16"
    quote: str = ""  # the document's own words
    kind: str = "table"  # table | prose
    page: int | None = None
    order: int = 0  # position in the document

    @property
    def record_id(self) -> str:
        return f"{self.doc_id}#{self.order:04d}"

    @property
    def all_units(self) -> list[str]:
        return self.lead_units + self.units + self.coop_units

    @property
    def due_end_date(self) -> date | None:
        return date.fromisoformat(self.due_end) if self.due_end else None

    @property
    def due_start_date(self) -> date | None:
        return date.fromisoformat(self.due_start) if self.due_start else None

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "DeadlineRecord":
        known = {name for name in cls.__dataclass_fields__}
        return cls(**{key: value for key, value in data.items() if key in known})


def date_flags(found: FoundDate | None, plan_year: int | None, issued: date | None, context: str) -> list[str]:
    """What the user should double-check about a due date, in Vietnamese."""
    from assistant.deadlines.dates import period_words
    from documents.text import fold_accents

    flags: list[str] = []
    if found is None or found.end is None:
        return flags
    if found.explicit_year and plan_year and found.explicit_year < plan_year:
        flags.append(f"năm ghi trong thời hạn ({found.explicit_year}) sớm hơn năm của kế hoạch ({plan_year}) — cần kiểm tra lại")
    elif issued and found.end < issued:
        flags.append(f"thời hạn ({found.end:%d/%m/%Y}) trước ngày ban hành văn bản ({issued:%d/%m/%Y})")
    folded = fold_accents(context)
    if found.explicit_year is None and any(fold_accents(word) in folded for word in period_words()["recurring"]):
        flags.append(FLAG_RECURRING)
    return flags

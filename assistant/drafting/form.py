"""The drafting form: one typed object shared by the CLI, the app and the drafter.

Nothing here is invented: a field the user leaves empty stays empty, and the
templates show it as the placeholder "……".
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from datetime import date

from documents.text import normalize

PLACEHOLDER = "……"
KINDS = ("annual", "campaign", "block")
SECTION_KEYS = ("muc_dich_yeu_cau", "noi_dung", "tien_do", "khen_thuong", "to_chuc_thuc_hien")
QUARTERS = ("I", "II", "III", "IV")

# Vietnamese name of each field, as error messages and the app form show it.
FIELD_LABELS = {
    "kind": "loại kế hoạch (--kind)", "agency": "cơ quan ban hành (--agency)", "superior": "cơ quan chủ quản (--superior)",
    "number": "số, ký hiệu (--number)", "place": "địa danh (--place)", "date": "ngày ban hành (--date)",
    "year": "năm (--year)", "campaign": "tên đợt thi đua (--campaign)", "date_from": "ngày bắt đầu (--from)",
    "date_to": "ngày kết thúc (--to)", "section": "phần cần soạn (--section)", "milestones": "tiến độ (milestones)",
    "units": "đơn vị và nhiệm vụ (units)", "events": "sự kiện chính (events)", "bases": "căn cứ bổ sung (bases)",
    "recipients": "nơi nhận (recipients)", "awards": "hình thức khen thưởng (awards)",
}


class DraftingInputError(ValueError):
    """Bad form input; the message is Vietnamese and names the field."""


@dataclass
class Milestone:
    task: str
    lead: str = ""  # đơn vị chủ trì
    partners: str = ""  # đơn vị phối hợp
    due: str = ""  # thời gian hoàn thành, as the user wrote it or an ISO date
    quarter: str = ""  # "I".."IV"; derived from `due` when empty

    def due_date(self) -> date | None:
        return find_first_date(self.due)

    def group(self) -> str:
        if self.quarter:
            return self.quarter
        day = self.due_date()
        return QUARTERS[(day.month - 1) // 3] if day else ""


@dataclass
class UnitRole:
    name: str
    role: str = ""


@dataclass
class PlanForm:
    kind: str = "annual"
    agency: str = ""
    superior: str = ""
    number: str = ""
    place: str = ""
    date: date | None = None
    year: int | None = None
    campaign: str = ""
    occasion: str = ""  # what the campaign celebrates; derived from `campaign` when empty
    date_from: date | None = None
    date_to: date | None = None
    title: str = ""  # trích yếu; derived from the kind when empty
    theme: str = ""  # chủ đề / khẩu hiệu thi đua
    events: list[str] = field(default_factory=list)
    units: list[UnitRole] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)  # extra căn cứ, e.g. the superior's plan
    awards: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    standing_unit: str = ""  # cơ quan thường trực / đơn vị tham mưu
    block_name: str = ""
    block_leader: str = ""
    block_deputy: str = ""
    signer_authority: str = ""  # quyền hạn ký: "TM.", "KT.", "Q.", "TL.", "TUQ." (or a full line "KT. GIÁM ĐỐC")
    signer_for: str = ""  # whom the prefix names: "GIÁM ĐỐC", "ỦY BAN NHÂN DÂN" (derived when empty)
    signer_title: str = ""  # "PHÓ GIÁM ĐỐC"
    signer_name: str = ""
    archive_unit: str = ""  # "Lưu: VT, <unit>."
    seed_from: str = ""  # previous year's plan to seed the milestones from

    # ------------------------------------------------------------ derived

    @property
    def plan_year(self) -> int | None:
        return self.year or (self.date.year if self.date else None) or (self.date_from.year if self.date_from else None)

    def validity_date(self, today: date) -> date:
        """The day the căn cứ must be in force on: the plan's date, else 1 January of its year, else today."""
        if self.date:
            return self.date
        return date(self.plan_year, 1, 1) if self.plan_year else today

    def period(self) -> tuple[date | None, date | None]:
        """The plan's period: the campaign's dates, or the calendar year."""
        if self.kind == "campaign":
            return self.date_from, self.date_to
        if self.plan_year:
            return date(self.plan_year, 1, 1), date(self.plan_year, 12, 31)
        return None, None

    # ------------------------------------------------------------ (de)serialise

    @classmethod
    def from_dict(cls, raw: dict) -> "PlanForm":
        if not isinstance(raw, dict):
            raise DraftingInputError("Biểu mẫu phải là một đối tượng JSON (các cặp trường: giá trị).")
        data = {_ALIASES.get(k, k): v for k, v in raw.items() if v not in (None, "")}
        unknown = sorted(set(data) - _FIELD_NAMES)
        if unknown:
            raise DraftingInputError("Biểu mẫu có trường không hợp lệ: " + ", ".join(unknown) + ".")
        form = cls()
        for name, value in data.items():
            setattr(form, name, _convert(name, value))
        form.validate()
        return form

    def to_dict(self) -> dict:
        out = asdict(self)
        for name in ("date", "date_from", "date_to"):
            out[name] = out[name].isoformat() if out[name] else ""
        return out

    def validate(self) -> None:
        if self.kind not in KINDS:
            raise DraftingInputError(f"Giá trị “{self.kind}” của {FIELD_LABELS['kind']} không hợp lệ; chọn một trong: annual (kế hoạch năm), campaign (đợt thi đua), block (khối, cụm thi đua).")
        if self.year is not None and not 1945 <= self.year <= 2100:
            raise DraftingInputError(f"{_cap(FIELD_LABELS['year'])} “{self.year}” không hợp lệ.")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise DraftingInputError(f"{_cap(FIELD_LABELS['date_from'])} phải trước {FIELD_LABELS['date_to']}.")
        for n, milestone in enumerate(self.milestones, 1):
            if not milestone.task.strip():
                raise DraftingInputError(f"Mốc tiến độ thứ {n} chưa có nội dung công việc (task).")
            if milestone.quarter and milestone.quarter not in QUARTERS:
                raise DraftingInputError(f"Mốc tiến độ thứ {n}: quý “{milestone.quarter}” không hợp lệ (I, II, III hoặc IV).")


_FIELD_NAMES = {f.name for f in fields(PlanForm)}
_ALIASES = {"from": "date_from", "to": "date_to", "loai": "kind"}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _convert(name: str, value):
    if name in ("date", "date_from", "date_to"):
        return parse_date(value, FIELD_LABELS[name])
    if name == "year":
        return parse_year(value)
    if name == "milestones":
        return [_milestone(item, n) for n, item in enumerate(_as_list(value, name), 1)]
    if name == "units":
        return [_unit(item, n) for n, item in enumerate(_as_list(value, name), 1)]
    if name in ("events", "bases", "awards", "recipients"):
        return [normalize(str(item)).strip() for item in _as_list(value, name) if str(item).strip()]
    if not isinstance(value, (str, int)):
        raise DraftingInputError(f"Trường “{name}” phải là một chuỗi.")
    return normalize(str(value)).strip()


def _as_list(value, name: str) -> list:
    if isinstance(value, str):
        return [part for part in re.split(r"\s*;\s*|\n", value) if part.strip()]
    if not isinstance(value, list):
        raise DraftingInputError(f"Trường {FIELD_LABELS.get(name, name)} phải là một danh sách.")
    return value


def _milestone(item, n: int) -> Milestone:
    if isinstance(item, Milestone):
        return item
    if not isinstance(item, dict):
        raise DraftingInputError(f"Mốc tiến độ thứ {n} phải là một đối tượng có các trường task, lead, partners, due, quarter.")
    aliases = {"noi_dung": "task", "chu_tri": "lead", "phoi_hop": "partners", "thoi_gian": "due", "quy": "quarter"}
    data = {aliases.get(k, k): normalize(str(v)).strip() for k, v in item.items() if v is not None}
    unknown = set(data) - {"task", "lead", "partners", "due", "quarter"}
    if unknown:
        raise DraftingInputError(f"Mốc tiến độ thứ {n} có trường không hợp lệ: {', '.join(sorted(unknown))}.")
    data["quarter"] = data.get("quarter", "").upper().removeprefix("QUÝ").strip()
    if data.get("due") and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", data["due"]):
        data["due"] = "Trước ngày " + format_short_date(parse_date(data["due"], f"thời gian của mốc tiến độ thứ {n}"))
    return Milestone(**{"task": "", **data})


def _unit(item, n: int) -> UnitRole:
    if isinstance(item, UnitRole):
        return item
    if isinstance(item, str):
        name, _, role = item.partition(":")
        return UnitRole(normalize(name).strip(), normalize(role).strip())
    if isinstance(item, dict) and item.get("name"):
        return UnitRole(normalize(str(item["name"])).strip(), normalize(str(item.get("role", ""))).strip())
    raise DraftingInputError(f"Đơn vị thứ {n} phải có tên (name) và nhiệm vụ (role).")


# ---------------------------------------------------------------- dates

_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


def parse_date(value, label: str = "ngày") -> date:
    """ISO (2026-01-15) or Vietnamese (15/01/2026); anything else is a clear error."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    iso, dmy = _ISO.fullmatch(text), _DMY.fullmatch(text)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dmy:
            return date(int(dmy[3]), int(dmy[2]), int(dmy[1]))
    except ValueError:
        pass
    raise DraftingInputError(f"{_cap(label)}: “{text}” không phải ngày hợp lệ (viết 2026-01-15 hoặc 15/01/2026).")


def parse_year(value) -> int:
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}", text):
        raise DraftingInputError(f"{_cap(FIELD_LABELS['year'])}: “{text}” không phải năm hợp lệ (ví dụ 2026).")
    return int(text)


def find_first_date(text: str) -> date | None:
    for pattern, order in ((_DMY, (3, 2, 1)), (_ISO, (1, 2, 3))):
        match = pattern.search(text or "")
        if match:
            try:
                return date(*(int(match[i]) for i in order))
            except ValueError:
                return None
    return None


def format_short_date(day: date) -> str:
    """15/01/2026 — day and months 1–2 with a leading zero, as plans write them."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def format_long_date(place: str, day: date | None, year: int | None) -> str:
    """“Lạng Sơn, ngày 15 tháng 01 năm 2026” (Nghị định 30/2020: ngày < 10 và tháng 1, 2 có số 0)."""
    place = place or PLACEHOLDER
    if day is None:
        return f"{place}, ngày {PLACEHOLDER} tháng {PLACEHOLDER} năm {year or PLACEHOLDER}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"

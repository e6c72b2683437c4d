"""Validation and normalisation of a nominee profile (the JSON format of issue 6).

Absent or null fields stay `None` (unknown); an empty list is a known "none".
Every problem is reported in Vietnamese with the path of the field at fault.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from . import labels
from .vocab import award_label, nfc, rating_rank, scope_rank, vocabulary

COLLECTIVE_COUNTS = (
    "members_total", "members_completed", "members_lao_dong_tien_tien",
    "members_chien_si_thi_dua_co_so", "members_disciplined_canh_cao_or_higher",
)
TRUE_WORDS = {"true", "1", "x", "có", "co", "yes", "đúng"}
FALSE_WORDS = {"false", "0", "không", "khong", "no", "sai"}


class EligibilityInputError(ValueError):
    """Bad input; `problems` is a list of (field, Vietnamese message)."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(f"Trường “{f}”: {m}" for f, m in problems))


@dataclass
class Record:
    year: int
    rating: str | None = None
    months_worked: float | None = None
    leave: list[dict] | None = None
    discipline: list[str] | None = None
    titles: list[str] | None = None
    awards: list[str] | None = None
    initiatives: list[dict] | None = None
    counts: dict[str, int | None] = field(default_factory=dict)
    leads_block: bool | None = None


@dataclass
class Profile:
    id: str
    award: str
    as_of: dt.date
    year: int
    kind: str
    name: str
    group: str | None
    records: dict[int, Record]
    claim: str | None = None
    founded_year: int | None = None
    regulations: list[str] = field(default_factory=list)
    position: str | None = None


class _Collector:
    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append((path, message))


def _code(value) -> str | None:
    if value is None:
        return None
    return nfc(str(value)).lower().replace(" ", "_") if not isinstance(value, bool) else None


def parse_date(value) -> dt.date:
    """Accept a date, an ISO date `YYYY-MM-DD` or `DD/MM/YYYY`; raise ValueError otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = nfc(str(value))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    raise ValueError(text)


def _int(value, path: str, out: _Collector, required: bool = False) -> int | None:
    if value is None or value == "":
        if required:
            out.add(path, "thiếu giá trị (bắt buộc)")
        return None
    if isinstance(value, bool):
        out.add(path, f"phải là số nguyên, không phải “{value}”")
        return None
    try:
        number = float(nfc(str(value)).replace(",", "."))
    except ValueError:
        out.add(path, f"phải là số nguyên, không phải “{value}”")
        return None
    if number != int(number) or number < 0:
        out.add(path, f"phải là số nguyên không âm, không phải “{value}”")
        return None
    return int(number)


def _number(value, path: str, out: _Collector) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(nfc(str(value)).replace(",", "."))
    except ValueError:
        out.add(path, f"phải là số, không phải “{value}”")
        return None
    if number < 0:
        out.add(path, f"không được âm (“{value}”)")
        return None
    return number


def _bool(value, path: str, out: _Collector) -> bool | None:
    if value is None or value == "" or isinstance(value, bool):
        return None if value == "" else value
    text = nfc(str(value)).lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    out.add(path, f"phải là true/false (có/không), không phải “{value}”")
    return None


def _rating(value, path: str, out: _Collector) -> str | None:
    if value is None or value == "":
        return None
    code = labels.resolve("ratings", value)
    if code not in rating_rank():
        out.add(path, f"mức xếp loại “{value}” không có trong danh sách ({labels.accepted_text('ratings')})")
        return None
    return code


LIST_KINDS = {"titles": ("awards", "danh hiệu thi đua"), "awards": ("awards", "hình thức khen thưởng"),
              "discipline": ("disciplines", "hình thức kỷ luật")}


def _codes(value, path: str, out: _Collector, kind: str = "awards", what: str = "danh hiệu") -> list[str] | None:
    """A list of titles, awards or disciplines written as codes, official names or abbreviations."""
    if value is None:
        return None
    if isinstance(value, str):
        value = labels.split_values(value, kind)
    if not isinstance(value, list):
        out.add(path, "phải là một danh sách")
        return None
    codes = []
    for item in value:
        if item is None or str(item).strip() == "":
            continue
        code = labels.resolve(kind, item)
        if code is None:
            out.add(path, f"{what} “{nfc(str(item))}” không có trong danh mục; dùng một trong: {labels.accepted_text(kind)}")
            continue
        codes.append(code)
    return codes


def _leave(value, path: str, out: _Collector) -> list[dict] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        out.add(path, "phải là danh sách {kind, months}")
        return None
    items = []
    for i, item in enumerate(value):
        if not isinstance(item, dict) or not item.get("kind"):
            out.add(f"{path}[{i}]", "mỗi khoảng nghỉ cần “kind” và “months”")
            continue
        months = _number(item.get("months"), f"{path}[{i}].months", out)
        items.append({"kind": labels.resolve("leave_kinds", item["kind"]) or _code(item["kind"]), "months": months})
    return items


def _initiatives(value, path: str, year: int | None, out: _Collector) -> list[dict] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        out.add(path, "phải là danh sách {scope, year}")
        return None
    items = []
    for i, item in enumerate(value):
        raw_scope = item.get("scope") if isinstance(item, dict) else None
        scope = labels.resolve("scopes", raw_scope) or _code(raw_scope)
        if scope not in scope_rank():
            allowed = ", ".join(scope_rank())
            out.add(f"{path}[{i}].scope", f"phạm vi “{scope}” không hợp lệ ({allowed})")
            continue
        item_year = _int(item.get("year"), f"{path}[{i}].year", out)
        items.append({"scope": scope, "year": item_year if item_year is not None else year})
    return items


def _record(raw, path: str, out: _Collector) -> Record | None:
    if not isinstance(raw, dict):
        out.add(path, "mỗi bản ghi năm phải là một đối tượng JSON")
        return None
    year = _int(raw.get("year"), f"{path}.year", out, required=True)
    if year is None:
        return None
    return Record(
        year=year,
        rating=_rating(raw.get("rating"), f"{path}.rating", out),
        months_worked=_number(raw.get("months_worked"), f"{path}.months_worked", out),
        leave=_leave(raw.get("leave"), f"{path}.leave", out),
        **{key: _codes(raw.get(key), f"{path}.{key}", out, *LIST_KINDS[key]) for key in LIST_KINDS},
        initiatives=_initiatives(raw.get("initiatives"), f"{path}.initiatives", year, out),
        counts={k: _int(raw.get(k), f"{path}.{k}", out) for k in COLLECTIVE_COUNTS},
        leads_block=_bool(raw.get("leads_block"), f"{path}.leads_block", out),
    )


def _check_counts(record: Record, path: str, out: _Collector) -> None:
    total = record.counts.get("members_total")
    if total is None:
        return
    for key, value in record.counts.items():
        if key != "members_total" and value is not None and value > total:
            out.add(f"{path}.{key}", f"{value} lớn hơn tổng số cá nhân của tập thể ({total})")


def _records(raw, out: _Collector) -> dict[int, Record]:
    if raw is None:
        return {}
    if not isinstance(raw, list):
        out.add("nominee.records", "phải là danh sách bản ghi theo năm")
        return {}
    records: dict[int, Record] = {}
    for i, item in enumerate(raw):
        path = f"nominee.records[{i}]"
        record = _record(item, path, out)
        if record is None:
            continue
        if record.year in records:
            out.add(f"{path}.year", f"năm {record.year} được khai báo hai lần")
            continue
        _check_counts(record, path, out)
        records[record.year] = record
    return records


def _award(raw: dict, kind: str | None, out: _Collector) -> str | None:
    award = labels.resolve("awards", raw.get("award")) or _code(raw.get("award"))
    awards = vocabulary()["awards"]
    if not award:
        out.add("award", "thiếu danh hiệu / hình thức khen thưởng đề nghị")
        return None
    if award not in awards:
        out.add("award", f"“{raw.get('award')}” không có trong danh mục; dùng một trong: "
                         f"{'; '.join(labels.choices('awards', list(awards)))}")
        return None
    if kind and kind not in awards[award]["kinds"]:
        who = vocabulary()["kinds"]
        allowed = " hoặc ".join(who[k] for k in awards[award]["kinds"])
        out.add("award", f"{award_label(award)} ({award}) chỉ xét cho {allowed}, "
                         f"nhưng nominee.kind là {who[kind]} ({kind})")
    return award


def _kind(nominee: dict, out: _Collector) -> str | None:
    kind = labels.resolve("kinds", nominee.get("kind")) or _code(nominee.get("kind"))
    if kind not in vocabulary()["kinds"]:
        out.add("nominee.kind", f"phải là “individual” (cá nhân) hoặc “collective” (tập thể), không phải “{nominee.get('kind')}”")
        return None
    return kind


def _group(nominee: dict, kind: str | None, out: _Collector) -> str | None:
    group = labels.resolve("groups", nominee.get("group")) or _code(nominee.get("group"))
    if group is None or kind != "individual":
        return None
    if group not in vocabulary()["groups"]:
        out.add("nominee.group", f"nhóm đối tượng “{nominee.get('group')}” không hợp lệ ({labels.accepted_text('groups')})")
        return None
    return group


def _regulations(raw: dict) -> list[str]:
    value = raw.get("regulation", raw.get("regulations"))
    if not value:
        return []
    if isinstance(value, str):
        value = re.split(r"[;,]", value)
    return [nfc(str(v)) for v in value if str(v).strip()]


def parse_profile(raw) -> Profile:
    """Validate a raw profile dict; raise EligibilityInputError listing every problem."""
    out = _Collector()
    if not isinstance(raw, dict):
        raise EligibilityInputError([("(hồ sơ)", "hồ sơ phải là một đối tượng JSON")])
    nominee = raw.get("nominee")
    if not isinstance(nominee, dict):
        out.add("nominee", "thiếu thông tin người/tập thể được đề nghị (nominee)")
        nominee = {}
    kind = _kind(nominee, out)
    award = _award(raw, kind, out)
    as_of = None
    if raw.get("as_of") in (None, ""):
        out.add("as_of", "thiếu ngày xét (as_of)")
    else:
        try:
            as_of = parse_date(raw["as_of"])
        except ValueError:
            out.add("as_of", f"ngày không hợp lệ “{raw['as_of']}” (dùng YYYY-MM-DD hoặc DD/MM/YYYY)")
    year = _int(raw.get("year"), "year", out, required=True)
    records = _records(nominee.get("records"), out)
    founded = _int(nominee.get("founded_year"), "nominee.founded_year", out)
    group = _group(nominee, kind, out)
    if out.problems:
        raise EligibilityInputError(out.problems)
    claim = nfc(str(raw["claim"])) if raw.get("claim") not in (None, "") else None
    return Profile(
        id=nfc(str(raw.get("id") or "")), award=award, as_of=as_of, year=year, kind=kind,
        name=nfc(str(nominee.get("name") or "")), group=group, records=records, claim=claim,
        founded_year=founded, regulations=_regulations(raw),
        position=nfc(str(nominee["position"])) if nominee.get("position") else None,
    )

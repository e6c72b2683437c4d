"""Condition tests: the vocabulary a rule's `test:` may use.

Every test takes its YAML spec, the evaluation context and a window of years
(`(start, end)`, inclusive) and returns (status, Vietnamese detail), status being
met / failed / unknown / to_confirm.
"""
from __future__ import annotations

from dataclasses import dataclass

from documents.text import decimal_text

from . import predicates
from .profile import Record
from .vocab import discipline_label, scope_label, scope_rank, title_label

MET, FAILED, UNKNOWN, CONFIRM = "met", "failed", "unknown", "to_confirm"


@dataclass
class Context:
    year: int
    records: dict[int, Record]
    group: str | None
    founded_year: int | None
    reset_year: int | None  # achievements up to this year do not count (discipline)
    maternity_counts: bool

    def pred(self, pred: dict, year: int):
        """Predicate on one year; years before the end of a discipline never count."""
        if self.reset_year is not None and year <= self.reset_year < self.year:
            return False, f"năm {year}: thành tích trước khi chấp hành xong kỷ luật (năm {self.reset_year}) không được tính"
        rec = self.records.get(year)
        if rec is None:
            return None, f"năm {year}: không có bản ghi"
        value, text = predicates.evaluate(pred, rec)
        return value, f"năm {year}: {text}"

    def applies(self, spec: dict) -> bool:
        groups = spec.get("groups")
        return not groups or (self.group in groups)


def combine_any(statuses: list[str]) -> str:
    for status in (MET, UNKNOWN, CONFIRM):
        if status in statuses:
            return status
    return FAILED


def combine_all(statuses: list[str]) -> str:
    for status in (FAILED, UNKNOWN, CONFIRM):
        if status in statuses:
            return status
    return MET


def _years(window) -> str:
    start, end = window
    return str(end) if start == end else f"{start}–{end}"


def t_judgement(spec, ctx, window):
    return CONFIRM, spec.get("reason") or "Cần Hội đồng Thi đua - Khen thưởng xem xét, xác nhận"


def t_in_year(spec, ctx, window):
    value, text = ctx.pred(spec["pred"], ctx.year)
    status = {True: MET, False: FAILED, None: UNKNOWN}[value]
    if status == FAILED:
        text += f" — yêu cầu {predicates.describe(spec['pred'])}"
    return status, text[0].upper() + text[1:]


def _run(spec, ctx) -> tuple[int, list[tuple[int, bool | None, str]]]:
    """Length of the run of True years ending at ctx.year, and per-year values."""
    values, run, broken = [], 0, False
    first = min(ctx.records, default=ctx.year)
    for year in range(ctx.year, min(first, ctx.year - spec["min"] + 1) - 1, -1):
        value, text = ctx.pred(spec["pred"], year)
        values.append((year, value, text))
        if value and not broken:
            run += 1
        else:
            broken = True
    return run, values


def _find_award(spec, ctx, latest: int):
    """Latest year <= latest in which `after_award` was conferred; (year|None, status)."""
    code, unknown = spec["after_award"], False
    for year in sorted((y for y in ctx.records if y <= latest), reverse=True):
        value, _ = predicates.evaluate({"has": code}, ctx.records[year])
        if value:
            return year, MET
        unknown = unknown or value is None
    if unknown or not any(y <= latest for y in ctx.records):
        return None, UNKNOWN
    return None, FAILED


def t_streak(spec, ctx, window):
    n, desc = spec["min"], predicates.describe(spec["pred"])
    run, values = _run(spec, ctx)
    if run < n:
        head = values[:n]
        missing = [str(y) for y, v, _ in head if v is False]
        unknown = [str(y) for y, v, _ in head if v is None]
        if missing:
            return FAILED, f"{desc} không liên tục {n:02d} năm đến {ctx.year}: thiếu năm {', '.join(sorted(missing))} ({'; '.join(t for _, v, t in head if v is False)})"
        return UNKNOWN, f"{desc}: thiếu thông tin năm {', '.join(sorted(unknown))}"
    start = ctx.year - (run if spec.get("window") == "full" else n) + 1
    detail = f"{desc} liên tục {_years((start, ctx.year))}"
    if spec.get("after_award"):
        award_year, status = _find_award(spec, ctx, ctx.year - n)
        label = title_label(spec["after_award"])
        if status != MET:
            text = "không thấy năm nào trong hồ sơ" if status == FAILED else "chưa xác định được năm"
            return status, f"{detail}; {text} được tặng {label} trước năm {ctx.year - n + 1}"
        start = max(start, award_year + 1)
        detail = f"được tặng {label} năm {award_year}; sau đó {desc} liên tục {_years((start, ctx.year))}"
    if not spec.get("within"):
        return MET, detail
    status, inner = run_test(spec["within"], ctx, (start, ctx.year))
    return status, f"{detail}; {inner}"


def t_count(spec, ctx, window):
    window = window or (ctx.year, ctx.year)
    hits, unknown = [], []
    for year in range(window[0], window[1] + 1):
        value, _ = ctx.pred(spec["pred"], year)
        if value:
            hits.append(year)
        elif value is None:
            unknown.append(year)
    desc, need = predicates.describe(spec["pred"]), spec["min"]
    found = f"{desc} trong {_years(window)}: {len(hits)} lần" + (f" ({', '.join(map(str, hits))})" if hits else "")
    if len(hits) >= need:
        return MET, found
    if len(hits) + len(unknown) >= need:
        return UNKNOWN, f"{found}, cần {need:02d}; thiếu thông tin năm {', '.join(map(str, unknown))}"
    return FAILED, f"{found}, cần {need:02d}"


def _conferral_years(ctx, title: str) -> tuple[list[int], bool]:
    years, unknown = [], False
    for year in sorted(y for y in ctx.records if y <= ctx.year):
        value, _ = ctx.pred({"has": title}, year)
        if value:
            years.append(year)
        unknown = unknown or value is None
    return years, unknown


def _initiative_window(spec, ctx, window):
    if window:
        return window
    rule = spec.get("window")
    if isinstance(rule, dict) and "years" in rule:
        return ctx.year - rule["years"] + 1, ctx.year
    if isinstance(rule, dict) and "from_conferral" in rule:
        conf = rule["from_conferral"]
        years, _ = _conferral_years(ctx, conf["title"])
        if len(years) >= conf["nth_last"]:
            return years[-conf["nth_last"]] - conf["chain_length"] + 1, ctx.year
        return min(ctx.records, default=ctx.year), ctx.year
    return ctx.year, ctx.year


def t_initiatives(spec, ctx, window):
    window = _initiative_window(spec, ctx, window)
    floor = scope_rank()[spec["scope"]]
    low = max(window[0], (ctx.reset_year + 1) if ctx.reset_year is not None else window[0])
    found = [
        i for rec in ctx.records.values() for i in (rec.initiatives or [])
        if scope_rank()[i["scope"]] >= floor and i["year"] is not None and low <= i["year"] <= window[1]
    ]
    need = spec["min"]
    text = f"sáng kiến/đề tài {scope_label(spec['scope'])} trở lên trong {_years(window)}: {len(found)}, cần {need:02d}"
    if len(found) >= need:
        return MET, text
    gaps = [y for y in range(low, window[1] + 1) if ctx.records.get(y) is None or ctx.records[y].initiatives is None]
    if gaps:
        return UNKNOWN, f"{text}; thiếu thông tin sáng kiến năm {', '.join(map(str, gaps))}"
    return FAILED, text[0].upper() + text[1:]


def t_consecutive_conferrals(spec, ctx, window):
    years, unknown = _conferral_years(ctx, spec["title"])
    label, need = title_label(spec["title"]), spec["min"]
    if len(years) < need:
        status = UNKNOWN if unknown else FAILED
        return status, f"{label}: {len(years)} lần ({', '.join(map(str, years)) or 'không có'}), cần {need:02d} lần liên tục"
    last = years[-need:]
    span = (last[0] - spec["chain_length"] + 1, last[-1])
    chain = [ctx.pred({"has": spec["chain_title"]}, y) + (y,) for y in range(span[0], span[1] + 1)]
    gaps = [str(y) for v, _, y in chain if v is False]
    holes = [str(y) for v, _, y in chain if v is None]
    head = f"{label} các năm {', '.join(map(str, last))}"
    if gaps:
        return FAILED, f"{head} không liên tục: năm {', '.join(gaps)} không đạt {title_label(spec['chain_title'])}"
    if holes:
        return UNKNOWN, f"{head}; thiếu thông tin {title_label(spec['chain_title'])} năm {', '.join(holes)}"
    return MET, f"{head}, liên tục (chuỗi {title_label(spec['chain_title'])} {_years(span)})"


def t_founded_years_at_least(spec, ctx, window):
    if ctx.founded_year is None:
        return UNKNOWN, "Chưa có năm thành lập (founded_year)"
    age = ctx.year - ctx.founded_year
    status = MET if age >= spec["years"] else FAILED
    return status, f"Thành lập năm {ctx.founded_year}: {age} năm đến {ctx.year}, cần từ {spec['years']} năm"


def t_no_discipline_in_year(spec, ctx, window):
    rec = ctx.records.get(ctx.year)
    if rec is None or rec.discipline is None:
        return UNKNOWN, f"Chưa có thông tin kỷ luật năm {ctx.year}"
    if rec.discipline:
        forms = ", ".join(discipline_label(d) for d in rec.discipline)
        return FAILED, f"Năm {ctx.year} đang thi hành kỷ luật ({forms}): thành tích chỉ được tính từ khi chấp hành xong kỷ luật"
    return MET, f"Năm {ctx.year} không bị kỷ luật"


def _leave_months(rec: Record, maternity: bool | None) -> float:
    return sum((l["months"] or 0) for l in (rec.leave or []) if (l["kind"] == "thai_san") == maternity or maternity is None)


def t_months_in_year_at_least(spec, ctx, window):
    rec = ctx.records.get(ctx.year)
    if rec is None or rec.months_worked is None:
        return UNKNOWN, f"Chưa có số tháng công tác năm {ctx.year}"
    need = spec["min"]
    counted = rec.months_worked + (_leave_months(rec, True) if ctx.maternity_counts else 0)
    text = f"Năm {ctx.year}: {decimal_text(rec.months_worked)} tháng công tác"
    if counted > rec.months_worked:
        text += f" + {decimal_text(counted - rec.months_worked)} tháng nghỉ thai sản (được tính)"
    if counted >= need:
        return MET, text
    if rec.leave is None:
        return UNKNOWN, f"{text}; chưa có thông tin nghỉ (leave)"
    if counted + _leave_months(rec, False) >= need:
        return CONFIRM, f"{text}; dưới {need:02d} tháng do nghỉ khác — cần xác nhận không phải trường hợp mới tuyển dụng"
    return FAILED, f"{text}, dưới {need:02d} tháng"


def t_any(spec, ctx, window):
    results = [run_test(t, ctx, window) for t in spec["tests"] if ctx.applies(t)]
    status = combine_any([s for s, _ in results])
    shown = [d for s, d in results if s == status] if status == MET else [d for _, d in results]
    return status, "; ".join(shown)


def t_all(spec, ctx, window):
    results = [run_test(t, ctx, window) for t in spec["tests"] if ctx.applies(t)]
    return combine_all([s for s, _ in results]), "; ".join(d for _, d in results)


TESTS = {
    "judgement": t_judgement, "in_year": t_in_year, "streak": t_streak, "count": t_count,
    "initiatives": t_initiatives, "consecutive_conferrals": t_consecutive_conferrals,
    "founded_years_at_least": t_founded_years_at_least, "no_discipline_in_year": t_no_discipline_in_year,
    "months_in_year_at_least": t_months_in_year_at_least, "any": t_any, "all": t_all,
}


def run_test(spec: dict, ctx: Context, window=None) -> tuple[str, str]:
    return TESTS[spec["kind"]](spec, ctx, window)

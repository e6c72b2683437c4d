"""Evaluate a validated profile against the rule set in force on its `as_of` date."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from .checks import CONFIRM, FAILED, UNKNOWN, Context, combine_all, combine_any, run_test
from .profile import EligibilityInputError, Profile
from .rules import Layer, RuleSet, agency_ids, select
from .summary import summarise
from documents.text import format_vn_date as vn_date

from .vocab import status_label, supported_from, vocabulary


@dataclass
class EligibilityResult:
    id: str
    award: str
    verdict: str
    conditions: list[dict]
    rules: str
    name: str = ""
    kind: str = ""
    year: int | None = None
    as_of: str = ""
    layers: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    summary: str = ""

    def to_dict(self) -> dict:
        return dict(self.__dict__)

    def top_level(self) -> list[dict]:
        return [c for c in self.conditions if not c.get("group")]


def _entry(layer: Layer, cond: dict, status: str, detail: str, group: str | None = None) -> dict:
    entry = {
        "id": cond["id"], "text": cond["text"], "status": status, "status_label": status_label(status),
        "citation": layer.citation(cond["cite"]), "detail": detail, "quote": cond.get("quote", ""),
        "layer": layer.id,
    }
    if group:
        entry["group"] = group
    return entry


def _claim_key(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().lower().replace("dd", "đ")


def _option(layer: Layer, opt: dict, ctx: Context, group_id: str) -> tuple[str, list[dict]]:
    """Evaluate one option of an any-of group; it may bundle several conditions (all_of)."""
    if "all_of" not in opt:
        status, detail = run_test(opt["test"], ctx)
        return status, [_entry(layer, opt, status, detail, group_id)]
    parts = [c for c in opt["all_of"] if ctx.applies(c)]
    results = [run_test(c["test"], ctx) for c in parts]
    status = combine_all([s for s, _ in results])
    failing = [f"{c['text']}: {d}" for c, (s, d) in zip(parts, results) if s in (FAILED, UNKNOWN)]
    head = _entry(layer, opt, status, "; ".join(failing) or "Các tiêu chuẩn của phương án này", group_id)
    subs = [_entry(layer, c, s, d, opt["id"]) for c, (s, d) in zip(parts, results)]
    return status, [head, *subs]


def _any_of(layer: Layer, cond: dict, ctx: Context, claim: str | None) -> list[dict]:
    options = [o for o in cond["any_of"] if ctx.applies(o)]
    if claim:
        options = [o for o in options if _claim_key(o["id"]) == claim]
    else:
        options = [o for o in options if not o.get("only_when_claimed")]
    evaluated = [_option(layer, o, ctx, cond["id"]) for o in options]
    status = combine_any([s for s, _ in evaluated])
    if claim:
        detail = f"Hồ sơ đề nghị theo {short_cite(options[0]['cite'])}: {evaluated[0][1][0]['detail']}"
    else:
        chosen = [(o, e[0]) for o, (s, e) in zip(options, evaluated) if s == status]
        detail = "; ".join(f"{short_cite(o['cite'])}: {status_label(e['status'])}" + (f" — {e['detail']}" if e["status"] != CONFIRM else "")
                           for o, e in chosen)
    return [_entry(layer, cond, status, detail), *(e for _, entries in evaluated for e in entries)]


def short_cite(cite: dict) -> str:
    """{dieu: 23, khoan: 1, diem: a} → "điểm a khoản 1 Điều 23", as Vietnamese texts cite."""
    parts = [f"điểm {cite['diem']}" if cite.get("diem") else "", f"khoản {cite['khoan']}" if cite.get("khoan") is not None else "",
             f"Điều {cite['dieu']}"]
    return " ".join(p for p in parts if p)


def _claim_options(conds: list[tuple[Layer, dict]], ctx: Context) -> set[str]:
    return {_claim_key(o["id"]) for _, c in conds if "any_of" in c and ctx.applies(c) for o in c["any_of"] if ctx.applies(o)}


def _context(profile: Profile, rules: RuleSet) -> Context:
    reset = None
    if rules.principle("discipline"):
        years = [y for y, r in profile.records.items() if r.discipline and y < profile.year]
        reset = max(years) if years else None
    return Context(
        year=profile.year, records={y: r for y, r in profile.records.items() if y <= profile.year},
        group=(profile.group or vocabulary()["default_group"]) if profile.kind == "individual" else None,
        founded_year=profile.founded_year, reset_year=reset,
        maternity_counts=bool(rules.principle("maternity")),
    )


def _verdict(entries: list[dict]) -> str:
    statuses = [e["status"] for e in entries if not e.get("group")]
    if FAILED in statuses:
        return "not_eligible"
    return "insufficient" if UNKNOWN in statuses else "eligible"


def _notes(profile: Profile, rules: RuleSet, ctx: Context) -> list[str]:
    notes = []
    if profile.kind == "individual" and profile.group is None:
        notes.append(f"Chưa khai báo nhóm đối tượng: xét như {vocabulary()['groups'][vocabulary()['default_group']]}.")
    rec = profile.records.get(profile.year)
    maternity = rules.principle("maternity")
    if maternity and rec and any(l["kind"] == "thai_san" for l in rec.leave or []):
        layer, rule = maternity
        notes.append(f"{rule['text']} ({layer.citation(rule['cite'])}).")
    discipline = rules.principle("discipline")
    if discipline and ctx.reset_year is not None:
        layer, rule = discipline
        notes.append(f"Bị kỷ luật năm {ctx.reset_year}: thành tích đến hết năm {ctx.reset_year} không được tính ({layer.citation(rule['cite'])}).")
    return notes + rules.notes


def _unsupported(profile: Profile) -> EligibilityResult:
    reason = vocabulary()["unsupported_reason"]
    result = EligibilityResult(
        id=profile.id, award=profile.award, verdict="unsupported", conditions=[], rules="",
        name=profile.name, kind=profile.kind, year=profile.year, as_of=profile.as_of.isoformat(), notes=[reason],
    )
    result.summary = summarise(result)
    return result


def evaluate(profile: Profile, regulations: list[str] | tuple[str, ...] = ()) -> EligibilityResult:
    if profile.as_of < supported_from():
        return _unsupported(profile)
    wanted = list(dict.fromkeys([*profile.regulations, *regulations]))
    unknown = [r for r in wanted if r not in agency_ids()]
    if unknown:
        raise EligibilityInputError([("regulation", f"không có tệp quy chế “{', '.join(unknown)}” (có: {', '.join(agency_ids())})")])
    rules = select(profile.as_of, wanted)
    ctx = _context(profile, rules)
    conds = rules.conditions(profile.award, profile.kind)
    claim = _claim_key(profile.claim) if profile.claim else None
    if claim and claim not in _claim_options(conds, ctx):
        raise EligibilityInputError([("claim", f"phương án “{profile.claim}” không có trong các tiêu chuẩn thay thế của {profile.award} ({', '.join(sorted(_claim_options(conds, ctx))) or 'không có'})")])
    entries: list[dict] = []
    for layer, cond in conds:
        if not ctx.applies(cond):
            continue
        if "any_of" in cond:
            entries += _any_of(layer, cond, ctx, claim if claim in {_claim_key(o["id"]) for o in cond["any_of"]} else None)
        else:
            status, detail = run_test(cond["test"], ctx)
            entries.append(_entry(layer, cond, status, detail))
    result = EligibilityResult(
        id=profile.id, award=profile.award, verdict=_verdict(entries), conditions=entries,
        rules=f"{rules.describe()} — ngày xét {vn_date(profile.as_of)}", name=profile.name, kind=profile.kind,
        year=profile.year, as_of=profile.as_of.isoformat(),
        layers=[{"id": l.id, "label": l.label, "layer": l.kind, "period": l.period_text()} for l in rules.layers],
        notes=_notes(profile, rules, ctx),
    )
    result.summary = summarise(result)
    return result

"""Per-year predicates: a small vocabulary applied to one year's record.

Each returns True / False / None (None = the facts are missing) and a Vietnamese
description of the facts it read.
"""
from __future__ import annotations

from .profile import Record
from .vocab import rating_label, rating_rank, title_label

FIELD_LABELS = {
    "members_total": "tổng số cá nhân",
    "members_completed": "số cá nhân hoàn thành nhiệm vụ trở lên",
    "members_lao_dong_tien_tien": "số cá nhân đạt “Lao động tiên tiến”",
    "members_chien_si_thi_dua_co_so": "số cá nhân đạt “Chiến sĩ thi đua cơ sở”",
    "members_disciplined_canh_cao_or_higher": "số cá nhân bị kỷ luật từ cảnh cáo trở lên",
    "leads_block": "dẫn đầu cụm, khối thi đua",
}


def _rating_at_least(rec: Record, code: str):
    if rec.rating is None:
        return None, "chưa có mức xếp loại"
    return rating_rank()[rec.rating] >= rating_rank()[code], rating_label(rec.rating)


def _rating_is(rec: Record, code: str):
    if rec.rating is None:
        return None, "chưa có mức xếp loại"
    return rec.rating == code, rating_label(rec.rating)


def _has(rec: Record, code: str):
    lists = (rec.titles, rec.awards)
    if any(lst and code in lst for lst in lists):
        return True, f"được tặng {title_label(code)}"
    if any(lst is None for lst in lists):
        return None, f"chưa rõ có được tặng {title_label(code)} hay không"
    return False, f"không có {title_label(code)}"


def _count(rec: Record, name: str):
    return rec.leads_block if name == "leads_block" else rec.counts.get(name)


def _share_at_least(rec: Record, spec: dict):
    num, den = _count(rec, spec["num"]), _count(rec, spec["den"])
    if num is None or den is None or den == 0:
        return None, f"thiếu {FIELD_LABELS[spec['num']]} hoặc {FIELD_LABELS[spec['den']]}"
    share = num / den
    return share + 1e-9 >= spec["min"], f"{FIELD_LABELS[spec['num']]}: {num}/{den} ({share:.0%})"


def _field_at_most(rec: Record, spec: dict):
    value = _count(rec, spec["field"])
    if value is None:
        return None, f"thiếu {FIELD_LABELS[spec['field']]}"
    return value <= spec["max"], f"{FIELD_LABELS[spec['field']]}: {value}"


def _field_at_least(rec: Record, spec: dict):
    value = _count(rec, spec["field"])
    if value is None:
        return None, f"thiếu {FIELD_LABELS[spec['field']]}"
    return value >= spec["min"], f"{FIELD_LABELS[spec['field']]}: {value}"


def _field_true(rec: Record, name: str):
    value = _count(rec, name)
    if value is None:
        return None, f"chưa rõ {FIELD_LABELS[name]}"
    return bool(value), (FIELD_LABELS[name] if value else f"không {FIELD_LABELS[name]}")


def _any(rec: Record, preds: list):
    results = [evaluate(p, rec) for p in preds]
    for value, text in results:
        if value:
            return True, text
    value = None if any(v is None for v, _ in results) else False
    return value, "; ".join(text for _, text in results)


KINDS = {
    "rating_at_least": _rating_at_least,
    "rating_is": _rating_is,
    "has": _has,
    "share_at_least": _share_at_least,
    "field_at_most": _field_at_most,
    "field_at_least": _field_at_least,
    "field_true": _field_true,
    "any": _any,
}


def evaluate(pred: dict, rec: Record):
    (kind, arg), = pred.items()
    return KINDS[kind](rec, arg)


def describe(pred: dict) -> str:
    """What the predicate requires, for 'thiếu năm …' style messages."""
    (kind, arg), = pred.items()
    if kind == "rating_at_least":
        return f"{rating_label(arg)} trở lên"
    if kind == "rating_is":
        return rating_label(arg)
    if kind == "has":
        return title_label(arg)
    if kind == "any":
        return " hoặc ".join(describe(p) for p in arg)
    if kind == "share_at_least":
        return f"{FIELD_LABELS[arg['num']]} ≥ {arg['min']:.0%} {FIELD_LABELS[arg['den']]}"
    if kind == "field_at_most":
        return f"{FIELD_LABELS[arg['field']]} ≤ {arg['max']}"
    if kind == "field_at_least":
        return f"{FIELD_LABELS[arg['field']]} ≥ {arg['min']}"
    return FIELD_LABELS.get(arg, str(arg))

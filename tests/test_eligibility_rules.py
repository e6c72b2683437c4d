"""The rule files: every quote is in its legal text, the schema is sound, ids are stable."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from assistant.eligibility.checks import TESTS
from assistant.eligibility.predicates import KINDS as PREDICATES
from assistant.eligibility.rules import all_layers
from assistant.eligibility.vocab import vocabulary

ROOT = Path(__file__).resolve().parents[1]
CONDITION_KEYS = {"id", "text", "cite", "quote", "facts", "test", "any_of", "all_of", "groups", "only_when_claimed", "note"}
TEST_KEYS = {"kind", "pred", "min", "window", "after_award", "within", "tests", "groups", "reason", "scope",
             "title", "chain_title", "chain_length", "years"}


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _walk(conditions):
    for cond in conditions:
        yield cond
        for option in cond.get("any_of", []):
            yield option
            yield from _walk(option.get("all_of", []))


def _layer_conditions(layer):
    out = list(layer.data.get("general") or [])
    out += list((layer.data.get("principles") or {}).values())
    for kinds in (layer.data.get("awards") or {}).values():
        for spec in kinds.values():
            out += spec["conditions"]
    return list(_walk(out))


def _tests(spec):
    yield spec
    for sub in spec.get("tests", []):
        yield from _tests(sub)
    if spec.get("within"):
        yield from _tests(spec["within"])


LAYERS = all_layers()


@pytest.mark.parametrize("layer", LAYERS, ids=[l.id for l in LAYERS])
def test_every_quote_occurs_in_its_text(layer):
    source = _collapse((ROOT / layer.source).read_text(encoding="utf-8"))
    conditions = _layer_conditions(layer)
    assert conditions
    for cond in conditions:
        assert cond.get("quote"), f"{layer.id}: {cond.get('id', cond.get('text'))} has no quote"
        assert _collapse(cond["quote"]) in source, f"{layer.id}: quote of {cond.get('id')} not found"


@pytest.mark.parametrize("layer", LAYERS, ids=[l.id for l in LAYERS])
def test_schema(layer):
    for cond in _layer_conditions(layer):
        if "id" not in cond:
            continue  # principles
        assert set(cond) <= CONDITION_KEYS, (cond["id"], set(cond) - CONDITION_KEYS)
        assert cond["text"] and isinstance(cond["cite"]["dieu"], int)
        assert ("test" in cond) + ("any_of" in cond) + ("all_of" in cond) == 1, cond["id"]
        for spec in _tests(cond.get("test") or {"kind": "judgement"}):
            assert spec["kind"] in TESTS, spec
            assert set(spec) <= TEST_KEYS, (cond["id"], set(spec) - TEST_KEYS)
            if "pred" in spec:
                preds = spec["pred"].get("any", [spec["pred"]])
                assert all(len(p) == 1 and next(iter(p)) in PREDICATES for p in preds), spec
        for group in cond.get("groups", []):
            assert group in vocabulary()["groups"]


def test_condition_ids_unique_per_award():
    awards = vocabulary()["awards"]
    for code, info in awards.items():
        for kind in info["kinds"]:
            ids = [c["id"] for l in LAYERS for c in _walk(l.award_conditions(code, kind))]
            assert ids, f"no rule for {code}/{kind}"
            assert len(ids) == len(set(ids)), (code, kind, ids)


def test_options_ids_follow_khoan_diem():
    """Any-of options of the Law are named k<khoản>.<điểm>."""
    law = next(l for l in LAYERS if l.kind == "law")
    for cond in _walk([c for a in law.data["awards"].values() for k in a.values() for c in k["conditions"]]):
        for option in cond.get("any_of", []):
            cite = option["cite"]
            expected = f"k{cite['khoan']}" + (f".{cite['diem']}" if cite.get("diem") else "")
            assert option["id"] == expected, option["id"]


def test_periods():
    by_id = {l.id: l for l in LAYERS}
    assert str(by_id["nd-98-2023-ND-CP"].applies_to) == "2025-06-30"
    assert str(by_id["nd-152-2025-ND-CP"].applies_from) == "2025-07-01"
    assert str(by_id["luat-06-2022-QH15"].applies_from) == "2024-01-01"
    for layer in LAYERS:
        if layer.kind == "decree":
            assert layer.data.get("not_encoded"), layer.id

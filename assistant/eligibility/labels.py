"""Codes ⇄ the words an office writes: official names, codes and common abbreviations (LĐTT, CSTĐCS, HTXSNV).

`resolve(kind, text)` gives the code of a value or None; `choices(kind)` the
names offered in drop-down lists; `accepted_text(kind)` the accepted values for
an error message. Kinds: awards (titles and forms of commendation), ratings,
disciplines, kinds, groups, scopes, leave_kinds.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from documents.datafile import read_yaml

from .vocab import vocabulary

LABELS_FILE = Path(__file__).parent / "data" / "labels.yaml"
_QUOTES = re.compile(r"[“”\"'‘’«»]")


def match_key(text: str, fold: bool = False) -> str:
    """Case, quotes, underscores, spacing and a leading "danh hiệu" do not matter; accents matter, except
    with `fold` (a value typed without diacritics: "lao dong tien tien")."""
    text = _QUOTES.sub("", unicodedata.normalize("NFC", str(text)).lower()).replace("_", " ")
    if fold:
        text = "".join(ch for ch in unicodedata.normalize("NFD", text.replace("đ", "d")) if not unicodedata.combining(ch))
    text = re.sub(r"^(?:danh hiệu|danh hieu)\s+", "", re.sub(r"\s+", " ", text).strip())
    return re.sub(r"\s*,\s*", ", ", text)


def display_name(label: str) -> str:
    """“Danh hiệu “Lao động tiên tiến”” → "Lao động tiên tiến"."""
    text = _QUOTES.sub("", unicodedata.normalize("NFC", label)).strip()
    text = re.sub(r"^[Dd]anh hiệu\s+", "", text)
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=None)
def _official() -> dict[str, dict[str, str]]:
    """kind → {code: official name} from the shared vocabulary."""
    vocab = vocabulary()
    awards = {code: item["label"] for code, item in vocab["awards"].items()}
    awards.update(vocab["other_titles"])
    return {
        "awards": awards,
        "ratings": {item["code"]: item["label"] for item in vocab["ratings"]},
        "disciplines": dict(vocab["disciplines"]),
        "kinds": dict(vocab["kinds"]),
        "groups": {code: text.split(" (")[0] for code, text in vocab["groups"].items()},
        "scopes": {item["code"]: item["label"] for item in vocab["scopes"]},
        "leave_kinds": dict(vocab["leave_kinds"]),
    }


@lru_cache(maxsize=None)
def _aliases() -> dict:
    return read_yaml(LABELS_FILE)


@lru_cache(maxsize=None)
def _table(kind: str, fold: bool = False) -> dict[str, str]:
    """match key → code; raises if one key would name two codes."""
    table: dict[str, str] = {}
    for code, name in _official()[kind].items():
        words = [code, name, *(_aliases().get(kind, {}).get(code) or [])]
        for word in words:
            key = match_key(word, fold)
            if table.get(key, code) != code:
                raise ValueError(f"“{word}” trỏ tới hai mã: {table[key]} và {code}")
            table[key] = code
    return table


def resolve(kind: str, text) -> str | None:
    """The code a written value names, or None when it names nothing known. A value written with
    diacritics must match a name exactly (a wrong tone mark is an error); one typed without any is
    compared with the names stripped of theirs."""
    if text is None or str(text).strip() == "":
        return None
    text = unicodedata.normalize("NFC", str(text))
    return _table(kind, text.isascii()).get(match_key(text, text.isascii()))


def choices(kind: str, codes: list[str] | None = None) -> list[str]:
    """The names offered in a drop-down list, in the vocabulary's order."""
    official = _official()[kind]
    return [display_name(official[code]) for code in (codes or official)]


def name_of(kind: str, code: str) -> str:
    return display_name(_official()[kind].get(code, code))


def accepted_text(kind: str) -> str:
    """"Lao động tiên tiến (LĐTT), Chiến sĩ thi đua cơ sở (CSTĐCS), …" for an error message."""
    parts = []
    for code, name in _official()[kind].items():
        short = [a for a in (_aliases().get(kind, {}).get(code) or []) if len(a) <= 8]
        parts.append(display_name(name) + (f" ({', '.join(short)})" if short else ""))
    return "; ".join(parts)


def split_values(text: str, kind: str) -> list[str]:
    """A cell listing several values: items between ';' or line breaks; commas separate items too, except
    inside a name ("Bằng khen của Bộ, ban, ngành, tỉnh, Giấy khen" → two items): the longest run of
    comma-separated pieces that names a known value is kept together."""
    items = []
    for part in (p.strip() for p in re.split(r"[;\n]", str(text)) if p.strip()):
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        start = 0
        while start < len(pieces):
            end = next((j for j in range(len(pieces), start, -1) if resolve(kind, ", ".join(pieces[start:j]))), start + 1)
            items.append(", ".join(pieces[start:end]))
            start = end
    return items

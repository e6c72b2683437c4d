"""Unit names: reading them out of cells and sentences, and matching their variants.

Names are kept as written; matching goes through `canonical()`, which folds
accents and case and spells out abbreviations from `data/units.yaml`, so that
"phòng Nội vụ", "Phòng Nội vụ" and "Nội vụ" find the same rows, and
"Hội đồng TĐKT Quận" is found by "Hội đồng Thi đua - Khen thưởng Quận".
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from documents.datafile import read_yaml
from documents.text import collapse_spaces, fold_accents

DATA_DIR = Path(__file__).parent / "data"
_PUNCT = re.compile(r"[\-–—,.;:()/\"“”'&]+")
_BULLET = re.compile(r"^\s*(?:[-–•+*]|[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*\.?\)?)\s+")


@lru_cache(maxsize=1)
def unit_words() -> dict:
    return read_yaml(DATA_DIR / "units.yaml")


@lru_cache(maxsize=1)
def _abbreviation_patterns() -> list[tuple[re.Pattern, str]]:
    pairs = sorted(unit_words()["abbreviations"].items(), key=lambda kv: len(kv[0]), reverse=True)
    return [(re.compile(rf"(?<!\w){re.escape(short)}(?!\w)"), long) for short, long in pairs]


@lru_cache(maxsize=4096)
def canonical(name: str) -> str:
    """"Hội đồng TĐKT Quận" → "hoi dong thi dua khen thuong quan"."""
    text = name
    for pattern, long in _abbreviation_patterns():
        text = pattern.sub(" " + long + " ", text)
    text = fold_accents(text)
    text = _PUNCT.sub(" ", text)
    text = collapse_spaces(text)
    return re.sub(r"^(?:cac|nhung)\s+", "", text)


@lru_cache(maxsize=1)
def _alias_groups() -> list[set[str]]:
    return [{canonical(name) for name in group} for group in unit_words().get("aliases", [])]


def unit_matches(query: str, unit: str) -> bool:
    """True when the unit `query` names is `unit` or a unit whose name contains it."""
    q, u = canonical(query), canonical(unit)
    if not q:
        return False
    if f" {q} " in f" {u} ":
        return True
    return any(q in group and any(f" {alias} " in f" {u} " for alias in group) for group in _alias_groups())


# ---------------------------------------------------------------- reading names

@lru_cache(maxsize=1)
def _head_pattern() -> re.Pattern:
    heads = sorted(unit_words()["heads"], key=len, reverse=True)
    alternatives = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
    return re.compile(rf"^(?:(?:các|những|mỗi|từng)\s+)?(?:{alternatives})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _verb_pattern() -> re.Pattern:
    verbs = sorted(unit_words()["verbs"], key=len, reverse=True)
    alternatives = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs)
    return re.compile(rf"\s(?:{alternatives})(?!\w)")  # case-sensitive: "Vụ Tổ chức cán bộ" is a name


@lru_cache(maxsize=1)
def _not_head_pattern() -> re.Pattern:
    words = sorted(unit_words().get("not_heads", []), key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"^(?:(?:các|những)\s+)?(?:{alternatives})(?!\w)", re.IGNORECASE)


def starts_with_unit(text: str) -> bool:
    text = text.strip()
    return bool(_head_pattern().match(text)) and not _not_head_pattern().match(text)


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text.strip(), count=1)


def split_names(text: str) -> list[str]:
    """"A, B; C" → names; a piece that does not start like a unit stays with the name
    before it ("Các đơn vị thuộc, trực thuộc Sở", "Hội đồng Thi đua - Khen thưởng")."""
    names: list[str] = []
    for part in re.split(r"\s*;\s*|(?:^|\.\s+)-\s*", text):
        for chunk in _rejoin(re.split(r"\s+[-–]\s+", part), " - "):
            names.extend(_rejoin(_split_commas(chunk), ", "))
    return [collapse_spaces(n.strip(" .;:-–")) for n in names if n.strip(" .;:-–")]


def _rejoin(pieces: list[str], glue: str) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and not starts_with_unit(piece):
            out[-1] = f"{out[-1]}{glue}{piece}"
        else:
            out.append(piece)
    return out


def _split_commas(text: str) -> list[str]:
    """Commas outside parentheses: "Văn phòng (Trung tâm A, B), Báo GDTĐ" → two names."""
    pieces, depth, current = [], 0, ""
    for char in text:
        depth += char == "("
        depth -= char == ")" and depth > 0
        if char == "," and depth == 0:
            pieces.append(current)
            current = ""
        else:
            current += char
    pieces.append(current)
    return pieces


def read_unit_cell(cell: str) -> tuple[list[str], list[str], list[str]]:
    """A unit cell → (leads, units, co-operating units).

    "Phòng Y tế chủ trì phối hợp phòng Kinh tế" → ([], ["Phòng Y tế"], ["phòng Kinh tế"]);
    "- Văn phòng Sở chủ trì. - Hội đồng TĐKT Sở." → (["Văn phòng Sở"], ["Hội đồng TĐKT Sở"], []).
    """
    leads, units, coop = [], [], []
    bullets = r"(?:^|(?<=[.;])\s*)-\s+" + (r"|\s+-\s+(?=[A-ZÀ-ỸĐ])" if cell.lstrip().startswith("-") else "")
    for item in re.split(bullets, cell):
        item = item.strip(" .;")
        if not item:
            continue
        parts = re.split(r"\s+chủ\s+trì\s*,?\s*(?:(?:và\s+)?phối\s+hợp(?:\s+với)?\s+)?", item, maxsplit=1, flags=re.IGNORECASE)
        if len(parts) == 2 and item.lower().rstrip(" .").endswith("chủ trì"):
            leads.extend(split_names(parts[0]))
        elif len(parts) == 2:
            units.extend(split_names(parts[0]))
            coop.extend(split_names(parts[1]))
        else:
            units.extend(split_names(item))
    return leads, units, coop


def subject_units(sentence: str) -> list[str]:
    """The units a sentence opens with: "Các đơn vị thuộc Bộ gửi …" → ["Các đơn vị thuộc Bộ"]."""
    text = strip_bullet(sentence)
    text = re.sub(r"^(?:Đề nghị|Giao|Đối với)\s+", "", text, flags=re.IGNORECASE)
    if not starts_with_unit(text):
        return []
    verb = _verb_pattern().search(text)
    cut = min([i for i in (verb.start() if verb else -1, _first(text, ":")) if i > 0] or [len(text)])
    subject = text[:cut].strip(" ,.:")
    if not subject or len(subject) > 160:
        return []
    return split_names(subject)


def requested_units(sentence: str) -> list[str]:
    """"… đề nghị các Cụm thi đua, các phòng … xây dựng kế hoạch" → the units asked."""
    match = re.search(r"(?:đề nghị|yêu cầu|giao)\s+(.+)", sentence, flags=re.IGNORECASE)
    if not match:
        return []
    return subject_units(match[1])


def cooperating_units(sentence: str) -> list[str]:
    match = re.search(r"phối\s+hợp\s+(?:với\s+)?(.+?)(?:\s+(?:tổ chức|thực hiện|triển khai|xây dựng|để|trong)\s|[.;(]|$)", sentence,
                      flags=re.IGNORECASE)
    if not match or not starts_with_unit(match[1]):
        return []
    return split_names(match[1])


def _first(text: str, char: str) -> int:
    return text.find(char)


_CAPITAL = re.compile(r"^[A-ZÀ-ỸĐ]")


@lru_cache(maxsize=1)
def _unit_head() -> re.Pattern:
    heads = sorted(unit_words()["heads"], key=len, reverse=True)
    alternatives = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def find_unit(question: str) -> str:
    """A unit named in a question: a unit head word, a capitalised name, up to a stop word.

    >>> find_unit("Phòng Nội vụ có những nhiệm vụ gì?")
    'Phòng Nội vụ'
    """
    stops, lower_case_stops = (set(unit_words()[key]) for key in ("question_stop_words",
                                                                   "question_stop_words_lower_case"))
    for match in _unit_head().finditer(question):
        rest = re.findall(r"[\w-]+|[^\w\s]", question[match.end():])
        if not rest or not _CAPITAL.match(rest[0]):
            continue
        name = [match.group(0)]
        for word, following in zip(rest, [*rest[1:], ""]):
            if (not re.match(r"[\w-]", word) or word.lower() in stops or word in lower_case_stops
                    or f"{word} {following}" in lower_case_stops):
                break
            name.append(word)
        if len(name) > 1:
            return " ".join(name)
    return ""

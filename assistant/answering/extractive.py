"""Extractive answers: the sentences, list items and table rows that best answer
the question, quoted verbatim with their citations — no model, no invented words
beyond short connective phrases.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answering.question import content_terms
from assistant.retrieve import Hit
from assistant.vntext import fold_accents, syllable_tokenize

MAX_PIECES = 3
SECONDARY_RATIO = 0.75
QUOTE_WINDOW_CHARS = 700
LIST_QUOTE_CHARS = 1400
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-ZÀ-ỸĐ\-–+•])")
_DATE = re.compile(
    r"(?:(?:trước|sau|từ|đến|hết)\s+(?:ngày\s+)?)?\d{1,2}/\d{1,2}(?:/\d{4})?|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?"
    r"|[Qq]uý\s+[IV]+(?:/\d{4})?|tháng\s+\d{1,2}(?:/\d{4})?|\d+\s+tháng\s+(?:đầu|cuối)\s+năm|hết\s+năm\s+\d{4}",
    re.IGNORECASE,
)
_LEGAL_KINDS = {"article", "clause", "point"}
_CLAUSE_START = re.compile(r"^(?:\d{1,2}\.|\(\d{1,2}\))\s")
WHOLE_LEGAL_CHARS = 700
_UNIT_CUES = ("phong", "van phong", "so ", "ubnd", "uy ban", "hoi dong", "ban ", "chu tri", "truong khoi", "don vi", "bo ", "cuc ")
_TIME_COLUMNS = ("thoi gian", "thoi han", "han ", "tien do")
_ROLE_COLUMNS = (("chu tri", "Chủ trì"), ("chi dao", "Chỉ đạo"), ("tham muu", "Tham mưu, thực hiện"),
                 ("thuc hien", "Thực hiện"), ("phoi hop", "Phối hợp"))


@dataclass
class Piece:
    hit_index: int
    unit: str  # the best sentence, list item or row
    quote: str  # the unit with its neighbours, for the citation
    score: float


def _terms(text: str) -> set[str]:
    syllables = [fold_accents(s) for s in syllable_tokenize(text)]
    return set(syllables) | {f"{a}_{b}" for a, b in zip(syllables, syllables[1:])}


def _query_terms(question: str) -> set[str]:
    terms = content_terms(question)
    return set(terms) | {f"{a}_{b}" for a, b in zip(terms, terms[1:])}


def coverage(query: set[str], text_terms: set[str]) -> float:
    return len(query & text_terms) / len(query) if query else 0.0


def split_units(hit: Hit) -> list[str]:
    """Answer units: a table row; a short article whole or one khoản with its điểm; else a line or sentence."""
    body = hit.chunk.body
    if hit.chunk.kind == "table_row" or (hit.chunk.kind in _LEGAL_KINDS and len(body) <= WHOLE_LEGAL_CHARS):
        return [body]
    if hit.chunk.kind in _LEGAL_KINDS:
        return _clauses(body)
    units = []
    for line in hit.chunk.body.split("\n"):
        line = line.strip()
        if not line:
            continue
        units.extend(_SENTENCE.split(line) if len(line) > 400 else [line])
    return units


def _clauses(body: str) -> list[str]:
    """Group lines into khoản: a numbered line starts one, its lettered points follow it."""
    clauses: list[list[str]] = []
    for line in (line.strip() for line in body.split("\n")):
        if not line:
            continue
        if not clauses or _CLAUSE_START.match(line):
            clauses.append([line])
        else:
            clauses[-1].append(line)
    return [_cap("\n".join(lines), LIST_QUOTE_CHARS) for lines in clauses]


def _kind_bonus(unit: str, kind: str) -> float:
    folded = fold_accents(unit)
    if kind == "date" and _DATE.search(unit):
        return 0.3
    if kind == "unit" and any(cue in folded for cue in _UNIT_CUES):
        return 0.15
    if kind == "number" and re.search(r"\d", unit):
        return 0.15
    return 0.0


def best_pieces(question: str, kind: str, hits: list[Hit]) -> list[Piece]:
    query = _query_terms(question)
    candidates: list[Piece] = []
    for index, hit in enumerate(hits):
        context = _terms(hit.chunk.text)
        units = split_units(hit)
        context_score = coverage(query, context)
        for position, unit in enumerate(units):
            score = 0.55 * coverage(query, _terms(unit)) + 0.35 * context_score + _kind_bonus(unit, kind) + 0.1 / (index + 1)
            quote = _window(units, position, kind)
            candidates.append(Piece(index, unit, quote, score))
    candidates.sort(key=lambda p: -p.score)
    chosen: list[Piece] = []
    for piece in candidates:
        if chosen and (piece.score < SECONDARY_RATIO * chosen[0].score or any(p.hit_index == piece.hit_index for p in chosen)):
            continue
        chosen.append(piece)
        if len(chosen) == MAX_PIECES:
            break
    return chosen


def _window(units: list[str], position: int, kind: str) -> str:
    """The unit with its neighbours in the same passage (a list question gets the whole list)."""
    if kind == "list":
        return _cap("\n".join(units), LIST_QUOTE_CHARS)
    start, end = position, position + 1
    while True:
        grown = False
        if start > 0 and len("\n".join(units[start - 1 : end])) <= QUOTE_WINDOW_CHARS:
            start -= 1
            grown = True
        if end < len(units) and len("\n".join(units[start : end + 1])) <= QUOTE_WINDOW_CHARS:
            end += 1
            grown = True
        if not grown or end - start >= 3:
            break
    return "\n".join(units[start:end])


def _cap(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    boundary = max(cut.rfind("\n"), cut.rfind(". "), cut.rfind("; "))
    return (cut[: boundary + 1] if boundary > limit // 2 else cut).rstrip() + " …"


def direct_answer(piece: Piece, hit: Hit, kind: str) -> str:
    """A short lead line taken from the passage itself: the deadline, or the units and their roles."""
    cells = _cells_from_row(hit) if hit.chunk.kind == "table_row" else {}
    if kind == "date":
        for name, value in cells.items():
            if value and any(col in fold_accents(name) + " " for col in _TIME_COLUMNS):
                return f"Thời hạn: {value}"
        dates = list(dict.fromkeys(m.group(0) for m in _DATE.finditer(piece.unit)))
        return "Thời gian: " + "; ".join(dates) if dates else ""
    if kind == "unit" and cells:
        roles = []
        for name, value in cells.items():
            folded = fold_accents(name)
            for cue, label in _ROLE_COLUMNS:
                if cue in folded and value:
                    roles.append(f"{name}: {value}")
                    break
        return "; ".join(dict.fromkeys(roles))
    return ""


def _cells_from_row(hit: Hit) -> dict[str, str]:
    """Table rows are stored as "Quý II | Cột: giá trị | …"; read the pairs back."""
    cells = {}
    for part in hit.chunk.body.split(" | "):
        name, sep, value = part.partition(": ")
        if sep:
            cells[name.strip()] = value.strip()
    return cells

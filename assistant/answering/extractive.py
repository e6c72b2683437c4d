"""Extractive answers: the sentences, list items and table rows that best answer
the question, quoted verbatim with their citations — no model, no invented words
beyond short connective phrases.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from assistant.answering.lead import point_label
from assistant.answering.question import content_syllables
from assistant.deadlines.units import starts_with_unit
from assistant.retrieve import Hit, gives_tasks_to
from assistant.understanding import asks_the_issuer, folded_syllables, group_order
from assistant.vocabulary import load_law_map, mask_subjects
from documents.chunk import PATH_JOINER, context_path
from documents.text import (UPPER_LETTERS, fold_accents, mentions_a_date, mentions_a_quantity, syllable_tokenize,
                            without_document_dates)

MAX_PIECES = 3
RETRIEVAL_PRIOR = 0.4
TITLE_BONUS = 0.3
LENGTH_PENALTY = 0.1
SECONDARY_RATIO = 0.75
QUOTE_WINDOW_CHARS = 700
LIST_QUOTE_CHARS = 1400
_SENTENCE = re.compile(rf"(?<=[.;!?])\s+(?=[{UPPER_LETTERS}\-–+•])")
_LEGAL_KINDS = {"article", "clause", "point"}
_CLAUSE_NUMBER = re.compile(r"^(\d{1,2})\.\s*\S")
CLAUSE_BONUS = 0.4
_CLAUSE_START = re.compile(r"^(?:\d{1,2}\.|\(\d{1,2}\))\s")
WHOLE_LEGAL_CHARS = 700
_UNIT_CUES = ("phong", "van phong", "so ", "ubnd", "uy ban", "hoi dong", "ban ", "chu tri", "truong khoi", "don vi", "bo ", "cuc ")


@dataclass
class Piece:
    hit_index: int
    unit: str  # the best sentence, list item or row
    quote: str  # the unit with its neighbours, for the citation
    score: float


@lru_cache(maxsize=4096)
def _terms(text: str) -> frozenset[str]:
    """Folded syllables and adjacent pairs. Cached: the retrieved passages are read again for each piece, each
    ask and each follow-up."""
    syllables = [fold_accents(s) for s in syllable_tokenize(text)]
    return frozenset(syllables) | {f"{a}_{b}" for a, b in zip(syllables, syllables[1:])}


def _query_terms(question: str) -> set[str]:
    """Content syllables and the pairs of them that stand next to each other in the question."""
    syllables = content_syllables(question)
    return {s for s in syllables if s} | {f"{a}_{b}" for a, b in zip(syllables, syllables[1:]) if a and b}


def coverage(query: set[str], text_terms: set[str]) -> float:
    return len(query & text_terms) / len(query) if query else 0.0


def question_coverage(question: str, text: str) -> float:
    """Share of the question's content terms (syllables and adjacent pairs) found in `text`."""
    return coverage(_query_terms(question), _terms(text))


def question_size(question: str) -> int:
    """How many content terms a question has (a long story has many the answer cannot share)."""
    return len(_query_terms(question))


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
    return [cap("\n".join(lines), LIST_QUOTE_CHARS) for lines in _clause_lines(body)]


def _clause_lines(body: str) -> list[list[str]]:
    """Group lines into khoản: a numbered line starts one, its lettered points follow it."""
    clauses: list[list[str]] = []
    for line in (line.strip() for line in body.split("\n")):
        if not line:
            continue
        if not clauses or _CLAUSE_START.match(line):
            clauses.append([line])
        else:
            clauses[-1].append(line)
    return clauses


_ASKS_A_BOUND = re.compile(r"\b(?:tối đa|tối thiểu|ít nhất|nhiều nhất|không quá)\b", re.IGNORECASE)


def _kind_bonus(unit: str, kind: str, asks_a_bound: bool = False) -> float:
    """`asks_a_bound`: "tối đa bao nhiêu người?" is answered by a unit stating a ceiling ("không quá 10 cá nhân")."""
    folded = fold_accents(unit)
    if asks_a_bound and mentions_a_quantity(unit):
        return 0.3
    if kind == "date" and mentions_a_date(without_document_dates(unit)):
        return 0.3
    if kind == "unit" and any(cue in folded for cue in _UNIT_CUES):
        return 0.15
    if kind == "number" and re.search(r"\d", _DOCUMENT_REFERENCE.sub(" ", without_document_dates(unit))):
        return 0.15
    return 0.0


# "tại Điều 55 Nghị định số 91/2017/NĐ-CP": numbers naming a text, not a quantity
_DOCUMENT_REFERENCE = re.compile(r"\b(?:Điều|khoản|số)\s+\d+[\w/.-]*|\b\d+/\d{4}/[\w.-]+", re.IGNORECASE)


def best_pieces(question: str, kind: str, hits: list[Hit], idf: Callable[[list[str]], dict[str, float]],
                hit_factors: list[float] | None = None, first_hit_leads: bool = False) -> list[Piece]:
    """Score every unit of every passage by the idf-weighted share of the question's
    terms found in it, in the line heading it, in its section path, or in the document heading.

    `hit_factors` scale a passage's units (a repealed text, a recipient list). `first_hit_leads`:
    the first passage's best unit comes first whatever the others score (the law map chose it)."""
    hit_factors = hit_factors or [1.0] * len(hits)
    query = _query_terms(question)
    folded_question = folded_syllables(question)
    folded_cases = folded_syllables(mask_subjects(question))
    weights = _discriminative(idf(sorted(query)), hits)
    candidates: list[Piece] = []
    top_score = max((hit.score for hit in hits), default=1.0) or 1.0
    named_sections = _named_sections(hits, folded_question)
    issuer_asked = asks_the_issuer(question)  # a caption then names who issued the document
    asks_a_bound = bool(_ASKS_A_BOUND.search(question))
    for index, hit in enumerate(hits):
        doc_heading = hit.chunk.text.partition("\n")[0]
        path = context_path(hit.chunk.text)
        path_terms = _terms(PATH_JOINER.join(path))
        last_heading = path[-1] if path else ""
        article_title = last_heading if last_heading.startswith("Điều ") else ""
        section_bonus = TITLE_BONUS if index in named_sections or hit.section_asked else 0.0
        doc_terms = _terms(doc_heading)
        folded_heading = folded_syllables(doc_heading)
        units = split_units(hit)
        for position, unit in enumerate(units):
            if len(units) > 1 and _is_heading(unit) and not (issuer_asked and _CAPTION.match(unit.strip())):
                continue  # a heading alone answers nothing; it lends its words to the lines below
            local_line = _local_heading(units, position)
            local = _terms(local_line)
            unit_terms = _terms(unit)
            of_the_unit = bool(hit.unit_asked) and gives_tasks_to(unit, hit.unit_asked)
            matched = sum(w * _best_place(t, unit_terms, local, path_terms, doc_terms) for t, w in weights.items())
            prior = RETRIEVAL_PRIOR * hit.score / top_score  # carries validity and recipient-list penalties
            score = (matched / (sum(weights.values()) or 1.0) + _kind_bonus(unit, kind, asks_a_bound) + prior
                     + max(_title_bonus(unit, [article_title], folded_question, folded_heading),
                           _case_bonus(unit, folded_cases), section_bonus, TITLE_BONUS if of_the_unit else 0.0)
                     + _clause_bonus(unit, hit, question)
                     - _length_penalty(_own_sentence(unit, hit))) * hit_factors[index]
            # the tasks of the unit asked are its own line, not the list of every unit's
            candidates.append(Piece(index, unit, unit if of_the_unit else _window(units, position, kind), score))
    candidates.sort(key=lambda p: -p.score)
    if first_hit_leads:
        candidates.sort(key=lambda p: p.hit_index != 0)
    chosen: list[Piece] = []
    for piece in candidates:
        if chosen and (piece.score < SECONDARY_RATIO * chosen[0].score or any(p.hit_index == piece.hit_index for p in chosen)):
            continue
        chosen.append(piece)
        if len(chosen) == MAX_PIECES:
            break
    return chosen


def _clause_bonus(unit: str, hit: Hit, question: str) -> float:
    """The khoản the law map names for the question's title and aspect, before the article's others; of those, not
    one written for a group the question does not name ("viên chức văn thư … Lao động tiên tiến": khoản 1, for
    cán bộ, công chức, viên chức, not khoản 3, for công nhân, nông dân). The aspect only assumed, the map names
    none: a khoản leaving the details to others ("4. Bộ, ban, ngành, tỉnh … quy định chi tiết …") answers nothing
    asked of the title itself."""
    number = _CLAUSE_NUMBER.match(unit)
    if hit.provision and not hit.clauses and number and (hit.chunk.doc_id, hit.chunk.location.split(",")[0],
                                                         int(number.group(1))) in _delegating_clauses():
        return -CLAUSE_BONUS / 2
    if not hit.clauses or not number or _quotes_new_wording(hit):
        return 0.0
    if int(number.group(1)) not in hit.clauses:
        return -CLAUSE_BONUS / 2
    return 0.0 if group_order(unit, question) == 2 else CLAUSE_BONUS


def _quotes_new_wording(hit: Hit) -> bool:
    """A khoản of an amending law holding the numbered khoản of the wording it puts in ("32. Sửa đổi … Điều 62
    như sau: “1. … 2. … 4. …”): their numbers are not the amending text's."""
    return "khoản" in hit.chunk.location and len(_numbered_clauses(hit.chunk.body)) > 1


@lru_cache(maxsize=1)
def _delegating_clauses() -> frozenset[tuple[str, str, int]]:
    """(document, article, khoản) of the khoản the law map gives for who sets a title's details."""
    return frozenset((entry.doc, entry.article, number) for entry in load_law_map().entries
                     if entry.aspect == "tham_quyen_quy_dinh" for number in entry.khoan_numbers)


def _discriminative(weights: dict[str, float], hits: list[Hit]) -> dict[str, float]:
    """Down-weight terms found in most retrieved passages (the title every chunk of a plan
    repeats): they cannot tell the passages apart, the rarer words of the question can."""
    texts = [_terms(hit.chunk.text) for hit in hits]
    total = len(texts)
    adjusted = {}
    for term, weight in weights.items():
        df = sum(1 for terms in texts if term in terms)
        adjusted[term] = weight * (0.3 + math.log((total + 1) / (df + 0.5)))
    return adjusted


def _best_place(term: str, unit: set[str], local: set[str], path: set[str], doc: set[str]) -> float:
    if term in unit:
        return 1.0
    if term in local:
        return 0.8
    if term in path:
        return 0.6
    return 0.3 if term in doc else 0.0


_NUMBERING = re.compile(r"^(?:Điều\s+\d+[a-z]?\.|[IVXL]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\))\s*")
_QUOTED = re.compile(r"[“\"]([^”\"]{3,80})[”\"]")
_CASE = re.compile(r"Đối với\s+([^:;.]{3,60}):")
_CASE_ITEMS = re.compile(r",\s*|\s+và\s+|\s+hoặc\s+")
_CAPTION = re.compile(r"^\((?:Ban hành )?kèm theo\b[^()]*\)$", re.IGNORECASE)


def _title_bonus(unit: str, headings: list[str], folded_question: str, folded_heading: str = "") -> float:
    """The question names what the passage is about: the title a clause defines
    (Danh hiệu “Tập thể lao động tiên tiến” để tặng…), or the title of its article. A title the whole
    document is about (the quy chế of “Công dân Thủ đô ưu tú”) tells none of its clauses apart."""
    first = _QUOTED.search(unit[:160])
    titles = ([first.group(1)] if first else []) + [_NUMBERING.sub("", h) for h in headings if h]
    for title in titles:
        folded = folded_syllables(title)  # " cong dan thu do uu tu ": two syllables at least
        if folded.count(" ") >= 3 and folded in folded_question and folded not in folded_heading:
            return TITLE_BONUS
    return 0.0


def _case_bonus(unit: str, folded_question: str) -> float:
    """A line opening with the case the question names ("b) Đối với xã, phường: Mỗi xã, phường chọn 02 trường
    hợp" for "mỗi xã, phường được mấy trường hợp"); the question's titles are masked, so "tập thể" inside
    "Tập thể lao động tiên tiến" names no case."""
    case = _CASE.match(_NUMBERING.sub("", unit.lstrip("-–+• ")))
    if not case:
        return 0.0
    phrase = folded_syllables(case.group(1))  # " xa phuong ": two syllables at least
    if phrase.count(" ") >= 3 and phrase in folded_question:
        return TITLE_BONUS
    # "mỗi phường được đề xuất mấy trường hợp": one of the case's kinds counted
    items = (folded_syllables(item).strip() for item in _CASE_ITEMS.split(case.group(1)))
    return TITLE_BONUS if any(item and f" moi {item} " in folded_question for item in items) else 0.0


def _named_sections(hits: list[Hit], folded_question: str) -> set[int]:
    """The passages under the plan section of the unit the question names ("Phó Trưởng khối", "Phòng
    Văn hóa và Thông tin"): of the unit headings found in the question, the longest ("Phó Trưởng
    khối" over "Trưởng khối")."""
    found: dict[int, int] = {}
    for index, hit in enumerate(hits):
        heading = _NUMBERING.sub("", hit.chunk.location.split(" › ")[-1]).split("(")[0].strip(" :")
        if not starts_with_unit(heading):
            continue
        words = folded_syllables(heading)
        if words.count(" ") >= 3 and words in folded_question:
            found[index] = words.count(" ") - 1
    longest = max(found.values(), default=0)
    return {index for index, size in found.items() if size == longest}


def _own_sentence(unit: str, hit: Hit) -> str:
    """A khoản is as long as its own sentence: its points a), b)… are what it lists, not noise."""
    return unit.split("\n", 1)[0] if hit.chunk.kind in _LEGAL_KINDS else unit


def _length_penalty(unit: str) -> float:
    """Long units match many words by chance."""
    return LENGTH_PENALTY * math.log(len(unit) / 400) if len(unit) > 400 else 0.0


def _is_heading(unit: str) -> bool:
    """A short line that names what follows ("1. Đối tượng khen thưởng", "a) Đối với tập thể:"); one that
    states its case after a colon ("b) Đối với xã, phường: Mỗi xã, phường chọn 02 trường hợp") is content.
    A caption in brackets under a title ("(Ban hành kèm theo Quyết định số …)") names the document."""
    if _CAPTION.match(unit.strip()):
        return True
    if len(unit) > 90 or unit.rstrip().endswith((".", ";", "”", '"')) or unit.startswith(("-", "+", "•")):
        return False
    return len(unit.rpartition(":")[2].split()) < 3 if ":" in unit else True


def _local_heading(units: list[str], position: int) -> str:
    """The nearest short heading line above a unit in the same passage ("1. Đối tượng khen thưởng")."""
    for unit in reversed(units[:position]):
        if _is_heading(unit):
            return unit
    return ""


def _window(units: list[str], position: int, kind: str) -> str:
    """The unit with its neighbours in the same passage (a list question gets the whole list)."""
    if kind == "list":
        return cap("\n".join(units), LIST_QUOTE_CHARS)
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


def mapped_khoan(hit: Hit) -> str:
    """What the law map names in a passage: a khoản whole when it names its điểm (they may lie past a
    quote's cut), or the one khoản it names of an article stored whole; "" when it names none or several
    (the question's words choose among them)."""
    if "khoản" in hit.chunk.location:
        return hit.chunk.body if hit.points else ""
    if len(set(hit.clauses)) != 1:
        return ""
    clauses = _numbered_clauses(hit.chunk.body)
    named = [lines for number, lines in clauses if number == hit.clauses[0]]
    return "\n".join(named[0]) if len(clauses) > 1 and named else ""


def khoan_text(body: str, number: int) -> str:
    """Khoản `number` of an article stored whole, without its number ("" when the article has no such khoản)."""
    found = [lines for clause, lines in _numbered_clauses(body) if clause == number]
    return re.sub(r"^\d{1,2}\.\s*", "", "\n".join(found[0])) if found else ""


def named_khoans(hit: Hit) -> list[str]:
    """The khoản of an article stored whole that the law map names, when it names several ("Điều 80 khoản
    1–4": each names an authority that awards Lao động tiên tiến)."""
    if "khoản" in hit.chunk.location or len(set(hit.clauses)) < 2:
        return []
    return ["\n".join(lines) for number, lines in _numbered_clauses(hit.chunk.body) if number in hit.clauses]


def _numbered_clauses(body: str) -> list[tuple[int, list[str]]]:
    """The khoản of an article with their numbers (the lines before the first numbered one are left out)."""
    return [(int(match.group(1)), lines) for lines in _clause_lines(body)
            if (match := _CLAUSE_NUMBER.match(lines[0]))]


def uncapped(unit: str, hit: Hit) -> str:
    """A khoản cut for the quote ("… ;" then " …"), whole: the lead chooses among all its điểm, and the one
    the question names may lie past the cut."""
    if not unit.endswith(" …"):
        return unit
    opening = unit[:-2].rstrip()
    return next((whole for whole in ("\n".join(lines) for lines in _clause_lines(hit.chunk.body))
                 if whole.startswith(opening)), unit)


_NEW_KHOAN = re.compile(r"\s*\d+\.\s")


def with_points(body: str, points: tuple[str, ...]) -> str:
    """A khoản's opening line and the named điểm with the paragraphs that continue them ("b) … dưới 01 năm …;" then
    "Trường hợp … từ 01 năm trở lên …"), "…" standing for the điểm left out."""
    lines = [line for line in body.split("\n") if line.strip()]
    kept, skipped, in_named = lines[:1], False, False
    for line in lines[1:]:
        label = point_label(line)
        if label or _NEW_KHOAN.match(line):
            in_named = label in points if label else False
        if in_named:
            kept += ["…"] if skipped else []
            kept.append(line)
            skipped = False
        else:
            skipped = True
    if len(kept) == 1:
        return ""
    return "\n".join(kept + (["…"] if skipped else []))


def cap(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    boundary = max(cut.rfind("\n"), cut.rfind(". "), cut.rfind("; "))
    return (cut[: boundary + 1] if boundary > limit // 2 else cut).rstrip() + " …"


def row_cells(hit: Hit) -> dict[str, str]:
    """Table rows are stored as "Quý II | Cột: giá trị | …"; read the pairs back."""
    cells = {}
    for part in hit.chunk.body.split(" | "):
        name, sep, value = part.partition(": ")
        if sep:
            cells[name.strip()] = value.strip()
    return cells

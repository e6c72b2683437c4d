"""Which other tool a chat question belongs to, and the parameters it gives.

The chat answers every question from the documents; when a question is also a
deadline query, an eligibility check or a drafting request, it offers the right
page pre-filled with what the question said. Cue words live in
`assistant/data/intents.yaml`.

>>> detect("Phòng Nội vụ có những nhiệm vụ gì trong tháng 4/2021?").params["unit"]
'Phòng Nội vụ'
>>> detect("Anh Nguyễn Văn A có đủ điều kiện Chiến sĩ thi đua cơ sở không?").params["award"]
'chien_si_thi_dua_co_so'
>>> detect("Soạn giúp mục tiến độ kế hoạch thi đua năm 2026").params["section"]
'tien_do'
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from assistant.deadlines.units import find_unit
from assistant.understanding import awards_named, split_sentences, understand
from documents.datafile import read_yaml
from documents.text import fold_accents, normalize

DATA = Path(__file__).resolve().parent / "data" / "intents.yaml"
TOOLS = ("deadlines", "eligibility", "drafting")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_DOC_NUMBER = re.compile(r"(?<![\w/])(\d{1,4}/[A-ZĐ][\w.]*(?:-[\w.]+)*)", re.UNICODE)
_QUOTED = re.compile(r"[“\"«]([^”\"»]{3,160})[”\"»]")


@dataclass
class Intent:
    tool: str  # deadlines | eligibility | drafting
    params: dict = field(default_factory=dict)
    reply: str = ""  # an answer the tool gives in the chat itself (the verdict of a narrative eligibility question)

    def query_params(self) -> dict[str, str]:
        """Flat string parameters for a page link (lists and dicts as JSON)."""
        out = {}
        for key, value in self.params.items():
            if value in (None, "", [], {}):
                continue
            out[key] = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict, bool)) else str(value)
        return out


def read_query_params(raw: dict) -> dict:
    """The inverse of `Intent.query_params`: JSON values decoded, the rest kept as text."""
    out = {}
    for key, value in raw.items():
        value = value[-1] if isinstance(value, list) else value
        if isinstance(value, str) and value[:1] in "[{" or value in ("true", "false"):
            try:
                out[key] = json.loads(value)
                continue
            except json.JSONDecodeError:
                pass
        out[key] = value
    return out


@lru_cache(maxsize=1)
def cues() -> dict:
    return read_yaml(DATA)


def _folded(text: str) -> str:
    words = re.findall(r"\w+|[,;?]", fold_accents(text).lower())
    return " " + " ".join(words) + " "


def _has_any(folded: str, words: list[str]) -> bool:
    return any(word in folded for word in words)


def _longest(folded: str, table: dict[str, str]) -> tuple[str, str] | None:
    """(phrase, code) of the longest phrase of `table` found in `folded`."""
    found = [(phrase, code) for phrase, code in table.items() if f" {_folded(phrase).strip()} " in folded]
    return max(found, key=lambda item: len(item[0])) if found else None


def detect(question: str, today: date | None = None) -> Intent | None:
    """The tool a question asks for (drafting, then eligibility, then deadlines), or None."""
    question = normalize(question).strip()
    folded = _folded(question)
    today = today or date.today()
    if _asks_for_a_draft(question):
        return Intent("drafting", drafting_params(question, today))
    eligibility = _eligibility(question, folded, today)
    if eligibility:
        return eligibility
    if _has_any(folded, cues()["deadlines"]["cues"]):
        return Intent("deadlines", deadline_params(question, today))
    return None


# ---------------------------------------------------------------- deadlines

def deadline_params(question: str, today: date) -> dict:
    params: dict = {}
    unit = find_unit(question)
    if unit:
        params["unit"] = unit
    number = _DOC_NUMBER.search(question)
    if number:
        params["doc"] = number.group(1)
    params.update(_date_range(question, today))
    folded = _folded(question)
    for status, words in cues()["deadlines"]["status"].items():
        if _has_any(folded, words):
            params["status"] = status
    return params


def asks_a_units_tasks(question: str) -> bool:
    """ "Phòng Nội vụ có những nhiệm vụ gì trong tháng 4?", not "… đăng ký danh hiệu gửi đi đâu, trước ngày nào?"."""
    return _has_any(_folded(normalize(question)), cues()["deadlines"]["unit_tasks_cues"])


@lru_cache(maxsize=1)
def _date_range(question: str, today: date) -> dict:
    from assistant.deadlines.dates import find_dates

    found = [d for d in find_dates(question, today.year, bare_years=True) if d.end]
    if not found:
        return {}
    first = found[0]
    if first.kind == "day" and first.cue and fold_accents(first.cue).startswith(("truoc", "den", "cham nhat")):
        return {"date_to": first.end.isoformat()}
    out = {"date_from": (first.start or first.end).isoformat(), "date_to": first.end.isoformat()}
    if first.kind != "day":
        out["overlap"] = True
    return out


# ---------------------------------------------------------------- eligibility

def _eligibility(question: str, folded: str, today: date) -> Intent | None:
    """An eligibility request, its form pre-filled by the narrative parser (assistant/eligibility/narrative.py);
    a narrative one (someone's facts + "có được … không") also gets the verdict as `reply`."""
    from assistant.eligibility.narrative import form_params, parse_narrative, reply
    from assistant.eligibility.vocab import supported_from

    aspect = understand(question).aspect
    if aspect and aspect not in cues()["eligibility"]["asked_aspects"]:
        return None
    parse = parse_narrative(question, today)
    named = _has_any(folded, cues()["eligibility"]["cues"]) and _longest(folded, cues()["eligibility"]["awards"])
    if not (parse.is_narrative or (named and parse.award)) or _asks_an_award_it_cannot_check(question, parse.award):
        return None
    # "năm 2019 trình Huân chương …": the rules of a year before the checker's are not its own; the texts answer,
    # and the form is still offered
    judged = parse.is_narrative and parse.year >= supported_from().year
    return Intent("eligibility", form_params(parse), reply(parse) if judged else "")


def _asks_an_award_it_cannot_check(question: str, award: str | None) -> bool:
    """ "… tiêu chuẩn Huân chương Lao động hạng Nhì … hiện nay là gì, tôi có đủ không?": the asking sentences name an
    award the checker has no rules for, and the one it read is another (a title the story tells as held); the texts
    answer, without a verdict on the wrong award."""
    from assistant.eligibility.vocab import vocabulary

    asked = awards_named(understand(question).focus or question)
    return award not in asked and any(code not in vocabulary()["awards"] for code in asked)


# ---------------------------------------------------------------- drafting

def _asks_for_a_draft(question: str) -> bool:
    """A sentence that opens with a drafting verb, names what the drafter writes (a plan, a section) and asks no
    who/which/what: "Soạn giúp mục …", not "Phòng nào chủ trì xây dựng kế hoạch …?", "bên Văn phòng soạn xong tên
    rồi, …" nor "Em cần để soạn bài tập huấn …"."""
    data = cues()["drafting"]
    for sentence in split_sentences(question):
        folded = _folded(sentence)
        if _has_any(folded, data["question_words"]):
            continue
        opening = " " + " ".join(folded.split()[: data["opening_words"]]) + " "
        cue = next((cue for cue in data["cues"] if cue in opening), None)
        if (cue and not _has_any(opening[: opening.index(cue) + 1], data["statement_words"])
                and _has_any(folded, [*data["objects"], *(f" {name} " for name in data["sections"])])):
            return True
    return False


def drafting_params(question: str, today: date) -> dict:
    data = cues()["drafting"]
    folded = _folded(question)
    params: dict = {"kind": "annual"}
    for kind, words in data["kinds"].items():
        if _has_any(folded, words):
            params["kind"] = kind
            break
    section = _section(folded, data["sections"])
    if section:
        params["section"] = section
    years = [int(y) for y in _YEAR.findall(question)]
    if years:
        params["year"] = years[0]
    quoted = _QUOTED.search(question)
    if quoted:
        params["campaign" if params["kind"] == "campaign" else "theme"] = quoted.group(1).strip()
    agency = _agency(question, data["agency_words"])
    if agency:
        params["agency"] = agency
    params.update(_campaign_dates(question, today))
    return params


def _section(folded: str, sections: dict[str, str]) -> str:
    at = folded.find(" muc ")
    if at < 0:
        return ""
    found = _longest(folded[at + 4:], sections)
    return found[1] if found else ""


def _agency(question: str, words: list[str]) -> str:
    for match in re.finditer(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})\s+", question):
        unit = find_unit(question[match.end():])
        if unit and question[match.end():].startswith(unit.split()[0]):
            return unit
    return ""


def _campaign_dates(question: str, today: date) -> dict:
    from assistant.deadlines.dates import find_dates

    spans = [d for d in find_dates(question, today.year) if d.kind == "range" and d.start and d.end]
    if not spans:
        return {}
    return {"date_from": spans[0].start.isoformat(), "date_to": spans[0].end.isoformat()}

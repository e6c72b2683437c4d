"""Deadlines written in sentences.

A sentence makes a task when it carries a time limit ("trước ngày 05/12/2021",
"Từ ngày 01/01/2021 đến ngày 30/6/2021", "chậm nhất là ngày 15 tháng 8") or
when it sits under a period label ("- Quý II: …" and the paragraphs that follow
it). Dates mentioned without such a cue — holidays "(30/4)", cited texts
"Chỉ thị số 34-CT/TW ngày 07/4/2014" — are not deadlines.

The responsible units come from the clause, then the sentence ("Các đơn vị …
gửi", "đề nghị các phòng …"), then the nearest heading that names a unit
("1. Trưởng khối (Văn phòng UBND tỉnh)", "b) Văn phòng").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.deadlines.dates import FoundDate, find_dates
from assistant.deadlines.units import (cooperating_units, requested_units, starts_with_unit, strip_bullet,
                                       subject_units)
from documents.text import collapse_spaces

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ỸĐ“\"(])")
_LABEL = re.compile(r"^(?P<label>[^:]{1,40}?)\s*:\s*(?P<rest>.*)$")
_SKIP = re.compile(r"^(?:Căn cứ|Nơi nhận|Kèm theo|\(Kèm theo|Số\s*:|Lưu\s*:)", re.IGNORECASE)


@dataclass
class ProseTask:
    task: str
    found: FoundDate
    due_text: str
    units: list[str]
    coop: list[str]
    leads: list[str]
    quote: str
    page: int | None


def join_broken_lines(lines: list[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    """A line cut in the middle of a sentence (PDF/OCR) is joined to the next one."""
    paragraphs: list[tuple[str, int | None]] = []
    for text, page in lines:
        text = text.strip()
        if not text:
            continue
        if paragraphs and not re.search(r"[.;:!?]$", paragraphs[-1][0]) and re.match(r"^[a-zà-ỹđ(]", text):
            paragraphs[-1] = (paragraphs[-1][0] + " " + text, paragraphs[-1][1])
        else:
            paragraphs.append((text, page))
    return paragraphs


def prose_tasks(lines: list[tuple[str, int | None]], year: int | None, heading_units: list[str]) -> list[ProseTask]:
    tasks: list[ProseTask] = []
    lead_period: FoundDate | None = None
    for paragraph, page in join_broken_lines(lines):
        if _SKIP.match(paragraph) or paragraph.count("|") >= 2:
            continue
        body = strip_bullet(paragraph)
        label = _LABEL.match(body)
        period = _period_label(label["label"], year) if label else None
        if period:
            lead_period, body = period, label["rest"]
        elif paragraph.lstrip().startswith(("-", "+", "•")) or re.match(r"^\s*(?:[a-zđ]\)|\d{1,2}[.)])", paragraph):
            lead_period = None
        for sentence in _SENTENCE_END.split(body):
            task = _task(sentence, year, lead_period, heading_units, paragraph, page)
            if task:
                tasks.append(task)
    return tasks


def _period_label(label: str, year: int | None) -> FoundDate | None:
    """"Quý II", "Tháng 4", "6 tháng đầu năm": a label that is nothing but a period."""
    found = [d for d in find_dates(label, year, bare_years=True) if d.end]
    if len(found) == 1 and len(collapse_spaces(label)) <= len(found[0].text) + 3:
        return found[0]
    return None


def _task(sentence: str, year, lead_period, heading_units, paragraph, page) -> ProseTask | None:
    sentence = sentence.strip()
    if len(sentence) < 8:
        return None
    cued = [d for d in find_dates(sentence, year) if d.is_deadline and d.end]
    found = cued[0] if cued else lead_period
    if found is None:
        return None
    clause = _clause(sentence, found) if cued else sentence
    due_text = _due_text(clause, found) if cued else found.text
    leads, units, coop = _units(clause, sentence, found, heading_units)
    task = clause if len(clause) >= 25 or clause == sentence else sentence
    return ProseTask(collapse_spaces(task), found, due_text, units, coop, leads, paragraph, page)


def _clause(sentence: str, found: FoundDate) -> str:
    """The ';'-separated part of the sentence that holds the date."""
    start = sentence.rfind(";", 0, found.pos) + 1
    end = sentence.find(";", found.pos)
    clause = sentence[start: end if end >= 0 else len(sentence)].strip()
    return clause or sentence


def _due_text(clause: str, found: FoundDate) -> str:
    text = found.text
    index = clause.find(found.text)
    if found.cue and found.kind != "range" and index >= 0:
        before = clause[:index]
        match = re.search(r"(?:trước|chậm nhất(?: là)?|hạn(?: chót| cuối)?|đến hết|đến|tới|vào|trong|hoàn thành(?: trong)?)\s*(?:ngày\s*)?$",
                          before, re.IGNORECASE)
        if match:
            text = before[match.start():] + found.text
    tail = re.match(r"^\s+(?:của\s+năm\s+[\wÀ-ỹ]+(?:\s+[\wÀ-ỹ]+)?|hằng năm|hàng năm)", clause[index + len(found.text):]) if index >= 0 else None
    return collapse_spaces(text + (tail[0] if tail else ""))


def _units(clause: str, sentence: str, found: FoundDate, heading_units: list[str]):
    """(leads, units, co-operating units) for a prose task."""
    inner = re.findall(r"\(([^()]*)\)", clause)
    candidates = [part for part in inner if found.text in part] + [clause, _after_date(clause, found), sentence]
    units: list[str] = []
    for text in candidates:
        units = requested_units(text) or subject_units(text)
        if units:
            break
    coop = cooperating_units(sentence)
    leads: list[str] = []
    if not units:
        units = list(heading_units)
    if units and re.search(r"\bchủ\s+trì\b", sentence, re.IGNORECASE) and starts_with_unit(strip_bullet(sentence)):
        leads, units = units, []
    return leads, units, [c for c in coop if c not in units]


def _after_date(clause: str, found: FoundDate) -> str:
    index = clause.find(found.text)
    return clause[index + len(found.text):].lstrip(" ,;:)") if index >= 0 else ""

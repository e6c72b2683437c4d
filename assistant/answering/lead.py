"""The lead of an extractive answer: one or two plain sentences that answer directly.

Built only from the words of the cited passage and short connectives ("Hạn:",
"Chủ trì:", "gồm:"), never invented: a date for "khi nào / hạn", the units and
their roles for "ai / đơn vị nào", the figure for "bao nhiêu / mấy", the points
a), b), c) for "gồm những gì / tiêu chuẩn", else the sentence that answers.

>>> lead_text("list", "1. Cá nhân đạt các tiêu chuẩn sau:\\na) Hoàn thành tốt nhiệm vụ;\\nb) Chấp hành tốt chủ trương.", {})
'Cá nhân đạt các tiêu chuẩn sau:\\n- a) Hoàn thành tốt nhiệm vụ;\\n- b) Chấp hành tốt chủ trương.'
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from assistant.understanding import (AWARD_KINDS, asking_part, asks, asks_yes_no, awards_named, folded_syllables,
                                     names_members, speaks_of_a_death, states_entry_into_force)
from assistant.vocabulary import load_vocabulary
from documents.parse import ROW_NUMBER
from documents.text import (DATE_MENTION, UPPER_LETTERS, collapse_spaces, decimal_text, decimal_value, fold_accents,
                            without_document_dates)

SENTENCE_CHARS = 400
SECOND_SENTENCE_TERMS = 6  # question words (a pair counts twice) a second sentence must add to be led too
PARALLEL_OPENING_WORDS = 8  # two sentences of a khoản opening with these many same words state two cases
ITEM_CHARS = 240
SHORT_KHOAN_CHARS = 80  # a khoản this short is an item of a list the article's title introduces
LISTED_KHOAN_CHARS = 160  # asked for a list, a khoản of one sentence this long is still an item
MAX_ITEMS = 8
_CLAUSE_ITEM = re.compile(r"^\d{1,2}\.\s+\S")
_SENTENCE_BREAK = re.compile(rf"\n+|(?<=[.;])\s+(?=[{UPPER_LETTERS}\-–+•]|[a-zđ]\))")
_ARTICLE_TITLE = re.compile(r"^(?:Điều|Chương|Mục)\s+[\dIVXL]+")
_POINT = re.compile(r"^(?:[a-zđ]\)|[-–+•])\s*")
_ARTICLE_NUMBER = re.compile(r"^Điều\s+\d+[a-z]?\.\s*")
# a khoản's number, also written close to its text ("1 . Khen thưởng", "1.Đối với", "1.“Huân chương …”"), not
# "10.000 đồng"
# "1. ", "(1) ", an article's heading line; "2.–3." (an editor's khoản range, its source's numbers merged)
_NUMBERING = re.compile(r"^(?:Điều\s+\d+[a-z]?\.\s*[^\n]*\n|\d{1,2}\.[–-]\d{1,2}\.\s*|\d{1,2} ?\.(?:\s+|(?=[^\W\d_]|[“\"]))"
                        r"|\(\d{1,2}\)\s+)")
# a figure the rule sets ("05 năm", "70%", "1,5 lần mức lương cơ sở"), not a date ("ngày 15 tháng 6 năm 2022")
_FIGURE = re.compile(
    r"(?<![\d:])\d+(?:[.,]\d+)*\s*(?:%|phần trăm|lần\s+mức\s+lương\s+cơ\s+sở|lần|năm(?!\s+\d)|tháng(?!\s+\d)"
    r"|ngày(?:\s+làm\s+việc)?|người|cá\s+nhân|tập\s+thể|đơn\s+vị|suất|bộ(?!\s*,)|bản|đồng)"
    r"|(?:quá|trên)\s+(?:bán|\d+\s*%)|từ\s+\d+\s*%\s+trở\s+lên"
    r"|(?<![\d/])\d/\d{1,2}(?![\d/])(?=\s+(?:tổng\s+)?số\b)",  # "ít nhất 2/3 tổng số thành viên"
    re.IGNORECASE,
)
_ROLE_COLUMNS = (("chu tri", "Chủ trì"), ("chi dao", "Chỉ đạo"), ("tham muu", "Tham mưu, thực hiện"),
                 ("thuc hien", "Thực hiện"), ("phoi hop", "Phối hợp"))
_TIME_COLUMNS = ("thoi gian", "thoi han", "han ", "tien do")


@dataclass
class Source:
    """What the lead is built from."""

    unit: str  # the answering sentence, khoản or table row
    question: str = ""
    cells: dict[str, str] = field(default_factory=dict)  # a table row's columns
    due: str = ""  # the deadlines register's normalised date of the task, when there is one
    heading: str = ""  # the heading the unit stands under ("3. Văn phòng Sở")
    points: tuple[str, ...] = ()  # the điểm the law map names for the question ("đ")
    subjects: tuple[str, ...] = ()  # the titles/awards the question names (vocabulary ids)
    synonyms: str = ""  # the texts' words for the question's phrases ("tệp tin điện tử" for "file mềm")


def lead_text(kind: str, unit: str, cells: dict[str, str] | None = None, due: str = "", question: str = "",
              heading: str = "", points: tuple[str, ...] = (), subjects: tuple[str, ...] = (), synonyms: str = "") -> str:
    source = Source(unit, question, cells or {}, due, heading, points, subjects, synonyms)
    builders = {"date": _date_lead, "unit": _unit_lead, "list": _list_lead, "number": _number_lead,
                "members": _members_lead}
    text = builders.get(kind, _sentence_lead)(source)
    if kind not in ("list", "date") and (_intro_only(text, source) or _no_point_asked(source)):
        text = _points_lead(source, best_only=True) or text
    if not text and kind == "date":  # "khi nào thì bị hủy quyết định …": no date, the cases the khoản lists
        text = _points_lead(source, best_only=True)
    return text or _sentence_lead(source)


# A share the law sets as a bound: "ít nhất là 70%", "từ 90% trở lên", "không quá 15%"
_LOWER_BOUND = re.compile(r"(?:(?:ít nhất|tối thiểu)(?: là)?|từ)\s+(\d+(?:[.,]\d+)?)\s*%(?:\s*trở lên)?|(\d+(?:[.,]\d+)?)\s*%\s*trở lên",
                          re.IGNORECASE)
_UPPER_BOUND = re.compile(r"(?:không quá|không vượt quá|tối đa)(?: là)?\s+(\d+(?:[.,]\d+)?)\s*%", re.IGNORECASE)
_SHARE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|phần trăm)", re.IGNORECASE)
SHARE_CONTEXT_WORDS = 10  # the words after a share that say what it is a share of
SHARED_CONTEXT_WORDS = 2  # … of which the question's and the rule's must have this many in common


def share_verdict(question: str, rule: str) -> str:
    """ "Tiểu đoàn có 68% … đạt chiến sĩ tiên tiến thì có đề nghị … được không?" asked of a rule setting one
    bound ("… ít nhất là 70% cá nhân …"): the share given against that bound, in the rule's own words. "" when
    the question asks no yes/no, gives no single share, or the rule sets no single bound on a share.

    >>> share_verdict("Tổ có 68% cá nhân đạt Lao động tiên tiến thì được không?",
    ...               "c) Có ít nhất là 70% cá nhân trong tập thể đạt danh hiệu “Lao động tiên tiến”;")
    'Không: 68% chưa đạt mức “ít nhất là 70%”.'
    """
    shares = list(_SHARE.finditer(question))
    given = {decimal_value(found.group(1)) for found in shares}
    lower, upper = list(_LOWER_BOUND.finditer(rule)), list(_UPPER_BOUND.finditer(rule))
    if not asks_yes_no(question) or len(given) != 1 or len(lower) + len(upper) != 1:
        return ""
    share, bound = given.pop(), (lower or upper)[0]
    if len(_words_after(question, shares[0]) & _words_after(rule, bound)) < SHARED_CONTEXT_WORDS:
        return ""  # a share of something else ("20% đạt CSTĐCS" beside "không quá 15% … đạt danh hiệu LĐTT")
    limit = decimal_value(bound.group(1) or bound.group(2) if lower else bound.group(1))
    shown = f"{decimal_text(share)}%"
    if lower and share < limit:
        return f"Không: {shown} chưa đạt mức “{bound.group(0)}”."
    if upper and share > limit:
        return f"Không: {shown} vượt mức “{bound.group(0)}”."
    return f"Về tỷ lệ này thì đạt ({shown}, mức quy định “{bound.group(0)}”); các tiêu chuẩn khác vẫn phải đủ."


def _words_after(text: str, match: re.Match) -> set[str]:
    return set(fold_accents(text[match.end():].lower()).split()[:SHARE_CONTEXT_WORDS])


def _intro_only(text: str, source: Source) -> bool:
    """The lead is the sentence that introduces the points ("… đạt các tiêu chuẩn sau đây:")."""
    return not text or text.rstrip(" .").endswith(":") or len(_points(source)[1]) >= 2 and not _POINT.search(text)


_FROM = re.compile(r"^(?:kể\s+)?từ\s+", re.IGNORECASE)  # "Hiệu lực từ: ngày …", not "từ: từ ngày …"


def _date_lead(source: Source) -> str:
    unit, due = source.unit, source.due
    when = _time_cell(source)
    starts = states_entry_into_force(unit)  # a text's start date is no deadline
    if not when:
        mentions = (m.group(0) for m in DATE_MENTION.finditer(without_document_dates(unit)))
        when = "; ".join(dict.fromkeys(_FROM.sub("", m) if starts else m for m in mentions))
    if not when and not due:
        return ""
    shown = f"{when} (tức {due})" if due and due not in when else (when or due)
    roles = _roles(source) if asks(source.question, "unit") else []
    label = "Hiệu lực từ" if starts else "Thời hạn"
    return f"{label}: {shown}" + "".join(f"; {role}" for role in roles) + f" — {_trim(_task(source), SENTENCE_CHARS)}"


def _time_cell(source: Source) -> str:
    """A table row's time column ("Thời gian: 05/4/2021")."""
    return next((v for k, v in source.cells.items() if v and any(c in fold_accents(k) + " " for c in _TIME_COLUMNS)), "")


def _roles(source: Source) -> list[str]:
    """A table row's units with their roles ("Chủ trì: Phòng Y tế")."""
    roles = []
    for name, value in source.cells.items():
        folded = fold_accents(name)
        if "noi dung" in folded or not value:
            continue
        label = next((label for cue, label in _ROLE_COLUMNS if cue in folded), "")
        if label:
            roles.append(f"{label}: {value}")
    return list(dict.fromkeys(roles))


def _unit_lead(source: Source) -> str:
    roles = _roles(source)
    if roles:  # who does a task, and by when: a row's time is part of the task given to them
        when = _time_cell(source) or source.due
        return "; ".join(roles) + f" — {_trim(_task(source), ITEM_CHARS)}" + (f" (thời hạn: {when})" if when else "")
    sentence = _sentence_lead(source)
    heading = _NUMBERING.sub("", source.heading).strip()
    if heading and not _ARTICLE_TITLE.match(source.heading) and fold_accents(heading) not in fold_accents(sentence):
        return f"{heading}: {sentence}"
    return sentence


def _members_lead(source: Source) -> str:
    """The line that introduces a bloc's members ("- Các cơ quan thành viên (…);"), else the list."""
    lines = [line.strip(" -–•") for line in source.unit.split("\n")]
    listing = next((line for line in lines if names_members(line)), "")
    if not listing and "(" in source.heading:  # "1. Trưởng khối (Văn phòng UBND tỉnh)": the role and who holds it
        return _unit_lead(source)
    return listing.rstrip(";") or _list_lead(source)


def _list_lead(source: Source) -> str:
    # asked for a list, an article's khoản are its items however long ("Những hành vi nào bị nghiêm cấm?")
    return _points_lead(source, best_only=False, long_khoan=True) or _inline_list(source)


def _inline_list(source: Source) -> str:
    """A list written on one line ("Các hình thức khen thưởng bao gồm: A; B; C."), whole."""
    line = next((line for line in source.unit.split("\n")
                 if ":" in line and line.split(":", 1)[1].count(";") >= 2), "")
    return _trim(_NUMBERING.sub("", line.strip()), SENTENCE_CHARS)


def _points(source: Source, long_khoan: bool = False) -> tuple[str, list[str]]:
    """The line introducing the points of a khoản, and its points a), b)… or dashes."""
    lines = [line.strip() for line in source.unit.split("\n") if line.strip()]
    if _a_list_of_khoan(lines, long_khoan):  # "Điều 9. Hình thức khen thưởng" then "1. Huân chương." … "7. Giấy khen."
        return f"{_ARTICLE_NUMBER.sub('', lines[0])}:", lines[1:]
    if len(lines) > 2 and _ARTICLE_TITLE.match(lines[0]) and not _POINT.match(lines[1]):
        lines = lines[1:]  # the article's title; the khoản below it introduces the list
    if not lines:
        return "", []
    intro = _NUMBERING.sub("", lines[0]).strip()
    items = _with_continuations(lines[1:])
    if not items and intro.endswith(":"):  # "… đạt các tiêu chuẩn sau đây:" then khoản 1., 2.
        items = [line for line in lines[1:] if _CLAUSE_ITEM.match(line)]
    return intro, items


def _with_continuations(lines: list[str]) -> list[str]:
    """The points a), b)… and the unlabelled paragraphs that continue one (QĐ 86/2025 Điều 8 khoản 4 b): "Hội
    đồng họp khi có ít nhất 2/3 …" is a paragraph of its own under b), an item the question may point to); a
    new khoản ("2. Ủy ban nhân dân cấp tỉnh quy định chi tiết …") continues no point. A later khoản that has
    points of its own heads them ("3. Danh hiệu “Lao động tiên tiến” để tặng cho công nhân, nông dân …:"), so
    the two lists of an article stored whole are not read as one."""
    items: list[str] = []
    in_point = False
    for index, line in enumerate(lines):
        if _POINT.match(line):
            items.append(line)
            in_point = True
        elif _CLAUSE_ITEM.match(line):
            in_point = False
            if items and index + 1 < len(lines) and _POINT.match(lines[index + 1]):
                items.append(_NUMBERING.sub("", line))
        elif in_point:
            items.append(line)
    return items


def _short(items: list[str]) -> bool:
    """A list short enough to be read whole: choosing one or two of its items would hide the others."""
    return sum(len(item) for item in items) <= SENTENCE_CHARS


def _a_list_of_khoan(lines: list[str], long_khoan: bool = False) -> bool:
    """An article whose khoản are each a short item (`long_khoan`: an item of a sentence, as the acts Điều 15
    forbids; asked for a list): its title introduces the list."""
    limit = LISTED_KHOAN_CHARS if long_khoan else SHORT_KHOAN_CHARS
    return (len(lines) >= 4 and bool(_ARTICLE_TITLE.match(lines[0]))
            and all(_CLAUSE_ITEM.match(line) and len(line) <= limit for line in lines[1:]))


def _no_point_asked(source: Source) -> bool:
    """ "Những nguyên tắc khen thưởng nào?": the question names what the points are about and nothing one
    point says, so no one point answers it; the list does."""
    intro, items = _points(source)
    if len(items) < 2 or source.points:  # the law map names the point that answers
        return False
    if not source.subjects and all(awards_named(item) for item in items):
        return True  # "mức tiền thưởng các danh hiệu thi đua là bao nhiêu": a point for each title, none named
    phrases = {term for term in _asked_terms(source) - _terms(intro) if "_" in term}  # one word is too common
    return not any(phrases & _terms(item) for item in items)


def _points_lead(source: Source, best_only: bool, long_khoan: bool = False) -> str:
    """All the points (a list question), or the one or two that share most words with the question."""
    intro, items = _points(source, long_khoan)
    if len(items) < 2:
        return ""
    named = [item for item in items if point_label(item) in source.points]
    if best_only and not _short(items) and not _no_point_asked(source):
        # what the opening line names ("Bằng khen của Bộ, ban, ngành, tỉnh …", "Thời gian tham gia công tác để
        # xét …:") is what every point is about: the question's other words pick the point
        wanted = _asked_terms(source) - _terms(intro) - (set() if intro else _shared_by_most(items))
        # beside the điểm the law map names (the one naming a title held), the one the question's other words
        # point to ("… có sáng kiến … dùng sáng kiến năm trước được không"); not one that only repeats the
        # title's words ("CSTĐCS được thưởng bao nhiêu": c), not a) "Chiến sĩ thi đua toàn quốc")
        ranked = sorted(items, key=lambda item: -len(wanted & _terms(item)))
        if named:  # a pair of words, as one syllable folded is too loose ("tiền" / "tiến")
            wanted = {term for term in wanted - set().union(*map(_terms, named)) if "_" in term}
        best = (named + [item for item in ranked if item not in named and wanted & _terms(item)])[:2]
        items = [item for item in items if item in best] or items
    items = named + [item for item in items if item not in named]  # the điểm the law map names first
    shown = [f"- {_point_text(item.lstrip('-–+• '), source.question, _item_limit(item, items, source, best_only))}"
             for item in items[:MAX_ITEMS]]
    if len(items) > MAX_ITEMS:
        shown.append(f"- … (còn {len(items) - MAX_ITEMS} điểm nữa)")
    return "\n".join([_trim(intro, SENTENCE_CHARS)] * bool(intro) + shown)


def _shared_by_most(items: list[str]) -> set[str]:
    """With no opening line to say what every point is about (NĐ 152/2025 Điều 9 "2.–3.", its source's points under
    no sentence), the words most points share ("khen thưởng quá trình cống hiến") are that topic: they pick none."""
    counts = Counter(term for item in items for term in _terms(item))
    return {term for term, n in counts.items() if n * 2 >= len(items)} if len(items) >= 3 else set()


def _asked_terms(source: Source) -> set[str]:
    """The words of the asking sentences still asked ("… Vậy tiêu chuẩn là sao?" after a story asks all the
    points: the story's words name none)."""
    return _terms(_still_asked(asking_part(source.question) or source.question))


_STILL_ASKED = re.compile(r"\bcòn\b(?=[^?.]*\bnữa\b)", re.IGNORECASE)


def _still_asked(question: str) -> str:
    """ "Hồ sơ gồm tờ trình, báo cáo thành tích và còn biên bản gì nữa?": what follows "còn … nữa" is asked,
    what comes before it the asker already has."""
    found = list(_STILL_ASKED.finditer(question))
    return question[found[-1].end():] if found else question


def point_label(item: str) -> str:
    """ "đ) Đã được tặng …" → "đ"."""
    match = re.match(r"([a-zđ])\)", item)
    return match.group(1) if match else ""


def _item_limit(item: str, items: list[str], source: Source, best_only: bool) -> int:
    """Of a whole list, the point the law map names or else the one closest to the question is shown
    whole, the others shortened."""
    if best_only or point_label(item) in source.points:
        return SENTENCE_CHARS
    wanted = _terms(source.question)
    shared = [len(wanted & _terms(other)) for other in items]
    return SENTENCE_CHARS if len(wanted & _terms(item)) == max(shared) > sorted(shared)[-2] else ITEM_CHARS


def _point_text(item: str, question: str, limit: int) -> str:
    """A point keeps its label and opening words ("d) Chứng nhận hoặc xác nhận …") when they hold as many of
    the question's words as any later stretch; else its label and the stretch that holds most. Shortened,
    it keeps the figure it states ("… trong thời gian từ 10 năm trở lên")."""
    opening = item[:limit]
    if len(item) <= limit:
        return _trim(item, limit)
    wanted = _terms(question)
    later = _around_match(item, question, limit)
    shortened = limit < SENTENCE_CHARS  # a point shown beside the one that answers keeps its opening words
    if wanted & _terms(opening[2:]) and (shortened or len(wanted & _terms(opening)) >= len(wanted & _terms(later))):
        return _with_its_figure(_trim(item, limit), item)
    label = point_label(item)
    return _with_its_figure(f"{label}) {later}" if label and later.startswith("…") else later, item)


FIGURE_CONTEXT_CHARS = 40  # the words before a figure that say what it counts ("trong thời gian từ")


def _with_its_figure(shown: str, item: str) -> str:
    """A shortened point that lost the figure it states gets it back, with the few words before it."""
    text = collapse_spaces(item)
    found = _FIGURE.search(text)
    if found is None or _FIGURE.search(shown) or not shown.endswith("…"):
        return shown
    start = text.rfind(" ", 0, max(0, found.start() - FIGURE_CONTEXT_CHARS)) + 1
    end = text.find(" ", found.end() + 12)
    end = end if end > 0 else len(text)
    kept = shown[:-1].rstrip()
    if text.startswith(kept) and start <= len(kept):  # the figure follows close on: the point goes on to it
        return f"{kept}{text[len(kept):end].rstrip(' ,;.')} …"
    return f"{shown} {text[start:end].rstrip(' ,;.')} …"


_COUNTED = re.compile(r"\b(?:bao nhiêu|mấy)\s+(\w+)", re.IGNORECASE)
_COUNTED_ALIKE = {"người": ("người", "cá nhân")}  # "bao nhiêu người" is answered by "10 cá nhân"


def _number_lead(source: Source) -> str:
    sentences = [s for s in _sentences(source.unit) if _FIGURE.search(s)]  # the sentence that gives a figure
    sentence = _best_sentence("\n".join(sentences), source) if sentences else ""
    figures = _asked_figures_first(list(dict.fromkeys(m.group(0).strip() for m in _FIGURE.finditer(sentence))),
                                   source.question)
    if not figures:
        return ""
    return f"{'; '.join(figures[:3])} — {_around_figure(collapse_spaces(sentence), figures[0])}"


def _around_figure(sentence: str, figure: str) -> str:
    """A long sentence stating the figure late is cut to the stretch that leads to it and goes on from it."""
    at = sentence.find(figure)
    if at < SENTENCE_CHARS // 2:
        return _trim(sentence, SENTENCE_CHARS)
    start = sentence.rfind(" ", 0, max(0, at - SENTENCE_CHARS // 3)) + 1
    return "… " + _trim(sentence[start:], SENTENCE_CHARS)


def _asked_figures_first(figures: list[str], question: str) -> list[str]:
    """ "tối đa bao nhiêu người?" of "… không quá 10 cá nhân trong 01 năm": the figure counting what is asked first."""
    nouns = {noun for m in _COUNTED.finditer(question)
             for noun in _COUNTED_ALIKE.get(m.group(1).lower(), (m.group(1).lower(),))}
    return sorted(figures, key=lambda figure: not any(collapse_spaces(figure).lower().endswith(noun) for noun in nouns))


def _sentence_lead(source: Source) -> str:
    if _ARTICLE_TITLE.match(source.unit.strip()) and "\n" not in source.unit.strip():
        return source.unit.strip()  # an article's title says what the article rules on
    if source.cells:
        return _trim("; ".join(f"{k}: {v}" for k, v in source.cells.items() if v), SENTENCE_CHARS)
    best = _with_parallel_cases(_best_sentence(source.unit, source), source.unit)
    listing = _inline_list(source)
    if listing and best in collapse_spaces(listing):
        return listing  # one item of "… gồm: A; B; C" answers only with the others beside it
    second = _second_asked(best, source.unit, source.question)
    asked = f"{source.question} {source.synonyms}"
    return " ".join(_around_match(sentence, asked) for sentence in (best, second) if sentence)


def _second_asked(best: str, unit: str, question: str) -> str:
    """ "bình xét, đề nghị từ đâu, và cấp nào có trách nhiệm xét tặng?": a question asking two things the
    khoản answers in two sentences gets both; the second must hold enough of the question's words the
    first does not."""
    wanted = _terms(question)
    left = wanted - _terms(best)
    others = [s for s in _sentences(unit) if s != best and s not in best]
    if not others:
        return ""
    second = max(others, key=lambda s: _shared(left, _terms(s)))
    return second if _shared(left, _terms(second)) >= SECOND_SENTENCE_TERMS else ""


def _shared(wanted: set[str], terms: set[str]) -> int:
    return sum(2 if "_" in term else 1 for term in wanted & terms)


def _task(source: Source) -> str:
    unit, cells = source.unit, source.cells
    if cells:
        task = next((v for k, v in cells.items() if "noi dung" in fold_accents(k) or "nhiem vu" in fold_accents(k)), "")
        # a row read by position starts with its number ("Cột 1: 2"): the task is the first cell that says something
        return task or next((v for k, v in cells.items() if k != "Nhóm" and not ROW_NUMBER.match(v)), "")
    return _best_sentence(unit, source)


def _sentences(unit: str) -> list[str]:
    text = _POINT.sub("", _NUMBERING.sub("", unit.strip()))
    parts = _SENTENCE_BREAK.split(text)  # not inside "…; dân quân …;" nor "…; đề nghị Thủ tướng …"
    return [collapse_spaces(_POINT.sub("", p)) for p in parts if p and p.strip()]


def _terms(text: str) -> set[str]:
    """Syllables and adjacent pairs ("co_so" tells "Chiến sĩ thi đua cơ sở" from "toàn quốc")."""
    words = [fold_accents(w) for w in re.findall(r"\w+", text) if len(w) > 1]
    return set(words) | {f"{a}_{b}" for a, b in zip(words, words[1:])}


def _best_sentence(unit: str, source: Source) -> str:
    """The sentence of the unit that names the title asked about and shares most words with the question
    (the first on a tie): "… Chiến sĩ thi đua bộ, ban, ngành, tỉnh … từ 90%" / "… Chiến sĩ thi đua cơ sở,
    Cờ thi đua … từ 80%" share the same words; only the first names the title."""
    sentences = _sentences(unit) or [collapse_spaces(unit)]
    wanted = _terms(source.question)
    of_a_death = speaks_of_a_death(source.question)
    return max(sentences, key=lambda s: (_names_any(s, source.subjects), of_a_death or not _of_the_dead_only(s),
                                         len(wanted & _terms(s)), -sentences.index(s)))


_TO_LIVING_AND_DEAD = re.compile(r"\btặng (?:và|hoặc) truy tặng\b", re.IGNORECASE)


def _of_the_dead_only(sentence: str) -> bool:
    """ "Thanh niên xung phong hy sinh … thì được truy tặng …": an award made posthumously, which answers no
    question about someone living ("tặng và truy tặng" speaks of both; "… khi có thông báo nghỉ hưu (kể cả các
    trường hợp đã hy sinh, từ trần)" of the living first)."""
    return " truy tang " in folded_syllables(_TO_LIVING_AND_DEAD.sub("tặng", sentence))


def _names_any(sentence: str, subjects: tuple[str, ...]) -> int:
    """2 when the sentence names a title asked about, 1 when it names only the award it is a kind of ("Giấy khen
    các cấp" for the Giấy khen of a department's director; not "danh hiệu thi đua", a notion), else 0."""
    vocabulary = load_vocabulary()
    named = {match.entry.id for match in vocabulary.find(sentence)}
    if named & set(subjects):
        return 2
    awards = {parent for subject in subjects for parent in vocabulary.ancestors(subject)
              if vocabulary.get(parent).kind in AWARD_KINDS}
    return int(bool(named & awards))


def _with_parallel_cases(best: str, unit: str) -> str:
    """A khoản that rules on two cases in sentences opening alike ("Trong cùng một thời điểm, một đối
    tượng đạt nhiều danh hiệu …, có thời gian … khác nhau …" / "… có cùng thời gian … cao nhất"): both."""
    opening = best.split()[:PARALLEL_OPENING_WORDS]
    twins = [s for s in _sentences(unit) if s != best and s.split()[:PARALLEL_OPENING_WORDS] == opening]
    return " ".join([best, *twins]) if len(opening) == PARALLEL_OPENING_WORDS and twins else best


def _around_match(sentence: str, question: str, limit: int = SENTENCE_CHARS) -> str:
    """A long sentence cut to the stretch that holds the question's words."""
    if len(sentence) <= limit:
        return sentence
    wanted = _terms(question)
    words = sentence.split(" ")
    folded = [fold_accents(re.sub(r"\W", "", w)) for w in words]
    hits = [i for i, w in enumerate(folded) if w in wanted]
    if not hits:
        return _trim(sentence, limit)
    # a pair of the question's words ("Thủ tướng", "đề nghị") weighs more than a lone "của" or "có"
    pairs = [i for i in range(len(words) - 1) if f"{folded[i]}_{folded[i + 1]}" in wanted]
    best_start, best_end, best = 0, len(words), -1
    for start in range(len(words)):
        end, length = start, 0
        while end < len(words) and length + len(words[end]) + 1 <= limit:
            length += len(words[end]) + 1
            end += 1
        count = sum(1 for i in hits if start <= i < end) + sum(1 for i in pairs if start <= i and i + 1 < end)
        if count >= best:  # of windows alike, the later one: the words asked about close the sentence
            best_start, best_end, best = start, end, count
        if end == len(words):
            break
    piece = " ".join(words[best_start:best_end]).rstrip(" ,;") + (" …" if best_end < len(words) else "")
    return ("… " if best_start else "") + _trim(piece, limit + 2)


def _trim(text: str, limit: int) -> str:
    text = collapse_spaces(text)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    boundary = max(cut.rfind("; "), cut.rfind(", "), cut.rfind(" "))
    return cut[: boundary if boundary > limit // 2 else limit].rstrip(" ,;") + " …"

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

from documents.text import collapse_spaces, fold_accents

SENTENCE_CHARS = 260
ITEM_CHARS = 160
MAX_ITEMS = 8
_POINT = re.compile(r"^(?:[a-zđ]\)|[-–+•])\s*")
_NUMBERING = re.compile(r"^(?:Điều\s+\d+[a-z]?\.\s*[^\n]*\n|\d{1,2}\.\s+|\(\d{1,2}\)\s+)")
_DATE = re.compile(
    r"(?:(?:trước|sau|từ|đến|hết|trong)\s+(?:ngày\s+)?)?\d{1,2}/\d{1,2}(?:/\d{4})?"
    r"|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|[Qq]uý\s+[IV]+(?:/\d{4})?|tháng\s+\d{1,2}(?:/\d{4})?"
    r"|\d+\s+tháng\s+(?:đầu|cuối)\s+năm|hết\s+năm\s+\d{4}|(?:trong|trước)\s+\d+\s+ngày(?:\s+làm\s+việc)?",
    re.IGNORECASE,
)
_FIGURE = re.compile(
    r"\d+(?:[.,]\d+)*\s*(?:%|phần trăm|lần\s+mức\s+lương\s+cơ\s+sở|lần|năm|tháng|ngày(?:\s+làm\s+việc)?|người|bản|đồng)"
    r"|(?:quá|trên)\s+(?:bán|\d+\s*%)|từ\s+\d+\s*%\s+trở\s+lên",
    re.IGNORECASE,
)
_ROLE_COLUMNS = (("chu tri", "Chủ trì"), ("chi dao", "Chỉ đạo"), ("tham muu", "Tham mưu, thực hiện"),
                 ("thuc hien", "Thực hiện"), ("phoi hop", "Phối hợp"))
_TIME_COLUMNS = ("thoi gian", "thoi han", "han ", "tien do")


def lead_text(kind: str, unit: str, cells: dict[str, str], due: str = "") -> str:
    """`unit`: the answering sentence, khoản or table row; `cells`: a table row's columns;
    `due`: the deadlines register's normalised date for it, when there is one."""
    builders = {"date": _date_lead, "unit": _unit_lead, "list": _list_lead, "number": _number_lead}
    text = builders.get(kind, _sentence_lead)(unit, cells, due)
    return text or _sentence_lead(unit, cells, due)


def _date_lead(unit: str, cells: dict[str, str], due: str) -> str:
    when = next((v for k, v in cells.items() if v and any(c in fold_accents(k) + " " for c in _TIME_COLUMNS)), "")
    if not when:
        when = "; ".join(dict.fromkeys(m.group(0) for m in _DATE.finditer(unit)))
    if not when and not due:
        return ""
    shown = f"{when} (tức {due})" if due and due not in when else (when or due)
    return f"Thời hạn: {shown} — {_trim(_task(unit, cells), SENTENCE_CHARS)}"


def _unit_lead(unit: str, cells: dict[str, str], due: str) -> str:
    roles = []
    for name, value in cells.items():
        folded = fold_accents(name)
        if "noi dung" in folded or not value:
            continue
        label = next((label for cue, label in _ROLE_COLUMNS if cue in folded), "")
        if label:
            roles.append(f"{label}: {value}")
    if roles:
        return "; ".join(dict.fromkeys(roles)) + f" — {_trim(_task(unit, cells), ITEM_CHARS)}"
    return ""


def _list_lead(unit: str, cells: dict[str, str], due: str) -> str:
    lines = [line.strip() for line in unit.split("\n") if line.strip()]
    items = [line for line in lines[1:] if _POINT.match(line)]
    if len(items) < 2:
        return ""
    intro = _NUMBERING.sub("", lines[0]).strip()
    shown = [f"- {_trim(item.lstrip('-–+• '), ITEM_CHARS)}" for item in items[:MAX_ITEMS]]
    if len(items) > MAX_ITEMS:
        shown.append(f"- … (còn {len(items) - MAX_ITEMS} điểm nữa)")
    return "\n".join([_trim(intro, SENTENCE_CHARS)] + shown)


def _number_lead(unit: str, cells: dict[str, str], due: str) -> str:
    figures = list(dict.fromkeys(m.group(0).strip() for m in _FIGURE.finditer(unit)))
    if not figures:
        return ""
    return f"{'; '.join(figures[:3])} — {_trim(_first_sentence(unit), SENTENCE_CHARS)}"


def _sentence_lead(unit: str, cells: dict[str, str], due: str) -> str:
    if cells:
        return _trim("; ".join(f"{k}: {v}" for k, v in cells.items() if v), SENTENCE_CHARS)
    return _trim(_first_sentence(unit), SENTENCE_CHARS)


def _task(unit: str, cells: dict[str, str]) -> str:
    if cells:
        task = next((v for k, v in cells.items() if "noi dung" in fold_accents(k) or "nhiem vu" in fold_accents(k)), "")
        return task or next(iter(cells.values()), "")
    return _first_sentence(unit)


def _first_sentence(unit: str) -> str:
    text = collapse_spaces(_NUMBERING.sub("", unit.strip()))
    text = _POINT.sub("", text)
    match = re.search(r"(?<=[.;])\s+(?=[A-ZÀ-ỸĐa-zđ]\))|(?<=\.)\s+(?=[A-ZÀ-ỸĐ])", text)
    return text[: match.start()] if match and match.start() > 40 else text


def _trim(text: str, limit: int) -> str:
    text = collapse_spaces(text)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    boundary = max(cut.rfind("; "), cut.rfind(", "), cut.rfind(" "))
    return cut[: boundary if boundary > limit // 2 else limit].rstrip(" ,;") + " …"

"""Vietnamese text at the door: NFC normalisation, word tokens, accent folding.

>>> normalize("Thi đua") == normalize("Thi đua")  # decomposed vs precomposed
True
>>> fold_accents("Khen thưởng Đợt 2")
'khen thuong dot 2'
"""
from __future__ import annotations

import re
import sys
import unicodedata
from datetime import date
from functools import lru_cache

_SPACE = re.compile(r"\s+")
_YEAR = re.compile(r"(?<![\d/])(19[5-9]\d|20\d\d)(?![\d/])")  # a year, not the 2017 of "91/2017/NĐ-CP"
_WORD = re.compile(r"\w+", re.UNICODE)
_VIETNAMESE_MARKED = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


def normalize(text: str) -> str:
    """NFC-normalise and drop characters that break matching (NUL, BOM, soft hyphen)."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\x00", "").replace("\ufeff", "").replace("\u00ad", "")


def collapse_spaces(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


# Capital letters for a regex character class: "[À-Ỹ]" would also hold the lower-case Vietnamese letters
# that lie between them (đ, ạ, ả …).
UPPER_LETTERS = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x1EFA)) if ch.isupper())


WORD_CACHE_CHARS = 24  # a word or short phrase: folded once, as the same syllables come back with every passage


def fold_accents(text: str) -> str:
    """Lower-case and strip diacritics (đ → d); used only for matching, never for display."""
    return _fold_short(text) if len(text) <= WORD_CACHE_CHARS else _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_fold_short = lru_cache(maxsize=1 << 16)(_fold)


def diacritic_ratio(text: str) -> float:
    """Share of letters-bearing words that carry a Vietnamese diacritic."""
    words = [w for w in _WORD.findall(text) if not w.isdigit()]
    if not words:
        return 0.0
    return sum(1 for w in words if _VIETNAMESE_MARKED.search(w)) / len(words)


def looks_unaccented(text: str, threshold: float = 0.08) -> bool:
    """True when a query was typed without (or nearly without) diacritics."""
    words = [w for w in _WORD.findall(text) if not w.isdigit()]
    return len(words) >= 2 and diacritic_ratio(text) < threshold


@lru_cache(maxsize=1)
def _pyvi_tokenizer():
    # pyvi's CRF wrapper (sklearn_crfsuite) imports scikit-learn only for a base class
    # and falls back to a plain one without it; scikit-learn pulls in scipy and pandas,
    # seconds of a cold start. Hide it during this import only.
    hidden = "sklearn" not in sys.modules
    if hidden:
        sys.modules["sklearn"] = None  # type: ignore[assignment]  # makes `import sklearn…` fail fast
    try:
        from pyvi import ViTokenizer
    finally:
        if hidden and sys.modules.get("sklearn", 0) is None:
            del sys.modules["sklearn"]
    return ViTokenizer


def plain_number(token: str) -> str:
    """ "05" → "5": the texts write "05 năm", "03 lần", "Đợt 02"; officers write "5 năm", "đợt 2"."""
    return token.lstrip("0") or "0" if token.isdigit() and len(token) <= 3 else token


def decimal_value(written: str) -> float:
    """ "1,5" → 1.5, "70" → 70.0: a figure written with the Vietnamese decimal comma."""
    return float(written.replace(",", "."))


def decimal_text(value: float) -> str:
    """ 4.5 → "4,5", 92.0 → "92": a figure as an office writes it (the inverse of `decimal_value`)."""
    return f"{value:g}".replace(".", ",")


def word_tokenize(text: str) -> list[str]:
    """Lower-cased Vietnamese word tokens; multi-syllable words joined by '_' (`thi_đua`).

    Syllables of each compound are added too, so that a query word that pyvi
    segments differently still matches.
    """
    segmented = _pyvi_tokenizer().tokenize(collapse_spaces(text).lower())
    tokens: list[str] = []
    for token in segmented.split():
        if not _WORD.search(token):
            continue
        token = plain_number(token)
        tokens.append(token)
        if "_" in token:
            tokens.extend(part for part in token.split("_") if part)
    return tokens


def syllable_tokenize(text: str) -> list[str]:
    return [plain_number(w.lower()) for w in _WORD.findall(text)]


def find_years(text: str) -> list[int]:
    """Years written in a text, in order, without repeats.

    >>> find_years("năm 2023 và 2024, theo Nghị định 91/2017/NĐ-CP")
    [2023, 2024]
    """
    return list(dict.fromkeys(int(y) for y in _YEAR.findall(text)))


def format_vn_date(day: date | str | None) -> str:
    """The one date format users read: dd/mm/yyyy. Accepts a date or an ISO string.

    >>> format_vn_date(date(2025, 7, 1)), format_vn_date("2024-01-01"), format_vn_date("")
    ('01/07/2025', '01/01/2024', '')
    """
    if not day:
        return ""
    if isinstance(day, str):
        try:
            day = date.fromisoformat(day[:10])
        except ValueError:
            return day
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


# A date or time limit as plans and laws write it: "trước ngày 15/11", "ngày 30 tháng 4 năm 2025",
# "quý II/2021", "tháng 10 năm 2025", "6 tháng đầu năm", "trong 25 ngày làm việc", "trước 15:00 ngày thứ Sáu".
DATE_MENTION = re.compile(
    r"(?:(?:trước|sau|từ|đến|hết|trong)\s+(?:ngày\s+)?)?(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{4})?(?![\d/])"  # not "98/2023/NĐ-CP"
    r"|(?:(?:trước|sau|từ|đến|hết|chậm nhất)\s+)?ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|[Qq]uý\s+[IV]+(?:/\d{4})?|tháng\s+\d{1,2}(?:/\d{4}|\s+năm\s+\d{4})?"
    r"|\d+\s+tháng\s+(?:đầu|cuối)\s+năm|hết\s+năm\s+\d{4}|(?:trong|trước)\s+\d+\s+ngày(?:\s+làm\s+việc)?"
    r"|(?:trước\s+)?\d{1,2}(?::\d{2}|\s*giờ|h\d{0,2})?\s+(?:ngày\s+)?thứ\s+(?:hai|ba|tư|năm|sáu|bảy)\b",
    re.IGNORECASE,
)


# "Quyết định số 2437/QĐ-TTg ngày 04 tháng 11 năm 2025": the date a cited document was issued, no deadline.
_DOCUMENT_DATE = re.compile(
    r"\b(?:Luật|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Kế hoạch|Công văn|Công điện|Hướng dẫn|Kết luận|"
    r"Thông báo|Văn bản)\s+(?:số\s+)?[\w./-]+\s+ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|/\d{1,2}/\d{4})",
    re.IGNORECASE)


def without_document_dates(text: str) -> str:
    return _DOCUMENT_DATE.sub(" ", text)


# A ceiling or a floor as plans and rules write them: "không quá 10 cá nhân", "tối đa 15%", "ít nhất 85%",
# "80% trở lên" (a scoring table's "tỷ lệ 100% cộng 05 điểm" sets none).
QUANTITY_MENTION = re.compile(
    r"\b(?:không\s+(?:vượt\s+)?quá|tối\s+đa|ít\s+nhất|tối\s+thiểu|không\s+dưới|không\s+thấp\s+hơn)\s+\d+"
    r"|\d+(?:[.,]\d+)?\s*(?:%|phần\s+trăm)\s+trở\s+(?:lên|xuống)",
    re.IGNORECASE,
)


def mentions_a_quantity(text: str) -> bool:
    return bool(QUANTITY_MENTION.search(text))


def mentions_a_date(text: str) -> bool:
    return bool(DATE_MENTION.search(text))


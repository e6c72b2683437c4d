"""Which rules a question is about: the date it refers to and the documents it names.

"theo quy định hiện hành" (or no date) means today; "Năm 2020, tiêu chuẩn … là gì?",
"hồi năm 2024 …" or "tháng 3/2024" mean the rules then; a year a story only tells
("năm 2014 trình Huân chương …") keeps today's rules, that year's after them. A document
named in the question ("Nghị định 91/2017", "Thông tư 12/2019") is what the user wants, in
force or not.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache

from assistant.catalogue import NORMATIVE_TYPES, Catalogue, CatalogueEntry
from assistant.lawstate import latest_successor, successors
from assistant.vocabulary import load_vocabulary
from documents.parse import document_types
from documents.text import fold_accents, normalize

_YEAR = re.compile(r"\b(?:năm\s+)?(19[5-9]\d|20\d\d)\b")
_NUMBER_WITH_YEAR = re.compile(r"\b\d{1,5}\s*/\s*\d{4}\b")
# "Luật TĐKT 2022", "Luật Thi đua, khen thưởng năm 2003": the year names the law, not the question's date.
_LAW_YEAR = re.compile(r"\b(?:luật|bộ luật)(?:\s+[\w,]+){0,5}?\s+(?:năm\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
# "Tôi đã được Bằng khen năm 2019, …": a year inside a clause of past events tells the story, not the
# date whose rules the question asks about.
_STORY_YEAR = re.compile(r"\bđã\b[^.?!;,]{0,60}?\b(?:19|20)\d\d\b", re.IGNORECASE)
# "… Bằng khen năm 2020, từ đó đến nay …", "nay thanh tra phát hiện …": the question is asked under today's rules
# ("công tác liên tục đến giờ": the period runs to today; "được BK TTg năm 2019, từ đó đều HTTNV": since then)
_NOW = re.compile(r"hiện hành|hiện nay|bây giờ|hiện tại|hiện giờ|\b(?:đến|tới) (?:nay|giờ)\b|\bnăm nay\b|"
                  r"(?:^|[,.;]\s*)nay\b|\btừ đó\b", re.IGNORECASE)


# "NĐ 152 có hiệu lực từ ngày nào, hồ sơ trình hồi tháng 6/2025 …": a text's validity is asked, not the rules of a date
_ASKS_VALIDITY = re.compile(r"hiệu lực (?:thi hành )?(?:từ |kể từ )?(?:ngày nào|khi nào|bao giờ|lúc nào)|"
                            r"(?:còn|hết) hiệu lực (?:không|chưa|chưa ạ)", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"\b(?:tháng|thg|th|t)\s*(\d{1,2})\s*[/-]\s*((?:19|20)\d\d)\b", re.IGNORECASE)
# words that place the question at a past time, whose rules then apply
_PAST_FRAME = re.compile(r"\b(?:hồi|lúc đó|lúc ấy|khi đó|khi ấy|thời điểm đó|thời điểm ấy|còn áp dụng|đang áp dụng|"
                         r"vẫn áp dụng|quy định năm|quy định của năm|nếu (?:trong |vào |đến )?năm (?:19|20)\d\d|"
                         # "theo quy định áp dụng trong năm 2024"
                         r"áp dụng (?:trong |vào |cho |tại thời điểm |ở thời điểm )?năm (?:19|20)\d\d|"
                         # "quy định mới nhất 2024": the latest as of that year
                         r"mới nhất (?:năm |của năm |)(?:19|20)\d\d)\b",
                         re.IGNORECASE)
# "Năm 2019, tiêu chuẩn CSTĐCS là gì?": a year that opens a question on the rules, not a story ("Năm 2017, tôi …")
_YEAR_FRAME = re.compile(r"^\s*(?:trong |vào |đến )?năm\s+(?:19|20)\d\d\s*,(?![^.?!]*\b(?:tôi|em|mình|chúng tôi|"
                         r"chúng em|đơn vị tôi|đơn vị em)\b)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _type_codes() -> dict[str, str]:
    """How a question names a document type, folded and lower-cased: its name ("nghi dinh") or the
    short form officers write before a number ("NĐ 98", "TT 12/2019", "KH 632") → the type's code."""
    codes = {}
    for doc_type in document_types():
        for name in [doc_type.name, *doc_type.short_forms]:
            codes[fold_accents(name).lower()] = doc_type.code
    return codes


@lru_cache(maxsize=1)
def _doc_ref() -> re.Pattern:
    """A document reference in a folded, lower-cased question: type, number, then a year or symbol."""
    names = "|".join(sorted((re.escape(name) for name in _type_codes()), key=len, reverse=True))
    return re.compile(rf"(?<![\w/])({names})\s*(?:so\s*)?(\d{{1,5}})(?!\d)"
                      rf"(?:\s*/\s*(\d{{4}}|[a-z][\w\-]*)|(?!{_A_QUANTITY_AFTER}))")


# a number followed by a unit counts something ("thời hạn kỷ luật 6 tháng"), it does not number a document
# ("Luật 06 năm 2022", "KH 632 ngày 5/3" do: a date follows)
_A_QUANTITY_AFTER = r"\s*(?:thang|tuan|lan|nguoi|tuoi|(?:ngay|nam)(?!\s*\d)|%)(?!\w)"


_FULL_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*(?:/|-|\s+tháng\s+)(\d{1,2})\s*(?:/|-|\s+năm\s+)((?:19|20)\d\d)(?![\d/])")


def _full_dates(question: str) -> list[date]:
    found = []
    for match in _FULL_DATE.finditer(question):
        try:
            found.append(date(int(match[3]), int(match[2]), int(match[1])))
        except ValueError:
            continue
    return found


def without_dates(question: str) -> str:
    """The question without its full dates: "Ngày 15/3/2025, …" asks about the rules, not about that date's words."""
    return _FULL_DATE.sub(" ", re.sub(r"\b(?:vào\s+)?ngày\s+(?=\d)", " ", question, flags=re.IGNORECASE))


def _month_dates(question: str) -> list[date]:
    """ "Tháng 3/2024 Hội đồng họp xét …": the month the question places itself in; not the month of a
    document it names ("công điện của Thủ tướng tháng 11/2025")."""
    return [date(int(m[2]), int(m[1]), 15) for m in _MONTH_YEAR.finditer(question)
            if 1 <= int(m[1]) <= 12 and not _dates_a_document(question[max(0, m.start() - 40):m.start()])]


# "phong trào tỉnh phát động hồi tháng 11/2025": the month the document launching it was issued
_ISSUED_IN = re.compile(r"\b(?:phát động|ban hành|phát hành|ký)\s+(?:hồi\s+|vào\s+|từ\s+|trong\s+)?$", re.IGNORECASE)


def _dates_a_document(before: str) -> bool:
    words = fold_accents(before).lower()
    return (bool(_ISSUED_IN.search(before))
            or any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words) for name in _type_codes()))


def reference_date(question: str, today: date) -> date:
    """The date whose rules the question is about; years inside document numbers do not count.
    A full date ("ngày 15/3/2025") or a month ("tháng 3/2024") is taken as it is; a bare year only
    when the question places itself then ("Năm 2019, tiêu chuẩn … là gì?", "hồi năm 2024, lúc đó …"):
    "năm 2013 được Bằng khen, năm 2014 trình Huân chương được không?" is answered by today's rules,
    the older ones after them."""
    if _NOW.search(question) or _ASKS_VALIDITY.search(question):
        return today
    days = [d for d in _full_dates(question) + _month_dates(question) if d <= today]
    if days:
        return max(days)
    if not (_PAST_FRAME.search(question) or _YEAR_FRAME.match(question)):
        return today
    return _year_asked(question, today) or today


def past_year_named(question: str, today: date) -> date | None:
    """A past year the question names without placing itself then ("năm 2014 trình Huân chương … được
    không?"): today's rules answer, and the rule of that year follows them. None when the question names
    none, or its rules are that year's already."""
    if _NOW.search(question):  # "Bằng khen năm 2019, từ đó tới giờ …": the year starts a span asked about today
        return None
    year = _year_asked(question, today)
    return year if year is not None and reference_date(question, today) != year else None


def _year_asked(question: str, today: date) -> date | None:
    """The latest past year the question names, beside no document number, law name or past event."""
    without_numbers = without_document_numbers(_LAW_YEAR.sub(" ", _STORY_YEAR.sub(" ", question)))
    years = [int(y) for y in _YEAR.findall(without_numbers)]
    if not years or max(years) >= today.year:
        return None
    return date(max(years), 7, 1)


def without_document_numbers(question: str) -> str:
    """The question, folded and lower-cased, without the numbers of the documents it names
    ("QĐ 2040/QĐ-BGDĐT": 2040 is no year)."""
    return _NUMBER_WITH_YEAR.sub(" ", _doc_ref().sub(" ", fold_accents(question).lower()))


# "nghị định mới đã thay NĐ 98": a text named as the one replaced is not the one asked about
_REPLACED_BEFORE = re.compile(r"\b(?:thay|thay the|thay cho)\s*$")
# "chị trưởng phòng bảo theo Nghị định 91/2017 thì …", "anh bên tài chính dẫn điều 67 Nghị định 91/2017": a text
# someone else cites is the claim the asker checks; when it has been replaced, today's rule is asked
# (read with diacritics: folded, "bảo" is also "báo", "nói" also "Nội vụ")
_REPORTED = re.compile(r"\b(?:bảo|nói|cho rằng|khẳng định)\b")  # "Trưởng phòng bảo cứ làm …, theo thông tư 12 thì …"
_CITED_BY_OTHERS = re.compile(r"\b(?:bảo|nói|(?<!hướng )dẫn|cho rằng|khẳng định)\s+(?:là\s+)?(?:theo\s+|tại\s+|ở\s+)?"
                              r"(?:điều\s+\d+\w?\s+(?:khoản\s+\d+\s+)?(?:của\s+)?)?$")
# after a text's number and symbol, words that discount it: what the asker remembers of it is a claim too ("NĐ 98 thì
# em nhớ là không"), and a text the asker calls old is not the rule asked ("kế toán vẫn chi theo NĐ 91 cũ"; not "cụ thể")
_DISCOUNTED_AFTER = re.compile(r"(?:/[\w-]+)*(?:[\s,]*(?:thi\s+)?(?:em|e|toi|minh|anh|chi)\s+nho\b|\s*cu\b(?!\s+the\b))")
# "… vẫn ghi Nghị định 98/2023, vậy nghị định thay thế có hiệu lực từ ngày nào?": its successor is asked about
_ASKS_SUCCESSOR = re.compile(r"\b(?:nghi dinh|thong tu|van ban|quyet dinh)\s+(?:thay the|moi thay|moi)\b"
                             r"|\bluat\s+(?:thay the|moi thay)\b")
# "Theo Nghị định 91/2017 trước đây thì …, hiện nay theo quy định mới thì …?", "… còn luật mới thì sao?", "em
# đọc Luật 2003 thì không thấy …, theo luật hiện hành thì …?": the replaced text is the one the asker knew; today's
# rule is asked, wherever it now stands (the Law or a decree)
_ASKS_TODAYS_RULE = re.compile(r"\b(?:quy dinh moi|luat moi|hien hanh|hien nay|hien tai|bay gio)\b"
                               # "NĐ 98 hết hiệu lực rồi nên em không biết tra ở đâu": the asker knows it has ended
                               r"|\bhet hieu luc roi\b(?!\s*(?:a|ha|chua|khong|phai khong)\b)")
# … unless the asker calls the text named the current one: "hướng dẫn mới nhất tại Nghị định 98/2023"
_CALLED_CURRENT = re.compile(r"\b(?:moi nhat|hien hanh|hien nay)\s+(?:la\s+|tai\s+|theo\s+|cua\s+)?"
                             r"(?:nghi dinh|thong tu|luat|quyet dinh)\b")


def mentioned_documents(question: str, catalogue: Catalogue) -> list[CatalogueEntry]:
    """The documents a question names (by type and number, a Luật by its year, or the quoted name in
    its title: a local title such as “Công dân Thủ đô ưu tú”, a movement), except one it names as
    replaced."""
    found, cited_by_others = [], []
    lowered = normalize(question).lower()
    folded = fold_accents(lowered)  # the same length: positions in one are positions in the other
    for match in _doc_ref().finditer(folded):
        if _REPLACED_BEFORE.search(folded[max(0, match.start() - 12):match.start()]):
            continue
        cited = _cited_by_others(lowered, match.start()) or bool(_DISCOUNTED_AFTER.match(folded, match.end()))
        numbered = _numbered(match, catalogue)
        found += numbered
        if cited:
            cited_by_others += numbered
    if _THE_LAW_IN_FORCE.search(folded):  # "theo Luật Thi đua, khen thưởng hiện hành": the one no later law replaced
        found += [entry for entry in catalogue.entries()
                  if entry.doc_type == "luat" and entry.file and entry not in found
                  and fold_accents(entry.title.lower()) == "luat thi dua, khen thuong" and not successors(entry, catalogue)]
    for match in _LAW_YEAR.finditer(question):
        found += [entry for entry in catalogue.entries()
                  if entry.doc_type == "luat" and entry.date_issued[:4] == match.group(1) and entry not in found]
    words = _words(question)
    quoted = _quoted_openings(question)
    found += [entry for entry in catalogue.entries()
              if entry.file and entry not in found and (any(name in words for name in _quoted_names(entry.title))
                                                        or _quotes_its_name_in_part(quoted, entry.title)
                                                        or not entry.is_normative and _title_opening(entry.title) in words)]
    found += [entry for entry in _named_by_topic(words, catalogue) if entry not in found]
    found += [entry for entry in _named_by_issuer_and_year(words, catalogue) if entry not in found]
    if _ASKS_SUCCESSOR.search(folded):
        found = [latest_successor(entry, catalogue) for entry in found]
    elif _ASKS_TODAYS_RULE.search(folded) and not _CALLED_CURRENT.search(folded):
        found = [entry for entry in found if not successors(entry, catalogue)]
    else:
        found = [entry for entry in found if entry not in cited_by_others or not successors(entry, catalogue)]
    return found


def unstored_references(question: str, catalogue: Catalogue) -> list[str]:
    """ "NĐ 28/2024 quy định … còn hiệu lực không?": the "number/year" of each text the question names by type, number
    and year whose text is not stored (the catalogue may list it as replaced); a stored text that ended it may say
    so."""
    return [f"{match.group(2).lstrip('0')}/{match.group(3)}"
            for match in _doc_ref().finditer(fold_accents(normalize(question).lower()))
            if (match.group(3) or "").isdigit() and not any(entry.file for entry in _numbered(match, catalogue))]


def _numbered(match: re.Match, catalogue: Catalogue) -> list[CatalogueEntry]:
    """The catalogue's entries a reference found by `_doc_ref` names: its type, its number, and its year or symbol
    when given."""
    type_code, number, suffix = _type_codes()[match.group(1)], match.group(2).lstrip("0"), match.group(3)
    found = []
    for entry in catalogue.entries():
        if entry.doc_type != type_code or not entry.number:
            continue
        parts = entry.number.split("/")
        if parts[0].lstrip("0") == number and (not suffix or any(fold_accents(p).lower().startswith(suffix)
                                                                 for p in parts[1:])):
            found.append(entry)
    return found


# the Law named by its name, not its number or year, as the one in force
_THE_LAW_IN_FORCE = re.compile(r"\bluat (?:thi dua,? khen thuong|tdkt) (?:hien hanh|hien nay|hien tai|moi nhat|dang co hieu luc)\b")
_QUOTED = re.compile(r"[“\"]([^”\"]{8,}?)[”\"]")
MIN_NAME_WORDS = 3


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", fold_accents(text).lower())) + " "


_ISSUING_WORDS = re.compile(r"^(?:ban hành|về việc|v/v)\s+", re.IGNORECASE)
TITLE_OPENING_SYLLABLES = 10


@lru_cache(maxsize=256)
def _title_opening(title: str) -> str:
    """The first words of a plan's or a regulation's title, as `_words` spells them ("quy chế tổ chức và hoạt động của
    hội đồng …"): repeated in a question, they name the document; "\0" when the title is too short to tell."""
    words = _words(_ISSUING_WORDS.sub("", title.strip())).split()
    return " " + " ".join(words[:TITLE_OPENING_SYLLABLES]) + " " if len(words) >= TITLE_OPENING_SYLLABLES else "\0"


TOPIC_PAIRS = 3  # pairs of syllables a question shares with a plan's title, after the plan's type name


def _named_by_topic(words: str, catalogue: Catalogue) -> list[CatalogueEntry]:
    """ "Kế hoạch thi đua bầu cử ĐBQH khóa XVI và HĐND các cấp … của tỉnh mình": a plan named by its topic, the words
    after its type's name sharing TOPIC_PAIRS pairs of syllables with its title that no other title holds and
    that are not the field's own names ("hội đồng thi đua", "chiến sĩ thi đua")."""
    stored = [entry for entry in catalogue.entries() if entry.file]
    plans = tuple((e.doc_id, e.title, e.type_name) for e in stored if not e.is_normative and e.type_name)
    after_type: dict[str, set[str]] = {}
    found = []
    for doc_id, type_name, own in _own_title_pairs(plans, tuple(e.title for e in stored)):
        if type_name not in after_type:
            after_type[type_name] = {pair for match in re.finditer(rf" {type_name}((?: \w+){{1,14}})", words)
                                     for pair in _pairs(match[1])}
        if len(after_type[type_name] & own) >= TOPIC_PAIRS:
            found.append(catalogue.get(doc_id))
    return found


# "theo quy trình Bộ Y tế ban hành cuối năm 2025", "kế hoạch của Sở Nội vụ ra tháng 3/2024": a document named by what
# it is, who issued it and the year (folded words, as `_words` spells them)
_ISSUED_BY_IN = re.compile(r" (quy trinh|quy che|quy dinh|ke hoach|huong dan|chuong trinh)((?: \w+){1,8}?)"
                           r" (?:ban hanh|phat hanh|ra)(?: \w+){0,4}? (20\d\d) ")


def _named_by_issuer_and_year(words: str, catalogue: Catalogue) -> list[CatalogueEntry]:
    """The one stored document whose title holds the word naming it, issued by the body named, in the year named."""
    found = []
    for match in _ISSUED_BY_IN.finditer(words):
        noun, issuer_words, year = match.group(1), f"{match.group(2)} ", match.group(3)
        fitting = [entry for entry in catalogue.entries()
                   if entry.file and entry.issuer and entry.date_issued[:4] == year
                   and _words(entry.issuer) in issuer_words and f" {noun} " in _words(entry.title)]
        if len(fitting) == 1:
            found.append(fitting[0])
    return found


@lru_cache(maxsize=4)
def _own_title_pairs(plans: tuple[tuple[str, str, str], ...], titles: tuple[str, ...]) -> tuple:
    """(document, its type's name as `_words` spells it, the pairs of syllables only its title holds)."""
    counts = Counter(pair for title in titles for pair in _pairs(title))
    return tuple((doc_id, " ".join(_words(type_name).split()),
                  frozenset(pair for pair in _pairs(title) if counts[pair] == 1) - _field_pairs())
                 for doc_id, title, type_name in plans)


def _pairs(text: str) -> set[str]:
    syllables = _words(text).split()
    return {f"{a} {b}" for a, b in zip(syllables, syllables[1:])}


@lru_cache(maxsize=1)
def _field_pairs() -> frozenset[str]:
    return frozenset(pair for entry in load_vocabulary().entries for pair in _pairs(entry.name))


@lru_cache(maxsize=256)
def _quoted_names(text: str, min_words: int = MIN_NAME_WORDS) -> tuple[str, ...]:
    """The names a text quotes, as `_words` spells them."""
    names = (_words(match) for match in _QUOTED.findall(text))
    return tuple(name for name in names if len(name.split()) >= min_words)


QUOTED_OPENING_SYLLABLES = 8


def _quoted_openings(question: str) -> tuple[str, ...]:
    """Names the question quotes, long enough to stand for a longer one they open (a movement's name quoted without
    its tail: “Toàn ngành Giáo dục đoàn kết, …, chiến thắng đại dịch COVID-19”)."""
    return _quoted_names(question, QUOTED_OPENING_SYLLABLES)


def _quotes_its_name_in_part(quoted: tuple[str, ...], title: str) -> bool:
    return any(name.startswith(asked) for asked in quoted for name in _quoted_names(title))


def _cited_by_others(question: str, at: int) -> bool:
    """The document named at `at` is someone else's claim: "bảo theo …", "dẫn điều 67 …", or said in a sentence
    someone's words open ("Trưởng phòng bảo cứ làm …, theo thông tư 12 thì …")."""
    sentence = question[max(question.rfind(mark, 0, at) for mark in ".?!\n") + 1:at]
    return bool(_CITED_BY_OTHERS.search(question[max(0, at - 40):at]) or _REPORTED.search(sentence))


def not_in_force(entry: CatalogueEntry | None, day: date) -> bool:
    """A legal text outside its period of validity, or any document issued after `day`."""
    if entry is None or entry.in_force_on(day) is not False:
        return False
    if entry.doc_type in NORMATIVE_TYPES:
        return True
    issued = entry.date_in_force or entry.date_issued
    return bool(issued) and issued > day.isoformat()

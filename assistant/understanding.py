"""Question understanding in one place: what a question is about, reduced to slots.

Officers write "CSTĐCS", "BK TTg", "cấp tỉnh", long first-person stories. The
slots — the titles or awards named, the aspect asked about (tiêu chuẩn, thẩm
quyền, hồ sơ…), individual or collective, the level, the year, and the part of
a document asked about (signer, recipients, members, appendix) — are shared by
retrieval (query expansion, the law map), the answer and follow-ups.

>>> slots = understand("Tiêu chuẩn CSTĐCS là gì?")
>>> slots.subjects, slots.aspect
(('chien_si_thi_dua_co_so',), 'tieu_chuan')
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from assistant.vocabulary import (LawMapEntry, aspect_owners, aspects_asked, detect_aspect, holds_a_question_word,
                                  load_law_map, load_vocabulary, mask_subjects, opens_on_an_aspect,
                                  quotes_an_amount)
from documents.datafile import read_yaml
from documents.text import find_years, fold_accents, looks_unaccented, syllable_tokenize

DATA = Path(__file__).resolve().parent / "data" / "question_parts.yaml"
KINDS = DATA.parent / "question_kinds.yaml"
AWARD_KINDS = {"danh_hieu_thi_dua", "danh_hieu_vinh_du_nha_nuoc", "huan_chuong", "huy_chuong", "giai_thuong",
               "ky_niem_chuong", "bang_khen", "giay_khen"}
STATE_AWARD_KINDS = {"danh_hieu_vinh_du_nha_nuoc", "huan_chuong", "huy_chuong", "giai_thuong"}  # the State confers them
# Spoken forms of these are spelled out ("khen nhanh" → thủ tục đơn giản); of the other kinds (bodies,
# staff categories, general notions) only abbreviations are: "cán bộ" stays, "CBCCVC" is spelled out.
SPOKEN_FORM_KINDS = AWARD_KINDS | {"thu_tuc", "xep_loai", "loai_hinh_khen_thuong", "hinh_thuc_thi_dua"}
_ACRONYM = re.compile(r"\b\w*[A-ZĐ]\w*[A-ZĐ]\w*\b")


@dataclass(frozen=True)
class Slots:
    """What a question asks, as the rest of the assistant needs it."""

    question: str
    subjects: tuple[str, ...] = ()  # vocabulary ids of the titles/awards named ("chien_si_thi_dua_co_so")
    terms: tuple[str, ...] = ()  # every vocabulary id named (bodies, ratings, procedures too)
    aspect: str | None = None  # "tieu_chuan", "tham_quyen_quyet_dinh", …
    target: str | None = None  # "ca_nhan" | "tap_the" | "ho_gia_dinh"
    level: str | None = None  # "xa" | "huyen" | "tinh" | "bo" | "nha_nuoc"
    years: tuple[int, ...] = ()
    part: str | None = None  # "signer" | "recipients" | "members" | "appendix" | "tasks"
    role: str = ""  # the bloc's role asked of, for "members" ("truong khoi": "đơn vị nào làm Trưởng khối?"), folded
    places: tuple[str, ...] = ()  # place or agency names ("tam duong", "ha giang"), folded
    expansion: str = ""  # official names of what was named, for the lexical and dense queries
    synonyms: str = ""  # the texts' words for the question's phrases ("không quá" for "tối đa"), searched too
    spelled: str = ""  # the question with its abbreviations replaced by the official names
    focus: str = ""  # the asking sentences of a long story ("" for a plain question)
    periods: tuple[str, ...] = ()  # parts of a year named ("quy ii", "dot 2"), folded
    kind: str = "general"  # the answer wanted: "date" | "unit" | "list" | "number" | "subject" | "general"
    held: tuple[str, ...] = ()  # titles named that the asked one builds on: what the officer already has
    asks_which: bool = False  # "… thì được tặng huy chương gì?": which award of a kind fits, not the kind's rules

    @property
    def understood(self) -> str:
        """The question with its abbreviations spelled out, for "Đã hiểu là: …" ("" if nothing to add)."""
        if not self.expansion:
            return ""
        asked = "?" if self.question.rstrip().endswith("?") else ""
        return f"{self.question.rstrip(' ?')} ({self.expansion}){asked}"

    @property
    def reads_closing_block(self) -> bool:
        """Asks what a document's Nơi nhận and signature say (who signs, who receives it, the members
        of a bloc it is sent to): those passages are not ranked down as boilerplate."""
        return self.part in ("signer", "recipients", "members")

    @property
    def reads_a_plan_part(self) -> bool:
        """Asks a part of a document (its signer, its Nơi nhận, a bloc's members, an appendix, the tasks
        it gives a unit) — not the law: "cơ quan báo chí có trách nhiệm gì" names no plan or place and
        asks the Law's Điều 13."""
        return bool(self.part) and (self.part != "tasks" or bool(self.places))

    def with_changes(self, **changes) -> "Slots":
        return replace(self, **changes)


@lru_cache(maxsize=1)
def _parts() -> dict:
    return read_yaml(DATA)


@lru_cache(maxsize=1)
def _chat_spellings() -> dict:
    return read_yaml(DATA.parent / "chat_spellings.yaml")


def plain_spelling(question: str) -> str:
    """Chat shortenings written out ("có đc ko?" → "có được không?"), so that cues and words match.

    >>> plain_spelling("CT xã có đc tự phát động PTTĐ theo KH 01 ko, hay phải xin tỉnh k?")
    'CT xã có được tự phát động PTTĐ theo KH 01 không, hay phải xin tỉnh không?'
    """
    data = _chat_spellings()
    written = question
    for short, full in data["phrases"].items():
        written = re.sub(rf"\b{re.escape(short)}\b", full, written)
    written = re.sub(r"\b\w+\b", lambda m: data["words"].get(m.group(0), m.group(0)), written)
    closing = "|".join(re.escape(word) for word in sorted(data["closing"], key=len, reverse=True))
    for short, full in data["at_end"].items():
        written = re.sub(rf"(?<![Đđ]iểm )(?<![Dd]iem )\b{re.escape(short)}(?=(?:\s+(?:{closing})){{0,2}}\s*(?:[?,;]|[.!]*\s*$))",
                         full, written)
    return written


def off_field_topics(question: str) -> list[str]:
    """The neighbouring subjects the question asks about that the field's texts do not rule on (tax,
    pensions, civil status…), as the question spells them."""
    form = _question_form(question)
    topics = [topic for topic in _parts()["off_field_topics"] if _cue_in(form, topic)]
    if not topics:
        return []
    # inside a phrase of the field's vocabulary the topic is the field's own: "nghỉ chế độ thai sản"
    # is counted for a title (NĐ 152 Điều 4), "mức hưởng chế độ thai sản" is social insurance
    phrases = [_question_form(m.text) for m in load_vocabulary().find(question)]
    return [topic for topic in topics if not any(_cue_in(phrase, topic) for phrase in phrases)]


def provinces_named(question: str) -> list[str]:
    """The provinces a question names, as the data file spells them; not inside the name of an award
    ("Giải thưởng Hồ Chí Minh"), and written as a name (capitals) when the question has diacritics
    ("hòa bình" is peace, "Hòa Bình" a province)."""
    for match in sorted(load_vocabulary().find(question), key=lambda m: -m.start):
        question = question[:match.start] + " " + question[match.end:]
    if looks_unaccented(question):
        folded = folded_syllables(question)
        return [p for p in _parts()["provinces"] if folded_syllables(p) in folded]
    return [p for p in _parts()["provinces"] if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", question)]


def without_asker(question: str) -> str:
    """ "Bà Nguyễn Thị Hà, Phòng Nội vụ huyện Bác Ái, hỏi: Tập thể … do cấp nào xét?" → the question itself,
    without who asks and without a closing "Văn bản nào quy định vấn đề này?".

    >>> without_asker("Ông Lý T trú tại thị xã Hương Thủy hỏi: Tiêu chuẩn Tập thể lao động xuất sắc là gì?")
    'Tiêu chuẩn Tập thể lao động xuất sắc là gì?'
    """
    found = _asker_intro().match(question)
    asked = question[found.end():].lstrip() if found and question[found.end():].strip() else question
    return _without_source_ask(_asks_marked(asked))


# A sentence that asks though typed without "?": it ends on a question word, or checks a claim ("có đúng không
# hay …"). "không sao" (no matter) asks nothing.
_ASK_ENDING = re.compile(r"(?<!không )\b(?:không|chưa|gì|nào|ai|đâu|bao nhiêu|mấy|bao giờ|bao lâu|thế nào|ra sao|thì sao)"
                         r"(?:\s+(?:ạ|ah|vậy|nhỉ|nhé|với|ak|à|nữa|thế))*\s*[.!…]*$", re.IGNORECASE)
_CLAIM_CHECKED = re.compile(r"\b(?:có đúng|đúng|có được|có phải|phải) không\b", re.IGNORECASE)


def _asks_marked(text: str) -> str:
    """A post of several sentences typed without any "?" ("… Như vậy có đúng không hay tổ bị loại. nếu bị loại thì
    có ảnh hưởng gì không. Tôi cảm ơn"): its asking sentences end with "?", as the rest of the reading expects."""
    pieces = re.split(r"((?<=[.!…])\s+|\n+)", text)
    if "?" in text or sum(1 for piece in pieces if piece.strip()) < 2:
        return text  # one sentence is read whole as it is
    marked = [piece.rstrip().rstrip(".!…") + "?" if piece.strip() and (_ASK_ENDING.search(piece)
                                                                       or _CLAIM_CHECKED.search(piece)) else piece
              for piece in pieces]
    return "".join(marked)


def _without_source_ask(question: str) -> str:
    """ "… được quy định như thế nào? Văn bản nào quy định vấn đề này?" → the first sentence: the closing ask for
    the text is answered by every citation."""
    sentences = split_sentences(question)
    asks_source = {folded_syllables(phrase) for phrase in _parts()["source_asks"]}
    kept = [s for s in sentences if folded_syllables(s.rstrip("?.! ")) not in asks_source]
    return " ".join(kept) if kept and len(kept) < len(sentences) else question


@lru_cache(maxsize=1)
def _asker_intro() -> re.Pattern:
    openers = "|".join(re.escape(o) for o in _parts()["asker_openers"])
    # "… hỏi:" ends any asker's intro (a bulleted one too: "* Bà … hỏi: …"); "… hỏi," only a name's or a
    # place's ("Bà N.T.L (Bình Định) hỏi, …"), not "cho em hỏi, …", which opens the question itself
    named = r"(?:\)|\b[A-ZĐ]\w*)\s+(?i:hỏi)\s*,"
    return re.compile(rf"^\s*(?:[*•–-]\s*)?(?i:{openers})\b(?:[^?:]{{0,200}}?\b(?i:hỏi)\s*:|[^?:]{{0,160}}?{named})")


def names_a_document(question: str) -> bool:
    return _has_any(_without(_question_form(question), _parts()["not_documents"]), _parts()["document_words"])


def states_entry_into_force(text: str) -> bool:
    """ "Quyết định này có hiệu lực kể từ ngày …": the text's own start date."""
    folded = folded_syllables(text)
    return any(folded_syllables(phrase) in folded for phrase in _parts()["entry_into_force"])


def asks_the_issuer(question: str) -> bool:
    """ "Kế hoạch 01 … do UBND quận ban hành đúng không?" """
    return _has_any(_question_form(question), _parts()["issuer_cues"])


def names_members(text: str) -> bool:
    """Whether a passage or line introduces an emulation bloc's members ("Các cơ quan thành viên (…)")."""
    folded = fold_accents(text.lower())
    return any(fold_accents(word.lower()) in folded for word in _parts()["member_words"])


def _bloc_role_asked(question: str) -> str:
    """The role in a bloc the question asks who holds, the first one ("do đơn vị nào làm Trưởng khối, … Phó Trưởng
    khối?": "trưởng khối"), accent-folded; "" when none ("Kế hoạch của Trưởng khối …", "(Văn phòng làm trưởng
    khối) gồm những cơ quan nào?" name the issuer or tell who holds it); a later ask's role ("… gồm những cơ quan
    nào? Trưởng khối là đơn vị nào?") is answered after the first ask."""
    folded = folded_syllables(first_ask(question))
    roles = [" ".join(fold_accents(w) for w in role.split()) for role in _parts()["bloc_roles"]]
    found = [(m.start(), -len(role), role) for role in roles
             for m in re.finditer(rf" (?:nao|ai) (?:lam|la|giu) {role} | {role} (?:la|do) (?:\S+ ){{0,2}}(?:nao|ai) ",
                                  folded)]
    return min(found)[2] if found else ""


def heads_the_role(heading: str, role: str) -> bool:
    """ "1. Trưởng khối (Văn phòng UBND tỉnh)" heads the role "trưởng khối" (not "Phó Trưởng khối (…)")."""
    last = heading.split("›")[-1]
    return bool(re.match(rf"\W*(?:\d+|[ivx]+|[a-zđ])?[.)]?\s*{re.escape(role)}\s*\(", fold_accents(last.lower()).strip()))


@lru_cache(maxsize=8192)
def folded_syllables(text: str) -> str:
    """ "Hà Giang" → " ha giang ": whole syllables, accent-folded, space-padded for phrase matching. Cached: the
    same passages are folded again for every question that names a period or a title."""
    return " " + " ".join(fold_accents(w) for w in syllable_tokenize(text)) + " "


def speaks_of_a_death(text: str) -> bool:
    """ "hy sinh", "liệt sĩ", "đã mất", "truy tặng": the text speaks of someone who has died."""
    folded = folded_syllables(text)
    return any(f" {folded_syllables(word).strip()} " in folded for word in _parts()["death_words"])


def _lowered(text: str) -> str:
    return " " + " ".join(w.lower() for w in syllable_tokenize(text)) + " "


class _Form(NamedTuple):
    """A text as cues are matched on it: whole syllables, lower case; accent-folded only when the
    question was typed without diacritics ("cơ quan" is not "quận", "trưởng phòng" not "trường")."""

    text: str
    accented: bool


def _form(text: str, accented: bool) -> _Form:
    return _Form(_lowered(text) if accented else folded_syllables(text), accented)


def _question_form(question: str) -> _Form:
    return _form(question, accented=not looks_unaccented(question))


def _cue_in(form: _Form, cue: str) -> bool:
    return _cue_form(cue, form.accented) in form.text


@lru_cache(maxsize=4096)
def _cue_form(cue: str, accented: bool) -> str:
    """Cues come from the data files, a few hundred of them: tokenised once."""
    return _lowered(cue) if accented else folded_syllables(cue)


def _first_cue(form: _Form, table: dict[str, list[str]]) -> str | None:
    for key, cues in table.items():
        if any(_cue_in(form, cue) for cue in cues):
            return key
    return None


def _level(form: _Form) -> str | None:
    return _first_cue(_without(form, _parts()["not_levels"]), _parts()["levels"])


def _target(form: _Form, table: str = "targets") -> str | None:
    """Who the award is for; of a collective and a person both named, the one after "cho" ("đơn vị đề nghị
    Huân chương cho tôi" is for a person; "… cho cá nhân thì … có cần tập thể suy tôn không?")."""
    found, given_to = _recipients_named(form, table)
    return (given_to or found or [None])[0]


def _explicit_target(question: str, form: _Form) -> str | None:
    """The recipient the question names as such ("tập thể", "hộ gia đình"); of several, the one after "cho", else
    the only one its last asking sentence names ("… chủ yếu tặng cá nhân, tập thể. Vậy hộ gia đình … có thuộc
    diện … không?")."""
    found, given_to = _recipients_named(form, "explicit_targets")
    if given_to or len(found) < 2:
        return (given_to or found or [None])[0]
    asked, _ = _recipients_named(_question_form(last_ask(question)), "explicit_targets")
    return asked[0] if len(asked) == 1 else found[0]


def _recipients_named(form: _Form, table: str) -> tuple[list[str], list[str]]:
    """The kinds of recipient named, and those named after "cho"."""
    form = _without(form, _parts()["not_targets"])
    unsafe = set() if form.accented else set(_parts()["ambiguous_unaccented"])
    table_cues = {key: [cue for cue in cues if cue not in unsafe] for key, cues in _parts()[table].items()}
    found = [key for key, cues in table_cues.items() if any(_cue_in(form, cue) for cue in cues)]
    given_to = [key for key in found if any(_cue_in(form, f"cho {cue}") for cue in table_cues[key])]
    if "ca_nhan" not in given_to and (any(_cue_in(form, f"cho {relative}") for relative in _parts()["relatives"])
                                      or any(_cue_in(form, cue) for cue in _parts()["put_forward"])):
        given_to.append("ca_nhan")
        found = found if "ca_nhan" in found else [*found, "ca_nhan"]
    return found, given_to


def last_ask(question: str) -> str:
    """The last sentence that asks ("… chủ yếu tặng cá nhân, tập thể. Vậy hộ gia đình … có thuộc diện … không?":
    households are asked about); "" when none ends with a question mark."""
    asks = asks_made(question)
    return asks[-1] if asks else ""


def first_ask(question: str) -> str:
    """The first sentence that asks, or the whole question when none ends with a question mark."""
    return next(iter(asks_made(question)), question)


def asks_the_section(heading: str, question: str, aspect: str | None = None) -> bool:
    """A plan section's heading names a topic ("Hình thức khen thưởng", "Số lượng đề nghị khen thưởng") that the
    question's first ask names too ("… thì khen bằng những hình thức nào ạ? Cuối đợt báo cáo qua đâu?") or whose
    aspect it asks ("mỗi xã được đề nghị mấy suất?")."""
    asked = first_ask(question)
    folded_heading, ask = folded_syllables(heading), folded_syllables(asked)
    return (any(topic in folded_heading and (topic in ask or aspect in aspects)
                for topic, aspects in _section_topics("section_topics").items())
            or _the_awards_section_asked(folded_heading, asked, aspect))


def _the_awards_section_asked(folded_heading: str, asked: str, aspect: str | None) -> bool:
    """ "Bằng khen … tối đa bao nhiêu phần trăm?": the quota of an award the first ask (`asked`) names is in the
    section titled "Khen thưởng" alone (a share of the plan's own targets is not)."""
    titled = any(_numbering_dropped(folded_heading) == topic and aspect in aspects
                 for topic, aspects in _section_topics("section_topics_by_aspect").items())
    return titled and bool(awards_named(asked, kinds_too=True))


_HEADING_NUMBER = re.compile(r"^ (?:[ivxlc]+|\d+|[a-z]) ")


def _numbering_dropped(folded_heading: str) -> str:
    """ " iv khen thuong " → " khen thuong ": the topic a heading is titled by, and nothing else."""
    return _HEADING_NUMBER.sub(" ", folded_heading, count=1)


@lru_cache(maxsize=2)
def _section_topics(key: str) -> dict[str, tuple[str, ...]]:
    return {folded_syllables(topic): tuple(aspects) for topic, aspects in _parts()[key].items()}


def _without(form: _Form, words: list[str]) -> _Form:
    """The text with words blanked that hold a cue's word but mean something else ("xã hội", "trường hợp")."""
    for word in words:
        form = form._replace(text=form.text.replace(_cue_form(word, form.accented), " "))
    return form


def names_a_bare_rank(question: str) -> bool:
    """ "Hạng Ba thì cần bao nhiêu năm?": a rank with no order named, the order of the conversation."""
    return bool(_bare_ranks(question, load_vocabulary().find(question)))


def _bare_ranks(question: str, matches) -> list[re.Match]:
    """The ranks ("hạng Ba") written outside every title or award the vocabulary found."""
    spans = [(m.start, m.end) for m in matches]
    return [r for r in _RANK.finditer(question) if not any(start <= r.start() < end for start, end in spans)]


def _ranks_named(question: str, matches) -> str:
    """ "có HC Bảo vệ Tổ quốc hạng Ba, muốn lên hạng Nhì": a bare rank after a ranked order is a rank
    of that order, spelled out so the vocabulary finds it."""
    ranked = [m for m in matches if _RANK.search(question[m.start:m.end])]
    if not ranked:
        return question
    order = _RANK.split(question[ranked[0].start:ranked[0].end])[0].strip()
    bare = [r for r in _bare_ranks(question, matches) if r.start() > ranked[0].end]
    for rank in reversed(bare):
        question = f"{question[:rank.start()]}{order} {question[rank.start():]}"
    return question


_CLASS_ASKED = re.compile(r"\bhạng\s+(?:nào|mấy|gì)\b", re.IGNORECASE)  # a class asked without naming it


def _the_one_member_in_classes(question: str, subjects: tuple[str, ...], vocabulary) -> tuple[str, ...]:
    """ "đơn vị lập danh sách đề nghị huy chương cho anh em có thâm niên … 17 năm thì được xét hạng nào?": only a kind
    named, with a class asked, asks the one award of that kind given in classes (Huy chương Chiến sĩ vẻ vang is the
    only medal in classes: Luật 06/2022 Điều 54); a kind with several such members (huân chương) stays a kind."""
    if (len(subjects) != 1 or not vocabulary.get(subjects[0]).names_a_kind
            or not (_RANK.search(question) or _CLASS_ASKED.search(question))):
        return subjects
    classes = [entry for entry in vocabulary.entries
               if _RANK.search(entry.name) and subjects[0] in vocabulary.ancestors(entry.id)]
    if len({entry.parent for entry in classes}) != 1:
        return subjects
    asked = _ranks_in(question)  # "huy chương quân đội hạng Nhì": that class
    named = [entry.id for entry in classes if _ranks_in(entry.name) & asked]
    return (named[0],) if len(named) == 1 else (classes[0].parent,)


def _the_member_for_its_recipients(question: str, subjects: tuple[str, ...], vocabulary) -> tuple[str, ...]:
    """ "Chiến sĩ công an được phong danh hiệu anh hùng cần tiêu chuẩn gì?": a title named by its family ("anh
    hùng") beside words naming whom one member of that family is for asks that member (Anh hùng Lực lượng vũ trang
    nhân dân); words inside a named title or body do not count ("Chiến sĩ thi đua")."""
    if len(subjects) != 1:
        return subjects
    form = _question_form(mask_subjects(question, vocabulary))
    return _the_only_member(subjects, (entry.id for entry in vocabulary.entries
                                       if entry.recipients and _has_any(form, list(entry.recipients))), vocabulary)


def _the_only_member(subjects: tuple[str, ...], candidates, vocabulary) -> tuple[str, ...]:
    """The one candidate of the family the single subject names; the subjects unchanged when none or several are."""
    members = list(dict.fromkeys(c for c in candidates if subjects[0] in vocabulary.ancestors(c)))
    return (members[0],) if len(members) == 1 else subjects


def _ranks_in(text: str) -> set[str]:
    return {fold_accents(match.group()).lower() for match in _RANK.finditer(text)}


def _member_for_a_deed(subjects: tuple[str, ...], terms: tuple[str, ...], vocabulary) -> tuple[str, ...]:
    """ "cái huân chương dành cho người có hành động dũng cảm": only a kind of award named, beside a deed the law map
    says one award of that kind is for (its hinh_thuc_phu_hop provision sets out that award), that award is asked."""
    if not subjects or not all(vocabulary.get(subject).names_a_kind for subject in subjects):
        return subjects
    fitting = {(e.doc, e.article) for e in load_law_map().entries
               if e.aspect == "hinh_thuc_phu_hop" and e.subject in terms and vocabulary.get(e.subject).kind == "hoat_dong"}
    members = [entry.id for entry in vocabulary.entries
               if (entry.source.doc, entry.source.article) in fitting
               and any(kind in vocabulary.ancestors(entry.id) for kind in subjects)]
    return tuple(members[:1]) or subjects


def _the_member_named_of_the_kind(subjects: tuple[str, ...], award_matches, vocabulary) -> tuple[str, ...]:
    """ "Đơn vị lập danh sách đề nghị huy chương cho cán bộ … Xin hỏi huy chương Chiến sĩ vẻ vang hạng thấp nhất thì
    …?": a kind asked ("đề nghị huy chương") and one award of that kind named elsewhere: that award is the one asked."""
    if len(subjects) != 1 or not vocabulary.get(subjects[0]).names_a_kind:
        return subjects
    return _the_only_member(subjects, (m.entry.id for m in award_matches), vocabulary)


def _the_one_member_ruled_on(subjects: tuple[str, ...], aspect: str | None, vocabulary) -> tuple[str, ...]:
    """ "cái huy chương tặng theo số năm phục vụ … thời gian ở đảo có được tính nhân lên không": only a kind named,
    asked in a respect the law rules on for one award of that kind alone (the time at sea counted twice is said of
    Huy chương Chiến sĩ vẻ vang only, Luật 06/2022 Điều 57 khoản 3), that award is asked."""
    law_map = load_law_map()
    if (len(subjects) != 1 or aspect is None or not vocabulary.get(subjects[0]).names_a_kind
            or aspect in law_map.aspects_of(subjects[0])):
        return subjects
    return _the_only_member(subjects, (entry.id for entry in vocabulary.entries
                                       if aspect in law_map.aspects_of(entry.id)), vocabulary)


@lru_cache(maxsize=512)
def understand(question: str) -> Slots:
    vocabulary = load_vocabulary()
    matches = vocabulary.find(question)
    named_ranks = _ranks_named(question, matches)
    if named_ranks != question:
        question, matches = named_ranks, vocabulary.find(named_ranks)
    form = _question_form(question)
    parts = _parts()
    terms = tuple(dict.fromkeys(m.entry.id for m in matches))
    if _two_awards_for_one_achievement(question, matches, vocabulary):
        terms = ("khen_mot_thanh_tich", *terms)
    award_matches = [m for m in matches if m.entry.kind in AWARD_KINDS]
    subjects = _member_for_a_deed(_asked_subjects(question, award_matches), terms, vocabulary)
    subjects = _the_member_named_of_the_kind(subjects, award_matches, vocabulary)
    subjects = _the_one_member_in_classes(question, subjects, vocabulary)
    subjects = _the_member_for_its_recipients(question, subjects, vocabulary)
    part = _first_cue(form, parts["document_parts"])
    if part in ("signer", "recipients") and subjects and (not _has_any(form, parts["document_words"])
                                                         or _has_any(form, parts["authority_words"])):
        part = None  # "ai ký quyết định tặng …" asks who has the authority
    if part == "members" and asks(question, "date"):
        part = None  # "… gửi báo cáo cho Trưởng khối là ngày nào?" asks a deadline
    focus = asking_part(question)
    focus_matches = vocabulary.find(focus) if focus else []
    follow_up_part = question.split(FOLLOW_UP_JOINER)[0] if FOLLOW_UP_JOINER in question else ""
    clause = asking_clause(focus or question)
    aspect = (detect_aspect(clause)
              # "… làm hồ sơ thăng hạng nên muốn biết: thời gian nghỉ thai sản có được tính không?": the notion the
              # asking clause names, which the law rules on in one respect, is asked in it, not the story's words
              or (clause and _implied_aspect((), tuple(m.entry.id for m in vocabulary.find(clause))))
              or _first_ask_aspect(focus or question, next(iter(split_sentences(question)), ""))
              or (focus and (_a_heard_claim_checked(focus)
                          or _asked_in_the_asks(focus, subjects, vocabulary)
                          or _first_of_two_asks(focus)
                          or detect_aspect(_main_asks(focus))
                          or _implied_by_focus(focus_matches, subjects, vocabulary)))
              or (follow_up_part and detect_aspect(follow_up_part))  # "Vậy ai chi? — <previous question>"
              or detect_aspect(_main_asks(question)) or _implied_aspect(subjects, terms)
              or _asks_a_definition(question, matches)
              or _a_criterion_named(terms, subjects)
              # beside a title too: "dùng lại sáng kiến năm trước để đề nghị CSTĐCS được không" asks the principle
              or _implied_aspect((), terms)
              or (_implied_by_an_act(terms) if subjects else None))
    if aspect == "truong_hop_ap_dung":
        aspect = _cases_of_an_act(terms) or _cases_of_a_title(subjects) or aspect
    subjects = _the_one_member_ruled_on(subjects, aspect, vocabulary)
    procedure = _a_procedure_a_case_may_take(clause or question, vocabulary)
    if procedure:
        subjects, aspect = (procedure, *(s for s in subjects if s != procedure)), "truong_hop_ap_dung"
    named_titles = [m.entry for m in award_matches]
    if aspect == "nguyen_tac" and _a_title_ladder(named_titles):
        aspect = "tieu_chuan"  # "đạt LĐTT rồi mới được CSTĐCS?": the higher title's criteria require the lower
    held: tuple[str, ...] = ()
    pair = _a_pair_of_steps(question, award_matches)
    if pair:  # "NSND, NSƯT cần bao lâu?": both are asked, the first step first
        subjects = tuple(dict.fromkeys([*pair, *subjects]))
    elif aspect in (None, "tieu_chuan") or "tieu_chuan" in _ASPECT_FALLBACKS.get(aspect, ()):
        # "tỷ lệ LĐTT trong tập thể" asked of TTLĐXS: the higher title's criteria hold the lower one
        subjects, held = _higher_first(subjects, named_titles, _only_held(question, award_matches))
    if focus:  # a story asks about the titles of its asking sentences; the others it tells as held
        asked_here = {m.entry.id for m in focus_matches}
        pointed = _pointed_back_to(question, focus_matches, award_matches)
        if pointed:
            subjects, asked_here = tuple(dict.fromkeys([pointed, *subjects])), asked_here | {pointed}
        subjects = tuple(sorted(subjects, key=lambda s: s not in asked_here))
    if aspect is None and _may_one_be_proposed(question, subjects, award_matches):
        aspect = "tieu_chuan"
    if aspect in (None, "tieu_chuan") and _an_occupation_set_against_only_another(question, subjects):
        aspect = "doi_tuong"
    asks_which = _asks_which(question, award_matches)
    if asks_which and aspect == "dinh_nghia":
        aspect = "hinh_thuc_phu_hop"  # "… đó là huân chương gì?" asks which award fits, not what one is
    if (aspect in (None, "hinh_thuc_phu_hop") and _CLASS_ASKED.search(focus or question) and subjects
            and not vocabulary.get(subjects[0]).names_a_kind):
        aspect = "tieu_chuan"  # "… được truy tặng huy chương gì, hạng nào?": the award known, which class one's record meets
    return Slots(
        question=question,
        subjects=subjects,
        terms=terms,
        aspect=aspect,
        # a story's asking sentence says who it asks for ("… trường học … Xin hỏi, tôi có đủ …?")
        target=(_target_of(subjects, vocabulary) or _explicit_target(question, form)
                or (focus and _target(_question_form(focus))) or _target(form)
                or _recipient_of_the_titles_held(held, terms, subjects, vocabulary)),
        level=_level(form),
        years=tuple(find_years(question)),
        part=part,
        role=_bloc_role_asked(question) if part == "members" else "",
        places=place_names(question),
        expansion=_expansion(question, matches),
        synonyms=" ".join(_synonyms(question)),
        periods=_periods_asked(question),
        spelled=_spelled(question, matches),
        focus=focus,
        kind=_kind_asked(focus or question, aspect),
        held=held,
        asks_which=asks_which,
    )


@lru_cache(maxsize=1)
def question_kinds() -> dict:
    """assistant/data/question_kinds.yaml, read once: the kinds' cues, the open lists, the follow-up words."""
    return read_yaml(KINDS)


def _kinds() -> dict[str, list[str]]:
    return question_kinds()["kinds"]


def question_kind(question: str) -> str:
    """The answer a question wants, from its cue words ("Hạn gửi báo cáo là ngày nào?" → "date").
    Cues match whole folded syllables: "hạn" must not be found inside "cá nhân"."""
    folded = folded_syllables(question)
    return next((kind for kind, cues in _kinds().items() if _has_kind_cue(folded, cues)), "general")


def _open_lists() -> dict:
    return question_kinds()["open_lists"]


_ASKS_FREQUENCY = re.compile(r"\b(?:bao lâu|mấy năm|bao nhiêu năm)\s+(?:\w+\s+){0,5}?(?:một|1)\s+lần\b", re.IGNORECASE)


def asks_how_often(question: str) -> bool:
    """ "Bao lâu tổ chức một lần?", "Nhà giáo ưu tú mấy năm xét một lần?" """
    return bool(_ASKS_FREQUENCY.search(question))


def _kind_asked(question: str, aspect: str | None) -> str:
    """The question's kind; criteria or files asked openly ("Tiêu chuẩn BK TTg cho tập thể là gì?"), or named
    like a headline ("Hồ sơ xét tặng Bằng khen của Thủ tướng Chính phủ mới nhất?"), want the list. How often
    something is held, asked first, is a count of years, though the question also asks since when ("02 năm/lần, từ
    năm 2024")."""
    if asks_how_often(first_ask(question)):
        return "number"
    if aspect == "muc_tien_thuong" and quotes_an_amount(question):
        return "number"  # "… tập thể được thưởng 900.000 đồng, đúng không?": the amount the rule sets checks it
    # "… tối đa bao nhiêu người? Hồ sơ gửi trước ngày nào?": of two asking sentences, the first says what is wanted
    asks = asks_made(question)
    kind = question_kind(asks[0]) if len(asks) > 1 else "general"
    kind = kind if kind != "general" else question_kind(question)
    if kind != "general" or aspect not in _open_lists()["aspects"]:
        return kind
    if not holds_a_question_word(plain_spelling(question)):  # "… được ko?" asks
        return "list"
    words = folded_syllables(question).split()
    while words and words[-1] in _open_lists()["particles"]:
        words.pop()
    ending = " ".join(words)
    return "list" if any(f" {ending}".endswith(f" {end}") for end in _open_lists()["endings"]) else kind


def asks(question: str, kind: str) -> bool:
    """Whether the question asks for that kind of answer, even as its second part ("… phòng nào
    chủ trì, hạn là khi nào?" asks for a date and a unit)."""
    return _has_kind_cue(folded_syllables(question), _kinds()[kind])


def _has_kind_cue(folded: str, cues: list[str]) -> bool:
    return any(f" {cue.strip(' ?')} " in folded for cue in cues)


STORY_MIN_SYLLABLES = 30
SHORT_ASK_SYLLABLES = 8
SIGNATURE_SYLLABLES = 14  # a short sentence after the last question names the asker or thanks
_SENTENCE_BREAK = re.compile(r"(?<=[.?!])\s+|\n+")


def split_sentences(text: str) -> list[str]:
    """A question's sentences: broken after ".", "?", "!" and at line ends."""
    return [s.strip() for s in _SENTENCE_BREAK.split(text.strip()) if s.strip()]


def asks_made(text: str) -> list[str]:
    """The sentences of a text that ask (end with "?")."""
    return [s for s in split_sentences(text) if s.endswith("?")]


def only_the_asks(text: str) -> str:
    """The asking sentences of a text, or the whole text when none ends with "?": "Tôi là công chức tư pháp - hộ
    tịch …" tells who asks, not what."""
    return " ".join(asks_made(text)) or text


# "huy chương này", "danh hiệu đó": an ask naming only the kind, pointing back to the award named before it
_POINTING_BACK = re.compile(r"\b(?:danh hiệu|huân chương|huy chương|hình thức|giải thưởng|kỷ niệm chương|bằng khen)"
                            r"\s+(?:này|đó|ấy|trên)\b", re.IGNORECASE)


def _pointed_back_to(question: str, focus_matches, award_matches) -> str | None:
    """ "… nói công tác thêm sẽ được Huy chương Quân kỳ quyết thắng. Bố tôi cần công tác bao lâu để được xét huy
    chương này?": an asking sentence that names no award of its own but points back to one asks the last award of
    that kind named before it, not a title the story tells as held."""
    if any(m.entry.kind in AWARD_KINDS and not m.entry.names_a_kind for m in focus_matches):
        return None
    pointing = list(_POINTING_BACK.finditer(question))
    if not pointing:
        return None
    kind = pointing[-1].group(0).split()[0].lower()
    before = [m for m in award_matches if m.start < pointing[-1].start() and not m.entry.names_a_kind
              and m.text.lower().startswith(kind)]
    return before[-1].entry.id if before else None


def asking_part(question: str) -> str:
    """The sentences of a long story that ask: the background (who, when, what happened) says who
    asks, the asking sentences say what. "" for a question told in one sentence. A post printed as Q&A sites print
    it, a headline question, the story, then the ask again in full, asks by its headline and its closing asks.

    >>> asking_part("Năm ngoái anh Tùng phòng tôi chủ trì triển khai phần mềm một cửa và đã được Giám đốc Sở "
    ...             "tặng giấy khen. Nay phòng muốn đề nghị bằng khen cho thành tích ấy. Có đúng quy định không?")
    'Nay phòng muốn đề nghị bằng khen cho thành tích ấy. Có đúng quy định không?'
    """
    if len(syllable_tokenize(question)) < STORY_MIN_SYLLABLES:
        return ""
    sentences = split_sentences(question)
    if len(sentences) < 2:
        return ""
    last = max((i for i, s in enumerate(sentences) if s.endswith("?")), default=len(sentences) - 1)
    while last < len(sentences) - 1 and len(syllable_tokenize(sentences[-1])) <= SIGNATURE_SYLLABLES:
        sentences.pop()  # "Câu hỏi của chị H.T (Long An).", "Xin cảm ơn.": who asks, after the asking
    first = next((i for i, s in enumerate(sentences) if s.endswith("?")), len(sentences) - 1)
    headline = ""
    if first == 0:  # a post's headline question, then its story, then the ask again in full: both ask
        again = next((i for i in range(2, len(sentences)) if sentences[i].endswith("?")
                      and not sentences[i - 1].endswith("?")), None)
        if again is not None:
            headline, first = sentences[0], again
    if first > 0 and (len(syllable_tokenize(" ".join(sentences[first:]))) < SHORT_ASK_SYLLABLES
                      or _checks_a_rule_heard(sentences, first)):
        first -= 1  # "Có đúng không?", "(Em nghe nói …) Có quy định như vậy không?" ask about the sentence before
    return " ".join(([headline] if headline else []) + sentences[first:])


# words of an ask that point back to a rule the sentence before it says the asker heard ("Em nghe nói … phải ưu
# tiên nữ. Có quy định như vậy không?"); an event told before it is background ("Năm 2013 … Làm như vậy có đúng?")
_POINTS_BACK = re.compile(r"\b(?:(?:như|nói|làm) (?:vậy|thế)(?! nào)|điều đó|điều này|việc đó|việc này|chuyện đó|"
                          r"chuyện này)\b", re.IGNORECASE)
_HEARD = re.compile(r"\b(?:nghe nói|nghe bảo|nghe đâu|được biết|đọc thấy|nói|bảo|cho rằng)\b", re.IGNORECASE)


def _checks_a_rule_heard(sentences: list[str], ask: int) -> bool:
    """The ask at `ask` points back to a rule the sentence before it says the asker heard."""
    return bool(ask > 0 and _POINTS_BACK.search(sentences[ask]) and _HEARD.search(sentences[ask - 1]))


_IF_OPENING = r"^\W*(?:và|còn)?\s*nếu\b"  # an ask opening with "(và/còn) nếu"
# "Và nếu … cố ý làm trái thì …" asks of a new case; "Nếu được thì ai ký?" asks on in the first ask's case
_IF_THEN = re.compile(_IF_OPENING + r"(?!\s+(?:được|có|đúng|vậy|như vậy|không|phải|đủ)\b)", re.IGNORECASE)
_ON_ITS_ANSWER = re.compile(_IF_OPENING, re.IGNORECASE)  # "Nếu được thì ai ký?" asks on from the first


def _main_asks(text: str) -> str:
    """The asks without those that follow from the first's answer ("… là đúng hay sai? Và nếu … cố ý làm
    trái thì có hình thức kỷ luật nào?"): the aspect asked is the first's. An ask listing its topics
    between semicolons ("Quyền, nghĩa vụ của cá nhân…; việc huỷ bỏ quyết định khen thưởng…?") asks first
    about the first; a clause telling what happened before the semicolon ("Một hội … thu phí làm hiện vật; tên
    kỷ niệm chương có phải đăng ký không?") does not."""
    sentences = split_sentences(text)
    kept = sentences[:1] + [s for s in sentences[1:] if not _IF_THEN.match(s)]
    if len(kept) == 1 and ";" in kept[0]:
        topic = kept[0].split(";")[0]
        if detect_aspect(topic) and opens_on_an_aspect(topic):
            return topic
    return " ".join(kept) if len(kept) < len(sentences) else text


ASK_CLAUSE_MIN_SYLLABLES = 4


# "… không ạ?", "… chưa vậy", "… ko?": how a yes/no question ends, chat spellings too
_YES_NO_END = r"\b(?:không|chưa|ko|k)\s*(?:ạ|vậy|nhỉ|nhé)?\s*[?.]*\s*$"
# "… có (nhận) được Bằng khen của Chủ tịch UBND tỉnh không?": whether one may have what is named
_MAY_HAVE = re.compile(r"\bcó\s+(?:\w+\s+){0,2}được\b[^?.]*" + _YES_NO_END, re.IGNORECASE)


def _first_ask_aspect(question: str, opening: str = "") -> str | None:
    """ "Hồ sơ đề nghị … gồm những gì? Mức tiền thưởng là bao nhiêu?": asks added after the main one, short and
    naming nothing of their own, leave the main ask its aspect; so do any asks after a headline, an opening
    sentence that asks of a title it names ("NGƯT xét mấy năm một lần, năm nay có xét không? Còn giáo viên …?").
    `opening`: the question's first sentence."""
    asks = asks_made(question)
    if len(asks) < 2:
        return None
    asked_first = aspects_asked(asks[0])
    first = next(iter(asked_first), None)  # what detect_aspect gives
    opening_ask = understand(asks[0]) if first is None and _MAY_HAVE.search(asks[0]) else None
    awards_told = [t for t in opening_ask.terms if load_vocabulary().get(t).kind in AWARD_KINDS] if opening_ask else []
    if len(awards_told) == 1 and not _implied_aspect((), opening_ask.terms):
        # "Cá nhân có thành tích đột xuất có nhận được Bằng khen của tỉnh không? Hồ sơ … gồm những gì?": whether one
        # may have the one award named, asked first, asks its criteria
        first, asked_first = DEFAULT_ASPECT, [DEFAULT_ASPECT]
    # a headline asks of a title it names what the law rules on it ("Ngoài HC Sao vàng còn những loại nào?" asks
    # of the kind, not of the order named), or, naming none, asks one thing other than what a word means ("Chủ
    # tịch UBND xã có được phát động phong trào thi đua riêng không?"; "Danh hiệu thi đua là gì?" only leads in,
    # "Nguyên tắc chi thưởng … ra sao?" may ask either);
    # an ask on its answer of something else ("Nếu được thì ai ký?") is what is wanted, one still asking the
    # headline's ("Nếu phải công khai thì công khai ở đâu?") is not
    awards = awards_named(asks[0], kinds_too=True)
    asks_of_it = (first in TITLE_TO_GENERAL_ASPECTS or any(first in load_law_map().aspects_of(a) for a in awards)
                  if awards else first not in (None, "dinh_nghia") and asked_first == [first])
    headline = (asks[0] == opening and asks_of_it
                and all(first in aspects_asked(ask) for ask in asks[1:] if _ON_ITS_ANSWER.match(ask)))
    if headline or all(an_add_on(ask) and not _ON_ITS_ANSWER.match(ask) for ask in asks[1:]):
        return first
    return None


ADD_ON_SYLLABLES = 12


_AND_ALSO = re.compile(r"^\W*(?:và|thêm nữa|ngoài ra)\b", re.IGNORECASE)


def an_add_on(ask: str) -> bool:
    """ "Mức tiền thưởng là bao nhiêu?", "Và tiền thưởng tính theo mức lương cơ sở ở thời điểm nào?": a short ask,
    or one opening with "và", that names no title or body of its own, added after the question's main ask."""
    return ((len(syllable_tokenize(ask)) <= ADD_ON_SYLLABLES or bool(_AND_ALSO.match(ask))) and not awards_named(ask)
            and not any(load_vocabulary().get(term).kind == "co_quan" for term in understand(ask).terms))


def asking_clause(question: str) -> str:
    """The clause of the first asking sentence that an asking phrase opens, after the clauses that tell
    ("… có sáng kiến được công nhận cấp tỉnh, nhưng không biết như vậy đã đủ điều kiện để trình chiến sĩ thi đua
    toàn quốc chưa?"): the aspect asked is in it. "" when no clause is opened so.

    >>> asking_clause("Tôi có sáng kiến được công nhận, vậy tôi đủ điều kiện chưa?")
    'tôi đủ điều kiện chưa?'
    """
    sentences = split_sentences(_main_asks(question))
    sentence = next((s for s in sentences if s.endswith("?")), sentences[-1] if sentences else "")
    openers = "|".join(re.escape(o) for o in sorted(_parts()["ask_openers"], key=len, reverse=True))
    # "…, vậy tôi đủ …", "… nên tôi muốn biết danh hiệu … có bị tước không"
    found = list(re.finditer(rf"(?:,\s*|\s(?i:nên)\s+(?:\w+\s+)?)(?:nhưng\s+|mà\s+|thì\s+)?(?i:{openers})\b[\s,]*", sentence))
    clause = sentence[found[-1].end():] if found else ""
    return clause if len(syllable_tokenize(clause)) >= ASK_CLAUSE_MIN_SYLLABLES else ""


def two_asks(question: str) -> tuple[str, str] | None:
    """A question asking two things in two sentences ("Nghệ nhân ưu tú do ai quyết định tặng ạ? Danh hiệu này
    được xét mấy năm một lần?", "Danh hiệu xã tiêu biểu quy định thế nào? Danh hiệu thôn văn hóa theo quy định
    mới?"): the first ask with the story told before it, and the second; None when both sentences ask the
    same aspect of the same title or fewer than two sentences ask."""
    sentences = split_sentences(question)
    asks = [(i, detect_aspect(s), awards_named(s)) for i, s in enumerate(sentences) if s.endswith("?")]
    asking = [(i, aspect, titles) for i, aspect, titles in asks if aspect or titles]
    if len(asking) < 2:
        return None
    (first, first_aspect, first_titles), (second, second_aspect, second_titles) = asking[:2]
    same_titles = not first_titles or not second_titles or first_titles == second_titles
    if first_aspect == second_aspect and same_titles:
        return None
    return " ".join(sentences[:first + 1]), " ".join(sentences[first + 1:second + 1])


_YES_NO_ENDING = re.compile(r"\b(?:không|chưa)\s*(?:ạ|vậy|nhỉ|nhé)?\s*[?.!]*\s*$", re.IGNORECASE)


def asks_yes_no(question: str) -> bool:
    """ "… có được không?", "… đủ điều kiện chưa ạ?" """
    return bool(_YES_NO_ENDING.search(question))


_ONLY_CHECKS = re.compile(r"^(?:vậy |như vậy |thế |điều đó |việc đó )?(?:có |là )?(?:đúng|phải|chính xác)\b", re.IGNORECASE)
# ", và ai được chủ trì …?", ", có truy tặng không?": a comma, perhaps a joining word, then the clause's own ask
_CLAUSE_JOIN = re.compile(r",\s+(?:(?:và|còn|với lại|hay|rồi)\s+)?(?=\S)", re.IGNORECASE)
CLAUSE_ASK_MIN_SYLLABLES = 3


def two_asks_in_a_sentence(question: str) -> tuple[str, str] | None:
    """A question asking two things in one sentence ("… mỗi năm xét tặng tối đa bao nhiêu người, có truy tặng
    không?", "Hồ sơ … nộp về đâu, hạn chót là ngày nào?"): the first ask with the story told before it, and the
    second; None unless each clause asks an aspect of its own (the second may ask yes or no)."""
    sentences = split_sentences(question)
    asking = [i for i, s in enumerate(sentences) if s.endswith("?")]
    if len(asking) != 1:
        return None
    sentence = sentences[asking[0]]
    for join in reversed(list(_CLAUSE_JOIN.finditer(sentence))):
        left, right = sentence[:join.start()], sentence[join.end():]
        if len(syllable_tokenize(right)) < CLAUSE_ASK_MIN_SYLLABLES:
            continue
        left_aspect, right_aspect = detect_aspect(left), detect_aspect(right)
        # "…, có đúng không ạ?" checks what the clause before it says; it asks nothing of its own
        right_asks = right_aspect or asks_yes_no(right) and not _ONLY_CHECKS.match(right)
        if left_aspect and right_asks and left_aspect != right_aspect and holds_a_question_word(left):
            return " ".join([*sentences[:asking[0]], left.rstrip(" ,") + "?"]), right[:1].upper() + right[1:]
    return None


def awards_named(text: str, kinds_too: bool = False) -> tuple[str, ...]:
    """The titles and awards a sentence names (not a kind alone: "huân chương", unless `kinds_too`)."""
    return tuple(dict.fromkeys(m.entry.id for m in load_vocabulary().find(text)
                               if m.entry.kind in AWARD_KINDS and (kinds_too or not m.entry.names_a_kind)))


def asks_a_case_rule(question: str) -> bool:
    """ "… Cho em hỏi thời gian nghỉ thai sản có được tính để xét danh hiệu thi đua không ạ?": the first ask is the
    rule on a case that holds for any title (maternity leave), naming none, not whether the asker qualifies."""
    ask = first_ask(question)
    named = {m.entry.id for m in load_vocabulary().find(ask)}
    return bool(named.intersection(_parts()["case_notions"])) and not awards_named(ask)


def names_a_sector(question: str) -> bool:
    """The question names one ministry or sector ("Bằng khen của Bộ trưởng Bộ Kế hoạch và Đầu tư", "ngành Tư
    pháp"), a capitalised name after its marker, or a body of that level by name ("Ngân hàng Nhà nước");
    "Bộ, ban, ngành, tỉnh" names none."""
    markers = "|".join(re.escape(m) for m in sorted(_parts()["sector_markers"], key=len, reverse=True))
    if re.search(rf"(?<!\w)(?:{markers})\s+[A-ZĐ]", question):
        return True
    form = _question_form(question)
    return _has_any(form, _parts()["sector_bodies"]) or _has_any(form, _sectors_in_lower_case())


@lru_cache(maxsize=1)
def _sectors_in_lower_case() -> list[str]:
    """ "ngành y tế", "ngành giao thông vận tải": a sector of `sector_names` after its marker."""
    return [f"ngành {name}" for name in _parts()["sector_names"]]


def place_names(question: str) -> tuple[str, ...]:
    """Names after a place marker ("huyện Tam Đường", "tỉnh Hà Giang"), folded: the document that
    answers must contain them.

    >>> place_names("Đợt thi đua của huyện Tam Đường kéo dài đến ngày nào?")
    ('tam duong',)
    """
    markers, compounds = set(_parts()["place_markers"]), set(_parts()["place_marker_compounds"])
    names = []
    for phrase in re.split(r"[^\w\s]+", question):  # a name ends at punctuation: "Bộ GDĐT (QĐ …"
        words = phrase.split()
        folded = [fold_accents(word).lower() for word in words]
        for i, word in enumerate(words[:-1]):
            if i and f"{folded[i - 1]} {folded[i]}" in compounds:
                continue
            if folded[i] in markers and _a_name_word(words[i + 1], folded[i]):
                name = list(itertools.takewhile(lambda w: _a_name_word(w, folded[i]), words[i + 1: i + 5]))
                names.append(fold_accents(" ".join(name)))
    return tuple(dict.fromkeys(names))


def named_as_a_unit_only(folded: str, place: str) -> bool:
    """Every mention of `place` in `folded` (padded folded syllables) follows an administrative unit's word: "nay
    thuộc TP Đà Nẵng" names the city, "ĐH Đà Nẵng" the university named after it."""
    if f" {place} " not in folded:
        return False
    units = "|".join(re.escape(unit) for unit in _parts()["administrative_units"])
    return f" {place} " not in re.sub(rf" (?:{units}) {re.escape(place)}(?= )", " ", folded)


def _a_name_word(word: str, marker: str) -> bool:
    """A capitalised word. An all-capitals one is a chat abbreviation ("tỉnh LT" for "liên tục") that no
    document spells, except after the markers whose abbreviations the documents' own numbers carry ("Bộ GDĐT",
    as in "…/QĐ-BGDĐT")."""
    abbreviation = len(word) > 1 and word.isupper()
    return word[:1].isupper() and (not abbreviation or marker in _parts()["abbreviated_markers"])


def _has_any(form: _Form, cues: list[str]) -> bool:
    return any(_cue_in(form, cue) for cue in cues)


def _asked_subjects(question: str, matches) -> tuple[str, ...]:
    """The titles/awards asked about: those after "xét / đề nghị / muốn", else those not told as already
    held ("đã có BK TTg", "2 lần CSTĐCS", "CSTĐCS bao nhiêu lần")."""
    parts = _parts()
    accented = not looks_unaccented(question)

    def counted_after(m) -> bool:  # "CSTĐCS 2 lần" is held; "Huân chương Hồ Chí Minh lần thứ hai" is asked again
        after = _form(re.split(r"[.?!;,]", question[m.end:m.end + 20])[0], accented)
        return _has_any(after, parts["held_after_cues"]) and not _has_any(after, parts["again_after_cues"])

    asked = [m for m in matches if _has_any(_words_before(question, m, accented), parts["asked_cues"])
             and not _has_any(_words_before(question, m, accented), parts["asked_done_cues"])
             and not counted_after(m)]
    not_held = [m for m in matches if not _told_as_held(question, m, accented) and not counted_after(m)]
    return tuple(dict.fromkeys(m.entry.id for m in (asked or not_held or matches)))


def _words_before(question: str, match, accented: bool, since: int = 0) -> _Form:
    """The few words before a match, in its clause only, and not before `since`."""
    return _form(re.split(r"[.?!;]", question[max(since, match.start - 24):match.start])[-1], accented)


_BOTH = re.compile(r"\b(?:vừa|vua)\b(.{1,60}?)\b(?:vừa|vua)\b(.{1,60})", re.IGNORECASE)
# "… tặng thêm giấy khen cho đúng vụ đó", "cùng một thành tích": a second award for the deed already rewarded
_SAME_DEED = re.compile(r"\b(?:(?:cho|vì|về)\s+(?:đúng|cùng|chính)\s+(?:vụ|thành tích|việc|sự việc|chiến công|đợt|chuyện)"
                        r"\s+(?:đó|này|ấy|đấy|kia)|cùng (?:một|1) thành tích)\b", re.IGNORECASE)


def _two_awards_for_one_achievement(question: str, matches, vocabulary) -> bool:
    """ "Một thành tích chống lũ mà đơn vị vừa đề nghị bằng khen tỉnh vừa tặng giấy khen sở cho cùng người đó":
    two hình thức khen thưởng for one achievement, which the principle of Điều 5 khoản 2 điểm c rules on (two
    danh hiệu at once, "vừa LĐTT vừa CSTĐCS", are rewards counted together instead)."""
    awards = [m for m in matches if "hinh_thuc_khen_thuong" in vocabulary.ancestors(m.entry.id)]
    found = _BOTH.search(question)
    if not found:
        return _SAME_DEED.search(question) is not None and len({m.entry.id for m in awards}) >= 2
    def an_award_in(start: int, end: int) -> bool:
        return any(start <= m.start < end for m in awards)
    return an_award_in(found.start(1), found.end(1)) and an_award_in(found.start(2), found.end(2))


# "… có được không?", "… được chưa ạ?": whether it may be done
_MAY_IT = re.compile(r"\b(?:được|đủ)\b[^?.]{0,30}" + _YES_NO_END, re.IGNORECASE)


def _may_one_be_proposed(question: str, subjects: tuple[str, ...], award_matches) -> bool:
    """ "Đã có Huân chương Lao động, 2 năm sau trình Bằng khen tỉnh được không?": whether one title may be
    proposed beside another named, with no aspect said, asks the criteria of the one proposed."""
    return (len(subjects) == 1 and any(m.entry.id not in subjects for m in award_matches)
            and bool(_MAY_IT.search(question)))


def _only_held(question: str, matches) -> frozenset[str]:
    """The titles a story tells as held and does not ask for, read in the words between a title and the one
    before it ("3 lần CSTĐCS thì đủ đk HCLĐ hạng Ba": only CSTĐCS is held; "đề xuất được tặng Bằng khen" asks)."""
    accented, parts = not looks_unaccented(question), _parts()
    held = set()
    for match in matches:
        previous_end = max((m.end for m in matches if m.end <= match.start), default=0)
        before = _words_before(question, match, accented, since=previous_end)
        if _has_any(before, parts["held_cues"]) and not _has_any(before, parts["asked_cues"]):
            held.add(match.entry.id)
    return frozenset(held)


def _told_as_held(question: str, match, accented: bool) -> bool:
    """ "đã được tặng HCLĐ hạng Ba": a title the story says is already held."""
    return _has_any(_words_before(question, match, accented), _parts()["held_cues"])


def _a_title_ladder(named) -> bool:
    """Two emulation titles named, one required by the other's criteria. The principle that a lower
    award is no step to a higher one (NĐ 152 Điều 4 khoản 1) speaks of hình thức khen thưởng; a title's
    criteria may require the lower title."""
    ids = {entry.id for entry in named}
    return any(entry.kind == "danh_hieu_thi_dua" and any(needed in ids for needed, _ in entry.builds_on)
               for entry in named)


_PAIR_JOINT = re.compile(r"^[\s,/]*(?:và|hoặc|hay|cùng)?[\s,/]*$", re.IGNORECASE)


def _a_pair_of_steps(question: str, matches) -> tuple[str, ...]:
    """Two titles of one ladder named side by side ("Nghệ sĩ nhân dân, Nghệ sĩ ưu tú", "TTƯT hoặc TTND"):
    the lower step and the higher one, or nothing."""
    accented = not looks_unaccented(question)
    held = False  # a list told as held ("đã được tặng HCLĐ hạng Ba, hạng Nhì, hạng Nhất … có đạt Độc lập …")
    for first, second in zip(matches, matches[1:]):
        joined = bool(_PAIR_JOINT.match(question[first.end:second.start]))
        held = _told_as_held(question, first, accented) or (held and joined)
        if not joined or held:
            continue
        for low, high in ((first.entry, second.entry), (second.entry, first.entry)):
            if any(needed == low.id for needed, _ in high.builds_on):
                return low.id, high.id
    return ()


def _higher_first(ids: tuple[str, ...], named, told_held: frozenset[str] = frozenset()
                  ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Asked for its criteria, a title that requires another named title is the one asked, the other
    is what the officer holds: "đạt LĐTT rồi thì CSTĐCS cần thêm gì" asks for CSTĐCS (Điều 23
    requires LĐTT). Asked who awards them, both stay ("CSTĐCS hay chỉ LĐTT"). Of such titles, one the
    question asks for in so many words comes first; one it tells as held is not asked ("được tặng Huân
    chương Lao động hạng Ba, hai năm sau trình Bằng khen Thủ tướng"). Returns the titles asked and those held."""
    named_ids = {entry.id for entry in named}
    # an order asked again builds on itself (Điều 35 khoản 4: "Tập thể đã được tặng “Huân chương Hồ Chí Minh” …"):
    # that step names no other title
    steps = {entry.id: [needed for needed, _ in entry.builds_on if needed != entry.id] for entry in named}
    required = {needed for entry in named for needed in steps[entry.id] if needed in named_ids}
    top = [entry.id for entry in named if entry.id not in required and entry.id not in told_held
           and any(needed in required for needed in steps[entry.id])]
    asked = dict.fromkeys(top + [i for i in ids if i not in required])
    if not asked:
        return ids, tuple(sorted(told_held & named_ids))
    held_again = {entry.id for entry in named  # told as held and asked again: its own step applies
                  if entry.id in told_held and any(needed == entry.id for needed, _ in entry.builds_on)}
    return tuple(sorted(asked, key=lambda i: i not in ids)), tuple(sorted(required | held_again))


# How a short follow-up is joined to the question before it when no slot of it can be swapped
# ("Vậy ai chi ạ — Bằng khen của Thủ tướng được thưởng bao nhiêu?"): what it asks comes first.
FOLLOW_UP_JOINER = " — "
OPENING_CHARS = 160  # a khoản says whom it is written for in its first words
_QUOTED_NAME = re.compile(r"“[^”]*”")


def group_order(opening: str, question: str, group: str = "") -> int:
    """How a khoản's group ("để tặng cho công nhân, nông dân …", or the one its law-map entry names)
    stands to the question: 0 written for a group the question names, 1 for no group (the general
    case), 2 for a group it does not name. A title's quoted name ("“Anh hùng Lực lượng vũ trang nhân dân” để tặng
    … cho cá nhân") names no group."""
    opening = _QUOTED_NAME.sub(" ", opening[:OPENING_CHARS])
    text, asked = _form(opening, accented=True), _question_form(question)  # "công nhận" is no "công nhân"
    text = _without(text, _parts()["every_recipient"])
    groups = _parts()["population_groups"]
    written_for = ([groups[group]] if group
                   else [words for words in groups.values() if any(_cue_in(text, w) for w in words)])
    if any(any(_cue_in(asked, w) for w in words) for words in written_for):
        return 0
    return 2 if written_for else 1


def _asked_in_the_asks(focus: str, subjects: tuple[str, ...], vocabulary) -> str | None:
    """ "Nhận khen thưởng của tổ chức nước ngoài có phải xin phép không? Tôi là giảng viên … sẽ trao tặng tôi bằng
    khen … Tôi muốn hỏi … có cần cơ quan nhà nước đồng ý không?": a post that asks, tells, then asks again is
    read from its asks; the story between them (its "trao tặng") tells, it does not ask."""
    asks = asks_made(focus)
    if not asks or len(asks) == len(split_sentences(focus)):
        return None
    asked = " ".join(asks)
    return detect_aspect(_main_asks(asked)) or _implied_by_focus(vocabulary.find(asked), subjects, vocabulary)


def _a_heard_claim_checked(focus: str) -> str | None:
    """ "Phòng tổ chức bảo điều dưỡng không thuộc diện xét …, chỉ bác sĩ mới được. Có đúng như vậy không ạ? Nếu được
    thì bao lâu mới xét một lần?": a rule the asker heard, then checked by an ask pointing back to it, is asked
    first; the ask on its answer ("Nếu được thì …") waits on it."""
    sentences = split_sentences(focus)
    first = next((i for i, s in enumerate(sentences) if s.endswith("?")), 0)
    if not _checks_a_rule_heard(sentences, first) or detect_aspect(sentences[first]):
        return None
    return detect_aspect(sentences[first - 1])


def _an_occupation_set_against_only_another(question: str, subjects: tuple[str, ...]) -> bool:
    """ "điều dưỡng trưởng khoa như em thì có được xét Thầy thuốc ưu tú không hay chỉ bác sĩ mới được?": an occupation
    the law lists in whom the title asked is for, set against "only" another ("chỉ bác sĩ", "chỉ dành cho bác sĩ"),
    asks whom it is for; a story telling of a nurse and a head of department asks nothing of the kind."""
    folded = folded_syllables(question)
    named = [o for o in _parts()["occupations"] if folded_syllables(o) in folded]
    only = [o for o in named if re.search(r" chi (?:\w+ ){0,3}?" + re.escape(folded_syllables(o).strip()) + " ", folded)]
    if not only or len(named) < 2:
        return False
    listed = " ".join(folded_syllables(e.quote) for e in load_law_map().entries
                      if e.subject in subjects and e.aspect == "doi_tuong")
    return any(folded_syllables(o) in listed for o in named)


def _first_of_two_asks(focus: str) -> str | None:
    """ "… thời gian dạy ở vùng khó được tính gấp đôi, có đúng không ạ? Còn NGƯT thì mấy năm mới xét một lần?": of
    two asks on different things, the first is the one answered first, whichever names more cue words."""
    pair = _the_two_asks(focus, in_one_sentence=False)
    return detect_aspect(pair[0]) if pair else None


def _the_two_asks(text: str, in_one_sentence: bool) -> tuple[str, str] | None:
    """The first ask's own sentence (without the story told before it) and the second ask, of a text asking two
    things in two sentences, or also in one when `in_one_sentence`."""
    pair = (in_one_sentence and two_asks_in_a_sentence(text)) or two_asks(text)
    return (split_sentences(pair[0])[-1], pair[1]) if pair else None


def _implied_by_focus(focus_matches, subjects: tuple[str, ...], vocabulary) -> str | None:
    """A story that tells of "một huy chương" and asks "nhận khen thưởng của tổ chức nước ngoài có cần
    ai cho phép không?": the notion of its asking sentence sets the aspect, unless the story names a
    title of its own (then its criteria or principles are asked)."""
    if any(not vocabulary.get(subject).names_a_kind for subject in subjects):
        return None
    named = tuple(m.entry.id for m in focus_matches if m.entry.kind in AWARD_KINDS and not m.entry.names_a_kind)
    return _implied_aspect(named, tuple(dict.fromkeys(m.entry.id for m in focus_matches)))


def _implied_aspect(subjects: tuple[str, ...], terms: tuple[str, ...]) -> str | None:
    """Asked with no cue ("nghỉ sinh thì không được xét, có đúng không?"), a notion the law rules
    on in one respect only is asked in that respect."""
    if subjects:
        return None
    broad = TOO_BROAD | LOCAL_NOTIONS
    return next((only[0] for term in terms if term not in broad and (only := only_aspect(term))), None)


# "là" then what asks, within a few words ("là gì", "là năm như thế nào"); "Tập thể là phòng chuyên môn … có đề
# nghị … được không?" tells who asks
_DEFINED_AS = re.compile(r"^\s+(?:là|la)\b(?:\s+\w+){0,3}?\s+(?:gì|gi|nào|nao|sao|ai)\b", re.IGNORECASE)


def _asks_a_definition(question: str, matches) -> str | None:
    """ "… nhân dịp kỷ niệm năm tròn, vậy năm tròn là năm như thế nào?": a notion the law defines, followed
    by "là", asks its definition even beside a title named before it."""
    law_map = load_law_map()
    for match in matches:
        if (match.entry.kind in NOTION_KINDS and "dinh_nghia" in law_map.aspects_of(match.entry.id)
                and _DEFINED_AS.match(question[match.end:])):
            return "dinh_nghia"
    return None


_WHICH = re.compile(r"^\s+(?:gì|gi|nào|nao)\b", re.IGNORECASE)


def _asks_which(question: str, award_matches) -> bool:
    """Only kinds of award are named, one of them followed by "gì"/"nào": the award of that kind whose
    criteria fit the case told is asked (Điều 56 for a police officer's 25 years, not Điều 54 on every
    huy chương)."""
    return (bool(award_matches) and all(m.entry.names_a_kind for m in award_matches)
            and any(_WHICH.match(question[m.end:]) for m in award_matches))


def _target_of(subjects: tuple[str, ...], vocabulary) -> str | None:
    targets = {t for s in subjects for t in vocabulary.get(s).for_}
    return next(iter(targets)) if len(targets) == 1 else None


def _recipient_of_the_titles_held(held: tuple[str, ...], terms: tuple[str, ...], subjects: tuple[str, ...],
                                  vocabulary) -> str | None:
    """ "ĐV em đã có HC Độc lập hạng Ba … cần mấy lần Cờ TĐ CP …?": no recipient named, a title the record counts
    that only a collective can hold ("Cờ thi đua của Chính phủ") says a collective is asked about."""
    counted = [t for t in (*held, *terms) if t not in subjects and vocabulary.get(t).kind in AWARD_KINDS]
    return "tap_the" if any(tuple(vocabulary.get(t).for_) == ("tap_the",) for t in counted) else None


def _spelled_out(matches) -> list:
    """The matches worth spelling out: abbreviations, and spoken forms of titles, awards and procedures."""
    return [m for m in matches if _ACRONYM.search(m.text)
            or (m.entry.kind in SPOKEN_FORM_KINDS
                and folded_syllables(m.text) != folded_syllables(m.entry.name.strip("“”\"")))]


def _expansion(question: str, matches) -> str:
    """Official names the question did not already spell out."""
    folded = folded_syllables(question)
    names = []
    for match in _spelled_out(matches):
        name = match.entry.spelled_as(match.text)
        if folded_syllables(name) not in folded and name not in names:
            names.append(name)
    return "; ".join(names)


@lru_cache(maxsize=1)
def _synonym_groups() -> list[list[str]]:
    return read_yaml(DATA.parent / "synonyms.yaml")["groups"]


def _synonyms(question: str) -> list[str]:
    """ "tối đa bao nhiêu người" → ["không quá"]: the other phrases of each group the question uses."""
    form = _question_form(question)
    found = []
    for group in _synonym_groups():
        if any(_cue_in(form, phrase) for phrase in group):
            found += [phrase for phrase in group if not _cue_in(form, phrase) and phrase not in found]
    return found


def _spelled(question: str, matches) -> str:
    """ "Tiêu chuẩn CSTĐCS?" → "Tiêu chuẩn Chiến sĩ thi đua cơ sở?" (names as the texts write them)."""
    out, last = [], 0
    for match in _spelled_out(matches):
        if match.start < last:
            continue
        out += [question[last:match.start], match.entry.spelled_as(match.text)]
        last = match.end
    return "".join(out) + question[last:]


# "Những ai được xét tặng danh hiệu X?": for one title, who may receive it is said by its criteria
# article ("được xét tặng cho … đạt các tiêu chuẩn sau"), and for a kind of commendation by its
# definition ("Khen thưởng theo niên hạn là … cho cá nhân thuộc …"), when the map has nothing narrower;
# a title with no quota asked for "tỷ lệ" is asked for the share its criteria set (70% đạt LĐTT).
_ASPECT_FALLBACKS = {"doi_tuong": ("tieu_chuan", "dinh_nghia"), "ty_le_so_luong": ("tieu_chuan",),
                     "thoi_gian_nhan_he_so": ("tieu_chuan",), "nguon_quy": ("quy_khen_thuong",),
                     "su_dung_quy": ("quy_khen_thuong",), "thu_tuc": ("ho_so",),
                     # "thành tích … phải có phạm vi ảnh hưởng tới đâu" of an award: the scope its criteria require
                     "cong_nhan_sang_kien": ("tieu_chuan",),
                     # whether a giver may give an award that is not a giấy khen: who decides it
                     "nguoi_tang": ("tham_quyen_quyet_dinh",)}
# Aspects a family of titles rules on for each of its ranks (time counted twice at sea, on islands): asked of a
# rank, the family's rule answers before the rank's own criteria.
_FAMILY_FIRST = {"thoi_gian_nhan_he_so"}
DEFAULT_ASPECT = "tieu_chuan"


@lru_cache(maxsize=None)
def only_aspect(subject: str) -> tuple[str, ...]:
    """A notion the law rules on in one respect only is answered by it whatever is asked
    ("nghỉ thai sản có được xét thi đua không": the principle that the leave counts); so is one it rules on in
    one khoản read in several respects (discipline: the principle, and from when achievements count again),
    in the respect the map gives first."""
    if load_vocabulary().get(subject).kind != "khai_niem":
        return ()
    entries = [e for e in load_law_map().entries if e.subject == subject]
    one_place = len({(e.article, str(e.khoan)) for e in entries}) == 1
    return (entries[0].aspect,) if entries and (one_place or len({e.aspect for e in entries}) == 1) else ()


def _a_criterion_named(terms: tuple[str, ...], subjects: tuple[str, ...]) -> str | None:
    """ "Tổ có một giáo viên bị cảnh cáo, tổ còn xét Tập thể lao động tiên tiến được không?": a notion the law
    words inside the criteria of the title asked (kỷ luật, quoted from Luật 06/2022 Điều 28 khoản 1 điểm c) asks
    those criteria, not the principle it has elsewhere."""
    vocabulary, law_map = load_vocabulary(), load_law_map()
    criteria = {(e.doc, e.article, e.khoan_numbers) for subject in subjects for e in law_map.entries
                if e.subject == subject and e.aspect == DEFAULT_ASPECT}
    for term in map(vocabulary.get, terms):
        source = term.source
        if (term.kind in NOTION_KINDS and source.article
                and (source.doc, source.article, source.khoan_numbers) in criteria):
            return DEFAULT_ASPECT
    return None


def _implied_by_an_act(terms: tuple[str, ...]) -> str | None:
    """ "đối tác ở Lào được tặng HC Hữu nghị, ĐSQ mình bên đó trao luôn được không": an act the law rules on in one
    respect only (presenting an award abroad), named beside the award, is what is asked of it."""
    vocabulary, law_map = load_vocabulary(), load_law_map()
    acts = [t for t in terms if vocabulary.get(t).kind == "hoat_dong" and len(law_map.aspects_of(t)) == 1]
    return next(iter(law_map.aspects_of(acts[0])), None) if acts else None


def _case_aspects(subject: str) -> tuple[str, ...]:
    """A case that qualifies any title (maternity leave, several titles at once) is answered by its own rules
    whatever is asked of the title ("đề nghị CSTĐ cấp tỉnh và bằng khen cùng một lúc, quy trình ra sao?")."""
    return tuple(load_law_map().aspects_of(subject)) if subject in _parts()["case_notions"] else ()


def _yields_to_an_event(notion: str, notions: tuple[str, ...]) -> bool:
    """Who the person is ("nữ") comes after what happened to them ("nghỉ thai sản"), unless its own
    provisions speak of the rest of the question ("nữ lãnh đạo … quá trình cống hiến")."""
    if notion not in _parts()["attribute_notions"]:
        return False
    others = [t for t in notions if t != notion]
    return any(only_aspect(t) for t in others) and not _named_in_its_provisions(notion).intersection(others)


def _cases_of_an_act(terms: tuple[str, ...]) -> str | None:
    """ "Trường hợp nào danh hiệu Nhà giáo ưu tú bị tước?": the cases of an act the law rules on (tước, hủy
    bỏ) are in the provision its name points to (xử lý vi phạm), when none is on the cases it applies to."""
    law_map, vocabulary = load_law_map(), load_vocabulary()
    for term in terms:
        aspects = law_map.aspects_of(term)
        if vocabulary.get(term).kind == "hoat_dong" and "truong_hop_ap_dung" not in aspects:
            named = _aspect_named_by(term)
            if named in aspects:
                return named
    return None


# "có được đề nghị theo", "được khen thưởng theo": the case is the subject of "được", the procedure the way asked
_TAKEN_BY_A_CASE = re.compile(r"\bđược\s+(?:\w+\s+){1,3}?theo\s+$", re.IGNORECASE)


def _a_procedure_a_case_may_take(clause: str, vocabulary) -> str | None:
    """ "Trường hợp đạt giải quốc tế như vậy có được đề nghị theo thủ tục đơn giản không?": a procedure named as the
    way a case may be proposed asks whether the case is one the procedure applies to (Luật 06/2022 Điều 85 khoản 1),
    whatever award the story names."""
    if not asks_yes_no(clause):
        return None
    return next((m.entry.id for m in vocabulary.find(clause) if m.entry.kind == "thu_tuc"
                 and any(_TAKEN_BY_A_CASE.search(clause[:m.start] + head) for head in _heads_to_theo(m.text))),
                None)


def _heads_to_theo(name: str) -> list[str]:
    """The procedure's matched name may itself hold "… theo" ("khen thưởng theo thủ tục đơn giản"): the way asked
    may end before the name or at any "theo" inside it."""
    return ["", *(name[:t.end()] for t in re.finditer(r"\btheo\s+", name, re.IGNORECASE))]


def _cases_of_a_title(subjects: tuple[str, ...]) -> str | None:
    """ "Người nước ngoài được tặng Huân chương Hồ Chí Minh trong trường hợp nào?": the cases a title or
    award is given in are its criteria."""
    law_map = load_law_map()
    if subjects and not any("truong_hop_ap_dung" in law_map.aspects_of(s) for s in subjects):
        return "tieu_chuan"
    return None


def only_names_the_aspect(notion: str, aspect: str | None) -> bool:
    """A notion whose name only names the aspect asked ("tiền thưởng" asked the reward, "trao tặng" asked
    how an award is handed over) rules on nothing the question asks."""
    return _aspect_named_by(notion) == aspect


@lru_cache(maxsize=None)
def _aspect_named_by(notion: str) -> str | None:
    return detect_aspect(load_vocabulary().get(notion).name)


@lru_cache(maxsize=None)
def _named_in_its_provisions(notion: str) -> frozenset[str]:
    """What the law map's quotes for a notion name: read once, not on every question's sort."""
    return frozenset(m.entry.id for e in load_law_map().entries if e.subject == notion
                     for m in load_vocabulary().find(e.quote))


def _located(law_map, subject: str, aspect: str, doc_ids) -> list[LawMapEntry]:
    """The subject's own entries first; then its family's on the aspect asked ("hải đảo … thời gian tính thế
    nào" of Huy chương Chiến sĩ vẻ vang hạng Ba: the family's Điều 57 khoản 3); then its criteria for a
    fallback aspect.

    A Law's provision on the whole family stays with a decree's own entries: "hồ sơ Chiến sĩ thi
    đua cơ sở" is answered by the Law's list of what a file holds (said of every title) before the
    decree that only delegates its details."""
    own = law_map.locate(subject, aspect, doc_ids, inherit=False)
    if not own and aspect in _FAMILY_FIRST:
        own = law_map.locate(subject, aspect, doc_ids)
    answered = aspect  # the aspect asked, or the fallback that found the subject's own entries
    for fallback in (*_ASPECT_FALLBACKS.get(aspect, ()), *only_aspect(subject), *_case_aspects(subject)):
        if not own:
            own, answered = law_map.locate(subject, fallback, doc_ids, inherit=False), fallback
    if not own and aspect == "dinh_nghia":
        own, answered = _setting_it_out(law_map, subject, doc_ids), "tieu_chuan"
    if not own:
        return law_map.locate(subject, aspect, doc_ids)
    covered = {entry.doc for entry in own}
    laws = [doc for doc in (doc_ids or law_map.documents) if doc not in covered and law_map.is_law(doc)]
    return own + (law_map.locate(subject, answered, laws) if laws else [])


def _setting_it_out(law_map, subject: str, doc_ids) -> list[LawMapEntry]:
    """ "Kỷ niệm chương “Vì sự nghiệp Thanh tra” là gì?": an award no text defines is what the one article of each
    text setting it out says it is given for; one set out over several articles ("Huân chương Lao động", a rank in
    each) is not defined by any one of them."""
    entries = law_map.locate(subject, "tieu_chuan", doc_ids, inherit=False)
    articles = {(entry.doc, entry.article) for entry in entries}
    return entries if len(articles) == len({doc for doc, _ in articles}) else []


# Aspects said of thi đua and khen thưởng as a whole: asked without a title, the general provisions answer.
GENERAL_ASPECTS = {"hanh_vi_bi_cam", "nguyen_tac", "dinh_nghia"}
# Asked of a title that has no rule of its own on them, the general provisions answer too: a title
# awarded under the old law keeps its value by the Law's transitional article; who presents an award; the rights
# of those awarded (using the award's emblem).
TITLE_TO_GENERAL_ASPECTS = GENERAL_ASPECTS | {"hieu_luc", "chuyen_tiep", "trao_tang", "quyen_loi"}
GENERAL_SUBJECTS = ("khen_thuong", "thi_dua")
# Named notions, bodies, acts and groups of recipients the law map may answer for when no title or award
# is named ("khen niên hạn", "tiền thưởng", "Chủ tịch UBND tỉnh", "hủy QĐ khen thưởng", "giáo viên hợp
# đồng"); the broadest notions name no provision of their own, and an emulation bloc (cụm, khối thi đua)
# is asked about in the plan that organises it, unless no place is named and an aspect is asked ("cụm, khối
# do cấp nào tổ chức?": Điều 16).
NOTION_KINDS = {"khai_niem", "loai_hinh_khen_thuong", "hinh_thuc_thi_dua", "thu_tuc", "co_quan", "hoat_dong", "doi_tuong", "cap",
                "van_ban"}
TOO_BROAD = {*GENERAL_SUBJECTS, "phong_trao_thi_dua"}
LOCAL_NOTIONS = {"cum_khoi_thi_dua"}
_BLOC = re.compile(r"\b(?:cụm|khối)\s+thi\s+đua\s+(số\s+\d|\w)", re.IGNORECASE)


def speaks_of_a_bloc(question: str) -> bool:
    """ "Khối thi đua các huyện của tỉnh Cà Mau …": a bloc, which a province's plans organise."""
    return bool(_BLOC.search(question))


def _names_a_bloc(question: str) -> bool:
    """ "Khối thi đua Tổng hợp", "Cụm thi đua số 3": one bloc, organised by a plan (not "khối thi đua do ai …")."""
    return any(m.group(1)[0].isupper() or m.group(1)[0].isdigit() or m.group(1).lower().startswith("số")
               for m in _BLOC.finditer(question))


def lookup_subjects(slots: Slots) -> tuple[str, ...]:
    """What to look up in the law map: the titles/awards asked about; for a definition, or when none
    is named, the other notions the question names; then, for general aspects, thi đua and khen thưởng."""
    vocabulary = load_vocabulary()
    # first the notions a story's asking sentences name and the law rules on in the aspect asked
    named = {m.entry.id for m in vocabulary.find(slots.focus)} if slots.focus else set(slots.terms)
    local = slots.places or not slots.aspect or _names_a_bloc(slots.question)
    broad = TOO_BROAD | (LOCAL_NOTIONS if local else set())
    notions = [t for t in slots.terms if t not in broad and vocabulary.get(t).kind in NOTION_KINDS]
    # beside a notion the law rules on once (receiving a foreign award, a change of the base salary), one
    # whose name only names the aspect ("trao tặng") comes after it, and so does a broader one
    specific = any(only_aspect(t) for t in notions)
    named_notions = tuple(notions)  # a list being sorted reads as empty
    # a notion the first ask names comes before those of asks added after it ("… nhận tiền thưởng cả hai hay chỉ
    # một? … Ngoài ra tiền lẻ có được làm tròn không?")
    # (a question asking nothing with "?" has no first ask here: its notions keep their order)
    in_the_first_ask = {m.entry.id for m in vocabulary.find(next(iter(asks_made(slots.focus or slots.question)), ""))}
    later = bool(in_the_first_ask.intersection(notions))
    # … and a level named ("khen thưởng cấp Nhà nước") narrows the kind of award beside it
    notions.sort(key=lambda t: (later and t not in in_the_first_ask, specific and only_names_the_aspect(t, slots.aspect),
                                _yields_to_an_event(t, named_notions), specific and not only_aspect(t),
                                not (t in named and slots.aspect in load_law_map().aspects_of(t)),
                                vocabulary.get(t).kind != "cap"))
    if slots.aspect == "dinh_nghia":
        found = [*notions, *slots.subjects]
    elif slots.subjects:
        # "khen đột xuất", "nghỉ thai sản", "cùng thời điểm": a notion the law rules on in the aspect
        # asked qualifies the title, and its own provision answers first (one that only names the
        # aspect, "tiền thưởng" for the reward, qualifies nothing; nor does a body or a group of recipients)
        families = {parent for subject in slots.subjects for parent in vocabulary.ancestors(subject)}
        asked_later = _asked_only_later(slots) if notions else set()
        qualifiers = [n for n in notions if vocabulary.get(n).kind not in ("co_quan", "doi_tuong")
                      and n not in asked_later
                      and n not in families  # "danh hiệu thi đua Lao động tiên tiến" names the title's family
                      and n not in _award_families()  # nor does another family ("3 lần danh hiệu thi đua cơ sở")
                      and (slots.aspect in load_law_map().aspects_of(n) or n in _parts()["case_notions"])
                      and not only_names_the_aspect(n, slots.aspect)]
        skipping = [subject for subject in slots.subjects if _skips_a_required_step(subject, slots)]
        return tuple(dict.fromkeys([*skipping, *qualifiers, *slots.subjects, *aspect_owners(slots.aspect)]))
    elif slots.aspect:
        # an aspect the law rules on as a whole (who is disciplined, the fund) is answered by its owners
        # before a named notion that says nothing of it ("… không xét cho người nghỉ thai sản thì bị kỷ luật gì")
        owners = aspect_owners(slots.aspect)
        ruled = [n for n in notions if not owners or slots.aspect in load_law_map().aspects_of(n)]
        # a notion that says nothing of the aspect adds nothing beside its owners ("quỹ … chi thưởng … hình thành
        # từ những nguồn nào": the fund's sources, not who pays the reward)
        found = [*_sector_head(slots), *ruled, *owners, *([] if owners and not ruled else notions)]
    else:
        found = []
    if slots.aspect in GENERAL_ASPECTS:  # "nguyên tắc thi đua": the one named first
        found += sorted(GENERAL_SUBJECTS, key=lambda subject: subject not in slots.terms)
    elif slots.aspect and not any(slots.aspect in load_law_map().aspects_of(n) for n in found):
        # "tuyến trình khen thưởng …", "quyền của cá nhân, tập thể trong thi đua, khen thưởng": nothing named
        # that the law rules on in the aspect, the general rule
        found += [*(() if local else _broad_but_ruled(slots)),
                  *(subject for subject in GENERAL_SUBJECTS if subject in slots.terms)]
    return tuple(dict.fromkeys(found))


def _asked_only_later(slots: Slots) -> set[str]:
    """ "CSTĐ tỉnh thì cần mấy lần CSTĐCS liên tiếp, với lại thời gian nghỉ sinh có bị trừ không?": the notions a
    second ask names and the first ask (which names the title) does not; they are what that second ask is about,
    and do not qualify the title the first ask is about."""
    asks = _the_two_asks(slots.focus or slots.question, in_one_sentence=True)
    if not asks:
        return set()
    vocabulary = load_vocabulary()
    first = {m.entry.id for m in vocabulary.find(asks[0])}
    if not first.intersection(slots.subjects):
        return set()
    return {m.entry.id for m in vocabulary.find(asks[1])} - first


def _broad_but_ruled(slots: Slots) -> list[str]:
    """ "Soạn kế hoạch phát động thi đua thì cần xác định những nội dung gì?", "Trách nhiệm của các cơ quan trong tổ
    chức phong trào thi đua?": a notion too broad to look up otherwise ("phong trào thi đua") is looked up in the
    aspect asked when the law rules on it so, then the general one it names (thi đua)."""
    vocabulary, law_map = load_vocabulary(), load_law_map()
    broad = [term for term in slots.terms if term in TOO_BROAD]
    ruled = [term for term in broad if slots.aspect in law_map.aspects_of(term)]
    names = " ".join(folded_syllables(vocabulary.get(term).name) for term in broad)
    return [*ruled, *(subject for subject in GENERAL_SUBJECTS
                      if f" {folded_syllables(vocabulary.get(subject).name).strip()} " in names)]


@lru_cache(maxsize=1)
def _award_families() -> frozenset[str]:
    """The notions titles and awards belong to (danh hiệu thi đua, hình thức khen thưởng): one of them named beside
    an award of another family tells what is held, it does not qualify the award asked."""
    vocabulary = load_vocabulary()
    return frozenset(family for entry in vocabulary.entries if entry.kind in AWARD_KINDS
                     for family in vocabulary.ancestors(entry.id))


def _sector_head(slots: Slots) -> list[str]:
    """ "Thẩm quyền quyết định khen thưởng ngành y tế?": one sector named and no title, who decides is its
    ministry's head (Luật 06/2022 Điều 79)."""
    if slots.aspect != "tham_quyen_quyet_dinh" or not names_a_sector(slots.question):
        return []
    return [_parts()["level_heads"]["bo"]]


def sector_delegation(slots: Slots, doc_ids: list[str] | None = None) -> list[LawMapEntry]:
    """ "Tiêu chuẩn Bằng khen của Bộ trưởng Bộ Kế hoạch và Đầu tư?": the criteria of one ministry's or sector's
    award are set by it, in the frame of the Law's khoản ("Bộ, ban, ngành, tỉnh … quy định chi tiết …"). Only
    the award's own khoản: one on a whole family (Điều 32, "các danh hiệu thi đua khác") leaves the details to
    other bodies (the army, the national universities), and a title with none (CSTĐ toàn quốc) has one set of
    criteria for every sector. No sector named, a socio-political organisation's khoản (`_organisation_delegation`)."""
    if slots.aspect not in ("tieu_chuan", "doi_tuong"):
        return []
    if not names_a_sector(slots.question):
        return _organisation_delegation(slots, doc_ids)
    vocabulary = load_vocabulary()
    return [p for p in mapped_provisions(slots.with_changes(aspect="tham_quyen_quy_dinh"), doc_ids)
            if p.subject in slots.subjects and vocabulary.get(p.subject).kind in AWARD_KINDS
            and not vocabulary.get(p.subject).names_a_kind]


SELF_RULING_ORGANISATION = "to_chuc_chinh_tri_xa_hoi"


def _organisation_delegation(slots: Slots, doc_ids: list[str] | None) -> list[LawMapEntry]:
    """ "Tiêu chuẩn TTLĐXS của tổ chức công đoàn?": a socio-political organisation's emulation titles and their
    criteria are set by its central body (Luật 06/2022 Điều 32 khoản 1), before the title's general criteria."""
    vocabulary = load_vocabulary()
    if SELF_RULING_ORGANISATION not in slots.terms or not any(
            vocabulary.get(s).kind == "danh_hieu_thi_dua" for s in slots.subjects):
        return []
    return load_law_map().locate(SELF_RULING_ORGANISATION, "tham_quyen_quy_dinh", doc_ids, inherit=False)


def mapped_provisions(slots: Slots, doc_ids: list[str] | None = None) -> list[LawMapEntry]:
    """The law map's answer to (title/award × aspect): the provisions a question points at."""
    # One title named and no aspect: what it takes to get it ("TTLĐXS phải có bao nhiêu % …?").
    aspect = slots.aspect or (DEFAULT_ASPECT if len(slots.subjects) == 1 else None)
    if not aspect:
        return []
    law_map = load_law_map()
    subjects = list(slots.subjects) or ["khen_thuong", "thi_dua"]
    bodies = _bodies_provisions(slots, aspect, doc_ids)
    found: list[LawMapEntry] = []
    for subject in subjects:
        entries = [_narrowed_to_a_body(e, bodies) for e in _located(law_map, subject, aspect, doc_ids)]
        if slots.target:
            entries = [e for e in entries if not e.for_ or slots.target in e.for_] or entries
        found += [e for e in entries if e not in found]
    return found


NARROWING_KINDS = ("co_quan", "doi_tuong")  # a body, or the kind of organisation whose head it is


def _bodies_provisions(slots: Slots, aspect: str, doc_ids: list[str] | None) -> list[LawMapEntry]:
    """The provisions the law map gives, for the aspect asked, to the bodies or kinds of organisation the question
    names ("giám đốc công ty", "hợp tác xã của tôi … ai ký": Điều 80 khoản 4 on who decides)."""
    vocabulary, law_map = load_vocabulary(), load_law_map()
    return [entry for term in slots.terms if term not in slots.subjects and vocabulary.get(term).kind in NARROWING_KINDS
            for entry in _located(law_map, term, aspect, doc_ids)]


def _narrowed_to_a_body(entry: LawMapEntry, bodies: list[LawMapEntry]) -> LawMapEntry:
    """A title's provision over several khoản (Điều 80 khoản 1–4: who decides on "Lao động tiên tiến" in each
    kind of body) narrowed to the khoản of the body the question names."""
    if len(entry.khoan_numbers) < 2:
        return entry
    body = next((b for b in bodies if (b.doc, b.article) == (entry.doc, entry.article)
                 and len(b.khoan_numbers) == 1 and b.khoan_numbers[0] in entry.khoan_numbers), None)
    return replace(entry, khoan=body.khoan, diem=body.diem, quote=body.quote) if body else entry


def held_steps(slots: Slots, doc_ids: list[str] | None = None) -> list[LawMapEntry]:
    """ "Đã có HCLĐ hạng Ba, muốn lên hạng Nhì thì phải đạt gì": the criterion of the asked title
    that names the title held (Điều 43 khoản 1 điểm đ) answers before the rest of its article. "Đề nghị thẳng
    Nghệ nhân nhân dân được không hay phải qua Nghệ nhân ưu tú": asked whether a required lower title may be
    skipped, the criterion requiring it (Điều 67 khoản 2) answers before the principle."""
    if slots.aspect not in (None, "tieu_chuan", "nguyen_tac"):
        return []
    vocabulary = load_vocabulary()
    return [LawMapEntry(subject, "tieu_chuan", src.doc, src.article, src.quote, src.khoan, src.diem,
                        group=_mapped_group(subject, src))
            for subject in slots.subjects for needed, src in vocabulary.get(subject).builds_on
            if (_skips_a_required_step(subject, slots) and needed in slots.terms or needed in slots.held)
            and (doc_ids is None or src.doc in doc_ids)
            and (not src.for_ or (slots.target or "ca_nhan") in src.for_)]  # no recipient named: the person's


def _mapped_group(subject: str, src) -> str:
    """The group the law map says a step's khoản is written for ("… hạng Nhì để tặng cho Bộ, ban, ngành, tỉnh …":
    a company holding the lower class is answered by the khoản for other collectives)."""
    return next((entry.group for entry in load_law_map().locate(subject, "tieu_chuan", None, inherit=False)
                 if entry.doc == src.doc and entry.article == src.article and src.khoan in entry.khoan_numbers), "")


def _skips_a_required_step(subject: str, slots: Slots) -> bool:
    """Asked whether `subject` may be had without the lower title its criteria require, which the question names
    as a step, not as a second title asked about ("xét NGND, NGƯT")."""
    entry = load_vocabulary().get(subject)
    return (slots.aspect == "nguyen_tac" and entry.step_required
            and any(needed in slots.terms and needed not in slots.subjects for needed, _ in entry.builds_on))


_PART_OF_YEAR = r"quý\s+[IVX]+|đợt\s+\d+|tháng\s+\d{1,2}|6\s+tháng\s+(?:đầu|cuối)\s+năm"
_PERIOD = re.compile(rf"\b(?:{_PART_OF_YEAR}|năm\s+\d{{4}})\b", re.IGNORECASE)
_PERIOD_OF_YEAR = re.compile(rf"\b(?:{_PART_OF_YEAR})\b", re.IGNORECASE)
_RANK = re.compile(r"\bhạng\s+(?:Nhất|Nhì|Ba|I{1,3}|1|2|3)\b", re.IGNORECASE)
# "(quy trình) Bộ ban hành tháng 11/2025", "công điện hồi cuối tháng 11/2025": when a document was issued, not a
# part of the year asked about
_ISSUED_IN = re.compile(r"\b(?:ban hành|ký|phát hành|hồi|ra)\s+(?:vào\s+)?(?:cuối\s+|đầu\s+|giữa\s+)?$", re.IGNORECASE)


def _periods_asked(question: str) -> tuple[str, ...]:
    """The parts of the year a question names ("quý II", "tháng 10"), as folded syllables."""
    return tuple(dict.fromkeys(folded_syllables(m.group(0)).strip() for m in _PERIOD_OF_YEAR.finditer(question)
                               if not _ISSUED_IN.search(question[max(0, m.start() - 30):m.start()])))


_ROLE = re.compile(r"\b(?:chủ trì|phối hợp|tham mưu|thực hiện)\b", re.IGNORECASE)


def follow_up(question: str, previous: str, on_a_plan: bool = False) -> str | None:
    """A short follow-up rewritten as a whole question by replacing the slot it changes in the
    previous one ("Còn tập thể thì sao?", "Thế còn cấp huyện?", "Quý II?", "Ai phối hợp?");
    None when the question changes no slot. `on_a_plan`: the previous question was answered from
    a plan, whose words it keeps all ("Nộp trước ngày nào?" after a question on its file).

    >>> follow_up("Còn quý II thì sao?", "Trong quý I, Khối thi đua Tổng hợp làm gì?")
    'Trong quý II, Khối thi đua Tổng hợp làm gì?'
    """
    # a plan's question keeps all its words: a level named there is a row of its table, not the awarding body
    swaps = (_swap_subject, _swap_target, *(() if on_a_plan else (_swap_level,)), _swap_pattern(_PERIOD),
             _swap_pattern(_ROLE), _swap_pattern(_RANK, last=True), *(() if on_a_plan else (_swap_aspect,)))
    for replace_slot in swaps:
        rewritten = replace_slot(question, previous)
        if rewritten:
            return rewritten
    return None


def leaves_its_subject_out(question: str, previous: str) -> bool:
    """ "Hồ sơ có phải kèm gì về sáng kiến không?" after a question on Chiến sĩ thi đua cơ sở: a question
    that asks something a title has rules on, and names no title, document, place or year of its own
    (nor a notion the law rules on in that respect), is asked of the previous question's title."""
    now, before = understand(question), understand(previous)
    if not before.subjects or now.subjects or now.places or now.years or now.focus or names_a_document(question):
        return False
    if now.aspect is None or now.aspect in GENERAL_ASPECTS:
        return False
    law_map = load_law_map()
    return not any(law_map.locate(term, now.aspect, inherit=False) for term in now.terms if term not in TOO_BROAD)


def _swap_aspect(question: str, previous: str) -> str | None:
    """"Hồ sơ gồm những gì?" after a question on a title: the new aspect of the same title."""
    aspect, before = detect_aspect(question), understand(previous)
    if not aspect or aspect == before.aspect or not before.subjects or before.places or understand(question).subjects:
        return None  # a plan's question ("… ở Đắk Lắk") keeps all its words
    names = "; ".join(load_vocabulary().get(s).name.strip("“”\"") for s in before.subjects)
    return f"{question.rstrip(' ?')} ({names})?"


def _swap_pattern(pattern: re.Pattern, last: bool = False):
    """`last`: the previous question's last match is swapped ("đã có hạng Ba, muốn lên hạng Nhì" → the rank
    asked, after the one held)."""
    def swap(question: str, previous: str) -> str | None:
        found = list(pattern.finditer(previous))
        new, old = pattern.search(question), (found[-1] if last else found[0]) if found else None
        if not new:
            return None
        if old:  # in the previous question's case: "… hạng Nhất" → "… hạng Ba", whatever "Hạng Ba?" began with
            written = new.group(0)
            written = written[:1].lower() + written[1:] if old.group(0)[:1].islower() else written
            return previous[: old.start()] + written + previous[old.end():]
        return f"{previous.rstrip(' ?')} ({new.group(0)})?"
    return swap


def _swap_cue(question: str, previous: str, table: dict[str, list[str]]) -> str | None:
    new = _first_cue(_question_form(question), table)
    if not new:
        return None
    for key, cues in table.items():
        for cue in sorted(cues, key=len, reverse=True):
            span = _find_folded(previous, cue)
            if span and key != new:
                return previous[: span[0]] + table[new][0] + previous[span[1]:]
    return None


def _swap_level(question: str, previous: str) -> str | None:
    return _swap_head(question, previous) or _swap_cue(question, previous, _parts()["levels"])


def _swap_head(question: str, previous: str) -> str | None:
    """The previous question named who decides at one level: the new level's head takes its place."""
    level = _level(_question_form(question))
    heads = _parts()["level_heads"]
    if level not in heads:
        return None
    vocabulary = load_vocabulary()
    for match in vocabulary.find(previous):
        if match.entry.id in heads.values() and match.entry.id != heads[level]:
            return previous[: match.start] + vocabulary.get(heads[level]).name + previous[match.end:]
    return None


def _swap_target(question: str, previous: str) -> str | None:
    """Cá nhân ↔ tập thể: the counterpart title ("Lao động tiên tiến" → "Tập thể lao động tiên tiến")."""
    target = _target(_question_form(question))
    if not target or understand(question).subjects:
        return None
    vocabulary = load_vocabulary()
    for match in vocabulary.find(previous):
        counterpart = _counterpart(match.entry, target, vocabulary)
        if counterpart:
            return previous[: match.start] + counterpart + previous[match.end:]
    return _swap_cue(question, previous, _parts()["targets"])


def _counterpart(entry, target: str, vocabulary) -> str | None:
    if target in entry.for_:
        return None
    name = entry.name.strip("“”\"")
    wanted = f"tập thể {name}".lower() if target == "tap_the" else re.sub(r"^tập thể\s+", "", name.lower())
    for other in vocabulary.entries:
        if other.name.strip("“”\"").lower() == wanted and target in other.for_:
            return other.name.strip("“”\"")
    return None


def _swap_subject(question: str, previous: str) -> str | None:
    """ "Thế HCLĐ hạng Nhì?": the new award in place of the old; a kind alone ("huy chương gì") swaps nothing."""
    vocabulary = load_vocabulary()
    new = [m for m in vocabulary.find(question) if m.entry.kind in AWARD_KINDS and not m.entry.names_a_kind]
    old = [m for m in vocabulary.find(previous) if m.entry.kind in AWARD_KINDS]
    if not new or not old or len(syllable_tokenize(question)) > 12:
        return None
    return previous[: old[0].start] + new[0].text + previous[old[0].end:]


def _find_folded(text: str, phrase: str) -> tuple[int, int] | None:
    """Character span of `phrase` in `text`, matched on whole accent-folded syllables."""
    words = list(re.finditer(r"\w+", text))
    target = [fold_accents(w) for w in re.findall(r"\w+", phrase)]
    for i in range(len(words) - len(target) + 1):
        if [fold_accents(w.group(0)) for w in words[i:i + len(target)]] == target:
            return words[i].start(), words[i + len(target) - 1].end()
    return None

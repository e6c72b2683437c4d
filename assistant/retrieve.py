"""Hybrid retrieval: BM25 over Vietnamese word tokens fused with dense e5 vectors.

Fusion is weighted reciprocal rank fusion. A query typed without diacritics is
matched against accent-folded syllables instead of the word tokens, so it finds
the same passages; what is shown stays accented.
"""
from __future__ import annotations

import itertools
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.catalogue import Catalogue
from assistant.config import Settings
from assistant.index import KnowledgeIndex, SearchFilter, StoredChunk
from assistant.lawstate import amendments, replacement_chain
from assistant.deadlines.units import find_unit, strip_bullet
from assistant.understanding import (AWARD_KINDS, FOLLOW_UP_JOINER, GENERAL_SUBJECTS, STATE_AWARD_KINDS,
                                     TITLE_TO_GENERAL_ASPECTS, Slots, asks_how_often, asks_the_section, awards_named,
                                     first_ask, folded_syllables, group_order, heads_the_role, held_steps,
                                     lookup_subjects, mapped_provisions, named_as_a_unit_only, names_a_document,
                                     names_members, plain_spelling, provinces_named, sector_delegation,
                                     states_entry_into_force, understand, without_asker)
from assistant.vocabulary import LawMapEntry, load_law_map, load_vocabulary
from assistant.validity import mentioned_documents, not_in_force, reference_date, unstored_references
from documents.chunk import context_path
from documents.text import (collapse_spaces, decimal_value, looks_unaccented, mentions_a_date, mentions_a_quantity,
                            normalize, without_document_dates)

MODES = ("hybrid", "bm25", "dense")
NAMED_DOCUMENT_BOOST = 2.0
PLACE_BOOST = 1.5
OTHER_PROVINCE_FACTOR = 0.5
NOT_IN_FORCE_FACTOR = 0.6
SUBJECT_RANK_AT = 3  # the place of the subject's rank in a mapped chunk's order (`_mapped_chunks`)
RECIPIENTS_FACTOR = 0.5
# The opening lines (number, title, căn cứ) repeat the words that identify a plan, so they match
# every question about it; they answer only questions about the plan as a whole. So does an
# appendix's heading alone ("PHỤ LỤC", its title in capitals, "(Kèm theo Kế hoạch số …)").
PREAMBLE = "Phần mở đầu"
PREAMBLE_FACTOR = 0.7
ASSUMED_PROVISION_FACTOR = 1.5
FOCUS_WEIGHT = 0.5
DATED_BOOST = 1.5  # "trước ngày nào?": a passage that gives a date
# "Nghệ sĩ ưu tú cần bao nhiêu năm?", no document named: only the Law and its decrees rule on the State's honours,
# a ministry's or province's decision or plan sharing the words does not
STATE_AWARD_ELSEWHERE_FACTOR = 0.6
QUOTA_BOOST = 2.0  # "tối đa bao nhiêu người?": a passage that gives a share or a ceiling
QUANTITY_BOOST = 1.5  # "phường em có 92%", "công tác 17 năm": a band of a table or a khoản that holds the figure told
PERIOD_BOOST = 1.5  # "quý II", "đợt 2": a passage that names that part of the year
LOCAL_KINDS = ("date", "number")  # asked in a story, a place's own plans and rules answer them (deadlines, quotas)
FREQUENCY_BOOST = 1.5  # "bao lâu tổ chức một lần?": a passage that says every how many years, months or weeks
# "Sở Nội vụ được giao những nhiệm vụ gì?" of a named plan: the passage with a line opening with that unit
UNIT_TASKS_BOOST = 3.0
SECTION_TOPIC_BOOST = 1.5  # "khen bằng những hình thức nào?" of a named plan: its section "Hình thức khen thưởng"
# "bao lâu (thì) xét một lần", "mấy năm một lần" asked; "02 năm/lần", "03 năm một lần", "03 tháng một lần" stated
_STATES_FREQUENCY = re.compile(r"\b\d+\s*(?:năm|tháng|tuần)\s*(?:/\s*|một\s+|1\s+)lần\b", re.IGNORECASE)
# asked of a named text, aspects its successor rules on: whether the old text still holds (Luật 06/2022 Điều 94 khoản 2),
# whether what was awarded under it stays recognised (Điều 95)
ASKED_OF_THE_SUCCESSOR = ("hieu_luc", "chuyen_tiep")
CRITERIA_ROW_FACTOR = 0.6  # a table row of criteria, asked the quota of an award
QUOTE_PROBE_CHARS = 60  # a law-map quote is found in its chunk by its first words (it may run past the chunk)


@dataclass
class Hit:
    chunk: StoredChunk
    score: float
    lexical_rank: int | None = None
    dense_rank: int | None = None
    provision: bool = False  # put first by the law map
    clauses: tuple[int, ...] = ()  # the khoản of it the law map names
    points: tuple[str, ...] = ()  # the điểm of those khoản it names ("đ": "Đã được tặng HCLĐ hạng Ba …")
    section_asked: bool = False  # a section of the plan asked about, titled by the topic asked ("Hình thức khen thưởng")
    unit_asked: str = ""  # the unit whose tasks are asked, when a line of the passage opens with it ("Sở Nội vụ")


def embedded_query(query: str, slots: Slots, limit: int) -> str:
    """What is embedded: a story's asking sentences (or the question) with the official names it abbreviates,
    cut at a word to `limit` characters; the dense score only breaks near-ties, and its time grows with the text."""
    text = f"{slots.focus or query} {slots.expansion}".strip()
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]


class HybridSearcher:
    def __init__(self, settings: Settings, index: KnowledgeIndex, catalogue: Catalogue):
        self.settings = settings
        self.index = index
        self.catalogue = catalogue
        self._model_lock = threading.Lock()
        self._dense_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="dense-query")
        self._chunk_cache: dict[tuple[str, str], list[StoredChunk]] = {}

    def restore_diacritics(self, query: str) -> str:
        """A query typed without diacritics, accented from the corpus' own words; chat shortenings
        ("đc", "ko") written out."""
        typed = normalize(query).strip()
        query = plain_spelling(typed)
        if not looks_unaccented(typed):  # judged as typed: "dk" written out as "điều kiện" adds diacritics
            return query
        return self.index.restore_diacritics(query)

    def embedded_text(self, query: str) -> str:
        """The text a search for `query` embeds."""
        query = without_asker(self.restore_diacritics(query))
        return embedded_query(query, understand(query), self.settings.dense_query_max_chars)

    def search(self, query: str, k: int | None = None, flt: SearchFilter | None = None, mode: str = "hybrid",
               slots: Slots | None = None, embedded: str | None = None) -> list[Hit]:
        """`slots`: the question as understood (computed here when not given); the official
        names of what it abbreviates expand the query, and the law map puts the provision it
        asks about first. `embedded`: the text embedded instead of the query's own (`embedded_text`): the asks
        of one message share the whole message's embedding, computed once."""
        query = without_asker(self.restore_diacritics(query))
        slots = slots or understand(query)
        expanded = f"{query} {slots.expansion} {slots.synonyms}".strip()
        k = k or self.settings.top_k
        flt = flt or SearchFilter()
        depth = max(self.settings.candidates, k)
        lexical = []
        dense = None
        if mode in ("hybrid", "dense"):  # the query is embedded while the lexical index is searched
            # a story's asking sentences: what it asks, and a shorter text to embed
            embedded = embedded or embedded_query(query, slots, self.settings.dense_query_max_chars)
            dense = self._dense_pool.submit(self.index.dense_search, embedded, depth, flt)
        if mode in ("hybrid", "bm25"):
            lexical = self._lexical(expanded, depth, flt)
            if slots.focus:  # a story: its asking sentences alone, fused with the whole
                focused = self._lexical(f"{slots.focus} {slots.expansion}", depth, flt)
                lexical = _rrf([lexical, focused], [1.0, FOCUS_WEIGHT], self.settings.rrf_k)
        fused = self._fuse(lexical, dense.result() if dense is not None else [])
        found = self.index.chunks(cid for cid, *_ in fused)
        hits = [Hit(found[cid], score, lr, dr) for cid, score, lr, dr in fused if cid in found]
        named = mentioned_documents(query, self.catalogue)
        # a movement's quoted name with its abbreviations ("“CBCCVC thi đua thực hiện văn hóa công sở”")
        named += [entry for entry in mentioned_documents(slots.spelled, self.catalogue) if entry not in named]
        day = reference_date(slots.focus or query, self.settings.current_date())  # a story's years tell its events
        local = self._local_documents(query)
        hits = self._adjust(hits, slots, named, local, day)
        hits = self._signature_first(self._unit_tasks_first(hits), slots)
        ending = self._ending_of_an_unstored_text(hits, query, slots)
        return (ending or self._provisions_first(hits, slots, named, local, day, flt))[:k]

    def _ending_of_an_unstored_text(self, hits: list[Hit], query: str, slots: Slots) -> list[Hit] | None:
        """ "NĐ 28/2024 còn hiệu lực không?" of a text not stored: the passages naming it (the article of the text that
        ended it) first, as the provision chosen for the question, before any on the title it concerns; None when
        none names it."""
        if slots.aspect not in ASKED_OF_THE_SUCCESSOR:
            return None
        refs = unstored_references(query, self.catalogue)
        named = [re.compile(rf"(?<!\d){re.escape(ref)}(?!\d)") for ref in refs]
        naming = [hit for hit in hits if any(ref.search(hit.chunk.body) for ref in named)]
        for hit in naming:
            hit.provision = True
        return naming + [hit for hit in hits if hit not in naming] if naming else None

    def _lexical(self, query: str, depth: int, flt: SearchFilter) -> list[tuple[str, float]]:
        if looks_unaccented(query):
            return self.index.lexical_search(query, depth, flt, folded=True)
        accented = self.index.lexical_search(query, depth, flt)
        folded = self.index.lexical_search(query, depth, flt, folded=True)
        return _rrf([accented, folded], [1.0, 0.5], self.settings.rrf_k)

    def _fuse(self, lexical, dense) -> list[tuple[str, float, int | None, int | None]]:
        weights = [self.settings.lexical_weight, self.settings.dense_weight]
        fused = _rrf([lexical, dense], weights, self.settings.rrf_k)
        lexical_rank = {cid: r for r, (cid, _) in enumerate(lexical, 1)}
        dense_rank = {cid: r for r, (cid, _) in enumerate(dense, 1)}
        return [(cid, score, lexical_rank.get(cid), dense_rank.get(cid)) for cid, score in fused]


    def _adjust(self, hits: list[Hit], slots: Slots, named_entries: list, local: set[str], day) -> list[Hit]:
        """Named documents first, then those of a place the question names; legal texts not in force
        on the question's date and recipient lists ("Nơi nhận", with the signature) last, unless the
        question asks for them; asked of the State's honours with no document named, a ministry's or
        province's own decisions and plans below the Law and its decrees."""
        named = {entry.doc_id for entry in named_entries}
        wants_recipients = slots.reads_closing_block
        shares = [decimal_value(m.group(1)) for m in _SHARE.finditer(slots.question)]  # "phường em có 92% …"
        years = [int(m.group(1)) for m in _SERVICE_YEARS.finditer(slots.question)]  # "công tác gần 17 năm"
        asks_frequency = asks_how_often(first_ask(slots.focus or slots.question))
        state_awards_only = _only_state_awards_of_no_document(slots)
        elsewhere = self._other_provinces_documents(slots.question, local)
        asked = slots.focus or slots.question
        # the unit the question names, not one of the question a follow-up is completed from
        unit = find_unit(first_ask(asked).split(FOLLOW_UP_JOINER)[0]) if slots.part == "tasks" else ""
        for hit in hits:
            if state_awards_only and not self.catalogue.is_normative(hit.chunk.doc_id):
                hit.score *= STATE_AWARD_ELSEWHERE_FACTOR
            ended = not_in_force(self.catalogue.get(hit.chunk.doc_id), day)
            if hit.chunk.doc_id in named:
                hit.score *= NAMED_DOCUMENT_BOOST
            elif hit.chunk.doc_id in local and not ended:
                hit.score *= PLACE_BOOST  # the place's rules of the question's date: one issued later says nothing of it
            elif hit.chunk.doc_id in elsewhere:
                hit.score *= OTHER_PROVINCE_FACTOR
            elif ended:
                hit.score *= NOT_IN_FORCE_FACTOR
            if hit.chunk.kind == "recipients" and not wants_recipients:
                hit.score *= RECIPIENTS_FACTOR
            if not slots.part and (hit.chunk.location == PREAMBLE or _heading_only(hit.chunk)):
                hit.score *= PREAMBLE_FACTOR
            if slots.kind == "date" and _gives_a_date_asked(hit.chunk.body, slots):
                hit.score *= DATED_BOOST
            if slots.aspect == "ty_le_so_luong" and mentions_a_quantity(hit.chunk.body):
                hit.score *= QUOTA_BOOST
            if slots.periods and _names_a_period(hit.chunk.body, slots.periods):
                hit.score *= PERIOD_BOOST
            if asks_frequency and _STATES_FREQUENCY.search(hit.chunk.body):
                hit.score *= FREQUENCY_BOOST
            of_the_plan_asked = hit.chunk.doc_id in named or hit.chunk.doc_id in local
            if of_the_plan_asked and not slots.part and _a_section_asked(hit.chunk, asked, slots.aspect):
                hit.section_asked = True
                hit.score *= SECTION_TOPIC_BOOST
            if of_the_plan_asked and unit and any(gives_tasks_to(line, unit) for line in hit.chunk.body.split("\n")):
                hit.unit_asked = unit
                hit.score *= UNIT_TASKS_BOOST
            if _a_criteria_row_for_a_quota(hit.chunk, slots):
                hit.score *= CRITERIA_ROW_FACTOR
            if shares and _a_range_holding(hit.chunk.body, shares):
                hit.score *= QUANTITY_BOOST
            if years and _a_years_band_holding(hit.chunk.body, years):
                hit.score *= QUANTITY_BOOST
        return sorted(hits, key=lambda hit: -hit.score)

    def _local_documents(self, query: str) -> set[str]:
        """Documents of a local issuer the question names ("tỉnh Nghệ An", "ở Bắc Ninh",
        "huyện Tam Đường"), or of a body its staff name by the initials its symbols carry ("trường thành
        viên ĐHĐN": 1364/QĐ-ĐHĐN of Đại học Đà Nẵng)."""
        question = folded_syllables(query)
        return {entry.doc_id for entry in self.catalogue.entries()
                if (place := _local_place(entry.place, entry.issuer)) and f" {place} " in question
                and (_governs(place, entry.issuer) or not named_as_a_unit_only(question, place))
                or any(f" {form} " in question for form in _issuer_forms(entry.issuer, entry.number or entry.symbol))}

    def _a_place_only_told(self, slots: Slots) -> bool:
        """ "Em là giáo viên mầm non ở Cần Thơ … Thời gian nghỉ sinh có được tính khi bình xét thi đua không ạ?": a story
        tells where the asker works; its asking sentence names neither a document nor the place, so a plan of that
        place sharing its words is no answer before the law. Dates and quotas are the place's own ("hồ sơ … gửi Sở
        Nội vụ trước ngày nào?")."""
        return (bool(slots.focus) and slots.kind not in LOCAL_KINDS and not names_a_document(slots.focus)
                and not self._local_documents(slots.focus))

    def _other_provinces_documents(self, question: str, local: set[str]) -> set[str]:
        """ "doanh nghiệp … đóng trên địa bàn tỉnh Ninh Thuận": asked of one province, the rules another province
        made for itself (Bắc Ninh's) do not hold there."""
        if not provinces_named(question):
            return set()
        folded = folded_syllables(question)
        return {entry.doc_id for entry in self.catalogue.entries()
                if entry.doc_id not in local and (place := _local_place(entry.place, entry.issuer))
                and f" {place} " not in folded}

    def _provisions_first(self, hits: list[Hit], slots: Slots, named: list, local: set[str], day,
                          flt: SearchFilter) -> list[Hit]:
        """The khoản the law map gives for (title/award × aspect) first: the text in force on the
        question's date, then older versions (which `_adjust` already ranked down)."""
        subjects = lookup_subjects(slots)
        # the tasks of a unit of a place whose documents are not stored ("gia đình em ở Hà Tĩnh … phải làm gì"): the law
        reads_a_part = slots.reads_a_plan_part and (slots.part != "tasks" or bool(local) or bool(named))
        if not subjects or reads_a_part or any(not entry.is_normative for entry in named):
            return hits
        if (local and hits and hits[0].chunk.doc_id in local and not self.catalogue.is_normative(hits[0].chunk.doc_id)
                and not not_in_force(self.catalogue.get(hits[0].chunk.doc_id), day)
                and not _only_state_awards_of_no_document(slots) and not self._a_place_only_told(slots)):
            return hits  # "huyện Tam Đường … ai tặng giấy khen?": that plan's words, not the law's (of the date asked)
        doc_ids = flt.doc_ids or self._named_and_successors(self._named_in_the_ask(named, slots, day), slots) or None
        chosen = self._mapped_chunks(subjects, slots, hits, doc_ids, day)
        if not chosen and slots.subjects and slots.aspect in TITLE_TO_GENERAL_ASPECTS:
            # the title asked about has no rule of its own on the aspect (its validity, what is banned):
            # the provision on thi đua and khen thưởng as a whole answers
            chosen = self._mapped_chunks(GENERAL_SUBJECTS, slots, hits, doc_ids, day)
        if not chosen:
            return self._members_of_the_kind_first(hits, slots, doc_ids, day)
        if not slots.aspect:  # the aspect is only assumed: raise the mapped passages found, insert none
            return hits if slots.asks_which else self._raise_found(hits, chosen)
        top = hits[0].score if hits else 1.0
        lifted = {}
        ranked = sorted(chosen.values(), key=lambda item: item[2])
        for rank, (chunk, clauses, order, points) in enumerate(ranked, 1):
            factor = NOT_IN_FORCE_FACTOR if order[0] else 1.0  # an ended text, unless it stands in for a missing rule
            lifted[chunk.chunk_id] = Hit(chunk, top * (1.0 + factor / rank), provision=True, clauses=clauses,
                                         points=points)
        rest = [hit for hit in hits if hit.chunk.chunk_id not in lifted]
        return sorted(lifted.values(), key=lambda hit: -hit.score) + rest

    def _named_in_the_ask(self, named: list, slots: Slots, day) -> list:
        """The named texts the law map is read in: not an ended one a story names only in its telling ("chiến sĩ
        thi đua cấp tỉnh năm 2019 (xét theo Luật thi đua 2013) … có được đề nghị … không?" asks today's rule)."""
        if not slots.focus:
            return named
        in_the_ask = {entry.doc_id for entry in mentioned_documents(slots.focus, self.catalogue)}
        return [entry for entry in named if entry.doc_id in in_the_ask or not not_in_force(entry, day)]

    def _named_and_successors(self, named: list, slots: Slots) -> list[str]:
        """The documents named; asked whether a named text still holds, or what became of what was awarded
        under it ("Luật 2003 đã hết hiệu lực, huân chương tặng năm 2012 có còn được công nhận"), also the texts
        that replaced it, which rule on that."""
        doc_ids = [entry.doc_id for entry in named]
        if slots.aspect in ASKED_OF_THE_SUCCESSOR:
            doc_ids += [e.doc_id for entry in named for e in replacement_chain(entry, self.catalogue) if e.file]
        return list(dict.fromkeys(doc_ids))

    def _members_of_the_kind_first(self, hits: list[Hit], slots: Slots, doc_ids, day) -> list[Hit]:
        """ "Người hy sinh khi cứu người có được truy tặng huân chương không?", "thời gian ở hải đảo được nhân hệ số
        bao nhiêu khi xét huy chương?": asked only of a kind of award, which has no rule of its own on the aspect,
        the provisions the law map gives on the awards of that kind (Huân chương Dũng cảm's) are raised above
        passages on awards of another kind (the danh hiệu Anh hùng) that share the question's words."""
        vocabulary, parents = load_vocabulary(), load_law_map().parents
        if not slots.subjects or not all(vocabulary.get(subject).names_a_kind for subject in slots.subjects):
            return hits
        members = [entry.id for entry in vocabulary.entries
                   if any(kind in parents.get(entry.id, ()) for kind in slots.subjects)]
        return self._raise_found(hits, self._mapped_chunks(members, slots, hits, doc_ids, day))

    def _mapped_chunks(self, subjects, slots: Slots, hits: list[Hit], doc_ids, day) -> dict:
        """chunk id → (chunk, the khoản the map names, rank order, the điểm it names) for what the law map
        gives the subjects."""
        lexical = {hit.chunk.chunk_id: hit.score for hit in hits}
        folded_question = folded_syllables(slots.question)
        chosen: dict[str, tuple[StoredChunk, tuple[int, ...], tuple, tuple[str, ...]]] = {}
        for subject_rank, subject in enumerate(subjects):
            one = slots.with_changes(subjects=(subject,))
            steps = held_steps(one, doc_ids)
            delegated = sector_delegation(one, doc_ids)
            provisions = [*delegated, *steps, *mapped_provisions(one, doc_ids)]
            ended_docs = {p.doc: not_in_force(self.catalogue.get(p.doc), day) for p in provisions}
            ruled_now = any(not ended_docs[p.doc] and _for_the_recipient(p, slots) for p in provisions)
            in_force = {doc for doc, ended in ended_docs.items() if not ended}
            amended = self._amended_by_one_of(in_force)
            for map_rank, provision in enumerate(provisions):
                ended = ended_docs[provision.doc]
                # a case of the title asked that no text in force rules on is answered by the last rule on it,
                # flagged, before the title's general criteria: when its replacement is not stored (the training
                # time the ended Thông tư 01/2024 counted for "Lao động tiên tiến"), or is stored but rules here
                # only on others (an individual's amount, the 2025 decree storing only the collectives')
                replacement = self.catalogue.stored_replacement(self.catalogue.get(provision.doc)) if ended else None
                may_stand_in = ended and not ruled_now and (replacement is None or replacement in in_force)
                for chunk in self._provision_chunks(provision, slots.question):
                    group = group_order(chunk.body, slots.question, provision.group)
                    if provision.group and group:
                        continue  # written for a group the question does not name
                    standing_in = may_stand_in and bool(set(awards_named(chunk.body)) & set(slots.subjects))
                    previous = chosen.get(chunk.chunk_id)
                    if previous and previous[2][SUBJECT_RANK_AT] != subject_rank and subject in GENERAL_SUBJECTS:
                        continue  # thi đua or khen thưởng, the one named first ("nguyên tắc thi đua": Điều 5 khoản 1)
                    clauses = (previous[1] if previous else ()) + provision.khoan_numbers
                    if previous:
                        order = previous[2]
                    else:
                        # the text in force first (or a rule standing in for a missing one, above), the wording
                        # an amending text in force put in before the text it amends; then an
                        # article whose title the question names word for word; then the
                        # title asked about first; then, of ended texts, the latest; then, asked of one
                        # ministry's or sector's award, the khoản leaving its details to it; then the khoản for
                        # the group the question names ("nông dân … mô hình sản xuất"); then the step from the
                        # title held; then the general case; then the authority of the level the question names
                        # ("vụ thuộc bộ": the Bộ trưởng's khoản); then the khoản on the families of the titles named
                        # together ("vừa LĐTT vừa CSTĐCS"); then, no recipient named, the individual's khoản
                        # (the law's own order); then the words of the question
                        order = (ended and not standing_in, provision.doc in amended,
                                 not _title_named(chunk, folded_question), subject_rank,
                                 self._newest_first(provision.doc) if ended else 0, provision not in delegated,
                                 group != 0, provision not in steps, group, _level_order(provision, slots),
                                 _names_order(provision, slots),
                                 _recipient_order(provision, slots), -lexical.get(chunk.chunk_id, 0.0), map_rank)
                    points = (previous[3] if previous else ()) + provision.diem_letters
                    chosen[chunk.chunk_id] = (chunk, clauses, order, points)
        return chosen

    def _amended_by_one_of(self, doc_ids: set[str]) -> set[str]:
        """Of texts in force together, those another of them amends (Luật 15/2003 beside Luật 39/2013)."""
        entries = [entry for entry in map(self.catalogue.get, doc_ids) if entry is not None]
        return {entry.doc_id for entry in entries
                if any(other.doc_id in doc_ids for other in amendments(entry, self.catalogue))}

    def _superseded(self, doc_id: str, order: tuple) -> bool:
        """An ended text (not standing in for a missing rule) whose replacement is stored."""
        return bool(order[0]) and self.catalogue.stored_replacement(self.catalogue.get(doc_id)) is not None

    def _newest_first(self, doc_id: str) -> int:
        """Of two ended texts, the later one first."""
        entry = self.catalogue.get(doc_id)
        issued = entry.date_in_force or entry.date_issued if entry else ""
        return -date.fromisoformat(issued).toordinal() if issued else 0

    def _raise_found(self, hits: list[Hit], chosen: dict) -> list[Hit]:
        """The aspect only assumed, the khoản it would name is a guess: the question's words choose the khoản
        (not that of an ended text whose replacement is stored: the 2003 Law's beside the 2022 Law's)."""
        for hit in hits:
            if hit.chunk.chunk_id in chosen and not self._superseded(hit.chunk.doc_id, chosen[hit.chunk.chunk_id][2]):
                hit.score *= ASSUMED_PROVISION_FACTOR
                hit.provision = True
        return sorted(hits, key=lambda hit: -hit.score)

    def _signature_first(self, hits: list[Hit], slots: Slots) -> list[Hit]:
        """"Ai ký…?", "gửi những nơi nào?": the closing block (Nơi nhận and the signature) of the
        document the question is about — the best-ranked one — comes first. "Khối gồm những cơ quan
        nào?": the passage of that document naming the members, often only its Nơi nhận."""
        if slots.part not in ("signer", "recipients", "members") or not hits or self.catalogue.is_normative(hits[0].chunk.doc_id):
            return hits
        chunks = self._document_chunks(hits[0].chunk.doc_id)
        if slots.part == "members":
            chosen = self._role_section(chunks, slots.role) or self._member_list(chunks, hits)
        else:
            closing = [c for c in chunks if c.kind == "recipients"]
            chosen = (closing[-1] if slots.part == "signer" else closing[0]) if closing else None
        if chosen is None:
            return hits
        rest = [hit for hit in hits if hit.chunk.chunk_id != chosen.chunk_id]
        return [Hit(chosen, hits[0].score * 1.5)] + rest

    @staticmethod
    def _unit_tasks_first(hits: list[Hit]) -> list[Hit]:
        """ "Bên Sở Nội vụ phụ trách phần việc gì?" of a plan: the passage giving that unit its tasks comes first;
        the plan's other passages (an appendix of criteria) only share the words that name the plan."""
        tasks = next((hit for hit in hits if hit.unit_asked), None)
        if tasks is None or tasks is hits[0]:
            return hits
        return [Hit(tasks.chunk, hits[0].score * 1.5, unit_asked=tasks.unit_asked)] + [h for h in hits if h is not tasks]

    @staticmethod
    def _role_section(chunks: list[StoredChunk], role: str) -> StoredChunk | None:
        """ "Đơn vị nào làm Trưởng khối?": the section the plan heads with the role asked and its unit."""
        return next((c for c in chunks if role and heads_the_role(c.location, role)), None)

    @staticmethod
    def _member_list(chunks: list[StoredChunk], hits: list[Hit]) -> StoredChunk | None:
        """The best-ranked passage of the document that names its members ("Các cơ quan thành viên (…)")."""
        listing = [c for c in chunks if names_members(c.body)]
        ranked = {hit.chunk.chunk_id: n for n, hit in enumerate(hits)}
        return min(listing, key=lambda c: ranked.get(c.chunk_id, len(hits)), default=None)

    def warm_up(self) -> None:
        """Load what the first question would otherwise wait for: the lexical index, the vocabulary, the law map,
        and the counts that restore an unaccented question's diacritics."""
        self.search("Tiêu chuẩn danh hiệu Lao động tiên tiến là gì?", 1, mode="bm25")
        self.restore_diacritics("tieu chuan lao dong tien tien la gi")

    def _provision_chunks(self, provision: LawMapEntry, question: str) -> list[StoredChunk]:
        """The chunks holding a mapped article, narrowed to its khoản when the chunker split it; an
        article mapped whole gives, before its quoted khoản, the one written for a group the question
        names ("người nước ngoài … Huân chương Hồ Chí Minh": Điều 35 khoản 5)."""
        article = [c for c in self._document_chunks(provision.doc)
                   if c.location == provision.article or c.location.startswith(provision.article + ",")]
        narrowed = [c for c in article if any(re.search(rf"khoản {k}\b", c.location) for k in provision.khoan_numbers)]
        if narrowed:
            return narrowed
        quoted = [c for c in article if collapse_spaces(provision.quote[:QUOTE_PROBE_CHARS]) in collapse_spaces(c.text)]
        for_the_group = [c for c in article if c.location != provision.article
                         and group_order(c.body, question) == 0]
        return for_the_group[:1] + quoted[:1] or article[:1]

    def _document_chunks(self, doc_id: str) -> list[StoredChunk]:
        key = (doc_id, self.index.version())
        with self._model_lock:
            cached = self._chunk_cache.get(key)
        if cached is None:
            cached = self.index.doc_chunks(doc_id)
            with self._model_lock:
                if len(self._chunk_cache) > 64:
                    self._chunk_cache.clear()
                self._chunk_cache[key] = cached
        return cached


def _a_criteria_row_for_a_quota(chunk: StoredChunk, slots: Slots) -> bool:
    """ "Bằng khen … khống chế tỷ lệ bao nhiêu %?": a row of a plan's table of criteria ("Tỷ lệ % người
    hưởng trợ cấp …") that names no title or award says nothing of the award's quota."""
    if not (slots.subjects and slots.aspect == "ty_le_so_luong" and chunk.kind == "table_row"):
        return False
    return not any(m.entry.kind in AWARD_KINDS for m in load_vocabulary().find(chunk.body))


_SHARE = re.compile(r"(\d+(?:,\d+)?)\s*%")
_RANGE = re.compile(r"(\d+(?:,\d+)?)\s*%?\s*(?:-|–|đến)\s*(?:dưới\s*)?(\d+(?:,\d+)?)\s*%")


def _a_range_holding(body: str, shares: list[float]) -> bool:
    """ "92% … được cộng mấy điểm?": a scoring row with a band that holds the share ("từ 90-95% cộng 03 điểm")."""
    return any(decimal_value(low) <= share <= decimal_value(high)
               for low, high in _RANGE.findall(body) for share in shares)


_SERVICE_YEARS = re.compile(r"(?<![\d/.])(\d{1,2})\s+năm\b(?!\s+\d)")
_YEARS_BAND = re.compile(r"từ\s+(?:đủ\s+)?(\d{1,2})\s+năm\s+đến\s+dưới\s+(\d{1,2})\s+năm")


def _a_years_band_holding(body: str, years: list[int]) -> bool:
    """ "Quân nhân gần 17 năm thì được Huy chương Chiến sĩ vẻ vang hạng mấy?": the khoản whose band of years of
    service holds the years told ("từ 15 năm đến dưới 20 năm")."""
    return any(int(low) <= held < int(high) for low, high in _YEARS_BAND.findall(body) for held in years)


def _names_a_period(text: str, periods: tuple[str, ...]) -> bool:
    """ "Đợt 02" names "đợt 2": `folded_syllables` writes numbers without their leading zeros."""
    folded = folded_syllables(text)
    return any(f" {period} " in folded for period in periods)


def _gives_a_date_asked(body: str, slots: Slots) -> bool:
    """A date besides the document's own; the date a text takes effect only for a question on its validity."""
    return (mentions_a_date(without_document_dates(body))
            and (slots.aspect == "hieu_luc" or not states_entry_into_force(body)))


def _a_section_asked(chunk: StoredChunk, question: str, aspect: str | None) -> bool:
    """A plan section (not an article of a text, not a heading standing alone, not a numbered paragraph whose
    opening words stand for its title: "5. Hồ sơ gửi về Bộ … số 35 Đại Cồ Việt, Hai…") titled by the topic
    the question's first ask names or asks the aspect of."""
    path = context_path(chunk.text)
    return (bool(path) and not path[-1].startswith(("Điều ", "Chương ")) and not path[-1].endswith("…")
            and not _heading_only(chunk) and asks_the_section(path[-1], question, aspect))


def gives_tasks_to(line: str, unit: str) -> bool:
    """The line opens with the unit ("- Sở Nội vụ hướng dẫn khen thưởng Đợt thi đua; …"): a plan lists a unit's
    tasks so, under a heading that names no unit ("2. Trách nhiệm thực hiện")."""
    return folded_syllables(strip_bullet(line)).startswith(folded_syllables(unit))


def _heading_only(chunk: StoredChunk) -> bool:
    lines = [line.strip() for line in chunk.body.splitlines() if line.strip()]
    return chunk.kind == "annex" and all(line == line.upper() or line.startswith("(") for line in lines)


@lru_cache(maxsize=256)
def _governs(place: str, issuer: str) -> bool:
    """The issuer is the place's government or one of its bodies ("UBND tỉnh Bắc Ninh"), not a body named after
    it ("Đại học Đà Nẵng")."""
    return named_as_a_unit_only(folded_syllables(issuer), place)


def _only_state_awards_of_no_document(slots: Slots) -> bool:
    """ "Nghệ nhân ưu tú cần bao nhiêu năm …? Ông tôi … ở ngoại thành Hà Nội": the place is the asker's home,
    not a plan asked about. Only the Law rules on the honours, orders, medals and prizes the State confers,
    so when the question names no document, a local plan that shares its words does not answer it."""
    vocabulary = load_vocabulary()
    return (bool(slots.subjects) and all(vocabulary.get(s).kind in STATE_AWARD_KINDS for s in slots.subjects)
            and not names_a_document(slots.question))


MIN_ISSUER_CODE = 3  # "BYT", "ĐHĐN", "BGDĐT"; shorter codes ("VP") are other words too


@lru_cache(maxsize=256)
def _issuer_code(issuer: str, symbol: str) -> str | None:
    """The issuer's initials when its documents' symbols carry them ("Bộ Y tế", "3621/QĐ-BYT" → "byt"), folded.
    A province's people's committee signs "UBND", not its full initials: its place names it instead."""
    initials = "".join(word[0] for word in folded_syllables(issuer).split() if word != "va")
    parts = {folded_syllables(part).strip() for part in re.split(r"[/-]", symbol)}
    return initials if len(initials) >= MIN_ISSUER_CODE and initials in parts else None


@lru_cache(maxsize=256)
def _issuer_forms(issuer: str, symbol: str) -> tuple[str, ...]:
    """How staff name a body whose symbols carry its initials, folded: the initials ("bgddt"), and for a ministry
    named as a document's issuer, "của Bộ" with the initials of the rest or of its first field ("hướng dẫn … của Bộ
    GD"; "Bộ GDĐT quyết định tặng …" names an authority, not its documents)."""
    code = _issuer_code(issuer, symbol)
    if not code:
        return ()
    words = folded_syllables(issuer).split()
    if words[0] != "bo" or len(words) < 3:
        return (code,)
    first_field = words[1:words.index("va")] if "va" in words else words[1:]
    return tuple(dict.fromkeys([code, f"cua bo {code[1:]}", "cua bo " + "".join(w[0] for w in first_field)]))


@lru_cache(maxsize=256)
def _local_place(place: str, issuer: str) -> str | None:
    """The place a document belongs to, when its issuer is a local body named after it (UBND tỉnh
    Đắk Lắk, not a ministry that signs in Hà Nội)."""
    folded = folded_syllables(place).strip()
    return folded if folded and f" {folded} " in folded_syllables(issuer) else None


_ARTICLE_TITLE = re.compile(r"^Điều\s+\d+[a-z]?\.\s+([^\[]+)")  # a bracketed title is an editor's, not the text's
TITLE_NAMED_SYLLABLES = 5  # a title this long named word for word is the question's subject


def _title_named(chunk: StoredChunk, folded_question: str) -> bool:
    """ "nguyên tắc xét danh hiệu thi đua và hình thức khen thưởng": the question names the title of the article
    the chunk is in (Nghị định 152/2025 Điều 4) word for word. A title that is an award's name ("Huân chương Lao
    động” hạng Ba") names the subject, which the subjects' own order already ranks."""
    titles = [found.group(1) for part in context_path(chunk.text) if (found := _ARTICLE_TITLE.match(part))]
    folded = folded_syllables(titles[0].strip(" .:")) if titles else ""
    return (len(folded.split()) >= TITLE_NAMED_SYLLABLES and folded in folded_question
            and not awards_named(titles[0]))


def _for_the_recipient(provision: LawMapEntry, slots: Slots) -> bool:
    """The provision is written for whom the question asks about (no recipient named: a person); the
    collectives' amounts in force do not rule on an individual's."""
    return not provision.for_ or (slots.target or "ca_nhan") in provision.for_


def _recipient_order(provision: LawMapEntry, slots: Slots) -> int:
    """0 for a provision written for the recipient the question names ("quyền của cá nhân, tập thể": Điều 86,
    not the agencies' duties beside it), 1 for one written for anyone, 2 for one only for collectives or
    households asked with no recipient named."""
    if slots.target and slots.target in provision.for_:
        return 0
    return 2 if not slots.target and provision.for_ and "ca_nhan" not in provision.for_ else 1


def _level_order(provision: LawMapEntry, slots: Slots) -> int:
    """0 for a khoản naming the authority of the level the question names, 1 when either names none, 2 for
    another level's authority."""
    if not provision.level or not slots.level:
        return 1
    return 0 if provision.level == slots.level else 2


def _names_order(provision: LawMapEntry, slots: Slots) -> int:
    """0 when the question names a title/award of each family the khoản is about and none of another, 1 when
    the khoản names no family or the question names more, 2 when the question does not fit it."""
    if not provision.names:
        return 1
    named = dict.fromkeys([*slots.subjects, *slots.terms])  # a title named in passing ("vừa đạt CSTĐCS") counts
    families = [{subject, *load_law_map().parents.get(subject, [])} for subject in named]
    fits = any(all(family in families[i] for family, i in zip(provision.names, chosen))
               for chosen in itertools.permutations(range(len(families)), len(provision.names)))
    kinds = {kind for family in families for kind in family & _named_kinds()}
    return 2 if not fits else 0 if kinds <= set(provision.names) else 1


@lru_cache(maxsize=1)
def _named_kinds() -> frozenset[str]:
    """The families law-map `names` are written in (danh hiệu thi đua, hình thức khen thưởng)."""
    return frozenset(family for entry in load_law_map().entries for family in entry.names)


def _rrf(rankings: list[list[tuple[str, float]]], weights: list[float], k: int) -> list[tuple[str, float]]:
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, (cid, _) in enumerate(ranking, 1):
            scores[cid] = scores.get(cid, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda item: -item[1])


def hit_to_document(hit: Hit, catalogue: Catalogue) -> Document:
    entry = catalogue.get(hit.chunk.doc_id)
    metadata = {
        "chunk_id": hit.chunk.chunk_id,
        "doc_id": hit.chunk.doc_id,
        "location": hit.chunk.location,
        "page": hit.chunk.page,
        "kind": hit.chunk.kind,
        "score": hit.score,
        "number": entry.number if entry else "",
        "title": entry.title if entry else "",
        "label": entry.label if entry else hit.chunk.doc_id,
        **{k: v for k, v in hit.chunk.meta.items() if k not in ("body",)},
    }
    return Document(page_content=hit.chunk.body, metadata=metadata)


class KnowledgeRetriever(BaseRetriever):
    """The hybrid searcher as a LangChain retriever (`invoke(question)` → Documents)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    searcher: HybridSearcher
    k: int = 8
    mode: str = "hybrid"
    search_filter: SearchFilter | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = self.searcher.search(query, self.k, self.search_filter, self.mode)
        return [hit_to_document(hit, self.searcher.catalogue) for hit in hits]


def timed_search(searcher: HybridSearcher, query: str, k: int, mode: str) -> tuple[list[Hit], float]:
    start = time.perf_counter()
    hits = searcher.search(query, k, mode=mode)
    return hits, (time.perf_counter() - start) * 1000

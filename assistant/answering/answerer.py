"""One answering interface for the CLI and the app.

`stream()` is the only code path: it yields text as it is produced and ends
with the complete `Answer`; `answer()` just drains it.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Iterator

from langchain_core.language_models import BaseChatModel

from assistant.answering import extractive, generative
from assistant.answering.lead import lead_text, point_label, share_verdict
from assistant.answering.tools import ChatTools, ToolReply
from assistant.answering.question import (FOLLOW_UP_JOINER, Turn, addresses_a_model, is_follow_up, required_names,
                                          standalone_question)
from assistant.catalogue import Catalogue
from assistant.config import Settings
from assistant.eligibility.narrative import is_conclusive
from assistant.index import KnowledgeIndex, SearchFilter
from assistant.lawstate import SUMMARY_PREFIX, citation_notes, past_rule_note
from assistant.retrieve import NOT_IN_FORCE_FACTOR, RECIPIENTS_FACTOR, Hit, HybridSearcher
from assistant.understanding import (AWARD_KINDS, GENERAL_SUBJECTS, NOTION_KINDS, TITLE_TO_GENERAL_ASPECTS, TOO_BROAD,
                                     an_add_on, asking_clause, asks_a_case_rule, asks_yes_no, awards_named,
                                     folded_syllables, follow_up, heads_the_role, last_ask, mapped_provisions,
                                     names_a_document, names_members, off_field_topics, only_aspect,
                                     only_names_the_aspect, only_the_asks, place_names, provinces_named,
                                     sector_delegation, speaks_of_a_bloc, split_sentences, two_asks,
                                     two_asks_in_a_sentence, understand, without_asker)
from assistant.validity import mentioned_documents, not_in_force, past_year_named, reference_date, without_dates
from assistant.vocabulary import detect_aspect, load_law_map, load_vocabulary, mask_subjects
from documents.parse import AS_ABOVE, addressees, closing_block
from documents.text import fold_accents, format_vn_date, normalize

_ARTICLE = re.compile(r"\bĐiều\s+(\d{1,3})\b")
NOT_FOUND_TEXT = "Không tìm thấy nội dung trả lời câu hỏi này trong kho tài liệu."
MIN_COVERAGE = 0.5
OFF_FIELD_DEPTH = 3  # passages searched for the neighbouring subject a question names
MIN_PROVISION_COVERAGE = 0.3
LONG_QUESTION_TERMS = 24
MIN_STORY_COVERAGE = 0.22
PROVISION_FACTOR = 1.6  # the khoản the law map gives for the question's title and aspect
SUMMARY_FACTOR = 0.7  # a summary of an article whose text the corpus lacks ("Tóm tắt, chưa có nguyên văn")
FOCUSED_K = 4  # passages of the previous answer's documents put first for a follow-up
LIST_OF_AWARDS_FACTOR = 0.5  # asked which award of a kind fits, a passage naming several of them answers none
RETRIEVE_K = 8
MAX_LISTED_KHOANS = 4  # an authority question asked of no level lists the khoản naming the title, up to these
WHETHER_ASPECTS = (None, "tieu_chuan", "doi_tuong")  # what "có được xét … không?" is read as
TOLD_ACT_ASPECTS = ("hanh_vi_bi_cam", "xu_ly_vi_pham")  # asked of an act the question tells in its own words


@dataclass
class Citation:
    n: int
    doc_id: str
    number: str
    title: str
    document: str  # "Kế hoạch 01/KH-HĐTĐKT"
    location: str
    page: int | None
    quote: str
    score: float
    status: str = ""  # validity note when the text is not in force on the reference date
    chunk_id: str = ""
    ocr: bool = False
    passage: str = ""  # the whole passage the quote comes from
    summary: bool = False  # an editorial summary of the article, not the text's own words


@dataclass
class Answer:
    question: str
    text: str
    citations: list[Citation]
    not_found: bool
    mode: str  # extractive | generative
    standalone_question: str = ""  # shown as "Đã hiểu là: …" (abbreviations spelled out)
    notes: list[str] = field(default_factory=list)
    lead: str = ""  # one or two sentences that answer directly, from the words of citation [1]
    tool: ToolReply | None = None  # the register, the checker or the drafter, when the question asks for one

    searched: str = ""  # the standalone question as searched, which the next follow-up builds on

    def turn(self) -> Turn:
        return Turn(self.question, self.searched or self.standalone_question, tuple(c.doc_id for c in self.citations))


class Answerer:
    def __init__(self, settings: Settings, searcher: HybridSearcher, catalogue: Catalogue, index: KnowledgeIndex,
                 chat_model: BaseChatModel | None = None, deadlines=None, tools: ChatTools | None = None):
        self.settings = settings
        self.searcher = searcher
        self.catalogue = catalogue
        self.index = index
        self.chat_model = chat_model
        self.deadlines = deadlines  # the register, for normalised dates and warnings on dated tasks
        self.tools = tools  # the register, checker and drafter answering inside the chat
        self._doc_text_cache: dict[tuple[str, str], str] = {}  # shared by the sessions using this answerer
        self._cache_lock = threading.Lock()

    def answer(self, question: str, history: list[Turn] | None = None) -> Answer:
        return self._answer(question, history)

    def _answer(self, question: str, history: list[Turn] | None = None, embedded: str | None = None) -> Answer:
        """`embedded`: the text whose embedding the search uses (one ask of a message: the whole message's)."""
        result = None
        for event in self._streamed(question, history, embedded):
            if isinstance(event, Answer):
                result = event
        return result

    def stream(self, question: str, history: list[Turn] | None = None) -> Iterator[str | Answer]:
        return self._streamed(question, history, None)

    def _streamed(self, question: str, history: list[Turn] | None, embedded: str | None) -> Iterator[str | Answer]:
        with self.index.answering():  # background embedding waits meanwhile
            yield from self._stream(question, history, embedded)

    def _stream(self, question: str, history: list[Turn] | None, embedded: str | None) -> Iterator[str | Answer]:
        question = normalize(question).strip()
        history = history or []
        standalone = self.standalone(without_asker(self.searcher.restore_diacritics(question)), history)
        hits = self._retrieve(standalone, history, embedded)
        day = reference_date(understand(standalone).focus or standalone, self.settings.current_date())
        events = (self._generative(question, standalone, hits, day) if self.chat_model is not None and hits
                  else iter([self._extractive(question, standalone, hits, day)]))
        for event in events:
            if isinstance(event, Answer):  # shown as "Đã hiểu là: …", with the abbreviations spelled out
                event.standalone_question = understand(standalone).understood or standalone
                event.searched = standalone
                self._with_tool(event, question)
                if not history and self.chat_model is None:
                    event = self._with_other_ask(event, question, standalone, embedded)
            yield event

    # ------------------------------------------------------------ steps

    def _with_other_ask(self, answer: Answer, question: str, standalone: str, embedded: str | None) -> Answer:
        """ "Nghệ nhân ưu tú do ai quyết định tặng ạ? Danh hiệu này được xét mấy năm một lần?": the answer
        to the whole answers one ask; the other, read with the first's title ("Danh hiệu này …"), is
        answered after it. A short add-on asked second ("Mức tiền thưởng là bao nhiêu?") comes after the main
        ask, whichever the whole answered. Unchanged when the question asks once, a tool answered (one that only
        offers its page answers nothing), or nothing is found. The asks share the message's embedding (`embedded`,
        else the whole's own)."""
        if answer.not_found or _a_tool_answered(answer):
            return answer
        parts = two_asks(without_asker(question))
        if parts is None:
            return self._with_each_clause_answered(answer, question, standalone, embedded)
        answered = _part_answered(understand(standalone), parts)
        if answered is None:
            return answer
        other = (follow_up(parts[1], parts[0]) or parts[1]) if answered == 0 else parts[0]
        extra = self._answer(other, embedded=embedded or self.searcher.embedded_text(standalone))
        if extra.not_found or _a_tool_answered(extra):
            return answer
        main = understand(parts[answered]).understood or parts[answered]
        if answered == 1 and an_add_on(parts[1]):
            joined, asked = _joined(extra, answer, whole=answer), (extra.standalone_question, main)
        else:
            joined, asked = _joined(answer, extra), (main, extra.standalone_question)
        joined.standalone_question = FOLLOW_UP_JOINER.join(asked)  # each ask once, in the answer's order
        return joined

    def _with_each_clause_answered(self, answer: Answer, question: str, standalone: str,
                                   embedded: str | None) -> Answer:
        """ "… mỗi năm xét tặng tối đa bao nhiêu người, có truy tặng không?": two asks in one sentence. The answer
        to the whole often answers both ("nộp về đâu, hạn chót là ngày nào": one khoản); each ask's own answer
        follows it when it cites a passage the whole's does not."""
        parts = two_asks_in_a_sentence(without_asker(question))
        if parts is None:
            return answer
        embedded = embedded or self.searcher.embedded_text(standalone)
        for ask in (parts[0], follow_up(parts[1], parts[0]) or parts[1]):
            extra = self._answer(ask, embedded=embedded)
            if extra.not_found or _a_tool_answered(extra):
                continue
            answer = _with_the_lead_of(answer, extra) if _cites(answer, extra.citations[0]) else _joined(answer, extra)
        return answer

    def _with_tool(self, answer: Answer, question: str) -> None:
        """A question for a tool is answered by it; the passages found stay as grounds (a draft needs none)."""
        tool = self.tools.reply(question, self.settings.current_date()) if self.tools is not None else None
        answer.tool = tool
        if tool is None or not tool.text:
            return
        if tool.tool == "eligibility" and not answer.not_found and (
                not is_conclusive(tool.text) or asks_a_case_rule(question)):
            # no verdict, or the rule on a case asked: the rule answers, the check follows it
            answer.text += "\n\n" + tool.text
            return
        if tool.tool == "drafting":
            answer.citations, answer.notes, grounds = [], [], ""
        else:
            grounds = "" if answer.not_found else "\n\nCăn cứ trong tài liệu:\n\n" + answer.text
        answer.lead = tool.text.split("\n\n", 1)[0]  # a verdict with the conditions it rests on
        answer.text = tool.text + grounds
        answer.not_found = False

    def standalone(self, question: str, history: list[Turn]) -> str:
        """The question to search with: a follow-up completed from the conversation."""
        if history and self.chat_model is not None:
            lines = "\n".join(f"Hỏi: {t.standalone or t.question}" for t in history[-3:])
            try:
                return generative.condense(self.chat_model, question, lines, self.settings.prompts_dir)
            except Exception:  # fall back to the extractive rewrite
                pass
        if history:
            previous = history[-1].standalone or history[-1].question
            rewritten = (follow_up(question, previous, self._from_a_plan(history[-1]))
                         if is_follow_up(question, history) else None)
            if rewritten:
                return rewritten
        return standalone_question(question, history)

    def _retrieve(self, standalone: str, history: list[Turn], embedded: str | None = None) -> list[Hit]:
        hits = [hit for hit in self.searcher.search(standalone, RETRIEVE_K, embedded=embedded)
                if not addresses_a_model(hit.chunk.body)]
        if history and history[-1].doc_ids and standalone != history[-1].standalone:
            previous_docs = list(dict.fromkeys(history[-1].doc_ids))
            focused = [hit for hit in self.searcher.search(standalone, RETRIEVE_K, SearchFilter(doc_ids=previous_docs))
                       if not addresses_a_model(hit.chunk.body)][:FOCUSED_K]
            seen = {h.chunk.chunk_id for h in focused}
            rest = [h for h in hits if h.chunk.chunk_id not in seen]
            hits = focused + (_scored_below(rest, focused[-1].score) if self._from_a_plan(history[-1]) and focused
                              else rest)
        return hits

    def _extractive(self, question: str, standalone: str, hits: list[Hit], day: date) -> Answer:
        kind = understand(question).kind  # a story's kind is its asking sentences' ("ngày nào cũng …" is no date)
        if kind == "general":
            kind = understand(standalone).kind
        if understand(standalone).part == "members":
            kind = "members"
        hits = self._hits_with_names(without_dates(standalone), hits)  # a full date is the reference date, not a name
        closing = self._closing_answer(question, standalone, hits, day)
        if closing is not None:
            return closing
        if _off_field(standalone, hits):
            return self._not_found(question, standalone, [], day)
        elsewhere = self._province_without_documents(standalone, kind)
        if elsewhere:
            note = f"Kho tài liệu chưa có văn bản của {elsewhere}."
            return Answer(question, f"{NOT_FOUND_TEXT}\n\n{note}", [], True, "extractive", standalone, [note],
                          lead=NOT_FOUND_TEXT)
        missing = self._missing_article(standalone)
        if missing:
            return Answer(question, f"{NOT_FOUND_TEXT}\n\n{missing}", [], True, "extractive", standalone, [missing],
                          lead=NOT_FOUND_TEXT)
        factors = self._hit_factors(standalone, hits, day)
        slots = understand(standalone)
        spelled = slots.spelled or standalone  # matched with the words the texts use
        if FOLLOW_UP_JOINER in standalone and hits and not self.catalogue.is_normative(hits[0].chunk.doc_id):
            # a follow-up on a plan: the plan is found, the follow-up's own words pick its line
            spelled = understand(standalone.split(FOLLOW_UP_JOINER)[0]).spelled
        # "bắt buộc" also finds "không nhất thiết"; "Chủ tịch xã" also "Chủ tịch Ủy ban nhân dân các cấp"
        wording = " ".join([spelled, slots.synonyms, *_body_names(slots)]).strip()
        # the officer's own words may share more with the text than its names spelled out; the field's other words
        # for them ("in hình" — "sử dụng biểu tượng") may share more still
        asked = (spelled, standalone, f"{spelled} {slots.synonyms}".strip())
        pieces = self._pieces(wording, asked, kind, hits, factors)
        if kind == "members":  # the section on the role asked, or the passage naming the bloc's members, not one
            role = slots.role  # on what the members do
            pieces.sort(key=lambda piece: (not (role and heads_the_role(hits[piece.hit_index].chunk.location, role)),
                                           not names_members(hits[piece.hit_index].chunk.body)))
        # a broad khoản first answers nothing: the next provision the law map chose for the question may
        answerable = pieces[:1] + [p for p in pieces[1:] if hits[p.hit_index].provision]
        answering = next((p for p in answerable if not self._too_weak_in_all(asked, hits[p.hit_index])), None) \
            or next((p for p in answerable if _maps_a_storys_title_and_aspect(standalone, hits[p.hit_index])), None)
        if answering is None:
            return self._not_found(question, standalone, hits, day)
        pieces = [answering] + [p for p in pieces if p is not answering]
        first, first_hit = pieces[0], hits[pieces[0].hit_index]
        record = self._register_record(first_hit, first, kind)
        lead = self._lead(kind, first, first_hit, record, wording)
        lead = self._with_other_authorities(lead, kind, pieces, hits, wording)
        lead = self._with_the_other_named(lead, kind, pieces, hits, standalone)
        then = past_year_named(understand(standalone).focus or standalone, self.settings.current_date())
        pieces = self._adding_something(pieces, hits, day) + self._rule_of_then(wording, kind, hits, day, then)
        listed = "\n".join(_listed_khoans(kind, first_hit, wording))
        citations = [self._citation(n, hits[piece.hit_index], (n == 1 and listed) or _shown(piece, kind, hits[piece.hit_index]), day)
                     for n, piece in enumerate(pieces, 1)]
        citations[0].quote = _holding_lead_points(citations[0].quote, lead, first_hit)
        lead = _with_the_sectors_rule(lead, first_hit, standalone)
        in_force_from = _the_day_referred_to(f"{lead}\n{citations[0].quote}", first_hit)  # a cut lead may lack the reference
        if in_force_from:
            lead, citations[0].quote = (text if in_force_from in text else f"{in_force_from}\n{text}"
                                        for text in (lead, citations[0].quote))
        verdict = share_verdict(spelled, lead)  # "68% … có được không?" against "ít nhất là 70%"
        lead = f"{verdict}\n{lead}" if verdict else lead
        # "Tiêu chuẩn các danh hiệu thi đua đối với tập thể?" (not "… có được xét danh hiệu thi đua không?")
        overview = "" if asks_yes_no(spelled) else _family_overview(slots, citations[0])
        lead = f"{overview}\n{lead}" if overview else lead
        lead = _flagged_if_ended(lead, citations[0], then)
        lines = [f"{lead} [1]"] + self._deadline_lines(record, kind)
        lines.append(f"Căn cứ: {citations[0].document} ({_where(citations[0])}): {_quoted(citations[0], citations[0].quote)} [1]")
        lines += [f"{self._besides(c, day, then)} {c.document} ({_where(c)}): {_quoted(c, c.quote)} [{c.n}]"
                  for c in citations[1:]]
        notes = self._validity_notes(citations, day)
        text = "\n\n".join(lines + notes)
        return Answer(question, text, citations, False, "extractive", standalone, notes, lead=lead)

    def _pieces(self, wording: str, asked: tuple[str, ...], kind: str, hits: list[Hit], factors: list[float]) -> list:
        """The answering units, the law map's passage first when it answers at all: the question's words
        alone would pick a neighbouring article that shares more of them."""
        if not hits:
            return []
        if hits[0].provision:
            pieces = extractive.best_pieces(wording, kind, hits, self.index.idf, factors, first_hit_leads=True)
            if pieces and not self._too_weak_in_all(asked, hits[pieces[0].hit_index]):
                return pieces
        return extractive.best_pieces(wording, kind, hits, self.index.idf, factors)

    def _province_without_documents(self, standalone: str, kind: str) -> str:
        """ "Sở Nội vụ Lào Cai đã có hướng dẫn chưa, hạn nộp là ngày nào?": a province no stored document
        belongs to, asked about its documents or deadlines — another province's plan is no answer. A province
        told in a story's background, or in a sentence that asks nothing ("Tôi đang sống và làm việc tại Bình
        Thuận."), only says where the asker works."""
        asked = understand(standalone).focus or standalone
        if kind != "date" and not names_a_document(asked) and not speaks_of_a_bloc(asked):
            return ""
        named = provinces_named(only_the_asks(asked))
        if not named:
            return ""
        places = " ".join(folded_syllables(f"{e.place} {e.issuer} {e.title}") for e in self.catalogue.entries() if e.file)
        return next((p for p in named if folded_syllables(p) not in places), "")

    def _missing_article(self, standalone: str) -> str:
        """"Điều 120 Luật Thi đua, khen thưởng 2022 …": an article the named text does not have."""
        asked = _ARTICLE.search(standalone)
        named = [e for e in mentioned_documents(standalone, self.catalogue) if e.is_normative and e.file]
        if not asked or not named:
            return ""
        article = f"Điều {asked.group(1)}"
        for entry in named:
            if any(c.location.split(",")[0] == article for c in self.index.doc_chunks(entry.doc_id)):
                return ""
        return f"{named[0].label} trong kho tài liệu không có {article}."

    def _adding_something(self, pieces: list, hits: list[Hit], day: date) -> list:
        """Besides the answering passage, only those that add something: no other text no longer in force
        (an ended text that answers stands in for a missing one; the old Law beside it adds nothing)."""
        def repealed(piece) -> bool:
            return not_in_force(self.catalogue.get(hits[piece.hit_index].chunk.doc_id), day)

        first_doc = hits[pieces[0].hit_index].chunk.doc_id
        return [pieces[0]] + [piece for piece in pieces[1:]
                              if not repealed(piece) or hits[piece.hit_index].chunk.doc_id == first_doc]

    def _rule_of_then(self, wording: str, kind: str, hits: list[Hit], day: date, then: date | None) -> list:
        """A past year the question names ("năm 2014 trình Huân chương … được không?") under today's rules:
        the law map's provision of the text in force that year, after today's."""
        if then is None:
            return []
        for index, hit in enumerate(hits):
            entry = self.catalogue.get(hit.chunk.doc_id)
            if hit.provision and not_in_force(entry, day) and not not_in_force(entry, then):
                best = extractive.best_pieces(wording, kind, [hit], self.index.idf)
                return [replace(best[0], hit_index=index)] if best else []
        return []

    def _besides(self, citation, day: date, then: date | None) -> str:
        """How a further passage is introduced: the rule of a past year named, or one more text."""
        if then is not None and not_in_force(self.catalogue.get(citation.doc_id), day):
            return f"Năm {then.year} (văn bản áp dụng khi đó), theo"
        return "Ngoài ra, theo"

    def _closing_answer(self, question: str, standalone: str, hits: list[Hit], day: date) -> Answer | None:
        """"Ai ký …?" / "gửi những nơi nào?": read off the document's closing block."""
        part = understand(standalone).part
        if part not in ("signer", "recipients") or not hits or hits[0].chunk.kind != "recipients":
            return None
        recipients, signature = closing_block(hits[0].chunk.body)
        lines = signature if part == "signer" else recipients
        if not lines:
            return None
        citation = self._citation(1, hits[0], "\n".join(lines if part == "signer" else [f"- {line}" for line in lines]), day)
        citations = [citation]
        if part == "signer":
            lead = f"Người ký: {lines[-1]} — {' / '.join(lines[:-1])}" if len(lines) > 1 else f"Người ký: {lines[0]}"
        else:
            addressed = self._addressed(hits[0], lines, day)
            citations += addressed[1:]
            shown = [*addressed[0], *(line for line in lines if not AS_ABOVE.match(line))] if addressed else lines
            lead = "Nơi nhận:\n" + "\n".join(f"- {line}" for line in shown)
        text = "\n\n".join([f"{lead} [1]"] + [f"Căn cứ: {c.document} ({_where(c)}) [{c.n}]" for c in citations]
                            + self._validity_notes(citations, day))
        return Answer(question, text, citations, False, "extractive", standalone, lead=lead)

    def _addressed(self, closing: Hit, recipients: list[str], day: date) -> tuple:
        """ "Nơi nhận: - Như trên; …": the addressees under "Kính gửi:" (or "… điện:") at the top, with the
        passage they are read in; () when the list does not open with "Như trên" or the top names none."""
        if not recipients or not AS_ABOVE.match(recipients[0]):
            return ()
        for chunk in self.index.doc_chunks(closing.chunk.doc_id):
            found = addressees(chunk.body)
            if found:
                cited = self._citation(2, Hit(chunk, closing.score), "\n".join(f"- {line}" for line in found), day)
                cited.passage = cited.quote  # the legal bases read out under it are not what is cited
                return found, cited
        return ()

    def _with_other_authorities(self, lead: str, kind: str, pieces: list, hits: list[Hit], question: str) -> str:
        """ "Ai quyết định tặng CSTĐCS?" asked of no level: beside the first authority, the others the law map
        gave for it in the same text (Điều 80 khoản 1, Điều 79 khoản 3), one line each."""
        first = hits[pieces[0].hit_index]
        if not _asks_who_awards(kind, question) or not first.provision:
            return lead
        others = [p for p in pieces[1:] if hits[p.hit_index].provision and hits[p.hit_index].chunk.doc_id == first.chunk.doc_id]
        if not others:
            return lead
        leads = [lead] + [self._lead(kind, p, hits[p.hit_index], None, question) for p in others]
        return "\n".join(dict.fromkeys(item for one in leads for item in _as_items(one)))

    def _with_the_other_named(self, lead: str, kind: str, pieces: list, hits: list[Hit], question: str) -> str:
        """ "Trách nhiệm của cơ quan làm công tác thi đua, khen thưởng và trách nhiệm của cơ quan thông tin đại
        chúng …?": two notions joined by "và", each with its own khoản on the aspect asked (Điều 13 khoản 5 and
        khoản 4): the lead gives both, one line each."""
        first = hits[pieces[0].hit_index]
        joined = _joined_notions(question)
        if len(joined) < 2 or not first.provision:
            return lead
        said = set(_notions_in(first.chunk.body)) & set(joined)
        other = next((p for p in pieces[1:] if hits[p.hit_index].provision
                      and hits[p.hit_index].chunk.doc_id == first.chunk.doc_id
                      and set(_notions_in(hits[p.hit_index].chunk.body)) & set(joined) - said), None)
        if other is None:
            return lead
        items = _as_items(lead)
        added = [item for item in _as_items(self._lead(kind, other, hits[other.hit_index], None, question))
                 if item not in items]
        return "\n".join(items + added) if added else lead

    @staticmethod
    def _lead(kind: str, piece, hit: Hit, record, question: str) -> str:
        cells = extractive.row_cells(hit) if hit.chunk.kind == "table_row" else {}
        due = format_vn_date(record.due_end) if record is not None and record.due_end else ""
        # a list question gets the lines around the best one, unless that line is the list ("… gồm: A; B; C")
        inline_list = ":" in piece.unit and piece.unit.count(";") >= 2
        unit = (piece.quote if kind == "list" and not inline_list and piece.quote.count("\n") > piece.unit.count("\n")
                else piece.unit)
        unit = extractive.mapped_khoan(hit) or extractive.uncapped(unit, hit)  # the điểm asked may lie past the cut
        heading = hit.chunk.location.split(" › ")[-1]
        slots = understand(question)
        listed = _listed_khoans(kind, hit, question)
        if listed:
            return "\n".join(f"- {lead_text(kind, khoan, question=question, subjects=slots.subjects)}"
                             for khoan in listed)
        return lead_text(kind, unit, cells, due, question, heading, hit.points, slots.subjects, slots.synonyms)

    def _register_record(self, hit: Hit, piece, kind: str):
        """The deadlines register's record of the task a dated or assigned passage states, if any."""
        if self.deadlines is None or kind not in ("date", "unit"):
            return None
        records = self.deadlines.records_for(hit.chunk.doc_id, hit.chunk.location)
        in_unit = [r for r in records if r.due_text and r.due_text in piece.unit]
        in_unit = in_unit or [r for r in records if r.task[:40] in piece.unit]
        return in_unit[0] if in_unit else None

    @staticmethod
    def _deadline_lines(record, kind: str) -> list[str]:
        """For a dated task: the register's normalised deadline and its warnings (a year that
        contradicts the plan's, a deadline before the plan was issued)."""
        if record is None:
            return []
        lines = []
        if record.due_end and kind == "date":
            lines.append(f"Hạn chót quy đổi: {format_vn_date(record.due_end)} (theo cách ghi “{record.due_text}”).")
        return lines + [f"Cần lưu ý: {flag}." for flag in record.flags]

    def _hit_factors(self, standalone: str, hits: list[Hit], day: date) -> list[float]:
        """The retrieval's preferences, applied again when picking sentences: texts not in force
        on the question's date (or passages applying them) and recipient lists count less,
        unless the question names them; a summary of a missing article yields to the same text's own words
        ranked first."""
        named = {entry.doc_id for entry in mentioned_documents(standalone, self.catalogue)}
        slots = understand(standalone)
        wants_recipients = slots.reads_closing_block
        about_a_plan = bool(required_names(standalone))
        factors = []
        for hit in hits:
            factor = 1.0
            if hit.chunk.doc_id not in named and self._rests_on_repealed(hit, day, named, about_a_plan):
                factor *= NOT_IN_FORCE_FACTOR
            if hit.chunk.kind == "recipients" and not wants_recipients:
                factor *= RECIPIENTS_FACTOR
            if hit.chunk.kind == "note" and hit is not hits[0] and hits[0].chunk.doc_id == hit.chunk.doc_id:
                factor *= SUMMARY_FACTOR  # the text's own words, ranked first, answer before a summary
            if hit.provision:
                factor *= PROVISION_FACTOR
            if slots.asks_which and _names_several_awards(hit.chunk.body):
                factor *= LIST_OF_AWARDS_FACTOR
            factors.append(factor)
        return factors

    def _rests_on_repealed(self, hit: Hit, day: date, named: set[str], about_a_plan: bool) -> bool:
        """A repealed text, or — for a question on the rules rather than on one agency's plan —
        a passage that applies one (a 2021 plan quoting Nghị định 91/2017)."""
        if not_in_force(self.catalogue.get(hit.chunk.doc_id), day):
            return True
        if about_a_plan or self.catalogue.is_normative(hit.chunk.doc_id):  # a text in force names the one it replaces
            return False
        cited = mentioned_documents(hit.chunk.body, self.catalogue)
        return any(entry.doc_id not in named and not_in_force(entry, day) for entry in cited)

    def _hits_with_names(self, standalone: str, hits: list[Hit]) -> list[Hit]:
        """Keep only passages whose document contains the years and places the question names; for a
        legal text, or a decision numbered as one ("71/2025/QĐ-UBND" issuing a quy chế), a year is the date
        whose rules apply (its validity decides), not a word to find; a law, decree or circular holds everywhere,
        whatever place the question names; and a place told in a story's
        background ("Em là cán bộ ở xã Tân Phú, tỉnh Đồng Nai", "chi nhánh của tổng công ty thuộc Bộ Công
        Thương") says where the asker works, not whose text is asked; its years ("Năm học 2025-2026 tôi xây dựng
        …") say when its events happened."""
        focus = understand(standalone).focus
        places = place_names(focus) if focus else place_names(standalone)
        names = required_names(focus or standalone)
        if not names:
            return hits
        return [hit for hit in hits
                if self.catalogue.is_normative(hit.chunk.doc_id) or all(name in self._document_text(hit.chunk.doc_id)
                       for name in (places if self.catalogue.sets_rules(hit.chunk.doc_id) else names))]

    def _from_a_plan(self, turn: Turn) -> bool:
        """The turn was answered from a plan (its first document is no law, decree or circular)."""
        return bool(turn.doc_ids) and not self.catalogue.is_normative(turn.doc_ids[0])

    def _document_text(self, doc_id: str) -> str:
        """Folded words of a whole document, cached until that document changes."""
        key = (doc_id, self.index.document_stamp(doc_id))
        with self._cache_lock:
            cached = self._doc_text_cache.get(key)
        if cached is None:
            cached = self._fold_document(doc_id)
            with self._cache_lock:
                if len(self._doc_text_cache) > 256:
                    self._doc_text_cache.clear()
                self._doc_text_cache[key] = cached
        return cached

    def _fold_document(self, doc_id: str) -> str:
        entry = self.catalogue.get(doc_id)
        parts = [c.text for c in self.index.doc_chunks(doc_id)]
        if entry:
            parts += [entry.title, entry.issuer, entry.place, entry.number, entry.date_issued[:4]]
        return " ".join(fold_accents(" ".join(re.findall(r"\w+", p))) for p in parts)

    def _too_weak_in_all(self, wordings: tuple[str, ...], best: Hit) -> bool:
        return all(self._too_weak(wording, best) for wording in wordings)

    @staticmethod
    def _too_weak(question: str, best: Hit) -> bool:
        """Too few of the question's words in the best passage (fewer still needed when the law map chose
        it); a story passes when its asking sentences are covered, whatever its background; a provision
        that rules on a notion the question names passes whatever words it shares ("đã được tặng Huy
        chương Hữu nghị mới có thể được tặng Huân chương Hữu nghị?": the rule on lower awards first); nor
        does the provision that sets out a title or award the question names, however long the letter around
        it ("… khác nhau giữa Kỷ niệm chương và Giấy khen, … Chi hội trưởng Hội NCT ấp 57 …")."""
        if best.provision and (_rules_on_a_named_notion(question, best) or _rules_as_last_asked(question, best)
                               or _rules_on_a_named_title_as_asked(question, best)) \
                or _sets_out_a_named_title(question, best):
            return False
        question = without_dates(question)
        needed = MIN_PROVISION_COVERAGE if best.provision else MIN_COVERAGE
        focus = understand(question).focus
        if focus and extractive.question_coverage(focus, best.chunk.text) >= needed:
            return False
        clause = asking_clause(question)  # "… nên tôi muốn biết danh hiệu của ông ấy có bị tước không"
        if clause and extractive.question_coverage(clause, best.chunk.text) >= needed:
            return False
        size = extractive.question_size(question)
        if size > LONG_QUESTION_TERMS:  # a story: its details are not in the law
            needed = max(MIN_STORY_COVERAGE, needed * LONG_QUESTION_TERMS / size)
        return extractive.question_coverage(question, best.chunk.text) < needed

    def _not_found(self, question: str, standalone: str, hits: list[Hit], day: date) -> Answer:
        """Only passages that share the question's title/award or named document are offered, or none."""
        related = self._related(standalone, hits)[:3]
        citations = [self._citation(n, hit, extractive.cap(hit.chunk.body, 400), day) for n, hit in enumerate(related, 1)]
        text = NOT_FOUND_TEXT
        if citations:
            text += "\n\nCác đoạn cùng chủ đề (chưa trả lời trực tiếp câu hỏi):\n" + "\n".join(
                f"[{c.n}] {c.document} – {_where(c)}" for c in citations)
        return Answer(question, text, citations, True, "extractive", standalone, lead=NOT_FOUND_TEXT)

    def _related(self, standalone: str, hits: list[Hit]) -> list[Hit]:
        slots = understand(standalone)
        named = {entry.doc_id for entry in mentioned_documents(standalone, self.catalogue)}
        vocabulary = load_vocabulary()  # "Huân chương Bắc Đẩu Bội tinh của Pháp" shares only a kind with the law
        names = [vocabulary.get(s).name.strip("“”\"") for s in slots.subjects if not vocabulary.get(s).names_a_kind]
        folded_names = [fold_accents(name) for name in names]
        return [hit for hit in hits if hit.chunk.doc_id in named
                or (folded_names and any(name in fold_accents(hit.chunk.text) for name in folded_names))]

    def _generative(self, question: str, standalone: str, hits: list[Hit], day: date) -> Iterator[str | Answer]:
        citations = [self._citation(n, hit, hit.chunk.body, day) for n, hit in enumerate(hits, 1)]
        context = generative.format_context(hits, [c.document for c in citations], [c.status for c in citations])
        messages = generative.build_messages(standalone, context, format_vn_date(day), self.settings.prompts_dir)
        text = ""
        try:
            for piece in generative.stream_text(self.chat_model, messages):
                text += piece
                yield piece
        except Exception as exc:  # the model is down: say so, answer without it
            fallback = self._extractive(question, standalone, hits, day)
            fallback.notes.insert(0, f"Không kết nối được mô hình ngôn ngữ ({type(exc).__name__}); dùng câu trả lời trích xuất.")
            fallback.text = fallback.notes[0] + "\n\n" + fallback.text
            yield fallback
            return
        yield self._checked(question, standalone, hits, day, text, citations)

    def _checked(self, question, standalone, hits, day, text: str, citations: list[Citation]) -> Answer:
        """Keep the model's answer only if it cites passages it was given."""
        if generative.says_not_found(text):
            return Answer(question, text.strip(), citations[:3], True, "generative", standalone)
        valid = [n for n in generative.cited_numbers(text) if 1 <= n <= len(citations)]
        if not valid:
            fallback = self._extractive(question, standalone, hits, day)
            note = "Câu trả lời của mô hình không trích dẫn nguồn hợp lệ nên không được dùng; dưới đây là câu trả lời trích xuất từ tài liệu."
            fallback.notes.insert(0, note)
            fallback.text = note + "\n\n" + fallback.text
            return fallback
        used = [c for c in citations if c.n in valid]
        notes = self._validity_notes(used, day)
        full = text.strip() + ("\n\n" + "\n\n".join(notes) if notes else "")
        return Answer(question, full, used, False, "generative", standalone, notes)

    def _validity_notes(self, citations: list[Citation], day: date | None = None) -> list[str]:
        """Name every cited or quoted legal text that is not in force today, and its replacement;
        then what the catalogue knows of the law on the reference date (amendments, texts in force)."""
        today = self.settings.current_date()
        return self._repeal_notes(citations, today) + citation_notes(citations, day or today, self.catalogue)

    def _repeal_notes(self, citations: list[Citation], today: date) -> list[str]:
        seen, notes = set(), []
        for citation in citations:
            cited = self.catalogue.get(citation.doc_id)
            if citation.status and citation.doc_id not in seen:
                seen.add(citation.doc_id)
                notes.append(f"Lưu ý: {citation.document} {citation.status}; không áp dụng quy định đã hết hiệu lực.")
            elif citation.doc_id not in seen and not_in_force(cited, today):  # the rule of the past date asked
                seen.add(citation.doc_id)
                notes.append(past_rule_note(cited, today, self.catalogue))
            for entry in mentioned_documents(citation.passage or citation.quote, self.catalogue):
                if entry.doc_id not in seen and not_in_force(entry, today):
                    seen.add(entry.doc_id)
                    notes.append(f"Lưu ý: đoạn được trích có dẫn {entry.label}, văn bản này {entry.status(today)}.")
        return notes

    def _citation(self, n: int, hit: Hit, quote: str, day: date) -> Citation:
        entry = self.catalogue.get(hit.chunk.doc_id)
        status = entry.status(day) if not_in_force(entry, day) else ""
        if hit.chunk.kind == "note" and not quote.startswith(SUMMARY_PREFIX):
            quote = SUMMARY_PREFIX + quote  # a summary is labelled wherever it is shown
        return Citation(
            n=n, doc_id=hit.chunk.doc_id, number=entry.number if entry else "", title=entry.title if entry else "",
            document=entry.label if entry else hit.chunk.doc_id, location=_cited_location(hit, quote), page=hit.chunk.page,
            quote=quote, score=round(hit.score, 4), status=status, chunk_id=hit.chunk.chunk_id,
            ocr=bool(hit.chunk.meta.get("ocr")) or bool(entry and entry.is_ocr), passage=hit.chunk.body,
            summary=hit.chunk.kind == "note",
        )


_QUOTED_KHOAN = re.compile(r"(\d{1,2})\.\s")
_QUOTED_KHOANS = re.compile(r"^(\d{1,2})\.\s", re.MULTILINE)


def _cited_location(hit: Hit, quote: str) -> str:
    """An article stored whole, quoted by one of its khoản: "Điều 31, khoản 2"."""
    location = hit.chunk.location
    number = _QUOTED_KHOAN.match(quote)
    if number and location.startswith("Điều ") and "," not in location and hit.chunk.kind == "article":
        numbers = _QUOTED_KHOANS.findall(quote)
        return f"{location}, khoản {', '.join(numbers) if 1 < len(numbers) <= MAX_LISTED_KHOANS else number.group(1)}"
    return location


def _rules_on_a_named_notion(question: str, hit: Hit) -> bool:
    """The passage holds the rule on a notion, an act or a group of recipients the question names, in the
    respect the question asks ("giáo viên hợp đồng có được xét thi đua không": the title for người lao động;
    "cứu người … huân chương nào phù hợp": Huân chương Dũng cảm)."""
    vocabulary, slots, law_map = load_vocabulary(), understand(question), load_law_map()
    body = normalize(hit.chunk.body)
    notions = [vocabulary.get(t) for t in slots.terms if vocabulary.get(t).kind in ("khai_niem", "doi_tuong", "hoat_dong")]
    def holds_its_rule(notion, aspect: str | None) -> bool:
        mapped = [e for e in law_map.entries if e.subject == notion.id and aspect in (None, e.aspect)]
        return notion.source.doc == hit.chunk.doc_id and notion.source.quote in body or _holds_a_quote_of(mapped, hit)

    def rules_as_asked(notion) -> bool:
        if only_aspect(notion.id):
            return holds_its_rule(notion, None)  # ruled on in one respect only, which answers whatever is asked
        if slots.aspect in law_map.aspects_of(notion.id):
            return not only_names_the_aspect(notion.id, slots.aspect) and holds_its_rule(notion, slots.aspect)
        # "nghỉ thai sản có được xét thi đua không?": whether at all, asked of a notion: any of its rules; so of a deed
        # told beside an award asked for ("hy sinh khi cứu người có được truy tặng huân chương không?")
        told_deed = notion.kind == "hoat_dong" and bool(slots.subjects)
        return slots.aspect in WHETHER_ASPECTS and (notion.kind == "khai_niem" or told_deed) \
            and holds_its_rule(notion, None)

    return any(rules_as_asked(notion) for notion in notions)


def _rules_as_last_asked(question: str, hit: Hit) -> bool:
    """The provision the law map gives on an act told in the question's own words, when its last asking sentence
    asks whether the act is banned or how it is punished ("… lấy huân chương … đeo rồi quay clip … Làm vậy luật
    có cấm không?": the acts the Law bans)."""
    slots = understand(question)
    if slots.aspect not in TOLD_ACT_ASPECTS or not slots.subjects or detect_aspect(last_ask(question)) != slots.aspect:
        return False
    return _holds_a_quote_of([e for e in load_law_map().entries if e.aspect == slots.aspect], hit)


def _rules_on_a_named_title_as_asked(question: str, hit: Hit) -> bool:
    """The provision the law map gives on a title or award the question names, in the respect a cue of the
    question asks ("… phó giám đốc trao giấy khen thay được không?": who presents, Điều 82), however few of the
    question's other words it shares."""
    slots = _an_aspect_asked_of_a_known_title(question)
    if slots is None:
        return False
    covering = set(slots.subjects)  # not the family's: "Huân chương" gives every order's authority (Điều 77)
    if slots.aspect in TITLE_TO_GENERAL_ASPECTS:
        covering.update(GENERAL_SUBJECTS)
    return _holds_a_quote_of([e for e in load_law_map().entries if e.subject in covering and e.aspect == slots.aspect], hit)


def _an_aspect_asked_of_a_known_title(question: str):
    """The question's slots when it names a title or award the law knows and its cues ask an aspect of it, else None."""
    slots = understand(question)
    if not slots.subjects or not slots.aspect or detect_aspect(question) != slots.aspect \
            or _an_award_the_law_does_not_know(question):
        return None
    return slots


def _maps_a_storys_title_and_aspect(question: str, hit: Hit) -> bool:
    """A story names a title or award and asks an aspect of it, and the passage is what the law map gives on that
    pair, through the title's family or the rule said of every title ("… Chủ tịch tỉnh tặng bằng khen … hồ sơ
    gồm những gì ạ?": the Law's list of what a file holds): the story's background words are not in the law, and
    its asking sentence may share few words with the provision's."""
    if not hit.provision or extractive.question_size(question) <= LONG_QUESTION_TERMS:
        return False
    slots = _an_aspect_asked_of_a_known_title(question)
    return slots is not None and _holds_a_quote_of(mapped_provisions(slots), hit)


_A_NAME_FOLLOWS = re.compile(r"\s+[A-ZĐ]")


def _an_award_the_law_does_not_know(question: str) -> bool:
    """ "Huân chương Bắc Đẩu Bội tinh của Pháp": a kind of award followed by a name the vocabulary does not know."""
    return any(m.entry.names_a_kind and m.entry.kind in AWARD_KINDS and _A_NAME_FOLLOWS.match(question[m.end:])
               for m in load_vocabulary().find(question))


def _holds_a_quote_of(entries: list, hit: Hit) -> bool:
    """The passage is one of these law-map entries' provisions: it holds an entry's quote."""
    body = normalize(hit.chunk.body)
    return any(e.doc == hit.chunk.doc_id and e.quote in body for e in entries)


def _sets_out_a_named_title(question: str, hit: Hit) -> bool:
    """The passage holds the words the vocabulary cites for a title or award the question names."""
    vocabulary, body = load_vocabulary(), normalize(hit.chunk.body)
    sources = [vocabulary.get(subject).source for subject in understand(question).subjects]
    return any(source.doc == hit.chunk.doc_id and source.quote in body for source in sources)


def _with_the_sectors_rule(lead: str, hit: Hit, question: str) -> str:
    """ "Tiêu chuẩn Lao động tiên tiến trong ngành Kế hoạch và Đầu tư": beside the title's criteria, the khoản of
    the same article leaving their details to the sector named (an article stored whole holds both)."""
    if "khoản" in hit.chunk.location:
        return lead
    for provision in sector_delegation(understand(question)):
        if provision.doc == hit.chunk.doc_id and hit.chunk.location == provision.article:
            rule = extractive.khoan_text(hit.chunk.body, provision.khoan_numbers[0]) if provision.khoan_numbers else ""
            return f"{lead}\n{rule}" if rule and rule not in lead else lead
    return lead


_FROM_ITS_OWN_DAY = re.compile(r"từ ngày (?:Luật|Nghị định|Thông tư|Quyết định|Pháp lệnh) này (?:có|…)")  # a lead may be cut
_ITS_OWN_DAY = re.compile(r"(?:Luật|Nghị định|Thông tư|Quyết định|Pháp lệnh) này có hiệu lực(?: thi hành)?(?: kể)? từ ngày \d[^.\n]*\.?")


def _the_day_referred_to(text: str, hit: Hit) -> str:
    """ "Nghị định số 98/2023/NĐ-CP … hết hiệu lực kể từ ngày Nghị định này có hiệu lực": the day itself, the sentence
    of the same article that sets it ("Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025."); "" if none."""
    day = _ITS_OWN_DAY.search(normalize(hit.chunk.body)) if _FROM_ITS_OWN_DAY.search(text) else None
    return day.group(0) if day else ""


def _family_overview(slots, first: Citation) -> str:
    """A whole family asked ("Tiêu chuẩn các danh hiệu thi đua đối với tập thể?"): every title of the family the
    law map gives for the aspect and the recipient, in the text's order, each with where it is ruled on, before
    the first one's rule. "" when a title is named, the map gives fewer than two, or the answer opens with a rule
    of another article (the khoản for the group the question names: "giáo viên … tiêu chuẩn danh hiệu thi đua")."""
    if slots.subjects:
        return ""
    vocabulary = load_vocabulary()
    for family in slots.terms:
        titles: dict[str, str] = {}
        articles = set()
        for entry in mapped_provisions(slots.with_changes(subjects=(family,)), [first.doc_id]):
            named = [award for award in awards_named(entry.quote) if family in vocabulary.ancestors(award)]
            if named:
                titles.setdefault(vocabulary.get(named[0]).name.strip("“”\""), entry.citation())
                articles.add(entry.article)
        if len(titles) >= 2 and first.location.split(",")[0] in articles:
            return "Theo từng danh hiệu: " + "; ".join(f"“{name}” ({where})" for name, where in titles.items()) + "."
    return ""


def _flagged_if_ended(lead: str, first: Citation, then: date | None) -> str:
    """A lead taken from a text no longer in force, asked of today (no text in force in the store rules on the
    case), says so before the rule."""
    if not first.status or then is not None:
        return lead
    return (f"Quy định gần nhất tìm thấy là của {first.document} ({first.status}), cần đối chiếu văn bản đang có "
            f"hiệu lực:\n{lead}")


def _off_field(question: str, hits: list[Hit]) -> bool:
    """The question asks about a neighbouring subject (tax on a reward, a pension) that no passage found names;
    a story's telling sentences only say who asks ("Tôi là công chức tư pháp - hộ tịch")."""
    topics = off_field_topics(only_the_asks(understand(question).focus or question))
    passages = " ".join(folded_syllables(hit.chunk.text) for hit in hits[:OFF_FIELD_DEPTH])
    return any(folded_syllables(topic) not in passages for topic in topics)


_MARKER = re.compile(r"\[(\d+)\]")


def _part_answered(slots, parts: tuple[str, str]) -> int | None:
    """Which of two asks the answer to the whole answered: the one asking its aspect, or, both asking the
    same, the one naming its title."""
    aspects = [detect_aspect(part) for part in parts]
    if aspects[0] != aspects[1] and slots.aspect in aspects:
        return aspects.index(slots.aspect)
    titles = [awards_named(part) for part in parts]
    first_title = slots.subjects[0] if slots.subjects else None
    if titles[0] != titles[1] and first_title:
        return next((i for i, named in enumerate(titles) if first_title in named), None)
    return None


def _cites(answer: Answer, citation: Citation) -> bool:
    return _number_citing(answer, citation) is not None


def _number_citing(answer: Answer, citation: Citation) -> int | None:
    """The number of the answer's citation of the same passage, if it cites it."""
    return next((c.n for c in answer.citations if (c.doc_id, c.location) == (citation.doc_id, citation.location)),
                None)


def _with_the_lead_of(answer: Answer, extra: Answer) -> Answer:
    """ "… hồ sơ gửi về Bộ qua đơn vị nào, hạn chót là khi nào?": the passage cited already answers the other ask too;
    what its own lead says that the answer's does not (the date beside the unit) joins the lead, citing that passage."""
    said = [line for line in answer.lead.split("\n") if line]
    new = [line for line in extra.lead.split("\n")
           if line and line not in answer.lead and not any(old in line for old in said)]
    if not new:
        return answer
    n = _number_citing(answer, extra.citations[0])
    first, *rest = answer.text.split("\n\n")
    answer.text = "\n\n".join([first, *(f"{line} [{n}]" for line in new), *rest])
    answer.lead = "\n".join([answer.lead, *new])
    return answer


def _a_tool_answered(answer: Answer) -> bool:
    return answer.tool is not None and bool(answer.tool.text)


def _joined(first: Answer, second: Answer, whole: Answer | None = None) -> Answer:
    """Two answers as one: both leads, the second's citations numbered after the first's, its notes once;
    the question and what was searched are those of `whole`, the answer to the whole question (the first)."""
    whole = whole or first
    offset = len(first.citations)
    citations = first.citations + [replace(c, n=c.n + offset) for c in second.citations]
    renumbered = _MARKER.sub(lambda m: f"[{int(m.group(1)) + offset}]", second.text)
    said = set(first.text.split("\n\n"))
    text = "\n\n".join([first.text, *[p for p in renumbered.split("\n\n") if p not in said]])
    notes = first.notes + [n for n in second.notes if n not in first.notes]
    understood = f"{first.standalone_question} — {second.standalone_question}"
    joined = Answer(whole.question, text, citations, False, whole.mode, understood, notes,
                    lead="\n".join(dict.fromkeys([*first.lead.split("\n"), *second.lead.split("\n")])),
                    searched=whole.searched)
    joined.tool = whole.tool  # the page a tool offers for the whole question
    return joined


def _listed_khoans(kind: str, hit: Hit, question: str) -> list[str]:
    """ "Ai quyết định tặng LĐTT?" asked of no level: every khoản of the article the law map names for it
    (Điều 80 khoản 1–4, one authority each), not the one sharing most words."""
    several = extractive.named_khoans(hit)
    if _asks_who_awards(kind, question) and 1 < len(several) <= MAX_LISTED_KHOANS:
        return several
    return []


def _as_items(lead: str) -> list[str]:
    """A lead as list items ("- …"): a listed lead already is one."""
    return lead.split("\n") if lead.startswith("- ") else [f"- {lead}"]


@lru_cache(maxsize=256)
def _asks_who_awards(kind: str, question: str) -> bool:
    """ "Ai quyết định tặng …?", "Thẩm quyền quyết định tặng … thế nào?", asked of no level (asked for the
    lead, the other authorities and the quote of one answer: computed once)."""
    slots = understand(question)
    level_asked = understand(mask_subjects(question)).level  # "Chiến sĩ thi đua cơ sở" names no level asked
    # "… 1 anh 1 chị thì chọn ai?" asks a "who" of the principle preferring women, not of an authority
    who = kind == "unit" and slots.aspect != "nguyen_tac"
    return (who or slots.aspect == "tham_quyen_quyet_dinh") and not level_asked


# "1. Trưởng khối (Văn phòng UBND tỉnh)": a plan's section headed by a role and the unit holding it
_ROLE_HEADING = re.compile(r"^\s*(?:\d+|[IVX]+)\.\s+[^()\n]+\([^()\n]+\)\s*$")


def _shown(piece, kind: str, hit: Hit) -> str:
    """A list question is answered with the list; any other with the best sentence or row; the khoản the
    law map names (of an article stored whole), with the điểm it names ("…" where others are left out). Asked
    who holds a role in a bloc, the section's heading naming the unit comes first."""
    if hit.points and "khoản" in hit.chunk.location:
        return extractive.with_points(hit.chunk.body, hit.points) or piece.unit
    heading = hit.chunk.body.split("\n", 1)[0]
    if kind == "members" and _ROLE_HEADING.match(heading) and not piece.unit.startswith(heading):
        return f"{heading}\n{piece.unit}"
    return extractive.mapped_khoan(hit) or (piece.quote if kind == "list" else piece.unit)


def _holding_lead_points(quote: str, lead: str, hit: Hit) -> str:
    """A khoản cut for its quote keeps the điểm the lead answers with (Điều 44 khoản 1 e), past the cut): its
    opening, those điểm, and "…" for the others."""
    if not quote.endswith(" …"):
        return quote
    labels = tuple(point_label(line[2:]) for line in lead.split("\n") if line.startswith("- "))
    if all(f"\n{label}) " in quote for label in labels if label):
        return quote
    return extractive.with_points(extractive.uncapped(quote, hit), labels) or quote


def _where(citation: Citation) -> str:
    page = f", trang {citation.page}" if citation.page else ""
    ocr = ", bản OCR — đối chiếu bản gốc" if citation.ocr else ""
    return f"{citation.location}{page}{ocr}"


def _quoted(citation: Citation, text: str) -> str:
    """The text's own words in quotation marks; an editorial summary never is."""
    if citation.summary:
        return "tóm tắt, chưa có nguyên văn (không phải lời văn của văn bản): " + text.removeprefix(SUMMARY_PREFIX)
    return f"“{text}”"


def _scored_below(hits: list[Hit], ceiling: float) -> list[Hit]:
    """The same hits, rescaled to score below `ceiling`: their order kept, after the ones put first."""
    top = max((hit.score for hit in hits), default=0.0)
    if top < ceiling or top <= 0:
        return hits
    return [replace(hit, score=hit.score * 0.99 * ceiling / top) for hit in hits]


_AND = re.compile(r"\s+(?:và|va)\s+", re.IGNORECASE)


def _joined_notions(question: str) -> list[str]:
    """The notions a question names on both sides of a "và" ("trách nhiệm của X và trách nhiệm của Y"), the
    nearest of each side: [] when it joins none (titles joined are asked by the law map's pairs and ladders)."""
    sides = _AND.split(question, maxsplit=1)
    if len(sides) < 2:
        return []
    named = [_notions_in(side) for side in sides]
    if not named[0] or not named[1]:
        return []
    vocabulary = load_vocabulary()
    pair = [named[0][-1], named[1][0]]
    if vocabulary.get(pair[0]).kind != vocabulary.get(pair[1]).kind:
        return []  # "Sở Khoa học và Công nghệ", "cán bộ … và thủ trưởng": not two of a kind asked alike
    return list(dict.fromkeys(pair))


def _notions_in(text: str) -> list[str]:
    vocabulary = load_vocabulary()
    return [m.entry.id for m in vocabulary.find(text) if m.entry.id not in TOO_BROAD and m.entry.kind in NOTION_KINDS]


def _names_several_awards(text: str) -> bool:
    """ "Huy chương gồm: a) Quân kỳ quyết thắng; b) Vì an ninh Tổ quốc …": a list of a kind's awards."""
    return len(awards_named(text)) > 1


def _body_names(slots) -> list[str]:
    """The official names of the bodies a question names ("Chủ tịch xã" → "Chủ tịch Ủy ban nhân dân cấp xã")."""
    vocabulary = load_vocabulary()
    return [vocabulary.get(term).name for term in slots.terms if vocabulary.get(term).kind == "co_quan"]

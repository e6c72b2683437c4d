"""One answering interface for the CLI and the app.

`stream()` is the only code path: it yields text as it is produced and ends
with the complete `Answer`; `answer()` just drains it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Iterator

from langchain_core.language_models import BaseChatModel

from assistant.answering import extractive, generative
from assistant.answering.question import Turn, addresses_a_model, question_kind, required_names, standalone_question
from assistant.catalogue import Catalogue, format_vn_date
from assistant.config import Settings
from assistant.index import KnowledgeIndex, SearchFilter
from assistant.retrieve import NOT_IN_FORCE_FACTOR, RECIPIENTS_FACTOR, Hit, HybridSearcher
from assistant.validity import mentioned_documents, not_in_force, reference_date
from assistant.vntext import fold_accents, normalize

NOT_FOUND_TEXT = "Không tìm thấy nội dung trả lời câu hỏi này trong kho tài liệu."
MIN_COVERAGE = 0.5
RETRIEVE_K = 8


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


@dataclass
class Answer:
    question: str
    text: str
    citations: list[Citation]
    not_found: bool
    mode: str  # extractive | generative
    standalone_question: str = ""
    notes: list[str] = field(default_factory=list)

    def turn(self) -> Turn:
        return Turn(self.question, self.standalone_question, tuple(c.doc_id for c in self.citations), question_kind(self.standalone_question))


class Answerer:
    def __init__(self, settings: Settings, searcher: HybridSearcher, catalogue: Catalogue, index: KnowledgeIndex,
                 chat_model: BaseChatModel | None = None, deadlines=None):
        self.settings = settings
        self.searcher = searcher
        self.catalogue = catalogue
        self.index = index
        self.chat_model = chat_model
        self.deadlines = deadlines  # the register, for normalised dates and warnings on dated tasks
        self._doc_text_cache: dict[tuple[str, str], str] = {}

    def answer(self, question: str, history: list[Turn] | None = None) -> Answer:
        result = None
        for event in self.stream(question, history):
            if isinstance(event, Answer):
                result = event
        return result

    def stream(self, question: str, history: list[Turn] | None = None) -> Iterator[str | Answer]:
        with self.index.answering():  # background embedding waits meanwhile
            yield from self._stream(question, history)

    def _stream(self, question: str, history: list[Turn] | None = None) -> Iterator[str | Answer]:
        question = normalize(question).strip()
        history = history or []
        standalone = self._standalone(self.searcher.restore_diacritics(question), history)
        hits = self._retrieve(standalone, history)
        day = reference_date(standalone, self.settings.current_date())
        if self.chat_model is not None and hits:
            yield from self._generative(question, standalone, hits, day)
        else:
            yield self._extractive(question, standalone, hits, day)

    # ------------------------------------------------------------ steps

    def _standalone(self, question: str, history: list[Turn]) -> str:
        if history and self.chat_model is not None:
            lines = "\n".join(f"Hỏi: {t.standalone or t.question}" for t in history[-3:])
            try:
                return generative.condense(self.chat_model, question, lines)
            except Exception:  # fall back to the extractive rewrite
                pass
        return standalone_question(question, history)

    def _retrieve(self, standalone: str, history: list[Turn]) -> list[Hit]:
        hits = [hit for hit in self.searcher.search(standalone, RETRIEVE_K) if not addresses_a_model(hit.chunk.body)]
        if history and history[-1].doc_ids and standalone != history[-1].standalone:
            previous_docs = list(dict.fromkeys(history[-1].doc_ids))
            focused = [hit for hit in self.searcher.search(standalone, RETRIEVE_K, SearchFilter(doc_ids=previous_docs))
                       if not addresses_a_model(hit.chunk.body)]
            seen = {h.chunk.chunk_id for h in focused}
            hits = focused[:4] + [h for h in hits if h.chunk.chunk_id not in seen]
        return hits

    def _extractive(self, question: str, standalone: str, hits: list[Hit], day: date) -> Answer:
        kind = question_kind(question)
        if kind == "general":
            kind = question_kind(standalone)
        hits = self._hits_with_names(standalone, hits)
        factors = self._hit_factors(standalone, hits, day)
        pieces = extractive.best_pieces(standalone, kind, hits, self.index.idf, factors) if hits else []
        if not pieces or self._too_weak(standalone, hits[pieces[0].hit_index]):
            return self._not_found(question, standalone, hits, day)
        citations, lines = [], []
        for n, piece in enumerate(pieces, 1):
            hit = hits[piece.hit_index]
            citation = self._citation(n, hit, piece.quote, day)
            citations.append(citation)
            if n == 1:
                lead = extractive.direct_answer(piece, hit, kind)
                if lead:
                    lines.append(f"{lead} [1].")
                lines.extend(self._deadline_lines(hit, piece, kind))
                lines.append(f"Theo {citation.document} ({_where(citation)}): “{_shown(piece, kind)}” [1]")
            else:
                lines.append(f"Ngoài ra, {citation.document} ({_where(citation)}): “{_shown(piece, kind)}” [{n}]")
        notes = self._validity_notes(citations)
        text = "\n\n".join(lines + notes)
        return Answer(question, text, citations, False, "extractive", standalone, notes)

    def _deadline_lines(self, hit: Hit, piece, kind: str) -> list[str]:
        """For a dated task: the register's normalised deadline and its warnings (a year that
        contradicts the plan's, a deadline before the plan was issued)."""
        if self.deadlines is None or kind not in ("date", "unit"):
            return []
        records = self.deadlines.records_for(hit.chunk.doc_id, hit.chunk.location)
        in_unit = [r for r in records if r.due_text and r.due_text in piece.unit]
        in_unit = in_unit or [r for r in records if r.task[:40] in piece.unit]
        lines = []
        for record in in_unit:
            if record.due_end and kind == "date":
                lines.append(f"Hạn chót quy đổi: {_vn_iso(record.due_end)} (theo cách ghi “{record.due_text}”).")
            lines.extend(f"Cần lưu ý: {flag}." for flag in record.flags)
            break
        return lines

    def _hit_factors(self, standalone: str, hits: list[Hit], day: date) -> list[float]:
        """The retrieval's preferences, applied again when picking sentences: texts not in force
        on the question's date (or passages applying them) and recipient lists count less,
        unless the question names them."""
        named = {entry.doc_id for entry in mentioned_documents(standalone, self.catalogue)}
        wants_recipients = "noi nhan" in fold_accents(standalone)
        about_a_plan = bool(required_names(standalone))
        factors = []
        for hit in hits:
            factor = 1.0
            if hit.chunk.doc_id not in named and self._rests_on_repealed(hit, day, named, about_a_plan):
                factor *= NOT_IN_FORCE_FACTOR
            if hit.chunk.kind == "recipients" and not wants_recipients:
                factor *= RECIPIENTS_FACTOR
            factors.append(factor)
        return factors

    def _rests_on_repealed(self, hit: Hit, day: date, named: set[str], about_a_plan: bool) -> bool:
        """A repealed text, or — for a question on the rules rather than on one agency's plan —
        a passage that applies one (a 2021 plan quoting Nghị định 91/2017)."""
        if not_in_force(self.catalogue.get(hit.chunk.doc_id), day):
            return True
        if about_a_plan:
            return False
        cited = mentioned_documents(hit.chunk.body, self.catalogue)
        return any(entry.doc_id not in named and not_in_force(entry, day) for entry in cited)

    def _hits_with_names(self, standalone: str, hits: list[Hit]) -> list[Hit]:
        """Keep only passages whose document contains the years and places the question names."""
        names = required_names(standalone)
        if not names:
            return hits
        return [hit for hit in hits if all(name in self._document_text(hit.chunk.doc_id) for name in names)]

    def _document_text(self, doc_id: str) -> str:
        """Folded words of a whole document, cached until that document changes."""
        key = (doc_id, self.index.document_stamp(doc_id))
        if key not in self._doc_text_cache:
            if len(self._doc_text_cache) > 256:
                self._doc_text_cache.clear()
            self._doc_text_cache[key] = self._fold_document(doc_id)
        return self._doc_text_cache[key]

    def _fold_document(self, doc_id: str) -> str:
        entry = self.catalogue.get(doc_id)
        parts = [c.text for c in self.index.doc_chunks(doc_id)]
        if entry:
            parts += [entry.title, entry.issuer, entry.place, entry.number, entry.date_issued[:4]]
        return " ".join(fold_accents(" ".join(re.findall(r"\w+", p))) for p in parts)

    @staticmethod
    def _too_weak(standalone: str, best: Hit) -> bool:
        return extractive.question_coverage(standalone, best.chunk.text) < MIN_COVERAGE

    def _not_found(self, question: str, standalone: str, hits: list[Hit], day: date) -> Answer:
        closest = self.searcher.search(standalone, 3) if not hits else hits[:3]
        citations = [self._citation(n, hit, extractive.cap(hit.chunk.body, 400), day) for n, hit in enumerate(closest, 1)]
        text = NOT_FOUND_TEXT
        if citations:
            text += "\n\nCác đoạn gần nhất (có thể không trả lời đúng câu hỏi):\n" + "\n".join(
                f"[{c.n}] {c.document} – {_where(c)}" for c in citations)
        return Answer(question, text, citations, True, "extractive", standalone)

    def _generative(self, question: str, standalone: str, hits: list[Hit], day: date) -> Iterator[str | Answer]:
        citations = [self._citation(n, hit, hit.chunk.body, day) for n, hit in enumerate(hits, 1)]
        context = generative.format_context(hits, [c.document for c in citations], [c.status for c in citations])
        messages = generative.build_messages(standalone, context, format_vn_date(day))
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
        notes = self._validity_notes(used)
        full = text.strip() + ("\n\n" + "\n\n".join(notes) if notes else "")
        return Answer(question, full, used, False, "generative", standalone, notes)

    def _validity_notes(self, citations: list[Citation]) -> list[str]:
        """Name every cited or quoted legal text that is not in force today, and its replacement."""
        today = self.settings.current_date()
        seen, notes = set(), []
        for citation in citations:
            if citation.status and citation.doc_id not in seen:
                seen.add(citation.doc_id)
                notes.append(f"Lưu ý: {citation.document} {citation.status}; không áp dụng quy định đã hết hiệu lực.")
            for entry in mentioned_documents(citation.passage or citation.quote, self.catalogue):
                if entry.doc_id not in seen and not_in_force(entry, today):
                    seen.add(entry.doc_id)
                    notes.append(f"Lưu ý: đoạn được trích có dẫn {entry.label}, văn bản này {entry.status(today)}.")
        return notes

    def _citation(self, n: int, hit: Hit, quote: str, day: date) -> Citation:
        entry = self.catalogue.get(hit.chunk.doc_id)
        status = entry.status(day) if not_in_force(entry, day) else ""
        return Citation(
            n=n, doc_id=hit.chunk.doc_id, number=entry.number if entry else "", title=entry.title if entry else "",
            document=entry.label if entry else hit.chunk.doc_id, location=hit.chunk.location, page=hit.chunk.page,
            quote=quote, score=round(hit.score, 4), status=status, chunk_id=hit.chunk.chunk_id,
            ocr=bool(hit.chunk.meta.get("ocr")), passage=hit.chunk.body,
        )


def _vn_iso(iso: str) -> str:
    return format_vn_date(date.fromisoformat(iso))


def _shown(piece, kind: str) -> str:
    """A list question is answered with the list; any other with the best sentence or row."""
    return piece.quote if kind == "list" else piece.unit


def _where(citation: Citation) -> str:
    page = f", trang {citation.page}" if citation.page else ""
    return f"{citation.location}{page}"



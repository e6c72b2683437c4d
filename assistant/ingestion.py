"""Ingest: load → parse → chunk → lexical commit, then embed in a second pass.

Idempotent and incremental: a file whose content hash (and the pipeline
version) is unchanged is skipped; a changed file replaces its chunks; each
file's result is reported in Vietnamese, and one bad file never stops a batch.

Safe to interrupt and to run twice at once: reading (and OCR, the slow part)
happens outside the index's write lock; the check "already up to date?", the
catalogue row, the chunk commit (one SQLite transaction) and the hooks happen
under it, so two ingests of the same file never both write it, and a killed
ingest leaves whole documents only. Vectors follow in `embed_pending`, keyed by
content hash: a re-run finds the chunks still without a vector and upserts them.
"""
from __future__ import annotations

import dataclasses
import hashlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Protocol, Sequence

from assistant.catalogue import Catalogue, CatalogueEntry
from assistant.config import PROJECT_ROOT, Settings
from assistant.index import KnowledgeIndex, StoredChunk
from documents.chunk import chunk_document
from documents.identity import is_inside, user_document_id
from documents.load import LoadError, OcrOptions, file_sha256, load, refusal_reason
from documents.parse import Header, ParsedDocument, document_types, parse
from documents.text_layers import layer_notes

PIPELINE_VERSION = "17"  # 8: editorial lines of compiled texts, summary notes; 9: text layers, legacy encodings;
# 10: hard-wrapped lines joined into sentences; 11: a text issued with a decision is not part of its Nơi nhận;
# 12: a khoản number written against its opening quote ("1.“Huân chương …”"); 13: numbers without their
# leading zeros in the lexical index ("05 năm" is found by "5 năm"); 14: a short chapter is cut into its articles;
# 15: the wording an amending khoản quotes stays in that khoản (Luật 39/2013 Điều 1); 16: an editor's khoản range
# ("2.–3." in NĐ 152/2025 Điều 9) is a khoản of its own; 17: a table printed without a header row keeps its first
# row as data, and "A | Các bước chuẩn bị" heads the step rows below it
SKIPPED_NAMES = {"catalogue.csv", "README.md", "INDEX.md"}

STATUS_LABELS = {
    "indexed": "đã lập chỉ mục",
    "unchanged": "không thay đổi",
    "needs_ocr": "cần nhận dạng chữ (OCR)",
    "rejected": "bị từ chối",
    "removed": "đã xóa khỏi chỉ mục",
    "not_found": "không có trong chỉ mục",
}


@dataclass
class FileResult:
    path: str
    doc_id: str
    status: str
    message: str = ""
    chunks: int = 0
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR

    @property
    def label(self) -> str:
        label = STATUS_LABELS.get(self.status, self.status)
        return f"{label} (có dùng OCR)" if self.ocr_pages and self.status == "indexed" else label

    @property
    def has_document(self) -> bool:
        return self.status in ("indexed", "unchanged")

    def as_line(self) -> str:
        detail = f" — {self.message}" if self.message else ""
        count = f" ({self.chunks} đoạn)" if self.chunks else ""
        ident = f" [mã {self.doc_id}]" if self.has_document else ""
        return f"{Path(self.path).name}{ident}: {self.label}{count}{detail}"


def doc_id_for(path: Path, knowledge_dir: Path | None = None) -> str:
    """The id of a file: its name for the shipped corpus, else slug + hash of its location."""
    path = Path(path)
    if knowledge_dir is not None and is_inside(path, knowledge_dir):
        return path.stem
    return user_document_id(path.name, _display_path(path))


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files under the given paths, in a stable order; hidden files and the catalogue are skipped.

    Only names inside a given folder count as hidden: a folder given below a dot-folder
    (`~/.cache/ke-hoach/`) is walked like any other."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and _wanted(p.relative_to(path)))
        else:
            found.append(path)
    return found


def _wanted(relative: Path) -> bool:
    return not any(part.startswith(".") for part in relative.parts) and relative.name not in SKIPPED_NAMES


class DocumentHook(Protocol):
    """Something else built from each parsed document at ingest time (the deadlines register)."""

    def needs(self, doc_id: str, sha256: str) -> bool: ...

    def document_indexed(self, doc_id: str, sha256: str, parsed: ParsedDocument, source: str) -> None: ...

    def document_removed(self, doc_id: str) -> None: ...


class Ingestor:
    def __init__(self, settings: Settings, index: KnowledgeIndex, catalogue: Catalogue, hooks: Sequence[DocumentHook] = ()):
        self.settings = settings
        self.index = index
        self.catalogue = catalogue
        self.hooks = list(hooks)

    def doc_id(self, path: Path) -> str:
        """The id of `path`; a user file indexed before ids carried a hash keeps its old id."""
        path = Path(path)
        new = doc_id_for(path, self.settings.knowledge_dir)
        known = self.catalogue.get(path.stem)
        if known is not None and not known.file:
            return path.stem  # the body of a text the catalogue knows only by its row, dropped in
        if new != path.stem:
            legacy = self.index.document(path.stem)
            if legacy and legacy.path == _display_path(path) and not self._shipped(legacy.doc_id, legacy.path):
                return path.stem
        return new

    def _shipped(self, doc_id: str, source: str) -> bool:
        """A text of the shipped corpus: read-only to uploads and replacements."""
        path = Path(source)
        path = path if path.is_absolute() else PROJECT_ROOT / path
        return is_inside(path, self.settings.knowledge_dir) or self.catalogue.is_shipped(doc_id)

    def ingest(self, paths: Iterable[Path], progress: Callable[[int, int, str], None] | None = None,
               page_progress: Callable[[str, int, int], None] | None = None, replace: bool = False) -> list[FileResult]:
        """Ingest files (folders are walked). `progress(done, total, name)` after each file;
        `page_progress(name, pages done, pages to OCR)` after each OCR'd page (OCR is slow).
        With `replace`, each file replaces the older documents of the same file name."""
        files = discover(paths)
        results = []
        for number, path in enumerate(files, 1):
            try:
                results.append(self.ingest_file(path, page_progress=page_progress, replace=replace))
            except Exception as exc:  # noqa: BLE001 - one bad file never stops a batch
                results.append(FileResult(_display_path(path), self.doc_id(path), "rejected",
                                          f"lỗi khi lập chỉ mục ({type(exc).__name__}: {str(exc)[:200]})"))
            if progress:
                progress(number, len(files), path.name)
        return results

    def ingest_in_background(self, paths: Iterable[Path], progress: Callable[[int, int, str], None] | None = None,
                             page_progress: Callable[[str, int, int], None] | None = None) -> Future:
        """Run `ingest` in a worker thread (OCR can take minutes); the Future holds the results.

        Queries keep working meanwhile: readers never wait for the index's write lock."""
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tdkt-ingest")
        future = executor.submit(self.ingest, list(paths), progress, page_progress)
        executor.shutdown(wait=False)
        return future

    def ingest_file(self, path: Path, doc_id: str | None = None,
                    page_progress: Callable[[str, int, int], None] | None = None, replace: bool = False) -> FileResult:
        """Index one file; with `replace`, older documents of the same file name are replaced
        and their catalogue rows kept as history."""
        path = Path(path)
        result = self._ingest_file(path, doc_id, page_progress)
        notes = self._collision_notes(result, path.name)
        if replace and result.has_document:
            replaced = self.supersede(path.name, result.doc_id)
            if replaced:
                notes.append("thay thế tài liệu cũ: " + ", ".join(replaced))
        if notes:
            result.message = "; ".join(([result.message] if result.message else []) + notes)
        return result

    def _ingest_file(self, path: Path, doc_id: str | None,
                     page_progress: Callable[[str, int, int], None] | None) -> FileResult:
        doc_id = doc_id or self.doc_id(path)
        shown = _display_path(path)
        if path.is_file():
            reason = refusal_reason(path.name, path.stat().st_size, self.settings.max_file_mb)
            if reason:
                return FileResult(shown, doc_id, "rejected", reason)
        try:
            sha = file_sha256(path) if path.is_file() else ""
            unchanged = self._unchanged(doc_id, sha, shown)
            if unchanged:
                return unchanged
            loaded = load(path, ocr=self._ocr_options(path, page_progress), max_pages=self.settings.max_pdf_pages)
        except LoadError as error:
            return FileResult(shown, doc_id, "needs_ocr" if error.needs_ocr else "rejected", error.reason)
        with self.index.write_lock():  # another ingest may have written this file meanwhile
            unchanged = self._unchanged(doc_id, loaded.sha256, shown)
            if unchanged:
                return unchanged
            self.catalogue.reload()  # rows another process added since we started
            new_rows: list[CatalogueEntry] = []
            parsed = parse(loaded, lambda header: self._with_catalogue(header, doc_id, shown, new_rows))
            chunks = self._stored_chunks(parsed, doc_id, shown, loaded.sha256, loaded.ocr_pages)
            if not chunks:  # a refused file leaves no catalogue row
                return FileResult(shown, doc_id, "rejected", "không tách được đoạn văn bản nào")
            for row in new_rows:
                self.catalogue.upsert(row)
            meta = {"pipeline": PIPELINE_VERSION, "source": shown, "pages": loaded.pages,
                    "pages_without_text": loaded.pages_without_text, "ocr_pages": loaded.ocr_pages,
                    "format": loaded.source_format, "legacy_encoding": loaded.legacy_encoding,
                    "page_extractors": {str(n): name for n, name in loaded.page_extractors.items()},
                    "unreadable_pages": loaded.unreadable_pages, **_header_meta(parsed.header)}
            self.index.put_document(doc_id, shown, loaded.sha256, meta, chunks)
            for hook in self.hooks:
                hook.document_indexed(doc_id, loaded.sha256, parsed, shown)
        notes = layer_notes(loaded.page_extractors, loaded.legacy_encoding, loaded.unreadable_pages,
                            "" if loaded.pages_without_text else loaded.ocr_note)
        if loaded.ocr_pages:
            notes.append("đã nhận dạng chữ (OCR) các trang: " + ", ".join(map(str, loaded.ocr_pages)))
        if loaded.pages_without_text:
            notes.append("các trang không có lớp chữ, cần OCR: " + ", ".join(map(str, loaded.pages_without_text))
                         + (f" ({loaded.ocr_note})" if loaded.ocr_note else ""))
        return FileResult(shown, doc_id, "indexed", "; ".join(notes), len(chunks), loaded.ocr_pages)

    def _unchanged(self, doc_id: str, sha: str, shown: str) -> FileResult | None:
        stored = self.index.document(doc_id)
        up_to_date = stored and sha and stored.sha256 == sha and stored.meta.get("pipeline") == PIPELINE_VERSION
        if up_to_date and not any(hook.needs(doc_id, sha) for hook in self.hooks):
            return FileResult(shown, doc_id, "unchanged", chunks=stored.n_chunks, ocr_pages=stored.meta.get("ocr_pages") or [])
        return None

    def _ocr_options(self, path: Path, page_progress: Callable[[str, int, int], None] | None) -> OcrOptions:
        s = self.settings
        progress = (lambda done, total: page_progress(path.name, done, total)) if page_progress else None
        return OcrOptions(enabled=s.ocr_enabled, language=s.ocr_language, dpi=s.ocr_dpi,
                          garbage_pages=s.ocr_garbage_pages, progress=progress)

    def remove(self, target: str | Path) -> FileResult:
        """Remove a document, named by its id or by its file."""
        doc_id = str(target) if self.index.document(str(target)) else self.doc_id(Path(target))
        found = self.index.remove_document(doc_id)
        for hook in self.hooks:
            hook.document_removed(doc_id)
        if found:
            self.catalogue.remove(doc_id)
        return FileResult(str(target), doc_id, "removed" if found else "not_found")

    def prune(self) -> list[FileResult]:
        """Remove documents whose source file no longer exists."""
        results = []
        for document in self.index.documents():
            source = Path(document.path)
            source = source if source.is_absolute() else PROJECT_ROOT / source
            if not source.exists():
                results.append(self.remove(document.doc_id))
        return results

    def supersede(self, name: str, new_id: str) -> list[str]:
        """Replace the older documents called `name` by `new_id`: their chunks leave the index,
        their catalogue rows stay as history. Shipped texts are never replaced."""
        replaced = []
        for document in self.index.documents():
            if document.doc_id == new_id or Path(document.path).name != name:
                continue
            if self._shipped(document.doc_id, document.path):
                continue
            with self.index.write_lock():
                self.index.remove_document(document.doc_id)
                for hook in self.hooks:
                    hook.document_removed(document.doc_id)
                self.catalogue.supersede(document.doc_id, new_id, self.settings.current_date().isoformat())
            replaced.append(document.doc_id)
        return replaced

    def _collision_notes(self, result: FileResult, name: str) -> list[str]:
        """Say so when a user file is named or numbered like a shipped text (which stays as it is)."""
        if not result.has_document or self.catalogue.is_shipped(result.doc_id):
            return []
        notes = []
        stem = Path(name).stem
        if self.catalogue.is_shipped(stem):
            notes.append(f"trùng tên với văn bản có sẵn “{stem}”: nạp thành tài liệu riêng, văn bản có sẵn giữ nguyên")
        entry = self.catalogue.get(result.doc_id)
        shipped = self.catalogue.shipped_by_number(entry.number) if entry and entry.number else None
        if shipped and shipped.doc_id != stem:
            notes.append(f"trùng số ký hiệu với {shipped.label} có sẵn: nạp thành tài liệu riêng, văn bản có sẵn giữ nguyên")
        return notes

    def embed_pending(self, progress: Callable[[int, int], None] | None = None) -> int:
        return self.index.embed_pending(progress)

    def read(self, path: Path) -> ParsedDocument:
        """Load and parse one file as ingest would (the catalogue's corrections applied), without indexing it."""
        entry = self.catalogue.get(doc_id_for(Path(path)))
        return parse(load(Path(path)), (lambda header: _merge_catalogue(header, entry)) if entry else None)

    # ------------------------------------------------------------ helpers

    def _with_catalogue(self, header: Header, doc_id: str, shown: str, new_rows: list[CatalogueEntry]) -> Header:
        """A new document gets its catalogue row from its header (saved once the document is
        indexed, into `new_rows`); a known one takes the row's corrections."""
        entry = self.catalogue.get(doc_id)
        if entry is None:
            entry = _entry_from_header(doc_id, shown, header)
            new_rows.append(entry)
        elif entry.file != shown or entry.superseded_by:  # moved, or an old version indexed again
            new_rows.append(dataclasses.replace(entry, file=shown, superseded_by=""))
        return _merge_catalogue(header, entry)

    @staticmethod
    def _stored_chunks(parsed: ParsedDocument, doc_id: str, shown: str, sha: str,
                       ocr_pages: Sequence[int] = ()) -> list[StoredChunk]:
        meta = {"doc_type": parsed.header.doc_type, "year": parsed.header.year, "source": shown}
        stored, seen = [], set()
        for order, chunk in enumerate(chunk_document(parsed)):
            chunk_id = _content_id(doc_id, chunk.text, seen)
            extra = {"ocr": True} if chunk.page is not None and chunk.page in ocr_pages else {}
            stored.append(StoredChunk(chunk_id, doc_id, order, chunk.text, chunk.body,
                                      chunk.location, chunk.page, chunk.kind, {**meta, "body": chunk.body, **extra}))
        return stored


def _content_id(doc_id: str, text: str, seen: set[str]) -> str:
    """Ids follow content, so an edit elsewhere in the file keeps this chunk's vector."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    chunk_id, n = f"{doc_id}#{digest}", 1
    while chunk_id in seen:
        n += 1
        chunk_id = f"{doc_id}#{digest}-{n}"
    seen.add(chunk_id)
    return chunk_id


def _display_path(path: Path) -> str:
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(resolved)


def _entry_from_header(doc_id: str, shown: str, header: Header) -> CatalogueEntry:
    return CatalogueEntry(doc_id=doc_id, file=shown, number=header.number, symbol=header.symbol,
                          doc_type=header.doc_type, superior=header.superior,
                          type_name=header.type_name, title=header.title, issuer=header.issuer,
                          place=header.place, date_issued=header.date_issued, source=shown)


def _merge_catalogue(header: Header, entry: CatalogueEntry) -> Header:
    """A person's corrections in the catalogue win over what the parser read."""
    for name in ("number", "symbol", "doc_type", "type_name", "title", "issuer", "superior", "place", "date_issued"):
        value = getattr(entry, name)
        if value:
            setattr(header, name, value)
    if entry.year:
        header.year = entry.year
    known = {dt.code: dt for dt in document_types()}
    if header.doc_type in known:
        header.articles = known[header.doc_type].articles
    return header


def _header_meta(header: Header) -> dict:
    return {"number": header.number, "symbol": header.symbol, "doc_type": header.doc_type, "title": header.title,
            "issuer": header.issuer, "superior": header.superior, "year": header.year, "date_issued": header.date_issued}

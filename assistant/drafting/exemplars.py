"""Exemplar sections for the model: the closest sections of real plans in the corpus.

Through the project's hybrid searcher when the knowledge base is indexed
(BM25 when vectors are not ready); otherwise by reading the corpus plans in
`knowledge/plans/` directly, so that drafting works before the first ingest.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.drafting.anatomy import section_spec
from documents.text import fold_accents, syllable_tokenize

MAX_CHARS = 1500


@dataclass
class Exemplar:
    source: str  # "Kế hoạch 03/KH-SNV – Sở Nội vụ tỉnh Lạng Sơn"
    location: str  # "I. MỤC ĐÍCH, YÊU CẦU"
    text: str


def find_exemplars(section: str, kind: str, query_extra: str, searcher=None, plans_dir: Path | None = None,
                   k: int = 3) -> list[Exemplar]:
    query = f"{section_spec(section)['query']} {_KIND_WORDS[kind]} {query_extra}".strip()
    found = _from_searcher(searcher, section, query, k) if searcher is not None else []
    if len(found) < k and plans_dir is not None:
        seen = {e.source for e in found}
        found += [e for e in _from_corpus(plans_dir, section, kind, query) if e.source not in seen][: k - len(found)]
    return found


_KIND_WORDS = {"annual": "kế hoạch công tác thi đua khen thưởng năm", "campaign": "đợt thi đua cao điểm chào mừng",
               "block": "khối thi đua cụm thi đua giao ước"}


def _matches(label: str, section: str) -> bool:
    folded = fold_accents(label)
    return any(word in folded for word in section_spec(section)["match"])


def _from_searcher(searcher, section: str, query: str, k: int) -> list[Exemplar]:
    from assistant.index import SearchFilter

    try:
        if not searcher.index.counts()["chunks"]:
            return []
        flt = SearchFilter(doc_types=["ke_hoach"])
        try:
            hits = searcher.search(query, 4 * k, flt, "hybrid")
        except Exception:  # vectors not ready or the vector store unavailable: lexical only
            hits = searcher.search(query, 4 * k, flt, "bm25")
    except Exception:
        return []
    out, seen = [], set()
    for hit in hits:
        chunk = hit.chunk
        if chunk.doc_id in seen or not _matches(chunk.location.split("›")[0], section):
            continue
        seen.add(chunk.doc_id)
        entry = searcher.catalogue.get(chunk.doc_id)
        source = (f"{entry.label} – {entry.issuer}" if entry else chunk.doc_id).replace("*", "")
        out.append(Exemplar(source, chunk.location, chunk.body[:MAX_CHARS]))
        if len(out) == k:
            break
    return out


def _from_corpus(plans_dir: Path, section: str, kind: str, query: str) -> list[Exemplar]:
    words = set(fold_accents(w) for w in syllable_tokenize(query))
    scored = []
    for path in sorted(Path(plans_dir).glob("*")):
        if path.suffix.lower() not in (".txt", ".md", ".docx"):
            continue
        for source, plan_kind, label, text in _plan_sections(str(path), path.stat().st_mtime):
            if not _matches(label, section):
                continue
            overlap = len(words & set(fold_accents(w) for w in syllable_tokenize(text[:3000])))
            scored.append((2 * (plan_kind == kind) + overlap / 50, source, label, text))
            break
    scored.sort(key=lambda item: -item[0])
    return [Exemplar(source, label, text[:MAX_CHARS]) for _, source, label, text in scored]


@lru_cache(maxsize=256)
def _plan_sections(path: str, mtime: float) -> list[tuple[str, str, str, str]]:
    from assistant.drafting.checks import guess_kind
    from assistant.drafting.planfile import load_plan

    try:
        parsed = load_plan(Path(path))
    except Exception:
        return []
    if parsed.header.doc_type not in ("ke_hoach", ""):
        return []
    source = " – ".join(part for part in (parsed.header.label(), parsed.header.issuer) if part)
    kind = guess_kind(parsed)
    return [(source, kind, node.label, node.full_text()) for node in parsed.root.children
            if node.kind == "section" and node.level == 1]

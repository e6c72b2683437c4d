"""Document identity: an id that two different files cannot share.

The shipped corpus (`knowledge/`) keeps its file-name ids (the shipped
catalogue, the evaluation sets and the tests name them). Any other file gets a
readable slug of its name plus a short hash of where it lives, so two
`ke-hoach.txt` from two folders are two documents, the same file ingested
again keeps its id (and is a no-op), and no upload can take the id of a
shipped text: "Kế hoạch 2025.docx" in data/uploads/ → "ke-hoach-2025-3f9a0c12de".
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from documents.text import fold_accents, normalize

HASH_LENGTH = 10
SLUG_LENGTH = 60


def slug(name: str) -> str:
    """ASCII, lower case, words joined by "-": "Kế hoạch số 07" → "ke-hoach-so-07"."""
    text = re.sub(r"[^a-z0-9]+", "-", fold_accents(normalize(name)))
    return text.strip("-")[:SLUG_LENGTH].strip("-") or "tai-lieu"


def user_document_id(file_name: str, location: str) -> str:
    """Slug of the file name + a short hash of its location (the path shown to the user)."""
    digest = hashlib.sha1(normalize(location).encode("utf-8")).hexdigest()[:HASH_LENGTH]
    return f"{slug(Path(file_name).stem)}-{digest}"


def is_inside(path: Path, folder: Path) -> bool:
    try:
        Path(path).resolve().relative_to(Path(folder).resolve())
        return True
    except ValueError:
        return False

"""Rebuild `knowledge/catalogue.csv` from the parser's headers plus the corrections below.

The corrections are the validity facts of `shared/corpus/*/INDEX.md`, typed in by
hand, with the relations `amends`, `replaces`, `guides`; re-run after adding shipped
files: `.venv/bin/python tools/build_catalogue.py`. A correction row whose doc_id has
no file under `knowledge/` is a text known to exist whose body is missing (its row has
no file) until `knowledge/legal/<doc_id>.txt` is dropped in.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.catalogue import CatalogueEntry, write_catalogue_csv  # noqa: E402
from documents.load import load  # noqa: E402
from documents.parse import parse_header  # noqa: E402

CORRECTIONS = ROOT / "tools" / "catalogue_corrections.csv"


def main() -> None:
    corrections = {}
    with CORRECTIONS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            corrections[row["doc_id"]] = {k: v for k, v in row.items() if v}
    entries = []
    for path in sorted((ROOT / "knowledge").glob("*/*.txt")):
        header = parse_header([line.text for line in load(path).lines[:40]])
        entry = CatalogueEntry(
            doc_id=path.stem, file=str(path.relative_to(ROOT)), number=header.number, symbol=header.symbol,
            superior=header.superior, doc_type=header.doc_type,
            type_name=header.type_name, title=header.title, issuer=header.issuer, place=header.place,
            date_issued=header.date_issued,
        )
        for key, value in corrections.get(path.stem, {}).items():
            setattr(entry, key, value)
        entries.append(entry)
    entries += _known_without_text(corrections, {entry.doc_id for entry in entries})
    write_catalogue_csv(ROOT / "knowledge" / "catalogue.csv", entries)
    print(f"{len(entries)} rows")


def _known_without_text(corrections: dict[str, dict], with_file: set[str]) -> list[CatalogueEntry]:
    """Rows for texts known to exist whose body is not in `knowledge/` yet (no file).

    Dropping the text in later as `knowledge/legal/<doc_id>.txt` gives the row its file.
    """
    return [CatalogueEntry(**{"file": "", **values}) for doc_id, values in corrections.items() if doc_id not in with_file]


if __name__ == "__main__":
    main()

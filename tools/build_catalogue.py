"""Rebuild `knowledge/catalogue.csv` from the parser's headers plus the corrections below.

The corrections are the validity facts of `shared/corpus/*/INDEX.md`, typed in by
hand; re-run after adding shipped files: `.venv/bin/python tools/build_catalogue.py`.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.catalogue import CatalogueEntry, write_catalogue_csv  # noqa: E402
from ingest.load import load  # noqa: E402
from ingest.parse import parse_header  # noqa: E402

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
    write_catalogue_csv(ROOT / "knowledge" / "catalogue.csv", entries)
    print(f"{len(entries)} rows")


if __name__ == "__main__":
    main()

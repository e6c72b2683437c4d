"""TCVN3 (ABC, `.VnTime`) and VNI (`VNI-Times`) text → Unicode.

Old office documents typed in these fonts reach us as Latin-1 lookalikes: a
TCVN3 text file read byte by byte, a DOCX whose runs hold the font's code
points, a PDF whose font has no Unicode map. "Quyết định" is "QuyÕt ®Þnh" in
TCVN3 and "Quyeát ñònh" in VNI. The conversion tables are those of the
maintained `viparse` package; which encodings we try, and how, is data
(`data/legacy_encodings.yaml`).

A text is converted only when it fails the Vietnamese syllable check of
`documents.text_quality`, contains enough characters typical of the encoding,
and reads as Vietnamese once converted; a line holding Unicode Vietnamese
letters is never converted, so the Unicode lines of a mixed document stay. A
Unicode text that passes the check may still hold a passage pasted from a
legacy document: its lines are converted when that makes them more Vietnamese.
Without the `viparse` package nothing is converted (a warning is logged).

>>> convert_legacy("Quy\\xd5t \\xae\\xdenh khen th\\xad\\xebng").label
'TCVN3'
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from documents.datafile import read_yaml
from documents.text_quality import TextQuality, measure, rules, vietnamese_letters

DATA_FILE = Path(__file__).parent / "data" / "legacy_encodings.yaml"
_ASCII_LETTER = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class LegacyEncoding:
    charmap: str  # viparse table name
    label: str  # shown to the user: TCVN3, VNI
    fonts: tuple[str, ...]  # lower-case font-name prefixes that use it
    restore_upper_case_lines: bool
    characteristic: frozenset[str]  # its characters that Unicode Vietnamese never contains

    def density(self, text: str) -> tuple[int, float]:
        """(count, share of non-space characters) of characteristic characters."""
        stripped = "".join(text.split())
        count = sum(1 for c in stripped if c in self.characteristic)
        return count, count / len(stripped) if stripped else 0.0

    def convert_line(self, line: str, strict: bool = False) -> str:
        """The line converted unless that makes less of it Vietnamese, or it is already Unicode.

        When the document as a whole is in this encoding a line needs no typical
        character of its own ("Sè:" is "Số:"); `strict` (a Unicode document with a
        pasted legacy passage) converts only lines that become more Vietnamese. A line
        holding a Vietnamese letter outside Latin-1 (ư, đ, ế…) was typed in Unicode."""
        if line.isascii() or _has_unicode_vietnamese(line):
            return line
        converted = self._convert(line)
        before, after = measure(line).valid, measure(converted).valid
        return converted if after > before or (after == before and not strict) else line

    def convert_text(self, text: str, strict: bool = False) -> str:
        return "\n".join(self.convert_line(line, strict) for line in text.split("\n"))

    def _convert(self, line: str) -> str:
        from viparse.normalize.encodings import CHARMAPS
        from viparse.normalize.tables import convert

        converted = convert(line, CHARMAPS[self.charmap])
        if self.restore_upper_case_lines and _all_upper(line):
            converted = converted.upper()
        return converted


def _has_unicode_vietnamese(line: str) -> bool:
    letters = vietnamese_letters()
    return any(ord(c) > 0xFF and c in letters for c in line)


def _all_upper(line: str) -> bool:
    """A heading typed in an upper-case font (.VnTimeH): every ASCII letter upper case, and
    some word mixing upper-case letters with legacy ones ("QUYÕT"); not "Sè: 12/KH-UBND"."""
    letters = _ASCII_LETTER.findall(line)
    if not letters or not all(c.isupper() for c in letters):
        return False
    return any(not word.isascii() and len(_ASCII_LETTER.findall(word)) >= 2 for word in line.split())


@dataclass(frozen=True)
class Settings:
    encodings: tuple[LegacyEncoding, ...]
    min_density: float
    min_count: int


@lru_cache(maxsize=1)
def settings() -> Settings:
    raw = read_yaml(DATA_FILE)
    try:
        from viparse.normalize.encodings import CHARMAPS
    except ImportError:
        logging.getLogger(__name__).warning("viparse is not installed: TCVN3/VNI texts are not converted (pip install -r requirements.txt)")
        return Settings((), float(raw["min_density"]), int(raw["min_count"]))
    letters = vietnamese_letters()
    found = []
    for entry in raw["encodings"]:
        table = CHARMAPS[entry["charmap"]]
        typical = {c for source, _ in table.pairs for c in source if not c.isascii() and c not in letters}
        found.append(LegacyEncoding(entry["charmap"], entry["label"], tuple(f.lower() for f in entry.get("fonts", ())),
                                    bool(entry.get("restore_upper_case_lines")), frozenset(typical)))
    return Settings(tuple(found), float(raw["min_density"]), int(raw["min_count"]))


@dataclass(frozen=True)
class Conversion:
    text: str
    encoding: LegacyEncoding | None = None  # None: left as it was
    before: TextQuality | None = None
    after: TextQuality | None = None

    @property
    def label(self) -> str:
        return self.encoding.label if self.encoding else ""


def needs_conversion(quality: TextQuality) -> bool:
    """A text that fails the Vietnamese check, or a short one that would fail it."""
    if quality.judged:
        return not quality.readable
    return quality.tokens > 0 and quality.share < 1.0


def detect(text: str, fonts: Iterable[str] = ()) -> LegacyEncoding | None:
    """The legacy encoding `text` is written in, or None (Unicode, or not Vietnamese at all)."""
    return convert_legacy(text, fonts).encoding


def convert_legacy(text: str, fonts: Iterable[str] = ()) -> Conversion:
    """`text` converted from TCVN3 or VNI when it is legacy Vietnamese; else `text` itself."""
    before = measure(text)
    if not needs_conversion(before):
        return _convert_passages(text, before, fonts)
    best = Conversion(text)
    for encoding in _candidates(text, fonts):
        converted = encoding.convert_text(text)
        after = measure(converted)
        if _accepted(before, after) and (best.after is None or after.share > best.after.share):
            best = Conversion(converted, encoding, before, after)
    return best


def _convert_passages(text: str, before: TextQuality, fonts: Iterable[str]) -> Conversion:
    """A Unicode text with some lines pasted from a legacy document: convert those lines only."""
    best = Conversion(text)
    for encoding in _candidates(text, fonts, min_density=0.0):
        converted = encoding.convert_text(text, strict=True)
        after = measure(converted)
        if converted != text and after.valid > (best.after or before).valid:
            best = Conversion(converted, encoding, before, after)
    return best


def _candidates(text: str, fonts: Iterable[str], min_density: float | None = None) -> list[LegacyEncoding]:
    """Encodings whose typical characters are dense enough in `text`; font-named ones first."""
    config = settings()
    min_density = config.min_density if min_density is None else min_density
    named = {e.charmap for e in config.encodings for font in fonts if font and font.lower().startswith(e.fonts)}
    dense = []
    for encoding in config.encodings:
        count, share = encoding.density(text)
        if count >= config.min_count and share >= min_density:
            dense.append(encoding)
    return sorted(dense, key=lambda e: e.charmap not in named)


def _accepted(before: TextQuality, after: TextQuality) -> bool:
    return after.tokens > 0 and after.share >= rules().min_share and after.share > before.share


# ------------------------------------------------------------ files in a legacy encoding


def decode_single_byte(raw: bytes) -> tuple[str | None, str]:
    """Bytes that are not UTF-8, read as TCVN3/VNI (one byte a glyph) or Windows-1258.

    Returns (Unicode text, encoding label), or (None, "") when no reading is Vietnamese."""
    conversion = convert_legacy(raw.decode("latin-1"))
    if conversion.encoding:
        return conversion.text, conversion.label
    try:
        text = unicodedata.normalize("NFC", raw.decode("cp1258"))
    except UnicodeDecodeError:
        return None, ""
    quality = measure(text)
    if quality.tokens and quality.share >= rules().min_share:
        return text, "Windows-1258"
    return None, ""


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_fonts(*elements) -> list[str]:
    """Font names used by runs and styles in these DOCX XML elements."""
    names = set()
    for element in elements:
        for fonts in element.iter(_W + "rFonts"):
            names.update(v for k, v in fonts.attrib.items() if k.startswith(_W) and not k.endswith("Theme"))
    return sorted(names)


def restore_soft_hyphens(body, fonts: Iterable[str]) -> int:
    """Word stores TCVN3's ư (byte 0xAD, the soft-hyphen slot) as <w:softHyphen/>, which
    readers drop; in a document set in such a font, put the character back. Returns the count."""
    soft_hyphen_fonts = tuple(p for e in settings().encodings if "\u00ad" in e.characteristic for p in e.fonts)
    if not any(font.lower().startswith(soft_hyphen_fonts) for font in fonts):
        return 0
    found = list(body.iter(_W + "softHyphen"))
    for element in found:
        replacement = element.makeelement(_W + "t", {})
        replacement.text = "\u00ad"
        element.getparent().replace(element, replacement)
    return len(found)

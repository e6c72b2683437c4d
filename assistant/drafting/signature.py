"""The signature block: quyền hạn ký (TM./KT./Q./TL./TUQ.), chức vụ and họ tên.

`signature_lines(form)` → (authority line, title line, name): "KT. GIÁM ĐỐC" /
"PHÓ GIÁM ĐỐC" / "Nguyễn Văn A". Whose name follows the prefix comes from the
form (`signer_for`), else from the title or the issuing body (data/signature.yaml),
else stays "……". A full first line typed in the old way ("TM. ỦY BAN NHÂN DÂN")
is kept as written.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from documents.datafile import read_yaml


PLACEHOLDER = "……"
DATA = Path(__file__).parent / "data" / "signature.yaml"


@lru_cache(maxsize=1)
def signature_data() -> dict:
    return read_yaml(DATA)


def authority_codes() -> list[str]:
    return [a["code"] for a in signature_data()["authorities"]]


def authority_labels() -> dict[str, str]:
    return {a["code"]: a["label"] for a in signature_data()["authorities"]}


def split_authority(text: str) -> tuple[str, str]:
    """"kt giám đốc" → ("KT.", "GIÁM ĐỐC"); "" → ("", ""); an unknown prefix → ("", text)."""
    text = (text or "").strip()
    match = re.match(r"^(TM|KT|Q|TL|TUQ)\.?(?:\s+|$)(.*)$", text, re.IGNORECASE)
    if not match:
        return "", text
    return match.group(1).upper() + ".", match.group(2).strip()


def _head_of(title: str) -> str:
    for word in signature_data()["deputy_words"]:
        if title.upper().startswith(word + " "):
            return title[len(word) + 1:].strip()
    return ""


def _collective(agency: str) -> str:
    lowered = (agency or "").strip().lower()
    for item in signature_data()["collectives"]:
        if any(lowered.startswith(start) for start in item["starts"]):
            return item["name"]
    return agency


def signature_lines(form) -> tuple[str, str, str]:
    """(authority line, title line, name) in the case the block prints them; empty parts are "……"."""
    code, written_for = split_authority(form.signer_authority)
    title = (form.signer_title or "").strip()
    name = (form.signer_name or "").strip() or PLACEHOLDER
    if not code:
        return written_for.upper(), (title or PLACEHOLDER).upper(), name
    follows = next(a["follows"] for a in signature_data()["authorities"] if a["code"] == code)
    who = (getattr(form, "signer_for", "") or written_for).strip()
    if follows == "own_title":
        return f"{code} {(who or title or PLACEHOLDER)}".upper(), "", name
    if not who:
        who = {"collective": lambda: _collective(form.agency), "head_of_deputy": lambda: _head_of(title)}.get(follows, lambda: "")()
    return f"{code} {who or PLACEHOLDER}".upper(), (title or PLACEHOLDER).upper(), name

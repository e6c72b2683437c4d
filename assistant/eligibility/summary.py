"""Vietnamese summary of an eligibility result, for people."""
from __future__ import annotations

from .vocab import award_label, verdict_label


def _list(entries: list[dict], with_detail: bool = True) -> str:
    return "; ".join(f"{e['text']} ({e['citation']})" + (f" — {e['detail']}" if with_detail and e["detail"] else "") for e in entries)


def summarise(result) -> str:
    who = result.name or result.id or "Hồ sơ"
    head = f"{who} — {award_label(result.award)} năm {result.year}: {verdict_label(result.verdict).upper()}"
    if result.verdict == "unsupported":
        return f"{head}. {' '.join(result.notes)}"
    top = result.top_level()
    lines = [head + "."]
    failed = [c for c in top if c["status"] == "failed"]
    unknown = [c for c in top if c["status"] == "unknown"]
    confirm = [c for c in top if c["status"] == "to_confirm"]
    if failed:
        lines.append("Không đạt: " + _list(failed) + ".")
    if unknown:
        lines.append("Thiếu thông tin: " + _list(unknown) + ".")
    if confirm:
        prefix = "Đủ điều kiện, chờ Hội đồng xác nhận: " if result.verdict == "eligible" else "Cần Hội đồng xác nhận: "
        lines.append(prefix + _list(confirm, with_detail=False) + ".")
    lines.append(f"Quy định áp dụng: {result.rules}.")
    lines += result.notes
    return "\n".join(lines)

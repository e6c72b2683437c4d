"""The in-app preview of a draft, laid out like its first page: the two-column header (body and number on the
left, national motto and place/date on the right), the title, the body, then Nơi nhận beside the signature.

Every text is escaped: what a user typed or a document held is shown, never interpreted.
"""
from __future__ import annotations

from html import escape

from assistant.drafting.document import Block, PlanDraft, TableData

_PAGE = ("font-family:'Times New Roman',Times,serif;font-size:15px;line-height:1.45;color:#111;background:#fff;"
         "max-width:820px;margin:0 auto;padding:28px 40px;border:1px solid #ddd;box-shadow:0 1px 4px rgba(0,0,0,.08)")
_CENTER = "text-align:center;margin:0"
_RULE = "border:0;border-top:1px solid #111;margin:2px auto 6px auto"


def _p(text: str, style: str = "", bold: bool = False, italic: bool = False) -> str:
    body = escape(text)
    if bold:
        body = f"<b>{body}</b>"
    if italic:
        body = f"<i>{body}</i>"
    return f'<p style="{style}">{body}</p>'


def _header(draft: PlanDraft) -> str:
    left = (_p(draft.superior_line, _CENTER) + _p(draft.agency_line, _CENTER, bold=True)
            + f'<hr style="{_RULE};width:35%">' + _p(draft.number_line, _CENTER))
    right = (_p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", _CENTER + ";font-size:14px", bold=True)
             + _p("Độc lập - Tự do - Hạnh phúc", _CENTER, bold=True) + f'<hr style="{_RULE};width:55%">'
             + _p(draft.place_date, _CENTER, italic=True))
    return ('<table style="width:100%;border-collapse:collapse;border:0"><tr>'
            f'<td style="width:42%;vertical-align:top;border:0;padding:0">{left}</td>'
            f'<td style="width:58%;vertical-align:top;border:0;padding:0">{right}</td></tr></table>')


def _table(table: TableData) -> str:
    cell = "border:1px solid #555;padding:3px 6px;vertical-align:top"
    head = "".join(f'<th style="{cell};text-align:center">{escape(c)}</th>' for c in table.columns)
    rows = []
    for label, group in table.groups:
        if label:
            rows.append(f'<tr><td colspan="{len(table.columns)}" style="{cell}"><b>{escape(label)}</b></td></tr>')
        rows += ["<tr>" + "".join(f'<td style="{cell}">{escape(c)}</td>' for c in row) + "</tr>" for row in group]
    return f'<table style="width:100%;border-collapse:collapse;margin:6px 0">{"<tr>" + head + "</tr>"}{"".join(rows)}</table>'


def _block(block: Block) -> str:
    indent = "text-align:justify;text-indent:1cm;margin:0 0 6px 0"
    if block.kind == "table":
        return _table(block.table)
    if block.kind == "h":
        return _p(block.text, indent, bold=True)
    if block.kind == "b":
        return _p(f"- {block.text}", indent)
    return _p(block.text, indent)


def _closing(draft: PlanDraft) -> str:
    left = _p("Nơi nhận:", "margin:0;font-size:13px", bold=True, italic=True) + "".join(
        _p(line, "margin:0;font-size:12px") for line in draft.recipients)
    signer = "".join(_p(line, _CENTER, bold=True) for line in (draft.signer_authority, draft.signer_title) if line)
    right = signer + '<div style="height:64px"></div>' + _p(draft.signer_name, _CENTER, bold=True)
    return ('<table style="width:100%;border-collapse:collapse;border:0;margin-top:12px"><tr>'
            f'<td style="width:50%;vertical-align:top;border:0;padding:0">{left}</td>'
            f'<td style="width:50%;vertical-align:top;border:0;padding:0">{right}</td></tr></table>')


def to_html(draft: PlanDraft) -> str:
    body = []
    if not draft.section_only:
        body += [_header(draft), _p(draft.doc_type, _CENTER + ";margin-top:18px", bold=True),
                 _p(draft.title, _CENTER, bold=True), f'<hr style="{_RULE};width:25%">']
        body += [_p(line, "text-align:justify;text-indent:1cm;margin:0 0 4px 0", italic=True) for line in draft.bases]
        if draft.intro:
            body.append(_p(draft.intro, "text-align:justify;text-indent:1cm;margin:0 0 6px 0"))
    for section in draft.sections:
        body.append(_p(section.heading, "margin:10px 0 6px 0", bold=True))
        body += [_block(block) for block in section.blocks]
    if not draft.section_only:
        if draft.closing:
            body.append(_p(draft.closing, "text-align:justify;text-indent:1cm;margin:0 0 6px 0"))
        body.append(_closing(draft))
    return f'<div style="{_PAGE}">{"".join(body)}</div>'

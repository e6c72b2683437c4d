"""Word export laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I requires.

A4, margins 20/20/30/15 mm; Times New Roman; header table with the superior and
the issuing agency (upper case, the agency bold, a short rule under it) top left
and Quốc hiệu (12, bold) + Tiêu ngữ (13, bold, ruled) top right; số/ký hiệu
under the agency; place and date in italics under the Tiêu ngữ; "KẾ HOẠCH" and
the trích yếu centred and bold with a short rule; căn cứ in italics; body 14 pt
justified with a 1.27 cm first-line indent and 6 pt between paragraphs; the
milestones table bordered; Nơi nhận (12 bold italic, list 11) bottom left and
the signature block bottom right; page numbers centred at the top from page 2.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from assistant.drafting.document import Block, PlanDraft, TableData

FONT = "Times New Roman"
BODY_PT = 14
INDENT = Cm(1.27)
HEADER_WIDTHS = (Cm(6.0), Cm(10.5))
CLOSING_WIDTHS = (Cm(8.0), Cm(8.5))
TABLE_WIDTHS = (Cm(1.0), Cm(6.4), Cm(3.4), Cm(3.0), Cm(2.7))
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT


def write_docx(draft: PlanDraft, path: Path) -> Path:
    document = Document()
    _page_setup(document)
    if not draft.section_only:
        _header_table(document, draft)
        _title(document, draft)
        for line in draft.bases:
            _para(document, line, italic=True, align=JUSTIFY, indent=INDENT)
        _para(document, draft.intro, align=JUSTIFY, indent=INDENT)
    for section in draft.sections:
        _para(document, section.heading, bold=True, align=JUSTIFY, indent=INDENT, keep=True)
        for block in section.blocks:
            _block(document, block)
    if not draft.section_only:
        _para(document, draft.closing, align=JUSTIFY, indent=INDENT)
        _closing_table(document, draft)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


# ---------------------------------------------------------------- page and text

def _page_setup(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(BODY_PT)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    style.paragraph_format.space_after = Pt(6)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.line_spacing = 1.0
    _page_numbers(section)


def _page_numbers(section) -> None:
    """Page number centred in the top margin, not shown on the first page."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = CENTER
    run = paragraph.add_run()
    run.font.name, run.font.size = FONT, Pt(13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _para(container, text: str, size: int = BODY_PT, bold: bool = False, italic: bool = False, align=JUSTIFY,
          indent=None, after: float = 6, before: float = 0, keep: bool = False):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_after, fmt.space_before = Pt(after), Pt(before)
    fmt.first_line_indent = indent
    fmt.keep_with_next = keep or None
    if text:
        run = paragraph.add_run(text)
        run.font.name, run.font.size, run.bold, run.italic = FONT, Pt(size), bold, italic
    return paragraph


def _rule(container, width_cm: float, space_cm: float, after: float = 0):
    """A short centred horizontal line: the bottom border of an empty paragraph 2 pt high, so that it
    sits just below the descenders of the line above without touching them."""
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    margin = Cm(max(space_cm - width_cm, 0) / 2)
    fmt.left_indent = fmt.right_indent = margin
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(after), 1.0
    _mark_size(paragraph, 4)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)
    return paragraph


def _mark_size(paragraph, half_points: int) -> None:
    """Font size of the paragraph mark, which sets the height of an empty paragraph."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(half_points))
        rpr.append(element)


# ---------------------------------------------------------------- header and title

def _layout_table(document, widths):
    table = document.add_table(rows=1, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_widths(table, widths)
    return table


def _set_widths(table, widths) -> None:
    """Cell widths and the grid: LibreOffice lays columns out from the grid, Word from the cells."""
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        column.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        cells = row.cells
        if len({id(cell._tc) for cell in cells}) < len(cells):  # a merged group row spans the table
            cells[0].width = sum(widths, Cm(0))
            continue
        for cell, width in zip(cells, widths):
            cell.width = width


def _first(cell, text: str, **kwargs):
    """Write into the cell's existing empty paragraph, then further paragraphs."""
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.font.name, run.font.size = FONT, Pt(kwargs.get("size", BODY_PT))
    run.bold, run.italic = kwargs.get("bold", False), kwargs.get("italic", False)
    paragraph.alignment = kwargs.get("align", CENTER)
    paragraph.paragraph_format.space_after = Pt(kwargs.get("after", 0))
    return paragraph


def _header_table(document, draft: PlanDraft) -> None:
    table = _layout_table(document, HEADER_WIDTHS)
    left, right = table.rows[0].cells
    _first(left, draft.superior_line, size=13)
    _para(left, draft.agency_line, size=13, bold=True, align=CENTER, after=0)
    _rule(left, 2.4, HEADER_WIDTHS[0].cm, after=4)
    _para(left, draft.number_line, size=13, align=CENTER, after=0)
    _first(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True)
    _para(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, align=CENTER, after=0)
    _rule(right, 6.0, HEADER_WIDTHS[1].cm, after=4)
    _para(right, draft.place_date, size=14, italic=True, align=CENTER, after=0)


def _title(document, draft: PlanDraft) -> None:
    _para(document, draft.doc_type, bold=True, align=CENTER, before=18, after=0)
    _para(document, draft.title, bold=True, align=CENTER, after=0)
    _rule(document, 3.5, 16.5, after=12)


# ---------------------------------------------------------------- body

def _block(document, block: Block) -> None:
    if block.kind == "table":
        _milestone_table(document, block.table)
    elif block.kind == "h":
        _para(document, block.text, bold=True, align=JUSTIFY, indent=INDENT, keep=True)
    elif block.kind == "b":
        _para(document, f"- {block.text}", align=JUSTIFY, indent=INDENT)
    else:
        _para(document, block.text, align=JUSTIFY, indent=INDENT)


def _milestone_table(document, data: TableData) -> None:
    table = document.add_table(rows=1, cols=len(data.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _cells(table.rows[0], data.columns, bold=True, align=CENTER)
    _repeat_header(table.rows[0])
    for label, rows in data.groups:
        if label:
            row = table.add_row()
            merged = row.cells[0].merge(row.cells[-1])
            _cell_text(merged, label, bold=True, align=LEFT)
        for cells in rows:
            row = table.add_row()
            _cells(row, cells, bold=False, align=None)
            _row_property(row, "w:cantSplit")
    _set_widths(table, TABLE_WIDTHS)
    _para(document, "", after=0)


def _cells(row, texts: list[str], bold: bool, align) -> None:
    for n, (cell, text) in enumerate(zip(row.cells, texts)):
        cell_align = align if align is not None else (CENTER if n in (0, len(texts) - 1) else LEFT)
        _cell_text(cell, text, bold=bold, align=cell_align)


def _cell_text(cell, text: str, bold: bool, align) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(3)
    paragraph.paragraph_format.space_after = Pt(3)
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.bold = FONT, Pt(13), bold


def _repeat_header(row) -> None:
    _row_property(row, "w:tblHeader")


def _row_property(row, tag: str) -> None:
    """w:tblHeader (repeat on each page) or w:cantSplit (keep the row on one page)."""
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


# ---------------------------------------------------------------- closing

def _closing_table(document, draft: PlanDraft) -> None:
    table = _layout_table(document, CLOSING_WIDTHS)
    left, right = table.rows[0].cells
    _first(left, "Nơi nhận:", size=12, bold=True, italic=True, align=LEFT)
    for line in draft.recipients:
        _para(left, line, size=11, align=LEFT, after=0)
    first = True
    for line in (draft.signer_authority, draft.signer_title):
        if line:
            (_first(right, line, bold=True) if first else _para(right, line, bold=True, align=CENTER, after=0))
            first = False
    for _ in range(4):
        _para(right, "", align=CENTER, after=0)
    _para(right, draft.signer_name, bold=True, align=CENTER, after=0)

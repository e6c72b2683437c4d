"""Real PDF and DOCX files for tests, generated on the fly (fonts with Vietnamese glyphs)."""
from __future__ import annotations

from pathlib import Path

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
]


def vietnamese_font() -> str:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    raise FileNotFoundError("Không tìm thấy phông chữ có dấu tiếng Việt (cần gói fonts-dejavu-core).")


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF with a text layer: one list of lines per page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("VietFont", vietnamese_font()))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        y = 800
        for line in lines:
            pdf.setFont("VietFont", 11)
            pdf.drawString(50, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return path


def make_pdf_without_text(path: Path) -> Path:
    """A PDF whose only page is a drawing: what a scan looks like to a text extractor."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(100, 400, 300, 200, fill=1)
    pdf.showPage()
    pdf.save()
    return path


def make_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None, after_table: list[str] = ()) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    for text in after_table:
        document.add_paragraph(text)
    document.save(str(path))
    return path


PLAN_LINES = [
    "ỦY BAN NHÂN DÂN",
    "HUYỆN THỬ NGHIỆM",
    "Số: 12/KH-UBND",
    "Thử Nghiệm, ngày 10 tháng 3 năm 2024",
    "KẾ HOẠCH",
    "Tổ chức phong trào thi đua chào mừng kỷ niệm ngày thành lập huyện",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "- Động viên cán bộ, công chức thi đua hoàn thành xuất sắc nhiệm vụ năm 2024.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Phòng Nội vụ",
    "- Tổng hợp hồ sơ đề nghị khen thưởng gửi Hội đồng Thi đua - Khen thưởng huyện trước ngày 15/11/2024.",
]

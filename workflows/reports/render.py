"""The report as PDF (reportlab, its charts from reportlab.graphics) and as .xlsx (openpyxl),
in one language per file.

Chinese needs a font: WenQuanYi Micro Hei (TrueType, shipped by the pinned PyPI package
`paperang-p2-fonts-cjk`, installed by requirements.txt) is embedded (subset) so every reader
shows the same glyphs; without that package reportlab's built-in CID font STSong-Light is used,
which names the font and leaves the glyphs to the reader's viewer.
"""

from __future__ import annotations

import io
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from .content import Chart, Report, Table

EMBEDDED = "WQYMicroHei"
CID = "STSong-Light"
SERIES = (colors.HexColor("#2563eb"), colors.HexColor("#94a3b8"), colors.HexColor("#f59e0b"))
PAGE_W = A4[0] - 30 * mm


@cache
def font() -> str:
    """The embedded TrueType font when its package is installed, else the CID font."""
    try:
        import paperang_p2_fonts_cjk as fonts  # the pinned font package (requirements.txt)

        path = Path(fonts.__file__).parent / "fonts" / "wqy-microhei.ttc"
        pdfmetrics.registerFont(TTFont(EMBEDDED, str(path), subfontIndex=0))
        return EMBEDDED
    except (ImportError, OSError):  # pragma: no cover - the fallback without the package
        pdfmetrics.registerFont(UnicodeCIDFont(CID))
        return CID


def fmt(value, kind: str) -> str:
    if value is None or value == "":
        return "—"
    if kind == "pct":
        return f"{value}%"
    if kind == "money":
        return f"{Decimal(value):,.2f}"
    if kind == "hours":
        return f"{Decimal(str(value)):,.1f}"
    if kind == "int":
        return f"{int(value):,}"
    return str(value)


def fmt_cell(value, kind: str, column: str = "") -> str:
    # An attainment or share is a level (84.0%), a change is signed (+12.5%).
    if kind == "pct" and value is not None:
        signed = column in (_("Change"),)
        return f"{value:+}%" if signed else f"{value}%"
    return fmt(value, kind)


def _short(value: float) -> str:
    zh = (get_language() or "").startswith("zh")
    units = ((1e8, "亿"), (1e4, "万")) if zh else ((1e9, "B"), (1e6, "M"), (1e3, "k"))
    for size, suffix in units:
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:,.0f}" if value == int(value) else f"{value:.1f}"


def _chart(chart: Chart, face: str) -> Drawing:
    width, height = PAGE_W, 62 * mm
    d = Drawing(width, height)
    bc = VerticalBarChart()
    many = len(chart.labels) > 6
    bc.x, bc.y = 48, 38 if many else 24
    bc.width, bc.height = width - 60, height - bc.y - 22
    bc.data = [values for _label, values in chart.series] or [[0]]
    room = max(6, int(60 / max(len(chart.labels), 1)))  # characters a label may take
    bc.categoryAxis.categoryNames = [
        (label[:room - 1] + "…") if len(label) > room else label
        for label in (str(x) for x in chart.labels)]
    bc.categoryAxis.labels.fontName = face
    bc.categoryAxis.labels.fontSize = 6.5
    if many:
        bc.categoryAxis.labels.angle = 30
        bc.categoryAxis.labels.boxAnchor = "ne"
        bc.categoryAxis.labels.dy = -2
    bc.valueAxis.labels.fontName = face
    bc.valueAxis.labels.fontSize = 6.5
    bc.valueAxis.labelTextFormat = _short
    bc.valueAxis.valueMin = 0
    top = max([max(v) for _label, v in chart.series if v] + [0])
    if top <= 0:
        bc.valueAxis.valueMax = 1
    bc.valueAxis.visibleGrid = True
    bc.valueAxis.gridStrokeColor = colors.HexColor("#e5e7eb")
    bc.barSpacing, bc.groupSpacing = 1, 6
    for i, _s in enumerate(chart.series):
        bc.bars[i].fillColor = SERIES[i % len(SERIES)]
        bc.bars[i].strokeColor = None
    d.add(bc)
    legend = Legend()
    legend.fontName, legend.fontSize = face, 7
    legend.x, legend.y = 48, height - 4
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.dx = legend.dy = 6
    legend.colorNamePairs = [(SERIES[i % len(SERIES)], str(label))
                             for i, (label, _v) in enumerate(chart.series)]
    d.add(legend)
    if not chart.labels:
        d.add(String(width / 2, height / 2, _("No data"), fontName=face, fontSize=8,
                     textAnchor="middle"))
    return d


def _table(t: Table, face: str, styles: dict) -> list:
    header = [Paragraph(str(c), styles["th" if kind == "text" else "thnum"])
              for c, kind in zip(t.columns, t.kinds, strict=False)]
    body = []
    for row in t.rows:
        cells = []
        for i, (value, kind) in enumerate(zip(row, t.kinds, strict=False)):
            text = fmt_cell(value, kind, str(t.columns[i]))
            cells.append(Paragraph(text, styles["td" if kind == "text" else "num"]))
        body.append(cells)
    if not body:
        body = [[Paragraph(_("Nothing in this period."), styles["td"])]
                + [""] * (len(t.columns) - 1)]
    n = len(t.columns)
    first = PAGE_W * (0.34 if n > 4 else 0.4)
    widths = [first] + [(PAGE_W - first) / max(n - 1, 1)] * (n - 1)
    table = PdfTable([header, *body], colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), face),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f1f5f9")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#94a3b8")),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#e2e8f0")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    out = []
    if t.title:
        out.append(Paragraph(str(t.title), styles["caption"]))
    out.append(table)
    # A short table stays on one page with its caption; a long one repeats its header.
    if len(body) <= 15:
        out = [KeepTogether(out)]
    return [*out, Spacer(1, 4 * mm)]


def pdf(report: Report, *, language: str) -> bytes:
    face = font()
    with override(language):
        styles = {
            "title": ParagraphStyle("t", fontName=face, fontSize=17, leading=22),
            "sub": ParagraphStyle("s", fontName=face, fontSize=9, leading=12,
                                  textColor=colors.HexColor("#475569")),
            "h": ParagraphStyle("h", fontName=face, fontSize=12.5, leading=16, spaceBefore=6,
                                spaceAfter=3, textColor=colors.HexColor("#0f172a")),
            "caption": ParagraphStyle("c", fontName=face, fontSize=8.5, leading=11,
                                      spaceAfter=2, textColor=colors.HexColor("#334155")),
            "note": ParagraphStyle("n", fontName=face, fontSize=8.5, leading=11,
                                   textColor=colors.HexColor("#b45309")),
            "th": ParagraphStyle("th", fontName=face, fontSize=7.5, leading=9.5),
            "thnum": ParagraphStyle("thnum", fontName=face, fontSize=7.5, leading=9.5,
                                    alignment=2),
            "td": ParagraphStyle("td", fontName=face, fontSize=7.5, leading=9.5),
            "num": ParagraphStyle("num", fontName=face, fontSize=7.5, leading=9.5,
                                  alignment=2),
        }
        story: list = [
            Paragraph(_("Monthly sales analysis report"), styles["title"]),
            Spacer(1, 2 * mm),
            Paragraph(_("Period: %(period)s · compared with %(previous)s (previous period) "
                        "and %(last_year)s (last year)")
                      % {"period": report.span.label(), "previous": report.previous.label(),
                         "last_year": report.last_year.label()}, styles["sub"]),
            Paragraph(_("Generated %(when)s (Asia/Shanghai). Amounts in CNY.")
                      % {"when": timezone.localtime().strftime("%Y-%m-%d %H:%M")},
                      styles["sub"]),
            Spacer(1, 4 * mm),
        ]
        for number, section in enumerate(report.sections, 1):
            story.append(CondPageBreak(90 * mm))
            head = [Paragraph(f"{number}. {section.title}", styles["h"])]
            if section.note:
                head.append(Paragraph(str(section.note), styles["note"]))
            if section.chart is not None and section.chart.labels:
                head.append(_chart(section.chart, face))
            story.append(KeepTogether(head))
            for t in section.tables:
                story.extend(_table(t, face, styles))
        buf = io.BytesIO()

        def footer(canvas, doc):
            canvas.saveState()
            canvas.setFont(face, 7)
            canvas.setFillColor(colors.HexColor("#64748b"))
            canvas.drawString(15 * mm, 8 * mm, f"Countersign · {report.span.label()}")
            canvas.drawRightString(A4[0] - 15 * mm, 8 * mm, str(doc.page))
            canvas.restoreState()

        doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                                topMargin=14 * mm, bottomMargin=14 * mm,
                                title=_("Monthly sales analysis report"), author="Countersign")
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
        return buf.getvalue()


def xlsx(report: Report, *, language: str) -> bytes:
    """One sheet per section; numbers as numbers (money to the fen), changes in percent; the
    section's first comparison table drawn as a native Excel bar chart beside it."""
    with override(language):
        wb = Workbook()
        wb.remove(wb.active)
        bold = Font(bold=True)
        for number, section in enumerate(report.sections, 1):
            ws = wb.create_sheet(f"{number}")
            ws.append([f"{number}. {section.title}"])
            ws["A1"].font = Font(bold=True, size=13)
            ws.append([report.span.label()])
            if section.note:
                ws.append([str(section.note)])
            charted = False
            for t in section.tables:
                ws.append([])
                if t.title:
                    ws.append([str(t.title)])
                ws.append([str(c) for c in t.columns])
                header = ws.max_row
                for cell in ws[header]:
                    cell.font = bold
                for row in t.rows:
                    ws.append([_xlsx_value(v, k) for v, k in zip(row, t.kinds, strict=False)])
                if not charted and t.rows and len(t.columns) == 6:
                    _xlsx_chart(ws, section, header, ws.max_row)
                    charted = True
            ws.column_dimensions["A"].width = 36
            for col in "BCDEFG":
                ws.column_dimensions[col].width = 16
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()


def _xlsx_chart(ws, section, header: int, last: int) -> None:
    """This period, previous period and last year (columns B, C, E) per row."""
    chart = BarChart()
    chart.title = str(section.title)
    chart.height, chart.width = 8, 18
    for col in (2, 3, 5):
        chart.add_data(Reference(ws, min_col=col, min_row=header, max_row=last),
                       titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=last))
    ws.add_chart(chart, "I2")


def _xlsx_value(value, kind: str):
    if value is None:
        return None
    if kind in ("money", "hours", "pct"):
        return float(value) if not isinstance(value, Decimal) else value
    if kind == "int":
        return int(value)
    return str(value)

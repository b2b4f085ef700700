"""Fictional reports (factory.py) drawn as PDF with reportlab, in the layouts published
reports come in: ruled tables in the template's merged layout, a table continued on the
next page with or without its header repeated, the 表三 group label written one
character per line down its merged cell, labels wrapped over several lines, page
numbers (``-3-``, ``— 3 —``), running headers, and tables drawn without lines.

The text uses reportlab's built-in CID font STSong-Light (no font file needed); pdfium
reads its characters through the font's standard CMap.
"""

from __future__ import annotations

import io

import factory as F
import html_factory as H

LAYOUTS = ("ruled", "repeat", "vertical", "dash-pages", "lineless")

_FONT = "STSong-Light"


def _styles():
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    body = ParagraphStyle("body", fontName=_FONT, fontSize=12, leading=20, firstLineIndent=24, wordWrap="CJK",
                          spaceAfter=4)
    return {
        "title": ParagraphStyle("title", fontName=_FONT, fontSize=18, leading=28, alignment=TA_CENTER, spaceAfter=12),
        "heading": ParagraphStyle("heading", parent=body, spaceBefore=6),
        "body": body,
        "cell": ParagraphStyle("cell", fontName=_FONT, fontSize=8, leading=10, wordWrap="CJK"),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _widths(name: str, columns: int) -> list[float]:
    if name == "requests":
        return [34, 64, 150] + [35] * 7
    if name == "review_litigation":
        return [33] * 15
    return [150, 110, 110, 110]


def table_rows(report: F.FictionalReport, name: str, layout: str) -> list[list[tuple[str, int, int]]]:
    """The template's merged grid; in the vertical layout the 表三 group label is written
    one character per line."""
    rows = H.table_grid(report, name)
    if layout == "vertical" and name == "requests":
        rows = [[("\n".join(t) if t == "三、本年度办理结果" else t, rs, cs) for t, rs, cs in row] for row in rows]
    return rows


def _flowable(report: F.FictionalReport, name: str, layout: str, st):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    if layout == "lineless":
        grid = [[c.replace("\n", "") for c in row] for row in H._full_grid(report, name)]
        width = max(len(r) for r in grid)
        data = [[Paragraph(_esc(c), st["cell"]) for c in row] + [""] * (width - len(row)) for row in grid]
        widths = {"requests": [250] + [33] * 7, "review_litigation": [33] * 15}.get(name, [160, 110, 110, 110])
        if name == "requests":
            data = [[Paragraph(_esc("".join(row[:3]) if len(row) == 10 else row[0]), st["cell"])] +
                    [Paragraph(_esc(c), st["cell"]) for c in row[-7:]] for row in grid]
        return Table(data, colWidths=widths[:width] if name != "requests" else widths)
    rows = table_rows(report, name, layout)
    columns = len(_widths(name, 0))
    taken: set[tuple[int, int]] = set()
    data = [[""] * columns for _ in rows]
    spans = []
    for r, row in enumerate(rows):
        c = 0
        for text, rs, cs in row:
            while (r, c) in taken:
                c += 1
            for dr in range(rs):
                for dc in range(cs):
                    taken.add((r + dr, c + dc))
            if "\n" in text and len(text.replace("\n", "")) == text.count("\n") + 1:
                data[r][c] = Paragraph("<br/>".join(_esc(ch) for ch in text.split("\n")), st["cell"])
            else:
                data[r][c] = Paragraph(_esc(text.replace("\n", "")), st["cell"])
            if rs > 1 or cs > 1:
                spans.append(("SPAN", (c, r), (c + cs - 1, r + rs - 1)))
            c += cs
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *spans]
    repeat = {"requests": 3, "review_litigation": 0, "active_disclosure": 0}[name] if layout == "repeat" else 0
    return Table(data, colWidths=_widths(name, columns), style=TableStyle(style), repeatRows=repeat)


def render_pdf(report: F.FictionalReport, layout: str = "ruled", *, lead_lines: int = 0) -> bytes:
    """The report as PDF bytes. ``lead_lines`` adds paragraphs before 表三 to move where
    the page breaks fall inside it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    st = _styles()
    out = io.BytesIO()
    page_mark = "— {} —" if layout in ("dash-pages", "repeat") else "-{}-"
    header = f"{report.organ}政府信息公开工作年度报告" if layout in ("repeat", "dash-pages") else ""

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont(_FONT, 9)
        canvas.drawCentredString(A4[0] / 2, 30, page_mark.format(doc.page))
        if header:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 36, header)
        canvas.restoreState()

    story = [Paragraph(_esc(report.title), st["title"])]

    def paragraph(text):
        return Paragraph(_esc(text), st["body"])

    def heading(text):
        return Paragraph(_esc(text), st["heading"])

    def table(name):
        items = []
        if name == "requests":
            items += [paragraph("本节说明收到和处理申请的情况。" * 6) for _ in range(lead_lines)]
        items.append(_flowable(report, name, layout, st))
        items.append(Spacer(1, 6))
        return items

    for item in F._body(report, table, paragraph, heading):
        story.extend(item if isinstance(item, list) else [item])
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=50, rightMargin=50, topMargin=60, bottomMargin=60,
                            title=report.title)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return out.getvalue()

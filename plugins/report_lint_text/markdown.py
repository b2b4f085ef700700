"""Markdown reports: ``#`` headings, paragraphs, pipe tables and raw HTML tables.

Consecutive lines form one paragraph (Markdown's own rule), which matters for text
extracted from PDFs with hard line breaks mid-sentence; the paragraph keeps the start
offset of each source line so findings still point at the exact line.
"""

from __future__ import annotations

import re

from report_lint.decoding import decode_text
from report_lint.document import Cell, Document, Heading, Paragraph, Table
from report_lint.location import Location

from .blocks import classify_line
from .html_table import read_table

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_EMPHASIS = re.compile(r"^(\*\*|__)(.+)\1$")
_BR = re.compile(r"<br\s*/?>", re.I)
_HTML_TABLE = re.compile(r"<table\b", re.I)
_HTML_TABLE_END = re.compile(r"</table\s*>", re.I)


def parse(data: bytes, path: str) -> Document:
    text, encoding = decode_text(data, path)
    doc = Document(source_path=path, source_format="markdown", properties={"encoding": encoding})
    lines = text.splitlines()
    para: list[tuple[int, str]] = []
    table: list[tuple[int, str]] = []
    seen_text = False

    def flush_para():
        nonlocal para, seen_text
        if not para:
            return
        if len(para) == 1:
            block = classify_line(para[0][1], Location(line=para[0][0]), first=not seen_text)
        else:
            joined, offsets = "", []
            for _, line_text in para:
                offsets.append(len(joined))
                joined += line_text
            block = Paragraph(joined, Location(line=para[0][0], end_line=para[-1][0]))
            block.line_offsets = [(off, num) for off, (num, _) in zip(offsets, para)]
        doc.blocks.append(block)
        seen_text = True
        para = []

    def flush_table():
        nonlocal table
        if not table:
            return
        index = len(doc.tables()) + 1
        rows: list[list[Cell]] = []
        for number, line in table:
            if _SEPARATOR.match(line):
                continue
            cells = _split_row(line)
            rows.append([Cell(_BR.sub("\n", c), Location(line=number, table=index, row=len(rows) + 1, col=j + 1))
                         for j, c in enumerate(cells)])
        if rows:
            doc.blocks.append(Table(rows, Location(line=table[0][0], end_line=table[-1][0], table=index), index=index))
        table = []

    html: list[tuple[int, str]] = []  # the lines of a raw HTML table, until its </table>
    open_tables = 0  # tables may nest: the outermost one ends the block

    def flush_html():
        nonlocal html
        if html:
            block = read_table(html, len(doc.tables()) + 1)
            if block is not None:
                doc.blocks.append(block)
            html = []

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if html or _HTML_TABLE.match(line):
            flush_para()
            flush_table()
            html.append((number, raw))
            open_tables += len(_HTML_TABLE.findall(line)) - len(_HTML_TABLE_END.findall(line))
            if open_tables <= 0:
                open_tables = 0
                flush_html()
            continue
        if line.startswith("|"):
            flush_para()
            table.append((number, line))
            continue
        flush_table()
        if not line:
            flush_para()
            continue
        m = _HEADING.match(line)
        if m:
            flush_para()
            doc.blocks.append(Heading(_strip_emphasis(m.group(2)), len(m.group(1)), Location(line=number)))
            seen_text = True
            continue
        line = _strip_emphasis(line)
        if isinstance(classify_line(line, Location(line=number)), Heading):
            flush_para()  # PDF extractions put numbered headings on their own line, without a blank
            doc.blocks.append(classify_line(line, Location(line=number)))
            seen_text = True
            continue
        para.append((number, line))
    flush_html()  # a table left open at the end of the file: read as far as it goes
    flush_table()
    flush_para()
    from .plaintext import needs_recovery

    if needs_recovery(doc):  # a crawler's Markdown dump: table rows run together as text
        from report_lint import flattened

        flattened.recover(doc, columns=True)
    return doc


def _strip_emphasis(text: str) -> str:
    m = _EMPHASIS.match(text)
    return m.group(2).strip() if m else text


def _split_row(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells, current, escaped = [], "", False
    for ch in body:
        if escaped:
            current += ch
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "|":
            cells.append(current.strip())
            current = ""
        else:
            current += ch
    cells.append(current.strip())
    return cells

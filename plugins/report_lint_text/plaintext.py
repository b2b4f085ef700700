"""Plain-text reports: one paragraph per line, tables as tab-indented cell lines.

The layout read here is what Word-to-text tools produce: each table cell on its own line
starting with a TAB, a blank line between rows, a cell's further lines following
without a tab, merged cells flattened into empty cells. A line with tabs *inside* it
("label<TAB>1<TAB>2") is also read as one table row, for tab-separated exports, and so is
a line that starts with empty cells but fills two or more ("<TAB><TAB>1.属于国家秘密<TAB>0",
a row under merged labels copied from Excel or WPS).

Crawler text is read too: a page dump may start with a block of ``key: value`` lines
(title, publication time, URL) closed by a ``==== 正文 ====`` line, and its body may run
headings, paragraphs and table cells together on one line; ``report_lint.flattened``
takes those apart.
"""

from __future__ import annotations

import re

from report_lint.decoding import decode_text
from report_lint.document import Cell, Document, Heading, Paragraph, Table
from report_lint.location import Location

from .blocks import classify_line

# Signs of crawler text: digits run on from a label (cells run together, perhaps after one
# space or line break), six or more numbers in a row separated only by spaces, pipes or line
# breaks (a row flattened with separators, or one cell per line), or a section heading run
# on after a sentence. Anything else needs no recovery. Looked for in headings too: a
# flattened row that starts with its ordinal (一、 （一） 1.) is classified as a heading.
_RUN_TOGETHER = re.compile(r"[^\x00-\x7f]\s?[0-9０-９]{6,}|[0-9０-９]+(?:[\s|｜]+[0-9０-９]+){5,}"
                           r"|[。；][ \t]*[一二三四五六]、")
_SECTION_START = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*、)")
_BODY_MARK = re.compile(r"^\s*[=＝\-]{3,}\s*正文\s*[=＝\-]{3,}\s*$")
_META_LINE = re.compile(r"^\s*(?P<key>[^:：]{1,12})\s*[:：]\s*(?P<value>.*?)\s*$")
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})")
MAX_META_LINES = 30


def needs_recovery(doc: Document) -> bool:
    """Whether the text blocks of ``doc`` show signs of run-together tables or headings."""
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph) or isinstance(b, Heading) and b.level > 0]
    return _RUN_TOGETHER.search("\n".join(texts)) is not None


def parse(data: bytes, path: str) -> Document:
    text, encoding = decode_text(data, path)
    doc = Document(source_path=path, source_format="text", properties={"encoding": encoding})
    lines = text.splitlines()
    skip = _crawler_header(lines, doc)
    builder = _TableBuilder(doc)
    seen_text = bool(doc.blocks)
    prev_kind = "blank"  # blank | cell | row | text
    for number, line in enumerate(lines, start=1):
        if number <= skip:
            continue
        stripped = line.strip()
        if line.startswith("\t") and _filled_cells(line) >= 2:
            # a tab-separated row whose first cells are empty (merged label cells of a table
            # copied from Excel or WPS): a row of its own, not one tab-indented cell
            builder.row_line(line.rstrip().split("\t"), number)
            prev_kind = "row"
            continue
        if line.startswith("\t"):
            builder.cell_line(line[1:], number)
            prev_kind = "cell"
            continue
        if "\t" in stripped and len([p for p in stripped.split("\t")]) >= 2:
            builder.row_line(stripped.split("\t"), number)
            prev_kind = "row"
            continue
        if not stripped:
            if builder.active:
                builder.end_row()
            prev_kind = "blank"
            continue
        if prev_kind == "cell" and builder.active and not _SECTION_START.match(stripped) and len(stripped) <= 60:
            builder.continue_cell(line, number)
            continue
        builder.end_table()
        block = classify_line(stripped, Location(line=number), first=not seen_text)
        doc.blocks.append(block)
        seen_text = True
        prev_kind = "text"
    builder.end_table()
    if needs_recovery(doc):
        from report_lint import flattened  # only crawler text needs it (and its regexes cost start-up)

        flattened.recover(doc, columns=True)
    return doc


def _filled_cells(line: str) -> int:
    return sum(1 for part in line.split("\t") if part.strip())


def _crawler_header(lines: list[str], doc: Document) -> int:
    """The crawler's metadata lines before a ``==== 正文 ====`` mark: the title becomes
    the document's title, the publication date a property; the number of lines to skip."""
    end = next((i for i, line in enumerate(lines[:MAX_META_LINES]) if _BODY_MARK.match(line)), None)
    if end is None:
        return 0
    for number, line in enumerate(lines[:end], start=1):
        m = _META_LINE.match(line)
        if not m or not m.group("value"):
            continue
        key, value = m.group("key").strip(), m.group("value")
        if key in ("标题", "题名", "名称") and not doc.blocks:
            column = line.index(value) + 1
            doc.blocks.append(Heading(value, 0, Location(line=number, column=column)))
        elif key in ("发布时间", "发布日期", "成文日期", "日期", "时间") and "published" not in doc.properties:
            d = _DATE.search(value)
            if d:
                doc.properties["published"] = f"{d.group('y')}-{int(d.group('m')):02d}-{int(d.group('d')):02d}"
        elif key in ("原文链接", "链接", "网址", "来源链接") and value.startswith(("http://", "https://")):
            doc.properties["source_url"] = value
    return end + 1


class _TableBuilder:
    """Accumulates cell lines into rows and rows into a Table block."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.rows: list[list[Cell]] = []
        self.row: list[Cell] = []
        self.start_line = 0
        self.active = False
        self.count = 0

    def _start(self, number: int) -> None:
        if not self.active:
            self.active = True
            self.rows, self.row = [], []
            self.start_line = number

    def _cell(self, text: str, number: int) -> Cell:
        return Cell(text, Location(line=number, table=self.count + 1, row=len(self.rows) + 1, col=len(self.row) + 1))

    def cell_line(self, text: str, number: int) -> None:
        self._start(number)
        for part in text.split("\t"):
            self.row.append(self._cell(part, number))

    def row_line(self, parts: list[str], number: int) -> None:
        self._start(number)
        self.end_row()
        for part in parts:
            self.row.append(self._cell(part, number))
        self.end_row()

    def continue_cell(self, text: str, number: int) -> None:
        last = self.row[-1]
        last.text = f"{last.text}\n{text}" if last.text else text
        last.location = Location(line=last.location.line, end_line=number, table=last.location.table,
                                 row=last.location.row, col=last.location.col)

    def end_row(self) -> None:
        if self.row:
            self.rows.append(self.row)
            self.row = []

    def end_table(self) -> None:
        if not self.active:
            return
        self.end_row()
        self.active = False
        if self.rows:
            self.count += 1
            last_line = max((c.location.end_line or c.location.line or 0) for r in self.rows for c in r)
            self.doc.blocks.append(Table(self.rows, Location(line=self.start_line, end_line=last_line, table=self.count),
                                         index=self.count))
        self.rows = []

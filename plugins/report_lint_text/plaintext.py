"""Plain-text reports: one paragraph per line, tables as tab-indented cell lines.

The layout read here is what Word-to-text tools produce: each table cell on its own line
starting with a TAB, a blank line between rows, a cell's further lines following
without a tab, merged cells flattened into empty cells. A line with tabs *inside* it
("label<TAB>1<TAB>2") is also read as one table row, for tab-separated exports.
"""

from __future__ import annotations

import re

from report_lint.decoding import decode_text
from report_lint.document import Cell, Document, Table
from report_lint.location import Location

from .blocks import classify_line

_SECTION_START = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*、)")


def parse(data: bytes, path: str) -> Document:
    text, encoding = decode_text(data, path)
    doc = Document(source_path=path, source_format="text", properties={"encoding": encoding})
    lines = text.splitlines()
    builder = _TableBuilder(doc)
    seen_text = False
    prev_kind = "blank"  # blank | cell | row | text
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
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
    return doc


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

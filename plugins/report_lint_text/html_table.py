"""A raw HTML ``<table>`` inside Markdown → a Table block.

Pandoc and other converters write a table with merged cells as HTML, since pipe tables
cannot merge; a 表三 there is the whole table. Read with the standard library's
tokenizer, so the text plugin needs no HTML library: rows of the outermost table only,
``td``/``th`` closed by the next cell or row when the markup leaves them open, ``<br>``
and ``<p>`` a line break, whitespace collapsed, spans expanded by the core's
``grid_from_spans`` after clamping (a hostile ``rowspan`` must not allocate millions of
cells).
"""

from __future__ import annotations

from html.parser import HTMLParser

from report_lint.document import Cell, Table, grid_from_spans
from report_lint.location import Location

MAX_SPAN = 100  # the template's widest table has 15 columns, its longest 28 rows
MAX_CELLS = 100_000  # far above any report table: beyond, the table is not read


class _Rows(HTMLParser):
    """(text, rowspan, colspan, line) of each cell, row by row."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, int, int, int]]] = []
        self.depth = 0
        self.cell: list | None = None  # [parts, rowspan, colspan, line]

    def end_cell(self) -> None:
        if self.cell is not None:
            parts, rowspan, colspan, line = self.cell
            text = "\n".join(" ".join(p.split()) for p in "".join(parts).split("\n")).strip("\n")
            self.rows[-1].append((text, rowspan, colspan, line))
            self.cell = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "table":
            self.depth += 1
        if self.depth != 1:
            return
        if tag == "tr":
            self.end_cell()
            self.rows.append([])
        elif tag in ("td", "th"):
            self.end_cell()
            if not self.rows:
                self.rows.append([])
            given = dict(attrs)
            self.cell = [[], _span(given.get("rowspan")), _span(given.get("colspan")), self.getpos()[0]]
        elif tag in ("br", "p", "div") and self.cell is not None:
            self.cell[0].append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            if self.depth == 1:
                self.end_cell()
            self.depth = max(self.depth - 1, 0)
        elif self.depth == 1 and tag in ("td", "th", "tr"):
            self.end_cell()

    def handle_data(self, data: str) -> None:
        if self.cell is not None and self.depth == 1:
            self.cell[0].append(data.replace("\xa0", " "))


def _span(value: str | None) -> int:
    digits = (value or "").strip()[:6]
    return min(max(int(digits), 1), MAX_SPAN) if digits.isdigit() else 1


def read_table(lines: list[tuple[int, str]], index: int) -> Table | None:
    """The table written on ``lines`` (line number, text), or None when it has no cell
    or more than ``MAX_CELLS``."""
    parser = _Rows()
    parser.feed("\n".join(text for _, text in lines))
    parser.close()
    parser.end_cell()  # a cell still open where the markup ended
    first = lines[0][0]
    rows = [row for row in parser.rows if row]
    width = max((sum(colspan for _, _, colspan, _ in row) for row in rows), default=0)
    if not rows or len(rows) * width > MAX_CELLS:
        return None
    raw = [[Cell(text, Location(line=first + line - 1), rowspan, colspan) for text, rowspan, colspan, line in row]
           for row in rows]

    def locate(r: int, c: int, cell: Cell | None) -> Location:
        line = cell.location.line if cell is not None else first
        return Location(line=line, table=index, row=r + 1, col=c + 1)

    return Table(grid_from_spans(raw, locate), Location(line=first, end_line=lines[-1][0], table=index), index=index)

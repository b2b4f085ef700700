"""The format-neutral Document that every parser produces.

Parsers know nothing about annual reports: they only say which text is a heading, a
paragraph or a table, and where it came from. Tables are full grids: a merged cell
appears at every grid position it covers, with ``span_origin`` pointing to its
top-left position, so consumers never have to resolve spans themselves.
"""

from __future__ import annotations

from typing import Union

from .location import Location


class _Slots:
    """Plain slotted classes rather than dataclasses: these are defined on every run,
    and a dataclass costs about half a millisecond to create (benchmarks/startup.py)."""

    __slots__ = ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({shown})"


class Cell(_Slots):
    __slots__ = ("text", "location", "rowspan", "colspan", "span_origin")

    def __init__(self, text: str, location: Location | None = None, rowspan: int = 1, colspan: int = 1,
                 span_origin: tuple[int, int] | None = None):
        self.text = text
        self.location = location if location is not None else Location()
        self.rowspan = rowspan
        self.colspan = colspan
        self.span_origin = span_origin  # set on the copies a merge creates

    @property
    def is_span_copy(self) -> bool:
        return self.span_origin is not None


class Heading(_Slots):
    __slots__ = ("text", "level", "location")

    def __init__(self, text: str, level: int = 1, location: Location | None = None):
        self.text = text
        self.level = level
        self.location = location if location is not None else Location()


class Paragraph(_Slots):
    __slots__ = ("text", "location", "line_offsets")

    def __init__(self, text: str, location: Location | None = None,
                 line_offsets: list[tuple[int, int]] | None = None):
        self.text = text
        self.location = location if location is not None else Location()
        # (offset in text, source line) for paragraphs joined from several lines
        self.line_offsets = line_offsets


class Table(_Slots):
    __slots__ = ("rows", "location", "index")

    def __init__(self, rows: list[list[Cell]], location: Location | None = None, index: int = 0):
        self.rows = rows
        self.location = location if location is not None else Location()
        self.index = index  # 1-based position among the document's tables

    def texts(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.rows]

    def all_text(self) -> str:
        # a list, not a generator, and the slot rather than the property: read for every
        # table twice per report (template version, table kind)
        return "".join([c.text for row in self.rows for c in row if c.span_origin is None])


Block = Union[Heading, Paragraph, Table]


class ParseProblem(_Slots):
    """Something the parser could not read; becomes a ``parse`` finding."""

    __slots__ = ("message_zh", "message_en", "location", "severity")

    def __init__(self, message_zh: str, message_en: str, location: Location | None = None, severity: str = "warning"):
        self.message_zh = message_zh
        self.message_en = message_en
        self.location = location if location is not None else Location()
        self.severity = severity


class Mark(_Slots):
    """Something the source carries besides its text that a reader should know of:
    a tracked change (``revision.insertion``, ``revision.deletion``), a comment
    (``comment``). Becomes a Report fact of the same kind, for rules to report."""

    __slots__ = ("kind", "text", "location", "author")

    def __init__(self, kind: str, text: str, location: Location | None = None, author: str | None = None):
        self.kind = kind
        self.text = text
        self.location = location if location is not None else Location()
        self.author = author


class Document(_Slots):
    __slots__ = ("blocks", "source_path", "source_format", "properties", "problems", "marks")

    def __init__(self, blocks: list[Block] | None = None, source_path: str = "", source_format: str = "",
                 properties: dict[str, str] | None = None, problems: list[ParseProblem] | None = None,
                 marks: list[Mark] | None = None):
        self.blocks = blocks if blocks is not None else []
        self.source_path = source_path
        self.source_format = source_format
        self.properties = properties if properties is not None else {}  # title, created, modified, …
        self.problems = problems if problems is not None else []
        self.marks = marks if marks is not None else []

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


def grid_from_spans(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Expand cells carrying rowspan/colspan into a rectangular grid.

    Shared by every parser whose format declares spans (Markdown has none, HTML and
    docx do): each covered position gets a copy marked with ``span_origin``.
    """
    grid: dict[tuple[int, int], Cell] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            if cell.rowspan <= 1 and cell.colspan <= 1:  # most cells: one position, free (see above)
                grid[(r, c)] = cell
                c += 1
                if c > width:
                    width = c
                continue
            for dr in range(max(cell.rowspan, 1)):
                for dc in range(max(cell.colspan, 1)):
                    pos = (r + dr, c + dc)
                    if pos in grid:
                        continue
                    if dr == 0 and dc == 0:
                        grid[pos] = cell
                    else:
                        grid[pos] = Cell(cell.text, cell.location, 1, 1, (r, c))
            c += max(cell.colspan, 1)
            width = max(width, c)
    height = max((r for r, _ in grid), default=-1) + 1
    out: list[list[Cell]] = []
    for r in range(height):
        row = []
        for c in range(width):
            cell = grid.get((r, c))
            row.append(cell if cell is not None else Cell("", Location()))  # a hole in a ragged table
        out.append(row)
    return out

"""The format-neutral Document that every parser produces.

Parsers know nothing about annual reports: they only say which text is a heading, a
paragraph or a table, and where it came from. Tables are full grids: a merged cell
appears at every grid position it covers, with ``span_origin`` pointing to its
top-left position, so consumers never have to resolve spans themselves.
"""

from __future__ import annotations

from typing import Callable, Union

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

    __slots__ = ("message_zh", "message_en", "location", "severity", "unreadable")

    def __init__(self, message_zh: str, message_en: str, location: Location | None = None, severity: str = "warning",
                 unreadable: str | None = None):
        self.message_zh = message_zh
        self.message_en = message_en
        self.location = location if location is not None else Location()
        self.severity = severity
        # The canonical row (or table) this says is present and consistent but unreadable,
        # as run-together digits that several splits fit: tables-present leaves it to this.
        self.unreadable = unreadable


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


def grid_from_spans(rows: list[list[Cell]],
                    locate: Callable[[int, int, Cell | None], Location] | None = None) -> list[list[Cell]]:
    """Expand cells carrying rowspan/colspan into a rectangular grid.

    Shared by every parser whose format declares spans (Markdown has none, HTML and
    docx do): each covered position gets a copy marked with ``span_origin``. Rows are
    filled as lists (None: not yet covered), so a plain cell costs an append.

    ``locate(row, col, cell)``, when given, is the Location of each cell of ``rows`` at
    the position it lands on (asked as it is placed, so its copies share it) and of
    each hole (``cell`` None): a parser that records grid positions needs no second
    pass over the grid.
    """
    out: list[list[Cell | None]] = [[] for _ in rows]
    for r, row in enumerate(rows):
        line = out[r]
        c = 0
        for cell in row:
            while c < len(line) and line[c] is not None:
                c += 1
            if locate is not None:
                cell.location = locate(r, c, cell)
            rowspan, colspan = cell.rowspan, cell.colspan
            if rowspan <= 1 and colspan <= 1:  # most cells: one position
                if c == len(line):
                    line.append(cell)
                else:
                    _put(line, c, cell)
                c += 1
                continue
            rowspan, colspan = max(rowspan, 1), max(colspan, 1)
            while len(out) < r + rowspan:
                out.append([])
            for dr in range(rowspan):
                target = out[r + dr]
                for dc in range(colspan):
                    pos = c + dc
                    if pos < len(target) and target[pos] is not None:
                        continue
                    _put(target, pos, cell if dr == 0 and dc == 0 else Cell(cell.text, cell.location, 1, 1, (r, c)))
            c += colspan
    while out and not any(cell is not None for cell in out[-1]):
        out.pop()  # rows named by no cell (an empty <tr>) at the end carry nothing
    width = max((len(line) for line in out), default=0)
    for r, line in enumerate(out):
        line.extend([None] * (width - len(line)))
        if None in line:
            for c, cell in enumerate(line):
                if cell is None:  # a hole in a ragged table
                    line[c] = Cell("", locate(r, c, None) if locate is not None else Location())
    return out  # type: ignore[return-value]


def _put(line: list, pos: int, cell: Cell) -> None:
    if pos == len(line):
        line.append(cell)
        return
    if pos > len(line):
        line.extend([None] * (pos - len(line)))
        line.append(cell)
        return
    line[pos] = cell

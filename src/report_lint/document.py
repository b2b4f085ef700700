"""The format-neutral Document that every parser produces.

Parsers know nothing about annual reports: they only say which text is a heading, a
paragraph or a table, and where it came from. Tables are full grids: a merged cell
appears at every grid position it covers, with ``span_origin`` pointing to its
top-left position, so consumers never have to resolve spans themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from .location import Location


@dataclass(eq=False)  # compared by content nowhere; cheaper to define
class Cell:
    text: str
    location: Location = field(default_factory=Location)
    rowspan: int = 1
    colspan: int = 1
    span_origin: tuple[int, int] | None = None  # set on the copies a merge creates

    @property
    def is_span_copy(self) -> bool:
        return self.span_origin is not None


@dataclass(eq=False)  # compared by content nowhere; cheaper to define
class Heading:
    text: str
    level: int = 1
    location: Location = field(default_factory=Location)


@dataclass(eq=False)  # compared by content nowhere; cheaper to define
class Paragraph:
    text: str
    location: Location = field(default_factory=Location)
    # (offset in text, source line) for paragraphs joined from several lines
    line_offsets: list[tuple[int, int]] | None = None


@dataclass(eq=False)  # compared by content nowhere; cheaper to define
class Table:
    rows: list[list[Cell]]
    location: Location = field(default_factory=Location)
    index: int = 0  # 1-based position among the document's tables

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    def texts(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.rows]

    def all_text(self) -> str:
        return "".join(c.text for row in self.rows for c in row if not c.is_span_copy)


Block = Union[Heading, Paragraph, Table]


@dataclass(eq=False)  # compared by content nowhere; cheaper to define
class ParseProblem:
    """Something the parser could not read; becomes a ``parse`` finding."""

    message_zh: str
    message_en: str
    location: Location = field(default_factory=Location)
    severity: str = "warning"


@dataclass(eq=False)  # compared by content nowhere; cheaper to define
class Mark:
    """Something the source carries besides its text that a reader should know of:
    a tracked change (``revision.insertion``, ``revision.deletion``), a comment
    (``comment``). Becomes a Report fact of the same kind, for rules to report."""

    kind: str
    text: str
    location: Location = field(default_factory=Location)
    author: str | None = None


@dataclass(eq=False)  # compared by content nowhere; cheaper to define
class Document:
    blocks: list[Block] = field(default_factory=list)
    source_path: str = ""
    source_format: str = ""
    properties: dict[str, str] = field(default_factory=dict)  # title, created, modified, …
    problems: list[ParseProblem] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)

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
        out.append([grid.get((r, c), Cell("", Location())) for c in range(width)])
    return out

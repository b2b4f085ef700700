"""Reading order: page lines and tables into the Document's blocks.

Within a page, lines and tables follow each other from top to bottom. A paragraph
ends where the next line is indented, where a line stops short of the right margin,
where the gap or the type size changes; it continues across a page break when the last
line of the page runs to the margin and the next page does not start indented. A
table that ends a page and one that starts the next with the same outer edges are one
table: its header, when the next page repeats it, is read once.
"""

from __future__ import annotations

import re
from collections import Counter

from report_lint.document import Cell, Paragraph, Table
from report_lint.location import Location

from .grid import PageTable, Region, _distinct
from .text import Line, join_lines

EDGE = 4.0  # outer edges of a continued table may differ this much
_NUMBER = re.compile(r"^\s*[-+]?[0-9０-９][0-9０-９.,，．]*\s*$")


class Page:
    """What one page holds once furniture is gone: lines and tables, top to bottom."""

    __slots__ = ("number", "width", "height", "items")

    def __init__(self, number: int, width: float, height: float, lines: list[Line], tables: list[PageTable]):
        self.number = number
        self.width = width
        self.height = height
        items: list = [*lines, *tables]
        items.sort(key=lambda it: it.top if isinstance(it, Line) else it.bbox[1])
        self.items = items


def _margins(pages: list[Page]) -> tuple[float, float]:
    """The body's left and right margins: where most lines start and end."""
    starts, ends = Counter(), Counter()
    for page in pages:
        for it in page.items:
            if isinstance(it, Line) and len(it.glyphs) >= 8:
                starts[round(it.x0)] += 1
                ends[round(it.x1)] += 1
    if not starts:
        width = pages[0].width if pages else 595.0
        return 72.0, width - 72.0
    left = min(x for x, n in starts.items() if n >= max(starts.values()) / 3)
    right = max(x for x, n in ends.items() if n >= max(ends.values()) / 3)
    return float(left), float(right)


def build_blocks(pages: list[Page]) -> list:
    """Blocks in reading order: Paragraph and Table (headings are decided later)."""
    left, right = _margins(pages)
    flow: list = []  # (page, item, first_on_page, last_on_page)
    for page in pages:
        n = len(page.items)
        for i, it in enumerate(page.items):
            flow.append((page, it, i == 0, i == n - 1))

    blocks: list = []
    para: list[tuple[Page, Line]] = []
    parts: list[PageTable] = []
    parts_end_page = False

    def flush_para():
        if para:
            blocks.append(_paragraph(para))
            para.clear()

    def flush_table():
        nonlocal parts_end_page
        if parts:
            blocks.extend(_table_or_text(list(parts)))
            parts.clear()
        parts_end_page = False

    for page, it, first, last in flow:
        if isinstance(it, PageTable):
            flush_para()
            if parts and parts_end_page and first and _continues(parts[-1], it):
                parts.append(it)
            else:
                flush_table()
                parts.append(it)
            parts_end_page = last
            continue
        if parts:
            flush_table()
        if para and _breaks(para[-1], (page, it), left, right):
            flush_para()
        para.append((page, it))
    flush_para()
    flush_table()
    return blocks


def _breaks(prev: tuple[Page, Line], cur: tuple[Page, Line], left: float, right: float) -> bool:
    """Whether ``cur`` starts a new paragraph after ``prev``."""
    (p_page, a), (c_page, b) = prev, cur
    size = max(min(a.size, b.size), 1.0)
    if max(a.size, b.size) > 1.3 * min(a.size, b.size):  # another type size (ink heights vary a little)
        return True
    centred_a = a.x0 > left + 1.2 * size and a.x1 < right - size
    centred_b = b.x0 > left + 1.2 * size and b.x1 < right - size
    if centred_a and centred_b and abs((a.x0 + a.x1) - (b.x0 + b.x1)) < 2 * size and p_page is c_page:
        return b.top - a.bottom > 1.2 * size  # a centred title wrapped over two lines
    if b.x0 > left + 1.2 * size:  # indented, or centred
        return True
    if centred_a:
        return True
    if a.x1 < right - 1.5 * size and a.x1 + _first_word(b) < right:  # stopped short, not for a long word
        return True
    if p_page is c_page:
        gap = b.top - a.bottom
        if gap > 1.2 * size or gap < -0.5 * size:
            return True
    return False


def _first_word(line: Line) -> float:
    """Width of what the line starts with that could not be broken: a Latin word, or
    one CJK character (with the punctuation that may not start a line)."""
    glyphs = line.glyphs
    end = 0
    if glyphs[0].text.isascii():
        while end + 1 < len(glyphs) and glyphs[end + 1].text.isascii() and not glyphs[end + 1].spaced:
            end += 1
    while end + 1 < len(glyphs) and glyphs[end + 1].text in "，。、；：？！）》”’":
        end += 1
    return glyphs[end].x1 - glyphs[0].x0


def _paragraph(lines: list[tuple[Page, Line]]) -> Paragraph:
    page = lines[0][0]
    on_first = [l for p, l in lines if p is page]
    bbox = (min(l.x0 for l in on_first), min(l.top for l in on_first),
            max(l.x1 for l in on_first), max(l.bottom for l in on_first))
    text = join_lines([l for _, l in lines])
    return Paragraph(text, Location(page=page.number, bbox=_round(bbox)))


def _round(bbox) -> tuple[float, float, float, float]:
    return tuple(round(v, 1) for v in bbox)


def _continues(prev: PageTable, nxt: PageTable) -> bool:
    return (nxt.page == prev.page + 1 and abs(prev.xs[0] - nxt.xs[0]) <= EDGE
            and abs(prev.xs[-1] - nxt.xs[-1]) <= EDGE)


def _table_or_text(parts: list[PageTable]) -> list:
    """A table, or (a framed box of one cell, not continued) its text as a paragraph."""
    if len(parts) == 1 and len(parts[0].regions) <= 1:
        t = parts[0]
        text = t.regions[0].text if t.regions else ""
        return [Paragraph(text, Location(page=t.page, bbox=_round(t.bbox)))] if text else []
    return [_table(parts)]


def _table(parts: list[PageTable]) -> Table:
    """One Table from a page table and its continuations: columns are the union of the
    parts' column edges; a header repeated on a later page is read once."""
    xs = _distinct([x for p in parts for x in p.xs])

    def col(x: float) -> int:
        return min(range(len(xs)), key=lambda i: abs(xs[i] - x))

    placed: list[list] = []  # [r0, c0, r1, c1, text, region]
    offset = 0
    first = parts[0]
    for k, part in enumerate(parts):
        skip = _repeated_header(first, part) if k else 0
        rows = len(part.ys) - 1
        bottom = {(p[1], p[3]): p for p in placed if p[2] == offset} if k and not skip else {}
        for reg in part.regions:
            if reg.r0 < skip:
                continue
            c0, c1 = col(part.xs[reg.c0]), col(part.xs[reg.c1])
            r0, r1 = reg.r0 - skip + offset, reg.r1 - skip + offset
            above = bottom.get((c0, c1)) if reg.r0 == 0 else None
            if above is not None and _one_cell(above, reg):
                above[2] = r1
                above[4] = above[4] + reg.text
                continue
            placed.append([r0, c0, r1, c1, reg.text, reg])
        offset += rows - skip
    width = len(xs) - 1
    grid: list[list[Cell | None]] = [[None] * width for _ in range(offset)]
    for r0, c0, r1, c1, text, reg in placed:
        c1 = max(c1, c0 + 1)
        loc = Location(page=reg.page, row=r0 + 1, col=c0 + 1, bbox=_round(reg.bbox))
        origin = Cell(text, loc, r1 - r0, c1 - c0)
        for r in range(r0, min(r1, offset)):
            for c in range(c0, min(c1, width)):
                if grid[r][c] is None:
                    grid[r][c] = origin if (r, c) == (r0, c0) else Cell(text, loc, 1, 1, (r0, c0))
    rows = [[c if c is not None else Cell("", Location(page=first.page)) for c in row] for row in grid]
    return Table(rows, Location(page=first.page, bbox=_round(first.bbox)))


def _one_cell(above: list, below: Region) -> bool:
    """Whether the cell ending a page and the one starting the next are one merged cell
    cut by the page break: a label spanning rows on either side (a one-row cell on both
    sides may be two rows, and numbers are never joined)."""
    if above[2] - above[0] <= 1 and below.r1 - below.r0 <= 1:
        return False
    return not (_NUMBER.match(above[4]) or _NUMBER.match(below.text))


def _repeated_header(first: PageTable, part: PageTable) -> int:
    """How many of ``part``'s first rows repeat ``first``'s first rows."""
    n = 0
    limit = min(len(first.ys), len(part.ys)) - 2
    while n < limit:
        a, b = first.row_texts(n), part.row_texts(n)
        if not b or a != b or not any(b):
            break
        n += 1
    return n

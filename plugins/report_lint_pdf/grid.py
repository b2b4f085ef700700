"""Ruled tables rebuilt from their drawn lines, then filled with the characters.

The lines that touch each other form one table. Their distinct x and y positions cut
the table into elementary cells; two neighbouring cells are one merged cell where no
line is drawn between them. Every character goes to the cell its middle lies in, so a
label written one character per line down a merged cell, or wrapped over three lines,
reads as one text. The result keeps the geometry (``PageTable``) so that a table
continued on the next page can be joined to it before the grid is made.
"""

from __future__ import annotations

from bisect import bisect_right

from .chars import Glyph
from .ruling import Rules
from .text import group_lines, join_lines

SNAP = 2.0  # positions closer than this are one line
MIN_CELL = 4.0  # rows or columns thinner than this are the double edge of one border
COVER = 0.6  # a border exists where a line covers this share of the cell's side


class Region:
    """A cell of a page table: grid rows r0..r1 and columns c0..c1 (end exclusive)."""

    __slots__ = ("r0", "c0", "r1", "c1", "glyphs", "text", "bbox", "page")

    def __init__(self, r0: int, c0: int, r1: int, c1: int, bbox, page: int):
        self.r0, self.c0, self.r1, self.c1 = r0, c0, r1, c1
        self.glyphs: list[Glyph] = []
        self.text = ""
        self.bbox = bbox
        self.page = page


class PageTable:
    """One table on one page: column edges ``xs``, row edges ``ys`` and its cells."""

    __slots__ = ("page", "xs", "ys", "regions", "bbox", "ruled", "uncertain")

    def __init__(self, page: int, xs: list[float], ys: list[float], regions: list[Region], ruled: bool = True):
        self.page = page
        self.xs = xs
        self.ys = ys
        self.regions = regions
        self.bbox = (xs[0], ys[0], xs[-1], ys[-1])
        self.ruled = ruled
        self.uncertain: list[Region] = []  # cells whose column could not be told for sure

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    def row_texts(self, r: int) -> list[str]:
        return [g.text for g in sorted((g for g in self.regions if g.r0 == r), key=lambda g: g.c0)]


def _snap(values: list[float]) -> list[float]:
    """Distinct positions: values within SNAP of each other are averaged into one."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= SNAP:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(group) / len(group) for group in out]


def _merge(lines: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Collinear pieces of one rule joined: (position, start, end). Pieces at nearly the
    same position are one rule only where they overlap or touch."""
    out: list[tuple[float, float, float]] = []
    group: list[tuple[float, float, float]] = []
    for line in sorted(lines) + [(float("inf"), 0.0, 0.0)]:
        if group and line[0] - group[0][0] > SNAP / 2:
            pos = sum(p for p, _, _ in group) / len(group)
            spans: list[list[float]] = []
            for _, a, b in sorted(group, key=lambda g: g[1]):
                if spans and a <= spans[-1][1] + SNAP:
                    spans[-1][1] = max(spans[-1][1], b)
                else:
                    spans.append([a, b])
            out.extend((pos, a, b) for a, b in spans)
            group = []
        group.append(line)
    return out


class _Sets:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[b] = a


def find_tables(rules: Rules, glyphs: list[Glyph], page: int) -> tuple[list[PageTable], list[Glyph]]:
    """The ruled tables of a page, and the glyphs outside them."""
    hs = _merge(rules.horizontal)
    vs = _merge([(x, y0, y1) for x, y0, y1 in rules.vertical])
    if len(hs) < 2 or len(vs) < 2:
        return [], glyphs
    sets = _Sets(len(hs) + len(vs))
    for j, (x, vy0, vy1) in enumerate(vs):
        for i, (y, hx0, hx1) in enumerate(hs):
            if hx0 - SNAP <= x <= hx1 + SNAP and vy0 - SNAP <= y <= vy1 + SNAP:
                sets.union(i, len(hs) + j)
    groups: dict[int, tuple[list, list]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(sets.find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(sets.find(len(hs) + j), ([], []))[1].append(v)
    tables = []
    for group_h, group_v in groups.values():
        if len(group_h) < 2 or len(group_v) < 2:
            continue
        table = _build(group_h, group_v, page)
        if table is not None:
            tables.append(table)
    if not tables:
        return [], glyphs
    tables.sort(key=lambda t: t.top)
    rest = _fill(tables, glyphs)
    return tables, rest


def _distinct(values: list[float]) -> list[float]:
    """Snapped positions with slivers (a border drawn twice, a hair apart) removed."""
    out: list[float] = []
    for v in _snap(values):
        if out and v - out[-1] < MIN_CELL:
            continue
        out.append(v)
    return out


def _covered(lines: list[tuple[float, float, float]], pos: float, a: float, b: float) -> bool:
    need = (b - a) * COVER
    got = 0.0
    for p, s, e in lines:
        if abs(p - pos) <= SNAP:
            got += max(0.0, min(e, b) - max(s, a))
    return got >= need


def _build(hs, vs, page: int) -> PageTable | None:
    left = min(min(x for x, _, _ in vs), min(a for _, a, _ in hs))
    right = max(max(x for x, _, _ in vs), max(b for _, _, b in hs))
    top = min(min(y for y, _, _ in hs), min(a for _, a, _ in vs))
    bottom = max(max(y for y, _, _ in hs), max(b for _, _, b in vs))
    xs = _distinct([x for x, _, _ in vs] + [left, right])
    ys = _distinct([y for y, _, _ in hs] + [top, bottom])
    if len(xs) < 2 or len(ys) < 2 or xs[-1] - xs[0] < 20 or ys[-1] - ys[0] < 8:
        return None
    rows, cols = len(ys) - 1, len(xs) - 1
    sets = _Sets(rows * cols)
    for r in range(rows):
        a, b = ys[r], ys[r + 1]
        for c in range(1, cols):  # the border between columns c-1 and c
            if not _covered(vs, xs[c], a, b):
                sets.union(r * cols + c - 1, r * cols + c)
    for c in range(cols):
        a, b = xs[c], xs[c + 1]
        for r in range(1, rows):  # the border between rows r-1 and r
            if not _covered(hs, ys[r], a, b):
                sets.union((r - 1) * cols + c, r * cols + c)
    spans: dict[int, list[int]] = {}
    for r in range(rows):
        for c in range(cols):
            root = sets.find(r * cols + c)
            box = spans.get(root)
            if box is None:
                spans[root] = [r, c, r + 1, c + 1]
            else:
                box[0], box[1] = min(box[0], r), min(box[1], c)
                box[2], box[3] = max(box[2], r + 1), max(box[3], c + 1)
    regions = []
    taken: set[tuple[int, int]] = set()
    for r0, c0, r1, c1 in sorted(spans.values()):
        if (r0, c0) in taken:
            continue  # an L-shaped merge: its bounding box already holds the origin
        for r in range(r0, r1):
            for c in range(c0, c1):
                taken.add((r, c))
        regions.append(Region(r0, c0, r1, c1, (xs[c0], ys[r0], xs[c1], ys[r1]), page))
    return PageTable(page, xs, ys, regions)


def _fill(tables: list[PageTable], glyphs: list[Glyph]) -> list[Glyph]:
    """Each glyph into the cell holding its middle; the others are returned."""
    rest: list[Glyph] = []
    lookups = []
    for t in tables:
        at: dict[tuple[int, int], Region] = {}
        for reg in t.regions:
            for r in range(reg.r0, reg.r1):
                for c in range(reg.c0, reg.c1):
                    at.setdefault((r, c), reg)
        lookups.append((t, at))
    for g in glyphs:
        x, y = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        for t, at in lookups:
            x0, y0, x1, y1 = t.bbox
            if x0 <= x <= x1 and y0 <= y <= y1:
                c = min(max(bisect_right(t.xs, x) - 1, 0), len(t.xs) - 2)
                r = min(max(bisect_right(t.ys, y) - 1, 0), len(t.ys) - 2)
                reg = at.get((r, c))
                if reg is not None:
                    reg.glyphs.append(g)
                    break
        else:
            rest.append(g)
    for t, _ in lookups:
        for reg in t.regions:
            reg.text = cell_text(reg.glyphs)
    return rest


def cell_text(glyphs: list[Glyph]) -> str:
    return join_lines(group_lines(glyphs)) if glyphs else ""

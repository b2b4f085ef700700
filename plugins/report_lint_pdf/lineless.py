"""Tables drawn without lines: columns recovered from where the text stands.

A run of at least three lines that each break into three or more pieces separated by
wide gaps is a table. Its columns are where the pieces of its fullest lines stand; each
piece of every line goes to the column it overlaps. A piece that falls between columns,
or a lone line inside the run (a label wrapped in its cell), cannot be placed for
certain: it goes to the nearest column, or stays a row of its own (so that the label
it belongs to is never completed with the wrong half and its values shifted), and the
cell is reported as uncertain rather than silently trusted.
"""

from __future__ import annotations

from .grid import PageTable, Region
from .text import Line, glyph_text

GAP = 1.5  # a gap wider than this many characters separates two pieces
MIN_ROWS = 3


def _pieces(line: Line) -> list:
    return line.chunks(GAP * max(line.size, 1.0))


def find(lines: list[Line], page: int) -> tuple[list[Line], list[PageTable]]:
    """The lines that are not in a line-less table, and those tables."""
    counts = [len(_pieces(l)) for l in lines]
    keep: list[Line] = []
    tables: list[PageTable] = []
    i = 0
    while i < len(lines):
        if counts[i] < 3:
            keep.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (counts[j] >= 2 or (counts[j] == 1 and j + 1 < len(lines) and counts[j + 1] >= 3)):
            if lines[j].top - lines[j - 1].bottom > 2.5 * max(lines[j].size, 1.0):
                break
            j += 1
        run = lines[i:j]
        if sum(1 for c in counts[i:j] if c >= 3) >= MIN_ROWS:
            tables.append(_table(run, page))
        else:
            keep.extend(run)
        i = j
    return keep, tables


def _columns(run: list[Line]) -> list[tuple[float, float]]:
    """Column extents from the lines with the most pieces."""
    most = max(len(_pieces(l)) for l in run)
    spans: list[list[float]] = []
    for line in run:
        pieces = _pieces(line)
        if len(pieces) < most:
            continue
        for p in pieces:
            spans.append([p[0].x0, p[-1].x1])
    spans.sort()
    merged: list[list[float]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def _table(run: list[Line], page: int) -> PageTable:
    cols = _columns(run)
    xs = [min(l.x0 for l in run)] + [(cols[k][1] + cols[k + 1][0]) / 2 for k in range(len(cols) - 1)]
    xs.append(max(max(l.x1 for l in run), xs[-1] + 1))
    ys: list[float] = []
    rows: list[list[tuple[int, int, list, bool]]] = []  # per row: (c0, c1, glyphs, certain)
    for line in run:
        placed = []
        for piece in _pieces(line):
            a, b = piece[0].x0, piece[-1].x1
            hit = [k for k, (ca, cb) in enumerate(cols) if min(b, cb) - max(a, ca) > 0]
            if hit:
                placed.append((hit[0], hit[-1] + 1, piece, True))
            else:
                mid = (a + b) / 2
                k = min(range(len(cols)), key=lambda k: abs((cols[k][0] + cols[k][1]) / 2 - mid))
                placed.append((k, k + 1, piece, False))
        if len(placed) == 1 and rows:  # a wrapped label: which row it belongs to is not known
            c0, c1, piece, _ = placed[0]
            placed = [(c0, c1, piece, False)]
        ys.append(line.top)
        rows.append(placed)
    ys.append(run[-1].bottom)
    regions: list[Region] = []
    uncertain: list[Region] = []
    for r, placed in enumerate(rows):
        by_col: dict[int, Region] = {}
        for c0, c1, piece, certain in placed:
            reg = by_col.get(c0)
            if reg is None:
                reg = Region(r, c0, r + 1, c1, (xs[c0], ys[r], xs[c1], ys[r + 1]), page)
                by_col[c0] = reg
                regions.append(reg)
            else:
                certain = False
            reg.text += glyph_text(piece)
            if not certain and reg not in uncertain:
                uncertain.append(reg)
        c = 0
        for c0 in sorted(by_col):
            for k in range(c, c0):
                regions.append(Region(r, k, r + 1, k + 1, (xs[k], ys[r], xs[k + 1], ys[r + 1]), page))
            c = by_col[c0].c1
        for k in range(c, len(cols)):
            regions.append(Region(r, k, r + 1, k + 1, (xs[k], ys[r], xs[k + 1], ys[r + 1]), page))
    table = PageTable(page, xs, ys, regions, ruled=False)
    table.uncertain = uncertain
    return table

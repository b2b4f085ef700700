"""One HTML table → a Table block: the full grid, the text of each cell, its location.

``rowspan``/``colspan`` are expanded by the core's ``grid_from_spans`` (clamped first:
a hostile ``rowspan="100000"`` must not allocate a million cells); ``<br>`` and block
elements inside a cell become line breaks; ``&nbsp;``, Word's ``<o:p>`` and ``mso-``
spans leave nothing behind. Rows come in reading order whatever the markup: ``<thead>``
first, then ``<tbody>`` or bare ``<tr>``, then ``<tfoot>``. A header row printed again
further down (a table that Word split across pages) is dropped.
"""

from __future__ import annotations

import re

from report_lint.document import Cell, Table
from report_lint.location import Location

from .article import BLOCK_TAGS, Page
from .text import clean

MAX_COLSPAN = 100  # the template's widest table has 15 columns
MAX_CELLS = 100_000  # far above any report table: beyond, the table is not read
_SPAN = re.compile(r"\s*(\d{1,6})")
_DIGIT = re.compile(r"[0-9０-９]")


def own_rows(table) -> list:
    """The table's rows in reading order, without those of nested tables."""
    head, body, foot = [], [], []
    parts = {"thead": head, "tbody": body, "tfoot": foot}
    for child in table.iterchildren("tr", "thead", "tbody", "tfoot"):
        tag = child.tag
        if tag == "tr":
            body.append(child)
        else:
            parts[tag].extend(child.iterchildren("tr"))
    return head + body + foot


def _rows_with_steps(table) -> list:
    """(path step from the table, row) in reading order: ``tbody > tr:nth-of-type(3)``."""
    head, body, foot = [], [], []
    parts = {"thead": head, "tbody": body, "tfoot": foot}
    children = [(child, child.tag) for child in table.iterchildren("tr", "thead", "tbody", "tfoot")]
    counts: dict[str, int] = {}
    for _, tag in children:
        counts[tag] = counts.get(tag, 0) + 1
    seen: dict[str, int] = {}
    for child, tag in children:
        seen[tag] = seen.get(tag, 0) + 1
        step = _step(tag, seen[tag] if counts[tag] > 1 else 0)
        if tag == "tr":
            body.append((step, child))
            continue
        rows = list(child.iterchildren("tr"))
        parts[tag].extend((f"{step} > {_step('tr', i + 1 if len(rows) > 1 else 0)}", tr) for i, tr in enumerate(rows))
    return head + body + foot


def _step(tag: str, index: int) -> str:
    return f"{tag}:nth-of-type({index})" if index else tag


def is_data_table(table, page: Page) -> bool:
    """A table of data, not one that lays out the page (those hold tables, or prose, or
    a single column: a pasted table whose rows each ran together into one cell)."""
    rows = own_rows(table)
    cells = [c for tr in rows for c in tr.iterchildren("td", "th")]
    if len(cells) < 2 or len(cells) == len(rows):
        return False
    if any(True for el in table.iter("table") if el is not table):
        return False
    for cell in cells:
        n = page.size.get(cell, 0)
        if n > 400:
            return False
        if n > 120 and sum(1 for el in cell.iter("p", "div") if page.size.get(el, 0) > 40) >= 3:
            return False
    return True


def cell_text(cell, skip: set) -> str:
    """The text of a cell; ``<br>`` and block elements break lines."""
    children = len(cell)
    if not children:
        text = cell.text
        return _clean(text) if text else ""
    if children == 1:  # Word's cell: one <p> (its spans already unwrapped)
        child = cell[0]
        if not len(child) and child.tag in BLOCK_TAGS and child not in skip:
            return _clean(f"{cell.text or ''}{child.text or ''}{child.tail or ''}")
    plain, blocks = True, 0
    for el in cell.iterdescendants():
        tag = el.tag
        if tag in BLOCK_TAGS:
            blocks += 1  # one block inside a cell (Word's <p>) breaks no line
        if blocks > 1 or tag == "br" or not isinstance(tag, str) or el in skip:
            plain = False
            break
    if plain:  # the common case: text, inline elements and at most one block
        return _clean("".join(cell.itertext()))
    lines: list[list[str]] = [[]]
    stack = [(cell, False)]
    while stack:
        el, done = stack.pop()
        if done:
            if el.tag in BLOCK_TAGS and el is not cell:
                lines.append([])
            if el.tail and el is not cell:
                lines[-1].append(el.tail)
            continue
        if el in skip or not isinstance(el.tag, str):
            if el.tail:
                lines[-1].append(el.tail)
            continue
        if el.tag == "br":
            lines.append([])
            if el.tail:
                lines[-1].append(el.tail)
            continue
        if el.tag in BLOCK_TAGS and el is not cell:
            lines.append([])
        if el.text:
            lines[-1].append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    out = [clean("".join(parts)) for parts in lines]
    return "\n".join(line for line in out if line)


def _clean(text: str) -> str:
    """``clean``, with a shortcut for the cells that are a bare number or word: letters
    and digits only (Chinese ones too) leave ``clean`` nothing to remove."""
    return text if text.isalnum() else clean(text)


def _span(value: str | None, limit: int) -> int:
    if value is None:
        return 1
    m = _SPAN.match(value)
    n = int(m.group(1)) if m else 1
    return max(1, min(n, limit))


_NOWHERE = Location()
# A Location per cell is built with positional arguments (line, end_line, column, page,
# paragraph, table, row, col, path): keywords make the call half as slow again.


def build_table(table, number: int, page: Page, paths) -> Table | None:
    """The Table block, or None when the table is too large to be a report's.

    Each cell's Location is made as the cell is read while no merge has come before it
    (nothing has moved it from where the markup puts it), and otherwise as
    ``grid_from_spans`` places it: either way once, with no second pass over the grid.
    """
    steps = _rows_with_steps(table)
    table_path = paths(table)
    table_line = table.sourceline
    raw: list[list[Cell]] = []
    where: dict[Cell, tuple[int | None, str]] = {}  # cell (hashed by identity) → (line, path), after a merge
    merged = False
    width = 0
    skip = page.skip
    for r, (step, tr) in enumerate(steps):
        tr_path = f"{table_path} > {step}"
        tds = [td for td in tr.iterchildren("td", "th") if td not in skip]
        tags = [td.tag for td in tds]  # .tag builds a string: once per cell
        n_td = tags.count("td")
        numbered_td, numbered_th = n_td > 1, len(tags) - n_td > 1
        seen_td = seen_th = 0
        below = len(steps) - r
        cells = []
        row_width = 0
        for td, tag in zip(tds, tags):
            if tag == "td":
                if numbered_td:
                    seen_td += 1
                    path = f"{tr_path} > td:nth-of-type({seen_td})"
                else:
                    path = f"{tr_path} > td"
            elif numbered_th:
                seen_th += 1
                path = f"{tr_path} > th:nth-of-type({seen_th})"
            else:
                path = f"{tr_path} > th"
            rowspan, colspan = td.get("rowspan"), td.get("colspan")
            rowspan = 1 if rowspan is None else _span(rowspan, below)
            colspan = 1 if colspan is None else _span(colspan, MAX_COLSPAN)
            cell = Cell(cell_text(td, skip), _NOWHERE, rowspan, colspan)
            if merged:
                where[cell] = (td.sourceline, path)
            else:
                cell.location = Location(td.sourceline, None, None, None, None, number, r + 1, len(cells) + 1, path)
                merged = rowspan > 1 or colspan > 1
            cells.append(cell)
            row_width += colspan
        width = max(width, row_width)
        raw.append(cells)
    if not raw or len(raw) * max(width, 1) > MAX_CELLS:
        return None

    def locate(r: int, c: int, cell: Cell | None) -> Location:
        if cell is None:  # a hole the markup left: where it would be
            return Location(table_line, None, None, None, None, number, r + 1, c + 1, table_path)
        if cell.location is not _NOWHERE:
            return cell.location  # read before the first merge: placed where it was read
        line, path = where[cell]
        return Location(line, None, None, None, None, number, r + 1, c + 1, path)

    if merged:
        from report_lint.document import grid_from_spans

        grid = grid_from_spans(raw, locate)
    else:  # no merges: the rows as they are, padded to the widest
        grid = [row + [Cell("", locate(r, c, None)) for c in range(len(row), width)] for r, row in enumerate(raw)]
    grid = _without_repeated_header(grid)
    return Table(grid, Location(line=table_line, table=number, path=table_path), index=number)


def _without_repeated_header(grid: list[list[Cell]]) -> list[list[Cell]]:
    """Drop rows that repeat one of the table's leading rows of words (the header)."""
    header: set[tuple[str, ...]] = set()
    for row in grid:
        texts = tuple([c.text for c in row])
        if not any(texts) or _DIGIT.search("".join(texts)):
            break
        header.add(texts)
    if not header:
        return grid
    firsts = {texts[0] for texts in header if texts}
    kept: list[int] = []
    seen_data = False
    for r, row in enumerate(grid):
        if seen_data:
            if row and row[0].text in firsts and tuple([c.text for c in row]) in header:
                continue
        elif _DIGIT.search("".join([c.text for c in row])):
            seen_data = True
        kept.append(r)
    return keep_rows(grid, kept)


def keep_rows(grid: list[list[Cell]], kept: list[int]) -> list[list[Cell]]:
    """The rows ``kept`` (old indices, in order), with the merge copies' ``span_origin``
    renumbered: the interpreter tells a horizontal copy by its origin being its own row."""
    if len(kept) == len(grid):
        return grid
    new_of = {old: new for new, old in enumerate(kept)}
    out = []
    for old in kept:
        row = grid[old]
        for cell in row:
            origin = cell.span_origin
            if origin is not None:
                cell.span_origin = (new_of.get(origin[0], -1 - origin[0]), origin[1])
        out.append(row)
    return out

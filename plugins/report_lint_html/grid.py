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
    return [tr for _, tr in _rows_with_steps(table)]


def _rows_with_steps(table) -> list:
    """(path step from the table, row) in reading order: ``tbody > tr:nth-of-type(3)``."""
    head, body, foot = [], [], []
    parts = {"thead": head, "tbody": body, "tfoot": foot}
    direct = [tr for tr in table.iterchildren("tr")]
    sections: dict[str, int] = {}
    for child in table.iterchildren("thead", "tbody", "tfoot"):
        sections[child.tag] = sections.get(child.tag, 0) + 1
    seen: dict[str, int] = {}
    for child in table.iterchildren("tr", "thead", "tbody", "tfoot"):
        if child.tag == "tr":
            body.append((_step("tr", direct.index(child) + 1 if len(direct) > 1 else 0), child))
            continue
        seen[child.tag] = seen.get(child.tag, 0) + 1
        section = _step(child.tag, seen[child.tag] if sections[child.tag] > 1 else 0)
        rows = list(child.iterchildren("tr"))
        parts[child.tag].extend((f"{section} > {_step('tr', i + 1 if len(rows) > 1 else 0)}", tr)
                                for i, tr in enumerate(rows))
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
    if not len(cell):
        return _clean(cell.text) if cell.text else ""
    if len(cell) == 1:  # Word's cell: one <p> (its spans already unwrapped)
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
    """``clean``, with a shortcut for the cells that are a bare number or word."""
    return text if text.isalnum() and text.isascii() else clean(text)


def _span(value: str | None, limit: int) -> int:
    if value is None:
        return 1
    m = _SPAN.match(value)
    n = int(m.group(1)) if m else 1
    return max(1, min(n, limit))


_NOWHERE = Location()


def build_table(table, number: int, page: Page, paths) -> Table | None:
    """The Table block, or None when the table is too large to be a report's."""
    steps = _rows_with_steps(table)
    rows = [tr for _, tr in steps]
    table_path = paths(table)
    raw: list[list[Cell]] = []
    where: dict[int, tuple[int | None, str]] = {}  # id(cell) → (line, path)
    width = 0
    skip = page.skip
    for r, (step, tr) in enumerate(steps):
        tr_path = f"{table_path} > {step}"
        tds = [td for td in tr.iterchildren("td", "th") if td not in skip]
        tags = [td.tag for td in tds]  # .tag builds a string: once per cell
        n_td = tags.count("td")
        numbered = {"td": n_td > 1, "th": len(tags) - n_td > 1}
        seen = {"td": 0, "th": 0}
        below = len(rows) - r
        cells = []
        for td, tag in zip(tds, tags):
            if numbered[tag]:
                seen[tag] += 1
                step = f"{tag}:nth-of-type({seen[tag]})"
            else:
                step = tag
            rowspan, colspan = td.get("rowspan"), td.get("colspan")
            cell = Cell(cell_text(td, skip), _NOWHERE, 1 if rowspan is None else _span(rowspan, below),
                        1 if colspan is None else _span(colspan, MAX_COLSPAN))
            where[id(cell)] = (td.sourceline, f"{tr_path} > {step}")
            cells.append(cell)
        width = max(width, sum(c.colspan for c in cells))
        raw.append(cells)
    if not raw or len(raw) * max(width, 1) > MAX_CELLS:
        return None
    if any(c.rowspan > 1 or c.colspan > 1 for row in raw for c in row):
        from report_lint.document import grid_from_spans

        grid = grid_from_spans(raw)
    else:  # no merges: the rows as they are, padded to the widest
        grid = [row + [Cell("", _NOWHERE) for _ in range(width - len(row))] for row in raw]
    # Row-major order: a merge's origin is placed before the copies that point at it.
    placed: dict[tuple[int, int], Location] = {}
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            origin = cell.span_origin
            if origin is not None:
                cell.location = placed.get(origin, _NOWHERE)
                continue
            found = where.get(id(cell))
            if found is not None:
                cell.location = placed[(r, c)] = Location(line=found[0], table=number, row=r + 1, col=c + 1,
                                                          path=found[1])
            else:  # a hole the markup left: where it would be
                cell.location = Location(line=table.sourceline, table=number, row=r + 1, col=c + 1, path=table_path)
    grid = _without_repeated_header(grid)
    return Table(grid, Location(line=table.sourceline, table=number, path=table_path), index=number)


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
    out = []
    seen_data = False
    for row in grid:
        if seen_data:
            if row and row[0].text in firsts and tuple([c.text for c in row]) in header:
                continue
        elif _DIGIT.search("".join([c.text for c in row])):
            seen_data = True
        out.append(row)
    return out

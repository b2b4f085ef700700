"""The article's reading order → headings, paragraphs and tables, each with a location.

Block elements (``<p>``, ``<div>``, ``<h2>``, ``<li>`` …) and ``<br>`` end a block of
text; inline ones (``<span>``, ``<font>``, Word's ``<o:p>`` …) only add to it. A table
of data becomes a Table; a table that lays out the page is read as blocks. A block is
a heading when it is an ``<h1>``–``<h6>``, or short and numbered like one (``一、``,
``（一）``), or short and all bold. Every block points at its element: a CSS-like path
(``#zoom > p:nth-of-type(4)``) and the source line. The walk is iterative: deep pages
cost no recursion.
"""

from __future__ import annotations

import re

from lxml import etree

from report_lint.document import Document, Heading, Paragraph, ParseProblem
from report_lint.headings import MAX_HEADING_CHARS, numbered_level
from report_lint.location import Location

from .article import BLOCK_TAGS, Page
from .grid import build_table, is_data_table, keep_rows
from .text import clean

_HEADING_LEVELS = {"h1": 1, "h2": 1, "h3": 2, "h4": 3, "h5": 3, "h6": 3}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_ID = re.compile(r"^[A-Za-z][\w-]*$")
_OPEN_END = ("。", "；", ";", "，", ",", "：", ":")
_ELEMENT = etree.Element  # iterchildren(_ELEMENT): elements only, filtered in C


class Paths:
    """CSS-like paths, stable for a given page: from the nearest ``id`` down."""

    def __init__(self):
        self._cache: dict = {}
        self._index: dict = {}

    def __call__(self, el) -> str:
        cached = self._cache.get(el)
        if cached is not None:
            return cached
        chain = []
        node = el
        while node is not None and node not in self._cache:
            ident = node.get("id")
            if ident and _ID.match(ident):
                self._cache[node] = f"#{ident}"
                break
            chain.append(node)
            node = node.getparent()
        for node in reversed(chain):
            parent = node.getparent()
            step = node.tag if isinstance(node.tag, str) else "?"
            if parent is not None:
                index, count = self._position(parent, node)
                if count > 1:
                    step += f":nth-of-type({index})"
                self._cache[node] = f"{self._cache[parent]} > {step}"
            else:
                self._cache[node] = step
        return self._cache[el]

    def _position(self, parent, node) -> tuple[int, int]:
        table = self._index.get(parent)
        if table is None:
            counts: dict[str, int] = {}
            table = {}
            for child in parent:
                if isinstance(child.tag, str):
                    counts[child.tag] = counts.get(child.tag, 0) + 1
                    table[child] = (child.tag, counts[child.tag])
            table = {child: (i, counts[tag]) for child, (tag, i) in table.items()}
            self._index[parent] = table
        return table[node]


class _Flow:
    def __init__(self, doc: Document, page: Page):
        self.doc, self.page, self.paths = doc, page, Paths()
        self.parts: list[str] = []
        self.bold: list[bool] = []
        self.owner = None
        self.line: int | None = None  # where the text starts when its element started earlier (after a <br>)
        self.tables = 0
        self.title_pending = page.title_el is not None

    # -- text ----------------------------------------------------------------------------
    def add(self, text: str | None, owner, bold: bool, line: int | None = None) -> None:
        if not text:
            return
        if self.owner is None:
            if not text.strip():
                return
            self.owner, self.line = owner, line
        self.parts.append(text)
        if text.strip():
            self.bold.append(bold)

    def flush(self) -> None:
        if self.owner is None:
            return
        text = clean("".join(self.parts))
        owner, bold, line = self.owner, bool(self.bold) and all(self.bold), self.line
        self.parts, self.bold, self.owner, self.line = [], [], None, None
        if text:
            self.emit_text(text, owner, bold, line)

    def location(self, el, line: int | None = None) -> Location:
        return Location(line=line or el.sourceline, path=self.paths(el))

    def emit_text(self, text: str, owner, bold: bool, line: int | None = None) -> None:
        page = self.page
        if self.title_pending:
            self.title_pending = False
            if text == page.title_text or _is_within(owner, page.title_el):
                block = _block_ancestor(owner)
                self.doc.blocks.append(Heading(text, 0, self.location(block if block is not None else owner)))
                return
            self.doc.blocks.append(Heading(page.title_text, 0, self.location(page.title_el)))
        block = _block_ancestor(owner)
        where = self.location(block if block is not None else owner, line)
        tag = block.tag if block is not None else ""
        if tag in _HEADING_LEVELS:
            self.doc.blocks.append(Heading(text, _HEADING_LEVELS[tag], where))
            return
        if len(text) <= MAX_HEADING_CHARS and not text.endswith(_OPEN_END):
            level = numbered_level(text)
            if level is not None:
                self.doc.blocks.append(Heading(text, level, where))
                return
            if bold:
                self.doc.blocks.append(Heading(text, 2, where))
                return
        self.doc.blocks.append(Paragraph(text, where))

    # -- the walk ------------------------------------------------------------------------
    def walk(self, root) -> None:
        skip = self.page.skip
        # (element, closing?, bold inside?)
        stack = [(root, False, False)]
        while stack:
            el, closing, bold = stack.pop()
            tag = el.tag
            if closing:
                if tag in BLOCK_TAGS:
                    self.flush()
                if el is not root and el.tail:  # the root's tail is outside the article
                    self.add(el.tail, el.getparent(), bold)
                continue
            if el in skip:
                if el.tail:
                    self.add(el.tail, el.getparent(), bold)
                continue
            if tag == "br":
                if self._heading_goes_on(el, bold):
                    self.parts.append("\n")  # a heading wrapped in two lines: still one heading
                else:
                    self.flush()
                tail = el.tail
                if tail:  # the text after a <br> starts on the <br>'s line or a later one
                    line = el.sourceline + tail[:len(tail) - len(tail.lstrip())].count("\n") if el.sourceline else None
                    self.add(tail, el.getparent(), bold, line)
                continue
            if tag == "table" and is_data_table(el, self.page):
                self.flush()
                self.table(el)
                self.add(el.tail, el.getparent(), bold)
                continue
            if tag in BLOCK_TAGS:
                self.flush()
            inner = bold or tag in ("b", "strong") or _bold_style(el.get("style"))
            text = el.text
            if text:
                self.add(text, el, inner)
            stack.append((el, True, bold))
            if len(el):  # most elements are leaves: no iterator for them
                stack.extend((child, False, inner) for child in el.iterchildren(_ELEMENT, reversed=True))
        self.flush()

    def _heading_goes_on(self, br, bold: bool) -> bool:
        """A ``<br>`` inside a heading's words (``四、政府信息公开行政复议、<br>行政诉讼情况``):
        in an ``<h1>``–``<h6>``, or in a short, bold, numbered line whose words go on in bold
        after it (and are not the next numbered item)."""
        if self.owner is None:
            return False
        tail = (br.tail or "").strip()
        if not tail or numbered_level(tail) is not None:
            return False
        block = _block_ancestor(br)
        if block is not None and block.tag in _HEADING_LEVELS:
            return True
        if not (bold and self.bold and all(self.bold)):
            return False  # most <br> end plain lines: no need to read the text so far
        text = clean("".join(self.parts))
        return (len(text) + len(tail) <= MAX_HEADING_CHARS and numbered_level(text) == 1
                and not text.endswith(_OPEN_END + ("。",)))

    def table(self, el) -> None:
        for caption in el.iter("caption"):
            text = clean("".join(caption.itertext()))
            if text:
                self.emit_text(text, caption, False)
            break
        number = self.tables + 1
        table = build_table(el, number, self.page, self.paths)
        if table is None:
            self.doc.problems.append(ParseProblem(
                "表格过大，不像年度报告的统计表，未读取", "a table too large to be one of the report's was not read",
                self.location(el)))
            return
        if self.title_pending:
            self.title_pending = False
            self.doc.blocks.append(Heading(self.page.title_text, 0, self.location(self.page.title_el)))
        self.tables = number
        self._heading_row(table)
        self.doc.blocks.append(table)

    def _heading_row(self, table) -> None:
        """A section heading typed into the table's first row (``二、主动公开政府信息情况``
        in one cell across the whole width) is the heading before the table."""
        rows = table.rows
        first = rows[0] if len(rows) > 1 else None
        if not first or len(first) < 2 or first[0].rowspan > 1 or first[1].span_origin is None:
            return
        text = first[0].text
        if not text or any(c.text != text for c in first) or len(text) > MAX_HEADING_CHARS:
            return
        if numbered_level(text) != 1:
            return
        self.doc.blocks.append(Heading(text, 1, first[0].location))
        table.rows = keep_rows(rows, list(range(1, len(rows))))


def _bold_style(style: str | None) -> bool:
    return style is not None and ("eight" in style or "EIGHT" in style) and _BOLD_STYLE.search(style) is not None


def _block_ancestor(el):
    while el is not None and el.tag not in BLOCK_TAGS:
        el = el.getparent()
    return el


def _is_within(el, ancestor) -> bool:
    while el is not None:
        if el is ancestor:
            return True
        el = el.getparent()
    return False


def build_blocks(doc: Document, page: Page) -> None:
    flow = _Flow(doc, page)
    flow.walk(page.root)
    if flow.title_pending and page.title_text:
        doc.blocks.insert(0, Heading(page.title_text, 0, flow.location(page.title_el)))

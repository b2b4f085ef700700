"""The document body: paragraphs, runs and tables read as the printed page shows them.

One pass over word/document.xml in document order (numbering counters and complex
fields depend on it). Text is the text as printed with tracked changes accepted:
insertions kept, deletions dropped, field results kept and field codes dropped, hidden
text dropped, list numbers rendered; each tracked change and comment anchor is
recorded for ``marks``. Tables become full grids (``grid_from_spans``) with grid
coordinates as locations; a nested table's text goes into its cell. Text boxes follow
the paragraph that anchors them; headers, footers and footnotes are other parts and are
never read.
"""

from __future__ import annotations

import re

from report_lint.document import Cell, Document, Heading, Mark, Paragraph, ParseProblem, Table, grid_from_spans
from report_lint.location import Location
from report_lint_text.blocks import classify_line

from .numbering import Numbering
from .styles import Styles

MAX_HEADING_CHARS = 60  # a styled "heading" longer than this is a paragraph in disguise
MAX_SPAN = 64  # w:gridSpan beyond this is damage, not layout
MAX_FIELD_CODE_PARAGRAPHS = 20  # a field code (never printed) longer than this is a broken field
# A table-of-contents entry: ends with its page number after a tab or dot leaders.
_TOC_ENTRY = re.compile(r"(?:\t|…|\.{2,}|·{2,}|-{2,})\s*\d{1,4}\s*$")
_SENTENCE_END = ("。", "；", ";")
_OFF = ("0", "false", "off")


class BodyReader:
    """Walks the body once and fills ``doc`` with blocks, marks and problems."""

    def __init__(self, doc: Document, names, styles: Styles, numbering_loader):
        self.doc = doc
        self.w = names
        self.styles = styles
        self._numbering_loader = numbering_loader
        self._numbering: Numbering | None = None
        self.paragraphs = 0  # text paragraphs emitted (their 1-based number)
        self.tables = 0
        self.seen_text = False
        self.fields: list[list] = []  # complex fields: [state, instruction parts, is_toc]
        self.hide_field = False  # inside a field's instruction: text not shown
        self.code_paragraphs = 0  # paragraphs since the innermost open field code began
        self.toc_depth = 0
        self.toc_text = False  # the current paragraph printed text inside a TOC field
        self.cell_location: Location | None = None  # set while a table cell is read
        self.pending_marks: list[Mark] = []  # marks waiting for the paragraph they belong to
        self.anchors: dict[str, Location] = {}  # comment id -> location
        self.pending_anchors: list[str] = []
        self.boxes: list = []  # text boxes met in the current paragraph
        self.objects = 0
        self.alt_chunks = 0
        self.complex: set = set()  # paragraphs that need the exact path (see _scan)
        self.styled: set = set()  # paragraphs with a style, numbering or outline level
        self.plain_cells = True  # the default style numbers nothing: unstyled cell paragraphs are plain
        self.merges: dict = {}  # cell -> (gridSpan, vMerge, hMerge), see _scan
        self._last_mark: tuple | None = None  # (mark, out list, end position) for merging
        self.carry = ""  # text of a paragraph whose deleted mark joins it to the next one

    @property
    def numbering(self) -> Numbering:
        if self._numbering is None:
            self._numbering = self._numbering_loader()
        return self._numbering

    # -- blocks ---------------------------------------------------------------------------
    def read_body(self, body) -> None:
        self._scan(body)
        default = self.styles.info(None)
        self.plain_cells = default.num is None and not default.toc
        self.blocks(body)
        if self.carry:
            carry, self.carry = self.carry, ""
            self._emit(carry, (None,))
        self._flush_pending(Location(paragraph=self.paragraphs) if self.paragraphs else Location())
        if self.objects:
            self.doc.problems.append(ParseProblem(
                f"文档含 {self.objects} 个嵌入对象（如粘贴为对象的 Excel 表格），其中内容未读取",
                f"the document holds {self.objects} embedded object(s) (e.g. an Excel table pasted as an "
                "object) whose content was not read", Location(), "info"))
        if self.alt_chunks:
            self.doc.problems.append(ParseProblem(
                f"文档含 {self.alt_chunks} 处外部导入内容（altChunk），其中内容未读取；请在 Word 中打开后另存为 .docx",
                f"the document holds {self.alt_chunks} imported chunk(s) (altChunk) that were not read; "
                "open it in Word and save it again", Location()))

    def _scan(self, body) -> None:
        """One scan of the body in C for what decides how each element is read, so that
        the common case is read without looking at its properties:

        - ``complex``: paragraphs holding anything besides plain runs (fields, revisions,
          hidden text, drawings, comment anchors), which take the exact path;
        - ``styled``: paragraphs with a style, numbering or outline level;
        - ``merges``: cell -> (gridSpan, vMerge, hMerge) for the cells that merge.

        lxml keeps one proxy per element while it is referenced, so these are tested by
        identity."""
        w = self.w
        complex_tags = set(w.complex)
        drawings = (w.drawing, w.pict, w.alternate)
        for el in body.iter(*w.complex, w.pStyle, w.numPr, w.outlineLvl, w.gridSpan, w.vMerge, w.hMerge):
            tag = el.tag
            if tag in complex_tags:
                parent = el.getparent()
                while parent is not None:
                    if parent.tag == w.p:
                        self.complex.add(parent)
                        if tag not in drawings:
                            break  # text boxes hold paragraphs too: the outer one is complex as well
                    parent = parent.getparent()
                continue
            props = el.getparent()
            owner = props.getparent() if props is not None else None
            if owner is None:
                continue
            if tag == w.pStyle or tag == w.numPr or tag == w.outlineLvl:
                self.styled.add(owner)
            elif owner.tag == w.tc:  # not the old properties inside a tracked property change
                span, vmerge, hmerge = self.merges.get(owner, (1, None, None))
                if tag == w.gridSpan:
                    span = _span(el.get(w.a_val), 1)
                elif tag == w.vMerge:
                    vmerge = el.get(w.a_val) or "continue"
                else:
                    hmerge = el.get(w.a_val) or "continue"
                self.merges[owner] = (span, vmerge, hmerge)

    def blocks(self, container) -> None:
        w = self.w
        for child in container:
            tag = child.tag
            if tag == w.p:
                self.paragraph(child)
            elif tag == w.tbl:
                self.table(child)
            elif tag == w.sdt:
                content = child.find(w.sdtContent)
                if content is not None:
                    self.blocks(content)
            elif tag == w.customXml or tag in (w.ins, w.moveTo):
                self.blocks(child)
            elif tag == w.alternate:
                branch = _branch(child, w)
                if branch is not None:
                    self.blocks(branch)
            elif tag == w.altChunk:
                self.alt_chunks += 1

    def paragraph(self, p) -> None:
        """A body paragraph (or one inside a text box outside tables) becomes a block."""
        text, info = self.paragraph_text(p)
        boxes, self.boxes = self.boxes, []
        if info is not None:  # None: a table-of-contents entry, or merged into the next paragraph
            self._emit(text, info)
        for box in boxes:
            self.blocks(box)

    def _emit(self, text: str, info: tuple) -> None:
        text = text.strip()
        if text:
            self.paragraphs += 1
            location = Location(paragraph=self.paragraphs)
            self._flush_pending(location)
            self.doc.blocks.append(self._classify(text, info, location))
            self.seen_text = True

    def _classify(self, text: str, info: tuple, location: Location):
        level = info[0]
        if level is not None:
            if level == 0 and len(text) <= 80 and not text.endswith(_SENTENCE_END):
                return Heading(text, 0, location)
            if level > 0 and len(text) <= MAX_HEADING_CHARS and not text.endswith(_SENTENCE_END + ("，", ",")):
                return Heading(text, level, location)
            return Paragraph(text, location)
        return classify_line(text, location, first=not self.seen_text)

    def _flush_pending(self, location: Location) -> None:
        for mark in self.pending_marks:
            mark.location = location
        self.pending_marks = []
        for cid in self.pending_anchors:
            self.anchors.setdefault(cid, location)
        self.pending_anchors = []

    # -- paragraphs -------------------------------------------------------------------------
    def paragraph_text(self, p) -> tuple[str, tuple | None]:
        """Text of a paragraph as printed (number included) and (heading level,); info is
        None when the paragraph is not printed as such (TOC entry, deleted paragraph mark:
        its text is carried into the next paragraph)."""
        w = self.w
        ppr = None
        if p in self.styled or p in self.complex:  # else nothing in its properties matters here
            ppr = p[0] if len(p) and p[0].tag == w.pPr else None
        style_id = direct_num = outline = None
        mark_deleted = mark_inserted = None
        hidden_mark = False
        if ppr is not None:
            for el in ppr:
                tag = el.tag
                if tag == w.pStyle:
                    style_id = el.get(w.a_val)
                elif tag == w.numPr:
                    direct_num = el
                elif tag == w.outlineLvl:
                    outline = el.get(w.a_val)
                elif tag == w.rPr:
                    for rel in el:
                        tag = rel.tag
                        if tag == w.del_ or tag == w.moveFrom:
                            mark_deleted = rel
                        elif tag == w.ins or tag == w.moveTo:
                            mark_inserted = rel
                        elif tag == w.vanish and rel.get(w.a_val) not in _OFF:
                            hidden_mark = True
        style = self.styles.info(style_id)
        level = style.level
        if outline is not None:
            try:
                n = int(outline)
                level = n + 1 if 0 <= n <= 8 else None
            except ValueError:
                pass
        label = None
        if mark_deleted is None and not hidden_mark and (direct_num is not None or style.num is not None):
            label = self._label(direct_num, style, style_id)
        self.toc_text = False
        if self.fields:
            self._field_guard()
        if not self.fields and p not in self.complex:
            out = []
            self._plain(p, out)
            text = "".join(out)
        else:
            out: list[str] = []
            marks_before = len(self.doc.marks)
            self.inline(p, out, False)
            own = {m.kind for m in self.doc.marks[marks_before:]}
            # a paragraph mark changed alone is a change of its own; with the text, part of it
            if mark_inserted is not None and "revision.insertion" not in own:
                self._mark("revision.insertion", "¶", mark_inserted)
            if mark_deleted is not None and "revision.deletion" not in own:
                self._mark("revision.deletion", "¶", mark_deleted)
            text = "".join(out)
        if label:
            text = label + text.lstrip()
        if self.carry and self.cell_location is None:
            text, self.carry = self.carry + text, ""
        if style.toc or (self.toc_text and _TOC_ENTRY.search(text)):
            return text, None
        if mark_deleted is not None and self.cell_location is None:
            self.carry = text  # accepting the deletion joins this paragraph to the next
            return text, None
        return text, (level,)

    def _plain(self, container, out: list[str]) -> None:
        """The fast path for paragraphs without fields, revisions, hidden text, drawings or
        anchors (most of them): runs' text in order, through transparent containers."""
        w = self.w
        run_tag, text_tag, props_tag = w.r, w.t, w.rPr
        append = out.append
        for child in container:
            child_tag = child.tag  # lxml builds a new string on every .tag: read it once
            if child_tag == run_tag:
                for el in child:
                    tag = el.tag
                    if tag == text_tag:
                        append(el.text or "")
                    elif tag == props_tag:
                        continue
                    elif tag == w.tab or tag == w.ptab:
                        append("\t")
                    elif tag == w.br or tag == w.cr:
                        if el.get(w.a_type) not in ("page", "column"):
                            append("\n")
                    elif tag == w.noBreakHyphen:
                        append("-")
                    elif tag == w.sym:
                        append(_symbol(el.get(w.a_char)))
                    elif tag == w.ruby:  # phonetic guide: the base text prints in the line
                        for part in el:
                            if part.tag == w.rubyBase:
                                self._plain(part, out)
            elif child_tag in w.transparent:
                self._plain(child, out)
            elif child_tag == w.sdt:
                for part in child:
                    if part.tag == w.sdtContent:
                        self._plain(part, out)

    def _label(self, direct_num, style, style_id) -> str | None:
        w = self.w
        num_id = ilvl = None
        if direct_num is not None:
            nid = direct_num.find(w.numId)
            lvl = direct_num.find(w.ilvl)
            num_id = nid.get(w.a_val) if nid is not None else None
            ilvl = lvl.get(w.a_val) if lvl is not None else None
            if num_id is None and style.num is not None:  # only the level given: the list is the style's
                num_id = style.num[0]
        elif style.num is not None:
            num_id, ilvl = style.num
        if num_id is None or num_id == "0":
            return None
        numbering = self.numbering
        if ilvl is None:
            level = numbering.level_for_style(num_id, style_id) if style.num is not None else 0
        else:
            try:
                level = int(ilvl)
            except ValueError:
                level = 0
        if not 0 <= level <= 8:
            level = 0
        return numbering.label(num_id, level)

    def inline(self, container, out: list[str], hidden: bool) -> None:
        """Runs and the containers around them, appended to ``out``."""
        w = self.w
        for child in container:
            tag = child.tag
            if tag == w.r:
                self.run(child, out, hidden)
            elif tag == w.pPr:
                continue
            elif tag == w.ins or tag == w.moveTo:
                start = len(out)
                self.inline(child, out, hidden)
                self._mark("revision.insertion", "".join(out[start:]) or "□", child, out, start)
            elif tag == w.del_ or tag == w.moveFrom:
                deleted = "".join(child.itertext(w.delText, w.t))
                self._mark("revision.deletion", deleted or "□", child, out, len(out))
            elif tag in w.transparent:
                self.inline(child, out, hidden)
            elif tag == w.sdt:
                content = child.find(w.sdtContent)
                if content is not None:
                    self.inline(content, out, hidden)
            elif tag == w.commentRangeStart:
                self._anchor(child.get(w.a_id))
            elif tag == w.alternate:
                branch = _branch(child, w)
                if branch is not None:
                    self.inline(branch, out, hidden)
            elif tag == w.math or tag == w.math_para:
                if not hidden and not self.hide_field:
                    out.append("".join(child.itertext(w.math_t)))

    def run(self, r, out: list[str], hidden: bool) -> None:
        w = self.w
        for el in r:
            tag = el.tag
            if tag == w.t:
                if not hidden and not self.hide_field:
                    out.append(el.text or "")
                    if self.toc_depth:
                        self.toc_text = True
            elif tag == w.rPr:
                for prop in el:
                    if prop.tag == w.vanish and prop.get(w.a_val) not in _OFF:
                        hidden = True
            elif tag == w.tab or tag == w.ptab:
                if not hidden and not self.hide_field:
                    out.append("\t")
            elif tag == w.br or tag == w.cr:
                if not hidden and not self.hide_field and el.get(w.a_type) not in ("page", "column"):
                    out.append("\n")
            elif tag == w.fldChar:
                self._field(el.get(w.a_fldCharType))
            elif tag == w.instrText:
                if self.fields:
                    self.fields[-1][1].append(el.text or "")
            elif tag == w.noBreakHyphen:
                if not hidden and not self.hide_field:
                    out.append("-")
            elif tag == w.sym:
                if not hidden and not self.hide_field:
                    out.append(_symbol(el.get(w.a_char)))
            elif tag == w.drawing or tag == w.pict or tag == w.object:
                if tag == w.object:
                    self.objects += 1
                self.boxes.extend(_text_boxes(el, w))
            elif tag == w.alternate:
                branch = _branch(el, w)
                if branch is not None:
                    self.run(branch, out, hidden)
            elif tag == w.commentReference:
                self._anchor(el.get(w.a_id))
            elif tag == w.ruby:
                for part in el:
                    if part.tag == w.rubyBase:
                        self.inline(part, out, hidden)
            # softHyphen, footnote/endnote references, lastRenderedPageBreak: nothing printed

    def _field_guard(self) -> None:
        """A field code still open after many paragraphs is damage (a begin without its
        end), not a field: stop hiding the text that follows, and say so."""
        if self.fields[-1][0] != "code":
            return
        self.code_paragraphs += 1
        if self.code_paragraphs > MAX_FIELD_CODE_PARAGRAPHS:
            self.fields = [f for f in self.fields if f[0] != "code"]
            self.hide_field = False
            self.code_paragraphs = 0
            self.doc.problems.append(ParseProblem(
                "文档中有未结束的域代码（只有开始标记），其后的文字按正文读取",
                "a field code never ends (a begin without its end); the text after it is read as body text",
                Location(paragraph=self.paragraphs + 1)))

    def _field(self, kind: str | None) -> None:
        """Complex fields: show the result (between separate and end), never the code."""
        if kind == "begin":
            self.fields.append(["code", [], False])
            self.code_paragraphs = 0
        elif kind == "separate" and self.fields:
            frame = self.fields[-1]
            if frame[0] == "code":
                frame[0] = "result"
                if "".join(frame[1]).strip().upper().startswith("TOC"):
                    frame[2] = True
                    self.toc_depth += 1
        elif kind == "end" and self.fields:
            frame = self.fields.pop()
            if frame[2]:
                self.toc_depth -= 1
        self.hide_field = any(f[0] == "code" for f in self.fields)

    def _anchor(self, cid: str | None) -> None:
        if cid is None:
            return
        if self.cell_location is not None:
            self.anchors.setdefault(cid, self.cell_location)
        else:
            self.pending_anchors.append(cid)

    def _mark(self, kind: str, text: str, el, out: list[str] | None = None, start: int = 0) -> None:
        """Record a tracked change; consecutive changes of one kind and author (Word splits
        an edit into one element per run) become one mark."""
        w = self.w
        author = el.get(w.a_author)
        last = self._last_mark
        if (out is not None and last is not None and last[1] is out and last[0].kind == kind
                and last[0].author == author and last[2] == start and text not in ("¶", "□")):
            last[0].text += text
            self._last_mark = (last[0], out, len(out))
            return
        mark = Mark(kind, text, self.cell_location or Location(), author)
        self.doc.marks.append(mark)
        if self.cell_location is None:
            self.pending_marks.append(mark)
        self._last_mark = (mark, out, len(out)) if out is not None else None

    # -- tables --------------------------------------------------------------------------------
    def table(self, tbl) -> None:
        if self.cell_location is not None:  # nested: its text belongs to the outer cell
            return
        if self.carry:  # a paragraph whose mark was deleted, before a table: nothing to join
            carry, self.carry = self.carry, ""
            self._emit(carry, (None,))
        self.tables += 1
        index = self.tables
        rows: list[list[Cell]] = []
        open_merges: dict[int, Cell] = {}  # grid column -> cell a vertical merge continues
        for tr in _rows(tbl, self.w):
            cells, open_merges, deleted = self._row(tr, index, len(rows) + 1, open_merges)
            if not deleted:
                rows.append(cells)
        grid = grid_from_spans(rows)
        for r, row in enumerate(grid):
            for c, cell in enumerate(row):
                if cell.location.table is None:  # padding of a short row
                    cell.location = Location(table=index, row=r + 1, col=c + 1)
        self.doc.blocks.append(Table(grid, Location(table=index), index=index))
        self.seen_text = True

    def _row(self, tr, table: int, row: int, open_merges: dict[int, Cell]):
        """One row: its cells (vertical continuations folded into the cell above), the
        merges still open after it, and whether the row is a tracked deletion."""
        w = self.w
        before = after = 0
        trpr = None
        tcs = []
        for child in tr:
            tag = child.tag
            if tag == w.tc:
                tcs.append(child)
            elif tag == w.trPr:
                trpr = child
            elif tag == w.sdt or tag == w.customXml:
                tcs.extend(_cells(child, w, wrapped=True))
        if trpr is not None:
            for el in trpr:
                tag = el.tag
                if tag == w.gridBefore:
                    before = _span(el.get(w.a_val), 0)
                elif tag == w.gridAfter:
                    after = _span(el.get(w.a_val), 0)
                elif tag == w.del_:
                    text = "\t".join(t for t in ("".join(tc.itertext(w.t, w.delText)) for tc in tcs) if t)
                    self.cell_location = Location(table=table, row=row)
                    self._mark("revision.deletion", text or "□", el)
                    self.cell_location = None
                    return [], open_merges, True
                elif tag == w.ins:
                    text = "\t".join(t for t in ("".join(tc.itertext(w.t)) for tc in tcs) if t)
                    self.cell_location = Location(table=table, row=row)
                    self._mark("revision.insertion", text or "□", el)
                    self.cell_location = None
        cells: list[Cell] = []
        merges: dict[int, Cell] = {}
        col = 0
        if before:
            cells.append(Cell("", Location(table=table, row=row, col=1), colspan=before))
            col = before
        merged = self.merges
        plain = (1, None, None)
        for tc in tcs:
            span, vmerge, hmerge = merged.get(tc, plain)
            location = Location(table=table, row=row, col=col + 1)
            text = self.cell_text(tc, location)
            if hmerge == "continue" and cells:
                cells[-1].colspan += span
                if text:
                    cells[-1].text = f"{cells[-1].text}\n{text}" if cells[-1].text else text
                col += span
                continue
            above = open_merges.get(col)
            if vmerge == "continue" and above is not None and above.colspan == span:
                above.rowspan += 1
                if text:
                    above.text = f"{above.text}\n{text}" if above.text else text
                merges[col] = above
            else:
                cell = Cell(text, location, colspan=span)
                cells.append(cell)
                if vmerge is not None:  # restart, or a continuation with nothing above it
                    merges[col] = cell
            col += span
        if after and cells:
            cells.append(Cell("", Location(table=table, row=row, col=col + 1), colspan=after))
        return cells, merges, False

    def cell_text(self, tc, location: Location) -> str:
        """A cell's paragraphs joined by newlines (empty ones dropped); nested tables as
        tab-separated lines."""
        outer = self.cell_location
        if outer is None:
            self.cell_location = location
        parts: list[str] = []
        self._cell_parts(tc, parts)
        if outer is None:
            self.cell_location = None
        if len(parts) == 1:  # most cells: one paragraph
            return parts[0]
        return "\n".join([p for p in parts if p])

    def _cell_parts(self, container, parts: list[str]) -> None:
        w = self.w
        for child in container:
            tag = child.tag
            if tag == w.p:
                if self.plain_cells and not self.fields and child not in self.complex and child not in self.styled:
                    out: list[str] = []  # the common case, read without paragraph_text's ceremony
                    self._plain(child, out)
                    parts.append("".join(out))
                    continue
                text, info = self.paragraph_text(child)
                if info is not None:
                    parts.append(text)
                boxes, self.boxes = self.boxes, []
                for box in boxes:
                    self._cell_parts(box, parts)
            elif tag == w.tbl:
                for tr in _rows(child, w):
                    line = []
                    for tc in _cells(tr, w):
                        inner: list[str] = []
                        self._cell_parts(tc, inner)
                        line.append("\n".join(p for p in inner if p).replace("\n", " "))
                    if any(line):
                        parts.append("\t".join(line))
            elif tag == w.sdt:
                content = child.find(w.sdtContent)
                if content is not None:
                    self._cell_parts(content, parts)
            elif tag == w.customXml:
                self._cell_parts(child, parts)
            elif tag == w.alternate:
                branch = _branch(child, w)
                if branch is not None:
                    self._cell_parts(branch, parts)


def _children(parent, tag, w):
    """The ``tag`` children of ``parent``, through content controls and custom XML
    wrapped around them (rows in a table, cells in a row)."""
    for child in parent:
        child_tag = child.tag
        if child_tag == tag:
            yield child
        elif child_tag == w.sdt:
            content = child.find(w.sdtContent)
            if content is not None:
                yield from _children(content, tag, w)
        elif child_tag == w.customXml:
            yield from _children(child, tag, w)


def _rows(tbl, w):
    """The w:tr of a table."""
    return _children(tbl, w.tr, w)


def _cells(tr, w, wrapped: bool = False):
    """The w:tc of a row (``wrapped``: ``tr`` may be a content control around the row)."""
    if wrapped and tr.tag == w.sdt:
        tr = tr.find(w.sdtContent)
        if tr is None:
            return iter(())
    return _children(tr, w.tc, w)


def _branch(alternate, w):
    """One branch of mc:AlternateContent: the first Choice, else the Fallback."""
    choice = alternate.find(w.choice)
    return choice if choice is not None else alternate.find(w.fallback)


def _text_boxes(el, w) -> list:
    """The outermost text boxes inside a drawing, picture or object (in one branch only:
    a drawing inside mc:AlternateContent was already narrowed to a branch)."""
    boxes = []
    for box in el.iter(w.txbxContent):
        parent = box.getparent()
        nested = False
        while parent is not None and parent is not el:
            if parent.tag == w.txbxContent or parent.tag == w.fallback:
                nested = True
                break
            parent = parent.getparent()
        if not nested:
            boxes.append(box)
    return boxes


def _span(value: str | None, default: int) -> int:
    try:
        n = int(value) if value is not None else default
    except ValueError:
        return default
    return min(max(n, default), MAX_SPAN)


def _symbol(code: str | None) -> str:
    """w:sym: a character of a symbol font; private-use codes (Wingdings) print nothing useful."""
    try:
        n = int(code or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= n <= 0xF0FF or n < 0x20:
        return ""
    return chr(n)

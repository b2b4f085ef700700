"""Renders the fictional reports of ``factory`` as real .docx files, written as Word does.

Raw WordprocessingML, no library: every construct the docx parser must read is written
on purpose, the way Word or WPS writes it — tables merged with ``w:gridSpan`` and
``w:vMerge`` (表三's label columns over two or three grid columns and down the rows,
表四's two-level header), headings numbered through numbering.xml or typed in the text,
tracked changes, comments, fields, text boxes, content controls, headers and footers.

``render_docx(report, style=..., **hazards) -> bytes``

Styles (presets of the hazards below):

* ``word``: Word defaults. Title style; headings in "heading 1", whose style carries the
  list numbering (``chineseCounting``, ``%1、``); the （一）…（五） paragraphs of section 一
  numbered at level 2 (``（%2）``); merged tables, two paragraphs in a header cell; a date
  field, a soft hyphen, a text box (mc:AlternateContent), a header and a footer with a
  PAGE field.
* ``wps``: WPS habits. A numeric style id for headings ("2"), headings typed with their
  numbers (一、 in the text, no list numbering), runs split mid-word, line breaks
  (``w:br``) in cells, spaces around numbers (" 0"), full-width digits, content controls
  around a paragraph and a cell.
* ``outline``: headings numbered directly (``w:numPr`` in the paragraph, one list
  instance per heading with a ``startOverride``; ``chineseCountingThousand``), an outline
  level instead of a heading style, hidden text, a nested table in a cell.
* ``plain``: headings typed, tables flattened (no merges; empty cells fill the grid).

Hazards (keyword arguments, each overriding the style's preset): ``auto_numbering``
(``"style"``, ``"direct"`` or ``None``), ``merged``, ``br_in_cells``, ``space_cells``,
``fullwidth_cells``, ``split_runs``, ``sdt``, ``fields``, ``soft_hyphen``, ``text_box``,
``header_footer``, ``hidden_text``, ``nested_table``, ``revisions``, ``comments``,
``split_table``, ``toc``, ``verbose`` (the paragraph, run, row and cell properties Word
and WPS write everywhere, so that sizes and parse times are realistic).

``minimal_docx(body_xml, styles=, numbering=, comments=, extra_parts=)`` wraps a
hand-written body (unit tests of one construct).

``seed_to_docx(text_document)`` renders a Document read by the text parser (the corpus
seed, at test time) the same way: tables re-merged as Word merges them, headings
``N、`` numbered automatically.

``expected_grid(rows)`` is the full grid (merged cells repeated) a parser must return
for the merged table that ``word_rows`` lays out.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

import factory as F

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'mc:Ignorable="w14"'
)
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
AUTHOR = "审核人甲"
REVISION_INSERTED = "进一步"
REVISION_DELETED = "（旧稿文字）"
COMMENT_TEXT = "此处数字请再核对"
TABLE_COMMENT_TEXT = "表三合计请复核"
TEXT_BOX = "本报告电子版可在示例市人民政府门户网站查阅"

STYLES = {
    "word": dict(auto_numbering="style", merged=True, br_in_cells=False, space_cells=False, fullwidth_cells=False,
                 split_runs=False, sdt=False, fields=True, soft_hyphen=True, text_box=True, header_footer=True,
                 hidden_text=False, nested_table=False, heading_style="Heading1", title_style=True),
    "wps": dict(auto_numbering=None, merged=True, br_in_cells=True, space_cells=True, fullwidth_cells=True,
                split_runs=True, sdt=True, fields=False, soft_hyphen=False, text_box=False, header_footer=True,
                hidden_text=False, nested_table=False, heading_style="2", title_style=False),
    "outline": dict(auto_numbering="direct", merged=True, br_in_cells=False, space_cells=False,
                    fullwidth_cells=False, split_runs=False, sdt=False, fields=False, soft_hyphen=False,
                    text_box=False, header_footer=False, hidden_text=True, nested_table=True, heading_style=None,
                    title_style=False),
    "plain": dict(auto_numbering=None, merged=False, br_in_cells=False, space_cells=False, fullwidth_cells=False,
                  split_runs=False, sdt=False, fields=False, soft_hyphen=False, text_box=False, header_footer=False,
                  hidden_text=False, nested_table=False, heading_style=None, title_style=False),
}
HAZARDS = dict(revisions=False, comments=False, split_table=False, toc=False, verbose=True)

_HEADING_NUMBER = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
_SUB_NUMBER = re.compile(r"^（([一二三四五六七八九十]+)）(.*)$", re.S)
_CN = "一二三四五六七八九十"

# Grid spans of a flattened row, by (table width, number of cells): the template's merges.
SPANS = {
    (4, 1): [4], (4, 2): [1, 3], (4, 4): [1, 1, 1, 1],
    (10, 2): [3, 7], (10, 4): [3, 1, 5, 1], (10, 8): [3] + [1] * 7, (10, 9): [1, 2] + [1] * 7,
    (10, 10): [1] * 10,
    (15, 2): [5, 10], (15, 7): [1, 1, 1, 1, 1, 5, 5], (15, 15): [1] * 15,
}
WIDTHS = {"active_disclosure": 4, "requests": 10, "review_litigation": 15}


@dataclass
class CellSpec:
    text: str
    span: int = 1
    vmerge: str | None = None  # restart | continue
    value: bool = False


# ---------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------

def word_rows(rows: list[tuple[list[str], list[str]]], width: int) -> list[list[CellSpec]]:
    """Flattened (labels, values) rows re-merged as Word merges them: spans from the
    template's layout, an empty label cell under a label of the same span continues it."""
    out: list[list[CellSpec]] = []
    prev: dict[tuple[int, int], CellSpec] = {}
    for labels, values in rows:
        texts = list(labels) + list(values)
        spans = SPANS[(width, len(texts))]
        row: list[CellSpec] = []
        here: dict[tuple[int, int], CellSpec] = {}
        col = 0
        for i, (text, span) in enumerate(zip(texts, spans)):
            is_value = i >= len(labels)
            cell = CellSpec(text, span, None, is_value)
            above = prev.get((col, span))
            if not is_value and text == "" and above is not None and not above.value:
                cell.vmerge = "continue"
                if above.vmerge is None:
                    above.vmerge = "restart"
            row.append(cell)
            here[(col, span)] = cell
            col += span
        out.append(row)
        prev = here
    return out


def flat_rows(rows: list[tuple[list[str], list[str]]], width: int) -> list[list[CellSpec]]:
    """No merges: labels padded with empty cells so that values end the row."""
    out = []
    for labels, values in rows:
        pad = width - len(labels) - len(values)
        cells = [CellSpec(t) for t in labels] + [CellSpec("") for _ in range(pad)]
        out.append(cells + [CellSpec(v, value=True) for v in values])
    return out


def expected_grid(rows: list[list[CellSpec]]) -> list[list[str]]:
    """The full grid of a merged table: each merged cell's text at every position it covers."""
    grid: list[list[str]] = []
    for r, row in enumerate(rows):
        line: list[str] = []
        for cell in row:
            text = cell.text
            if cell.vmerge == "continue":
                text = grid[r - 1][len(line)]
            line.extend([text] * cell.span)
        grid.append(line)
    return grid


def factory_rows(report: F.FictionalReport, name: str, *, space_cells=False, fullwidth_cells=False):
    """(labels, values) rows of one table of a fictional report, as printed."""
    rows = []
    for i, (labels, keys) in enumerate(F._table_rows(report, name)):
        values = []
        for j, key in enumerate(keys):
            text = F._cell_text(report, key)
            if space_cells and text.isdigit() and (i + j) % 3 == 0:
                text = f" {text}" if j % 2 else f"{text} "
            if fullwidth_cells and text.isdigit() and (i + j) % 7 == 3:
                text = "".join(chr(0xFF10 + int(d)) for d in text)
            values.append(text)
        rows.append((list(labels), values))
    return rows


# ---------------------------------------------------------------------------------------
# XML pieces
# ---------------------------------------------------------------------------------------

class Writer:
    """Accumulates the body XML and the parts it needs (comments, numbering)."""

    def __init__(self, options: dict):
        self.o = options
        self.comments: list[tuple[int, str, str]] = []
        self.nums: list[tuple[int, int, int | None]] = []  # (numId, abstractNumId, startOverride)
        self.next_id = 100

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id

    def rpr(self, bold=False, extra="") -> str:
        if not self.o["verbose"] and not bold and not extra:
            return ""
        fonts = ('<w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" '
                 'w:cs="仿宋_GB2312"/><w:color w:val="000000"/><w:kern w:val="0"/>' if self.o["verbose"] else "")
        size = ('<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar"/>'
                if self.o["verbose"] else "")
        b = "<w:b/><w:bCs/>" if bold else ""
        return f"<w:rPr>{fonts}{b}{extra}{size}</w:rPr>"

    def run(self, text: str, bold=False, extra="") -> str:
        """One or more runs for ``text``: tabs as w:tab, newlines as w:br."""
        if text == "":
            return ""
        pieces = []
        for k, line in enumerate(text.split("\n")):
            if k:
                pieces.append("<w:br/>")
            for m, chunk in enumerate(line.split("\t")):
                if m:
                    pieces.append("<w:tab/>")
                if chunk:
                    pieces.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
        return f"<w:r>{self.rpr(bold, extra)}{''.join(pieces)}</w:r>"

    def runs(self, text: str, bold=False) -> str:
        """Runs of a text, split mid-word when the style says so (as editing leaves them)."""
        if not self.o["split_runs"] or len(text) < 4:
            return self.run(text, bold)
        cuts = sorted({len(text) // 3, len(text) // 3 + 1, (2 * len(text)) // 3})
        parts, last = [], 0
        for cut in cuts + [len(text)]:
            parts.append(text[last:cut])
            last = cut
        return "".join(self.run(p, bold) + ('<w:proofErr w:type="spellStart"/>' if i == 0 else "")
                       for i, p in enumerate(parts) if p)

    def para(self, content: str, *, style=None, num=None, outline=None, jc=None, indent=True) -> str:
        ppr = []
        if style:
            ppr.append(f'<w:pStyle w:val="{style}"/>')
        if num is not None:
            ppr.append(f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>')
        if self.o["verbose"]:  # what Word and WPS write into every paragraph
            ppr.append('<w:keepNext w:val="0"/><w:keepLines w:val="0"/><w:widowControl/>'
                       '<w:suppressLineNumbers w:val="0"/><w:spacing w:line="560" w:lineRule="exact"/>')
            if indent and jc is None:
                ppr.append('<w:ind w:firstLine="640" w:firstLineChars="200"/>')
        if jc:
            ppr.append(f'<w:jc w:val="{jc}"/>')
        if outline is not None:
            ppr.append(f'<w:outlineLvl w:val="{outline}"/>')
        ppr_xml = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
        pid = self._id()
        rsid = f' w:rsidR="00{pid:06X}" w:rsidRDefault="00{pid:06X}" w14:textId="{pid:08X}"' if self.o["verbose"] else ""
        return f'<w:p w14:paraId="{pid:08X}"{rsid}>{ppr_xml}{content}</w:p>'

    def cell(self, spec: CellSpec, width: int) -> str:
        props = [f'<w:tcW w:w="{width * spec.span}" w:type="dxa"/>']
        if spec.span > 1:
            props.append(f'<w:gridSpan w:val="{spec.span}"/>')
        if spec.vmerge == "restart":
            props.append('<w:vMerge w:val="restart"/>')
        elif spec.vmerge == "continue":
            props.append("<w:vMerge/>")
        if self.o["verbose"]:  # borders, shading and margins as WPS writes them in each cell
            props.append('<w:tcBorders><w:top w:val="single" w:color="auto" w:sz="8" w:space="0"/><w:left '
                         'w:val="single" w:color="auto" w:sz="8" w:space="0"/><w:bottom w:val="single" w:color="auto" '
                         'w:sz="8" w:space="0"/><w:right w:val="single" w:color="auto" w:sz="8" w:space="0"/>'
                         '</w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="auto"/><w:tcMar><w:left w:w="57" '
                         'w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tcMar>')
        props.append('<w:vAlign w:val="center"/>')
        text = "" if spec.vmerge == "continue" else spec.text
        if self.o["br_in_cells"]:
            paragraphs = [self.para(self.run(text), jc="center")]
        else:
            paragraphs = [self.para(self.run(line), jc="center") for line in text.split("\n")]
        return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{''.join(paragraphs)}</w:tc>"

    def table(self, rows: list[list[CellSpec]], width: int, *, wrap_cell=None, nested_in_first=None) -> str:
        col_w = 9000 // width
        grid = "".join(f'<w:gridCol w:w="{col_w}"/>' for _ in range(width))
        out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{col_w * width}" w:type="dxa"/>'
               '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr>'
               f"<w:tblGrid>{grid}</w:tblGrid>"]
        for r, row in enumerate(rows):
            cells = []
            for c, spec in enumerate(row):
                xml = self.cell(spec, col_w)
                if nested_in_first is not None and r == 0 and c == 0:
                    xml = xml.replace("</w:tc>", nested_in_first + self.para("") + "</w:tc>")
                if wrap_cell is not None and wrap_cell == (r, c):
                    xml = f"<w:sdt><w:sdtPr><w:alias w:val=\"数值\"/></w:sdtPr><w:sdtContent>{xml}</w:sdtContent></w:sdt>"
                cells.append(xml)
            ex = ('<w:tblPrEx><w:tblBorders><w:top w:val="none" w:color="auto" w:sz="0" w:space="0"/>'
                  '<w:left w:val="none" w:color="auto" w:sz="0" w:space="0"/></w:tblBorders></w:tblPrEx>'
                  if self.o["verbose"] else "")
            out.append(f'<w:tr>{ex}<w:trPr><w:trHeight w:val="340" w:hRule="atLeast"/><w:jc w:val="center"/>'
                       f'</w:trPr>{"".join(cells)}</w:tr>')
        out.append("</w:tbl>")
        return "".join(out)


# ---------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------

def _options(style: str, overrides: dict) -> dict:
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}: one of {sorted(STYLES)}")
    options = {**STYLES[style], **HAZARDS}
    unknown = set(overrides) - set(options)
    if unknown:
        raise TypeError(f"unknown hazards: {sorted(unknown)}")
    options.update(overrides)
    return options


def render_docx(report: F.FictionalReport, style: str = "word", **hazards) -> bytes:
    """The report as .docx bytes (see the module docstring for styles and hazards)."""
    o = _options(style, hazards)
    wr = Writer(o)
    body: list[str] = []
    state = {"heading_num": None, "list": None}
    problems_paragraph = (report.sections_text.get(5) or [None])[0]
    first_paragraph_of_6 = (report.sections_text.get(6) or [None])[0]

    if report.title:
        if o["title_style"]:
            body.append(wr.para(wr.runs(report.title), style="Title", jc="center"))
        else:
            body.append(wr.para(wr.runs(report.title, bold=True), jc="center"))
    if o["toc"]:
        body.append(_toc(wr, report))

    def heading(text: str) -> str:
        m = _HEADING_NUMBER.match(text)
        numeral = _cn_value(m.group(1)) if m else None
        auto = o["auto_numbering"]
        if auto and m and numeral is not None:
            words = m.group(2)
            if auto == "style":
                expected = (state["heading_num"] or 0) + 1
                if numeral != expected:
                    # a gap: Word's "set numbering value" starts a new list instance here, and
                    # the headings after it continue that instance
                    state["list"] = _new_num(wr, 1, numeral)
                state["heading_num"] = numeral
                num = None if state["list"] is None else (state["list"], 0)
                return wr.para(wr.runs(words), style=o["heading_style"], num=num, indent=False)
            num_id = _new_num(wr, 2, numeral)
            return wr.para(wr.runs(words), num=(num_id, 0), outline=0, indent=False)
        if o["heading_style"] and auto == "style":  # typed number: the style's numbering switched off
            return wr.para(wr.runs(text), style=o["heading_style"], num=(0, 0), indent=False)
        return wr.para(wr.runs(text, bold=True), style=o["heading_style"], indent=False)

    def paragraph(text: str) -> str:
        content = None
        if text == problems_paragraph and o["revisions"]:
            content = _with_revisions(wr, text)
        elif text == report.period_text or (report.period_text and text.endswith(report.period_text)
                                             and o["fields"]):
            content = _with_field(wr, text, report) if o["fields"] else None
        if content is None and o["soft_hyphen"] and len(text) > 20:
            content = wr.runs(text[:10]) + '<w:r><w:softHyphen/></w:r>' + wr.runs(text[10:])
        if content is None and o["hidden_text"] and text == first_paragraph_of_6:
            content = wr.runs(text) + wr.run("（内部备注：此句不公开）", extra="<w:vanish/>")
        if content is None:
            content = wr.runs(text)
        if o["comments"] and text == first_paragraph_of_6:
            cid = len(wr.comments)
            wr.comments.append((cid, AUTHOR, COMMENT_TEXT))
            content = (f'<w:commentRangeStart w:id="{cid}"/>{content}<w:commentRangeEnd w:id="{cid}"/>'
                       f'<w:r><w:commentReference w:id="{cid}"/></w:r>')
        if o["text_box"] and text == report.preface:
            content += _text_box(wr)
        m = _SUB_NUMBER.match(text)
        if o["auto_numbering"] == "style" and m and _cn_value(m.group(1)) is not None:
            xml = wr.para(content.replace(escape(f"（{m.group(1)}）"), "", 1), num=(1, 1))
        else:
            xml = wr.para(content)
        if o["sdt"] and report.contact_text and text.endswith(report.contact_text):
            xml = (f'<w:sdt><w:sdtPr><w:alias w:val="联系方式"/><w:tag w:val="contact"/></w:sdtPr>'
                   f"<w:sdtContent>{xml}</w:sdtContent></w:sdt>")
        return xml

    def table(name: str) -> str:
        rows = factory_rows(report, name, space_cells=o["space_cells"], fullwidth_cells=o["fullwidth_cells"])
        width = WIDTHS[name]
        specs = word_rows(rows, width) if o["merged"] else flat_rows(rows, width)
        wrap = (len(specs) - 1, 2) if (o["sdt"] and name == "review_litigation") else None
        nested = _nested_table(wr) if (o["nested_table"] and name == "active_disclosure") else None
        if o["comments"] and name == "requests":
            cid = len(wr.comments)
            wr.comments.append((cid, AUTHOR, TABLE_COMMENT_TEXT))
            marker = f'<w:r><w:commentReference w:id="{cid}"/></w:r>'
        else:
            marker = None
        if o["split_table"] and name == "requests":
            at = next(i for i, (labels, _) in enumerate(rows) if any(l.startswith("（四）") for l in labels))
            # Word keeps the vMerge continuation at the top of the new table: an empty cell there
            xml = wr.table(specs[:at], width) + wr.para("") + wr.table(specs[at:], width)
        else:
            xml = wr.table(specs, width, wrap_cell=wrap, nested_in_first=nested)
        if marker:
            # anchor the comment in the 总计 cell of 一、本年新收 (row 4 of the grid)
            rows_xml = xml.split("<w:tr>")
            last_tc = rows_xml[4].rfind("</w:p>")
            rows_xml[4] = rows_xml[4][:last_tc] + marker + rows_xml[4][last_tc:]
            xml = "<w:tr>".join(rows_xml)
        return xml + wr.para("")

    body += F._body(report, table, paragraph=paragraph, heading=heading)
    sect = ('<w:sectPr>' + ('<w:headerReference w:type="default" r:id="rIdHeader1"/>'
                            '<w:footerReference w:type="default" r:id="rIdFooter1"/>' if o["header_footer"] else "")
            + '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" '
            'w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
    document = f"{XML_HEAD}<w:document {NS}><w:body>{''.join(body)}{sect}</w:body></w:document>"
    return package(document, wr, o, title=report.title, year=report.year)


def _cn_value(numeral: str) -> int | None:
    from report_lint.numbers import chinese_to_int

    return chinese_to_int(numeral)


def _new_num(wr: Writer, abstract: int, start: int) -> int:
    num_id = 10 + len(wr.nums)
    wr.nums.append((num_id, abstract, start))
    return num_id


def _with_revisions(wr: Writer, text: str) -> str:
    """Tracked changes that, accepted, give ``text``: an insertion of REVISION_INSERTED
    (split in two elements, as Word does run by run) and a deletion."""
    at = len(text) // 2
    before, after = text[:at], text[at:]
    date = 'w:date="2024-12-20T10:00:00Z"'
    half = len(REVISION_INSERTED) // 2 or 1
    return (wr.runs(before)
            + f'<w:ins w:id="901" w:author="{AUTHOR}" {date}>{wr.run(REVISION_INSERTED[:half])}</w:ins>'
            + f'<w:ins w:id="902" w:author="{AUTHOR}" {date}>{wr.run(REVISION_INSERTED[half:])}</w:ins>'
            + f'<w:del w:id="903" w:author="{AUTHOR}" {date}><w:r>{wr.rpr()}<w:delText>{escape(REVISION_DELETED)}'
              '</w:delText></w:r></w:del>'
            + wr.runs(after))


def revised_text(text: str) -> str:
    """What ``_with_revisions`` prints once its changes are accepted."""
    at = len(text) // 2
    return text[:at] + REVISION_INSERTED + text[at:]


def _with_field(wr: Writer, text: str, report: F.FictionalReport) -> str:
    """The end date of the period as a complex DATE field (code dropped, result kept),
    and the year as a simple field."""
    end = f"{report.year}年12月31日"
    if end not in text:
        return wr.runs(text)
    head, tail = text.split(end, 1)
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText xml:space="preserve"> DATE \\@ "yyyy年M月d日" </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             + wr.run(end) + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    return wr.runs(head) + field + wr.runs(tail)


def _text_box(wr: Writer) -> str:
    """A floating text box written as Word 2010+ does: a DrawingML choice and a VML
    fallback holding the same text (only one may be read)."""
    inner = wr.para(wr.run(TEXT_BOX), indent=False)
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
            'distL="114300" distR="114300" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" '
            'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:extent cx="2000000" cy="400000"/>'
            '<wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>'
            f"<w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
            '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="文本框 1" type="#_x0000_t202">'
            f"<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>")


NESTED_TEXT = ("注", "单位：件")


def _nested_table(wr: Writer) -> str:
    cells = "".join(f'<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/></w:tcPr>{wr.para(wr.run(t))}</w:tc>'
                    for t in NESTED_TEXT)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="2000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/>'
            f'<w:gridCol w:w="1000"/></w:tblGrid><w:tr>{cells}</w:tr></w:tbl>')


def _toc(wr: Writer, report: F.FictionalReport) -> str:
    """A table of contents as Word writes it: a TOC field whose result lists the headings."""
    entries = [h for h in report.headings if h]
    out = []
    for i, h in enumerate(entries):
        start = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" '
                 '\\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>') if i == 0 else ""
        end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if i == len(entries) - 1 else ""
        out.append(wr.para(start + wr.run(f"{h}\t{i + 1}") + end, style="TOC1", indent=False))
    return "".join(out)


# ---------------------------------------------------------------------------------------
# The package
# ---------------------------------------------------------------------------------------

def _numbering(wr: Writer) -> str:
    lvl0 = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:pStyle w:val="Heading1"/>'
            '<w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>')
    lvl1 = ('<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
            '<w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>')
    rest = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                   f'<w:lvlText w:val="%{i + 1}."/><w:lvlJc w:val="left"/></w:lvl>' for i in range(2, 9))
    abstract1 = (f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>'
                 f'{lvl0.format(fmt="chineseCounting")}{lvl1}{rest}</w:abstractNum>')
    plain_lvl0 = lvl0.format(fmt="chineseCountingThousand").replace('<w:pStyle w:val="Heading1"/>', "")
    abstract2 = (f'<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="singleLevel"/>{plain_lvl0}'
                 "</w:abstractNum>")
    bullet = ('<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
              '<w:lvlText w:val="\uf06c"/></w:lvl></w:abstractNum>')
    nums = ['<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
            '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>']
    for num_id, abstract, start in wr.nums:
        nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
                    f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>')
    return f"{XML_HEAD}<w:numbering {NS}>{abstract1}{abstract2}{bullet}{''.join(nums)}</w:numbering>"


def _styles(o: dict) -> str:
    heading_id = o["heading_style"] or "Heading1"
    # the list numbering lives in the heading style only where headings are numbered by it
    numbered = '<w:numPr><w:numId w:val="1"/></w:numPr>' if o["auto_numbering"] == "style" else ""
    return (f'{XML_HEAD}<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrDefault>'
            '</w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
            f'<w:style w:type="paragraph" w:styleId="{heading_id}"><w:name w:val="heading 1"/>'
            '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
            f'<w:pPr><w:keepNext/>{numbered}<w:outlineLvl w:val="0"/></w:pPr>'
            '<w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:jc w:val="center"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/></w:style>'
            '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>'
            '</w:styles>')


def _comments(wr: Writer) -> str:
    items = "".join(f'<w:comment w:id="{cid}" w:author="{escape(author)}" w:date="2024-12-20T10:00:00Z" '
                    f'w:initials="审"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>{escape(text)}</w:t></w:r></w:p>'
                    "</w:comment>" for cid, author, text in wr.comments)
    return f"{XML_HEAD}<w:comments {NS}>{items}</w:comments>"


HEADER_TEXT = "示例市人民政府办公室（页眉）"


def _header() -> str:
    return (f'{XML_HEAD}<w:hdr {NS}><w:p><w:r><w:t>{HEADER_TEXT}</w:t></w:r></w:p></w:hdr>')


def _footer() -> str:
    return (f'{XML_HEAD}<w:ftr {NS}><w:p><w:r><w:t xml:space="preserve">— </w:t></w:r>'
            '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
            '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>')


def package(document: str, wr: Writer, o: dict, title: str | None = None, year: int | None = None,
            extra_parts: dict[str, bytes] | None = None) -> bytes:
    """A complete .docx: content types, relationships, styles, numbering, comments,
    header and footer when used, core and app properties."""
    rels = ['<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/styles" Target="styles.xml"/>',
            '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/numbering" Target="numbering.xml"/>']
    overrides = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/>',
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.styles+xml"/>',
                 '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.numbering+xml"/>',
                 '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
                 'core-properties+xml"/>',
                 '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.extended-properties+xml"/>']
    parts = {"word/styles.xml": _styles(o), "word/numbering.xml": _numbering(wr)}
    if wr.comments:
        rels.append('<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/comments" Target="comments.xml"/>')
        overrides.append('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.wordprocessingml.comments+xml"/>')
        parts["word/comments.xml"] = _comments(wr)
    if o.get("header_footer"):
        rels.append('<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/header" Target="header1.xml"/>')
        rels.append('<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/footer" Target="footer1.xml"/>')
        parts["word/header1.xml"] = _header()
        parts["word/footer1.xml"] = _footer()
    content_types = (f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>' + "".join(overrides) + "</Types>")
    root_rels = (f'{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 'officeDocument" Target="word/document.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
                 'metadata/core-properties" Target="docProps/core.xml"/>'
                 '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 'extended-properties" Target="docProps/app.xml"/></Relationships>')
    doc_rels = (f'{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + "".join(rels) + "</Relationships>")
    created = f"{(year or 2024) + 1}-01-15T08:30:00Z"
    core = (f'{XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title or '')}</dc:title><dc:creator>示例市政务公开办</dc:creator>"
            "<cp:lastModifiedBy>示例市政务公开办</cp:lastModifiedBy><cp:revision>3</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created.replace("08:30", "16:45")}</dcterms:modified>'
            "</cp:coreProperties>")
    app = (f'{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           "<Application>Microsoft Office Word</Application><Pages>5</Pages></Properties>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", root_rels)
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels", doc_rels)
        for name, xml in parts.items():
            z.writestr(name, xml)
        z.writestr("docProps/core.xml", core)
        z.writestr("docProps/app.xml", app)
        for name, data in (extra_parts or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def minimal_docx(body_xml: str, *, styles: str | None = None, numbering: str | None = None,
                 comments: str | None = None, extra_parts: dict[str, bytes] | None = None) -> bytes:
    """A .docx around a hand-written body, with only the parts given (for unit tests of
    one construct): styles, numbering and comments are the inner XML of their roots."""
    parts = {"word/document.xml": f"{XML_HEAD}<w:document {NS}><w:body>{body_xml}</w:body></w:document>"}
    rels = []
    for name, inner, root in (("styles", styles, "styles"), ("numbering", numbering, "numbering"),
                              ("comments", comments, "comments")):
        if inner is None:
            continue
        parts[f"word/{name}.xml"] = f"{XML_HEAD}<w:{root} {NS}>{inner}</w:{root}>"
        rels.append(f'<Relationship Id="rId{name}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/{name}" Target="{name}.xml"/>')
    parts["word/_rels/document.xml.rels"] = (
        f'{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels) + "</Relationships>")
    parts["[Content_Types].xml"] = (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/></Types>')
    parts["_rels/.rels"] = (
        f'{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", parts.pop("[Content_Types].xml"))
        for name, content in parts.items():
            z.writestr(name, content)
        for name, data in (extra_parts or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------
# A text Document (the corpus seed) rendered as Word
# ---------------------------------------------------------------------------------------

_ARABIC_HEADING = re.compile(r"^(\d{1,2})、\s*(.*)$")
_BOOKMARK = re.compile(r"\[bookmark: ([^\]]+)\]")


def _is_value(text: str) -> bool:
    core = text.replace("\u00a0", "").strip()
    return core.isdigit() or bool(re.fullmatch(r"\d+\.\d+", core))


def split_labels(row: list[str]) -> tuple[list[str], list[str]]:
    """A flattened row as (labels, values): values are the trailing cells of a row that
    holds numbers; a header row is all labels."""
    if not any(_is_value(c) for c in row):
        return list(row), []
    k = len(row)
    while k > 0 and (_is_value(row[k - 1]) or not row[k - 1].strip()):
        k -= 1
    return list(row[:k]), list(row[k:])


def seed_to_docx(doc) -> bytes:
    """A Document read from flattened text rendered as the Word file it came from:
    headings "N、" numbered automatically (chineseCounting, a list instance starting at
    N), "[bookmark: …]" turned back into bookmarks, tables re-merged."""
    from report_lint.document import Heading, Table

    o = {**STYLES["word"], **HAZARDS, "soft_hyphen": False, "fields": False, "text_box": False}
    wr = Writer(o)
    body = []
    for block in doc.blocks:
        if isinstance(block, Table):
            rows = [split_labels(r) for r in block.texts()]
            width = max(len(labels) + len(values) for labels, values in rows)
            body.append(wr.table(word_rows(rows, width), width))
            body.append(wr.para(""))
            continue
        text = block.text
        m = _BOOKMARK.search(text)
        bookmark = ""
        if m:
            text = _BOOKMARK.sub("", text)
            bookmark = f'<w:bookmarkStart w:id="0" w:name="{escape(m.group(1))}"/><w:bookmarkEnd w:id="0"/>'
        if isinstance(block, Heading) and block.level == 0:
            body.append(wr.para(wr.run(text), style="Title", jc="center"))
            continue
        m = _ARABIC_HEADING.match(text)
        if isinstance(block, Heading) and m:
            num_id = _new_num(wr, 1, int(m.group(1)))
            body.append(wr.para(wr.run(m.group(2)), style="Heading1", num=(num_id, 0), indent=False))
            continue
        if isinstance(block, Heading) and _HEADING_NUMBER.match(text):
            body.append(wr.para(wr.run(text), style="Heading1", num=(0, 0), indent=False))
            continue
        body.append(wr.para(bookmark + wr.run(text)))
    document = f"{XML_HEAD}<w:document {NS}><w:body>{''.join(body)}</w:body></w:document>"
    return package(document, wr, {**o, "header_footer": False}, title=doc.blocks[0].text if doc.blocks else None)


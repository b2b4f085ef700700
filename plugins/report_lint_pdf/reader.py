"""From PDF bytes to the core's Document, within limits of pages, objects and time.

pypdfium2 is imported here, so only when a PDF is read. Every page is read the same
way: its characters (``chars``), its rules (``ruling``), the ruled tables they form
(``grid``), the remaining lines without page furniture (``furniture``), tables drawn
without lines (``lineless``); then ``layout`` puts the pages in reading order.
"""

from __future__ import annotations

import dataclasses
import time

from report_lint.document import Document, Heading, Paragraph, ParseProblem, Table
from report_lint.errors import InputError
from report_lint.location import Location

from . import furniture, lineless
from .chars import page_glyphs
from .grid import find_tables
from .layout import Page, build_blocks
from .messages import text as message
from .ruling import page_rules
from .text import group_lines

# Pages, drawing objects and characters per page are bounded by the run's limits
# (report_lint.limits: ``pages`` and ``elements``, raised with --limit NAME=VALUE);
# time by ``seconds``, checked between pages as well as by the batch's alarm.


def _error(key: str, **values) -> InputError:
    return InputError(*message(key, **values))


def parse(data: bytes, path: str, *, max_pages: int | None = None, time_limit: float | None = None) -> Document:
    from report_lint.limits import current

    limits = current()
    max_pages = limits.pages if max_pages is None else max_pages
    time_limit = limits.seconds if time_limit is None else time_limit
    if not data:
        raise _error("empty")
    if b"%PDF-" not in data[:1024]:
        raise _error("not_pdf")
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == raw.FPDF_ERR_PASSWORD:
            raise _error("encrypted")
        raise _error("damaged", reason=str(exc))
    try:
        return _read(pdf, raw, path, max_pages, time_limit, limits.elements)
    finally:
        pdf.close()


def _read(pdf, raw, path: str, max_pages: int, time_limit: float, per_page: int) -> Document:
    started = time.monotonic()
    doc = Document(source_path=path, source_format="pdf")
    count = len(pdf)
    if count > max_pages:
        raise _error("too_many_pages", pages=count, limit=max_pages)
    if count == 0:
        raise _error("damaged", reason="0 pages")
    doc.properties.update(_properties(pdf, count))
    page_lines: list[list] = []
    page_tables: list[list] = []
    sizes: list[tuple[float, float]] = []
    no_text: list[int] = []
    glyph_total = 0
    for index in range(count):
        if time.monotonic() - started > time_limit:
            raise _error("too_slow", seconds=int(time_limit), done=index, pages=count)
        number = index + 1
        lines, tables, size, glyphs = _read_page(pdf, raw, index, doc, per_page)
        glyph_total += abs(glyphs)  # -1: a page skipped for its size, not for lack of text
        if glyphs == 0:
            no_text.append(number)
        page_lines.append(lines)
        page_tables.append(tables)
        sizes.append(size)
    if glyph_total == 0:
        doc.problems.append(ParseProblem(*message("no_text"), Location(page=1), severity="error"))
        return doc
    for number in no_text:
        doc.problems.append(ParseProblem(*message("page_no_text", page=number), Location(page=number)))
    page_lines = furniture.strip(page_lines, [h for _, h in sizes])
    pages = []
    for index, (lines, tables) in enumerate(zip(page_lines, page_tables)):
        lines, found = lineless.find(lines, index + 1)
        for t in found:
            for reg in t.uncertain:
                zh, en = message("uncertain_cell", text=reg.text[:30])
                doc.problems.append(ParseProblem(zh, en, Location(page=t.page, bbox=tuple(round(v, 1) for v in reg.bbox))))
        pages.append(Page(index + 1, sizes[index][0], sizes[index][1], lines, [*tables, *found]))
    doc.blocks = _number(build_blocks(pages))
    return doc


def _read_page(pdf, raw, index: int, doc: Document, per_page: int):
    number = index + 1
    try:
        page = pdf[index]
    except Exception:  # noqa: BLE001 - pdfium refuses a broken page; the others are still read
        doc.problems.append(ParseProblem(*message("page_unreadable", page=number), Location(page=number)))
        return [], [], (595.0, 842.0), 0
    try:
        width, height = page.get_size()
        objects = raw.FPDFPage_CountObjects(page)
        if objects > per_page:
            doc.problems.append(ParseProblem(*message("page_too_many_objects", page=number, count=objects,
                                                      limit=per_page), Location(page=number)))
            return [], [], (width, height), -1
        textpage = page.get_textpage()
        try:
            glyphs, cut = page_glyphs(raw, textpage, height, per_page)
        finally:
            textpage.close()
        if cut:
            doc.problems.append(ParseProblem(*message("page_too_many_chars", page=number, limit=per_page),
                                             Location(page=number)))
        rules = page_rules(raw, page, height, per_page)
        tables, rest = find_tables(rules, glyphs, number) if rules is not None else ([], glyphs)
        return group_lines(rest), tables, (width, height), len(glyphs)
    finally:
        page.close()


def _number(blocks: list) -> list:
    """Table and paragraph numbers into the locations, and headings told from paragraphs."""
    from report_lint_text.blocks import classify_line

    out = []
    table_no = para_no = 0
    for block in blocks:
        if isinstance(block, Table):
            table_no += 1
            block.index = table_no
            block.location = dataclasses.replace(block.location, table=table_no)
            for row in block.rows:
                for cell in row:
                    cell.location = dataclasses.replace(cell.location, table=table_no)
            out.append(block)
            continue
        para_no += 1
        loc = dataclasses.replace(block.location, paragraph=para_no)
        classified = classify_line(block.text, loc, first=not out)
        out.append(classified if isinstance(classified, (Heading, Paragraph)) else Paragraph(block.text, loc))
    return out


def _properties(pdf, count: int) -> dict[str, str]:
    out = {"pages": str(count)}
    try:
        meta = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # noqa: BLE001 - damaged metadata is not worth a finding
        return out
    names = {"Title": "title", "Author": "creator", "Subject": "subject", "Keywords": "keywords",
             "Creator": "application", "Producer": "producer", "CreationDate": "created", "ModDate": "modified"}
    for key, name in names.items():
        if meta.get(key):
            out[name] = str(meta[key])[:500]
    return out

"""Factory's fictional reports with their tables flattened in many styles: separators,
label numbering, digits, page furniture, Markdown (html_factory's ``flat`` layouts are
one style among these). Written blind to the recovery code, as a generalisation test.

* ``STYLES``: style names; ``STYLE_NOTES`` says what each one does.
* ``render(report, style) -> str``: the whole report (title, narrative, the three tables
  flattened in ``style``) as text; styles whose name starts with ``md-`` give Markdown.
* ``render_html(report, style) -> str``: the same text as a page, one ``<p>`` per line.
* ``table_rows(report, name)``: the rows the renderings print, as
  ``(labels, values, is_header)`` with the values exactly as printed by ``factory``.
* ``report_variant(seed, kind)``: a clean report whose values are ``normal``, mostly
  ``zeros``, ``large`` (1,234 and more) or ``allzero``; ``nopostcode`` is ``normal``
  with a contact sentence that has no postcode.

Deterministic: a style and a report always give the same text. Everything is fictional
(factory's organs and narrative); only the template's table labels are reproduced.
"""

from __future__ import annotations

import html as _html
import random
import re
from dataclasses import dataclass, replace

import factory as F

# ---------------------------------------------------------------------------
# Styles
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    cell: str = ""            # between cells of a row (and between label and values)
    label_sep: str | None = None  # between the last label and the first value (default: cell)
    row: str = "\n"           # between rows
    numbering: str = "template"  # template | none | halfwidth | dunhao | paren | fullstop
    label_spaces: bool = False   # spaces inside labels (PDF/Word line-wrap leftovers)
    digits: str = "ascii"        # ascii | fullwidth
    thousands: bool = False      # 1,234
    stray_space: bool = False    # one stray space inside a multi-digit number per table
    header: str = "keep"         # keep | drop | repeat (表三's header again mid-table)
    page_break: bool = False     # "- 3 -" page number inside 表三
    markdown: bool = False       # a .md file rather than .txt
    outer: str = ""              # printed before and after every row


_BASE = {
    # separators
    "glued-table": Style(row=""),                      # whole table one line, nothing between cells (as html_factory's flat)
    "glued-rows": Style(),                             # one row per line, cells run together
    "space-rows": Style(cell=" "),                     # one row per line, single spaces
    "space-table": Style(cell=" ", row=" "),           # whole table one line, single spaces
    "tab-rows": Style(cell="\t"),                      # one row per line, tabs (no leading tab)
    "pipe-rows": Style(cell="|"),                      # label|1|0|0 (a pipe dump, no markdown grid)
    "cell-lines": Style(cell="\n"),                    # every cell on its own line, no tabs
    "label-space": Style(label_sep=" "),               # "label 21710000218"
    "label-line": Style(label_sep="\n"),              # label on one line, its run-together digits on the next
    "ideo-space-rows": Style(cell="\u3000"),          # full-width (ideographic) spaces between cells
    "nbsp-rows": Style(cell="\u00a0"),                # no-break spaces between cells (&nbsp; from a page)
    "layout-spaces": Style(cell="   "),                # pdftotext -layout: runs of spaces
    "pipe-outer": Style(cell="|", outer="|"),          # |label|1|0|0| without a markdown separator row
    # labels
    "no-numbering": Style(numbering="none"),
    "halfwidth-punct": Style(numbering="halfwidth"),   # (一) instead of （一）
    "num-dunhao": Style(numbering="dunhao"),           # 1、 instead of 1.
    "num-paren": Style(numbering="paren"),             # （1） instead of 1.
    "num-fullstop": Style(numbering="fullstop"),       # 1． (full-width full stop)
    "label-spaces": Style(label_spaces=True),
    "no-header": Style(header="drop"),
    "no-header-table": Style(row="", header="drop"),
    # numbers
    "fullwidth-glued": Style(digits="fullwidth"),
    "fullwidth-space": Style(cell=" ", digits="fullwidth"),
    "thousands-space": Style(cell=" ", thousands=True),
    "thousands-glued": Style(thousands=True),
    "stray-space": Style(stray_space=True),
    "stray-space-table": Style(row="", stray_space=True),
    # page furniture
    "page-break": Style(page_break=True),
    "page-break-table": Style(row="", page_break=True),
    "repeat-header": Style(header="repeat"),
    "repeat-header-table": Style(row="", header="repeat"),
    # markdown files
    "md-glued-rows": Style(markdown=True),
    "md-space-rows": Style(cell=" ", markdown=True),
    "md-glued-table": Style(row="", markdown=True),
}

STYLES: tuple[str, ...] = tuple(_BASE)
STYLE_NOTES = {name: repr(style) for name, style in _BASE.items()}


# ---------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------

KINDS = ("normal", "zeros", "large", "allzero", "nopostcode")


def report_variant(seed: int, kind: str = "normal") -> F.FictionalReport:
    """A clean report: factory's own, or with mostly-zero, large or all-zero tables."""
    if kind == "normal":
        return F.make_report(seed)
    if kind == "nopostcode":  # a contact sentence without a postcode (common outside a few provinces)
        return F.with_contact(F.make_report(seed), "如对本报告有疑问，请与本机关办公室联系，电话：0571-88000001。")
    max_value = {"zeros": 2, "large": 2000, "allzero": 0}[kind]
    organ = F._pick_organ(random.Random(seed))  # make_report's first draw: same organ
    tables = F.consistent_tables(random.Random(seed * 7919 + 1), max_value=max_value, rule_making=organ.rule_making)
    return F.make_report(seed, tables=tables)


# ---------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------


def _header_cells(rows) -> list[str]:
    return [c.replace("\n", "") for c in rows if c]


def table_rows(report: F.FictionalReport, name: str) -> list[tuple[list[str], list[str], bool]]:
    """(labels, printed values, is_header) in template order, merged cells printed once."""
    text = lambda key: F._cell_text(report, key)  # noqa: E731
    out: list[tuple[list[str], list[str], bool]] = []
    if name == "active_disclosure":
        for heading, columns, items in F._ACTIVE_GROUPS:
            out.append(([heading], [], True))
            out.append((["信息内容", *columns], [], True))
            for label, item, fields in items:
                out.append(([label], [text(f"active_disclosure.{item}.{f}") for f in fields], False))
        return out
    if name == "requests":
        for row in F._REQUEST_HEADER_ROWS:
            out.append((_header_cells(row), [], True))
        for row, labels in F._REQUEST_LAYOUT:
            out.append(([x for x in labels if x], [text(f"requests.{row}.{c}") for c in F.REQUEST_COLUMNS], False))
        return out
    for row in F._REVIEW_HEADER_ROWS:
        out.append((_header_cells(row), [], True))
    out.append(([], [text(f"review_litigation.{b}.{f}") for b in F.REVIEW_BLOCKS for f in F.REVIEW_FIELDS], False))
    return out


# ---------------------------------------------------------------------------
# Cell transforms
# ---------------------------------------------------------------------------

_CN = "一二三四五六七八九十"
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def _label(text: str, style: Style) -> str:
    n = style.numbering
    if n == "none":
        text = re.sub(rf"^(?:[{_CN}]+、|（[{_CN}]+）|\d+\.)", "", text)
    elif n == "halfwidth":
        text = text.replace("（", "(").replace("）", ")")
    elif n == "dunhao":
        text = re.sub(r"^(\d+)\.", r"\1、", text)
    elif n == "paren":
        text = re.sub(r"^(\d+)\.", r"（\1）", text)
    elif n == "fullstop":
        text = re.sub(r"^(\d+)\.", lambda m: m.group(1).translate(_FULL) + "．", text)
    if style.label_spaces and len(text) > 4:
        m = re.match(rf"^(?:[{_CN}]+、|（[{_CN}]+）|\(.\)|\d+[.、．]|（\d+）)", text)
        head = m.group(0) if m else ""
        rest = text[len(head):]
        mid = len(rest) // 2
        text = (head + " " if head else "") + rest[:mid] + " " + rest[mid:]
    return text


def _value(text: str, style: Style) -> str:
    if style.thousands and re.fullmatch(r"\d{4,}", text):
        text = f"{int(text):,}"
    if style.digits == "fullwidth":
        text = text.translate(_FULL)
    return text


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def flat_table(report: F.FictionalReport, name: str, style: str | Style) -> str:
    """One table's text in ``style``."""
    st = _BASE[style] if isinstance(style, str) else style
    label_sep = st.cell if st.label_sep is None else st.label_sep
    rows = table_rows(report, name)
    header = [r for r in rows if r[2]]
    lines: list[str] = []
    stray_done = not st.stray_space
    for i, (labels, values, is_header) in enumerate(rows):
        if is_header and st.header == "drop" and name != "active_disclosure":
            continue
        labels = [_label(x, st) for x in labels] if not is_header else labels
        shown = [_value(v, st) for v in values]
        if not stray_done:
            for j, v in enumerate(shown):
                if len(v) >= 2 and v.isdigit():
                    shown[j] = v[:1] + " " + v[1:]
                    stray_done = True
                    break
        text = st.cell.join(labels)
        if shown:
            text = text + (label_sep if labels else "") + st.cell.join(shown)
        lines.append(st.outer + text + st.outer if st.outer else text)
        if name == "requests" and labels and labels[-1].endswith("重复申请"):
            if st.page_break:
                lines.append("- 3 -")
            if st.header == "repeat":
                lines += [st.cell.join(h[0]) for h in header]
    return st.row.join(lines)


def _blocks(report: F.FictionalReport, st: Style) -> list[str]:
    heading = (lambda h: f"## {h}") if st.markdown else (lambda h: h)
    return F._body(report, lambda name: flat_table(report, name, st), paragraph=lambda p: p, heading=heading)


def render(report: F.FictionalReport, style: str) -> str:
    """The whole report with its tables flattened in ``style`` (.md for ``md-*``)."""
    st = _BASE[style]
    blocks = _blocks(report, st)
    if st.markdown:
        return "\n\n".join([f"# {report.title}"] + blocks) + "\n"
    return "\n".join([report.title, ""] + blocks) + "\n"


def suffix(style: str) -> str:
    return ".md" if _BASE[style].markdown else ".txt"


def render_html(report: F.FictionalReport, style: str) -> str:
    """The text rendering as a page: every non-empty line one ``<p>``."""
    st = replace(_BASE[style], markdown=False)
    lines = [line for b in _blocks(report, st) for line in b.split("\n") if line.strip()]
    body = "".join(f"<p>{_html.escape(line, quote=False)}</p>\n" for line in lines)
    title = _html.escape(report.title or "", quote=False)
    return (f'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n</head>\n'
            f"<body>\n<h1>{title}</h1>\n{body}</body>\n</html>\n")


__all__ = ["KINDS", "STYLES", "STYLE_NOTES", "Style", "flat_table", "render", "render_html", "report_variant",
           "suffix", "table_rows"]

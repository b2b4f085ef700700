"""Fictional reports (``tests/factory.py``) rendered in web-page markups the project's own
``html_factory`` does not produce: the shapes real government CMSs, Word/WPS/Excel
exports and old hand-made sites give an annual report. Written blind to the HTML
parser, as a generalisation test.

Every layout is small and deterministic: same report + layout + encoding -> same bytes.

Public API
----------
* ``LAYOUTS``: the layout names (see ``DESCRIPTIONS``).
* ``render(report, layout, encoding="utf-8", *, declare="default") -> bytes``.
  ``declare``: ``"default"`` (the layout's own habit), ``"meta"`` (``<meta charset>``),
  ``"http-equiv"``, ``"xml"`` (XML prolog only), ``None`` (no declaration at all).
"""

from __future__ import annotations

import html as _html

import factory as F

DESCRIPTIONS = {
    "thead-th": "<th scope> headers, <thead> whose rows are repeated at the top of <tbody>, <colgroup>/<col>, "
                "width/border/cellpadding, <caption>表X …</caption>, <h3> headings",
    "br-cells": "labels broken by <br> and by several <p> in one cell, &nbsp;/&#12288; padding, ZWSP, "
                "<p><strong> headings",
    "fullwidth": "full-width digits (and ．) in value cells, padded with spaces/&nbsp;, plain numbered <p> headings",
    "overflow-center": "div.view.TRS_UEDITOR, each table in <center><div style=overflow-x:auto>, "
                       "<div class=title> headings",
    "layout-table": "whole site in nested layout <table>s, article in <td id=zoom>, <font face=仿宋_GB2312 size=4>, "
                    "FrontPage attrs, <p><b> headings, GB2312 + http-equiv",
    "xhtml": "<?xml?> prolog, XHTML 1.0 doctype and xmlns, <br />, <col />, CDATA script, div.article-content",
    "html4-upper": "UPPERCASE tags, unquoted attributes, unclosed <P>/<TR>/<TD>, no </TBODY>, GBK + http-equiv",
    "wps": "WPS Office export: p.p0 / span mso-spacerun, MsoTableGrid, <o:p>, Word's hidden width row "
           "(<![if !supportMisalignedColumns]>)",
    "split-table": "表二 as four tables (one per 第二十条 group), 表三 split in two tables at a page break with the "
                   "header repeated and the 三、 rowspan reaching past the first part, a ghost trailing empty column",
    "excel": "Excel 'save as web page' tables: x:num/x:str, class=xl65, <col span>, <br style=mso-data-placement>, "
             "thousands separators",
    "ueditor": "UEditor markup: data-sort, tr.firstRow, td style=word-break, <p><span style=font-family> in every "
               "cell, <p><br/></p> spacers, UTF-8 with no declaration",
    "caption-heading": "the section heading of 二/三/四 only as the table's <caption>",
    "title-row": "the section heading of 二/三/四 only as the table's first merged row",
    "fill-merged": "merged cells unmerged with their text repeated in every covered cell (export tools), <th> rows",
    "br-paragraphs": "old CMS: the whole article one <div> of text lines separated by <br><br>, indented with "
                     "&#12288;, headings inline <strong>, source hard-wrapped inside sentences",
    "word-runs": "Word paste split into runs: headings and numbers cut over several <span>s, <table> inside <p>, "
                 "<div align=center> wrapper, <o:p>",
    "units-notes": "'单位：件' line before each table, a first table row '单位：件', a trailing 注： note row in <tfoot>",
    "dup-print": "the article twice: on screen, and a hidden print copy (<div style=display:none>) after it",
    "relabel": "labels retyped by hand: 1、/１．numbering, straight quotes, the (二) note dropped, spaces in labels, "
               "trailing colons",
    "multi-tbody": "表二 as one table with a <tbody> per 第二十条 group, CMS comments between rows and cells, 表三 "
                   "without the 申请人情况 row (two header rows)",
    "extra-tables": "extra tables a report really carries: a contact table in the preface, a per-column "
                    "disclosure count table and a 政务新媒体 table in section 一",
    "t4-vertical": "表四 turned vertical for a narrow page: one row per block (行政复议 / 未经复议直接起诉 / 复议后起诉), "
                   "five result columns",
    "split-nohead": "表三 split in two tables at a page break, the second part WITHOUT the header rows (no "
                    "'repeat header row' in Word), the split cutting the （三）不予公开 group in the middle",
    "one-label-col": "表三 retyped with a single label column holding each row's full label "
                     "(（三）不予公开 sub-rows as '1.属于国家秘密' …)",
    "entities": "all non-ASCII text written as numeric character references (&#20013;), charset iso-8859-1 declared",
    "title-br": "title over two lines in <h1> (organ<br>year…), Word's hidden width row at the table top, "
                "UEditor zero-width fillers (U+200B / U+FEFF) beside the numbers",
    "bold-lead": "section 一's sub-parts as bold leads: <p><strong>（一）主动公开。</strong>text</p>, and as "
                 "their own <p><strong>（二）依申请公开</strong></p> paragraphs",
    "related-years": "site chrome that names other years' reports: sidebar list, 上一篇/下一篇, related "
                     "articles; 发布时间 as 2024年01月20日; an info table (索引号/成文日期)",
    "thead-t2": "like thead-th, and 表二 too gets a <thead> (its first two rows) repeated at the top of <tbody>",
    "static-title": "site name as <title> and in a logo <h1>, the report title in <div class=\"tit\">, <h3> "
                    "section headings",
    "body-title": "static <title>, no heading element for the title: it is the article's first paragraph "
                  "(<p align=center><strong>), section headings in <h3>",
    "t2-repeat": "表二 as one table crossing a page break: its two header rows printed again after the first "
                 "第二十条 group",
    "t3-subtotal": "表三 with the extra columns and rows some tools add (DOMAIN.md: accept, don't require): a 小计 "
                   "column after the five 法人或其他组织 columns and a 小计 row closing （三）不予公开",
    "heading-br": "long section headings wrapped by a <br> (<p><strong>四、政府信息公开行政复议、<br>行政诉讼情况"
                  "</strong></p>, <h3>三、收到和处理<br>政府信息公开申请情况</h3>), a '表X …' caption paragraph "
                  "before each table",
    "ragged": "ragged rows: a trailing empty <td> on the value rows only (表三 and 表四), not on the header rows",
}
LAYOUTS: tuple[str, ...] = tuple(DESCRIPTIONS)

_DEFAULT_DECLARE = {
    "layout-table": "http-equiv", "html4-upper": "http-equiv", "xhtml": "xml+http-equiv", "ueditor": None,
    "wps": "http-equiv", "excel": "http-equiv",
}

FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def esc(text: str) -> str:
    return _html.escape(text, quote=False)


# ---------------------------------------------------------------------------
# Grids with cell kinds
# ---------------------------------------------------------------------------

class Cell:
    __slots__ = ("text", "rs", "cs", "kind", "key")

    def __init__(self, text, rs=1, cs=1, kind="label", key=None):
        self.text, self.rs, self.cs, self.kind, self.key = text, rs, cs, kind, key

    def __repr__(self):
        return f"Cell({self.text!r},{self.rs},{self.cs},{self.kind})"


def grid(report, name):
    """(header_rows, rows) in the official merged layout; ``kind`` is header/label/value."""
    val = lambda k: Cell(F._cell_text(report, k), kind="value", key=k)  # noqa: E731
    if name == "active_disclosure":
        groups = []
        for heading, columns, items in F._ACTIVE_GROUPS:
            rows = [[Cell(heading, 1, 4, "header")]]
            if len(columns) == 3:
                rows.append([Cell("信息内容", kind="header")] + [Cell(c, kind="header") for c in columns])
            else:
                rows.append([Cell("信息内容", kind="header"), Cell(columns[0], 1, 3, "header")])
            for label, item, fields in items:
                keys = [f"active_disclosure.{item}.{f}" for f in fields]
                if len(keys) == 3:
                    rows.append([Cell(label)] + [val(k) for k in keys])
                else:
                    c = val(keys[0])
                    c.cs = 3
                    rows.append([Cell(label), c])
            groups.append(rows)
        return groups  # list of row lists, one per group
    if name == "requests":
        rows = [
            [Cell(F._REQUEST_HEADER_ROWS[0][0], 3, 3, "header"), Cell("申请人情况", 1, 7, "header")],
            [Cell("自然人", 2, 1, "header"), Cell("法人或其他组织", 1, 5, "header"), Cell("总计", 2, 1, "header")],
            [Cell(t, kind="header") for t in ("商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他")],
        ]
        group_spans = {"denied_state_secret": 8, "unable_not_held": 3, "not_processed_complaint": 5,
                       "other_overdue_correction": 3}
        for row, labels in F._REQUEST_LAYOUT:
            values = [val(f"requests.{row}.{c}") for c in F.REQUEST_COLUMNS]
            if len(labels) == 1:
                cells = [Cell(labels[0], 1, 3)]
            elif row == "granted":
                cells = [Cell(labels[0], 22, 1), Cell(labels[1], 1, 2)]
            elif len(labels) == 2:
                cells = [Cell(labels[1], 1, 2)]
            elif row in group_spans:
                cells = [Cell(labels[1], group_spans[row], 1), Cell(labels[2])]
            else:
                cells = [Cell(labels[2])]
            rows.append(cells + values)
        return rows
    results = [Cell(t, 2, 1, "header") for t in ("结果维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计")]
    return [
        [Cell("行政复议", 1, 5, "header"), Cell("行政诉讼", 1, 10, "header")],
        results + [Cell("未经复议直接起诉", 1, 5, "header"), Cell("复议后起诉", 1, 5, "header")],
        [Cell(t, kind="header") for t in F._REVIEW_RESULT_LABELS] * 2,
        [val(f"review_litigation.{b}.{f}") for b in F.REVIEW_BLOCKS for f in F.REVIEW_FIELDS],
    ]


def all_rows(report, name):
    g = grid(report, name)
    return [r for grp in g for r in grp] if name == "active_disclosure" else g


HEADER_ROWS = {"requests": 3, "review_litigation": 3}
WIDTH = {"active_disclosure": 4, "requests": 10, "review_litigation": 15}
TITLES = {"active_disclosure": "表二  主动公开政府信息情况", "requests": "表三  收到和处理政府信息公开申请情况",
          "review_litigation": "表四  政府信息公开行政复议、行政诉讼情况"}
SECTION_OF = {v: k for k, v in F.SECTION_TABLES.items()}


def fill_grid(rows, width):
    """Unmerged full grid with the merged text repeated in every covered slot."""
    out, pending = [], {}
    for r, row in enumerate(rows):
        line, it, c = [], iter(row), 0
        while c < width:
            if (r, c) in pending:
                line.append(pending.pop((r, c)))
                c += 1
                continue
            cell = next(it, None)
            if cell is None:
                line.append(Cell("", kind="label"))
                c += 1
                continue
            for dr in range(cell.rs):
                for dc in range(cell.cs):
                    copy = Cell(cell.text, kind=cell.kind, key=cell.key if (dr, dc) == (0, 0) else None)
                    if (dr, dc) == (0, 0):
                        line.append(copy)
                    elif dr == 0:
                        line.append(copy)
                    else:
                        pending[(r + dr, c + dc)] = copy
            c += cell.cs
        out.append(line)
    return out


# ---------------------------------------------------------------------------
# Cell text styles
# ---------------------------------------------------------------------------

def lines_html(text, sep="<br>"):
    return sep.join(esc(x) for x in text.split("\n")) if text else "&nbsp;"


def br_label(text):
    """Labels as editors break them: short ones spread with full-width spaces, long ones
    broken by <br>, the 勾稽 note in several <p>."""
    plain = text.replace("\n", "")
    if plain.startswith("（本列数据"):
        return "<p>（本列数据的勾稽关系为：</p><p>第一项加第二项之和，</p><p>等于第三项加第四项之和）</p>"
    if plain in ("总计", "其他", "规章"):
        return f"{plain[0]}&#12288;{plain[1]}"
    if plain == "自然人":
        return "自&nbsp;然&nbsp;人"
    if plain in ("行政复议", "行政诉讼", "行政许可", "行政处罚", "行政强制"):
        return f"{plain[:2]}<br>{plain[2:]}"
    if "\n" in text:
        return "<br>".join(esc(x) for x in text.split("\n"))
    if plain == "法律服务机构":
        return "法律服务&shy;机构"
    if plain.startswith("（一）予以公开"):
        return "（一）&#8203;予以公开"
    if len(plain) > 10 and not plain.startswith("第二十条"):
        cut = len(plain) // 2
        return f"&nbsp;&nbsp;{esc(plain[:cut])}<br>{esc(plain[cut:])}"
    if plain == "本年收费金额（单位：万元）":
        return "本年收费金额<br>（单位：万元）"
    return f"&nbsp;{esc(plain)}&nbsp;"


def fw_value(text, i):
    t = text.translate(FULLWIDTH)
    return [t, f" {t} ", f"&nbsp;{t}", f"{t}&nbsp;&nbsp;"][i % 4]


# ---------------------------------------------------------------------------
# Generic table writer
# ---------------------------------------------------------------------------

def table_markup(rows, *, name, open_tag="<table>", cell=None, header_rows=0, thead=False, repeat_head=False,
                 caption=None, colgroup=None, row_open=lambda r: "<tr>", row_close="</tr>", close="</table>",
                 tbody=True, extra_rows=""):
    cell = cell or (lambda c, r, i: f"<td{span(c)}>{lines_html(c.text)}</td>")
    out = [open_tag]
    if caption:
        out.append(caption)
    if colgroup:
        out.append(colgroup)
    body_rows = []
    i = 0
    for r, row in enumerate(rows):
        cells = []
        for c in row:
            cells.append(cell(c, r, i))
            i += 1
        body_rows.append(row_open(r) + "".join(cells) + row_close)
    head, body = body_rows[:header_rows], body_rows[header_rows:]
    if thead and head:
        out.append("<thead>" + "\n".join(head) + "</thead>")
        out.append("<tbody>" + ("\n".join(head) + "\n" if repeat_head else "") + "\n".join(body) + extra_rows
                   + "</tbody>")
    elif tbody:
        out.append("<tbody>" + "\n".join(body_rows) + extra_rows + "</tbody>")
    else:
        out.append("\n".join(body_rows) + extra_rows)
    out.append(close)
    return "\n".join(out) + "\n"


def span(c, upper=False, quote='"'):
    a = ""
    if c.rs > 1:
        a += f" {'ROWSPAN' if upper else 'rowspan'}={quote}{c.rs}{quote}"
    if c.cs > 1:
        a += f" {'COLSPAN' if upper else 'colspan'}={quote}{c.cs}{quote}"
    return a


# ---------------------------------------------------------------------------
# Layouts: table renderers
# ---------------------------------------------------------------------------

def t_thead_th(report, name, t2=False, **_):
    rows = all_rows(report, name)
    hr = HEADER_ROWS.get(name, 2 if t2 else 0)

    def cell(c, r, i):
        if c.kind == "header":
            scope = ' scope="colgroup"' if c.cs > 1 else ' scope="col"'
            return f"<th{scope}{span(c)}>{lines_html(c.text)}</th>"
        if c.kind == "label":
            return f'<th scope="row"{span(c)} style="text-align:left">{lines_html(c.text)}</th>'
        return f'<td{span(c)} align="center">{esc(c.text)}</td>'

    w = WIDTH[name]
    colgroup = "<colgroup>" + "".join(f'<col width="{int(100 / w)}%">' for _ in range(w)) + "</colgroup>"
    return table_markup(rows, name=name, cell=cell, header_rows=hr, thead=bool(hr), repeat_head=True,
                        open_tag='<table width="100%" border="1" cellspacing="0" cellpadding="5" '
                                 'style="border-collapse:collapse">',
                        caption=f"<caption>{esc(TITLES[name])}</caption>", colgroup=colgroup)


def t_br_cells(report, name, **_):
    def cell(c, r, i):
        inner = br_label(c.text) if c.kind != "value" else f"&nbsp;{esc(c.text)}&nbsp;"
        return f'<td{span(c)} valign="middle" align="center">{inner}</td>'
    return table_markup(all_rows(report, name), name=name, cell=cell, open_tag='<table border="1" cellspacing="0">')


def t_fullwidth(report, name, **_):
    def cell(c, r, i):
        inner = fw_value(c.text, i) if c.kind == "value" else lines_html(c.text)
        return f"<td{span(c)}>{inner}</td>"
    return table_markup(all_rows(report, name), name=name, cell=cell, open_tag='<table border="1">')


def t_overflow(report, name, **_):
    inner = table_markup(all_rows(report, name), name=name,
                         open_tag='<table class="MsoNormalTable" border="1" width="600" style="width:100%">')
    return f'<center><div style="overflow-x:auto;width:100%">\n{inner}</div></center>\n'


def t_layout_table(report, name, **_):
    def cell(c, r, i):
        txt = lines_html(c.text)
        return f"<td{span(c)} align=center><font face=仿宋_GB2312 size=3>{txt}</font></td>"
    return table_markup(all_rows(report, name), name=name, cell=cell, tbody=False,
                        open_tag='<table borderColor=#000000 cellSpacing=0 cellPadding=0 width="100%" border=1 '
                                 'style="BORDER-COLLAPSE: collapse">')


def t_xhtml(report, name, **_):
    w = WIDTH[name]
    colgroup = "".join('<col width="60" />' for _ in range(w))

    def cell(c, r, i):
        return f"<td{span(c)}>{lines_html(c.text, '<br />')}</td>"
    return table_markup(all_rows(report, name), name=name, cell=cell, colgroup=colgroup,
                        open_tag='<table border="1" cellspacing="0" cellpadding="0" summary="">')


def t_html4_upper(report, name, **_):
    def cell(c, r, i):
        return f"<TD{span(c, upper=True, quote='')} ALIGN=center>{lines_html(c.text, '<BR>')}\n"
    return table_markup(all_rows(report, name), name=name, cell=cell, row_open=lambda r: "<TR>\n", row_close="",
                        tbody=False, open_tag="<TABLE BORDER=1 CELLSPACING=0 CELLPADDING=2 WIDTH=\"100%\">",
                        close="</TABLE>")


def _wps_cell(c, width):
    style = ("width:%spt;padding:0.0000pt 5.4000pt 0.0000pt 5.4000pt ;border-left:0.5000pt solid windowtext;"
             "mso-border-left-alt:0.5000pt solid windowtext;border-right:0.5000pt solid windowtext;"
             "border-top:0.5000pt solid windowtext;border-bottom:0.5000pt solid windowtext;" % width)
    paras = "".join(
        f"<p class=p0 style=\"text-align:center;margin-bottom:0pt;margin-top:0pt;\"><span style=\"mso-spacerun:'yes';"
        f"font-family:仿宋_GB2312;font-size:10.5000pt;mso-font-kerning:1.0000pt;\">{esc(line)}</span>"
        f"<span style=\"mso-spacerun:'yes';font-family:仿宋_GB2312;font-size:10.5000pt;\"><o:p></o:p></span></p>"
        for line in (c.text.split("\n") if c.text else [""]))
    return f"<td width={int(width * 4 / 3)} valign=center{span(c, quote='')} style=\"{style}\" >{paras}</td>"


def t_wps(report, name, **_):
    w = WIDTH[name]
    width = 42.55
    ghost = ("<![if !supportMisalignedColumns]><tr width=0 style='display:none;'>"
             + "".join(f"<td width={int(width * 4 / 3)} style='width:{width}pt;'></td>" for _ in range(w))
             + "</tr><![endif]>")
    return table_markup(all_rows(report, name), name=name, cell=lambda c, r, i: _wps_cell(c, width), tbody=False,
                        row_open=lambda r: "<tr>", extra_rows=ghost,
                        open_tag="<table class=MsoTableGrid border=1 cellspacing=0 style=\"border-collapse:collapse;"
                                 "width:425.2000pt;mso-table-layout-alt:fixed;border:none;mso-border-left-alt:0.5000pt "
                                 "solid windowtext;mso-padding-alt:0.0000pt 5.4000pt 0.0000pt 5.4000pt ;\" >")


def t_split(report, name, **_):
    if name == "active_disclosure":
        return "".join(table_markup(g, name=name, open_tag='<table border="1" width="100%">')
                       + "<p>&nbsp;</p>\n" for g in grid(report, name))
    rows = all_rows(report, name)

    def ghost(r):
        return "<td>&nbsp;</td>"  # a ghost column Word leaves after a deleted column

    def cell(c, r, i):
        return f"<td{span(c)}>{lines_html(c.text)}</td>"

    if name != "requests":
        return table_markup(rows, name=name, cell=cell, open_tag='<table border="1">',
                            row_open=lambda r: "<tr>", row_close=ghost(0) + "</tr>")
    cut = 3 + 12  # header rows + 12 data rows (through unable_not_held... )
    first = rows[:cut]
    second_data = [list(r) for r in rows[cut:]]
    # the 三、本年度办理结果 cell keeps rowspan=22 in the first part (reaches past its last row);
    # the second part starts with the rows that lost their first-column cell: give them a blank
    # continuation cell (as Word does when it splits a merged cell at a page break)
    n_granted = 2 + 1  # rows before granted in the data: new_received, carried_over -> index of granted = 2
    rows_in_first_after_granted = cut - 3 - n_granted + 1
    remaining = 22 - rows_in_first_after_granted
    for k in range(remaining):
        second_data[k].insert(0, Cell("", kind="label"))
    # the group label (（四）无法提供 rowspan 3) starts at unable_not_held: row index 3+12 = in second?
    part1 = table_markup(first, name=name, cell=cell, open_tag='<table border="1" width="100%">',
                         row_open=lambda r: "<tr>", row_close=ghost(0) + "</tr>")
    head = rows[:3]
    part2 = table_markup(head + second_data, name=name, cell=cell, open_tag='<table border="1" width="100%">',
                         row_open=lambda r: "<tr>", row_close="</tr>")
    return (part1 + "<p style=\"page-break-before:always\">&nbsp;</p>\n"
            + "<p align=\"right\">（续表）</p>\n" + part2)


def _xl_value(text, key=None):
    if key == "active_disclosure.fees.amount":
        from decimal import Decimal
        return f"{Decimal(text):.2f}" if text.replace(".", "", 1).isdigit() else text
    if text.isdigit() and len(text) > 3:
        return f"{int(text):,}"
    return text


def t_excel(report, name, **_):
    w = WIDTH[name]

    def cell(c, r, i):
        if c.kind == "value":
            num = c.text.replace(".", "", 1).isdigit()
            attr = f' x:num="{c.text}"' if num else ""
            return f"<td class=xl67{span(c, quote='')}{attr}>{esc(_xl_value(c.text, c.key))}</td>"
        txt = "<br style='mso-data-placement:same-cell;'>".join(esc(x) for x in c.text.split("\n"))
        return f"<td class=xl66{span(c, quote='')} style='border-left:none;width:54pt'>{txt}</td>"
    cols = f"<col width=72 span={w} style='mso-width-source:userset;mso-width-alt:2304;width:54pt'>"
    return table_markup(all_rows(report, name), name=name, cell=cell, colgroup=cols, tbody=False,
                        row_open=lambda r: f"<tr height=36 style='mso-height-source:userset;height:27.0pt'>",
                        open_tag=f"<table x:str border=0 cellpadding=0 cellspacing=0 width={72 * w} "
                                 f"style='border-collapse:collapse;table-layout:fixed;width:{54 * w}pt'>")


def t_ueditor(report, name, **_):
    def cell(c, r, i):
        lines = c.text.split("\n") if c.text else []
        inner = "".join(f'<p style="text-align:center;"><span style="font-family: 仿宋_GB2312, 仿宋; font-size: 16px;">'
                        f'{esc(x)}</span></p>' for x in lines) or "<br/>"
        return f'<td width="{60 * c.cs}" valign="middle" align="center" style="word-break: break-all;"{span(c)}>{inner}</td>'
    return table_markup(all_rows(report, name), name=name, cell=cell,
                        row_open=lambda r: '<tr class="firstRow">' if r == 0 else "<tr>",
                        open_tag='<table data-sort="sortDisabled" width="100%" align="center">')


def t_caption(report, name, heading=None, **_):
    cap = f"<caption><strong>{esc(heading)}</strong></caption>" if heading else None
    return table_markup(all_rows(report, name), name=name, caption=cap, open_tag='<table border="1" width="100%">')


def t_title_row(report, name, heading=None, **_):
    rows = all_rows(report, name)
    if heading:
        rows = [[Cell(heading, 1, WIDTH[name], "title")]] + rows

    def cell(c, r, i):
        if c.kind == "title":
            return f'<td{span(c)} align="left"><strong>{esc(c.text)}</strong></td>'
        return f"<td{span(c)}>{lines_html(c.text)}</td>"
    return table_markup(rows, name=name, cell=cell, open_tag='<table border="1" width="100%">')


def t_fill(report, name, **_):
    rows = fill_grid(all_rows(report, name), WIDTH[name])
    hr = HEADER_ROWS.get(name, 0)

    def cell(c, r, i):
        tag = "th" if r < hr or c.kind == "header" else "td"
        return f"<{tag}>{esc(c.text.replace(chr(10), ''))}</{tag}>"
    return table_markup(rows, name=name, cell=cell, open_tag='<table class="table table-bordered">',
                        header_rows=hr, thead=bool(hr))


def t_br_paragraphs(report, name, **_):
    def cell(c, r, i):
        return f"<td{span(c)}>{lines_html(c.text)}</td>"
    # the table closes the text run: <br> before, table, text resumes
    return "</div>\n" + table_markup(all_rows(report, name), name=name, cell=cell,
                                     open_tag='<table border="1" cellspacing="0" cellpadding="0" align="center">') \
        + '<div class="zoom-text">'


def _runs(text, cut_every=2):
    """Word's habit of cutting a text into several runs (proofing marks, revisions)."""
    if not text:
        return "<o:p>&nbsp;</o:p>"
    if text.isdigit() or text.replace(".", "", 1).isdigit():
        parts = [text[:1], text[1:]] if len(text) > 1 else [text]
        return "".join(f"<span lang=EN-US style='font-size:10.5pt'>{esc(p)}</span>" for p in parts if p)
    cut = max(1, len(text) // cut_every)
    return (f"<span style='font-family:宋体'>{esc(text[:cut])}</span><span style='font-family:宋体;"
            f"mso-bidi-font-family:宋体'>{esc(text[cut:])}</span>")


def t_word_runs(report, name, **_):
    def cell(c, r, i):
        inner = "".join(f"<p class=MsoNormal align=center style='text-align:center'>{_runs(x)}</p>"
                        for x in (c.text.split("\n") if c.text else [""]))
        if c.kind == "value" and i % 3 == 0:
            inner += "<p class=MsoNormal align=center><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
        return f"<td valign=top{span(c, quote='')} style='border:solid windowtext 1.0pt'>{inner}</td>"
    t = table_markup(all_rows(report, name), name=name, cell=cell, tbody=False,
                     open_tag="<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>")
    return f"<p class=MsoNormal><div align=center>\n{t}</div></p>\n"


def t_units_notes(report, name, **_):
    rows = all_rows(report, name)
    rows = [[Cell("单位：件" if name != "active_disclosure" else "单位：件，万元", 1, WIDTH[name], "title")]] + rows

    def cell(c, r, i):
        if c.kind == "title":
            return f'<td{span(c)} align="right" style="border:none">{esc(c.text)}</td>'
        return f"<td{span(c)}>{lines_html(c.text)}</td>"
    note = ""
    if name == "requests":
        note = (f'<tfoot><tr><td colspan="{WIDTH[name]}" align="left">注：本表中“总计”列等于自然人与法人或其他组织各列之和。'
                f'</td></tr></tfoot>')
    t = table_markup(rows, name=name, cell=cell, open_tag='<table border="1" width="100%">',
                     close=note + "</table>")
    return '<p style="text-align:right">单位：件</p>\n' + t


RELABEL = {
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": "（二）部分公开",
    "3.危及“三安全一稳定”": "3、危及\"三安全一稳定\"",
    "三、本年度办理结果": "三、本年度办理结果：",
    "商业\n企业": "商业 企业",
    "自然人": "自 然 人",
    "法人或其他组织": "法人或其他组织：",
    "本年收费金额（单位：万元）": "本年收费金额(单位:万元)",
    "（七）总计": "（七） 总  计",
}


def relabel(text):
    if text in RELABEL:
        return RELABEL[text]
    import re
    m = re.match(r"^(\d)\.(.*)$", text)
    if m:
        n, rest = m.groups()
        return (f"{n}、{rest}" if int(n) % 2 else f"{chr(0xFF10 + int(n))}．{rest}")
    return text


def t_relabel(report, name, **_):
    def cell(c, r, i):
        t = relabel(c.text) if c.kind != "value" else c.text
        return f"<td{span(c)}>{lines_html(t)}</td>"
    return table_markup(all_rows(report, name), name=name, cell=cell, open_tag='<table border="1" width="100%">')


def t_multi_tbody(report, name, **_):
    def cell(c, r, i):
        com = "<!--单元格-->" if i % 7 == 3 else ""
        return f"<td{span(c)}>{com}{lines_html(c.text)}</td>"
    if name == "active_disclosure":
        parts = []
        for g in grid(report, name):
            parts.append("<tbody>" + "\n".join("<tr>" + "".join(cell(c, 0, k) for k, c in enumerate(row)) + "</tr>"
                                               for row in g) + "</tbody>")
        return '<table border="1" width="100%">\n<!--表格开始-->\n' + "\n".join(parts) + "\n</table>\n"
    rows = all_rows(report, name)
    if name == "requests":
        note = rows[0][0]
        rows = [[Cell(note.text, 2, 3, "header")] + rows[1], rows[2]] + rows[3:]
    return table_markup(rows, name=name, cell=cell, open_tag='<table border="1" width="100%">',
                        row_open=lambda r: "<!--行-->\n<tr>" if r % 5 == 0 else "<tr>")


def t_t4_vertical(report, name, **_):
    if name != "review_litigation":
        return table_markup(all_rows(report, name), name=name, open_tag='<table border="1" width="100%">')
    labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    rows = [[Cell("", 1, 2, "header")] + [Cell(t, kind="header") for t in labels]]
    names = [("行政复议", None), ("行政诉讼", "未经复议直接起诉"), (None, "复议后起诉")]
    for (a, b), block in zip(names, F.REVIEW_BLOCKS):
        vals = [Cell(F._cell_text(report, f"review_litigation.{block}.{f}"), kind="value") for f in F.REVIEW_FIELDS]
        if b is None and a:
            lead = [Cell(a, 1, 2)]
        elif a:
            lead = [Cell(a, 2, 1), Cell(b)]
        else:
            lead = [Cell(b)]
        rows.append(lead + vals)
    return table_markup(rows, name=name, open_tag='<table border="1" width="100%">')


def extra_tables_html(report, n):
    """Tables real reports carry besides the three statistical ones."""
    if n == 1:
        rows = [["栏目名称", "信息条数"], ["机构职能", "12"], ["政策文件", "36"], ["工作动态", "218"],
                ["财政预决算", "6"], ["合计", "272"]]
        t = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
        m = [["平台名称", "账号数量", "发布信息条数"], ["政务微信公众号", "1", "365"], ["政务微博", "1", "120"]]
        t2 = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in m)
        return (f'<p>主动公开信息分类统计如下：</p>\n<table border="1">{t}</table>\n'
                f'<p>政务新媒体运行情况：</p>\n<table border="1">{t2}</table>\n')
    return ""


def t_split_nohead(report, name, **_):
    rows = all_rows(report, name)
    if name != "requests":
        return table_markup(rows, name=name, open_tag='<table border="1" width="100%">')
    cut = 3 + 8  # header + new, over, granted, partial, denied 1..4
    first = rows[:cut]
    # Word splits the merged cells: the rows continuing in part two get blank first-level and
    # (for the 不予公开 group) second-level label cells
    second = []
    for k, row in enumerate(rows[cut:]):
        row = list(row)
        data_index = 8 + k  # index in the 25 data rows
        if data_index <= 23:
            row.insert(0, Cell("", kind="label"))
        if 8 <= data_index <= 11:
            row.insert(1, Cell("", kind="label"))
        second.append(row)
    # cut the rowspans in part one to what part one holds
    fixed = []
    for r, row in enumerate(first):
        new = []
        for c in row:
            c2 = Cell(c.text, min(c.rs, cut - r), c.cs, c.kind, c.key)
            new.append(c2)
        fixed.append(new)
    return (table_markup(fixed, name=name, open_tag='<table border="1" width="100%">')
            + "<p><br></p>\n" + table_markup(second, name=name, open_tag='<table border="1" width="100%">'))


def t_one_label_col(report, name, **_):
    if name != "requests":
        return table_markup(all_rows(report, name), name=name, open_tag='<table border="1" width="100%">')
    rows = [
        [Cell(F._REQUEST_HEADER_ROWS[0][0], 3, 1, "header"), Cell("申请人情况", 1, 7, "header")],
        [Cell("自然人", 2, 1, "header"), Cell("法人或其他组织", 1, 5, "header"), Cell("总计", 2, 1, "header")],
        [Cell(t, kind="header") for t in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")],
    ]
    for row, labels in F._REQUEST_LAYOUT:
        label = [x for x in labels if x][-1]
        rows.append([Cell(label)] + [Cell(F._cell_text(report, f"requests.{row}.{c}"), kind="value")
                                     for c in F.REQUEST_COLUMNS])
        if row == "partially_granted":
            rows.append([Cell("（三）不予公开", 1, 8)])
        if row == "denied_administrative_query":
            rows.append([Cell("（四）无法提供", 1, 8)])
        if row == "unable_unclear":
            rows.append([Cell("（五）不予处理", 1, 8)])
        if row == "not_processed_confirmation":
            rows.append([Cell("（六）其他处理", 1, 8)])
        if row == "carried_over":
            rows.append([Cell("三、本年度办理结果", 1, 8)])
    return table_markup(rows, name=name, open_tag='<table border="1" width="100%">')


def _ncr(s):
    return "".join(ch if ord(ch) < 128 else f"&#{ord(ch)};" for ch in s)


def t_title_br(report, name, **_):
    w = WIDTH[name]
    ghost = "<tr style='height:0'>" + "".join("<td width=56 style='border:none'></td>" for _ in range(w)) + "</tr>"

    def cell(c, r, i):
        t = esc(c.text) if c.kind != "value" else ("\u200b" if i % 2 else "\ufeff") + esc(c.text)
        return f"<td{span(c)}>{t.replace(chr(10), '<br>')}</td>"
    return table_markup(all_rows(report, name), name=name, cell=cell, open_tag='<table border="1" width="100%">',
                        extra_rows="", row_open=lambda r: (ghost if r == 0 else "") + "<tr>")


def t_ragged(report, name, **_):
    hr = HEADER_ROWS.get(name, 0)
    return table_markup(all_rows(report, name), name=name, open_tag='<table border="1" width="100%">',
                        row_open=lambda r: "<tr>",
                        row_close="</tr>") .replace("</td></tr>", "</td><td></td></tr>") if name == "x" else \
        _ragged_table(report, name, hr)


def t_t2_repeat(report, name, **_):
    rows = all_rows(report, name)
    if name == "active_disclosure":
        rows = rows[:4] + rows[:2] + rows[4:]
    return table_markup(rows, name=name, open_tag='<table border="1" width="100%">')


def t_t3_subtotal(report, name, **_):
    rows = all_rows(report, name)
    if name != "requests":
        return table_markup(rows, name=name, open_tag='<table border="1" width="100%">')
    rows = [[Cell(c.text, c.rs, c.cs, c.kind, c.key) for c in r] for r in rows]
    rows[1][1].cs = 6
    rows[2].append(Cell("小计", kind="header"))
    for row in rows[3:]:
        vals = [c for c in row if c.kind == "value"]
        row.insert(len(row) - 1, Cell(str(sum(int(c.text) for c in vals[1:6])), kind="value"))
    denied = [k for k in F.REQUEST_ROWS if k.startswith("denied_")]
    sums = [sum(F.get_cell(report.tables, f"requests.{k}.{c}") for k in denied) for c in F.REQUEST_COLUMNS]
    sums.insert(6, sum(sums[1:6]))
    rows[3 + F.REQUEST_ROWS.index("granted")][0].rs += 1
    rows[3 + F.REQUEST_ROWS.index("denied_state_secret")][1].rs += 1
    rows.insert(3 + F.REQUEST_ROWS.index("denied_administrative_query") + 1,
                [Cell("小计")] + [Cell(str(v), kind="value") for v in sums])
    return table_markup(rows, name=name, open_tag='<table border="1" width="100%">')


def _ragged_table(report, name, hr):
    rows = all_rows(report, name)
    out = ['<table border="1" width="100%">']
    for r, row in enumerate(rows):
        cells = "".join(f"<td{span(c)}>{lines_html(c.text)}</td>" for c in row)
        extra = "<td></td>" if (r >= hr and name != "active_disclosure") else ""
        out.append(f"<tr>{cells}{extra}</tr>")
    return "\n".join(out) + "\n</table>\n"


TABLES = {"thead-th": t_thead_th, "br-cells": t_br_cells, "fullwidth": t_fullwidth, "overflow-center": t_overflow,
          "layout-table": t_layout_table, "xhtml": t_xhtml, "html4-upper": t_html4_upper, "wps": t_wps,
          "split-table": t_split, "excel": t_excel, "ueditor": t_ueditor, "caption-heading": t_caption,
          "title-row": t_title_row, "fill-merged": t_fill, "br-paragraphs": t_br_paragraphs,
          "word-runs": t_word_runs, "units-notes": t_units_notes, "dup-print": t_caption, "relabel": t_relabel,
          "multi-tbody": t_multi_tbody, "extra-tables": t_caption, "t4-vertical": t_t4_vertical,
          "split-nohead": t_split_nohead, "one-label-col": t_one_label_col, "entities": t_caption,
          "title-br": t_title_br, "bold-lead": t_caption, "related-years": t_caption, "ragged": t_ragged, "heading-br": lambda report, name, **kw: (
              f'<p align="center">{esc(TITLES[name])}</p>\n' + t_caption(report, name)), "t3-subtotal": t_t3_subtotal, "t2-repeat": t_t2_repeat, "static-title": t_thead_th, "body-title": t_caption,
          "thead-t2": lambda report, name, **kw: t_thead_th(report, name, t2=True)}


# ---------------------------------------------------------------------------
# Layouts: paragraphs and headings
# ---------------------------------------------------------------------------

def _para(layout, text):
    t = esc(text)
    if layout == "layout-table":
        return f"<p style=\"TEXT-INDENT: 2em\"><font face=仿宋_GB2312 size=4>{t}</font></p>\n"
    if layout == "html4-upper":
        return f"<P>&nbsp;&nbsp;&nbsp;&nbsp;{t}\n"
    if layout == "wps":
        return (f"<p class=p0 style=\"text-indent:32.0000pt;mso-char-indent-count:2.0000;line-height:28.0000pt;\">"
                f"<span style=\"mso-spacerun:'yes';font-family:仿宋_GB2312;font-size:16.0000pt;\">{t}</span>"
                f"<span style=\"mso-spacerun:'yes';font-family:仿宋_GB2312;font-size:16.0000pt;\"><o:p></o:p></span></p>\n")
    if layout == "ueditor":
        return (f'<p style="text-indent: 2em; line-height: 2em;"><span style="font-family: 仿宋_GB2312, 仿宋; '
                f'font-size: 16px;">{t}</span></p>\n')
    if layout == "fullwidth":
        return f"<p>&#12288;&#12288;{t.translate(FULLWIDTH_DIGITS)}</p>\n"
    if layout == "bold-lead":
        import re
        m = re.match(r"^(（[一二三四五六七]）[^。]{2,12}。)(.*)$", text)
        if m and m.group(1).startswith(("（一）", "（三）", "（五）")):
            return f"<p><strong>{esc(m.group(1))}</strong>{esc(m.group(2))}</p>\n"
        if m:
            return f"<p><strong>{esc(m.group(1)[:-1])}</strong></p>\n<p>{esc(m.group(2))}</p>\n"
    if layout == "br-paragraphs":
        return f"&#12288;&#12288;{_hard_wrap(t)}<br>\n<br>\n"
    if layout == "word-runs":
        return (f"<p class=MsoNormal style='text-indent:32.0pt'>{_runs(text, 3)}"
                f"<span lang=EN-US><o:p></o:p></span></p>\n")
    return f"<p>{t}</p>\n"


def _cjk(ch):
    return "\u4e00" <= ch <= "\u9fff"


def _hard_wrap(t, width=37):
    """Source hard-wrapped as hand-edited HTML is: a newline after about ``width``
    characters, only ever between two CJK ideographs (where CSS drops the break)."""
    out, last = [], 0
    i = width
    while i < len(t):
        j = i
        while j < len(t) and not (_cjk(t[j - 1]) and _cjk(t[j])):
            j += 1
        if j >= len(t):
            break
        out.append(t[last:j])
        last = j
        i = j + width
    out.append(t[last:])
    return "\n".join(out)


def _heading(layout, text):
    t = esc(text)
    if layout in ("thead-th", "thead-t2", "caption-heading", "title-row", "static-title", "body-title"):
        return f"<h3>{t}</h3>\n"
    if layout == "br-cells":
        return f"<p><strong>{t}</strong></p>\n"
    if layout == "fullwidth":
        return f"<p>&#12288;&#12288;{t}</p>\n"
    if layout == "overflow-center":
        return f'<div class="title">{t}</div>\n'
    if layout == "layout-table":
        return f"<p style=\"TEXT-INDENT: 2em\"><font face=黑体 size=4><b>{t}</b></font></p>\n"
    if layout == "html4-upper":
        return f"<P><B>{t}</B>\n"
    if layout == "wps":
        return (f"<p class=p0 style=\"text-indent:32.0000pt;\"><b><span style=\"mso-spacerun:'yes';font-family:黑体;"
                f"font-size:16.0000pt;\">{t}</span></b><span style=\"font-family:黑体;\"><o:p></o:p></span></p>\n")
    if layout == "ueditor":
        return (f'<p style="text-indent: 2em;"><span style="font-family: 黑体, SimHei; font-size: 16px;">'
                f'<strong>{t}</strong></span></p>\n')
    if layout == "excel":
        return f"<h2 style=\"font-size:16pt\">{t}</h2>\n"
    if layout == "fill-merged":
        return f"<h4>{t}</h4>\n"
    if layout == "heading-br":
        if text.startswith("四、"):
            return f"<p><strong>{esc(text[:13])}<br>{esc(text[13:])}</strong></p>\n"
        if text.startswith("三、"):
            return f"<h3>{esc(text[:7])}<br>{esc(text[7:])}</h3>\n"
        if text.startswith("五、"):
            return f"<p><b>{esc(text[:9])}<br>\n{esc(text[9:])}</b></p>\n"
        return f"<p><strong>{t}</strong></p>\n"
    if layout == "br-paragraphs":
        return f"&#12288;&#12288;<strong>{t}</strong><br>\n<br>\n"
    if layout == "word-runs":
        return f"<p class=MsoNormal style='text-indent:32.0pt'><b>{_runs(text)}</b></p>\n"
    return f"<h2>{t}</h2>\n"


def body(report, layout):
    table_fn = TABLES[layout]
    moved = {}  # tables that carry their section's heading
    if layout in ("caption-heading", "title-row"):
        for n, name in F.SECTION_TABLES.items():
            if report.headings[n - 1] is not None and name in report.tables_shown:
                moved[report.headings[n - 1]] = name
    pending = {}

    def heading(text):
        if layout == "extra-tables" and report.headings[1] is not None and text == report.headings[1]:
            return extra_tables_html(report, 1) + _heading(layout, text)
        if text in moved:
            pending[moved[text]] = text
            return ""
        return _heading(layout, text)

    def table(name):
        return table_fn(report, name, heading=pending.pop(name, None))

    blocks = F._body(report, table, paragraph=lambda p: _para(layout, p), heading=heading)
    if layout == "extra-tables":
        blocks.insert(0, '<table class="contact" border="0"><tr><td>联系单位：</td><td>本机关办公室</td>'
                         '<td>受理时间：</td><td>工作日 9:00-17:00</td></tr></table>\n')
    if layout == "ueditor":
        blocks = [b + '<p><br/></p>\n' if b.startswith("<table") else b for b in blocks]
    return "".join(blocks)


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------

def _decl(declare, encoding):
    if declare == "meta":
        return f'<meta charset="{encoding}">\n'
    if declare == "http-equiv":
        return f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">\n'
    if declare == "xml+http-equiv":
        return f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}" />\n'
    return ""


def page(report, layout, encoding="utf-8", declare="default"):
    if layout not in TABLES:
        raise ValueError(f"unknown layout {layout!r}")
    if declare == "default":
        declare = _DEFAULT_DECLARE.get(layout, "meta")
    decl = _decl(declare, encoding)
    title = esc(report.title or "")
    b = body(report, layout)
    date = f"{report.year + 1}-01-2{report.year % 7}"
    if layout == "layout-table":
        return f"""<HTML><HEAD>
{decl}<TITLE>{title}</TITLE>
<LINK href="/css/style.css" type=text/css rel=stylesheet>
</HEAD>
<BODY leftMargin=0 topMargin=0>
<TABLE cellSpacing=0 cellPadding=0 width=1000 align=center border=0>
<TBODY><TR><TD><IMG src="/images/top.jpg" width=1000 height=120></TD></TR>
<TR><TD height=30 background="/images/nav.gif"><A href="/">首页</A> | <A href="/zwgk/">政务公开</A> | <A href="/bsfw/">办事服务</A></TD></TR></TBODY></TABLE>
<TABLE cellSpacing=0 cellPadding=0 width=1000 align=center border=0>
<TBODY><TR>
<TD vAlign=top width=200><TABLE width="100%"><TR><TD class=left_title>信息公开</TD></TR><TR><TD><A href="/gk/zn/">公开指南</A></TD></TR><TR><TD><A href="/gk/nb/">公开年报</A></TD></TR></TABLE></TD>
<TD vAlign=top width=800>
<TABLE cellSpacing=0 cellPadding=0 width="100%" border=0>
<TR><TD align=center height=50><FONT style="FONT-SIZE: 20px; COLOR: #cc0000"><B>{title}</B></FONT></TD></TR>
<TR><TD align=center>发布日期：{date}　　来源：本机关办公室　　点击数：<SCRIPT>document.write(88)</SCRIPT></TD></TR>
<TR><TD id=zoom class=content style="LINE-HEIGHT: 2">
{b}</TD></TR>
<TR><TD align=right><A href="javascript:window.print()">【打印本页】</A> <A href="javascript:window.close()">【关闭窗口】</A></TD></TR>
</TABLE></TD></TR></TBODY></TABLE>
<TABLE width=1000 align=center><TR><TD align=center>主办：示例市人民政府办公室　ICP备00000000号</TD></TR></TABLE>
</BODY></HTML>
"""
    if layout == "xhtml":
        prolog = f'<?xml version="1.0" encoding="{encoding}"?>\n' if declare in ("xml", "xml+http-equiv") else ""
        return f"""{prolog}<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="zh-CN" lang="zh-CN">
<head>
{decl}<title>{title}</title>
<link rel="stylesheet" type="text/css" href="/css/main.css" />
<script type="text/javascript">
//<![CDATA[
var pageId = 1; if (pageId < 2 && 1 > 0) {{ document.title = document.title; }}
//]]>
</script>
</head>
<body>
<div id="header"><img src="/img/logo.png" alt="示例市人民政府" /></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开</a> &gt; 年度报告</div>
<div class="article">
<h1>{title}</h1>
<div class="info">发布时间：{date} <br />来源：办公室</div>
<div class="article-content">
{b}</div>
</div>
<div id="footer"><p>版权所有：示例市人民政府</p></div>
</body>
</html>
"""
    if layout == "html4-upper":
        return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML>
<HEAD>
{decl}<TITLE>{title}</TITLE>
</HEAD>
<BODY BGCOLOR=#FFFFFF>
<CENTER><FONT SIZE=5><B>{title}</B></FONT></CENTER>
<HR>
{b}<HR>
<P ALIGN=center>示例市人民政府办公室
</BODY>
</HTML>
"""
    if layout == "wps":
        return f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
{decl}<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 14">
<meta name=Originator content="Microsoft Word 14">
<title>{title}</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>admin</o:Author><o:Version>14</o:Version></o:DocumentProperties><o:CustomDocumentProperties><o:KSOProductBuildVer dt:dt="string">2052-11.1.0.12313</o:KSOProductBuildVer></o:CustomDocumentProperties></xml><![endif]-->
<style>
@font-face{{font-family:"Times New Roman";}}
p.p0{{margin:0pt;margin-bottom:0.0001pt;text-align:justify;font-size:10.5000pt;font-family:'Times New Roman';}}
</style>
</head>
<body style="tab-interval:21pt;text-justify-trim:punctuation;">
<!--StartFragment-->
<div class="Section0" style="layout-grid:15.6000pt;">
<p class=p0 style="text-align:center;"><b><span style="mso-spacerun:'yes';font-family:方正小标宋简体;font-size:22.0000pt;">{title}</span></b><span style="font-family:方正小标宋简体;font-size:22.0000pt;"><o:p></o:p></span></p>
{b}</div>
<!--EndFragment-->
</body>
</html>
"""
    if layout == "excel":
        head_extra = '<meta name=ProgId content=Excel.Sheet>\n<meta name=Generator content="Microsoft Excel 15">\n'
        return f"""<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
{decl}{head_extra}<title>{title}</title>
<style>.xl66{{mso-style-parent:style0;text-align:center;vertical-align:middle;border:.5pt solid windowtext;white-space:normal;}}
.xl67{{mso-style-parent:style0;mso-number-format:"\\#\\,\\#\\#0";text-align:center;border:.5pt solid windowtext;}}</style>
</head>
<body link=blue vlink=purple>
<h1 style="text-align:center">{title}</h1>
{b}</body>
</html>
"""
    if layout == "ueditor":
        return f"""<!DOCTYPE html>
<html>
<head>
{decl}<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}-示例市人民政府</title>
</head>
<body>
<div class="header"><div class="logo">示例市人民政府</div></div>
<div class="main">
<div class="detail-title"><h2>{title}</h2></div>
<div class="detail-info"><span>发布时间：{date}</span><span>来源：示例市人民政府办公室</span></div>
<div class="article-content" id="content">
<p><br/></p>
{b}</div>
</div>
<div class="footer">示例市人民政府 版权所有</div>
</body>
</html>
"""
    container_open, container_close = {
        "overflow-center": ('<div class="view TRS_UEDITOR trs_paper_default trs_word">', "</div>"),
        "thead-th": ('<div class="TRS_Editor">', "</div>"),
        "br-cells": ('<div id="zoom">', "</div>"),
        "fullwidth": ('<div class="article-content"><div class="TRS_Editor">', "</div></div>"),
        "br-paragraphs": ('<div id="zoom" class="zoom-text">', "</div>"),
        "word-runs": ('<div class="TRS_Editor"><div class=WordSection1>', "</div></div>"),
    }.get(layout, ('<div class="content">', "</div>"))
    print_copy = ""
    h1 = f'<h1 class="title-h1">{title}</h1>'
    if layout == "title-br" and report.title and report.title.startswith(report.organ):
        h1 = f'<h1 class="title-h1">{esc(report.organ)}<br>{esc(report.title[len(report.organ):])}</h1>'
    if layout in ("static-title", "body-title"):
        h1 = (f'<div class="header"><h1 class="logo"><a href="/">示例市人民政府门户网站</a></h1></div>\n'
              + (f'<div class="tit">{title}</div>' if layout == "static-title" else ""))
        if layout == "body-title":
            b = f'<p align="center"><strong>{title}</strong></p>\n' + b
        title = "示例市人民政府门户网站"
    if layout == "entities":
        decl = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">\n'
        title, b = _ncr(title), _ncr(b)
        h1 = f'<h1 class="title-h1">{title}</h1>'
        date_label = _ncr("发布日期")
    else:
        date_label = "发布日期"
    if layout == "related-years":
        y = report.year
        others = [f"{report.organ}{y - k}年度政府信息公开工作年度报告" for k in (1, 2, 3)]
        side = "".join(f'<li><a href="/nb/{y - k}.html">{esc(t)}</a></li>' for k, t in zip((1, 2, 3), others))
        container_open = (f'<table class="xxgk-info"><tr><td>索引号：</td><td>00000000/{y + 1}-00012</td>'
                          f'<td>成文日期：</td><td>{y + 1}年01月15日</td></tr><tr><td>发布机构：</td>'
                          f'<td>{esc(report.organ)}</td><td>发布日期：</td><td>{y + 1}年01月20日</td></tr></table>\n'
                          f'<div class="side"><h3>年度报告</h3><ul>{side}</ul></div>\n<div class="article-con">')
        container_close = (f'</div>\n<div class="pages"><p>上一篇：<a href="/nb/{y - 1}.html">{esc(others[0])}</a></p>'
                           f'<p>下一篇：<a href="/x.html">关于{y + 1}年春节期间值班安排的通知</a></p></div>\n'
                           f'<div class="related"><h3>相关文章</h3><ul>{side}</ul></div>')
    if layout == "dup-print":
        print_copy = f'<div id="printContent" style="display:none"><h1>{title}</h1>\n{b}</div>\n'
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{decl}<title>{title}</title>
</head>
<body>
<div class="wrap">
<div class="crumb">Home &gt; xxgk</div>
{h1}
<div class="meta">{date_label}: {date}</div>
{container_open}
{b}{container_close}
{print_copy}</div>
</body>
</html>
"""


def render(report, layout, encoding="utf-8", *, declare="default") -> bytes:
    return page(report, layout, encoding, declare).encode(encoding)


__all__ = ["LAYOUTS", "DESCRIPTIONS", "render", "grid", "page"]

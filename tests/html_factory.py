"""The fictional reports of ``factory`` rendered as web pages.

Government sites publish the annual report as an HTML page: inside the site's chrome
(navigation, breadcrumb, sidebar, publication-info box, share buttons, related
articles, footer, scripts), with tables pasted from Word or typed in a CMS editor,
in UTF-8 or GBK, declared or not. Crawlers and copy-paste flatten the same page into
text whose table cells run together. This module renders one ``FictionalReport`` in
each of those shapes so that a test can check that every table cell comes back and
that planted faults are still found.

Everything here is fictional (the organs, sites and texts come from ``factory``);
only the template's table labels are reproduced, as they must be.

Public API
----------
* ``LAYOUTS``: ``plain``, ``spans``, ``gov``, ``word``, ``portal``, ``flat``, ``flat-line``.
  ``portal`` is a Word paste inside a full portal page at the scale of real ones
  (mega-menu, column tree, info table, friend-link lists, scripts: about 250 KB).
* ``render_html(report, layout="plain", charset="utf-8", published=None) -> str``:
  the page as text; ``charset`` is what the page *declares* in ``<meta charset>``
  (``None`` for no declaration, ``"http-equiv"`` style via ``meta=``).
* ``page_bytes(report, layout, encoding, declare, meta, bom) -> bytes``: the page
  encoded, with a truthful, absent or lying declaration.
* ``table_grid(report, name)``: the official template's merged grid of one table as
  rows of ``(text, rowspan, colspan)``, the values filled in.
* ``flat_table_text(report, name)``: the table's text as a crawler runs it together.
"""

from __future__ import annotations

import html as _html
import factory as F

LAYOUTS: tuple[str, ...] = ("plain", "spans", "gov", "word", "portal", "flat", "flat-line")

def esc(text: str) -> str:
    return _html.escape(text, quote=False)


# ---------------------------------------------------------------------------
# Table grids in the official template's merged layout
# ---------------------------------------------------------------------------

Cell = tuple  # (text, rowspan, colspan)


def table_grid(report: F.FictionalReport, name: str) -> list[list[Cell]]:
    """Rows of (text, rowspan, colspan) as the 2021 template merges them."""
    value = lambda key: F._cell_text(report, key)  # noqa: E731 - the factory's own printing
    if name == "active_disclosure":
        rows: list[list[Cell]] = []
        for heading, columns, items in F._ACTIVE_GROUPS:
            rows.append([(heading, 1, 4)])
            if len(columns) == 3:
                rows.append([("信息内容", 1, 1)] + [(c, 1, 1) for c in columns])
            else:
                rows.append([("信息内容", 1, 1), (columns[0], 1, 3)])
            for label, item, fields in items:
                keys = [f"active_disclosure.{item}.{f}" for f in fields]
                if len(keys) == 3:
                    rows.append([(label, 1, 1)] + [(value(k), 1, 1) for k in keys])
                else:
                    rows.append([(label, 1, 1), (value(keys[0]), 1, 3)])
        return rows
    if name == "requests":
        rows = [
            [(F._REQUEST_HEADER_ROWS[0][0], 3, 3), ("申请人情况", 1, 7)],
            [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
            [("商业\n企业", 1, 1), ("科研\n机构", 1, 1), ("社会公益组织", 1, 1), ("法律服务机构", 1, 1), ("其他", 1, 1)],
        ]
        group_spans = {"denied_state_secret": 8, "unable_not_held": 3, "not_processed_complaint": 5,
                       "other_overdue_correction": 3}
        for i, (row, labels) in enumerate(F._REQUEST_LAYOUT):
            values = [(value(f"requests.{row}.{c}"), 1, 1) for c in F.REQUEST_COLUMNS]
            if len(labels) == 1:  # 一、二、四: across the three label columns
                cells = [(labels[0], 1, 3)]
            elif row == "granted":
                cells = [(labels[0], 22, 1), (labels[1], 1, 2)]
            elif len(labels) == 2:  # （二）（七）
                cells = [(labels[1], 1, 2)]
            elif row in group_spans:
                cells = [(labels[1], group_spans[row], 1), (labels[2], 1, 1)]
            else:
                cells = [(labels[2], 1, 1)]
            rows.append(cells + values)
        return rows
    results = [("结果维持", 2, 1), ("结果\n纠正", 2, 1), ("其他\n结果", 2, 1), ("尚未\n审结", 2, 1), ("总计", 2, 1)]
    return [
        [("行政复议", 1, 5), ("行政诉讼", 1, 10)],
        results + [("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)],
        [(label, 1, 1) for label in F._REVIEW_RESULT_LABELS] * 2,
        [(value(f"review_litigation.{b}.{f}"), 1, 1) for b in F.REVIEW_BLOCKS for f in F.REVIEW_FIELDS],
    ]


def _full_grid(report: F.FictionalReport, name: str) -> list[list[str]]:
    """The same table without merges: a merged cell printed once, then empty cells."""
    if name == "active_disclosure":
        return [row for t in F._markdown_active(report) for row in [r + [""] * (4 - len(r)) for r in t]]
    if name == "requests":
        return F._markdown_requests(report)
    return F._markdown_review(report)


# ---------------------------------------------------------------------------
# Table markup
# ---------------------------------------------------------------------------


def _cell_html(text: str, tag: str = "td", rowspan: int = 1, colspan: int = 1, *, word: bool = False) -> str:
    attrs = ""
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    lines = text.split("\n")
    if word:
        style = "width:42.5pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt"
        inner = "".join(
            f"<p class=MsoNormal align=center style='text-align:center;mso-line-height-rule:exactly'>"
            f"<span style='font-size:10.0pt;font-family:宋体;mso-bidi-font-family:宋体'>{esc(line) if line else '&nbsp;'}"
            f"<span lang=EN-US><o:p></o:p></span></span></p>" for line in lines)
        return f"<{tag} width=57 valign=center style='{style}'{attrs}>{inner}</{tag}>"
    inner = "<br>".join(esc(line) for line in lines) if text else "&nbsp;"
    return f"<{tag}{attrs}>{inner}</{tag}>"


def table_html(report: F.FictionalReport, name: str, *, merged: bool = True, sections: bool = True,
               word: bool = False, repeat_header: bool = False) -> str:
    """One table: the template's merges (or a full grid), <thead>/<tbody> or neither,
    Word-paste markup, the 表三 header rows repeated in the middle (a page break in Word).
    Full-width digits and other odd cell texts come from ``factory.with_raw_cell``."""
    if merged:
        grid = table_grid(report, name)
    else:
        grid = [[(t, 1, 1) for t in row] for row in _full_grid(report, name)]
    header_rows = {"active_disclosure": 0, "requests": 3, "review_litigation": 3}[name]

    def row_html(r: int, row: list[Cell], tag: str = "td") -> str:
        cells = "".join(_cell_html(t, tag, rs, cs, word=word) for t, rs, cs in row)
        return f"<tr>{cells}</tr>\n" if not word else f"<tr style='mso-yfti-irow:{r}'>{cells}</tr>\n"

    head = [row_html(r, row, "th" if not word else "td") for r, row in enumerate(grid[:header_rows])]
    body = [row_html(r + header_rows, row) for r, row in enumerate(grid[header_rows:])]
    if repeat_header and name == "requests" and merged is False:
        body.insert(12, "".join(head))
    if word:
        open_tag = ("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;"
                    "border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>\n")
        return open_tag + "".join(head) + "".join(body) + "</table>\n"
    if sections:
        return "<table border=\"1\">\n<thead>\n" + "".join(head) + "</thead>\n<tbody>\n" + "".join(body) + "</tbody>\n</table>\n"
    return "<table border=\"1\">\n" + "".join(head) + "".join(body) + "</table>\n"


def flat_table_text(report: F.FictionalReport, name: str) -> str:
    """The table's text as a crawler runs it together: every cell, no separator."""
    parts: list[str] = []
    for row in table_grid(report, name):
        for text, _, _ in row:
            parts.append(text.replace("\n", ""))
    return "".join(parts)


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------


def _body_html(report: F.FictionalReport, layout: str) -> str:
    word = layout in ("word", "portal")

    def paragraph(text: str) -> str:
        if word:
            return (f"<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;"
                    f"mso-line-height-rule:exactly'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>"
                    f"{esc(text)}<span lang=EN-US><o:p></o:p></span></span></p>\n")
        return f"<p>{esc(text)}</p>\n"

    def heading(text: str) -> str:
        if word:
            return (f"<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-size:16.0pt;"
                    f"font-family:黑体'>{esc(text)}<span lang=EN-US><o:p></o:p></span></span></b></p>\n")
        if layout == "gov":
            return f"<p style=\"text-indent:2em\"><strong>{esc(text)}</strong></p>\n"
        return f"<h2>{esc(text)}</h2>\n"

    def table(name: str) -> str:
        if layout in ("flat", "flat-line"):
            return f"<p>{esc(flat_table_text(report, name))}</p>\n"
        if layout == "plain":
            return table_html(report, name, merged=False, sections=True, repeat_header=True)
        if word:
            return table_html(report, name, merged=True, word=True)
        if layout == "gov":
            return f"<div class=\"table-wrap\">{table_html(report, name, merged=True, sections=False)}</div>\n"
        return table_html(report, name, merged=True, sections=True)

    blocks = F._body(report, table, paragraph=paragraph, heading=heading)
    if layout == "flat-line":  # everything run together in one paragraph, as pingtan's crawler text
        import re

        text = "".join(re.sub(r"<[^>]+>", "", b).strip() for b in blocks)
        return f"<p>{esc(_html.unescape(text))}</p>\n"
    return "".join(blocks)


_NAV = "".join(f'<li><a href="/col/{i}.html">栏目{i}</a></li>' for i in range(1, 41))
_SIDE = "".join(f'<li><a href="/xxgk/{i}.html">信息公开栏目{i}</a></li>' for i in range(1, 13))
_RELATED = "".join(f'<li><a href="/art/{i}.html">示例市某局关于做好第{i}项工作的通知</a><span>2024-0{1 + i % 9}-1{i % 10}</span></li>'
                   for i in range(1, 9))
_SCRIPT = "var _hmt = _hmt || [];" + "function f%d(a){return a*%d;}" * 40
_STYLE = "body{margin:0;font-family:'Microsoft YaHei'}" + ".c%d{color:#333;padding:%dpx}" * 40


# A portal page at the scale of real ones: the furniture is generated, deterministic and
# fictional; only its shape (and so its size and element count) follows real sites.
_MENU = [("首页", 0), ("政务公开", 24), ("政务服务", 18), ("互动交流", 12), ("走进示例", 16), ("专题专栏", 20),
         ("数据开放", 10), ("政策文件", 22), ("新闻中心", 14)]
_DEPARTMENTS = [f"示例市第{i}局" for i in range(1, 61)] + [f"示例市某{i}区人民政府" for i in range(1, 13)]


def _portal_nav() -> str:
    items = []
    for i, (name, subs) in enumerate(_MENU):
        sub = "".join(f'<li class="sub-item"><a href="/col/col{i}{j:02d}/index.html" target="_blank" '
                      f'title="{name}栏目{j}">{name}栏目{j}</a></li>' for j in range(1, subs + 1))
        items.append(f'<li class="nav-item nav-{i}"><a class="nav-link" href="/col/col{i}/index.html">{name}</a>'
                     f'<div class="sub-nav"><ul class="clearfix">{sub}</ul></div></li>')
    return f'<div class="main-nav" id="nav"><ul class="nav-list w1200">{"".join(items)}</ul></div>'


def _portal_tree() -> str:
    groups = []
    for g in range(1, 9):
        leaves = "".join(f'<li><a href="/xxgk/col{g}{k:02d}/index.html" title="公开目录{g}-{k}">'
                         f'<span class="ico"></span>公开目录{g}-{k}</a></li>' for k in range(1, 9))
        groups.append(f'<li class="tree-node"><a href="javascript:;" class="tree-toggle">信息公开分类{g}</a>'
                      f'<ul class="tree-leaves">{leaves}</ul></li>')
    return f'<div class="left-tree" id="tree"><h3 class="tree-title">政府信息公开</h3><ul>{"".join(groups)}</ul></div>'


def _portal_info(title: str, published: str) -> str:
    rows = [("索引号", "000000000/2025-00001", "主题分类", "综合政务/政务公开"),
            ("发布机构", "示例市人民政府办公室", "生成日期", published.split(" ")[0]),
            ("文件名称", title, "文号", "无"), ("有效性", "有效", "公开方式", "主动公开")]
    cells = "".join(f'<tr><th class="th1">{a}：</th><td class="td1">{esc(b)}</td><th class="th1">{c}：</th>'
                    f'<td class="td1">{esc(d)}</td></tr>' for a, b, c, d in rows)
    return f'<div class="xxgk-info"><table class="info-table" cellpadding="0" cellspacing="0">{cells}</table></div>'


def _portal_footer() -> str:
    selects = "".join(
        f'<div class="link-select"><select onchange="window.open(this.value)"><option value="">{name}</option>'
        + "".join(f'<option value="https://site{n}.example.invalid/">{esc(d)}</option>' for n, d in enumerate(group))
        + "</select></div>"
        for name, group in (("市级部门网站", _DEPARTMENTS[:60]), ("区县政府网站", _DEPARTMENTS[60:]),
                            ("兄弟城市网站", [f"示例{i}市人民政府" for i in range(1, 31)])))
    links = "".join(f'<li><a href="/about/{i}.html">底部链接{i}</a></li>' for i in range(1, 13))
    return (f'<div class="friend-links w1200"><h4>相关链接</h4>{selects}</div>'
            f'<div class="footer" id="footer"><ul class="footer-links">{links}</ul>'
            '<p>主办单位：示例市人民政府办公室　承办单位：示例市大数据管理局</p>'
            '<p>网站标识码：0000000000　示ICP备00000000号-1　示公网安备 00000000000000号</p>'
            '<p>地址：示例市青禾路1号　邮编：310001　联系电话：0571-88000000</p>'
            '<div class="footer-icons"><a href="#"><img src="/img/dzjg.png" alt="党政机关"></a>'
            '<a href="#"><img src="/img/zfwzzc.png" alt="政府网站找错"></a><a href="#"><img src="/img/wza.png" '
            'alt="适老化无障碍服务"></a></div></div>')


def _portal_script() -> str:
    config = ",".join(f'"col{i}":{{"id":{i},"name":"栏目{i}","url":"/col/col{i}/index.html","show":{i % 2}}}'
                      for i in range(1, 301))
    return f"var siteConfig={{{config}}};" + "".join(
        f"function h{i}(e){{var t=document.getElementById('n{i}');if(t){{t.className=e?'on':'';}}return t;}}"
        for i in range(1, 121))


def _portal(title: str, decl: str, published: str, body: str) -> str:
    date = published.split(" ")[0]
    metas = "".join(f'<meta name="{n}" content="{esc(v)}">\n' for n, v in (
        ("SiteName", "示例市人民政府"), ("SiteDomain", "www.example.invalid"), ("SiteIDCode", "0000000000"),
        ("ColumnName", "政府信息公开年报"), ("ColumnType", "政府信息公开年报"), ("ArticleTitle", title),
        ("PubDate", published), ("ContentSource", "示例市人民政府办公室"), ("Keywords", "年度报告"),
        ("Description", title), ("Url", "https://www.example.invalid/art/2025/1/20/art_1_1.html")))
    styles = "".join(f'<link rel="stylesheet" href="/css/{n}.css">\n' for n in ("base", "common", "index", "xxgk"))
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{decl}
<meta http-equiv="X-UA-Compatible" content="IE=edge">
{metas}<title>{esc(title)}_示例市人民政府门户网站</title>
{styles}<script src="/js/jquery-1.12.4.min.js"></script>
<script>{_portal_script()}</script>
</head>
<body>
<div class="topbar"><div class="w1200 clearfix"><span class="date">{date}</span>
<a href="/wza" class="wza">无障碍浏览</a><a href="/ylh" class="ylh">长者模式</a><a href="/en">English</a><a href="/login">登录</a><a href="/reg">注册</a></div></div>
<div class="header" id="header"><div class="w1200"><a class="logo" href="/"><img src="/img/logo.png" alt="示例市人民政府门户网站"></a>
<div class="search-box"><form action="/search" method="get" name="searchform"><input type="text" name="q" class="search-input" placeholder="请输入关键词">
<input type="hidden" name="site" value="1"><button type="submit" class="search-btn">搜索</button></form>
<div class="hot-words">热词：<a href="#">营商环境</a><a href="#">政府信息公开</a><a href="#">办事指南</a><a href="#">人才政策</a></div></div></div></div>
{_portal_nav()}
<div class="container w1200 clearfix">
<div class="bread-crumb">您现在的位置：<a href="/">首页</a> &gt; <a href="/col/col1/index.html">政务公开</a> &gt; <a href="/col/col104/index.html">政府信息公开</a> &gt; <a href="/col/col10401/index.html">政府信息公开年报</a></div>
<div class="left-side">{_portal_tree()}</div>
<div class="right-side">
{_portal_info(title, published)}
<div class="article-box">
<div class="article-title"><h1>{esc(title)}</h1></div>
<div class="article-attr"><span>发布时间：{published}</span><span>信息来源：示例市人民政府办公室</span><span>浏览次数：<em id="hits"></em></span>
<span class="zh">字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span></div>
<div class="article-content" id="zoom"><div class="TRS_Editor"><div class=WordSection1 style='layout-grid:15.6pt'>
{body}</div></div></div>
<div class="article-attach"></div>
<div class="article-tools"><div class="bdsharebuttonbox">分享到：<a href="#" class="bds_weixin" data-cmd="weixin">微信</a><a href="#" class="bds_tsina" data-cmd="tsina">微博</a></div>
<div class="print-close"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div></div>
</div>
<div class="xgwz"><h3>相关文章</h3><ul>{_RELATED}</ul></div>
</div></div>
{_portal_footer()}
<script>var _hmt=_hmt||[];(function(){{var hm=document.createElement("script");hm.src="https://stats.example.invalid/hm.js";}})();</script>
</body>
</html>
"""


def render_html(report: F.FictionalReport, layout: str = "plain", charset: str | None = "utf-8", *,
                meta: str = "charset", published: str | None = None) -> str:
    """The page as text. ``charset`` is the declared encoding (None: no declaration);
    ``meta`` is ``charset`` (``<meta charset>``) or ``http-equiv`` (the HTML 4 form);
    ``published`` is the time the ``gov`` page shows (default: 20 January after the
    report year, in time)."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose from {LAYOUTS}")
    published = published or f"{report.year + 1}-01-20 09:30"
    title = report.title or ""
    if charset is None:
        decl = ""
    elif meta == "http-equiv":
        decl = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    else:
        decl = f'<meta charset="{charset}">'
    body = _body_html(report, layout)
    if layout == "gov":
        site_title = f"{title}_示例市人民政府门户网站"
        return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{decl}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="PubDate" content="{published}">
<title>{esc(site_title)}</title>
<style>{_STYLE % tuple(x for i in range(40) for x in (i, i))}</style>
<script src="/js/jquery.min.js"></script>
<script>{_SCRIPT % tuple(x for i in range(40) for x in (i, i + 1))}</script>
</head>
<body>
<div class="top-bar"><div class="w1200"><span>今天是：{published.split(" ")[0]}</span><a href="/login">登录</a> | <a href="/wza">无障碍</a> | <a href="/en">English</a></div></div>
<div id="header" class="header"><div class="logo"><img src="/img/logo.png" alt="示例市人民政府"></div>
<div class="search"><form action="/search"><input type="text" name="q" value="请输入关键字"><button>搜索</button></form></div></div>
<div class="nav"><ul>{_NAV}</ul></div>
<table width="1200" align="center" class="layout"><tr>
<td class="left-col" width="260" valign="top">
<div class="sidebar"><h3>政府信息公开</h3><ul>{_SIDE}</ul></div>
</td>
<td class="main-col" valign="top">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/nb/">政府信息公开年报</a></div>
<div class="article">
<h1 class="article-title">{esc(title)}</h1>
<div class="article-info"><span>发布时间：{published}</span><span>来源：示例市人民政府办公室</span><span>浏览次数：<script>document.write(1234)</script></span>
<span class="font-size">字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
<div class="TRS_Editor" id="zoom">
{body}</div>
<div class="share">分享到：<a href="#" class="wx">微信</a><a href="#" class="wb">微博</a><a href="#" class="qq">QQ空间</a></div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul>{_RELATED}</ul></div>
</td></tr></table>
<div id="footer" class="footer"><p>主办单位：示例市人民政府办公室 承办单位：示例市大数据中心</p>
<p>网站标识码：0000000000 示ICP备00000000号 示公网安备 00000000000000号</p>
<p>地址：示例市青禾路1号 邮编：310001 联系电话：0571-88000000</p></div>
<script>(function(){{var hm=document.createElement("script");hm.src="https://stats.example.invalid/hm.js";}})();</script>
</body>
</html>
"""
    if layout == "portal":
        return _portal(title, decl, published, body)
    if layout == "word":
        return f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
{decl}
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>{esc(title)}</title>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style>
<!-- p.MsoNormal {{mso-style-unhide:no;margin:0cm;text-align:justify;font-size:10.5pt;font-family:等线}} -->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>{esc(title)}<span lang=EN-US><o:p></o:p></span></span></b></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
{body}</div>
</body>
</html>
"""
    head_title = f"<h1>{esc(title)}</h1>\n" if layout not in ("flat-line",) else ""
    if layout == "flat-line":
        body = f"<p>{esc(title)}</p>\n" + body
    return f"""<!DOCTYPE html>
<html>
<head>
{decl}
<title>{esc(title)}</title>
</head>
<body>
{head_title}{body}</body>
</html>
"""


def page_bytes(report: F.FictionalReport, layout: str = "plain", encoding: str = "utf-8", *,
               declare: str | None = "same", meta: str = "charset", bom: bool = False) -> bytes:
    """The page encoded in ``encoding``. ``declare`` is the declared charset: ``"same"``
    (truthful), ``None`` (no declaration) or another name (a declaration that lies)."""
    declared = encoding if declare == "same" else declare
    text = render_html(report, layout, declared, meta=meta)
    data = text.encode(encoding)
    if bom:
        data = {"utf-8": b"\xef\xbb\xbf"}.get(encoding.lower(), b"") + data
    return data


__all__ = ["LAYOUTS", "flat_table_text", "page_bytes", "render_html", "table_grid", "table_html"]

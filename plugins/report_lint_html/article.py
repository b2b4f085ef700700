"""The report, not the page: which part of a government web page is the article.

A report page carries the site around it: navigation, breadcrumb, sidebars, a
publication-info box, share and print buttons, related articles, a footer, scripts.
Three signals drop them: the element (``nav``, ``footer``, ``script`` …), its
``id``/``class`` words (``breadcrumb``, ``share``, ``related``, pinyin ``xgwz`` …),
and its own words (``当前位置``, ``分享到``, ``相关文章`` …); lists of links go too. Nothing
that holds a table of numbers or much of the page's text is ever dropped. The article
is then the deepest element that still holds nearly all the remaining text and every
table of numbers. The title and the publication date are read from the whole page
first (the ``<h1>`` and the info box often sit outside the article).
"""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree

_DROP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
                        "svg", "canvas", "button", "input", "select", "textarea", "link", "meta", "map", "audio",
                        "video", "head", "title", "base"})
# Site furniture that may, on a badly built page, wrap the article: dropped only when safe.
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header", "form", "menu"})
_FURNITURE_WORDS = frozenset({
    "nav", "navbar", "subnav", "footnav", "menu", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "sidebar", "footer",
    "header", "share", "bdshare", "social", "related", "relate", "recommend", "comment", "comments", "copyright",
    "login", "search", "toolbar", "pager", "pagination", "qrcode", "ewm", "dqwz", "xgwz", "xgxx", "xglj", "fxd",
    "topbar", "friendlink", "banner"})
_CUES = ("当前位置", "您现在的位置", "您的位置", "您所在的位置", "所在位置", "分享到", "分享：", "相关文章", "相关阅读", "相关链接",
         "相关新闻", "相关信息", "相关文件", "相关稿件", "上一篇", "下一篇", "【打印", "打印本页", "打印此页", "【关闭", "关闭窗口",
         "关闭本页", "扫一扫", "网站地图", "版权所有", "主办单位", "主办：", "网站标识码", "【字体", "【字号", "字号：", "返回顶部")
_INFO_KEYS = ("发布时间", "发布日期", "发文日期", "成文日期", "生成日期", "印发日期", "来源", "浏览次数", "点击数", "阅读次数",
              "访问次数", "阅读量", "字号", "索引号", "发布机构", "发文机关", "文号", "主题分类", "主题词", "责任编辑", "公开方式",
              "有效性")
_INFO_RE = re.compile("|".join(_INFO_KEYS))
_INFO_BITS = {k: 1 << i for i, k in enumerate(_INFO_KEYS)}
_CUE_STARTS = frozenset(c[0] for c in _CUES)
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})")
_DATED = re.compile(r"(?P<key>发布时间|发布日期|发文日期|印发日期|成文日期|生成日期|日期|时间)\s*[:：]?\s*"
                    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})")
_DATE_META = frozenset({"pubdate", "publishdate", "publish_date", "publishtime", "firstpublishedtime",
                        "article:published_time", "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.date"})
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.IGNORECASE)
_NUMERIC = re.compile(r"^[\s\u00a0\u3000]*[0-9０-９][0-9０-９,，.．]*[\s\u00a0\u3000]*$")
_WORDS = re.compile(r"[a-z0-9]+")
_ELEMENT = etree.Element  # iter(_ELEMENT): elements only, filtered in C
BLOCK_TAGS = frozenset({
    "html", "body", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "ul", "ol", "dl", "blockquote",
    "pre", "section", "article", "main", "center", "address", "figure", "figcaption", "caption", "table", "thead",
    "tbody", "tfoot", "tr", "td", "th", "hr", "form", "fieldset", "legend", "details", "summary", "header", "footer",
    "nav", "aside", "menu"})
_TITLE_TAGS = frozenset({"h1", "h2", "h3"})
_CONTAINERS = frozenset({"div", "ul", "ol", "dl", "section", "td", "table", "tbody", "tr", "p", "span", "center"})
SAFE_SHARE = 0.3  # furniture never holds more than this share of the page's text


class Page:
    """What the rest of the parser needs to know about the page."""

    __slots__ = ("root", "skip", "size", "title_el", "title_text", "published")

    def __init__(self, root, size: dict):
        self.root = root  # the article element
        self.skip: set = set()  # elements (with their subtrees) that are not the report
        self.size = size  # element → characters of text in its subtree
        self.title_el = None  # the element holding the report's title, if any
        self.title_text: str | None = None
        self.published: str | None = None  # ISO date from the page's meta tags or info box


def _text_len(text: str | None) -> int:
    return len(text.strip()) if text else 0


def _head(el, n: int = 16) -> str:
    """The first ``n`` non-space characters of an element's text."""
    out = []
    for piece in el.itertext():
        piece = re.sub(r"\s+", "", piece)
        if piece:
            out.append(piece)
            if sum(map(len, out)) >= n:
                break
    return "".join(out)[:n]


def _text(el) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def _iso(m) -> str:
    return f"{m.group('y')}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"


def read_page(root) -> Page:
    """Measure every element bottom-up, then mark the site's furniture top-down.

    Only the top of a dropped subtree goes into ``skip``: the passes that follow never
    descend below a skipped element, and this one jumps over the subtree (elements are
    in document order, so a subtree is the ``count`` elements that follow its root).
    """
    elements = list(root.iter(_ELEMENT))
    stats = _measure(elements)
    size = {el: s[0] for el, s in stats.items()}
    body = next(root.iter("body"), root)
    page_size = max(size.get(body, 0), 1)
    safe = SAFE_SHARE * page_size
    page = Page(root=body, size=size)
    page.published = _meta_date(root)
    info_dates: list[tuple[int, str]] = []
    skip = page.skip
    furniture: dict[str, bool] = {}
    titles = []  # (position, element): h1–h3 anywhere, *title* elements outside the furniture
    i, end = 0, len(elements)
    while i < end:
        el = elements[i]
        n, linked, tables, mask, count = stats[el]
        tag = el.tag
        if tag in _TITLE_TAGS:
            titles.append((i, el))
        i += 1
        if tag in _DROP_TAGS:
            skip.add(el)
            i = _past(el, i, count, elements, titles)
            continue
        style = el.get("style")
        if (style and ("none" in style or "hidden" in style or "hide" in style) and _HIDDEN.search(style)) \
                or el.get("hidden") is not None:
            skip.add(el)
            i = _past(el, i, count, elements, titles)
            continue
        if tables or n >= safe:
            continue  # never drop what holds the report's numbers or much of its text
        if tag in _FURNITURE_TAGS:
            skip.add(el)
            i = _past(el, i, count, elements, titles)
            continue
        names = el.get("class"), el.get("id")
        if names != (None, None):
            key = f"{names[0] or ''} {names[1] or ''}".lower()
            if "title" in key and tag not in _TITLE_TAGS:
                titles.append((i - 1, el))
            flagged = furniture.get(key)
            if flagged is None:
                flagged = furniture[key] = any(w in _FURNITURE_WORDS for w in _WORDS.findall(key))
            if flagged:
                skip.add(el)
                i = _past(el, i, count, elements, titles)
                continue
        if tag not in BLOCK_TAGS and tag not in _CONTAINERS:
            continue
        text = el.text
        first = text.lstrip()[:1] if text else ""
        if first and first in _CUE_STARTS and 0 < n < 300 and _head(el).startswith(_CUES):
            skip.add(el)
            i = _past(el, i, count, elements, titles)
            continue
        if mask & (mask - 1) and 8 < n < 500 and tag not in ("td", "th", "tr"):  # two info words or more
            for m in _DATED.finditer(_text(el)):
                info_dates.append((0 if m.group("key").startswith("发布") else 1, _iso(m)))
            skip.add(el)
            i = _past(el, i, count, elements, titles)
            continue
        if tag in _CONTAINERS and n >= 4 and linked > 0.6 * n and _count_links(el) >= 2:
            skip.add(el)
            i = _past(el, i, count, elements, titles)
    if page.published is None and info_dates:
        page.published = min(info_dates)[1]
    page.root = _article(body, stats, skip)
    titles.sort(key=lambda t: t[0])
    _find_title(root, [el for _, el in titles], page)
    return page


def _measure(elements: list) -> dict:
    """element → (characters of text, of linked text, tables of numbers, info-box word
    mask, elements) in its subtree, children before parents."""
    stats: dict = {}
    info_find = _INFO_RE.findall
    for el in reversed(elements):
        text = el.text
        if text:
            total = len(text.strip())
            mask = _mask(info_find(text)) if len(text) > 1 else 0
        else:
            total = mask = 0
        linked = tables = 0
        count = 1
        for child in el:
            tail = child.tail
            if tail:
                total += len(tail.strip())
                if len(tail) > 1:
                    mask |= _mask(info_find(tail))
            s = stats.get(child)
            if s is None:
                continue  # not an element
            total += s[0]
            linked += s[1]
            tables += s[2]
            mask |= s[3]
            count += s[4]
        tag = el.tag
        if tag == "a":
            linked = total
        elif tag == "table" and tables == 0 and _has_numbers(el):
            tables = 1
        stats[el] = (total, linked, tables, mask, count)
    return stats


def _past(el, i: int, count: int, elements: list, titles: list) -> int:
    """The position after ``el``'s subtree (``el`` is at ``i - 1``); its headings stay
    title candidates: a page's <h1> sometimes sits in a box that is dropped."""
    end = i - 1 + count
    if count > 1:
        for j in range(i, end):
            if elements[j].tag in _TITLE_TAGS:
                titles.append((j, elements[j]))
    return end


def _skipped(el, skip: set) -> bool:
    while el is not None:
        if el in skip:
            return True
        el = el.getparent()
    return False


def _mask(words: list[str]) -> int:
    mask = 0
    for w in words:
        mask |= _INFO_BITS[w]
    return mask


def _count_links(el) -> int:
    return sum(1 for _ in islice(el.iter("a"), 2))


def _has_numbers(table) -> bool:
    count = 0
    for cell in table.iter("td", "th"):
        if _NUMERIC.match("".join(cell.itertext())):
            count += 1
            if count >= 3:
                return True
    return False


def _meta_date(root) -> str | None:
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        if name in _DATE_META:
            m = _DATE.search(meta.get("content") or "")
            if m:
                return _iso(m)
    return None


def _article(body, stats: dict, skip: set):
    """The deepest element holding 80 % of the kept text and every table of numbers."""
    dropped: dict = {}  # element → characters of text dropped inside it
    for el in skip:  # each the top of a dropped subtree
        n = stats[el][0]
        parent = el.getparent()
        while parent is not None:
            dropped[parent] = dropped.get(parent, 0) + n
            parent = parent.getparent()

    def kept(el) -> int:
        return 0 if el in skip else stats[el][0] - dropped.get(el, 0)

    def numeric(el) -> int:
        s = stats.get(el)
        return s[2] if s else 0

    node = body
    while True:
        children = [c for c in node if isinstance(c.tag, str) and c not in skip]
        if not children:
            return node
        best = max(children, key=kept)
        total = kept(node)
        if kept(best) < 0.8 * total or numeric(best) < numeric(node):
            return node
        if _text_len(node.text) > 0.2 * max(total, 1):
            return node  # the node's own text is part of the article
        if not any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in best):
            return node  # a paragraph, not a container of paragraphs
        if best.tag == "table" and not any(True for t in best.iter("table") if t is not best):
            return node  # a table of data, not one that lays out the page
        node = best


def _find_title(root, candidates: list, page: Page) -> None:
    """The report's title: a heading or ``*title*`` element naming a 报告, else ``<title>``.
    A ``*title*`` box around a heading of the same words points at the heading."""
    for el in candidates:
        if el.tag not in _TITLE_TAGS and _skipped(el, page.skip):
            continue
        text = _text(el)
        if "报告" in text and 6 <= len(text) <= 100:
            if el.tag not in _TITLE_TAGS:
                el = next((h for h in el.iter(*_TITLE_TAGS) if _text(h) == text), el)
            page.title_el, page.title_text = el, text
            return
    for el in root.iter("title"):
        text = _text(el)
        parts = [p.strip() for p in re.split(r"\s*(?:[_|｜\-–]|—{1,2})\s*", text) if "报告" in p]
        if parts:
            page.title_el, page.title_text = el, max(parts, key=len)
        return

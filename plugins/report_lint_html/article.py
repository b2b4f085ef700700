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

from report_lint.headings import numbered_level

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
_TITLE_WORDS = frozenset({"tit", "bt", "biaoti", "wzbt", "headline"})  # a *title* box under another name
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
    in document order, so a subtree runs from its root to its ``end`` position).
    """
    elements = list(root.iter(_ELEMENT))
    m = _measure(elements)
    size, rare, cued = m.size, m.rare, m.cued
    body = next(root.iter("body"), root)
    page_size = max(size.get(body, 0), 1)
    safe = SAFE_SHARE * page_size
    page = Page(root=body, size=size)
    page.published = _meta_date(root)
    info_dates: list[tuple[int, str]] = []
    skip = page.skip
    furniture: dict[tuple, tuple[bool, bool]] = {}  # (class, id) → (a *title* box?, furniture?)
    hidden_styles: dict[str, bool] = {}
    titles = []  # h1–h3 anywhere, *title* elements outside the furniture: found in document order
    i, stop = 0, len(elements)
    while i < stop:
        el = elements[i]
        tag = el.tag
        if tag in _TITLE_TAGS:
            titles.append(el)
        i += 1
        if tag in _DROP_TAGS:
            skip.add(el)
            i = _past(el, i, elements, titles)
            continue
        # One read of the attribute names, then only the attributes present are read:
        # many elements carry none of the four, and .keys() costs about what one .get does.
        keys = el.keys()
        if keys:
            hidden = "hidden" in keys
            if not hidden and "style" in keys:
                style = el.get("style")
                hidden = hidden_styles.get(style)
                if hidden is None:  # a page repeats a few dozen styles
                    hidden = hidden_styles[style] = _is_hidden(style)
            if hidden:
                skip.add(el)
                i = _past(el, i, elements, titles)
                continue
        n = size[el]
        extra = rare.get(el)  # (linked text, tables of numbers, info-word mask), when any is not 0
        if n >= safe or (extra is not None and extra[1]):
            continue  # never drop what holds the report's numbers or much of its text
        if tag in _FURNITURE_TAGS:
            skip.add(el)
            i = _past(el, i, elements, titles)
            continue
        if keys and ("class" in keys or "id" in keys):
            names = el.get("class") if "class" in keys else None, el.get("id") if "id" in keys else None
            named = furniture.get(names)
            if named is None:  # a page repeats a few dozen class and id pairs
                key = f"{names[0] or ''} {names[1] or ''}".lower()
                words = _WORDS.findall(key)
                named = furniture[names] = ("title" in key or any(w in _TITLE_WORDS for w in words),
                                            any(w in _FURNITURE_WORDS for w in words))
            titled, flagged = named
            if titled and tag not in _TITLE_TAGS:
                titles.append(el)
            if flagged:
                skip.add(el)
                i = _past(el, i, elements, titles)
                continue
        if tag not in BLOCK_TAGS and tag not in _CONTAINERS:
            continue
        if el in cued and 0 < n < 300 and _head(el).startswith(_CUES) and not _prose(el):
            skip.add(el)
            i = _past(el, i, elements, titles)
            continue
        if extra is None:
            continue  # no links and no info words: nothing below can drop it
        linked, _, mask = extra
        if mask & (mask - 1) and 8 < n < 500 and tag not in ("td", "th", "tr") and not _prose(el):
            # two info words or more, and no sentence: 公开方式 and 有效性 in the report's prose are not an info box
            for match in _DATED.finditer(_text(el)):
                info_dates.append((0 if match.group("key").startswith("发布") else 1, _iso(match)))
            skip.add(el)
            i = _past(el, i, elements, titles)
            continue
        if tag in _CONTAINERS and n >= 4 and linked > 0.6 * n and _count_links(el) >= 2 and not _prose(el):
            skip.add(el)
            i = _past(el, i, elements, titles)
    if page.published is None and info_dates:
        page.published = min(info_dates)[1]
    page.root = _article(body, m, skip)
    _find_title(root, titles, page)
    return page


class _Measure:
    """What ``_measure`` found. Links, tables of numbers and info words are rare, so
    they are kept only for the elements that have any (in ``rare``)."""

    __slots__ = ("size", "rare", "cued")

    def __init__(self):
        self.size: dict = {}  # element → characters of text in its subtree
        self.rare: dict = {}  # element → [linked characters, tables of numbers, info-word mask]
        self.cued: set = set()  # elements whose own text starts with a cue's first character


def _measure(elements: list) -> _Measure:
    """One pass, children before parents (reversed document order): each element adds
    its totals and its tail to its parent's, so no element's children are iterated
    (iterating them costs lxml more than asking each element for its parent)."""
    m = _Measure()
    size, rare, cued = m.size, m.rare, m.cued
    size_get, rare_get = size.get, rare.get
    info_find = _INFO_RE.findall
    for node in _others(elements):  # comments and the like: only their tails count
        tail = node.tail
        parent = node.getparent()
        if tail and parent is not None:
            size[parent] = size_get(parent, 0) + len(tail.strip())
            found = info_find(tail)
            if found:
                _add_rare(rare, parent, [0, 0, _mask(found)])
    for el in reversed(elements):
        n = size_get(el, 0)  # the children's, pushed up
        text = el.text
        if text:
            stripped = text.strip()
            if stripped:
                n += len(stripped)
                if stripped[0] in _CUE_STARTS:
                    cued.add(el)
                if len(stripped) > 1:  # every info word has two characters or more
                    found = info_find(stripped)
                    if found:
                        _add_rare(rare, el, [0, 0, _mask(found)])
        size[el] = n
        tag = el.tag
        extra = rare_get(el)
        if tag == "a":
            if extra is not None:
                extra[0] = n
            elif n:
                extra = rare[el] = [n, 0, 0]
        elif tag == "table" and (extra is None or extra[1] == 0) and _has_numbers(el):
            if extra is None:
                extra = rare[el] = [0, 1, 0]
            else:
                extra[1] = 1
        parent = el.getparent()
        if parent is None:
            continue
        tail = el.tail
        if tail:
            stripped = tail.strip()
            size[parent] = size_get(parent, 0) + n + len(stripped)
            if len(stripped) > 1:
                found = info_find(stripped)
                if found:
                    _add_rare(rare, parent, [0, 0, _mask(found)])
        else:
            size[parent] = size_get(parent, 0) + n
        if extra is not None:
            _add_rare(rare, parent, extra)
    return m


def _others(elements: list) -> list:
    """The comments, processing instructions and entities in the tree (the parser
    removes most): their tails are text of the element that holds them."""
    if not elements:
        return []
    return list(elements[0].iter(etree.Comment, etree.ProcessingInstruction, etree.Entity))


def _add_rare(rare: dict, el, extra: list) -> None:
    """Add ``extra`` (linked characters, tables of numbers, info-word mask) to ``el``'s."""
    mine = rare.get(el)
    if mine is None:
        rare[el] = extra[:]
    else:
        mine[0] += extra[0]
        mine[1] += extra[1]
        mine[2] |= extra[2]


def _prose(el) -> bool:
    """Sentences (a full stop): the report's prose, which names info words (公开方式,
    有效性), starts with cue words (相关信息…) or links sites; furniture has none."""
    return "。" in _text(el)


def _is_hidden(style: str) -> bool:
    return bool(style and ("none" in style or "hidden" in style or "hide" in style) and _HIDDEN.search(style))


def _past(el, i: int, elements: list, titles: list) -> int:
    """The position after ``el``'s subtree (``el`` is at ``i - 1``): that of the first
    element after it, its next sibling or an ancestor's, looked up from ``i`` on. The
    subtree's headings stay title candidates: a page's <h1> sometimes sits in a box
    that is dropped."""
    titles.extend(el.iterdescendants(*_TITLE_TAGS))
    node = el
    while node is not None:
        after = node.getnext()
        while after is not None and not isinstance(after.tag, str):
            after = after.getnext()  # a comment or the like: not in ``elements``
        if after is not None:
            return elements.index(after, i)
        node = node.getparent()
    return len(elements)


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


def _article(body, m: _Measure, skip: set):
    """The deepest element holding 80 % of the kept text and every table of numbers."""
    size, rare = m.size, m.rare
    dropped: dict = {}  # element → characters of text dropped inside it
    for el in skip:  # each the top of a dropped subtree
        n = size[el]
        parent = el.getparent()
        while parent is not None:
            dropped[parent] = dropped.get(parent, 0) + n
            parent = parent.getparent()

    def kept(el) -> int:
        return 0 if el in skip else size[el] - dropped.get(el, 0)

    def numeric(el) -> int:
        extra = rare.get(el)
        return extra[1] if extra else 0

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
        if "报告" in text and 6 <= len(text) <= 100 and numbered_level(text) is None:  # not 六、其他需要报告的事项
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

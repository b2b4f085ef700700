"""A web page's bytes → the report's Document.

The bytes are decoded here, by ``report_lint.decoding`` (BOM, HTTP header, ``<meta>``,
detector; a declaration is believed only when the bytes agree), and handed to lxml as
UTF-8 with that encoding forced, so lxml never guesses. lxml (libxml2) is used for its
speed and because it reports each element's source line. Limits keep hostile input
cheap: the size is checked before anything is parsed, libxml2's depth limit (256) is
turned into a clear error rather than a silently truncated page, and so is a page of
more elements than any report has.
"""

from __future__ import annotations

import re

from report_lint import flattened
from report_lint.decoding import charset_from_content_type, decode_html
from report_lint.document import Document, ParseProblem
from report_lint.errors import InputError
from report_lint.limits import current as current_limits
from report_lint.location import Location

# The page's size, depth and element count are the user's limits (``unpacked-size``,
# ``depth``, ``elements``: report_lint.limits). A report page is rarely above 2 MB (Word
# exports with images reach a few MB) and has a few thousand elements; libxml2 itself
# stops at 256 levels without XML_PARSE_HUGE.


def parse(data: bytes, path: str) -> Document:
    max_bytes = current_limits().unpacked_size
    if len(data) > max_bytes:
        raise InputError(f"网页过大（{len(data)} 字节，上限 {max_bytes} 字节，--limit unpacked-size=MB 可放宽）",
                         f"the page is too large ({len(data)} bytes, limit {max_bytes} bytes; raise it with "
                         "--limit unpacked-size=MB)")
    if not data or data.isspace():
        raise InputError("网页是空的", "the page is empty")
    http_charset = None
    if "://" in path:  # fetched in this run: the server's header may name the charset
        from .fetch import content_type

        http_charset = charset_from_content_type(content_type(path))
    decoded = decode_html(data, path, http_charset)
    # Valid UTF-8 goes to lxml as it came; anything else as the decoded text re-encoded.
    utf8 = data if decoded.encoding == "utf-8" and decoded.source != "bom" else None
    root = _tree(decoded.text, utf8)
    doc = Document(source_path=path, source_format="html",
                   properties={"encoding": decoded.encoding, "encoding_source": decoded.source})
    if decoded.declared:
        doc.properties["declared_encoding"] = decoded.declared
    if decoded.lied:
        who_zh, who_en = ("服务器", "the server") if decoded.declared_by == "http" else ("网页", "the page")
        doc.problems.append(ParseProblem(
            f"{who_zh}声明的编码是“{decoded.declared}”，但内容实际是 {decoded.encoding}，已按 {decoded.encoding} 读取",
            f"{who_en} declares the encoding '{decoded.declared}' but the bytes are {decoded.encoding}; "
            f"read as {decoded.encoding}", Location(path="head"), severity="info"))
    if b"<html" in data[:4096].lower() and b"</html" not in data[-65536:].lower():
        lines = decoded.text.count("\n") + 1
        doc.problems.append(ParseProblem(
            "网页没有结束标记 </html>，可能下载不完整：报告的后半部分可能缺失",
            "the page has no closing </html>: it may be an incomplete download, and the end of the report missing",
            Location(line=lines), severity="warning"))
    from .article import read_page
    from .flow import build_blocks

    _unwrap_inline(root)
    page = read_page(root)
    if page.published:
        doc.properties["published"] = page.published
    if page.title_text:
        doc.properties["title"] = page.title_text
    build_blocks(doc, page)
    if not any(getattr(b, "text", None) or getattr(b, "rows", None) for b in doc.blocks):
        raise InputError("网页中没有找到正文（可能需要 JavaScript 才能显示内容）",
                         "no body text found in the page (its content may need JavaScript to show)")
    flattened.recover(doc, columns=False)
    return doc


def _tree(text: str, utf8: bytes | None = None):
    from lxml import etree

    limits = current_limits()
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                              default_doctype=False, huge_tree=limits.depth > 256)
    try:
        root = etree.fromstring(utf8 if utf8 is not None else text.encode("utf-8", "surrogatepass"), parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"无法解析网页：{exc}", f"cannot parse the page: {exc}")
    for error in parser.error_log:
        if "depth" in error.message.lower() or error.type_name == "ERR_RESOURCE_LIMIT":
            raise InputError(f"网页元素嵌套超过 {limits.depth} 层（第 {error.line} 行），无法可靠读取"
                             "（--limit depth=N 可放宽）",
                             f"the page nests elements more than {limits.depth} levels deep (line {error.line}); "
                             f"it cannot be read reliably (raise it with --limit depth=N)")
    if root is None:
        raise InputError("网页是空的", "the page is empty")
    count = int(root.xpath("count(//*)"))  # counted in C
    if count > limits.elements:
        raise InputError(f"网页元素过多（{count} 个，上限 {limits.elements} 个，--limit elements=N 可放宽），不像一份年度报告",
                         f"the page has too many elements ({count}, limit {limits.elements}; raise it with "
                         "--limit elements=N) to be a report")
    return root


# Word's and CMS editors' inline wrappers carry styles, not structure: a Word page is
# mostly <span> and <o:p>. Hidden ones go, bold ones become <b>, the rest are unwrapped
# (in C, by lxml), so the passes that follow visit a third of the elements. A wrapper
# of blocks (<font><p>…</p></font> on old sites) stays, so no block's path changes.
_INLINE = ("span", "font", "o:p")
_WRAPPER_TAGS = frozenset(("span", "font"))
_BLOCK_TAGS = frozenset(("p", "div", "table", "ul", "ol", "li", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                         "article", "blockquote", "pre", "center"))
_HIDDEN_STYLE = re.compile(r"(?i)display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all")
_BOLD_STYLE = re.compile(r"(?i)font-weight\s*:\s*(?:bold|[6-9]00)")


def _unwrap_inline(root) -> None:
    """One pass over the <span>/<font> elements and one over the blocks (Python loops
    over lxml's C iterators cost a tenth of the equivalent XPath here), then lxml
    strips the wrappers."""
    from lxml import etree

    gone = []
    for el in root.iter("span", "font"):
        style = el.get("style")
        if style and ("none" in style or "hidden" in style or "hide" in style or "bold" in style or "weight" in style):
            if el.get("hidden") is not None or _HIDDEN_STYLE.search(style):
                gone.append(el)
            elif _BOLD_STYLE.search(style):
                el.tag = "b"
        elif el.get("hidden") is not None:
            gone.append(el)
    for el in gone:
        _remove(el)
    wrappers = {}  # the inline elements that hold a block, in a dict to keep each once
    for block in root.iter(*_BLOCK_TAGS):
        parent = block.getparent()
        if parent is not None and parent.tag in _WRAPPER_TAGS:
            wrappers[parent] = parent.tag
    for el in wrappers:
        el.tag = "report-lint-wrapper"
    etree.strip_tags(root, *_INLINE)
    for el, tag in wrappers.items():
        el.tag = tag


def _remove(el) -> None:
    """Remove an element but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)

"""Turning the bytes of a text-like file into str, honestly.

UTF-8 (with or without BOM) is tried strictly first: it is what almost every file is
and costs nothing. Anything else goes to charset-normalizer, which tells GB18030/GBK
apart from the rest far better than a fixed fallback list would.

Web pages also *declare* an encoding (a BOM, the HTTP ``Content-Type`` header, a
``<meta charset>``), and declarations lie: a page saved as GBK still says UTF-8, a
server says ISO-8859-1 for everything. Decoded wrongly, Chinese turns into mojibake
whose digits still look right, so a wrong decode would pass unnoticed.
``decode_html`` therefore believes a declaration only when the bytes agree with it.
"""

from __future__ import annotations

import codecs
import re

from .errors import InputError

_GB_FAMILY = ("gb2312", "gbk", "cp936", "hz", "gb18030", "euc_cn", "x-gbk")
# Compiled on first use (``re`` caches them): text files never need them.
_META_CHARSET = rb"""(?i)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)"""
_XML_ENCODING = rb"""(?i)^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)"""
_HEADER_CHARSET = r"""(?i)charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)"""
PRESCAN_BYTES = 8192  # Word's pages carry long heads; the HTML standard's 1024 is too short
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode_text(data: bytes, path: str = "") -> tuple[str, str]:
    """Return (text, encoding name). Raises InputError for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: 这是二进制文件，不是文本", f"{path}: binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{path}: 无法识别文本编码", f"{path}: cannot detect the text encoding")
    encoding = best.encoding
    # GB2312/GBK are subsets of GB18030: decode with the superset so rare characters survive.
    if encoding.lower().replace("-", "") in ("gb2312", "gbk", "cp936", "hz"):
        encoding = "gb18030"
    return data.decode(encoding, errors="replace"), encoding


class Decoded:
    """A page's text and how its encoding was found."""

    __slots__ = ("text", "encoding", "source", "declared", "lied", "declared_by")

    def __init__(self, text: str, encoding: str, source: str, declared: str | None = None, lied: bool = False,
                 declared_by: str | None = None):
        self.text = text
        self.encoding = encoding  # the codec used (GB2312/GBK are read as their superset GB18030)
        self.source = source  # bom | http | meta | detected
        self.declared = declared  # what the server or the page said, if anything
        self.lied = lied  # a declaration the bytes contradict (the bytes won)
        self.declared_by = declared_by  # http | meta


def canonical_encoding(name: str | None) -> str | None:
    """Python's codec name for a declared label; GB2312/GBK as GB18030; None if unknown."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    if codec.replace("-", "").replace("_", "") in {n.replace("-", "").replace("_", "") for n in _GB_FAMILY}:
        return "gb18030"
    if codec in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"  # what browsers do with these labels
    return codec


def charset_from_content_type(header: str | None) -> str | None:
    m = re.compile(_HEADER_CHARSET).search(header or "")
    return m.group(1) if m else None


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta>`` or an XML declaration)."""
    m = re.compile(_XML_ENCODING).search(head) or re.compile(_META_CHARSET).search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def _as_chinese_gb(data: bytes) -> str | None:
    """The text if ``data`` decodes strictly as GB18030 into mostly Chinese characters
    and punctuation (the detector may prefer a Cyrillic code page for such bytes)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in text if ord(ch) > 0x7f]
    if len(wide) < 20:
        return None
    chinese = sum(1 for ch in wide if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
                  or ch in "“”‘’—…·")
    return text if chinese >= 0.95 * len(wide) else None


def decode_html(data: bytes, path: str = "", http_charset: str | None = None) -> Decoded:
    """Decode a web page: BOM, then UTF-8 if the bytes are valid UTF-8, then a declared
    GB encoding if the bytes decode under it, then the detector; a declaration is
    believed only when the bytes agree. Raises InputError for binary data."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(codec, errors="replace")
            return Decoded(text, codec.replace("-le", "").replace("-be", ""), "bom")
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: 这是二进制文件，不是网页", f"{path}: binary data, not a web page")
    meta = declared_charset(data[:PRESCAN_BYTES])
    declared, source = (http_charset, "http") if canonical_encoding(http_charset) else (meta, "meta")
    by = source if declared else None
    wanted = canonical_encoding(declared)
    try:
        text = data.decode("utf-8")
        if wanted in (None, "utf-8") or data.isascii():
            return Decoded(text, "utf-8", source if wanted == "utf-8" else "detected", declared, declared_by=by)
        return Decoded(text, "utf-8", "detected", declared, lied=True, declared_by=by)
    except UnicodeDecodeError:
        pass
    if wanted == "gb18030":
        try:
            return Decoded(data.decode("gb18030"), "gb18030", source, declared, declared_by=by)
        except UnicodeDecodeError:
            pass
    if wanted is None:  # undeclared: a Chinese page that reads cleanly as GB is GB
        text = _as_chinese_gb(data)
        if text is not None:
            return Decoded(text, "gb18030", "detected", declared, declared_by=by)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    found = canonical_encoding(best.encoding) if best is not None else None
    if found is None and wanted:
        try:
            return Decoded(data.decode(wanted), wanted, source, declared, declared_by=by)
        except (UnicodeDecodeError, LookupError):
            pass
    if found is None:
        raise InputError(f"{path}: 无法识别网页的文字编码", f"{path}: cannot detect the page's text encoding")
    if found != wanted and source == "http" and found == canonical_encoding(meta):
        # the server's header lied; the page's own declaration was right
        return Decoded(data.decode(found, errors="replace"), found, "meta", declared, lied=True, declared_by=by)
    return Decoded(data.decode(found, errors="replace"), found, source if found == wanted else "detected",
                   declared, lied=bool(wanted) and found != wanted, declared_by=by)

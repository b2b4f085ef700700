"""Turning the bytes of a text-like file into str, honestly.

UTF-8 (with or without BOM) is tried strictly first: it is what almost every file is
and costs nothing. Anything else goes to charset-normalizer, which tells GB18030/GBK
apart from the rest far better than a fixed fallback list would.
"""

from __future__ import annotations

from .errors import InputError


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

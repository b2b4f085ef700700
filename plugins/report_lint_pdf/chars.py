"""Characters of one page with their boxes, read from pdfium's text layer.

One ctypes call per character is the cost that matters, so the text comes in one call
(``FPDFText_GetText`` maps index to index) and only the box is asked per character.
Coordinates are turned into page space with the origin at the top left and y growing
downwards, as a reader (and the answer keys) count them.
"""

from __future__ import annotations

import ctypes


class Glyph:
    """One printed character: its text, its ink box (x0, top, x1, bottom) and baseline.

    The ink box, not pdfium's "loose" box: the loose box of a glyph drawn rotated (a
    label written down a cell) can be hundreds of points wide and land in the wrong
    cell."""

    __slots__ = ("text", "x0", "top", "x1", "bottom", "base", "spaced")

    def __init__(self, text: str, x0: float, top: float, x1: float, bottom: float, base: float,
                 spaced: bool = False):
        self.text = text
        self.x0 = x0
        self.top = top
        self.x1 = x1
        self.bottom = bottom
        self.base = base  # the baseline: every glyph of a line shares it, whatever its shape
        self.spaced = spaced  # a space (written, or inferred by pdfium from the font) came before it

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    def __repr__(self) -> str:
        return f"Glyph({self.text!r}, {self.x0:.1f}, {self.top:.1f}, {self.x1:.1f}, {self.bottom:.1f})"


def page_glyphs(raw, textpage, page_height: float, limit: int) -> tuple[list[Glyph], bool]:
    """The printed characters of a page (whitespace, including what pdfium makes up
    between words and lines, is dropped: spaces are rebuilt from gaps) and whether
    ``limit`` cut the list short."""
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return [], False
    truncated = count > limit
    count = min(count, limit)
    buf = ctypes.create_string_buffer((count + 1) * 2)
    got = raw.FPDFText_GetText(textpage, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    text = buf.raw[: max(got - 1, 0) * 2].decode("utf-16-le", errors="replace")
    aligned = len(text) == count
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    box = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    ox, oy = ctypes.c_double(), ctypes.c_double()
    origin = (ctypes.byref(ox), ctypes.byref(oy))
    get_box = raw.FPDFText_GetCharBox
    get_origin = raw.FPDFText_GetCharOrigin
    get_unicode = raw.FPDFText_GetUnicode
    out: list[Glyph] = []
    append = out.append
    spaced = False
    for i in range(count):
        ch = text[i] if aligned else chr(get_unicode(textpage, i) or 0xFFFD)
        if ch.isspace() or ch == "\x00" or ch == "\ufffe":
            spaced = True
            continue
        if not get_box(textpage, i, *box) or not get_origin(textpage, i, *origin):
            continue
        append(Glyph(ch, left.value, page_height - top.value, right.value, page_height - bottom.value,
                     page_height - oy.value, spaced))
        spaced = False
    return out, truncated

"""Characters into lines and lines into text: the one place that decides where a space
or a line break goes.

PDF has no spaces between CJK characters (a justified line only spreads them), so a
space is written only between two Latin letters or digits that stand apart and that
the file or pdfium's font metrics separate by a space (ink gaps alone mislead: a
digit 1 has wide margins); lines that
wrap inside a paragraph or a cell are joined without a break, as the author typed them.
"""

from __future__ import annotations

from .chars import Glyph


class Line:
    """Glyphs printed on one baseline, left to right."""

    __slots__ = ("glyphs", "x0", "top", "x1", "bottom", "size", "_text")

    def __init__(self, glyphs: list[Glyph]):
        glyphs.sort(key=lambda g: g.x0)
        self.glyphs = glyphs
        self.x0 = min(g.x0 for g in glyphs)
        self.x1 = max(g.x1 for g in glyphs)
        self.top = min(g.top for g in glyphs)
        self.bottom = max(g.bottom for g in glyphs)
        heights = sorted(g.bottom - g.top for g in glyphs)
        self.size = max(heights[(len(heights) * 4) // 5], 1.0)  # about the em: most CJK ink fills it
        self._text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = glyph_text(self.glyphs)
        return self._text

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)

    def chunks(self, gap: float) -> list[list[Glyph]]:
        """Runs of glyphs separated by more than ``gap`` points of white space."""
        out: list[list[Glyph]] = [[self.glyphs[0]]]
        for prev, g in zip(self.glyphs, self.glyphs[1:]):
            if g.x0 - prev.x1 > gap:
                out.append([g])
            else:
                out[-1].append(g)
        return out


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def glyph_text(glyphs: list[Glyph]) -> str:
    """Text of glyphs on one line (already left to right)."""
    parts: list[str] = []
    prev = None
    for g in glyphs:
        if prev is not None and _latin(prev.text[-1]) and _latin(g.text[0]):
            if g.spaced and g.x0 - prev.x1 > 0.1 * max(g.bottom - g.top, 1.0):
                parts.append(" ")
        parts.append(g.text)
        prev = g
    return "".join(parts)


def group_lines(glyphs: list[Glyph]) -> list[Line]:
    """Glyphs grouped into lines by their baselines, top to bottom.

    Baselines, not boxes: a comma, a dash and a CJK character of one line differ in
    their ink boxes but share the baseline.
    """
    if not glyphs:
        return []
    ordered = sorted(glyphs, key=lambda g: g.base)
    lines: list[Line] = []
    current = [ordered[0]]
    base = ordered[0].base
    tol = max(0.3 * (ordered[0].bottom - ordered[0].top), 1.0)
    for g in ordered[1:]:
        if g.base - base <= tol:
            current.append(g)
            tol = max(tol, 0.3 * (g.bottom - g.top))
        else:
            lines.append(Line(current))
            current = [g]
            base = g.base
            tol = max(0.3 * (g.bottom - g.top), 1.0)
    lines.append(Line(current))
    return lines


def join_lines(lines: list[Line]) -> str:
    """Lines of one paragraph or cell as one text: wrapped lines join without a break,
    except between two Latin words."""
    parts: list[str] = []
    for line in lines:
        text = line.text
        if parts and _latin(parts[-1][-1]) and _latin(text[0]):
            parts.append(" ")
        parts.append(text)
    return "".join(parts)

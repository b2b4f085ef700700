"""Paragraph styles: which are headings (and of which level), and which carry numbering.

A heading in Word is a paragraph whose style (or the style it is based on) has an
outline level or is one of the built-in "heading N" styles; list numbering can come
from the style too. Both are resolved through the ``basedOn`` chain, once per style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TOC_NAME = re.compile(r"^(?:toc|目录)\s*[1-9]$", re.IGNORECASE)
_TITLE_NAMES = {"title", "标题"}
MAX_CHAIN = 20


@dataclass(frozen=True)
class StyleInfo:
    level: int | None = None  # 0 title, 1..9 heading, None body text
    num: tuple[str, str | None] | None = None  # (numId, ilvl or None) from the style
    toc: bool = False  # a table-of-contents entry style


BODY = StyleInfo()


class Styles:
    """Paragraph styles of styles.xml, resolved on demand."""

    def __init__(self, root=None, names=None):
        self.w = names
        self.raw: dict[str, object] = {}
        self.default: str | None = None
        self.numbering_styles: dict[str, str] = {}  # numbering style id -> numId
        self._cache: dict[str | None, StyleInfo] = {}
        if root is None:
            return
        w = names
        for style in root.iter(w.style):
            sid = style.get(w.a_styleId)
            kind = style.get(w.a_type)
            if sid is None:
                continue
            if kind == "numbering":
                num_id = style.find(f"{w.pPr}/{w.numPr}/{w.numId}")
                if num_id is not None:
                    self.numbering_styles[sid] = num_id.get(w.a_val)
                continue
            if kind not in (None, "paragraph"):
                continue
            self.raw[sid] = style
            if style.get(w.a_default) in ("1", "true", "on"):
                self.default = sid

    def info(self, style_id: str | None) -> StyleInfo:
        """Heading level, numbering and TOC flag of a paragraph style (the default style
        when the paragraph names none)."""
        cached = self._cache.get(style_id)
        if cached is not None:
            return cached
        if style_id is None:
            info = self.info(self.default) if self.default is not None else BODY
            self._cache[None] = info
            return info
        info = self._resolve(style_id) if style_id is not None else BODY
        self._cache[style_id] = info
        return info

    def _resolve(self, style_id: str) -> StyleInfo:
        w = self.w
        level: int | None = None
        level_known = False
        num = None
        toc = False
        seen: set[str] = set()
        sid: str | None = style_id
        while sid is not None and sid not in seen and len(seen) < MAX_CHAIN:
            seen.add(sid)
            style = self.raw.get(sid)
            if style is None:
                break
            name_el = style.find(w.name)
            name = (name_el.get(w.a_val) or "").strip() if name_el is not None else ""
            ppr = style.find(w.pPr)
            if ppr is not None:
                if not level_known:
                    outline = ppr.find(w.outlineLvl)
                    if outline is not None:
                        level = _outline_level(outline.get(w.a_val))
                        level_known = True
                if num is None:
                    numpr = ppr.find(w.numPr)
                    if numpr is not None:
                        num_id = numpr.find(w.numId)
                        ilvl = numpr.find(w.ilvl)
                        if num_id is not None:
                            num = (num_id.get(w.a_val) or "0", ilvl.get(w.a_val) if ilvl is not None else None)
            if not level_known:
                m = _HEADING_NAME.match(name)
                if m:
                    level, level_known = int(m.group(1)), True
                elif name.lower() in _TITLE_NAMES:
                    level, level_known = 0, True
            if _TOC_NAME.match(name):
                toc = True
            based = style.find(w.basedOn)
            sid = based.get(w.a_val) if based is not None else None
        if num is not None and num[0] == "0":
            num = None
        return StyleInfo(level, num, toc)


def _outline_level(value: str | None) -> int | None:
    """w:outlineLvl 0..8 is heading level 1..9; 9 means body text."""
    try:
        n = int(value or "")
    except ValueError:
        return None
    return n + 1 if 0 <= n <= 8 else None

"""Whitespace in web text, as a reader sees it.

HTML collapses runs of spaces and line breaks into one space; a line break between two
Chinese characters is only the source's wrapping and disappears (CSS Text's rule for
East Asian text). ``&nbsp;`` is a space; zero-width characters and soft hyphens are
nothing; ideographic spaces used to indent a paragraph are trimmed at its ends.
"""

from __future__ import annotations

import re

_BREAK = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")
_RUNS = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_WIDE = "\u2e80"  # from here on, characters are CJK (or wider)


def _unwrap(m: re.Match) -> str:
    text, i, j = m.string, m.start(), m.end()
    return "" if 0 < i and j < len(text) and text[i - 1] >= _WIDE and text[j] >= _WIDE else " "


def clean(text: str) -> str:
    text = text.translate(_INVISIBLE)
    if "\n" in text:
        text = _BREAK.sub(_unwrap, text)
    return _RUNS.sub(" ", text).strip(" \u3000")

"""Telling headings from paragraphs in line-based formats (text and Markdown).

Purely typographic: a short line without closing punctuation that starts with an
ordinal is a heading. Whether it is one of the report's six sections is the
interpreter's business, not the parser's.
"""

from __future__ import annotations

import re

from report_lint.document import Heading, Paragraph
from report_lint.location import Location

_LEVEL_PATTERNS = (
    (re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]"), 1),
    (re.compile(r"^第[一二三四五六七八九十]{1,3}部分"), 1),
    (re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]"), 2),
    (re.compile(r"^\d{1,2}\s*[、]"), 1),
    (re.compile(r"^\d{1,2}\s*[.．](?!\d)"), 3),
)
MAX_HEADING_CHARS = 50


def classify_line(text: str, location: Location, first: bool = False):
    """A Heading or a Paragraph for one line of text."""
    if first and len(text) <= 80 and not text.endswith(("。", "；", ";")):
        return Heading(text, 0, location)
    if len(text) <= MAX_HEADING_CHARS and not text.endswith(("。", "；", ";", "，", ",", "：", ":")):
        for pattern, level in _LEVEL_PATTERNS:
            if pattern.match(text):
                return Heading(text, level, location)
    return Paragraph(text, location)

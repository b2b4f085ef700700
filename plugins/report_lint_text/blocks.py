"""Telling headings from paragraphs in line-based formats (text and Markdown).

Purely typographic: a short line without closing punctuation that starts with an
ordinal is a heading. Whether it is one of the report's six sections is the
interpreter's business, not the parser's.
"""

from __future__ import annotations

from report_lint.document import Heading, Paragraph
from report_lint.headings import MAX_HEADING_CHARS, numbered_level
from report_lint.location import Location


def classify_line(text: str, location: Location, first: bool = False):
    """A Heading or a Paragraph for one line of text."""
    if first and len(text) <= 80 and not text.endswith(("。", "；", ";")):
        return Heading(text, 0, location)
    if len(text) <= MAX_HEADING_CHARS and not text.endswith(("。", "；", ";", "，", ",", "：", ":")):
        level = numbered_level(text)
        if level is not None:
            return Heading(text, level, location)
    return Paragraph(text, location)

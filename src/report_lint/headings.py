"""Typographic heading levels shared by the line-based parsers (text, Markdown, HTML):
a short line that starts with an ordinal is a heading of that ordinal's level.
Whether it is one of the report's sections is the interpreter's business."""

from __future__ import annotations

import re

LEVEL_PATTERNS = (
    (re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]"), 1),
    (re.compile(r"^第[一二三四五六七八九十]{1,3}部分"), 1),
    (re.compile(r"^[（(][一二三四五六七八九十]{1,3}[)）]"), 2),
    (re.compile(r"^\d{1,2}\s*、"), 1),
    (re.compile(r"^\d{1,2}\s*[.．](?!\d)"), 3),
)
MAX_HEADING_CHARS = 50


def numbered_level(text: str) -> int | None:
    """The heading level an ordinal at the start of ``text`` implies, or None."""
    for pattern, level in LEVEL_PATTERNS:
        if pattern.match(text):
            return level
    return None

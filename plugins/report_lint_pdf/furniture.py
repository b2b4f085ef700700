"""Page furniture: page numbers and running headers or footers, which are not body text.

A page number is a line of a number alone (``3``, ``-3-``, ``— 3 —``, ``第3页``,
``3/6``) in the top or bottom band of a page. A running header or footer is a line in
one of those bands whose text, digits aside, recurs on at least two pages.
"""

from __future__ import annotations

import re
from collections import Counter

from .text import Line

BAND = 0.12  # share of the page height at top and bottom where furniture is printed

_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－─_·•.]*(?:第\s*)?[0-9０-９]{1,4}(?:\s*页)?(?:\s*[/／]\s*(?:共\s*)?[0-9０-９]{1,4}\s*页?)?[\s\-—–－─_·•.]*$"
    r"|^[\s\-—–－─]*第\s*[0-9０-９]{1,4}\s*页\s*[，,]?\s*共\s*[0-9０-９]{1,4}\s*页[\s\-—–－─]*$"
)


def _in_band(line: Line, height: float) -> bool:
    return line.bottom <= height * BAND or line.top >= height * (1 - BAND)


def _shape(text: str) -> str:
    return re.sub(r"[0-9０-９\s]+", "#", text)


def strip(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """The pages' lines without page numbers and running headers or footers."""
    recurring = Counter()
    for lines, height in zip(pages, heights):
        seen = {_shape(l.text) for l in lines if _in_band(l, height)}
        recurring.update(seen)
    out = []
    for lines, height in zip(pages, heights):
        kept = []
        for line in lines:
            if _in_band(line, height):
                text = line.text
                if _PAGE_NUMBER.match(text):
                    continue
                if len(pages) > 1 and recurring[_shape(text)] >= 2 and len(text) <= 60:
                    continue
            kept.append(line)
        out.append(kept)
    return out

"""How much of one text reappears in another: the share of its characters covered by
runs of ``gram`` characters that also occur in the other text.

Containment rather than a symmetric score, because the question a reviewer asks is
"how much of this year's report was carried over from last year's", whatever else
last year's said. Numbers are masked (a copied sentence with this year's figures is
still copied) and punctuation and spaces ignored. Linear in the length of both texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_KEPT_RUN = re.compile(r"(?:#|[^\W\x00])+")  # word characters and the mask; \0 pads a masked number
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")  # keeps positions


@dataclass
class Normalized:
    """Text reduced to what is compared, and where each kept character came from:
    ``pieces[i]`` and ``offsets[i]`` are the piece and the offset in it of character i."""

    text: str
    pieces: list[int]
    offsets: list[int]

    def origin(self, position: int) -> tuple[int, int]:
        return self.pieces[position], self.offsets[position]


def normalize(pieces: list[str]) -> Normalized:
    """Pieces (sentences or paragraphs) joined, digits masked as ``#``, only word
    characters kept, lower-cased."""
    runs: list[str] = []
    piece_of: list[int] = []
    offsets: list[int] = []
    for index, piece in enumerate(pieces):
        masked = _DIGITS.sub(lambda m: "#" + "\0" * (len(m.group()) - 1), piece) if any(
            c.isdigit() for c in piece) else piece
        for m in _KEPT_RUN.finditer(masked):
            runs.append(m.group())
            piece_of.extend([index] * (m.end() - m.start()))
            offsets.extend(range(m.start(), m.end()))
    return Normalized("".join(runs).translate(_ASCII_LOWER), piece_of, offsets)


def grams(text: str, n: int) -> dict[str, int]:
    """Every run of ``n`` characters with the position of its first occurrence."""
    out: dict[str, int] = {}
    for i in range(len(text) - n + 1):
        out.setdefault(text[i:i + n], i)
    return out


@dataclass
class Passage:
    """A run of this text found in the other: [start, end) here, ``other`` where it starts there."""

    start: int
    end: int
    other: int

    @property
    def length(self) -> int:
        return self.end - self.start


def coverage(text: str, other_grams: dict[str, int], n: int) -> tuple[int, list[Passage]]:
    """Characters of ``text`` covered by shared grams, and the maximal shared runs."""
    covered = 0
    passages: list[Passage] = []
    run_start = run_end = -1
    run_other = 0
    for i in range(len(text) - n + 1):
        where = other_grams.get(text[i:i + n])
        if where is None:
            continue
        if i <= run_end:  # extends the current run
            run_end = i + n
            continue
        if run_start >= 0:
            covered += run_end - run_start
            passages.append(Passage(run_start, run_end, run_other))
        run_start, run_end, run_other = i, i + n, where
    if run_start >= 0:
        covered += run_end - run_start
        passages.append(Passage(run_start, run_end, run_other))
    return covered, passages

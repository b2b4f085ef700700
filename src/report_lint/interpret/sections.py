"""Finding the six sections of the template among the document's headings.

Matching is generous on purpose (accepted wording variants, one-character typos, any
numbering style) so that the *rules* can say precisely what is wrong with a heading
that was found, instead of reporting it missing.
"""

from __future__ import annotations

import functools
import re

from ..document import Heading, Paragraph
from ..numbers import chinese_to_int
from ..report import Section
from .template import fold_width, levenshtein, norm_title

_NUMBERED = re.compile(
    r"^\s*(?:(?P<cn>[一二三四五六七八九十]{1,3})|(?P<ar>\d{1,2}))\s*(?P<sep>[、.．:：]|\s+)\s*(?P<title>\S.*)$"
)
_PART = re.compile(r"^\s*第(?P<cn>[一二三四五六七八九十]{1,3})部分\s*[、.:：]?\s*(?P<title>\S.*)$")
_CAPTION = re.compile(r"^\s*(?:附)?表\s*[一二三四五六七八九十\d]")  # a table caption, not a section
MAX_HEADING_CHARS = 60


class Candidate:
    __slots__ = ("block_index", "section", "score")

    def __init__(self, block_index: int, section: Section, score: float):
        self.block_index, self.section, self.score = block_index, section, score


def parse_numbering(text: str) -> tuple[str | None, int | None, str | None, str]:
    """(numbering as printed, numeral, style, title) of a heading line."""
    folded = fold_width(text).strip()
    m = _PART.match(folded)
    if m:
        numbering = folded[: m.start("title")].strip()
        return numbering, chinese_to_int(m.group("cn")), "chinese-part", m.group("title").strip()
    m = _NUMBERED.match(folded)
    if m and (m.group("sep").strip() or m.group("ar") is not None or m.group("cn")):
        numbering = folded[: m.start("title")]
        if m.group("cn"):
            return numbering.strip(), chinese_to_int(m.group("cn")), "chinese", m.group("title").strip()
        return numbering.strip(), int(m.group("ar")), "arabic", m.group("title").strip()
    return None, None, "none", folded


@functools.lru_cache(maxsize=64)
def _forms(title: str, variants: tuple[str, ...]) -> tuple[str, frozenset[str], tuple]:
    """A section's forms, normalized once: the canonical title, the set of variants,
    and for the containment and typo tests each form of 4 characters or more (canonical
    first) with its length, the edits a typo of it may take and its characters."""
    canonical, normed = norm_title(title), tuple(norm_title(v) for v in variants)
    sized = tuple((v, len(v), 1 if len(v) < 12 else 2, frozenset(v)) for v in (canonical, *normed) if len(v) >= 4)
    return canonical, frozenset(normed), sized


def _match(norm: str, forms: tuple[str, frozenset[str], tuple]) -> tuple[str, float] | None:
    """How the normalized heading ``norm`` matches a section's ``_forms``."""
    canonical, variants, sized = forms
    if norm == canonical:
        return "exact", 1.0
    if norm in variants:
        return "variant", 0.95
    size = len(norm)
    for v, n, _, _ in sized:
        if v in norm and size - n <= 8:
            return "variant", 0.9
    for v, n, allowed, chars in sized:
        if abs(n - size) > allowed:
            continue
        # Each distinct character of v absent from the title costs at least one edit: a
        # lower bound on the distance that rules out most pairs without the full table.
        if len(chars.difference(norm)) > allowed:
            continue
        if levenshtein(norm, v, allowed) <= allowed:
            return "fuzzy", 0.8
    return None


_MATCHES: dict[tuple[int, ...], tuple[list, dict]] = {}


def _matches_of(forms: list):
    """A function from a normalized heading to its ``_match`` with each section's forms,
    remembering its answers for these forms: the same headings come back in every
    report. (Keyed by the forms' ids; the entry holds the forms, so the ids stay theirs.)"""
    key = tuple(map(id, forms))
    entry = _MATCHES.get(key)
    if entry is None:
        if len(_MATCHES) > 16:
            _MATCHES.clear()
        entry = _MATCHES[key] = (forms, {})
    answers = entry[1]

    def matches(norm: str) -> list:
        found = answers.get(norm)
        if found is None:
            if len(answers) > 4096:
                answers.clear()
            found = answers[norm] = [_match(norm, f) for f in forms]
        return found
    return matches


def find_sections(blocks: list, template: dict) -> tuple[list[Section], dict[int, int]]:
    """The six sections (found or not) and, for each found one, its block index."""
    specs = template["sections"]
    matches = _matches_of([_forms(spec["title"], tuple(spec.get("variants", ()))) for spec in specs])
    best: dict[int, Candidate] = {}
    for i, block in enumerate(blocks):
        if not isinstance(block, (Heading, Paragraph)) or isinstance(block, Heading) and block.level == 0:
            continue
        text = block.text.strip()
        if not text or len(text) > MAX_HEADING_CHARS or text.startswith(("（", "(")) or _CAPTION.match(text):
            continue
        numbering, numeral, style, title = parse_numbering(text)
        if numbering is None and not isinstance(block, Heading):
            continue
        title = title.rstrip("。:：")
        for spec, m in zip(specs, matches(norm_title(title).rstrip("。"))):
            if m is None or (numbering is None and m[0] == "fuzzy"):
                continue
            kind, score = m
            if numeral == spec["index"]:
                score += 0.05
            prev = best.get(spec["index"])
            if prev is None or score > prev.score + 0.1:
                best[spec["index"]] = Candidate(i, Section(
                    index=spec["index"], found=True, heading=text, numbering=numbering, numeral=numeral,
                    style=style, title=title, match=kind, location=block.location), score)
    # One block can only be one section: keep the better claim.
    by_block: dict[int, Candidate] = {}
    for cand in sorted(best.values(), key=lambda c: -c.score):
        by_block.setdefault(cand.block_index, cand)
    kept = {c.section.index: c for c in by_block.values()}
    sections = [kept[s["index"]].section if s["index"] in kept else Section(index=s["index"], found=False)
                for s in specs]
    return sections, {idx: c.block_index for idx, c in kept.items()}

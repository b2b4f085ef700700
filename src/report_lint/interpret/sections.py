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
# a table of contents: an entry's dot leader (or spaces) and page number, a leader line
# that a reader split off its entry, the 目录 caption
_PAGE_NUMBER = re.compile(r"(?:[.．…·・_\-—]{2,}|\s{2,})\s*\d{1,3}\s*$")
_LEADER_LINE = re.compile(r"^\s*[.．…·・_\-—]{2,}\s*\d{1,3}\s*$")
_CONTENTS_CAPTION = re.compile(r"^\s*目\s*录\s*$")


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


class _Claim:
    """A block that may be a section heading: what it says and the sections it may be."""

    __slots__ = ("index", "block", "text", "numbering", "numeral", "style", "title", "found", "paged")

    def __init__(self, index, block, text, numbering, numeral, style, title, found, paged):
        self.index, self.block, self.text = index, block, text
        self.numbering, self.numeral, self.style, self.title = numbering, numeral, style, title
        self.found, self.paged = found, paged  # [(section index, match kind, score)]; a page number


def find_sections(blocks: list, template: dict) -> tuple[list[Section], dict[int, int]]:
    """The six sections (found or not) and, for each found one, its block index."""
    specs = template["sections"]
    matches = _matches_of([_forms(spec["title"], tuple(spec.get("variants", ()))) for spec in specs])
    claims: list[_Claim] = []
    for i, block in enumerate(blocks):
        if not isinstance(block, (Heading, Paragraph)) or isinstance(block, Heading) and block.level == 0:
            continue
        text = block.text.strip()
        if not text or len(text) > MAX_HEADING_CHARS or text.startswith(("（", "(")) or _CAPTION.match(text):
            continue
        numbering, numeral, style, title = parse_numbering(text)
        if numbering is None and not isinstance(block, Heading):
            continue
        paged = _PAGE_NUMBER.search(title) if numbering is not None else None
        if paged:
            title = title[: paged.start()]  # a contents entry: 一、总体情况……1
        title = title.rstrip("。:：")
        found = []
        for spec, m in zip(specs, matches(norm_title(title).rstrip("。"))):
            if m is None or (numbering is None and m[0] == "fuzzy"):
                continue
            kind, score = m
            found.append((spec["index"], kind, score + 0.05 if numeral == spec["index"] else score))
        if found:
            claims.append(_Claim(i, block, text, numbering, numeral, style, title, found, paged is not None))
    contents = _contents(claims, blocks)
    best: dict[int, Candidate] = {}
    for c in claims:
        if c.index in contents:
            continue
        for index, kind, score in c.found:
            prev = best.get(index)
            if prev is None or score > prev.score + 0.1:
                best[index] = Candidate(c.index, Section(
                    index=index, found=True, heading=c.text, numbering=c.numbering, numeral=c.numeral,
                    style=c.style, title=c.title, match=kind, location=c.block.location), score)
    # One block can only be one section: keep the better claim.
    by_block: dict[int, Candidate] = {}
    for cand in sorted(best.values(), key=lambda c: -c.score):
        by_block.setdefault(cand.block_index, cand)
    kept = {c.section.index: c for c in by_block.values()}
    sections = [kept[s["index"]].section if s["index"] in kept else Section(index=s["index"], found=False)
                for s in specs]
    return sections, {idx: c.block_index for idx, c in kept.items()}


def _contents(claims: list[_Claim], blocks: list) -> set[int]:
    """The blocks of a table of contents (目录) listing the sections before the body.

    Taken for the headings, they would put the whole body into the last section listed.
    A run of claims with nothing between them (but a 目录 caption or a page-number line a
    reader split off), numbered upwards, is a contents list when it has three entries or
    its entries carry page numbers, and when the sections it lists come again after it."""
    runs: list[list[_Claim]] = []
    for c in claims:
        run = runs[-1] if runs else None
        if run and _only_leaders(blocks, run[-1].index + 1, c.index) and (
                c.numeral is None or run[-1].numeral is None or c.numeral > run[-1].numeral):
            if c.index > run[-1].index + 1:
                run[-1].paged = True  # its page number was split off onto the next line
            run.append(c)
        else:
            runs.append([c])
    contents: set[int] = set()
    for n, run in enumerate(runs):
        if len(run) < 3 and not all(c.paged for c in run):
            continue
        listed = {index for c in run for index, _, _ in c.found}
        again = {index for later in runs[n + 1:] for c in later for index, _, _ in c.found}
        if len(listed & again) >= min(2, len(listed)):
            contents.update(c.index for c in run)
    return contents


def _only_leaders(blocks: list, start: int, end: int) -> bool:
    """Whether blocks[start:end] hold nothing but a 目录 caption or page-number lines."""
    for block in blocks[start:end]:
        text = getattr(block, "text", None)
        if text is None or not (_LEADER_LINE.match(fold_width(text)) or _CONTENTS_CAPTION.match(text)):
            return False
    return True

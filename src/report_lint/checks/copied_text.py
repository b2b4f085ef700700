"""The ``copied_text`` check kind: narrative carried over from last year's report.

Some provinces deduct points when a report repeats last year's (one above 50%), so
the share is computed per section and overall and the longest shared passages shown.
Tables and headings are not compared (only paragraphs are), nor are sentences the
format makes everyone write (the ruleset lists their markers as ``boilerplate``).
"""

from __future__ import annotations

from collections import Counter

from ..hookspecs import hookimpl
from ..report import Report
from ..specs import CheckKind
from . import CN, section_title, sentences


def narrative(report: Report, sections: list[int], boilerplate: list[str]):
    """The report's sentences outside boilerplate: (sentence, block, offset, section)."""
    out = []
    for block in report.texts or []:
        if block.kind != "paragraph" or block.section not in sections:
            continue
        for offset, sentence in sentences(block.text):
            if sentence.strip() and not any(marker in sentence for marker in boilerplate):
                out.append((sentence, block, offset, block.section))
    return out


def run_copied_text(rule, report, related):
    from ..similarity import coverage, grams, normalize  # loaded only when reports are compared

    p = rule.params
    previous = related.previous
    threshold = float(p.get("threshold", 0.5))
    n = int(p.get("gram", 8))
    min_chars = int(p.get("min_chars", 60))
    shown = int(p.get("passages", 3))
    sections = list(p.get("sections") or range(1, 7))
    boilerplate = list(p.get("boilerplate") or [])

    mine = narrative(report, sections, boilerplate)
    theirs = narrative(previous, sections, boilerplate)
    here, there = normalize([s for s, *_ in mine]), normalize([s for s, *_ in theirs])
    if len(here.text) < min_chars or len(there.text) < n:
        return
    theirs_grams = grams(there.text, n)
    covered, runs = coverage(here.text, theirs_grams, n)
    passages = _by_block(runs, here, mine, theirs_grams, n)
    per_section: dict[int, list[int]] = {}  # section -> [copied, total] characters
    for index, count in Counter(here.pieces).items():
        per_section.setdefault(mine[index][3], [0, 0])[1] += count
    for passage in passages:  # each within one paragraph, so within one section
        per_section[mine[here.pieces[passage.start]][3]][0] += passage.length
    overall = covered / len(here.text)
    passages.sort(key=lambda x: -x.length)

    for section, (copied, total) in sorted(per_section.items()):
        if total >= min_chars and copied / total >= threshold:
            inside = [x for x in passages if mine[here.pieces[x.start]][3] == section]
            yield _finding(rule, report, previous, mine, theirs, here, there, inside[:shown], copied / total,
                           f"sections.{section}", (f"{CN[section]}、{section_title(section, report)}", f"section {section}"))
    if overall >= threshold:
        yield _finding(rule, report, previous, mine, theirs, here, there, passages[:shown], overall, "narrative",
                       ("全文叙述部分", "the narrative as a whole"))


def _by_block(runs: list, here, mine, theirs_grams: dict[str, int], n: int) -> list:
    """Shared runs cut where a paragraph ends, so that each is quoted and located in its
    own paragraph (and section); each piece finds its own place in last year's text."""
    from ..similarity import Passage

    out = []
    for run in runs:
        start = run.start
        for position in range(run.start + 1, run.end + 1):
            if position == run.end or mine[here.pieces[position]][1] is not mine[here.pieces[start]][1]:
                other = theirs_grams.get(here.text[start:start + n], run.other)
                out.append(Passage(start, position, other))
                start = position
    return out


def _finding(rule, report, previous, mine, theirs, here, there, passages, share: float,
             key, scope: tuple[str, str]):
    from ..related import pointer

    def place(norm, items, position: int):
        index, offset = norm.origin(position)
        _, block, start, _ = items[index]
        return block, start + offset

    related, quotes = [], []
    for passage in passages:
        block, at = place(here, mine, passage.start)
        if not any(ch.isalnum() for ch in block.text[:at]):
            at = 0  # quote an opening bracket or numbering the comparison skipped
        end_block, end_at = place(here, mine, passage.end - 1)
        quote = block.text[at: end_at + 1] if end_block is block else block.text[at:]
        quotes.append(quote if len(quote) <= 60 else quote[:58] + "…")
        other_block, other_at = place(there, theirs, passage.other)
        related.append(pointer(previous, other_block.location_at(other_at), f"上一年度报告中的相同段落：{quotes[-1]}",
                               f"same passage in last year's report: {quotes[-1]}"))
    first = place(here, mine, passages[0].start) if passages else None
    location = first[0].location_at(first[1]) if first else None
    percent = f"{share:.0%}"
    finding = rule.finding({"scope": {"zh": scope[0], "en": scope[1]}, "share": percent,
                            "threshold": f"{float(rule.params.get('threshold', 0.5)):.0%}",
                            "previous_year": previous.year, "passage": quotes[0] if quotes else ""},
                           location, key=key, found=round(share, 4))
    finding.related = related
    return finding


_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "threshold": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
        "gram": {"type": "integer", "minimum": 4, "maximum": 50},
        "min_chars": {"type": "integer", "minimum": 1},
        "passages": {"type": "integer", "minimum": 0, "maximum": 20},
        "sections": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 6}},
        "boilerplate": {"type": "array", "items": {"type": "string", "minLength": 2, "maxLength": 100},
                        "maxItems": 200},
    },
}


@hookimpl
def report_lint_register_check_kinds(register):
    register(CheckKind("copied_text", run_copied_text, _SCHEMA,
                       "叙述文字与上一年度报告的重复比例 / share of the narrative repeated from last year's report",
                       needs="previous"))

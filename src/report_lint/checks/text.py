"""Text check kinds: doubled characters and words, conversion leftovers, broken
ordinal sequences (一是…三是)."""

from __future__ import annotations

import re

from ..hookspecs import hookimpl
from ..numbers import chinese_to_int
from ..specs import CheckKind
from . import excerpt, text_blocks

_CJK = r"\u4e00-\u9fff"
_DOUBLE_WORD = re.compile(rf"([{_CJK}]{{2}})\1")
_ORDINAL_IS = re.compile(r"(?<![第之其统唯万])([一二三四五六七八九十]{1,2})是")
_PROSE = re.compile(r"[，。；]")
_NUMERALS = set("零〇一二两三四五六七八九十百千万亿")


def _word_boundary(text: str, start: int, found: str, contexts) -> bool:
    """Whether the doubled ``found`` at ``start`` sits inside one of ``contexts``, where
    it is the end of one word and the start of the next (为了|了解, 作为|为民)."""
    for ctx in contexts:
        i = ctx.find(found)
        while i != -1:
            a = start - i
            if a >= 0 and text[a: a + len(ctx)] == ctx:
                return True
            i = ctx.find(found, i + 1)
    return False


def run_repeated_characters(rule, report):
    chars = "".join(rule.params.get("characters", []))
    words_too = rule.params.get("words", True)
    allowed = set(rule.params.get("allowed_words", []))
    contexts = tuple(rule.params.get("allowed_contexts", ()))  # 为了了解: one word's end, the next's start
    pattern = re.compile(f"([{re.escape(chars)}])\\1") if chars else None
    for block, text in text_blocks(report):
        hits = []
        if pattern:
            hits += [(m.start(), m.group(0)) for m in pattern.finditer(text)
                     if not _word_boundary(text, m.start(), m.group(0), contexts)]
        if words_too and _PROSE.search(text):  # not table debris extracted as text
            for m in _DOUBLE_WORD.finditer(text):
                word = m.group(1)
                if word in allowed or word[0] == word[1] or set(word) & _NUMERALS:
                    continue
                hits.append((m.start(), m.group(0)))
        for start, found in sorted(hits):
            yield rule.finding({"found": found, "excerpt": excerpt(block.text, start, start + len(found))},
                               block.location_at(start), found=found)


def run_forbidden_phrases(rule, report):
    phrases = [p for p in rule.params.get("phrases", []) if p]
    blocks = [(block, text, text.lower()) for block, text in text_blocks(report)]
    # Only the phrases the whole text contains are looked for block by block: nearly
    # always none of them (a phrase straddling two blocks here only costs a search).
    everything = "\n".join(low for _, _, low in blocks)
    wanted = [(phrase, needle) for phrase, needle in zip(phrases, (p.lower() for p in phrases)) if needle in everything]
    if not wanted:
        return
    for block, text, low in blocks:
        for phrase, needle in wanted:
            start = low.find(needle)
            while start != -1:
                end = _closing(text, start, start + len(phrase))
                yield rule.finding({"found": text[start:end], "excerpt": excerpt(block.text, start, end)},
                                   block.location_at(start), found=text[start:end])
                start = low.find(needle, end)


_CLOSERS = {"[": "]", "{": "}", "【": "】"}


def _closing(text: str, start: int, end: int) -> int:
    """Extend a match that opens a bracket to its closing bracket (a whole field code)."""
    closer = _CLOSERS.get(text[start])
    if closer and closer not in text[start:end]:
        found = text.find(closer, end, end + 60)
        if found != -1:
            return found + 1
    return end


def run_ordinal_sequence(rule, report):
    """Within a paragraph, 一是、二是、三是… count up by one from 一: one finding per
    broken enumeration, at its first wrong marker."""
    last = None  # (section, block index, last number) of the enumeration the previous block ended with
    for index, (block, text) in enumerate(text_blocks(report, include_title=False)):
        if "是" not in text:  # in every marker
            continue
        carried = last[2] if last and last[0] == block.section and last[1] == index - 1 else 0
        last = None
        for k, sequence in enumerate(_enumerations(text)):
            numbers = [n for n, _ in sequence]
            if k == 0 and carried and numbers[0] != 1:
                # the items are paragraphs of their own (一是…。⏎二是…。⏎三是…): the
                # enumeration goes on from the previous paragraph's
                numbers = list(range(1, carried + 1)) + numbers
            last = (block.section, index, numbers[-1])
            wrong = next((i for i, n in enumerate(numbers) if n != i + 1), None)
            if wrong is None:
                continue
            m = sequence[wrong - (len(numbers) - len(sequence))][1]
            shown = "、".join(_cn(n) + "是" for n in numbers)
            yield rule.finding({"found": m.group(0), "expected": _cn(wrong + 1) + "是", "sequence": shown,
                                "excerpt": excerpt(block.text, m.start(), m.end())},
                               block.location_at(m.start()), expected=_cn(wrong + 1) + "是", found=shown)


def _enumerations(text: str) -> list[list[tuple[int, re.Match]]]:
    """The 一是… markers of a text, split where a new enumeration starts at 一是."""
    sequences: list[list[tuple[int, re.Match]]] = []
    for m in _ORDINAL_IS.finditer(text):
        n = chinese_to_int(m.group(1))
        if n is None:
            continue
        if n == 1 or not sequences:
            sequences.append([])
        sequences[-1].append((n, m))
    return sequences


def run_document_marks(rule, report):
    """Marks the parser found in the source (tracked changes, comments): one finding each."""
    kinds = set(rule.params.get("kinds", []))
    for fact in report.facts:
        if fact.kind in kinds:
            text = (fact.text or "").strip()
            shown = text if len(text) <= 40 else text[:40] + "…"
            finding = rule.finding({"text": shown, "kind": fact.kind, "author": fact.extra.get("author") or "—"},
                                   fact.location, found=text)
            yield finding


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n <= 10:
        return "十" if n == 10 else digits[n]
    return ("" if n < 20 else digits[n // 10]) + "十" + (digits[n % 10] if n % 10 else "")


_OBJ = {"type": "object", "additionalProperties": False}
_STRINGS = {"type": "array", "items": {"type": "string", "maxLength": 200}, "maxItems": 1000}


@hookimpl
def report_lint_register_check_kinds(register):
    register(CheckKind("repeated_characters", run_repeated_characters, {**_OBJ, "properties": {
        "characters": _STRINGS, "words": {"type": "boolean"}, "allowed_words": _STRINGS,
        "allowed_contexts": _STRINGS}},
        "无重复的字或词（的的）/ no doubled characters or words"))
    register(CheckKind("forbidden_phrases", run_forbidden_phrases, {**_OBJ, "required": ["phrases"],
                                                                    "properties": {"phrases": _STRINGS}},
                       "无格式转换残留等禁用文字 / no conversion leftovers or other forbidden text"))
    register(CheckKind("document_marks", run_document_marks, {**_OBJ, "required": ["kinds"], "properties": {
        "kinds": {"type": "array", "items": {"type": "string", "maxLength": 50}, "maxItems": 50}}},
        "源文件中的修订、批注等标记 / tracked changes, comments and other marks in the source"))
    register(CheckKind("ordinal_sequence", run_ordinal_sequence, {**_OBJ, "properties": {}},
                       "一是、二是…序号连续 / 一是、二是… count up without gaps"))

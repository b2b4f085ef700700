"""Recovering report text whose headings and table cells were run together.

Crawlers and copy-paste flatten a web page into one line: the section headings run
into the paragraphs around them and the cells of a table row run together
(``一、本年新收政府信息公开申请数量21710000218`` is 217, 1, 0, 0, 0, 0, 218). Parsers call
``recover(doc)`` after building a Document; it finds, in runs of consecutive text
blocks, the template's section headings and statistical tables, and replaces them by
Heading and Table blocks.

The knowledge comes from data: the words of headings and row labels from the template
(``data/template-2021.yaml``), the places where one cell ends and the next begins from
the tables' own identities (a row's 总计 is the sum of its six applicant columns, each
表四 block sums to its 总计, and the column identities of 表三). A split is used only
when exactly one fits, and the document says it was inferred (an ``info`` problem);
where several fit or none does, the row is left unreadable and a problem says why.
The search is bounded: candidate sums prune it and a work budget stops it.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re

from .document import Cell, Document, Heading, Paragraph, ParseProblem, Table
from .location import Location

MAX_CANDIDATES = 8  # splits kept per row; more count as "too many to choose from"
SEARCH_BUDGET = 50_000  # search steps per row: bounds the time on any digit string
MAX_COMBINATIONS = 4096  # combinations of ambiguous 表三 rows tried against the columns
MAX_RUN_CHARS = 300_000  # a whole report is a few tens of thousands: longer runs are left alone

# Characters that labels gain or lose on the way (spaces, quotes, punctuation): ignored
# when the template's words are looked for in run-together text.
_IGNORED = frozenset(" \t\r\n\u00a0\u200b\u3000“”\"'‘’、，,。.:：;；（）()【】[]《》<>〈〉—-_/／·…!！?？")
_SENTENCE_END = "。！？!?"
_DASHES = "/／—－–-"
_CN_NUM = "一二三四五六七八九十"

# Patterns are compiled on first use (``re`` caches them): compiling costs more than a parse.
_HEADING_ORDINAL = (
    rf"第[{_CN_NUM}]{{1,3}}部分\s*[、.．:：]?\s*|[{_CN_NUM}]{{1,3}}\s*[、.．]\s*|[{_CN_NUM}]{{1,3}}\s+|\d{{1,2}}\s*[、．]\s*"
    rf"|\d{{1,2}}\.(?!\d)\s*")
_STRONG_BEFORE = frozenset(" \t\r\n\u00a0\u3000。！？!?；;）)」』”】") | frozenset("0123456789")
_WEAK_BEFORE_REJECT = frozenset("、，,“\"（(《〈：:第表") | frozenset(_CN_NUM)  # 表四 …: a table's caption
_LIST_AFTER = frozenset("、，,；;）)")
_NEXT_ORDINAL = r"(\d{1,2})\s*[.．、]\s*$"
# A comma followed by three digits stays inside the run ("1,543"): stopping there would
# read "1" as the cell (and, when the rest still makes as many tokens as columns, as read).
_VALUE_RUN = r"[0-9/／—－–\-](?:(?:[0-9/／—－–\-\s]|,(?=\d{3}))*[0-9/／—－–\-])?"
_DECIMAL_RUN = r"[0-9/／—－–\-](?:[0-9.,/／—－–\-\s]*[0-9/／—－–\-])?"
_LEADING_ORDINAL = (rf"(?:[{_CN_NUM}]{{1,3}}\s*[、.．]|[（(][{_CN_NUM}\d]{{1,3}}[)）]|\d{{1,2}}\s*[.．、])\s*$")
_UNIT_AFTER = frozenset("件条个项宗次%％元")
# A page-number line ("- 3 -", "第3页", "第 3 页 共 8 页") from a PDF or Word export: blanked
# before tables are searched, or it runs into the value run of the row before it.
_PAGE_NUMBER = r"(?m)^[ \t]*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)[ \t]*$"

_DIGIT = r"\d"
# Full-width ASCII to half-width and wide spaces to spaces, one character for one (as
# interpret.template.fold_width), so that offsets stay valid.
# A pipe ("label|1|0|0", a table dumped with | between cells) separates like a space.
_FOLD = {**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}, 0x3000: 0x20, 0xA0: 0x20, 0x7C: 0x20, 0xFF5C: 0x20}

TABLE_NAMES = {"active_disclosure": ("表二", "table 2"), "requests": ("表三", "table 3"),
               "review_litigation": ("表四", "table 4")}


def _digits(text: str, start: int = 0, end: int | None = None) -> int:
    return len(re.compile(_DIGIT).findall(text, start, len(text) if end is None else end))


# ---------------------------------------------------------------------------------------
# The template's words and identities
# ---------------------------------------------------------------------------------------


# Plain classes rather than dataclasses throughout: this module is imported on every
# parse, and each dataclass costs about half a millisecond to define.
class _Row:
    __slots__ = ("key", "aliases", "width", "ordinal", "label")

    def __init__(self, key: str, aliases: tuple[str, ...], width: int, ordinal: int | None, label: str):
        self.key = key
        self.aliases = aliases  # normalized, longest first
        self.width = width
        self.ordinal = ordinal  # the "1." of numbered sub-rows, which runs into the cell before
        self.label = label  # for messages


class _TableSpec:
    __slots__ = ("kind", "rows", "windows", "signature", "decimals", "template")

    def __init__(self, kind: str, rows: tuple, windows: tuple, signature: tuple, decimals: bool = False,
                 template: dict | None = None):
        self.kind = kind
        self.rows = rows
        self.windows = windows  # (first cell, length): the last cell is the sum of the others
        self.signature = signature
        self.decimals = decimals
        self.template = template  # the template's table, for what its header may add (小计)


class _Vocabulary:
    __slots__ = ("titles", "tables")

    def __init__(self, titles: tuple[tuple[int, str], ...], tables: dict):
        self.titles = titles  # (section index, normalized title), longest first
        self.tables = tables


def _norm(text: str) -> str:
    return "".join(ch for ch in text.translate(_FOLD) if ch not in _IGNORED)


@functools.lru_cache(maxsize=4)
def _vocabulary(version: str = "2021") -> _Vocabulary:
    from .interpret.template import load_template, norm_label

    template = load_template(version)
    titles = sorted({(s["index"], _norm(v)) for s in template["sections"] for v in [s["title"], *s.get("variants", [])]},
                    key=lambda t: -len(t[1]))
    tables: dict[str, _TableSpec] = {}
    spec = template["tables"]["requests"]
    columns = spec["columns"]
    counters: dict[str, int] = {}
    rows = []
    for key, row in spec["rows"].items():
        group = row.get("group")
        ordinal = None
        if group:
            counters[group] = counters.get(group, 0) + 1
            ordinal = counters[group]
        aliases = tuple(sorted({norm_label(a) for a in row["labels"]}, key=len, reverse=True))
        rows.append(_Row(key, aliases, len(columns), ordinal, row["labels"][0]))
    windows = ((0, len(columns)),) if columns[-1] == "total" else ()
    tables["requests"] = _TableSpec("requests", tuple(rows), windows, tuple(norm_label(s) for s in spec["signature"]),
                                    template=spec)

    spec = template["tables"]["active_disclosure"]
    rows = [_Row(key, tuple(sorted({norm_label(a) for a in row["labels"]}, key=len, reverse=True)),
                 len(row["columns"]), None, row["labels"][0]) for key, row in spec["rows"].items()]
    tables["active_disclosure"] = _TableSpec("active_disclosure", tuple(rows), (),
                                             tuple(norm_label(s) for s in spec["signature"]), decimals=True)

    spec = template["tables"]["review_litigation"]
    fields = spec["fields"]
    width = len(spec["blocks"]) * len(fields)
    windows = tuple((i * len(fields), len(fields)) for i in range(len(spec["blocks"]))) if fields[-1] == "total" else ()
    words = ("行政复议", "行政诉讼", *spec["field_labels"], "未经复议直接起诉", "复议后起诉")
    tables["review_litigation"] = _TableSpec(
        "review_litigation", (_Row("all", (), width, None, "行政复议、行政诉讼"),), windows,
        tuple(dict.fromkeys([*(norm_label(s) for s in spec["signature"]), *words])))
    return _Vocabulary(tuple(titles), tables)


# The column identities 表三 states in its own header (第一项加第二项之和，等于第三项加第四项之和)
# and its 总计 row, in canonical row keys: (rows added, rows subtracted).
def _request_identities(rows: list[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    if not {"new_received", "carried_over", "total_processed", "carried_forward"} <= set(rows):
        return []
    results = rows[rows.index("carried_over") + 1: rows.index("total_processed")]
    return [(("new_received", "carried_over"), ("total_processed", "carried_forward")),
            (tuple(results), ("total_processed",))]


# ---------------------------------------------------------------------------------------
# A compact view: the text without ignored characters, mapped back to offsets
# ---------------------------------------------------------------------------------------


class _Compact:
    """``text`` without spaces and punctuation; ``pos[i]`` is where its i-th character is."""

    __slots__ = ("text", "pos")

    def __init__(self, folded: str):
        pos = [i for i, ch in enumerate(folded) if ch not in _IGNORED]
        self.text = "".join(folded[i] for i in pos)
        self.pos = pos

    def index(self, offset: int) -> int:
        """The first compact character at or after ``offset`` in the source."""
        return bisect.bisect_left(self.pos, offset)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Offsets in the source of compact characters i..j-1."""
        return self.pos[i], self.pos[j - 1] + 1

    def between(self, start: int, end: int) -> str:
        return self.text[self.index(start):self.index(end)]

    def find_all(self, word: str, start: int, end: int):
        """Compact indexes of ``word`` wholly inside source offsets start..end."""
        lo, hi = self.index(start), self.index(end)
        i = self.text.find(word, lo, hi)
        while i >= 0:
            yield i
            i = self.text.find(word, i + 1, hi)


# ---------------------------------------------------------------------------------------
# Section headings run into the text
# ---------------------------------------------------------------------------------------


class _Found:
    __slots__ = ("start", "end", "kind", "table")

    def __init__(self, start: int, end: int, kind: str, table: "_FlatTable | None" = None):
        self.start, self.end = start, end
        self.kind = kind  # heading | table
        self.table = table


def _window(folded: str, start: int, size: int = 48) -> tuple[str, list[int]]:
    """The next ``size`` compact characters from ``start``, and where each one is."""
    chars, pos = [], []
    for i in range(start, min(len(folded), start + 2 * size)):
        ch = folded[i]
        if ch not in _IGNORED:
            chars.append(ch)
            pos.append(i)
            if len(pos) == size:
                break
    return "".join(chars), pos


def _headings(folded: str, vocab: _Vocabulary) -> list[_Found]:
    from .interpret.template import levenshtein

    out: list[_Found] = []
    for m in re.compile(_HEADING_ORDINAL).finditer(folded):
        start = m.start()
        before = folded[start - 1] if start else "\n"
        strong = before in _STRONG_BEFORE
        if not strong and (before in _WEAK_BEFORE_REJECT or before.isascii() and before.isalnum()):
            continue
        if before.isdigit() and m.group(0)[0].isdigit():
            continue  # "…1000001 2." is a cell and a row ordinal, never a heading
        window, where = _window(folded, m.end())
        best = None  # (distance, length difference, compact length)
        for _, title in vocab.titles:
            if window.startswith(title):
                best = (0, 0, len(title))
                break
        if best is None and strong and before != "\n":  # a heading at a block's start needs no split
            for _, title in vocab.titles:
                if len(title) < 8:
                    continue
                allowed = 1 if len(title) < 12 else 2
                near = set(window[:len(title) + allowed])
                if sum(ch in near for ch in title) < len(title) - allowed:
                    continue
                for w in range(len(title) - allowed, len(title) + allowed + 1):
                    if w > len(window):
                        break
                    d = levenshtein(window[:w], title, allowed)
                    if d <= allowed and (best is None or (d, abs(w - len(title))) < best[:2]):
                        best = (d, abs(w - len(title)), w)
        if best is None:
            continue
        end = where[best[2] - 1] + 1
        rest = folded[end:end + 3].lstrip()
        if rest and rest[0] in _LIST_AFTER:
            continue  # a list of the parts ("一、总体情况，二、…"), not a heading
        if rest and rest[0] in "：:。" and folded[end:end + 1] in "：:。":
            end += 1
        out.append(_Found(start, end, "heading"))
    return out


# ---------------------------------------------------------------------------------------
# Splitting run-together digits by the identities
# ---------------------------------------------------------------------------------------


class _Token:
    __slots__ = ("text", "start", "kind")

    def __init__(self, text: str, start: int, kind: str):
        self.text = text  # digits, a dash, or a decimal number
        self.start = start  # offset in the source
        self.kind = kind  # digits | dash | number


class _TooMany(Exception):
    pass


def _tokens(run: str, offset: int, decimals: bool) -> list[_Token] | None:
    """Whitespace-separated tokens of a value run; None when digits and dashes mix."""
    out = []
    for m in re.finditer(r"\S+", run):
        text, start = m.group(0), offset + m.start()
        if not text.isdigit() and re.fullmatch(r"[0-9/／]+", text) and re.search(r"\d", text):
            # "9664540/001231543": a blank cell run together with its neighbours; the slash is
            # a cell of its own with a boundary on each side. (Not hyphens or dashes: "- 3 -"
            # page numbers and "1-2" ranges would read as cells.)
            for part in re.finditer(r"\d+|[/／]", text):
                out.extend(_tokens(part.group(0), start + part.start(), decimals) or [])
            continue
        if text.isdigit():
            out.append(_Token(text, start, "digits"))
        elif all(ch in _DASHES for ch in text):
            i = 0
            while i < len(text):  # "/" is one cell each; a run of dashes is one cell
                j = i + 1
                if text[i] not in "/／":
                    while j < len(text) and text[j] not in "/／":
                        j += 1
                out.append(_Token(text[i:j], start + i, "dash"))
                i = j
        elif decimals and re.fullmatch(r"\d+(?:[.,]\d+)+", text) or re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
            out.append(_Token(text, start, "number"))  # read as printed when separated, else "layout"
        else:
            return None
    return out


def split_digits(tokens: list[_Token], width: int, windows: tuple[tuple[int, int], ...],
                 limit: int = MAX_CANDIDATES, budget: int = SEARCH_BUDGET) -> list[tuple[tuple, ...]]:
    """Every way (up to ``limit`` + 1) of cutting the tokens into ``width`` cells without
    leading zeros, such that in each window the last cell is the sum of the others.

    A cell is ``(value or None, source start, source end)``. Raises ``_TooMany`` when the
    search needs more than ``budget`` steps.
    """
    window_of: dict[int, tuple[int, int]] = {}
    for first, length in windows:
        for i in range(first, first + length):
            window_of[i] = (first, first + length - 1)
    digits_after = [0] * (len(tokens) + 1)
    cells_after = [0] * (len(tokens) + 1)
    others_after = [0] * (len(tokens) + 1)  # cells that take no digits (dashes, decimals)
    for t in range(len(tokens) - 1, -1, -1):
        n = len(tokens[t].text) if tokens[t].kind == "digits" else 1
        digits_after[t] = digits_after[t + 1] + (n if tokens[t].kind == "digits" else 0)
        cells_after[t] = cells_after[t + 1] + n
        others_after[t] = others_after[t + 1] + (tokens[t].kind != "digits")
    steps = [budget]
    memo: dict = {}

    def search(i: int, t: int, o: int, acc: int | None) -> tuple:
        key = (i, t, o, acc)
        if key in memo:
            return memo[key]
        steps[0] -= 1
        if steps[0] < 0:
            raise _TooMany()
        result = _search(i, t, o, acc)
        memo[key] = result
        return result

    def _search(i: int, t: int, o: int, acc: int | None) -> tuple:
        if i == width:
            return ((),) if t == len(tokens) else ()
        if t == len(tokens):
            return ()
        cells_left = width - i
        tokens_left = len(tokens) - t
        available = cells_after[t] - o
        if cells_left < tokens_left or cells_left > available:
            return ()
        window = window_of.get(i)
        if window and i == window[0]:
            acc = 0
        is_total = bool(window) and i == window[1]
        tok = tokens[t]
        out: list[tuple] = []

        def extend(cell, nt, no, nacc):
            for suffix in search(i + 1, nt, no, nacc):
                out.append((cell, *suffix))
                if len(out) > limit:
                    return True
            return False

        if tok.kind != "digits":
            value = None
            if tok.kind == "number":
                value = tok.text
            # A blank cell adds nothing to its window's total for choosing a split (its value stays
            # None): without this, one dash leaves the whole row's digits unconstrained.
            extend((value, tok.start, tok.start + len(tok.text)), t + 1, 0,
                   acc if tok.kind == "dash" or not (window and not is_total) else None)
            return tuple(out)
        rest = tok.text[o:]
        if is_total and acc is not None:
            target = str(acc)
            if rest.startswith(target):
                n = len(target)
                nt, no = (t + 1, 0) if n == len(rest) else (t, o + n)
                extend((acc, tok.start + o, tok.start + o + n), nt, no, None)
            return tuple(out)
        parts_after = (window[1] - i - 1) if window and not is_total else 0
        for n in range(1, len(rest) + 1):
            if rest[0] == "0" and n > 1:
                break
            value = int(rest[:n])
            if window and not is_total and acc is not None and not others_after[t + 1]:
                chars_after = len(rest) - n + digits_after[t + 1]
                if chars_after < parts_after + len(str(acc + value)):
                    break  # the total could no longer be written in the digits left
            nacc = (acc + value) if (window and not is_total and acc is not None) else None
            if window and is_total:
                nacc = None
            nt, no = (t + 1, 0) if n == len(rest) else (t, o + n)
            if extend((value, tok.start + o, tok.start + o + n), nt, no, nacc):
                break
        return tuple(out)

    return list(search(0, 0, 0, None))


# ---------------------------------------------------------------------------------------
# Finding flattened tables
# ---------------------------------------------------------------------------------------


class _FlatRow:
    __slots__ = ("key", "label_start", "value_start", "value_end", "digits", "spec", "cells", "inferred",
                 "by_columns", "candidates", "reason")

    def __init__(self, key: str, label_start: int, value_start: int, value_end: int, digits: str, spec: _Row):
        self.key = key
        self.label_start = label_start  # where the row's label text starts (ordinal, group heading included)
        self.value_start, self.value_end = value_start, value_end
        self.digits = digits  # the value run as printed
        self.spec = spec
        self.cells: list[tuple] | None = None  # (value, start, end); None = unreadable
        self.inferred = False
        self.by_columns = False
        self.candidates: list[tuple] = []
        self.reason: str | None = None  # unreadable: ambiguous | columns | none | tokens | budget | layout


class _FlatTable:
    __slots__ = ("kind", "start", "header_end", "end", "rows")

    def __init__(self, kind: str, start: int, header_end: int, end: int, rows: list[_FlatRow]):
        self.kind = kind
        self.start, self.header_end, self.end = start, header_end, end
        self.rows = rows


def _header_start(folded: str, piece_start: int, first: int) -> int:
    cut = max((folded.rfind(ch, piece_start, first) for ch in _SENTENCE_END), default=-1)
    start = piece_start if cut < 0 else cut + 1
    while start < first and folded[start].isspace():
        start += 1
    return start


def _chain(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The longest sequence of (row index, start, end) increasing in both row and position;
    among equally long ones, the earliest matches."""
    matches.sort(key=lambda m: (m[1], m[0]))
    n = len(matches)
    best = [1] * n
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, n):
            if matches[j][0] > matches[i][0] and matches[j][1] >= matches[i][2]:
                best[i] = max(best[i], 1 + best[j])
    out: list[tuple[int, int, int]] = []
    need = max(best, default=0)
    last_row, last_end = -1, -1
    for i, m in enumerate(matches):
        if need and best[i] == need and m[0] > last_row and m[1] >= last_end:
            out.append(m)
            last_row, last_end = m[0], m[2]
            need -= 1
    return out


def _find_labelled(kind: str, folded: str, view: _Compact, start: int, end: int,
                   spec: _TableSpec) -> _FlatTable | None:
    """表二/表三: row labels in template order, each followed by its run of values."""
    matches: list[tuple[int, int, int]] = []
    for r, row in enumerate(spec.rows):
        for alias in row.aliases:
            for i in view.find_all(alias, start, end):
                a, b = view.span(i, i + len(alias))
                matches.append((r, a, b))
    if len(matches) < 3:
        return None
    # The longest alias at a given place wins ("其他法律行政法规禁止公开" over "法律…").
    matches = [m for m in matches if not any(o[0] == m[0] and o[1] <= m[1] and o[2] >= m[2] and o != m for o in matches)]
    chain = _chain(matches)
    run_re = re.compile(_DECIMAL_RUN if spec.decimals else _VALUE_RUN)
    rows: list[_FlatRow] = []
    for n, (r, a, b) in enumerate(chain):
        row = spec.rows[r]
        seg_end = chain[n + 1][1] if n + 1 < len(chain) else end
        if n + 1 < len(chain):
            nxt = spec.rows[chain[n + 1][0]]
            m = re.compile(_NEXT_ORDINAL).search(folded, b, seg_end)
            if m and nxt.ordinal is not None:
                digits = m.group(1)
                keep = len(digits) - (len(str(nxt.ordinal)) if digits.endswith(str(nxt.ordinal)) else 1)
                seg_end = m.start(1) + keep
        m = run_re.search(folded, b, seg_end)
        if m is None:
            continue
        gap = folded[b:m.start()]
        if kind == "active_disclosure" and gap.strip():
            continue  # 表二 labels are short: the value follows at once
        if any(ch.isdigit() for ch in gap) or len(gap) > 60:
            continue
        after = folded[m.end():m.end() + 1]
        if after and after in _UNIT_AFTER:
            continue  # "21件": a sentence, not a cell
        rows.append(_FlatRow(row.key, a, m.start(), m.end(), m.group(0), spec=row))
    full = [x for x in rows if _digits(x.digits) >= x.spec.width]
    if len(rows) < 3 or len(full) < min(3, len(rows)):
        return None
    piece = view.between(start, end)
    signature = sum(1 for s in spec.signature if s in piece)
    if signature < 1 and len(rows) < 5:
        return None
    first = rows[0].label_start
    table_start = _header_start(folded, start, first)
    lead = re.compile(_LEADING_ORDINAL).search(folded, table_start, first)
    header_end = lead.start() if lead else first
    for x, nxt in zip(rows, rows[1:] + [None]):
        if nxt is not None:
            nxt.label_start = x.value_end  # the text between two runs labels the second row
    rows[0].label_start = header_end
    return _FlatTable(kind, table_start, header_end, rows[-1].value_end, rows)


def _find_review(folded: str, view: _Compact, start: int, end: int, spec: _TableSpec) -> _FlatTable | None:
    """表四: its header words, then one run of 15 values."""
    lo, hi = view.index(start), view.index(end)
    found = [i for i in (view.text.find(w, lo, hi) for w in spec.signature) if i >= 0]
    if len(found) < 3:
        return None
    scan = view.pos[min(found)]
    width = spec.rows[0].width
    for m in re.compile(_VALUE_RUN).finditer(folded, scan, end):
        digits = _digits(m.group(0))
        tokens = len(m.group(0).split())
        if digits < width and tokens < width:
            continue
        table_start = _header_start(folded, start, m.start())
        header = view.between(table_start, m.start())
        if sum(1 for w in spec.signature if w in header) < 3 or not header.endswith(tuple(spec.signature)):
            return None
        row = _FlatRow("all", m.start(), m.start(), m.end(), m.group(0), spec=spec.rows[0])
        return _FlatTable("review_litigation", table_start, m.start(), m.end(), [row])
    return None


def _solve(table: _FlatTable, spec: _TableSpec, folded: str) -> None:
    """Cells of every row: read directly, inferred from the identities, or unreadable."""
    subtotal = None
    if spec.kind == "requests":
        from .interpret.tables import subtotal_at

        subtotal = subtotal_at(_norm(folded[table.start:table.header_end]), spec.template)
    for row in table.rows:
        tokens = _tokens(folded[row.value_start:row.value_end], row.value_start, spec.decimals)
        width = row.spec.width
        if tokens is None:
            row.reason = "layout"
            continue
        if subtotal is not None and len(tokens) == width + 1:
            del tokens[subtotal]  # a 小计 column: accepted, not read
        if len(tokens) > width:
            row.reason = "tokens"
            continue
        if len(tokens) == width:  # the cells were separated after all: read as printed
            row.cells = [(_token_value(t), t.start, t.start + len(t.text)) for t in tokens]
            continue
        if any(t.kind == "number" for t in tokens):
            row.reason = "layout"
            continue
        windows = spec.windows if spec.kind != "active_disclosure" else ()
        where = None
        if len(tokens) > 1 and all(t.kind == "digits" for t in tokens):
            # Fewer tokens than cells: the row ran together, so its spaces are no reliable cell
            # boundaries either (a stray space inside a number, "5 55" for 555). Search the
            # digits without them; a split the spaces alone decided is then seen as ambiguous.
            where = [t.start + k for t in tokens for k in range(len(t.text))]
            tokens = [_Token("".join(t.text for t in tokens), 0, "digits")]
        if subtotal is not None:  # the run holds the 小计 too: search for it, then set it aside
            windows = ((1, width - 1),) if subtotal == width - 1 else ()  # 小计 = the five before it
            width += 1
        try:
            found = split_digits(tokens, width, windows)
        except _TooMany:
            row.reason = "budget"
            continue
        if where is not None:
            found = [tuple((v, where[a], where[b - 1] + 1) for v, a, b in cells) for cells in found]
        if subtotal is not None:
            found = _without_subtotal(found, subtotal)
        row.candidates = found
        if len(found) == 1:
            row.cells, row.inferred = list(found[0]), True
        else:
            row.reason = "ambiguous" if found else "none"
    if spec.kind == "requests":
        _by_columns(table, [r.key for r in spec.rows])


def _without_subtotal(found: list[tuple], at: int) -> list[tuple]:
    """The splits of a 表三 row that also holds a 小计 at ``at``: those where the 小计 is the
    sum of the five 法人或其他组织 cells and the 总计 is 自然人 plus 小计, without the 小计.
    A search cut short at its limit is not filtered, so that it stays too many to choose."""
    if len(found) > MAX_CANDIDATES:
        return [cells[:at] + cells[at + 1:] for cells in found]
    kept = []
    for cells in found:
        values = [c[0] for c in cells]
        rest = values[:at] + values[at + 1:]
        if None not in values and (values[at] != sum(rest[1:-1]) or rest[-1] != rest[0] + values[at]):
            continue
        kept.append(cells[:at] + cells[at + 1:])
    return kept


def _token_value(token: _Token):
    if token.kind == "dash":
        return None
    return int(token.text) if token.kind == "digits" else token.text


def _by_columns(table: _FlatTable, row_keys: list[str]) -> None:
    """Choose among the splits of ambiguous 表三 rows with the column identities."""
    rows = {r.key: r for r in table.rows}
    open_rows = [r for r in table.rows if r.reason == "ambiguous" and len(r.candidates) <= MAX_CANDIDATES]
    if not open_rows:
        return
    total = 1
    for r in open_rows:
        total *= len(r.candidates)
    if total > MAX_COMBINATIONS:
        return
    identities = _request_identities(row_keys)

    def values(r: _FlatRow, cells) -> list[int] | None:
        if cells is None or any(c[0] is None for c in cells):
            return None
        return [int(c[0]) for c in cells]

    fixed = {k: values(r, r.cells) for k, r in rows.items()}
    involved = [(plus, minus) for plus, minus in identities
                if any(k in {r.key for r in open_rows} for k in (*plus, *minus))]
    good: list[tuple] = []
    for combo in itertools.product(*(r.candidates for r in open_rows)):
        current = dict(fixed)
        for r, cells in zip(open_rows, combo):
            current[r.key] = values(r, cells)
        ok = True
        for plus, minus in involved:
            vectors = [current.get(k) for k in (*plus, *minus)]
            if any(v is None for v in vectors):
                continue
            for c in range(len(vectors[0])):
                if sum(current[k][c] for k in plus) != sum(current[k][c] for k in minus):
                    ok = False
                    break
            if not ok:
                break
        if ok:
            good.append(combo)
    for n, r in enumerate(open_rows):
        choices = {tuple(combo[n]) for combo in good}
        if len(choices) == 1:
            r.cells, r.inferred, r.by_columns, r.reason = list(next(iter(choices))), True, True, None
        elif not good:
            r.reason = "columns"


# ---------------------------------------------------------------------------------------
# The Document: joining runs of text blocks, replacing what was found
# ---------------------------------------------------------------------------------------


def recover(doc: Document, *, columns: bool = True, version: str = "2021") -> None:
    """Split run-in section headings and flattened tables out of the text blocks of ``doc``.

    ``columns``: offsets inside a block's text are columns of its source line (plain
    text); otherwise pieces keep their block's location (HTML: path and line).
    """
    vocab = _vocabulary(version)
    out: list = []
    changed = False
    run: list = []
    tables = 0

    def flush():
        nonlocal changed, tables
        if run:
            replaced = _recover_run(run, vocab, columns, doc.problems, tables + 1)
            changed = changed or replaced is not None
            for block in replaced if replaced is not None else run:
                out.append(block)
                tables += isinstance(block, Table)
            run.clear()

    for block in doc.blocks:
        if isinstance(block, Paragraph) or isinstance(block, Heading) and block.level > 0:
            run.append(block)
        else:
            flush()
            out.append(block)
            tables += isinstance(block, Table)
    flush()
    if changed:
        doc.blocks = out
        _renumber_tables(doc)


def _recover_run(blocks: list, vocab: _Vocabulary, columns: bool, problems: list, number: int) -> list | None:
    text = "\n".join(b.text for b in blocks)
    if len(blocks) == 1 and len(text) < 40 or len(text) > MAX_RUN_CHARS:
        return None  # too short to hold a heading and more, or too long to be one report
    folded = re.sub(_PAGE_NUMBER, lambda m: " " * len(m.group(0)), text.translate(_FOLD))
    if _digits(folded) < 10 and not re.compile(_HEADING_ORDINAL).search(folded):
        return None
    view: _Compact | None = None
    starts, pos = [], 0
    for b in blocks:
        starts.append(pos)
        pos += len(b.text) + 1
    found = _headings(folded, vocab)
    # Tables live between headings.
    bounds = [0, *(f.end for f in found)]
    ends = [*(f.start for f in found), len(text)]
    tables: list[_Found] = []
    for a, b in zip(bounds, ends):
        if _digits(folded, a, b) < 10:
            continue
        view = view or _Compact(folded)
        candidates = []
        for kind in ("requests", "active_disclosure"):
            t = _find_labelled(kind, folded, view, a, b, vocab.tables[kind])
            if t:
                candidates.append(t)
        t = _find_review(folded, view, a, b, vocab.tables["review_litigation"])
        if t:
            candidates.append(t)
        taken: list[_FlatTable] = []
        for t in sorted(candidates, key=lambda t: t.start):
            if all(t.start >= o.end or t.end <= o.start for o in taken):
                taken.append(t)
        for t in taken:
            _solve(t, vocab.tables[t.kind], folded)
            tables.append(_Found(t.start, t.end, "table", table=t))
    # A heading that is a whole block already is left as it is.
    block_spans = [(s, s + len(b.text)) for s, b in zip(starts, blocks)]
    items = []
    for f in found:
        for bs, be in block_spans:
            if bs <= f.start and f.end <= be:
                if text[bs:be].strip() != text[f.start:f.end].strip():
                    items.append(f)
                break
    items += tables
    if not items:
        return None
    items.sort(key=lambda f: f.start)
    locate = _Locator(blocks, starts, columns)
    out: list = []
    affected = {i for i, (bs, be) in enumerate(block_spans) for f in items if f.start < be and f.end > bs}

    def emit_text(a: int, b: int) -> None:
        for i, (bs, be) in enumerate(block_spans):
            lo, hi = max(a, bs), min(b, be)
            if lo >= hi:
                continue
            if i not in affected:  # untouched blocks lie wholly inside one gap
                out.append(blocks[i])
                continue
            piece = text[lo:hi]
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                out.append(Paragraph(stripped, locate(lo + lead)))

    pos = 0
    for f in items:
        emit_text(pos, f.start)
        if f.kind == "heading":
            out.append(Heading(text[f.start:f.end].strip(), 1, locate(f.start)))
        else:
            out.append(_table_block(f.table, text, locate, problems, number))
            number += 1
        pos = f.end
    emit_text(pos, len(text))
    return out


class _Locator:
    """Offset in the joined text → Location in the source."""

    def __init__(self, blocks: list, starts: list[int], columns: bool):
        self.blocks, self.starts, self.columns = blocks, starts, columns

    def block_at(self, offset: int) -> int:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def __call__(self, offset: int, **cell) -> Location:
        i = self.block_at(offset)
        block = self.blocks[i]
        loc = block.location
        k = offset - self.starts[i]
        if not self.columns or loc.line is None:
            return dataclasses.replace(loc, end_line=None, **cell)
        offsets = getattr(block, "line_offsets", None)
        if offsets:
            start, line = offsets[0]
            for off, ln in offsets:
                if off <= k:
                    start, line = off, ln
            return Location(line=line, column=k - start + 1, page=loc.page, path=loc.path, **cell)
        if loc.end_line not in (None, loc.line):
            return dataclasses.replace(loc, **cell)
        return Location(line=loc.line, column=(loc.column or 1) + k, page=loc.page, path=loc.path, **cell)


def _table_block(flat: _FlatTable, text: str, locate_any: _Locator, problems: list, number: int) -> Table:
    """The Table block of a recovered table, and the problems that say how it was read."""
    zh_name, en_name = TABLE_NAMES[flat.kind]

    def locate(offset: int, **cell) -> Location:
        return locate_any(offset, table=number, **cell)

    rows: list[list[Cell]] = []
    header = text[flat.start:flat.header_end].strip()
    if header:
        lead = len(text[flat.start:flat.header_end]) - len(text[flat.start:flat.header_end].lstrip())
        rows.append([Cell(header, locate(flat.start + lead, row=1, col=1))])
    inferred, by_columns = [], []
    for row in flat.rows:
        r = len(rows) + 1
        cells: list[Cell] = []
        label = text[row.label_start:row.value_start]
        if label.strip():
            lead = len(label) - len(label.lstrip())
            cells.append(Cell(label.strip(), locate(row.label_start + lead, row=r, col=1)))
        if row.cells is not None:
            for value, a, b in row.cells:
                cells.append(Cell(text[a:b], locate(a, row=r, col=len(cells) + 1)))
            if row.inferred:
                inferred.append(row)
                if row.by_columns:
                    by_columns.append(row)
        else:
            problems.append(_unreadable(flat.kind, row, locate(row.value_start, row=r, col=len(cells) + 1)))
        rows.append(cells or [Cell("", locate(row.value_start, row=r, col=1))])
    if inferred:
        labels_zh = "、".join(f"“{r.spec.label}”" for r in by_columns)
        labels_en = ", ".join(f"'{r.spec.label}'" for r in by_columns)
        extra_zh = f"（其中 {len(by_columns)} 行借助各列的勾稽关系确定：{labels_zh}）" if by_columns else ""
        extra_en = f" ({len(by_columns)} of them decided by the column identities: {labels_en})" if by_columns else ""
        if flat.kind == "active_disclosure":  # no identity: only digit strings with one possible split
            how_zh, how_en = "只有一种可能的拆分", "could be split only one way"
        else:
            how_zh, how_en = "只有一种拆分符合表格自身的勾稽关系", "was split the only way that satisfies the table's own identities"
        problems.append(ParseProblem(
            f"{zh_name}的单元格在原文中连在一起（如网页抓取文本）；{len(inferred)} 行各{how_zh}，已按此拆分"
            f"{extra_zh}；推断所得的数值请与原表核对",
            f"{en_name}: the cells of {len(inferred)} row(s) ran together in the source (e.g. crawler text); each "
            f"{how_en}{extra_en}; check the inferred values against the original table",
            locate(flat.start, row=1), severity="info"))
    return Table(rows, locate(flat.start), index=number)


def _show(cells) -> str:
    return "|".join("" if c[0] is None else str(c[0]) for c in cells)


# Why a run-together row could not be split (``_FlatRow.reason``): Chinese and English
# message endings, filled from the row's candidate splits.
_WHY_UNREADABLE = {
    "ambiguous-table2": ("，有 {many_zh}拆分方式，而表二没有可用来选择的勾稽关系（如 {examples}）",
                         "; {many_en} splits are possible and table 2 has no identity to choose between them "
                         "(e.g. {examples_en})"),
    "ambiguous": ("，有 {many_zh}拆分都符合勾稽关系（如 {examples}）",
                  "; {many_en} splits satisfy the identities (e.g. {examples_en})"),
    "columns": ("，有 {many_zh}拆分符合本行的合计，但没有一种能同时满足各列的勾稽关系（如 {examples}）",
                "; {many_en} splits satisfy the row total but none satisfies the column identities "
                "(e.g. {examples_en})"),
    "none": ("，没有一种拆分能满足该行的合计关系（该行可能填报有误）",
             "; no split satisfies the row's total (the row itself may be wrong)"),
    "tokens": ("，数值个数多于 {width} 列", "; there are more numbers than its {width} columns"),
    "budget": ("，可能的拆分方式过多", "; there are too many possible splits"),
    "layout": ("，数字与其他符号混在一起", "; digits and other signs are mixed"),
}


def _unreadable(kind: str, row: _FlatRow, location: Location) -> ParseProblem:
    zh_name, en_name = TABLE_NAMES[kind]
    digits = row.digits.strip()
    head_zh = f"{zh_name}“{row.spec.label}”行的数字“{digits}”连在一起（单元格之间没有分隔）"
    head_en = f"{en_name}, row '{row.spec.label}': the digits '{digits}' ran together (no separator between cells)"
    n = len(row.candidates)
    many_zh = f"{MAX_CANDIDATES} 种以上" if n > MAX_CANDIDATES else f"{n} 种"
    many_en = f"more than {MAX_CANDIDATES}" if n > MAX_CANDIDATES else str(n)
    examples = "；".join(_show(c) for c in row.candidates[:2])
    examples_en = "; ".join(_show(c) for c in row.candidates[:2])
    reason = "ambiguous-table2" if row.reason == "ambiguous" and kind == "active_disclosure" else row.reason
    zh_template, en_template = _WHY_UNREADABLE.get(reason, _WHY_UNREADABLE["layout"])
    values = {"many_zh": many_zh, "many_en": many_en, "examples": examples, "examples_en": examples_en,
              "width": row.spec.width}
    zh, en = zh_template.format_map(values), en_template.format_map(values)
    return ParseProblem(head_zh + zh + "，无法确定各单元格的数值，按无法读取处理",
                        head_en + en + "; the cells cannot be told apart and are treated as unreadable",
                        location, severity="warning", unreadable=_fitting_key(kind, row))


def _fitting_key(kind: str, row: _FlatRow) -> str | None:
    """The canonical row (or, for 表四, table) of a row whose digits fit the identities in
    more than one way: present and consistent, only unreadable (tables-present leaves it
    to this warning). A row no split fits, or that does not parse, may be the report's
    own fault and is not keyed."""
    if row.reason not in ("ambiguous", "columns", "budget"):
        return None
    return kind if row.key == "all" else f"{kind}.{row.key}"


def _renumber_tables(doc: Document) -> None:
    n = 0
    for block in doc.blocks:
        if not isinstance(block, Table):
            continue
        n += 1
        if block.index == n and block.location.table == n:
            continue
        block.index = n
        block.location = dataclasses.replace(block.location, table=n)
        for row in block.rows:
            for cell in row:
                cell.location = dataclasses.replace(cell.location, table=n)

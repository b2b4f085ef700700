"""Built-in check kinds: the Python behind each ``kind:`` of a YAML rule.

Each module is a plugin registering its kinds through the same hook third-party
plugins use. Shared helpers live here.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from .. import expr
from ..report import Report, TextBlock

_SENTENCE_END = re.compile(r"[。！？!?；;]")


def label(rule, name: str) -> Any:
    """A display label ``{"zh": …, "en": …}`` for a key, from the rule's params or the name."""
    own = rule.params.get("labels") or {}
    found = own.get(name) or rule.labels.get(name)
    return found if found else {"zh": name, "en": name}


CN = "零一二三四五六七八九十"  # section numerals as the template prints them


def report_template(report) -> dict:
    """The template the report was written on (the 2021 one when unknown)."""
    from ..interpret.template import load_template

    return load_template(report.template_version if report.template_version in ("2019", "2021") else "2021")


def section_title(index: int, report) -> str:
    """The template's title of section ``index`` (``总体情况``)."""
    for s in report_template(report)["sections"]:
        if s["index"] == index:
            return s["title"]
    return str(index)


def key_label(rule, key: str) -> dict[str, str]:
    """A display label for a whole canonical key: its own label, else its parts' joined
    (``表三（…） 一、本年新收 总计``)."""
    own = (rule.params.get("labels") or {}).get(key) or rule.labels.get(key)
    if own:
        return own
    parts = [label(rule, part) for part in key.split(".")]
    return {"zh": " ".join(p["zh"] for p in parts), "en": " / ".join(p["en"] for p in parts)}


def text_blocks(report: Report, sections: list[int] | None = None, include_title: bool = True) -> Iterator[tuple[TextBlock, str]]:
    """Blocks of the body (optionally only some sections) with their width-folded text."""
    for block in report.texts or []:
        if block.kind == "title" and not include_title:
            continue
        if sections is not None and block.section not in sections:
            continue
        yield block, block.folded


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) pairs, split after 。！？；."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        yield start, text[start: m.end()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


def excerpt(text: str, start: int, end: int, margin: int = 12) -> str:
    a, b = max(0, start - margin), min(len(text), end + margin)
    return ("…" if a > 0 else "") + text[a:b] + ("…" if b < len(text) else "")


def expand_foreach(foreach: dict[str, Any] | None, lists: dict[str, list[str]]) -> list[dict[str, str]]:
    """All bindings of a ``foreach`` mapping (``{c: columns}`` or ``{c: [a, b]}``)."""
    return [dict(bindings) for bindings in shared_bindings(foreach, lists)]


def shared_bindings(foreach: dict[str, Any] | None, lists: dict[str, list[str]]) -> list[dict[str, str]]:
    """``expand_foreach`` without the copies. A rule expands the same way for every
    report, so the result is cached by content (each name with the text of its values);
    the dicts are shared: read them, never change them."""
    key = bindings_key(foreach, lists)
    cached = _FOREACH.get(key) if key is not None else None
    if cached is not None:
        return cached
    combos: list[dict[str, str]] = [{}]
    for var, items in (foreach or {}).items():
        values = lists.get(items) if isinstance(items, str) else items
        if values is None:
            raise ValueError(f"unknown list '{items}'")
        combos = [{**c, var: str(v)} for c in combos for v in values][:10000]
    if key is not None:
        remember_bounded(_FOREACH, key, combos)
    return combos


def cell_keys(params: dict[str, Any], lists: dict[str, list[str]]) -> Iterator[tuple[dict[str, str], str]]:
    """(bindings, key) for each binding of the rule's ``foreach`` and, within it, each
    of its ``keys`` (paths with ``{placeholders}``): the cells a keyed rule visits.

    Cached by content like ``shared_bindings``, whose shared dicts it yields. A pattern
    that fails (not a path, a placeholder left unbound) raises where it comes, after the
    keys before it, as a loop substituting them one by one would."""
    foreach = params.get("foreach")
    combos = shared_bindings(foreach, lists)
    if not combos:
        return
    patterns = params["keys"]
    key = bindings_key(foreach, lists)
    try:
        key = None if key is None else (tuple(patterns), key)
        cached = _CELLS.get(key) if key is not None else None
    except TypeError:  # patterns that are not strings: not cached, refused by expr.parse below
        key = cached = None
    if cached is None:
        pairs: list[tuple[dict[str, str], str]] = []
        error = None
        try:
            for bindings in combos:
                for pattern in patterns:
                    pairs.append((bindings, expr.substitute(expr.parse(pattern), bindings)))
        except expr.ExprError as exc:
            error = str(exc)
        cached = (pairs, error)
        if key is not None:
            remember_bounded(_CELLS, key, cached)
    pairs, error = cached
    yield from pairs
    if error is not None:
        raise expr.ExprError(error)


_FOREACH: dict[tuple, list[dict[str, str]]] = {}
_CELLS: dict[tuple, tuple[list[tuple[dict[str, str], str]], str | None]] = {}


def bindings_key(foreach: Any, lists: dict[str, list[str]]) -> tuple | None:
    """What the expansion of ``foreach`` depends on: each name and the text of each of
    its values (a binding is ``str(value)``). None when it cannot be told cheaply
    (an unknown list, a name that is not a string): then nothing is cached."""
    try:
        parts = []
        for var, items in (foreach or {}).items():
            values = lists.get(items) if isinstance(items, str) else items
            if values is None or type(var) is not str:
                return None
            parts.append((var, tuple(map(str, values))))
        return tuple(parts)
    except (AttributeError, TypeError):
        return None


def remember_bounded(cache: dict, key: tuple, value) -> None:
    """Keep ``value`` under ``key`` in a module-level cache that starts over past 1024."""
    if len(cache) >= 1024:  # rules are few; bound the cache against generated rulesets
        cache.clear()
    cache[key] = value

"""Organ names as keys: the same organ written two ways groups as one.

Titles name the organ inconsistently from year to year: full-width brackets one year,
half-width the next; ``人民政府办公室`` one year, ``政府办公室`` or ``办公室`` under the
government's name the next; stray spaces. A mapping file (alias → name) settles what
normalization cannot.
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
# 人民政府 → 政府, and the government's own office is the office whatever it is called
_GOVERNMENT = re.compile(r"人民政府")
_OFFICE = re.compile(r"政府(办公室|办公厅)$")
_TRIM = re.compile(r"^(关于)|(关于|的|本级|[（(]本级[）)])$")


def organ_key(name: str | None, aliases: dict[str, str] | None = None) -> str | None:
    """The grouping key of an organ name, or None when there is no usable name."""
    if not name:
        return None
    from .interpret.template import fold_width

    key = _normalize(fold_width(name))
    if aliases:
        key = aliases.get(key, key)
    return key or None


def _normalize(name: str) -> str:
    name = _SPACE.sub("", name)
    name = name.replace("(", "（").replace(")", "）")
    previous = None
    while previous != name:
        previous = name
        name = _TRIM.sub("", name)
    name = _GOVERNMENT.sub("政府", name)
    return _OFFICE.sub(r"\1", name)


def normalize_map(mapping: dict[str, str]) -> dict[str, str]:
    """An alias map keyed and valued by normalized names."""
    from .interpret.template import fold_width

    return {_normalize(fold_width(alias)): _normalize(fold_width(name)) for alias, name in mapping.items()}

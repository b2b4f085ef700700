"""Template data (label → key mapping per format version) and label normalization."""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from typing import Any

_DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data")

_ORDINALS = re.compile(
    r"[（(][一二三四五六七八九十]{1,3}[)）]|(?<![\d.])\d{1,2}\s*[.．、](?!\d)|^[一二三四五六七八九十]{1,3}\s*[、.．]|[一二三四五六七八九十]{1,3}、"
)
_NOISE = re.compile(r"[\s\u00a0\u200b\u3000“”\"'‘’、，,。.:：;；（）()【】\[\]《》<>〈〉—\-_/／·…!！?？]")


_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0x00A0: 0x20})


_SPACES = {ord(ch): None for ch in " \t\r\n\u3000\u00a0\u200b\ufeff"}
# _FOLD then _SPACES as one table: a character folds, and goes if what it folds to is a space
_COMPACT = {**_SPACES, **{code: (None if to in _SPACES else to) for code, to in _FOLD.items()}}


# str.translate looks every character up in its table, and most characters of a report
# are not in it (each miss costs a KeyError inside translate); the few that are come in
# short runs, so finding those runs and translating only them gives the same text in
# about half the time.
_FOLDABLE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_FOLD)) + "]+")
_COMPACTABLE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_COMPACT)) + "]+")


def _fold_run(m: re.Match) -> str:
    return m.group().translate(_FOLD)


def _compact_run(m: re.Match) -> str:
    return m.group().translate(_COMPACT)


def compact(text: str) -> str:
    """Width-folded and without whitespace: enough to find label words in a whole table
    cheaply (norm_label's full normalization is for comparing one label)."""
    return _COMPACTABLE.sub(_compact_run, text)


@functools.lru_cache(maxsize=1024)
def compact_word(word: str) -> str:
    """``compact`` of a template word (a table's signature, a version marker): the
    same few words are looked for in every table of every report."""
    return compact(word)


def fold_width(text: str) -> str:
    """Full-width ASCII to half-width, one character for one, so offsets stay valid."""
    return _FOLDABLE.sub(_fold_run, text)


@functools.lru_cache(maxsize=4096)
def norm_label(text: str) -> str:
    """Compare labels by their words only: no ordinals, spaces or punctuation.
    Cached: the same labels are normalized for every row of every table."""
    text = unicodedata.normalize("NFKC", text)
    text = _ORDINALS.sub("", text)
    return _NOISE.sub("", text)


@functools.lru_cache(maxsize=4096)
def norm_title(text: str) -> str:
    """Headings keep their ordinals elsewhere; here only words count."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text))


@functools.lru_cache(maxsize=8)
def load_template(version: str = "2021") -> dict[str, Any]:
    from ..datacache import load_packaged_yaml

    return load_packaged_yaml(os.path.join(_DATA, f"template-{version}.yaml"))


@functools.lru_cache(maxsize=2)
def load_notices() -> list[dict[str, str]]:
    from ..datacache import load_packaged_yaml

    return load_packaged_yaml(os.path.join(_DATA, "notices.yaml"))


def levenshtein(a: str, b: str, limit: int = 3) -> int:
    """Edit distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]

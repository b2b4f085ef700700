"""Automatic list numbering rendered as Word shows it.

Section headings such as 一、总体情况 are often list paragraphs: the text holds only
总体情况 and the 一、 comes from numbering.xml (an abstract definition with one level
per indent, each with a number format such as ``chineseCounting`` and a text such as
``%1、``; a ``num`` instance pointing at it, possibly overriding start values).
Without rendering it, a correct report would be reported as missing its numbering.

Counters follow Word: instances of the same abstract definition continue one sequence,
unless an instance overrides a start value (Word's "restart numbering"), which gives
it a sequence of its own; using a level restarts the levels below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_PLACEHOLDER = re.compile(r"%([1-9])")
_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
# Full-width separators carry their own gap: after them Word's tab or space suffix is
# not written out; after anything else it becomes one space ("1. 细项", "A) 项目").
_NO_GAP_AFTER = "、．。：）】」』"


@dataclass(frozen=True)
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"  # tab | space | nothing
    restart: int | None = None  # w:lvlRestart: 0 never, n after level n; None: after any higher level
    legal: bool = False  # w:isLgl: all placeholders in decimal
    style: str | None = None  # w:pStyle: the paragraph style this level belongs to


DEFAULT_LEVEL = Level()


def format_number(n: int, fmt: str) -> str | None:
    """One counter value in a w:numFmt; None for a bullet (no number shown)."""
    if fmt == "bullet":
        return None
    if fmt == "none":
        return ""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return chinese_counting(n)
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return chinese_counting(n, legal=True)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return chr(0x245F + n) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2473 + n) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2487 + n) if 1 <= n <= 20 else f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)  # decimal, decimalHalfWidth, and formats not drawn differently here


def chinese_counting(n: int, legal: bool = False) -> str:
    """1 一, 10 十, 11 十一, 20 二十, 105 一百零五 (legal: 壹, 拾, 壹佰零伍)."""
    digits = _CN_LEGAL if legal else _CN_DIGITS
    units = ("", "拾", "佰", "仟") if legal else ("", "十", "百", "千")
    if n == 0:
        return digits[0]
    if n < 0 or n >= 10_000:
        return str(n)
    out = []
    text = str(n)
    zero = False
    for i, d in enumerate(text):
        place = len(text) - 1 - i
        if d == "0":
            zero = True
            continue
        if zero and out:
            out.append("零" if not legal else digits[0])
        zero = False
        out.append(digits[int(d)] + units[place])
    result = "".join(out)
    if not legal and 10 <= n < 20:
        result = result[1:]  # 十一, not 一十一
    return result


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


class Numbering:
    """The definitions of numbering.xml and the running counters of one document."""

    def __init__(self, root, names, styles=None):
        w = names
        self.w = w
        self.abstract: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNum id -> numbering style it takes its levels from
        self.nums: dict[str, tuple[str, dict[int, tuple[int | None, Level | None]]]] = {}
        self.styles = styles
        self.counters: dict[str, list[int | None]] = {}
        if root is None:
            return
        for absn in root.iter(w.abstractNum):
            aid = absn.get(w.abstractNumId)
            if aid is None:
                continue
            self.abstract[aid] = {lvl_i: level for lvl_i, level in (_level(el, w) for el in absn.iter(w.lvl))
                                  if lvl_i is not None}
            link = absn.find(w.numStyleLink)
            if link is not None and link.get(w.a_val):
                self.style_links[aid] = link.get(w.a_val)
        for num in root.iter(w.num):
            nid = num.get(w.numId)
            ref = num.find(w.abstractNumId)
            if nid is None or ref is None:
                continue
            overrides: dict[int, tuple[int | None, Level | None]] = {}
            for ov in num.iter(w.lvlOverride):
                try:
                    ilvl = int(ov.get(w.ilvl) or 0)
                except ValueError:
                    continue
                start_el = ov.find(w.startOverride)
                start = _int(start_el.get(w.a_val)) if start_el is not None else None
                lvl_el = ov.find(w.lvl)
                overrides[ilvl] = (start, _level(lvl_el, w)[1] if lvl_el is not None else None)
            self.nums[nid] = (ref.get(w.a_val) or "", overrides)

    # -- definitions -------------------------------------------------------------------
    def _levels(self, abstract_id: str, depth: int = 0) -> dict[int, Level]:
        """Levels of an abstract definition, following a numStyleLink to the style's list."""
        link = self.style_links.get(abstract_id)
        if link and self.styles is not None and depth < 5:
            num_id = self.styles.numbering_styles.get(link)
            target = self.nums.get(num_id or "")
            if target and target[0] != abstract_id:
                return self._levels(target[0], depth + 1)
        return self.abstract.get(abstract_id, {})

    def level(self, num_id: str, ilvl: int) -> Level | None:
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        abstract_id, overrides = entry
        level = self._levels(abstract_id).get(ilvl, DEFAULT_LEVEL if ilvl in overrides else None)
        override = overrides.get(ilvl)
        if override is not None:
            start, full = override
            if full is not None:
                level = full
            if start is not None and level is not None:
                level = replace(level, start=start)
        return level

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        """The level whose w:pStyle is the paragraph's style (numbering inherited from a
        style usually names no ilvl), else 0."""
        entry = self.nums.get(num_id)
        if entry is not None and style_id is not None:
            for ilvl, level in self._levels(entry[0]).items():
                if level.style == style_id:
                    return ilvl
        return 0

    # -- counting ----------------------------------------------------------------------
    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of (list, level) and return the number as shown, with its
        separator; None when the paragraph shows no number (bullet, unknown list)."""
        level = self.level(num_id, ilvl)
        if level is None:
            return None
        abstract_id, overrides = self.nums[num_id]
        restarted = any(start is not None for start, _ in overrides.values())
        key = f"num:{num_id}" if restarted else f"abs:{abstract_id}"
        counters = self.counters.setdefault(key, [None] * 9)
        counters[ilvl] = level.start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            lower = self.level(num_id, deeper)
            restart = lower.restart if lower is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            return None

        def value(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            other = level if k == ilvl else (self.level(num_id, k) or DEFAULT_LEVEL)
            n = counters[k] if counters[k] is not None else other.start
            fmt = "decimal" if level.legal and other.fmt not in ("bullet", "none") else other.fmt
            return format_number(n, fmt) or ""

        text = _PLACEHOLDER.sub(value, level.text)
        if not text:
            return ""
        if level.suffix == "nothing" or text[-1] in _NO_GAP_AFTER:
            return text
        return text + " "


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _level(el, w) -> tuple[int | None, Level]:
    """(ilvl, Level) of a w:lvl element."""
    ilvl = _int(el.get(w.ilvl))
    values = {}
    for child in el:
        tag = child.tag
        val = child.get(w.a_val)
        if tag == w.numFmt:
            values["fmt"] = val or "decimal"
        elif tag == w.lvlText:
            values["text"] = val or ""
        elif tag == w.start:
            n = _int(val)
            if n is not None:
                values["start"] = n
        elif tag == w.suff:
            values["suffix"] = val or "tab"
        elif tag == w.lvlRestart:
            values["restart"] = _int(val)
        elif tag == w.isLgl:
            values["legal"] = val not in ("0", "false", "off")
        elif tag == w.pStyle:
            values["style"] = val
    if ilvl is None or not 0 <= ilvl <= 8:
        return None, Level(**values)
    return ilvl, Level(**values)

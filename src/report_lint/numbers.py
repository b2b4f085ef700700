"""Reading numbers from table cells and narrative text, without ever guessing.

A cell is a number only when its text is one (possibly with a unit or an annotation in
brackets after it). Blank, dash, slash and other text give ``None`` with the reason,
because a blank is not a zero.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation

# Characters that carry no content but survive conversions from Word/PDF/HTML.
_INVISIBLE = dict.fromkeys(map(ord, "\u00a0\u200b\u200c\u200d\u2060\ufeff\u00ad\u3000\t\r\n "), None)
_DASHES = {"-", "—", "－", "–", "─", "——", "/", "／", "\\", "无", "空", "—/—", "--", "――", "×", "x", "X", "*", "N/A", "n/a"}
_NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")
_UNIT_SUFFIX = re.compile(r"(件|条|项|个|次|宗|万元|份)$")
_ANNOTATED = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*[（(\[【].*[)）\]】]$")


class CellValue:
    """A cell read as a number, or why not. Treated as immutable (parse_cell caches it);
    a plain slotted class because a frozen dataclass costs start-up time."""

    __slots__ = ("value", "status", "raw")

    def __init__(self, value: Decimal | None, status: str, raw: str):
        self.value = value
        self.status = status  # number | annotated | blank | dash | text
        self.raw = raw

    def __repr__(self) -> str:
        return f"CellValue(value={self.value!r}, status={self.status!r}, raw={self.raw!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, CellValue) and (self.value, self.status, self.raw) == (other.value, other.status, other.raw)

    def __hash__(self) -> int:
        return hash((self.value, self.status, self.raw))

    @property
    def decimals(self) -> int:
        """Digits after the point as written: the precision the author gave."""
        if self.value is None:
            return 0
        exp = self.value.as_tuple().exponent
        return -exp if isinstance(exp, int) and exp < 0 else 0


def normalize_text(text: str) -> str:
    """NFKC (full-width digits and brackets to ASCII) and no invisible characters."""
    return unicodedata.normalize("NFKC", text).translate(_INVISIBLE)


@functools.lru_cache(maxsize=8192)
def parse_cell(raw: str | None) -> CellValue:
    raw = "" if raw is None else raw
    text = normalize_text(raw)
    if not text:
        return CellValue(None, "blank", raw)
    if text in _DASHES or set(text) <= set("-—－–/／\\"):
        return CellValue(None, "dash", raw)
    core = _UNIT_SUFFIX.sub("", text)
    m = _NUMBER.match(core)
    if m:
        return CellValue(_to_decimal(m.group(0)), "number", raw)
    m = _ANNOTATED.match(text)
    if m:
        return CellValue(_to_decimal(m.group(1)), "annotated", raw)
    return CellValue(None, "text", raw)


def _to_decimal(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only valid literals
        raise ValueError(text)


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万"


def chinese_to_int(text: str) -> int | None:
    """``"十二"`` → 12, ``"二百零五"`` → 205; None when it is not a plain numeral."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        else:
            unit = _CN_UNITS[ch]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * unit
                digit = None
    return total + section + (digit or 0)


def number_from_text(text: str) -> int | None:
    """A count written in a sentence: ``12``, ``１２``, ``十二``, ``无`` (= 0)."""
    text = normalize_text(text)
    if text.isdigit():
        return int(text)
    if text in ("无", "零", "没有"):
        return 0
    return chinese_to_int(text)


def to_json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)

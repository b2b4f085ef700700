"""A rule as loaded from a ruleset, with the helpers check kinds use to report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .findings import Finding
from .location import Location
from .messages import msg, render


@dataclass
class Rule:
    id: str
    kind: str
    category: str
    severity: str
    message: dict[str, str]
    summary: dict[str, str]
    params: dict[str, Any] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    rationale: dict[str, str] = field(default_factory=dict)
    example: str = ""
    lists: dict[str, list[str]] = field(default_factory=dict)  # the ruleset's shared lists
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # display names of keys
    source: str = ""  # file:line where the rule is defined
    origins: dict[str, str] = field(default_factory=dict)  # setting -> file:line that set it

    def finding(self, values: dict[str, Any] | None = None, location: Location | None = None, *,
                key: str | None = None, expected: Any = None, found: Any = None,
                severity: str | None = None) -> Finding:
        """A finding of this rule, its message filled from ``values``."""
        values = dict(values or {})
        values.setdefault("expected", expected)
        values.setdefault("found", found)
        return Finding(
            rule=self.id,
            category=self.category,
            severity=severity or self.severity,
            message_zh=render(self.message.get("zh", ""), _in_language(values, "zh")),
            message_en=render(self.message.get("en") or self.message.get("zh", ""), _in_language(values, "en")),
            location=location or Location(),
            key=key,
            expected=expected,
            found=found,
        )

    def cannot_assess(self, unreadable: list[tuple[str, str | None]], location: Location | None = None,
                      *, key: str | None = None, what: str | dict[str, str] = "") -> Finding:
        """An ``info`` finding: the rule needs a value that could not be read.

        Never a pass, never a failure: the reader must see that nothing was checked.
        """
        cells = "、".join(k for k, _ in unreadable)
        raws = ", ".join(repr(r) if r not in (None, "") else "空" for _, r in unreadable)
        raws_en = ", ".join(repr(r) if r not in (None, "") else "blank" for _, r in unreadable)
        what_zh, what_en = (what.get("zh", ""), what.get("en", "")) if isinstance(what, dict) else (what, what)
        prefix_zh = f"{self.summary.get('zh', self.id)}{('（' + what_zh + '）') if what_zh else ''}："
        prefix_en = f"{self.summary.get('en', self.id)}{(' (' + what_en + ')') if what_en else ''}: "
        return Finding(
            rule=self.id,
            category=self.category,
            severity="info",
            message_zh=prefix_zh + msg("cannot_assess", "zh", cells=cells, raw=raws),
            message_en=prefix_en + msg("cannot_assess", "en", cells=cells, raw=raws_en),
            location=location or Location(),
            key=key,
            assessable=False,
        )

    def text(self, field_name: str, lang: str) -> str:
        value = getattr(self, field_name)
        if isinstance(value, dict):
            return value.get(lang) or value.get("zh", "")
        return value or ""


def _in_language(values: dict[str, Any], lang: str) -> dict[str, Any]:
    """Values given as ``{"zh": …, "en": …}`` (labels) render in the message's language."""
    return {k: (v.get(lang) or v.get("zh")) if isinstance(v, dict) and "zh" in v else v for k, v in values.items()}

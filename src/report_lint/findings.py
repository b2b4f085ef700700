"""Findings: what a rule reports, in the stable shape every formatter reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .location import Location
from .numbers import to_json_number

CATEGORIES = ("arithmetic", "structure", "contact", "year", "consistency", "text", "cross", "parse")
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass
class Finding:
    rule: str
    category: str
    severity: str
    message_zh: str
    message_en: str
    location: Location = field(default_factory=Location)
    file: str = ""
    key: str | None = None  # canonical key of the cell or section concerned
    expected: Any = None
    found: Any = None
    assessable: bool = True  # False: the rule could not be assessed (a value unreadable)
    cells: list[str] = field(default_factory=list)  # every canonical key the finding involves
    # places in other files the finding points at (last year's cell, a child report, a
    # copied passage): {"file": …, "location": {…}, "note": {"zh": …, "en": …}}
    related: list[dict[str, Any]] = field(default_factory=list)

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang == "zh" else self.message_en

    def related_lines(self, lang: str = "zh") -> list[str]:
        """``file:location note`` for each place in another report the finding points at."""
        out = []
        for r in self.related:
            note = (r.get("note") or {}).get(lang) or (r.get("note") or {}).get("zh", "")
            out.append(f"{r['file']}:{Location.from_dict(r.get('location')).short()} {note}".rstrip())
        return out

    def sort_key(self) -> tuple:
        loc = self.location
        return (self.file, loc.page or 0, loc.line or 0, loc.paragraph or 0, loc.table or 0,
                loc.row or 0, loc.col or 0, self.rule)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": {"zh": self.message_zh, "en": self.message_en},
            "location": self.location.to_dict(),
            "key": self.key,
            "expected": _jsonable(self.expected),
            "found": _jsonable(self.found),
            "assessable": self.assessable,
            "cells": list(self.cells),
            "related": [dict(r) for r in self.related],
            "fingerprint": self.fingerprint(),
        }

    def fingerprint(self) -> str:
        from .fingerprint import fingerprint

        return fingerprint(self)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return to_json_number(value)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value

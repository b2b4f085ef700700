"""Counts over a run, accumulated file by file (so streaming output needs no list)."""

from __future__ import annotations

from collections import Counter


class Summary:
    def __init__(self, seconds: float = 0.0):
        self.files = 0
        self.unreadable = 0
        self.errors = 0
        self.warnings = 0
        self.infos = 0
        self.seconds = seconds
        self.per_rule: Counter = Counter()
        self.rule_meta: dict[str, tuple[str, str]] = {}  # rule -> (category, severity)

    def add(self, result) -> None:
        self.files += 1
        if result.error is not None:
            self.unreadable += 1
        for f in result.findings:
            if f.severity == "error":
                self.errors += 1
            elif f.severity == "warning":
                self.warnings += 1
            else:
                self.infos += 1
            self.per_rule[f.rule] += 1
            self.rule_meta.setdefault(f.rule, (f.category, f.severity))

    def counts(self) -> dict[str, int]:
        return {"files": self.files, "errors": self.errors, "warnings": self.warnings, "infos": self.infos,
                "unreadable": self.unreadable}

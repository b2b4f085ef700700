"""Errors that end a file's lint with a clear message and exit code 2 (never a traceback)."""

from __future__ import annotations


class ReportLintError(Exception):
    """Base: carries a Chinese and an English message."""

    def __init__(self, zh: str, en: str | None = None):
        super().__init__(en or zh)
        self.zh = zh
        self.en = en or zh

    def message(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en

    def __reduce__(self):  # both languages survive the trip to and from a worker process
        return type(self), (self.zh, self.en)


class InputError(ReportLintError):
    """The input file cannot be read as a report (wrong format, corrupt, too large)."""


class RulesetError(ReportLintError):
    """A ruleset is invalid: the message names file, line and key."""


class UsageError(ReportLintError):
    """The command line asks for something that does not exist."""


class InternalError(ReportLintError):
    """A bug in report-lint or a plugin, reported for one file without losing the others."""

"""What plugins register: one small dataclass per extension point.

Plugins hand these to the ``register`` callback of the hooks in ``hookspecs``. They hold
callables rather than instances so that a heavy dependency (a PDF library, say) is
imported only when a file of that kind is actually parsed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable


@dataclass
class ParserSpec:
    """A parser for one file format.

    ``parse(data: bytes, path: str) -> Document`` (or ``-> Report`` when ``produces`` is
    ``"report"``, for formats that already are canonical). ``sniff(head: bytes) -> int``
    scores how sure the parser is that the first bytes are its format (0 = not mine).
    Raise ``report_lint.errors.InputError`` for input that cannot be read at all.
    """

    name: str
    suffixes: tuple[str, ...]
    parse: Callable[[bytes, str], Any]
    sniff: Callable[[bytes], int] | None = None
    produces: str = "document"  # document | report
    description: str = ""


@dataclass
class CheckKind:
    """A kind of check that rules in a ruleset instantiate with parameters.

    ``run(rule, report) -> Iterable[Finding]``; ``params_schema`` is the JSON Schema of
    the rule's ``params`` (validated when a ruleset is loaded from a user file).

    A kind that compares reports names what it ``needs`` (``"previous"``: last year's
    report of the same organ; ``"children"``: the reports that sum into this one). It is
    then run as ``run(rule, report, related)`` with a ``report_lint.related.Related``,
    only once the whole batch is read and only when that relation is known.
    """

    name: str
    run: Callable[..., Iterable[Any]]
    params_schema: dict[str, Any] = field(default_factory=lambda: {"type": "object"})
    description: str = ""
    needs: str | None = None  # None | "previous" | "children"


@dataclass
class FormatterSpec:
    """``format(results, options) -> str``: turns a run's results into output.

    A formatter that can write each file's results as they come gives ``begin(options)``,
    ``file(result, options)`` and ``end(summary, options)``; the CLI then streams, so
    the memory of a run over thousands of files does not grow with their number.
    ``needs_report``: the formatter reads ``result.report`` (the canonical Report), which
    is otherwise dropped after linting to keep batches small.
    """

    name: str
    format: Callable[..., str]
    description: str = ""
    begin: Callable[..., str] | None = None
    file: Callable[..., str] | None = None
    end: Callable[..., str] | None = None
    needs_report: bool = False
    suffix: str = ".txt"

    @property
    def streams(self) -> bool:
        return self.file is not None


def streaming_formatter(name: str, begin, file, end, description: str = "", suffix: str = ".txt") -> FormatterSpec:
    """A FormatterSpec whose whole-run ``format`` is its streaming parts joined."""

    def whole(results, options) -> str:
        from .summary import Summary

        summary = Summary(options.get("seconds", 0.0))
        parts = [begin(options)]
        for result in results:
            summary.add(result)
            parts.append(file(result, options))
        parts.append(end(summary, options))
        return "".join(parts)

    return FormatterSpec(name, whole, description, begin, file, end, False, suffix)


@dataclass
class RulesetSpec:
    """A packaged ruleset: a name users pass to ``--ruleset`` and the YAML file behind it.

    ``trusted`` rulesets ship with a package whose tests validate them, so the lint path
    skips schema validation for them (it costs more than the whole lint).
    """

    name: str
    path: str
    description: str = ""
    trusted: bool = True

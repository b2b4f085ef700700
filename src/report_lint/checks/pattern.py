"""The ``pattern`` check kind: a regular expression over the report's text.

Rulesets come from provinces and third parties, so a pattern is untrusted code in a
small language. It runs on RE2 (``google-re2``), whose matching time is linear in the
text whatever the pattern: ``(a+)+$`` cannot backtrack catastrophically because RE2
never backtracks. What RE2 cannot promise linearly (back-references, look-around) it
refuses to compile, and so does the ruleset loader, with file, line and reason. A
pattern is at most ``MAX_PATTERN_CHARS`` long and its compiled program at most
``MAX_PROGRAM_BYTES``; one rule reports at most ``max_findings`` matches per report.
"""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..specs import CheckKind
from . import excerpt, text_blocks

MAX_PATTERN_CHARS = 1000
MAX_PROGRAM_BYTES = 8 * 1024 * 1024  # RE2's memory budget for one compiled pattern
DEFAULT_MAX_FINDINGS = 20

_COMPILED: dict[tuple[str, bool], object] = {}


class PatternError(ValueError):
    """A pattern RE2 will not run; ``zh``/``en`` give the reason."""

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh, self.en = zh, en


def compile_pattern(regex: str, ignore_case: bool = False):
    """The compiled pattern, or PatternError saying why it is refused."""
    key = (regex, ignore_case)
    if key in _COMPILED:
        return _COMPILED[key]
    if not isinstance(regex, str) or not regex:
        raise PatternError("正则表达式不能为空", "the regular expression is empty")
    if len(regex) > MAX_PATTERN_CHARS:
        raise PatternError(f"正则表达式过长（{len(regex)} 个字符，上限 {MAX_PATTERN_CHARS}）",
                           f"the regular expression is too long ({len(regex)} characters, limit {MAX_PATTERN_CHARS})")
    try:
        import re2
    except ImportError:  # pragma: no cover - a core dependency
        raise PatternError("pattern 规则需要 google-re2：请运行 pip install google-re2",
                           "pattern rules need google-re2: run pip install google-re2") from None
    options = re2.Options()
    options.log_errors = False  # the reason goes into our message, not to stderr
    options.max_mem = MAX_PROGRAM_BYTES
    options.case_sensitive = not ignore_case
    try:
        compiled = re2.compile(regex, options)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise PatternError(f"正则表达式无效或不受支持（RE2 语法，不支持反向引用和环视）：{reason}",
                           f"invalid or unsupported regular expression (RE2 syntax: no back-references or "
                           f"look-around): {reason}") from None
    if len(_COMPILED) > 256:
        _COMPILED.clear()
    _COMPILED[key] = compiled
    return compiled


def run_pattern(rule, report):
    """A finding per match (``require: false``), or one when no block matches
    (``require: true``)."""
    params = rule.params
    compiled = compile_pattern(params["regex"], bool(params.get("ignore_case")))
    sections = params.get("sections")
    limit = params.get("max_findings", DEFAULT_MAX_FINDINGS)
    if report.texts is None:
        return
    if params.get("require"):
        if not any(compiled.search(text) for _, text in text_blocks(report, sections)):
            yield rule.finding({"regex": params["regex"]}, report.title.location if report.title else None,
                               key=f"sections.{sections[0]}" if sections else None, expected=params["regex"])
        return
    count = 0
    for block, text in text_blocks(report, sections):
        for match in compiled.finditer(text):
            start, end = match.start(), match.end()
            if start == end:
                continue  # an empty match points at nothing
            found = block.text[start:end]
            yield rule.finding({"found": found, "excerpt": excerpt(block.text, start, end), "regex": params["regex"]},
                               block.location_at(start), found=found)
            count += 1
            if count >= limit:
                return


PARAMS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["regex"],
    "properties": {
        "regex": {"type": "string", "minLength": 1, "maxLength": MAX_PATTERN_CHARS},
        "ignore_case": {"type": "boolean"},
        "require": {"type": "boolean"},
        "sections": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 6}, "maxItems": 6},
        "max_findings": {"type": "integer", "minimum": 1, "maximum": 1000},
    },
}


@hookimpl
def report_lint_register_check_kinds(register):
    register(CheckKind("pattern", run_pattern, PARAMS_SCHEMA,
                       "正文匹配（或必须匹配）正则表达式（RE2，线性时间）/ the text matches (or must match) a "
                       "regular expression (RE2, linear time)"))

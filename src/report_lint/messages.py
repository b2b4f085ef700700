"""The catalogue of user-facing messages of the CLI and the core, Chinese first.

Rule messages live in the rulesets (each rule has ``message.zh`` and ``message.en``);
this catalogue holds everything else a user reads.
"""

from __future__ import annotations

import re

CATALOGUE: dict[str, dict[str, str]] = {
    "summary": {
        "zh": "共检查 {files} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 条提示（{seconds:.2f} 秒）",
        "en": "{files} file(s) checked: {errors} error(s), {warnings} warning(s), {infos} info(s) ({seconds:.2f}s)",
    },
    "summary_unreadable": {"zh": "；{unreadable} 个文件无法检查", "en": "; {unreadable} file(s) could not be checked"},
    "file_error": {"zh": "{path}: 无法检查：{reason}", "en": "{path}: cannot check: {reason}"},
    "no_such_file": {"zh": "文件不存在：{path}", "en": "no such file: {path}"},
    "not_a_file": {"zh": "不是可读取的文件：{path}", "en": "not a readable file: {path}"},
    "unknown_format": {
        "zh": "无法识别的文件格式（{suffix}）；已安装的解析器支持：{known}",
        "en": "unrecognized file format ({suffix}); installed parsers read: {known}",
    },
    "file_too_large": {
        "zh": "文件过大（{size} 字节，上限 {limit} 字节，--limit file-size=MB 可放宽）",
        "en": "file too large ({size} bytes, limit {limit} bytes; raise it with --limit file-size=MB)",
    },
    "empty_file": {
        "zh": "文件为空（{size} 字节，没有任何文字），不是一份报告",
        "en": "the file is empty ({size} bytes, no text at all), not a report",
    },
    "unknown_ruleset": {
        "zh": "未知的规则集“{name}”；可用：{known}",
        "en": "unknown ruleset '{name}'; available: {known}",
    },
    "unknown_rule": {
        "zh": "未知的规则或类别“{name}”；用 report-lint rules 查看全部规则",
        "en": "unknown rule or category '{name}'; see report-lint rules",
    },
    "unknown_format_option": {
        "zh": "未知的输出格式“{name}”；可用：{known}",
        "en": "unknown output format '{name}'; available: {known}",
    },
    "unknown_schema": {"zh": "未知的 Schema“{name}”；可用：{known}", "en": "unknown schema '{name}'; available: {known}"},
    "rules_header": {"zh": "规则集 {name}：{count} 条规则", "en": "ruleset {name}: {count} rules"},
    "explain_what": {"zh": "检查内容", "en": "What it checks"},
    "explain_why": {"zh": "为什么重要", "en": "Why it matters"},
    "explain_example": {"zh": "不通过的示例", "en": "Example that fails"},
    "explain_params": {"zh": "参数", "en": "Parameters"},
    "plugins_header": {"zh": "已加载的插件", "en": "Loaded plugins"},
    "builtin": {"zh": "内置", "en": "built-in"},
    "failed": {"zh": "加载失败", "en": "failed"},
    "cannot_assess": {
        "zh": "无法判断：{cells} 的数值无法读取（{raw}）",
        "en": "cannot be assessed: {cells} could not be read ({raw})",
    },
    "no_paths": {"zh": "请给出要检查的文件", "en": "no files given"},
    "no_files_found": {"zh": "没有找到可检查的文件", "en": "no files to check were found"},
}

_PLACEHOLDER = re.compile(r"\{(\w+)(?::([^{}]*))?\}")


def render(template: str, values: dict) -> str:
    """Fill ``{name}`` / ``{name:spec}`` placeholders.

    Deliberately not ``str.format``: ruleset messages come from user files, and
    ``str.format`` would let them reach attributes (``{x.__class__}``). Unknown names
    are left as written.
    """

    def sub(m: re.Match) -> str:
        name, spec = m.group(1), m.group(2)
        if name not in values:
            return m.group(0)
        value = values[name]
        if spec:
            try:
                return format(value, spec)
            except (ValueError, TypeError):
                return str(value)
        return _plain(value)

    return _PLACEHOLDER.sub(sub, template)


def _plain(value) -> str:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return format(value, "f")  # as written: 1.00 stays 1.00
    if value is None:
        return "—"
    return str(value)


def msg(key: str, lang: str = "zh", **values) -> str:
    entry = CATALOGUE[key]
    return render(entry.get(lang) or entry["zh"], values)

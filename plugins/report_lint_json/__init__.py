"""Built-in parser plugin: the canonical JSON report itself.

Lets users lint a report built elsewhere (a database, a form, a crawler). The JSON is
validated against the Report schema first; errors name the JSON path.
"""

from __future__ import annotations

import json

from report_lint.errors import InputError
from report_lint.hookspecs import hookimpl
from report_lint.specs import ParserSpec

MAX_ERRORS_SHOWN = 5


def parse(data: bytes, path: str):
    from decimal import Decimal

    import jsonschema

    from report_lint.report import Report
    from report_lint.ruleset import schema

    try:
        payload = json.loads(data.decode("utf-8-sig"), parse_float=Decimal)
    except UnicodeDecodeError:
        raise InputError(f"{path}: JSON 必须是 UTF-8 编码", f"{path}: JSON must be UTF-8")
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}: JSON 语法错误：{exc.msg}",
                         f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}")
    except RecursionError:
        raise InputError(f"{path}: JSON 嵌套过深", f"{path}: JSON nested too deeply")
    except ValueError as exc:  # an integer of thousands of digits (Python's int_max_str_digits)
        raise InputError(f"{path}: JSON 中的数字过长，不是报告中的数值：{exc}",
                         f"{path}: a number in the JSON is too long to be a report's value: {exc}")
    validator = jsonschema.Draft202012Validator(schema("report"), format_checker=None)
    plain = json.loads(json.dumps(payload, default=float))  # the validator wants floats, not Decimals
    errors = sorted(validator.iter_errors(plain), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        lines = [f"{_json_path(e.absolute_path)}: {e.message}" for e in errors[:MAX_ERRORS_SHOWN]]
        more = len(errors) - MAX_ERRORS_SHOWN
        tail_zh = f"；另有 {more} 处" if more > 0 else ""
        tail_en = f"; and {more} more" if more > 0 else ""
        raise InputError(f"{path}: 不符合规范报告的 JSON Schema：" + "；".join(lines) + tail_zh,
                         f"{path}: does not match the canonical report schema: " + "; ".join(lines) + tail_en)
    return Report.from_json(payload)


def _json_path(parts) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


def sniff(head: bytes) -> int:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{") and b'"tables"' in head:
        return 80
    return 30 if stripped.startswith(b"{") else 0


@hookimpl
def report_lint_register_parsers(register):
    register(ParserSpec(name="canonical-json", suffixes=(".json",), parse=parse, sniff=sniff, produces="report",
                        description="规范报告 JSON（report-lint parse 的输出）/ the canonical report JSON"))

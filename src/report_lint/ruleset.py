"""Loading rulesets: YAML in, validated Rule objects out.

Only safe YAML is read (no tags, no anchors or aliases in user files), within a size
limit, and every error names the file, the line and the key. Packaged rulesets are
validated by the test suite and skip schema validation at run time: importing
jsonschema alone costs more than a whole lint.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

from .errors import RulesetError
from .rules import Rule

MAX_RULESET_BYTES = 1_000_000


@dataclass
class Ruleset:
    name: str
    path: str
    description: dict[str, str]
    template: str | None
    rules: list[Rule]
    lists: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)

    def rule(self, rule_id: str) -> Rule | None:
        for r in self.rules:
            if r.id == rule_id:
                return r
        return None


def schema(name: str) -> dict[str, Any]:
    here = os.path.join(os.path.dirname(__file__), "schemas", f"{name}.schema.json")
    with open(here, encoding="utf-8") as fh:
        return json.load(fh)


def load_ruleset(path: str, registry=None, *, trusted: bool = False, name: str | None = None,
                 locate: bool = False) -> Ruleset:
    """Read and check a ruleset file. ``trusted`` skips schema validation; ``locate``
    records each rule's line even then (for ``explain``)."""
    if trusted and not locate:
        from .datacache import load_packaged_yaml

        try:
            data = load_packaged_yaml(path)
        except Exception as exc:  # noqa: BLE001 - a broken packaged file is still a ruleset error
            raise RulesetError(f"无法读取规则集 {path}：{exc}", f"cannot read ruleset {path}: {exc}")
        if not isinstance(data, dict):
            raise RulesetError(f"{path}: 规则集必须是一个映射", f"{path}: a ruleset must be a mapping")
        return _build(data, path, {}, registry, trusted, name)
    import yaml

    try:
        size = os.path.getsize(path)
        if size > MAX_RULESET_BYTES:
            raise RulesetError(f"{path}: 规则集文件过大（{size} 字节，上限 {MAX_RULESET_BYTES}）",
                               f"{path}: ruleset file too large ({size} bytes, limit {MAX_RULESET_BYTES})")
        with open(path, "rb") as fh:
            raw = fh.read()
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        raise RulesetError(f"无法读取规则集 {path}：{exc.strerror}", f"cannot read ruleset {path}: {exc.strerror}")
    except UnicodeDecodeError:
        raise RulesetError(f"{path}: 规则集必须是 UTF-8 编码", f"{path}: a ruleset must be UTF-8")

    lines: dict[tuple, int] = {}
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        _line_map(node, (), lines, path, set())
        data = yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        problem = getattr(exc, "problem", None) or str(exc)
        raise RulesetError(f"{where}: YAML 语法错误：{problem}", f"{where}: YAML syntax error: {problem}")

    if not trusted:
        _validate(data, path, lines)
    if not isinstance(data, dict):
        raise RulesetError(f"{path}: 规则集必须是一个映射（name、rules …）", f"{path}: a ruleset must be a mapping (name, rules, …)")
    return _build(data, path, lines, registry, trusted, name)


def _line_map(node, key: tuple, out: dict, path: str, seen: set) -> None:
    """Record the line of every key path; refuse aliases (shared nodes)."""
    import yaml

    if id(node) in seen:
        raise RulesetError(f"{path}:{node.start_mark.line + 1}: 规则集不允许使用 YAML 锚点/别名",
                           f"{path}:{node.start_mark.line + 1}: YAML anchors/aliases are not allowed in rulesets")
    seen.add(id(node))
    out[key] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            out[key + (k.value,)] = k.start_mark.line + 1
            _line_map(v, key + (k.value,), out, path, seen)
            out[key + (k.value,)] = k.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            _line_map(v, key + (i,), out, path, seen)


def _where(path: str, lines: dict, key: tuple) -> str:
    key = tuple(key)
    while key and key not in lines:
        key = key[:-1]
    line = lines.get(key)
    return f"{path}:{line}" if line else path


def _keypath(key) -> str:
    out = ""
    for part in key:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(root)"


def _error_order(err) -> tuple:
    """Errors in document order; at one place an unexpected key (a typo) first."""
    return [str(p) for p in err.absolute_path], err.validator != "additionalProperties"


def _error_path(err) -> tuple:
    """The path of a schema error, down to the unexpected key where there is one."""
    path = tuple(err.absolute_path)
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = set((err.schema or {}).get("properties", {}))
        extra = sorted(k for k in err.instance if k not in allowed)
        if extra:
            path += (extra[0],)
    return path


def _validate(data: Any, path: str, lines: dict) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema("ruleset"))
    errors = sorted(validator.iter_errors(data), key=_error_order)
    if errors:
        first = errors[0]
        key = _error_path(first)
        where = _where(path, lines, key)
        more = f"（另有 {len(errors) - 1} 处错误）" if len(errors) > 1 else ""
        more_en = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise RulesetError(f"{where}: {_keypath(key)}: {first.message}{more}",
                           f"{where}: {_keypath(key)}: {first.message}{more_en}")


def _build(data: dict, path: str, lines: dict, registry, trusted: bool, name: str | None) -> Ruleset:
    from . import expr

    lists = {k: list(v) for k, v in (data.get("lists") or {}).items()}
    labels = {k: dict(v) for k, v in (data.get("labels") or {}).items()}
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, item in enumerate(data.get("rules") or []):
        where = _where(path, lines, ("rules", i))
        rule_id = item["id"]
        if rule_id in seen:
            raise RulesetError(f"{where}: 规则 id “{rule_id}” 重复", f"{where}: duplicate rule id '{rule_id}'")
        seen.add(rule_id)
        kind = item["kind"]
        params = item.get("params") or {}
        if registry is not None:
            spec = registry.check_kinds.get(kind)
            if spec is None:
                known = ", ".join(sorted(registry.check_kinds))
                raise RulesetError(f"{_where(path, lines, ('rules', i, 'kind'))}: rules[{i}].kind: 未知的检查类型 “{kind}”（可用：{known}）",
                                   f"{_where(path, lines, ('rules', i, 'kind'))}: rules[{i}].kind: unknown check kind '{kind}' (available: {known})")
            if not trusted:
                _validate_params(spec.params_schema, params, path, lines, ("rules", i, "params"))
        if not trusted:
            for pkey, value in params.items():
                if pkey in ("lhs", "rhs") or pkey.endswith("_expr"):
                    try:
                        expr.parse(value)
                    except expr.ExprError as exc:
                        w = _where(path, lines, ("rules", i, "params", pkey))
                        raise RulesetError(f"{w}: rules[{i}].params.{pkey}: 表达式错误：{exc}",
                                           f"{w}: rules[{i}].params.{pkey}: invalid expression: {exc}")
        rules.append(Rule(
            id=rule_id,
            kind=kind,
            category=item["category"],
            severity=item["severity"],
            message=dict(item["message"]),
            summary=dict(item.get("summary") or item["message"]),
            params=params,
            description=dict(item.get("description") or {}),
            rationale=dict(item.get("rationale") or {}),
            example=item.get("example") or "",
            lists=lists,
            labels=labels,
            source=where,
        ))
    return Ruleset(
        name=name or data.get("name") or os.path.splitext(os.path.basename(path))[0],
        path=path,
        description=dict(data.get("description") or {}),
        template=str(data["template"]) if data.get("template") is not None else None,
        rules=rules,
        lists=lists,
        labels=labels,
    )


def _validate_params(params_schema: dict, params: Any, path: str, lines: dict, key: tuple) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(params_schema)
    for err in sorted(validator.iter_errors(params), key=_error_order):
        full = key + _error_path(err)
        where = _where(path, lines, full)
        raise RulesetError(f"{where}: {_keypath(full)}: {err.message}", f"{where}: {_keypath(full)}: {err.message}")

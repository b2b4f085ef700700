"""Loading rulesets: YAML in, validated Rule objects out.

Only safe YAML is read (no tags, no anchors or aliases in user files), within a size
limit, and every error names the file, the line and the key. Packaged rulesets are
validated by the test suite and skip schema validation at run time: importing
jsonschema alone costs more than a whole lint.
"""

from __future__ import annotations

import copy
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
    disabled: dict[str, str] = field(default_factory=dict)  # rule id -> where it was disabled
    chain: list[str] = field(default_factory=list)  # this file, then the files it extends

    def rule(self, rule_id: str) -> Rule | None:
        for r in self.rules:
            if r.id == rule_id:
                return r
        return None


def schema(name: str) -> dict[str, Any]:
    here = os.path.join(os.path.dirname(__file__), "schemas", f"{name}.schema.json")
    with open(here, encoding="utf-8") as fh:
        return json.load(fh)


DEFAULT_RULESET = "national-2021"


def resolve(registry, ref: str | None = None, *, locate: bool = False) -> Ruleset:
    """A ruleset by packaged name or by file path (None: the default). The one place
    that turns what a user names into a loaded ruleset; UsageError when it names nothing."""
    from .errors import UsageError
    from .messages import msg

    ref = ref or DEFAULT_RULESET
    spec = registry.rulesets.get(ref)
    if spec is not None:
        return load_ruleset(spec.path, registry, trusted=spec.trusted, name=spec.name, locate=locate)
    if os.path.isfile(ref):
        return load_ruleset(ref, registry, locate=locate)
    known = ", ".join(sorted(registry.rulesets)) or "-"
    raise UsageError(msg("unknown_ruleset", "zh", name=ref, known=known), msg("unknown_ruleset", "en", name=ref, known=known))


def load_ruleset(path: str, registry=None, *, trusted: bool = False, name: str | None = None,
                 locate: bool = False, _stack: tuple[str, ...] = ()) -> Ruleset:
    """Read and check a ruleset file and the chain it ``extends``. ``trusted`` skips
    schema validation; ``locate`` records lines even then (for ``explain`` and
    ``show-config``)."""
    real = os.path.realpath(path)
    if real in _stack:
        chain = " → ".join([*_stack, real])
        raise RulesetError(f"规则集循环继承：{chain}", f"rulesets extend each other in a cycle: {chain}")
    data, lines = _read(path, trusted, locate)
    if not trusted:
        _validate(data, path, lines)
    if not isinstance(data, dict):
        raise RulesetError(f"{path}: 规则集必须是一个映射（name、rules …）", f"{path}: a ruleset must be a mapping (name, rules, …)")
    parent = None
    if data.get("extends"):
        parent = _load_parent(str(data["extends"]), path, lines, registry, locate, _stack + (real,))
    return _build(data, path, lines, registry, trusted, name, parent)


def _read(path: str, trusted: bool, locate: bool) -> tuple[Any, dict]:
    """The parsed file and the line of every key path (empty for the cached fast path)."""
    if trusted and not locate:
        from .datacache import load_packaged_yaml

        try:
            return load_packaged_yaml(path), {}
        except Exception as exc:  # noqa: BLE001 - a broken packaged file is still a ruleset error
            raise RulesetError(f"无法读取规则集 {path}：{exc}", f"cannot read ruleset {path}: {exc}")
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
        if node is not None:
            _line_map(node, (), lines, path, set())
        data = yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        problem = getattr(exc, "problem", None) or str(exc)
        raise RulesetError(f"{where}: YAML 语法错误：{problem}", f"{where}: YAML syntax error: {problem}")
    return data, lines


def _load_parent(ref: str, path: str, lines: dict, registry, locate: bool, stack: tuple[str, ...]) -> "Ruleset":
    """``extends:`` names a packaged ruleset or a file relative to the extending one."""
    spec = registry.rulesets.get(ref) if registry is not None else None
    if spec is not None:
        return load_ruleset(spec.path, registry, trusted=spec.trusted, name=spec.name, locate=locate, _stack=stack)
    candidate = ref if os.path.isabs(ref) else os.path.join(os.path.dirname(os.path.abspath(path)), ref)
    if not candidate.lower().endswith((".yaml", ".yml")):  # never read (and echo) some other file
        where = _where(path, lines, ("extends",))
        raise RulesetError(f"{where}: extends: “{ref}”不是已安装的规则集名称，也不是 .yaml 文件",
                           f"{where}: extends: '{ref}' is neither an installed ruleset nor a .yaml file")
    if not os.path.isfile(candidate):
        where = _where(path, lines, ("extends",))
        known = ", ".join(sorted(registry.rulesets)) if registry is not None else "-"
        raise RulesetError(f"{where}: extends: 找不到规则集“{ref}”（已安装：{known}；或写相对于本文件的路径）",
                           f"{where}: extends: no ruleset '{ref}' (installed: {known}; or a path relative to this file)")
    return load_ruleset(candidate, registry, trusted=False, locate=locate, _stack=stack)


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
        shown = first.message if len(first.message) <= 300 else first.message[:300] + "…"  # no file echoed whole
        raise RulesetError(f"{where}: {_keypath(key)}: {shown}{more}",
                           f"{where}: {_keypath(key)}: {shown}{more_en}")


def merge(base: Any, override: Any) -> Any:
    """How a child ruleset changes what it inherits (docs/writing-rules.md, "Extending"):
    maps merge key by key; scalars and lists replace; a key written ``name+`` extends the
    inherited list (items not yet in it are appended) and ``name-`` reduces it."""
    if not isinstance(base, dict) or not isinstance(override, dict):
        return copy.deepcopy(override)
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(key, str) and key.endswith(("+", "-")) and len(key) > 1:
            name, op = key[:-1], key[-1]
            current = list(out.get(name) or [])
            items = value if isinstance(value, list) else [value]
            out[name] = current + [v for v in items if v not in current] if op == "+" else \
                [v for v in current if v not in items]
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _changed_keys(override: dict) -> list[str]:
    return [k[:-1] if isinstance(k, str) and k.endswith(("+", "-")) and len(k) > 1 else str(k) for k in override]


def _build(data: dict, path: str, lines: dict, registry, trusted: bool, name: str | None,
           parent: "Ruleset | None" = None) -> Ruleset:
    lists = merge(parent.lists if parent else {}, data.get("lists") or {})
    labels = merge(parent.labels if parent else {}, data.get("labels") or {})
    rules: dict[str, Rule] = {}
    if parent is not None:
        for inherited in parent.rules:
            rule = copy.copy(inherited)
            rule.params = copy.deepcopy(inherited.params)
            rule.origins = dict(inherited.origins)
            rules[rule.id] = rule
    disabled = dict(parent.disabled) if parent else {}

    for i, rule_id in enumerate(data.get("disable") or []):
        where = _where(path, lines, ("disable", i))
        if rule_id not in rules:
            raise RulesetError(f"{where}: disable: 没有可停用的规则“{rule_id}”", f"{where}: disable: no rule '{rule_id}' to disable")
        del rules[rule_id]
        disabled[rule_id] = where
    for rule_id, severity in (data.get("severity") or {}).items():
        where = _where(path, lines, ("severity", rule_id))
        if rule_id not in rules:
            raise RulesetError(f"{where}: severity: 没有规则“{rule_id}”", f"{where}: severity: no rule '{rule_id}'")
        rules[rule_id].severity = severity
        rules[rule_id].origins["severity"] = where
    for rule_id, override in (data.get("params") or {}).items():
        where = _where(path, lines, ("params", rule_id))
        if rule_id not in rules:
            raise RulesetError(f"{where}: params: 没有规则“{rule_id}”", f"{where}: params: no rule '{rule_id}'")
        rule = rules[rule_id]
        rule.params = merge(rule.params, override)
        for raw_key, key in zip(override, _changed_keys(override)):
            rule.origins[f"params.{key}"] = _where(path, lines, ("params", rule_id, raw_key))
        _check_params(rule, registry, trusted, path, lines, ("params", rule_id))

    for i, item in enumerate(data.get("rules") or []):
        where = _where(path, lines, ("rules", i))
        rule_id = item["id"]
        if rule_id in rules:
            first = rules[rule_id].origins.get("rule", "")
            raise RulesetError(f"{where}: 规则 id “{rule_id}” 重复（已在 {first} 定义；修改继承的规则请用 severity/params/disable）",
                               f"{where}: duplicate rule id '{rule_id}' (defined at {first}; change inherited rules "
                               f"with severity/params/disable)")
        rule = Rule(
            id=rule_id,
            kind=item["kind"],
            category=item["category"],
            severity=item["severity"],
            message=dict(item["message"]),
            summary=dict(item.get("summary") or item["message"]),
            params=item.get("params") or {},
            description=dict(item.get("description") or {}),
            rationale=dict(item.get("rationale") or {}),
            example=item.get("example") or "",
            source=where,
        )
        rule.origins = {"rule": where, "severity": _where(path, lines, ("rules", i, "severity")),
                        **{f"params.{k}": _where(path, lines, ("rules", i, "params", k)) for k in rule.params}}
        _check_params(rule, registry, trusted, path, lines, ("rules", i, "params"), check_kind=True,
                      kind_where=_where(path, lines, ("rules", i, "kind")), index=i)
        rules[rule_id] = rule

    for rule in rules.values():
        rule.lists, rule.labels = lists, labels
    chain = [path] + (parent.chain if parent else [])
    return Ruleset(
        name=name or data.get("name") or os.path.splitext(os.path.basename(path))[0],
        path=path,
        description=dict(data.get("description") or (parent.description if parent else {})),
        template=str(data["template"]) if data.get("template") is not None else (parent.template if parent else None),
        rules=list(rules.values()),
        lists=lists,
        labels=labels,
        disabled=disabled,
        chain=chain,
    )


# parameters whose values are expressions (or lists of them) in the rule grammar
_EXPRESSION_PARAMS = ("lhs", "rhs", "locate", "keys", "accept")
# parameters whose values are regular expressions, compiled (RE2) when the ruleset loads
_REGEX_PARAMS = ("regex",)


def _check_params(rule: Rule, registry, trusted: bool, path: str, lines: dict, key: tuple, *,
                  check_kind: bool = False, kind_where: str = "", index: int = 0) -> None:
    """The rule's kind exists; for untrusted files, its params fit the kind's schema and
    its expressions parse."""
    from . import expr

    if registry is not None:
        spec = registry.check_kinds.get(rule.kind)
        if spec is None:
            if check_kind:
                known = ", ".join(sorted(registry.check_kinds))
                raise RulesetError(f"{kind_where}: rules[{index}].kind: 未知的检查类型 “{rule.kind}”（可用：{known}）",
                                   f"{kind_where}: rules[{index}].kind: unknown check kind '{rule.kind}' (available: {known})")
            return
        if not trusted:
            _validate_params(spec.params_schema, rule.params, path, lines, key)
    if trusted:
        return
    bound = set(rule.params.get("foreach") or {})
    label = ".".join(str(k) if not isinstance(k, int) else f"[{k}]" for k in key).replace(".[", "[")
    _check_regexes(rule, path, lines, key, label)
    for pkey, value in rule.params.items():
        if not (pkey in _EXPRESSION_PARAMS or pkey.endswith("_expr")):
            continue
        for i, text in enumerate(value if isinstance(value, list) else [value]):
            where_key = key + ((pkey, i) if isinstance(value, list) else (pkey,))
            shown = f"{label}.{pkey}" + (f"[{i}]" if isinstance(value, list) else "")
            if isinstance(text, str) and "__" in text:  # a key never has one; an attribute trick always does
                w = _where(path, lines, where_key)
                raise RulesetError(f"{w}: {shown}: 表达式错误：不允许含 “__” 的名字", f"{w}: {shown}: invalid expression: "
                                   "names containing '__' are not allowed")
            try:
                unbound = expr.placeholders(expr.parse(text)) - bound
            except expr.ExprError as exc:
                w = _where(path, lines, where_key)
                raise RulesetError(f"{w}: {shown}: 表达式错误：{exc}", f"{w}: {shown}: invalid expression: {exc}")
            if unbound:
                w = _where(path, lines, where_key)
                names = ", ".join("{" + n + "}" for n in sorted(unbound))
                raise RulesetError(f"{w}: {shown}: 占位符 {names} 没有在 foreach 中定义",
                                   f"{w}: {shown}: placeholder {names} is not defined in foreach")


def _check_regexes(rule: Rule, path: str, lines: dict, key: tuple, label: str) -> None:
    """Every ``regex``/``*_regex`` parameter compiles on the bounded engine (checks/pattern.py)."""
    names = [k for k, v in rule.params.items() if (k in _REGEX_PARAMS or k.endswith("_regex")) and isinstance(v, str)]
    if not names:
        return
    from .checks.pattern import PatternError, compile_pattern

    for pkey in names:
        try:
            compile_pattern(rule.params[pkey], bool(rule.params.get("ignore_case")))
        except PatternError as exc:
            w = _where(path, lines, key + (pkey,))
            raise RulesetError(f"{w}: {label}.{pkey}: {exc.zh}", f"{w}: {label}.{pkey}: {exc.en}")


def _validate_params(params_schema: dict, params: Any, path: str, lines: dict, key: tuple) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(params_schema)
    for err in sorted(validator.iter_errors(params), key=_error_order):
        full = key + _error_path(err)
        where = _where(path, lines, full)
        raise RulesetError(f"{where}: {_keypath(full)}: {err.message}", f"{where}: {_keypath(full)}: {err.message}")

"""Configuration files: ``.report-lint.yaml`` or ``[tool.report-lint]`` in
``pyproject.toml``, the one nearest to the linted file, with an explicit ``extend:`` to a
parent config and no other merging (as in the linters people know).

Keys: ``ruleset`` (a packaged name or a path relative to the config file), ``select``,
``ignore``, ``fail-on``, ``lang``, ``exclude``, ``per-file`` (a list of ``{files: glob,
ruleset, select, ignore}``, globs relative to the config file), ``suppressions`` (false
turns sidecar suppression files off), ``limits`` (a mapping of limit names to values,
``report_lint.limits``) and ``extend``.
"""

from __future__ import annotations

import fnmatch
import os
import re
from typing import Any

from .errors import UsageError

CONFIG_NAMES = (".report-lint.yaml", ".report-lint.yml")
KEYS = {"ruleset", "select", "ignore", "fail-on", "lang", "exclude", "per-file", "suppressions", "extend", "organs",
        "hierarchy", "limits"}
MAX_ORGAN_NAMES = 100_000
MAX_EXTEND_DEPTH = 20


class Config:
    """The settings of a config file and its extend chain (a plain class: dataclasses
    cost start-up time)."""

    def __init__(self):
        self.files: list[str] = []  # the files in effect, nearest first
        self.settings: dict[str, Any] = {}
        self.origins: dict[str, str] = {}  # setting -> file:line
        self.base_dirs: dict[str, str] = {}  # setting -> directory its paths are relative to

    def ruleset_ref(self) -> str | None:
        return _resolve_ref(self.settings.get("ruleset"), self.base_dirs.get("ruleset"))

    def per_file(self, path: str) -> list[tuple[dict, str]]:
        """The per-file entries matching ``path``, with where each was written."""
        out = []
        base = self.base_dirs.get("per-file", ".")
        rel = os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")
        for i, entry in enumerate(self.settings.get("per-file") or []):
            globs = entry.get("files")
            globs = [globs] if isinstance(globs, str) else list(globs or [])
            if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(os.path.basename(path), g) for g in globs):
                resolved = dict(entry)
                if entry.get("ruleset"):
                    resolved["ruleset"] = _resolve_ref(entry["ruleset"], base)
                out.append((resolved, self.origins.get(f"per-file[{i}]", self.origins.get("per-file", ""))))
        return out


def _resolve_ref(ref, base: str | None):
    """A ruleset reference: packaged names stay names, paths become absolute."""
    if not ref:
        return None
    ref = str(ref)
    if base and (ref.endswith((".yaml", ".yml")) or "/" in ref or os.sep in ref):
        return ref if os.path.isabs(ref) else os.path.normpath(os.path.join(base, ref))
    return ref


def discover(start: str) -> str | None:
    """The nearest config file at or above ``start`` (a file or a folder)."""
    folder = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _has_tool_section(pyproject):
            return pyproject
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_tool_section(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as fh:
            return re.search(r"^\s*\[tool\.report-lint\]", fh.read(), re.M) is not None
    except OSError:
        return False


def load_config(path: str, _depth: int = 0, _seen: tuple[str, ...] = ()) -> Config:
    real = os.path.realpath(path)
    if real in _seen or _depth > MAX_EXTEND_DEPTH:
        chain = " → ".join([*_seen, real])
        raise UsageError(f"配置文件循环 extend：{chain}", f"config files extend each other in a cycle: {chain}")
    data, lines = _read(path)
    unknown = sorted(set(data) - KEYS)
    if unknown:
        where = _at(path, lines, unknown[0])
        raise UsageError(f"{where}: 未知的配置项“{unknown[0]}”（可用：{', '.join(sorted(KEYS))}）",
                         f"{where}: unknown setting '{unknown[0]}' (known: {', '.join(sorted(KEYS))})")
    _check_types(data, path, lines)
    _check_names(data, path, lines)
    base = os.path.dirname(os.path.abspath(path))
    config = Config()
    if data.get("extend"):
        parent_path = data["extend"] if os.path.isabs(data["extend"]) else os.path.join(base, data["extend"])
        if not os.path.isfile(parent_path):
            where = _at(path, lines, "extend")
            raise UsageError(f"{where}: extend: 找不到配置文件 {parent_path}", f"{where}: extend: no config file {parent_path}")
        config = load_config(parent_path, _depth + 1, _seen + (real,))
    for key, value in data.items():
        if key == "extend":
            continue
        config.settings[key] = value
        config.origins[key] = _at(path, lines, key)
        config.base_dirs[key] = base
        if key == "per-file":
            for i in range(len(value)):
                config.origins[f"per-file[{i}]"] = _at(path, lines, key, i)
    config.files = [path] + config.files
    return config


def _check_types(data: dict, path: str, lines: dict) -> None:
    expected = {"ruleset": str, "select": list, "ignore": list, "fail-on": str, "lang": str, "exclude": list,
                "per-file": list, "suppressions": bool, "extend": str, "organs": (dict, str), "hierarchy": dict,
                "limits": dict}
    for key, kind in expected.items():
        if key in data and not isinstance(data[key], kind):
            where = _at(path, lines, key)
            names = " / ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
            raise UsageError(f"{where}: {key} 的类型应为 {names}", f"{where}: {key} must be a {names}")
    if data.get("fail-on") not in (None, "error", "warning", "info"):
        raise UsageError(f"{_at(path, lines, 'fail-on')}: fail-on 应为 error、warning 或 info",
                         f"{_at(path, lines, 'fail-on')}: fail-on must be error, warning or info")
    if data.get("limits"):
        from .limits import LimitError, value_of

        for name, raw in data["limits"].items():
            try:
                value_of(name, raw)
            except LimitError as exc:
                where = _at(path, lines, "limits")
                raise UsageError(f"{where}: limits: {exc.zh}", f"{where}: limits: {exc.en}")
    if data.get("lang") not in (None, "zh", "en"):
        raise UsageError(f"{_at(path, lines, 'lang')}: lang 应为 zh 或 en", f"{_at(path, lines, 'lang')}: lang must be zh or en")
    for i, entry in enumerate(data.get("per-file") or []):
        if not isinstance(entry, dict) or "files" not in entry or set(entry) - {"files", "ruleset", "select", "ignore"}:
            where = _at(path, lines, "per-file", i)
            raise UsageError(f"{where}: per-file 的每一项需要 files，可含 ruleset、select、ignore",
                             f"{where}: each per-file entry needs files and may have ruleset, select, ignore")


def _check_names(data: dict, path: str, lines: dict) -> None:
    """``organs`` maps alias → name (or names a file that does); ``hierarchy`` maps a
    parent organ to the list of organs whose reports sum into its report."""
    organs = data.get("organs")
    if isinstance(organs, dict) and not all(isinstance(k, str) and isinstance(v, str) for k, v in organs.items()):
        where = _at(path, lines, "organs")
        raise UsageError(f"{where}: organs 应为“别名: 标准名称”的映射", f"{where}: organs maps alias: name (strings)")
    hierarchy = data.get("hierarchy") or {}
    if not all(isinstance(k, str) and isinstance(v, list) and all(isinstance(c, str) for c in v)
               for k, v in hierarchy.items()):
        where = _at(path, lines, "hierarchy")
        raise UsageError(f"{where}: hierarchy 应为“上级机关: [下级机关, …]”的映射",
                         f"{where}: hierarchy maps a parent organ to a list of child organs")
    if len(organs or {}) + sum(len(v) for v in hierarchy.values()) > MAX_ORGAN_NAMES:
        raise UsageError(f"{path}: 机关名称过多（上限 {MAX_ORGAN_NAMES}）", f"{path}: too many organ names (limit {MAX_ORGAN_NAMES})")


def load_organ_map(path: str) -> dict[str, str]:
    """An organ map file: a YAML mapping of alias → name, checked like a config file."""
    data, lines = _read(path)
    _check_names({"organs": data}, path, {("organs",): 1})
    return data


def _read(path: str) -> tuple[dict, dict]:
    """Settings and the line of each top-level key (and of each per-file entry)."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read(1_000_001)
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"无法读取配置文件 {path}：{exc}", f"cannot read config file {path}: {exc}")
    if len(text) > 1_000_000:
        raise UsageError(f"{path}: 配置文件过大", f"{path}: config file too large")
    if path.endswith(".toml"):
        return _read_toml(path, text)
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.load(text, Loader=yaml.SafeLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else path
        raise UsageError(f"{where}: YAML 语法错误", f"{where}: YAML syntax error: {getattr(exc, 'problem', exc)}")
    if not isinstance(data, dict):
        raise UsageError(f"{path}: 配置文件应为一个映射", f"{path}: a config file is a mapping")
    lines: dict = {}
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            lines[(k.value,)] = k.start_mark.line + 1
            if isinstance(v, yaml.SequenceNode):
                for i, item in enumerate(v.value):
                    lines[(k.value, i)] = item.start_mark.line + 1
    return data, lines


def _read_toml(path: str, text: str) -> tuple[dict, dict]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text).get("tool", {}).get("report-lint", {})
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: TOML 语法错误：{exc}", f"{path}: TOML syntax error: {exc}")
    lines: dict = {}
    in_section = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_section = stripped.startswith("[tool.report-lint")
            if stripped.startswith("[[tool.report-lint.per-file]]"):
                lines.setdefault(("per-file",), number)
                lines[("per-file", sum(1 for k in lines if k[0] == "per-file" and len(k) == 2))] = number
            continue
        m = re.match(r'^\s*"?([A-Za-z-]+)"?\s*=', line)
        if in_section and m:
            lines.setdefault((m.group(1),), number)
    return data, lines


def _at(path: str, lines: dict, key: str, index: int | None = None) -> str:
    line = lines.get((key, index)) if index is not None else None
    line = line or lines.get((key,))
    return f"{path}:{line}" if line else path


STARTER = """# report-lint configuration for {organ}
# Settings apply to the reports in this folder and below (the nearest file wins;
# use `extend: ../.report-lint.yaml` to build on a parent folder's file).

# The ruleset: a packaged name (report-lint rules --ruleset NAME lists its rules) or a
# YAML file of your own that `extends:` one.
ruleset: {ruleset}

# Rules or categories to leave out, e.g. heuristic warnings you do not want:
ignore: []
#  - consistency

# Exit with 1 from this severity on (error, warning or info).
fail-on: error

# Message language: zh or en.
lang: zh

# Paths to skip when linting a folder.
exclude: [drafts, "*.bak"]

# Settings for some files only (globs relative to this file):
per-file: []
#  - files: "2020/*"
#    ruleset: national-2019
#  - files: "*街道*"
#    ignore: [regulations-rule-making-power]

# Findings you have checked and accept go into a sidecar file next to the report,
# e.g. report.docx.suppress.yaml (see README). Set to false to ignore those files.
suppressions: true

# Cross-document checks pair each report with last year's report of the same organ.
# Names that differ beyond spacing, width and 人民政府/政府 are mapped here (or in a
# YAML file named here: organs: organs.yaml):
organs: {{}}
#  "示例市青禾区政府办": "示例市青禾区人民政府办公室"

# Which organs' reports sum into which (checked when all of them are linted together):
hierarchy: {{}}
#  "示例市青禾区人民政府": ["示例市青禾区教育局", "示例市青禾区卫生健康局"]
"""

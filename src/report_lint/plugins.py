"""Plugin loading: the built-in core plugins plus everything in the entry-point group.

Built-ins go through the same hooks as third-party plugins. Entry points are found by a
direct scan of ``*.dist-info/entry_points.txt`` on ``sys.path`` rather than through
``importlib.metadata``: importing that module costs about as much as the whole lint of a
text report (see benchmarks/startup.py). Each plugin loads in its own try/except, so a
broken one is reported on stderr and skipped.

``REPORT_LINT_PLUGINS`` narrows which third-party plugins load: a comma-separated list of
entry-point names, or empty for none. Built-ins of this distribution always load.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field

from .specs import CheckKind, FormatterSpec, ParserSpec, RulesetSpec

ENTRY_POINT_GROUP = "report_lint"
OWN_DISTRIBUTION = "report_lint"  # normalized

# Core modules that are plugins themselves, registered before any entry point.
DEFAULT_PLUGINS = (
    "report_lint.checks.arithmetic",
    "report_lint.checks.structure",
    "report_lint.checks.contact",
    "report_lint.checks.years",
    "report_lint.checks.consistency",
    "report_lint.checks.text",
    "report_lint.checks.pattern",
    "report_lint.checks.previous_year",
    "report_lint.checks.copied_text",
    "report_lint.checks.hierarchy",
    "report_lint.formatters.text",
    "report_lint.formatters.json",
    "report_lint.formatters.sarif",
    "report_lint.formatters.github",
    "report_lint.formatters.junit",
    "report_lint.formatters.csv",
    "report_lint.formatters.html",
)


@dataclass
class PluginInfo:
    name: str
    module: str
    distribution: str
    builtin: bool
    error: str | None = None


@dataclass
class Registry:
    """Everything the loaded plugins registered."""

    parsers: dict[str, ParserSpec] = field(default_factory=dict)
    check_kinds: dict[str, CheckKind] = field(default_factory=dict)
    formatters: dict[str, FormatterSpec] = field(default_factory=dict)
    rulesets: dict[str, RulesetSpec] = field(default_factory=dict)
    plugins: list[PluginInfo] = field(default_factory=list)
    owners: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, name) -> plugin

    def parser_for_suffix(self, suffix: str) -> ParserSpec | None:
        """The parser for a suffix; a third-party parser wins over a built-in one, so a
        plugin can take over a format (a converter for real .doc files, say)."""
        suffix = suffix.lower()
        builtin = {p.name for p in self.plugins if p.builtin}
        matches = [spec for spec in self.parsers.values() if suffix in spec.suffixes]
        matches.sort(key=lambda spec: self.owners.get(("parser", spec.name)) in builtin)
        return matches[0] if matches else None

    def sniff(self, head: bytes) -> ParserSpec | None:
        best, best_score = None, 0
        for spec in self.parsers.values():
            if spec.sniff is None:
                continue
            try:
                score = int(spec.sniff(head))
            except Exception:  # a broken sniffer must not stop the others
                score = 0
            if score > best_score:
                best, best_score = spec, score
        return best


@dataclass
class EntryPoint:
    name: str
    value: str
    distribution: str


_SECTION = re.compile(r"^\[(.+)\]\s*$")


def iter_entry_points(group: str = ENTRY_POINT_GROUP, path: list[str] | None = None) -> list[EntryPoint]:
    """Entry points of ``group`` from every distribution on ``sys.path`` (first wins)."""
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for base in path if path is not None else sys.path:
        try:
            entries = sorted(os.scandir(base or "."), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if not entry.name.endswith((".dist-info", ".egg-info")):
                continue
            dist = re.sub(r"[-_.]+", "_", entry.name.rsplit(".", 1)[0].split("-")[0]).lower()
            if dist in seen:
                continue
            seen.add(dist)
            try:
                with open(os.path.join(entry.path, "entry_points.txt"), encoding="utf-8") as fh:
                    lines = fh.read().splitlines()
            except OSError:
                continue
            current = None
            for line in lines:
                line = line.strip()
                if not line or line[0] in "#;":
                    continue
                m = _SECTION.match(line)
                if m:
                    current = m.group(1).strip()
                elif current == group and "=" in line:
                    name, value = (s.strip() for s in line.split("=", 1))
                    found.append(EntryPoint(name, value.split("[")[0].strip(), dist))
    return found


def _import_target(value: str):
    import importlib

    module_name, _, attr = value.partition(":")
    obj = importlib.import_module(module_name.strip())
    for part in filter(None, attr.strip().split(".")):
        obj = getattr(obj, part)
    return obj


_REGISTRY: Registry | None = None


def get_registry(reload: bool = False, warn=None) -> Registry:
    """Load all plugins once per process and return what they registered."""
    global _REGISTRY
    if _REGISTRY is not None and not reload:
        return _REGISTRY
    import pluggy

    from . import hookspecs

    warn = warn or (lambda msg: print(msg, file=sys.stderr))
    pm = pluggy.PluginManager("report_lint")
    pm.add_hookspecs(hookspecs)
    registry = Registry()

    for module_name in DEFAULT_PLUGINS:
        module = _import_target(module_name)
        pm.register(module, name=module_name)
        registry.plugins.append(PluginInfo(module_name, module_name, OWN_DISTRIBUTION, True))

    wanted = os.environ.get("REPORT_LINT_PLUGINS")
    allowed = None if wanted is None else {w.strip() for w in wanted.split(",") if w.strip()}
    for ep in iter_entry_points():
        builtin = ep.distribution == OWN_DISTRIBUTION
        if not builtin and allowed is not None and ep.name not in allowed:
            continue
        info = PluginInfo(ep.name, ep.value, ep.distribution, builtin)
        try:
            plugin = _import_target(ep.value)
            if pm.get_plugin(ep.name) is None and not pm.is_registered(plugin):
                pm.register(plugin, name=ep.name)
        except Exception as exc:  # noqa: BLE001 - any failure of a plugin is reported, not fatal
            info.error = f"{type(exc).__name__}: {exc}"
            warn(f"report-lint: 插件 {ep.name}（{ep.value}）加载失败，已跳过 / plugin failed to load, skipped: {info.error}")
        registry.plugins.append(info)

    _collect(pm, registry, warn)
    _REGISTRY = registry
    return registry


def _collect(pm, registry: Registry, warn) -> None:
    """Call each registration hook plugin by plugin, so errors name their plugin."""
    hooks = (
        ("parser", pm.hook.report_lint_register_parsers, registry.parsers),
        ("check kind", pm.hook.report_lint_register_check_kinds, registry.check_kinds),
        ("formatter", pm.hook.report_lint_register_formatters, registry.formatters),
        ("ruleset", pm.hook.report_lint_register_rulesets, registry.rulesets),
    )
    for label, hook, target in hooks:
        for impl in reversed(hook.get_hookimpls()):  # registration order
            plugin_name = impl.plugin_name

            def register(spec, _target=target, _label=label, _plugin=plugin_name):
                if spec.name in _target and registry.owners.get((_label, spec.name)) != _plugin:
                    warn(f"report-lint: {_label} “{spec.name}” 由 {_plugin} 覆盖 / overridden by {_plugin}")
                _target[spec.name] = spec
                registry.owners[(_label, spec.name)] = _plugin

            try:
                impl.function(register=register)
            except Exception as exc:  # noqa: BLE001
                warn(f"report-lint: 插件 {plugin_name} 注册失败 / plugin failed to register {label}s: {exc}")
                for info in registry.plugins:
                    if info.name == plugin_name and not info.error:
                        info.error = f"{type(exc).__name__}: {exc}"

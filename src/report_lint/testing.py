"""Rule test cases as data, for this project and for ruleset authors.

A case file is YAML::

    ruleset: national-2021          # a packaged name, or a YAML path relative to this file
    base: clean.txt                 # a clean report, relative to this file
    cases:
      - rule: t3-balance
        pass: [{}]                  # the base itself passes
        fail:
          - set: {requests.carried_forward.natural_person: 9}
            expect: {count: 1, key: requests.total_processed.natural_person}

Each case edits the base: ``replace`` (text substitutions, in order, each must occur),
``text`` (a whole report instead of the base), ``format`` (``txt`` or ``md``),
``set`` (table values after parsing), ``blank`` (a cell's raw text, value unreadable),
``drop`` (canonical keys or key prefixes made absent; a table dropped whole loses its location
too), ``marks`` (facts a parser adds:
tracked changes, comments), ``properties`` (document properties such as ``published``), ``year`` and
``organ`` (the report's own). Rules that compare reports take the related reports as
nested cases of the same form: ``previous`` (last year's report), ``children`` (a list)
and ``missing_children`` (names of children declared but absent). A ``fail`` case expects at least
one assessable finding of the rule (``expect`` narrows: ``count``, ``key``, ``line``,
``severity``, ``contains``, ``cannot_assess``); a ``pass`` case expects none.

Province packages run their own case files with ``run_case_file`` or parametrize
pytest with ``iter_cases``.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterator

from .report import Provenance, iter_table_keys


@dataclass
class Case:
    rule: str
    should_fail: bool
    spec: dict[str, Any]
    file: str
    ruleset: str
    base: str
    index: int = 0

    @property
    def id(self) -> str:
        return f"{self.rule}-{'fail' if self.should_fail else 'pass'}-{self.index}"


@dataclass
class Outcome:
    case: Case
    ok: bool
    detail: str = ""
    findings: list = field(default_factory=list)


def iter_cases(path: str) -> Iterator[Case]:
    import yaml

    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    here = os.path.dirname(os.path.abspath(path))
    ruleset = data.get("ruleset", "national-2021")
    if ruleset.endswith((".yaml", ".yml")):
        ruleset = os.path.join(here, ruleset)
    base = os.path.join(here, data.get("base", "clean.txt"))
    for entry in data["cases"]:
        for should_fail, key in ((False, "pass"), (True, "fail")):
            for i, spec in enumerate(entry.get(key) or []):
                yield Case(entry["rule"], should_fail, spec or {}, path, ruleset, spec.get("base") and
                           os.path.join(here, spec["base"]) or base, i)


def build_case_report(case: Case, registry):
    """The Report a case describes: the base edited as the case says."""
    from .lint import build_report

    spec = case.spec
    if "text" in spec:
        text = spec["text"]
    else:
        with open(case.base, encoding="utf-8") as fh:
            text = fh.read()
    for old, new in (spec.get("replace") or {}).items():
        if old not in text:
            raise AssertionError(f"{case.id}: text to replace not in the base: {old!r}")
        text = text.replace(old, new)
    suffix = "." + spec.get("format", os.path.splitext(case.base)[1].lstrip(".") or "txt")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "case" + suffix)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        report = build_report(registry, path)
    for key, value in (spec.get("set") or {}).items():
        _assign(report, key, None if value is None else Decimal(str(value)), str(value), "number")
    for key, raw in (spec.get("blank") or {}).items():
        _assign(report, key, None, raw, "dash" if raw.strip() in ("/", "-", "—") else ("blank" if not raw.strip() else "text"))
    report.properties.update({k: str(v) for k, v in (spec.get("properties") or {}).items()})
    if "year" in spec:
        report.year = spec["year"]
    if "organ" in spec:
        report.organ = spec["organ"]
    for mark in spec.get("marks") or []:
        from .location import Location
        from .report import Fact

        report.facts.append(Fact(mark["kind"], mark.get("text", ""), mark.get("text", ""),
                                 Location.from_dict(mark.get("location")), None,
                                 {"author": mark["author"]} if mark.get("author") else {}))
    for prefix in spec.get("drop") or []:
        for key in list(iter_table_keys(report.tables)):
            if key == prefix or key.startswith(prefix + "."):
                _assign(report, key, None, None, "missing")
        report.table_locations.pop(prefix, None)  # a whole table dropped is not on the page either
    return report


def _related(case: Case, registry):
    """The Related of a case that names ``previous``/``children``, else None."""
    from dataclasses import replace

    from .related import Missing, Related

    spec = case.spec
    if not any(k in spec for k in ("previous", "children", "missing_children")):
        return None

    def nested(sub: dict, name: str):
        sub = dict(sub or {})
        base = os.path.join(os.path.dirname(case.base), sub["base"]) if sub.get("base") else case.base
        report = build_case_report(replace(case, spec=sub, base=base), registry)
        report.source_path = name
        return report

    related = Related()
    if "previous" in spec:
        related.previous = nested(spec["previous"], "previous" + os.path.splitext(case.base)[1])
    if "children" in spec or "missing_children" in spec:
        related.children = [nested(c, f"child-{i}") for i, c in enumerate(spec.get("children") or [])]
        related.missing = [Missing(name, "缺失", "missing") for name in spec.get("missing_children") or []]
    return related


def _assign(report, key: str, value, raw, status: str) -> None:
    table, row, col = key.split(".")
    report.tables.setdefault(table, {}).setdefault(row, {})[col] = value
    old = report.provenance.get(key)
    report.provenance[key] = Provenance(raw, old.location if old else report.location_of(key), status)


def run_case(case: Case, registry=None) -> Outcome:
    from . import engine
    from .plugins import get_registry

    registry = registry or get_registry()
    from .ruleset import resolve

    ruleset = resolve(registry, case.ruleset)
    if ruleset.rule(case.rule) is None:
        return Outcome(case, False, f"rule {case.rule} is not in ruleset {ruleset.name}")
    report = build_case_report(case, registry)
    related = _related(case, registry)
    if related is None:
        findings = engine.run(report, ruleset, registry, select={case.rule})
    else:
        findings = engine.run_related(report, related, ruleset, registry, select={case.rule})
    findings = [f for f in findings if f.rule == case.rule]
    expect = case.spec.get("expect") or {}
    if expect.get("cannot_assess"):
        got = [f for f in findings if not f.assessable]
        ok = bool(got) and all(f.severity == "info" for f in got) and not [f for f in findings if f.assessable]
        return Outcome(case, ok, "" if ok else f"expected only 'cannot assess' findings, got {_show(findings)}", findings)
    real = [f for f in findings if f.assessable]
    if not case.should_fail:
        return Outcome(case, not real, "" if not real else f"expected no finding, got {_show(real)}", findings)
    problems = []
    if not real:
        problems.append("expected a finding, got none")
    if "count" in expect and len(real) != expect["count"]:
        problems.append(f"expected {expect['count']} finding(s), got {len(real)}")
    for name, attr in (("key", lambda f: f.key), ("line", lambda f: f.location.line), ("severity", lambda f: f.severity)):
        if name in expect and not any(attr(f) == expect[name] for f in real):
            problems.append(f"no finding with {name}={expect[name]!r}")
    if "contains" in expect and not any(str(expect["contains"]) in f.message_zh or str(expect["contains"]) in f.message_en
                                        for f in real):
        problems.append(f"no message contains {expect['contains']!r}")
    detail = "; ".join(problems) + (f" — findings: {_show(real)}" if problems else "")
    return Outcome(case, not problems, detail, findings)


def run_case_file(path: str, registry=None) -> list[Outcome]:
    return [run_case(c, registry) for c in iter_cases(path)]


def _show(findings) -> str:
    return "; ".join(f"{f.location.short()} {f.severity} {f.key} {f.message_en}" for f in findings[:5]) or "none"

"""Check kinds that compare a report with last year's report of the same organ.

``previous_identity`` is the arithmetic ``identity`` with one more namespace: a path
starting ``previous.`` reads last year's report, so the carry-over chain and the stock
roll-forward are ordinary YAML rules a province can tune.
"""

from __future__ import annotations

from decimal import Decimal

from ..hookspecs import hookimpl
from ..location import Location
from ..report import Report
from ..specs import CheckKind
from . import cell_keys, key_label
from .arithmetic import _IDENTITY_SCHEMA, keyed_schema, run_identity

PREFIX = "previous."


class PairView:
    """This year's report with last year's values under ``previous.``: the interface
    ``run_identity`` reads (value, cell_status, provenance, location_of)."""

    def __init__(self, report: Report, previous: Report):
        self.report, self.previous = report, previous
        self.provenance = _Provenance(report, previous)

    def _side(self, key: str) -> tuple[Report, str]:
        if key.startswith(PREFIX):
            return self.previous, key[len(PREFIX):]
        return self.report, key

    def value(self, key: str):
        side, own = self._side(key)
        return side.value(own)

    def cell_status(self, key: str) -> str:
        side, own = self._side(key)
        return side.cell_status(own)

    def location_of(self, key: str) -> Location:
        side, own = self._side(key)
        return side.location_of(own)


class _Provenance:
    def __init__(self, report: Report, previous: Report):
        self.report, self.previous = report, previous

    def get(self, key: str, default=None):
        if key.startswith(PREFIX):
            return self.previous.provenance.get(key[len(PREFIX):], default)
        return self.report.provenance.get(key, default)


def previous_pointers(previous: Report, keys) -> list[dict]:
    """``Finding.related`` entries for the ``previous.`` keys among ``keys``."""
    from ..related import pointer  # the cross-document modules load only when reports are compared

    out = []
    for key in dict.fromkeys(keys):
        if key.startswith(PREFIX):
            own = key[len(PREFIX):]
            out.append(pointer(previous, previous.location_of(own), f"上一年度报告：{own}", f"last year's report: {own}"))
    return out


def run_previous_identity(rule, report, related):
    previous = related.previous
    for finding in run_identity(rule, PairView(report, previous), {"previous_year": previous.year}):
        finding.related = previous_pointers(previous, finding.cells)
        yield finding


def run_year_sequence(rule, report, related):
    """Last year's report is for exactly the year before (``gap``, default 1)."""
    from ..related import pointer

    previous = related.previous
    gap = int(rule.params.get("gap", 1))
    here = pointer(previous, previous.title.location if previous.title else Location(), "上一年度报告", "last year's report")
    if report.year is None or previous.year is None:
        unknown = [("year", None)] if report.year is None else [(f"{PREFIX}year", None)]
        finding = rule.cannot_assess(unknown, report.title.location if report.title else None, key="year")
        finding.related = [here]
        yield finding
        return
    if report.year - previous.year != gap:
        finding = rule.finding({"year": report.year, "previous_year": previous.year, "previous_file": previous.source_path,
                                "expected": report.year - gap},
                               report.title.location if report.title else None, key="year",
                               expected=report.year - gap, found=previous.year)
        finding.related = [here]
        yield finding


def run_year_on_year(rule, report, related):
    """A count that grew or shrank by more than ``factor`` since last year, for a reviewer
    to look at (both values readable, the larger at least ``min_value``)."""
    p = rule.params
    previous = related.previous
    factor = Decimal(str(p.get("factor", 5)))
    floor = Decimal(str(p.get("min_value", 10)))
    for _, key in cell_keys(p, rule.lists):
        now, before = report.value(key), previous.value(key)
        if now is None or before is None:
            continue
        low, high = min(now, before), max(now, before)
        if high < floor or (low > 0 and high <= low * factor):
            continue
        ratio = "∞" if low == 0 else f"{high / low:.1f}"
        finding = rule.finding({"cell": key_label(rule, key), "key": key, "now": now, "before": before,
                                "ratio": ratio, "factor": factor, "previous_year": previous.year},
                               report.location_of(key), key=key, expected=before, found=now)
        finding.cells = [key, PREFIX + key]
        finding.related = previous_pointers(previous, finding.cells)
        yield finding


_SEQUENCE_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"gap": {"type": "integer", "minimum": 1, "maximum": 10}},
}

_YOY_SCHEMA = keyed_schema(factor={"type": "number", "exclusiveMinimum": 1}, min_value={"type": "number", "minimum": 0})


@hookimpl
def report_lint_register_check_kinds(register):
    register(CheckKind("previous_identity", run_previous_identity, _IDENTITY_SCHEMA,
                       "本年与上一年度报告之间的等式（previous. 前缀取上年值）/ "
                       "an identity between this year's and last year's report (previous. reads last year)",
                       needs="previous"))
    register(CheckKind("year_sequence", run_year_sequence, _SEQUENCE_SCHEMA,
                       "上一年度报告的年度恰为上一年 / last year's report is for the year before",
                       needs="previous"))
    register(CheckKind("year_on_year", run_year_on_year, _YOY_SCHEMA,
                       "与上年相比变化超过倍数的数值 / values that changed by more than a factor since last year",
                       needs="previous"))

"""Families of fictional reports for the cross-document rules: a parent organ and its
children over two consecutive years, consistent across years (carry-over chain, stock
roll-forward) and across the hierarchy (the parent is the sum of its children), with
narratives that do not repeat last year's; then the planted faults.

Planted, by ``make_family(plant=True)``:

- the first child's second-year report copies its first-year narrative (figures aside);
- the second child's second-year report carries over one application more than its
  first-year report carried forward (its own table still balances). The parent sums
  its children, so its carry-over breaks too: that finding is a consequence, expected.
"""

from __future__ import annotations

import copy
import os
import random
from dataclasses import dataclass, field
from decimal import Decimal

from factory import APPLICANT_COLUMNS, REQUEST_ROWS, consistent_tables, make_report, render_text

from report_lint.similarity import coverage, grams, normalize

PARENT = "示例市澄川区人民政府"
CHILDREN = ("示例市澄川区教育局", "示例市澄川区民政局", "示例市澄川区卫生健康局")
YOY_KEYS = (
    ("requests", "new_received", "total"), ("requests", "carried_over", "total"),
    ("requests", "total_processed", "total"), ("requests", "carried_forward", "total"),
    ("requests", "granted", "total"), ("requests", "unable_not_held", "total"),
    ("active_disclosure", "normative_documents", "issued"), ("active_disclosure", "normative_documents", "in_force"),
    ("active_disclosure", "licensing", "decisions"), ("active_disclosure", "penalties", "decisions"),
    ("active_disclosure", "coercion", "decisions"), ("active_disclosure", "fees", "amount"),
    ("review_litigation", "review", "total"), ("review_litigation", "litigation_direct", "total"),
    ("review_litigation", "litigation_after_review", "total"),
)


@dataclass
class Family:
    year: int  # the second year; the first is year - 1
    reports: dict[tuple[str, int], object] = field(default_factory=dict)  # (organ, year) -> FictionalReport
    planted: set[tuple[str, int, str]] = field(default_factory=set)  # (organ, year, rule)

    def write(self, folder: str, organs=None, years=None) -> dict[tuple[str, int], str]:
        """Render each report as text into ``folder``; paths by (organ, year)."""
        os.makedirs(folder, exist_ok=True)
        paths = {}
        for (organ, year), report in self.reports.items():
            if (organs is None or organ in organs) and (years is None or year in years):
                path = os.path.join(folder, f"{organ}{year}年度报告.txt")
                with open(path, "w", encoding="utf-8") as fh:
                    fh.write(render_text(report))
                paths[(organ, year)] = path
        return paths


def _roll_forward(before: dict, rnd: random.Random) -> dict:
    """Next year's tables: fresh activity, last year's carried-forward carried over and
    last year's stock rolled forward, every identity of the year still holding."""
    for attempt in range(200):
        after = consistent_tables(rnd, rule_making=False)
        req = after["requests"]
        for col in APPLICANT_COLUMNS:
            over = before["requests"]["carried_forward"][col]
            req["carried_over"][col] = over
            new = req["total_processed"][col] + req["carried_forward"][col] - over
            if new < 0:  # more carried in than processed and forwarded: process them
                req["granted"][col] -= new
                req["total_processed"][col] -= new
                new = 0
            req["new_received"][col] = new
        for row in REQUEST_ROWS:
            req[row]["total"] = sum(req[row][c] for c in APPLICANT_COLUMNS)
        for kind in ("regulations", "normative_documents"):
            stock = after["active_disclosure"][kind]
            stock["repealed"] = min(stock["repealed"], before["active_disclosure"][kind]["in_force"])
            stock["in_force"] = before["active_disclosure"][kind]["in_force"] + stock["issued"] - stock["repealed"]
        if not _jumps(before, after):
            return after
    raise AssertionError("no calm year found")  # pragma: no cover - 200 tries always suffice


def _jumps(before: dict, after: dict, factor: int = 5, floor: int = 10) -> bool:
    """Whether a value the year-on-year rule watches changed more than ``factor``-fold."""
    for table, row, col in YOY_KEYS:
        a, b = before[table][row][col], after[table][row][col]
        low, high = min(a, b), max(a, b)
        if high >= floor and (low == 0 or high > low * factor):
            return True
    return False


def _sum(tables: list[dict]) -> dict:
    out = copy.deepcopy(tables[0])

    def add(node, others):
        for k, v in node.items():
            if isinstance(v, dict):
                add(v, [o[k] for o in others])
            else:
                node[k] = sum((o[k] for o in others), Decimal(0) if isinstance(v, Decimal) else 0)

    add(out, tables)
    return out


def _share_copied(this, last) -> float:
    mine = normalize([p for n in (1, 5, 6) for p in this.sections_text.get(n, [])])
    theirs = normalize([p for n in (1, 5, 6) for p in last.sections_text.get(n, [])])
    covered, _ = coverage(mine.text, grams(theirs.text, 8), 8)
    return covered / max(1, len(mine.text))


def _report(seed: int, organ: str, year: int, tables: dict, last=None):
    """A clean report; with ``last``, one whose narrative differs from it (the factory's
    phrase pool is small, so seeds are tried until under a third is shared)."""
    for attempt in range(400):
        report = make_report(seed * 1000 + attempt, organ=organ, year=year, tables=tables)
        if last is None or _share_copied(report, last) < 0.3:
            report.seed = seed * 1000 + attempt  # so that a copy can be made of it
            return report
    raise AssertionError("no distinct narrative found")  # pragma: no cover


def make_family(seed: int = 0, year: int = 2024, plant: bool = True) -> Family:
    rnd = random.Random(seed)
    family = Family(year)
    first = {c: consistent_tables(rnd, rule_making=False) for c in CHILDREN}
    for attempt in range(200):  # the parent, as the sum, must not jump either
        second = {c: _roll_forward(first[c], rnd) for c in CHILDREN}
        if not _jumps(_sum(list(first.values())), _sum(list(second.values()))):
            break
    if plant:
        broken = second[CHILDREN[1]]["requests"]
        col = next(c for c in APPLICANT_COLUMNS if broken["new_received"][c] > 0)
        broken["carried_over"][col] += 1  # one more carried in than last year carried out
        broken["new_received"][col] -= 1  # the year's own balance still holds
        for row in ("carried_over", "new_received"):
            broken[row]["total"] = sum(broken[row][c] for c in APPLICANT_COLUMNS)
    for i, child in enumerate(CHILDREN):
        last = _report(seed * 10 + i, child, year - 1, first[child])
        family.reports[(child, year - 1)] = last
        if plant and i == 0:  # the copy: same phrases (the factory's text seed), this year's figures
            this = make_report(last.seed, organ=child, year=year, tables=second[child])
        else:
            this = _report(seed * 10 + i + 5, child, year, second[child], last)
        family.reports[(child, year)] = this
    parent_last = _report(seed * 10 + 8, PARENT, year - 1, _sum([first[c] for c in CHILDREN]))
    family.reports[(PARENT, year - 1)] = parent_last
    family.reports[(PARENT, year)] = _report(seed * 10 + 9, PARENT, year, _sum([second[c] for c in CHILDREN]),
                                             parent_last)
    if plant:
        family.planted = {(CHILDREN[0], year, "cross-copied-text"), (CHILDREN[1], year, "cross-carry-over"),
                          (PARENT, year, "cross-carry-over")}
    return family


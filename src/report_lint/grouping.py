"""Which reports of a batch are related: last year's report of the same organ, and the
reports that sum into a parent's.

Reports pair by organ name (normalized, see ``organs``) and year. Whatever is not
certain is reported, never guessed: two reports for one organ and year pair with
nothing, and the reviewer is told which.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .organs import organ_key
from .related import Missing, Packed, Related, unpacked
from .report import Report


@dataclass
class Entry:
    """A report of the batch (or of the context: ``--previous``, ``--children``)."""

    index: int
    path: str
    report: Report | Packed | None
    key: str | None = None
    year: int | None = None
    error: tuple[str, str] | None = None  # why the report could not be read (zh, en)

    def full(self) -> Report:
        """The report itself: unpacked each time, so that a batch holds at most the few
        reports one file's rules compare."""
        return unpacked(self.report)


def entries(results, aliases: dict[str, str] | None = None, start: int = 0) -> list[Entry]:
    out = []
    for i, result in enumerate(results, start):
        report = result.report
        error = (result.error.zh, result.error.en) if result.error is not None else None
        out.append(Entry(i, result.path, report, organ_key(report.organ, aliases) if report else None,
                         report.year if report else None, error))
    return out


@dataclass
class Problem:
    """Why a report was not paired: shown to the reviewer as a ``pairing-problem``."""

    zh: str
    en: str


@dataclass
class Link:
    """What one report is related to, as entries (unpacked only when its rules run)."""

    previous: Entry | None = None
    children: list[Entry] | None = None
    missing: list[Missing] = field(default_factory=list)

    def related(self) -> Related:
        return Related(self.previous.full() if self.previous else None,
                       None if self.children is None else [c.full() for c in self.children], self.missing)


@dataclass
class Links:
    links: dict[int, Link] = field(default_factory=dict)
    problems: dict[int, list[Problem]] = field(default_factory=lambda: defaultdict(list))

    def of(self, index: int) -> Link:
        if index not in self.links:
            self.links[index] = Link()
        return self.links[index]


def pair_by_organ(batch: list[Entry], links: Links) -> None:
    """Each report with the one report of its organ for the year before, where unique."""
    groups: dict[tuple[str, int], list[Entry]] = defaultdict(list)
    for e in batch:
        if e.report is not None and e.key and e.year is not None:
            groups[(e.key, e.year)].append(e)
    for (key, year), members in groups.items():
        if len(members) > 1:
            names = "、".join(m.path for m in members)
            for m in members:
                links.problems[m.index].append(Problem(
                    f"本批次中有 {len(members)} 份“{key}”{year} 年度报告（{names}），无法确定对应关系，未与其他年度比对",
                    f"{len(members)} reports of '{key}' for {year} in this batch ({names}); "
                    f"not compared with other years"))
            continue
        before = groups.get((key, year - 1))
        if before and len(before) == 1 and links.of(members[0].index).previous is None:
            links.of(members[0].index).previous = before[0]


def pair_explicitly(batch: list[Entry], previous: Entry, links: Links) -> None:
    """``--previous FILE``: that report is last year's for every report of the batch."""
    for e in batch:
        if e.report is not None and previous.report is not None:
            links.of(e.index).previous = previous


def children_from_folder(parents: list[Entry], candidates: list[Entry], links: Links) -> None:
    """``--children DIR``: the readable reports of DIR for the parent's year sum into it;
    an unreadable one, or one whose year is unknown, makes the sum unjudgeable."""
    for parent in parents:
        if parent.report is None:
            continue
        link = links.of(parent.index)
        link.children = []
        for c in candidates:
            if _same_file(c.path, parent.path):
                continue  # the parent kept in its children's folder is not its own child
            if c.error is not None:
                link.missing.append(Missing(c.path, c.error[0], c.error[1]))
            elif c.year is None:
                link.missing.append(Missing(c.path, "无法确定报告年度", "the report's year is unknown"))
            elif c.year == parent.year:
                link.children.append(c)
        if not link.children and not link.missing:
            links.problems[parent.index].append(Problem(
                f"下级报告文件夹中没有 {parent.year} 年度的报告，未核对合计",
                f"no child report for {parent.year} in the children folder; sums not checked"))


def _same_file(a: str, b: str) -> bool:
    import os

    return "://" not in a + b and os.path.realpath(a) == os.path.realpath(b)


def children_declared(batch: list[Entry], hierarchy: dict[str, list[str]], aliases: dict[str, str] | None,
                      links: Links) -> None:
    """A declared hierarchy (config ``hierarchy``): each parent organ's report sums the
    reports of its child organs for the same year, all of which must be in the batch."""
    by_key: dict[tuple[str, int], list[Entry]] = defaultdict(list)
    for e in batch:
        if e.report is not None and e.key and e.year is not None:
            by_key[(e.key, e.year)].append(e)
    for parent_name, child_names in hierarchy.items():
        parent_key = organ_key(parent_name, aliases)
        for parent in (e for e in batch if e.key == parent_key and e.year is not None):
            link = links.of(parent.index)
            link.children = []
            for name in child_names:
                found = by_key.get((organ_key(name, aliases), parent.year), [])
                if len(found) == 1:
                    link.children.append(found[0])
                elif not found:
                    link.missing.append(Missing(name, f"本批次中没有其 {parent.year} 年度报告",
                                                   f"no report of it for {parent.year} in this batch"))
                else:
                    link.missing.append(Missing(name, f"本批次中有 {len(found)} 份其 {parent.year} 年度报告，无法确定",
                                                   f"{len(found)} reports of it for {parent.year} in this batch"))

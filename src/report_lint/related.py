"""What a cross-document rule receives besides its own report: last year's report of the
same organ, and the reports that sum into it.

A batch keeps every report until all are read, so what it keeps is slimmed to what
these rules read (tables with their provenance, the narrative, organ and year) and
packed: about 6 KB a report rather than 150 KB as objects, so a run over thousands of
files stays small; only the reports that are related are unpacked (about 1 ms each).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .location import Location
from .report import Report


@dataclass
class Missing:
    """A report that was expected (a declared child) but is absent or unreadable."""

    name: str
    reason_zh: str
    reason_en: str


@dataclass
class Related:
    """``previous``: last year's report, or None when not known. ``children``: None when
    no hierarchy is declared for this report; else the children present, with
    ``missing`` naming those expected but absent (a sum is then not judged)."""

    previous: Report | None = None
    children: list[Report] | None = None
    missing: list[Missing] = field(default_factory=list)

    def has(self, need: str | None) -> bool:
        if need == "previous":
            return self.previous is not None
        if need == "children":
            return self.children is not None
        return need is None


def slim(report: Report) -> Report:
    """A copy with only what cross-document rules read; facts, sections and problems go."""
    return Report(
        source_path=report.source_path,
        source_format=report.source_format,
        template_version=report.template_version,
        title=report.title,
        organ=report.organ,
        year=report.year,
        year_source=report.year_source,
        texts=[t for t in report.texts or [] if t.kind == "paragraph"] if report.texts is not None else None,
        tables=report.tables,
        table_locations=report.table_locations,
        provenance=report.provenance,
    )


def pointer(report: Report, location: Location, zh: str, en: str) -> dict:
    """An entry of ``Finding.related``: a place in another report, with a note."""
    return {"file": report.source_path, "location": location.to_dict(), "note": {"zh": zh, "en": en}}


class Packed:
    """A slimmed report, compressed, with what grouping reads (organ, year) at hand.

    Only ever built by this process or its forked workers from their own Report, so
    unpickling it trusts nothing from outside."""

    __slots__ = ("organ", "year", "source_path", "blob")

    def __init__(self, report: Report):
        import pickle  # here, not at import: check kinds import this module at start-up
        import zlib

        self.organ, self.year, self.source_path = report.organ, report.year, report.source_path
        self.blob = zlib.compress(pickle.dumps(slim(report), protocol=pickle.HIGHEST_PROTOCOL), 1)

    def unpack(self) -> Report:
        import pickle
        import zlib

        return pickle.loads(zlib.decompress(self.blob))


def unpacked(report: "Report | Packed") -> Report:
    return report.unpack() if isinstance(report, Packed) else report

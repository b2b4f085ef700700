"""The canonical Report: what the interpreter understood, as plain JSON.

``tables`` follows the fixed public keys of the canonical contract; everything else
(sections, texts, facts, provenance) is this project's own, documented by
``schemas/report.schema.json``. A field that is ``None`` means *not known* (for example
a canonical JSON built from a database carries no sections), which rules must treat as
"cannot assess", never as "missing".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable, Iterator

from .location import Location
from .numbers import to_json_number

SCHEMA_VERSION = "1.0"


@dataclass(eq=False)  # compared by content nowhere; cheaper to define
class Provenance:
    """What a table cell really said and where: travels beside the value."""

    raw: str | None
    location: Location = field(default_factory=Location)
    status: str = "number"  # number | annotated | blank | dash | text | missing
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"raw": self.raw, "status": self.status, "location": self.location.to_dict()}
        if self.note:
            out["note"] = self.note
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Provenance":
        return cls(d.get("raw"), Location.from_dict(d.get("location")), d.get("status", "number"), d.get("note"))


@dataclass(eq=False)  # compared by content nowhere; cheaper to define
class TextBlock:
    """A heading or paragraph of the body, with the section it belongs to."""

    text: str
    location: Location = field(default_factory=Location)
    kind: str = "paragraph"  # title | heading | paragraph
    section: int | None = None  # 1..6, None before the first section
    # (offset in text, source line) when the block was joined from several lines
    line_offsets: list[tuple[int, int]] | None = None

    @property
    def folded(self) -> str:
        """The text width-folded (see interpret.template.fold_width), computed once."""
        cached = self.__dict__.get("_folded")
        if cached is None or cached[0] is not self.text:
            from .interpret.template import fold_width

            cached = self.__dict__["_folded"] = (self.text, fold_width(self.text))
        return cached[1]

    def location_at(self, offset: int) -> Location:
        """The location of a character of the text: exact line and column where known."""
        loc = self.location
        if self.line_offsets:
            start, line = self.line_offsets[0]
            for off, ln in self.line_offsets:
                if off <= offset:
                    start, line = off, ln
            return Location(line=line, column=offset - start + 1, page=loc.page, paragraph=loc.paragraph, path=loc.path)
        if loc.path is not None:
            return loc  # markup (a web page): an offset in the element's text is no column of its source line
        if (loc.line is not None or loc.paragraph is not None) and not loc.end_line:
            # a block that starts inside a line (a run-in heading split out) counts from its own column
            return Location(line=loc.line, column=(loc.column or 1) + offset, page=loc.page, paragraph=loc.paragraph,
                            path=loc.path, table=loc.table, row=loc.row, col=loc.col)
        return loc

    def to_dict(self) -> dict[str, Any]:
        out = {"text": self.text, "kind": self.kind, "section": self.section, "location": self.location.to_dict()}
        if self.line_offsets:
            out["line_offsets"] = [list(p) for p in self.line_offsets]
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "TextBlock":
        offsets = d.get("line_offsets")
        return cls(d["text"], Location.from_dict(d.get("location")), d.get("kind", "paragraph"), d.get("section"),
                   [tuple(p) for p in offsets] if offsets else None)


@dataclass(eq=False)  # compared by content nowhere; cheaper to define
class Section:
    """One of the six template sections as found in the report."""

    index: int  # 1..6 in template order
    found: bool
    heading: str | None = None  # as printed, numbering included
    numbering: str | None = None  # "一、", "1、", "5." … as printed
    numeral: int | None = None  # the number the numbering says
    style: str | None = None  # chinese | arabic | none
    title: str | None = None  # heading without numbering
    match: str | None = None  # exact | variant | fuzzy
    location: Location = field(default_factory=Location)

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k != "location"}
        out["location"] = self.location.to_dict()
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Section":
        kw = {k: d.get(k) for k in ("index", "found", "heading", "numbering", "numeral", "style", "title", "match")}
        kw["found"] = bool(kw["found"])
        return cls(location=Location.from_dict(d.get("location")), **kw)


@dataclass(eq=False)  # compared by content nowhere; cheaper to define
class Fact:
    """Something stated in the text: a contact item, a narrative number, a citation,
    a date. ``kind`` names it; ``value`` is its normalized value."""

    kind: str
    value: Any
    text: str
    location: Location = field(default_factory=Location)
    section: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = {"kind": self.kind, "value": self.value, "text": self.text, "section": self.section,
               "location": self.location.to_dict()}
        if self.extra:
            out["extra"] = self.extra
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Fact":
        return cls(d["kind"], d.get("value"), d.get("text", ""), Location.from_dict(d.get("location")),
                   d.get("section"), d.get("extra") or {})


@dataclass(eq=False)  # compared by content nowhere; cheaper to define
class Report:
    source_path: str = ""
    source_format: str = ""
    template_version: str | None = None
    template_evidence: list[str] = field(default_factory=list)
    title: TextBlock | None = None
    organ: str | None = None
    year: int | None = None
    year_source: str | None = None
    period: dict[str, Any] | None = None  # start, end (ISO), text, location
    sections: list[Section] | None = None
    texts: list[TextBlock] | None = None
    tables: dict[str, Any] = field(default_factory=dict)
    table_locations: dict[str, Location] = field(default_factory=dict)
    provenance: dict[str, Provenance] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)
    problems: list[dict[str, Any]] = field(default_factory=list)

    # -- table access -------------------------------------------------------------
    def value(self, key: str) -> Decimal | None:
        """The value at a dotted canonical key (``requests.granted.total``). Memoized
        while rules run (the engine starts each run with a fresh ``ValueMemo``)."""
        memo = self.__dict__.get("_values")
        if memo is None:
            return self._lookup(key)
        return memo[key]

    def reader(self) -> Callable[[str], Decimal | None]:
        """``value`` as the cheapest callable at hand: while rules run, the run's memo
        itself (a rule reading hundreds of cells saves a method call on each)."""
        memo = self.__dict__.get("_values")
        return self.value if memo is None else memo.__getitem__

    def _lookup(self, key: str) -> Decimal | None:
        node: Any = self.tables
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return _number(node)

    def has_key(self, key: str) -> bool:
        node: Any = self.tables
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return False
            node = node[part]
        return not isinstance(node, dict)

    def cell_status(self, key: str) -> str:
        """number | annotated | blank | dash | text | missing, for a canonical key."""
        prov = self.provenance.get(key)
        if prov is not None:
            return prov.status
        if not self.has_key(key):
            return "missing"
        return "number" if self.value(key) is not None else "blank"

    def cell_statuses(self, keys: list[str]) -> list[str]:
        """``cell_status`` of each of ``keys``, in one call (rules ask it of whole tables)."""
        provenance = self.provenance
        return [prov.status if (prov := provenance.get(key)) is not None else self.cell_status(key)
                for key in keys]

    def location_of(self, key: str) -> Location:
        prov = self.provenance.get(key)
        if prov is not None and prov.location:
            return prov.location
        return self.table_locations.get(key.split(".")[0], Location())

    def section(self, index: int) -> Section | None:
        for s in self.sections or []:
            if s.index == index:
                return s
        return None

    def facts_of(self, kind: str) -> Iterator[Fact]:
        return (f for f in self.facts if f.kind == kind)

    # -- JSON -----------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "source": {"path": self.source_path, "format": self.source_format},
            "template": {"version": self.template_version, "evidence": self.template_evidence},
            "title": self.title.to_dict() if self.title else None,
            "organ": self.organ,
            "year": self.year,
            "year_source": self.year_source,
            "period": self.period,
            "sections": None if self.sections is None else [s.to_dict() for s in self.sections],
            "tables": _tables_to_json(self.tables),
            "table_locations": {k: v.to_dict() for k, v in self.table_locations.items()},
            "provenance": {k: v.to_dict() for k, v in self.provenance.items()},
            "facts": [f.to_dict() for f in self.facts],
            "texts": None if self.texts is None else [t.to_dict() for t in self.texts],
            "properties": self.properties,
            "problems": self.problems,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Report":
        """Build from canonical JSON already validated against the schema."""
        src = data.get("source") or {}
        tmpl = data.get("template") or {}
        return cls(
            source_path=src.get("path", ""),
            source_format=src.get("format", "json"),
            template_version=tmpl.get("version", "2021"),
            template_evidence=list(tmpl.get("evidence") or []),
            title=TextBlock.from_dict(data["title"]) if data.get("title") else None,
            organ=data.get("organ"),
            year=data.get("year"),
            year_source=data.get("year_source"),
            period=data.get("period"),
            sections=None if data.get("sections") is None else [Section.from_dict(s) for s in data["sections"]],
            texts=None if data.get("texts") is None else [TextBlock.from_dict(t) for t in data["texts"]],
            tables=_tables_from_json(data.get("tables") or {}),
            table_locations={k: Location.from_dict(v) for k, v in (data.get("table_locations") or {}).items()},
            provenance={k: Provenance.from_dict(v) for k, v in (data.get("provenance") or {}).items()},
            facts=[Fact.from_dict(f) for f in data.get("facts") or []],
            properties=dict(data.get("properties") or {}),
            problems=list(data.get("problems") or []),
        )


class ValueMemo(dict):
    """``Report.value`` memo for one engine run: a hit is a plain dict lookup. The
    cells of the tables (``kind.row.col``) are entered up front, in one walk, since the
    rules read nearly all of them; any other key is read once, on its first miss."""

    __slots__ = ("report",)

    def __init__(self, report: "Report"):
        super().__init__()
        self.report = report
        if isinstance(report.tables, dict):
            self._enter(report.tables, "", 3)

    def _enter(self, node: dict, prefix: str, depth: int) -> None:
        """Each leaf of ``node`` under the dotted key ``_lookup`` would walk to it (a
        name containing a dot cannot be walked to, so it is left to ``_lookup``)."""
        for name, child in node.items():
            if type(name) is not str or "." in name:
                continue
            if isinstance(child, dict):
                if depth > 1:
                    self._enter(child, f"{prefix}{name}.", depth - 1)
            elif child is None or type(child) is Decimal:  # most cells: as _number would give them
                self[prefix + name] = child
            else:
                self[prefix + name] = _number(child)

    def __missing__(self, key: str) -> Decimal | None:
        value = self[key] = self.report._lookup(key)
        return value


def _number(node: Any) -> Decimal | None:
    """A table leaf as a value: numbers as exact decimals, anything else unknown."""
    if type(node) is Decimal:  # what the interpreter and from_json store
        return node
    if isinstance(node, bool) or not isinstance(node, (int, float, Decimal)):
        return None
    return node if isinstance(node, Decimal) else Decimal(str(node))


def _tables_to_json(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _tables_to_json(v) for k, v in node.items()}
    if isinstance(node, Decimal):
        return to_json_number(node)
    return node


def _tables_from_json(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _tables_from_json(v) for k, v in node.items()}
    if isinstance(node, bool):
        return node
    if isinstance(node, (int, float)):
        return Decimal(str(node))
    return node


def iter_table_keys(tables: dict[str, Any], prefix: str = "") -> Iterator[str]:
    """Every leaf key of a tables mapping, dotted."""
    for k, v in tables.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            yield from iter_table_keys(v, key + ".")
        else:
            yield key

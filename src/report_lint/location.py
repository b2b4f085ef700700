"""Source locations shared by the Document, the Report and findings.

One small value type so that every layer (parser, interpreter, rule, formatter) points
at the same place in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

_ORDER = ("page", "line", "column", "paragraph", "table", "row", "col", "path")


@dataclass(frozen=True, init=False)
class Location:
    """Where something is in the source. Every field is optional; parsers fill what
    their format knows (text: line; docx: paragraph or table/row/col; PDF: page)."""

    line: int | None = None
    end_line: int | None = None
    column: int | None = None
    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    path: str | None = None
    bbox: tuple[float, float, float, float] | None = None

    def __init__(self, line: int | None = None, end_line: int | None = None, column: int | None = None,
                 page: int | None = None, paragraph: int | None = None, table: int | None = None,
                 row: int | None = None, col: int | None = None, path: str | None = None,
                 bbox: tuple[float, float, float, float] | None = None):
        """The generated frozen ``__init__`` sets each field through ``object.__setattr__``;
        parsers make one Location per cell and paragraph, and writing the instance dict
        directly is about twice as fast (same fields, still frozen afterwards)."""
        d = self.__dict__
        d["line"] = line
        d["end_line"] = end_line
        d["column"] = column
        d["page"] = page
        d["paragraph"] = paragraph
        d["table"] = table
        d["row"] = row
        d["col"] = col
        d["path"] = path
        d["bbox"] = bbox

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in _NAMES:
            value = getattr(self, name)
            if value is not None:
                out[name] = list(value) if name == "bbox" else value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Location":
        if not data:
            return cls()
        kwargs = {k: v for k, v in data.items() if k in _KNOWN}
        if "bbox" in kwargs and kwargs["bbox"] is not None:
            kwargs["bbox"] = tuple(kwargs["bbox"])
        return cls(**kwargs)

    def short(self) -> str:
        """Compact form for one-line output: ``L12:5``, ``p3``, ``T2 R5 C3`` …"""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"p{self.page}")
        if self.line is not None:
            parts.append(f"L{self.line}" + (f":{self.column}" if self.column else ""))
        if self.paragraph is not None and self.line is None:
            parts.append(f"¶{self.paragraph}" + (f":{self.column}" if self.column else ""))
        if self.table is not None:
            cell = f"T{self.table}"
            if self.row is not None:
                cell += f" R{self.row}"
            if self.col is not None:
                cell += f" C{self.col}"
            parts.append(cell)
        if not parts and self.path:
            parts.append(self.path)
        return " ".join(parts) or "-"

    def __bool__(self) -> bool:  # an empty location is "unknown"
        for name in _NAMES:
            if getattr(self, name) is not None:
                return True
        return False


# The field names, once: ``dataclasses.fields()`` rebuilds its tuple on every call, and
# findings test and serialize their locations many times per report.
_NAMES = tuple(f.name for f in fields(Location))
_KNOWN = frozenset(_NAMES)

"""Reading the three statistical tables into canonical keys.

Which table is which is decided by the words in it (and the section it sits in); which
row is which, by its label; values are the trailing cells of a row. Nothing is
guessed: a row that cannot be lined up with its columns leaves its values unreadable,
with the reason, rather than shifted.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Any

from ..document import Cell, Table
from ..location import Location
from ..numbers import CellValue, parse_cell
from ..report import Provenance
from .template import compact, compact_word, levenshtein, norm_label


def classify_table(table: Table, section: int | None, template: dict, text: str | None = None) -> str | None:
    """``text``: the table's ``compact(all_text())`` when the caller has it already."""
    if text is None:
        text = compact(table.all_text())
    best, best_score = None, 0
    for name, spec in template["tables"].items():
        score = sum(1 for term in spec["signature"] if compact_word(term) in text)
        if spec.get("section") == section:
            score += 1
        if score > best_score:
            best, best_score = name, score
    return best if best_score >= 2 else None


def _own_cells(row: list[Cell], r: int) -> list[Cell]:
    """Drop copies made by horizontal merges in the same row; keep vertical ones (labels)."""
    return [c for c in row if not (c.span_origin is not None and c.span_origin[0] == r)]


class TableReader:
    """Collects values and provenance for every canonical key of the template."""

    def __init__(self, template: dict):
        self.template = template
        self.values: dict[str, Decimal | None] = {}
        self.provenance: dict[str, Provenance] = {}
        self.problems: list[dict[str, Any]] = []
        self.locations: dict[str, Location] = {}
        self.request_group: str | None = None  # kept across a 表三 split in two inside a group

    def _rows(self, kind: str, spec: dict) -> list:
        """The template rows of ``kind`` prepared for _match_row: every table row is
        matched against every label, so they are normalized once, not once per row."""
        return _prepared(kind, spec).rows

    def _match(self, kind: str, spec: dict, label: str, group: str | None) -> str | None:
        """``_match_row`` against the rows of ``kind``, remembered per template: the same
        printed labels come back in every report."""
        return _prepared(kind, spec).match(label, group)

    def _request_label(self, spec: dict, text: str, group: str | None) -> tuple[str, str | None, str | None]:
        """(label, group, row key) of a 表三 row whose label cells read ``text``, the rows
        above it being in ``group``; remembered per template, like ``_match``."""
        prepared = _prepared("requests", spec)
        found = prepared.labels.get((text, group))
        if found is None:
            if len(prepared.labels) > 4096:
                prepared.labels.clear()
            label = norm_label(text)
            for prefix in spec.get("label_prefixes", ()):  # a label merged down the first column
                if label.startswith(prefix) and label != prefix:
                    label = label[len(prefix):]
            row_group = group
            for g in spec["groups"]:
                if g in label:
                    row_group = g
                    label = label.replace(g, "")
            found = prepared.labels[(text, group)] = (label, row_group, prepared.match(label, row_group))
        return found

    # -- helpers ------------------------------------------------------------------------
    def _put(self, key: str, cell: Cell | None, parsed: CellValue | None, note: str | None = None) -> None:
        known = self.provenance.get(key)
        if known is not None and known.status != "missing":
            return  # first occurrence wins (a repeated header or a table split in two)
        if cell is None or parsed is None:
            self.values[key] = None
            self.provenance[key] = Provenance(None, Location(), "missing", note)
            return
        self.values[key] = parsed.value
        self.provenance[key] = Provenance(cell.text, cell.location, parsed.status, note)

    def _put_row(self, prefix: str, columns: list[str], pairs: list[tuple[Cell, CellValue]]) -> None:
        """``_put`` of ``prefix.col`` for each column and the (cell, value) read for it:
        the common case (a cell for every column) in one loop, as it runs for every cell."""
        values, provenance = self.values, self.provenance
        for col, (cell, parsed) in zip(columns, pairs):
            key = f"{prefix}.{col}"
            known = provenance.get(key)
            if known is not None and known.status != "missing":
                continue  # first occurrence wins, as in _put
            values[key] = parsed.value
            provenance[key] = Provenance(cell.text, cell.location, parsed.status, None)

    def _problem(self, zh: str, en: str, location: Location, key: str | None = None) -> None:
        self.problems.append({"zh": zh, "en": en, "location": location.to_dict(), "key": key, "severity": "warning"})

    # -- tables ---------------------------------------------------------------------------
    def read(self, kind: str, table: Table) -> None:
        self.locations.setdefault(kind, table.location)
        getattr(self, f"_read_{kind}")(table, self.template["tables"][kind])

    def _read_active_disclosure(self, table: Table, spec: dict) -> None:
        for r, row in enumerate(table.rows):
            cells = _own_cells(row, r)
            labels, values = _split_row(cells)
            label = norm_label("".join([c.text for c in labels]))
            key = self._match("active_disclosure", spec, label, None)
            if key is None:
                continue
            columns = spec["rows"][key]["columns"]
            values = _fit(values, len(columns))
            if len(columns) == 1 and len(values) > 1 and len({compact(c.text) for c, _ in values}) == 1:
                values = values[:1]  # one merged cell a converter wrote into every column it covers
            if len(values) != len(columns):
                if _has_number(values):
                    self._row_short(f"active_disclosure.{key}", columns, values, cells[0].location)
                continue
            self._put_row(f"active_disclosure.{key}", columns, values)

    def _read_requests(self, table: Table, spec: dict) -> None:
        columns = spec["columns"]
        width = len(columns)
        group = self.request_group
        # a 小计 column some tools add: accepted, not read. Found by the header's word order
        # rather than its grid index, which text tables (one line per row) do not align.
        subtotal = subtotal_at(_header_text(table), spec)
        for r, row in enumerate(table.rows):
            cells = _own_cells(row, r)
            labels, value_pairs = _split_row(cells)
            label, group, key = self._request_label(spec, "".join([c.text for c in labels]), group)
            has_number = _has_number(value_pairs)
            if key is None and label == "小计":
                continue  # a 小计 row closing a group: accepted, not read
            if key is None and has_number and group is not None:
                key = self._by_number(labels, label, group, spec) if label else spec.get("single_groups", {}).get(group)
            if key is None:
                if label and has_number:
                    self._problem(f"表三有一行无法识别：“{label[:30]}”", f"table 3 row not recognized: '{label[:30]}'",
                                  cells[0].location)
                continue
            if key in spec["rows"] and spec["rows"][key].get("group") is None:
                group = None
            if subtotal is not None and len(value_pairs) > width:
                value_pairs = _fit(value_pairs, width + 1)
                if len(value_pairs) == width + 1:
                    del value_pairs[subtotal]
            value_pairs = _fit(value_pairs, width)
            if len(value_pairs) != width:
                if has_number:
                    self._row_short(f"requests.{key}", columns, value_pairs, cells[0].location)
                continue  # otherwise a header row naming the same words (总计)
            self._put_row(f"requests.{key}", columns, value_pairs)
        self.request_group = group

    def _by_number(self, labels: list[Cell], label: str, group: str, spec: dict) -> str | None:
        """A row whose words are garbled (``2.其他法律行政止公开``) but whose item number
        within its group is printed: the format fixes which row that is. Taken only when
        the words are still close to the template's, and reported."""
        raw = unicodedata.normalize("NFKC", "".join(c.text for c in labels)).strip()
        m = _ITEM_NUMBER.search(raw)
        rows = [(key, aliases) for key, row_group, aliases in self._rows("requests", spec) if row_group == group]
        if not m or not 1 <= int(m.group(1)) <= len(rows):
            return None
        key, aliases = rows[int(m.group(1)) - 1]
        expected = aliases[0]
        if levenshtein(label, expected, limit=max(2, len(expected) // 3)) > max(2, len(expected) // 3):
            return None
        self._problem(f"表三“{raw[:30]}”行的文字与模板（{expected}）不同，按其在“{group}”中的编号识别",
                      f"table 3 row '{raw[:30]}' differs from the template's wording ({expected}); "
                      f"recognized by its number under '{group}'", labels[0].location, key=f"requests.{key}")
        return key

    def _read_review_litigation(self, table: Table, spec: dict) -> None:
        """The row of 15 values: the last one holding a number, else (a blank form) the
        last row whose 15 trailing cells are all blank or dashes."""
        keys = [f"review_litigation.{b}.{f}" for b in spec["blocks"] for f in spec["fields"]]
        with_number = blank_form = None
        headed = [False] * max((len(row) for row in table.rows), default=0)  # a column some row above names
        for r, row in enumerate(table.rows):
            end = len(row)  # trailing blank cells under no header: a ghost column, not 表四's
            while end > 0 and not headed[end - 1] and not row[end - 1].text.strip():
                end -= 1
            for c, cell in enumerate(row):
                if cell.text.strip():
                    headed[c] = True
            cells = _own_cells(row, r)
            parsed = [parse_cell(c.text) for c in cells]
            values = [(c, p) for c, p in zip(cells, parsed) if p.status != "text"]
            ghosts = len(_own_cells(row[end:], r))
            if ghosts and len(values) - ghosts >= len(keys):  # never below 15: a headerless row keeps them
                cells, values = cells[:len(cells) - ghosts], values[:len(values) - ghosts]
            if len(values) < len(keys):
                continue
            if any(p.status in ("number", "annotated") for _, p in values):
                with_number = values[-len(keys):]
            elif len(cells) - len(values) <= 1 and all(p.status in ("blank", "dash") for _, p in values):
                blank_form = values[-len(keys):]
        chosen = with_number or blank_form
        if chosen is None:
            self._read_review_by_block(table, spec)
            return
        for key, (cell, value) in zip(keys, chosen):
            self._put(key, cell, value)

    def _read_review_by_block(self, table: Table, spec: dict) -> None:
        """表四 turned for a narrow page: a row of five per block (行政复议, 未经复议直接起诉,
        复议后起诉) under a header naming the five fields once, in the header's order."""
        fields, words = spec["fields"], spec["field_labels"]
        order: list[str] | None = None
        for r, row in enumerate(table.rows):
            cells = _own_cells(row, r)
            if order is None:
                header = [compact(c.text) for c in cells]
                at = [next((i for i, t in enumerate(header) if w in t), -1) for w in words]
                if -1 not in at and len(set(at)) == len(at):
                    order = [f for _, f in sorted(zip(at, fields))]
                continue
            labels, values = _split_row(cells)
            if len(values) != len(fields) or not _has_number(values) and not all(
                    p.status in ("blank", "dash") for _, p in values):
                continue
            label = compact("".join([c.text for c in labels]))
            blocks = [b for b, names in spec["block_labels"].items() if any(n in label for n in names)]
            if len(blocks) == 1:
                for field, (cell, value) in zip(order, values):
                    self._put(f"review_litigation.{blocks[0]}.{field}", cell, value)

    def _row_short(self, prefix: str, columns: list[str], values: list, location: Location) -> None:
        """A row with the wrong number of value cells: which column is which cannot be told."""
        raw = " | ".join(c.text.strip() for c, _ in values)
        self._problem(
            f"{prefix} 行应有 {len(columns)} 个数值单元格，实有 {len(values)} 个（{raw}），无法对应到列，按无法读取处理",
            f"{prefix}: expected {len(columns)} value cells, found {len(values)} ({raw}); columns cannot be told apart, treated as unreadable",
            location, prefix)
        for col in columns:
            self._put(f"{prefix}.{col}", None, None, note="row has the wrong number of cells")

    # -- result -------------------------------------------------------------------------------
    def tables(self) -> dict[str, Any]:
        """Every canonical key of the template, missing ones as None with provenance."""
        out: dict[str, Any] = {}
        values, provenance = self.values, self.provenance
        for kind, spec in self.template["tables"].items():
            node: dict[str, Any] = {}
            for row, cells in _prepared(kind, spec).key_rows:
                row_node = node.setdefault(row, {})
                for key, col in cells:
                    if key not in provenance:  # not setdefault: it would build one for every key
                        provenance[key] = Provenance(None, Location(), "missing")
                    row_node[col] = values.setdefault(key, None)
            for single in (spec.get("single_groups") or {}).values():  # only where the report prints one
                for col in spec["columns"]:
                    key = f"{kind}.{single}.{col}"
                    if key in self.values:
                        node.setdefault(single, {})[col] = self.values[key]
            out[kind] = node
        return out


_KEYS: dict[tuple[str, int], tuple[dict, tuple[str, ...]]] = {}


def template_keys(kind: str, spec: dict) -> list[str]:
    """Every canonical key of one table, in template order. Asked for several times per
    report (interpreter, structure rules) of the same cached template, so the keys are
    formatted once per spec; the entry holds the spec itself, so its id stays its own."""
    cached = _KEYS.get((kind, id(spec)))
    if cached is None or cached[0] is not spec:
        if len(_KEYS) > 64:  # templates come from load_template's small cache: a few specs
            _KEYS.clear()
        cached = _KEYS[(kind, id(spec))] = (spec, tuple(_format_keys(kind, spec)))
    return list(cached[1])


class _Prepared:
    """What the reader needs of one table spec, worked out once per spec: the template
    rows for ``_match_row``, its answers so far (and ``_request_label``'s), and the
    canonical keys grouped by row."""

    __slots__ = ("spec", "_kind", "_rows", "_matches", "_key_rows", "labels")

    def __init__(self, kind: str, spec: dict):
        self.spec, self._kind = spec, kind
        self._rows: list | None = None
        self._matches: dict[tuple[str, str | None], str | None] = {}
        self._key_rows: list | None = None
        self.labels: dict[tuple[str, str | None], tuple] = {}  # TableReader._request_label's answers

    @property
    def rows(self) -> list[tuple[str, str | None, tuple[str, ...]]]:
        if self._rows is None:
            self._rows = _row_labels(self.spec["rows"])
        return self._rows

    def match(self, label: str, group: str | None) -> str | None:
        found = self._matches.get((label, group), _UNSEEN)
        if found is _UNSEEN:
            if len(self._matches) > 4096:  # labels of many reports: keep it bounded
                self._matches.clear()
            found = self._matches[(label, group)] = _match_row(label, self.rows, group)
        return found

    @property
    def key_rows(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(row, [(key, col), …]) for each run of keys of one row, in template order."""
        if self._key_rows is None:
            runs: list[tuple[str, list[tuple[str, str]]]] = []
            for key in template_keys(self._kind, self.spec):
                _, row, col = key.split(".")
                if not runs or runs[-1][0] != row:
                    runs.append((row, []))
                runs[-1][1].append((key, col))
            self._key_rows = runs
        return self._key_rows


_UNSEEN = object()
_PREPARED: dict[tuple[str, int], _Prepared] = {}


def _prepared(kind: str, spec: dict) -> _Prepared:
    """The ``_Prepared`` of a spec, kept like ``template_keys``' (the entry holds the spec)."""
    found = _PREPARED.get((kind, id(spec)))
    if found is None or found.spec is not spec:
        if len(_PREPARED) > 64:
            _PREPARED.clear()
        found = _PREPARED[(kind, id(spec))] = _Prepared(kind, spec)
    return found


def _format_keys(kind: str, spec: dict) -> list[str]:
    if kind == "active_disclosure":
        return [f"{kind}.{row}.{col}" for row, r in spec["rows"].items() for col in r["columns"]]
    if kind == "requests":
        return [f"{kind}.{row}.{col}" for row in spec["rows"] for col in spec["columns"]]
    return [f"{kind}.{b}.{f}" for b in spec["blocks"] for f in spec["fields"]]


def _split_row(cells: list[Cell]) -> tuple[list[Cell], list[tuple[Cell, CellValue]]]:
    """Label cells (up to the last cell of text) and the value cells after them."""
    parsed = [parse_cell(c.text) for c in cells]
    last_text = len(parsed) - 1
    while last_text >= 0 and parsed[last_text].status != "text":
        last_text -= 1
    return cells[: last_text + 1], list(zip(cells[last_text + 1:], parsed[last_text + 1:]))


def _header_text(table: Table) -> str:
    """The compact words of the rows above the first number, merged cells once."""
    words = []
    for row in table.rows:
        if any(parse_cell(c.text).status in ("number", "annotated") for c in row):
            break
        words.extend(c.text for c in row if c.span_origin is None)
    return compact("".join(words))


def subtotal_at(header: str, spec: dict) -> int | None:
    """Where a 小计 column (or a 合计 beside a 总计) of the five 法人或其他组织 columns sits
    among a 表三 row's values: the official 表三 has none, some tools add one, after the
    five (6) or before them (1). Read from the header's word order (``header`` compact), so
    that grids, text tables and run-together rows share it; None without one."""
    at = header.find("小计")
    if at < 0 and "总计" in header:
        at = header.find("合计")
    if at < 0:
        return None
    labels, columns = spec["column_labels"], spec["columns"]
    first = header.find(labels[1])  # 商业企业
    last = header.rfind(labels[-3])  # 法律服务机构: 其他 also reads inside 法人或其他组织
    if last >= 0 and at > last:
        return len(columns) - 1
    if first >= 0 and at < first:
        return 1
    return None


def _has_number(values: list[tuple[Cell, CellValue]]) -> bool:
    for _, parsed in values:
        if parsed.status == "number" or parsed.status == "annotated":
            return True
    return False


_ITEM_NUMBER = re.compile(r"(?<![\d.])(\d{1,2})\s*[.、．](?!\d)")  # "2." of a sub-row, not "2.5"


def _fit(values: list[tuple[Cell, CellValue]], width: int) -> list[tuple[Cell, CellValue]]:
    """Drop blank padding beyond the expected width: trailing cells first (a ragged
    Markdown row), then leading ones (empty label columns of a merge)."""
    values = list(values)
    while len(values) > width and values[-1][1].status == "blank":
        values.pop()
    while len(values) > width and values[0][1].status == "blank":
        values.pop(0)
    return values


def _row_labels(rows: dict) -> list[tuple[str, str | None, tuple[str, ...]]]:
    """(key, group, normalized labels) of each template row, in template order."""
    return [(key, row.get("group"), tuple(norm_label(a) for a in row["labels"])) for key, row in rows.items()]


def _match_row(label: str, rows: list[tuple[str, str | None, tuple[str, ...]]], group: str | None) -> str | None:
    """The row whose longest label the text contains; exact equality first. ``rows``
    comes from ``_row_labels``."""
    if not label:
        return None
    best, best_len = None, 0
    for key, row_group, aliases in rows:
        if row_group is not None and row_group != group:
            continue
        for a in aliases:
            if label == a:
                return key
            if a in label and len(a) > best_len:
                best, best_len = key, len(a)
    return best

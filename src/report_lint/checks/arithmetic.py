"""Arithmetic check kinds: identities between cells, and the form of each count.

Numbers are exact decimals. A rounded amount (万元 with two decimals) carries an
interval of half a unit in its last place, as in XBRL processors: a sum passes when
the intervals overlap, so rounding never raises a false alarm.
"""

from __future__ import annotations

from decimal import Decimal

from .. import expr
from ..hookspecs import hookimpl
from ..report import Report
from ..specs import CheckKind
from . import bindings_key, cell_keys, label, remember_bounded, shared_bindings

_ZERO = Decimal(0)
_OPS = {
    "==": lambda a, b, tol: abs(a - b) <= tol,
    ">=": lambda a, b, tol: a + tol >= b,
    "<=": lambda a, b, tol: a - tol <= b,
}


def _tolerance(setting, operands: list[expr.Operand], report) -> Decimal:
    if setting not in (None, "auto"):
        return Decimal(str(setting))
    return rounding_tolerance(op.value for op in operands)


def rounding_tolerance(values) -> Decimal:
    """Half a unit in the last place of every rounded value: how far a sum of them may
    be from an exact one."""
    tol = Decimal(0)
    for value in values:
        if value is not None:
            exp = value.as_tuple().exponent
            if isinstance(exp, int) and exp < 0:
                tol += Decimal(5) * Decimal(10) ** (exp - 1)
    return tol


def run_identity(rule, report, extra: dict | None = None):
    """``extra``: more values for the message (a kind built on this one adds its own)."""
    p = rule.params
    lhs, rhs = expr.parse(p["lhs"]), expr.parse(p["rhs"])
    locate_path = expr.parse(p["locate"]) if p.get("locate") else None
    op = p.get("op", "==")
    read = _reader(report)
    for bindings, bound_lhs, bound_rhs in _bound_pairs(lhs, rhs, p.get("foreach"), rule.lists):
        left = bound_lhs.evaluate(read)
        right = bound_rhs.evaluate(read)
        missing = left.missing + right.missing
        if missing:
            if all(report.cell_status(m.key) == "missing" for m in missing) and p.get("skip_missing", True):
                continue  # absent rows are the structure rule's business, reported once there
            locate = _locate(locate_path, bindings, left)
            unreadable = [(m.key, (report.provenance.get(m.key).raw if report.provenance.get(m.key) else None))
                          for m in missing]
            names = [label(rule, v) for v in bindings.values()]
            finding = rule.cannot_assess(unreadable, report.location_of(locate) if locate else None, key=locate, what={
                "zh": "、".join(n["zh"] for n in names), "en": ", ".join(n["en"] for n in names)})
            finding.cells = [m.key for m in missing]
            yield finding
            continue
        # An exact pass needs no tolerance (never negative: the schema's minimum is 0);
        # most bindings of a correct report pass exactly, so the rounding interval of
        # their operands is worked out only for the others.
        if _OPS[op](left.value, right.value, _ZERO):
            continue
        tol = _tolerance(p.get("tolerance"), left.operands + right.operands, report)
        if _OPS[op](left.value, right.value, tol):
            continue
        # only a failing binding pays for its labels and location
        locate = _locate(locate_path, bindings, left)
        values = {name: label(rule, value) for name, value in bindings.items()}
        values.update({f"{name}_key": value for name, value in bindings.items()})
        values.update(lhs=left.value, rhs=right.value, diff=left.value - right.value,
                      lhs_terms=expr.show(lhs, report.value, bindings, rule.lists),
                      rhs_terms=expr.show(rhs, report.value, bindings, rule.lists), **(extra or {}))
        finding = rule.finding(values, report.location_of(locate) if locate else None, key=locate,
                               expected=right.value, found=left.value)
        finding.cells = list(dict.fromkeys(o.key for o in left.operands + right.operands))
        yield finding


def _reader(report):
    """``report.value``, or the same lookup cheaper for a Report (``Report.reader``); a
    view passed instead of a report (``previous_year.PairView``) keeps its own."""
    return report.reader() if isinstance(report, Report) else report.value


_PLANS: dict[tuple, list] = {}


def _bound_pairs(lhs: expr.Node, rhs: expr.Node, foreach, lists: dict) -> list[tuple[dict, expr.Bound, expr.Bound]]:
    """(bindings, lhs, rhs compiled under them) for each binding of ``foreach``. A rule
    evaluates the same expressions under the same bindings for every report, so this is
    cached by content: the expressions, the text of the bindings and of the lists their
    ``sum``s read (a sum binds ``str``-formatted items, so text is all that counts).
    The bindings are shared (``shared_bindings``): read them, never change them."""
    combos = shared_bindings(foreach, lists)
    key = _plan_key(lhs, rhs, foreach, lists)
    plan = _PLANS.get(key) if key is not None else None
    if plan is None:
        plan = [(b, expr.bind(lhs, b, lists), expr.bind(rhs, b, lists)) for b in combos]
        if key is not None:
            remember_bounded(_PLANS, key, plan)
    return plan


def _plan_key(lhs: expr.Node, rhs: expr.Node, foreach, lists: dict) -> tuple | None:
    bindings = bindings_key(foreach, lists)
    if bindings is None:
        return None
    try:
        read = tuple((name, None if lists.get(name) is None else tuple(map(str, lists[name])))
                     for name in expr.list_names(lhs) + expr.list_names(rhs))
    except TypeError:  # a list that is not a list: not cached
        return None
    return lhs, rhs, bindings, read


def _locate(locate_path, bindings: dict, left) -> str | None:
    """The key a finding points at: the rule's ``locate``, else the first left operand."""
    if locate_path is not None:
        return expr.substitute(locate_path, bindings)
    return left.operands[0].key if left.operands else None


def run_number_form(rule, report):
    """Counts are whole and non-negative; amounts non-negative with at most N decimals."""
    p = rule.params
    max_decimals = p.get("max_decimals", 0)
    minimum = Decimal(str(p.get("min", 0)))
    read = _reader(report)
    for _, key in cell_keys(p, rule.lists):
        value = read(key)
        if value is None:
            continue
        if value < minimum or _decimals(value) > max_decimals:
            prov = report.provenance.get(key)
            finding = rule.finding({"cell": label(rule, key), "key": key, "raw": prov.raw if prov else value},
                                   report.location_of(key), key=key, found=value)
            finding.cells = [key]
            yield finding


def _decimals(value: Decimal) -> int:
    """Decimal places of a value that is not whole (1.50 has 2, 3.00 has none)."""
    if value == value.to_integral_value():  # most counts: no need to take the value apart
        return 0
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


_IDENTITY_SCHEMA = {
    "type": "object",
    "required": ["lhs", "rhs"],
    "additionalProperties": False,
    "properties": {
        "lhs": {"type": "string", "maxLength": 2000},
        "rhs": {"type": "string", "maxLength": 2000},
        "op": {"enum": ["==", ">=", "<="]},
        "foreach": {"type": "object", "additionalProperties": {"anyOf": [
            {"type": "string"}, {"type": "array", "items": {"type": "string"}, "maxItems": 500}]}},
        "locate": {"type": "string", "maxLength": 300},
        "tolerance": {"anyOf": [{"const": "auto"}, {"type": "number", "minimum": 0}]},
        "skip_missing": {"type": "boolean"},
        "labels": {"type": "object"},
    },
}

def keyed_schema(**properties) -> dict:
    """The params schema of a kind that visits ``keys`` (paths with ``{placeholders}``
    bound by ``foreach``), plus its own ``properties``."""
    return {
        "type": "object",
        "required": ["keys"],
        "additionalProperties": False,
        "properties": {
            "keys": {"type": "array", "items": {"type": "string", "maxLength": 300}, "maxItems": 500},
            "foreach": _IDENTITY_SCHEMA["properties"]["foreach"],
            "labels": {"type": "object"},
            **properties,
        },
    }


_FORM_SCHEMA = keyed_schema(max_decimals={"type": "integer", "minimum": 0, "maximum": 10}, min={"type": "number"})


@hookimpl
def report_lint_register_check_kinds(register):
    register(CheckKind("identity", run_identity, _IDENTITY_SCHEMA,
                       "两组单元格之和相等（或不小于）/ two sums of cells are equal (or ordered)"))
    register(CheckKind("number_form", run_number_form, _FORM_SCHEMA,
                       "数值为非负整数或不超过 N 位小数 / values are non-negative and whole (or N decimals)"))

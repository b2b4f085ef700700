"""A small arithmetic language for YAML rules, evaluated in exact decimals.

Grammar (no names, calls or attributes beyond these, so a ruleset cannot run code)::

    expr   := term (("+" | "-") term)*
    term   := unary ("*" NUMBER | NUMBER "*" unary)*      multiplication by constants only
    unary  := "-" unary | atom
    atom   := NUMBER | path | "sum" "(" path "for" NAME "in" list ")" | "(" expr ")"
    path   := seg ("." seg)*       seg := IDENT | "{" NAME "}"
    list   := NAME | "[" IDENT ("," IDENT)* "]"

``{c}`` in a path is replaced by the value bound to ``c`` (from the rule's ``foreach`` or
a ``sum``), so one rule covers every column. Sizes are bounded: expression length,
nesting depth, list length and the number of operands per evaluation.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Callable, Union

MAX_EXPRESSION_CHARS = 2000
MAX_DEPTH = 40
MAX_LIST = 500
MAX_OPERANDS = 5000


class ExprError(ValueError):
    """The expression is not valid in the rule grammar."""


_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(\{[A-Za-z_][A-Za-z0-9_]*\})|(.))")


class _Node:
    """Parsed nodes are plain slotted classes: cheaper to define than dataclasses,
    which matters at start-up (see benchmarks/startup.py)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(repr(getattr(self, s)) for s in self.__slots__)})"


class Num(_Node):
    __slots__ = ("value",)

    def __init__(self, value: Decimal):
        self.value = value


class Path(_Node):
    __slots__ = ("segments", "template", "fixed")  # "{c}" segments are placeholders

    def __init__(self, segments: tuple[str, ...]):
        self.segments = segments
        # the tokenizer admits only {identifier} placeholders, so format_map can do nothing else
        self.template = ".".join(segments)
        self.fixed = None if any(s.startswith("{") for s in segments) else self.template


class Neg(_Node):
    __slots__ = ("operand",)

    def __init__(self, operand: "Node"):
        self.operand = operand


class BinOp(_Node):
    __slots__ = ("op", "left", "right")

    def __init__(self, op: str, left: "Node", right: "Node"):
        self.op, self.left, self.right = op, left, right


class Sum(_Node):
    __slots__ = ("path", "var", "items")  # items: a list name or literal items

    def __init__(self, path: Path, var: str, items: Union[str, tuple[str, ...]]):
        self.path, self.var, self.items = path, var, items


Node = Union[Num, Path, Neg, BinOp, Sum]


def _tokenize(text: str) -> list[tuple[str, str]]:
    if len(text) > MAX_EXPRESSION_CHARS:
        raise ExprError(f"expression longer than {MAX_EXPRESSION_CHARS} characters")
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        num, ident, placeholder, other = m.groups()
        if num is not None:
            tokens.append(("num", num))
        elif ident is not None:
            tokens.append(("ident", ident))
        elif placeholder is not None:
            tokens.append(("ph", placeholder))
        elif other is not None and not other.isspace():
            if other not in "+-*().,[]":
                raise ExprError(f"unexpected character {other!r}")
            tokens.append(("op", other))
    tokens.append(("end", ""))
    return tokens


class _Parser:
    def __init__(self, text: str):
        self.tokens = _tokenize(text)
        self.i = 0
        self.depth = 0

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.i]

    def take(self, kind: str | None = None, value: str | None = None) -> tuple[str, str]:
        tok = self.tokens[self.i]
        if (kind and tok[0] != kind) or (value is not None and tok[1] != value):
            raise ExprError(f"expected {value or kind}, found {tok[1] or 'end'!r}")
        self.i += 1
        return tok

    def parse(self) -> Node:
        node = self.expr()
        self.take("end")
        return node

    def expr(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError("expression nested too deeply")
        node = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            node = BinOp(op, node, self.term())
        self.depth -= 1
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.peek() == ("op", "*"):
            self.take()
            right = self.unary()
            if not isinstance(node, Num) and not isinstance(right, Num):
                raise ExprError("multiplication needs a constant operand")
            node = BinOp("*", node, right)
        return node

    def unary(self) -> Node:
        if self.peek() == ("op", "-"):
            self.take()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ExprError("expression nested too deeply")
            node = Neg(self.unary())
            self.depth -= 1
            return node
        return self.atom()

    def atom(self) -> Node:
        kind, value = self.peek()
        if kind == "num":
            self.take()
            return Num(Decimal(value))
        if kind == "op" and value == "(":
            self.take()
            node = self.expr()
            self.take("op", ")")
            return node
        if kind == "ident" and value == "sum" and self.tokens[self.i + 1] == ("op", "("):
            self.take()
            self.take("op", "(")
            path = self.path()
            self.take("ident", "for")
            var = self.take("ident")[1]
            self.take("ident", "in")
            items = self.list_ref()
            self.take("op", ")")
            return Sum(path, var, items)
        if kind in ("ident", "ph"):
            return self.path()
        raise ExprError(f"unexpected {value or 'end'!r}")

    def path(self) -> Path:
        segs = [self.segment()]
        while self.peek() == ("op", "."):
            self.take()
            segs.append(self.segment())
        return Path(tuple(segs))

    def segment(self) -> str:
        kind, value = self.peek()
        if kind in ("ident", "ph"):
            self.take()
            return value
        raise ExprError(f"expected a key, found {value or 'end'!r}")

    def list_ref(self) -> Union[str, tuple[str, ...]]:
        if self.peek() == ("op", "["):
            self.take()
            items = [self.take("ident")[1]]
            while self.peek() == ("op", ","):
                self.take()
                items.append(self.take("ident")[1])
            self.take("op", "]")
            if len(items) > MAX_LIST:
                raise ExprError(f"list longer than {MAX_LIST}")
            return tuple(items)
        return self.take("ident")[1]


_CACHE: dict[str, Node] = {}


def parse(text: str) -> Node:
    """Parse (and cache) an expression; raises ExprError with the reason."""
    if not isinstance(text, str):
        raise ExprError("an expression must be a string")
    node = _CACHE.get(text)
    if node is None:
        node = _CACHE[text] = _Parser(text).parse()
    return node


class Operand(_Node):
    __slots__ = ("key", "value")

    def __init__(self, key: str, value: Decimal | None):
        self.key, self.value = key, value


class Result(_Node):
    """The value (None when any operand could not be read) and the operands read, in
    order. Operand objects are built only when asked for: most results of a correct
    report are compared and dropped."""

    __slots__ = ("value", "keys", "values", "_operands")

    def __init__(self, value: Decimal | None, keys: tuple[str, ...], values: list[Decimal | None]):
        self.value, self.keys, self.values, self._operands = value, keys, values, None

    @property
    def operands(self) -> list[Operand]:
        if self._operands is None:
            self._operands = [Operand(k, v) for k, v in zip(self.keys, self.values)]
        return self._operands

    @property
    def missing(self) -> list[Operand]:
        if self.value is not None:  # the arithmetic is None exactly when an operand is
            return []
        return [o for o in self.operands if o.value is None]


def substitute(path: Path, bindings: dict[str, str]) -> str:
    if path.fixed is not None:
        return path.fixed
    try:
        return path.template.format_map(bindings)
    except KeyError as exc:
        raise ExprError(f"unbound placeholder {{{exc.args[0]}}}")


# -- evaluation --------------------------------------------------------------------------
# A rule evaluates the same expression under the same bindings for every report, so the
# keys it reads and the arithmetic on their values are worked out once per (expression,
# bindings, lists) by ``_compile``; an evaluation then reads the values and runs a small
# closure over them. Reads happen in the order the tree walk would make them, and an
# error of the walk (unbound placeholder, unknown list, too many operands) is raised
# after the reads that precede it, as the walk would.

_ZERO = Decimal(0)


class Bound:
    """An expression compiled under one set of bindings (``bind``): the keys it reads, in
    order, and the arithmetic on their values."""

    __slots__ = ("keys", "compute", "error", "lists", "snapshot")

    def __init__(self, keys: tuple[str, ...], compute, error: str | None, lists, snapshot):
        self.keys, self.compute, self.error = keys, compute, error
        # the lists dict and the named lists' contents it was compiled with (see _compiled)
        self.lists, self.snapshot = lists, snapshot

    def evaluate(self, lookup: Callable[[str], Decimal | None]) -> Result:
        values = list(map(lookup, self.keys))
        if self.error is not None:
            raise ExprError(self.error)
        return Result(self.compute(values), self.keys, values)


class _Stop(Exception):
    """Compilation reached an error of the expression: the message, raised at evaluation."""


def bind(node: Node, bindings: dict[str, str], lists: dict[str, list[str]]) -> Bound:
    """``node`` compiled under ``bindings`` (not cached: for callers that keep it)."""
    return _compile(node, bindings, lists)


def _compile(node: Node, bindings: dict[str, str], lists: dict[str, list[str]]) -> Bound:
    keys: list[str] = []
    snapshot: list[tuple[str, list]] = []
    bound = dict(bindings)

    def add(path: Path) -> int:
        try:
            keys.append(substitute(path, bound))
        except ExprError as exc:
            raise _Stop(str(exc))
        if len(keys) > MAX_OPERANDS:
            raise _Stop("too many operands")
        return len(keys) - 1

    def build(n: Node):
        if isinstance(n, Num):
            constant = n.value
            return lambda values: constant
        if isinstance(n, Path):
            i = add(n)
            return lambda values: values[i]
        if isinstance(n, Neg):
            operand = build(n.operand)

            def negate(values):
                v = operand(values)
                return None if v is None else -v
            return negate
        if isinstance(n, BinOp):
            return _binop(n.op, build(n.left), build(n.right))
        return build_sum(n)

    def build_sum(n: Sum):
        if isinstance(n.items, str):
            items = lists.get(n.items)
            snapshot.append((n.items, None if items is None else list(items)))
        else:
            items = list(n.items)
        if items is None:
            raise _Stop(f"unknown list {n.items!r}")
        saved = bound.get(n.var)
        start = len(keys)
        try:
            for item in items[:MAX_LIST]:
                bound[n.var] = item
                add(n.path)
        finally:
            if saved is None:
                bound.pop(n.var, None)
            else:
                bound[n.var] = saved
        end = len(keys)

        def total(values):
            t = _ZERO
            for v in values[start:end]:
                if v is None:
                    return None
                t = t + v
            return t
        return total

    try:
        compute, error = build(node), None
    except _Stop as stop:
        compute, error = None, str(stop)
    return Bound(tuple(keys), compute, error, lists, tuple(snapshot))


def _binop(op: str, left, right):
    if op == "+":
        def add(values):
            a, b = left(values), right(values)
            return None if a is None or b is None else a + b
        return add
    if op == "-":
        def sub(values):
            a, b = left(values), right(values)
            return None if a is None or b is None else a - b
        return sub

    def mul(values):
        a, b = left(values), right(values)
        return None if a is None or b is None else a * b
    return mul


_COMPILED: dict[tuple, Bound] = {}
MAX_COMPILED = 4096


def _compiled(node: Node, bindings: dict[str, str], lists: dict[str, list[str]]) -> Bound:
    """The compiled form of ``node`` under ``bindings``, cached. The key holds the node
    (parse caches nodes by text) and the bindings; an entry is reused only for the same
    ``lists`` object whose named lists still hold what they held (compared by value, so
    a list changed in place is noticed). Only entries compiled from string bindings and
    list items are kept: ``1`` and ``True`` are equal keys but format differently, and
    no other value equals a string, so a hit is always a compilation from equal text."""
    key = (node, tuple(bindings.items()), id(lists))
    try:
        entry = _COMPILED.get(key)
    except TypeError:  # an unhashable binding: compile it, keep nothing
        return _compile(node, bindings, lists)
    if entry is not None and entry.lists is lists and (not entry.snapshot or all(
            lists.get(name) == contents for name, contents in entry.snapshot)):
        return entry
    entry = _compile(node, bindings, lists)
    if all(type(value) is str for value in bindings.values()) and all(
            contents is None or all(type(item) is str for item in contents) for _, contents in entry.snapshot):
        if len(_COMPILED) >= MAX_COMPILED:
            _COMPILED.clear()
        _COMPILED[key] = entry
    return entry


def evaluate(node: Node, lookup: Callable[[str], Decimal | None], bindings: dict[str, str],
             lists: dict[str, list[str]]) -> Result:
    return _compiled(node, bindings, lists).evaluate(lookup)


def show(node: Node, lookup: Callable[[str], Decimal | None], bindings: dict[str, str],
         lists: dict[str, list[str]]) -> str:
    """The expression with each cell replaced by its value (``698 + 77 - 132``), for
    messages; a ``sum(…)`` shows as its total, an unreadable cell as ``?``."""
    if isinstance(node, Num):
        return str(node.value)
    if isinstance(node, (Path, Sum)):
        value = evaluate(node, lookup, dict(bindings), lists).value
        return "?" if value is None else str(value)
    if isinstance(node, Neg):
        return "-" + show(node.operand, lookup, bindings, lists)
    left = show(node.left, lookup, bindings, lists)
    right = show(node.right, lookup, bindings, lists)
    if isinstance(node.right, BinOp) and node.op != "+":
        right = f"({right})"
    return f"{left} {node.op} {right}"


def list_names(node: Node) -> tuple[str, ...]:
    """The named lists the ``sum``s of ``node`` read, in order: what a compilation
    depends on besides the bindings."""
    if isinstance(node, Sum):
        return (node.items,) if isinstance(node.items, str) else ()
    if isinstance(node, Neg):
        return list_names(node.operand)
    if isinstance(node, BinOp):
        return list_names(node.left) + list_names(node.right)
    return ()


def placeholders(node: Node) -> set[str]:
    """Names used as ``{name}`` that are not bound by a ``sum`` inside the expression."""
    if isinstance(node, Path):
        return {s[1:-1] for s in node.segments if s.startswith("{")}
    if isinstance(node, Neg):
        return placeholders(node.operand)
    if isinstance(node, BinOp):
        return placeholders(node.left) | placeholders(node.right)
    if isinstance(node, Sum):
        return placeholders(node.path) - {node.var}
    return set()

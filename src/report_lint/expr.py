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
    __slots__ = ("value", "operands")  # value is None when any operand could not be read

    def __init__(self, value: Decimal | None, operands: list[Operand]):
        self.value, self.operands = value, operands

    @property
    def missing(self) -> list[Operand]:
        return [o for o in self.operands if o.value is None]


def substitute(path: Path, bindings: dict[str, str]) -> str:
    if path.fixed is not None:
        return path.fixed
    try:
        return path.template.format_map(bindings)
    except KeyError as exc:
        raise ExprError(f"unbound placeholder {{{exc.args[0]}}}")


class _State:
    __slots__ = ("lookup", "bindings", "lists", "operands")

    def __init__(self, lookup, bindings, lists):
        self.lookup, self.bindings, self.lists, self.operands = lookup, bindings, lists, []

    def read(self, key: str) -> Decimal | None:
        value = self.lookup(key)
        self.operands.append(Operand(key, value))
        if len(self.operands) > MAX_OPERANDS:
            raise ExprError("too many operands")
        return value


def _ev_num(n: Num, st: _State):
    return n.value


def _ev_path(n: Path, st: _State):
    return st.read(substitute(n, st.bindings))


def _ev_neg(n: Neg, st: _State):
    v = _EVAL[type(n.operand)](n.operand, st)
    return None if v is None else -v


def _ev_binop(n: BinOp, st: _State):
    a = _EVAL[type(n.left)](n.left, st)
    b = _EVAL[type(n.right)](n.right, st)
    if a is None or b is None:
        return None
    return a + b if n.op == "+" else a - b if n.op == "-" else a * b


def _ev_sum(n: Sum, st: _State):
    items = st.lists.get(n.items) if isinstance(n.items, str) else list(n.items)
    if items is None:
        raise ExprError(f"unknown list {n.items!r}")
    bindings = st.bindings
    saved = bindings.get(n.var)
    total: Decimal | None = Decimal(0)
    try:
        for item in items[:MAX_LIST]:
            bindings[n.var] = item
            v = st.read(substitute(n.path, bindings))
            total = None if (total is None or v is None) else total + v
    finally:
        if saved is None:
            bindings.pop(n.var, None)
        else:
            bindings[n.var] = saved
    return total


# dispatch by node type: cheaper than a chain of isinstance tests in the hot loop
_EVAL = {Num: _ev_num, Path: _ev_path, Neg: _ev_neg, BinOp: _ev_binop, Sum: _ev_sum}


def evaluate(node: Node, lookup: Callable[[str], Decimal | None], bindings: dict[str, str],
             lists: dict[str, list[str]]) -> Result:
    st = _State(lookup, bindings, lists)
    value = _EVAL[type(node)](node, st)
    return Result(value, st.operands)


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

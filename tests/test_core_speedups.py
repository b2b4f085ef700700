"""The core's caches and shortcuts give what the plain computation gives.

Each speed-up of the interpreter and the engine (compiled expressions, the value memo,
cached ``foreach`` expansions, the words that gate the fact patterns, the one-pass
``compact``) is checked here against the straightforward version it replaces.
"""

import random
from decimal import Decimal

import pytest

import factory as F
from report_lint import expr
from report_lint.checks import cell_keys, expand_foreach
from report_lint.interpret import facts
from report_lint.interpret import template as T
from report_lint.report import Report, ValueMemo


# -- expressions: a reference tree walk, as the engine did it before compiling ------------

def reference(node, lookup, bindings, lists):
    """(value, [(key, value)…]) by walking the tree, reading each path as it comes."""
    read = []

    def get(path, b):
        key = expr.substitute(path, b)
        value = lookup(key)
        read.append((key, value))
        if len(read) > expr.MAX_OPERANDS:
            raise expr.ExprError("too many operands")
        return value

    def walk(n, b):
        if isinstance(n, expr.Num):
            return n.value
        if isinstance(n, expr.Path):
            return get(n, b)
        if isinstance(n, expr.Neg):
            v = walk(n.operand, b)
            return None if v is None else -v
        if isinstance(n, expr.BinOp):
            a, c = walk(n.left, b), walk(n.right, b)
            if a is None or c is None:
                return None
            return a + c if n.op == "+" else a - c if n.op == "-" else a * c
        items = lists.get(n.items) if isinstance(n.items, str) else list(n.items)
        if items is None:
            raise expr.ExprError(f"unknown list {n.items!r}")
        total = Decimal(0)
        for item in items[: expr.MAX_LIST]:
            v = get(n.path, {**b, n.var: item})
            total = None if (total is None or v is None) else total + v
        return total

    return walk(node, dict(bindings)), read


def _random_expression(rnd):
    def atom(depth):
        r = rnd.random()
        if depth > 2 or r < 0.35:
            return rnd.choice(["t.{c}.x", "t.a.{c}", "t.b.y", "u.{c}"])
        if r < 0.5:
            return str(rnd.choice([0, 1, 2, "1.5"]))
        if r < 0.65:
            return f"sum(t.{{r}}.{{c}} for r in {rnd.choice(['rows', 'cols', '[a, b]', 'nowhere'])})"
        if r < 0.75:
            return f"-{atom(depth + 1)}"
        if r < 0.85:
            return f"2 * ({atom(depth + 1)})"
        return f"({atom(depth + 1)} {rnd.choice('+-')} {atom(depth + 1)})"

    return " + ".join(atom(0) for _ in range(rnd.randint(1, 3)))


@pytest.mark.parametrize("seed", range(30))
def test_compiled_evaluation_equals_the_tree_walk(seed):
    rnd = random.Random(seed)
    values = {f"t.{r}.{c}": Decimal(rnd.choice(["1", "2.50", "0", "7"])) for r in "abxy" for c in "xyab"}
    values.update({"u.x": Decimal(3), "u.a": None})
    lists = {"rows": ["a", "b", "x"], "cols": ["x", "y"]}
    for _ in range(20):
        try:
            node = expr.parse(_random_expression(rnd))
        except expr.ExprError:  # e.g. -2 * (…): the grammar wants a bare constant
            continue
        bindings = rnd.choice([{"c": "x"}, {"c": "a"}, {}, {"c": "y", "r": "b"}])
        for _ in range(2):  # the second time from the cache
            reads = []

            def lookup(key):
                reads.append(key)
                return values.get(key)

            try:
                want = reference(node, values.get, bindings, lists)
            except expr.ExprError as exc:
                with pytest.raises(expr.ExprError, match=str(exc).replace("{", r"\{").replace("}", r"\}")):
                    expr.evaluate(node, lookup, bindings, lists)
                reads_before_error = []
                try:
                    reference(node, lambda k: reads_before_error.append(k) or values.get(k), bindings, lists)
                except expr.ExprError:
                    pass
                assert reads == reads_before_error
                continue
            result = expr.evaluate(node, lookup, bindings, lists)
            assert result.value == want[0] and str(result.value) == str(want[0])
            assert [(o.key, o.value) for o in result.operands] == want[1]
            assert [o.key for o in result.missing] == [k for k, v in want[1] if v is None]
            assert reads == [k for k, _ in want[1]]


def test_the_compiled_cache_notices_lists_changed_in_place_and_other_lists():
    node = expr.parse("sum(t.{r} for r in rows)")
    values = {"t.a": Decimal(1), "t.b": Decimal(2), "t.c": Decimal(4)}
    lists = {"rows": ["a", "b"]}
    assert expr.evaluate(node, values.get, {}, lists).value == 3
    lists["rows"].append("c")
    assert expr.evaluate(node, values.get, {}, lists).value == 7
    assert expr.evaluate(node, values.get, {}, {"rows": ["c"]}).value == 4
    with pytest.raises(expr.ExprError, match="unknown list"):
        expr.evaluate(node, values.get, {}, {})


def test_bindings_that_are_equal_but_print_differently_are_not_confused():
    node = expr.parse("t.{c}")
    values = {"t.1": Decimal(1), "t.True": Decimal(2)}
    assert expr.evaluate(node, values.get, {"c": 1}, {}).value == 1
    assert expr.evaluate(node, values.get, {"c": True}, {}).value == 2
    assert expr.evaluate(node, {"t.['x']": Decimal(3)}.get, {"c": ["x"]}, {}).value == 3  # unhashable: not cached
    bindings = {"c": "1"}
    expr.evaluate(expr.parse("sum(t.{c} for c in [a, b])"), values.get, bindings, {})
    assert bindings == {"c": "1"}  # a sum's variable never leaks into the caller's bindings


def test_too_many_operands_is_refused_after_the_reads_before_it():
    items = [f"k{i}" for i in range(expr.MAX_LIST)]
    text = " + ".join(["sum(t.{i} for i in many)"] * (expr.MAX_OPERANDS // expr.MAX_LIST + 1))
    reads = []
    with pytest.raises(expr.ExprError, match="too many operands"):
        expr.evaluate(expr.parse(text), lambda k: reads.append(k) or Decimal(1), {}, {"many": items})
    assert len(reads) == expr.MAX_OPERANDS + 1


# -- the value memo -------------------------------------------------------------------------

def test_the_value_memo_gives_what_the_tables_walk_gives():
    tables = {
        "requests": {"granted": {"total": Decimal("3"), "other": None, "odd": 2, "float": 1.5, "flag": True,
                                 "text": "x", "deep": {"er": Decimal(1)}},
                     "a.b": {"c": Decimal(9)}},
        "a": {"b": {"c": Decimal(5)}},
        "top": 7,
        "": {"": {"": Decimal(8)}},
    }
    report = Report(tables=tables)
    keys = ["requests.granted.total", "requests.granted.other", "requests.granted.odd", "requests.granted.float",
            "requests.granted.flag", "requests.granted.text", "requests.granted.deep", "requests.granted.deep.er",
            "requests.a.b.c", "a.b.c", "a.b", "top", "..", "nothing.here", "requests", ""]
    memo = ValueMemo(report)
    for key in keys:
        assert memo[key] == report._lookup(key), key
        assert type(memo[key]) is type(report._lookup(key)), key
    assert ValueMemo(Report(tables=[]))["x"] is None  # not a mapping: nothing entered, nothing found


# -- foreach expansion and keyed cells --------------------------------------------------------

def test_cached_foreach_expansion_follows_the_lists():
    lists = {"rows": ["a", "b"], "cols": ["x"]}
    foreach = {"r": "rows", "c": "cols"}
    assert expand_foreach(foreach, lists) == [{"r": "a", "c": "x"}, {"r": "b", "c": "x"}]
    lists["rows"].append("z")
    assert [b["r"] for b in expand_foreach(foreach, lists)] == ["a", "b", "z"]
    assert expand_foreach({"n": [1, True]}, {}) == [{"n": "1"}, {"n": "True"}]
    expand_foreach(foreach, lists)[0]["r"] = "changed"  # the caller's own dicts: the cache is untouched
    assert expand_foreach(foreach, lists)[0] == {"r": "a", "c": "x"}
    with pytest.raises(ValueError, match="unknown list"):
        expand_foreach({"r": "nowhere"}, lists)


def test_cell_keys_fail_where_the_bad_pattern_comes():
    params = {"foreach": {"c": ["x", "y"]}, "keys": ["t.{c}", "u.{d}"]}
    seen = []
    for _ in range(2):  # computed, then cached
        seen.clear()
        with pytest.raises(expr.ExprError, match="unbound placeholder"):
            for _, key in cell_keys(params, {}):
                seen.append(key)
        assert seen == ["t.x"]
    assert list(cell_keys({"foreach": {"c": []}, "other": 1}, {})) == []  # no binding: keys never read


# -- the interpreter's shortcuts -----------------------------------------------------------------

def test_compact_and_fold_width_equal_translating_every_character():
    everything = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000) + "\U0001F600"
    assert T.fold_width(everything) == everything.translate(T._FOLD)
    assert T.compact(everything) == everything.translate(T._FOLD).translate(T._SPACES)
    rnd = random.Random(0)
    alphabet = "表三（一）本年新收 \u3000\u00a0\t\n\u200b\ufeffＡＢＣ１２３abc，。：ｚ～"
    for _ in range(2000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        assert T.fold_width(text) == text.translate(T._FOLD), repr(text)
        assert len(T.fold_width(text)) == len(text)
        assert T.compact(text) == text.translate(T._FOLD).translate(T._SPACES), repr(text)


def _texts():
    out = []
    for seed in range(30):
        report = F.make_report(seed)
        for render in (F.render_text, F.render_markdown):
            out.extend(line for line in render(report).split("\n") if line.strip())
    out += ["传真：0571-1234567", "E-mail: a@b.cn", "EMAIL:x@y.z", "邮编 310000", "通讯地址：某路1号",
            "结转至2024年度3件", "转入下年度办理2件", "无上年结转", "办理完毕12件", "作出答复5件",
            "《政府信息公开条例》", "行政事业性收费0元", "未收取任何费用", "统计期间为2023年1月1日至12月31日"]
    return [T.fold_width(t) for t in out]


def test_every_fact_pattern_match_contains_one_of_its_words():
    """The words that gate each pattern are a necessary condition of a match."""
    gated = [(pattern, words) for pattern, words in facts._CONTACT.values()]
    gated += [(pattern, words) for pattern, _, _, words in facts._NARRATIVE.values()]
    gated += [(facts._NO_CARRIED_OVER, ("结转",)), (facts._FEE_NONE, ("费",)), (facts._FEE_AMOUNT, ("费",)),
              (facts._CITATION, ("《",)), (facts._LAW_TITLE, ("《",)), (facts._PERIOD, ("统计", "数据"))]
    matched = set()
    for text in _texts():
        for i, (pattern, words) in enumerate(gated):
            for m in pattern.finditer(text):
                matched.add(i)
                assert any(w in m.group(0) for w in words), (pattern.pattern, m.group(0))
    assert len(matched) >= len(gated) - 2  # the texts do exercise the patterns


def test_row_matches_are_remembered_per_label_and_group():
    from report_lint.interpret.tables import _match_row, _prepared
    from report_lint.interpret.template import load_template

    spec = load_template("2021")["tables"]["requests"]
    prepared = _prepared("requests", spec)
    rows = prepared.rows
    groups = [None, *spec["groups"]]
    labels = {a for _, _, aliases in rows for a in aliases} | {"其他", "总计", ""}
    for label in sorted(labels):
        for group in groups:
            for _ in range(2):
                assert prepared.match(label, group) == _match_row(label, rows, group), (label, group)


def test_identity_plans_follow_changed_lists_and_expressions():
    from report_lint.checks.arithmetic import run_identity
    from report_lint.rules import Rule

    report = Report(tables={"t": {"a": {"x": Decimal(1), "total": Decimal(3)}, "b": {"x": Decimal(2), "total": Decimal(2)},
                                  "total": {"x": Decimal(3), "total": Decimal(5)}}})
    lists = {"rows": ["a", "b"], "cols": ["x", "total"]}
    rule = Rule(id="r", kind="identity", category="arithmetic", severity="error",
                message={"zh": "{c}: {lhs} ≠ {rhs}", "en": "{c}: {lhs} != {rhs}"}, summary={"zh": "r", "en": "r"},
                params={"foreach": {"c": "cols"}, "lhs": "t.total.{c}", "rhs": "sum(t.{r}.{c} for r in rows)"},
                lists=lists)

    def failing():
        report.__dict__["_values"] = ValueMemo(report)
        try:
            return [(f.key, f.found, f.expected) for f in run_identity(rule, report)]
        finally:
            report.__dict__.pop("_values")

    assert failing() == []
    lists["rows"].remove("b")  # in place: the cached plan must not be reused
    assert failing() == [("t.total.x", Decimal(3), Decimal(1)), ("t.total.total", Decimal(5), Decimal(3))]
    lists["cols"][:] = ["total"]
    assert failing() == [("t.total.total", Decimal(5), Decimal(3))]
    rule.params = {**rule.params, "rhs": "t.a.{c} + t.b.{c}"}
    assert failing() == []
    rule.params = {**rule.params, "rhs": "t.{d}"}  # unbound: fails when evaluated, after earlier bindings
    with pytest.raises(expr.ExprError, match="unbound placeholder"):
        failing()


def test_reader_and_cell_statuses_agree_with_value_and_cell_status():
    from report_lint.report import Provenance

    report = Report(tables={"t": {"a": {"x": Decimal(1), "y": None, "z": 2}}},
                    provenance={"t.a.x": Provenance("1", status="number"), "t.a.y": Provenance("/", status="dash")})
    keys = ["t.a.x", "t.a.y", "t.a.z", "t.a.w", "t.b"]
    assert report.cell_statuses(keys) == [report.cell_status(k) for k in keys] == ["number", "dash", "number",
                                                                                    "missing", "missing"]
    assert report.reader() == report.value  # outside a run: the method itself
    report.__dict__["_values"] = ValueMemo(report)
    try:
        read = report.reader()
        assert [read(k) for k in keys] == [report.value(k) for k in keys] == [Decimal(1), None, Decimal(2), None, None]
    finally:
        report.__dict__.pop("_values")


def test_remembered_section_matches_equal_matching_afresh():
    from report_lint.interpret.sections import _forms, _match, _matches_of
    from report_lint.interpret.template import load_template, norm_title

    for version in ("2021", "2019"):
        specs = load_template(version)["sections"]
        forms = [_forms(s["title"], tuple(s.get("variants", ()))) for s in specs]
        heads = [norm_title(t) for s in specs for t in (s["title"], *s.get("variants", ()))]
        heads += [h[:-1] for h in heads] + [h + "啦" for h in heads] + ["", "总体", "其他需要报告的事项和说明"]
        for _ in range(2):  # computed, then remembered
            matches = _matches_of([_forms(s["title"], tuple(s.get("variants", ()))) for s in specs])
            for head in heads:
                assert matches(head) == [_match(head, f) for f in forms], head

from decimal import Decimal

import pytest

from report_lint.numbers import chinese_to_int, number_from_text, parse_cell


@pytest.mark.parametrize("raw,value,status", [
    ("0", Decimal(0), "number"),
    (" 0", Decimal(0), "number"),
    ("\u00a00", Decimal(0), "number"),
    ("1\u00a0", Decimal(1), "number"),
    ("\n0", Decimal(0), "number"),
    ("１２", Decimal(12), "number"),
    ("1,234", Decimal(1234), "number"),
    ("0.25", Decimal("0.25"), "number"),
    ("20件", Decimal(20), "number"),
    ("22（其中修订16件）", Decimal(22), "annotated"),
    ("", None, "blank"),
    ("   ", None, "blank"),
    ("/", None, "dash"),
    ("—", None, "dash"),
    ("-", None, "dash"),
    ("无", None, "dash"),
    ("约20", None, "text"),
    ("未统计", None, "text"),
])
def test_cells_are_numbers_only_when_they_say_so(raw, value, status):
    cell = parse_cell(raw)
    assert cell.status == status
    assert cell.value == value
    assert cell.raw == raw


def test_blank_is_never_zero():
    assert parse_cell("").value is None
    assert parse_cell("/").value is None


@pytest.mark.parametrize("text,value", [("十二", 12), ("二百零五", 205), ("十", 10), ("一万二千", 12000), ("两", 2),
                                        ("三十", 30), ("abc", None), ("", None)])
def test_chinese_numerals(text, value):
    assert chinese_to_int(text) == value


def test_number_from_text_reads_digits_numerals_and_none():
    assert number_from_text("63") == 63
    assert number_from_text("６３") == 63
    assert number_from_text("六十三") == 63
    assert number_from_text("无") == 0

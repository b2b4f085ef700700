"""Fuzzing with Hypothesis: valid generated reports (docx zip bytes, a docx's XML, HTML
text, canonical JSON, plain text) and a valid ruleset, mutated. Every input must come
back within the time limit (the tool's own, per file) either read or with an
``InputError`` / ``RulesetError`` saying why; an internal error or a timeout is a bug.

Profiles (``REPORT_LINT_FUZZ``): ``ci`` (default: derandomized, no example database,
sized for a CI run) and ``long`` (random, many more examples: run by hand).
"""

from __future__ import annotations

import io
import os
import signal
import tempfile
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hostile_factory as HF
from report_lint.batch import lint_with_timeout
from report_lint.errors import InputError, RulesetError
from report_lint.ruleset import load_ruleset

pytest.importorskip("lxml")

SECONDS = 20  # per input: a hang ends here and fails the test
settings.register_profile("ci", max_examples=200, derandomize=True, database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=1500, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = os.environ.get("REPORT_LINT_FUZZ", "ci")
FUZZ = settings.get_profile(PROFILE)
RULESET = os.path.join(os.path.dirname(__file__), "rule_cases", "rulesets", "pattern-rules.yaml")
COUNTS: dict[str, int] = {}


@st.composite
def mutated(draw, data: bytes, max_ops: int = 6) -> bytes:
    """``data`` with a few byte-level edits: flips, deletions, insertions, duplications,
    a truncation, or splices of hostile snippets."""
    out = bytearray(data)
    snippets = [b"\x00", b"\xff\xfe", b"<", b">", b"&", b"]]>", b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"&a;",
                b"<w:p>", b"</w:tc>", b"|", b"\t", b"\n", "一、".encode(), "表三".encode(), b'{"', b"[" * 50,
                b"\xe4\xb8", b"9" * 30, b"-", b"/"]
    for _ in range(draw(st.integers(1, max_ops))):
        if not out:
            out += draw(st.binary(min_size=1, max_size=16))
            continue
        at = draw(st.integers(0, len(out) - 1))
        op = draw(st.sampled_from(["flip", "delete", "insert", "snippet", "duplicate", "truncate"]))
        if op == "flip":
            out[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "delete":
            del out[at: at + draw(st.integers(1, 64))]
        elif op == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif op == "snippet":
            out[at:at] = draw(st.sampled_from(snippets))
        elif op == "duplicate":
            out[at:at] = out[at: at + draw(st.integers(1, 256))]
        else:
            del out[at:]
    return bytes(out)


def docx_with_member(name: str, content: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(HF.good_docx()))
    members = {i.filename: src.read(i.filename) for i in src.infolist()}
    members[name] = content
    return HF.zip_of(members)


def lint_bytes(registry, ruleset, suffix: str, data: bytes, kind: str) -> None:
    COUNTS[kind] = COUNTS.get(kind, 0) + 1
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "fuzz" + suffix)
        with open(path, "wb") as fh:
            fh.write(data)
        result = lint_with_timeout(registry, path, lambda report: ruleset, None, None, False, SECONDS)
    if result.error is not None:
        assert isinstance(result.error, InputError), f"{type(result.error).__name__}: {result.error.en}"
        assert "timed out" not in result.error.en, result.error.en
        assert result.error.zh and result.error.en


def _member(name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(HF.good_docx())).read(name)


@FUZZ
@given(data=st.data())
def test_fuzz_docx_bytes(registry, national, data):
    lint_bytes(registry, national, ".docx", data.draw(mutated(HF.good_docx())), "docx bytes")


@FUZZ
@given(data=st.data(), name=st.sampled_from(["word/document.xml", "word/styles.xml", "word/numbering.xml",
                                            "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"]))
def test_fuzz_docx_parts(registry, national, data, name):
    part = data.draw(mutated(_member(name), max_ops=4))
    lint_bytes(registry, national, ".docx", docx_with_member(name, part), "docx parts")


@FUZZ
@given(data=st.data())
def test_fuzz_html(registry, national, data):
    lint_bytes(registry, national, ".html", data.draw(mutated(HF.good_html())), "html")


@FUZZ
@given(data=st.data())
def test_fuzz_canonical_json(registry, national, data):
    lint_bytes(registry, national, ".json", data.draw(mutated(HF.good_json())), "json")


@FUZZ
@given(data=st.data(), suffix=st.sampled_from([".txt", ".md"]))
def test_fuzz_text_and_markdown(registry, national, data, suffix):
    base = HF.good_text() if suffix == ".txt" else HF.good_markdown()
    lint_bytes(registry, national, suffix, data.draw(mutated(base)), "text")


class _Slow(BaseException):
    pass


def _alarm(signum, frame):
    raise _Slow()


@FUZZ
@given(data=st.data())
def test_fuzz_ruleset_yaml(registry, data):
    """A mutated ruleset loads or is refused with a RulesetError, in bounded time."""
    with open(RULESET, "rb") as fh:
        text = data.draw(mutated(fh.read()))
    COUNTS["ruleset"] = COUNTS.get("ruleset", 0) + 1
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "fuzz.yaml")
        with open(path, "wb") as fh:
            fh.write(text)
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, SECONDS)
        try:
            load_ruleset(path, registry)
        except RulesetError as exc:
            assert exc.zh and exc.en and "fuzz.yaml" in exc.en + exc.zh, exc.en
        except _Slow:
            pytest.fail("loading the ruleset did not return within the time limit")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def test_fuzz_counts_are_reported(capsys):
    """Runs last in this file: how many mutated inputs each target saw (shown with -s)."""
    if COUNTS:
        with capsys.disabled():
            print(f"\nfuzz ({PROFILE}): " + ", ".join(f"{k}={v}" for k, v in sorted(COUNTS.items()))
                  + f", total={sum(COUNTS.values())}")
    assert all(v > 0 for v in COUNTS.values())

"""Built-in parser plugin: reports as published on government websites (HTML pages).

Registers through the ``report_lint`` entry-point group like a third-party plugin.
lxml is imported only when a page is parsed (``pip install 'report-lint[html]'``);
``fetch`` reads ``http(s)://`` arguments with the stdlib only. The work is split by
job: ``page`` (bytes → tree → Document), ``article`` (the report, not the site around
it), ``flow`` (the article's headings, paragraphs and tables), ``grid`` (one table),
``text`` (whitespace as a reader sees it). See docs/formats/html.md.
"""

from report_lint.hookspecs import hookimpl
from report_lint.specs import ParserSpec

SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
_STRONG = (b"<!doctype html", b"<html", b"<?xml")
_WEAK = (b"<head", b"<body", b"<meta ", b"<div", b"<p>", b"<p ", b"<table", b"<title")


def _parse(data: bytes, path: str):
    from .page import parse

    return parse(data, path)


def _sniff(head: bytes) -> int:
    text = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(_STRONG) and (b"<html" in text or b"<body" in text or b"<head" in text):
        return 90
    hits = sum(1 for tag in _WEAK if tag in text)
    return 70 if hits >= 2 else 0


@hookimpl
def report_lint_register_parsers(register):
    register(ParserSpec(name="html", suffixes=SUFFIXES, parse=_parse, sniff=_sniff,
                        description="网页（政府网站发布的报告，任意编码；也可直接给出 http(s) 网址）/ "
                                    "web pages as published on government sites, any encoding; or an http(s) URL"))

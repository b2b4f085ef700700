"""Parser plugin: PDF reports with a text layer, tables rebuilt from their drawn lines.

Registers through the ``report_lint`` entry-point group like any plugin. pypdfium2 is
imported only when a PDF is parsed. ``reader`` reads the pages within limits,
``chars`` the characters, ``ruling`` the drawn lines, ``grid`` the ruled tables,
``lineless`` the tables drawn without lines, ``furniture`` page numbers and running
headers, ``layout`` the reading order, ``text`` where spaces and breaks go.
"""

from report_lint.hookspecs import hookimpl
from report_lint.specs import ParserSpec


def _parse_pdf(data: bytes, path: str):
    try:
        import pypdfium2  # noqa: F401 - the optional dependency of this parser
    except ImportError:
        from report_lint.errors import InputError

        from .messages import text

        raise InputError(*text("needs_pdfium"))
    from .reader import parse

    return parse(data, path)


def _sniff_pdf(head: bytes) -> int:
    if head.startswith(b"%PDF-"):
        return 95
    return 60 if b"%PDF-" in head[:1024] else 0


@hookimpl
def report_lint_register_parsers(register):
    register(ParserSpec(name="pdf", suffixes=(".pdf",), parse=_parse_pdf, sniff=_sniff_pdf,
                        description="PDF（有文字层；按框线重建表格，跨页表格拼接）/ PDF with a text layer: "
                                    "tables rebuilt from their ruling lines, tables continued across pages joined"))

"""Built-in parser plugin: Word .docx reports, read as their authors see them.

Registers through the ``report_lint`` entry-point group like any plugin. The reading
lives in ``reader`` (which parts), ``archive`` (safe unzip and XML, what a file that is
not a .docx really is), ``body`` (paragraphs, runs, tables), ``numbering`` and
``styles`` (automatic numbers and headings), ``marks`` (comments, properties). lxml is
imported only when a .docx is parsed.
"""

from report_lint.hookspecs import hookimpl
from report_lint.specs import ParserSpec


def _parse_docx(data: bytes, path: str):
    try:
        import lxml.etree  # noqa: F401 - the optional dependency of this parser
    except ImportError:
        from report_lint.errors import InputError

        raise InputError("读取 .docx 需要 lxml：请运行 pip install 'report-lint[docx]'",
                         "reading .docx needs lxml: run pip install 'report-lint[docx]'")
    from .reader import parse

    return parse(data, path)


def _sniff_docx(head: bytes) -> int:
    from .archive import looks_like_docx

    return looks_like_docx(head)


@hookimpl
def report_lint_register_parsers(register):
    register(ParserSpec(name="docx", suffixes=(".docx", ".docm", ".dotx", ".dotm"), parse=_parse_docx,
                        sniff=_sniff_docx,
                        description="Word 文档（.docx；自动编号、合并单元格、修订与批注）/ Word .docx: "
                                    "automatic numbering, merged cells, tracked changes and comments"))
    # .doc and .wps are often really a .docx under another name (WPS saves them so);
    # the real binary formats get a message saying how to convert them.
    register(ParserSpec(name="doc", suffixes=(".doc", ".wps", ".wpt", ".dot"), parse=_parse_docx,
                        description="Word 97-2003 / WPS：实为 .docx 时照常读取，否则提示另存为 .docx / "
                                    "Word 97-2003 and WPS: read when really a .docx, else told how to convert"))

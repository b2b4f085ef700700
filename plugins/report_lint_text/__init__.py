"""Built-in parser plugin: plain text and Markdown reports.

Registers through the ``report_lint`` entry-point group exactly like a third-party
plugin. The parsing itself lives in ``plaintext`` and ``markdown``; this module only
says which files they read.
"""

from report_lint.hookspecs import hookimpl
from report_lint.specs import ParserSpec


def _parse_text(data: bytes, path: str):
    from .plaintext import parse

    return parse(data, path)


def _parse_markdown(data: bytes, path: str):
    from .markdown import parse

    return parse(data, path)


def _sniff_markdown(head: bytes) -> int:
    text = head[:4096].decode("utf-8", "ignore")
    score = 0
    if "\n|" in text and "|---" in text.replace(" ", "").replace(":", ""):
        score += 40
    if text.lstrip().startswith("#") or "\n# " in text or "\n## " in text:
        score += 20
    return score


def _sniff_text(head: bytes) -> int:
    if b"\x00" in head[:1024]:
        return 0
    try:
        head[:4096].decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head[:4096]) - 4:  # not merely a character cut at the end
            return 0
    return 10  # plain text reads anything textual: the fallback


@hookimpl
def report_lint_register_parsers(register):
    register(ParserSpec(name="text", suffixes=(".txt", ".text"), parse=_parse_text, sniff=_sniff_text,
                        description="纯文本（表格单元格以 Tab 缩进或 Tab 分隔）/ plain text, tab-indented or tab-separated cells"))
    register(ParserSpec(name="markdown", suffixes=(".md", ".markdown"), parse=_parse_markdown,
                        sniff=_sniff_markdown, description="Markdown（管道表格）/ Markdown with pipe tables"))

"""From .docx bytes to the core's Document: which parts are read, in which order.

Only the parts the printed body depends on are read: the main document, its
relationships, styles, numbering and comments, and the two property parts. Headers,
footers, footnotes, images and embedded files are never opened. lxml is imported here,
not at start-up.
"""

from __future__ import annotations

from report_lint.document import Document, ParseProblem
from report_lint.errors import InputError

from . import marks
from .archive import Package, is_refusal, posix_dir
from .body import BodyReader
from .names import names_of
from .numbering import Numbering
from .styles import Styles


def parse(data: bytes, path: str) -> Document:
    pkg = Package(data, path)
    root = pkg.xml(pkg.main)
    w = names_of(root)
    body = root.find(w.body)
    if body is None:
        raise InputError(f"{pkg.main} 没有正文（w:body），文件已损坏。请用 Word/WPS 打开后另存为 .docx",
                         f"{pkg.main} has no body (w:body): the file is damaged; save it again as .docx from Word/WPS")
    _check_elements(body, w, pkg.main)
    doc = Document(source_path=path, source_format="docx")
    parts = _document_parts(pkg)

    styles_root = _optional(pkg, parts.get("styles"), doc)
    styles = Styles(styles_root, w)

    def load_numbering() -> Numbering:
        return Numbering(_optional(pkg, parts.get("numbering"), doc), w, styles)

    reader = BodyReader(doc, w, styles, load_numbering)
    reader.read_body(body)

    comments_root = _optional(pkg, parts.get("comments"), doc)
    if comments_root is not None:
        doc.marks.extend(marks.comments(comments_root, w, reader.anchors))

    doc.properties.update(_properties(pkg, doc))
    return doc


def _check_elements(body, w, name: str) -> None:
    """Paragraphs and table cells within the ``elements`` limit (report_lint.limits): a
    report has hundreds; millions of tiny ones would only cost time."""
    from report_lint.limits import current

    limit = current().elements
    count = 0
    for _ in body.iter(w.p, w.tc):
        count += 1
        if count > limit:
            raise InputError(f"{name} 的段落和单元格超过 {limit} 个，不像一份年度报告，已拒绝读取"
                             "（--limit elements=N 可放宽）",
                             f"{name} has more than {limit} paragraphs and table cells, too many for a report; "
                             "refused (raise it with --limit elements=N)")


def _document_parts(pkg: Package) -> dict[str, str]:
    """Styles, numbering and comments parts named by the main part's relationships
    (conventional names when the relationships are missing)."""
    folder = posix_dir(pkg.main)
    base = pkg.main.rsplit("/", 1)[-1]
    rels_name = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
    found: dict[str, str] = {}
    if pkg.has(rels_name):
        for rel_type, target in pkg.relationships(rels_name):
            kind = rel_type.rsplit("/", 1)[-1]
            if kind in ("styles", "numbering", "comments") and kind not in found:
                found[kind] = target
    else:
        for kind in ("styles", "numbering", "comments"):
            name = f"{folder}/{kind}.xml" if folder else f"{kind}.xml"
            if pkg.has(name):
                found[kind] = name
    return found


def _properties(pkg: Package, doc: Document) -> dict[str, str]:
    core, app = "docProps/core.xml", "docProps/app.xml"
    if pkg.has("_rels/.rels"):
        for rel_type, target in pkg.relationships("_rels/.rels"):
            if rel_type.endswith("/core-properties"):
                core = target
            elif rel_type.endswith("/extended-properties"):
                app = target
    out: dict[str, str] = {}
    root = _optional(pkg, app, doc)
    if root is not None:
        out.update(marks.app_properties(root))
    root = _optional(pkg, core, doc)
    if root is not None:
        out.update(marks.core_properties(root))
    return out


def _optional(pkg: Package, name: str | None, doc: Document):
    """A part the body can do without: damage becomes a parse problem, not an error.
    Refusals for safety (bombs, DOCTYPE) still stop the file."""
    if not pkg.has(name):
        return None
    try:
        return pkg.xml(name)
    except InputError as exc:
        if is_refusal(exc):
            raise
        doc.problems.append(ParseProblem(f"{name} 无法读取，已跳过：{exc.zh}", f"{name} could not be read, skipped: {exc.en}"))
        return None

"""Comments and document properties: what the file carries besides its printed text.

Comments live in their own part (word/comments.xml); the body only holds anchors, which
``body`` records with the paragraph or cell they sit in. Properties come from
docProps/core.xml (title, author, dates) and docProps/app.xml (the application that
saved the file, its page count).
"""

from __future__ import annotations

from report_lint.document import Mark
from report_lint.location import Location

_CORE = {
    "{http://purl.org/dc/elements/1.1/}title": "title",
    "{http://purl.org/dc/elements/1.1/}subject": "subject",
    "{http://purl.org/dc/elements/1.1/}creator": "creator",
    "{http://purl.org/dc/elements/1.1/}description": "description",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords": "keywords",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastModifiedBy": "last_modified_by",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}revision": "revision",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastPrinted": "last_printed",
    "{http://purl.org/dc/terms/}created": "created",
    "{http://purl.org/dc/terms/}modified": "modified",
}
_APP = {"Application": "application", "AppVersion": "app_version", "Pages": "pages"}
MAX_PROPERTY_CHARS = 500


def comments(root, names, anchors: dict[str, Location]) -> list[Mark]:
    """One ``comment`` mark per comment, in the order of their anchors in the body;
    comments anchored outside the body (headers, footnotes) come last, without a location."""
    w = names
    found = []
    for el in root.iter(w.comment):
        cid = el.get(w.a_id)
        paragraphs = ["".join(p.itertext(w.t)) for p in el.iter(w.p)]
        text = "\n".join(p for p in paragraphs if p.strip()).strip()
        found.append((cid, el.get(w.a_author), text))
    order = {cid: i for i, cid in enumerate(anchors)}
    found.sort(key=lambda c: order.get(c[0], len(order)))
    return [Mark("comment", text, anchors.get(cid, Location()), author) for cid, author, text in found]


def core_properties(root) -> dict[str, str]:
    out = {}
    for el in root:
        key = _CORE.get(el.tag)
        text = (el.text or "").strip()
        if key and text:
            out[key] = text[:MAX_PROPERTY_CHARS]
    return out


def app_properties(root) -> dict[str, str]:
    out = {}
    for el in root:
        tag = el.tag.rsplit("}", 1)[-1]
        key = _APP.get(tag)
        text = (el.text or "").strip()
        if key and text:
            out[key] = text[:MAX_PROPERTY_CHARS]
    return out

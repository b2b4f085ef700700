"""Hostile and broken inputs, generated here (nothing is downloaded or checked in).

Each maker returns the bytes of one file; ``CASES`` names them by file name, so the
suffix decides which parser is tried. ``write_all(folder)`` writes every case (plus the
special files: a directory named ``report.docx``, a broken symlink, a FIFO) and returns
their paths. ``canary_*`` build inputs whose entities, DTDs, XIncludes and links point
at a canary file or URL that must never be read. Everything is deterministic (seeded).

Public API
----------
* ``CASES``: ``{file name: maker}``; ``SUFFIXES``: the suffixes covered.
* ``zip_of(members)``, ``ole2(*streams)``: containers.
* ``good_docx()``, ``good_html()``, ``good_json()``, ``good_text()``, ``good_markdown()``.
* ``canary_docx(target)``, ``canary_html(target)``: references to ``target`` (a path
  or URL) in every place a parser could be tempted to follow one.
* ``HOSTILE_RULESETS``: ``{name: (yaml text, words the error must contain)}``.
"""

from __future__ import annotations

import io
import json
import os
import random
import struct
import zipfile

import docx_factory as D
import factory as F
import html_factory as H

SUFFIXES = (".txt", ".md", ".json", ".docx", ".html")
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def zip_of(members: dict, method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return buf.getvalue()


def ole2(*streams: str) -> bytes:
    """A minimal OLE2 compound file (Word 97, WPS, old Excel) with the named streams."""
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 0x2C, 1)
    struct.pack_into("<I", header, 0x30, 1)
    struct.pack_into("<III", header, 0x38, 4096, 0xFFFFFFFE, 0)
    struct.pack_into("<II", header, 0x44, 0xFFFFFFFE, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([0xFFFFFFFF] * 108))
    fat = struct.pack("<128I", 0xFFFFFFFD, 0xFFFFFFFE, *([0xFFFFFFFF] * 126))
    entries = b""
    for name in ("Root Entry", *streams)[:4]:
        raw = name.encode("utf-16-le") + b"\x00\x00"
        entry = bytearray(128)
        entry[: len(raw)] = raw
        struct.pack_into("<HB", entry, 0x40, len(raw), 5 if name == "Root Entry" else 2)
        entries += bytes(entry)
    return bytes(header) + fat + entries.ljust(512, b"\x00") + b"\x00" * 512


_CACHE: dict[str, bytes] = {}


def _cached(name: str, make) -> bytes:
    if name not in _CACHE:
        _CACHE[name] = make()
    return _CACHE[name]


def good_docx() -> bytes:
    return _cached("docx", lambda: D.render_docx(F.make_report(0), style="word"))


def good_html() -> bytes:
    return _cached("html", lambda: H.page_bytes(F.make_report(0), "gov"))


def good_text() -> bytes:
    return _cached("txt", lambda: F.render_text(F.make_report(0)).encode("utf-8"))


def good_markdown() -> bytes:
    return _cached("md", lambda: F.render_markdown(F.make_report(0)).encode("utf-8"))


def good_json() -> bytes:
    return _cached("json", lambda: json.dumps({"tables": F.tables_to_jsonable(F.make_report(0).tables)},
                                              ensure_ascii=False).encode("utf-8"))


GOOD = {".docx": good_docx, ".html": good_html, ".txt": good_text, ".md": good_markdown, ".json": good_json}


def random_bytes(seed: int, size: int = 4096) -> bytes:
    return random.Random(seed).randbytes(size)


def _docx_with(document_xml: str | bytes, extra: dict | None = None) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(good_docx()))
    members = {i.filename: src.read(i.filename) for i in src.infolist()}
    members["word/document.xml"] = document_xml
    members.update(extra or {})
    return zip_of(members)


def _doc(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>{body}</w:body></w:document>'


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def billion_laughs() -> str:
    ents = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    return f'<?xml version="1.0"?><!DOCTYPE d [{ents}]><w:document {W_NS}><w:body>{_para("&l9;")}</w:body></w:document>'


def zip_bomb_ratio() -> bytes:
    """A document.xml of 40 MB of one repeated byte: a ratio far over 200."""
    return _docx_with(b"<w:document>" + b" " * (40 * 1024 * 1024) + b"</w:document>")


def zip_declared_huge() -> bytes:
    """A tiny member whose central directory claims 3 GB uncompressed."""
    data = bytearray(_docx_with(_doc(_para("一、总体情况"))))
    at = data.rfind(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46: at + 46 + name_len] == b"word/document.xml":
            struct.pack_into("<I", data, at + 24, 3_000_000_000)
            break
        at = data.rfind(b"PK\x01\x02", 0, at)
    return bytes(data)


def zip_many_entries() -> bytes:
    members = {f"word/media/e{i}.bin": b"" for i in range(12_000)}
    return _docx_with(_doc(_para("一、总体情况")), members)


def docx_deep_nesting() -> bytes:
    depth = 5000
    return _docx_with(f'<?xml version="1.0"?><w:document {W_NS}><w:body>' + "<w:sdt><w:sdtContent>" * depth
                      + _para("一、总体情况") + "</w:sdtContent></w:sdt>" * depth + "</w:body></w:document>")


def docx_many_paragraphs() -> bytes:
    return _docx_with(_doc("<w:p/>" * 150_000))


def docx_huge_document_xml() -> bytes:
    """A document.xml of about 48 MB of real-looking paragraphs (stored, not deflated)."""
    para = _para("本年度信息公开工作正常开展，各项制度落实到位。" * 8)
    count = 48 * 1024 * 1024 // len(para.encode())
    src = zipfile.ZipFile(io.BytesIO(good_docx()))
    members = {i.filename: src.read(i.filename) for i in src.infolist()}
    members["word/document.xml"] = _doc(para * count)
    return zip_of(members, zipfile.ZIP_STORED)


def html_huge() -> bytes:
    block = ("<p>" + "本年度信息公开工作正常开展。" * 60 + "</p>\n").encode("utf-8")
    return b"<html><body>" + block * (40 * 1024 * 1024 // len(block) + 1)


def html_deep() -> bytes:
    return ("<html><body>" + "<div>" * 10_000 + "一、总体情况" + "</div>" * 10_000 + "</body></html>").encode()


def html_many_elements() -> bytes:
    return ("<html><body><p>一、总体情况</p>" + "<i>字</i>" * 150_000 + "</body></html>").encode()


def html_lying_charset() -> bytes:
    return H.page_bytes(F.make_report(1), "plain", "gb18030", declare="utf-8")


def html_binary() -> bytes:
    return b"<html><body>" + random_bytes(7, 8192) + b"</body></html>"


def json_deep() -> bytes:
    return b'{"tables": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


def json_wrong_types() -> bytes:
    return json.dumps({"tables": {"requests": "everything"}, "year": "二〇二五"}).encode()


def json_huge_number() -> bytes:
    return b'{"tables": {"requests": {"granted": {"total": 1' + b"0" * 100_000 + b"}}}}"


def text_nul_bytes() -> bytes:
    return b"\x00" * 10_000


def text_one_huge_line() -> bytes:
    return ("一、总体情况" + "本年度工作" * 2_000_000).encode("utf-8")


def markdown_pipes() -> bytes:
    return ("# 一、总体情况\n" + "|" * 200_000 + "\n|---|\n" + "| a " * 50_000 + "|\n").encode()


def ofd() -> bytes:
    return zip_of({"OFD.xml": "<ofd:OFD/>", "Doc_0/Document.xml": "<ofd:Document/>"})


def xlsx() -> bytes:
    return zip_of({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})


# name → maker; the suffix chooses the parser, as it does for a user
CASES: dict = {}
for _suffix in SUFFIXES:
    CASES[f"zero{_suffix}"] = lambda: b""
    CASES[f"random{_suffix}"] = (lambda s=_suffix: random_bytes(sum(map(ord, s))))
    CASES[f"word97-renamed{_suffix}"] = lambda: ole2("WordDocument", "1Table")
    CASES[f"wps-renamed{_suffix}"] = lambda: ole2("WordDocument", "WpsCustomData")
    CASES[f"ofd-renamed{_suffix}"] = ofd
    CASES[f"xlsx-renamed{_suffix}"] = xlsx
    CASES[f"truncated{_suffix}"] = (lambda s=_suffix: GOOD[s]()[: len(GOOD[s]()) // 3])
CASES.update({
    "random.dat": lambda: random_bytes(11),  # an unknown suffix: the bytes are sniffed
    "random-no-suffix": lambda: random_bytes(12),
    "zip-no-suffix": xlsx,
    "billion-laughs.docx": lambda: _docx_with(billion_laughs()),
    "zip-bomb-ratio.docx": zip_bomb_ratio,
    "zip-declared-3gb.docx": zip_declared_huge,
    "zip-12000-entries.docx": zip_many_entries,
    "deep-5000.docx": docx_deep_nesting,
    "paragraphs-150000.docx": docx_many_paragraphs,
    "document-xml-48mb.docx": docx_huge_document_xml,
    "encrypted.docx": lambda: ole2("EncryptionInfo", "EncryptedPackage"),
    "pdf-renamed.docx": lambda: b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n",
    "html-40mb.html": html_huge,
    "nesting-10000.html": html_deep,
    "elements-150000.html": html_many_elements,
    "binary.html": html_binary,
    "lying-charset.html": html_lying_charset,
    "deep-100000.json": json_deep,
    "wrong-types.json": json_wrong_types,
    "number-100000-digits.json": json_huge_number,
    "nul.txt": text_nul_bytes,
    "one-line-20mb.txt": text_one_huge_line,
    "pipes.md": markdown_pipes,
})


def write_all(folder: str) -> list[str]:
    """Every case written into ``folder``, plus the special files; their paths."""
    paths = []
    for name, make in CASES.items():
        path = os.path.join(folder, name)
        with open(path, "wb") as fh:
            fh.write(make())
        paths.append(path)
    special = os.path.join(folder, "report.docx")
    os.makedirs(special, exist_ok=True)
    paths.append(special)
    broken = os.path.join(folder, "broken-link.docx")
    os.symlink(os.path.join(folder, "does-not-exist.docx"), broken)
    paths.append(broken)
    fifo = os.path.join(folder, "fifo.txt")
    os.mkfifo(fifo)  # opening it to read would block forever: it must be refused unopened
    paths.append(fifo)
    return paths


# --------------------------------------------------------------------------------------
# Canaries: references that must never be followed
# --------------------------------------------------------------------------------------

def canary_docx(target: str) -> dict[str, bytes]:
    """Docx files whose XML points at ``target`` through every XML mechanism."""
    xxe = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{target}">]>'
           f'<w:document {W_NS}><w:body>{_para("&x;")}</w:body></w:document>')
    external_dtd = (f'<?xml version="1.0"?><!DOCTYPE w:document SYSTEM "{target}">'
                    f'<w:document {W_NS}><w:body>{_para("一、总体情况")}</w:body></w:document>')
    parameter = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % p SYSTEM "{target}"> %p;]>'
                 f'<w:document {W_NS}><w:body>{_para("一、总体情况")}</w:body></w:document>')
    xinclude = (f'<?xml version="1.0"?><w:document {W_NS} xmlns:xi="http://www.w3.org/2001/XInclude"><w:body>'
                f'{_para("一、总体情况")}<w:p><w:r><w:t><xi:include href="{target}" parse="text"/></w:t></w:r></w:p>'
                "</w:body></w:document>")
    styles_xxe = xxe.replace("w:document", "w:styles").replace("<w:body>", "").replace("</w:body>", "")
    rels_external = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                     'relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/'
                     f'officeDocument/2006/relationships/styles" Target="{target}" TargetMode="External"/>'
                     "</Relationships>")
    return {
        "xxe.docx": _docx_with(xxe),
        "external-dtd.docx": _docx_with(external_dtd),
        "parameter-entity.docx": _docx_with(parameter),
        "xinclude.docx": _docx_with(xinclude),
        "styles-xxe.docx": _docx_with(_doc(_para("一、总体情况")), {"word/styles.xml": styles_xxe}),
        "external-rels.docx": _docx_with(_doc(_para("一、总体情况")), {"word/_rels/document.xml.rels": rels_external}),
    }


def canary_html(target: str) -> dict[str, bytes]:
    """Pages that link, embed, include or script ``target``."""
    body = F.render_text(F.make_report(2)).replace("<", "").split("\n")
    paragraphs = "".join(f"<p>{line}</p>" for line in body[:20])
    page = (f'<!DOCTYPE html SYSTEM "{target}"><html><head><meta charset="utf-8">'
            f'<link rel="stylesheet" href="{target}"><script src="{target}"></script>'
            f'<script>fetch("{target}"); document.write("<p>CANARY-SCRIPT</p>")</script>'
            f'<base href="{target}"></head><body>'
            f'<iframe src="{target}"></iframe><img src="{target}"><object data="{target}"></object>'
            f'<embed src="{target}"><a href="{target}">link</a>{paragraphs}</body></html>')
    entity = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "{target}">]>'
              f'<html><body><p>一、总体情况</p><p>&x;</p>{paragraphs}</body></html>')
    return {"links.html": page.encode("utf-8"), "entity.xhtml": entity.encode("utf-8")}


# --------------------------------------------------------------------------------------
# Rulesets
# --------------------------------------------------------------------------------------

def _rule(params: str, kind: str = "identity", extra: str = "") -> str:
    return ("name: hostile\nrules:\n  - id: r1\n    kind: " + kind + "\n    category: arithmetic\n"
            "    severity: error\n    message: {zh: 甲, en: a}\n" + extra + "    params:\n" + params)


def _laughs() -> str:
    lines = ["name: hostile", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    return "\n".join(lines) + "\nrules: []\n"


def hostile_rulesets(canary: str) -> dict[str, tuple[str, int | None, tuple[str, ...]]]:
    """name → (YAML, the line the error must name or None, words the message must contain).
    ``canary`` is a path that code run by the ruleset would create."""
    return {
        "python-object-apply": (f"name: x\nrules: !!python/object/apply:os.system ['touch {canary}']\n", 2, ("tag",)),
        "python-name": ("name: x\nrules: !!python/name:os.system\n", 2, ("tag",)),
        "python-module": ("name: x\nrules: !!python/module:os\n", 2, ("tag",)),
        "custom-tag": ("name: x\nrules: !hostile {a: 1}\n", 2, ("tag",)),
        "alias-laughs": (_laughs(), None, ("别名", "anchors")),
        "dunder-class": (_rule("      lhs: requests.granted.total.__class__\n      rhs: '0'\n"), 10, ("表达式",)),
        "dunder-import": (_rule("      lhs: __import__('os').system('touch " + canary + "')\n      rhs: '0'\n"), 10,
                          ("表达式",)),
        "attribute-call": (_rule("      lhs: requests.granted.total.__globals__['os']\n      rhs: '0'\n"), 10, ("表达式",)),
        "lambda": (_rule("      lhs: '(lambda x: x)(1)'\n      rhs: '0'\n"), 10, ("表达式",)),
        "huge-exponent": (_rule("      lhs: 9**9**9\n      rhs: '0'\n"), 10, ("表达式",)),
        "huge-constant": (_rule("      lhs: 9" + "9" * 5000 + " * 9" + "9" * 5000 + "\n      rhs: '0'\n"), 10, ()),
        "deep-parentheses": (_rule("      lhs: " + "(" * 2000 + "1" + ")" * 2000 + "\n      rhs: '0'\n"), 10, ()),
        "format-attribute": (_rule("      lhs: '{x.__class__}'\n      rhs: '0'\n"), 10, ("表达式",)),
        "unknown-key": ("name: x\nrules: []\nexecute: now\n", 3, ("execute",)),
        "unknown-rule-key": (_rule("      lhs: '1'\n      rhs: '1'\n", extra="    run: rm -rf /\n"), 8, ("run",)),
        "wrong-type-rules": ("name: x\nrules: {a: 1}\n", 2, ("rules",)),
        "wrong-type-severity": (_rule("      lhs: '1'\n      rhs: '1'\n").replace("severity: error", "severity: [1]"),
                                6, ("severity",)),
        "unknown-kind": (_rule("      a: 1\n", kind="exec"), 4, ("exec",)),
        "regex-backreference": (_rule("      regex: '(a)\\1'\n", kind="pattern"), 10, ("RE2",)),
        "regex-lookahead": (_rule("      regex: '(?=a)b'\n", kind="pattern"), 10, ("RE2",)),
        "regex-invalid": (_rule("      regex: '[abc'\n", kind="pattern"), 10, ("RE2",)),
        "regex-too-long": (_rule("      regex: '" + "a" * 1001 + "'\n", kind="pattern"), 10, ("regex",)),
        "regex-huge-repeat": (_rule("      regex: '(?:a{1000}){1000}'\n", kind="pattern"), 10, ("RE2",)),
        "not-a-mapping": ("- just\n- a list\n", None, ("object", "映射")),
        "binary": ("\x00\x01\x02 name: x", None, ()),
        "extends-cycle": ("name: x\nextends: hostile.yaml\nrules: []\n", None, ("循环", "cycle")),
        "extends-etc-passwd": ("name: x\nextends: /etc/passwd\nrules: []\n", 2, ("extends",)),
    }

"""Qualified tag and attribute names of WordprocessingML, for either namespace.

Word writes the transitional namespace; "Strict Open XML" documents use another one
for the same vocabulary. Every reader takes its names from here so both read alike.
"""

from __future__ import annotations

import functools

TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"

_TAGS = (
    "body p pPr pStyle numPr numId ilvl outlineLvl rPr r t tab br cr noBreakHyphen softHyphen sym "
    "delText instrText fldChar fldSimple ins moveTo moveFrom hyperlink smartTag customXml sdt sdtContent "
    "sdtPr showingPlcHdr bdo dir drawing pict object txbxContent tbl tr tc tcPr trPr gridSpan vMerge hMerge "
    "gridBefore gridAfter vanish commentReference commentRangeStart footnoteReference endnoteReference "
    "ptab altChunk style name basedOn abstractNum abstractNumId num lvl lvlOverride startOverride start "
    "numFmt lvlText lvlRestart isLgl suff numStyleLink styleLink comment ruby rubyBase"
).split()
_ATTRS = "val id author type char styleId instr fldCharType default".split()


class Names:
    """``names.p`` is ``{ns}p``; ``names.a_val`` is the attribute ``{ns}val``."""

    def __init__(self, ns: str):
        self.ns = ns
        for tag in _TAGS:
            setattr(self, tag, f"{{{ns}}}{tag}")
        for attr in _ATTRS:
            setattr(self, f"a_{attr}", f"{{{ns}}}{attr}")
        self.del_ = f"{{{ns}}}del"  # "del" is a Python keyword
        self.alternate = f"{{{MC}}}AlternateContent"
        self.choice = f"{{{MC}}}Choice"
        self.fallback = f"{{{MC}}}Fallback"
        self.math = f"{{{MATH}}}oMath"
        self.math_para = f"{{{MATH}}}oMathPara"
        self.math_t = f"{{{MATH}}}t"
        # What makes a paragraph more than its text elements (the slow, exact path), and
        # the elements that print in a paragraph without any of those.
        self.complex = (self.fldChar, self.instrText, self.ins, self.del_, self.moveFrom, self.moveTo,
                        self.vanish, self.alternate, self.drawing, self.pict, self.object,
                        self.commentReference, self.commentRangeStart, self.math, self.math_para, self.delText)
        # Containers around runs whose content prints as is.
        self.transparent = frozenset((self.hyperlink, self.smartTag, self.customXml, self.fldSimple, self.bdo,
                                      self.dir))


@functools.lru_cache(maxsize=4)
def names_for(ns: str) -> Names:
    return Names(ns)


def names_of(root) -> Names:
    """The names for the namespace a part's root element is in."""
    tag = root.tag
    ns = tag[1: tag.index("}")] if tag.startswith("{") else TRANSITIONAL
    return names_for(ns if ns in (TRANSITIONAL, STRICT) else TRANSITIONAL)

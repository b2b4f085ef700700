"""The ruling lines of one page: table borders as horizontal and vertical segments.

Word, WPS and LibreOffice draw cell borders as stroked lines or as thin filled
rectangles; cell shading is a large filled rectangle and is not a border. Only the
page's own objects are read (exporters do not put borders in form XObjects), and a
page with more objects than ``limit`` is not searched at all: its tables are then read
from character positions, and the caller says so.
"""

from __future__ import annotations

import ctypes

THIN = 2.5  # a filled rectangle at most this thick is a rule, not shading
STRAIGHT = 0.8  # how far a segment's ends may differ across its direction


class Rules:
    """Horizontal rules as (y, x0, x1) and vertical ones as (x, y0, y1), top-down y."""

    __slots__ = ("horizontal", "vertical")

    def __init__(self):
        self.horizontal: list[tuple[float, float, float]] = []
        self.vertical: list[tuple[float, float, float]] = []

    def add(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A segment from (x0, y0) to (x1, y1) in top-down page space, kept if straight."""
        if abs(y1 - y0) <= STRAIGHT and abs(x1 - x0) > STRAIGHT:
            self.horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= STRAIGHT and abs(y1 - y0) > STRAIGHT:
            self.vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def page_rules(raw, page, page_height: float, limit: int) -> Rules | None:
    """Rules drawn on the page, or None when it has more than ``limit`` objects."""
    count = raw.FPDFPage_CountObjects(page)
    if count > limit:
        return None
    rules = Rules()
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    bounds = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    path_type = raw.FPDF_PAGEOBJ_PATH
    for i in range(count):
        obj = raw.FPDFPage_GetObject(page, i)
        if raw.FPDFPageObj_GetType(obj) != path_type:
            continue
        if not raw.FPDFPageObj_GetBounds(obj, *bounds):
            continue
        x0, x1 = left.value, right.value
        y0, y1 = page_height - top.value, page_height - bottom.value
        w, h = x1 - x0, y1 - y0
        raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke))
        if not stroke.value and not fill.value:
            continue  # a clipping path or an invisible one
        if h <= THIN and w > h:  # a stroked line or a thin bar: its middle is the rule
            rules.add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2)
        elif w <= THIN and h > w:
            rules.add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1)
        elif stroke.value:  # a stroked outline (a box, a grid drawn as one path): its straight edges
            _edges(raw, obj, page_height, rules)
    return rules


def _edges(raw, obj, page_height: float, rules: Rules) -> None:
    segments = raw.FPDFPath_CountSegments(obj)
    if segments <= 1 or segments > 2000:
        return
    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
        return
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    px, py = ctypes.c_float(), ctypes.c_float()
    start = prev = None
    line_to, move_to = raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_MOVETO
    for s in range(segments):
        seg = raw.FPDFPath_GetPathSegment(obj, s)
        if not raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(px), ctypes.byref(py)):
            continue
        x = a * px.value + c * py.value + e
        y = page_height - (b * px.value + d * py.value + f)
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == move_to or prev is None:
            start = prev = (x, y)
            continue
        if kind == line_to:
            rules.add(prev[0], prev[1], x, y)
        prev = (x, y)
        if raw.FPDFPathSegment_GetClose(seg) and start is not None:
            rules.add(x, y, start[0], start[1])
            prev = start

"""grid_from_spans, shared by the docx and HTML parsers: any rows of merged cells give a
rectangle in which each cell sits at the first free position of its row and its copies
cover the rest of its span, exactly as a browser lays the table out."""

from hypothesis import given, settings
from hypothesis import strategies as st

from report_lint.document import Cell, grid_from_spans

spans = st.tuples(st.integers(1, 3), st.integers(1, 3))
layouts = st.lists(st.lists(spans, max_size=5), max_size=6)


def layout_by_hand(shape: list[list[tuple[int, int]]]) -> dict[tuple[int, int], tuple[int, int, bool]]:
    """(row, col) → (row, col) of the cell covering it and whether it is that cell itself."""
    taken: dict[tuple[int, int], tuple[int, int, bool]] = {}
    for r, row in enumerate(shape):
        c = 0
        for index, (rowspan, colspan) in enumerate(row):
            while (r, c) in taken:
                c += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.setdefault((r + dr, c + dc), (r, index, dr == 0 and dc == 0))
            c += colspan
    return taken


@settings(max_examples=300, deadline=None)
@given(layouts)
def test_every_position_is_covered_by_the_cell_a_browser_would_put_there(shape):
    rows = [[Cell(f"{r}.{i}", None, rs, cs) for i, (rs, cs) in enumerate(row)] for r, row in enumerate(shape)]
    grid = grid_from_spans(rows)
    expected = layout_by_hand(shape)
    height = max((r for r, _ in expected), default=-1) + 1
    width = max((c for _, c in expected), default=-1) + 1
    assert len(grid) == height
    assert all(len(line) == width for line in grid)
    for r, line in enumerate(grid):
        for c, cell in enumerate(line):
            owner = expected.get((r, c))
            if owner is None:
                assert cell.text == "" and cell.span_origin is None  # a hole
                continue
            row, index, itself = owner
            source = rows[row][index]
            if itself:
                assert cell is source
            else:
                assert cell.text == source.text and cell.span_origin is not None
                origin = grid[cell.span_origin[0]][cell.span_origin[1]]
                assert origin is source


def test_a_rowspan_reaching_below_the_last_row_adds_the_rows_it_covers():
    grid = grid_from_spans([[Cell("a", None, 3, 1), Cell("b")]])
    assert [[c.text for c in line] for line in grid] == [["a", "b"], ["a", ""], ["a", ""]]
    assert grid[2][0].span_origin == (0, 0)

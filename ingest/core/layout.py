"""Layout tables (old sites lay the whole page out in a table) become plain blocks before extraction.

Extractors keep data tables as rows of cells; given a layout table they print the page's columns
as table rows. A table that holds paragraphs, headings, lists, forms or other tables is layout,
as browsers' reader modes also judge it, and so is a picture with its caption; one with a caption
element, header cells or a summary is data, and so is a grid: rows of the same width whose text is
spread over the cells (a shopping list with its column names in <h4>), where a layout table keeps
the article in one cell.
"""
from __future__ import annotations

from collections import Counter

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "form", "table", "blockquote", "article"}
DATA_MARKS = {"caption", "th", "thead", "colgroup", "col"}
TABLE_PARTS = {"table", "tbody", "thead", "tfoot", "tr", "td", "th"}
CELLS = ("td", "th")
GRID_ROWS = 4  # a grid has at least this many rows,
GRID_SAME_WIDTH = 0.8  # this share of them as wide as the commonest width (two cells or more),
GRID_CELL_SHARE = 0.25  # and no cell holds more than this share of the table's text


def unwrap_layout_tables(tree) -> int:
    """Relabel every layout table's structure as divs; return how many tables were unwrapped."""
    layouts = [t for t in tree.iter("table") if _is_layout(t)]
    for table in layouts:
        for el in _own_parts(table):
            el.tag = "div"
            for attr in ("width", "cellpadding", "cellspacing", "border", "colspan", "rowspan", "valign"):
                el.attrib.pop(attr, None)
    return len(layouts)


def _is_layout(table) -> bool:
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return True
    if table.get("summary") or any(el.tag in DATA_MARKS for el in _own_parts(table)):
        return False
    tags = [el.tag for el in table.iterdescendants() if isinstance(el.tag, str)]
    if "table" not in tags and "form" not in tags and _is_grid(table):
        return False
    # A picture with its caption in a table of a row or two is a figure, not data.
    return any(tag in BLOCKS for tag in tags) or ("img" in tags and tags.count("tr") <= 2)


def _own_parts(table):
    """The table's own sections, rows and cells, not those of tables nested in it."""
    yield table
    stack = list(table)
    while stack:
        el = stack.pop()
        if el.tag == "table" or not isinstance(el.tag, str):
            continue
        if el.tag in TABLE_PARTS or el.tag in DATA_MARKS:
            yield el
            stack.extend(el)


def _is_grid(table) -> bool:
    """Rows of one width with the text spread over the cells: data, whatever the cells hold."""
    rows = [[cell for cell in row if cell.tag in CELLS] for row in _own_parts(table) if row.tag == "tr"]
    if len(rows) < GRID_ROWS:
        return False
    width, count = Counter(sum(map(_span, row)) for row in rows).most_common(1)[0]
    if width < 2 or count < GRID_SAME_WIDTH * len(rows):
        return False
    chars = [len(" ".join(cell.text_content().split())) for row in rows for cell in row]
    return sum(chars) > 0 and max(chars) <= GRID_CELL_SHARE * sum(chars)


def _span(cell) -> int:
    span = cell.get("colspan") or "1"
    return int(span) if span.isdigit() and 0 < int(span) < 100 else 1

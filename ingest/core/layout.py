"""Layout tables (old sites lay the whole page out in a table) become plain blocks before extraction.

Extractors keep data tables as rows of cells; given a layout table they print the page's columns
as table rows. A table that holds paragraphs, headings, lists, forms or other tables is layout,
as browsers' reader modes also judge it, and so is a picture with its caption; one with a caption
element, header cells or a summary is data.
"""
from __future__ import annotations

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "form", "table", "blockquote", "article"}
DATA_MARKS = {"caption", "th", "thead", "colgroup", "col"}
TABLE_PARTS = {"table", "tbody", "thead", "tfoot", "tr", "td", "th"}


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

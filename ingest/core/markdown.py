"""The body as Markdown: headings, lists, tables, quotes and links, rendered from an element tree.

Reads trafilatura's XML body (head, list/item, table/row/cell, quote, ref, hi, graphic, lb) and
plain HTML alike; `keep` limits it to the blocks whose text stayed in the record's `text`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .controls import INVISIBLE

_SPACE = re.compile(r"\s+")
_INVISIBLE = re.compile(f"[{INVISIBLE}]")  # the text drops some that the tree keeps: compared without
_MARKER = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
_HEADINGS = {"head", "h1", "h2", "h3", "h4", "h5", "h6"}
_LISTS = {"list", "ul", "ol"}
_ITEMS = {"item", "li"}
_TABLES = {"table"}
_ROWS = {"row", "tr"}
_CELLS = {"cell", "td", "th"}
_QUOTES = {"quote", "blockquote"}
_CODE = {"code", "pre"}
_IMAGES = {"graphic", "img"}
_BREAKS = {"lb", "br"}
_LINKS = {"ref", "a"}
_PARAGRAPHS = {"p"}
# Never body text; met when the page itself is rendered (readability-lxml's body won).
_SKIP = {"script", "style", "noscript", "template", "nav", "footer", "form", "button"}
_EMPHASIS = {"b": "**", "strong": "**", "#b": "**", "i": "*", "em": "*", "#i": "*", "#u": "", "#t": "`"}
_LAYOUT_CELL_CHARS = 600  # a table cell this long holds a page region, not a datum (as body/fallback.py)
_BLOCKS = _HEADINGS | _LISTS | _TABLES | _QUOTES | _PARAGRAPHS | {"pre", "div", "section", "article", "aside", "figure"}


@dataclass(frozen=True)
class Style:
    links: bool = True
    images: bool = True


class Kept:
    """The body's kept lines; each can vouch for one block, so a line repeated in the page renders once."""

    def __init__(self, lines: list[str] | None):
        self.lines = None if lines is None else Counter(normalise(line) for line in lines)

    def take(self, text: str) -> bool:
        if self.lines is None:
            return True
        for line in text.split("\n"):
            key = normalise(line)
            if key and self.lines[key] > 0:
                self.lines[key] -= 1
                return True
        return False


def normalise(line: str) -> str:
    """A line as both the text and the tree print it: markers, table pipes and spacing dropped."""
    line = _MARKER.sub("", line.strip()).replace("|", " ")
    return _SPACE.sub(" ", _INVISIBLE.sub("", line)).strip().casefold()


def render_markdown(body, keep: list[str] | None = None, style: Style = Style()) -> str:
    """Markdown of `body`; with `keep`, only the blocks whose text is one of those lines."""
    blocks: list[str] = []
    _walk(body, blocks, Kept(keep), style)
    return "\n\n".join(b for b in blocks if b.strip()).strip()


def _walk(element, blocks: list[str], kept: Kept, style: Style) -> None:
    """Block children rendered in turn; loose text and inline children between them form paragraphs."""
    run: list = [element.text or ""]
    for child in element:
        tag = _tag(child)
        render = _RENDERERS.get(tag)
        if tag in _SKIP:
            pass
        elif render or _has_blocks(child) or (tag in _IMAGES and style.images and not run_text(run).strip()):
            _flush(run, blocks, kept, style)
            if render:
                blocks.append(render(child, kept, style))
            elif tag in _IMAGES:
                blocks.append(_image(child))
            else:
                _walk(child, blocks, kept, style)
        else:
            run.append(child)
        run.append(child.tail or "")
    _flush(run, blocks, kept, style)


def run_text(run: list) -> str:
    """The run's text, line breaks as newlines, as `plain` gives an element's."""
    parts = (part if isinstance(part, str) else "\n" if _tag(part) in _BREAKS else plain(part) for part in run)
    return "".join(parts)


def _flush(run: list, blocks: list[str], kept: Kept, style: Style) -> None:
    """Loose text and inline elements: each of their lines that stayed in the body, a paragraph."""
    text = _SPACE_RUNS.sub(" ", "".join(_escape(p) if isinstance(p, str) else _inline_child(p, style) for p in run))
    blocks.extend(_kept_lines(text, run_text(run), kept))
    run.clear()


def _kept_lines(markdown: str, text: str, kept: Kept) -> list[str]:
    """The lines (split at line breaks) of an element's Markdown whose text is in the body: the body keeps or
    drops a <br>-separated line on its own (a byline, a menu in a layout cell)."""
    pairs = zip(markdown.split("\n"), text.split("\n"))
    return [line.strip() for line, plain_line in pairs if line.strip() and kept.take(plain_line)]


def _heading(element, kept: Kept, style: Style) -> str:
    text = inline(element, style).replace("\n", " ").strip()
    if not text or not kept.take(plain(element)):
        return ""
    return f"{'#' * _level(element)} {text}"


def _level(element) -> int:
    """h1-h6 by tag, trafilatura's <head rend="h3">, else 2 (a heading inside the body)."""
    name = _tag(element) if _tag(element) != "head" else (element.get("rend") or "")
    return int(name[1]) if re.fullmatch(r"h[1-6]", name) else 2


def _paragraph(element, kept: Kept, style: Style) -> str:
    if _has_blocks(element):
        blocks: list[str] = []
        _walk(element, blocks, kept, style)
        return "\n\n".join(b for b in blocks if b)
    return "\n\n".join(_kept_lines(inline(element, style), plain(element), kept))


def _list(element, kept: Kept, style: Style, depth: int = 0) -> str:
    ordered = _tag(element) == "ol" or element.get("rend") == "ol"
    lines, number = [], 0
    for item in element:
        if _tag(item) not in _ITEMS:
            continue
        nested = [c for c in item if _tag(c) in _LISTS]
        text = inline(item, style, skip=_LISTS).replace("\n", " ").strip()
        if text and kept.take(plain(item, skip=_LISTS)):
            number += 1
            lines.append(f"{'  ' * depth}{f'{number}.' if ordered else '-'} {text}")
        lines += [sub for sub in (_list(n, kept, style, depth + 1) for n in nested) if sub]
    return "\n".join(lines)


def _table(element, kept: Kept, style: Style) -> str:
    cells = [c for c in element.iter() if _tag(c) in _CELLS]
    if any(map(_is_region, cells)):  # a layout table: its cells hold page regions, not data
        blocks: list[str] = []
        for cell in cells:
            if not any(_tag(a) in _CELLS for a in cell.iterancestors() if a is not element):
                _walk(cell, blocks, kept, style)
        return "\n\n".join(b for b in blocks if b)
    rows = [r for r in element.iter() if _tag(r) in _ROWS]
    cells = [[inline(c, style).replace("\n", " ").replace("|", "\\|").strip()
              for c in row if _tag(c) in _CELLS] for row in rows]
    taken = [kept.take(plain(row)) for row in rows]  # every row, so none vouches twice
    cells = [row for row in cells if row]
    if not cells or not any(taken):
        return ""
    width = max(map(len, cells))
    cells = [row + [""] * (width - len(row)) for row in cells]
    lines = ["| " + " | ".join(row) + " |" for row in cells]
    lines.insert(1, "|" + " --- |" * width)
    return "\n".join(lines)


def _quote(element, kept: Kept, style: Style) -> str:
    inner = _paragraph(element, kept, style)
    return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n")) if inner else ""


def _code(element, kept: Kept, style: Style) -> str:
    text = "".join(element.itertext()).strip("\n")
    if not text.strip() or not kept.take(text):
        return ""
    return f"```\n{text}\n```"


_RENDERERS = {**dict.fromkeys(_HEADINGS, _heading), **dict.fromkeys(_PARAGRAPHS, _paragraph),
              **dict.fromkeys(_LISTS, _list), **dict.fromkeys(_TABLES, _table),
              **dict.fromkeys(_QUOTES, _quote), "pre": _code}


def inline(element, style: Style, skip: set[str] = frozenset()) -> str:
    """The element's text with links, emphasis, images and line breaks as Markdown."""
    parts = [_escape(element.text or "")]
    for child in element:
        if _tag(child) not in skip:
            parts.append(_inline_child(child, style))
        parts.append(_escape(child.tail or ""))
    return _SPACE_RUNS.sub(" ", "".join(parts))


def _inline_child(child, style: Style) -> str:
    tag = _tag(child)
    if tag in _SKIP:
        return ""
    if tag in _BREAKS:
        return "\n"
    if tag in _IMAGES:
        return _image(child) if style.images else ""
    if tag in _LINKS:
        return _link(child, style)
    if tag in _CODE:
        return f"`{''.join(child.itertext())}`"
    return _emphasis(child, style) + (" " if tag in _BLOCKS else "")


_SPACE_RUNS = re.compile(r"[ \t\r\f\v]+")


def _link(element, style: Style) -> str:
    text = inline(element, style).strip()
    target = element.get("target") or element.get("href")
    if not style.links or not target or not text:
        return text
    return f"[{text}]({target.replace(' ', '%20').replace(')', '%29')})"


def _emphasis(element, style: Style) -> str:
    text = inline(element, style)
    mark = _EMPHASIS.get(_tag(element)) or _EMPHASIS.get(element.get("rend") or "", "")
    if not mark or not text.strip():
        return text
    lead, core, trail = text[: len(text) - len(text.lstrip())], text.strip(), text[len(text.rstrip()):]
    return f"{lead}{mark}{core}{mark}{trail}"


def _image(element) -> str:
    alt = (element.get("alt") or element.get("title") or "").replace("]", "\\]")
    return f"![{alt}]({element.get('src') or ''})"


def plain(element, skip: set[str] = frozenset()) -> str:
    """The element's text with line breaks as newlines, for matching against the kept lines."""
    parts = [element.text or ""]
    for child in element:
        tag = _tag(child)
        if tag in _BREAKS:
            parts.append("\n")
        elif tag not in skip and tag not in _SKIP:
            parts.append(plain(child, skip) + (" " if tag in _CELLS or tag in _BLOCKS else ""))
        parts.append(child.tail or "")
    return "".join(parts)


def _is_region(cell) -> bool:
    return _has_blocks(cell) or len(plain(cell)) > _LAYOUT_CELL_CHARS


def _has_blocks(element) -> bool:
    return any(_tag(c) in _BLOCKS or _tag(c) in _RENDERERS for c in element)


def _escape(text: str) -> str:
    # Only what would turn prose into markup mid-line; line-start markers are rare in bodies.
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")


def _tag(element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""

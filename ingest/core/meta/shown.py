"""Dates the reader sees near the headline, read with htmldate's own quick date parser and, for the
formats it leaves to dateparser, with formats.py."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from lxml import etree

from .formats import ambiguous_numeric, in_order, numeric_order, written_day
from .title import headline_of

_HIDDEN = {"script", "style", "noscript", "template", "head", "title"}
_VISIBLE_TEXT = etree.XPath("//body//text()[not(ancestor::script or ancestor::style)]", smart_strings=False)
_CELLS = {"td", "th"}  # a table's dates are its data (a series, a schedule), not the article's
# An icon's drawing is one thing on screen however many shapes it holds: its shapes are not counted.
_DRAWING = {"path", "g", "circle", "rect", "line", "polyline", "polygon", "ellipse", "use", "defs", "symbol",
            "lineargradient", "radialgradient", "stop", "clippath", "mask"}
_UPDATE = re.compile(r"updat|modif|revis|edited|aktualisiert|aktualiz|mis à jour|actualiz|actualitz|atualiz|aggiorn"
                     r"|uppdater|opdater|oppdater|päivit|frissít|обнов|оновл|актуализ|ενημ[εέ]ρ", re.I)
_PUBLISHED = re.compile(r"publi|posted|created", re.I)
# How far from the headline a date still belongs to the article's header, in elements: on
# wcxb-dev 50 after (and 5 before, where the date sits above the h1) scored best; further out
# lie related-article lists and comment threads with their own dates.
AFTER, BEFORE = 50, 5


@dataclass(frozen=True)
class ShownDate:
    day: str  # YYYY-MM-DD
    update: bool  # labelled "updated", "modified", …: a modification, not the publication


def shown_dates(tree, earliest: datetime, latest: datetime) -> list[ShownDate]:
    """Dates written in short text nodes around the headline, in document order."""
    anchor = headline_of(tree)
    if anchor is None:
        return []
    found, order = [], _PageOrder(tree)
    for text, before, classes in _short_texts_near(tree, anchor):
        day = written_day(text, earliest, latest)
        if day and (numbers := ambiguous_numeric(text)) and order.known():
            day = in_order(day, numbers, order.known())
        if day:
            found.append(ShownDate(day, _is_update(text, before, classes)))
    return found


def _short_texts_near(tree, anchor) -> list[tuple[str, str, str]]:
    """(text, the end of the text before it, its element's classes) of each element's own short texts
    from BEFORE elements above the headline to AFTER below it. Above that, only the text before the
    first is read: a page's menus above the headline hold many short texts."""
    above, window = around(tree, anchor)
    previous = next((texts[-1][-40:] for texts in map(_own_texts, reversed(above)) if texts), "")
    near = []
    for el in window:
        for text in _own_texts(el):
            if 6 <= len(text) <= 60 and el.tag not in _CELLS:
                near.append((text, previous, el.get("class") or ""))
            previous = text[-40:]
    return near


def around(tree, anchor) -> tuple[list, list]:
    """The elements above the headline's window, and the window: BEFORE elements above `anchor`,
    `anchor`, and AFTER below it, in document order. The page after the window is not walked."""
    elements = (el for el in tree.iter() if isinstance(el.tag, str) and el.tag not in _DRAWING)
    above = []
    for el in elements:
        above.append(el)
        if el is anchor:
            break
    start = max(0, len(above) - 1 - BEFORE)
    return above[:start], above[start:] + list(islice(elements, AFTER))


class _PageOrder:
    """How the page writes numeric dates (formats.numeric_order of its visible text), read only when
    a date near the headline reads both ways: htmldate takes "03/01/2017" as 3 January, and a page
    whose other dates read 01/31/2025 means 1 March."""

    def __init__(self, tree):
        self._tree, self._order, self._read = tree, None, False

    def known(self) -> str | None:
        if not self._read:
            self._order, self._read = numeric_order(" ".join(_VISIBLE_TEXT(self._tree))), True
        return self._order


def _is_update(text: str, before: str, classes: str) -> bool:
    """Labelled as an update in its words or the words before it, or classed as one and not also
    as the publication (WordPress classes an unchanged post's date "published updated")."""
    return bool(_UPDATE.search(text + " " + before)
                or _UPDATE.search(classes) and not _PUBLISHED.search(classes))


def _own_texts(el):
    parent = el.getparent()
    texts = [el.text] if el.tag not in _HIDDEN else []
    if parent is None or parent.tag not in _HIDDEN:
        texts.append(el.tail)
    return [" ".join(t.split()) for t in texts if t and not t.isspace()]

"""What a finder returns: the elements an embed occupies in the tree, and the embed read from them;
and how a finder walks the tree for the elements an embed's markup uses."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..record import Embed


@dataclass(frozen=True)
class Found:
    """`elements` in document order; the first marks where the embed stood in the article."""

    elements: tuple
    embed: Embed


def found(element, embed: Embed) -> Found:
    return Found((element,), embed)


_XPATH_SPACE = re.compile(r"[ \t\r\n]+")  # what XPath's normalize-space folds; not a no-break space


def elements(tree, *tags: str) -> list:
    """The elements of these tags in document order, in the whole document as an XPath "//" reads it
    (a page can hold a second <html> after the first). lxml walks in C, and returns at once when
    the page has no element of any of the tags, where an XPath walks the whole tree."""
    tops = [*reversed(list(tree.itersiblings(preceding=True))), tree, *tree.itersiblings()]
    return [el for top in tops if isinstance(top.tag, str) for el in top.iter(*tags)]


def classed(tree, tag: str, *names: str) -> list:
    """The elements of `tag` with one of `names` among their classes, in document order."""
    wanted = set(names)
    return [el for el in elements(tree, tag) if not wanted.isdisjoint(_XPATH_SPACE.split(el.get("class") or ""))]

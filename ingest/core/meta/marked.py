"""trafilatura's search of the page for a byline, skipped when it cannot find one.

`trafilatura.metadata.extract_author` copies the whole tree, prunes it and runs three XPaths
with regular expressions over every element: the dearest part of reading metadata. Those XPaths
can only match an element whose class, id, rel, itemprop, data-testid or data-component holds
one of the words below (or an <author> element): when no attribute of the page holds any, the
search would return nothing, and is not run. The test is exact, not a guess: every word the
XPaths look for is listed, and pruning the copy only removes candidates.
"""
from __future__ import annotations

from lxml import etree
from trafilatura.metadata import extract_author

# Substrings of every value trafilatura.xpaths.AUTHOR_XPATHS can match (case as written there).
_WORDS = ("author", "Author", "username", "byl", "BBL", "Byline", "zuozhe", "bianji", "xiaobian",
          "channel-name", "submitted-by", "posted-by", "journalist-name", "screenname", "writer")
# A union of named attributes: lxml reads each by name, where a test of name() on every
# attribute of the page took twice as long.
_VALUES = etree.XPath("//@class|//@id|//@rel|//@itemprop|//@data-testid|//@data-component", smart_strings=False)
# Elements the XPaths match by name: <author>, and <rel> (their `rel='me'` tests a child element).
_ELEMENTS = etree.XPath("boolean(//author|//rel)")


def marked_author(tree) -> str | None:
    """trafilatura's byline search (`extract_author`), run only when it can find something."""
    if not _may_mark_author(tree):
        return None
    return extract_author(tree)


def _may_mark_author(tree) -> bool:
    values = "\n".join(_VALUES(tree))
    return any(word in values for word in _WORDS) or _ELEMENTS(tree)

"""Runs of paragraphs that are each the whole text of one link: teasers for other stories.

A single linked line inside the story ("Related: ...", a linked source) is kept: readers' truth
keeps it, and a block of teasers is two or more such lines in a row.
"""
from __future__ import annotations

import re

_NOT_WORD = re.compile(r"\W+")
# Short headings can also be links (a table of contents); teaser headlines run longer.
_MIN_WORDS = 5
# Five words take four separators: a shorter link text cannot be a teaser's, whatever _key makes of it.
_MIN_CHARS = 2 * _MIN_WORDS - 1


def _key(text: str) -> str:
    return _NOT_WORD.sub(" ", text).strip().casefold()


def anchor_texts(link_texts: list[str]) -> set[str]:
    """The text of every link in the page, normalised, for links long enough to be a teaser."""
    keys = set()
    for text in set(link_texts):  # a menu printed twice, a "Read more" on every teaser
        if len(text) < _MIN_CHARS:
            continue
        key = _key(text)
        if key.count(" ") + 1 >= _MIN_WORDS:
            keys.add(key)
    return keys


def drop_link_runs(paragraphs: list[str], anchors: set[str], known: dict[str, bool] | None = None) -> list[str]:
    """Drop paragraphs (and list items) whose whole text is the text of one link in the page, when
    the paragraph before or after is one too, unless the story introduces the run with a line ending
    in a colon ("Many patches were sent for review:"): that list is the author's. `known` holds
    lines already judged: a page's bodies share most of their lines."""
    known = {} if known is None else known
    for paragraph in paragraphs:
        if paragraph not in known:
            known[paragraph] = _is_link_text(paragraph, anchors)
    linked = [known[p] for p in paragraphs]
    introduced = _introduced(paragraphs, linked)
    return [p for i, p in enumerate(paragraphs)
            if introduced[i] or not (linked[i] and (i > 0 and linked[i - 1] or i + 1 < len(linked) and linked[i + 1]))]


def _introduced(paragraphs: list[str], linked: list[bool]) -> list[bool]:
    """Whether each linked paragraph belongs to a run whose line before ends with a colon."""
    introduced = [False] * len(paragraphs)
    for i in range(1, len(paragraphs)):
        if linked[i]:
            introduced[i] = introduced[i - 1] if linked[i - 1] else paragraphs[i - 1].rstrip().endswith(":")
    return introduced


def _is_link_text(paragraph: str, anchors: set[str]) -> bool:
    text = paragraph.lstrip("-•* ")
    key = _key(text)
    # a bare URL printed as text is a citation the author chose to show
    return not text.startswith(("http://", "https://", "www.")) and key.count(" ") + 1 >= _MIN_WORDS and key in anchors

"""The headline and standfirst belong in the record's title, not again at the top of the body."""
from __future__ import annotations

import re

_NOT_WORD = re.compile(r"\W+")
# Only the first few paragraphs can be a repeated headline or kicker.
_HEAD_SPAN = 3


def _key(text: str) -> str:
    return _NOT_WORD.sub(" ", text).strip().casefold()


def _keys(texts: list[str]) -> set[str]:
    return {_key(t) for t in texts if t and len(_key(t)) > 10}


def drop_headline(paragraphs: list[str], titles: list[str], standfirsts: list[str]) -> list[str]:
    """Drop leading paragraphs that repeat the page's title, and the standfirst right after it.

    The page's description is often its lead paragraph too, so it is dropped only where it
    follows a repeated headline: there it is the standfirst printed under the title.
    """
    title_keys = _keys(titles)
    start = 0
    while start < min(_HEAD_SPAN, len(paragraphs)) and _key(paragraphs[start]) in title_keys:
        start += 1
    if start and start < len(paragraphs) and _key(paragraphs[start]) in _keys(standfirsts):
        start += 1
    return paragraphs[start:]

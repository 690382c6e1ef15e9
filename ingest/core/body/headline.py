"""The headline belongs in the record's title, not again at the top of the body."""
from __future__ import annotations

import re

_NOT_WORD = re.compile(r"\W+")
# Only the first few paragraphs can be a repeated headline.
_HEAD_SPAN = 3
# Lines above the headline this short are kickers and section labels.
_KICKER_MAX_WORDS = 4


def _key(text: str) -> str:
    return _NOT_WORD.sub(" ", text).strip().casefold()


def _keys(texts: list[str]) -> set[str]:
    return {_key(t) for t in texts if t and len(_key(t)) > 10}


def drop_headline(paragraphs: list[str], titles: list[str]) -> list[str]:
    """Drop the page's title repeated near the top, and the short kicker lines above it (a section
    label such as "Review").

    The standfirst under the headline stays: it is often the article's lead paragraph too, and
    dropping it lost more article text than it removed repetition on the dev corpora.
    """
    title_keys = _keys(titles)
    heads = [i for i, p in enumerate(paragraphs[:_HEAD_SPAN]) if _key(p) in title_keys]
    if not heads:
        return paragraphs
    last = heads[-1]
    if any(len(p.split()) > _KICKER_MAX_WORDS for p in paragraphs[:last] if _key(p) not in title_keys):
        return [p for i, p in enumerate(paragraphs) if i not in heads]
    return paragraphs[last + 1:]

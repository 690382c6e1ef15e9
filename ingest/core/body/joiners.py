"""Zero-width joiners kept in trafilatura's text, and readability's bodies filtered as trafilatura's.

trafilatura drops every character that `str.isprintable()` refuses, to keep its XML valid. The
zero-width non-joiner and joiner are among them, though XML takes both and they are spelling:
Persian writes "می‌خواهم" with a non-joiner inside the word (without it the word is misspelt, and
a search for it fails), Indic scripts choose a letter's form with them, and an emoji sequence
("👨‍👩‍👧") falls apart into separate emoji without its joiners. The filter below, installed once
in trafilatura's place, keeps the two and drops what trafilatura drops; `printable` applies the
same to readability's lines, so the two bodies spell alike (a soft hyphen inside a word, a
zero-width space, a direction mark: gone from either).

The filter is trafilatura's for the whole process once ingest's body stage is imported: a
program that also calls trafilatura itself gets the joiners kept too. It is not scoped to our
calls because trafilatura caches its cleaned lines (`line_processing`, an lru_cache) whichever
filter made them: a scoped filter would hand one caller's lines to the other.
"""
from __future__ import annotations

from functools import lru_cache

import trafilatura.utils as _utils

_JOINERS = frozenset("\u200c\u200d")


@lru_cache(maxsize=2**14)  # as trafilatura's own: one entry per distinct character
def _printable_space_or_joiner(char: str) -> str:
    return char if char.isprintable() or char.isspace() or char in _JOINERS else ""


# remove_control_characters reads this name from its module at each call.
_utils.return_printables_and_spaces = _printable_space_or_joiner


def printable(text: str) -> str:
    """The text without the characters trafilatura's filter (above) drops."""
    if text.isprintable():
        return text
    return "".join(map(_printable_space_or_joiner, text))

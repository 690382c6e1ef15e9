"""Control characters and lone surrogates out of text: lxml refuses them in a tree, and a record must
not carry them (they break terminals, CSV and strict JSON readers)."""
from __future__ import annotations

import re

# C0 controls but tab and newline (a carriage return, alone or before a newline, is one, as HTML
# reads it); lone surrogates; the two non-characters XML refuses.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_UNSAFE_CHARS = [chr(c) for c in (*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0xfffe, 0xffff)]
# Word's vertical tab is its line break and a form feed is HTML white space: both stay white space.
_AS_SPACE = {"\x0b": "\n", "\x0c": " "}
_SHORT = 1_000  # characters
# Characters that show nothing: soft hyphen, zero-width space and joiners, word joiner, byte-order
# mark. A line of only these is empty; lines compared across renderings ignore them.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


def without_controls(text: str) -> str:
    """The text with C0 controls but tab and newline dropped (line-breaking ones kept as white space),
    lone surrogates and non-characters as U+FFFD."""
    if text.isprintable():  # most short texts (a link's, a line's): no control, surrogate or non-character
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _holds_unsafe(text):
        return text
    return _UNSAFE.sub(_replacement, text)


def _holds_unsafe(text: str) -> bool:
    """Whether `_UNSAFE` would match. On a page, one search per character and an encode (which fails
    only on a lone surrogate) run in C at memory speed, where the regex took twice as long."""
    if len(text) < _SHORT:  # a line: one regex call costs less than a search per character
        return _UNSAFE.search(text) is not None
    if any(char in text for char in _UNSAFE_CHARS):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _replacement(match: re.Match) -> str:
    char = match.group()
    if char in _AS_SPACE:
        return _AS_SPACE[char]
    return "" if char < "\x20" else "\ufffd"

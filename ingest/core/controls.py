"""Control characters and lone surrogates out of text: lxml refuses them in a tree, and a record must
not carry them (they break terminals, CSV and strict JSON readers)."""
from __future__ import annotations

import re

# C0 controls but tab and newline (a carriage return, alone or before a newline, is one, as HTML
# reads it); lone surrogates; the two non-characters XML refuses.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Word's vertical tab is its line break and a form feed is HTML white space: both stay white space.
_AS_SPACE = {"\x0b": "\n", "\x0c": " "}


def without_controls(text: str) -> str:
    """The text with C0 controls but tab and newline dropped (line-breaking ones kept as white space),
    lone surrogates and non-characters as U+FFFD."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_replacement, text)


def _replacement(match: re.Match) -> str:
    char = match.group()
    if char in _AS_SPACE:
        return _AS_SPACE[char]
    return "" if char < "\x20" else "\ufffd"

"""HTML character references in metadata, decoded however many times a template escaped them.

Meta attributes arrive decoded once by the parser, JSON-LD strings not at all (JSON is not HTML):
a template that escapes before writing leaves "And finally&#8230;" in a headline and
"aren&rsquo;t" in a description; one that escapes twice, "&amp;#8230;" in its JSON-LD.
"""
from __future__ import annotations

import html

_ESCAPES_MAX = 3  # "&amp;amp;#8230;" is three escapes deep; no page seen goes further


def unescaped(text: str) -> str:
    for _ in range(_ESCAPES_MAX):
        if "&" not in text:
            break
        text, before = html.unescape(text), text
        if text == before:
            break
    return text


def folded(text: str | None) -> str | None:
    """`text` unescaped, its white space folded; None when nothing is left."""
    if not text:
        return None
    return " ".join(unescaped(text).split()) or None

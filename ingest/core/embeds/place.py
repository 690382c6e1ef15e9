"""Where each embed stood in the extracted body: the paragraph its following text opens."""
from __future__ import annotations

import re

from .lift import Anchor

_WORD = re.compile(r"\w+")
PROBE_WORDS = 6


def place(anchors: list[Anchor], body_text: str) -> list[int | None]:
    """For each anchor, the index of the body paragraph the embed stood before (in order).

    The words after the embed find the paragraph it preceded; failing that (the next text was
    furniture), the words before it find the paragraph it followed. An embed after the last
    paragraph stands at len(paragraphs). Positions never go backwards.
    """
    paragraphs = [_words(p) for p in body_text.split("\n")]
    positions: list[int | None] = []
    floor = 0
    for anchor in anchors:
        position = _paragraph_after(anchor, paragraphs, floor)
        if position is not None:
            floor = position
        positions.append(position)
    return positions


def _paragraph_after(anchor: Anchor, paragraphs: list[str], floor: int) -> int | None:
    after = _words(anchor.after).split()[:PROBE_WORDS]
    if after:
        probe = " ".join(after)
        for i in range(floor, len(paragraphs)):
            if paragraphs[i].startswith(probe):
                return i
    before = _words(anchor.before).split()[-PROBE_WORDS:]
    if before:
        probe = " ".join(before)
        for i in range(floor, len(paragraphs)):
            if paragraphs[i].endswith(probe):
                return i + 1
    return None


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))

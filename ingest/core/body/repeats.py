"""An article printed twice: the later copy goes.

Some pages carry the story twice (a desktop and a mobile copy, a print copy, a copy inside a
modal), and an extractor that reads both writes it twice. A page may well repeat a line or two
(a pull quote, a recipe's shared step, a note under every table), so only a run of several
paragraphs of prose, repeated in the same order, is a second copy.
"""
from __future__ import annotations

# A paragraph this long is prose: captions, headings, labels and list items are shorter.
PROSE_CHARS = 200
# A repeated run holding this many paragraphs of prose is a second copy of the article.
MIN_COPIED_PROSE = 4


def drop_second_copies(paragraphs: list[str]) -> list[str]:
    """`paragraphs` without each later copy of a run that holds MIN_COPIED_PROSE prose paragraphs."""
    first_seen: dict[str, int] = {}
    dropped: set[int] = set()
    later = 0
    while later < len(paragraphs):
        line = paragraphs[later]
        if len(line) < PROSE_CHARS:
            later += 1
            continue
        earlier = first_seen.setdefault(line, later)
        if earlier == later:
            later += 1
            continue
        start, end = _run(paragraphs, earlier, later, dropped)
        if sum(1 for p in paragraphs[start:end] if len(p) >= PROSE_CHARS) >= MIN_COPIED_PROSE:
            dropped.update(range(start, end))
            later = end
        else:
            later += 1
    if not dropped:
        return paragraphs
    return [p for i, p in enumerate(paragraphs) if i not in dropped]


def _run(paragraphs: list[str], earlier: int, later: int, dropped: set[int]) -> tuple[int, int]:
    """The span [start, end) around `later` that repeats, line for line, the lines around `earlier`
    (the copy never reaching into the original, nor into a copy already dropped)."""
    back = 0
    while (earlier - back - 1 >= 0 and later - back - 1 > earlier and later - back - 1 not in dropped
           and paragraphs[earlier - back - 1] == paragraphs[later - back - 1]):
        back += 1
    ahead = 1
    while (later + ahead < len(paragraphs) and earlier + ahead < later - back
           and paragraphs[earlier + ahead] == paragraphs[later + ahead]):
        ahead += 1
    return later - back, later + ahead

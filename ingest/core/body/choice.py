"""Which of two bodies to keep: the one chosen so far (trafilatura's, or readability-lxml's where
it was asked) or trafilatura's readability pass, decided by a small fitted model.

Neither extractor is right on every page: on wcxb-dev's articles the better of the two per page
scores 0.956 word F1 where either alone scores at most 0.941. What tells them apart is visible in
the two bodies themselves: how long each is against the other and against the page's prose, how
much of each the other holds, how their paragraphs run. Boosted trees over those, fitted by
`make train` (tests/bench/train_bodies.py) and cross-validated by site, make the call.
"""
from __future__ import annotations

import math

from ..boosted import probability
from . import choice_weights as weights
from .fallback import shingles

_SHORT_LINE = 50  # characters: a line shorter than this is a label, a caption or a link


def prefer_port(first: list[str], second: list[str], prose: int) -> bool:
    """Whether `second` (trafilatura's readability pass) is the better body than `first`."""
    if not second or second == first:
        return False
    return probability(weights.BIAS, weights.TREES, choice_features(first, second, prose)) >= weights.THRESHOLD


def choice_features(first: list[str], second: list[str], prose: int) -> list[float]:
    """The two bodies side by side, in the order of `choice_weights.FEATURES`."""
    first_chars, second_chars = sum(map(len, first)), sum(map(len, second))
    first_shingles, second_shingles = shingles(first), shingles(second)
    first_keys, second_keys = _line_keys(first), _line_keys(second)
    shared = len(first_shingles & second_shingles)
    return [
        math.log1p(first_chars), math.log1p(second_chars), math.log((second_chars + 1) / (first_chars + 1)),
        shared / max(len(first_shingles), 1), shared / max(len(second_shingles), 1),
        first_chars / max(prose, 1), second_chars / max(prose, 1),
        math.log1p(len(first)), math.log1p(len(second)),
        _short_share(first), _short_share(second),
        math.log1p(first_chars / max(len(first), 1)), math.log1p(second_chars / max(len(second), 1)),
        *_unshared(first_keys, {key for key, _ in second_keys}),
        *_unshared(second_keys, {key for key, _ in first_keys}),
    ]


FEATURES = ("first_chars", "second_chars", "length_ratio", "first_in_second", "second_in_first",
            "first_of_prose", "second_of_prose", "first_lines", "second_lines", "first_short_lines",
            "second_short_lines", "first_mean_line", "second_mean_line",
            "first_only_head", "first_only_middle", "first_only_tail",
            "second_only_head", "second_only_middle", "second_only_tail")


def _unshared(body: list[tuple[str, int]], held: set[str]) -> tuple[float, float, float]:
    """Shares of a body's characters in lines the other body lacks (`held`: its line keys): before
    the first line both hold, between the first and the last, and after the last. Furniture the
    other left out tends to trail a body (related links, a boilerplate paragraph) or head it;
    article text one extractor missed tends to sit in the middle. `body` is its `_line_keys`."""
    shared = [i for i, (key, _) in enumerate(body) if key in held]
    total = sum(length for _, length in body) or 1
    if not shared:
        return 1.0, 1.0, 1.0
    first, last = shared[0], shared[-1]
    head = sum(length for _, length in body[:first])
    middle = sum(length for key, length in body[first:last + 1] if key not in held)
    tail = sum(length for _, length in body[last + 1:])
    return head / total, middle / total, tail / total


def _line_keys(body: list[str]) -> list[tuple[str, int]]:
    """Each line as compared between bodies (white space folded, case folded) with its length."""
    return [(" ".join(line.split()).casefold(), len(line)) for line in body]


def _short_share(paragraphs: list[str]) -> float:
    return sum(1 for p in paragraphs if len(p) < _SHORT_LINE) / max(len(paragraphs), 1)

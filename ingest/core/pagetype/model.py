"""A small model over a page's evidence: boosted trees say how likely an article it is, logistic
models which other type it is if not.

The weights are in `weights.py`, written by `make train` (tests/bench/train.py) from the dev corpora.
"""
from __future__ import annotations

from ..boosted import probability
from . import weights


def _standard(found: dict[str, float]) -> list[float]:
    return [(found.get(name, 0.0) - mean) / scale
            for name, mean, scale in zip(weights.FEATURES, weights.MEAN, weights.SCALE)]


def _logit(row: list[float], coefficients: tuple[float, ...]) -> float:
    return coefficients[0] + sum(w * x for w, x in zip(coefficients[1:], row))


def article_probability(found: dict[str, float]) -> float:
    return probability(weights.ARTICLE_BIAS, weights.ARTICLE_TREES, [found.get(name, 0.0) for name in weights.FEATURES])


def likeliest_other_type(found: dict[str, float]) -> str:
    """The non-article type the page most resembles (listing, collection, product, ...)."""
    row = _standard(found)
    return max(sorted(weights.TYPES), key=lambda kind: _logit(row, weights.TYPES[kind]))

"""A small logistic model over a page's evidence: how likely an article, and which type if not.

The weights are in `weights.py`, written by `make train` (tests/bench/train.py) from the dev corpora.
"""
from __future__ import annotations

import math

from . import weights


def _standard(found: dict[str, float]) -> list[float]:
    return [(found.get(name, 0.0) - mean) / scale
            for name, mean, scale in zip(weights.FEATURES, weights.MEAN, weights.SCALE)]


def _logit(row: list[float], coefficients: tuple[float, ...]) -> float:
    return coefficients[0] + sum(w * x for w, x in zip(coefficients[1:], row))


def article_probability(found: dict[str, float]) -> float:
    z = _logit(_standard(found), weights.ARTICLE)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def likeliest_other_type(found: dict[str, float]) -> str:
    """The non-article type the page most resembles (listing, collection, product, ...)."""
    row = _standard(found)
    return max(sorted(weights.TYPES), key=lambda kind: _logit(row, weights.TYPES[kind]))

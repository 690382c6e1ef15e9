"""A small model over a page's evidence: boosted trees say how likely an article it is, logistic
models which other type it is if not.

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
    row = [found.get(name, 0.0) for name in weights.FEATURES]
    z = weights.ARTICLE_BIAS + sum(_leaf(tree, row) for tree in weights.ARTICLE_TREES)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def _leaf(tree, row: list[float]) -> float:
    while isinstance(tree, tuple):
        feature, threshold, left, right = tree
        tree = left if row[feature] <= threshold else right
    return tree


def likeliest_other_type(found: dict[str, float]) -> str:
    """The non-article type the page most resembles (listing, collection, product, ...)."""
    row = _standard(found)
    return max(sorted(weights.TYPES), key=lambda kind: _logit(row, weights.TYPES[kind]))

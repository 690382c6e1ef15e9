"""Boosted trees as `make train` writes them: (feature index, threshold, left, right) tuples with
floats as leaves; a row goes left when its feature is at or below the threshold."""
from __future__ import annotations

import math


def probability(bias: float, trees: tuple, row: list[float]) -> float:
    z = bias + sum(_leaf(tree, row) for tree in trees)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def _leaf(tree, row: list[float]) -> float:
    while isinstance(tree, tuple):
        feature, threshold, left, right = tree
        tree = left if row[feature] <= threshold else right
    return tree

"""Gradient-boosted depth-2 trees for a binary label (logistic loss), in plain Python, deterministic.

Histogram splits: each feature's candidate thresholds are its quantiles over the training rows.
A tree is (feature, threshold, left, right) with floats as leaves; a row goes left when its
feature value is <= threshold. The score is a bias plus the sum of the trees' leaves.
"""
from __future__ import annotations

import math

ROUNDS, RATE, DEPTH, MIN_LEAF, L2, BINS = 60, 0.25, 2, 8, 1.0, 24


def fit(rows: list[list[float]], labels: list[int]) -> tuple[float, list]:
    n = len(rows)
    prior = min(max(sum(labels) / n, 1e-3), 1 - 1e-3)
    bias = math.log(prior / (1 - prior))
    cuts = [_cuts([row[j] for row in rows]) for j in range(len(rows[0]))]
    binned = [[_bin(row[j], cuts[j]) for j in range(len(row))] for row in rows]
    scores = [bias] * n
    trees = []
    for _ in range(ROUNDS):
        p = [1 / (1 + math.exp(-s)) for s in scores]
        grad = [pi - y for pi, y in zip(p, labels)]
        hess = [max(pi * (1 - pi), 1e-6) for pi in p]
        tree = _grow(binned, cuts, list(range(n)), grad, hess, DEPTH)
        trees.append(tree)
        scores = [s + predict_tree(tree, row) for s, row in zip(scores, rows)]
    return bias, trees


def _cuts(values: list[float]) -> list[float]:
    ordered = sorted(set(values))
    if len(ordered) <= BINS:
        return [(a + b) / 2 for a, b in zip(ordered, ordered[1:])]
    step = len(ordered) / BINS
    return sorted({ordered[int(k * step)] for k in range(1, BINS)})


def _bin(value: float, cuts: list[float]) -> int:
    lo, hi = 0, len(cuts)
    while lo < hi:  # the number of cuts below the value
        mid = (lo + hi) // 2
        if cuts[mid] < value:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _grow(binned, cuts, members: list[int], grad, hess, depth):
    g, h = sum(grad[i] for i in members), sum(hess[i] for i in members)
    leaf = -RATE * g / (h + L2)
    if depth == 0 or len(members) < 2 * MIN_LEAF:
        return leaf
    best = _best_split(binned, cuts, members, grad, hess, g, h)
    if best is None:
        return leaf
    feature, cut = best
    left = [i for i in members if binned[i][feature] <= cut]
    right = [i for i in members if binned[i][feature] > cut]
    return (feature, cuts[feature][cut], _grow(binned, cuts, left, grad, hess, depth - 1),
            _grow(binned, cuts, right, grad, hess, depth - 1))


def _best_split(binned, cuts, members, grad, hess, g, h):
    base = g * g / (h + L2)
    best, best_gain = None, 1e-6
    for feature in range(len(cuts)):
        size = len(cuts[feature]) + 1
        gs, hs, ns = [0.0] * size, [0.0] * size, [0] * size
        for i in members:
            b = binned[i][feature]
            gs[b] += grad[i]
            hs[b] += hess[i]
            ns[b] += 1
        gl = hl = 0.0
        nl = 0
        for cut in range(size - 1):  # left: bins 0..cut, i.e. values <= cuts[cut]
            gl, hl, nl = gl + gs[cut], hl + hs[cut], nl + ns[cut]
            if nl < MIN_LEAF or len(members) - nl < MIN_LEAF:
                continue
            gain = gl * gl / (hl + L2) + (g - gl) ** 2 / (h - hl + L2) - base
            if gain > best_gain:
                best, best_gain = (feature, cut), gain
    return best


def predict_tree(tree, row) -> float:
    while isinstance(tree, tuple):
        feature, threshold, left, right = tree
        tree = left if row[feature] <= threshold else right
    return tree


def predict(model, row) -> float:
    bias, trees = model
    s = bias + sum(predict_tree(t, row) for t in trees)
    return 1 / (1 + math.exp(-max(min(s, 30.0), -30.0)))

"""Logistic regression in plain Python, deterministic: binary and one-vs-rest, fitted by Adam on
standardised features with an L2 penalty. Small data (a few thousand pages, a few dozen features)."""
from __future__ import annotations

import math
from operator import mul

STEPS, RATE, L2 = 400, 0.05, 1e-3


def standardiser(rows: list[list[float]]) -> tuple[list[float], list[float]]:
    n = len(rows)
    means = [sum(col) / n for col in zip(*rows)]
    scales = [math.sqrt(sum((x - m) ** 2 for x in col) / n) or 1.0 for col, m in zip(zip(*rows), means)]
    return means, scales


def standardise(rows, means, scales):
    return [[(x - m) / s for x, m, s in zip(row, means, scales)] for row in rows]


def fit_binary(rows: list[list[float]], labels: list[int], weights: list[float] | None = None) -> list[float]:
    """Coefficients [bias, w1..wd] of P(label=1 | row); rows already standardised."""
    n, d = len(rows), len(rows[0])
    weights = weights or [1.0] * n
    total = sum(weights)
    columns = [list(col) for col in zip(*rows)]
    coef = [0.0] * (d + 1)
    m, v = [0.0] * (d + 1), [0.0] * (d + 1)
    for step in range(1, STEPS + 1):
        w = coef[1:]
        errors = [(_sigmoid(coef[0] + sum(map(mul, w, row))) - y) * c / total
                  for row, y, c in zip(rows, labels, weights)]
        grad = [sum(errors)] + [sum(map(mul, errors, col)) + L2 * wj for col, wj in zip(columns, w)]
        for j, g in enumerate(grad):
            m[j] = 0.9 * m[j] + 0.1 * g
            v[j] = 0.999 * v[j] + 0.001 * g * g
            coef[j] -= RATE * (m[j] / (1 - 0.9 ** step)) / (math.sqrt(v[j] / (1 - 0.999 ** step)) + 1e-8)
    return coef


def predict(coef: list[float], row: list[float]) -> float:
    return _sigmoid(coef[0] + sum(map(mul, coef[1:], row)))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

#!/usr/bin/env python3
"""An experiment, not shipped: do the words of a page's class and id attributes tell its type
better than the evidence the page-type model reads today?

Each page's class/id values are split into lower-case words of 3 to 30 letters; a logistic model
over the words seen on at least 5 sites of the training folds scores "article or not", and its
score joins the evidence as one more feature of the boosted trees (stacked: the training pages'
scores come from inner folds by site, so no page is scored by a model that saw it). Everything
is cross-validated by site as `make train` does, over four deals of the sites to the folds, and
printed beside the same procedure without the words.

  .venv/bin/python tests/bench/try_class_tokens.py      (about 5 minutes on 2 cores)

numpy is there as datatrove's dependency; this script is the only code that uses it directly.
"""
from __future__ import annotations

import collections
import re
import sys
from multiprocessing import Pool
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import corpora  # noqa: E402
import train  # noqa: E402

from ingest.core.pagetype.evidence import evidence  # noqa: E402

_WORDS = re.compile(r"[^a-z]+")
MIN_SITES, L2, STEPS, RATE = 5, 1.0, 300, 0.5
DEALS = ("", "deal 2", "deal 3", "deal 4")


def class_words(tree) -> set[str]:
    words = set()
    for element in tree.iter():
        if isinstance(element.tag, str):
            for value in (element.get("class"), element.get("id")):
                words.update(w for w in _WORDS.split((value or "").lower()) if 3 <= len(w) <= 30)
    return words


def page_row(page):
    view, body = train.read_body(page)
    if view is None:
        return None
    return evidence(view, body.text if body else ""), class_words(view.tree)


class Words:
    """The stacked word model over `pages` (indices), fitted with numpy's batch gradient descent."""

    def __init__(self, data, pages: list[int]):
        sites = collections.defaultdict(set)
        for i in pages:
            for word in data.words[i]:
                sites[word].add(data.sites[i])
        self.vocabulary = {w: j for j, w in enumerate(sorted(w for w, s in sites.items() if len(s) >= MIN_SITES))}
        x, y = self.matrix(data, pages), data.is_article[pages]
        self.w, self.b = np.zeros(x.shape[1]), 0.0
        for _ in range(STEPS):
            gradient = 1 / (1 + np.exp(-(x @ self.w + self.b))) - y
            self.w -= RATE * (x.T @ gradient / len(y) + L2 * self.w / len(y))
            self.b -= RATE * gradient.mean()

    def matrix(self, data, pages: list[int]):
        x = np.zeros((len(pages), len(self.vocabulary)))
        for row, i in enumerate(pages):
            for word in data.words[i]:
                if word in self.vocabulary:
                    x[row, self.vocabulary[word]] = 1.0
        return x

    def scores(self, data, pages: list[int]):
        return 1 / (1 + np.exp(-(self.matrix(data, pages) @ self.w + self.b)))


class Data:
    def __init__(self, pages, found):
        kept = [(p, f) for p, f in zip(pages, found) if f and f[0]]
        names = sorted({n for _, (e, _) in kept for n in e})
        self.rows = [[e.get(n, 0.0) for n in names] for _, (e, _) in kept]
        self.words = [w for _, (_, w) in kept]
        self.types = [p.page_type for p, _ in kept]
        self.sites = [p.site for p, _ in kept]
        self.corpus = [p.corpus for p, _ in kept]
        self.is_article = np.array([t == "article" for t in self.types], dtype=float)


def inner_scores(data, pages: list[int]):
    """Word scores of `pages` from word models fitted on the other inner folds (by site)."""
    folds = train.group_folds([data.sites[i] for i in pages], 5, "inner")
    scores = np.zeros(len(pages))
    for fold in range(5):
        fitted = Words(data, [i for i, f in zip(pages, folds) if f != fold])
        held = [row for row, f in enumerate(folds) if f == fold]
        scores[held] = fitted.scores(data, [pages[row] for row in held])
    return scores


def decisions(data, salt: str, stacked: bool) -> list[str]:
    folds = train.group_folds(data.sites, 5, salt)
    decided = [""] * len(data.rows)
    for fold in range(5):
        fit_on = [i for i, f in enumerate(folds) if f != fold]
        scored = [i for i, f in enumerate(folds) if f == fold]
        rows, held = [data.rows[i] for i in fit_on], {i: data.rows[i] for i in scored}
        if stacked:
            rows = [r + [s] for r, s in zip(rows, inner_scores(data, fit_on))]
            held = {i: held[i] + [s] for i, s in zip(scored, Words(data, fit_on).scores(data, scored))}
        model = train.fit(rows, [data.types[i] for i in fit_on], [data.sites[i] for i in fit_on])
        for i in scored:
            decided[i] = train.classify(model, held[i])
    return decided


def main() -> None:
    pages = corpora.load()
    with Pool(2) as pool:
        data = Data(pages, pool.map(page_row, pages, chunksize=8))
    articles = [i for i, (c, t) in enumerate(zip(data.corpus, data.types)) if c == "wcxb" and t == "article"]
    others = [i for i, t in enumerate(data.types) if t != "article"]
    for salt in DEALS:
        for stacked in (False, True):
            decided = decisions(data, salt, stacked)
            print(f"deal {salt or 'first':7} {'with words' if stacked else 'without':10}: wcxb articles kept "
                  f"{sum(decided[i] == 'article' for i in articles)}/{len(articles)}, other pages emitted "
                  f"{sum(decided[i] == 'article' for i in others)}/{len(others)}, accuracy "
                  f"{sum(d == t for d, t in zip(decided, data.types))}/{len(decided)}", flush=True)


if __name__ == "__main__":
    main()

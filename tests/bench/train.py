#!/usr/bin/env python3
"""`make train`: fit the page-type model on both dev corpora, print its figures cross-validated by
site (GroupKFold over the page's domain: no site is both trained and scored on), and write
ingest/core/pagetype/weights.py. Deterministic: the same pages give the same file.

  python tests/bench/train.py [--features CACHE.json] [--folds 5] [--dry-run]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from multiprocessing import Pool
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import corpora  # noqa: E402
import boosting  # noqa: E402
import logistic  # noqa: E402

from ingest.core.decode import decode  # noqa: E402
from ingest.core.embeds import split_embeds  # noqa: E402
from ingest.core.extract import extract_body  # noqa: E402
from ingest.core.layout import unwrap_layout_tables  # noqa: E402
from ingest.core.page import parse  # noqa: E402
from ingest.core.pagetype.evidence import evidence  # noqa: E402
from ingest.core.rejection import Rejected  # noqa: E402

WEIGHTS = ROOT / "ingest" / "core" / "pagetype" / "weights.py"
OTHER_TYPES = ("listing", "collection", "product", "service", "forum", "documentation")
KEEP_ARTICLES = 0.99  # the article threshold keeps this share of the training folds' articles
INNER_FOLDS = 10  # folds by site that score the training articles the threshold is read from


def read_body(page: corpora.BenchPage):
    """The parsed page and its body as `clean` makes them: the same stages in the same order.
    None when the page does not decode or parse (rejected before any page type)."""
    try:
        view = parse(decode(page.html()), page.file_url)
    except Rejected:
        return None, None
    split_embeds(view)
    unwrap_layout_tables(view.tree)
    return view, extract_body(view)


def page_evidence(page: corpora.BenchPage) -> dict[str, float]:
    view, body = read_body(page)
    return evidence(view, body.text if body else "") if view is not None else {}


def all_evidence(pages, cache: Path | None) -> list[dict[str, float]]:
    if cache and cache.exists():
        return json.loads(cache.read_text())
    with Pool(2) as pool:
        found = pool.map(page_evidence, pages, chunksize=8)
    if cache:
        cache.write_text(json.dumps(found))
    return found


def group_folds(sites: list[str], k: int, salt: str = "") -> list[int]:
    """Fold of each page: whole sites to one fold, by a hash of the site name (deterministic). Another
    `salt` deals the sites to the folds anew: figures move by a dozen pages from one deal to the next."""
    return [int(hashlib.sha256((salt + site).encode()).hexdigest(), 16) % k for site in sites]


def fit(rows, types, sites):
    """(article trees, threshold, means, scales, per-type coefficients) from training rows.

    The threshold keeps KEEP_ARTICLES of the articles as scored by models that did not see them
    (an inner split by site), because scores on the training pages themselves run high.
    """
    is_article = [int(t == "article") for t in types]
    article = boosting.fit(rows, is_article)
    inner = group_folds(sites, INNER_FOLDS)
    held_out = []
    for fold in range(INNER_FOLDS):
        train = [i for i, f in enumerate(inner) if f != fold]
        model = boosting.fit([rows[i] for i in train], [is_article[i] for i in train])
        held_out += [boosting.predict(model, rows[i]) for i, f in enumerate(inner) if f == fold and is_article[i]]
    held_out.sort()
    threshold = held_out[int((1 - KEEP_ARTICLES) * len(held_out))]
    means, scales = logistic.standardiser(rows)
    x = logistic.standardise(rows, means, scales)
    others = [(row, t) for row, t in zip(x, types) if t != "article"]
    per_type = {t: logistic.fit_binary([r for r, _ in others], [int(u == t) for _, u in others]) for t in OTHER_TYPES}
    return article, threshold, means, scales, per_type


def classify(model, row) -> str:
    article, threshold, means, scales, per_type = model
    if boosting.predict(article, row) >= threshold:
        return "article"
    x = logistic.standardise([row], means, scales)[0]
    return max(sorted(per_type), key=lambda t: logistic.predict(per_type[t], x))


def cross_validate(rows, types, sites, k: int, thresholds: list[float] | None = None,
                   salt: str = "") -> tuple[list[str], list[float]]:
    """Each page's predicted type and article probability from the model of the folds without its
    site; `thresholds`, if given, is filled with that model's article threshold for each page."""
    folds = group_folds(sites, k, salt)
    predicted, scores = [""] * len(rows), [0.0] * len(rows)
    if thresholds is not None:
        thresholds[:] = [0.0] * len(rows)
    for fold in range(k):
        train = [i for i, f in enumerate(folds) if f != fold]
        model = fit([rows[i] for i in train], [types[i] for i in train], [sites[i] for i in train])
        for i, f in enumerate(folds):
            if f == fold:
                predicted[i], scores[i] = classify(model, rows[i]), boosting.predict(model[0], rows[i])
                if thresholds is not None:
                    thresholds[i] = model[1]
    return predicted, scores


def tradeoff(types: list[str], scores: list[float]) -> None:
    """Articles kept against other pages emitted, at the cross-validated scores' thresholds."""
    arts = sorted(s for s, t in zip(scores, types) if t == "article")
    others = [s for s, t in zip(scores, types) if t != "article"]
    print("operating points (cross-validated): articles kept -> other pages emitted as articles")
    for keep in (0.995, 0.99, 0.98, 0.95, 0.90):
        cut = arts[int((1 - keep) * len(arts))]
        print(f"  {keep:.1%} -> {sum(s >= cut for s in others) / len(others):.1%}")


def report(types: list[str], predicted: list[str], corpus: list[str], how: str = "cross-validated by site") -> None:
    labels = ("article",) + OTHER_TYPES + ("other",)
    print(f"confusion matrix, {how} (rows: true type, columns: predicted)")
    print(f"{'':>14}" + "".join(f"{label[:8]:>9}" for label in labels))
    for truth in labels[:-1]:
        row = [sum(1 for t, p in zip(types, predicted) if t == truth and p == label) for label in labels]
        print(f"{truth:>14}" + "".join(f"{n:>9}" for n in row))
    for name in ("wcxb", "aeb"):
        arts = [p for t, p, c in zip(types, predicted, corpus) if c == name and t == "article"]
        if not arts:
            continue
        print(f"{name}: articles kept as articles {sum(p == 'article' for p in arts)}/{len(arts)}"
              f" ({sum(p == 'article' for p in arts) / max(len(arts), 1):.1%})")
    others = [p for t, p in zip(types, predicted) if t != "article"]
    print(f"other pages emitted as articles {sum(p == 'article' for p in others)}/{len(others)}"
          f" ({sum(p == 'article' for p in others) / max(len(others), 1):.1%})")
    agree = sum(t == p for t, p in zip(types, predicted))
    print(f"accuracy over the seven types {agree}/{len(types)} ({agree / len(types):.1%})")


def write_weights(names, model) -> None:
    (bias, trees), threshold, means, scales, per_type = model
    r = lambda values: "(" + ", ".join(f"{v:.6g}" for v in values) + ",)"  # noqa: E731
    lines = [
        '"""Page-type model. Generated by `make train` (tests/bench/train.py); do not edit."""',
        f"FEATURES = {tuple(names)!r}",
        "# Is it an article: boosted trees (feature index, threshold, left, right; floats are leaves).",
        f"ARTICLE_BIAS = {bias:.6g}",
        "ARTICLE_TREES = (",
        *(f"    {_tree(t)}," for t in trees),
        ")",
        f"THRESHOLD = {threshold:.6g}  # an article at or above this probability",
        "# Which other type: one logistic model per type over standardised features.",
        f"MEAN = {r(means)}",
        f"SCALE = {r(scales)}",
        "TYPES = {",
        *(f"    {t!r}: {r(c)}," for t, c in sorted(per_type.items())),
        "}",
    ]
    WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _tree(tree) -> str:
    if not isinstance(tree, tuple):
        return f"{tree:.6g}"
    feature, threshold, left, right = tree
    return f"({feature}, {threshold:.6g}, {_tree(left)}, {_tree(right)})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--features", type=Path, help="cache of the pages' evidence (JSON)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--dry-run", action="store_true", help="print the figures, do not write the weights")
    a = ap.parse_args()
    pages = [p for p in corpora.load() if p.truth is not None or p.page_type != "article"]
    found = all_evidence(pages, a.features)
    kept = [(p, f) for p, f in zip(pages, found) if f]
    names = sorted({name for _, f in kept for name in f})
    rows = [[f.get(name, 0.0) for name in names] for _, f in kept]
    types = [p.page_type for p, _ in kept]
    print(f"{len(kept)} pages ({len(pages) - len(kept)} unparsable), {len(names)} features, "
          f"{len({p.site for p, _ in kept})} sites, {a.folds} folds grouped by site")
    predicted, scores = cross_validate(rows, types, [p.site for p, _ in kept], a.folds)
    report(types, predicted, [p.corpus for p, _ in kept])
    tradeoff(types, scores)
    if not a.dry_run:
        write_weights(names, fit(rows, types, [p.site for p, _ in kept]))
        print(f"wrote {WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

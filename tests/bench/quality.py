#!/usr/bin/env python3
"""`make bench-quality`: bodies and page types of `ingest.clean` on both dev corpora, beside bare
trafilatura run in this process on the same pages, and the cost.

Bodies: aeb-dev (88 news pages) and wcxb-dev's 790 articles, scored with the benchmarks' own
metrics (shingle F1/P/R, WCXB word F1); the shipped body-choice model was fitted on these pages,
so the line "body choice held out" (the choice cross-validated by site) is the result. Page
types: the shipped model's decisions on wcxb-dev (pages it was trained on: a fit, not a result)
and the same model cross-validated by site (the result). Time: `ingest.clean` against bare `trafilatura.extract`, alternated page by page.
Bodies and types come from clean's own stages run once per page (what `ingest.clean` with
`all_pages=True` returns); the time ratio calls `ingest.clean` itself. Records (url, text,
page_type) are left in out/bench-quality/ for other scorers. Prints figures; asserts nothing.
"""
from __future__ import annotations

import sys
import time
from multiprocessing import Pool
from pathlib import Path

import trafilatura

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE.parents[2] / "shared" / "bench"))

import corpora  # noqa: E402
import score_wcxb  # noqa: E402  (the benchmarks' metrics, shipped beside the pages)
import shingles  # noqa: E402
import train  # noqa: E402
import train_bodies  # noqa: E402

import ingest  # noqa: E402
from ingest.core.pagetype import judged, page_type, said_type  # noqa: E402
from ingest.core.pagetype.evidence import evidence  # noqa: E402
from ingest.core.words import count_words  # noqa: E402

OUT = ROOT / "out" / "bench-quality"
TIMED_EVERY = 4  # time every fourth page: enough for a stable ratio, a quarter of the cost
REGRESSION = 0.05  # a page this much worse than bare trafilatura is listed
FOLD_SALTS = ("", "deal 2", "deal 3", "deal 4")  # "" is the deal every other figure uses


def run_page(page: corpora.BenchPage) -> dict:
    """Our body, page type and evidence (clean's stages, run once), and bare trafilatura's text.

    The body and type are what `ingest.clean(..., Options(all_pages=True))` gives; "article" is
    kept only when clean would also pass the length minimum.
    """
    view, body = train.read_body(page)
    text = body.text if body else ""
    kind = _stub_is_other(page_type(view, text), text) if view is not None else "other"
    ours = {"url": page.file_url, "text": text, "page_type": kind} if view is not None else None
    found = evidence(view, text) if view is not None else {}
    said = said_type(view, text) if view is not None else "other"
    return {"ours": ours, "bare": trafilatura.extract(page.html()) or "", "evidence": found, "said": said}


def _stub_is_other(kind: str, text: str) -> str:
    """As clean() has it: an "article" shorter than the length minimum is no article."""
    return "other" if kind == "article" and count_words(text) < ingest.DEFAULT.min_words else kind


def body_figures(name: str, pages, runs, text_of) -> dict:
    pairs = [(p.truth, text_of(r)) for p, r in zip(pages, runs)]
    m = shingles.score(pairs)
    words = sum(score_wcxb.word_f1(t, x)[2] for t, x in pairs) / len(pairs)
    print(f"  {name:<22} F1={m['f1']:.3f}  P={m['precision']:.3f}  R={m['recall']:.3f}  word F1={words:.3f}")
    return {"f1": m["f1"], "words": words}


def ours_text(run: dict) -> str:
    """The article body as a news feed gets it: nothing for a page rejected as a non-article."""
    record = run["ours"]
    return record["text"] if record and record["page_type"] == "article" else ""


def bodies(pages, runs, held_out: list[dict[str, str]]) -> None:
    """`held_out`: each article's body with the body choice made by a model fitted without its site,
    for each deal of the sites to the folds: one deal's figure moves by a few thousandths when the
    bodies change a little, more than a body rule's own gain."""
    for corpus, label in (("aeb", "aeb-dev, 88 news pages"), ("wcxb", "wcxb-dev, 790 articles")):
        chosen = [(p, r) for p, r in zip(pages, runs) if p.corpus == corpus and p.page_type == "article"]
        print(f"{label}: bodies")
        ps, rs = [p for p, _ in chosen], [r for _, r in chosen]
        body_figures("ingest.clean", ps, rs, ours_text)
        body_figures("  page type aside", ps, rs, lambda r: (r["ours"] or {}).get("text") or "")
        body_figures("  body choice held out", ps, [held_out[0].get(p.id, "") for p in ps], lambda text: text)
        _over_deals(ps, held_out)
        body_figures("bare trafilatura", ps, rs, lambda r: r["bare"])
        worse = [(p, r) for p, r in chosen if shingles.score([(p.truth, ours_text(r))])["f1"]
                 < shingles.score([(p.truth, r["bare"])])["f1"] - REGRESSION]
        print(f"  pages worse than bare trafilatura by more than {REGRESSION} shingle F1: {len(worse)}")
        for p, r in worse[:8]:
            print(f"    {p.id[:16]}  {p.url[:90]}")


def _over_deals(ps, held_out: list[dict[str, str]]) -> None:
    scores = [_held_out_scores(ps, deal) for deal in held_out]
    mean = {key: sum(s[key] for s in scores) / len(scores) for key in scores[0]}
    words = [s["words"] for s in scores]
    print(f"    over {len(scores)} deals      F1={mean['f1']:.3f}  P={mean['precision']:.3f}  R={mean['recall']:.3f}  "
          f"word F1={mean['words']:.4f} (from {min(words):.4f} to {max(words):.4f})")


def _held_out_scores(ps, deal: dict[str, str]) -> dict[str, float]:
    pairs = [(p.truth, deal.get(p.id, "")) for p in ps]
    return {**shingles.score(pairs), "words": sum(score_wcxb.word_f1(t, x)[2] for t, x in pairs) / len(pairs)}


def held_out_bodies(pages) -> list[dict[str, str]]:
    """Each article's body (page type aside) with the body choice cross-validated by site: the
    choice model that reads the page was fitted on the other folds' sites. One mapping per deal of
    the sites to the folds (FOLD_SALTS), the first the deal every other figure uses."""
    articles = [p for p in pages if p.page_type == "article" and p.truth]
    with Pool(2) as pool:
        choices = pool.map(train_bodies.page_choice, articles, chunksize=8)
    deals = []
    for salt in FOLD_SALTS:
        picked = train_bodies.cross_validate(articles, choices, 5, salt)
        deals.append({p.id: c["texts"][int(k)] for p, c, k in zip(articles, choices, picked) if c})
    return deals


def page_types(pages, runs) -> None:
    wcxb = [(p, r) for p, r in zip(pages, runs) if p.corpus == "wcxb"]
    fitted = [(r["ours"] or {}).get("page_type", "other") for _, r in wcxb]
    truth = [p.page_type for p, _ in wcxb]
    print("page types on wcxb-dev, the shipped model (fitted on these pages: not a generalisation figure)")
    train.report(truth, fitted, ["wcxb"] * len(wcxb), "shipped model")
    kept = [(p, r["evidence"]) for p, r in zip(pages, runs) if r["evidence"]]
    names = sorted({n for _, f in kept for n in f})
    rows = [[f.get(n, 0.0) for n in names] for _, f in kept]
    print("page types, the model alone, cross-validated by site (5 folds grouped by domain; both corpora)")
    types = [p.page_type for p, _ in kept]
    thresholds: list[float] = []
    predicted, scores = train.cross_validate(rows, types, [p.site for p, _ in kept], 5, thresholds)
    train.report(types, predicted, [p.corpus for p, _ in kept])
    train.tradeoff(types, scores)
    print("page types as clean() decides them, cross-validated by site (the same folds' models, with the "
          "rules around them: declared types, no or few words, teaser bodies, the length minimum)")
    decided = whole_decision(pages, runs, kept, predicted, scores, thresholds)
    train.report([p.page_type for p in pages], decided, [p.corpus for p in pages])
    spread(pages, runs, kept, rows, types, decided)


def whole_decision(pages, runs, kept, predicted, scores, thresholds) -> list[str]:
    """Each page's type as clean() decides it, with the cross-validated model's answers for the model."""
    by_page = {id(found): (kind, score, threshold)
               for (_, found), kind, score, threshold in zip(kept, predicted, scores, thresholds)}
    decided = []
    for r in runs:
        if r["ours"] is None:
            decided.append("other")
            continue
        kind, score, threshold = by_page[id(r["evidence"])]
        held = r["said"] or judged(r["evidence"], score, lambda kind=kind: kind, threshold)
        decided.append(_stub_is_other(held, r["ours"]["text"]))
    return decided


def spread(pages, runs, kept, rows, types, decided: list[str]) -> None:
    """The whole decision's two targets over other deals of the sites to the folds: one deal's figures
    move by a dozen pages, more than most changes a session makes."""
    wcxb_articles = [i for i, p in enumerate(pages) if p.corpus == "wcxb" and p.page_type == "article"]
    others = [i for i, p in enumerate(pages) if p.page_type != "article"]
    kept_counts, emitted_counts = [], []
    for salt in FOLD_SALTS:
        if salt:
            thresholds: list[float] = []
            predicted, scores = train.cross_validate(rows, types, [p.site for p, _ in kept], 5, thresholds, salt)
            decided = whole_decision(pages, runs, kept, predicted, scores, thresholds)
        kept_counts.append(sum(decided[i] == "article" for i in wcxb_articles))
        emitted_counts.append(sum(decided[i] == "article" for i in others))
    deals = len(FOLD_SALTS)
    print(f"the same over {deals} deals of sites to folds: wcxb articles kept "
          f"{sum(kept_counts) / deals:.1f}/{len(wcxb_articles)} (from {min(kept_counts)} to {max(kept_counts)}), "
          f"other pages emitted as articles {sum(emitted_counts) / deals:.1f}/{len(others)} "
          f"(from {min(emitted_counts)} to {max(emitted_counts)})")


def timing(pages) -> None:
    sample = [p.html() for p in pages[::TIMED_EVERY]]
    for raw in sample[:5]:  # warm imports and language profiles on both sides
        ingest.clean(raw, "file:///warm.html")
        trafilatura.extract(raw)
    ours = bare = 0.0
    for raw in sample:
        start = time.perf_counter()
        ingest.clean(raw, "file:///page.html")
        ours += time.perf_counter() - start
        start = time.perf_counter()
        trafilatura.extract(raw)
        bare += time.perf_counter() - start
    print(f"time on {len(sample)} pages: ingest.clean {1000 * ours / len(sample):.1f} ms/page, bare trafilatura "
          f"{1000 * bare / len(sample):.1f} ms/page, ratio {ours / bare:.2f}x")


def main() -> None:
    pages = corpora.load()
    with Pool(2) as pool:
        runs = pool.map(run_page, pages, chunksize=8)
    OUT.mkdir(parents=True, exist_ok=True)
    for corpus in ("aeb", "wcxb"):
        with (OUT / f"{corpus}.jsonl").open("w", encoding="utf-8") as out:
            for p, r in zip(pages, runs):
                if p.corpus == corpus and r["ours"] and r["ours"]["page_type"] == "article":
                    out.write(score_wcxb.json.dumps(r["ours"], ensure_ascii=False) + "\n")
    bodies(pages, runs, held_out_bodies(pages))
    page_types(pages, runs)
    timing(pages)


if __name__ == "__main__":
    main()

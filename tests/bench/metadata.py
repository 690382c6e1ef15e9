#!/usr/bin/env python3
"""`make bench-metadata`: title, author and date accuracy on wcxb-dev's article pages beside bare
trafilatura (`bare_extraction`) on the same pages in the same run, the ten worst date pages, and
metadata's share of `clean()`'s time. Prints figures; asserts nothing.
"""
from __future__ import annotations

import gzip
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "bench" / "wcxb-dev"
FETCHED = datetime(2026, 11, 30, tzinfo=timezone.utc)  # the corpus files' date: no page is later
TIMED_PAGES = 120  # pages timed for metadata's share of clean(), alternating the two
WARM_UP_PAGES = 40
sys.path.insert(0, str(CORPUS.parent))
sys.path.insert(0, str(ROOT))

from score_wcxb import day, names, norm  # noqa: E402  (the benchmark's own comparisons)

import ingest  # noqa: E402
from ingest.core.decode import decode  # noqa: E402
from ingest.core.metadata import read_metadata  # noqa: E402
from ingest.core.page import parse  # noqa: E402

KEEP_ALL = ingest.Options(all_pages=True)  # metadata of every article page, whatever its type


def page_bytes(key: str) -> bytes:
    return gzip.decompress((CORPUS / "html" / f"{key}.html.gz").read_bytes())


def ours(key: str, url: str | None = None) -> dict:
    """Our metadata of one page: the record `clean()` makes of it, kept whatever its type; read
    from the saved file (its file:// URL) unless the page's own `url` is given, as a crawl has it."""
    record = ingest.clean(page_bytes(key), url or f"file://{CORPUS}/html/{key}.html.gz", KEEP_ALL, fetched_at=FETCHED)
    if not isinstance(record, ingest.Article):
        return {"title": None, "authors": [], "published": None, "source": None}
    return {"title": record.title, "authors": list(record.authors), "published": record.published,
            "source": record.published_source}


def bare(key: str, url: str | None = None) -> dict:
    import trafilatura
    doc = trafilatura.bare_extraction(page_bytes(key), url=url, with_metadata=True)
    doc = {} if doc is None else (doc if isinstance(doc, dict) else doc.as_dict())
    return {"title": doc.get("title"), "authors": doc.get("author") or "", "published": doc.get("date")}


def accuracy(truth: dict, records: dict) -> dict[str, tuple[int, int]]:
    """(right, pages) for title, author and date, compared as score_wcxb.py compares them."""
    title = sum(norm(records[k]["title"]) == norm(t["title"]) for k, t in truth.items())
    authored = [k for k, t in truth.items() if t["author"]]
    author = sum(names(records[k]["authors"]) == names(truth[k]["author"]) for k in authored)
    dated = [k for k, t in truth.items() if day(t["published"])]
    date = sum(day(records[k]["published"]) == day(truth[k]["published"]) for k in dated)
    return {"title": (title, len(truth)), "author": (author, len(authored)), "date": (date, len(dated))}


def line(name: str, scores: dict) -> str:
    return f"{name:<18}" + "  ".join(f"{field}={right / n:.3f} ({right}/{n})" for field, (right, n) in scores.items())


def worst_dates(truth: dict, records: dict, count: int = 10) -> list[str]:
    """Wrong dates, farthest from the truth first: what we chose, from where, and the truth."""
    def distance(k):
        got = day(records[k]["published"])
        return abs((datetime.fromisoformat(got) - datetime.fromisoformat(day(truth[k]["published"]))).days) if got else 10**6
    wrong = [k for k, t in truth.items() if day(t["published"]) and day(records[k]["published"]) != day(t["published"])]
    return [f"  {k}  ours={records[k]['published']} ({records[k]['source']})  truth={truth[k]['published']}  {truth[k]['url']}"
            for k in sorted(wrong, key=distance, reverse=True)[:count]]


def metadata_share(keys: list[str]) -> tuple[float, float]:
    """Seconds in read_metadata and in the whole clean() over the same pages, alternated."""
    meta = whole = 0.0
    for key in keys:
        raw = page_bytes(key)
        page = parse(decode(raw), None)
        start = time.perf_counter()
        read_metadata(page, FETCHED)
        meta += time.perf_counter() - start
        start = time.perf_counter()
        ingest.clean(raw, None, fetched_at=FETCHED)
        whole += time.perf_counter() - start
    return meta, whole


def main() -> None:
    truth = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
    truth = {k: t for k, t in truth.items() if t["page_type"] == "article"}
    keys = sorted(truth)
    with ProcessPoolExecutor(2) as pool:
        mine = dict(zip(keys, pool.map(ours, keys, chunksize=8)))
        theirs = dict(zip(keys, pool.map(bare, keys, chunksize=8)))
        urls = [truth[k]["url"] for k in keys]
        crawled = dict(zip(keys, pool.map(ours, keys, urls, chunksize=8)))
        theirs_crawled = dict(zip(keys, pool.map(bare, keys, urls, chunksize=8)))
    print(f"wcxb-dev, {len(keys)} article pages, metadata as clean() reads it:")
    print("  from the saved files (file:// URLs; a page without a canonical link gives no URL date)")
    print(line("ingest", accuracy(truth, mine)))
    print(line("bare trafilatura", accuracy(truth, theirs)))
    print("  with each page's own URL, as a crawl fetches it (both given the URL)")
    print(line("ingest", accuracy(truth, crawled)))
    print(line("bare trafilatura", accuracy(truth, theirs_crawled)))
    print("ten worst date pages (ours, from where, the truth):")
    print("\n".join(worst_dates(truth, mine)))
    sources: dict[str, int] = {}
    for record in mine.values():
        sources[str(record["source"])] = sources.get(str(record["source"]), 0) + 1
    print("published_source: " + ", ".join(f"{s}={n}" for s, n in sorted(sources.items())))
    timed = keys[:: max(1, len(keys) // TIMED_PAGES)]
    # Warm up on other pages: imports, language profiles, and dateparser's locales, which
    # htmldate's first text search loads once per process (seconds) and a crawl pays once.
    metadata_share([k for k in keys if k not in timed][:WARM_UP_PAGES])
    meta, whole = metadata_share(timed)
    print(f"metadata: {meta:.2f} s of clean()'s {whole:.2f} s on the same pages = {meta / whole:.0%}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""`make bench-quality`: body quality of `ingest clean` on the dev benchmark, and its cost.

Quality goes through the real path, `ingest clean DIR -o FILE`, scored with the benchmark's own
metric (shared/bench/shingles.py). Time is measured in this process on the same pages held in
memory: the whole `ingest.clean` against bare `trafilatura.extract` (its defaults), alternated page
by page so both see the same machine state. Prints figures; asserts nothing.
"""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT.parent / "shared" / "bench"
PAGES = BENCH / "aeb-dev" / "html"
INGEST = str(Path(sys.executable).parent / "ingest")
REGRESSION = 0.05  # a page this much worse than bare trafilatura is listed
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

import shingles  # noqa: E402  (the benchmark's metric, shipped beside the pages)

import ingest  # noqa: E402


def page_id(url: str) -> str:
    return Path(url).name.split(".")[0]


def run_cli(out: Path) -> dict[str, dict]:
    """Records of `ingest clean` on the dev pages, by page id."""
    subprocess.run([INGEST, "clean", str(PAGES), "-o", str(out)], check=False)
    records = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        records[page_id(record["url"])] = record
    return records


def timed_run(pages: dict[str, bytes]) -> tuple[float, float, dict[str, str]]:
    """Seconds for ingest.clean and for bare trafilatura over all pages, and trafilatura's texts."""
    ours = bare = 0.0
    texts = {}
    for key, raw in pages.items():
        start = time.perf_counter()
        ingest.clean(raw, f"file:///{key}.html.gz")
        ours += time.perf_counter() - start
        start = time.perf_counter()
        texts[key] = trafilatura.extract(raw) or ""
        bare += time.perf_counter() - start
    return ours, bare, texts


def scores(truth: dict, texts: dict[str, str]) -> dict[str, dict]:
    return {key: shingles.score([(truth[key]["articleBody"], texts.get(key, ""))]) for key in truth}


def report(name: str, truth: dict, texts: dict[str, str]) -> None:
    m = shingles.score([(truth[k]["articleBody"], texts.get(k, "")) for k in truth])
    print(f"{name:<34} F1={m['f1']:.3f}  P={m['precision']:.3f}  R={m['recall']:.3f}")


def main() -> None:
    truth = json.loads((BENCH / "aeb-dev" / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.decompress((PAGES / f"{key}.html.gz").read_bytes()) for key in truth}
    with tempfile.TemporaryDirectory() as tmp:
        records = run_cli(Path(tmp) / "records.jsonl")
    ours = {key: r["text"] for key, r in records.items()}
    with_embeds = {key: "\n".join([r["text"]] + [e.get("text") or "" for e in r["embeds"]])
                   for key, r in records.items()}

    timed_run(dict(list(pages.items())[:5]))  # warm imports and language profiles on both sides
    our_time, bare_time, bare_texts = timed_run(pages)

    print(f"{len(truth)} dev pages, {len(records)} records ({len(truth) - len(records)} rejected)")
    report("ingest clean", truth, ours)
    report("bare trafilatura.extract", truth, bare_texts)
    report("ingest clean, text + embeds' text", truth, with_embeds)

    per_page, per_bare = scores(truth, ours), scores(truth, bare_texts)
    print("ten worst pages:")
    for key in sorted(truth, key=lambda k: per_page[k]["f1"])[:10]:
        s = per_page[key]
        print(f"  {key[:16]}  F1={s['f1']:.3f} P={s['precision']:.3f} R={s['recall']:.3f}  {truth[key]['url']}")
    worse = [k for k in truth if per_page[k]["f1"] < per_bare[k]["f1"] - REGRESSION]
    print(f"pages worse than bare trafilatura by more than {REGRESSION} F1: {len(worse)}")
    for key in worse:
        print(f"  {key[:16]}  {per_bare[key]['f1']:.3f} -> {per_page[key]['f1']:.3f}  {truth[key]['url']}")

    by_language: dict[str, list[str]] = {}
    for key, r in records.items():
        by_language.setdefault(r.get("language") or "?", []).append(key)
    print("by body language (pages: ours vs bare trafilatura F1):")
    for lang, keys in sorted(by_language.items(), key=lambda kv: -len(kv[1])):
        sub = {k: truth[k] for k in keys}
        a = shingles.score([(sub[k]["articleBody"], ours[k]) for k in sub])["f1"]
        b = shingles.score([(sub[k]["articleBody"], bare_texts[k]) for k in sub])["f1"]
        print(f"  {lang}: {len(keys):3d} pages  {a:.3f} vs {b:.3f}")

    print(f"time: ingest.clean {1000 * our_time / len(pages):.1f} ms/page, bare trafilatura "
          f"{1000 * bare_time / len(pages):.1f} ms/page, ratio {our_time / bare_time:.2f}x")


if __name__ == "__main__":
    main()

"""`make fuzz`: `clean` on 10,000+ inputs of four families (tests/fuzz_inputs.py), over worker processes
with the time budget `ingest clean` has, printing what escaped, what overran, what broke the record
contract, and how often each encoding read back as written."""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fuzz_inputs as inputs  # noqa: E402
from helpers import validate  # noqa: E402

from ingest import Article, Options, clean  # noqa: E402
from ingest.core.decode import decode  # noqa: E402
from ingest.core.rejection import Rejected  # noqa: E402
from ingest.workers import run_in_order  # noqa: E402

BUILD = {"mutated": inputs.mutated_page, "encoded": inputs.encoded_page, "random": inputs.random_bytes,
         "hostile": inputs.hostile_input}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mutated", type=int, default=4000)
    parser.add_argument("--encoded", type=int, default=3500)
    parser.add_argument("--random", type=int, default=2500)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    counts = {"mutated": args.mutated, "encoded": args.encoded, "random": args.random, "hostile": len(inputs.HOSTILE)}
    tasks = [(family, n) for family, count in counts.items() for n in range(count)]
    budget = Options().timeout
    started = time.monotonic()
    results = []
    for done, result in enumerate(run_in_order(check, tasks, args.jobs, budget, overran, died), 1):
        results.append(result)
        if done % 1000 == 0:
            print(f"  {done}/{len(tasks)} inputs, {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    return report(results, counts, budget, time.monotonic() - started)


def check(task: tuple[str, int]) -> dict:
    family, number = task
    item = BUILD[family](number)
    out = {"family": family, "name": item.name, "group": item.group}
    began = time.perf_counter()
    try:
        result = clean(item.data, item.url, encoding=item.header)
    except BaseException as exc:  # what the fuzz is for: nothing may get here
        return {**out, "escaped": f"{type(exc).__name__}: {exc}"[:300]}
    out["seconds"] = time.perf_counter() - began
    out["outcome"] = "article" if isinstance(result, Article) else result.reason.value
    if isinstance(result, Article):
        out["broken"] = broken_record(result)
    if item.expected_text is not None:
        out["read_back"] = read_back(item)
    return out


def broken_record(article: Article) -> str | None:
    try:
        record = article.to_dict()
        validate(record)
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"[:300]
    return "a control character" if inputs.has_control_characters(record) else None


def read_back(item: inputs.FuzzInput) -> bool:
    try:
        return decode(item.data, declared=item.header) == item.expected_text
    except Rejected:
        return False


def overran(task: tuple[str, int]) -> dict:
    return {"family": task[0], "name": f"{task[0]}-{task[1]}", "overran": True}


def died(task: tuple[str, int]) -> dict:
    return {"family": task[0], "name": f"{task[0]}-{task[1]}", "escaped": "the worker died"}


def report(results: list[dict], counts: dict, budget: float, seconds: float) -> int:
    escaped = [r for r in results if "escaped" in r]
    over = [r for r in results if r.get("overran")]
    broken = [r for r in results if r.get("broken")]
    print(f"fuzz: {len(results)} inputs ({', '.join(f'{f} {n}' for f, n in counts.items())}) in {seconds:.0f} s")
    print(f"exceptions escaped: {len(escaped)}")
    print(f"inputs over the time budget ({budget:g} s): {len(over)}")
    print(f"records with control characters or failing the JSON Schema: {len(broken)}")
    for r in (escaped + over + broken)[:20]:
        print(f"  {r['name']}: {r.get('escaped') or r.get('broken') or 'over budget'}")
    timed(results)
    outcomes = Counter(r["outcome"] for r in results if "outcome" in r)
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in outcomes.most_common()))
    round_trips(results)
    return 1 if escaped or over or broken else 0


def timed(results: list[dict]) -> None:
    """The slowest inputs, as multiples of a real page's mean time in this same run."""
    pages = [r["seconds"] for r in results if r["family"] == "mutated" and "seconds" in r]
    slowest = sorted((r for r in results if "seconds" in r), key=lambda r: -r["seconds"])[:5]
    if not pages:  # --mutated 0: no real page to compare with
        print("slowest inputs: " + "; ".join(f"{r['name']} {r['seconds']:.1f} s" for r in slowest))
        return
    mean = sum(pages) / len(pages)
    print(f"mean time of a mutated real page: {mean * 1000:.0f} ms; slowest inputs: "
          + "; ".join(f"{r['name']} {r['seconds']:.1f} s = {r['seconds'] / mean:.0f}x" for r in slowest))


def round_trips(results: list[dict]) -> None:
    groups = defaultdict(lambda: [0, 0])
    for r in results:
        if "read_back" in r:
            groups[r["group"]][0] += r["read_back"]
            groups[r["group"]][1] += 1
    print("encodings read back as written (decoded text == the original):")
    for group, (right, total) in sorted(groups.items()):
        print(f"  {group:34} {right:4}/{total:<4} = {100 * right / total:5.1f}%")


if __name__ == "__main__":
    sys.exit(main())

"""Crawl benchmark: a loopback site of 1,000+ real article pages crawled three ways.

  cleaning on        `ingest.clean` in worker processes (the default)
  fetch only         no cleaning: the rate the downloader and the rest of the pipeline allow
  one process        cleaning inline in the crawl's own process

Prints article pages/s for each and the peak memory (the crawl process and its workers, summed),
and whether cleaning on reaches 80% of min(fetch only, 2 x one process).

The machine's speed drifts between runs (on a shared VM the same crawl's CPU time varies by 15%
with no steal time shown), so the modes run in rounds, interleaved, and the ratio is taken from
each mode's best run (as timeit does) and, for comparison, from the medians.
Usage: python tests/bench/crawl.py [--pages N] [--modes fetch,one,on] [--rounds N] [--check]
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from sites import generated  # noqa: E402
from sites.newsroom import PAGES  # noqa: E402

BENCH_PAGES = REPO.parent / "shared" / "bench" / "aeb-dev" / "html"
MODES = {
    "on": ("cleaning on (workers)", []),  # the default: one worker per core
    "fetch": ("fetch only (no cleaning)", ["-s", "INGEST_CLEAN_ENABLED=False"]),
    "one": ("cleaning in one process", ["-s", "INGEST_CLEAN_WORKERS=0"]),
}
LOOPBACK = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS=32",
            "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=32", "-s", "LOG_LEVEL=WARNING"]
SUMMARY = re.compile(r"in ([\d.]+)s, ([\d.]+) article pages/s")


def tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status)[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError, TypeError):
            continue
    return total


def crawl(site, mode: str, workdir: Path) -> dict:
    label, settings = MODES[mode]
    out, state = workdir / mode / "feed", workdir / mode / "state"
    command = [sys.executable, "-m", "ingest.crawl", "crawl", site.url("/"), "--out", str(out),
               "--state", str(state), *LOOPBACK, *settings]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    sampling = threading.Event()

    def sample():
        nonlocal peak
        while not sampling.wait(0.1):
            peak = max(peak, tree_rss_kib(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    sampling.set()
    sampler.join()
    wall = time.monotonic() - started
    match = SUMMARY.search(stdout)
    if process.returncode != 0 or not match:
        raise SystemExit(f"{label}: crawl failed ({process.returncode})\n{stdout}\n{stderr[-3000:]}")
    written = re.search(r"articles written\s+(\d+)", stdout)[1]
    return {"label": label, "rate": float(match[2]), "crawl_s": float(match[1]), "wall_s": wall,
            "peak_mib": peak / 1024, "written": int(written)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--modes", default="fetch,one,on")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each mode, interleaved (default 3)")
    parser.add_argument("--check", action="store_true", help="exit 1 if cleaning on misses the 80%% target")
    args = parser.parse_args()
    folder = BENCH_PAGES if BENCH_PAGES.is_dir() else PAGES
    pages = generated.load_pages(folder)
    site, _ = generated.article_site(pages, args.pages)
    generated.start(site)
    print(f"loopback site: {args.pages} article pages from {len(pages)} real pages ({folder}); "
          f"{os.cpu_count()} cores; {args.rounds} round(s)")
    runs: dict[str, list[dict]] = {}
    try:
        with tempfile.TemporaryDirectory() as workdir:
            for round_ in range(1, args.rounds + 1):
                for mode in args.modes.split(","):
                    result = crawl(site, mode, Path(workdir) / str(round_))
                    runs.setdefault(mode, []).append(result)
                    print(f"  {round_}  {result['label']:<26} {result['rate']:7.1f} pages/s   crawl "
                          f"{result['crawl_s']:5.1f}s  (process wall {result['wall_s']:5.1f}s)  records "
                          f"{result['written']:5d}  peak memory {result['peak_mib']:6.0f} MiB", flush=True)
    finally:
        site.stop()
    return report(runs, check=args.check)


def report(runs: dict[str, list[dict]], *, check: bool) -> int:
    """Each mode's best and median rate, and the 80% target judged on the best runs."""
    print("summary:")
    for mode, results in runs.items():
        rates = [r["rate"] for r in results]
        print(f"  {results[0]['label']:<26} best {max(rates):7.1f}  median {statistics.median(rates):7.1f}"
              f" pages/s   peak memory {max(r['peak_mib'] for r in results):4.0f} MiB")
    if not {"on", "fetch", "one"} <= set(runs):
        return 0
    ratios = {}
    for name, pick in (("best", max), ("median", statistics.median)):
        rate = {mode: pick([r["rate"] for r in runs[mode]]) for mode in ("on", "fetch", "one")}
        bound = min(rate["fetch"], 2 * rate["one"])
        ratios[name] = rate["on"] / bound
        print(f"  {name:<6} runs: cleaning on reaches {ratios[name]:.0%} of min(fetch only, 2 x one process)"
              f" = {bound:.1f} pages/s")
    verdict = "meets" if ratios["best"] >= 0.8 else "BELOW"
    print(f"cleaning on {verdict} the 80% target (best runs)")
    return 1 if check and ratios["best"] < 0.8 else 0


if __name__ == "__main__":
    sys.exit(main())

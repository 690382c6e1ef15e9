"""Scale benchmark: 1, 2 and 3 `ingest schedule --redis` workers on this machine, sharing one Redis,
crawl the same loopback sites (one source a host, 127.0.0.1, 127.0.0.2, ...).

For each number of workers: article pages/s from the first worker's start until every article is in
the feed, Redis round trips per page (the server's read events, INFO stats), the Redis commands run
per page (scripts' inner commands included), and the peak memory of all workers and their crawls.
The workers share the same cores, so this measures what coordinating through Redis costs: N workers
should keep >= 90% of one worker's throughput. Each worker may run `6 / N` sources at once, so every
setup crawls the same number of sources side by side.
Usage: python tests/bench/scale.py [--sources N] [--pages N] [--workers 1,2,3] [--rounds N] [--check]
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from bench.crawl import tree_rss_kib  # noqa: E402
from redis_server import RedisServer  # noqa: E402
from sites.crawling import read_feed  # noqa: E402
from sites.hosts import host_sites, sources_file  # noqa: E402

LOOPBACK = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
            "-s", "LOG_LEVEL=WARNING", "-s", "INGEST_FEED_MAX_RECORDS=50"]


def redis_counts(client) -> tuple[int, int]:
    """(read events, commands processed) so far: round trips, and commands with scripts' inner ones."""
    stats = client.info("stats")
    return stats["total_reads_processed"], stats["total_commands_processed"]


def run(workers: int, sources: int, site_list, server: RedisServer, workdir: Path) -> dict:
    client = server.client()
    client.flushall()
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    out, state = workdir / "feed", workdir / "state"
    sources_path = sources_file(workdir, site_list)
    total = sum(len(site._sitemap_paths) for site in site_list)
    reads0, commands0 = redis_counts(client)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    max_runs = max(1, sources // workers)
    started = time.monotonic()
    processes = [subprocess.Popen([sys.executable, "-m", "ingest.crawl", "schedule", "--sources", str(sources_path),
                                   "--out", str(out), "--state", str(state), "--redis", server.url,
                                   "--max-runs", str(max_runs), *LOOPBACK],
                                  cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for _ in range(workers)]
    peak, done = 0, threading.Event()

    def sample():
        nonlocal peak
        while not done.wait(0.2):
            peak = max(peak, sum(tree_rss_kib(p.pid) for p in processes))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        while len(read_feed(out)) < total or client.keys("ingest:run:*"):
            if any(p.poll() is not None for p in processes):
                raise SystemExit(f"{workers} worker(s): a worker exited early")
            time.sleep(0.2)
        elapsed = time.monotonic() - started
    finally:
        done.set()
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(timeout=120)
    reads, commands = redis_counts(client)
    return {"workers": workers, "rate": total / elapsed, "elapsed": elapsed, "records": len(read_feed(out)),
            "trips": (reads - reads0) / total, "commands": (commands - commands0) / total, "peak_mib": peak / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=6)
    parser.add_argument("--pages", type=int, default=100, help="article pages per source")
    parser.add_argument("--workers", default="1,2,3")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--check", action="store_true", help="exit 1 if N workers keep < 90%% of one's rate")
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]
    sites = host_sites(args.sources, args.pages)
    results: dict[int, list[dict]] = {}
    print(f"{args.sources} sources x {args.pages} article pages on loopback hosts; {os.cpu_count()} cores; "
          f"workers {counts}; {args.rounds} round(s), interleaved")
    with tempfile.TemporaryDirectory() as tmp:
        server = RedisServer(Path(tmp) / "redis").start()
        try:
            for round_ in range(1, args.rounds + 1):
                for n in counts:
                    r = run(n, args.sources, sites, server, Path(tmp) / "run")
                    results.setdefault(n, []).append(r)
                    print(f"  {round_}  {n} worker(s)  {r['rate']:6.1f} pages/s  ({r['elapsed']:5.1f}s, "
                          f"{r['records']} records)  Redis {r['trips']:5.1f} round trips/page, "
                          f"{r['commands']:5.1f} commands/page  peak memory {r['peak_mib']:5.0f} MiB", flush=True)
        finally:
            server.stop()
            for site in sites:
                site.stop()
    return report(results, counts, check=args.check)


def report(results: dict[int, list[dict]], counts: list[int], *, check: bool) -> int:
    best = {n: max(r["rate"] for r in results[n]) for n in counts}
    trips = statistics.median(r["trips"] for rs in results.values() for r in rs)
    print("summary (best round of each):")
    ok = True
    for n in counts:
        ratio = best[n] / best[counts[0]]
        ok = ok and ratio >= 0.9
        print(f"  {n} worker(s)  {best[n]:6.1f} pages/s  = {ratio:4.0%} of {counts[0]} worker(s)")
    print(f"  Redis round trips per page (median): {trips:.1f}")
    print(f"N workers keep >= 90% of one worker's rate: {'yes' if ok else 'NO'}")
    return 1 if check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())

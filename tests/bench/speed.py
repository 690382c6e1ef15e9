#!/usr/bin/env python3
"""`make bench-clean`: `ingest clean --jobs N` on the dev pages against bare trafilatura in one process,
and how long `ingest --help` and `ingest clean --help` take (target 0.3 s) against a bare Python start-up.

All run in this session on the same pages. The CLI is timed as a user sees it (process start-up,
file reading and writing included); bare trafilatura both warm in this process and as a fresh
process with its start-up. Ratios are against the warm figure. Prints, asserts nothing.
"""
from __future__ import annotations

import gzip
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT.parent / "shared" / "bench" / "aeb-dev" / "html"
INGEST = str(Path(sys.executable).parent / "ingest")


def bare_trafilatura(files: list[Path]) -> float:
    """Seconds for plain `trafilatura.extract` (defaults) over the pages, reading included."""
    start = time.perf_counter()
    for f in files:
        trafilatura.extract(gzip.decompress(f.read_bytes()))
    return time.perf_counter() - start


BARE_COMMAND = """
import gzip, sys, pathlib, trafilatura
for f in sorted(pathlib.Path(sys.argv[1]).glob("*.html.gz")):
    trafilatura.extract(gzip.decompress(f.read_bytes()))
"""


def bare_trafilatura_command() -> float:
    """The same loop as a fresh process: start-up and imports counted, as for the CLI."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", BARE_COMMAND, str(PAGES)], check=True)
    return time.perf_counter() - start


def ingest_clean(jobs: int, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([INGEST, "clean", str(PAGES), "--jobs", str(jobs), "-o", str(out), "-q"], check=True)
    return time.perf_counter() - start


HELP_RUNS = 7
HELP_TARGET = 0.3


def command_seconds(command: list[str]) -> tuple[float, float, float]:
    """Median and best wall-clock seconds of HELP_RUNS runs of `command`, as a user at a shell sees them,
    and the median CPU seconds (user + system), which the machine's load does not inflate."""
    walls, cpus = [], []
    for _ in range(HELP_RUNS):
        before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    walls.sort()
    return walls[len(walls) // 2], walls[0], sorted(cpus)[len(cpus) // 2]


def help_times() -> None:
    base = command_seconds([sys.executable, "-c", "pass"])
    print(f"start-up, {HELP_RUNS} runs each: wall median, wall best, CPU median; target {HELP_TARGET} s (wall)")
    print(f"  {'python -c pass (baseline)':<40} {base[0]:6.3f} s  {base[1]:6.3f} s  {base[2]:6.3f} s")
    for args in (["--help"], ["clean", "--help"]):
        median, best, cpu = command_seconds([INGEST, *args])
        print(f"  {'ingest ' + ' '.join(args):<40} {median:6.3f} s  {best:6.3f} s  {cpu:6.3f} s  "
              f"{median / base[0]:4.2f}x python's start-up  {'met' if median <= HELP_TARGET else 'MISSED'}")


def main() -> None:
    help_times()
    files = sorted(PAGES.glob("*.html.gz"))
    bare_trafilatura(files[:5])  # warm imports and caches so neither side pays them in the timing
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "records.jsonl"
        rows = [("bare trafilatura.extract, 1 process, warm", bare_trafilatura(files)),
                ("bare trafilatura.extract, 1 process, as a command", bare_trafilatura_command())]
        for jobs in sorted({1, os.cpu_count() or 2}):
            rows.append((f"ingest clean --jobs {jobs} (CLI, start-up included)", ingest_clean(jobs, out)))
    base = rows[0][1]
    print(f"{len(files)} dev pages, {os.cpu_count()} cores")
    for name, seconds in rows:
        print(f"  {name:<52} {seconds:6.2f} s  {len(files) / seconds:6.1f} pages/s  "
              f"{seconds / base:5.2f}x warm bare trafilatura's time")


if __name__ == "__main__":
    main()

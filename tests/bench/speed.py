#!/usr/bin/env python3
"""`make bench-clean`: `ingest clean --jobs N` on the dev pages against bare trafilatura in one process.

All run in this session on the same pages. The CLI is timed as a user sees it (process start-up,
file reading and writing included); bare trafilatura both warm in this process and as a fresh
process with its start-up. Ratios are against the warm figure. Prints, asserts nothing.
"""
from __future__ import annotations

import gzip
import os
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
    subprocess.run([INGEST, "clean", str(PAGES), "--jobs", str(jobs), "-o", str(out)], check=True)
    return time.perf_counter() - start


def main() -> None:
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

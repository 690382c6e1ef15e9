#!/usr/bin/env python3
"""`make bench-batch`: `ingest archive` (datatrove, 2 local workers) against `ingest clean --jobs 2`
on the same pages as files; its peak memory for two archive sizes; fastwarc against warcio reading
one file. All in this session, printed as ratios, asserted nothing."""
from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from warcs import Response, write_warc  # noqa: E402

PAGES = ROOT.parent / "shared" / "bench" / "aeb-dev" / "html"
INGEST = str(Path(sys.executable).parent / "ingest")
COPIES = 4  # each dev page under this many URLs: enough pages that start-up is not the figure
FILES = 8  # WARC files (tasks) the pages are split into
ROUNDS = 2

# Runs a command and prints the peak resident memory of it and all its processes (KiB).
PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
        "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def responses(copies: int) -> list[Response]:
    pages = sorted(PAGES.glob("*.html.gz"))
    return [Response(f"https://bench.example/{copy}/{page.name[:-8]}", gzip.decompress(page.read_bytes()))
            for copy in range(copies) for page in pages]


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def peak_kib(command: list[str]) -> int:
    return int(subprocess.run([sys.executable, "-c", PEAK, *command], check=True, capture_output=True,
                              text=True).stdout)


def speed(tmp: Path, pages: list[Response]) -> None:
    files = tmp / "files"
    files.mkdir()
    for i, page in enumerate(pages):
        (files / f"{i:05d}.html").write_bytes(page.body)
    warcs = [write_warc(tmp / f"part-{k}.warc.gz", pages[k::FILES]) for k in range(FILES)]
    print(f"speed: {len(pages)} pages ({len(pages) // COPIES} dev pages x {COPIES}), "
          f"{FILES} WARC files, 2 workers each")
    for round_ in range(1, ROUNDS + 1):  # interleaved: this VM's speed drifts between runs
        clean = timed([INGEST, "clean", str(files), "--jobs", "2", "-o", str(tmp / "clean.jsonl")])
        state, out = tmp / f"state{round_}", tmp / f"out{round_}"
        archive = timed([INGEST, "archive", *map(str, warcs), "--workers", "2", "--state", str(state),
                         "--out", str(out)])
        print(f"  round {round_}: ingest clean --jobs 2 {len(pages) / clean:6.1f} pages/s ({clean:5.1f} s)   "
              f"ingest archive --workers 2 {len(pages) / archive:6.1f} pages/s ({archive:5.1f} s)   "
              f"archive/clean = {clean / archive:.2f}")


def memory(tmp: Path) -> None:
    print("peak memory of `ingest archive --workers 1` on one WARC file, all processes:")
    figures = []
    for copies in (2, 8):
        pages = responses(copies)
        warc = write_warc(tmp / f"mem-{copies}.warc.gz", pages)
        kib = peak_kib([INGEST, "archive", str(warc), "--workers", "1", "--state", str(tmp / f"ms{copies}"),
                        "--out", str(tmp / f"mo{copies}")])
        figures.append(kib)
        print(f"  {len(pages):5d} records ({warc.stat().st_size >> 20} MiB gzip): {kib / 1024:6.1f} MiB")
    print(f"  4x the records: {figures[1] / figures[0]:.2f}x the peak memory")


def readers(tmp: Path) -> None:
    from fastwarc.warc import ArchiveIterator as FastIterator
    from warcio.archiveiterator import ArchiveIterator as WarcioIterator

    warc = write_warc(tmp / "read.warc.gz", responses(COPIES))
    rows = []
    for name, read in (("fastwarc", _read_fastwarc), ("warcio", _read_warcio)):
        start = time.perf_counter()
        count = read(warc, FastIterator if name == "fastwarc" else WarcioIterator)
        rows.append((name, count / (time.perf_counter() - start)))
    print(f"reading {warc.stat().st_size >> 20} MiB of WARC (gzip), every record's payload:")
    for name, rate in rows:
        print(f"  {name:<9} {rate:8.0f} records/s  {rate / rows[1][1]:.2f}x warcio")


def _read_fastwarc(path: Path, iterator) -> int:
    with open(path, "rb") as f:
        return sum(1 for record in iterator(f, parse_http=True, auto_decode="all") if record.reader.read() or 1)


def _read_warcio(path: Path, iterator) -> int:
    with open(path, "rb") as f:
        return sum(1 for record in iterator(f) if record.content_stream().read() or 1)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        readers(tmp)
        speed(tmp, responses(COPIES))
        memory(tmp)


if __name__ == "__main__":
    main()

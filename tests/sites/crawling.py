"""Running `ingest crawl` as a user would (a separate process) and reading what it wrote."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from . import generated
from .newsroom import PAGES

REPO = Path(__file__).resolve().parents[2]

# Tests talk to a loopback server: no politeness delays, both cores for cleaning.
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
        "-s", "INGEST_CLEAN_WORKERS=2", "-s", "RETRY_TIMES=1", "-s", "LOG_LEVEL=INFO"]


# Small feed files, few connections: a crawl of many commits, so an interruption lands between them.
MANY_COMMITS = ["-s", "INGEST_FEED_MAX_RECORDS=4", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]


class Turnstile:
    """Lets the first `free` requests through and holds the rest until `release()`: a crawl that
    cannot finish before the test has done what it came to do, however fast or loaded the machine."""

    def __init__(self, free: int):
        self.free = free
        self.held = 0
        self.lock = threading.Lock()
        self.opened = threading.Event()

    def wait(self) -> None:
        with self.lock:
            if self.free > 0:
                self.free -= 1
                return
            self.held += 1
        self.opened.wait()

    def release(self) -> None:
        self.opened.set()


def held_article_site(count: int, answered: int):
    """A started site of `count` article pages of which only `answered` are served until the
    turnstile is released; and their paths, and the turnstile."""
    site, paths = generated.article_site(generated.load_pages(PAGES), count)
    turnstile = Turnstile(answered)
    for path in paths:
        site[path].hold = turnstile
    generated.start(site)
    return site, paths, turnstile


def wait_for(condition, timeout: float, what: str):
    """Wait for a condition of the file system, polling, for at most `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def crawl_command(*targets: str, out: Path, state: Path, extra: list[str] = ()) -> list[str]:
    return [sys.executable, "-m", "ingest.crawl", "crawl", *targets, "--out", str(out), "--state", str(state),
            *FAST, *extra]


def run_crawl(*targets: str, out: Path, state: Path, extra: list[str] = (), timeout: float = 180):
    result = subprocess.run(crawl_command(*targets, out=out, state=state, extra=extra), cwd=REPO,
                            capture_output=True, text=True, timeout=timeout, env=_env())
    assert result.returncode == 0, result.stderr[-4000:]
    assert not unexpected_errors(result.stderr), unexpected_errors(result.stderr)
    return result


def unexpected_errors(log: str) -> list[str]:
    """ERROR lines of a crawl's log, but for giving up on a server error (the 500 page's behaviour)."""
    return [line for line in log.splitlines() if "] ERROR:" in line and "Gave up retrying" not in line]


def popen_crawl(*targets: str, out: Path, state: Path, extra: list[str] = ()) -> subprocess.Popen:
    return subprocess.Popen(crawl_command(*targets, out=out, state=state, extra=extra), cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())


def feed_files(out: Path) -> list[Path]:
    return sorted(out.glob("date=*/*.jsonl"))


def partial_files(out: Path) -> list[Path]:
    """Anything in the feed that is not a complete `.jsonl` file."""
    return sorted(p for p in out.rglob("*") if p.is_file() and p.suffix != ".jsonl")


def read_feed(out: Path) -> list[dict]:
    records = []
    for path in feed_files(out):
        with path.open(encoding="utf-8") as lines:
            records.extend(json.loads(line) for line in lines)
    return records


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env

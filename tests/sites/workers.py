"""`ingest schedule --redis` workers as a user starts them (separate processes), their logs, and
killing one as a machine dies: the worker and its crawl processes at once, with SIGKILL."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from .crawling import FAST, REPO, _env

LEASE = ["-s", "INGEST_REDIS_LEASE_SECONDS=4", "-s", "LOG_LEVEL=WARNING"]
ENDED = re.compile(r"schedule: run ended source=(\S+) pid=\d+ exit=(\d+)")
RUN = re.compile(r"schedule: run (started|ended) source=(\S+) pid=(\d+).*? at=([\d.]+)")


class Worker:
    def __init__(self, sources: Path, out: Path, state: Path, redis_url: str, *, max_runs: int = 2,
                 extra: list[str] = ()):
        command = [sys.executable, "-m", "ingest.crawl", "schedule", "--sources", str(sources), "--out", str(out),
                   "--state", str(state), "--redis", redis_url, "--max-runs", str(max_runs), *FAST, *LEASE, *extra]
        self.process = subprocess.Popen(command, cwd=REPO, env=_env(), stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stderr:
            self.lines.append(line)

    @property
    def pid(self) -> int:
        return self.process.pid

    def ended(self) -> Counter:
        """Runs this worker saw end well, by source."""
        return Counter(m[1] for m in map(ENDED.search, list(self.lines)) if m and m[2] == "0")

    def runs_since(self, since: float) -> Counter:
        """Runs that started after `since` (seconds since the epoch) and ended well, by source."""
        started, done = {}, Counter()
        for match in filter(None, map(RUN.search, list(self.lines))):
            event, source, pid, at = match.groups()
            if event == "started":
                started[pid] = float(at)
            elif started.get(pid, 0) > since and ENDED.search(match.string)[2] == "0":
                done[source] += 1
        return done

    def kill(self) -> None:
        """SIGKILL to the worker and every process under it, as when its machine dies."""
        tree = descendants(self.pid) + [self.pid]
        for pid in tree:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait(timeout=30)

    def stop(self, timeout: float = 60) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def log(self) -> str:
        return "".join(self.lines[-60:])


def descendants(pid: int) -> list[int]:
    found = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except FileNotFoundError:
        return found
    for task in tasks:
        try:
            children = [int(c) for c in (task / "children").read_text().split()]
        except FileNotFoundError:
            continue
        for child in children:
            found += [child, *descendants(child)]
    return found


def ended_runs(workers: list[Worker]) -> Counter:
    total = Counter()
    for worker in workers:
        total += worker.ended()
    return total


def runs_since(workers: list[Worker], since: float) -> Counter:
    total = Counter()
    for worker in workers:
        total += worker.runs_since(since)
    return total


def wait_for(condition, timeout: float, what: str, workers: list[Worker] = ()):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            logs = "\n".join(f"--- worker {w.pid}:\n{w.log()}" for w in workers)
            raise AssertionError(f"timed out waiting for {what}\n{logs}")
        time.sleep(0.05)

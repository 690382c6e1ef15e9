"""Scheduler: each source crawled at its interval, one run of a source at a time, until a signal.

Each run is an `ingest crawl SOURCE` child process: a crash in one run costs that run only,
and runs of different sources use both cores. At most `max_runs` run at once (4 per core, as
scrapyd allows), the most overdue first, and the cores' cleaning workers are split between the
sources, so that many sources never mean many workers per core. The sources file is reread as it
changes (sources_file.py). On SIGTERM/SIGINT/SIGHUP the runs are
asked to stop (they commit their feed files); a run that does not stop within the grace period
is signalled again (Scrapy's immediate stop), killed only if even that fails, and its temporary
file cleared as after any crash.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from . import feed
from .ledger import Ledger
from .sources import Source


FORCED_STOP = 5.0  # seconds a run has to end after a second SIGTERM, before SIGKILL
LOOK_AGAIN = 2.0  # seconds between looks at the sources file while no run is due
# A closed terminal (SIGHUP) stops the schedule as SIGTERM does: its runs, each in a session of its
# own, would otherwise outlive it, and its killed runs' files would never be cleared.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


def default_max_runs() -> int:
    return 4 * (os.cpu_count() or 1)


def workers_per_run(sources: int, max_runs: int) -> int:
    """Cleaning workers for each run: the cores shared by the runs that can be going at once."""
    return max(1, (os.cpu_count() or 1) // max(1, min(sources, max_runs)))


def crawl_command(source: Source, *, sources_file: str, out: str, state: str, overrides: list[str],
                  workers: int | None = None) -> list[str]:
    # -P: the working directory is not on the path, so a folder named `ingest` there (a clone's
    # parent) cannot stand in for the package.
    command = [sys.executable, "-P", "-m", "ingest.crawl", "crawl", source.name, "--sources", sources_file,
               "--out", out, "--state", state, "--settings-said"]
    if workers:
        command += ["-s", f"INGEST_CLEAN_WORKERS={workers}"]  # the user's own -s, after it, wins
    for override in overrides:
        command += ["-s", override]
    return command


@dataclass
class Run:
    source: Source
    process: subprocess.Popen
    started: float


class Scheduler:
    def __init__(self, sources: list[Source], command: Callable[[Source], list[str]], *, feed_dir: str,
                 state_dir: str, max_runs: int | None = None, grace: float = 10.0, tick: float = 0.5,
                 clock: Callable[[], float] = time.monotonic, log=None, sources_file=None):
        self.sources = sources
        self.sources_file = sources_file  # a SourcesFile to reread as it changes, or None
        self.max_runs = max_runs or default_max_runs()
        self.command = command
        self.feed_dir = feed_dir
        self.state_dir = state_dir
        self.grace = grace
        self.tick = tick
        self.clock = clock
        self.wall_offset = time.time() - clock()  # the log shows the schedule's instants as wall-clock time
        self.log = log or (lambda message: print(f"schedule: {message}", file=sys.stderr, flush=True))
        self.stop = threading.Event()
        self.running: dict[str, Run] = {}
        self.next_due: dict[str, float] = {}
        self.last_started: dict[str, float] = {}
        self.outcomes = {"succeeded": 0, "failed": 0}

    def run_until_signalled(self) -> int:
        previous = {sig: signal.signal(sig, self._on_signal) for sig in STOP_SIGNALS}
        try:
            self.run()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if self.outcomes["failed"] and not self.outcomes["succeeded"]:
            self.log(f"no run succeeded ({self.outcomes['failed']} failed): see their lines above")
            return 1
        return 0

    def _on_signal(self, signum, frame):
        self.log(f"{signal.Signals(signum).name}: stopping")
        self.stop.set()

    def run(self) -> None:
        now = self.clock()
        self.next_due = {s.name: now for s in self.sources}
        self.log("sources " + ", ".join(f"{s.name} every {s.interval:g}s" for s in self.sources))
        while not self.stop.is_set():
            self._reap()
            self._reread_sources()
            self._start_due()
            self.stop.wait(self._wait_time())
        self._shut_down()

    def _start_due(self) -> None:
        now = self.clock()
        due = [s for s in self.sources if s.name not in self.running and self.next_due[s.name] <= now]
        for source in sorted(due, key=lambda s: self.next_due[s.name]):  # the most overdue first
            if len(self.running) >= self.max_runs:
                break
            process = subprocess.Popen(self.command(source), start_new_session=True)
            self.running[source.name] = Run(source, process, now)
            self.last_started[source.name] = now
            self.log(f"run started source={source.name} pid={process.pid} at={self._at(now)}")

    def _reap(self) -> None:
        for name, run in list(self.running.items()):
            code = run.process.poll()
            if code is None:
                continue
            del self.running[name]
            self.outcomes["succeeded" if code == 0 else "failed"] += 1
            now = self.clock()
            # A run longer than the interval is followed by the next at once, never overlapped; a
            # source taken out of the file meanwhile is not run again.
            if name in self.next_due:
                self.next_due[name] = max(run.started + self._interval(name), now)
            self.log(f"run ended source={name} pid={run.process.pid} exit={code} at={self._at(now)} "
                     f"took={now - run.started:.1f}s")

    def _at(self, moment: float) -> str:
        """An instant of `clock` as ISO 8601 UTC to the millisecond, readable beside other logs."""
        return datetime.fromtimestamp(self.wall_offset + moment, timezone.utc).isoformat(timespec="milliseconds")
    def _stopped(self, run: Run, deadline: float) -> bool:
        try:
            run.process.wait(timeout=max(0.0, deadline - self.clock()))
        except subprocess.TimeoutExpired:
            return False
        return True

    def _wait_time(self) -> float:
        if self.running:
            return self.tick
        wait = max(0.0, min(self.next_due.values()) - self.clock()) if self.next_due else self.tick
        return min(wait, LOOK_AGAIN) if self.sources_file else wait

    def _interval(self, name: str) -> float:
        return next(s.interval for s in self.sources if s.name == name)

    def _reread_sources(self) -> None:
        """The sources file as it is now, if it changed and reads well: sources added are due at once,
        those taken out are not run again (a run going on ends as it would), new intervals count from
        each source's last start. A file that does not read is said once; the last good one stays."""
        if self.sources_file is None:
            return
        sources, problem = self.sources_file.reread()
        if problem:
            self.log(f"{problem}; runs go on with the sources read before")
        if sources is not None:
            self.log(f"sources reread from {self.sources_file.path}: {self._take(sources)}")

    def _take(self, sources: dict[str, Source]) -> str:
        """Schedule `sources` from now on; what changed, said."""
        before = {s.name: s for s in self.sources}
        self.sources = list(sources.values())
        added = [name for name in sources if name not in before]
        removed = [name for name in before if name not in sources]
        changed = [name for name in sources if name in before and sources[name] != before[name]]
        now = self.clock()
        for name in removed:
            self.next_due.pop(name, None)
        for name in changed:
            if name not in self.running and name in self.last_started:
                self.next_due[name] = self.last_started[name] + sources[name].interval
        self._added(added, now)
        said = [f"{what} {', '.join(names)}" for what, names in
                (("added", added), ("removed", removed), ("changed", changed)) if names]
        return "; ".join(said) or "no change"

    def _added(self, names: list[str], now: float) -> None:
        for name in names:
            self.next_due[name] = now

    def _shut_down(self) -> None:
        for run in self.running.values():
            run.process.send_signal(signal.SIGTERM)
        deadline = self.clock() + self.grace
        for name, run in list(self.running.items()):
            if not self._stopped(run, deadline):
                # A second signal: Scrapy stops at once, but the process still exits as Python does
                # (its worker pool shut down, nothing leaked); SIGKILL only if even that hangs.
                self.log(f"run of {name} did not stop within {self.grace:g}s; signalled again")
                run.process.send_signal(signal.SIGTERM)
                if not self._stopped(run, self.clock() + FORCED_STOP):
                    self.log(f"run of {name} did not stop after a second signal; killed")
                    run.process.kill()
                    run.process.wait()
        self._reap()
        self._recover()
        self.log("stopped")

    def _recover(self) -> None:
        """Finish or clear the feed files of killed runs, as the crawl state says."""
        ledger = self._open_state()
        try:
            recovered = feed.recover(self.feed_dir, ledger.is_committed)
        finally:
            ledger.close()
        if any(recovered.values()):
            self.log("cleared after killed runs: {renamed} renamed, {removed} removed".format(**recovered))

    def _open_state(self):
        return Ledger.in_directory(self.state_dir)

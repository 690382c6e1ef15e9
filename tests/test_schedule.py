"""`ingest schedule`: each source at its interval, never two runs of one source at once, clean stop on a signal."""
from __future__ import annotations

import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from datetime import datetime

import pytest

from sites import generated
from sites.crawling import FAST, REPO, _env, feed_files, partial_files, read_feed, unexpected_errors
from sites.newsroom import PAGES

# `at` is wall-clock time, ISO 8601 UTC: 2026-11-30T04:01:02.123+00:00
LINE = re.compile(r"schedule: run (started|ended) source=(\w+) pid=\d+(?: exit=(\d+))? at=(\S+)")


class Log:
    """The scheduler's stderr, line by line, as events a test can wait for."""

    def __init__(self, stream):
        self.lines: queue.Queue[str] = queue.Queue()
        self.all: list[str] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for line in stream:
            self.lines.put(line)

    def wait_for(self, predicate, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not predicate(self):
            remaining = deadline - time.monotonic()
            assert remaining > 0, "timed out; scheduler said:\n" + "".join(self.all[-40:])
            try:
                self.all.append(self.lines.get(timeout=min(remaining, 0.05)))
            except queue.Empty:
                pass

    def runs(self) -> dict[str, list[dict]]:
        runs = defaultdict(list)
        for line in self.all:
            match = LINE.search(line)
            if not match:
                continue
            event, name, code, at = match.groups()
            if event == "started":
                runs[name].append({"start": datetime.fromisoformat(at).timestamp()})
            else:
                runs[name][-1].update(end=datetime.fromisoformat(at).timestamp(), exit=int(code))
        return runs

    def ended(self, name: str) -> int:
        return sum(1 for run in self.runs()[name] if "end" in run)


@pytest.fixture
def sites():
    pages = generated.load_pages(PAGES)
    quick, _ = generated.article_site(pages, 3)
    # Each run outlasts its interval, and finds every article edited since the last.
    slow, _ = generated.article_site(pages, 4, delay=1.0, changing=True)
    for site in (quick, slow):
        generated.start(site)
    yield quick, slow
    for site in (quick, slow):
        site.stop()


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_schedule_runs_each_source_at_its_interval_one_run_at_a_time_and_stops_cleanly(tmp_path, sites, stop):
    quick, slow = sites
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[sources.quick]\nstart = ["{quick.url("/")}"]\ninterval = "1s"\n\n'
                       f'[sources.slow]\nstart = ["{slow.url("/")}"]\ninterval = "1s"\nconcurrency = 1\n')
    out, state = tmp_path / "feed", tmp_path / "state"
    scheduler = subprocess.Popen(
        [sys.executable, "-m", "ingest.crawl", "schedule", "--sources", str(sources), "--out", str(out),
         "--state", str(state), *FAST, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"],
        cwd=REPO, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log = Log(scheduler.stderr)
    try:
        log.wait_for(lambda log: log.ended("quick") >= 3 and log.ended("slow") >= 2, timeout=150)
        # Stop in the middle of a run: while a feed file is still being written.
        log.wait_for(lambda log: partial_files(out), timeout=60)
        stopped_at = time.monotonic()
        scheduler.send_signal(stop)
        scheduler.wait(timeout=30)
        took = time.monotonic() - stopped_at
        log.wait_for(lambda log: any("schedule: stopped" in line for line in log.all), timeout=5)
    finally:
        if scheduler.poll() is None:
            scheduler.kill()

    assert scheduler.returncode == 0
    # Stopped within the grace period, on the first signal: no second signal, no SIGKILL.
    assert not [line for line in log.all if "did not stop" in line], f"took {took:.1f}s to stop"
    runs = log.runs()
    for name, interval in (("quick", 1.0), ("slow", 1.0)):
        finished = [run for run in runs[name] if "end" in run]
        assert all(run["exit"] == 0 for run in finished[:-1]), (runs[name], "".join(log.all))
        for before, after in zip(runs[name], runs[name][1:]):
            assert after["start"] >= before["end"], f"two runs of {name} at once"
            assert after["start"] >= before["start"] + interval - 0.01
    assert partial_files(out) == []
    assert not unexpected_errors("".join(log.all))
    records = read_feed(out)
    quick_urls = [r["url"] for r in records if r["url"].startswith(quick.root)]
    assert len(quick_urls) == len(set(quick_urls)) == 3  # later runs of quick found nothing new
    versions = [(r["url"], r["content_hash"]) for r in records if r["url"].startswith(slow.root)]
    assert len(versions) == len(set(versions)) >= 4 * 2  # every slow run wrote its edited versions


def test_at_most_max_runs_crawls_go_at_once_the_most_overdue_first(tmp_path):
    from ingest.crawl.scheduler import Scheduler
    from ingest.crawl.sources import Source

    sources = [Source(name, (f"http://{name}.example/",), interval=0.2) for name in ("a", "b", "c")]
    lines: list[str] = []
    # Each run is a real child process that takes a moment, as a crawl would.
    scheduler = Scheduler(sources, lambda source: [sys.executable, "-c", "import time; time.sleep(0.3)"],
                          feed_dir=str(tmp_path / "feed"), state_dir=str(tmp_path / "state"), max_runs=2,
                          tick=0.02, log=lines.append)
    thread = threading.Thread(target=scheduler.run)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while sum("run ended" in line for line in lines) < 9 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        scheduler.stop.set()
        thread.join(timeout=30)
    running, most = set(), 0
    for line in lines:
        match = LINE.search("schedule: " + line)
        if match:
            if match[1] == "started":
                running.add(match[2])
            else:
                running.discard(match[2])
            most = max(most, len(running))
    assert most == 2
    started = [LINE.search("schedule: " + line)[2] for line in lines if "run started" in line]
    assert {started.count(name) for name in "abc"} <= {3, 4, 5}, started  # none starved


def test_scheduled_runs_share_the_cores_cleaning_workers_and_a_users_setting_wins(monkeypatch):
    from ingest.crawl import scheduler
    from ingest.crawl.sources import Source

    monkeypatch.setattr(scheduler.os, "cpu_count", lambda: 4)
    assert scheduler.workers_per_run(1, 16) == 4
    assert scheduler.workers_per_run(2, 16) == 2
    assert scheduler.workers_per_run(30, 16) == 1
    command = scheduler.crawl_command(Source("a", ("http://a.example/",)), sources_file="s.toml", out="o",
                                      state="st", overrides=["INGEST_CLEAN_WORKERS=3"], workers=2)
    settings = [command[i + 1] for i, part in enumerate(command) if part == "-s"]
    assert settings == ["INGEST_CLEAN_WORKERS=2", "INGEST_CLEAN_WORKERS=3"]  # the last -s wins

"""`ingest schedule` at its edges: started from a folder holding another `ingest/`, and stopped by
SIGTERM while its crawl waits on a server that never answers."""
from __future__ import annotations

import os
import signal
import subprocess
import threading

import pytest
from sites import generated
from sites.crawling import feed_files, partial_files, read_feed, wait_for
from sites.newsroom import PAGES
from sites.server import Held
from test_schedule import Log

from helpers import INGEST
from sites.crawling import FAST


@pytest.fixture(scope="module")
def pages():
    return generated.load_pages(PAGES)


def schedule(tmp_path, site, *, cwd, extra=()) -> tuple[subprocess.Popen, Log]:
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[sources.quick]\nstart = ["{site.url("/")}"]\ninterval = "1h"\n')
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # as a user runs it
    process = subprocess.Popen([INGEST, "schedule", "--sources", str(sources), "--out", str(tmp_path / "feed"),
                                "--state", str(tmp_path / "state"), *FAST, *extra],
                               cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return process, Log(process.stderr)


def test_a_folder_named_ingest_in_the_working_directory_does_not_stand_in_for_the_package(tmp_path, pages):
    shadow = tmp_path / "cwd"
    (shadow / "ingest").mkdir(parents=True)
    (shadow / "ingest" / "__init__.py").write_text('raise ImportError("not the ingest package")\n')
    site, paths = generated.article_site(pages, 3)
    generated.start(site)
    scheduler, log = schedule(tmp_path, site, cwd=shadow)
    try:
        log.wait_for(lambda log: log.ended("quick") >= 1, timeout=180)
        scheduler.send_signal(signal.SIGTERM)
        assert scheduler.wait(timeout=60) == 0
    finally:
        if scheduler.poll() is None:
            scheduler.kill()
        site.stop()
    assert log.runs()["quick"][0]["exit"] == 0, "".join(log.all[-40:])
    assert len(read_feed(tmp_path / "feed")) == 3


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "terminal closed"])
def test_a_stop_signal_while_a_download_hangs_ends_the_crawl_cleanly_without_sigkill(tmp_path, pages, stop):
    # SIGHUP killed the schedule on the spot, its crawl (in a session of its own) left running.
    gate = threading.Event()
    site, paths = generated.article_site(pages, 6)
    for path in paths[3:]:
        Held(site[path], gate)  # these never answer until the test is over
    generated.start(site)
    scheduler, log = schedule(tmp_path, site, cwd=tmp_path, extra=["-s", "INGEST_FEED_MAX_RECORDS=3"])
    try:
        # Stop once all that could be done is done: the three answered pages cleaned and committed,
        # the other three waiting on a server that will not answer.
        wait_for(lambda: len(read_feed(tmp_path / "feed")) == 3, 180, "the answered pages in the feed")
        wait_for(lambda: sum(path in paths[3:] for path, _ in site.arrived) == 3, 60, "the held requests")
        log.wait_for(lambda log: log.runs()["quick"], timeout=10)
        crawl = int(next(line for line in log.all if "run started" in line).split("pid=")[1].split()[0])
        scheduler.send_signal(stop)
        assert scheduler.wait(timeout=60) == 0
        log.wait_for(lambda log: any("schedule: stopped" in line for line in log.all), timeout=10)
        assert not _alive(crawl)
    finally:
        gate.set()
        if scheduler.poll() is None:
            scheduler.kill()
        site.stop()
    said = "".join(log.all)
    assert "did not stop" not in said and "killed" not in said, said[-3000:]
    assert "leaked" not in said and "Traceback" not in said, said[-3000:]
    assert log.ended("quick") == 1
    assert partial_files(tmp_path / "feed") == []
    assert (tmp_path / "state" / "jobs" / "quick" / "interrupted").exists()  # the next run resumes


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True

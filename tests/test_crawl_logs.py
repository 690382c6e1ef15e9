"""What a crawl prints: WARNING-level logs and the summary by default, Scrapy's detail with -v; and where
`scrapy crawl news` writes when not told."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sites import generated
from sites.crawling import REPO, _env, read_feed
from sites.newsroom import PAGES

QUIET_FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "INGEST_CLEAN_WORKERS=1"]


@pytest.fixture(scope="module")
def site():
    site, paths = generated.article_site(generated.load_pages(PAGES), 3)
    generated.start(site)
    yield site
    site.stop()


def _crawl(site, tmp_path, *flags):
    command = [sys.executable, "-m", "ingest.crawl", "crawl", site.url("/"), "--out", str(tmp_path / "feed"),
               "--state", str(tmp_path / "state"), *QUIET_FAST, *flags]
    done = subprocess.run(command, cwd=REPO, env=_env(), capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def test_a_crawl_logs_nothing_below_warning_by_default_and_prints_its_summary(site, tmp_path):
    done = _crawl(site, tmp_path)
    assert "] INFO:" not in done.stderr and "] DEBUG:" not in done.stderr, done.stderr[:2000]
    assert "WARNING" not in done.stderr, done.stderr[:2000]  # a healthy crawl: nothing to warn about
    assert "Scrapy" not in done.stderr  # no version banner, no settings, no stats dict
    assert "articles written   3" in done.stdout
    assert len(read_feed(tmp_path / "feed")) == 3


@pytest.mark.parametrize("flags", [["-v"], ["--log-level", "info"], ["-s", "LOG_LEVEL=INFO"]])
def test_scrapys_detail_comes_back_with_v_or_a_log_level(site, tmp_path, flags):
    done = _crawl(site, tmp_path, *flags)
    assert "[scrapy.core.engine] INFO: Spider opened" in done.stderr
    assert "articles written   3" in done.stdout


def test_scrapy_crawl_news_writes_under_out_which_git_ignores(site, tmp_path):
    shutil.copy(Path(REPO) / "scrapy.cfg", tmp_path / "scrapy.cfg")  # a checkout's root, without its files
    scrapy = Path(sys.executable).parent / "scrapy"
    done = subprocess.run([str(scrapy), "crawl", "news", "-a", f"start={site.url('/')}", *QUIET_FAST,
                           "-s", "LOG_LEVEL=WARNING"], cwd=tmp_path, env=_env(), capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "scrapy.cfg"]
    assert len(read_feed(tmp_path / "out" / "feed")) == 3
    written = [str(p.relative_to(tmp_path)) for p in (tmp_path / "out").rglob("*") if p.is_file()]
    ignored = subprocess.run(["git", "check-ignore", "--no-index", *written], cwd=REPO, capture_output=True,
                             text=True).stdout.split()
    assert ignored == written


@pytest.mark.parametrize("argv, level", [
    ([], "WARNING"), (["-v"], "INFO"), (["-vv"], "DEBUG"), (["--log-level", "error"], "ERROR"),
    (["-s", "LOG_LEVEL=DEBUG"], "DEBUG"),
])
def test_schedule_passes_the_log_level_to_each_run_a_users_setting_last(argv, level):
    from ingest.cli import build_parser
    from ingest.crawl.command import with_log_level
    from ingest.crawl.scheduler import crawl_command
    from ingest.crawl.sources import Source

    args = build_parser().parse_args(["schedule", *argv])
    command = crawl_command(Source("a", ("http://a.example/",)), sources_file="s.toml", out="o", state="st",
                            overrides=with_log_level(args))
    levels = [command[i + 1] for i, part in enumerate(command) if part == "-s" and "LOG_LEVEL=" in command[i + 1]]
    assert levels[-1] == f"LOG_LEVEL={level}"


def test_schedule_logs_its_runs_at_wall_clock_iso_times(tmp_path):
    import re
    import threading
    import time
    from datetime import datetime, timezone

    from ingest.crawl.scheduler import Scheduler
    from ingest.crawl.sources import Source

    lines: list[str] = []
    ended = threading.Event()

    def log(line: str) -> None:
        lines.append(line)
        if "run ended" in line:
            ended.set()

    source = Source("a", ("http://a.example/",), interval=3600)
    scheduler = Scheduler([source], lambda s: [sys.executable, "-c", "pass"], feed_dir=str(tmp_path / "feed"),
                          state_dir=str(tmp_path / "state"), tick=0.02, log=log)
    thread = threading.Thread(target=scheduler.run)
    before = datetime.now(timezone.utc)
    thread.start()
    try:
        assert ended.wait(60), lines
    finally:
        scheduler.stop.set()
        thread.join(timeout=30)
    stamps = [datetime.fromisoformat(m[1]) for line in lines for m in [re.search(r" at=(\S+)", line)] if m]
    assert len(stamps) == 2 and all(s.tzinfo == timezone.utc for s in stamps)
    assert before.timestamp() - 1 <= stamps[0].timestamp() <= stamps[1].timestamp() <= time.time() + 1

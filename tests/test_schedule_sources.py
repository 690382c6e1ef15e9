"""`ingest schedule` over days: its sources file edited while it runs, and a bad `-s` given to it."""
from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from sites.crawling import FAST, REPO, _env, wait_for

from ingest.crawl.scheduler import Scheduler
from ingest.crawl.sources_file import SourcesFile

# A run as the scheduler starts one, reduced to what matters here: it reads its source from the
# file it is given, as `ingest crawl NAME --sources FILE` does, and fails if it cannot.
READS_ITS_SOURCE = ("import sys, tomllib; from pathlib import Path; "
                    "sys.exit(0 if sys.argv[1] in tomllib.loads(Path(sys.argv[2]).read_text())['sources'] else 3)")


def _table(name: str, interval: str = "0.2s") -> str:
    return f'[sources.{name}]\nstart = "https://{name}.example/"\ninterval = "{interval}"\n'


class Lines(list):
    """The scheduler's log lines, with a wait on one that the test expects."""

    def wait_for(self, predicate, what: str, after: int = 0) -> int:
        """Index of the first line from `after` on that satisfies `predicate`."""
        found: list[int] = []
        wait_for(lambda: found.extend(i for i in range(after, len(self)) if predicate(self[i])) or found, 60, what)
        return found[0]


def test_a_sources_file_edited_while_the_schedule_runs_is_reread_and_a_broken_edit_fails_no_run(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text(_table("a"))
    sources_file = SourcesFile(path)
    lines = Lines()
    scheduler = Scheduler(list(sources_file.sources.values()),
                          lambda source: [sys.executable, "-c", READS_ITS_SOURCE, source.name, str(sources_file.copy)],
                          feed_dir=str(tmp_path / "feed"), state_dir=str(tmp_path / "state"), tick=0.02,
                          log=lines.append, sources_file=sources_file)
    thread = threading.Thread(target=scheduler.run)
    thread.start()
    try:
        at = lines.wait_for(lambda line: "run ended source=a" in line, "a first run of a")
        path.write_text(_table("a") + "[sources.b\n")  # saved half edited
        broken = lines.wait_for(lambda line: "runs go on with the sources read before" in line, "the broken file said",
                                after=at)
        assert "sources.toml: Expected ']'" in lines[broken]
        at = lines.wait_for(lambda line: "run ended source=a" in line, "a run of a after the broken edit", after=broken)
        path.write_text(_table("b") + _table("c", interval="1h"))  # a taken out, b and c added
        reread = lines.wait_for(lambda line: "sources reread" in line, "the file reread", after=at)
        assert lines[reread].endswith("added b, c; removed a")
        lines.wait_for(lambda line: "run ended source=c" in line, "a first run of c", after=reread)
        last_b = lines.wait_for(lambda line: "run ended source=b" in line, "a first run of b", after=reread)
        lines.wait_for(lambda line: "run ended source=b" in line, "a second run of b", after=last_b + 1)
    finally:
        scheduler.stop.set()
        thread.join(timeout=60)
        sources_file.close()
    ended = [line for line in lines if "run ended" in line]
    assert ended and all("exit=0" in line for line in ended), lines  # no run read a broken or stale file
    started_after = [line for line in lines[reread + 1:] if "run started" in line]
    assert not [line for line in started_after if "source=a" in line]  # taken out: not run again
    assert sum("source=c" in line for line in started_after) == 1  # its interval is an hour
    assert lines.count(lines[broken]) == 1  # said once, not at every look
    assert not sources_file.copy.parent.exists()


def _schedule(tmp_path: Path, sources: str, *extra: str) -> subprocess.Popen:
    path = tmp_path / "sources.toml"
    path.write_text(sources)
    return subprocess.Popen([sys.executable, "-m", "ingest.crawl", "schedule", "--sources", str(path),
                             "--out", str(tmp_path / "feed"), "--state", str(tmp_path / "state"), *FAST, *extra],
                            cwd=REPO, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def test_a_bad_setting_given_to_the_schedule_is_refused_before_any_run(tmp_path):
    # Each run refused it and ended, at every interval, for as long as the schedule ran.
    scheduler = _schedule(tmp_path, _table("a"), "-s", "CONCURRENT_REQUESTS=0")
    _, said = scheduler.communicate(timeout=60)
    assert scheduler.returncode == 2
    assert said.startswith("ingest schedule: -s CONCURRENT_REQUESTS=0: expected 1 or more"), said
    assert "run started" not in said


def test_a_scheduled_run_reads_the_copy_and_shares_the_cores_between_the_sources_the_file_holds_now(
        tmp_path, monkeypatch):
    from argparse import Namespace

    from ingest.crawl import scheduler
    from ingest.crawl.command import scheduled_command

    monkeypatch.setattr(scheduler.os, "cpu_count", lambda: 4)
    path = tmp_path / "sources.toml"
    path.write_text(_table("a"))
    sources_file = SourcesFile(path)
    args = Namespace(out="feed", state="state", settings=[], log_level=None, verbose=0)
    command = scheduled_command(sources_file, args, max_runs=16)
    try:
        first = command(sources_file.sources["a"])
        path.write_text(_table("a") + _table("b"))
        sources_file.reread()
        second = command(sources_file.sources["b"])
    finally:
        sources_file.close()
    assert first[first.index("--sources") + 1] == second[second.index("--sources") + 1] == str(sources_file.copy)
    assert "INGEST_CLEAN_WORKERS=4" in first and "INGEST_CLEAN_WORKERS=2" in second  # a second source came

"""`ingest archive`: WARC files through datatrove tasks into the feed layout, each version of an
article once; a crashed task leaves nothing visible and a rerun redoes only it."""
from __future__ import annotations

import gzip
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from helpers import records, run_ingest, sample_pages, validate, INGEST
from warcs import Response, write_warc

import subprocess


def pages() -> list[Response]:
    return [Response(f"https://news.example/{p.stem}", p.read_bytes(), date="2024-03-05T08:00:00Z")
            for p in sample_pages()]


def snapshots(tmp_path: Path) -> list[Path]:
    """Three crawls of one site: the second meets two stories again unchanged, the third meets
    one of them edited, a day later."""
    first, second = pages()[:3], pages()[1:]
    edited = Response(first[1].url, first[1].body.replace(b"</p>", b" Updated.</p>", 1), date="2024-03-06T09:00:00Z")
    folder = tmp_path / "warcs"
    folder.mkdir()
    return [write_warc(folder / "a.warc.gz", first), write_warc(folder / "b.warc.gz", second),
            write_warc(folder / "c.warc", [edited, pages()[0]])]


def feed(out: Path) -> list[dict]:
    return [r for f in sorted(out.glob("*/*.jsonl")) for r in records(f.read_text(encoding="utf-8"))]


def test_the_feed_holds_each_version_once_as_ingest_clean_makes_it(tmp_path):
    warcs = snapshots(tmp_path)
    proc = run_ingest("archive", *map(str, warcs), "--out", str(tmp_path / "out"),
                      "--state", str(tmp_path / "state"), "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    written = feed(tmp_path / "out")
    expected = {}
    for warc in warcs:  # the records `ingest clean` gives for the same archives
        for record in records(run_ingest("clean", str(warc)).stdout):
            expected.setdefault((record["id"], record["content_hash"]), record)
    assert sorted(written, key=_key) == sorted(expected.values(), key=_key)
    assert len({(r["id"], r["content_hash"]) for r in written}) == len(written)
    assert len(written) == len(sample_pages()) + 1  # the edited story is a second version
    for record in written:
        validate(record)
    days = sorted(p.parent.name for p in (tmp_path / "out").glob("*/*.jsonl"))
    assert set(days) == {"date=2024-03-05", "date=2024-03-06"}
    assert not list((tmp_path / "out").rglob(".*"))  # no temporary file left
    assert "repeats left out" in proc.stderr and "Traceback" not in proc.stderr


def test_a_rerun_of_a_completed_batch_changes_nothing(tmp_path):
    warcs = snapshots(tmp_path)
    args = ["archive", *map(str, warcs), "--out", str(tmp_path / "out"), "--state", str(tmp_path / "state")]
    assert run_ingest(*args).returncode == 0
    before = {p: p.read_bytes() for p in (tmp_path / "out").rglob("*.jsonl")}
    again = run_ingest(*args)
    assert again.returncode == 0, again.stderr
    assert {p: p.read_bytes() for p in (tmp_path / "out").rglob("*.jsonl")} == before


def test_a_state_made_for_other_inputs_is_refused(tmp_path):
    warcs = snapshots(tmp_path)
    state = ["--out", str(tmp_path / "out"), "--state", str(tmp_path / "state")]
    assert run_ingest("archive", str(warcs[0]), *state).returncode == 0
    proc = run_ingest("archive", str(warcs[1]), *state)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "other inputs" in proc.stderr


class Archives:
    """Serves WARC files on 127.0.0.1. The held one is sent up to `held_at` bytes, then kept until
    the test releases it, and the connection is dropped: a download that fails mid-file."""

    def __init__(self, files: dict[str, bytes], held: str, held_at: int):
        self.files, self.held, self.held_at = files, held, held_at
        self.requests: list[str] = []
        self.half_sent, self.release = threading.Event(), threading.Event()
        self.fail_held = True
        handler = type("Handler", (_ArchiveHandler,), {"archives": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


class _ArchiveHandler(BaseHTTPRequestHandler):
    archives: Archives

    def do_GET(self):
        archives = self.archives
        archives.requests.append(self.path)
        body = archives.files[self.path]
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.path == archives.held and archives.fail_held:
            self.wfile.write(body[: archives.held_at])
            self.wfile.flush()
            archives.half_sent.set()
            archives.release.wait()
            self.close_connection = True
            return
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_a_task_that_fails_leaves_no_visible_file_and_a_rerun_redoes_only_it(tmp_path):
    many = pages()
    folder = tmp_path / "warcs"
    folder.mkdir()
    names = [f"/part-{i}.warc.gz" for i in range(4)]
    files = {name: write_warc(folder / name[1:], [many[(i + k) % len(many)] for k in range(4)]).read_bytes()
             for i, name in enumerate(names)}
    # the held file stops after about its first two pages: at least one whole page arrives
    first_two = write_warc(tmp_path / "first.warc.gz", many[:2]).stat().st_size
    archives = Archives(files, held=names[0], held_at=first_two)
    out, state = tmp_path / "out", tmp_path / "state"
    command = [INGEST, "archive", *(archives.base + n for n in names), "--out", str(out),
               "--state", str(state), "--workers", "2"]
    try:
        run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert archives.half_sent.wait(120)
        # the held task has cleaned the pages that arrived: they are staged, under a hidden name
        _wait_for(lambda: list((state / "stage").glob("*/.task-00000.jsonl.tmp")), run)
        assert not list((state / "stage").glob("*/task-00000.jsonl"))
        assert not list(out.glob("*/*.jsonl"))  # nothing in the feed before every task completed
        # the other worker completes a task meanwhile (the held download stays open under a minute)
        _wait_for(lambda: list((state / "clean" / "completions").glob("*")), run)
        archives.release.set()
        _, stderr = run.communicate(timeout=300)
        stderr = stderr.decode()
        assert run.returncode == 1
        assert "cleaning tasks did not complete" in stderr and "run the same command again" in stderr
        assert "Traceback" not in stderr and stderr.count("\n") == 1
        assert not list(out.glob("*/*.jsonl"))
        done = {int(p.name) for p in (state / "clean" / "completions").glob("*")}
        assert 0 not in done and done
        archives.fail_held, archives.requests = False, []
        rerun = subprocess.run(command, capture_output=True, timeout=300)
        assert rerun.returncode == 0, rerun.stderr
        # the rerun fetched the unfinished tasks' files only
        assert sorted(archives.requests) == [n for i, n in enumerate(names) if i not in done]
    finally:
        archives.close()
    written = feed(out)
    assert sorted(r["url"] for r in written) == sorted(p.url for p in many)  # each once
    assert not list(out.rglob(".*"))


def _wait_for(condition, process, limit: float = 120) -> None:
    """Wait until `condition()` holds (the crawl writes the files it checks); fail if the command
    ends first or nothing happens for `limit` seconds under any load."""
    deadline = time.monotonic() + limit
    while not condition():
        assert process.poll() is None, process.communicate()[1].decode()
        assert time.monotonic() < deadline, "the condition never came"
        time.sleep(0.05)


def test_cc_news_paths_and_a_date_range_choose_the_files(tmp_path):
    base = tmp_path / "commoncrawl"
    stamps = ["20240104230000", "20240105101010", "20240106235959", "20240107000001"]
    paths = []
    for i, stamp in enumerate(stamps):
        path = f"crawl-data/CC-NEWS/2024/01/CC-NEWS-{stamp}-{i:05d}.warc.gz"
        (base / path).parent.mkdir(parents=True, exist_ok=True)
        write_warc(base / path, [pages()[i]])
        paths.append(path)
    listing = tmp_path / "warc.paths.gz"
    listing.write_bytes(gzip.compress(("\n".join(paths) + "\n").encode()))
    proc = run_ingest("archive", str(listing), "--base", str(base), "--from", "2024-01-05", "--to", "2024-01-06",
                      "--out", str(tmp_path / "out"), "--state", str(tmp_path / "state"))
    assert proc.returncode == 0, proc.stderr
    assert sorted(r["url"] for r in feed(tmp_path / "out")) == sorted(p.url for p in pages()[1:3])
    plan = json.loads((tmp_path / "state" / "tasks.json").read_text())
    assert plan["inputs"] == [f"{base}/{p}" for p in paths[1:3]]


def test_a_local_cc_news_copy_needs_only_the_days_asked_for(tmp_path):
    # The month's list names four files; the mirror holds only the 5th's: the others are not asked for.
    base = tmp_path / "commoncrawl"
    stamps = ["20240104230000", "20240105101010", "20240106235959", "20240107000001"]
    paths = [f"crawl-data/CC-NEWS/2024/01/CC-NEWS-{stamp}-{i:05d}.warc.gz" for i, stamp in enumerate(stamps)]
    (base / paths[1]).parent.mkdir(parents=True)
    write_warc(base / paths[1], [pages()[1]])
    listing = tmp_path / "warc.paths.gz"
    listing.write_bytes(gzip.compress(("\n".join(paths) + "\n").encode()))
    common = [str(listing), "--base", str(base), "--out", str(tmp_path / "out"), "--state", str(tmp_path / "state")]
    proc = run_ingest("archive", *common, "--from", "2024-01-05", "--to", "2024-01-05")
    assert proc.returncode == 0, proc.stderr
    assert [r["url"] for r in feed(tmp_path / "out")] == [pages()[1].url]
    for bounds, message in [(("--from", "2024-01-06", "--to", "2024-01-05"), "--from 2024-01-06 is after --to 2024-01-05"),
                            (("--from", "2024-02-01"), "no CC-NEWS file in the inputs is stamped from 2024-02-01 to the end")]:
        proc = run_ingest("archive", *common, *bounds)
        assert (proc.returncode, proc.stderr) == (2, f"ingest: {message}\n")
    # A day that is not one: said as such, where argparse said "invalid fromisoformat value".
    for value, why in (("2024-02-30", " (day is out of range for month)"), ("yesterday", "")):
        proc = run_ingest("archive", *common, "--to", value)
        assert proc.returncode == 2
        assert proc.stderr.endswith(f"argument --to: expected a day like 2024-01-05, got {value!r}{why}\n")


def test_executor_configuration_errors_are_one_line(tmp_path):
    warc = snapshots(tmp_path)[0]
    config = tmp_path / "cluster.toml"
    config.write_text('[executor]\nkind = "kubernetes"\n')
    proc = run_ingest("archive", str(warc), "--out", str(tmp_path / "o"), "--state", str(tmp_path / "s"),
                      "--executor", str(config))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "slurm" in proc.stderr


def test_a_non_warc_input_is_one_line_naming_it(tmp_path):
    page = sample_pages()[0]
    proc = run_ingest("archive", str(page), "--out", str(tmp_path / "o"), "--state", str(tmp_path / "s"))
    assert proc.returncode == 2
    assert proc.stderr == f"ingest: {page}: not a WARC file (.warc, .warc.gz) nor a list of them\n"


def test_a_page_named_as_a_warc_is_refused_before_any_task_runs(tmp_path):
    named = tmp_path / "saved.warc.gz"
    named.write_bytes(gzip.compress(sample_pages()[0].read_bytes()))
    proc = run_ingest("archive", str(named), "--out", str(tmp_path / "o"), "--state", str(tmp_path / "s"))
    assert proc.returncode == 2 and not (tmp_path / "s").exists()
    assert proc.stderr.startswith(f"ingest: {named}: not a WARC archive: it does not begin with a 'WARC/1.' record")


def _key(record: dict) -> tuple:
    return record["id"], record["content_hash"]


def test_a_slurm_configuration_reaches_the_executors(tmp_path):
    """No Slurm here: the jobs `ingest archive` would submit, cleaning then dedup after it."""
    import argparse

    from ingest.archive.command import build
    from ingest.archive.executors import read_config

    config = tmp_path / "cluster.toml"
    config.write_text('[executor]\nkind = "slurm"\npartition = "cpu"\ntime = "04:00:00"\nworkers = 50\n')
    args = argparse.Namespace(state=str(tmp_path / "state"), out=str(tmp_path / "out"), no_language=False,
                              workers=None, dedup_tasks=2)
    warcs = [str(w) for w in snapshots(tmp_path)]
    dedup = build(args, read_config(str(config)), warcs)
    cleaning = dedup.depends
    assert (cleaning.tasks, dedup.tasks) == (len(warcs), 2)
    script = cleaning.get_launch_file_contents(cleaning.get_sbatch_args(), "launch")
    assert "#SBATCH --partition=cpu" in script and "#SBATCH --time=04:00:00" in script
    assert "#SBATCH --job-name=ingest-clean" in script

"""Ledger: the crawl state in SQLite, shared safely by several processes."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ingest.crawl.ledger import Emitted, Ledger

REPO = Path(__file__).resolve().parents[1]


def entry(n: int, body: str = "a", etag: str | None = None) -> Emitted:
    return Emitted(id=f"{n:016x}", canonical_url=f"https://news.example/{n}", content_hash=f"sha256:{body}",
                   url=f"https://news.example/{n}", etag=etag, last_modified="Thu, 02 May 2024 08:00:00 GMT")


def test_an_article_is_known_only_once_its_feed_file_is_committed(tmp_path):
    ledger = Ledger.in_directory(tmp_path)
    assert ledger.content_hash(entry(1).id) is None
    assert not ledger.is_committed(tmp_path / "f1.jsonl")
    ledger.commit_file(tmp_path / "f1.jsonl", [entry(1), entry(2)])
    assert ledger.content_hash(entry(1).id) == "sha256:a"
    assert ledger.is_committed(tmp_path / "f1.jsonl")
    assert ledger.count_emitted() == 2


def test_a_changed_article_replaces_its_hash(tmp_path):
    ledger = Ledger.in_directory(tmp_path)
    ledger.commit_file(tmp_path / "f1.jsonl", [entry(1, "a")])
    ledger.commit_file(tmp_path / "f2.jsonl", [entry(1, "b")])
    assert ledger.content_hash(entry(1).id) == "sha256:b"
    assert ledger.count_emitted() == 1


def test_validators_are_offered_only_for_pages_whose_article_is_in_the_feed(tmp_path):
    ledger = Ledger.in_directory(tmp_path)
    assert ledger.validators(entry(1).url) is None
    ledger.commit_file(tmp_path / "f1.jsonl", [entry(1, etag='"v1"')])
    validators = ledger.validators(entry(1).url)
    assert validators.etag == '"v1"' and validators.last_modified.endswith("GMT")
    ledger.remember_validators(entry(1).url, entry(1).id, '"v2"', None)
    assert ledger.validators(entry(1).url).etag == '"v2"'


WRITER = """
import sys
from ingest.crawl.ledger import Emitted, Ledger
state, first = sys.argv[1], int(sys.argv[2])
ledger = Ledger.in_directory(state)
for n in range(first, first + 200):
    ledger.commit_file(f"{state}/f{n}.jsonl", [Emitted(f"{n:016x}", f"u{n}", "sha256:x", f"u{n}")])
"""


def test_several_processes_write_one_state_without_losing_an_entry(tmp_path):
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(first)], cwd=REPO)
               for first in (0, 200, 400)]
    assert [w.wait(timeout=120) for w in writers] == [0, 0, 0]
    assert Ledger.in_directory(tmp_path).count_emitted() == 600


def _open_at_once(directory: str, start, failures) -> None:
    start.wait()
    try:
        Ledger.in_directory(directory).close()
    except Exception as error:  # noqa: BLE001 - the test reports whatever escaped
        failures.put(repr(error))


def test_processes_opening_a_new_state_at_the_same_moment_all_succeed(tmp_path):
    """A schedule starts its sources' first runs together, each opening the same new state: SQLite
    answers "database is locked" at once to all but one switch to write-ahead logging (one round in
    about a dozen lost a run before the switch was retried)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    failures = context.Queue()
    for round_ in range(30):
        start = context.Barrier(4)
        openers = [context.Process(target=_open_at_once, args=(str(tmp_path / str(round_)), start, failures))
                   for _ in range(4)]
        for opener in openers:
            opener.start()
        for opener in openers:
            opener.join()
    assert failures.empty(), failures.get()

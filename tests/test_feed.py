"""FeedWriter: date partitions, rotation, temporary names, atomic rename, and recovery after a crash."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ingest.crawl.feed import FeedWriter, recover
from ingest.crawl.ledger import Emitted, Ledger

REPO = Path(__file__).resolve().parents[1]


def record(n: int, day: str = "2026-03-01") -> dict:
    return {"id": f"{n:016x}", "url": f"https://news.example/{n}", "canonical_url": f"https://news.example/{n}",
            "content_hash": f"sha256:{n}", "fetched_at": f"{day}T10:00:00+00:00", "text": "word " * 50}


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_records_are_invisible_until_the_file_is_closed_then_complete(tmp_path):
    writer = FeedWriter(tmp_path)
    writer.write(record(1))
    assert list(tmp_path.glob("*/*.jsonl")) == []
    assert len(list(tmp_path.glob("*/.*.jsonl.tmp"))) == 1
    writer.close()
    (final,) = tmp_path.glob("*/*.jsonl")
    assert lines(final) == [record(1)]
    assert list(tmp_path.glob("*/.*.tmp")) == []


def test_files_are_partitioned_by_the_date_records_were_fetched(tmp_path):
    writer = FeedWriter(tmp_path)
    writer.write(record(1, "2026-03-01"))
    writer.write(record(2, "2026-03-02"))
    writer.close()
    assert sorted(p.parent.name for p in tmp_path.glob("*/*.jsonl")) == ["date=2026-03-01", "date=2026-03-02"]


def test_a_file_is_rotated_by_size(tmp_path):
    writer = FeedWriter(tmp_path, max_bytes=600)
    for n in range(6):
        writer.write(record(n))
    writer.close()
    files = sorted(tmp_path.glob("*/*.jsonl"))
    assert len(files) == 3 and all(len(lines(f)) == 2 for f in files)


def test_a_file_is_rotated_by_age_even_when_no_record_arrives(tmp_path):
    clock = Clock()
    writer = FeedWriter(tmp_path, max_seconds=60, clock=clock)
    writer.write(record(1))
    assert writer.commit_due() == 0
    clock.now += 61
    assert writer.commit_due() == 1
    assert len(list(tmp_path.glob("*/*.jsonl"))) == 1


def test_an_empty_file_leaves_nothing_behind(tmp_path):
    writer = FeedWriter(tmp_path)
    writer.write(record(1))
    writer.close()
    FeedWriter(tmp_path).close()
    assert len(list(tmp_path.rglob("*.*"))) == 1


def test_before_rename_sees_the_receipts_of_the_file_it_commits(tmp_path):
    seen = []
    writer = FeedWriter(tmp_path, max_records=2, before_rename=lambda path, receipts, leave_out: seen.append((path, receipts)))
    for n in range(3):
        writer.write(record(n), receipt=n)
    writer.close()
    assert [receipts for _, receipts in seen] == [[0, 1], [2]]
    assert all(path.exists() for path, _ in seen)


def test_two_writers_in_one_directory_never_share_a_file(tmp_path):
    first, second = FeedWriter(tmp_path), FeedWriter(tmp_path)
    first.write(record(1))
    second.write(record(2))
    first.close()
    second.close()
    assert sorted(r["id"] for f in tmp_path.glob("*/*.jsonl") for r in lines(f)) == [record(1)["id"], record(2)["id"]]


def committing_writer(out: Path, ledger: Ledger) -> FeedWriter:
    """A writer whose files the crawl state commits, leaving out repeats, as the feed pipeline's do."""
    return FeedWriter(out, before_rename=lambda path, receipts, leave_out: ledger.commit_file(
        path, receipts, leave_out=leave_out))


def write(writer: FeedWriter, item: dict) -> None:
    writer.write(item, Emitted(item["id"], item["canonical_url"], item["content_hash"], item["url"]))


def test_an_article_two_writers_meet_at_once_is_in_the_feed_once(tmp_path):
    out, state = tmp_path / "feed", tmp_path / "state"
    first = committing_writer(out, Ledger.in_directory(state))
    second = committing_writer(out, Ledger.in_directory(state))
    shared, changed = record(1), record(2)
    for n, writer in ((10, first), (20, second)):
        write(writer, record(n))
        write(writer, shared)
    write(first, changed)
    write(second, {**changed, "content_hash": "sha256:edited", "text": "edited " * 50})
    first.close()
    second.close()
    written = [r for f in sorted(out.glob("*/*.jsonl")) for r in lines(f)]
    assert sorted(r["id"] for r in written) == sorted(record(n)["id"] for n in (1, 2, 2, 10, 20))
    assert len({r["content_hash"] for r in written if r["id"] == changed["id"]}) == 2  # both versions
    assert list(out.glob("*/.*")) == []
    assert Ledger.in_directory(state).count_emitted() == 4


def test_a_file_whose_every_record_another_writer_committed_is_not_written(tmp_path):
    out, state = tmp_path / "feed", tmp_path / "state"
    first = committing_writer(out, Ledger.in_directory(state))
    second = committing_writer(out, Ledger.in_directory(state))
    for writer in (first, second):
        write(writer, record(1))
    first.close()
    second.close()
    assert len(list(out.glob("*/*.jsonl"))) == 1 and list(out.glob("*/.*")) == []
    assert first.committed and second.committed == []


CRASHING_WRITER = """
import os, sys
from ingest.crawl.feed import FeedWriter
from ingest.crawl.ledger import Emitted, Ledger
out, state, mode = sys.argv[1:]
ledger = Ledger.in_directory(state)
record = {"id": mode.ljust(16, "0")[:16], "url": "https://news.example/" + mode, "canonical_url": "https://news.example/" + mode,
          "content_hash": "sha256:" + mode, "fetched_at": "2026-03-01T10:00:00+00:00"}
def die_after_state_commit(path, receipts, leave_out):
    ledger.commit_file(path, receipts, leave_out=leave_out)
    os._exit(9)
writer = FeedWriter(out, before_rename=die_after_state_commit)
writer.write(record, Emitted(record["id"], record["canonical_url"], record["content_hash"], record["url"]))
if mode == "committed":
    writer.close()
os._exit(9)  # killed while the file is still being written
"""


def test_recovery_renames_a_file_the_state_committed_and_removes_one_it_did_not(tmp_path):
    out, state = tmp_path / "feed", tmp_path / "state"
    for mode in ("committed", "abandoned"):
        done = subprocess.run([sys.executable, "-c", CRASHING_WRITER, str(out), str(state), mode], cwd=REPO)
        assert done.returncode == 9
    assert len(list(out.glob("*/.*.jsonl.tmp"))) == 2 and not list(out.glob("*/*.jsonl"))
    ledger = Ledger.in_directory(state)
    assert recover(out, ledger.is_committed) == {"renamed": 1, "removed": 1}
    (final,) = out.glob("*/*.jsonl")
    assert [r["url"] for r in lines(final)] == ["https://news.example/committed"]
    assert list(out.glob("*/.*")) == []


def test_recovery_leaves_the_file_of_a_live_writer_alone(tmp_path):
    live = FeedWriter(tmp_path)
    live.write(record(1))
    assert recover(tmp_path, lambda path: False) == {"renamed": 0, "removed": 0}
    live.close()
    assert len(list(tmp_path.glob("*/*.jsonl"))) == 1

"""The feed: JSONL files partitioned by date, written under a temporary name, renamed when complete.

A reader globbing `*/*.jsonl` sees only whole files. A file still being written is a hidden
`.NAME.jsonl.tmp` held under an exclusive lock; one left behind by a dead writer is finished or
removed by `recover`, as the crawl state says.
"""
from __future__ import annotations

import fcntl
import json
import os
import secrets
import socket
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Callable, Collection, Iterable

TMP_SUFFIX = ".jsonl.tmp"
PARTITION_PREFIX = "date="


@dataclass
class FeedFile:
    """One file being written: its temporary and final paths and what has gone into it."""

    tmp: Path
    final: Path
    handle: object
    opened_at: float
    receipts: list = field(default_factory=list)
    size: int = 0


# Called with the final path, the receipts of a file's records and a `leave_out` function after
# the file is on disk (fsync'd) and before it is renamed; the crawl state records the file as
# committed there. `leave_out(positions)` takes records out of the file (repeats of ones another
# file holds); it must be called before the commit is recorded.
BeforeRename = Callable[[Path, list, Callable[[Collection[int]], None]], None]


class FeedWriter:
    def __init__(self, directory: str | os.PathLike, *, max_bytes: int = 64 << 20,
                 max_seconds: float = 3600.0, max_records: int = 0, prefix: str = "articles",
                 before_rename: BeforeRename | None = None, clock: Callable[[], float] = time.time):
        self.directory = Path(directory)
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds
        self.max_records = max_records
        self.prefix = prefix
        self.before_rename = before_rename
        self.clock = clock
        # Unique across processes and hosts sharing one directory.
        self.token = f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"
        self.sequence = 0
        self.open_files: dict[str, FeedFile] = {}
        self.committed: list[Path] = []
        self.records_committed = 0

    def write(self, record: dict, receipt: object = None) -> None:
        """Append one record; the line is complete in the file before this returns.

        `receipt` (the record itself if not given) is handed back to `before_rename` when the
        file is committed: what the caller needs to know then, without keeping whole records.
        """
        partition = partition_of(record, self.clock())
        feed_file = self.open_files.get(partition) or self._open(partition)
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        _append(feed_file, line)
        feed_file.size += len(line)
        feed_file.receipts.append(record if receipt is None else receipt)
        if self._full(feed_file):
            self._commit(partition)

    def commit_due(self) -> int:
        """Commit files open longer than `max_seconds`; returns how many were committed."""
        now = self.clock()
        due = [p for p, f in self.open_files.items() if now - f.opened_at >= self.max_seconds]
        for partition in due:
            self._commit(partition)
        return len(due)

    def close(self) -> None:
        for partition in list(self.open_files):
            self._commit(partition)

    def _full(self, feed_file: FeedFile) -> bool:
        return (feed_file.size >= self.max_bytes
                or (self.max_records and len(feed_file.receipts) >= self.max_records)
                or self.clock() - feed_file.opened_at >= self.max_seconds)

    def _open(self, partition: str) -> FeedFile:
        folder = self.directory / f"{PARTITION_PREFIX}{partition}"
        folder.mkdir(parents=True, exist_ok=True)
        self.sequence += 1
        stamp = datetime.fromtimestamp(self.clock(), timezone.utc).strftime("%Y%m%dT%H%M%S")
        stem = f"{self.prefix}-{stamp}-{self.token}-{self.sequence:05d}"
        tmp = folder / f".{stem}{TMP_SUFFIX}"
        handle = open(tmp, "xb")
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        feed_file = FeedFile(tmp=tmp, final=folder / f"{stem}.jsonl", handle=handle, opened_at=self.clock())
        self.open_files[partition] = feed_file
        return feed_file

    def _commit(self, partition: str) -> None:
        feed_file = self.open_files.pop(partition)
        handle = feed_file.handle
        if not feed_file.receipts:
            feed_file.tmp.unlink()
            handle.close()
            return
        handle.flush()
        os.fsync(handle.fileno())
        if self.before_rename:
            self.before_rename(feed_file.final, feed_file.receipts, partial(self._leave_out, feed_file))
        if not feed_file.receipts:  # every record was left out: the state did not commit the file
            feed_file.tmp.unlink()
            handle.close()
            return
        os.rename(feed_file.tmp, feed_file.final)
        _fsync_dir(feed_file.final.parent)
        handle.close()  # releases the lock only once the name is final
        self.committed.append(feed_file.final)
        self.records_committed += len(feed_file.receipts)

    @staticmethod
    def _leave_out(feed_file: FeedFile, positions: Collection[int]) -> None:
        """Take the records at these positions out of a file not yet committed. In place: the
        file keeps its inode, so its lock, and `recover` never mistakes it for an abandoned one."""
        dropped = set(positions)
        lines = feed_file.tmp.read_bytes().splitlines(keepends=True)
        kept = [line for position, line in enumerate(lines) if position not in dropped]
        handle = feed_file.handle
        handle.seek(0)
        handle.truncate()
        handle.writelines(kept)
        handle.flush()
        os.fsync(handle.fileno())
        feed_file.receipts = [r for position, r in enumerate(feed_file.receipts) if position not in dropped]
        feed_file.size = sum(map(len, kept))


def _append(feed_file: FeedFile, line: bytes) -> None:
    """Write a whole line or nothing: a failed write (disk full, file too large) is cut back to the
    last whole record and raised, so a file committed later never holds half a line."""
    fd = feed_file.handle.fileno()
    view = memoryview(line)
    try:
        while view:
            view = view[os.write(fd, view):]
    except OSError:
        os.ftruncate(fd, feed_file.size)
        os.lseek(fd, feed_file.size, os.SEEK_SET)
        raise


def partition_of(record: dict, now: float) -> str:
    """The UTC date the record was fetched on, or today's."""
    fetched = record.get("fetched_at") or ""
    if len(fetched) >= 10 and fetched[4] == "-" and fetched[7] == "-":
        return fetched[:10]
    return datetime.fromtimestamp(now, timezone.utc).strftime("%Y-%m-%d")


def recover(directory: str | os.PathLike, is_committed: Callable[[Path], bool]) -> dict[str, int]:
    """Finish or remove temporary files whose writer is gone (their lock is free).

    A file the crawl state committed was fsync'd before that, so it is complete: rename it.
    Any other was never reported written; its records will be fetched and written again.
    """
    outcome = {"renamed": 0, "removed": 0}
    for tmp in stale_candidates(directory):
        try:
            handle = open(tmp, "rb")
        except FileNotFoundError:
            continue
        with handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a live writer holds it
            if not tmp.exists():
                continue
            final = tmp.with_name(tmp.name[1:-len(TMP_SUFFIX)] + ".jsonl")
            if is_committed(final):
                os.rename(tmp, final)
                outcome["renamed"] += 1
            else:
                tmp.unlink()
                outcome["removed"] += 1
            _fsync_dir(tmp.parent)
    return outcome


def stale_candidates(directory: str | os.PathLike) -> Iterable[Path]:
    return sorted(Path(directory).glob(f"{PARTITION_PREFIX}*/.*{TMP_SUFFIX}"))


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

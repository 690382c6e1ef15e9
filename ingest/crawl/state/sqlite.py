"""The crawl state on one machine: what was emitted (id, canonical URL, content hash, when) and each
page's validators.

SQLite in WAL mode, one connection per process, every write a short transaction, so several
crawl processes can share one state directory. Nothing is cached in memory: another process
may have written since.
"""
from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

FILENAME = "ledger.sqlite"
_SWITCH_RETRY = 0.02  # seconds between tries of the switch to write-ahead logging

SCHEMA = """
CREATE TABLE IF NOT EXISTS emitted (
    id TEXT PRIMARY KEY,
    canonical_url TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    url TEXT NOT NULL,
    emitted_at REAL NOT NULL,
    feed_file TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    article_id TEXT,
    checked_at REAL NOT NULL,  -- when the page was last fetched
    body_hash TEXT
);
CREATE TABLE IF NOT EXISTS feed_files (
    path TEXT PRIMARY KEY,
    records INTEGER NOT NULL,
    committed_at REAL NOT NULL
);
"""


@dataclass(frozen=True)
class Emitted:
    """What a feed file holds for one article, and the validators its page was served with."""

    id: str
    canonical_url: str
    content_hash: str
    url: str
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None  # of the page as fetched, to skip cleaning an identical page
    fetched_at: float | None = None  # when the page was fetched (seconds since the epoch)
    ack: bytes | None = None  # the page's request in a shared queue, acknowledged once the file commits


@dataclass(frozen=True)
class Validators:
    etag: str | None
    last_modified: str | None


class Ledger:
    def __init__(self, path: str | Path, *, timeout: float = 60.0):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None,
                                  check_same_thread=False)
        self._use_wal(timeout)
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA)
        self._migrate()

    def _use_wal(self, timeout: float) -> None:
        """Switch the file to write-ahead logging. Processes opening a new state at the same moment
        (a schedule's first runs) all try the switch, and SQLite answers "locked" at once rather than
        waiting, since the waits could deadlock: the switch is tried again until the timeout."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() >= deadline:
                    raise
                time.sleep(_SWITCH_RETRY)

    def _migrate(self) -> None:
        """Bring a state written by an earlier version up to this schema."""
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(pages)")}
        if "body_hash" not in columns:
            try:
                self.db.execute("ALTER TABLE pages ADD COLUMN body_hash TEXT")
            except sqlite3.OperationalError:  # another process added it first
                pass

    @classmethod
    def in_directory(cls, state_dir: str | Path) -> "Ledger":
        return cls(Path(state_dir) / FILENAME)

    def close(self) -> None:
        self.db.close()

    # Reading

    def content_hash(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT content_hash FROM emitted WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def validators(self, url: str) -> Validators | None:
        """ETag / Last-Modified of a page whose article is in the feed, for a conditional request."""
        row = self.db.execute(
            "SELECT etag, last_modified FROM pages WHERE url = ? AND article_id IS NOT NULL",
            (url,)).fetchone()
        if not row or not (row[0] or row[1]):
            return None
        return Validators(row[0], row[1])

    def body_hash(self, url: str) -> str | None:
        """Hash of the page as last fetched, if its article is in the feed."""
        row = self.db.execute("SELECT body_hash FROM pages WHERE url = ? AND article_id IS NOT NULL",
                              (url,)).fetchone()
        return row[0] if row else None

    def last_fetched(self, url: str) -> float | None:
        """When a page whose article is in the feed was last fetched (seconds since the epoch)."""
        row = self.db.execute("SELECT checked_at FROM pages WHERE url = ? AND article_id IS NOT NULL",
                              (url,)).fetchone()
        return row[0] if row else None

    def is_committed(self, feed_file: str | Path) -> bool:
        row = self.db.execute("SELECT 1 FROM feed_files WHERE path = ?", (str(feed_file),)).fetchone()
        return row is not None

    def count_emitted(self) -> int:
        return self.db.execute("SELECT count(*) FROM emitted").fetchone()[0]

    # Writing

    def commit_file(self, feed_file: str | Path, entries: Iterable[Emitted], *,
                    leave_out: Callable[[list[int]], None] | None = None) -> list[int]:
        """Record, in one transaction, that a feed file holds these articles.

        Called after the file is on disk and before it gets its final name: a file whose
        commit is recorded here is complete, and `feed.recover` finishes its rename.

        With `leave_out`, an entry whose article another file already holds with the same content
        is a repeat: two crawls (two sources, or two processes) met the article at once, and both
        wrote it before either committed. Its position is given to `leave_out`, which takes it out
        of the file before the commit, so the feed holds each article once. Returns the repeats.
        """
        now = time.time()
        entries = list(entries)
        with self._transaction():  # the write lock: no other commit comes between check and record
            repeats = self._repeats(entries, str(feed_file)) if leave_out else []
            if repeats:
                leave_out(repeats)
            left_out = set(repeats)
            kept = [e for position, e in enumerate(entries) if position not in left_out]
            if kept:
                self.db.execute("INSERT OR REPLACE INTO feed_files VALUES (?, ?, ?)",
                                (str(feed_file), len(kept), now))
            self.db.executemany(
                "INSERT OR REPLACE INTO emitted VALUES (?, ?, ?, ?, ?, ?)",
                [(e.id, e.canonical_url, e.content_hash, e.url, now, str(feed_file)) for e in kept])
            # Every page's validators, repeats too: their article is in the feed either way.
            self.db.executemany(
                "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?)",
                [(e.url, e.etag, e.last_modified, e.id, e.fetched_at or now, e.body_hash) for e in entries])
        return repeats

    def _repeats(self, entries: list[Emitted], feed_file: str) -> list[int]:
        """Positions of entries whose article and content are already in another file, or earlier
        in this one."""
        repeats, seen = [], set()
        for position, entry in enumerate(entries):
            key = (entry.id, entry.content_hash)
            if key in seen or self._held_elsewhere(entry, feed_file):
                repeats.append(position)
            seen.add(key)
        return repeats

    def _held_elsewhere(self, entry: Emitted, feed_file: str) -> bool:
        row = self.db.execute("SELECT content_hash FROM emitted WHERE id = ? AND feed_file != ?",
                              (entry.id, feed_file)).fetchone()
        return row is not None and row[0] == entry.content_hash

    def remember_validators(self, url: str, article_id: str, etag: str | None,
                            last_modified: str | None, body_hash: str | None = None,
                            fetched_at: float | None = None) -> None:
        """New validators for a page whose article is already in the feed unchanged."""
        with self._transaction():
            self.db.execute("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?)",
                            (url, etag, last_modified, article_id, fetched_at or time.time(), body_hash))

    def _transaction(self):
        return _Transaction(self.db)


class _Transaction:
    """BEGIN IMMEDIATE takes the write lock up front, so concurrent writers wait, not fail."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb):
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")
        return False

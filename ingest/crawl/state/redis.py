"""The crawl state in Redis, shared by the workers of many machines: what was emitted, each page's
validators, which feed files are committed. A file and its entries are committed by one Lua script,
so no other worker's commit comes between the repeat check and the record."""
from __future__ import annotations

import functools
import time
from pathlib import Path
from typing import Callable, Iterable

from ..redis import keys
from ..redis.connection import ERRORS, connect
from . import StateUnavailable
from .sqlite import Emitted, Validators

# Record a feed file and its entries, unless some entry repeats an article (same id and content)
# that another file holds, or that comes earlier in this one: then record nothing and return the
# repeats' positions, for the caller to take them out of the file and commit again.
COMMIT = """
local file, now, check = ARGV[1], ARGV[2], ARGV[3] == '1'
local n = (#ARGV - 3) / 8
local repeats, seen = {}, {}
for i = 0, n - 1 do
  local id, hash = ARGV[4 + i * 8], ARGV[5 + i * 8]
  local key = id .. ' ' .. hash
  if check and (seen[key] or (redis.call('HGET', KEYS[1], id) == hash
                              and redis.call('HGET', KEYS[2], id) ~= file)) then
    repeats[#repeats + 1] = i
  end
  seen[key] = true
end
if #repeats > 0 then return repeats end
redis.call('HSET', KEYS[3], file, n)
for i = 0, n - 1 do
  local b = 4 + i * 8
  redis.call('HSET', KEYS[1], ARGV[b], ARGV[b + 1])
  redis.call('HSET', KEYS[2], ARGV[b], file)
  local fetched = ARGV[b + 7] ~= '' and ARGV[b + 7] or now
  redis.call('HSET', ARGV[b + 3], 'etag', ARGV[b + 4], 'last_modified', ARGV[b + 5],
             'article_id', ARGV[b], 'checked_at', fetched, 'body_hash', ARGV[b + 6])
end
return repeats
"""


def _guarded(method):
    """Redis gone: one error the pipelines know (StateUnavailable), not the client's own."""
    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except ERRORS as error:
            raise StateUnavailable(f"lost Redis: {error}") from error
    return guarded


class RedisLedger:
    """The `Ledger` interface on a shared Redis. Reads go to Redis each time, as with SQLite."""

    def __init__(self, client):
        self.redis = client
        self._commit = client.register_script(COMMIT)

    @classmethod
    def from_url(cls, url: str) -> "RedisLedger":
        return cls(connect(url))

    def close(self) -> None:
        self.redis.close()

    # Reading

    @_guarded
    def content_hash(self, article_id: str) -> str | None:
        return _text(self.redis.hget(keys.EMITTED_HASH, article_id))

    @_guarded
    def validators(self, url: str) -> Validators | None:
        etag, modified, article = map(_text, self.redis.hmget(keys.page(url), "etag", "last_modified",
                                                               "article_id"))
        if not article or not (etag or modified):
            return None
        return Validators(etag, modified)

    @_guarded
    def body_hash(self, url: str) -> str | None:
        body_hash, article = map(_text, self.redis.hmget(keys.page(url), "body_hash", "article_id"))
        return body_hash if article else None

    @_guarded
    def last_fetched(self, url: str) -> float | None:
        checked, article = map(_text, self.redis.hmget(keys.page(url), "checked_at", "article_id"))
        return float(checked) if article and checked else None

    @_guarded
    def is_committed(self, feed_file: str | Path) -> bool:
        return bool(self.redis.hexists(keys.FEED_FILES, _name(feed_file)))

    @_guarded
    def count_emitted(self) -> int:
        return self.redis.hlen(keys.EMITTED_HASH)

    # Writing

    @_guarded
    def commit_file(self, feed_file: str | Path, entries: Iterable[Emitted], *,
                    leave_out: Callable[[list[int]], None] | None = None) -> list[int]:
        """Record that a feed file holds these articles, as `Ledger.commit_file` does.

        The script records only a file without repeats; while it finds some, they are taken out
        of the file (`leave_out`, positions in the file as it is now) and the commit is tried
        again, so what Redis records is always what the file holds. Returns the repeats'
        positions among `entries`.
        """
        entries = list(entries)
        current = list(range(len(entries)))  # positions in `entries` still in the file
        left_out: list[int] = []
        while current:
            repeats = self._commit(keys=[keys.EMITTED_HASH, keys.EMITTED_FILE, keys.FEED_FILES],
                                   args=_arguments(_name(feed_file), [entries[i] for i in current],
                                                   check=leave_out is not None))
            if not repeats:
                break
            leave_out(list(repeats))
            gone = {current[r] for r in repeats}
            left_out += sorted(gone)
            current = [i for i in current if i not in gone]
        for position in left_out:  # their article is in the feed either way
            e = entries[position]
            self.remember_validators(e.url, e.id, e.etag, e.last_modified, e.body_hash, e.fetched_at)
        return sorted(left_out)

    @_guarded
    def remember_validators(self, url: str, article_id: str, etag: str | None,
                            last_modified: str | None, body_hash: str | None = None,
                            fetched_at: float | None = None) -> None:
        self.redis.hset(keys.page(url), mapping={
            "etag": etag or "", "last_modified": last_modified or "", "article_id": article_id,
            "checked_at": fetched_at or time.time(), "body_hash": body_hash or ""})


def _arguments(name: str, entries: list[Emitted], *, check: bool) -> list:
    args = [name, time.time(), "1" if check else "0"]
    for e in entries:
        args += [e.id, e.content_hash, e.canonical_url, keys.page(e.url), e.etag or "",
                 e.last_modified or "", e.body_hash or "", e.fetched_at or ""]
    return args


def _name(feed_file: str | Path) -> str:
    """A feed file as every worker names it, wherever the shared directory is mounted."""
    path = Path(feed_file)
    return f"{path.parent.name}/{path.name}"


def _text(value) -> str | None:
    if value is None or value == b"":
        return None
    return value.decode() if isinstance(value, bytes) else str(value)

"""The crawl state behind one interface, two backends: SQLite (one machine, the default) and Redis
(shared by the workers of many machines). `open_state` picks one from the settings.
"""
from __future__ import annotations

from .sqlite import Emitted, Ledger, Validators

__all__ = ["Emitted", "Ledger", "StateUnavailable", "Validators", "open_state"]


class StateUnavailable(RuntimeError):
    """The shared crawl state cannot be reached: nothing was recorded by the call that raised it."""


def open_state(state_dir: str, redis_url: str | None = None):
    """The crawl state: Redis at `redis_url` when given, else SQLite in `state_dir`.

    Both answer the same calls: content_hash, validators, body_hash, last_fetched, is_committed,
    count_emitted, commit_file, remember_validators, close.
    """
    if redis_url:
        from .redis import RedisLedger

        return RedisLedger.from_url(redis_url)
    return Ledger.in_directory(state_dir)

"""Leases by source: a worker crawls a source only while it holds the source's lease in Redis.

`SET NX PX` takes it; the holder renews it with its heartbeat; a dead holder's lease expires and
another worker takes the source over. Renewing and releasing check the token, so a worker whose
lease expired can never extend or drop the lease another worker took since.
"""
from __future__ import annotations

import secrets

from . import keys

# KEYS: lease, alive; ARGV: token, ttl ms. 1 if still ours (and renewed), else 0.
RENEW = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
return 1
"""
RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


def new_token(worker: str) -> str:
    return f"{worker}/{secrets.token_hex(4)}"


class Leases:
    def __init__(self, client, ttl_ms: int):
        self.redis = client
        self.ttl_ms = ttl_ms
        self._renew = client.register_script(RENEW)
        self._release = client.register_script(RELEASE)

    def acquire(self, source: str, token: str) -> bool:
        return bool(self.redis.set(keys.lease(source), token, nx=True, px=self.ttl_ms))

    def renew(self, source: str, token: str, crawler: str) -> bool:
        """Extend the lease, and the crawler's heartbeat with it; False if the lease is not ours."""
        return bool(self._renew(keys=[keys.lease(source), keys.alive(crawler)], args=[token, self.ttl_ms]))

    def release(self, source: str, token: str) -> bool:
        return bool(self._release(keys=[keys.lease(source)], args=[token]))

    def holder(self, source: str) -> str | None:
        value = self.redis.get(keys.lease(source))
        return value.decode() if value else None

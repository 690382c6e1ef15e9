"""One Redis client per process, and one error a user can read when Redis is not there."""
from __future__ import annotations

import redis

# Short timeouts: a Redis that went away must stop a worker in seconds, not hang it.
PARAMS = {"socket_timeout": 10, "socket_connect_timeout": 5, "health_check_interval": 30}
ERRORS = (redis.ConnectionError, redis.TimeoutError)


class RedisUnreachable(RuntimeError):
    """Redis at this URL cannot be reached (at start, or lost mid-run)."""

    def __init__(self, url: str, error: Exception):
        super().__init__(f"cannot reach Redis at {url}: {error}")
        self.url = url


def connect(url: str) -> redis.Redis:
    """A client for `url`, checked with PING; RedisUnreachable if it does not answer."""
    try:
        client = redis.Redis.from_url(url, **PARAMS)
        client.ping()
    except ERRORS as error:
        raise RedisUnreachable(url, error) from error
    except ValueError as error:  # not a redis:// URL
        raise RedisUnreachable(url, error) from error
    return client

"""AcknowledgedQueue: scrapy-redis's priority queue, where a pop also records the request in the crawl
process's in-flight set, in one Lua step, until its outcome is settled; `reap` returns a dead
process's in-flight set (its heartbeat key expired) to the queue."""
from __future__ import annotations

from scrapy_redis.queue import PriorityQueue

from . import keys
from .acks import ACK

# KEYS: queue, in-flight, registry; ARGV: registry member.
POP = """
local top = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #top == 0 then return nil end
redis.call('ZREM', KEYS[1], top[1])
redis.call('ZADD', KEYS[2], top[2], top[1])
redis.call('SADD', KEYS[3], ARGV[1])
return top[1]
"""
# KEYS: queue, in-flight; ARGV: score, request, the in-flight request it replaces (a retry, a redirect).
PUSH = """
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
if ARGV[3] ~= '' then redis.call('ZREM', KEYS[2], ARGV[3]) end
return 1
"""
# KEYS: seen-set, queue, in-flight; ARGV: fingerprint, score, request, the in-flight request it replaces.
# Marking a request seen and queueing it are one step: a worker dying between the two would leave a
# request seen and never fetched, filtered when the page that found it is fetched again.
PUSH_UNSEEN = """
local added = redis.call('SADD', KEYS[1], ARGV[1])
if added == 1 then redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3]) end
if ARGV[4] ~= '' then redis.call('ZREM', KEYS[3], ARGV[4]) end
return added
"""
# KEYS: in-flight, queue, registry, alive (or ''); ARGV: registry member.
# Moves the in-flight requests back to the queue unless the crawl process is alive.
REAP = """
if KEYS[4] ~= '' and redis.call('EXISTS', KEYS[4]) == 1 then return -1 end
local held = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #held, 2 do redis.call('ZADD', KEYS[2], held[i + 1], held[i]) end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[3], ARGV[1])
return #held / 2
"""


class AcknowledgedQueue(PriorityQueue):
    def __init__(self, server, spider, run_id: str, crawler_id: str, serializer=None):
        super().__init__(server, spider, keys.queue(run_id), serializer)
        self.run_id = run_id
        self.crawler_id = crawler_id
        self.in_flight = keys.in_flight(run_id, crawler_id)
        self._pop = server.register_script(POP)
        self._push = server.register_script(PUSH)
        self._push_unseen = server.register_script(PUSH_UNSEEN)

    def push(self, request, replacing: bytes | None = None):
        self._push(keys=[self.key, self.in_flight],
                   args=[-request.priority, self._encode_request(request), replacing or b""])

    def push_unseen(self, request, seen_key: str, fingerprint: str, replacing: bytes | None = None) -> bool:
        """Queue a request unless the run has seen it; False if it had."""
        return bool(self._push_unseen(keys=[seen_key, self.key, self.in_flight],
                                      args=[fingerprint, -request.priority, self._encode_request(request),
                                            replacing or b""]))

    def pop(self, timeout=0):
        """The next request, with its in-flight token in its meta (see `acks`)."""
        data = self._pop(keys=[self.key, self.in_flight, keys.IN_FLIGHT],
                         args=[f"{self.run_id} {self.crawler_id}"])
        if data is None:
            return None
        request = self._decode_request(data)
        request.meta[ACK] = data
        return request

    def ack(self, token: bytes) -> None:
        self.server.zrem(self.in_flight, token)

    def held(self) -> int:
        return self.server.zcard(self.in_flight)

    def give_back(self) -> int:
        """Return this process's in-flight requests to the queue (it stops, alive)."""
        return reap(self.server, self.run_id, self.crawler_id, check_alive=False)


def reap(server, run_id: str, crawler_id: str, *, check_alive: bool = True) -> int:
    """Move a crawl process's in-flight requests back to its run's queue; -1 if it is alive."""
    script = server.register_script(REAP)
    alive = keys.alive(crawler_id) if check_alive else ""
    return script(keys=[keys.in_flight(run_id, crawler_id), keys.queue(run_id), keys.IN_FLIGHT, alive],
                  args=[f"{run_id} {crawler_id}"])


def reap_dead(server, run_id: str | None = None) -> int:
    """Reap every in-flight set (of one run, if given) whose crawl process's heartbeat expired."""
    returned = 0
    for member in server.smembers(keys.IN_FLIGHT):
        member_run, _, crawler = member.decode().rpartition(" ")
        if run_id is None or member_run == run_id:
            returned += max(0, reap(server, member_run, crawler))
    return returned


def others_in_flight(server, run_id: str, crawler_id: str) -> bool:
    """Whether another crawl process still holds requests of this run."""
    mine = f"{run_id} {crawler_id}"
    return any(m.decode().rpartition(" ")[0] == run_id and m.decode() != mine
               for m in server.smembers(keys.IN_FLIGHT))

"""`ingest schedule --redis URL`: one worker among many, taking leases on due sources, the most
overdue first, instead of the local file locks; a run is an `ingest crawl --redis` child holding
the lease, and a dead worker's sources and in-flight requests return to the others.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

from ..scheduler import Run, Scheduler
from . import keys
from .connection import ERRORS, RedisUnreachable, connect
from .lease import Leases, new_token
from .queue import reap_dead

RETRY_SECONDS = 5.0  # a run that failed is due again this soon, wherever a lease is free


def run_shared_schedule(args, sources, command, max_runs: int, sources_file=None) -> int:
    from ..command import crawl_settings

    try:
        client = connect(args.redis)
        lease_seconds = crawl_settings(args.out, args.state, args.settings).getfloat("INGEST_REDIS_LEASE_SECONDS")
    except RedisUnreachable as error:
        print(f"ingest schedule: {error}", file=sys.stderr)
        return 2
    worker = SharedScheduler(sources, command, client=client, url=args.redis, lease_seconds=lease_seconds,
                             feed_dir=args.out, state_dir=args.state, max_runs=max_runs, sources_file=sources_file)
    worker.run_until_signalled()
    return 1 if worker.failed else 0


class SharedScheduler(Scheduler):
    def __init__(self, sources, command, *, client, url: str, lease_seconds: float, **kwargs):
        super().__init__(sources, command, **kwargs)
        self.redis = client
        self.url = url
        self.leases = Leases(client, int(lease_seconds * 1000))
        self.reap_every = lease_seconds / 3
        self.last_reap = 0.0
        self.worker = f"{socket.gethostname()}-{os.getpid()}"
        self.tokens: dict[str, str] = {}
        self.failed = False

    def run(self) -> None:
        try:
            # A source new to Redis is due now; one the workers know keeps its time.
            self.redis.zadd(keys.DUE, {s.name: time.time() for s in self.sources}, nx=True)
            self.log(f"worker {self.worker} sharing {self.url}")
            super().run()
        except ERRORS as error:
            self.log(f"lost Redis at {self.url}: {error}; stopping")
            self.failed = True
            self._shut_down()

    def _start_due(self) -> None:
        known = {s.name: s for s in self.sources}
        for name in self.redis.zrangebyscore(keys.DUE, "-inf", time.time()):  # the most overdue first
            source = known.get(name.decode())
            if source is None or source.name in self.running:
                continue
            if len(self.running) >= self.max_runs:
                break
            token = new_token(self.worker)
            if not self.leases.acquire(source.name, token):
                continue  # another worker crawls it
            command = self.command(source) + ["--redis", self.url, "-s", f"INGEST_REDIS_LEASE={token}"]
            process = subprocess.Popen(command, start_new_session=True)
            self.running[source.name] = Run(source, process, self.clock())
            self.tokens[source.name] = token
            self.log(f"run started source={source.name} pid={process.pid} lease={token} at={time.time():.3f}")

    def _reap(self) -> None:
        for name, run in list(self.running.items()):
            code = run.process.poll()
            if code is None:
                self._quietly(self.leases.renew, name, self.tokens[name], self.worker)  # until the child renews it
                continue
            del self.running[name]
            token = self.tokens.pop(name)
            if code != 0:
                self._quietly(self.redis.zadd, keys.DUE, {name: time.time() + RETRY_SECONDS}, xx=True)
            self._quietly(self.leases.release, name, token)
            self.log(f"run ended source={name} pid={run.process.pid} exit={code} at={time.time():.3f} "
                     f"took={self.clock() - run.started:.1f}s")
        if not self.failed and self.clock() - self.last_reap >= self.reap_every:
            self.last_reap = self.clock()
            returned = reap_dead(self.redis)
            if returned:
                self.log(f"returned {returned} in-flight requests of dead workers to their queues")
                self._recover()

    def _added(self, names: list[str], now: float) -> None:
        # As at the start: a source new to Redis is due now; one other workers know keeps its time.
        if names:
            self.redis.zadd(keys.DUE, {name: time.time() for name in names}, nx=True)

    def _quietly(self, call, *args, **kwargs):
        """A Redis call that may fail once Redis is gone (shutting down): leases expire by themselves."""
        try:
            return call(*args, **kwargs)
        except ERRORS:
            if not self.failed:
                raise
            return None

    def _wait_time(self) -> float:
        return self.tick  # other workers change what is due: look again each tick

    def _recover(self) -> None:
        if not self.failed:
            super()._recover()

    def _open_state(self):
        from ..state.redis import RedisLedger

        return RedisLedger.from_url(self.url)

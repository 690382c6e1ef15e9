"""Worker processes under a time budget: each runs one task at a time (the next queued behind it); a
worker that overruns its task's budget, or dies, is replaced and the task reported; results come back
in task order."""
from __future__ import annotations

import multiprocessing
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler

_QUEUED = 2  # tasks sent to a worker at once: the one it runs and the next
_SMALL = 16_384  # bytes: a queued task this small always fits in the pipe beside a result


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: Connection
    queue: list[int] = field(default_factory=list)  # tasks sent, the first one running
    started: float = 0.0  # when the first one started


def run_in_order(func: Callable, tasks: list, jobs: int, budget: float | None,
                 overran: Callable, died: Callable) -> Iterator:
    """Yield func(task) for each task, in order, computed by `jobs` workers. A task still running
    after `budget` seconds yields overran(task) and its worker is killed; one whose worker died
    yields died(task)."""
    pool = _Pool(func, jobs)
    try:
        yield from pool.run(tasks, budget, overran, died)
    finally:
        pool.close()


class _Pool:
    def __init__(self, func: Callable, jobs: int):
        self.func = func
        self.context = multiprocessing.get_context("fork")  # workers inherit the imported libraries
        self.workers = [self._start() for _ in range(jobs)]

    def run(self, tasks: list, budget: float | None, overran: Callable, died: Callable) -> Iterator:
        self.waiting, done, next_out = list(range(len(tasks)))[::-1], {}, 0
        while next_out < len(tasks):
            for worker in self.workers:
                self._give(worker, tasks)
            for worker in self._finished(budget):
                index = worker.queue[0]
                done[index] = self._result(worker, tasks[index], died)
            for worker in self._overrun(budget):
                done[worker.queue[0]] = overran(tasks[worker.queue[0]])
                self._replace(worker)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1

    def _give(self, worker: _Worker, tasks: list) -> None:
        """Keep the worker busy: its task, and one small task queued behind it so that it never waits
        for the parent between two (a large one could fill the pipe while the worker is sending)."""
        while self.waiting and len(worker.queue) < _QUEUED:
            message = ForkingPickler.dumps(tasks[self.waiting[-1]])
            if worker.queue and len(message) > _SMALL:
                return
            if not worker.queue:
                worker.started = time.monotonic()
            worker.queue.append(self.waiting.pop())
            worker.conn.send_bytes(message)

    def _finished(self, budget: float | None) -> list[_Worker]:
        busy = {w.conn: w for w in self.workers if w.queue}
        timeout = None if budget is None else max(0.0, min(w.started for w in busy.values()) + budget - time.monotonic())
        return [busy[conn] for conn in wait(list(busy), timeout)]

    def _result(self, worker: _Worker, task, died: Callable):
        try:
            result = worker.conn.recv()
        except (EOFError, OSError):
            self._replace(worker)
            return died(task)
        worker.queue.pop(0)
        worker.started = time.monotonic()  # the next queued task starts now
        return result

    def _overrun(self, budget: float | None) -> list[_Worker]:
        now = time.monotonic()
        return [w for w in self.workers if w.queue and budget is not None and now - w.started >= budget]

    def _replace(self, worker: _Worker) -> None:
        """Kill the worker; the tasks queued behind its first go back to the front of the line."""
        _stop(worker)
        self.waiting.extend(reversed(worker.queue[1:]))
        fresh = self._start()
        worker.process, worker.conn, worker.queue = fresh.process, fresh.conn, []

    def _start(self) -> _Worker:
        ours, theirs = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(theirs, self.func), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def close(self) -> None:
        for worker in self.workers:
            _stop(worker)


def _stop(worker: _Worker) -> None:
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join()
    worker.conn.close()


def _serve(conn: Connection, func: Callable) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops us
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = func(task)
        except BaseException:  # func says what went wrong itself; if it cannot, the parent reports us dead
            return
        try:
            conn.send(result)
        except OSError:  # the parent is gone (killed, or its reader stopped): nobody to tell
            return

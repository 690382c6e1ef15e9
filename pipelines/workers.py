"""The cleaning workers of a crawl process: one pool, shared by every crawl running in the process.

`ingest crawl` runs its sources' crawls side by side in one process. Were each crawl to start a
worker per core, ten sources would start twenty cleaners on two cores, each holding the core's
memory; sharing one pool keeps the process at a worker per core whatever the number of sources.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

logger = logging.getLogger(__name__)


def _start_worker(parent: int):
    """Import the core before the first page arrives, and die with the crawl: a crawl killed with
    SIGKILL must not leave its workers behind. The terminal's Ctrl-C and hang-up reach the whole
    process group: the crawl decides when its workers stop (each one printed a KeyboardInterrupt
    traceback, and the pages it held were lost to the graceful stop)."""
    import time

    for terminal_signal in (signal.SIGINT, signal.SIGHUP):
        signal.signal(terminal_signal, signal.SIG_IGN)

    def watch():
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()

    import ingest

    # The first page pays for lazy loading (language profiles, extractor tables): pay it now.
    try:
        ingest.clean(b"<html><body><article><p>" + b"Warm up the worker before the crawl. " * 20
                     + b"</p></article></body></html>", "http://warm.up/")
    except Exception:  # noqa: BLE001 - a failed warm-up must not break the pool; pages report errors
        pass


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker deaf to SIGHUP, as it is to SIGINT and SIGTERM: the
    terminal's hang-up reaches the whole process group, and a tracker it killed was started again
    with a warning and a KeyError traceback for each of the pool's semaphores."""
    from multiprocessing import resource_tracker

    if threading.current_thread() is not threading.main_thread():
        resource_tracker.ensure_running()  # signals can be set in the main thread only
        return
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)  # an ignored signal stays ignored in a child
    try:
        resource_tracker.ensure_running()
    finally:
        if previous is not None:  # None: a handler set outside Python, which stays
            signal.signal(signal.SIGHUP, previous)


class CleaningWorkers:
    """A pool of `count` worker processes with a bound on the pages waiting for them.

    Taken with `acquire` and given back with `release`: the crawls of one process share one pool,
    and the last crawl to finish stops it.
    """

    _shared: dict[int, CleaningWorkers] = {}

    def __init__(self, count: int, max_pending: int):
        self.count = count
        self.users = 0
        self.pending = asyncio.Semaphore(max_pending)  # pages waiting for a worker: memory stays flat
        self.executor = self._new_executor()
        # Start the workers now: they import the core while robots.txt and sitemaps download.
        for _ in range(count):
            self.executor.submit(int)

    @classmethod
    def acquire(cls, count: int, max_pending: int) -> CleaningWorkers:
        workers = cls._shared.get(count)
        if workers is None:
            workers = cls._shared[count] = cls(count, max_pending)
        workers.users += 1
        return workers

    def release(self) -> None:
        self.users -= 1
        if self.users > 0:
            return
        if self._shared.get(self.count) is self:
            del self._shared[self.count]
        self.executor.shutdown(wait=True, cancel_futures=True)

    async def run(self, function, args: tuple, timeout: float):
        """`function(*args)` in a worker: its result, or a rejection ("clean_timeout" | "clean_crashed"
        | "internal", detail) in the form `clean_page` gives one, as (None, rejection)."""
        async with self.pending:
            for attempt in (1, 2):
                executor = self.executor
                try:
                    future = executor.submit(function, *args)
                    return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
                except asyncio.TimeoutError:
                    # The worker is still busy with the page: stop it, or it is lost to the crawl.
                    self._replace(executor, kill=True)
                    return None, ("clean_timeout", f"no result within {timeout:g}s")
                except BrokenProcessPool:
                    # A worker died (this page, or another in flight): once more on a new pool.
                    self._replace(executor)
                    if attempt == 2:
                        return None, ("clean_crashed", "the worker process died on this page")
                except Exception as error:  # noqa: BLE001 - one page never stops the crawl
                    return None, ("internal", f"{type(error).__name__}: {error}")

    def _new_executor(self) -> ProcessPoolExecutor:
        # spawn: never fork the crawl's own process, with its reactor and threads; and the
        # workers are the crawl's own children, so they can watch it.
        _start_resource_tracker()
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.count, mp_context=context, initializer=_start_worker,
                                   initargs=(os.getpid(),))

    def _replace(self, broken: ProcessPoolExecutor, kill: bool = False) -> None:
        if self.executor is not broken:
            return  # another page already replaced it
        self.executor = self._new_executor()
        if kill:
            for process in list((broken._processes or {}).values()):  # no public API to stop a worker
                process.terminate()
        broken.shutdown(wait=False, cancel_futures=True)
        logger.warning("cleaning workers %s; started new ones", "stopped" if kill else "died")

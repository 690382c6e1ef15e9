"""`ingest clean` on WARC files: each HTML response through `clean()` over worker processes,
records in archive order, one summary line per file on stderr."""
from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..batch import Outcome, clean_all
from ..core.clean import clean
from ..core.options import Options
from ..core.rejection import Rejection
from ..inputs import NOT_A_WARC, Input, not_a_warc
from .opener import Unavailable, open_archive
from .warc import ArchivedPage, Tally, read_pages


_AHEAD = 4  # pages sent to the pool per worker before the first result is awaited


@dataclass(frozen=True)
class FileDone:
    """Passed through the workers after a file's last page, so its summary follows its records."""

    label: str
    tally: Tally
    error: str | None = None


def clean_page(page: ArchivedPage, options: Options, label: str = "") -> Outcome:
    """The record of one archived page, as the crawl makes it from the same response."""
    name = f"{label}: {page.url}" if label else page.url
    try:
        result = clean(page.body, page.url, options, encoding=page.charset, fetched_at=page.fetched_at)
    except Exception as exc:  # one page must not stop the archive; say what it was
        return Outcome(name, error=f"internal error: {type(exc).__name__}: {exc}", reason="internal error")
    if isinstance(result, Rejection):
        return Outcome(name, error=str(result), reason=result.reason.value)
    return Outcome(name, record=result.to_dict())


def clean_pages(inputs: list[Input], options: Options, jobs: int | None, stdin: bytes | None,
                note: Callable[[str], None], headers: dict[str, str] | None = None) -> Iterator[Outcome]:
    """`clean_all` for pages, and the pages of WARC inputs, all in input order."""
    for is_warc, group in itertools.groupby(inputs, key=lambda item: item.kind == "warc"):
        if is_warc:
            yield from clean_archives(list(group), options, jobs, note)
        else:
            yield from clean_all(list(group), options, jobs=jobs, stdin=stdin, headers=headers)


def clean_archives(inputs: list[Input], options: Options, jobs: int | None,
                   note: Callable[[str], None]) -> Iterator[Outcome]:
    """One Outcome per HTML page; a file that cannot be read, or has broken records, gives a
    failed Outcome too. The pages stream through the pool: memory stays flat in the file's size."""
    tasks = ((item, options) for item in _items(inputs))
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1:
        results = map(_work, tasks)
        yield from _outcomes(results, note)
        return
    yield from _outcomes(_pooled(tasks, jobs), note)


def _pooled(tasks: Iterator, jobs: int) -> Iterator[Outcome | FileDone]:
    """`_work` of each task on `jobs` workers, in task order, a few tasks ahead. The archive is read
    here, in the main thread, where Ctrl-C interrupts a read waiting on a stalled server: read by
    the pool's own thread (imap), the pool could not stop until the read returned."""
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_leave_interrupts_to_the_parent) as pool:
        ahead: deque = deque()
        for task in tasks:
            ahead.append(pool.apply_async(_work, (task,)))
            if len(ahead) >= _AHEAD * jobs:
                yield ahead.popleft().get()
        while ahead:
            yield ahead.popleft().get()


def _leave_interrupts_to_the_parent() -> None:
    """Ctrl-C reaches the whole process group: the parent stops the pool; a worker that took it
    printed "Process ForkPoolWorker-1:" and a KeyboardInterrupt traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _items(inputs: list[Input]) -> Iterator[tuple[str, ArchivedPage] | FileDone]:
    for item in inputs:
        tally = Tally()
        if not_a_warc(item.location):
            yield FileDone(item.label, tally, error=NOT_A_WARC)
            continue
        try:
            with open_archive(item.location) as stream:
                for page in read_pages(stream, tally):
                    yield item.label, page
        except Unavailable as exc:
            yield FileDone(item.label, tally, error=str(exc))
            continue
        yield FileDone(item.label, tally)


def _work(task) -> Outcome | FileDone:
    item, options = task
    if isinstance(item, FileDone):
        return item
    label, page = item
    return clean_page(page, options, label)


def _outcomes(results, note: Callable[[str], None]) -> Iterator[Outcome]:
    for result in results:
        if not isinstance(result, FileDone):
            yield result
            continue
        summary = result.tally.summary()
        if result.error:  # the file could not be read (to its end)
            read = result.tally.pages or result.tally.skipped
            yield Outcome(result.label, error=f"{result.error} (after {summary})" if read else result.error)
        elif result.tally.skipped["broken"]:  # a failure, as a page that cannot be read is
            yield Outcome(result.label, error=summary)
        else:
            note(f"ingest: {result.label}: {summary}")

"""Cleaning a batch of inputs over worker processes, results in input order, one failure never stopping it."""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone

from .core.clean import clean
from .fetch import FetchError, fetch
from .inputs import Input, InputError, read_file
from .core.options import Options
from .core.rejection import Rejection


@dataclass(frozen=True)
class Outcome:
    label: str
    record: dict | None = None
    error: str | None = None


def clean_all(inputs: list[Input], options: Options, jobs: int | None = None,
              stdin: bytes | None = None) -> Iterator[Outcome]:
    """Yield one Outcome per input, in input order. `stdin` holds the bytes read for "-"."""
    tasks = [(item, stdin if item.kind == "stdin" else None, options) for item in inputs]
    jobs = min(jobs or os.cpu_count() or 1, len(tasks))
    if jobs <= 1:
        yield from map(_clean_one, tasks)
        return
    # fork: workers inherit the imported libraries instead of re-importing them.
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(_clean_one, tasks, chunksize=1)


def _clean_one(task: tuple[Input, bytes | None, Options]) -> Outcome:
    item, data, options = task
    try:
        return _outcome(item, data, options)
    except (InputError, FetchError) as exc:
        return Outcome(item.label, error=str(exc))
    except Exception as exc:  # a crash on one page must not stop the batch; say what it was
        return Outcome(item.label, error=f"internal error: {type(exc).__name__}: {exc}")


def _outcome(item: Input, data: bytes | None, options: Options) -> Outcome:
    charset = None
    if item.problem:
        raise InputError(item.problem)
    if item.kind == "url":
        fetched = fetch(item.location, max_bytes=options.max_bytes)
        data, url, charset, when = fetched.body, fetched.url, fetched.charset, _now()
    elif item.kind == "stdin":
        url, when = None, _now()
    else:
        data, url, when = read_file(item.location)
    result = clean(data or b"", item.url or url, options, encoding=charset, fetched_at=when)
    if isinstance(result, Rejection):
        return Outcome(item.label, error=str(result))
    return Outcome(item.label, record=result.to_dict())


def _now() -> datetime:
    return datetime.now(timezone.utc)

"""Cleaning a batch of inputs over worker processes, results in input order, one failure never stopping it,
each input within the time budget (`Options.timeout`)."""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone

from .core.clean import clean
from .fetch import BadURL, FetchError, fetch
from .inputs import Input, InputError, read_file
from .core.options import Options
from .core.rejection import Reason, Rejection
from .workers import run_in_order


@dataclass(frozen=True)
class Outcome:
    label: str
    record: dict | None = None
    error: str | None = None
    reason: str | None = None  # the rejection's reason alone, for the summary's counts


def clean_all(inputs: list[Input], options: Options, jobs: int | None = None,
              stdin: bytes | None = None, headers: dict[str, str] | None = None) -> Iterator[Outcome]:
    """Yield one Outcome per input, in input order. `stdin` holds the bytes read for "-";
    `headers` are sent with each URL's request."""
    tasks = [(item, stdin if item.kind == "stdin" else None, options, headers) for item in inputs]
    jobs = min(jobs or os.cpu_count() or 1, len(tasks))
    if jobs < 1:
        return
    if jobs == 1 and options.timeout is None:
        yield from map(_clean_one, tasks)
        return
    yield from run_in_order(_clean_one, tasks, jobs, options.timeout, _overran, _died)


def _overran(task: tuple) -> Outcome:
    return Outcome(task[0].label, error=f"over the time budget: not done in {task[2].timeout:g} s",
                   reason="over the time budget")


def _died(task: tuple) -> Outcome:
    return Outcome(task[0].label, error="internal error: the worker cleaning it died",
                   reason=Reason.INTERNAL.value)


def _clean_one(task: tuple[Input, bytes | None, Options, dict | None]) -> Outcome:
    item, data, options, headers = task
    try:
        return _outcome(item, data, options, headers)
    except InputError as exc:
        return Outcome(item.label, error=str(exc), reason="unreadable input")
    except BadURL as exc:
        return Outcome(item.label, error=str(exc), reason=Reason.BAD_URL.value)
    except FetchError as exc:
        return Outcome(item.label, error=str(exc), reason=Reason.FETCH_FAILED.value)
    except Exception as exc:  # a crash on one page must not stop the batch; say what it was
        return Outcome(item.label, error=f"internal error: {type(exc).__name__}: {exc}",
                       reason=Reason.INTERNAL.value)


def _outcome(item: Input, data: bytes | None, options: Options, headers: dict | None = None) -> Outcome:
    charset = None
    if item.problem:
        raise InputError(item.problem)
    if item.kind == "url":
        fetched = fetch(item.location, max_bytes=options.max_bytes, headers=headers)
        data, url, charset, when = fetched.body, fetched.url, fetched.charset, _now()
    elif item.kind == "stdin":
        url, when = None, _now()
    else:
        data, url, when = read_file(item.location)
    result = clean(data or b"", item.url or url, options, encoding=charset, fetched_at=when)
    if isinstance(result, Rejection):
        return Outcome(item.label, error=str(result), reason=result.reason.value)
    return Outcome(item.label, record=result.to_dict())


def _now() -> datetime:
    return datetime.now(timezone.utc)

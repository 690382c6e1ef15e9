"""`ingest archive`: WARC files (or a CC-NEWS date range) cleaned by datatrove tasks, one file a
task, then deduplicated into the feed layout. A rerun with the same --state redoes only the
tasks that did not complete."""
from __future__ import annotations

import hashlib
import json
import os
import sys
from datetime import date
from pathlib import Path

from ..arguments import at_least_one, day
from ..core.options import Options
from ..inputs import NOT_A_WARC, InputError, expand, not_a_warc
from . import ccnews
from .executors import ConfigError, make_executor, quiet_task_logs, read_config
from .report import failure_line, summary_lines


def register(sub) -> None:
    p = sub.add_parser("archive", help="clean WARC files or CC-NEWS on datatrove into a feed",
                       description=__doc__)
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".warc/.warc.gz file or URL, directory, or .paths/.paths.gz list (warc.paths.gz)")
    p.add_argument("--out", required=True, metavar="DIR", help="the feed: date=YYYY-MM-DD/*.jsonl")
    p.add_argument("--state", required=True, metavar="DIR",
                   help="task logs, completions and staged records; the same DIR on a rerun")
    p.add_argument("--workers", type=at_least_one, default=None, metavar="N",
                   help="local tasks at once (default: all cores)")
    p.add_argument("--executor", metavar="FILE", help="TOML file whose [executor] table picks slurm or ray")
    p.add_argument("--dedup-tasks", type=at_least_one, default=1, metavar="N", help="dedup shards (default 1)")
    p.add_argument("--base", metavar="URL|DIR",
                   help=f"prefix of a list's relative entries (default: the list's folder; CC-NEWS: {ccnews.BASE})")
    p.add_argument("--from", dest="start", type=day, metavar="YYYY-MM-DD",
                   help="only CC-NEWS files stamped on or after this day")
    p.add_argument("--to", dest="end", type=day, metavar="YYYY-MM-DD",
                   help="only CC-NEWS files stamped on or before this day")
    p.add_argument("--no-language", action="store_true", help="skip language detection")
    p.set_defaults(func=run_archive)


def run_archive(args) -> int:
    try:
        locations = archive_locations(args)
        if not locations:
            raise InputError("no WARC files in the inputs")
        config = read_config(args.executor)
        dedup = build(args, config, locations)
        _bind_state(Path(args.state), {"inputs": locations, "dedup_tasks": args.dedup_tasks})
    except (InputError, ConfigError) as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return 2
    quiet_task_logs()
    try:
        dedup.run()
    except Exception as exc:  # a task failed: the others' work is kept, a rerun redoes it
        print(failure_line(Path(args.state), len(locations), exc), file=sys.stderr)
        return 1
    for line in summary_lines(Path(args.state), args.out, config.get("kind", "local")):
        print(line, file=sys.stderr)
    return 0


def archive_locations(args) -> list[str]:
    """The WARC files the inputs name, cut to --from/--to; InputError for an input that is none.
    The range is cut first: a local copy of CC-NEWS need hold only the days asked for."""
    items = list(expand(args.inputs, base=args.base))
    for item in items:
        if item.kind != "warc":
            raise InputError(f"{item.label}: not a WARC file (.warc, .warc.gz) nor a list of them")
    if args.start or args.end:
        items = _in_range(items, args.start, args.end)
    locations = []
    for item in items:
        if "://" in item.location:
            locations.append(item.location)
        elif not_a_warc(item.location):
            raise InputError(f"{item.label}: {NOT_A_WARC}")
        elif Path(item.location).is_file():
            locations.append(str(Path(item.location).resolve()))  # cluster tasks run elsewhere
        else:
            raise InputError(f"{item.label}: no such file")
    return locations


def _in_range(items: list, start: date | None, end: date | None) -> list:
    """The inputs stamped from `start` to `end`; InputError when the range is empty or an input
    carries no CC-NEWS stamp to judge it by."""
    if start and end and start > end:
        raise InputError(f"--from {start} is after --to {end}")
    chosen, unstamped = ccnews.in_range([item.location for item in items], start, end)
    if unstamped:
        raise InputError(f"{unstamped[0]}: --from/--to need CC-NEWS file names "
                         "(CC-NEWS-YYYYMMDDHHMMSS-NNNNN.warc.gz)")
    if items and not chosen:
        raise InputError(f"no CC-NEWS file in the inputs is stamped from {start or 'the start'} to {end or 'the end'}")
    kept = set(chosen)
    return [item for item in items if item.location in kept]


def build(args, config: dict, locations: list[str]):
    """The cleaning executor (one WARC file a task) and the dedup executor that depends on it."""
    from .dedup import Deduplicator
    from .steps import ArchiveReader, Cleaner, StageWriter

    state = Path(args.state).resolve()
    stage = str(state / "stage")
    options = Options(detect_language=not args.no_language)
    workers = args.workers or os.cpu_count() or 1
    cleaning = make_executor(config, [ArchiveReader(locations), Cleaner(options),
                                      StageWriter(stage, args.dedup_tasks)],
                             tasks=len(locations), logging_dir=str(state / "clean"), workers=workers,
                             job_name="ingest-clean")
    return make_executor(config, [Deduplicator(stage, str(Path(args.out).resolve()), batch_name(locations))],
                         tasks=args.dedup_tasks, logging_dir=str(state / "dedup"), workers=workers,
                         depends=cleaning, job_name="ingest-dedup")


def batch_name(locations: list[str]) -> str:
    """Names the batch's feed files: the same inputs give the same names, so a rerun replaces them."""
    return hashlib.sha256("\n".join(locations).encode()).hexdigest()[:8]


def _bind_state(state: Path, plan: dict) -> None:
    """Task R is file R of the list, staged into shards by their count: a state made for another
    list or count would skip the wrong tasks."""
    tasks = state / "tasks.json"
    if tasks.exists():
        if json.loads(tasks.read_text(encoding="utf-8")) != plan:
            raise InputError(f"{state}: this --state was made for other inputs or --dedup-tasks; give a new one")
        return
    state.mkdir(parents=True, exist_ok=True)
    tasks.write_text(json.dumps(plan, indent=1), encoding="utf-8")

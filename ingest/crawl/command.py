"""`ingest crawl` and `ingest schedule`: Scrapy crawls of sources into the feed.

Scrapy is imported inside the commands, so `ingest clean` starts without it.
"""
from __future__ import annotations

import argparse
import fcntl
import os
import signal
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path

from ..arguments import at_least_one
from . import resume
from .setting_values import is_known, setting_problem
from .sources import Source, SourcesError, load_sources, source_from_urls
from .sources_file import SourcesFile

SERVE_PORT = 8471  # `--serve`'s port when free
FINISHED = {"finished", "closespider_pagecount", "closespider_itemcount", "closespider_timeout", "shutdown"}


def register(subparsers) -> None:
    """Add the `crawl` and `schedule` subcommands to an argparse subparsers object."""
    crawl = subparsers.add_parser("crawl", help="crawl sources or URLs once into the feed",
                                  description="Crawl sources (names in the sources file) or URLs once.")
    crawl.add_argument("targets", nargs="*", metavar="SOURCE|URL",
                       help="source names from --sources, or start URLs (pages, sitemaps, feeds)")
    crawl.add_argument("--serve", metavar="DIR",
                       help="serve DIR on 127.0.0.1 for the crawl and crawl it (samples, offline demos)")
    # Set by `ingest schedule` for its runs: it said what the settings' names hold, once.
    crawl.add_argument("--settings-said", action="store_true", help=argparse.SUPPRESS)
    _common(crawl)
    crawl.set_defaults(func=run_crawl)

    schedule = subparsers.add_parser("schedule", help="crawl every source at its interval until stopped",
                                     description="Run each source at its interval until SIGTERM, SIGINT or SIGHUP; "
                                                 "the sources file is reread as it changes.")
    schedule.add_argument("--max-runs", type=at_least_one, default=None, metavar="N",
                          help="crawls running at once, the most overdue first (default: 4 per core)")
    _common(schedule)
    schedule.set_defaults(func=run_schedule)


def _common(parser) -> None:
    parser.add_argument("--sources", default="sources.toml", metavar="FILE", help="default: sources.toml")
    parser.add_argument("--out", default="feed", metavar="DIR", help="feed directory (default: feed)")
    parser.add_argument("--state", default="state", metavar="DIR", help="crawl state directory (default: state)")
    parser.add_argument("--redis", metavar="URL",
                        help="share sources, queues and crawl state with other workers in this Redis "
                             "(redis://host:port/db); see 'Running on many machines' in the README")
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                        help="override a Scrapy setting, as `scrapy crawl -s` does")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="Scrapy's log: -v INFO, -vv DEBUG (default: WARNING, then the summary)")
    parser.add_argument("--log-level", choices=LOG_LEVELS, type=str.upper, metavar="LEVEL",
                        help=f"Scrapy's log level: {', '.join(LOG_LEVELS)}")


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def with_log_level(args) -> list[str]:
    """The -s overrides with the log level first, so that a user's own -s LOG_LEVEL=... still wins."""
    level = args.log_level or ("WARNING", "INFO", "DEBUG")[min(args.verbose, 2)]
    return [f"LOG_LEVEL={level}", *args.settings]


def run_crawl(args) -> int:
    server = None
    targets = list(args.targets)
    if args.serve:
        server = serve_directory(args.serve)
        targets = targets or [f"http://127.0.0.1:{server.server_port}/"]
    try:
        sources = resolve_targets(targets, args.sources)
    except SourcesError as error:
        print(f"ingest crawl: {error}", file=sys.stderr)
        return 2
    if args.settings_said:
        _warned.add(_ALL_SAID)
    _unknown_source_settings(sources, args.sources)
    try:
        return crawl(sources, out=args.out, state=args.state, overrides=with_log_level(args), redis=args.redis)
    finally:
        if server:
            server.shutdown()


def run_schedule(args) -> int:
    # Each run would refuse a bad -s and end at once, at every interval, forever: refused here once.
    try:
        sources_file = SourcesFile(args.sources,
                                   lambda sources: _unknown_source_settings(sources.values(), args.sources))
        for item in args.settings:
            checked_override(item)
    except SourcesError as error:
        print(f"ingest schedule: {error}", file=sys.stderr)
        return 2
    try:
        return _schedule(args, sources_file)
    finally:
        sources_file.close()


def _schedule(args, sources_file: SourcesFile) -> int:
    from .scheduler import Scheduler, default_max_runs

    sources = list(sources_file.sources.values())
    for folder, option in ((args.out, "--out"), (args.state, "--state")):
        problem = unwritable(folder)
        if problem:
            print(f"ingest schedule: {option} {folder}: {problem}", file=sys.stderr)
            return 2
    max_runs = args.max_runs or default_max_runs()
    command = scheduled_command(sources_file, args, max_runs)
    if args.redis:
        from .redis.worker import run_shared_schedule

        return run_shared_schedule(args, sources, command, max_runs, sources_file)
    return Scheduler(sources, command, feed_dir=args.out, state_dir=args.state, max_runs=max_runs,
                     sources_file=sources_file).run_until_signalled()


def scheduled_command(sources_file: SourcesFile, args, max_runs: int):
    """The command of a source's run: `ingest crawl` of the copy of the sources file's last good
    version (an edit half done never fails a run), with the cores' cleaning workers split between
    the sources the file holds now."""
    from .scheduler import crawl_command, workers_per_run

    def command(source: Source) -> list[str]:
        workers = workers_per_run(len(sources_file.sources), max_runs)
        return crawl_command(source, sources_file=str(sources_file.copy), out=args.out, state=args.state,
                             overrides=with_log_level(args), workers=workers)
    return command


def resolve_targets(targets: list[str], sources_file: str) -> list[Source]:
    """Source names and URLs from the command line; no targets means every source in the file."""
    urls = [t for t in targets if "://" in t]
    names = [t for t in targets if "://" not in t]
    sources = []
    if names or not urls:
        if not Path(sources_file).exists():
            raise SourcesError(f"{sources_file}: no such sources file (give URLs, or --sources FILE)")
        known = load_sources(sources_file)
        unknown = [n for n in names if n not in known]
        if unknown:
            raise SourcesError(f"{sources_file}: no source named {', '.join(unknown)}")
        sources = [known[n] for n in names] if names else list(known.values())
    if urls:
        sources.append(source_from_urls(urls))
    return sources


_warned: set[str] = set()
_ALL_SAID = "*"  # in `_warned`: nothing more to say (a scheduled run, whose schedule said it all)


def _unknown_setting(name: str, given_as: str | None = None) -> None:
    """A name neither Scrapy nor ingest defines is most often a typo (CONCURENT_REQUESTS), which
    Scrapy ignores without a word; said once, and passed on (an added extension may read it)."""
    given_as = given_as or f"-s {name}"
    if not is_known(name) and given_as not in _warned and _ALL_SAID not in _warned:
        _warned.add(given_as)
        print(f"ingest: {given_as}: not a setting of Scrapy or ingest (misspelt?); passed on as given",
              file=sys.stderr)


def _unknown_source_settings(sources, sources_file: str) -> None:
    for source in sources:
        for name in source.settings:
            _unknown_setting(name, f"{sources_file}: sources.{source.name}.settings.{name}")


def checked_override(item: str) -> tuple[str, str]:
    """`-s NAME=VALUE` as (NAME, VALUE), or SourcesError saying what is wrong with it."""
    name, sep, value = item.partition("=")
    if not sep:
        raise SourcesError(f"-s {item}: expected NAME=VALUE")
    problem = setting_problem(name.strip(), value)
    if problem:
        raise SourcesError(f"-s {item}: {problem}")
    _unknown_setting(name.strip())
    return name.strip(), value


def crawl_settings(out: str, state: str, overrides: list[str], redis: str | None = None):
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("ingest.crawl.settings", priority="project")
    settings.set("INGEST_FEED_DIR", out, priority="cmdline")
    settings.set("INGEST_STATE_DIR", state, priority="cmdline")
    for item in overrides:
        settings.set(*checked_override(item), priority="cmdline")
    if settings.get("INGEST_CONTACT") and settings.getpriority("USER_AGENT") < settings.getpriority("INGEST_CONTACT"):
        from ingest.identity import user_agent
        settings.set("USER_AGENT", user_agent(settings["INGEST_CONTACT"]), priority="cmdline")
    if redis or settings.get("INGEST_REDIS_URL"):
        from .redis.crawling import configure

        configure(settings, redis or settings["INGEST_REDIS_URL"])
    return settings


def crawl(sources: list[Source], *, out: str, state: str, overrides: list[str],
          redis: str | None = None) -> int:
    """One crawl of each source, concurrently in one process; prints a summary per source."""
    from spiders.news import NewsSpider

    from .shutdown import StoppingProcess

    try:
        settings = crawl_settings(out, state, overrides, redis)
    except SourcesError as error:
        print(f"ingest crawl: {error}", file=sys.stderr)
        return 2
    for folder, option in ((out, "--out"), (state, "--state")):
        problem = unwritable(folder)
        if problem:
            print(f"ingest crawl: {option} {folder}: {problem}", file=sys.stderr)
            return 2
    leases = {}
    if settings.get("INGEST_REDIS_URL"):
        from .redis.connection import RedisUnreachable
        from .redis.crawling import claim

        try:
            runnable, locks, leases = claim(settings, sources)
        except RedisUnreachable as error:
            print(f"ingest crawl: {error}", file=sys.stderr)
            return 2
    else:
        runnable, locks = _lock_sources(state, sources)
    if not runnable:
        return 3
    process = StoppingProcess(settings)
    crawlers = []
    for source in runnable:
        # With Redis the queue lives there, not in a job directory.
        job = None if settings.get("INGEST_REDIS_URL") else _job_dir(settings, state, source.name)
        if job and resume.prepare(job):
            print(f"ingest crawl: resuming the interrupted crawl of {source.name}", file=sys.stderr)
        crawler = process.create_crawler(NewsSpider)
        crawlers.append((source, crawler, job))
        extra = {"lease": leases[source.name]} if leases else {}
        process.crawl(crawler, source=source, job_dir=job and str(job), **extra)
    process.start()
    # Scrapy is done; what is left (summary, worker pool shutdown) is short: a second signal must
    # not cut it and leave the pool's semaphores behind.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    status = 0
    for source, crawler, job in crawlers:
        stats = crawler.stats.get_stats()
        if job:  # only now has Scrapy written all it keeps there
            resume.conclude(job, stats.get("finish_reason", "unknown"))
        print(summary(source.name, stats, out))
        failure = crawl_failure(stats)
        if failure:
            print(f"ingest crawl: {source.name}: {failure}", file=sys.stderr)
            status = 1
    for lock in locks:
        lock.close()
    return status


def unwritable(folder: str) -> str | None:
    """Why files cannot be made in `folder` (created if missing), or None if they can."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        return f"cannot write there ({error.strerror or error})"
    return None


def crawl_failure(stats: dict) -> str | None:
    """Why a crawl did not do its job (exit status 1), or None."""
    reason = stats.get("finish_reason", "not finished")
    if reason == "feed_unwritable":
        return f"stopped: the feed cannot be written ({stats.get('ingest/feed/error', '')})"
    if reason not in FINISHED:
        return f"did not finish ({reason})"
    if stats.get("ingest/start/failed") and not stats.get("ingest/start/fetched"):
        return f"no start URL could be fetched ({_failures(stats) or 'see the log'})"
    internal = stats.get("ingest/dropped/internal", 0)
    if internal and not stats.get("ingest/feed/records_committed"):
        return f"every article page failed inside ingest ({internal} dropped as internal errors)"
    return None


def _failures(stats: dict) -> str:
    """Download failures by reason, e.g. "connection refused 3, timeout 1"."""
    counts = {k.removeprefix("ingest/download_failed/"): v for k, v in stats.items()
              if k.startswith("ingest/download_failed/")}
    return ", ".join(f"{reason} {n}" for reason, n in sorted(counts.items()))


def _lock_sources(state: str, sources: list[Source]) -> tuple[list[Source], list]:
    """The sources no other process of this machine is crawling, and their locks."""
    locks, runnable = [], []
    for source in sources:
        lock = source_lock(state, source.name)
        if lock is None:
            print(f"ingest crawl: source {source.name!r} is being crawled by another process; skipped",
                  file=sys.stderr)
            continue
        locks.append(lock)
        runnable.append(source)
    return runnable, locks


def _job_dir(settings, state: str, name: str) -> Path | None:
    """Where a source's crawl keeps its queue for resuming; None if resuming is off or JOBDIR is set."""
    if not settings.getbool("INGEST_RESUME") or settings.get("JOBDIR"):
        return None
    return Path(state) / "jobs" / _safe(name)


def summary(name: str, stats: dict, out: str) -> str:
    drops = {k.removeprefix("ingest/dropped/"): v for k, v in stats.items() if k.startswith("ingest/dropped/")}
    http_errors = {k.rsplit("/", 1)[-1]: v for k, v in stats.items()
                   if k.startswith("httperror/response_ignored_status_count/")}
    elapsed = stats.get("elapsed_time_seconds") or 0
    articles = stats.get("ingest/pages/article", 0)
    rate = f", {articles / elapsed:.1f} article pages/s" if elapsed else ""
    out_of_scope = stats.get("ingest/refused/out_of_scope", 0) + stats.get("offsite/filtered", 0)
    lines = [
        f"crawl {name}: {stats.get('finish_reason', 'not finished')} in {elapsed:.1f}s{rate}",
        f"  pages fetched      {stats.get('response_received_count', 0)}"
        f"  (articles {stats.get('ingest/pages/article', 0)}, undeclared {stats.get('ingest/pages/undeclared', 0)},"
        f" other pages {stats.get('ingest/pages/other', 0)},"
        f" not modified {stats.get('ingest/pages/not_modified', 0)})",
        f"  not requested      {stats.get('ingest/requests/unchanged_by_lastmod', 0)}"
        " (in a sitemap, its lastmod before our last fetch)",
        f"  articles written   {stats.get('ingest/feed/records_committed', 0)}",
        "  dropped            " + (", ".join(f"{r} {n}" for r, n in sorted(drops.items())) or "none"),
        "  HTTP errors        " + (", ".join(f"{s}: {n}" for s, n in sorted(http_errors.items())) or "none"),
        "  download failures  " + (_failures(stats) or "none"),
        f"  refused            out of scope {out_of_scope}, address guard {stats.get('ingest/refused/address', 0)},"
        f" bad URL {stats.get('ingest/refused/bad_url', 0)}",
        f"  robots.txt denied  {stats.get('robotstxt/forbidden', 0)}",
        f"  feed               {Path(out).resolve()}/date=*/*.jsonl",
    ]
    return "\n".join(lines)


def source_lock(state: str, name: str):
    """An exclusive lock on the source in the crawl state, or None if another process holds it."""
    folder = Path(state) / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    handle = open(folder / f"{_safe(name)}.lock", "a+")
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)


def serve_directory(directory: str):
    """A static HTTP server for DIR on 127.0.0.1 (SERVE_PORT, or any free port), in a daemon thread."""
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

    if not Path(directory).is_dir():
        reason = "not a directory" if Path(directory).exists() else "no such directory"
        print(f"ingest crawl: --serve {directory}: {reason}", file=sys.stderr)
        raise SystemExit(2)  # a bad argument: nothing done
    handler = partial(Quiet, directory=os.fspath(directory))
    try:
        # The same port each time when it is free, so the pages' URLs, and what the crawl state
        # knows of them, carry over from one run to the next.
        server = ThreadingHTTPServer(("127.0.0.1", SERVE_PORT), handler)
    except OSError:
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> int:
    """`python -m ingest.crawl crawl|schedule ...`: the same commands without the rest of the CLI."""
    parser = argparse.ArgumentParser(prog="ingest")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())

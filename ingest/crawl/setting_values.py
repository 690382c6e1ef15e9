"""Scrapy setting values checked against the setting they override, before a crawl starts: Scrapy
reads them only when its engine is built, and a `DOWNLOAD_DELAY = "fast"`, a `LOG_LEVEL = "debug"`
or a SCHEDULER that does not load then ends the run in a traceback."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

# Settings read as whole numbers (Scrapy's `getint`, and ours): "1.5" passes a number check but ends
# the run in a traceback. The type of a default cannot tell: DOWNLOAD_DELAY's is 0 and it takes 0.25.
WHOLE_NUMBERS = frozenset({
    "CONCURRENT_ITEMS", "CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN", "CONCURRENT_REQUESTS_PER_IP",
    "CLOSESPIDER_ERRORCOUNT", "CLOSESPIDER_ITEMCOUNT", "CLOSESPIDER_PAGECOUNT", "CLOSESPIDER_PAGECOUNT_NO_ITEM",
    "CLOSESPIDER_TIMEOUT_NO_ITEM", "DEPTH_LIMIT", "DEPTH_PRIORITY", "DNSCACHE_SIZE", "DOWNLOAD_MAXSIZE",
    "DOWNLOAD_WARNSIZE", "MEMUSAGE_LIMIT_MB", "MEMUSAGE_WARNING_MB", "METAREFRESH_MAXDELAY",
    "REACTOR_THREADPOOL_MAXSIZE", "REDIRECT_MAX_TIMES", "REDIRECT_PRIORITY_ADJUST", "RETRY_PRIORITY_ADJUST",
    "RETRY_TIMES", "URLLENGTH_LIMIT", "INGEST_PAGE_LIMIT", "INGEST_DEPTH", "INGEST_FEED_MAX_BYTES",
    "INGEST_FEED_MAX_RECORDS", "INGEST_CLEAN_MAX_PENDING",
})

# Settings below which a crawl cannot work: with no request allowed at once it never fetches and
# never ends (not even on SIGTERM); a negative delay, timeout or limit means nothing.
AT_LEAST_ONE = frozenset({"CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN", "CONCURRENT_ITEMS",
                          "REACTOR_THREADPOOL_MAXSIZE"})
NOT_NEGATIVE = frozenset({
    "CONCURRENT_REQUESTS_PER_IP", "DOWNLOAD_DELAY", "DOWNLOAD_TIMEOUT", "DOWNLOAD_MAXSIZE", "DOWNLOAD_WARNSIZE",
    "RETRY_TIMES", "REDIRECT_MAX_TIMES", "DEPTH_LIMIT", "AUTOTHROTTLE_START_DELAY", "AUTOTHROTTLE_MAX_DELAY",
    "AUTOTHROTTLE_TARGET_CONCURRENCY", "CLOSESPIDER_TIMEOUT", "CLOSESPIDER_ITEMCOUNT", "CLOSESPIDER_PAGECOUNT",
    "CLOSESPIDER_ERRORCOUNT", "INGEST_DEPTH", "INGEST_PAGE_LIMIT", "INGEST_FEED_MAX_BYTES",
    "INGEST_FEED_MAX_SECONDS", "INGEST_FEED_MAX_RECORDS", "INGEST_CLEAN_TIMEOUT", "INGEST_CLEAN_MAX_PENDING",
    "INGEST_ROBOTS_TIMEOUT", "INGEST_CRAWL_DELAY_MAX", "INGEST_SHUTDOWN_GRACE", "INGEST_REDIS_LEASE_SECONDS",
})


_COMPONENT_LISTS = ("_MIDDLEWARES", "_PIPELINES", "EXTENSIONS", "ADDONS")


def setting_problem(name: str, value) -> str | None:
    """Why `value` cannot be read as setting `name` (a whole number, a number, true/false, a log
    level, a JSON object, a class to load, a log file), or None when it can or nothing is known of it."""
    from scrapy.settings import BaseSettings, Settings

    default = _defaults().get(name)
    if name == "LOG_LEVEL":
        return _log_level_problem(value)
    if name == "LOG_FILE":
        return _log_file_problem(value)
    if isinstance(default, BaseSettings):
        return _components_problem(name, value)
    if _names_a_class(name) and isinstance(value, str):
        return _load_problem(value)
    if isinstance(default, bool):
        try:
            Settings({name: value}).getbool(name)
        except ValueError:
            return f"expected true or false, got {value!r}"
    elif name in WHOLE_NUMBERS:
        try:
            Settings({name: value}).getint(name)
        except (TypeError, ValueError):
            return f"expected a whole number, got {value!r}"
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            return f"expected a whole number, got {value!r}"  # a source's TOML 1.5: getint would read 1
    elif isinstance(default, (int, float)):
        try:
            float(value)
        except (TypeError, ValueError):
            return f"expected a number, got {value!r}"
    return _below_floor(name, value)


def _log_level_problem(value) -> str | None:
    import logging

    if isinstance(value, int) or str(value) in logging.getLevelNamesMapping():
        return None
    return f"expected a log level (DEBUG, INFO, WARNING, ERROR, CRITICAL), got {value!r}"


def _log_file_problem(value) -> str | None:
    folder = Path(str(value)).expanduser().parent
    return None if folder.is_dir() else f"no folder {str(folder)!r} to write the log in"


def _components_problem(name: str, value) -> str | None:
    """A dict setting: given on the command line it is read as JSON, as Scrapy reads it; the keys of
    a component list (ITEM_PIPELINES, *_MIDDLEWARES, EXTENSIONS) must load."""
    read = value
    if isinstance(value, str):
        try:
            read = json.loads(value)
        except ValueError as error:
            return f"expected a JSON object like {{\"a.b.C\": 100}}: {error}"
    if not isinstance(read, dict):
        return f"expected a JSON object, got {value!r}"
    if name.removesuffix("_BASE").endswith(_COMPONENT_LISTS):
        return next(filter(None, (_load_problem(key) for key in read if isinstance(key, str))), None)
    return None


def _load_problem(value: str) -> str | None:
    from scrapy.utils.misc import load_object

    try:
        load_object(value)
    except Exception as error:  # an import runs the module: anything may come of it
        return f"cannot load {value!r} ({type(error).__name__}: {error})"
    return None


@lru_cache(maxsize=None)
def _names_a_class(name: str) -> bool:
    """Whether the setting's default is the dotted path of something to load (SCHEDULER,
    TWISTED_REACTOR): a value that loads nothing ends the crawl in an unhandled Deferred error.
    REFERRER_POLICY also takes policy names."""
    from scrapy.utils.misc import load_object

    default = _defaults().get(name)
    if name == "REFERRER_POLICY" or not isinstance(default, str) or "." not in default:
        return False
    try:
        load_object(default)
    except Exception:
        return False
    return True


def _below_floor(name: str, value) -> str | None:
    """Why a number that reads well is too small for the setting, or None."""
    if name not in AT_LEAST_ONE | NOT_NEGATIVE or value is None:
        return None  # None: Scrapy's default stands
    number = float(value)
    if name in AT_LEAST_ONE and not number >= 1:
        return f"expected 1 or more, got {value!r} (no request could ever be made)"
    if not number >= 0:
        return f"expected 0 or more, got {value!r}"
    return None


def is_known(name: str) -> bool:
    """Whether Scrapy or ingest has a setting of this name (an extension's own may still be meant)."""
    return name in _defaults()


@lru_cache(maxsize=1)
def _defaults() -> dict:
    """Scrapy's defaults, with ours over them (ours may give a type Scrapy's defaults leave None)."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("ingest.crawl.settings", priority="project")
    return {name: settings[name] for name in settings}

"""Sources: the sites to crawl, read from `sources.toml`, or made on the spot from URLs."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from ..filters import FilterError, Filters, make_filters
from .setting_values import setting_problem
from .urls import ascii_host, url_forms, url_problem

DEFAULT_INTERVAL = 3600.0

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$")
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}
# Politeness shortcuts and the Scrapy settings they set.
_POLITENESS = {
    "delay": "DOWNLOAD_DELAY",
    "concurrency": "CONCURRENT_REQUESTS_PER_DOMAIN",
    "user_agent": "USER_AGENT",
    "obey_robots": "ROBOTSTXT_OBEY",
}
# trafilatura's switches, as `ingest clean` has them: Options fields for this source's pages.
_SWITCHES = ("links", "images", "tables", "comments", "markdown")
_FILTERS = ("language", "since", "until")
# A source's name names its lock and resume folders in the crawl state: one plain path component.
_NAME = re.compile(r"^[\w.-]+$")
_HOST = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.?$")  # letters of any script, digits, hyphens, dots between
_KEYS = {"start", "interval", "allow", "deny", "depth", "page_limit", "hosts", "settings", *_POLITENESS,
         *_SWITCHES, *_FILTERS}


class SourcesError(ValueError):
    """A sources file that cannot be used, with what is wrong and where."""


@dataclass(frozen=True)
class Source:
    name: str
    start: tuple[str, ...]
    interval: float = DEFAULT_INTERVAL  # seconds between runs under `ingest schedule`
    allow: tuple[str, ...] = ()  # URL regexes; if any, a followed URL must match one
    deny: tuple[str, ...] = ()  # URL regexes; a URL matching one is never requested
    depth: int | None = None  # link hops followed from listing pages (None: the INGEST_DEPTH setting)
    page_limit: int | None = None  # pages fetched per run (None: the INGEST_PAGE_LIMIT setting)
    hosts: tuple[str, ...] = ()  # hosts the crawl stays on, besides the start pages' own
    settings: dict = field(default_factory=dict)  # Scrapy settings for this source's runs
    switches: dict = field(default_factory=dict)  # Options for cleaning its pages: links, tables, ...
    filters: Filters = Filters()  # records kept: languages, published range

    def options(self, base):
        """`base` (an ingest Options) with this source's switches."""
        return replace(base, **self.switches)

    @property
    def allowed_hosts(self) -> tuple[str, ...]:
        # Scrapy's offsite check compares them with the IDNA form it sends requests to; a www. host
        # brings its site's own name (Scrapy lets subdomains of an allowed name by, not the parent).
        own = [ascii_host(urlsplit(url).hostname or "") for url in self.start]
        sites = [h.removeprefix("www.") for h in own if h.startswith("www.")]
        return tuple(dict.fromkeys(h for h in [*own, *sites, *map(ascii_host, self.hosts)] if h))

    def allows(self, url: str) -> bool:
        forms = url_forms(url)  # a pattern may be written with the URL's escapes or without
        if any(re.search(p, form) for p in self.deny for form in forms):
            return False
        return not self.allow or any(re.search(p, form) for p in self.allow for form in forms)


def load_sources(path: str | Path) -> dict[str, Source]:
    return parse_sources(read_sources_text(path), path)


def read_sources_text(path: str | Path) -> str:
    """A sources file's text: UTF-8, as TOML is, with the byte-order mark some editors write
    skipped (tomllib refused it as an invalid statement)."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise SourcesError(f"{path}: {error}") from error
    except UnicodeDecodeError as error:  # a traceback, before
        raise SourcesError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None


def parse_sources(text: str, path: str | Path) -> dict[str, Source]:
    """The sources of a sources file's `text`; `path` names the file in what is said."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SourcesError(f"{path}: {error}") from error
    tables = data.get("sources")
    if not isinstance(tables, dict) or not tables:
        raise SourcesError(f"{path}: no [sources.NAME] tables")
    return {name: source_from_table(name, table, where=f"{path}: sources.{name}")
            for name, table in tables.items()}


def source_from_table(name: str, table: dict, *, where: str = "") -> Source:
    where = where or f"sources.{name}"
    check_name(name, where)
    unknown = set(table) - _KEYS
    if unknown:
        raise SourcesError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    start = table.get("start")
    if isinstance(start, str):
        start = [start]
    if not start or not all(isinstance(u, str) for u in start):
        raise SourcesError(f"{where}: `start` must be one or more http(s) URLs")
    for url in start:
        problem = url_problem(url)
        if problem:
            raise SourcesError(f"{where}: start URL {url!r}: {problem}")
    settings = dict(table.get("settings") or {})
    written = {setting: f"settings.{setting}" for setting in settings}  # each as the user wrote it
    for key, setting in _POLITENESS.items():
        if key in table:
            settings[setting], written[setting] = table[key], key
    for setting, value in settings.items():
        problem = setting_problem(setting, value)
        if problem:
            raise SourcesError(f"{where}.{written[setting]}: {problem}")
    for key in ("allow", "deny"):
        for pattern in _strings(table.get(key), f"{where}.{key}"):
            try:
                re.compile(pattern)
            except re.error as error:
                raise SourcesError(f"{where}.{key}: bad pattern {pattern!r}: {error}") from error
    return Source(
        name=name,
        start=tuple(start),
        interval=parse_duration(table.get("interval", DEFAULT_INTERVAL), where=f"{where}.interval"),
        allow=_strings(table.get("allow"), f"{where}.allow"),
        deny=_strings(table.get("deny"), f"{where}.deny"),
        depth=_count(table.get("depth"), f"{where}.depth"),
        page_limit=_count(table.get("page_limit"), f"{where}.page_limit"),
        hosts=_hosts(table.get("hosts"), f"{where}.hosts"),
        settings=settings,
        switches=_switches(table, where),
        filters=_filters(table, where),
    )


def _switches(table: dict, where: str) -> dict:
    for key in _SWITCHES:
        if key in table and not isinstance(table[key], bool):
            raise SourcesError(f"{where}.{key}: expected true or false, got {table[key]!r}")
    return {key: table[key] for key in _SWITCHES if key in table}


def _filters(table: dict, where: str) -> Filters:
    language = table.get("language")
    if language is not None and not isinstance(language, str):
        language = ",".join(_strings(language, f"{where}.language"))
    try:
        return make_filters(language, table.get("since"), table.get("until"))
    except FilterError as error:
        raise SourcesError(f"{where}.{error}") from None


def source_from_urls(urls: list[str], name: str = "") -> Source:
    """An ad-hoc source for `ingest crawl URL...`: named after the first URL's host, made safe."""
    # An unreadable first URL names nothing: source_from_table then says what is wrong with it.
    # An international host by its IDNA form: made safe, bücher. and böcher. were both b_cher.
    name = name or safe_name("" if url_problem(urls[0]) else ascii_host(urlsplit(urls[0]).hostname or ""))
    return source_from_table(name, {"start": list(urls)}, where="command line")


def check_name(name: str, where: str) -> None:
    """A name that is one plain path component: letters, digits, `_`, `-`, `.`; not `.` or `..`."""
    if not _NAME.fullmatch(name) or name in (".", ".."):
        raise SourcesError(f"{where}: bad source name {name!r}: use letters, digits, '_', '-' and '.', "
                           "not '.' or '..' alone")


def safe_name(host: str) -> str:
    """A host as a source name: anything but letters, digits, `_`, `-`, `.` becomes `_`."""
    name = re.sub(r"[^\w.-]", "_", host, flags=re.ASCII)
    return name if name.strip(".") else "adhoc"


def parse_duration(value, *, where: str = "interval") -> float:
    """Seconds from `90`, `"90s"`, `"15m"`, `"1h"`, `"1d"`."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return float(value)
    match = _DURATION.match(value) if isinstance(value, str) else None
    if not match or float(match[1]) <= 0:
        raise SourcesError(f"{where}: {value!r} is not a duration like 90s, 15m, 1h, 1d")
    return float(match[1]) * _UNIT[match[2]]


def _strings(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise SourcesError(f"{where}: expected a string or a list of strings")


def _hosts(value, where: str) -> tuple[str, ...]:
    """Host names: a URL or a host with a port would never equal a link's host, and the crawl
    would refuse every page on it without a word."""
    hosts = _strings(value, where)
    for host in hosts:
        if not _HOST.match(host):
            raise SourcesError(f"{where}: expected host names like news.example, got {host!r}")
    return hosts


def _count(value, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise SourcesError(f"{where}: expected a whole number ≥ 0, got {value!r}")

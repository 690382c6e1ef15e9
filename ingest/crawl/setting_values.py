"""Scrapy setting values checked against the type of the setting they override, before a crawl
starts: Scrapy reads them only when its engine is built, and a `DOWNLOAD_DELAY = "fast"` then
ends the run in a Twisted traceback."""
from __future__ import annotations

from functools import lru_cache


def setting_problem(name: str, value) -> str | None:
    """Why `value` cannot be read as setting `name` (a number, or true/false), or None when it can
    or the setting is not a number or a switch."""
    from scrapy.settings import Settings

    default = _defaults().get(name)
    if isinstance(default, bool):
        try:
            Settings({name: value}).getbool(name)
        except ValueError:
            return f"expected true or false, got {value!r}"
    elif isinstance(default, (int, float)):
        try:
            float(value)
        except (TypeError, ValueError):
            return f"expected a number, got {value!r}"
    return None


@lru_cache(maxsize=1)
def _defaults() -> dict:
    """Scrapy's defaults, with ours over them (ours may give a type Scrapy's defaults leave None)."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("ingest.crawl.settings", priority="project")
    return {name: settings[name] for name in settings}

"""ingest: news pages in, clean article records out. `clean` is the whole core; `clean_url` fetches a
page and cleans it."""
__version__ = "0.1.0"

__all__ = ["clean", "clean_url", "Options", "DEFAULT", "Article", "Embed", "Extractor", "Passage",
           "Rejection", "Reason", "SCHEMA"]

# Where each public name lives; imported on first use, so `ingest --help` starts without trafilatura.
_HOMES = {"clean": "core.clean", "clean_url": "online", "Options": "core.options", "DEFAULT": "core.options",
          "Article": "core.record", "Embed": "core.record", "Extractor": "core.record", "Passage": "core.record",
          "SCHEMA": "core.record", "Rejection": "core.rejection", "Reason": "core.rejection"}


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'ingest' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{_HOMES[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted([*globals(), *__all__])

"""ingest: news pages in, clean article records out. `clean` is the whole core."""
__version__ = "0.1.0"

__all__ = ["clean", "Options", "DEFAULT", "Article", "Embed", "Extractor", "Passage",
           "Rejection", "Reason", "SCHEMA"]

# Where each public name lives; imported on first use, so `ingest --help` starts without trafilatura.
_HOMES = {"clean": "clean", "Options": "options", "DEFAULT": "options", "Article": "record", "Embed": "record",
          "Extractor": "record", "Passage": "record", "SCHEMA": "record", "Rejection": "rejection",
          "Reason": "rejection"}


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'ingest' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".core.{_HOMES[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted([*globals(), *__all__])

"""One frozen options object for `clean`, so every caller configures the core the same way."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    # Bodies shorter than this many words are not articles (teasers, error pages, homepages).
    min_words: int = 40
    # Detect languages at all (benchmarks of extraction alone may switch it off).
    detect_language: bool = True
    # Characters of body text given to the language detector; a bounded sample keeps it cheap.
    language_sample_chars: int = 600
    # A record for every page, its `page_type` saying what it is, instead of rejecting non-articles.
    all_pages: bool = False
    # Largest decompressed input accepted, against gzip bombs and runaway pages.
    max_bytes: int = 20_000_000
    # Seconds one input may take in `ingest clean` (fetching it and cleaning it); None: no limit.
    # The batch enforces it by replacing the worker: `clean` cannot stop itself inside lxml.
    timeout: float | None = 60.0
    # trafilatura's switches of the same names, passed to it; links and images show in the
    # Markdown body only (the record's text stays plain).
    tables: bool = True
    comments: bool = False
    links: bool = False
    images: bool = False
    # Also render the body as Markdown (headings, lists, tables, quotes, links) into `markdown`.
    markdown: bool = False

    def __post_init__(self) -> None:
        """A wrong value is said when the options are made, not as every page's internal error."""
        for name in ("detect_language", "all_pages", "tables", "comments", "links", "images", "markdown"):
            if not isinstance(getattr(self, name), bool):
                raise TypeError(f"Options.{name} must be True or False, not {getattr(self, name)!r}")
        for name, least in (("min_words", 0), ("language_sample_chars", 1), ("max_bytes", 1)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < least:
                raise ValueError(f"Options.{name} must be a whole number of {least} or more, not {value!r}")
        if self.timeout is not None and (isinstance(self.timeout, bool) or not isinstance(self.timeout, (int, float))
                                         or not self.timeout > 0):
            raise ValueError(f"Options.timeout must be seconds above 0 or None, not {self.timeout!r}")


DEFAULT = Options()

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


DEFAULT = Options()

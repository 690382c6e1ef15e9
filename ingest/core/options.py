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


DEFAULT = Options()

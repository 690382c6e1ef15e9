"""The article body: trafilatura on the parsed tree."""
from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from .page import Page
from .record import Extractor

TRAFILATURA = Extractor(library="trafilatura", version=trafilatura.__version__)


@dataclass(frozen=True)
class Body:
    text: str
    extractor: Extractor


def extract_body(page: Page) -> Body | None:
    text = trafilatura.extract(
        page.tree, url=page.url, favor_precision=True, include_comments=False,
        include_tables=True, with_metadata=False, deduplicate=False,
    )
    if not text:
        return None
    return Body(text=text, extractor=TRAFILATURA)

"""The article body: trafilatura on the parsed tree, then the furniture it leaves taken out."""
from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura

from .body.boundary import cut_end_matter
from .body.fallback import needs_second_opinion, prefer_second, readability_paragraphs
from .body.furniture import drop_furniture
from .body.headline import drop_headline
from .body.links import anchor_texts, drop_link_paragraphs
from .page import Page
from .record import Extractor

TRAFILATURA = Extractor(library="trafilatura", version=trafilatura.__version__)
READABILITY = Extractor(library="trafilatura", version=trafilatura.__version__, fallback="readability-lxml")

# "Headline | Site name": the headline alone is what a body would repeat.
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—·:]\s+[^|\-–—·:]{2,60}$")


@dataclass(frozen=True)
class Body:
    text: str
    extractor: Extractor


def extract_body(page: Page) -> Body | None:
    # Balanced mode keeps more of the article than favor_precision; the furniture it lets through
    # is what the body mechanisms remove. fast=True skips trafilatura's own readability/justext
    # comparison: the second opinion below asks readability-lxml only where the body looks wrong,
    # which scored better on the dev pages and costs about a third of trafilatura's time less.
    text = trafilatura.extract(
        page.tree, url=page.url, include_comments=False, include_tables=True,
        with_metadata=False, deduplicate=False, fast=True,
    )
    paragraphs = remove_furniture([line for line in (text or "").splitlines() if line.strip()], page)
    extractor = TRAFILATURA
    if needs_second_opinion(paragraphs, page.tree):
        second = remove_furniture(readability_paragraphs(page.tree), page)
        if prefer_second(paragraphs, second):
            paragraphs, extractor = second, READABILITY
    if not paragraphs:
        return None
    return Body(text="\n".join(paragraphs), extractor=extractor)


def remove_furniture(paragraphs: list[str], page: Page) -> list[str]:
    """The body mechanisms in order: where the article ends, its headline, labels and prompts, teasers."""
    paragraphs = cut_end_matter(paragraphs)
    paragraphs = drop_headline(paragraphs, _titles(page), _standfirsts(page))
    paragraphs = drop_furniture(paragraphs)
    return drop_link_paragraphs(paragraphs, anchor_texts(page.tree))


def _titles(page: Page) -> list[str]:
    titles = [page.meta.get(key) for key in ("og:title", "twitter:title")]
    for tag in ("title", "h1"):
        element = page.tree.find(f".//{tag}")
        if element is not None:
            titles.append(element.text_content().strip())
    titles += [_TITLE_SUFFIX.sub("", t) for t in titles if t]
    return [t for t in titles if t]


def _standfirsts(page: Page) -> list[str]:
    return [d for d in (page.meta.get(key) for key in ("og:description", "description", "twitter:description")) if d]

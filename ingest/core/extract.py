"""The article body: trafilatura on the parsed tree, then the furniture it leaves taken out."""
from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass

import trafilatura
from lxml import etree
from trafilatura.core import determine_returnstring
from trafilatura.settings import Extractor as TrafilaturaOptions

from .body.boundary import cut_end_matter
from .body.fallback import needs_second_opinion, prefer_second, readability_paragraphs
from .body.furniture import drop_furniture
from .body.headline import drop_headline
from .body.links import anchor_texts, drop_link_paragraphs
from .markdown import Style, render_markdown
from .options import DEFAULT, Options
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
    markdown: str | None = None


def extract_body(page: Page, options: Options = DEFAULT) -> Body | None:
    text, tree = _trafilatura(page, options)
    paragraphs = remove_furniture([line for line in (text or "").splitlines() if line.strip()], page)
    extractor = TRAFILATURA
    if needs_second_opinion(paragraphs, page.tree):
        second = remove_furniture(readability_paragraphs(page.tree), page)
        if prefer_second(paragraphs, second):
            paragraphs, extractor = second, READABILITY
    if not paragraphs:
        return None
    markdown = _markdown(tree if extractor is TRAFILATURA else page.tree, paragraphs, options)
    return Body(text="\n".join(paragraphs), extractor=extractor, markdown=markdown)


def _trafilatura(page: Page, options: Options):
    """trafilatura's plain text of the body and its XML tree of it, from one extraction."""
    # Balanced mode keeps more of the article than favor_precision; the furniture it lets through
    # is what the body mechanisms remove. fast=True skips trafilatura's own readability/justext
    # comparison: the second opinion below asks readability-lxml only where the body looks wrong,
    # which scored better on the dev pages and costs about a third of trafilatura's time less.
    # bare_extraction + determine_returnstring is what trafilatura.extract does, keeping the tree
    # for the Markdown body. Links and images, as in trafilatura, change what it keeps.
    settings = TrafilaturaOptions(output_format="txt", fast=True, comments=options.comments,
                                  tables=options.tables, links=options.links, images=options.images,
                                  dedup=False, url=page.url)
    document = trafilatura.bare_extraction(page.tree, options=settings)
    if document is None or document.body is None:
        return None, None
    tree = document.body
    if settings.links or settings.images:  # the record's text stays plain
        document.body = _without_links_and_images(tree)
    return determine_returnstring(document, settings), tree


def _without_links_and_images(body):
    plain = deepcopy(body)
    etree.strip_tags(plain, "ref")
    etree.strip_elements(plain, "graphic", with_tail=False)
    return plain


def _markdown(tree, paragraphs: list[str], options: Options) -> str | None:
    """The Markdown body (hook for the body stage): the tree's blocks still in `paragraphs`."""
    if not options.markdown or tree is None:
        return None
    body = tree.find(".//body") if tree.tag == "html" else tree
    return render_markdown(body if body is not None else tree, paragraphs,
                           Style(links=options.links, images=options.images)) or None


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

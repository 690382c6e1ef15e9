"""The article body: trafilatura on the parsed tree, readability-lxml where it does better, then the
furniture both leave taken out; trafilatura's own readability pass instead where a fitted model
says it is the better body. The chosen extraction's element tree stays on the `Body`."""
from __future__ import annotations

import unicodedata
from copy import deepcopy
from dataclasses import dataclass, field

import trafilatura
from lxml import etree
from trafilatura.core import determine_returnstring
from trafilatura.settings import Extractor as TrafilaturaOptions
from trafilatura.xml import xmltotxt

from .body.boundary import cut_end_matter
from .body.choice import prefer_port
from .body.fallback import needs_second_opinion, prefer_second, prose_chars, readability_body, summary_paragraphs
from .body.furniture import drop_furniture
from .body.headline import drop_headline, marked_standfirsts
from .body import joiners  # noqa: F401  (installs the joiners' filter in trafilatura)
from .body.links import anchor_texts, drop_link_runs
from .body.port import kept_readability
from .body.repeats import drop_second_copies
from .caps import MAX_ELEMENTS_FOR_FALLBACKS
from .markdown import Style, render_markdown
from .meta.title import without_last_part
from .options import DEFAULT, Options
from .page import Page
from .record import Extractor

TRAFILATURA = Extractor(library="trafilatura", version=trafilatura.__version__)
READABILITY = Extractor(library="trafilatura", version=trafilatura.__version__, fallback="readability-lxml")
PORT = Extractor(library="trafilatura", version=trafilatura.__version__, fallback="readability (trafilatura's port)")
NO_BODY = Extractor(library="none", version="")  # a page kept for its type alone, with no main text



@dataclass(frozen=True)
class Body:
    """The body text, what produced it, the structure it was read from, and its Markdown if asked.

    `root` is the chosen extraction's element tree (trafilatura's XML: p, head, list/item, table,
    quote; or readability's HTML), `paragraphs` the lines of it kept after furniture removal, in
    order: the Markdown renderer walks `root` and keeps the blocks whose text is in `paragraphs`.
    """

    text: str
    extractor: Extractor
    root: object = field(default=None, compare=False, repr=False)
    paragraphs: tuple[str, ...] = ()
    markdown: str | None = None


def extract_body(page: Page, options: Options = DEFAULT) -> Body | None:
    found = body_candidates(page, options)
    root, paragraphs, extractor = found.root, found.paragraphs, found.extractor
    if prefer_port(paragraphs, found.port, found.prose):
        root, paragraphs, extractor = found.port_root, found.port, PORT
    if not paragraphs:
        return None
    paragraphs = paragraphs + found.comments  # after whichever body was chosen
    return Body(text="\n".join(paragraphs), extractor=extractor, root=root, paragraphs=tuple(paragraphs),
                markdown=_markdown(root if extractor is TRAFILATURA else page.tree, paragraphs, options))


@dataclass(frozen=True)
class Candidates:
    """The bodies a page offers, furniture removed: trafilatura's (or readability-lxml's where it
    was asked and did better) and trafilatura's own readability pass; the page's prose length; and
    the readers' comments trafilatura found, when asked for (kept apart: they are no body's, and
    the choice between the bodies must not weigh them)."""

    paragraphs: list[str]
    root: object
    extractor: Extractor
    port: list[str]
    port_root: object
    prose: int
    comments: list[str] = field(default_factory=list)


def body_candidates(page: Page, options: Options = DEFAULT) -> Candidates:
    with kept_readability() as kept:
        text, said, root = _trafilatura(page, options)
    furniture = Furniture(page)
    paragraphs = furniture.removed([line for line in text.splitlines() if line.strip()])
    extractor = TRAFILATURA
    prose = prose_chars(page.tree)
    if needs_second_opinion(paragraphs, prose):
        second_root, second = readability_body(page.tree)
        second = furniture.removed(second)
        if prefer_second(paragraphs, second):
            root, paragraphs, extractor = second_root, second, READABILITY
    port_root = kept[0] if kept else None
    port = furniture.removed(summary_paragraphs(port_root)) if port_root is not None else []
    comments = drop_furniture([line for line in said.splitlines() if line.strip()])
    return Candidates(paragraphs, root, extractor, port, port_root, prose, comments)


def _trafilatura(page: Page, options: Options) -> tuple[str, str, object]:
    """trafilatura's plain text of the body, of the readers' comments (when asked for) and its XML
    tree of the body, from one extraction."""
    # trafilatura's defaults (not fast=True): its own comparison with readability and jusText
    # rescues pages its main pass gets wrong, which paid on both dev corpora; a page beyond the
    # cap (far above any real one) gets its main pass only.
    # bare_extraction + determine_returnstring is what trafilatura.extract does, keeping the tree
    # for the Markdown body. Links and images, as in trafilatura, change what it keeps.
    settings = TrafilaturaOptions(output_format="txt", fast=page.elements > MAX_ELEMENTS_FOR_FALLBACKS,
                                  comments=options.comments, tables=options.tables, links=options.links,
                                  images=options.images, dedup=False, url=page.url)
    document = trafilatura.bare_extraction(page.tree, options=settings)
    if document is None or document.body is None:
        return "", "", None
    root = document.body
    if settings.links or settings.images:  # the record's text stays plain
        document.body = _without_links_and_images(root)
    comments, document.commentsbody = document.commentsbody, None
    said = xmltotxt(comments, settings.formatting) if comments is not None else ""
    return _nfc(determine_returnstring(document, settings)), _nfc(said), root


def _nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


def _without_links_and_images(body):
    plain = deepcopy(body)
    etree.strip_tags(plain, "ref")
    etree.strip_elements(plain, "graphic", with_tail=False)
    return plain


def _markdown(root, paragraphs: list[str], options: Options) -> str | None:
    """The Markdown body: the tree's blocks still in `paragraphs` (trafilatura's tree, or the page's
    own when readability won: readability's copy carries the line marks the fallback put in)."""
    if not options.markdown or root is None:
        return None
    body = root.find(".//body") if root.tag == "html" else root
    return render_markdown(body if body is not None else root, paragraphs,
                           Style(links=options.links, images=options.images)) or None


class Furniture:
    """What the page says its furniture is (titles, a marked standfirst, its links' texts), read
    once and applied to each extractor's paragraphs."""

    def __init__(self, page: Page):
        self.titles = _titles(page)
        self.anchors = anchor_texts(page.link_texts)
        self._page = page
        self._standfirsts: list[str] | None = None
        self._judged: dict[str, bool] = {}  # line -> is furniture, over all bodies of the page
        self._linked: dict[str, bool] = {}  # line -> is the whole text of a link, likewise

    def standfirsts(self) -> list[str]:
        """Read when first asked: only a body that opens with the headline needs them."""
        if self._standfirsts is None:
            self._standfirsts = _standfirsts(self._page)
        return self._standfirsts

    def removed(self, paragraphs: list[str]) -> list[str]:
        """The body mechanisms in order: a second copy of the article, where reader comments begin,
        the repeated headline and a marked standfirst, labels and prompts, runs of teaser links."""
        paragraphs = cut_end_matter(drop_second_copies(paragraphs))
        paragraphs = drop_headline(paragraphs, self.titles, self.standfirsts)
        paragraphs = drop_furniture(paragraphs, self._judged)
        return drop_link_runs(paragraphs, self.anchors, self._linked)


def _titles(page: Page) -> list[str]:
    titles = [page.meta.get(key) for key in ("og:title", "twitter:title")]
    for tag in ("title", "h1"):
        element = page.tree.find(f".//{tag}")
        if element is not None:
            titles.append(element.text_content().strip())
    titles += [without_last_part(t) for t in titles if t]  # the headline alone is what a body repeats
    return [t for t in titles if t]


def _standfirsts(page: Page) -> list[str]:
    descriptions = [page.meta.get(key) for key in ("og:description", "description", "twitter:description")]
    return marked_standfirsts(page.tree, [d for d in descriptions if d])

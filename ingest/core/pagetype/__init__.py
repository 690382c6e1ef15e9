"""What kind of page this is: an article, or a listing, collection, product, service, forum,
documentation or other page, decided from whole-page evidence by a small fitted model."""
from __future__ import annotations

from collections.abc import Callable

from ..page import Page
from ..words import count_words
from .evidence import evidence
from .model import article_probability, likeliest_other_type
from .structured import declared_type
from .weights import THRESHOLD

ARTICLE = "article"
LISTING = "listing"
LISTING_CARD_SHARE = 0.6
SURE = 0.5
OTHER = "other"  # no main text at all: nothing to say what it is
# Below this many words the body is a few menu or button labels: no main text to judge by.
MIN_WORDS_TO_JUDGE = 10


def page_type(page: Page, body_text: str) -> str:
    said = said_type(page, body_text)
    if said:
        return said
    found = evidence(page, body_text)
    return judged(found, article_probability(found), lambda: likeliest_other_type(found))


def said_type(page: Page, body_text: str) -> str | None:
    """The type settled before any evidence is weighed: no main text, a type the page declares, a
    body of a few menu or button labels. None when the evidence must decide."""
    if not body_text.strip():
        return OTHER
    said = declared_type(page)
    if said:
        return said
    if count_words(body_text) < MIN_WORDS_TO_JUDGE:
        return OTHER
    return None


def judged(found: dict[str, float], article: float, other_type: Callable[[], str],
           threshold: float = THRESHOLD) -> str:
    """The type the evidence gives, `article` being the model's article probability."""
    # A body that reads as a list of teaser links is a listing whatever else the page shows; one
    # that is mostly the text of repeated teaser cards is a listing unless the model is fairly sure
    # of an article (listicles keep their items in cards too).
    if found["teaser_body"] or (found["body_in_cards"] >= LISTING_CARD_SHARE and article < SURE):
        return LISTING
    if article >= threshold:
        return ARTICLE
    return other_type()

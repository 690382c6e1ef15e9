"""Embedded social posts: found in the tree, lifted out of it, returned as structured data."""
from __future__ import annotations

from dataclasses import replace

from ..page import Page
from ..record import Embed
from . import facebook, flattened, instagram, links, players, telegram, tiktok, twitter, wordpress, youtube
from .lift import Anchor, anchors_and_unmark, mark
from .place import place

# Containers first (a WordPress block or an AMP component holds a widget), then the widgets,
# then rendered players, then what is left when no script ran: bare URLs and flattened text.
FINDERS = (wordpress.find, players.find_amp, twitter.find, instagram.find, facebook.find, tiktok.find,
           telegram.find, youtube.find, players.find_iframes, links.find, flattened.find)


class LiftedEmbeds(list):
    """The embeds of a page in document order, with the article text around each (`anchors`)."""

    def __init__(self, embeds: list[Embed], anchors: list[Anchor]):
        super().__init__(embeds)
        self.anchors = anchors


def split_embeds(page: Page) -> LiftedEmbeds:
    """Remove every embedded post from `page.tree` and return them in document order."""
    lifted: list[Embed] = []
    for finder in FINDERS:
        for item in finder(page.tree):
            mark(item, len(lifted))
            lifted.append(item.embed)
    if not lifted:
        return LiftedEmbeds([], [])
    in_order = anchors_and_unmark(page.tree)
    return LiftedEmbeds([lifted[n] for n, _ in in_order], [anchor for _, anchor in in_order])


def place_embeds(embeds: list[Embed], body_text: str) -> list[Embed]:
    """Set each embed's `position`: the index of the body paragraph it stood before."""
    anchors = getattr(embeds, "anchors", None)
    if anchors is None:
        return list(embeds)
    positions = place(anchors, body_text)
    return [replace(embed, position=position) for embed, position in zip(embeds, positions)]

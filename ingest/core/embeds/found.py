"""What a finder returns: the elements an embed occupies in the tree, and the embed read from them."""
from __future__ import annotations

from dataclasses import dataclass

from ..record import Embed


@dataclass(frozen=True)
class Found:
    """`elements` in document order; the first marks where the embed stood in the article."""

    elements: tuple
    embed: Embed


def found(element, embed: Embed) -> Found:
    return Found((element,), embed)

"""Typed rejections: why a page gave no article, in words that reach the user."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Reason(str, Enum):
    EMPTY = "empty input"
    NOT_HTML = "not HTML"
    UNPARSABLE = "unparsable HTML"
    NO_ARTICLE = "no article found"
    NOT_ARTICLE = "not an article"  # the detail names the page type
    FETCH_FAILED = "fetch failed"
    INTERNAL = "internal error"


@dataclass(frozen=True)
class Rejection:
    reason: Reason
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.reason.value}: {self.detail}" if self.detail else self.reason.value


class Rejected(Exception):
    """Raised inside the core's stages; `clean` turns it into a returned `Rejection`."""

    def __init__(self, reason: Reason, detail: str = ""):
        super().__init__(f"{reason.value}: {detail}")
        self.rejection = Rejection(reason, detail)

"""Typed rejections: why a page gave no article, in words that reach the user."""
from __future__ import annotations

import traceback
from dataclasses import dataclass
from enum import Enum


class Reason(str, Enum):
    EMPTY = "empty input"
    BAD_URL = "bad URL"
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


def internal(error: BaseException, boundary: str) -> Rejection:
    """An unexpected exception as a rejection naming the stage it came from: the module of the first
    call below `boundary`, the function that runs the stages."""
    frames = traceback.extract_tb(error.__traceback__)
    below = [i + 1 for i, frame in enumerate(frames) if frame.name == boundary]
    stage = frames[below[0]] if below and below[0] < len(frames) else frames[-1] if frames else None
    where = stage.filename.rsplit("/", 1)[-1].removesuffix(".py") if stage else "clean"
    return Rejection(Reason.INTERNAL, f"{where}: {type(error).__name__}: {error}"[:300])

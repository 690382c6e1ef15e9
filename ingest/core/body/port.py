"""trafilatura's own readability pass, kept as a second body at no cost.

With its defaults trafilatura runs its bundled port of readability-lxml on every page (inside its
comparison stage, `trafilatura.external.try_readability`) and keeps the result only when its own
rules adopt it. Running that pass again would cost about 0.15x of trafilatura's time; keeping the
one it already ran costs a copy of a small tree. The wrapper below is installed once, and records
only inside `kept_readability()`, for the calling thread: a page's capture never sees another's.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy

import trafilatura.external as _external

_capture = threading.local()
_try_readability = _external.try_readability


def _kept_try_readability(tree):
    result = _try_readability(tree)
    kept = getattr(_capture, "kept", None)
    # The first pass only (later ones are trafilatura's recall retry on a pruned tree), copied:
    # trafilatura converts the element in place when it adopts it.
    if kept is not None and not kept and result is not None:
        kept.append(deepcopy(result))
    return result


_external.try_readability = _kept_try_readability


@contextmanager
def kept_readability() -> Iterator[list]:
    """A list that holds, after the block, the root of trafilatura's readability pass (if it ran)."""
    kept: list = []
    _capture.kept = kept
    try:
        yield kept
    finally:
        _capture.kept = None

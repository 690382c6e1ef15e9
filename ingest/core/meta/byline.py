"""A "By Jane Doe" line under the headline: the author of pages whose markup names none."""
from __future__ import annotations

import re

from .names import clean_name
from .shown import around

_LEAD_IN = re.compile(r"^(?:by|written\s+by|author:?)(?:\s|$)", re.I)
_NAME = re.compile(r"^[^\W\d_][\w.'’ -]*$")  # letters, spaces, dots, apostrophes, hyphens


def shown_byline(tree) -> str | None:
    """The shortest element near the first h1 whose own text begins "By"/"Written by"/"Author",
    as a cleaned name; None when there is none or it reads as no name."""
    headline = next(tree.iter("h1"), None)
    if headline is None:
        return None
    lines = [" ".join(el.text_content().split()) for el in around(tree, headline)[1]
             if el.tag not in ("script", "style") and _LEAD_IN.match((el.text or "").strip())]
    for line in sorted((line for line in lines if len(line) < 100), key=len):
        name = clean_name(_LEAD_IN.sub("", line).strip().rstrip("."))
        if name and _NAME.match(name) and len(name.split()) <= 4:
            return name
    return None

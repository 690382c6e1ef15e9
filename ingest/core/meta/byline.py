"""A "By Jane Doe" line under the headline: the author of pages whose markup names none."""
from __future__ import annotations

import re
from collections import deque
from itertools import chain, islice

from .names import clean_name
from .shown import AFTER, BEFORE

_LEAD_IN = re.compile(r"^(?:by|written\s+by|author:?)(?:\s|$)", re.I)
_NAME = re.compile(r"^[^\W\d_][\w.'’ -]*$")  # letters, spaces, dots, apostrophes, hyphens


def shown_byline(tree) -> str | None:
    """The shortest element near the first h1 whose own text begins "By"/"Written by"/"Author",
    as a cleaned name; None when there is none or it reads as no name."""
    elements = (el for el in tree.iter() if isinstance(el.tag, str))
    above = deque(maxlen=BEFORE + 1)  # the headline and the elements just above it
    for el in elements:
        above.append(el)
        if el.tag == "h1":
            break
    else:
        return None
    lines = [" ".join(el.text_content().split()) for el in chain(above, islice(elements, AFTER))
             if el.tag not in ("script", "style") and _LEAD_IN.match((el.text or "").strip())]
    for line in sorted((line for line in lines if len(line) < 100), key=len):
        name = clean_name(_LEAD_IN.sub("", line).strip().rstrip("."))
        if name and _NAME.match(name) and len(name.split()) <= 4:
            return name
    return None

"""A "By Jane Doe" line under the headline: the author of pages whose markup names none."""
from __future__ import annotations

import re

from .names import clean_name
from .shown import around

_ENGLISH = r"by|written\s+by|author:?"
# "By" and "Author" as bylines write them in Spanish and Portuguese, French, German, Italian, Dutch,
# Scandinavian, Polish, Czech and Slovak, Russian and Ukrainian. Several are also words that begin
# sentences ("Por qué", "Da Silva scores"): the name after one of these must be capitalised.
_OTHER = (r"(?:escrito\s+|publicado\s+)?por|(?:écrit\s+)?par|(?:geschrieben\s+)?von|(?:scritto\s+)?da|di|door|av|af"
          r"|przez|autor(?:ka|a)?:|auteur\s*:|autore:|автор:")
_LEAD_IN = re.compile(rf"^(?:{_ENGLISH}|{_OTHER})(?:\s|$)", re.I)
_ENGLISH_LEAD_IN = re.compile(rf"^(?:{_ENGLISH})(?:\s|$)", re.I)
_PARTICLES = {"de", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der", "den", "la", "le", "du", "bin",
              "al", "el", "y", "e"}  # of surnames: "Ana de la Cruz"
_NAME = re.compile(r"^[^\W\d_][\w.'’ -]*$")  # letters, spaces, dots, apostrophes, hyphens


def shown_byline(tree) -> str | None:
    """The shortest element near the first h1 whose own text begins "By"/"Written by"/"Author" (or
    "Por", "Von", "Autor:" …), as a cleaned name; None when there is none or it reads as no name."""
    headline = next(tree.iter("h1"), None)
    if headline is None:
        return None
    lines = [" ".join(el.text_content().split()) for el in around(tree, headline)[1]
             if el.tag not in ("script", "style") and _LEAD_IN.match((el.text or "").strip())]
    for line in sorted((line for line in lines if len(line) < 100), key=len):
        name = clean_name(_LEAD_IN.sub("", line).strip().rstrip("."))
        if name and _NAME.match(name) and len(name.split()) <= 4 and (
                _ENGLISH_LEAD_IN.match(line) or _capitalised(name)):
            return name
    return None


def _capitalised(name: str) -> bool:
    """Each word of a name begins with a capital, but for the particles of surnames."""
    return all(word[0].isupper() or word.lower() in _PARTICLES for word in name.split())

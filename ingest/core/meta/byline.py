"""The byline under the headline ("By Jane Doe", a "Written by" label and the name beside it, a link
to the author's page): the authors of pages whose markup names none."""
from __future__ import annotations

import re
from itertools import islice

from .names import clean_name
from .shown import around
from .title import headline_of

_ENGLISH = r"by|written\s+by|author:?"
# "By" and "Author" as bylines write them in Spanish and Portuguese, French, German, Italian, Dutch,
# Scandinavian, Polish, Czech and Slovak, Russian and Ukrainian. Several are also words that begin
# sentences ("Por qué", "Da Silva scores"): the name after one of these must be capitalised.
_OTHER = (r"(?:escrito\s+|publicado\s+)?por|(?:écrit\s+)?par|(?:geschrieben\s+)?von|(?:scritto\s+)?da|di|door|av|af"
          r"|przez|autor(?:ka|a)?:|auteur\s*:|autore:|автор:")
_LEAD_IN = re.compile(rf"^(?:{_ENGLISH}|{_OTHER}):?(?:\s|$)", re.I)
# A byline's label standing alone, its name in the next element.
_LABEL_ONLY = re.compile(rf"^(?:(?:written|posted|article|words)\s+by|{_ENGLISH}|{_OTHER})\s*:?$", re.I)
# The path of an author's page: /author/jane-doe, /authors/…, /contributor/…, /writers/….
_AUTHOR_PAGE = re.compile(r"/(?:authors?|contributors?|writers?|journalists?|byline)/[^/?#]+", re.I)
# Words of a link to an author's page that is not their name ("View full profile", "More articles").
_NOT_NAME_WORDS = re.compile(r"\b(?:view|profile|posts?|articles?|stories|more|all|about|bio(?:graphy)?|comments?"
                             r"|edition|follow)\b", re.I)
_JOINERS = re.compile(r"(?:[\s,;&|·•/]|\band\b|\bund\b|\by\b|\bet\b|\be\b)*", re.I)
_SPACED_STOP = re.compile(r" ([.,;:!?])")
_NAMES_MAX = 80  # characters: the text after a byline label that can still be its names alone
_ENGLISH_LEAD_IN = re.compile(rf"^(?:{_ENGLISH}):?(?:\s|$)", re.I)
_PARTICLES = {"de", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der", "den", "la", "le", "du", "bin",
              "al", "el", "y", "e"}  # of surnames: "Ana de la Cruz"
_NAME = re.compile(r"^[^\W\d_][\w.'’ -]*$")  # letters, spaces, dots, apostrophes, hyphens


def shown_byline(tree) -> str | None:
    """The author a page shows near its headline (as `headline_of` finds it), as a cleaned name: a
    line that begins "By"/"Written by"/"Author" (or "Por", "Von", "Autor:" …), the shortest first;
    else a name standing after such a label alone in its element ("Written by" | "Jane Doe"); else a
    link to an author's page. None when there is none or it reads as no name."""
    headline = headline_of(tree)
    if headline is None:
        return None
    window = [el for el in around(tree, headline)[1] if el.tag not in ("script", "style")]
    return _by_line(window) or _after_label(window) or _author_link(window)


def _by_line(window) -> str | None:
    lines = [el for el in window if _LEAD_IN.match((el.text or "").strip())]
    for el, line in sorted(((el, _text(el)) for el in lines), key=lambda pair: len(pair[1])):
        if len(line) >= 100:
            break
        rest = _LEAD_IN.sub("", line).strip()
        name = (_co_authors(el, _linked_names(el)) or _name(rest.rstrip("."), bool(_ENGLISH_LEAD_IN.match(line)))
                or _leading_link(el, rest))
        if name:
            return name
    return None


def _leading_link(el, rest: str) -> str | None:
    """The name a byline links first, right after its label: "By <a>A. J. Neal</a> View in digital
    edition", whose whole text reads as no name."""
    link = next(el.iter("a"), None)
    text = _text(link) if link is not None else ""
    return _name(text, english=False) if text and rest.startswith(text) else None


def _after_label(window) -> str | None:
    """A label alone in its element ("Written by", "Author:") and the name in the next element
    that holds text; several names when that element links each ("Emily Walker", "Casey McDevitt")."""
    for index, el in enumerate(window):
        label = _text(el)
        if not _LABEL_ONLY.match(label):
            continue
        after = (later for later in window[index + 1:] if el not in later.iterancestors())
        following = next((later for later in islice(after, 3) if _text(later)), None)
        if following is None or len(_text(following)) >= _NAMES_MAX:
            continue
        name = _co_authors(following, _linked_names(following)) or _name(_text(following), english=False)
        if name:
            return name
    return None


def _linked_names(el) -> list[str]:
    """The texts of the element's links that read as names ("View in digital edition" does not)."""
    names = (_name(_text(a), english=False) for a in el.iter("a"))
    return [name for name in names if name and not _NOT_NAME_WORDS.search(name)]


def _co_authors(el, linked: list[str]) -> str | None:
    """Several linked names as the byline's authors, when nothing but "and", commas and the like
    stands between them: "By <a>Jared Newman</a> and <a>Sam Singleton</a>", not "By <a>Scott
    Levine</a>, edited by <a>Frank Bass</a>"."""
    if len(linked) < 2:
        return None
    rest = _text(el)
    for name in linked:
        rest = rest.replace(name, " ", 1)
    return "; ".join(linked) if _JOINERS.fullmatch(_LEAD_IN.sub("", rest.strip())) else None


def _author_link(window) -> str | None:
    """The text of a link to the author's page (/author/jane-doe, /contributors/…)."""
    for el in window:
        if el.tag == "a" and _AUTHOR_PAGE.search(el.get("href") or ""):
            name = _name(_text(el), english=False)
            if name and not _NOT_NAME_WORDS.search(name):
                return name
    return None


def _text(el) -> str:
    """The element's text with its parts apart: adjacent elements ("<b>Jane Doe</b><i>AI</i>") are
    separate words on screen; a stop or comma after an element stays on its word."""
    return _SPACED_STOP.sub(r"\1", " ".join(" ".join(el.itertext()).split()))


def _name(text: str, english: bool) -> str | None:
    name = clean_name(text)
    if name and _NAME.match(name) and len(name.split()) <= 4 and (english or _capitalised(name)):
        return name
    return None


def _capitalised(name: str) -> bool:
    """Each word of a name begins with a capital, but for the particles of surnames."""
    return all(word[0].isupper() or word.lower() in _PARTICLES for word in name.split())

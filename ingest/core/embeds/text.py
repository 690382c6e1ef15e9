"""Text of embed markup: line breaks kept, link stubs dropped, dates read from attributions."""
from __future__ import annotations

import re
from datetime import date, datetime

# Block-level tags: their text starts a new line, as a browser would render it.
BLOCKS = frozenset("p div blockquote section article figure figcaption li ul ol h1 h2 h3 h4 h5 h6 "
                   "header footer aside table tr td th pre hr".split())
_SKIP = frozenset(("script", "style", "noscript", "template"))
# t.co short links and pic.twitter.com stubs are the widget's plumbing, not the author's words.
_LINK_STUB = re.compile(r"(?:https?://)?(?:t\.co|pic\.twitter\.com|pic\.x\.com)/[\w-]+")
_MONTHS = {
    # English, French, German, Spanish, Italian, Portuguese, Dutch: the widget localises dates.
    **{m: i for i, m in enumerate(("january february march april may june july august september "
                                   "october november december").split(), 1)},
    **{m: i for i, m in enumerate(("janvier février mars avril mai juin juillet août septembre "
                                   "octobre novembre décembre").split(), 1)},
    **{m: i for i, m in enumerate(("januar februar märz april mai juni juli august september "
                                   "oktober november dezember").split(), 1)},
    **{m: i for i, m in enumerate(("enero febrero marzo abril mayo junio julio agosto septiembre "
                                   "octubre noviembre diciembre").split(), 1)},
    **{m: i for i, m in enumerate(("gennaio febbraio marzo aprile maggio giugno luglio agosto "
                                   "settembre ottobre novembre dicembre").split(), 1)},
    **{m: i for i, m in enumerate(("janeiro fevereiro março abril maio junho julho agosto setembro "
                                   "outubro novembro dezembro").split(), 1)},
    **{m: i for i, m in enumerate(("januari februari maart april mei juni juli augustus september "
                                   "oktober november december").split(), 1)},
}
_MONTH_ABBREVIATIONS = {name[:3]: number for name, number in _MONTHS.items() if name.isascii()}
MONTH = r"[^\W\d_]{3,10}\.?"
_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}")  # what the record's schema asks of a date
_MONTH_FIRST = re.compile(rf"^(?P<month>{MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})$")
_DAY_FIRST = re.compile(rf"^(?P<day>\d{{1,2}})\.?\s+(?:de\s+)?(?P<month>{MONTH})\s+(?:de\s+)?(?P<year>\d{{4}})$")


def visible_text(el) -> str:
    """The element's text as rendered: <br> and block boundaries become line breaks."""
    parts: list[str] = []
    _walk(el, parts)
    return tidy("".join(parts))


def _walk(el, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _SKIP:
        return
    if tag == "br":
        parts.append("\n")
    elif tag in BLOCKS:
        parts.append("\n")
    parts.append(el.text or "")
    for child in el:
        _walk(child, parts)
        parts.append(child.tail or "")
    if tag in BLOCKS:
        parts.append("\n")


def tidy(text: str) -> str:
    """Spaces collapsed within each line, empty lines dropped."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def post_text(text: str | None) -> str | None:
    """A post's words without the t.co links and picture stubs the widget appends."""
    if not text:
        return None
    return tidy(_LINK_STUB.sub("", text)) or None


def has_link_stub(text: str) -> bool:
    return bool(_LINK_STUB.search(text))


def iso_day(text: str | None) -> str | None:
    """ISO date of an attribution date such as "September 17, 2024" or "17 septembre 2024"."""
    if not text:
        return None
    text = " ".join(text.split()).strip(" .").lower()
    match = _MONTH_FIRST.match(text) or _DAY_FIRST.match(text)
    if not match:
        return None
    month_name = match.group("month").rstrip(".")
    month = _MONTHS.get(month_name) or _MONTH_ABBREVIATIONS.get(month_name[:3])
    try:
        return date(int(match.group("year")), month, int(match.group("day"))).isoformat() if month else None
    except ValueError:
        return None


def iso_moment(value: str | None) -> str | None:
    """A `datetime` attribute as written when it reads as an ISO 8601 date or time, else None: a
    broken page's attribute must not reach the record as a date."""
    value = (value or "").strip()
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if _ISO_START.match(value) else None


def has_class(el, name: str) -> bool:
    return name in (el.get("class") or "").split()

"""One author name cleaned of the byline around it: labels ("Written by", "View all posts by"),
job titles ("Senior Reporter"), and dates or "Updated …" that trail it."""
from __future__ import annotations

import re

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
# Labels in other languages only where no name begins with them: not "von", "di", "da" (Di Maria, Da Silva).
_LABEL = re.compile(r"^(?:.*\b(?:written|posted)\s+by|(?:view|see)\s+(?:all|more)\s+(?:posts|articles|stories)\s+by|read\s+more\s+(?:about|from)|"
                    r"(?:written|posted|published|article|recipe|story|words|text)\s+by|authors?|by|"
                    r"(?:escrito|publicado)\s+por|por|(?:écrit|publié)\s+par|par|geschrieben\s+von|scritto\s+da|przez|"
                    r"autor(?:ka|a)?\s*:|auteur\s*:|autore\s*:|автор\s*:)(?:\b|(?<=:))[\s:]*", re.I)
_TRAIL = re.compile(r"\s*(?:[•|·]|\s-\s|\b(?:last\s+)?updated\b|\bpublished\b|\bposted\b|\breviewed\s+by\b|\bfact[\s-]checked\b|"
                    rf"\b{_MONTH}\b\s*(?:\d|$)).*$", re.I)
_ROLE = re.compile(r"^(\S+\s+\S+?(?:\s+\S+)*?)\s+(?:\S+\s+){0,2}?(?:writer|reporter|editor|journalist|correspondent|"
                   r"columnist|founder|co-founder|ceo|contributor|consultant|expert|analyst)\b.*$", re.I)
# Job words alone are no name; a desk ("Staff", "Editors") is one, kept where no person is named.
_ROLE_WORD = (r"(?:senior|lead|chief|head|managing|contributing|co-?founder|founder|ceo|writer|reporter|"
              r"reviewer|author|admin|administrator|contributor|expert)")
_NOT_A_NAME = re.compile(rf"^(?:the\s+)?(?:{_ROLE_WORD}(?:\s+{_ROLE_WORD})*|editor|written|view\s+(?:all|more)\s+posts|{_MONTH})$", re.I)


def clean_name(name: str) -> str | None:
    name = _TRAIL.sub("", _LABEL.sub("", name.strip())).strip()
    name = _ROLE.sub(r"\1", name).strip(" ,-–—:")
    if len(name) < 2 or _NOT_A_NAME.match(name):
        return None
    return name


def as_written(name: str, written: str) -> str:
    """`name` with the stops `written` gives it: trafilatura's normalize_authors makes every stop a
    space (for handles like "jane.doe"), which costs initials and titles theirs ("Christopher S Penn",
    "Z B Steele", "Dr Allen"). Only stops and spaces may differ; a name `written` lacks is kept."""
    words = name.split()
    if len(words) < 2 or "." not in written:
        return name
    stop = r"\.?" if len(words[-1]) <= 2 else ""  # an initial or "Ph.D." ends on its stop
    found = re.search(r"(?<!\w)" + r"(?:\.\s*|\s+)".join(map(re.escape, words)) + stop + r"(?!\w)", written)
    return " ".join(found.group().split()) if found else name

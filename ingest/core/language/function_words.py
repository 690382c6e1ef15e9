"""The commonest function words of the languages news pages mix most: a cheap first look.

Counting them tells, without a detector, whether a paragraph reads like the body's language;
only paragraphs that do not are given to langdetect.
"""
from __future__ import annotations

import re

FUNCTION_WORDS = {
    "en": "the of and to in is that for it was on with as by at from are be this have has not but "
          "an or they which their been were said would will who its after had he she we",
    "fr": "le la les des du un une et est dans que qui pour pas sur au aux avec ce cette sont il elle "
          "nous vous ils ont été par mais ne se son sa ses leur plus d l qu c",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an als "
          "wir sie ich wird bei nach aus noch wie einer haben hat sind",
    "es": "el la los las de del que y en un una es por con para se no su al lo como más pero sus le "
          "ha muy está son fue este esta hay",
    "it": "il lo la gli le di del della che e è un una per non con si da dei delle nel alla al sono "
          "ma anche come più questo questa ha ci",
    "pt": "o a os as de do da dos das que e é um uma em no na para com não por se mais como mas ao "
          "aos foi são está nos pelo pela",
    "nl": "de het een en van in is dat op te met voor niet zijn er aan ook als maar om door bij dan "
          "nog wordt naar wel deze heeft hebben we ze",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in FUNCTION_WORDS.items()}
# Each function word's languages ("de" is Spanish, Portuguese and Dutch): a paragraph's
# words are looked up once each, not once per language.
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    word: tuple(lang for lang, table in _WORDS.items() if word in table) for word in set().union(*_WORDS.values())}
_TOKEN = re.compile(r"[^\W\d_]+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def leaning(words: list[str]) -> dict[str, int]:
    """How many of `words` are function words of each known language."""
    counts = dict.fromkeys(_WORDS, 0)
    for word in words:
        for lang in _LANGUAGES_OF.get(word, ()):
            counts[lang] += 1
    return counts


def may_be_other_language(words: list[str], body_language: str) -> bool:
    """Whether a paragraph's function words suggest another language than the body's.

    Another known language leans harder; or, in a long paragraph, none of the body language's
    function words appear (a language this table does not know, another script). For a body
    in an unknown language, a paragraph that leans clearly to a known one.
    """
    counts = leaning(words)
    top = max(counts, key=counts.get)
    if body_language in counts:
        return counts[top] > counts[body_language] or (counts[body_language] == 0 and len(words) >= 12)
    return counts[top] >= 3

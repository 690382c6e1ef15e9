"""What a language detector should read of a post: its words, without the platform's markup.

URLs, @handles, #hashtags, emoji and numbers carry no language (or mislead: a hashtag in
English on a French post), so they go before detection.
"""
from __future__ import annotations

import re

_URL = re.compile(r"(?:https?://|www\.)\S+|\b(?:pic\.twitter\.com|t\.co|bit\.ly)/\S+", re.I)
_HANDLE_OR_TAG = re.compile(r"[@#＃][^\s#@]+")
# Anything that is not a letter, an apostrophe or sentence punctuation: emoji, symbols, digits.
_NOT_WORDS = re.compile(r"[^\w\s'’.,;:!?¿¡«»\"“”„-]|[\d_]")
_SPACE = re.compile(r"\s+")
# What words_of removes beyond single characters always holds one of these: a URL ("/" or "www."),
# a handle or a hashtag. A text without any has the same letters as its words_of.
_MAY_HOLD_MARKUP = re.compile(r"[/@#＃]|www\.", re.I)


def words_of(text: str | None) -> str:
    """The text with URLs, handles, hashtags, emoji and digits removed, spaces collapsed."""
    if not text:
        return ""
    text = _URL.sub(" ", text)
    text = _HANDLE_OR_TAG.sub(" ", text)
    text = _NOT_WORDS.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def letters_of(text: str) -> str:
    """A text with the same letters, in the same words, as words_of(text): the text itself when it holds
    no URL, handle or hashtag (most body paragraphs, screened by the thousand), else words_of(text)."""
    return words_of(text) if _MAY_HOLD_MARKUP.search(text) else text


def letter_count(text: str) -> int:
    return sum(map(str.isalpha, text))  # map runs in C: every body paragraph is counted

"""Counting words in any script: space-separated words, plus the words of scripts written without spaces.

Chinese and Japanese count one word per character, as word processors count them; Thai, Lao,
Khmer and Myanmar, whose words run together, count one word per few characters.
"""
from __future__ import annotations

import re

# Han ideographs, kana and their extensions: one character is one word.
_IDEOGRAPHIC = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# CJK punctuation separates, like a space.
_CJK_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff5b-\uff65]")
# Southeast Asian scripts without spaces between words.
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]+")
# Thai words average about five characters; four keeps a short article above the minimum.
_UNSPACED_CHARS_PER_WORD = 4
# Any character of the three classes above, as one class.
_SPACELESS = re.compile("[" + "".join(p.pattern.rstrip("+")[1:-1] for p in (_IDEOGRAPHIC, _CJK_PUNCTUATION, _UNSPACED)) + "]")


def count_words(text: str) -> int:
    if not _SPACELESS.search(text):  # most bodies: one pass instead of five
        return len(text.split())
    ideographs = len(_IDEOGRAPHIC.findall(text))
    unspaced = sum(-(-len(run) // _UNSPACED_CHARS_PER_WORD) for run in _UNSPACED.findall(text))
    rest = _CJK_PUNCTUATION.sub(" ", _UNSPACED.sub(" ", _IDEOGRAPHIC.sub(" ", text)))
    return ideographs + unspaced + len(rest.split())

"""langdetect made deterministic and cheap: a seeded detector per call over a shared profile store."""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from functools import lru_cache

from langdetect.detector_factory import DetectorFactory, init_factory
from langdetect.lang_detect_exception import LangDetectException
from langdetect.utils.ngram import NGram

SEED = 0
# Codes langdetect gives that are not ISO 639-1 as the record wants them.
_CODES = {"zh-cn": "zh", "zh-tw": "zh"}
_LANGDETECT = {"zh": "zh-cn"}
# langdetect's probabilities say nothing of a language it lacks: Icelandic comes out as Norwegian
# or Hungarian at 1.0. What does is how many of the text's letter trigrams its answer's profile
# holds: 0.74 and up for the English bodies of the shared benchmark, 0.67 and up for the labelled
# posts, 0.44 for Icelandic, 0.60 for Zulu. Measured only for alphabets (in CJK, Indic and Thai
# text its profiles hold few trigrams).
MIN_TRIGRAM_FIT = 0.65
# A text whose letters are mostly ones the answer's profile lacks: a script langdetect has no
# language of (Armenian, Georgian, Ethiopic, ...).
MIN_KNOWN_LETTERS = 0.5
_ALPHABETS_END = 0x0700  # Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic
# A letter the profile holds at a lower weight is noise of its training text (Georgian letters in
# Estonian's); the letters of the languages it knows weigh more (CJK's rarest on 0.92 of the text).
_LETTER_WEIGHT = 1e-4
_NONE = defaultdict(float)


def probabilities(text: str, trials: int = 7, max_chars: int = 2000) -> list[tuple[str, float]]:
    """(language, probability) pairs, most likely first; the same on every run and in every process."""
    detector = _factory().create()
    detector.seed = SEED  # per-detector seed: no global random state is touched
    detector.n_trial = trials
    detector.append(text[:max_chars])
    try:
        found = detector.get_probabilities()
    except LangDetectException:
        return []
    return [(_CODES.get(item.lang, item.lang), item.prob) for item in found]


def best(text: str, trials: int = 7, max_chars: int = 2000) -> tuple[str | None, float]:
    found = probabilities(text, trials, max_chars)
    return found[0] if found else (None, 0.0)


def knows(text: str, language: str | None, max_chars: int = 600) -> bool:
    """Whether `language` is an answer the detector can stand by: the text's letters are in scripts
    its profiles have, and, in an alphabet, its trigrams fit the language's profile."""
    if not language:
        return False
    profiles = _factory().word_lang_prob_map
    column = _factory().langlist.index(_LANGDETECT.get(language, language))
    letters = Counter(ch for ch in text[:max_chars] if ch.isalpha())  # each distinct letter looked up once
    total = sum(letters.values())
    known = sum(n for ch, n in letters.items() if profiles.get(NGram.normalize(ch), _NONE)[column] >= _LETTER_WEIGHT)
    if known < MIN_KNOWN_LETTERS * total:
        return False
    if sum(n for ch, n in letters.items() if ord(ch) < _ALPHABETS_END) < total / 2:
        return True
    return _trigram_fit(text[:max_chars], profiles, column) >= MIN_TRIGRAM_FIT


def _trigram_fit(text: str, profiles: dict, column: int) -> float:
    """Share of the text's trigrams (as langdetect normalises them) that the profile holds."""
    ngram, total, held = NGram(), 0, 0
    for ch in text:
        ngram.add_char(ch)
        gram = ngram.grams[-3:]
        if ngram.capitalword or len(gram) < 3 or not gram.strip():
            continue
        total += 1
        weights = profiles.get(gram)
        held += bool(weights and weights[column] > 0)
    return held / total if total else 1.0


@lru_cache(maxsize=1)
def known_languages() -> frozenset[str]:
    """The codes a record's `language` can take: one per profile langdetect ships, read from the
    profiles' file names (the profiles themselves are not loaded)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    return frozenset(_CODES.get(name, name) for name in os.listdir(PROFILES_DIRECTORY))


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    """langdetect's profiles, loaded once per process and only read after that."""
    from langdetect import detector_factory

    init_factory()
    return detector_factory._factory

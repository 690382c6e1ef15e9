"""Language of the body, of each embedded post, and of body paragraphs in another language.

Deterministic (langdetect seeded per detector) and bounded: the body is read from a sample,
and only paragraphs whose function words do not read as the body's language are detected.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..options import Options
from ..record import Embed, Passage
from . import detector
from .function_words import may_be_other_language, tokens
from .prepare import letter_count, letters_of, words_of

# Fewer letters than this and a post says nothing about its language but through its hint.
MIN_POST_LETTERS = 12
# A detector this sure of itself outweighs the lang attribute the widget declared.
CONFIDENT = 0.90
# Paragraphs shorter than this are too short to call a passage in another language.
MIN_PASSAGE_LETTERS = 60
# At most this many paragraphs of one body go to the detector: the stage's cost stays bounded.
MAX_PASSAGE_CHECKS = 3
# The body's sample is taken from paragraphs at least this long (prose, not captions or datelines).
PROSE_CHARS = 80
# Hints a widget gives that name no language: undetermined, media only, no linguistic content.
_NO_LANGUAGE = {"und", "qme", "qht", "zxx", "qst", "qam", "qct", "art"}
_OLD_CODES = {"iw": "he", "in": "id", "ji": "yi"}


@dataclass(frozen=True)
class Languages:
    body: str | None
    passages: tuple[Passage, ...]
    embeds: tuple[Embed, ...]


def detect_languages(body_text: str, embeds: list[Embed], options: Options) -> Languages:
    """The body's language, its paragraphs in another language, and each embed's language.

    An embed arrives with `language` set to what its markup declared (a hint, or None).
    """
    if not options.detect_language:
        return Languages(None, (), tuple(replace(e, language=hint_code(e.language)) for e in embeds))
    body = detect_language(body_text, options.language_sample_chars)
    passages = other_language_passages(body_text, body)
    posts = tuple(replace(e, language=post_language(e.text, e.language)) for e in embeds)
    return Languages(body, passages, posts)


def detect_language(text: str, sample_chars: int = 600) -> str | None:
    """ISO 639-1 code of a running text, the same on every run; None when there is nothing to tell by
    or the detector does not know the language (`detector.knows`).

    Read from a sample of about `sample_chars` of its prose: langdetect's cost grows with the
    text it is given, and a few sentences settle a body's language.
    """
    sample = words_of(prose_sample(text, sample_chars))
    if letter_count(sample) < MIN_POST_LETTERS:
        return None
    language = detector.best(sample, trials=1)[0]
    return language if detector.knows(sample, language) else None


def prose_sample(text: str, size: int) -> str:
    """The first `size` characters of the text's longer paragraphs (all of it if none is long)."""
    prose = [p for p in text.split("\n") if len(p) >= PROSE_CHARS] or [text]
    sample, total = [], 0
    for paragraph in prose:
        sample.append(paragraph[:size - total])
        total += len(sample[-1])
        if total >= size:
            break
    return "\n".join(sample)


def post_language(text: str | None, declared: str | None = None) -> str | None:
    """A short post's language: detected on its words alone, the declared hint breaking doubt."""
    hint = hint_code(declared)
    words = words_of(text)
    if letter_count(words) < MIN_POST_LETTERS:
        return hint
    found = detector.probabilities(words)
    if not found:
        return hint
    best, probability = found[0]
    if hint and hint != best and probability < CONFIDENT and hint in dict(found):
        return hint
    return best if detector.knows(words, best) else hint


def other_language_passages(body_text: str, body_language: str | None) -> tuple[Passage, ...]:
    """Body paragraphs written in another language than the body's (quotes, statements)."""
    if not body_language:
        return ()
    passages, checks = [], 0
    for index, paragraph in enumerate(body_text.split("\n")):
        if len(paragraph) < MIN_PASSAGE_LETTERS:  # too short whatever its words: spare the regexes
            continue
        letters = letters_of(paragraph)
        if letter_count(letters) < MIN_PASSAGE_LETTERS or not may_be_other_language(tokens(letters), body_language):
            continue
        checks += 1
        if checks > MAX_PASSAGE_CHECKS:
            break
        words = words_of(paragraph)
        language, probability = detector.best(words, trials=2)
        if language and language != body_language and probability >= CONFIDENT and detector.knows(words, language):
            passages.append(Passage(paragraph=index, language=language))
    return tuple(passages)


def hint_code(declared: str | None) -> str | None:
    """A declared lang attribute as an ISO 639-1 code, or None when it names no language."""
    code = (declared or "").strip().lower().replace("_", "-").split("-")[0]
    if not code or code in _NO_LANGUAGE or not code.isalpha() or len(code) > 3:
        return None
    return _OLD_CODES.get(code, code)

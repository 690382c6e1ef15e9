"""Language of the body and of each embed, with langdetect made deterministic."""
from __future__ import annotations

from dataclasses import dataclass, replace

from langdetect import DetectorFactory
from langdetect.detector_factory import init_factory
from langdetect.lang_detect_exception import LangDetectException

from .options import Options
from .record import Embed, Passage

SEED = 0


@dataclass(frozen=True)
class Languages:
    body: str | None
    passages: tuple[Passage, ...]
    embeds: tuple[Embed, ...]


def detect_languages(body_text: str, embeds: list[Embed], options: Options) -> Languages:
    """The body's language, its paragraphs in another language, and each embed's language."""
    if not options.detect_language:
        return Languages(None, (), tuple(embeds))
    body = detect_language(body_text, options.language_sample_chars)
    tagged = tuple(replace(e, language=detect_language(e.text)) if e.text else e for e in embeds)
    return Languages(body, (), tagged)


def detect_language(text: str, sample_chars: int = 1500) -> str | None:
    """ISO 639-1 code of `text`, the same on every run; None when there is nothing to tell by."""
    sample = text[:sample_chars]
    if len(sample.strip()) < 3:
        return None
    detector = _factory().create()
    detector.seed = SEED  # per-detector seed: no global state is changed
    detector.append(sample)
    try:
        return detector.detect().split("-")[0]
    except LangDetectException:
        return None


def _factory() -> DetectorFactory:
    """langdetect's profile store, loaded once per process (read-only after that)."""
    from langdetect import detector_factory

    init_factory()
    return detector_factory._factory

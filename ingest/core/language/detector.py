"""langdetect made deterministic and cheap: a seeded detector per call over a shared profile store."""
from __future__ import annotations

from functools import lru_cache

from langdetect.detector_factory import DetectorFactory, init_factory
from langdetect.lang_detect_exception import LangDetectException

SEED = 0
# Codes langdetect gives that are not ISO 639-1 as the record wants them.
_CODES = {"zh-cn": "zh", "zh-tw": "zh"}


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


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    """langdetect's profiles, loaded once per process and only read after that."""
    from langdetect import detector_factory

    init_factory()
    return detector_factory._factory

"""Word counts in scripts written without spaces: CJK and Thai articles are not "short"."""
from __future__ import annotations

from pathlib import Path

import pytest

import ingest
from ingest.core.words import count_words

CJK = Path(__file__).parent / "data" / "cjk"


@pytest.mark.parametrize("name, language", [("japanese_news", "ja"), ("chinese_news", "zh")])
def test_a_short_cjk_news_story_is_an_article_with_its_words_counted(name, language):
    record = ingest.clean((CJK / f"{name}.html").read_bytes(), "https://news.example/local/2026/03/12/story")
    assert isinstance(record, ingest.Article), record
    assert record.language.startswith(language)
    assert record.word_count >= 150
    assert record.to_dict()["word_count"] == record.word_count


def test_ideographs_and_kana_count_one_word_each_punctuation_none():
    assert count_words("新しい計画を発表した。") == 10


def test_thai_counts_words_from_its_characters():
    thai = "กรุงเทพมหานครประกาศขยายเวลาเปิดให้บริการรถโดยสารสาธารณะในช่วงกลางคืน"
    assert 10 <= count_words(thai) <= 25


def test_spaced_scripts_count_as_before():
    assert count_words("The council voted on Tuesday — 7 to 2.") == 9
    assert count_words("한국어 기사 본문입니다") == 3

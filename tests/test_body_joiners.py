"""Zero-width joiners are spelling: the body keeps them where the page has them."""
from __future__ import annotations

from lxml import etree

import ingest
from ingest.core.body.fallback import summary_paragraphs

# A Persian news story: the non-joiner (U+200C) sits inside words such as "می‌گوید" and "کشتی‌ها".
PERSIAN = [
    "بندر بوشهر پس از دو هفته تعطیلی دوباره باز شد و نخستین کشتی‌ها صبح دوشنبه در اسکله پهلو گرفتند.",
    "مدیر بندر می‌گوید تعمیر دو جرثقیل آسیب‌دیده بیش از آنچه پیش‌بینی می‌شد طول کشید، اما کار اکنون تمام شده است.",
    "کارگران اسکله که در این مدت بیکار مانده بودند می‌خواهند دستمزد روزهای تعطیلی پرداخت شود.",
    "به گفته اتاق بازرگانی، صادرکنندگان محصولات کشاورزی بیشترین زیان را از این توقف دیده‌اند.",
]
# An English story quoting an emoji sequence: the joiners (U+200D) hold the family together.
ENGLISH = [
    "The harbour reopened on Monday after two weeks, and the first ships tied up at the north quay.",
    "The port authority said repairs to two damaged cranes had taken longer than it expected.",
    "A dock worker posted a photo of the first ship with the message 👨‍👩‍👧 home for dinner at last.",
    "Exporters of fresh produce lost the most from the closure, the chamber of commerce said.",
]


def _story(lang: str, title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
            '<meta property="og:type" content="article"></head><body>'
            f'<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>{title}</h1>'
            f'<p class="byline">Sara Karimi · <time datetime="2025-11-24">2025-11-24</time></p>{body}'
            "</article><footer>© Harbour News</footer></body></html>").encode("utf-8")


def test_a_persian_story_keeps_the_non_joiners_inside_its_words():
    record = ingest.clean(_story("fa", "بازگشایی بندر بوشهر", PERSIAN), "https://news.example/fa/port")
    assert record.text.splitlines() == PERSIAN
    assert record.extractor.library == "trafilatura"


def test_an_emoji_sequence_keeps_its_joiners():
    record = ingest.clean(_story("en", "Harbour reopens", ENGLISH), "https://news.example/en/port")
    assert "👨\u200d👩\u200d👧 home for dinner" in record.text


def test_readabilitys_body_is_spelt_as_trafilaturas():
    # The second body's lines go through the filter trafilatura's text does: a soft hyphen and a
    # zero-width space inside words and a direction mark go, the joiners stay.
    html = ("<div><p>Die Bundes\u00adregierung hat am Montag das Gesetz zur Hafen\u200bsanierung beschlossen.</p>"
            "<p>\u200fمدیر بندر می\u200cگوید تعمیر دو جرثقیل آسیب\u200cدیده طول کشید.</p></div>")
    root = etree.fromstring(html, etree.HTMLParser())
    assert summary_paragraphs(root) == [
        "Die Bundesregierung hat am Montag das Gesetz zur Hafensanierung beschlossen.",
        "مدیر بندر می\u200cگوید تعمیر دو جرثقیل آسیب\u200cدیده طول کشید.",
    ]

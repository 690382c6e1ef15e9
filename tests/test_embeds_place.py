"""Where each embed stood: the index of the body paragraph it preceded, in document order."""
from __future__ import annotations

from test_embeds_twitter import ATTRIBUTION, POST, STORY, cleaned, page_with

from ingest.core.embeds.lift import Anchor
from ingest.core.embeds.place import place

WIDGET = f'<blockquote class="twitter-tweet"><p>{POST}</p>{ATTRIBUTION}</blockquote>'
VIDEO = ('<iframe src="https://www.youtube.com/embed/dQ5kXb9aZ1c" title="Grève à la SNCF : pourquoi les '
         'cheminots refusent la réforme"></iframe>')


def test_embeds_come_in_document_order_whatever_finder_lifted_them():
    article = cleaned(page_with({1: VIDEO, 3: WIDGET}))
    assert [(e.kind, e.position) for e in article.embeds] == [("youtube", 1), ("tweet", 3)]


def test_two_embeds_in_a_row_stand_before_the_same_paragraph():
    article = cleaned(page_with(WIDGET + "\n" + VIDEO, before=3))
    assert [e.position for e in article.embeds] == [3, 3]


def test_an_embed_after_the_last_paragraph_stands_at_the_end():
    article = cleaned(page_with(WIDGET, before=len(STORY)))
    assert article.embeds[0].position == len(STORY)


def test_placing_falls_back_on_the_text_before_when_the_text_after_is_not_in_the_body():
    body = "First paragraph of the story here.\nSecond paragraph ends like this."
    anchors = [Anchor(before="Second paragraph ends like this.", after="Share on Facebook Share on X")]
    assert place(anchors, body) == [2]


def test_positions_never_go_backwards():
    body = "Police closed the road.\nThe minister resigned.\nPolice closed the road.\nThe end."
    anchors = [Anchor(before="", after="The minister resigned."), Anchor(before="", after="Police closed the road.")]
    assert place(anchors, body) == [1, 2]


def test_an_embed_whose_surroundings_are_not_in_the_body_has_no_position():
    anchors = [Anchor(before="Share on Facebook", after="Related stories")]
    assert place(anchors, "First paragraph.\nSecond paragraph.") == [None]

"""Where the article ends: a comments or more-stories section closes the body."""
from pathlib import Path

import ingest
from ingest.core.body.boundary import cut_end_matter

DATA = Path(__file__).parent / "data" / "body"


def clean_text(name: str) -> str:
    return ingest.clean((DATA / name).read_bytes(), f"https://news.example/{name}").text


def test_reader_comments_inside_the_article_element_are_cut_with_their_heading():
    text = clean_text("comments_after_article.html")
    assert "Top Rated Comments" not in text
    assert "About time. The old units" not in text
    assert "step-free access at every door is the real news" not in text.lower()
    assert text.splitlines()[-1].startswith("Unions welcomed the order")


def test_a_comments_heading_near_the_top_is_not_taken_for_the_end():
    paragraphs = ["Comments", "The first paragraph of a short article about comments sections."]
    assert cut_end_matter(paragraphs) == paragraphs


def test_end_markers_in_other_languages_close_the_body():
    article = ["Lorem " * 90, "O texto continua com mais um parágrafo do artigo sobre o assunto."]
    assert cut_end_matter(article + ["Comentários", "Ótimo texto, obrigado!"]) == article


def test_a_comment_form_heading_closes_the_body():
    article = ["The article's one long paragraph. " * 20]
    end = ["Add new comment", "Please log in or register to post comments.", "Teaser of another story…"]
    assert cut_end_matter(article + end) == article


def test_a_table_cell_or_list_item_reading_comment_is_not_the_end():
    article = ["The review's first long paragraph, about the phone's screen and battery. " * 8,
               "| Feature | Comment |", "| Battery | Lasts two days |", "- Comments", "The verdict follows."]
    assert cut_end_matter(article) == article


def test_a_more_stories_heading_is_not_the_end():
    article = ["The article's one long paragraph. " * 20, "More stories", "The article continues after a box."]
    assert cut_end_matter(article) == article


def test_a_question_asking_for_comments_inside_the_story_is_not_the_end():
    """A quoted e-mail that closes "Comments?" (a real story, wcxb 0435, lost its second half)."""
    story = ["I wrote to the list about the boot blocks, and how little work the serial speeds would take. " * 6,
             "> Shall I commit the speed table as it is?", "Comments?",
             "Now, you might remember the special command from the FAQ using 0x283.",
             "Before I released the code, I needed to test all these speeds."]
    assert cut_end_matter(story) == story
    assert cut_end_matter(story[:2] + ["Comments (3)", "Great read!"]) == story[:2]

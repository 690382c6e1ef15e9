"""Where the article ends: a reader-comments heading closes it, with all that follows.

Only comment headings: "more stories" and "related" headings also open in-body sections the
article keeps, and cutting on them lost article text on the dev corpora.
"""
from __future__ import annotations

import re

# Headings that open reader comments. A question ("Comments?" closing a quoted e-mail) asks the
# reader something inside the article; it is no heading.
_END_MARKER = re.compile(r"""^[\W\d]*(?:
    (?:\d+\s+|top\ rated\ |all\ |reader\ |show\ |view\ (?:all\ )?)?comments?(?:\s*\(\d+\))?
  | comentários?|comentarios?|commenti|commentaires?|kommentare?|комментари[йия]|reacties
  | leave\ a\ (?:reply|comment)|post\ a\ comment|add\ (?:a\ |new\ )?comment|tinggalkan\ balasan|deixe\ um\ comentário
  | (?:join|want\ to\ join)\ (?:the\ )?discussion
)(?:(?!\?)[\W\d])*$""", re.I | re.X)

# Table rows, list items and code print a "Comment" cell or line inside the article itself.
_NOT_A_HEADING = ("|", "-", "*", "#", "`")
# The part kept must still look like an article, so a marker near the top is not an end. No
# share of the whole is required: comment threads are often several times longer than the story.
_MIN_KEPT_CHARS = 400
# No marker heading is longer; the cap also spares the pattern's backtracking a megabyte-long paragraph.
_MARKER_MAX = 300


def cut_end_matter(paragraphs: list[str]) -> list[str]:
    seen = 0
    for index, paragraph in enumerate(paragraphs):
        line = paragraph.strip()
        if (seen >= _MIN_KEPT_CHARS and len(line) <= _MARKER_MAX and not line.startswith(_NOT_A_HEADING)
                and _END_MARKER.match(line)):
            return paragraphs[:index]
        seen += len(paragraph)
    return paragraphs

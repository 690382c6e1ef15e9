"""Where the article ends: a comments or "more stories" section closes it, with all that follows."""
from __future__ import annotations

import re

# Headings that open the matter after an article: reader comments, or lists of other stories.
_END_MARKER = re.compile(r"""^[\W\d]*(?:
    (?:\d+\s+|top\ rated\ |all\ |reader\ |show\ |view\ (?:all\ )?)?comments?(?:\s*\(\d+\))?
  | comentários?|comentarios?|commenti|commentaires?|kommentare?|комментари[йия]|reacties
  | leave\ a\ (?:reply|comment)|post\ a\ comment|add\ (?:a\ |new\ )?comment|tinggalkan\ balasan|deixe\ um\ comentário
  | (?:join|want\ to\ join)\ (?:the\ )?discussion|conversation|discussion
  | you\ (?:may|might)\ also\ (?:like|enjoy)|related\ (?:articles|stories|posts|content|coverage)
  | more\ (?:stories|news|from\ .{1,40})|(?:most\ )?popular(?:\ (?:on|in)\ .{1,30})?|trending(?:\ now|\ news)?
  | recommended(?:\ for\ you|\ stories)?|read\ next|up\ next|what\ to\ read\ next|(?:expanded|further)\ coverage
)[\W\d]*$""", re.I | re.X)

# The part kept must still look like an article, so a marker near the top is not an end. No
# share of the whole is required: comment threads are often several times longer than the story.
_MIN_KEPT_CHARS = 400
# No marker heading is longer; the cap also spares the pattern's backtracking a megabyte-long paragraph.
_MARKER_MAX = 300


def cut_end_matter(paragraphs: list[str]) -> list[str]:
    seen = 0
    for index, paragraph in enumerate(paragraphs):
        if seen >= _MIN_KEPT_CHARS and len(paragraph) <= _MARKER_MAX and _END_MARKER.match(paragraph.strip()):
            return paragraphs[:index]
        seen += len(paragraph)
    return paragraphs

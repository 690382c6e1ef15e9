"""Site furniture left inside the body: labels, prompts and counters that are not article text.

Each paragraph is judged alone, by its whole text; a paragraph that only starts like a prompt
but runs on as prose is kept (the length caps), because losing article text costs more than
leaving a stray line.
"""
from __future__ import annotations

import re

from ..controls import INVISIBLE

# A paragraph that is nothing but one of these labels is furniture, in any case and with
# trailing punctuation, counts or arrows.
_LABEL = re.compile(r"""^[\W\d]*(?:
    advertisement|advertising|anzeige|werbung|publicidad|publicidade|publicité|pubblicità|reklama|реклама
  | sponsored(?:\ content)?
  | (?:all\ |top\ rated\ |show\ (?:new\ )?|view\ (?:all\ )?|read\ all\ |hide\ )?comments?
  | comentários?|comentarios?|commenti|commentaires?|kommentare?|комментари[йия]|reacties
  | loading\ comments | leave\ a\ (?:reply|comment) | post\ a\ comment | add\ (?:a\ |new\ )?comment
  | (?:join|want\ to\ join)\ (?:the\ )?discussion | feel\ free\ to\ contribute
  | tell\ us\ what\ you\ think | what\ do\ you\ think | have\ your\ say
  | share(?:\ this)?(?:\ (?:article|story|post|page))?(?:\ on\ \w+)? | tweet | email | print | pin\ it
  | teilen | artikel\ teilen | partager(?:\ cet\ article)? | compartir | compartilhe | compartilhar | condividi
  | udostępnij | поделиться
  | like\ this\ story\W+share\ it\ with\ a\ friend
  | you\ (?:may|might)\ also\ (?:like|enjoy) | (?:most\ )?popular(?:\ on\ .{1,30})? | trending(?:\ now|\ news)?
  | related(?:\ (?:articles?|stories|posts?|content|coverage|news|links))? | recommended(?:\ for\ you)?
  | mehr\ zum\ thema | (?:verwandte|ähnliche)\ artikel | à\ lire\ aussi | sur\ le\ même\ sujet
  | (?:artículos|noticias|notícias|artigos)\ relacionad[oa]s | articoli\ correlati | leggi\ anche
  | leer\ más | lire\ la\ suite | weiterlesen | leia\ mais | leggi\ (?:di\ più|tutto)
  | more(?:\ (?:stories|news|from\ .{1,30}))? | see\ more | read\ more | read\ next | also | don'?t\ miss
  | (?:expanded|further)\ coverage | next\ post | previous\ post | next(?:\ article)? | previous(?:\ article)?
  | link\ permanente|permalink | filed\ under\W.{0,60} | tags?\W.{0,80} | topics?\W.{0,80}
  | (?:click|tap)\ here.{0,80} | subscribe | sign\ up | log\ ?in | join\ free | no\ result | view\ all\ result
  | (?:tempo\ de\ )?leitura\W.{0,20} | \d+\s*min(?:ute)?s?\ read | reading\ time\W.{0,20}
  | table\ of\ contents | on\ this\ page | in\ this\ (?:article|post|guide) | jump\ to(?:\ section)?
  | (?:last\ )?(?:updated|published|posted)(?:\ on)?\W+(?=.{0,40}\d).{1,40}
)[\W\d]*$""", re.I | re.X)
# No label is longer; the cap also spares the pattern's backtracking a megabyte-long paragraph.
_LABEL_MAX = 300

# Paragraphs that open like a pointer elsewhere ("Read more: ...", "Related: ...") and stay short.
_POINTER = re.compile(r"""^\W*(?:
    read\ (?:more|also|next)|see\ (?:more|also)|related(?:\ post|\ article|\ story)?|also(?:\ on\ [\w.]+|\ read)?
  | more|watch|listen|don'?t\ miss|recommended|trending|popular|leia\ (?:mais|também)|lesen\ sie\ auch|lire\ aussi
  | читайте\ также|baca\ juga
)\s*[:|»>–—-]""", re.I | re.X)
_POINTER_MAX = 160

# Calls to subscribe, sign up or download. Article prose mentions the same things ("you can sign
# up for a free trial", "a free newsletter", "users can download the new Maps app"): a call is
# furniture when it opens a sentence (the imperative), when the line speaks for the site to the
# reader ("our newsletter", "your inbox"), or when the line is a few words long.
_CALL = re.compile(r"""(?:
    sign\ up\ (?:for|to)|subscribe\ to|(?:our|free|daily|weekly|e-?mail)\ newsletters?|newsletter\W*$
  | (?:get|download)\ the\ [\w\ ]{1,30}\ app|click\ here\ (?:to|for)
)""", re.I | re.X)
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+)\W*$")
_SITE_TO_READER = re.compile(r"\b(?:our|my|us)\b|\byour\ (?:inbox|letterbox|e-?mail)\b", re.I)
_SHORT_CALL = 6  # words
# Notices that are furniture wherever they stand in a short line: subscription messages, follow
# prompts, comment and cookie notices.
_NOTICE = re.compile(r"""(?:
    delivered\ (?:to|through)\ your\ (?:inbox|letterbox)|right\ in\ your\ inbox|keep\ an\ eye\ on\ your\ inbox
  | thanks\ for\ signing\ up|processing\ your\ subscription|share\ it\ with\ a\ friend|on\ the\ go\ by\ clicking
  | follow\ (?:us|him|her|them|[A-Z][\w.]*(?:\ [A-Z][\w.]*){0,4})\ on\ (?:twitter|facebook|instagram)
  | (?:log\ ?in|sign\ in|register)\ (?:or\ register\ )?to\ (?:post\ )?comment|cookies?\ (?:policy|consent|to\ improve)|by\ continuing\ to\ use
)""", re.I | re.X)
_PROMPT_MAX = 220

# Wire and staff credits closing a story: "Reporting by ...; Editing by ...", "SOURCE: ...".
_CREDIT = re.compile(r"""^\W*(?:
    (?:additional\ )?reporting\ by\b | editing\ by\b | compiled\ by\b | source\s*: | sources\s*:
  | [\w.\-’' ]{3,60}\ contributed\ (?:reporting|to\ this\ (?:report|story))
)""", re.I | re.X)
_CREDIT_MAX = 300

# A byline on a line of its own: "By Jane Doe", "Par Claire Dumas, le 14/04/2002".
_BYLINE = re.compile(r"^(?i:by|par|von|por|di|door)\s+[A-ZÀ-Þ][\w.’'-]+(?:\s+[A-ZÀ-Þ][\w.’'-]+){0,3}(?:\s*[,|–—-].{0,40})?$")
_BYLINE_MAX = 80


def is_furniture(paragraph: str) -> bool:
    # A paragraph of invisible characters only, a site builder's "<p>&zwj;</p>" spacer, is empty.
    text = paragraph.strip().strip(INVISIBLE).strip()
    if not text:
        return True
    if len(text) <= _LABEL_MAX and _LABEL.match(text):
        return True
    if len(text) <= _POINTER_MAX and _POINTER.match(text):
        return True
    if len(text) <= _PROMPT_MAX and _is_prompt(text):
        return True
    if len(text) <= _BYLINE_MAX and _BYLINE.match(text):
        return True
    return len(text) <= _CREDIT_MAX and bool(_CREDIT.match(text))


def _is_prompt(text: str) -> bool:
    """A notice anywhere, or a call that is addressed to the reader (see _CALL)."""
    if _NOTICE.search(text):
        return True
    calls = [call.start() for call in _CALL.finditer(text)]
    return bool(calls) and (any(_SENTENCE_START.search(text[:at]) for at in calls)
                            or bool(_SITE_TO_READER.search(text)) or len(text.split()) <= _SHORT_CALL)


def drop_furniture(paragraphs: list[str], known: dict[str, bool] | None = None) -> list[str]:
    """`known` holds lines already judged: a page's two bodies share most of their lines."""
    known = {} if known is None else known
    for paragraph in paragraphs:
        if paragraph not in known:
            known[paragraph] = is_furniture(paragraph)
    return [p for p in paragraphs if not known[p]]

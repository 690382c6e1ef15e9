"""ingest: news pages in, clean article records out. `clean` is the whole core."""
__version__ = "0.1.0"

from .core.clean import clean
from .core.options import DEFAULT, Options
from .core.record import SCHEMA, Article, Embed, Extractor, Passage
from .core.rejection import Reason, Rejection

__all__ = ["clean", "Options", "DEFAULT", "Article", "Embed", "Extractor", "Passage",
           "Rejection", "Reason", "SCHEMA"]

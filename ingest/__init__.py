"""ingest: news pages in, clean article records out. `clean` is the whole core."""
__version__ = "0.1.0"

from .core import clean
from .options import DEFAULT, Options
from .record import SCHEMA, Article, Embed, Extractor, Passage
from .rejection import Reason, Rejection

__all__ = ["clean", "Options", "DEFAULT", "Article", "Embed", "Extractor", "Passage",
           "Rejection", "Reason", "SCHEMA"]

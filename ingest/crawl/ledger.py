"""The crawl state's old home: the SQLite backend now lives in `ingest.crawl.state.sqlite`."""
from .state.sqlite import FILENAME, Emitted, Ledger, Validators  # noqa: F401

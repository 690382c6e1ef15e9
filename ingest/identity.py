"""Who our requests say they come from: one User-Agent for `ingest clean URL` and the crawl.

The contact (a URL or `mailto:`) tells a site's operator how to reach whoever runs the crawl:
set it with the INGEST_CONTACT environment variable (or `-s INGEST_CONTACT=...` for a crawl).
"""
from __future__ import annotations

import os

from . import __version__

CONTACT_VARIABLE = "INGEST_CONTACT"
DEFAULT_CONTACT = "https://pypi.org/project/ingest/"


def contact() -> str:
    return os.environ.get(CONTACT_VARIABLE, "").strip() or DEFAULT_CONTACT


def user_agent(contact_: str | None = None) -> str:
    return f"ingest/{__version__} (news article extractor; +{contact_ or contact()})"

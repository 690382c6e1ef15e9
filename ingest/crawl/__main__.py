"""`python -m ingest.crawl crawl|schedule ...`."""
import sys

from .command import main

sys.exit(main())

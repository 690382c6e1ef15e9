"""The pure page -> record core: no Scrapy, no I/O. `clean.clean` is the flow; `ingest` re-exports it."""

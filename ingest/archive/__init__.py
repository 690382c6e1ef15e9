"""Archives in, records out: WARC files (and Common Crawl's CC-NEWS) through the same `clean()`.

`warc` reads the pages of a WARC file, `pages` cleans them for `ingest clean`; `command` runs
`ingest archive`: datatrove tasks (`steps`), then a dedup stage (`dedup`), into the feed layout.
"""

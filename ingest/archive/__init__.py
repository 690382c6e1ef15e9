"""Archives in, records out: WARC files (and Common Crawl's CC-NEWS) through the same `clean()`.

`warc` reads pages out of a WARC file, `pages` cleans them for `ingest clean`, and `command`
runs `ingest archive`: datatrove tasks (`steps`), then a dedup step (`dedup`), into the feed layout.
"""

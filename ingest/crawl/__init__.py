"""Everything a crawl keeps between pages and runs: sources, schedule, crawl state, feed, settings."""

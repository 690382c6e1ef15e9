"""Crawling on many machines: leases by source, a shared queue with acknowledged requests, all in one Redis."""

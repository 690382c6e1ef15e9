"""Metadata read with htmldate and trafilatura, with our provenance, sanity and choice on top."""

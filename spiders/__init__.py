"""Spiders: discovery only. They find article pages and yield them; `pipelines/` does the rest."""

"""Body mechanisms: each takes the body's paragraphs (one per line) and returns those to keep."""

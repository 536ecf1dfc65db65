"""Extraction: numeric and dated mentions, then claims with keys (spaCy)."""

"""Readers: the source text and the curated data beside it (tables, figures, metadata, script data)."""

"""Passes, in pipeline order: layout → notes → reflow → structure (headings) → cross-references."""

"""Writers: the model → Markdown pages, citation formats, diagrams, the edition report, search text."""

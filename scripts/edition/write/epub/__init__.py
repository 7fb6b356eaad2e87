"""The EPUB 3 edition: one book per script, written from the model.

Why from the model and not from the built site: the model already knows what the EPUB
must mark (a page start, a note reference, a cross-reference, a table header row), so the
writer only writes it, as the Markdown writer does, and an inline kind it does not know
stops it with an error instead of being copied as whatever HTML the site made of it.  Two
things exist only in the built site and are read from it: the reference list's entries,
which mkdocs-bibtex formats with the GB/T 7714 CSL style (one formatter for site and
book), and nothing else.  The Simplified book is the Traditional one put through the
Simplified site's own conversion (edition.script.simplified.to_simplified), file by file,
as the site's hook converts each finished page.

    xhtml      the model's blocks, inlines and notes as XHTML (page breaks, footnotes)
    documents  the book's documents: title page, chapters, lists, reference list
    package    the package document, the navigation document, the zip
"""

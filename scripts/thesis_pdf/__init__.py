"""The thesis as a PDF: the print page rearranged as a book, typeset, then read back.

prepare  — the print page (mkdocs-print-site) → one HTML document laid out like a thesis:
           title page, front matter, notes beside their markers, no web widgets
typeset  — WeasyPrint renders it with thesis.css; metadata, page labels, fixed dates
readback — reads the finished PDF (pdftotext, pypdf) and lists what a reader would find wrong
"""

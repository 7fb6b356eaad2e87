"""The errors the converter raises: each names the file, the place in it and what was expected.

The build prints one of them as one line and writes nothing, so a careless edit of the
source or of the curated data can never publish a silently broken edition.
"""

THESIS = "source/thesis.txt"


class EditionError(Exception):
    """Bad input: `file` (relative to the root), `where` in it (line N, row N, key K)."""

    def __init__(self, file: str, where: str, expected: str, found: str = ""):
        self.file = file
        self.where = where
        self.expected = expected
        self.found = found
        message = f"{file}, {where}: expected {expected}" if where else f"{file}: expected {expected}"
        if found:
            message += f", found {found!r}"
        super().__init__(message)


class SourceError(EditionError):
    """Bad input in the thesis text, at a source line."""

    def __init__(self, line: int, expected: str, found: str = "", file: str = THESIS):
        self.line = line
        super().__init__(file, f"line {line}", expected, found)


class DataError(EditionError):
    """Bad curated data (metadata, tables, figures, citation data)."""

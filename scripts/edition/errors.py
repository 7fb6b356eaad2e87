"""The one error the converter raises: it always names the source line and what was expected."""


class SourceError(Exception):
    def __init__(self, line: int, expected: str, found: str = ""):
        self.line = line
        self.expected = expected
        self.found = found
        message = f"source line {line}: expected {expected}"
        if found:
            message += f", found {found!r}"
        super().__init__(message)

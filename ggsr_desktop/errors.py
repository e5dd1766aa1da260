"""The app's own exceptions. Messages are Dutch: they are shown to the inspector as they are."""

from __future__ import annotations


class GgsrError(Exception):
    """Any failure the app reports to the user with a one-line message."""


class FrameworkError(GgsrError):
    """A framework file is malformed. Names the file, the line and the field."""

    def __init__(self, path, line: int | None, field: str | None, problem: str):
        self.path = str(path)
        self.line = line
        self.field = field
        self.problem = problem
        where = self.path if line is None else f"{self.path}:{line}"
        what = f"veld '{field}': " if field else ""
        super().__init__(f"{where}: {what}{problem}")


class StoreError(GgsrError):
    """The database cannot be opened, read or written."""


class NotFoundError(StoreError):
    """A requested record does not exist."""


class ValidationError(GgsrError):
    """A value offered to the store is not allowed (wrong kind, empty code, …)."""

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


class WrongPassphraseError(StoreError):
    """The passphrase (or recovery key) does not open the database's key file. Nothing was modified."""


class DatabaseInUseError(StoreError):
    """Another GGSR Desktop process has this database open."""


class DiskFullError(StoreError):
    """The disk is full (or the database reached its size limit): nothing of the failed write was stored."""


class DamagedDatabaseError(StoreError):
    """The database file is damaged. `problem` says what was found; the file itself is left untouched."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"database beschadigd: {path}: {problem}")

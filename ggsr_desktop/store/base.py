"""The connection, its settings, migrations and transactions: the base of the store.

Every write runs in a short `BEGIN IMMEDIATE` transaction and returns after COMMIT (WAL, synchronous=FULL).
SQLite errors are mapped to the app's own StoreError/ValidationError with Dutch messages.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

import sqlite_utils

from ggsr_desktop.errors import NotFoundError, StoreError, ValidationError
from ggsr_desktop.store import schema

_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA busy_timeout = 5000",
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _enum(enum_cls, value, what: str):
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(e.value for e in enum_cls)
        raise ValidationError(f"ongeldige {what} '{value}'; toegestaan: {allowed}") from None


def _required_text(value, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"{what} mag niet leeg zijn")
    return value.strip()


class StoreBase:
    """An open GGSR Desktop database: opening, migrating, transactions and query helpers."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = Path(path)
        self._conn = conn
        self._depth = 0  # nesting of write transactions; only the outermost one begins and commits
        self.db = sqlite_utils.Database(conn)

    # ---- opening -------------------------------------------------------------------------------------------

    @classmethod
    def create(cls, path) -> Self:
        """Create a new, empty database at `path` (which must not exist yet)."""
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise StoreError(f"bestand bestaat al: {path}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"kan map {path.parent} niet aanmaken: {exc.strerror}") from None
        return cls._connect(path)

    @classmethod
    def open(cls, path) -> Self:
        """Open an existing database, migrating it forward if it has an older schema."""
        path = Path(path)
        if not path.is_file():
            raise StoreError(f"database niet gevonden: {path}")
        return cls._connect(path)

    @classmethod
    def open_or_create(cls, path) -> Self:
        path = Path(path)
        return cls.open(path) if path.is_file() and path.stat().st_size > 0 else cls.create(path)

    @classmethod
    def _connect(cls, path: Path) -> Self:
        try:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"kan database niet openen: {path}: {exc}") from None
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        except sqlite3.DatabaseError:
            conn.close()
            raise StoreError(f"geen GGSR-database (geen SQLite-bestand of beschadigd): {path}") from None
        if has_tables and app_id != schema.APPLICATION_ID:
            conn.close()
            raise StoreError(f"geen GGSR-database (andere SQLite-database): {path}")
        if version > schema.SCHEMA_VERSION:
            conn.close()
            raise StoreError(
                f"database heeft schemaversie {version}, deze versie van GGSR Desktop kent tot en met "
                f"{schema.SCHEMA_VERSION}; werk GGSR Desktop bij: {path}"
            )
        try:
            for pragma in _PRAGMAS:
                conn.execute(pragma)
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"kan database niet openen: {path}: {exc}") from None
        store = cls(path, conn)
        store.migrate()
        return store

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error:
                pass
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- schema --------------------------------------------------------------------------------------------

    @property
    def database_id(self) -> str:
        """A random identity of this database (made when it was created), e.g. to find its register keys."""
        return self._rows("SELECT value FROM meta WHERE key = 'database_id'")[0]["value"]

    @property
    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self, target: int = schema.SCHEMA_VERSION) -> None:
        """Apply the forward migrations up to `target`, each in its own transaction."""
        version = self.schema_version
        while version < target:
            script = schema.MIGRATIONS[version]
            try:
                self._conn.executescript(
                    f"BEGIN IMMEDIATE;\nPRAGMA application_id = {schema.APPLICATION_ID};\n{script}\n"
                    f"PRAGMA user_version = {version + 1};\nCOMMIT;"
                )
            except sqlite3.Error as exc:
                if self._conn.in_transaction:
                    self._conn.rollback()
                raise StoreError(f"migratie naar schemaversie {version + 1} mislukt: {exc}") from None
            version += 1

    # ---- transactions and queries -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes (a bulk import) into one atomic, durable transaction."""
        with self._write():
            yield

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self._depth:
            self._depth += 1
            try:
                yield self._conn
            finally:
                self._depth -= 1
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"kan niet schrijven in {self.path.name}: {exc}") from None
        self._depth = 1
        try:
            yield self._conn
            self._depth = 0
            self._conn.execute("COMMIT")
        except sqlite3.IntegrityError as exc:
            self._rollback()
            raise ValidationError(_integrity_message(exc)) from None
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(f"opslaan mislukt in {self.path.name}: {exc}") from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        self._depth = 0
        if self._conn.in_transaction:
            self._conn.rollback()

    def _rows(self, sql: str, params: Iterable = ()) -> list[dict]:
        try:
            return list(self.db.query(sql, tuple(params)))
        except sqlite3.Error as exc:
            raise StoreError(f"lezen mislukt uit {self.path.name}: {exc}") from None

    def _one(self, sql: str, params: Iterable, what: str) -> dict:
        rows = self._rows(sql, params)
        if not rows:
            raise NotFoundError(f"{what} bestaat niet")
        return rows[0]

    # ---- helpers -------------------------------------------------------------------------------------------

    def _update(self, table: str, row_id: int, fields: dict) -> None:
        """Set `fields` (already validated) and the `updated` stamp on one row; nothing when empty."""
        if not fields:
            return
        fields = {**fields, "updated": now()}
        assignments = ", ".join(f"{k} = ?" for k in fields)
        with self._write() as c:
            c.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*fields.values(), row_id])

    def _delete(self, table: str, row_id: int, what: str) -> None:
        with self._write() as c:
            cur = c.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        if cur.rowcount == 0:
            raise NotFoundError(f"{what} bestaat niet")


def _iso_date(value: str | None) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    try:
        return datetime.strptime(text, "%Y-%m-%d").date().isoformat()
    except ValueError:
        raise ValidationError(f"ongeldige datum '{text}'; gebruik JJJJ-MM-DD") from None


def _integrity_message(exc: sqlite3.IntegrityError) -> str:
    text = str(exc)
    if "cases.approach_id, cases.code" in text:
        return "er is al een casus met deze code in deze aanpak"
    if "codings.quote_id, codings.indicator_id" in text:
        return "het citaat is al aan deze indicator gekoppeld"
    if "FOREIGN KEY" in text:
        return "verwijzing naar een onderdeel dat niet (meer) bestaat"
    return f"ongeldige gegevens: {text}"

"""The connection, its settings, migrations and transactions: the base of the store.

Every write runs in a short `BEGIN IMMEDIATE` transaction and returns after COMMIT (WAL, synchronous=FULL):
when a save call returns, the data is on disk. SQLite/SQLCipher errors are mapped to the app's own errors with
Dutch messages (see `connection.classify`). One process at a time holds a database (a lock file beside it);
opening runs a quick integrity check, and encrypted databases are backed up on open, every 15 minutes when
changed, on close and before migrations (see `backups`).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

import filelock

from ggsr_desktop.errors import (
    DamagedDatabaseError,
    DatabaseInUseError,
    NotFoundError,
    StoreError,
    ValidationError,
)
from ggsr_desktop.store import backups, schema
from ggsr_desktop.store.connection import (
    DB_ERRORS,
    INTEGRITY_ERRORS,
    classify,
    connect,
    enable_wal,
    settings,
)

LOCK_TIMEOUT_S = 1.5  # a second instance is told within 2 s
BACKUP_INTERVAL_S = 15 * 60

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


_VIA_INTERVIEW = "(SELECT c.approach_id FROM interviews i JOIN cases c ON c.id = i.case_id WHERE i.id = interview_id)"
# The approach a free text belongs to, per table (`free_texts(with_approach=True)`; a study's name has none).
_APPROACH_OF = {
    "approaches": "id", "cases": "approach_id", "judgements": "approach_id", "judgement_history": "approach_id",
    "report_sections": "approach_id", "approach_texts": "approach_id", "recommendations": "approach_id",
    "interviews": "(SELECT c.approach_id FROM cases c WHERE c.id = case_id)", "quotes": _VIA_INTERVIEW,
    "drafts": _VIA_INTERVIEW, "followups": "approach_id", "followup_baseline": "approach_id",
    "followup_documents": "approach_id", "followup_development": "approach_id", "approach_attributes": "approach_id",
    "indicator_exclusions": "approach_id", "round_texts": "NULL",
}


class StoreBase:
    """An open GGSR Desktop database: opening, migrating, transactions and query helpers."""

    def __init__(self, path: Path, conn, key: bytes | None = None, lock: filelock.BaseFileLock | None = None,
                 keep_backups: bool = False):
        self.path = Path(path)
        self._conn = conn
        self._key = key
        self._lock = lock
        self.keep_backups = keep_backups
        self._depth = 0  # nesting of write transactions; only the outermost one begins and commits
        self._wipe_pending = False
        self._changes_at_backup = conn.total_changes
        self._last_backup_at = 0.0
        self._db = None
        self.verified = True  # False until `verify_and_back_up` ran for a store opened with verify=False

    @property
    def closed(self) -> bool:
        return self._conn is None

    @property
    def db(self):
        """The connection as a sqlite-utils Database (imported on first use: with its plugin discovery it costs a
        fifth of a second, which start-up does not pay)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self._conn)
        return self._db

    # ---- opening -------------------------------------------------------------------------------------------

    @classmethod
    def create(cls, path, key: bytes | None = None, keep_backups: bool | None = None) -> Self:
        """Create a new, empty database at `path` (which must not exist yet); encrypted when `key` is given."""
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise StoreError(f"bestand bestaat al: {path}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"kan map {path.parent} niet aanmaken: {exc.strerror}") from None
        return cls._connect(path, key, keep_backups, new=True)

    @classmethod
    def open(cls, path, key: bytes | None = None, keep_backups: bool | None = None, verify: bool = True) -> Self:
        """Open an existing database, check it, and migrate it forward if it has an older schema.

        Raises DamagedDatabaseError (file left untouched), DatabaseInUseError, DiskFullError or StoreError.
        With `verify=False` only the header and schema are read before opening; the full check and the backup on
        open are left to `verify_and_back_up` (the GUI runs it on a worker thread, so a large database does not
        hold up the window).
        """
        path = Path(path)
        if not path.is_file():
            raise StoreError(f"database niet gevonden: {path}")
        return cls._connect(path, key, keep_backups, new=False, verify=verify)

    @classmethod
    def open_or_create(cls, path, key: bytes | None = None, keep_backups: bool | None = None) -> Self:
        path = Path(path)
        exists = path.is_file() and (path.stat().st_size > 0 or key is not None)
        return cls.open(path, key, keep_backups) if exists else cls.create(path, key, keep_backups)

    @classmethod
    def _connect(cls, path: Path, key: bytes | None, keep_backups: bool | None, new: bool,
                 verify: bool = True) -> Self:
        keep_backups = key is not None if keep_backups is None else keep_backups
        lock = acquire_lock(path)
        try:
            if not new and key is not None and path.stat().st_size == 0:
                raise DamagedDatabaseError(path, "het bestand is leeg (0 bytes)")
            if not new and key is None and path.stat().st_size > 0 and not _plain_header(path):
                raise StoreError(f"geen GGSR-database (geen SQLite-bestand, of versleuteld en zonder sleutel "
                                 f"geopend): {path}")
            if not new and verify:
                _check_untouched(path, key)
            conn = connect(path, key, wal=new)
            try:
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
            except DB_ERRORS as exc:
                conn.close()
                raise classify(exc, path, "openen") from None
            except BaseException:
                conn.close()
                raise
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
                enable_wal(conn, path)
            except BaseException:
                conn.close()
                raise
            store = cls(path, conn, key, lock, keep_backups)
            store.verified = new or verify
        except BaseException:
            lock.release()
            raise
        try:
            store.migrate()
            if keep_backups and not new and verify:
                store.backup()  # on open: the state just checked as healthy
        except BaseException:
            store.close(backup=False)
            raise
        return store

    @property
    def encrypted(self) -> bool:
        return self._key is not None

    def close(self, backup: bool = True) -> None:
        """Back up when changed (encrypted databases), truncate the WAL, close and release the lock."""
        if self._conn is None:
            return
        try:
            if backup and self.keep_backups and self.changed_since_backup:
                self.backup()
        except StoreError:
            pass  # every save is durable already; a failed last backup must not keep the app from closing
        try:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except DB_ERRORS:
            pass
        self._conn.close()
        self._conn = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # ---- checks, backups and wiping -----------------------------------------------------------------------

    def settings(self) -> dict:
        """The connection settings as SQLite reports them (journal_mode, synchronous, …)."""
        return settings(self._conn)

    def check(self) -> list[str]:
        """A full check: page integrity, foreign keys and the search index. Empty when healthy."""
        try:
            problems = [r[0] for r in self._conn.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
            problems += [f"verwijzing ontbreekt: {r[0]} rij {r[1]} -> {r[2]}"
                         for r in self._conn.execute("PRAGMA foreign_key_check").fetchall()]
            try:
                self._conn.execute("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)")
            except DB_ERRORS as exc:
                problems.append(f"zoekindex: {exc}")
            present = set(self.db.table_names())
            problems += [f"tabel ontbreekt: {t}" for t in schema.TABLES if t not in present]
        except DB_ERRORS as exc:
            raise classify(exc, self.path, "controleren") from None
        return problems

    def free_texts(self, with_approach: bool = False) -> Iterator[tuple]:
        """(table, key, column, text) of every non-empty free text (`schema.FREE_TEXT`); key holds the row's
        primary key columns (or its rowid) and, for a quote, its interview. `with_approach` adds the id of the
        approach the text belongs to (None for a study's name) as a fifth element."""
        for table, columns in schema.FREE_TEXT.items():
            pk = [r["name"] for r in self._rows(f"PRAGMA table_info({table})") if r["pk"]] or ["rowid"]
            if table == "quotes":
                pk = [*pk, "interview_id"]
            owner = _APPROACH_OF.get(table, "NULL") if with_approach else "NULL"
            for row in self._rows(f"SELECT {', '.join(pk + list(columns))}, {owner} AS owner_approach FROM {table} "
                                  f"ORDER BY {', '.join(pk)}"):
                key = {k: row[k] for k in pk}
                for column in columns:
                    if row[column]:
                        yield (table, key, column, row[column], row["owner_approach"]) if with_approach \
                            else (table, key, column, row[column])

    @property
    def changed_since_backup(self) -> bool:
        return self._conn.total_changes != self._changes_at_backup

    def backup(self) -> backups.BackupInfo:
        """Write a verified backup now (VACUUM INTO a temporary file, fsync, check, rename) and prune old ones."""
        info = backups.write_backup(self._conn, self.path, self._key)
        self._changes_at_backup = self._conn.total_changes
        self._last_backup_at = time.monotonic()
        return info

    def verify_and_back_up(self) -> tuple[list[str], backups.BackupInfo | None]:
        """The full check and the backup of a store opened with `verify=False`, on a read-only connection of its
        own: it may run on another thread while the app is used (the main connection is not touched). Returns the
        problems found (empty when healthy) and the backup written (when healthy and backups are kept); pass them
        to `verified_now` on the store's own thread."""
        try:
            conn = connect(self.path, self._key, readonly=True)
        except DamagedDatabaseError as exc:
            return [exc.problem], None
        try:
            problems = quick_check(conn, self.path)
            info = backups.write_backup(conn, self.path, self._key) if not problems and self.keep_backups else None
        except DamagedDatabaseError as exc:
            return [exc.problem], None
        finally:
            conn.close()
        return problems, info

    def verified_now(self, info: backups.BackupInfo | None) -> None:
        self.verified = True
        if info is not None:
            self._changes_at_backup = self._conn.total_changes
            self._last_backup_at = time.monotonic()

    def backup_if_due(self, interval_s: float = BACKUP_INTERVAL_S) -> backups.BackupInfo | None:
        """The periodic backup: only when something changed and `interval_s` has passed since the last one."""
        if not self.keep_backups or not self.changed_since_backup:
            return None
        if time.monotonic() - self._last_backup_at < interval_s:
            return None
        return self.backup()

    def wipe_traces(self) -> None:
        """After a deletion or a changed text: nothing of the old text stays readable in the WAL."""
        if self._depth:
            self._wipe_pending = True  # the outermost write does it after its commit
            return
        try:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except DB_ERRORS as exc:
            raise classify(exc, self.path, "opschonen") from None

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
        if 0 < version < target and self.keep_backups:
            self.backup()  # before a migration: the old schema, restorable
        while version < target:
            script = schema.MIGRATIONS[version]
            try:
                # Foreign keys off: a migration may rebuild a table (v8), and dropping the old one must not
                # cascade into the rows that refer to it. They are checked before the version counts as done.
                self._conn.executescript(
                    f"PRAGMA foreign_keys = OFF;\nBEGIN IMMEDIATE;\nPRAGMA application_id = {schema.APPLICATION_ID};\n"
                    f"{script}\nPRAGMA user_version = {version + 1};"
                )
                broken = self._conn.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    self._conn.rollback()
                    raise StoreError(f"migratie naar schemaversie {version + 1} mislukt: {len(broken)} verwijzingen "
                                     "kloppen niet; de database is ongewijzigd")
                self._conn.commit()
            except DB_ERRORS as exc:
                if self._conn.in_transaction:
                    self._conn.rollback()
                raise StoreError(f"migratie naar schemaversie {version + 1} mislukt: {exc}") from None
            finally:
                self._conn.execute("PRAGMA foreign_keys = ON")
            version += 1

    # ---- transactions and queries -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes (a bulk import) into one atomic, durable transaction."""
        with self._write():
            yield

    @contextmanager
    def _write(self) -> Iterator:
        if self._depth:
            self._depth += 1
            try:
                yield self._conn
            finally:
                self._depth -= 1
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except DB_ERRORS as exc:
            raise classify(exc, self.path, "schrijven") from None
        self._depth = 1
        try:
            yield self._conn
            self._depth = 0
            self._conn.execute("COMMIT")
        except INTEGRITY_ERRORS as exc:
            self._rollback()
            raise ValidationError(_integrity_message(exc)) from None
        except DB_ERRORS as exc:
            self._rollback()
            raise classify(exc, self.path, "opslaan") from None
        except BaseException:
            self._rollback()
            raise
        if self._wipe_pending:  # a text changed or went inside this transaction: now it is committed
            self._wipe_pending = False
            self.wipe_traces()

    def _rollback(self) -> None:
        self._depth = 0
        self._wipe_pending = False
        try:
            if self._conn.in_transaction:
                self._conn.rollback()
        except DB_ERRORS:
            pass  # SQLite rolls back itself after a full disk or I/O error

    def _rows(self, sql: str, params: Iterable = ()) -> list[dict]:
        try:
            cursor = self._conn.execute(sql, tuple(params))
            columns = [d[0] for d in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor]
        except DB_ERRORS as exc:
            raise classify(exc, self.path, "lezen") from None

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
        self.wipe_traces()


def _iso_date(value: str | None) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    try:
        return datetime.strptime(text, "%Y-%m-%d").date().isoformat()
    except ValueError:
        raise ValidationError(f"ongeldige datum '{text}'; gebruik JJJJ-MM-DD") from None


def acquire_lock(path: Path) -> filelock.BaseFileLock:
    """The lock that keeps a second process off this database; the OS frees it when a process dies."""
    lock = filelock.FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_S, is_singleton=False)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise DatabaseInUseError(
            f"{path.name} is al geopend in een ander venster van GGSR Desktop (of door een ander programma); "
            "sluit dat eerst") from None
    except OSError as exc:
        raise StoreError(f"kan {path} niet vergrendelen: {exc.strerror}; controleer de rechten op de map") from None
    return lock


def _plain_header(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(16) == b"SQLite format 3\x00"


def _check_untouched(path: Path, key: bytes | None) -> None:
    """The quick check on open, on a read-only connection: a damaged file (or a foreign WAL) is not
    checkpointed or otherwise changed by looking at it."""
    conn = connect(path, key, readonly=True)
    try:
        problems = quick_check(conn, path)
    finally:
        conn.close()
    if problems:
        raise DamagedDatabaseError(path, "; ".join(problems[:5]))


def quick_check(conn, path) -> list[str]:
    """Problems found by SQLite's quick check (empty when healthy). Damage may also raise DamagedDatabaseError."""
    try:
        return [r[0] for r in conn.execute("PRAGMA quick_check").fetchall() if r[0] != "ok"]
    except DB_ERRORS as exc:
        raise classify(exc, path, "controleren") from None


def _integrity_message(exc) -> str:
    text = str(exc)
    if "cases.approach_id, cases.code" in text:
        return "er is al een casus met deze code in deze aanpak"
    if "codings.quote_id, codings.indicator_id" in text:
        return "het citaat is al aan deze indicator gekoppeld"
    if "FOREIGN KEY" in text:
        return "verwijzing naar een onderdeel dat niet (meer) bestaat"
    return f"ongeldige gegevens: {text}"

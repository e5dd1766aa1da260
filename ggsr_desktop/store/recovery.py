"""Restoring a database from a backup: the current file is moved aside (never deleted) and rows that are
newer than the backup are salvaged from it where they can still be read."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ggsr_desktop.errors import StoreError
from ggsr_desktop.store import backups, schema
from ggsr_desktop.store.connection import DB_ERRORS, classify, connect

_SKIP = ("sqlite_", "quotes_fts")  # SQLite's own tables and the search index (rebuilt by triggers)


@dataclass
class RestoreResult:
    backup: backups.BackupInfo
    moved_aside: Path | None  # folder holding the previous (damaged) files
    salvaged: dict[str, int] = field(default_factory=dict)  # table -> rows recovered from the previous file

    @property
    def salvaged_free_texts(self) -> int:
        """Rows salvaged from tables that hold free text (`schema.FREE_TEXT`): to be checked with `audit`."""
        return sum(n for table, n in self.salvaged.items() if table in schema.FREE_TEXT)

    def to_dict(self) -> dict:
        return {"backup": self.backup.to_dict(), "moved_aside": str(self.moved_aside) if self.moved_aside else None,
                "salvaged": self.salvaged, "salvaged_free_texts": self.salvaged_free_texts}


def _companions(db_path: Path) -> list[Path]:
    return [db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")]


def move_aside(db_path: Path) -> Path | None:
    """Move the database and its WAL/SHM into `<name>.beschadigd-<time>/`; None when there was no file."""
    present = [p for p in _companions(db_path) if p.exists()]
    if not present:
        return None
    folder = db_path.with_name(f"{db_path.name}.beschadigd-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}")
    try:
        folder.mkdir(mode=0o700)
        for p in present:
            os.replace(p, folder / p.name)
    except OSError as exc:
        raise StoreError(f"kan {db_path.name} niet opzij zetten in {folder}: {exc.strerror}") from None
    return folder


def restore(db_path, key: bytes | None, source: Path | None = None) -> RestoreResult:
    """Put `source` (default: the newest verified backup) in place of the database at `db_path`.

    The caller holds no connection to `db_path`. The lock keeps other processes away meanwhile.
    """
    from ggsr_desktop.store.base import acquire_lock

    db_path = Path(db_path)
    if source is None:
        info = backups.newest_verified(db_path, key)
        if info is None:
            raise StoreError(f"geen bruikbare back-up gevonden in {backups.backups_dir(db_path)}")
    else:
        source = Path(source)
        if not source.is_file():
            raise StoreError(f"back-up niet gevonden: {source}")
        problem = backups.verify(source, key)
        if problem:
            raise StoreError(f"back-up {source} is niet bruikbaar: {problem}")
        info = backups.BackupInfo(source, backups.parse_time(source) or datetime.fromtimestamp(
            source.stat().st_mtime, UTC), source.stat().st_size, True)
    lock = acquire_lock(db_path)
    try:
        tmp = db_path.with_name(f".{db_path.name}.restore.tmp")
        try:
            shutil.copyfile(info.path, tmp)
            backups.fsync(tmp)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"kan back-up niet terugzetten naar {db_path}: {exc.strerror}") from None
        aside = move_aside(db_path)
        os.replace(tmp, db_path)
        backups.fsync_dir(db_path.parent)
        salvaged = _salvage(aside / db_path.name, db_path, key) if aside else {}
    finally:
        lock.release()
    return RestoreResult(info, aside, salvaged)


def _salvage(damaged: Path, restored: Path, key: bytes | None) -> dict[str, int]:
    """Copy rows of `damaged` that `restored` lacks (rowid beyond the backup's last), where readable."""
    try:
        old = connect(damaged, key, readonly=True)
    except StoreError:
        return {}
    new = connect(restored, key)
    counts: dict[str, int] = {}
    try:
        tables = [r[0] for r in new.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
                  if not r[0].startswith(_SKIP) and r[0] != "meta"]
        new.execute("BEGIN IMMEDIATE")
        for table in tables:
            columns = [r[1] for r in new.execute(f"PRAGMA table_info({table})")]
            try:
                last = new.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
                names = ["rowid", *columns]
            except DB_ERRORS:  # a WITHOUT ROWID table: every readable row, kept out by its primary key
                last, names = None, columns
            insert = (f"INSERT OR IGNORE INTO {table} ({', '.join(names)}) "
                      f"VALUES ({', '.join('?' * len(names))})")
            for row in _readable_rows(old, table, names, last):
                try:
                    if new.execute(insert, row).rowcount:
                        counts[table] = counts.get(table, 0) + 1
                except DB_ERRORS:
                    continue  # its parent was not readable: skip this row
        new.execute("COMMIT")
    except DB_ERRORS as exc:
        if new.in_transaction:
            new.execute("ROLLBACK")
        raise classify(exc, restored, "gegevens redden") from None
    finally:
        old.close()
        new.close()
    return counts


def _readable_rows(conn, table: str, names: list[str], after: int | None, max_gap: int = 1000):
    select = f"SELECT {', '.join(names)} FROM {table}"
    if after is None:
        try:
            yield from conn.execute(select).fetchall()
        except Exception:  # noqa: BLE001 — unreadable: nothing to salvage from this table
            pass
        return
    try:
        yield from conn.execute(f"{select} WHERE rowid > ? ORDER BY rowid", (after,)).fetchall()
        return
    except Exception:  # noqa: BLE001 — a damaged page can fail in many ways; then read row by row
        pass
    rowid, misses = after, 0
    while misses < max_gap:
        rowid += 1
        try:
            row = conn.execute(f"{select} WHERE rowid = ?", (rowid,)).fetchone()
        except DB_ERRORS:
            row = None
        if row is None:
            misses += 1
        else:
            misses = 0
            yield row

"""Verified backups of a database, and how long they are kept.

A backup is `VACUUM INTO` a temporary file in `<database>.backups/` (encrypted with the same key as the
database), fsync, a quick check of the copy, then an atomic rename to `<UTC time>.ggsrbak`. The database's key
file is copied into the folder too, so the folder on its own can be restored with the passphrase.

Retention (environment variables, see docs/storage.md): every backup of the last `GGSR_BACKUP_RECENT_HOURS`
(48) hours, then the newest of each day for `GGSR_BACKUP_DAILY_DAYS` (14) days; older ones are deleted. This
also bounds how long deleted data lingers in backups.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ggsr_desktop.errors import StoreError
from ggsr_desktop.paths import key_path
from ggsr_desktop.store.connection import DB_ERRORS, classify, connect

SUFFIX = ".ggsrbak"
_STAMP = "%Y%m%dT%H%M%S%fZ"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    time: datetime  # UTC
    size: int
    verified: bool | None = None  # None: not checked in this listing

    def to_dict(self) -> dict:
        return {"file": str(self.path), "time": self.time.isoformat(timespec="seconds"), "size": self.size,
                "verified": self.verified}


def backups_dir(db_path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".backups")


def _retention() -> tuple[timedelta, int]:
    def number(name: str, default: int) -> int:
        value = os.environ.get(name, "").strip()
        if not value:
            return default
        if not value.isdigit():
            raise StoreError(f"{name} moet een geheel getal zijn, niet '{value}'")
        return int(value)

    return timedelta(hours=number("GGSR_BACKUP_RECENT_HOURS", 48)), number("GGSR_BACKUP_DAILY_DAYS", 14)


def fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(directory: Path) -> None:
    if os.name == "posix":
        fsync(directory)


def verify(path: Path, key: bytes | None) -> str | None:
    """What is wrong with a backup file, or None when it opens with `key` and passes a quick check."""
    try:
        conn = connect(path, key, readonly=True)
    except StoreError as exc:
        return str(exc)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall() if r[0] != "ok"]
        return "; ".join(problems[:3]) or None
    except DB_ERRORS as exc:
        return str(exc)
    finally:
        conn.close()


def write_backup(conn, db_path: Path, key: bytes | None, now: datetime | None = None) -> BackupInfo:
    """A verified backup of the database open on `conn`, then prune; never leaves a half-written backup."""
    directory = backups_dir(db_path)
    when = now or datetime.now(UTC)
    final = directory / f"{when.strftime(_STAMP)}{SUFFIX}"
    tmp = directory / f".{final.name}.tmp"
    try:
        directory.mkdir(mode=0o700, exist_ok=True)
        tmp.unlink(missing_ok=True)
        conn.execute("VACUUM INTO ?", (str(tmp),))
        fsync(tmp)
    except DB_ERRORS as exc:
        tmp.unlink(missing_ok=True)
        raise classify(exc, db_path, "back-up maken") from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"back-up maken mislukt in {directory}: {exc.strerror}") from None
    problem = verify(tmp, key)
    if problem:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"back-up van {db_path.name} niet goed bevonden en weggegooid: {problem}")
    try:
        os.replace(tmp, final)
        source_key = key_path(db_path)
        if key is not None and source_key.is_file():
            shutil.copyfile(source_key, key_path(directory / "database"))
        fsync_dir(directory)
    except OSError as exc:
        raise StoreError(f"back-up maken mislukt in {directory}: {exc.strerror}") from None
    prune(directory, when)
    return BackupInfo(final, when, final.stat().st_size, True)


def parse_time(path: Path) -> datetime | None:
    try:
        return datetime.strptime(path.name[: -len(SUFFIX)], _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def list_backups(db_path, key: bytes | None = None, check: bool = False) -> list[BackupInfo]:
    """The backups of a database, newest first; with `check`, each is verified now."""
    directory = backups_dir(db_path)
    if not directory.is_dir():
        return []
    found = []
    for path in directory.glob(f"*{SUFFIX}"):
        when = parse_time(path)
        if when is not None:
            verified = (verify(path, key) is None) if check else None
            found.append(BackupInfo(path, when, path.stat().st_size, verified))
    return sorted(found, key=lambda b: b.time, reverse=True)


def newest_verified(db_path, key: bytes | None) -> BackupInfo | None:
    for info in list_backups(db_path):
        if verify(info.path, key) is None:
            return BackupInfo(info.path, info.time, info.size, True)
    return None


def to_keep(times: list[datetime], now: datetime, recent: timedelta, daily_days: int) -> set[datetime]:
    """Which backup times the retention policy keeps."""
    keep = {t for t in times if now - t <= recent}
    newest_per_day: dict = {}
    for t in times:
        if recent < now - t <= recent + timedelta(days=daily_days):
            day = t.date()
            newest_per_day[day] = max(newest_per_day.get(day, t), t)
    keep |= set(newest_per_day.values())
    if times:
        keep.add(max(times))  # the newest backup is never pruned
    return keep


def prune(directory: Path, now: datetime) -> list[Path]:
    recent, daily_days = _retention()
    backups = [(p, parse_time(p)) for p in directory.glob(f"*{SUFFIX}")]
    backups = [(p, t) for p, t in backups if t is not None]
    keep = to_keep([t for _, t in backups], now, recent, daily_days)
    removed = []
    for path, when in backups:
        if when not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed

"""Opening one SQLCipher connection with the app's settings, and telling its failures apart.

Every connection of the app is made here: encrypted with the raw data key when one is given (demo databases
have none), WAL, synchronous=FULL, foreign keys, secure delete, temp store in memory and a busy timeout.
SQLCipher's exceptions are not subclasses of `sqlite3`'s; `classify` maps both to the app's own errors so that
a locked, full, unreadable or wrongly keyed file is never mistaken for a damaged one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlcipher

from ggsr_desktop.errors import DamagedDatabaseError, DatabaseInUseError, DiskFullError, StoreError

DB_ERRORS = (sqlite3.Error, sqlcipher.Error)
INTEGRITY_ERRORS = (sqlite3.IntegrityError, sqlcipher.IntegrityError)
BUSY_TIMEOUT_MS = 5000

PRAGMAS = {  # name -> value every connection must report (tested)
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "secure_delete": 1,
    "temp_store": 2,  # MEMORY
    "busy_timeout": BUSY_TIMEOUT_MS,
}

# primary SQLite result codes
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL = 5, 6, 8, 10, 11, 13
_CANTOPEN, _NOTADB, _PERM, _AUTH = 14, 26, 3, 23


def connect(path: Path, key: bytes | None, readonly: bool = False, wal: bool = True):
    """A configured connection. Reads page 1 at once, so a wrong key or a damaged header fails here.

    With `wal=False` the file is not switched to WAL yet (nothing written): the caller checks it first and then
    calls `enable_wal`.
    """
    target = f"file:{Path(path).as_posix()}?mode=ro" if readonly else str(path)
    try:
        conn = sqlcipher.connect(target, uri=readonly, isolation_level=None, check_same_thread=False,
                                 timeout=BUSY_TIMEOUT_MS / 1000)
    except DB_ERRORS as exc:
        raise classify(exc, path, "openen") from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher would otherwise log to stderr
        if key is not None:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if wal and not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except DB_ERRORS as exc:
        conn.close()
        raise classify(exc, path, "openen") from None
    return conn


def enable_wal(conn, path) -> None:
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    except DB_ERRORS as exc:
        raise classify(exc, path, "openen") from None


def settings(conn) -> dict:
    """The values of the pragmas above as this connection reports them."""
    return {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in PRAGMAS}


def error_code(exc) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def classify(exc, path, action: str) -> StoreError:
    """The app's error for a SQLite/SQLCipher failure while `action` (Dutch verb) the database at `path`."""
    name = Path(path).name
    code = error_code(exc)
    text = str(exc)
    if code in (_BUSY, _LOCKED) or "locked" in text:
        return DatabaseInUseError(f"{name} is bezet door een ander programma; probeer het zo opnieuw")
    if code == _FULL or "disk is full" in text:
        return DiskFullError(f"schijf vol: {action} in {name} is mislukt en er is niets half opgeslagen; "
                             "maak ruimte vrij en probeer het opnieuw")
    if code in (_READONLY, _PERM, _AUTH, _CANTOPEN) or "readonly" in text or "unable to open" in text:
        return StoreError(f"geen toegang tot {path} ({action}): controleer de rechten op het bestand en de map")
    if code == _IOERR:
        return StoreError(f"schrijf- of leesfout bij {action} van {name}: {text}; controleer de schijf")
    if code in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
        return DamagedDatabaseError(path, text)
    return StoreError(f"{action} van {name} mislukt: {text}")

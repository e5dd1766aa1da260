"""Opening a study database as the app does: unlock its key file, open, create, check and restore.

A database with a key file beside it (`<name>.key`) is encrypted; one without is a demo database, which is the
only kind allowed to be unencrypted (its file starts with the plain SQLite header). The GUI and the CLI both go
through these functions; the store itself only ever sees the raw data key.
"""

from __future__ import annotations

from pathlib import Path

from ggsr_desktop import paths
from ggsr_desktop.errors import StoreError
from ggsr_desktop.paths import key_path
from ggsr_desktop.store import Store
from ggsr_desktop.store import backups as backup_files
from ggsr_desktop.store.recovery import RestoreResult, restore

SQLITE_HEADER = b"SQLite format 3\x00"


def _keyfile():
    """The key-file module (cryptography), imported only for an encrypted database."""
    from ggsr_desktop.store import keyfile

    return keyfile.KeyFile


def is_encrypted(db_path) -> bool:
    return key_path(db_path).is_file()


def is_plain_sqlite(db_path) -> bool:
    try:
        with open(db_path, "rb") as f:
            return f.read(16) == SQLITE_HEADER
    except OSError:
        return False


def organisation_recovery_key() -> bytes | None:
    """The public recovery key IT installed on this machine, if any."""
    path = paths.recovery_public_key_file()
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError as exc:
        raise StoreError(f"herstelsleutel van de organisatie onleesbaar: {path}: {exc.strerror}") from None


def data_key(db_path, passphrase: str | None) -> bytes | None:
    """The data key of an encrypted database (None for a demo database); checks the passphrase."""
    db_path = Path(db_path)
    if not is_encrypted(db_path):
        if db_path.is_file() and db_path.stat().st_size > 0 and not is_plain_sqlite(db_path):
            raise StoreError(f"sleutelbestand ontbreekt: {key_path(db_path)}; zet het terug naast de database "
                             f"(een kopie staat in {backup_files.backups_dir(db_path)})")
        return None
    if passphrase is None:
        raise StoreError(f"{db_path.name} is versleuteld: geef het wachtwoord (GGSR_PASSPHRASE of "
                         "--passphrase-file)")
    return _keyfile().load(db_path).unlock(passphrase)


def open_database(db_path, passphrase: str | None, keep_backups: bool | None = None, verify: bool = True) -> Store:
    db_path = Path(db_path)
    if not db_path.is_file():
        raise StoreError(f"database niet gevonden: {db_path}")
    return Store.open(db_path, data_key(db_path, passphrase), keep_backups, verify)


def create_database(db_path, passphrase: str, recovery_public_pem: bytes | None = None) -> Store:
    """A new encrypted database (with the organisation's recovery key when installed)."""
    db_path = Path(db_path)
    if db_path.exists() and db_path.stat().st_size > 0:
        raise StoreError(f"bestand bestaat al: {db_path}")
    if key_path(db_path).exists():
        raise StoreError(f"er staat al een sleutelbestand: {key_path(db_path)}")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"kan map {db_path.parent} niet aanmaken: {exc.strerror}") from None
    recovery = recovery_public_pem if recovery_public_pem is not None else organisation_recovery_key()
    keyfile, key = _keyfile().create(db_path, passphrase, recovery)
    try:
        return Store.create(db_path, key)
    except BaseException:
        keyfile.path.unlink(missing_ok=True)
        raise


def open_or_create_database(db_path, passphrase: str | None) -> Store:
    db_path = Path(db_path)
    if db_path.is_file() and (db_path.stat().st_size > 0 or is_encrypted(db_path)):
        return open_database(db_path, passphrase)
    if passphrase is None:
        raise StoreError(f"nieuwe database {db_path.name} wordt versleuteld: geef een wachtwoord "
                         "(GGSR_PASSPHRASE of --passphrase-file)")
    return create_database(db_path, passphrase)


def check_database(db_path, passphrase: str | None) -> list[str]:
    """Everything wrong with a database (empty when healthy). Raises DamagedDatabaseError when it won't open."""
    with open_database(db_path, passphrase, keep_backups=False) as store:
        return store.check()


def restore_database(db_path, passphrase: str | None, source: Path | None = None) -> RestoreResult:
    """Restore the newest verified backup (or `source`); the current file is moved aside, never deleted.

    A healthy current database is backed up first.
    """
    db_path = Path(db_path)
    key = data_key(db_path, passphrase) if is_encrypted(db_path) else None
    if source is None:  # chosen before the safety backup below, which must not be the one restored
        newest = backup_files.newest_verified(db_path, key)
        if newest is None:
            raise StoreError(f"geen bruikbare back-up gevonden in {backup_files.backups_dir(db_path)}")
        source = newest.path
    if db_path.is_file() and db_path.stat().st_size > 0:
        try:
            Store.open(db_path, key, keep_backups=key is not None).close()  # a backup of the healthy state
        except StoreError:
            pass  # damaged: it is moved aside below
    return restore(db_path, key, source)


def list_backups(db_path, passphrase: str | None) -> list[backup_files.BackupInfo]:
    key = data_key(db_path, passphrase)
    return backup_files.list_backups(db_path, key, check=True)


def change_passphrase(db_path, old: str, new: str) -> None:
    _keyfile().load(db_path).change_passphrase(old, new)
    _copy_key_to_backups(db_path)


def recover_with_organisation_key(db_path, private_pem: bytes, new_passphrase: str) -> None:
    _keyfile().load(db_path).recover(private_pem, new_passphrase)
    _copy_key_to_backups(db_path)


def _copy_key_to_backups(db_path) -> None:
    folder = backup_files.backups_dir(db_path)
    if folder.is_dir():
        _keyfile().load(db_path).save(path=key_path(folder / "database"))

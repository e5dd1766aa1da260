"""Where the app keeps and finds its files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "ggsr-desktop"
DEFAULT_DB_NAME = "ggsr.sqlite"
USER_FRAMEWORKS_DIR = "frameworks"
_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The user data directory (GGSR_DATA_DIR overrides the platform default)."""
    override = os.environ.get("GGSR_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def keys_dir() -> Path:
    """Where the per-case register keys live: apart from the database (GGSR_KEYS_DIR overrides)."""
    override = os.environ.get("GGSR_KEYS_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "keys"


def recovery_public_key_file() -> Path:
    """The organisation's recovery public key, installed by IT (GGSR_RECOVERY_PUBLIC_KEY overrides)."""
    override = os.environ.get("GGSR_RECOVERY_PUBLIC_KEY")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "recovery-public-key.pem"


def user_frameworks_dir(db_path: Path | None = None) -> Path:
    """The folder next to the database where an inspector may add framework files."""
    base = Path(db_path).resolve().parent if db_path else data_dir()
    return base / USER_FRAMEWORKS_DIR


def _shipped_dir(name: str) -> Path:
    """A folder shipped with the app: the source checkout's, else the installed copy under share/."""
    in_source = _SOURCE_ROOT / name
    if in_source.is_dir():
        return in_source
    return Path(sys.prefix) / "share" / APP_NAME / name


def builtin_frameworks_dir() -> Path:
    return _shipped_dir("interview_templates")


def resources_dir() -> Path:
    return _shipped_dir("resources")


KEY_SUFFIX = ".key"


def key_path(db_path) -> Path:
    """The key file of an (encrypted) database: `<database>.key` next to it."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + KEY_SUFFIX)

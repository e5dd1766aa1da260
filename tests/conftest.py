"""Shared fixtures. Tests never touch the real user data directory, and Qt runs without a display."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from ggsr_desktop.framework import load_catalog
from ggsr_desktop.store import Store

PASSPHRASE = "correct paard batterij nietje"  # the passphrase of the tests' encrypted databases


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("GGSR_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))  # QSettings of the GUI
    monkeypatch.setenv("GGSR_KEYS_DIR", str(tmp_path_factory.mktemp("keys")))  # pre-v5 register key files
    monkeypatch.setenv("GGSR_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))  # parsed frameworks
    monkeypatch.setenv("GGSR_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("GGSR_NEW_PASSPHRASE", raising=False)
    monkeypatch.setenv("GGSR_RECOVERY_PUBLIC_KEY", str(tmp_path_factory.mktemp("norecovery") / "none.pem"))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "study.sqlite"


@pytest.fixture
def store(db_path):
    s = Store.create(db_path)
    yield s
    s.close()


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture
def case_framework(catalog):
    return catalog.get("casusniveau")


@pytest.fixture(scope="session")
def anonymiser():
    from ggsr_desktop.anonymise.anonymiser import Anonymiser

    return Anonymiser()

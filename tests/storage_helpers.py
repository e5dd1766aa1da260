"""Building encrypted study databases for the storage tests (real files, real SQLCipher)."""

from __future__ import annotations

from pathlib import Path

from ggsr_desktop.store import Store
from ggsr_desktop.store.database import create_database, data_key, open_database
from tests.conftest import PASSPHRASE

CANARIES = ["Wilhelmina Kanarievogel", "Zwanenburgerstraat", "Pietronella"]


def make_encrypted(path: Path, quotes: int = 30, passphrase: str = PASSPHRASE, recovery: bytes | None = None):
    """An encrypted database with one interview holding `quotes` quotes; closed (so backed up). Returns ids."""
    store = create_database(path, passphrase, recovery)
    try:
        interview = first_interview(store, create=True)
        ids = [store.add_quote(interview, f"Citaat nummer {i}: het gezin vertelt over de aanpak.").id
               for i in range(quotes)]
    finally:
        store.close()
    return ids


def first_interview(store: Store, create: bool = False) -> int:
    if create:
        study = store.add_study("Onderzoek", "casusniveau")
        approach = store.add_approach(study.id, "Wadlo", "Aanpak")
        case = store.add_case(approach.id, "Gezin A")
        return store.add_interview(case.id, "gezin").id
    return store.list_interviews(store.list_cases(store.list_approaches()[0].id)[0].id)[0].id


def quote_ids(path: Path, passphrase: str = PASSPHRASE) -> set[int]:
    with open_database(path, passphrase, keep_backups=False) as store:
        return {q.id for q in store.list_quotes(first_interview(store))}


def key(path: Path) -> bytes:
    return data_key(path, PASSPHRASE)

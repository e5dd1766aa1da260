"""Per-case register keys: kept inside the (encrypted) database, so they are backed up and restored with it.

The database holds HMAC digests of the names and facts in a case register; the key that makes those digests
usable is stored per case in the same encrypted database. Destroying a case's key (or deleting the case)
makes its register unrecoverable. Databases from before schema version 5 kept the keys in a JSON file in the
user's configuration folder (`paths.keys_dir()`); such a file is moved into the database on first use and then
deleted.
"""

from __future__ import annotations

import json
from pathlib import Path

from ggsr_desktop import paths
from ggsr_desktop.anonymise.register import new_key
from ggsr_desktop.errors import StoreError
from ggsr_desktop.store import Store


class CaseKeys:
    def __init__(self, store: Store):
        self.store = store
        self._import_legacy_file(paths.keys_dir() / f"{store.database_id}.json")

    def _import_legacy_file(self, path: Path) -> None:
        if not path.is_file():
            return
        try:
            keys = json.loads(path.read_text(encoding="utf-8"))
            pairs = [(int(case_id), bytes.fromhex(value)) for case_id, value in keys.items()]
        except (OSError, ValueError, AttributeError) as exc:
            raise StoreError(f"oud sleutelbestand onleesbaar: {path}: {exc}") from None
        known = {c for c in self.store.case_ids()}
        with self.store.transaction():
            for case_id, key in pairs:
                if case_id in known:
                    self.store.set_case_key(case_id, key)
        path.unlink()

    def get(self, case_id: int) -> bytes | None:
        return self.store.case_key(case_id)

    def get_or_create(self, case_id: int) -> bytes:
        return self.store.case_key(case_id) or self.store.set_case_key(case_id, new_key())

    def destroy(self, case_id: int) -> None:
        self.store.delete_case_key(case_id)

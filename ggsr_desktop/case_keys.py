"""Per-case register keys, kept in a small file apart from the database.

The database holds only HMAC digests of the names and facts in a case register; the keys that make those
digests usable live here, in the user's configuration folder (not next to the database, so a copied database
or backup alone reveals nothing). Destroying a case's key makes its register unrecoverable.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ggsr_desktop import paths
from ggsr_desktop.anonymise.register import new_key
from ggsr_desktop.errors import StoreError


class CaseKeys:
    def __init__(self, path: Path):
        self.path = Path(path)

    @classmethod
    def for_database(cls, database_id: str) -> CaseKeys:
        return cls(paths.keys_dir() / f"{database_id}.json")

    def _read(self) -> dict[str, str]:
        if not self.path.is_file():
            return {}
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(f"sleutelbestand onleesbaar: {self.path}: {exc}") from None

    def _write(self, keys: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".keys-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(keys, f)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise StoreError(f"kan sleutelbestand niet schrijven: {self.path}: {exc.strerror}") from None

    def get(self, case_id: int) -> bytes | None:
        value = self._read().get(str(case_id))
        return bytes.fromhex(value) if value else None

    def get_or_create(self, case_id: int) -> bytes:
        keys = self._read()
        if str(case_id) not in keys:
            keys[str(case_id)] = new_key().hex()
            self._write(keys)
        return bytes.fromhex(keys[str(case_id)])

    def destroy(self, case_id: int) -> None:
        keys = self._read()
        if keys.pop(str(case_id), None) is not None:
            self._write(keys)

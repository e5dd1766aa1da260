"""The case register and the numbering of unknown persons: keyed digests only, never plaintext."""

from __future__ import annotations


class RegisterRecords:
    """Store methods for the anonymisation register of a case (mixed into Store)."""

    def register_entries(self, case_id: int) -> dict[bytes, tuple[str, str]]:
        return {bytes(r["digest"]): (r["category"], r["placeholder"]) for r in self._rows(
            "SELECT digest, category, placeholder FROM register_entries WHERE case_id = ?", [case_id])}

    def add_register_entries(self, case_id: int, entries: dict[bytes, tuple[str, str]]) -> None:
        self.get_case(case_id)
        with self._write() as c:
            c.executemany(
                "INSERT INTO register_entries (case_id, digest, category, placeholder) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (case_id, digest) DO UPDATE SET category = excluded.category, "
                "placeholder = excluded.placeholder",
                [(case_id, d, cat, ph) for d, (cat, ph) in entries.items()])

    def delete_register_entries(self, case_id: int, digests: list[bytes]) -> None:
        with self._write() as c:
            c.executemany("DELETE FROM register_entries WHERE case_id = ? AND digest = ?",
                          [(case_id, d) for d in digests])
        self.wipe_traces()

    def case_key(self, case_id: int) -> bytes | None:
        rows = self._rows("SELECT key FROM case_keys WHERE case_id = ?", [case_id])
        return bytes(rows[0]["key"]) if rows else None

    def set_case_key(self, case_id: int, key: bytes) -> bytes:
        """Store `key` for the case unless it has one; returns the case's key."""
        self.get_case(case_id)
        with self._write() as c:
            c.execute("INSERT OR IGNORE INTO case_keys (case_id, key) VALUES (?, ?)", (case_id, key))
        return self.case_key(case_id)

    def delete_case_key(self, case_id: int) -> None:
        with self._write() as c:
            c.execute("DELETE FROM case_keys WHERE case_id = ?", (case_id,))
        self.wipe_traces()

    def clear_register(self, case_id: int) -> None:
        """Forget the register and the numbering of unknowns of a case (its key is destroyed elsewhere)."""
        with self._write() as c:
            c.execute("DELETE FROM register_entries WHERE case_id = ?", (case_id,))
            c.execute("DELETE FROM placeholder_numbers WHERE case_id = ?", (case_id,))
        self.wipe_traces()

    def placeholder_number(self, case_id: int, category: str, digest: bytes) -> int:
        """The number of an unknown person/place/… in this case; the next free one when new."""
        with self._write() as c:
            row = c.execute("SELECT number FROM placeholder_numbers WHERE case_id = ? AND category = ? AND digest = ?",
                            (case_id, category, digest)).fetchone()
            if row:
                return row[0]
            number = c.execute("SELECT coalesce(max(number), 0) + 1 FROM placeholder_numbers "
                               "WHERE case_id = ? AND category = ?", (case_id, category)).fetchone()[0]
            c.execute("INSERT INTO placeholder_numbers (case_id, category, digest, number) VALUES (?, ?, ?, ?)",
                      (case_id, category, digest, number))
        return number

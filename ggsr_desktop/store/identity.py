"""Stable ids of records across databases (spec: team work) and what a merge needs to compare them.

A record that travels (study, approach, case, interview, quote, report section) has a `uuid`: filled by migration
10 for the records then present, given on first export (`ensure_uuids`) to newer ones, kept as it came by a
merged record. A judgement is identified by its approach's uuid and its indicator. `merge_base` keeps per record
id the digest of its content when it was last exchanged, so that a merge tells a change on one side from a change
on both (a conflict)."""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Iterable

from ggsr_desktop.errors import ValidationError

UUID_TABLES = ("studies", "approaches", "cases", "interviews", "quotes", "report_sections")


def _table(table: str) -> str:
    if table not in UUID_TABLES:
        raise ValidationError(f"tabel '{table}' heeft geen vaste id")
    return table


class IdentityRecords:
    """Store methods for stable ids and merge bases (mixed into Store)."""

    def ensure_uuids(self, table: str, ids: Iterable[int]) -> dict[int, str]:
        """row id -> uuid for `ids`, giving a new random one to a row that has none yet."""
        table = _table(table)
        ids = list(ids)
        if not ids:
            return {}
        found: dict[int, str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            found.update({r["id"]: r["uuid"] for r in self._rows(
                f"SELECT id, uuid FROM {table} WHERE id IN ({marks})", chunk)})
        missing = {i: str(uuidlib.uuid4()) for i, u in found.items() if u is None}
        if missing:
            with self._write() as c:
                c.executemany(f"UPDATE {table} SET uuid = ? WHERE id = ?", [(u, i) for i, u in missing.items()])
            found.update(missing)
        return found

    def id_by_uuid(self, table: str, value: str) -> int | None:
        rows = self._rows(f"SELECT id FROM {_table(table)} WHERE uuid = ?", [value])
        return rows[0]["id"] if rows else None

    def set_uuid(self, table: str, row_id: int, value: str) -> None:
        with self._write() as c:
            c.execute(f"UPDATE {_table(table)} SET uuid = ? WHERE id = ?", (value, row_id))

    def merge_bases(self, uuids: Iterable[str]) -> dict[str, str]:
        uuids = list(uuids)
        found: dict[str, str] = {}
        for start in range(0, len(uuids), 500):
            chunk = uuids[start:start + 500]
            found.update({r["uuid"]: r["digest"] for r in self._rows(
                f"SELECT uuid, digest FROM merge_base WHERE uuid IN ({', '.join('?' for _ in chunk)})", chunk)})
        return found

    def set_merge_bases(self, digests: dict[str, str]) -> None:
        with self._write() as c:
            c.executemany("INSERT INTO merge_base (uuid, digest) VALUES (?, ?) ON CONFLICT (uuid) DO UPDATE SET "
                          "digest = excluded.digest", list(digests.items()))

    def placeholder_numbers(self, case_id: int) -> list[tuple[str, bytes, int]]:
        """(category, digest, number) of the numbered unknowns of a case (keyed digests, no plaintext)."""
        return [(r["category"], bytes(r["digest"]), r["number"]) for r in self._rows(
            "SELECT category, digest, number FROM placeholder_numbers WHERE case_id = ? ORDER BY category, number",
            [case_id])]

    def add_placeholder_numbers(self, case_id: int, rows: Iterable[tuple[str, bytes, int]]) -> int:
        """Add numbered unknowns that are not there yet (a digest or number already taken is left as it is)."""
        with self._write() as c:
            before = c.execute("SELECT count(*) FROM placeholder_numbers WHERE case_id = ?", (case_id,)).fetchone()[0]
            c.executemany("INSERT OR IGNORE INTO placeholder_numbers (case_id, category, digest, number) "
                          "VALUES (?, ?, ?, ?)", [(case_id, cat, d, n) for cat, d, n in rows])
            after = c.execute("SELECT count(*) FROM placeholder_numbers WHERE case_id = ?", (case_id,)).fetchone()[0]
        return after - before

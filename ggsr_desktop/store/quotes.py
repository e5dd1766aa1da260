"""Quotes (always already anonymised), their codings and full-text search."""

from __future__ import annotations

from collections.abc import Iterable

from ggsr_desktop.errors import NotFoundError
from ggsr_desktop.models import Coding, Kind, Quote, Stance
from ggsr_desktop.store.base import _enum, _required_text, now


class QuoteRecords:
    """Store methods for quotes and codings (mixed into Store)."""

    # ---- quotes and codings --------------------------------------------------------------------------------

    def add_quote(self, interview_id: int, text: str, kind: str = Kind.QUOTE,
                  codings: dict[str, str] | None = None) -> Quote:
        """Store an (already anonymised) quote with its codings {indicator_id: stance}, durably."""
        self.get_interview(interview_id)
        text = _required_text(text, "tekst van het citaat")
        kind = _enum(Kind, kind, "soort")
        coding_rows = [(ind, _enum(Stance, st, "houding")) for ind, st in (codings or {}).items()]
        stamp = now()
        with self._write() as c:
            cur = c.execute("INSERT INTO quotes (interview_id, text, kind, created, updated) VALUES (?, ?, ?, ?, ?)",
                            (interview_id, text, kind, stamp, stamp))
            c.executemany("INSERT INTO codings (quote_id, indicator_id, stance) VALUES (?, ?, ?)",
                          [(cur.lastrowid, ind, st) for ind, st in coding_rows])
        return self.get_quote(cur.lastrowid)

    def update_quote(self, quote_id: int, *, text: str | None = None, kind: str | None = None) -> Quote:
        self.get_quote(quote_id)
        fields: dict[str, str] = {}
        if text is not None:
            fields["text"] = _required_text(text, "tekst van het citaat")
        if kind is not None:
            fields["kind"] = _enum(Kind, kind, "soort")
        self._update("quotes", quote_id, fields)
        return self.get_quote(quote_id)

    def delete_quote(self, quote_id: int) -> None:
        self._delete("quotes", quote_id, f"citaat {quote_id}")

    def set_coding(self, quote_id: int, indicator_id: str, stance: str = Stance.NEUTRAL) -> Quote:
        self.get_quote(quote_id)
        indicator_id = _required_text(indicator_id, "indicator")
        stance = _enum(Stance, stance, "houding")
        with self._write() as c:
            c.execute("INSERT INTO codings (quote_id, indicator_id, stance) VALUES (?, ?, ?) "
                      "ON CONFLICT (quote_id, indicator_id) DO UPDATE SET stance = excluded.stance",
                      (quote_id, indicator_id, stance))
            c.execute("UPDATE quotes SET updated = ? WHERE id = ?", (now(), quote_id))
        return self.get_quote(quote_id)

    def remove_coding(self, quote_id: int, indicator_id: str) -> Quote:
        self.get_quote(quote_id)
        with self._write() as c:
            c.execute("DELETE FROM codings WHERE quote_id = ? AND indicator_id = ?", (quote_id, indicator_id))
            c.execute("UPDATE quotes SET updated = ? WHERE id = ?", (now(), quote_id))
        return self.get_quote(quote_id)

    def _quotes(self, where: str, params: Iterable) -> list[Quote]:
        rows = self._rows(f"SELECT * FROM quotes WHERE {where} ORDER BY id", params)
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        codings: dict[int, list[Coding]] = {i: [] for i in ids}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start:chunk_start + 500]
            marks = ", ".join("?" for _ in chunk)
            for c in self._rows(f"SELECT * FROM codings WHERE quote_id IN ({marks}) ORDER BY quote_id, indicator_id",
                                chunk):
                codings[c["quote_id"]].append(Coding(c["quote_id"], c["indicator_id"], Stance(c["stance"])))
        return [Quote(**{**r, "kind": Kind(r["kind"])}, codings=tuple(codings[r["id"]])) for r in rows]

    def get_quote(self, quote_id: int) -> Quote:
        quotes = self._quotes("id = ?", [quote_id])
        if not quotes:
            raise NotFoundError(f"citaat {quote_id} bestaat niet")
        return quotes[0]

    def list_quotes(self, interview_id: int) -> list[Quote]:
        return self._quotes("interview_id = ?", [interview_id])

    def search_quotes(self, query: str, approach_id: int | None = None, limit: int = 200) -> list[Quote]:
        """Full-text search; each word must occur (prefix match), case- and accent-insensitive."""
        words = [w for w in "".join(ch if ch.isalnum() else " " for ch in query).split() if w]
        if not words:
            return []
        match = " ".join(f'"{w}"*' for w in words)
        sql = "SELECT quotes_fts.rowid AS id FROM quotes_fts WHERE quotes_fts MATCH ?"
        params: list = [match]
        if approach_id is not None:
            sql = ("SELECT f.rowid AS id FROM quotes_fts f JOIN quotes q ON q.id = f.rowid "
                   "JOIN interviews i ON i.id = q.interview_id JOIN cases c ON c.id = i.case_id "
                   "WHERE quotes_fts MATCH ? AND c.approach_id = ?")
            params.append(approach_id)
        ids = [r["id"] for r in self._rows(f"{sql} ORDER BY rank LIMIT ?", [*params, limit])]
        if not ids:
            return []
        by_id = {q.id: q for q in self._quotes(f"id IN ({', '.join('?' for _ in ids)})", ids)}
        return [by_id[i] for i in ids]

    def quote_counts_by_interview(self, case_id: int) -> dict[int, int]:
        return {r["id"]: r["n"] for r in self._rows(
            "SELECT i.id, count(q.id) AS n FROM interviews i LEFT JOIN quotes q ON q.interview_id = i.id "
            "WHERE i.case_id = ? GROUP BY i.id", [case_id])}

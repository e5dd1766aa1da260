"""Bulk writes: many (already anonymised) quotes with their codings in one transaction, e.g. a synthetic study."""

from __future__ import annotations

from collections.abc import Iterable

from ggsr_desktop.models import Kind, Stance
from ggsr_desktop.store.base import _enum, _required_text, now


class BulkRecords:
    """Store methods for bulk inserts (mixed into Store)."""

    def add_quotes_bulk(self, rows: Iterable[tuple[int, str, str, dict[str, str]]]) -> int:
        """Store quotes given as (interview_id, text, kind, {indicator_id: stance}) with executemany, all in one
        write transaction: every row is checked first, and nothing is stored when one is wrong. The texts must
        already be anonymised (no spans are kept). Returns the number of quotes stored."""
        quotes, codings = _checked_rows(rows)
        if not quotes:
            return 0
        for interview_id in sorted({q[0] for q in quotes}):
            self.get_interview(interview_id)
        stamp = now()
        with self._write() as c:
            first = _next_quote_id(c)  # explicit ids: the codings can refer to them; the write lock is held
            c.executemany("INSERT INTO quotes (id, interview_id, text, kind, created, updated, needs_review) "
                          "VALUES (?, ?, ?, ?, ?, ?, 0)",
                          [(first + n, iid, text, kind, stamp, stamp) for n, (iid, text, kind) in enumerate(quotes)])
            c.executemany("INSERT INTO codings (quote_id, indicator_id, stance) VALUES (?, ?, ?)",
                          [(first + n, ind, stance) for n, ind, stance in codings])
        return len(quotes)


def _checked_rows(rows) -> tuple[list[tuple[int, str, str]], list[tuple[int, str, str]]]:
    """The quote rows (interview_id, text, kind) and coding rows (row number, indicator, stance), validated."""
    quotes: list[tuple[int, str, str]] = []
    codings: list[tuple[int, str, str]] = []
    for n, (interview_id, text, kind, coded) in enumerate(rows):
        quotes.append((int(interview_id), _required_text(text, "tekst van het citaat"),
                       _enum(Kind, kind, "soort").value))
        codings.extend((n, _required_text(ind, "indicator"), _enum(Stance, stance, "houding").value)
                       for ind, stance in (coded or {}).items())
    return quotes, codings


def _next_quote_id(c) -> int:
    return c.execute("SELECT coalesce(max(id), 0) + 1 FROM quotes").fetchone()[0]

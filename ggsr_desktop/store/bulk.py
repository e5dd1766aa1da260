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


    def add_merged_quotes(self, rows: list[tuple]) -> dict[str, int]:
        """Quotes merged in from an exchange file, in bulk: (interview_id, uuid, text, kind, needs_review,
        [(indicator, stance)], [(start, end, category, placeholder, confidence)]), texts already anonymised.
        Returns uuid -> new id."""
        if not rows:
            return {}
        checked = [(int(iid), uid, _required_text(text, "tekst van het citaat"), _enum(Kind, kind, "soort").value,
                    int(bool(review)), [(_required_text(i, "indicator"), _enum(Stance, s, "houding").value)
                                        for i, s in codings], spans)
                   for iid, uid, text, kind, review, codings, spans in rows]
        for interview_id in sorted({r[0] for r in checked}):
            self.get_interview(interview_id)
        stamp = now()
        with self._write() as c:
            first = _next_quote_id(c)
            c.executemany("INSERT INTO quotes (id, interview_id, text, kind, created, updated, needs_review, uuid) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          [(first + n, r[0], r[2], r[3], stamp, stamp, r[4], r[1]) for n, r in enumerate(checked)])
            c.executemany("INSERT INTO codings (quote_id, indicator_id, stance) VALUES (?, ?, ?)",
                          [(first + n, ind, st) for n, r in enumerate(checked) for ind, st in r[5]])
            c.executemany("INSERT INTO quote_spans (quote_id, position, start, end, category, placeholder, confidence) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?)",
                          [(first + n, k, *span) for n, r in enumerate(checked) for k, span in enumerate(r[6])])
        return {r[1]: first + n for n, r in enumerate(checked) if r[1] is not None}


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

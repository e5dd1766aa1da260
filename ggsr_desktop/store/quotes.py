"""Quotes (always already anonymised), their codings and full-text search."""

from __future__ import annotations

from collections.abc import Iterable

from ggsr_desktop.errors import NotFoundError
from ggsr_desktop.models import Coding, Kind, Quote, QuoteSpan, Stance
from ggsr_desktop.store.base import _enum, _required_text, now


class QuoteRecords:
    """Store methods for quotes and codings (mixed into Store)."""

    # ---- quotes and codings --------------------------------------------------------------------------------

    def add_quote(self, interview_id: int, text: str, kind: str = Kind.QUOTE,
                  codings: dict[str, str] | None = None, spans: Iterable = (),
                  needs_review: bool = False) -> Quote:
        """Store an (already anonymised) quote with its codings {indicator_id: stance} and its replaced spans
        (objects with start, end, category, placeholder, confidence), durably."""
        self.get_interview(interview_id)
        text = _required_text(text, "tekst van het citaat")
        kind = _enum(Kind, kind, "soort")
        coding_rows = [(ind, _enum(Stance, st, "houding")) for ind, st in (codings or {}).items()]
        stamp = now()
        with self._write() as c:
            cur = c.execute("INSERT INTO quotes (interview_id, text, kind, created, updated, needs_review) "
                            "VALUES (?, ?, ?, ?, ?, ?)", (interview_id, text, kind, stamp, stamp, int(needs_review)))
            c.executemany("INSERT INTO codings (quote_id, indicator_id, stance) VALUES (?, ?, ?)",
                          [(cur.lastrowid, ind, st) for ind, st in coding_rows])
            self._write_spans(c, cur.lastrowid, spans)
        return self.get_quote(cur.lastrowid)

    def update_quote(self, quote_id: int, *, text: str | None = None, kind: str | None = None,
                     spans: Iterable | None = None, needs_review: bool | None = None) -> Quote:
        """Change a quote; a new text comes (anonymised) with its new spans, replacing the old ones."""
        self.get_quote(quote_id)
        fields: dict = {}
        if text is not None:
            fields["text"] = _required_text(text, "tekst van het citaat")
        if kind is not None:
            fields["kind"] = _enum(Kind, kind, "soort")
        if needs_review is not None:
            fields["needs_review"] = int(needs_review)
        with self._write() as c:
            self._update("quotes", quote_id, fields)
            if spans is not None:
                c.execute("DELETE FROM quote_spans WHERE quote_id = ?", (quote_id,))
                self._write_spans(c, quote_id, spans)
        if text is not None:
            self.wipe_traces()
        return self.get_quote(quote_id)

    def confirm_quote(self, quote_id: int) -> Quote:
        """The inspector has checked the replacements: the quote no longer needs review."""
        return self.update_quote(quote_id, needs_review=False)

    def quotes_needing_review(self, approach_id: int) -> list[Quote]:
        return self._quotes("needs_review = 1 AND interview_id IN (SELECT i.id FROM interviews i "
                            "JOIN cases c ON c.id = i.case_id WHERE c.approach_id = ?)", [approach_id])

    @staticmethod
    def _write_spans(c, quote_id: int, spans: Iterable) -> None:
        c.executemany(
            "INSERT INTO quote_spans (quote_id, position, start, end, category, placeholder, confidence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(quote_id, pos, s.start, s.end, s.category, s.placeholder, s.confidence) for pos, s in enumerate(spans)])

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

    def replace_codings(self, quote_id: int, codings: dict[str, str]) -> Quote:
        """Set exactly these codings {indicator_id: stance} on a quote (recode in one step)."""
        self.get_quote(quote_id)
        rows = [(quote_id, _required_text(ind, "indicator"), _enum(Stance, st, "houding"))
                for ind, st in codings.items()]
        with self._write() as c:
            c.execute("DELETE FROM codings WHERE quote_id = ?", (quote_id,))
            c.executemany("INSERT INTO codings (quote_id, indicator_id, stance) VALUES (?, ?, ?)", rows)
            c.execute("UPDATE quotes SET updated = ? WHERE id = ?", (now(), quote_id))
        return self.get_quote(quote_id)

    def restore_quote(self, quote: Quote) -> Quote:
        """Put a deleted quote back as it was (same id, codings and spans): the undo of a deletion."""
        self.get_interview(quote.interview_id)
        with self._write() as c:
            c.execute("INSERT INTO quotes (id, interview_id, text, kind, created, updated, needs_review, uuid) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (quote.id, quote.interview_id, quote.text, quote.kind,
                                                          quote.created, now(), int(quote.needs_review), quote.uuid))
            c.executemany("INSERT INTO codings (quote_id, indicator_id, stance) VALUES (?, ?, ?)",
                          [(quote.id, cd.indicator_id, cd.stance) for cd in quote.codings])
            self._write_spans(c, quote.id, quote.spans)
        return self.get_quote(quote.id)

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
        spans: dict[int, list[QuoteSpan]] = {i: [] for i in ids}
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start:chunk_start + 500]
            marks = ", ".join("?" for _ in chunk)
            for c in self._rows(f"SELECT * FROM codings WHERE quote_id IN ({marks}) ORDER BY quote_id, indicator_id",
                                chunk):
                codings[c["quote_id"]].append(Coding(c["quote_id"], c["indicator_id"], Stance(c["stance"])))
            for s in self._rows(f"SELECT * FROM quote_spans WHERE quote_id IN ({marks}) ORDER BY quote_id, position",
                                chunk):
                spans[s["quote_id"]].append(QuoteSpan(s["start"], s["end"], s["category"], s["placeholder"],
                                                      s["confidence"]))
        return [Quote(**{**r, "kind": Kind(r["kind"]), "needs_review": bool(r["needs_review"])},
                      codings=tuple(codings[r["id"]]), spans=tuple(spans[r["id"]])) for r in rows]

    def get_quote(self, quote_id: int) -> Quote:
        quotes = self._quotes("id = ?", [quote_id])
        if not quotes:
            raise NotFoundError(f"citaat {quote_id} bestaat niet")
        return quotes[0]

    def list_quotes(self, interview_id: int) -> list[Quote]:
        return self._quotes("interview_id = ?", [interview_id])

    def search_quotes(self, query: str, approach_id: int | None = None, limit: int = 200) -> list[Quote]:
        """Full-text search; each word must occur (prefix match), case- and accent-insensitive."""
        match = _fts_match(query)
        if not match:
            return []
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

    # ---- evidence of an approach ---------------------------------------------------------------------------

    def evidence_counts(self, approach_id: int) -> list[dict]:
        """Rows {indicator, case_id, role, stance, n}: the number of quotes of the approach per indicator, case,
        source (the interview's role) and stance, in one query. A quote counts once per indicator."""
        return self._rows(
            "SELECT c.indicator_id AS indicator, i.case_id AS case_id, i.role AS role, c.stance AS stance, "
            "count(*) AS n FROM cases k JOIN interviews i ON i.case_id = k.id JOIN quotes q ON q.interview_id = i.id "
            "JOIN codings c ON c.quote_id = q.id WHERE k.approach_id = ? GROUP BY 1, 2, 3, 4", [approach_id])

    def find_quotes(self, approach_id: int, *, text: str | None = None, indicator_id: str | None = None,
                    case_id: int | None = None, roles: Iterable[str] = (), stances: Iterable[str] = (),
                    kinds: Iterable[str] = (), limit: int = 500, offset: int = 0) -> list[Quote]:
        """Quotes of an approach matching every filter given: full-text words (prefix, best first), coded to an
        indicator, of a case, from interviews with these roles, with a coding of these stances (on the indicator
        when one is given), of these kinds. Ordered by case and id when there is no text; paged."""
        sql, params, fts = self._quote_filter(approach_id, text, indicator_id, case_id, roles, stances, kinds)
        if sql is None:
            return []
        order = "ORDER BY f.rank" if fts else "ORDER BY i.case_id, q.id"
        ids = [r["id"] for r in self._rows(f"SELECT q.id AS id {sql} {order} LIMIT ? OFFSET ?",
                                           [*params, limit, offset])]
        if not ids:
            return []
        by_id = {q.id: q for q in self._quotes(f"id IN ({', '.join('?' for _ in ids)})", ids)}
        return [by_id[i] for i in ids]

    def count_quotes(self, approach_id: int, *, text: str | None = None, indicator_id: str | None = None,
                     case_id: int | None = None, roles: Iterable[str] = (), stances: Iterable[str] = (),
                     kinds: Iterable[str] = ()) -> int:
        sql, params, _fts = self._quote_filter(approach_id, text, indicator_id, case_id, roles, stances, kinds)
        return 0 if sql is None else self._rows(f"SELECT count(*) AS n {sql}", params)[0]["n"]

    @staticmethod
    def _quote_filter(approach_id, text, indicator_id, case_id, roles, stances, kinds):
        """FROM … WHERE … of `find_quotes` and its parameters; (None, …) when the text has no words."""
        joins = ["FROM quotes q JOIN interviews i ON i.id = q.interview_id JOIN cases k ON k.id = i.case_id"]
        where, params = ["k.approach_id = ?"], [approach_id]
        fts = text is not None and text.strip() != ""
        if fts:
            match = _fts_match(text)
            if not match:
                return None, [], True
            joins.append("JOIN quotes_fts f ON f.rowid = q.id")
            where.append("quotes_fts MATCH ?")
            params.insert(0, match)
            where.insert(0, where.pop())  # the MATCH parameter comes first
        if case_id is not None:
            where.append("i.case_id = ?")
            params.append(case_id)
        for column, values in (("i.role", roles), ("q.kind", kinds)):
            values = list(values)
            if values:
                where.append(f"{column} IN ({', '.join('?' for _ in values)})")
                params.extend(values)
        stances = list(stances)
        if indicator_id is not None or stances:
            sub = ["c.quote_id = q.id"]
            if indicator_id is not None:
                sub.append("c.indicator_id = ?")
                params.append(indicator_id)
            if stances:
                sub.append(f"c.stance IN ({', '.join('?' for _ in stances)})")
                params.extend(stances)
            where.append(f"EXISTS (SELECT 1 FROM codings c WHERE {' AND '.join(sub)})")
        return f"{' '.join(joins)} WHERE {' AND '.join(where)}", params, fts

    def save_draft(self, interview_id: int, text: str) -> None:
        """Keep the (already anonymised) unsaved text of an interview's capture field; empty text clears it."""
        self.get_interview(interview_id)
        with self._write() as c:
            if text.strip():
                c.execute("INSERT INTO drafts (interview_id, text, updated) VALUES (?, ?, ?) ON CONFLICT "
                          "(interview_id) DO UPDATE SET text = excluded.text, updated = excluded.updated",
                          (interview_id, text, now()))
            else:
                c.execute("DELETE FROM drafts WHERE interview_id = ?", (interview_id,))

    def get_draft(self, interview_id: int) -> str | None:
        rows = self._rows("SELECT text FROM drafts WHERE interview_id = ?", [interview_id])
        return rows[0]["text"] if rows else None

    def list_drafts(self) -> dict[int, str]:
        """Every interview with a kept draft: offered back on start."""
        return {r["interview_id"]: r["text"] for r in self._rows("SELECT interview_id, text FROM drafts")}

    def coding_counts_by_source(self, case_id: int) -> dict[str, dict[str, int]]:
        """{indicator_id: {role: number of quotes}} over the interviews of one case."""
        counts: dict[str, dict[str, int]] = {}
        for r in self._rows(
                "SELECT c.indicator_id AS indicator, i.role AS role, count(DISTINCT q.id) AS n FROM codings c "
                "JOIN quotes q ON q.id = c.quote_id JOIN interviews i ON i.id = q.interview_id "
                "WHERE i.case_id = ? GROUP BY c.indicator_id, i.role", [case_id]):
            counts.setdefault(r["indicator"], {})[r["role"]] = r["n"]
        return counts

    def quote_counts_by_interview(self, case_id: int) -> dict[int, int]:
        return {r["id"]: r["n"] for r in self._rows(
            "SELECT i.id, count(q.id) AS n FROM interviews i LEFT JOIN quotes q ON q.interview_id = i.id "
            "WHERE i.case_id = ? GROUP BY i.id", [case_id])}


def _fts_match(query: str) -> str:
    """An FTS5 query in which every word must occur as a prefix; '' when the query has no words."""
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in query).split() if w]
    return " ".join(f'"{w}"*' for w in words)

"""Judgements per approach and indicator, their illustrative quotes and their change history."""

from __future__ import annotations

import json
from collections.abc import Iterable

from ggsr_desktop.models import Highlight, Judgement, JudgementChange, Mark
from ggsr_desktop.store.base import _enum, _required_text, now


class JudgementRecords:
    """Store methods for judgements (mixed into Store)."""

    # ---- judgements ----------------------------------------------------------------------------------------

    def get_judgement(self, approach_id: int, indicator_id: str) -> Judgement | None:
        found = self._judgements("approach_id = ? AND indicator_id = ?", [approach_id, indicator_id])
        return found[0] if found else None

    def list_judgements(self, approach_id: int) -> list[Judgement]:
        return self._judgements("approach_id = ?", [approach_id])

    def _judgements(self, where: str, params: list) -> list[Judgement]:
        """Judgements matching `where` with their illustrative quotes: two queries, however many rows."""
        quote_ids: dict[tuple[int, str], list[int]] = {}
        for r in self._rows(f"SELECT approach_id, indicator_id, quote_id FROM judgement_quotes WHERE {where} "
                            "ORDER BY position", params):
            quote_ids.setdefault((r["approach_id"], r["indicator_id"]), []).append(r["quote_id"])
        return [
            Judgement(
                approach_id=row["approach_id"], indicator_id=row["indicator_id"],
                mark=Mark(row["mark"]) if row["mark"] else None, finding=row["finding"],
                highlight=Highlight(row["highlight"]),
                quote_ids=tuple(quote_ids.get((row["approach_id"], row["indicator_id"]), ())),
                updated=row["updated"], let_op=row["let_op"],
            )
            for row in self._rows(f"SELECT * FROM judgements WHERE {where} ORDER BY indicator_id", params)
        ]

    def set_judgement(self, approach_id: int, indicator_id: str, *, author: str, mark: str | None = ...,
                      finding: str | None = None, highlight: str | None = None,
                      quote_ids: Iterable[int] | None = None, let_op: str | None = None) -> Judgement:
        """Change a judgement; fields left out stay as they are. Every change is kept in the history."""
        self.get_approach(approach_id)
        author = _required_text(author, "naam van de inspecteur")
        indicator_id = _required_text(indicator_id, "indicator")
        old = self.get_judgement(approach_id, indicator_id)
        before = _judgement_fields(old)
        after = dict(before)
        if mark is not ...:
            after["mark"] = _enum(Mark, mark, "beoordeling").value if mark is not None else None
        if finding is not None:
            after["finding"] = finding.strip()
        if let_op is not None:
            after["let_op"] = _without_prefix(let_op.strip())
        if highlight is not None:
            after["highlight"] = _enum(Highlight, highlight, "markering").value
        if quote_ids is not None:
            after["quote_ids"] = list(dict.fromkeys(int(q) for q in quote_ids))
            for qid in after["quote_ids"]:
                self.get_quote(qid)
        changed = [k for k in after if after[k] != before[k]]
        if not changed and old is not None:
            return old
        stamp = now()
        with self._write() as c:
            c.execute(
                "INSERT INTO judgements (approach_id, indicator_id, mark, finding, highlight, updated, let_op) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (approach_id, indicator_id) DO UPDATE SET "
                "mark = excluded.mark, finding = excluded.finding, highlight = excluded.highlight, "
                "updated = excluded.updated, let_op = excluded.let_op",
                (approach_id, indicator_id, after["mark"], after["finding"], after["highlight"], stamp,
                 after["let_op"]))
            if "quote_ids" in changed:
                c.execute("DELETE FROM judgement_quotes WHERE approach_id = ? AND indicator_id = ?",
                          (approach_id, indicator_id))
                c.executemany(
                    "INSERT INTO judgement_quotes (approach_id, indicator_id, quote_id, position) VALUES (?, ?, ?, ?)",
                    [(approach_id, indicator_id, q, pos) for pos, q in enumerate(after["quote_ids"])])
            c.execute(
                "INSERT INTO judgement_history (approach_id, indicator_id, author, changed_at, old, new) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (approach_id, indicator_id, author, stamp,
                 json.dumps({k: before[k] for k in changed}, ensure_ascii=False),
                 json.dumps({k: after[k] for k in changed}, ensure_ascii=False)))
        return self.get_judgement(approach_id, indicator_id)

    def judgement_history(self, approach_id: int, indicator_id: str) -> list[JudgementChange]:
        return [
            JudgementChange(id=r["id"], approach_id=r["approach_id"], indicator_id=r["indicator_id"],
                            author=r["author"], changed_at=r["changed_at"], old=json.loads(r["old"]),
                            new=json.loads(r["new"]))
            for r in self._rows("SELECT * FROM judgement_history WHERE approach_id = ? AND indicator_id = ? "
                                "ORDER BY id", [approach_id, indicator_id])
        ]


def _judgement_fields(j: Judgement | None) -> dict:
    if j is None:
        return {"mark": None, "finding": "", "highlight": Highlight.NONE.value, "quote_ids": [], "let_op": ""}
    return {"mark": j.mark.value if j.mark else None, "finding": j.finding, "highlight": j.highlight.value,
            "quote_ids": list(j.quote_ids), "let_op": j.let_op}


LET_OP = "LET OP:"


def _without_prefix(note: str) -> str:
    """The note is stored without its printed prefix ('LET OP: Eén netwerkpartner …' → 'Eén netwerkpartner …')."""
    if note[:len(LET_OP)].upper() == LET_OP:
        return note[len(LET_OP):].strip()
    return note

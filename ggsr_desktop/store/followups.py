"""Follow-ups a year later (spec round2 §3): the link to the year-1 approach, the frozen copy of its judgements and
row groups, the reporting event, the documents provided and the 'Ontwikkeling' narrative. The year-2 judgements
are the follow-up approach's own judgements (`judgements.py`). Texts arrive here already anonymised."""

from __future__ import annotations

from collections.abc import Iterable

from ggsr_desktop.errors import NotFoundError, ValidationError
from ggsr_desktop.models import (
    FOLLOWUP_FIELDS,
    BaselineJudgement,
    DevelopmentSection,
    Followup,
    FollowupDocument,
    Mark,
    RowGroup,
)
from ggsr_desktop.store.base import _enum, _iso_date, _required_text, now


class FollowupRecords:
    """Store methods for follow-ups (mixed into Store)."""

    def add_followup(self, approach_id: int, *, framework_id: str, former_name: str, year1_label: str,
                     year2_label: str, baseline: Iterable[BaselineJudgement], baseline_groups: Iterable[RowGroup] = (),
                     source_approach_id: int | None = None, **fields) -> Followup:
        """Make approach `approach_id` the follow-up of a year-1 approach, with a frozen copy of its judgements."""
        self.get_approach(approach_id)
        if source_approach_id is not None:
            self.get_approach(source_approach_id)
            if source_approach_id == approach_id:
                raise ValidationError("een aanpak kan geen vervolg van zichzelf zijn")
        row = {"approach_id": approach_id, "source_approach_id": source_approach_id,
               "framework_id": _required_text(framework_id, "toetsingskader"), "frozen_at": now(),
               **self._followup_fields({"former_name": former_name, "year1_label": year1_label,
                                        "year2_label": year2_label, **fields})}
        with self._write() as c:
            c.execute(f"INSERT INTO followups ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                      list(row.values()))
            self._put_baseline(c, approach_id, baseline, baseline_groups)
        return self.get_followup(approach_id)

    @staticmethod
    def _followup_fields(fields: dict) -> dict:
        unknown = set(fields) - set(FOLLOWUP_FIELDS)
        if unknown:
            raise ValidationError(f"onbekend veld van een vervolgonderzoek: {', '.join(sorted(unknown))}")
        out = {}
        words = {"former_name": "naam van de aanpak in het eerste jaar", "year1_label": "jaartal van het eerste "
                 "onderzoek", "year2_label": "jaartal van de ontwikkeling"}
        for key, value in fields.items():
            if key in words:
                out[key] = _required_text(value, words[key])
            elif key == "event_date":
                out[key] = _iso_date(value) if value else None
            else:
                out[key] = (value or "").strip()
        return out

    def _put_baseline(self, c, approach_id: int, baseline: Iterable[BaselineJudgement],
                      groups: Iterable[RowGroup]) -> None:
        c.execute("DELETE FROM followup_baseline WHERE approach_id = ?", (approach_id,))
        c.execute("DELETE FROM followup_baseline_groups WHERE approach_id = ?", (approach_id,))
        c.executemany(
            "INSERT INTO followup_baseline (approach_id, indicator_id, mark, finding, let_op) VALUES (?, ?, ?, ?, ?)",
            [(approach_id, _required_text(b.indicator_id, "indicator"),
              _enum(Mark, b.mark, "beoordeling").value if b.mark else None, (b.finding or "").strip(),
              (b.let_op or "").strip()) for b in baseline])
        seen: set[str] = set()
        for number, group in enumerate(groups):
            ids = list(dict.fromkeys(group.indicator_ids))
            if len(ids) < 2 or seen.intersection(ids):
                raise ValidationError(f"rijgroep {number + 1} van het eerste jaar: minstens twee indicatoren, elk "
                                      "in één rijgroep")
            seen.update(ids)
            c.executemany("INSERT INTO followup_baseline_groups (approach_id, group_no, indicator_id, position, "
                          "shared_finding) VALUES (?, ?, ?, ?, ?)",
                          [(approach_id, number, ind, k, int(group.shared_finding)) for k, ind in enumerate(ids)])

    def get_followup(self, approach_id: int) -> Followup:
        rows = self._rows("SELECT * FROM followups WHERE approach_id = ?", [approach_id])
        if not rows:
            raise NotFoundError(f"aanpak {approach_id} is geen vervolgonderzoek")
        row = rows[0]
        baseline = tuple(
            BaselineJudgement(r["indicator_id"], Mark(r["mark"]) if r["mark"] else None, r["finding"], r["let_op"])
            for r in self._rows("SELECT * FROM followup_baseline WHERE approach_id = ? ORDER BY indicator_id",
                                [approach_id]))
        members: dict[int, list[str]] = {}
        shared: dict[int, bool] = {}
        for r in self._rows("SELECT * FROM followup_baseline_groups WHERE approach_id = ? ORDER BY group_no, "
                            "position", [approach_id]):
            members.setdefault(r["group_no"], []).append(r["indicator_id"])
            shared[r["group_no"]] = bool(r["shared_finding"])
        groups = tuple(RowGroup(approach_id, tuple(ids), shared[n]) for n, ids in members.items())
        documents = tuple(FollowupDocument(r["title"], r["date"]) for r in self._rows(
            "SELECT title, date FROM followup_documents WHERE approach_id = ? ORDER BY position, id", [approach_id]))
        development = tuple(DevelopmentSection(r["heading"], r["text"]) for r in self._rows(
            "SELECT heading, text FROM followup_development WHERE approach_id = ? ORDER BY position, id",
            [approach_id]))
        return Followup(baseline=baseline, baseline_groups=groups, documents=documents, development=development,
                        **row)

    def is_followup(self, approach_id: int) -> bool:
        return bool(self._rows("SELECT 1 FROM followups WHERE approach_id = ?", [approach_id]))

    def followup_ids(self) -> set[int]:
        """The approaches that are follow-ups (the factsheet and the year-1 lists leave them out)."""
        return {r["approach_id"] for r in self._rows("SELECT approach_id FROM followups")}

    def followups_of(self, source_approach_id: int) -> list[int]:
        return [r["approach_id"] for r in self._rows(
            "SELECT approach_id FROM followups WHERE source_approach_id = ? ORDER BY approach_id",
            [source_approach_id])]

    def update_followup(self, approach_id: int, **fields) -> Followup:
        """Change fields of `FOLLOWUP_FIELDS` (texts already anonymised)."""
        self.get_followup(approach_id)
        values = self._followup_fields(fields)
        if values:
            with self._write() as c:
                c.execute(f"UPDATE followups SET {', '.join(f'{k} = ?' for k in values)} WHERE approach_id = ?",
                          [*values.values(), approach_id])
            self.wipe_traces()
        return self.get_followup(approach_id)

    def set_baseline(self, approach_id: int, baseline: Iterable[BaselineJudgement], groups: Iterable[RowGroup],
                     frozen_at: str | None = None) -> Followup:
        """Replace the frozen copy (an explicit refresh from year 1, or its undo with the old `frozen_at`)."""
        self.get_followup(approach_id)
        with self._write() as c:
            self._put_baseline(c, approach_id, baseline, groups)
            c.execute("UPDATE followups SET frozen_at = ? WHERE approach_id = ?", (frozen_at or now(), approach_id))
        self.wipe_traces()
        return self.get_followup(approach_id)

    def set_followup_documents(self, approach_id: int, documents: Iterable[FollowupDocument]) -> Followup:
        self.get_followup(approach_id)
        rows = [(approach_id, _required_text(d.title, "titel van het document"), (d.date or "").strip(), k)
                for k, d in enumerate(documents)]
        with self._write() as c:
            c.execute("DELETE FROM followup_documents WHERE approach_id = ?", (approach_id,))
            c.executemany("INSERT INTO followup_documents (approach_id, title, date, position) VALUES (?, ?, ?, ?)",
                          rows)
        self.wipe_traces()
        return self.get_followup(approach_id)

    def set_development(self, approach_id: int, sections: Iterable[DevelopmentSection]) -> Followup:
        """The 'Ontwikkeling' narrative: parts with an optional subheading; empty parts are dropped."""
        self.get_followup(approach_id)
        rows = [(approach_id, (s.heading or "").strip(), (s.text or "").strip()) for s in sections]
        rows = [(*r, k) for k, r in enumerate(r for r in rows if r[1] or r[2])]
        with self._write() as c:
            c.execute("DELETE FROM followup_development WHERE approach_id = ?", (approach_id,))
            c.executemany("INSERT INTO followup_development (approach_id, heading, text, position) "
                          "VALUES (?, ?, ?, ?)", rows)
        self.wipe_traces()
        return self.get_followup(approach_id)

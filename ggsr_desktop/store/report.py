"""What the report needs beyond the judgements: report sections (chapters 3 and 4), the approach's texts
(voorwoord, chapter 5 conclusion) and its recommendations. Texts arrive here already anonymised."""

from __future__ import annotations

from collections.abc import Iterable

from ggsr_desktop.errors import NotFoundError, ValidationError
from ggsr_desktop.models import APPROACH_TEXTS, Highlight, Recommendation, ReportSection, RowGroup
from ggsr_desktop.store.base import _required_text

SECTION_HIGHLIGHTS = (Highlight.GREEN.value, Highlight.RED.value)


class ReportRecords:
    """Store methods for report sections, approach texts and recommendations (mixed into Store)."""

    # ---- report sections -----------------------------------------------------------------------------------

    def list_sections(self, approach_id: int) -> list[ReportSection]:
        """Green sections first, then red, each in their order."""
        return self._sections("approach_id = ?", [approach_id])

    def get_section(self, section_id: int) -> ReportSection:
        found = self._sections("id = ?", [section_id])
        if not found:
            raise NotFoundError(f"rapportsectie {section_id} bestaat niet")
        return found[0]

    def _sections(self, where: str, params: list) -> list[ReportSection]:
        rows = self._rows(f"SELECT * FROM report_sections WHERE {where} "
                          "ORDER BY highlight = 'rood', position, id", params)
        if not rows:
            return []
        marks = ", ".join("?" for _ in rows)
        indicators: dict[int, list[str]] = {r["id"]: [] for r in rows}
        for r in self._rows(f"SELECT section_id, indicator_id FROM report_section_indicators WHERE section_id IN "
                            f"({marks}) ORDER BY section_id, position", [r["id"] for r in rows]):
            indicators[r["section_id"]].append(r["indicator_id"])
        return [ReportSection(id=r["id"], approach_id=r["approach_id"], highlight=Highlight(r["highlight"]),
                              title=r["title"], intro=r["intro"], conclusion=r["conclusion"], position=r["position"],
                              indicator_ids=tuple(indicators[r["id"]])) for r in rows]

    def add_section(self, approach_id: int, highlight: str, title: str, intro: str = "", conclusion: str = "",
                    indicator_ids: Iterable[str] = (), position: int | None = None,
                    section_id: int | None = None) -> ReportSection:
        """A new section at the end of its chapter (or at `position`); `section_id` puts a deleted one back."""
        self.get_approach(approach_id)
        highlight = _section_highlight(highlight)
        title = _required_text(title, "titel van de sectie")
        ids = _indicator_list(indicator_ids)
        with self._write() as c:
            if position is None:
                position = c.execute("SELECT coalesce(max(position) + 1, 0) FROM report_sections WHERE "
                                     "approach_id = ? AND highlight = ?", (approach_id, highlight)).fetchone()[0]
            cur = c.execute("INSERT INTO report_sections (id, approach_id, highlight, title, intro, conclusion, "
                            "position) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (section_id, approach_id, highlight, title, intro.strip(), conclusion.strip(), position))
            c.executemany("INSERT INTO report_section_indicators (section_id, indicator_id, position) "
                          "VALUES (?, ?, ?)", [(cur.lastrowid, ind, k) for k, ind in enumerate(ids)])
        return self.get_section(cur.lastrowid)

    def update_section(self, section_id: int, *, title: str | None = None, intro: str | None = None,
                       conclusion: str | None = None, highlight: str | None = None,
                       indicator_ids: Iterable[str] | None = None, position: int | None = None) -> ReportSection:
        self.get_section(section_id)
        fields: dict = {}
        if title is not None:
            fields["title"] = _required_text(title, "titel van de sectie")
        if intro is not None:
            fields["intro"] = intro.strip()
        if conclusion is not None:
            fields["conclusion"] = conclusion.strip()
        if highlight is not None:
            fields["highlight"] = _section_highlight(highlight)
        if position is not None:
            fields["position"] = int(position)
        ids = _indicator_list(indicator_ids) if indicator_ids is not None else None
        with self._write() as c:
            if fields:
                assignments = ", ".join(f"{k} = ?" for k in fields)
                c.execute(f"UPDATE report_sections SET {assignments} WHERE id = ?", [*fields.values(), section_id])
            if ids is not None:
                c.execute("DELETE FROM report_section_indicators WHERE section_id = ?", (section_id,))
                c.executemany("INSERT INTO report_section_indicators (section_id, indicator_id, position) "
                              "VALUES (?, ?, ?)", [(section_id, ind, k) for k, ind in enumerate(ids)])
        if fields.keys() & {"title", "intro", "conclusion"}:
            self.wipe_traces()
        return self.get_section(section_id)

    def delete_section(self, section_id: int) -> None:
        self.get_section(section_id)
        with self._write() as c:
            c.execute("DELETE FROM report_sections WHERE id = ?", (section_id,))
        self.wipe_traces()

    # ---- approach texts and recommendations ----------------------------------------------------------------

    def get_approach_texts(self, approach_id: int) -> dict[str, str]:
        """{'voorwoord': …, 'conclusion': …}; empty strings for texts not written yet."""
        self.get_approach(approach_id)
        texts = dict.fromkeys(APPROACH_TEXTS, "")
        texts.update({r["key"]: r["value"] for r in self._rows(
            "SELECT key, value FROM approach_texts WHERE approach_id = ?", [approach_id])})
        return texts

    def set_approach_text(self, approach_id: int, key: str, value: str) -> None:
        self.get_approach(approach_id)
        if key not in APPROACH_TEXTS:
            raise ValidationError(f"onbekende tekst '{key}'; toegestaan: {', '.join(APPROACH_TEXTS)}")
        with self._write() as c:
            if value.strip():
                c.execute("INSERT INTO approach_texts (approach_id, key, value) VALUES (?, ?, ?) ON CONFLICT "
                          "(approach_id, key) DO UPDATE SET value = excluded.value", (approach_id, key, value.strip()))
            else:
                c.execute("DELETE FROM approach_texts WHERE approach_id = ? AND key = ?", (approach_id, key))
        self.wipe_traces()

    def list_recommendations(self, approach_id: int) -> list[Recommendation]:
        return [Recommendation(**r) for r in self._rows(
            "SELECT id, approach_id, lead, text, position FROM recommendations WHERE approach_id = ? "
            "ORDER BY position, id", [approach_id])]

    def set_recommendations(self, approach_id: int, items: Iterable[tuple[str, str]]) -> list[Recommendation]:
        """Replace the recommendations by these (lead, text) pairs, in order; empty pairs are left out."""
        self.get_approach(approach_id)
        rows = [(lead.strip(), text.strip()) for lead, text in items if lead.strip() or text.strip()]
        with self._write() as c:
            c.execute("DELETE FROM recommendations WHERE approach_id = ?", (approach_id,))
            c.executemany("INSERT INTO recommendations (approach_id, lead, text, position) VALUES (?, ?, ?, ?)",
                          [(approach_id, lead, text, k) for k, (lead, text) in enumerate(rows)])
        self.wipe_traces()
        return self.list_recommendations(approach_id)

    # ---- row groups (policy level) ------------------------------------------------------------------------

    def row_groups(self, approach_id: int) -> list[RowGroup]:
        members: dict[int, list[str]] = {}
        for r in self._rows("SELECT m.group_id, m.indicator_id FROM row_group_indicators m JOIN row_groups g "
                            "ON g.id = m.group_id WHERE g.approach_id = ? ORDER BY m.position", [approach_id]):
            members.setdefault(r["group_id"], []).append(r["indicator_id"])
        return [RowGroup(approach_id, tuple(members.get(r["id"], ())), bool(r["shared_finding"]))
                for r in self._rows("SELECT id, shared_finding FROM row_groups WHERE approach_id = ? "
                                    "ORDER BY position, id", [approach_id])]

    def set_row_groups(self, approach_id: int, groups: Iterable[RowGroup]) -> list[RowGroup]:
        """Replace the approach's row groups. A group has at least two indicators; an indicator is in one group."""
        self.get_approach(approach_id)
        groups = list(groups)
        seen: set[str] = set()
        for k, group in enumerate(groups, 1):
            ids = _indicator_list(group.indicator_ids)
            if len(ids) < 2:
                raise ValidationError(f"rijgroep {k} heeft minstens twee indicatoren nodig")
            twice = seen.intersection(ids)
            if twice:
                raise ValidationError(f"indicator '{sorted(twice)[0]}' staat in meer dan één rijgroep")
            seen.update(ids)
        with self._write() as c:
            c.execute("DELETE FROM row_groups WHERE approach_id = ?", (approach_id,))
            for position, group in enumerate(groups):
                cur = c.execute("INSERT INTO row_groups (approach_id, shared_finding, position) VALUES (?, ?, ?)",
                                (approach_id, int(group.shared_finding), position))
                c.executemany("INSERT INTO row_group_indicators (group_id, indicator_id, position) VALUES (?, ?, ?)",
                              [(cur.lastrowid, ind, k) for k, ind in enumerate(_indicator_list(group.indicator_ids))])
        return self.row_groups(approach_id)


def _section_highlight(value: str) -> str:
    value = getattr(value, "value", value)
    if value not in SECTION_HIGHLIGHTS:
        raise ValidationError(f"een rapportsectie is groen of rood, niet '{value}'")
    return value


def _indicator_list(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(_required_text(i, "indicator") for i in ids))

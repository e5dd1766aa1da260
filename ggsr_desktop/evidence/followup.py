"""The verbeterpunten of a follow-up (spec round2 §3.2–§3.3, decision §10.6): which year-1 judgements are followed
up, how they are grouped into rows, their year-2 re-assessment and the progress count.

A verbeterpunt is a year-1 X. Year-1 ✓ and – are not followed up. A year-1 row group stays one row: a group with a
shared finding is one verbeterpunt (judged on its first indicator, in both years); a group with a finding per
indicator is a row with one verbeterpunt per X indicator in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ggsr_desktop.framework import Framework
from ggsr_desktop.labels import POINT_WORDS
from ggsr_desktop.models import BaselineJudgement, Followup, Judgement, Mark


@dataclass(frozen=True)
class Point:
    """One verbeterpunt: the indicator its judgements are kept on, the year-1 copy and the year-2 judgement."""

    indicator_id: str
    year1: BaselineJudgement
    year2: Judgement | None

    @property
    def mark(self) -> Mark | None:
        return self.year2.mark if self.year2 else None

    @property
    def finding(self) -> str:
        return self.year2.finding if self.year2 else ""


@dataclass(frozen=True)
class PointRow:
    """A table row: the indicators it shows (texts joined with '. ' when grouped) and its verbeterpunten."""

    theme: str
    indicator_ids: tuple[str, ...]
    indicator_texts: tuple[str, ...]
    points: tuple[Point, ...]

    @property
    def indicator_text(self) -> str:
        """As seed 002 writes a grouped row: 'De gemeente evalueert … van de aanpak. Op basis van …'."""
        return ". ".join(t.rstrip(". ") for t in self.indicator_texts)


@dataclass(frozen=True)
class Progress:
    points: int
    satisfied: int
    improvement: int
    not_established: int
    missing: tuple[str, ...]  # indicator ids of verbeterpunten without a year-2 mark, in framework order

    @property
    def line(self) -> str:
        """'17 verbeterpunten: 12 opgepakt (✓), 4 nog niet (X), 1 niet vastgesteld (–)' (+ ', 2 nog te beoordelen')."""
        word = POINT_WORDS[self.points != 1]
        text = (f"{self.points} {word}: {self.satisfied} opgepakt (✓), {self.improvement} nog niet (X), "
                f"{self.not_established} niet vastgesteld (–)")
        return text + (f", {len(self.missing)} nog te beoordelen" if self.missing else "")


def point_rows(framework: Framework, followup: Followup, year2: dict[str, Judgement]) -> list[PointRow]:
    """The rows of the 'Uitkomsten verbeterpunten' tables, in framework order (a group where its first member
    stands)."""
    year1 = {b.indicator_id: b for b in followup.baseline}
    group_of = {ind: g for g in followup.baseline_groups for ind in g.indicator_ids}
    theme_of = {i.id: t.name for t in framework.themes for i in t.indicators}
    texts = {i.id: i.text for i in framework.indicators}
    order = [i.id for i in framework.indicators]

    def is_point(ind: str) -> bool:
        b = year1.get(ind)
        return b is not None and b.mark is Mark.IMPROVEMENT

    rows, placed = [], set()
    for ind in order:
        if ind in placed:
            continue
        group = group_of.get(ind)
        members = [i for i in (group.indicator_ids if group else (ind,)) if i in texts and i not in placed]
        members.sort(key=order.index)
        placed.update(members)
        if group and group.shared_finding:
            lead = members[0]
            points = (lead,) if is_point(lead) else ()
            shown = tuple(members) if points else ()
        else:
            points = tuple(i for i in members if is_point(i))
            shown = points
        if points:
            rows.append(PointRow(theme_of[shown[0]], shown, tuple(texts[i] for i in shown),
                                 tuple(Point(i, year1[i], year2.get(i)) for i in points)))
    return rows


def points(framework: Framework, followup: Followup, year2: dict[str, Judgement]) -> list[Point]:
    return [p for row in point_rows(framework, followup, year2) for p in row.points]


def progress(framework: Framework, followup: Followup, year2: dict[str, Judgement]) -> Progress:
    found = points(framework, followup, year2)
    count = {m: sum(p.mark is m for p in found) for m in Mark}
    return Progress(len(found), count[Mark.SATISFIED], count[Mark.IMPROVEMENT], count[Mark.NOT_ESTABLISHED],
                    tuple(p.indicator_id for p in found if p.mark is None))


def year1_changed(store, approach_id: int) -> bool:
    """The year-1 approach's judgements or row groups differ from the follow-up's frozen copy (a refresh would
    change something); False when the year-1 approach is not in this database."""
    from dataclasses import replace

    from ggsr_desktop.errors import NotFoundError

    f = store.get_followup(approach_id)
    if f.source_approach_id is None:
        return False
    try:
        now = baseline_from(store.list_judgements(f.source_approach_id))
        groups = [replace(g, approach_id=approach_id) for g in store.row_groups(f.source_approach_id)]
    except NotFoundError:
        return False
    return sorted(now, key=lambda b: b.indicator_id) != list(f.baseline) or groups != list(f.baseline_groups)


def baseline_from(judgements: list[Judgement]) -> list[BaselineJudgement]:
    """The frozen copy of year-1 judgements (marks, findings, LET OP notes)."""
    return [BaselineJudgement(j.indicator_id, j.mark, j.finding, j.let_op) for j in judgements
            if j.mark is not None or j.finding]

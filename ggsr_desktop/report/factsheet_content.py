"""What the policy-level factsheet 'Uitkomsten toezichtonderzoek {gemeente}' says (spec round2 §2.3), gathered
from the store, before any Word formatting: one `ApproachPart` per approach of the municipality."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.framework import Framework
from ggsr_desktop.models import Approach, Judgement, Level, Mark, Role, RowGroup
from ggsr_desktop.store import Store

THEME_CAPTIONS = {"De aanpak": "Aanpak"}  # seed 003 captions the table of 'De aanpak' as 'Aanpak'


@dataclass(frozen=True)
class Finding:
    """One finding paragraph of a Bevindingen cell: '{symbol} {text}', then ' LET OP: {let_op}' when there is one."""

    mark: Mark | None
    text: str
    let_op: str = ""

    @property
    def symbol(self) -> str:
        return self.mark.symbol if self.mark else ""


@dataclass(frozen=True)
class Row:
    """One table row: one indicator, or a row group (several indicators, one paragraph each). `findings` has one
    entry per indicator (in the same order), or a single entry when the group shares one finding."""

    indicators: tuple[str, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class CriterionRows:
    criterion: str  # written once, in a cell merged over its rows
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class ThemeTable:
    caption: str  # the theme's name, but 'Aanpak' for 'De aanpak' (as seed 003)
    criteria: tuple[CriterionRows, ...]


@dataclass(frozen=True)
class ThemeBullet:
    name: str  # 'Toeleiding' (bold, followed by ':')
    description: str  # 'gezinnen zijn in beeld en worden bereikt met de aanpak'


@dataclass(frozen=True)
class Partner:
    name: str  # the organisation's name, printed unchanged
    nominated: bool  # 'aangedragen door de gemeente'


@dataclass(frozen=True)
class ApproachPart:
    name: str
    partners: tuple[Partner, ...]
    description: str  # 'Beschrijving': paragraphs separated by blank lines; lines starting '- ' are bullets
    themes: tuple[ThemeBullet, ...]
    tables: tuple[ThemeTable, ...]

    @property
    def uses_not_established(self) -> bool:
        """Some indicator is '–': the legend sentence then names (–) too."""
        return any(f.mark is Mark.NOT_ESTABLISHED for t in self.tables for c in t.criteria for r in c.rows
                   for f in r.findings)


@dataclass(frozen=True)
class Factsheet:
    municipality: str
    month: str  # 'oktober 2013'
    approaches: tuple[ApproachPart, ...]

    public: tuple[str, ...] = ()  # names printed as they are: the municipality, partners, documents, approaches

    @property
    def title(self) -> str:
        return f"Uitkomsten toezichtonderzoek {self.municipality}"

    def texts(self):
        """(where, text) of every text the document will contain that came from the data (for the guard)."""
        for part in self.approaches:
            where = f"aanpak '{part.name}'"
            for k, block in enumerate(part.description.split("\n\n"), 1):
                yield f"{where}, beschrijving alinea {k}", block
            for table in part.tables:
                for group in table.criteria:
                    for row in group.rows:
                        for finding in row.findings:
                            yield f"{where}, bevinding bij '{row.indicators[0]}'", finding.text
                            if finding.let_op:
                                yield f"{where}, LET OP bij '{row.indicators[0]}'", finding.let_op


def policy_approaches(store: Store, framework_of: Callable[[Approach], Framework], municipality: str) \
        -> list[tuple[Approach, Framework]]:
    """The policy-level approaches of a municipality (name compared without case), in the order they were made;
    follow-ups are not part of the factsheet (they have a document of their own)."""
    wanted = " ".join(municipality.split()).casefold()
    found, others = [], []
    followups = store.followup_ids()
    for approach in store.list_approaches():
        if approach.id in followups or " ".join(approach.municipality.split()).casefold() != wanted:
            continue
        framework = framework_of(approach)
        (found if framework.level == Level.POLICY else others).append((approach, framework))
    if not found:
        known = sorted({a.municipality for a in store.list_approaches()
                        if framework_of(a).level == Level.POLICY}, key=str.casefold)
        why = (f"de gemeente '{municipality}' heeft alleen aanpakken op casusniveau" if others else
               f"geen aanpak op beleidsniveau van de gemeente '{municipality}'")
        raise GgsrError(why + (f"; gemeenten met een aanpak op beleidsniveau: {', '.join(known)}" if known else ""))
    return found


def gather(store: Store, framework_of: Callable[[Approach], Framework], municipality: str, *,
           date: dt.date | None = None) -> Factsheet:
    """The factsheet of a municipality: one part per policy-level approach (see `policy_approaches`)."""
    from ggsr_desktop.report.content import month_year

    pairs = policy_approaches(store, framework_of, municipality)
    public: list[str] = [pairs[0][0].municipality]
    parts = []
    for approach, framework in pairs:
        respondents = store.respondents(approach.id)
        public += [approach.name, *(r.name for r in respondents if r.name)]
        partners = tuple(Partner(r.name, bool(r.nominated)) for r in respondents
                         if r.role is Role.NETWORK_PARTNER and r.name)
        judgements = {j.indicator_id: j for j in store.list_judgements(approach.id)}
        parts.append(ApproachPart(
            approach.name, partners, approach.overview,
            tuple(ThemeBullet(t.name, t.description) for t in framework.themes),
            theme_tables(framework, judgements, store.row_groups(approach.id))))
    return Factsheet(pairs[0][0].municipality, month_year(date or dt.date.today()), tuple(parts),
                     tuple(dict.fromkeys(public)))


def theme_tables(framework: Framework, judgements: dict[str, Judgement], groups: list[RowGroup]) \
        -> tuple[ThemeTable, ...]:
    """One table per theme; a row group is one row, where its first indicator stands."""
    group_of = {ind: g for g in groups for ind in g.indicator_ids}
    texts = {i.id: i.text for t in framework.themes for i in t.indicators}

    def finding(indicator_id: str) -> Finding:
        j = judgements.get(indicator_id)
        return Finding(j.mark, j.finding, j.let_op) if j else Finding(None, "")

    tables, placed = [], set()  # an indicator is shown once, also if a group wrongly spans two criteria
    for theme in framework.themes:
        criteria = []
        for criterion in theme.criteria:
            rows = []
            for indicator in criterion.indicators:
                if indicator.id in placed:
                    continue
                group = group_of.get(indicator.id)
                members = [i for i in group.indicator_ids if i in texts and i not in placed] if group \
                    else [indicator.id]
                placed.update(members)
                shown = members if not group or not group.shared_finding else members[:1]
                rows.append(Row(tuple(texts[i] for i in members), tuple(finding(i) for i in shown)))
            criteria.append(CriterionRows(criterion.text, tuple(rows)))
        tables.append(ThemeTable(THEME_CAPTIONS.get(theme.name, theme.name), tuple(criteria)))
    return tuple(tables)

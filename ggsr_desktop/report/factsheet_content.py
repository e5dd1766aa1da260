"""What the policy-level factsheet 'Uitkomsten toezichtonderzoek {gemeente}' says (spec round2 §2.3), gathered
from the store, before any Word formatting: one `ApproachPart` per approach of the municipality."""

from __future__ import annotations

from dataclasses import dataclass

from ggsr_desktop.models import Mark


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

    @property
    def title(self) -> str:
        return f"Uitkomsten toezichtonderzoek {self.municipality}"

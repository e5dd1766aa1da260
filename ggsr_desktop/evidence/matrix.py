"""The evidence matrix of an approach (Qt-free): per indicator of the framework and per case, how many quotes
there are from each source (gezin, regisseur, professional, document = family plan), their stance balance, and
the flags that tell the inspector where to look: no evidence, a single source (not triangulated), positive and
negative evidence together (contradiction). One store query, however many quotes.

Also the judging progress of an approach, and the matrix as the `evidence` command prints it (JSON, CSV).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from ggsr_desktop.framework import Framework
from ggsr_desktop.models import SOURCES, Case, Highlight, Stance
from ggsr_desktop.store import Store

STANCES: tuple[str, ...] = tuple(s.value for s in Stance)
NO_EVIDENCE, ONE_SOURCE, CONTRADICTION = "geen_bewijs", "een_bron", "tegenstrijdig"
FLAGS = (NO_EVIDENCE, ONE_SOURCE, CONTRADICTION)


@dataclass(frozen=True)
class Cell:
    """The evidence for one indicator in one case."""

    indicator_id: str
    case_id: int
    case_code: str
    sources: dict[str, int]
    stances: dict[str, int]

    @property
    def total(self) -> int:
        """Number of quotes (each counts once, whatever its source)."""
        return sum(self.sources.values())

    @property
    def source_kinds(self) -> tuple[str, ...]:
        return tuple(s for s in SOURCES if self.sources[s])

    @property
    def flags(self) -> list[str]:
        if not self.total:
            return [NO_EVIDENCE]
        flags = []
        if len(self.source_kinds) == 1:
            flags.append(ONE_SOURCE)
        if self.stances[Stance.POSITIVE] and self.stances[Stance.NEGATIVE]:
            flags.append(CONTRADICTION)
        return flags

    @property
    def leaning(self) -> str | None:
        """'positief' or 'negatief' when the balance leans that way, 'neutraal' when even or only neutral,
        None without evidence."""
        if not self.total:
            return None
        pos, neg = self.stances[Stance.POSITIVE], self.stances[Stance.NEGATIVE]
        return Stance.POSITIVE if pos > neg else Stance.NEGATIVE if neg > pos else Stance.NEUTRAL

    @property
    def strength(self) -> str:
        """For colouring: 'missing', 'contradicting', 'weak' (one source) or 'strong' (triangulated)."""
        flags = self.flags
        if NO_EVIDENCE in flags:
            return "missing"
        if CONTRADICTION in flags:
            return "contradicting"
        return "weak" if ONE_SOURCE in flags else "strong"


@dataclass
class Matrix:
    framework: Framework
    cases: list[Case]
    cells: dict[tuple[str, int], Cell] = field(default_factory=dict)

    def cell(self, indicator_id: str, case_id: int) -> Cell:
        return self.cells[(indicator_id, case_id)]

    def row(self, indicator_id: str) -> list[Cell]:
        return [self.cells[(indicator_id, case.id)] for case in self.cases]

    def without_evidence(self) -> list[str]:
        """Indicators with no evidence in any case."""
        return [i.id for i in self.framework.indicators if not any(c.total for c in self.row(i.id))]


def evidence_matrix(store: Store, framework: Framework, approach_id: int) -> Matrix:
    """Every indicator of the framework × every case of the approach, also where there is nothing."""
    cases = store.list_cases(approach_id)
    sources: dict[tuple[str, int], dict[str, int]] = {}
    stances: dict[tuple[str, int], dict[str, int]] = {}
    for r in store.evidence_counts(approach_id):
        key = (r["indicator"], r["case_id"])
        by_source = sources.setdefault(key, dict.fromkeys(SOURCES, 0))
        by_stance = stances.setdefault(key, dict.fromkeys(STANCES, 0))
        by_source[r["role"]] = by_source.get(r["role"], 0) + r["n"]
        by_stance[r["stance"]] += r["n"]
    matrix = Matrix(framework, cases)
    for indicator in framework.indicators:
        for case in cases:
            key = (indicator.id, case.id)
            matrix.cells[key] = Cell(indicator.id, case.id, case.code,
                                     sources.get(key) or dict.fromkeys(SOURCES, 0),
                                     stances.get(key) or dict.fromkeys(STANCES, 0))
    return matrix


# ---- the `evidence` command ---------------------------------------------------------------------------------

def matrix_records(store: Store, framework: Framework, approach_id: int) -> list[dict]:
    """One record per indicator and case, in framework order (the JSON contract of `evidence --json`)."""
    matrix = evidence_matrix(store, framework, approach_id)
    marks = {j.indicator_id: j.mark.symbol if j.mark else None for j in store.list_judgements(approach_id)}
    records = []
    for indicator in framework.indicators:
        for cell in matrix.row(indicator.id):
            records.append({
                "indicator": indicator.id,
                "indicator_text": " ".join(indicator.text.split()),
                "case": cell.case_code,
                "sources": dict(cell.sources),
                "stances": dict(cell.stances),
                "flags": cell.flags,
                "mark": marks.get(indicator.id),
            })
    return records


CSV_COLUMNS = ("indicator", "indicator_text", "case", *(f"sources_{s}" for s in SOURCES),
               *(f"stances_{s}" for s in STANCES), "flags", "mark")


def records_csv(records: list[dict]) -> str:
    """The records flattened, with a header row; flags joined by ';', an absent mark empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        writer.writerow([r["indicator"], r["indicator_text"], r["case"], *(r["sources"][s] for s in SOURCES),
                         *(r["stances"][s] for s in STANCES), ";".join(r["flags"]), r["mark"] or ""])
    return out.getvalue()


# ---- progress -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Progress:
    judged: list[str]
    not_judged: list[str]
    without_evidence: list[str]
    sections_without_conclusion: list[str]  # section titles
    highlighted_outside_sections: list[str]  # indicator ids highlighted but in no section
    unmarked_with_finding: list[str] = field(default_factory=list)


def judging_progress(store: Store, framework: Framework, approach_id: int, matrix: Matrix | None = None) -> Progress:
    judgements = {j.indicator_id: j for j in store.list_judgements(approach_id)}
    ids = [i.id for i in framework.indicators]
    judged = [i for i in ids if i in judgements and judgements[i].mark is not None]
    sections = store.list_sections(approach_id)
    in_sections = {i for s in sections for i in s.indicator_ids}
    highlighted = [i for i in ids if i in judgements and judgements[i].highlight is not Highlight.NONE]
    matrix = matrix or evidence_matrix(store, framework, approach_id)
    return Progress(
        judged=judged,
        not_judged=[i for i in ids if i not in judged],
        without_evidence=matrix.without_evidence(),
        sections_without_conclusion=[s.title for s in sections if not s.conclusion.strip()],
        highlighted_outside_sections=[i for i in highlighted if i not in in_sections],
        unmarked_with_finding=[i for i in ids if i in judgements and judgements[i].mark is None
                               and judgements[i].finding.strip()],
    )

"""The numbers of the national report (spec round2 §4.3–§4.6): the approaches of a round, from a round database
(`records_from_store`) or from judgement files (`models.ApproachRecord`), counted per figure item of a figure
definition (`framework.figures`) and per indicator of the framework.

Counting rule (§4.3): per item `ja` = ✓ on the indicator (or the attribute's 'ja' value), `nee` = X (another value),
`uitgesloten` = – or an explicit exclusion with a reason (or the item's `exclude_when`), `niet_beoordeeld` = no
judgement; n = ja + nee; the percentage is 100·ja/n rounded half up to a whole number (decision §10.3; written once,
`percentage`). A figure per gemeente (§10.1) counts a gemeente 'ja' when any of its approaches is 'ja'.

Before counting, `aggregate` refuses (`AggregateRefused`, Dutch, naming the files or sources) records of another
framework or another version of it (fingerprint), and two records of the same (round, gemeente, aanpak) with
different content; identical duplicates count once. The result does not depend on the order of the input: records
are ordered by gemeente and approach. Read-only; may import `models`, `framework`, `labels` and `store`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.framework import Framework
from ggsr_desktop.framework.figures import UNIT_APPROACH, UNIT_MUNICIPALITY, Category, Figure, FigureItem, FigureSet
from ggsr_desktop.models import ApproachRecord, Level, Mark

YES, NO, EXCLUDED, NOT_JUDGED = "ja", "nee", "uitgesloten", "niet_beoordeeld"
NOUNS = {UNIT_APPROACH: ("aanpak", "aanpakken"), UNIT_MUNICIPALITY: (UNIT_MUNICIPALITY, "gemeenten")}
FIGURE_COLUMNS = ("figuur", "item", "bron", "ja", "nee", "uitgesloten", "niet_beoordeeld", "n", "percentage", "zin",
                  "percentage_nee", "zin_nee", "eenheid", "totaal", "groep", "filter")
INDICATOR_COLUMNS = ("indicator", "ja", "nee", "uitgesloten", "niet_beoordeeld", "n", "percentage", "zin")
MAX_LISTED = 12  # problems named in one refusal


class AggregateRefused(GgsrError):
    """The records cannot be counted together: another framework, or two different records of one approach."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = problems[:MAX_LISTED]
        more = f"; en nog {len(problems) - MAX_LISTED}" if len(problems) > MAX_LISTED else ""
        super().__init__("samenvoegen geweigerd: " + "; ".join(shown) + more + ". Er is niets geteld.")


def percentage(part: int, whole: int) -> int | None:
    """100·part/whole rounded half up to a whole number (1 of 8 → 13, 1 of 3 → 33); None when whole is 0."""
    if whole <= 0:
        return None
    return (200 * part + whole) // (2 * whole)


def _norm(text: str) -> str:
    return " ".join((text or "").split()).casefold()


@dataclass(frozen=True)
class Count:
    ja: int = 0
    nee: int = 0
    uitgesloten: int = 0
    niet_beoordeeld: int = 0

    @property
    def n(self) -> int:
        return self.ja + self.nee

    @property
    def total(self) -> int:
        return self.ja + self.nee + self.uitgesloten + self.niet_beoordeeld

    @property
    def percentage(self) -> int | None:
        return percentage(self.ja, self.n)

    @property
    def percentage_nee(self) -> int | None:
        return percentage(self.nee, self.n)

    @staticmethod
    def of(statuses: Iterable[str]) -> Count:
        statuses = list(statuses)
        return Count(statuses.count(YES), statuses.count(NO), statuses.count(EXCLUDED), statuses.count(NOT_JUDGED))


def sentence(part: int, count: Count, unit: str = UNIT_APPROACH, *, filtered: bool = False) -> str:
    """The number sentence the author may use: '28 van de 30 onderzochte aanpakken (93%)'; '23 van in totaal 28
    aanpakken (82%)' when approaches are left out of n; '9 van de 21 gemeenten (43%)'; among the approaches of a
    filter '22 van de 24 aanpakken (92%)'."""
    one, many = NOUNS[unit]
    n = count.n
    if n == 0:
        return f"geen {many} beoordeeld"
    p = percentage(part, n)
    noun = one if n == 1 else many
    if n < count.total:
        return f"{part} van in totaal {n} {noun} ({p}%)"
    studied = "onderzochte " if unit == UNIT_APPROACH and not filtered else ""
    of = "van" if n == 1 else "van de"
    return f"{part} {of} {n} {studied}{noun} ({p}%)"


@dataclass(frozen=True)
class FigureRow:
    """The numbers of one bar or part of a figure."""

    figure: int
    item: str  # the label printed at the bar ('1 gezin 1 plan'), or the category ('Regisseur in het gezin')
    source: str  # 'aanpak.gezamenlijk-plan', 'kenmerk:gezinsplan_leidend', 'kenmerk:type_aanpak=…'
    count: Count
    unit: str
    group: str | None = None  # a category row: the label of its item
    filter: str | None = None  # the condition of the population ('continu.beschikbaarheid X')
    label_nee: str = NO  # the other part of a share chart of a ja/nee item

    @property
    def zin(self) -> str:
        return sentence(self.count.ja, self.count, self.unit, filtered=self.filter is not None)

    @property
    def zin_nee(self) -> str:
        return sentence(self.count.nee, self.count, self.unit, filtered=self.filter is not None)

    def to_dict(self) -> dict:
        c = self.count
        return {"figuur": self.figure, "item": self.item, "bron": self.source, "ja": c.ja, "nee": c.nee,
                "uitgesloten": c.uitgesloten, "niet_beoordeeld": c.niet_beoordeeld, "n": c.n,
                "percentage": c.percentage, "zin": self.zin, "percentage_nee": c.percentage_nee,
                "zin_nee": self.zin_nee, "eenheid": self.unit, "totaal": c.total, "groep": self.group,
                "filter": self.filter}


@dataclass(frozen=True)
class IndicatorRow:
    indicator: str
    text: str
    count: Count

    def to_dict(self) -> dict:
        c = self.count
        return {"indicator": self.indicator, "ja": c.ja, "nee": c.nee, "uitgesloten": c.uitgesloten,
                "niet_beoordeeld": c.niet_beoordeeld, "n": c.n, "percentage": c.percentage,
                "zin": sentence(c.ja, c)}


@dataclass(frozen=True)
class Aggregate:
    framework_id: str
    records: tuple[ApproachRecord, ...]  # one per approach, by gemeente and approach
    rows: tuple[FigureRow, ...]
    indicators: tuple[IndicatorRow, ...]
    rounds: tuple[str, ...] = ()
    missing: tuple[tuple[str, str], ...] = ()  # expected (gemeente, aanpak) without a record
    unexpected: tuple[tuple[str, str], ...] = ()  # records not in the expected list (when one was given)
    unjudged: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (gemeente, aanpak, indicators without a mark)
    warnings: tuple[str, ...] = field(default=())

    @property
    def municipalities(self) -> list[tuple[str, list[str]]]:
        """(gemeente, its approaches) in alphabetical order, as chapter 1 lists them."""
        found: dict[str, tuple[str, list[str]]] = {}
        for r in self.records:
            found.setdefault(_norm(r.municipality), (r.municipality.strip(), []))[1].append(r.approach.strip())
        return [found[k] for k in sorted(found)]

    def figure_rows(self, number: int) -> list[FigureRow]:
        return [r for r in self.rows if r.figure == number]

    def row(self, number: int, item: str) -> FigureRow:
        for r in self.rows:
            if r.figure == number and r.item == item:
                return r
        raise KeyError((number, item))

    def figure_data(self) -> list[dict]:
        return [r.to_dict() for r in self.rows]

    def to_json(self) -> str:
        """The numbers behind every figure (spec §4.5), byte-identical for the same records in any order."""
        return json.dumps(self.figure_data(), ensure_ascii=False, indent=2) + "\n"

    def to_csv(self) -> str:
        return _csv(FIGURE_COLUMNS, self.figure_data())

    def indicator_data(self) -> list[dict]:
        return [r.to_dict() for r in self.indicators]

    def indicator_csv(self) -> str:
        return _csv(INDICATOR_COLUMNS, self.indicator_data())

    def summary(self) -> dict:
        """Everything, for `aggregate --json`."""
        return {
            "toetsingskader": self.framework_id, "rondes": list(self.rounds),
            "gemeenten": len(self.municipalities), "aanpakken": len(self.records),
            "lijst": [{UNIT_MUNICIPALITY: g, "aanpakken": a} for g, a in self.municipalities],
            "figuren": self.figure_data(), "indicatoren": self.indicator_data(),
            "ontbrekend": [{UNIT_MUNICIPALITY: g, "aanpak": a} for g, a in self.missing],
            "onverwacht": [{UNIT_MUNICIPALITY: g, "aanpak": a} for g, a in self.unexpected],
            "zonder_oordeel": [{UNIT_MUNICIPALITY: g, "aanpak": a, "indicatoren": list(i)}
                               for g, a, i in self.unjudged],
            "waarschuwingen": list(self.warnings),
        }


def _csv(columns: tuple[str, ...], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row[c] is None else row[c] for c in columns])
    return out.getvalue()


# ---- reading the records ------------------------------------------------------------------------------------

def records_from_store(store, catalog, study_ids: Iterable[int] | None = None) -> list[ApproachRecord]:
    """The policy-level approaches of a round database (of the given studies, else of every policy-level study),
    follow-ups left out; `source` names the database and the approach."""
    followups = store.followup_ids()
    explicit = study_ids is not None
    studies = [store.get_study(int(s)) for s in dict.fromkeys(study_ids)] if explicit else store.list_studies()
    found: list[ApproachRecord] = []
    for study in studies:
        try:
            framework = catalog.get(study.framework_id)
        except KeyError:
            if explicit:
                raise GgsrError(f"toetsingskader '{study.framework_id}' van onderzoek {study.id} ('{study.name}') "
                                "is niet gevonden") from None
            continue
        if framework.level != Level.POLICY:
            if explicit:
                raise GgsrError(f"onderzoek {study.id} ('{study.name}') is niet op beleidsniveau; de landelijke "
                                "rapportage telt aanpakken op beleidsniveau")
            continue
        for approach in store.list_approaches(study.id):
            if approach.id in followups:
                continue
            judgements = store.list_judgements(approach.id)
            found.append(ApproachRecord(
                source=f"{store.path}, aanpak {approach.id}", round=study.name, municipality=approach.municipality,
                approach=approach.name, framework_id=framework.id, fingerprint=framework.fingerprint,
                marks={j.indicator_id: j.mark for j in judgements},
                findings={j.indicator_id: j.finding for j in judgements if j.finding},
                attributes=store.approach_attributes(approach.id), exclusions=store.exclusions(approach.id),
                approach_uuid=approach.uuid))
    return found


def _key(r: ApproachRecord) -> tuple[str, str, str]:
    return _norm(r.municipality), _norm(r.approach), _norm(r.round)


def _content(r: ApproachRecord) -> tuple:
    """What two records of one approach must share to be the same record (the source and uuid aside)."""
    return (r.framework_id, r.fingerprint,
            tuple(sorted((k, v.value) for k, v in r.marks.items() if v is not None)),
            tuple(sorted((k, " ".join(v.split())) for k, v in r.findings.items() if v and v.strip())),
            tuple(sorted((k, " ".join(v.split())) for k, v in r.attributes.items() if v and v.strip())),
            tuple(sorted((k, " ".join(v.split())) for k, v in r.exclusions.items() if v and v.strip())))


def _checked(records: Iterable[ApproachRecord], framework: Framework) -> list[ApproachRecord]:
    """One record per approach, in order; refuses other frameworks and different duplicates."""
    ordered = sorted(records, key=lambda r: (*_key(r), r.source))
    problems: list[str] = []
    for r in ordered:
        if r.framework_id != framework.id:
            problems.append(f"{r.source}: hoort bij toetsingskader '{r.framework_id}', niet bij '{framework.id}'")
        elif r.fingerprint != framework.fingerprint:
            problems.append(f"{r.source}: toetsingskader '{r.framework_id}' in een andere versie (de indicatoren of "
                            "hun teksten verschillen)")
    kept: dict[tuple, ApproachRecord] = {}
    for r in ordered:
        first = kept.setdefault(_key(r), r)
        if first is not r and _content(first) != _content(r):
            problems.append(f"'{r.municipality.strip()} / {r.approach.strip()} / {r.round.strip()}' staat twee keer "
                            f"in de gegevens met verschillende inhoud: {first.source} en {r.source}")
    if problems:
        raise AggregateRefused(problems)
    return list(kept.values())


# ---- counting -----------------------------------------------------------------------------------------------

def _excluded(record: ApproachRecord, key: str | None) -> bool:
    return bool(key) and bool((record.exclusions.get(key) or "").strip())


def _mark_status(record: ApproachRecord, indicator: str) -> str:
    if _excluded(record, indicator):
        return EXCLUDED
    mark = record.marks.get(indicator)
    if mark is None:
        return NOT_JUDGED
    return {Mark.SATISFIED: YES, Mark.IMPROVEMENT: NO, Mark.NOT_ESTABLISHED: EXCLUDED}[Mark(mark)]


def _status(item: FigureItem, record: ApproachRecord, category: Category | None = None) -> str | None:
    """The record's part in the item (or in one of its categories); None: not counted at all (the filter)."""
    if item.filter is not None and not item.filter.holds(record):
        return None
    if item.exclude_when is not None and item.exclude_when.holds(record):
        return EXCLUDED
    if item.indicator is not None:
        return _mark_status(record, item.indicator)
    if _excluded(record, item.attribute):
        return EXCLUDED
    value = " ".join((record.attributes.get(item.attribute) or "").split())
    if not value:
        return NOT_JUDGED
    if category is None:
        return YES if value in item.values else NO
    if value == category.value:
        return YES
    return NO if any(value == c.value for c in item.categories) else EXCLUDED


def _combined(statuses: list[str]) -> str:
    """A gemeente's part from its approaches' (decision §10.1: 'ja' when any of them is)."""
    for status in (YES, NO, EXCLUDED):
        if status in statuses:
            return status
    return NOT_JUDGED


def _count(figure: Figure, item: FigureItem, records: list[ApproachRecord], category: Category | None) -> Count:
    per_record = [(r, _status(item, r, category)) for r in records]
    if figure.unit == UNIT_APPROACH:
        return Count.of(s for _r, s in per_record if s is not None)
    by_municipality: dict[str, list[str]] = {}
    for r, s in per_record:
        if s is not None:
            by_municipality.setdefault(_norm(r.municipality), []).append(s)
    return Count.of(_combined(v) for _k, v in sorted(by_municipality.items()))


def figure_rows(figure: Figure, records: list[ApproachRecord]) -> list[FigureRow]:
    rows = []
    for item in figure.items:
        condition = item.filter.describe() if item.filter is not None else None
        if item.counts_yes_no:
            rows.append(FigureRow(figure.number, item.label, item.source, _count(figure, item, records, None),
                                  figure.unit, None, condition, item.label_nee))
        for category in item.categories:
            rows.append(FigureRow(figure.number, category.label, f"{item.source}={category.value}",
                                  _count(figure, item, records, category), figure.unit, item.label, condition))
    return rows


def aggregate(records: Iterable[ApproachRecord], framework: Framework, figures: FigureSet | None = None,
              expected: Iterable[tuple[str, str]] | None = None) -> Aggregate:
    """Count the records for every figure item and every indicator (see the module's docstring)."""
    kept = _checked(records, framework)
    if figures is not None and figures.framework_id != framework.id:
        raise GgsrError(f"{figures.source}: de figuurdefinities horen bij toetsingskader '{figures.framework_id}', "
                        f"niet bij '{framework.id}'")
    rows: list[FigureRow] = []
    for figure in figures.figures if figures is not None else ():
        rows.extend(figure_rows(figure, kept))
    indicators = tuple(IndicatorRow(i.id, i.text, Count.of(_mark_status(r, i.id) for r in kept))
                       for i in framework.indicators)
    rounds = tuple(sorted({" ".join(r.round.split()) for r in kept}, key=str.casefold))
    warnings = []
    if len(rounds) > 1:
        warnings.append(f"de gegevens komen uit {len(rounds)} rondes ({', '.join(rounds)}); een landelijke "
                        "rapportage telt één ronde")
    missing: tuple[tuple[str, str], ...] = ()
    unexpected: tuple[tuple[str, str], ...] = ()
    if expected is not None:
        wanted = {(_norm(g), _norm(a)): (" ".join(g.split()), " ".join(a.split())) for g, a in expected}
        present = {(_norm(r.municipality), _norm(r.approach)) for r in kept}
        missing = tuple(wanted[k] for k in sorted(wanted) if k not in present)
        unexpected = tuple((r.municipality.strip(), r.approach.strip()) for r in kept
                           if (_norm(r.municipality), _norm(r.approach)) not in wanted)
        if missing:
            warnings.append(f"{len(missing)} verwachte aanpak(ken) ontbreken: "
                            + "; ".join(f"{g} / {a}" for g, a in missing))
    ids = [i.id for i in framework.indicators]
    unjudged = tuple((r.municipality.strip(), r.approach.strip(), gaps) for r in kept
                     if (gaps := tuple(i for i in ids if r.marks.get(i) is None and not _excluded(r, i))))
    return Aggregate(framework.id, tuple(kept), tuple(rows), indicators, rounds, missing, unexpected, unjudged,
                     tuple(warnings))


def read_expected(text: str) -> list[tuple[str, str]]:
    """The expected approaches from CSV text: 'gemeente,aanpak' per line (';' also; a header line is skipped)."""
    found = []
    for k, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        delimiter = ";" if ";" in line else ","
        cells = next(csv.reader([line], delimiter=delimiter))
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise GgsrError(f"regel {k + 1} van de lijst verwachte aanpakken: verwacht 'gemeente,aanpak'")
        if k == 0 and _norm(cells[0]) == UNIT_MUNICIPALITY and _norm(cells[1]) == "aanpak":
            continue
        found.append((cells[0].strip(), cells[1].strip()))
    return found

"""What the Nota van Bevindingen says, gathered from the store (Qt-free, docx-free): the title page, the texts of
chapters 1–5 (some written from the data, such as who was interviewed in 1.3), the report sections with their
findings and illustrative quotes, and the appendix with a judgement per indicator. The writer only lays it out.

The structure and the standard texts follow seed 001 (Nota van Bevindingen Maastricht Integrale Aanpak).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ggsr_desktop.evidence.findings import number_word
from ggsr_desktop.framework import Framework
from ggsr_desktop.labels import role_prefix
from ggsr_desktop.models import DESCRIPTION_FIELDS, Highlight, Mark, Quote, ReportSection, Role, Stance, Status
from ggsr_desktop.store import Store

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
INSPECTORATES = ("Inspectie voor de Gezondheidszorg", "Inspectie van het Onderwijs", "Inspectie Jeugdzorg",
                 "Inspectie Veiligheid en Justitie", "Inspectie Sociale Zaken en Werkgelegenheid")
SUBTITLE = ("Toezichtonderzoek op casusniveau naar de verantwoorde zorg en ondersteuning van gezinnen met geringe "
            "sociale redzaamheid")
AUTO_PER_INDICATOR = 2
TO_WRITE = "[Nog te schrijven: {0}]"

GGSR_DEFINITION = (
    "Gezinnen met geringe sociale redzaamheid (GGSR) zijn zelf niet goed in staat om adequate hulp te organiseren "
    "voor de problemen waarmee ze worden geconfronteerd. Het gaat om een combinatie van problemen met een complex en "
    "hardnekkig karakter, zoals werkloosheid, schulden, (geestes)ziekte en/of verslaving en/of verstandelijke "
    "beperking, huisvestings- en opvoedproblemen en huiselijk geweld. Deze gezinnen kennen vaak een historie van "
    "hulpverleningstrajecten die niet tot het gewenste resultaat hebben geleid of zijn vastgelopen. Kinderen die in "
    "deze gezinnen opgroeien, lopen risico's ten aanzien van een gezonde en veilige ontwikkeling.")


def month_year(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"



def paragraphs(text: str) -> list[str]:
    """A stored text as the paragraphs it was written in (blank lines separate them)."""
    return [" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


@dataclass(frozen=True)
class QuoteLine:
    prefix: str
    text: str
    quote_id: int
    auto: bool  # chosen by the draft, not by the inspector: marked with a comment to check


@dataclass
class SectionPart:
    title: str
    intro: list[str]
    themes: list[str]
    findings: list[str]
    quotes: list[QuoteLine]
    conclusion: list[str]
    drafted: bool = False  # grouped by criterion because no sections were defined


@dataclass(frozen=True)
class AppendixRow:
    criterion: str
    indicator: str
    indicator_id: str
    mark: Mark | None
    finding: str
    highlight: Highlight


@dataclass
class AppendixTable:
    theme: str
    rows: list[AppendixRow]


@dataclass
class Inspected:
    """Who was interviewed, counted from the interviews held (status not 'gepland', or with quotes)."""

    families: int
    family_interviews: int
    regisseur_interviews: int
    professionals: list[int]  # per case
    plans: int  # family-plan reviews held


@dataclass
class Nota:
    municipality: str
    approach_name: str
    regisseur_label: str
    place: str
    date: dt.date
    author: str
    voorwoord: list[str]
    approach_intro: list[str]
    inspected: Inspected
    figure1: list[tuple[str, list[str]]]
    typering: list[tuple[str, list[str]]]
    green: list[SectionPart]
    red: list[SectionPart]
    conclusion: list[str]
    recommendations: list[tuple[str, str]]
    themes: list[tuple[str, str]]
    appendix: list[AppendixTable]
    locations: dict[int, str] = field(default_factory=dict)  # quote id -> 'Gezin A, gesprek met …'

    @property
    def title(self) -> str:
        return f"Nota van Bevindingen {self.municipality} {self.approach_name}"

    def texts(self):
        """(where, text) of every text the document will contain that came from the data (for the audit)."""
        for part, items in (("voorwoord", self.voorwoord), ("hoofdstuk 1.2", self.approach_intro),
                            ("hoofdstuk 5.1", self.conclusion)):
            for text in items:
                yield part, text
        for title, texts in self.typering:
            for text in texts:
                yield f"hoofdstuk 2 '{title}'", text
        for chapter, sections in (("3", self.green), ("4", self.red)):
            for s in sections:
                where = f"hoofdstuk {chapter} '{s.title}'"
                yield where, s.title
                for text in [*s.intro, *s.findings, *s.conclusion]:
                    yield where, text
                for q in s.quotes:
                    yield f"citaat {q.quote_id} ({self.locations.get(q.quote_id, where)})", q.text
        for lead, text in self.recommendations:
            yield "hoofdstuk 5.2 (aanbeveling)", f"{lead} {text}"
        for table in self.appendix:
            for row in table.rows:
                yield f"bijlage 1, bevinding bij '{row.indicator}'", row.finding


def gather(store: Store, framework: Framework, approach_id: int, *, author: str = "", place: str = "Utrecht",
           date: dt.date | None = None) -> Nota:
    approach = store.get_approach(approach_id)
    texts = store.get_approach_texts(approach_id)
    judgements = {j.indicator_id: j for j in store.list_judgements(approach_id)}
    cases = store.list_cases(approach_id)
    interviews = {case.id: store.list_interviews(case.id) for case in cases}
    roles = {iv.id: iv.role for ivs in interviews.values() for iv in ivs}
    case_of = {iv.id: case for case in cases for iv in interviews[case.id]}
    label = approach.regisseur_label
    nota = Nota(
        municipality=approach.municipality, approach_name=approach.name, regisseur_label=label, place=place,
        date=date or dt.date.today(), author=author,
        voorwoord=paragraphs(texts["voorwoord"]),
        approach_intro=_approach_intro(approach),
        inspected=_inspected(store, interviews),
        figure1=[(t.name, [" ".join(c.text.split()) for c in t.criteria]) for t in framework.themes],
        typering=[(DESCRIPTION_FIELDS[k], paragraphs(approach.description.get(k, ""))) for k in DESCRIPTION_FIELDS],
        green=[], red=[],
        conclusion=paragraphs(texts["conclusion"]),
        recommendations=[(r.lead, r.text) for r in store.list_recommendations(approach_id)],
        themes=[(t.name, t.description) for t in framework.themes],
        appendix=_appendix(framework, judgements),
    )
    sections = store.list_sections(approach_id) or _drafted_sections(framework, judgements)
    quote_cache: dict[int, Quote] = {}

    def quote(quote_id: int) -> Quote | None:
        if quote_id not in quote_cache:
            try:
                quote_cache[quote_id] = store.get_quote(quote_id)
            except Exception:  # noqa: BLE001 - a removed quote is simply not shown
                return None
        return quote_cache[quote_id]

    for section in sections:
        part = _section(store, framework, approach_id, section, judgements, quote, roles, label)
        (nota.green if section.highlight is Highlight.GREEN else nota.red).append(part)
    for q_id in {q.quote_id for s in nota.green + nota.red for q in s.quotes}:
        iv_id = quote(q_id).interview_id
        nota.locations[q_id] = f"{case_of[iv_id].code}, {role_prefix(roles[iv_id], label).lower()}"
    return nota


def _approach_intro(approach) -> list[str]:
    first = (f"De gemeente {approach.municipality} zet de aanpak '{approach.name}' in voor gezinnen met geringe "
             f"sociale redzaamheid. De regie ligt bij de {approach.regisseur_label}.")
    goal = paragraphs(approach.description.get("goal", ""))
    return [first, *(goal or [TO_WRITE.format("een korte beschrijving van de aanpak (Typering › Doel)")])]


def _held(interview, quote_counts: dict[int, int]) -> bool:
    return interview.status is not Status.PLANNED or quote_counts.get(interview.id, 0) > 0


def _inspected(store: Store, interviews: dict) -> Inspected:
    family = regisseur = plans = 0
    professionals = []
    for case_id, ivs in interviews.items():
        counts = store.quote_counts_by_interview(case_id)
        held = [iv for iv in ivs if _held(iv, counts)]
        family += any(iv.role is Role.FAMILY for iv in held)
        regisseur += any(iv.role is Role.REGISSEUR for iv in held)
        plans += any(iv.role is Role.DOCUMENT for iv in held)
        professionals.append(sum(1 for iv in held if iv.role is Role.PROFESSIONAL))
    return Inspected(len(interviews), family, regisseur, professionals, plans)


def inspected_sentences(inspected: Inspected, regisseur_label: str) -> list[str]:
    """Chapter 1.3's account of the interviews, counted ('… en per gezin met drie betrokken professionals')."""
    n = inspected.families
    if n == 0:
        return ["Er zijn (nog) geen gezinnen in het onderzoek opgenomen."]
    families = "één gezin" if n == 1 else f"{number_word(n)} gezinnen"
    first = (f"Voor het onderzoek is een selectie gemaakt van {families} die aan de STJ-definitie van GGSR voldoen "
             f"en die bereid {'was' if n == 1 else 'waren'} aan het onderzoek deel te nemen.")
    spoken = []
    if inspected.family_interviews:
        spoken.append("het gezin" if inspected.family_interviews == n else
                      f"het gezin (in {number_word(inspected.family_interviews)} van de {number_word(n)} casussen)")
    if inspected.regisseur_interviews:
        who = f"de betrokken {regisseur_label}"
        spoken.append(who if inspected.regisseur_interviews == n else
                      f"{who} (in {number_word(inspected.regisseur_interviews)} van de {number_word(n)} casussen)")
    low, high = min(inspected.professionals), max(inspected.professionals)
    if high:
        count = number_word(high) if low == high else f"{number_word(low)} tot {number_word(high)}"
        spoken.append(f"per gezin met {count} betrokken professional{'s' if high > 1 else ''}")
    sentences = [first]
    if spoken:
        joined = spoken[0] if len(spoken) == 1 else ", ".join(spoken[:-1]) + " en " + spoken[-1]
        sentences.append(f"Vervolgens hebben STJ-inspecteurs gesproken met {joined}.")
    if inspected.plans == n:
        sentences.append("Ook is het gezinsplan beoordeeld.")
    elif inspected.plans:
        sentences.append("Ook is het gezinsplan beoordeeld, maar dit plan was niet in alle gevallen aanwezig.")
    else:
        sentences.append("Een gezinsplan was in geen van de casussen beschikbaar om te beoordelen.")
    sentences.append("De gezinnen hebben STJ gemachtigd om dit onderzoek uit te voeren.")
    return sentences


def _appendix(framework: Framework, judgements: dict) -> list[AppendixTable]:
    tables = []
    for theme in framework.themes:
        rows = []
        for criterion in theme.criteria:
            for indicator in criterion.indicators:
                j = judgements.get(indicator.id)
                rows.append(AppendixRow(
                    criterion=" ".join(criterion.text.split()), indicator=" ".join(indicator.text.split()),
                    indicator_id=indicator.id, mark=j.mark if j else None, finding=" ".join((j.finding if j else "")
                                                                                          .split()),
                    highlight=j.highlight if j else Highlight.NONE))
        tables.append(AppendixTable(theme.name, rows))
    return tables


def _drafted_sections(framework: Framework, judgements: dict) -> list[ReportSection]:
    """Without report sections: the highlighted indicators grouped by criterion, the criterion as title."""
    drafted = []
    for colour in (Highlight.GREEN, Highlight.RED):
        for criterion in framework.criteria:
            ids = [i.id for i in criterion.indicators if judgements.get(i.id) and judgements[i.id].highlight is colour]
            if ids:
                drafted.append(ReportSection(0, 0, colour, " ".join(criterion.text.split()), "", "", len(drafted),
                                             tuple(ids)))
    return drafted


def _section(store, framework, approach_id, section: ReportSection, judgements, quote, roles, label) -> SectionPart:
    ids = [i for i in section.indicator_ids if framework.has_indicator(i)]
    themes = []
    for indicator_id in ids:
        theme = next(t.name for t in framework.themes if any(i.id == indicator_id for i in t.indicators))
        if theme not in themes:
            themes.append(theme)
    findings = [" ".join(judgements[i].finding.split()) for i in ids
                if i in judgements and judgements[i].finding.strip()]
    chosen = list(dict.fromkeys(q for i in ids if i in judgements for q in judgements[i].quote_ids))
    lines = [_line(quote(q), roles, label, auto=False) for q in chosen if quote(q) is not None]
    if not lines:  # nothing selected: a draft of up to two fitting quotes per indicator, to be checked
        stance = Stance.POSITIVE.value if section.highlight is Highlight.GREEN else Stance.NEGATIVE.value
        seen: set[int] = set()
        for indicator_id in ids:
            fitting = [q for q in store.find_quotes(approach_id, indicator_id=indicator_id, stances=[stance], limit=20)
                       if q.id not in seen][:AUTO_PER_INDICATOR]
            seen.update(q.id for q in fitting)
            lines.extend(_line(q, roles, label, auto=True) for q in fitting)
    intro = paragraphs(section.intro) or [TO_WRITE.format("de inleiding van deze sectie: waarom dit thema ertoe "
                                                          "doet")]
    conclusion = paragraphs(section.conclusion) or [TO_WRITE.format("de conclusie van deze sectie")]
    return SectionPart(section.title, intro, themes, findings, lines, conclusion, drafted=section.id == 0)


def _line(q: Quote, roles, label, auto: bool) -> QuoteLine:
    return QuoteLine(role_prefix(roles[q.interview_id], label), " ".join(q.text.split()), q.id, auto)

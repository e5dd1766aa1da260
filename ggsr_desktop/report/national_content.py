"""What the national report of a round says (spec round2 §4.1, seed 000), before any Word formatting: the free texts
of the round by key (`TEXT_KEYS`; `store.round_texts`), the list of gemeenten and their approaches, the framework
for Figuur 1, and per figure of the definitions its caption, lead line and the numbers it is drawn from
(`evidence.aggregate`). A missing text becomes a muted placeholder, for a section with the number sentences of its
figures. The check that no free text names a gemeente or approach of the data (§4.7 check 12) is here too.

Free texts are plain: paragraphs separated by a blank line, lines starting '- ' are bullets, '### ' starts an
unnumbered subheading ('Doorzettingsmacht'), and '**…**' at the start of a paragraph or bullet is its bold lead
('**Breng deze kwetsbare gezinnen in beeld.** …')."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ggsr_desktop.evidence.aggregate import Aggregate
from ggsr_desktop.framework import Framework
from ggsr_desktop.framework.figures import CHART_SHARE, Figure, FigureSet
from ggsr_desktop.framework.loader import LEVEL_NAMES
from ggsr_desktop.report.content import GGSR_DEFINITION, TO_WRITE, month_year
from ggsr_desktop.report.guard import ExportRefused

# The texts of the report by key (store.round_texts), in the order of the report, with what they are.
TEXT_KEYS: dict[str, str] = {
    "titel": "de titel",
    "voorwoord": "het voorwoord",
    "ondertekening": "de ondertekening van het voorwoord (naam en functie, regel voor regel)",
    "inleiding": "de inleiding (hoofdstuk 1)",
    "ggsr": "'Gezinnen met geringe sociale redzaamheid' (hoofdstuk 1)",
    "toezichtonderzoek": "'Toezichtonderzoek STJ' (hoofdstuk 1)",
    "deze_rapportage": "'Deze rapportage' (hoofdstuk 1)",
    "verantwoording": "'Verantwoording' (hoofdstuk 1)",
    "conclusies": "de conclusies (2.1)",
    "aanbevelingen": "de aanbevelingen (2.2)",
    "tot_slot": "'Tot slot' (hoofdstuk 4)",
}
SIGNATURE_KEY = "ondertekening"  # a public official's name, printed as entered (decision §10.7)
CLOSING = ("Hoogachtend,", "namens de samenwerkende jeugdinspecties,")
DEFAULT_TITLE = "Landelijke rapportage toezichtonderzoek beleidsniveau"
SUBHEADINGS = {"ggsr": "Gezinnen met geringe sociale redzaamheid", "toezichtonderzoek": "Toezichtonderzoek STJ",
               "deze_rapportage": "Deze rapportage", "verantwoording": "Verantwoording"}
DEFAULTS = {"ggsr": GGSR_DEFINITION}  # [000:64-71] is the nota's definition, word for word
# Chapter 1 lists the gemeenten and may name them, as seed 000 does ('Delft, Lelystad, Maastricht en Zwolle' of the
# second phase [000:220]); every other text holds the unnamed examples (§4.7 check 12) and is checked for names.
NAMING_ALLOWED = ("inleiding", "ggsr", "toezichtonderzoek", "deze_rapportage", "verantwoording")


def section_key(number: str) -> str:
    """The key of a 3.x section's text: 'sectie_3.1' (before its figures)."""
    return f"sectie_{number}"


def figure_key(number: int) -> str:
    """The key of the text after a figure: 'figuur_2' (optional: no placeholder)."""
    return f"figuur_{number}"


@dataclass(frozen=True)
class Block:
    kind: str  # 'p', 'bullet' or 'heading'
    lead: str  # bold lead ('' when none)
    text: str
    placeholder: bool = False


def blocks(text: str) -> list[Block]:
    """A free text as paragraphs, bullets and subheadings (see the module's docstring)."""
    found: list[Block] = []
    lines: list[str] = []

    def flush():
        if lines:
            found.append(_block("p", " ".join(lines)))
            lines.clear()

    for raw in [*(text or "").replace("\r\n", "\n").split("\n"), ""]:
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("### "):
            flush()
            found.append(Block("heading", "", line[4:].strip()))
        elif line.startswith(("- ", "• ")):
            flush()
            found.append(_block("bullet", line[2:].strip()))
        else:
            lines.append(line)
    return found


def _block(kind: str, text: str) -> Block:
    found = re.match(r"\*\*(.+?)\*\*\s*(.*)$", text)
    return Block(kind, found.group(1).strip(), found.group(2)) if found else Block(kind, "", text)


def placeholder(what: str) -> list[Block]:
    return [Block("p", "", TO_WRITE.format(what), placeholder=True)]


@dataclass(frozen=True)
class Bar:
    label: str
    ja: int
    nee: int
    percentage: int | None  # of ja, half up (labelled)
    percentage_nee: int | None


@dataclass(frozen=True)
class Part:
    label: str
    count: int
    percentage: int | None


@dataclass(frozen=True)
class FigureContent:
    number: int
    caption: str
    lead: str
    chart: str  # 'bars' or 'share'
    bars: tuple[Bar, ...]
    parts: tuple[Part, ...]
    sentences: tuple[str, ...]  # '1 gezin 1 plan: 28 van de 30 onderzochte aanpakken (93%)'
    after: tuple[Block, ...]  # the text after the figure

    @property
    def title(self) -> str:
        return f"Figuur {self.number}: {self.caption}"

    @property
    def alt_text(self) -> str:
        """What the chart shows, in words (the picture's description in Word)."""
        if self.chart == CHART_SHARE:
            shown = "; ".join(f"{p.label}: {_pct(p.percentage)}" for p in self.parts)
        else:
            shown = "; ".join(f"{b.label}: ja {_pct(b.percentage)}, nee {_pct(b.percentage_nee)}" for b in self.bars)
        return f"{self.title}. {self.lead} {shown}"


def _pct(value: int | None) -> str:
    return "–" if value is None else f"{value}%"


@dataclass(frozen=True)
class SectionContent:
    number: str
    title: str
    text: tuple[Block, ...]
    figures: tuple[FigureContent, ...]


@dataclass(frozen=True)
class ThemeCriteria:
    theme: str
    criteria: tuple[str, ...]


@dataclass(frozen=True)
class NationalReport:
    title: str
    round: str
    month: str
    voorwoord: tuple[Block, ...]
    signature: tuple[str, ...]  # lines under 'Hoogachtend, namens …'; empty: a placeholder
    chapter1: dict[str, tuple[Block, ...]]  # inleiding, ggsr, toezichtonderzoek, deze_rapportage, verantwoording
    municipalities: tuple[tuple[str, tuple[str, ...]], ...]
    approach_count: int
    framework_caption: str  # 'Toetsingskader beleidsniveau'
    framework_intro: str
    criteria_header: str  # 'Criteria beleidsniveau'
    themes: tuple[ThemeCriteria, ...]
    conclusions: tuple[Block, ...]
    recommendations: tuple[Block, ...]
    sections: tuple[SectionContent, ...]
    closing: tuple[Block, ...]
    free_texts: tuple[tuple[str, str], ...]  # (where, text) of the texts written by the inspectors
    example_texts: tuple[tuple[str, str], ...]  # those that may not name a gemeente or approach of the data
    definition_texts: tuple[tuple[str, str], ...]  # (where, text) of the figure definitions
    names: tuple[str, ...]  # gemeenten and approaches of the data (no free text may name them)

    @property
    def count_sentence(self) -> str:
        """'In totaal hebben de 21 gemeenten dus 30 aanpakken aangedragen, …' [000:150]."""
        n, m = len(self.municipalities), self.approach_count
        approaches = "1 aanpak" if m == 1 else f"{m} aanpakken"
        who = "heeft de gemeente" if n == 1 else f"hebben de {n} gemeenten"
        return (f"In totaal {who} dus {approaches} aangedragen, die STJ vervolgens heeft beoordeeld aan de hand van "
                "het toetsingskader (figuur 1).")

    @property
    def figures(self) -> tuple[FigureContent, ...]:
        return tuple(f for s in self.sections for f in s.figures)


def _text(texts: dict[str, str], key: str, what: str, *, required: bool = True) -> tuple[Block, ...]:
    found = blocks(texts.get(key, "")) or blocks(DEFAULTS.get(key, ""))
    if not found and required:
        found = placeholder(what)
    return tuple(found)


def _figure(figure: Figure, aggregate: Aggregate, texts: dict[str, str]) -> FigureContent:
    rows = aggregate.figure_rows(figure.number)
    plain = [r for r in rows if r.group is None]
    bars = tuple(Bar(r.item, r.count.ja, r.count.nee, r.count.percentage, r.count.percentage_nee) for r in plain)
    parts: tuple[Part, ...] = ()
    if figure.chart == CHART_SHARE:
        categories = [r for r in rows if r.group is not None]
        if categories:
            parts = tuple(Part(r.item, r.count.ja, r.count.percentage) for r in categories)
        elif plain:
            r = plain[0]
            parts = (Part(r.item, r.count.ja, r.count.percentage), Part(r.label_nee, r.count.nee,
                                                                          r.count.percentage_nee))
    sentences = tuple(f"{r.item}: {r.zin}" for r in rows)
    return FigureContent(figure.number, figure.caption, figure.lead, figure.chart, bars, parts, sentences,
                         _text(texts, figure_key(figure.number), "", required=False))


def gather(aggregate: Aggregate, framework: Framework, figures: FigureSet, texts: dict[str, str], *,
           round_name: str | None = None, date: dt.date | None = None) -> NationalReport:
    """The report from the counted records, the framework, the figure definitions and the round's free texts."""
    texts = {k: v for k, v in texts.items() if v and v.strip()}
    sections = []
    for section in figures.sections:
        contents = tuple(_figure(f, aggregate, texts) for f in figures.figures_of(section.number))
        numbers = "; ".join(s for f in contents for s in f.sentences)
        what = f"paragraaf {section.number}" + (f" — met de cijfers: {numbers}" if numbers else "")
        sections.append(SectionContent(section.number, section.title,
                                       _text(texts, section_key(section.number), what), contents))
    municipalities = tuple((g, tuple(a)) for g, a in aggregate.municipalities)
    names = tuple(dict.fromkeys([*(g for g, _a in municipalities), *(a for _g, aa in municipalities for a in aa)]))
    free, examples = [], []
    described = {**TEXT_KEYS, **{section_key(s.number): f"paragraaf {s.number}" for s in figures.sections},
                 **{figure_key(f.number): f"de tekst bij figuur {f.number}" for f in figures.figures}}
    for key, text in texts.items():
        if key in described and key != SIGNATURE_KEY:
            free.append((f"{described[key]} (tekst '{key}')", text))
            if key not in NAMING_ALLOWED:
                examples.append(free[-1])
    signature = tuple(line.strip() for line in texts.get(SIGNATURE_KEY, "").splitlines() if line.strip())
    round_name = " ".join((round_name or (aggregate.rounds[0] if aggregate.rounds else "")).split())
    return NationalReport(
        title=" ".join(texts.get("titel", "").split()) or DEFAULT_TITLE, round=round_name,
        month=month_year(date or dt.date.today()),
        voorwoord=_text(texts, "voorwoord", TEXT_KEYS["voorwoord"]), signature=signature,
        chapter1={k: _text(texts, k, TEXT_KEYS[k]) for k in ("inleiding", *SUBHEADINGS)},
        municipalities=municipalities, approach_count=len(aggregate.records),
        framework_caption=framework.name, framework_intro=framework.description,
        criteria_header=f"Criteria {LEVEL_NAMES.get(framework.level, framework.level)}",
        themes=tuple(ThemeCriteria(t.name, tuple(c.text for c in t.criteria)) for t in framework.themes),
        conclusions=_text(texts, "conclusies", TEXT_KEYS["conclusies"]),
        recommendations=_text(texts, "aanbevelingen", TEXT_KEYS["aanbevelingen"]),
        sections=tuple(sections), closing=_text(texts, "tot_slot", TEXT_KEYS["tot_slot"]),
        free_texts=tuple(free), example_texts=tuple(examples), definition_texts=tuple(figures.texts()), names=names)


# ---- §4.7 check 12: no free text names a gemeente or an approach of the data ---------------------------------

def _pattern(name: str) -> re.Pattern:
    """A name as a whole word; a one-word name ('Reset', 'GRIP', 'Delft') with its capitals, so that the common
    word ('grip', 'delft') does not count; a name of several words in any capitalisation."""
    words = name.split()
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", 0 if len(words) == 1 else re.IGNORECASE)


def check_names(report: NationalReport) -> None:
    """Raise ExportRefused naming the text and the name when a text outside chapter 1 (`NAMING_ALLOWED`) or a
    figure definition names a gemeente or an approach of the data: the examples of the report name neither."""
    gemeenten = {g for g, _a in report.municipalities}
    patterns = [(name, _pattern(name)) for name in sorted(report.names, key=lambda n: (-len(n), n)) if name.strip()]
    for where, text in (*report.example_texts, *report.definition_texts):
        for name, pattern in patterns:
            if pattern.search(text or ""):
                kind = "de gemeente" if name in gemeenten else "de aanpak"
                raise ExportRefused(where, f"de naam van {kind} '{name}' uit de gegevens (een voorbeeld in de "
                                           "landelijke rapportage noemt geen gemeente of aanpak)")

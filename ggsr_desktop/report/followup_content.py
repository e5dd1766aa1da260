"""What the follow-up document 'Uitkomsten verbeterpunten toezichtonderzoek {gemeente}' says (spec round2 §3.2,
decision §10.6), gathered from the store before any Word formatting: the front lines, the definition, Inleiding,
Ontwikkeling {jaar 2} (event, documents, the narrative, the scope paragraph) and one table per theme that has
year-1 verbeterpunten (Indicator | {jaar 1} | {jaar 2})."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.evidence.findings import number_word
from ggsr_desktop.evidence.followup import PointRow, Progress, point_rows, progress
from ggsr_desktop.framework import Framework
from ggsr_desktop.models import DevelopmentSection, Level, Mark
from ggsr_desktop.report.factsheet_content import THEME_CAPTIONS, ThemeBullet
from ggsr_desktop.store import Store

# The definition of a GGSR family as seed 002 prints it (two italic paragraphs and three bullets).
DEFINITION = (
    "Samenwerkend Toezicht Jeugd (STJ) verstaat onder een gezin met geringe sociale redzaamheid een gezin met "
    "chronische problemen op meerdere leefgebieden (minimaal vier), waarvan de ouders niet in staat zijn deze "
    "problemen zelf op te lossen.",
    "Kinderen van dat gezin lopen hierdoor permanent risico's en/of ondervinden problemen. Het gezin kent vaak een "
    "historie van – vastgelopen – hulpverleningstrajecten die niet tot het gewenste resultaat hebben geleid.",
)
DEFINITION_BULLETS = (
    "Gezin: omvat één of meerdere ouders, één of meerdere kinderen;",
    "Chronisch: de problematiek is blijvend, maar kan wel in intensiteit fluctueren;",
    "Leefgebieden: gezin, wonen, werk, inkomen, gezondheid, onderwijs en veiligheid.",
)
LEVEL_WORDS = {Level.POLICY: ("beleidsniveau", "de factsheet"), Level.CASE: ("casusniveau", "de nota van bevindingen")}


class MissingReassessment(GgsrError):
    """Verbeterpunten without a year-2 judgement: the export is refused unless a draft is asked for."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        shown = "; ".join(f"'{t}'" for t in texts[:5]) + (f" en nog {len(texts) - 5}" if len(texts) > 5 else "")
        super().__init__(f"{len(texts)} verbeterpunt(en) zonder oordeel van het tweede jaar: {shown}; beoordeel ze "
                         "of exporteer een concept (dan staat er [nog te beoordelen])")


@dataclass(frozen=True)
class Cell:
    """One paragraph of a year cell: the bold symbol, a space, the finding; `mark` None prints [nog te beoordelen]."""

    mark: Mark | None
    text: str

    @property
    def symbol(self) -> str:
        return self.mark.symbol if self.mark else ""


@dataclass(frozen=True)
class TableRow:
    indicator: str
    year1: tuple[Cell, ...]
    year2: tuple[Cell, ...]


@dataclass(frozen=True)
class PointTable:
    caption: str
    rows: tuple[TableRow, ...]


@dataclass(frozen=True)
class Segment:
    text: str
    italic: bool = False


@dataclass(frozen=True)
class FollowupReport:
    municipality: str
    name: str
    former_name: str
    year1_label: str
    year2_label: str
    month: str
    introduction: str  # 'In 2013 heeft STJ in Venlo de aanpak … getoetst …. De vijf thema's zijn:'
    themes: tuple[ThemeBullet, ...]
    event: tuple[Segment, ...]  # the reporting event and the documents (empty when not recorded)
    development: tuple[DevelopmentSection, ...]
    scope: str
    tables: tuple[PointTable, ...]
    progress: Progress
    public: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return f"Uitkomsten verbeterpunten toezichtonderzoek {self.municipality}"

    @property
    def renamed(self) -> bool:
        return " ".join(self.name.split()).casefold() != " ".join(self.former_name.split()).casefold()

    def texts(self):
        """(where, text) of every text from the data (for the guard)."""
        yield "ontwikkeling, melding", "".join(s.text for s in self.event)
        for k, section in enumerate(self.development, 1):
            yield f"ontwikkeling, deel {k} (kop)", section.heading
            yield f"ontwikkeling, deel {k}", section.text
        for table in self.tables:
            for row in table.rows:
                for year, cells in ((self.year1_label, row.year1), (self.year2_label, row.year2)):
                    for cell in cells:
                        yield f"verbeterpunt '{row.indicator[:60]}', {year}", cell.text


def dutch_date(iso: str) -> str:
    from ggsr_desktop.report.content import MONTHS

    day = dt.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _quoted_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def gather(store: Store, framework: Framework, approach_id: int, *, draft: bool = False,
           date: dt.date | None = None) -> FollowupReport:
    from ggsr_desktop.report.content import month_year

    approach = store.get_approach(approach_id)
    f = store.get_followup(approach_id)
    year2 = {j.indicator_id: j for j in store.list_judgements(approach_id)}
    rows = point_rows(framework, f, year2)
    counts = progress(framework, f, year2)
    if counts.missing and not draft:
        text_of = {i.id: i.text for i in framework.indicators}
        raise MissingReassessment([text_of.get(i, i) for i in counts.missing])
    level = Level(framework.level)
    level_word, document_word = LEVEL_WORDS[level]
    y1, y2 = f.year1_label, f.year2_label
    count = number_word(len(framework.themes))
    introduction = (f"In {y1} heeft STJ in {approach.municipality} de aanpak '{f.former_name}' op {level_word} "
                    "getoetst aan de hand van het toetsingskader GGSR. Het toetsingskader GGSR bestaat uit "
                    f"{count} thema's voor verantwoorde zorg en ondersteuning voor gezinnen met geringe sociale "
                    f"redzaamheid. De {count} thema's zijn:")
    reporter = f.event_respondents or f"de gemeente {approach.municipality}"
    event: list[Segment] = []
    if f.event_date:
        event += [Segment(f"Op {dutch_date(f.event_date)} heeft {reporter} aan STJ gepresenteerd op welke wijze de "
                          f"verbeterpunten uit {document_word} "), Segment(f.source_title, italic=True),
                  Segment(f" op {level_word} zijn opgepakt.")]
        if f.event_form:
            article = "een " if f.event_form.split()[0].casefold() not in ("een", "de", "het") else ""
            event.append(Segment(f" De rapportage aan STJ heeft plaatsgevonden in de vorm van {article}"
                                 f"{f.event_form} over de specifieke verbeterpunten."))
    if f.documents:
        titles = [f"“{d.title}”" + (f" van {d.date}" if d.date else "") for d in f.documents]
        what = "het document" if len(titles) == 1 else "de documenten"
        event.append(Segment(f"{' ' if event else ''}Daarbij heeft {reporter} {what} {_quoted_list(titles)} "
                             "beschikbaar gesteld."))
    if event:
        event[0] = Segment(event[0].text[:1].upper() + event[0].text[1:], event[0].italic)
    new = "de nieuwe aanpak" if _renamed(approach.name, f.former_name) else "de aanpak"
    when = f"in {f.assessed_year} " if f.assessed_year else ""
    scope = (f"STJ heeft {when}niet de volledige {new.removeprefix('de ')} getoetst aan de hand van het GGSR "
             f"toetsingskader. Het overzicht op de volgende pagina's geeft weer of de verbeterpunten uit {y1} zijn "
             f"opgepakt, en zo ja, op welke wijze dit is gebeurd. Dit overzicht gaat alleen in op de verbeterpunten "
             f"die STJ in {y1} heeft benoemd, de punten waarop de aanpak al in {y1} een ✓ scoorde zijn niet "
             "opnieuw getoetst.")
    public = [approach.municipality, approach.name, f.former_name, f.source_title, *(d.title for d in f.documents)]
    return FollowupReport(
        approach.municipality, approach.name, f.former_name, y1, y2, f.month or _capital(month_year(
            date or dt.date.today())), introduction, tuple(ThemeBullet(t.name, t.description) for t in
                                                           framework.themes),
        tuple(event), f.development, scope, _tables(framework, rows), counts, tuple(dict.fromkeys(public)))


def _renamed(name: str, former: str) -> bool:
    return " ".join(name.split()).casefold() != " ".join(former.split()).casefold()


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _tables(framework: Framework, rows: list[PointRow]) -> tuple[PointTable, ...]:
    """One table per theme with verbeterpunten, in framework order; a theme without any has no table."""
    tables = []
    for theme in framework.themes:
        mine = [r for r in rows if r.theme == theme.name]
        if not mine:
            continue
        tables.append(PointTable(THEME_CAPTIONS.get(theme.name, theme.name), tuple(
            TableRow(r.indicator_text,
                     tuple(Cell(p.year1.mark, _with_note(p.year1.finding, p.year1.let_op)) for p in r.points),
                     tuple(Cell(p.mark, p.finding) for p in r.points)) for r in mine)))
    return tuple(tables)


def _with_note(finding: str, let_op: str) -> str:
    return f"{finding} LET OP: {let_op}".strip() if let_op else finding

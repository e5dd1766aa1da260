"""Figure definitions of a national report as data (spec round2 §4.2, §4.3, decisions §10.1–§10.2): per figure its
number, caption, lead line, unit (`aanpak` or `gemeente`), chart kind, the 3.x section it belongs to, and its items,
each counted from an indicator of the framework or an approach attribute (`models.APPROACH_ATTRIBUTES`), optionally
among the approaches that meet a filter, with its categories (a multi-category attribute) or a condition that
excludes an approach from the count (`exclude_when`).

A definition file is strict YAML (`strict_yaml`: YAML 1.2 booleans, duplicate keys rejected); every problem is a
`FigureDefinitionError` naming the file, the line and the field, in Dutch. Format::

    format: 1
    id: landelijk-beleidsniveau
    framework: beleidsniveau
    sections:
      - {number: "3.1", title: 1 gezin, 1 plan, 1 regisseur is vrijwel overal uitgangspunt}
    figures:
      - number: 2
        caption: Uitgangspunten aanpak
        lead: "Aanpak werkt met:"
        unit: aanpak                      # or gemeente: a gemeente counts 'ja' when any of its approaches does
        chart: bars                       # bars: nee/ja per item; share: the parts of one item
        section: "3.1"
        items:
          - {label: 1 gezin 1 plan, indicator: aanpak.gezamenlijk-plan}
          - label: Gezinsplan leidend voor professionals
            attribute: gezinsplan_leidend
            value: ja                     # the value(s) that count as 'ja' (default: ja)
          - label: Problemen met beschikbaarheid van zorg
            attribute: problemen_beschikbaarheid
            value: [af en toe, regelmatig, vaak]
            categories: [nee, af en toe, regelmatig, vaak]   # or [{label: …, value: …}]
            filter: {indicator: continu.beschikbaarheid, mark: X}
          - label: Sluit aan bij behoefte gezin
            indicator: gezin-centraal.behoefte-uitgangspunt
            exclude_when: {attribute: regie_overgenomen, value: ja}

Imports only `models`, `labels`, `errors`, `paths` and the framework's own modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ggsr_desktop import paths
from ggsr_desktop.errors import FrameworkError
from ggsr_desktop.framework.reader import Reader, describe
from ggsr_desktop.labels import MUNICIPALITY_WORD
from ggsr_desktop.models import APPROACH_ATTRIBUTES, ApproachRecord, Mark

FORMAT_VERSION = 1
UNIT_APPROACH = "aanpak"
UNIT_MUNICIPALITY = MUNICIPALITY_WORD
UNITS = (UNIT_APPROACH, UNIT_MUNICIPALITY)
CHART_BARS, CHART_SHARE = "bars", "share"
CHARTS = (CHART_BARS, CHART_SHARE)
YES_VALUE, NO_VALUE = "ja", "nee"
DEFAULT_FILE = "landelijk-beleidsniveau.yaml"
# How a mark may be written in a definition: the report's symbols (also ✗ and -, as on import) or the enum value.
MARK_WORDS: dict[str, Mark] = {
    **{m.symbol: m for m in Mark}, **{m.value: m for m in Mark}, "✗": Mark.IMPROVEMENT, "-": Mark.NOT_ESTABLISHED,
}


class FigureDefinitionError(FrameworkError):
    """A figure definition file is malformed. Names the file, the line and the field."""


@dataclass(frozen=True)
class Condition:
    """An approach meets it when it has one of `marks` on `indicator`, or one of `values` for `attribute`."""

    indicator: str | None = None
    marks: tuple[Mark, ...] = ()
    attribute: str | None = None
    values: tuple[str, ...] = ()

    def holds(self, record: ApproachRecord) -> bool:
        if self.indicator is not None:
            return record.marks.get(self.indicator) in self.marks
        return (record.attributes.get(self.attribute) or "").strip() in self.values

    def describe(self) -> str:
        if self.indicator is not None:
            return f"{self.indicator} {'/'.join(m.symbol for m in self.marks)}"
        return f"{self.attribute} = {'/'.join(self.values)}"


@dataclass(frozen=True)
class Category:
    label: str  # as printed in the legend ('Regisseur in het gezin')
    value: str  # the attribute's value ('regisseur in het gezin')


@dataclass(frozen=True)
class FigureItem:
    label: str
    indicator: str | None = None
    attribute: str | None = None
    values: tuple[str, ...] = ()  # attribute items: the values counted as 'ja'
    categories: tuple[Category, ...] = ()
    filter: Condition | None = None  # only the approaches that meet it are counted
    exclude_when: Condition | None = None  # an approach that meets it counts as 'uitgesloten'
    label_nee: str = NO_VALUE  # the other part of a share chart of a ja/nee item ('Niet bekend')
    line: int = 0

    @property
    def source(self) -> str:
        """'aanpak.gezamenlijk-plan' or 'kenmerk:gezinsplan_leidend' (the 'bron' of the numbers)."""
        return self.indicator if self.indicator is not None else f"kenmerk:{self.attribute}"

    @property
    def counts_yes_no(self) -> bool:
        """Whether the item has a ja/nee count of its own (a categories item only with `value`)."""
        return self.indicator is not None or bool(self.values)


@dataclass(frozen=True)
class Figure:
    number: int
    caption: str
    lead: str
    unit: str
    chart: str
    section: str
    items: tuple[FigureItem, ...]
    line: int = 0

    @property
    def title(self) -> str:
        return f"Figuur {self.number}: {self.caption}"


@dataclass(frozen=True)
class Section:
    number: str  # '3.1'
    title: str


@dataclass(frozen=True)
class FigureSet:
    id: str
    framework_id: str
    sections: tuple[Section, ...]
    figures: tuple[Figure, ...]
    source: str

    def figures_of(self, section: str) -> tuple[Figure, ...]:
        return tuple(f for f in self.figures if f.section == section)

    def texts(self):
        """(where, text) of every text of the definitions that the report prints (for the export guard)."""
        for s in self.sections:
            yield f"figuurdefinitie: titel van paragraaf {s.number}", s.title
        for f in self.figures:
            where = f"figuurdefinitie: figuur {f.number}"
            yield f"{where}, bijschrift", f.caption
            yield f"{where}, vraag", f.lead
            for item in f.items:
                yield f"{where}, item '{item.label}'", item.label
                if item.label_nee != NO_VALUE:
                    yield f"{where}, item '{item.label}'", item.label_nee
                for c in item.categories:
                    yield f"{where}, categorie '{c.label}'", c.label


def default_figures_path() -> Path:
    """The shipped definitions of the national report of the policy level (seed 000)."""
    return paths.resources_dir() / "figures" / DEFAULT_FILE


# ---- reading ------------------------------------------------------------------------------------------------

_describe = describe


class _Reader(Reader):
    error = FigureDefinitionError
    squash = True

    def texts(self, m, key, field_name) -> tuple[str, ...]:
        """One text or a list of texts."""
        value = m[key]
        if isinstance(value, list):
            items = self.sequence(m, key, field_name)
            found = []
            for k, v in enumerate(items):
                if not isinstance(v, str) or not v.strip():
                    self.fail(items.line_of(k), f"{field_name}[{k}]", f"moet tekst zijn, gevonden: {_describe(v)}")
                found.append(" ".join(v.split()))
            return tuple(dict.fromkeys(found))
        return (self.text(m, key, field_name),)


def parse_figures(text: str, path: Path, framework=None) -> FigureSet:
    """Parse and validate definition text; `framework` (a `Framework`) checks the indicator ids and its id."""

    from ggsr_desktop.framework import strict_yaml

    path = Path(path)
    data = strict_yaml.load_located(text, path, FigureDefinitionError)
    r = _Reader(path)
    if data is None:
        r.fail(1, None, "bestand is leeg")
    top = r.mapping(data, 1, None)
    r.check_keys(top, {"format", "id", "name", "framework", "sections", "figures"},
           {"format", "id", "framework", "sections", "figures"}, "")
    if top["format"] != FORMAT_VERSION or isinstance(top["format"], bool):
        r.fail(top.line_of("format"), "format", f"onbekende formaatversie {top['format']!r}; verwacht {FORMAT_VERSION}")
    set_id = r.text(top, "id", "id")
    framework_id = r.text(top, "framework", "framework")
    if framework is not None and framework.id != framework_id:
        r.fail(top.line_of("framework"), "framework",
               f"de definities horen bij toetsingskader '{framework_id}', niet bij '{framework.id}'")

    sections: list[Section] = []
    raw_sections = r.sequence(top, "sections", "sections")
    for k, raw in enumerate(raw_sections):
        sf = f"sections[{k}]"
        sm = r.mapping(raw, raw_sections.line_of(k), sf)
        r.check_keys(sm, {"number", "title"}, {"number", "title"}, sf)
        number = r.text(sm, "number", f"{sf}.number")
        expected = f"3.{k + 1}"
        if number != expected:
            r.fail(sm.line_of("number"), f"{sf}.number",
                   f"paragraaf '{number}': de paragrafen van hoofdstuk 3 worden op volgorde genummerd, verwacht "
                   f"'{expected}'")
        sections.append(Section(number, r.text(sm, "title", f"{sf}.title")))
    known_sections = [s.number for s in sections]

    figures: list[Figure] = []
    raw_figures = r.sequence(top, "figures", "figures")
    for k, raw in enumerate(raw_figures):
        figures.append(_figure(r, raw, raw_figures.line_of(k), f"figures[{k}]", k + 2, known_sections, framework))
    last = -1
    for fig in figures:
        index = known_sections.index(fig.section)
        if index < last:
            r.fail(fig.line, f"figures[{fig.number - 2}].section",
                   f"figuur {fig.number} staat in paragraaf {fig.section}, vóór de paragraaf van de figuur ervoor: "
                   "zet de figuren in de volgorde van de paragrafen")
        last = index
    return FigureSet(set_id, framework_id, tuple(sections), tuple(figures), str(path))


def _figure(r: _Reader, raw, line: int, ff: str, expected_number: int, sections: list[str], framework) -> Figure:
    fm = r.mapping(raw, line, ff)
    r.check_keys(fm, {"number", "caption", "lead", "unit", "chart", "section", "items"},
           {"number", "caption", "lead", "unit", "chart", "section", "items"}, ff)
    number = fm["number"]
    if not isinstance(number, int) or isinstance(number, bool):
        r.fail(fm.line_of("number"), f"{ff}.number", f"moet een geheel getal zijn, gevonden: {_describe(number)}")
    if number != expected_number:
        r.fail(fm.line_of("number"), f"{ff}.number",
               f"figuur {number}: de figuren worden doorgenummerd na figuur 1 (het toetsingskader), verwacht "
               f"{expected_number}")
    unit = r.text(fm, "unit", f"{ff}.unit")
    if unit not in UNITS:
        r.fail(fm.line_of("unit"), f"{ff}.unit", f"onbekende eenheid '{unit}'; toegestaan: {', '.join(UNITS)}")
    chart = r.text(fm, "chart", f"{ff}.chart")
    if chart not in CHARTS:
        r.fail(fm.line_of("chart"), f"{ff}.chart", f"onbekend soort grafiek '{chart}'; toegestaan: {', '.join(CHARTS)}")
    section = r.text(fm, "section", f"{ff}.section")
    if section not in sections:
        r.fail(fm.line_of("section"), f"{ff}.section",
               f"onbekende paragraaf '{section}'; bekend (sections): {', '.join(sections)}")
    items: list[FigureItem] = []
    raw_items = r.sequence(fm, "items", f"{ff}.items")
    for k, raw_item in enumerate(raw_items):
        item = _item(r, raw_item, raw_items.line_of(k), f"{ff}.items[{k}]", framework)
        if any(i.label == item.label for i in items):
            r.fail(item.line, f"{ff}.items[{k}].label", f"dubbel label '{item.label}' in figuur {number}")
        items.append(item)
    if chart == CHART_SHARE and len(items) != 1:
        r.fail(fm.line_of("items"), f"{ff}.items", "een verdeling (chart: share) toont precies één item")
    for k, item in enumerate(items):
        if item.categories and chart != CHART_SHARE:
            r.fail(item.line, f"{ff}.items[{k}].categories", "categorieën horen bij een verdeling (chart: share)")
    return Figure(number, r.text(fm, "caption", f"{ff}.caption"), r.text(fm, "lead", f"{ff}.lead"), unit, chart,
                  section, tuple(items), fm.line)


def _item(r: _Reader, raw, line: int, itf: str, framework) -> FigureItem:
    im = r.mapping(raw, line, itf)
    r.check_keys(im, {"label", "label_nee", "indicator", "attribute", "value", "categories", "filter", "exclude_when"},
           {"label"}, itf)
    label = r.text(im, "label", f"{itf}.label")
    if ("indicator" in im) == ("attribute" in im):
        r.fail(im.line, itf, "geef precies één van 'indicator' en 'attribute'")
    indicator = attribute = None
    values: tuple[str, ...] = ()
    categories: tuple[Category, ...] = ()
    if "indicator" in im:
        indicator = _indicator(r, im, "indicator", f"{itf}.indicator", framework)
        for key in ("value", "categories"):
            if key in im:
                r.fail(im.line_of(key), f"{itf}.{key}", "hoort alleen bij een kenmerk (attribute)")
    else:
        attribute = _attribute(r, im, "attribute", f"{itf}.attribute")
        allowed = APPROACH_ATTRIBUTES[attribute]
        if "value" in im:
            values = _values(r, im, "value", f"{itf}.value", attribute)
        if "categories" in im:
            categories = _categories(r, im, f"{itf}.categories", attribute)
        if not values and not categories:
            if allowed is None or YES_VALUE not in allowed:
                r.fail(im.line, f"{itf}.value", f"geef de waarde die als 'ja' telt voor kenmerk '{attribute}'")
            values = (YES_VALUE,)
    condition = {key: _condition(r, im, key, f"{itf}.{key}", framework) for key in ("filter", "exclude_when")
                 if key in im}
    label_nee = r.text(im, "label_nee", f"{itf}.label_nee") if "label_nee" in im else NO_VALUE
    return FigureItem(label, indicator, attribute, values, categories, condition.get("filter"),
                      condition.get("exclude_when"), label_nee, im.line)


def _indicator(r: _Reader, m, key: str, field_name: str, framework) -> str:
    value = r.text(m, key, field_name)
    if framework is not None and not framework.has_indicator(value):
        r.fail(m.line_of(key), field_name, f"onbekende indicator '{value}' in toetsingskader '{framework.id}'")
    return value


def _attribute(r: _Reader, m, key: str, field_name: str) -> str:
    value = r.text(m, key, field_name)
    if value not in APPROACH_ATTRIBUTES:
        r.fail(m.line_of(key), field_name,
               f"onbekend kenmerk '{value}'; bekend: {', '.join(APPROACH_ATTRIBUTES)}")
    return value


def _values(r: _Reader, m, key: str, field_name: str, attribute: str) -> tuple[str, ...]:
    values = r.texts(m, key, field_name)
    allowed = APPROACH_ATTRIBUTES[attribute]
    for v in values:
        if allowed is not None and v not in allowed:
            r.fail(m.line_of(key), field_name,
                   f"kenmerk '{attribute}': ongeldige waarde '{v}'; toegestaan: {', '.join(allowed)}")
    return values


def _categories(r: _Reader, m, field_name: str, attribute: str) -> tuple[Category, ...]:
    raw = r.sequence(m, "categories", field_name)
    allowed = APPROACH_ATTRIBUTES[attribute]
    found: list[Category] = []
    for k, entry in enumerate(raw):
        cf = f"{field_name}[{k}]"
        line = raw.line_of(k)
        if isinstance(entry, dict):
            cm = r.mapping(entry, line, cf)
            r.check_keys(cm, {"label", "value"}, {"label", "value"}, cf)
            category = Category(r.text(cm, "label", f"{cf}.label"), r.text(cm, "value", f"{cf}.value"))
        elif isinstance(entry, str) and entry.strip():
            value = " ".join(entry.split())
            category = Category(value, value)
        else:
            r.fail(line, cf, f"verwacht tekst of {{label, value}}, gevonden: {_describe(entry)}")
        if allowed is not None and category.value not in allowed:
            r.fail(line, cf, f"kenmerk '{attribute}': ongeldige waarde '{category.value}'; toegestaan: "
                             f"{', '.join(allowed)}")
        if any(c.value == category.value for c in found):
            r.fail(line, cf, f"dubbele categorie '{category.value}'")
        found.append(category)
    return tuple(found)


def _condition(r: _Reader, m, key: str, field_name: str, framework) -> Condition:
    cm = r.mapping(m[key], m.line_of(key), field_name)
    r.check_keys(cm, {"indicator", "mark", "attribute", "value"}, set(), field_name)
    if "indicator" in cm:
        if "attribute" in cm or "value" in cm or "mark" not in cm:
            r.fail(cm.line, field_name, "geef 'indicator' met 'mark', of 'attribute' met 'value'")
        indicator = _indicator(r, cm, "indicator", f"{field_name}.indicator", framework)
        marks = []
        for word in r.texts(cm, "mark", f"{field_name}.mark"):
            if word.casefold() not in {w.casefold() for w in MARK_WORDS}:
                r.fail(cm.line_of("mark"), f"{field_name}.mark",
                       f"onbekende beoordeling '{word}'; gebruik ✓, X of –")
            marks.append(next(v for w, v in MARK_WORDS.items() if w.casefold() == word.casefold()))
        return Condition(indicator=indicator, marks=tuple(dict.fromkeys(marks)))
    if "attribute" not in cm or "value" not in cm or "mark" in cm:
        r.fail(cm.line, field_name, "geef 'indicator' met 'mark', of 'attribute' met 'value'")
    attribute = _attribute(r, cm, "attribute", f"{field_name}.attribute")
    return Condition(attribute=attribute, values=_values(r, cm, "value", f"{field_name}.value", attribute))


def load_figures(path: Path | None = None, framework=None) -> FigureSet:
    """A definition file (the shipped one when None), checked against `framework` when given."""
    path = Path(path) if path is not None else default_figures_path()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FigureDefinitionError(path, None, None, f"bestand is geen UTF-8-tekst ({exc.reason})") from None
    except OSError as exc:
        raise FigureDefinitionError(path, None, None, f"kan bestand niet lezen: {exc.strerror}") from None
    return parse_figures(text, path, framework)

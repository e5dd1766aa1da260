"""Validating an import file (format in docs/import-format.md) before anything is written.

The whole file is checked; the first problem is reported with its JSON path
(`cases[1].interviews[0].quotes[3].indicators[0]: onbekende indicator '…'`). Indicator texts are resolved to
their ids and the typering's keys to field names on the way, so the writer gets plain data.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from pathlib import Path

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.framework import Framework, FrameworkCatalog
from ggsr_desktop.models import (
    APPROACH_TEXTS,
    DESCRIPTION_FIELDS,
    POLICY_SOURCES,
    SOURCES,
    Highlight,
    Kind,
    Level,
    Mark,
    Role,
    Stance,
)
from ggsr_desktop.store.report import SECTION_HIGHLIGHTS

MARKS = {"✓": Mark.SATISFIED, "✔": Mark.SATISFIED, "X": Mark.IMPROVEMENT, "x": Mark.IMPROVEMENT, "✗": Mark.IMPROVEMENT,
         "–": Mark.NOT_ESTABLISHED, "-": Mark.NOT_ESTABLISHED, "—": Mark.NOT_ESTABLISHED}


class ImportFileError(GgsrError):
    """The import file is malformed; names the file and the JSON path."""


class _Checker:
    def __init__(self, path: Path, framework: Framework | None = None):
        self.path = path
        self.framework = framework

    def fail(self, where: str, problem: str):
        raise ImportFileError(f"{self.path}: {where}: {problem}" if where else f"{self.path}: {problem}")

    def obj(self, value, where: str) -> dict:
        if not isinstance(value, dict):
            self.fail(where, f"verwacht een object, gevonden: {_kind(value)}")
        return value

    def array(self, value, where: str) -> list:
        if not isinstance(value, list):
            self.fail(where, f"verwacht een lijst, gevonden: {_kind(value)}")
        return value

    def objects(self, parent: dict, key: str, where: str = "", required: bool = False):
        """The objects of the list `parent[key]`, each with its path; an optional list may be left out."""
        path = f"{where}.{key}" if where else key
        for k, value in enumerate(self.array(parent.get(key) if required else parent.get(key, []), path)):
            yield self.obj(value, f"{path}[{k}]"), f"{path}[{k}]"

    def text(self, parent: dict, key: str, where: str, required: bool = True) -> str | None:
        path = f"{where}.{key}" if where else key
        if key not in parent or parent[key] is None:
            if required:
                self.fail(path, "ontbreekt")
            return None
        value = parent[key]
        if not isinstance(value, str):
            self.fail(path, f"verwacht tekst, gevonden: {_kind(value)}")
        if required and not value.strip():
            self.fail(path, "is leeg")
        return value.strip()

    def choice(self, parent: dict, key: str, where: str, allowed, default=None):
        value = self.text(parent, key, where, required=False)
        if value is None:
            return default
        if value not in allowed:
            self.fail(f"{where}.{key}", f"ongeldige waarde '{value}'; toegestaan: {', '.join(allowed)}")
        parent[key] = value  # as checked: without surrounding spaces
        return value

    def indicator(self, value, where: str) -> str:
        """An indicator by id, or by its text up to case, whitespace, punctuation and a parenthetical note; a near
        miss is refused with the closest indicator named."""
        if not isinstance(value, str) or not value.strip():
            self.fail(where, f"verwacht een indicator-id of indicatortekst, gevonden: {_kind(value)}")
        wanted = " ".join(value.split())
        by_text = {indicator_key(ind.text): ind for ind in self.framework.indicators}
        for ind in self.framework.indicators:
            if ind.id == wanted:
                return ind.id
        found = by_text.get(indicator_key(wanted))
        if found is not None:
            return found.id
        close = difflib.get_close_matches(indicator_key(wanted), list(by_text), n=1, cutoff=0.75)
        hint = f"; bedoelde u '{by_text[close[0]].text}' ({by_text[close[0]].id})?" if close else ""
        self.fail(where, f"onbekende indicator '{_short(value)}'{hint}")

    def indicators(self, parent: dict, where: str) -> list[str]:
        """Resolve `parent['indicators']` (ids or exact texts) to ids, in place."""
        values = self.array(parent.get("indicators", []), f"{where}.indicators")
        parent["indicators"] = [self.indicator(v, f"{where}.indicators[{k}]") for k, v in enumerate(values)]
        return parent["indicators"]


def indicator_key(text: str) -> str:
    """An indicator text compared without case, whitespace, punctuation or a parenthetical note ('(pilot)')."""
    text = re.sub(r"\([^()]*\)", " ", unicodedata.normalize("NFC", text))
    text = "".join(" " if unicodedata.category(ch)[0] in "PS" else ch for ch in text.casefold())
    return " ".join(text.split())


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _kind(value) -> str:
    return {dict: "een object", list: "een lijst", str: "tekst", bool: "ja/nee", type(None): "null"}.get(
        type(value), "een getal" if isinstance(value, (int, float)) else type(value).__name__)


def read_import_file(path: Path, catalog: FrameworkCatalog) -> tuple[dict, Framework]:
    """Parse and validate an import file completely; returns the data with indicator ids resolved (and the
    typering's keys as field names)."""
    path = Path(path)
    ck = _Checker(path)
    top = ck.obj(_parse(path), "")
    ck.text(top, "study", "")
    framework_id = ck.text(top, "framework", "")
    try:
        ck.framework = catalog.get(framework_id)
    except KeyError:
        ck.fail("framework", f"onbekend toetsingskader '{framework_id}'; bekend: {', '.join(catalog.ids())}")
    approach = ck.obj(top.get("approach"), "approach")
    ck.text(approach, "municipality", "approach")
    ck.text(approach, "name", "approach")
    ck.text(approach, "regisseur_label", "approach", required=False)
    if "followup" in top:
        _check_followup(ck, top)
        return top, ck.framework
    _check_attributes(ck, top)
    if ck.framework.level == Level.POLICY:
        _check_policy(ck, top)
        _check_judgements(ck, top)
        _check_groups(ck, top)
        return top, ck.framework
    for key in ("respondents", "groups", "description"):
        if key in top:
            ck.fail(key, f"hoort bij een onderzoek op beleidsniveau, niet bij '{ck.framework.id}'")
    _check_cases(ck, top)
    judged = _check_judgements(ck, top)
    _check_sections(ck, top, judged)
    _check_typering(ck, top)
    _check_nota_texts(ck, top)
    return top, ck.framework


_CASE_ONLY = ("cases", "sections", "typering", "recommendations", *APPROACH_TEXTS)


def _check_policy(ck: _Checker, top: dict) -> None:
    """A policy-level approach: respondents (one municipality, network partners, documents) instead of cases."""
    for key in _CASE_ONLY:
        if key in top:
            ck.fail(key, f"hoort bij een onderzoek op casusniveau; '{ck.framework.id}' is op beleidsniveau "
                         "(gebruik respondents)")
    ck.text(top, "description", "", required=False)
    municipalities = 0
    for respondent, rw in ck.objects(top, "respondents", required=True):
        role = ck.choice(respondent, "respondent", rw, list(POLICY_SOURCES))
        if role is None:
            ck.fail(f"{rw}.respondent", "ontbreekt")
        name = ck.text(respondent, "name", rw, required=role != Role.MUNICIPALITY)
        municipalities += role == Role.MUNICIPALITY
        if municipalities > 1 and role == Role.MUNICIPALITY:
            ck.fail(f"{rw}.respondent", "er is al een respondent 'gemeente'; een aanpak heeft één gemeente")
        if name is not None and _personal_identifier(name):
            ck.fail(f"{rw}.name", "de naam bevat een persoonsgegeven (telefoonnummer, e-mailadres, BSN of "
                                  "adres); geef de naam van de organisatie of de titel van het document")
        nominated = respondent.get("nominated", False)
        if not isinstance(nominated, bool):
            ck.fail(f"{rw}.nominated", f"verwacht true of false, gevonden: {_kind(nominated)}")
        if nominated and role != Role.NETWORK_PARTNER:
            ck.fail(f"{rw}.nominated", "alleen een netwerkpartner kan aangedragen zijn door de gemeente")
        date = ck.text(respondent, "date", rw, required=False)
        if date is not None:
            _check_date(ck, date, f"{rw}.date")
        _check_quotes(ck, respondent, rw)


def _check_attributes(ck: _Checker, top: dict) -> None:
    """The national report's attributes of the approach and its exclusions (indicator + reason)."""
    from ggsr_desktop.errors import ValidationError
    from ggsr_desktop.store.attributes import check_attribute

    given = ck.obj(top.get("attributes", {}), "attributes")
    for key, value in given.items():
        if not isinstance(value, str):
            ck.fail(f"attributes.{key}", f"verwacht tekst, gevonden: {_kind(value)}")
        try:
            given[key] = check_attribute(key, value)
        except ValidationError as exc:
            ck.fail(f"attributes.{key}", str(exc))
    seen: set[str] = set()
    for exclusion, ew in ck.objects(top, "exclusions"):
        exclusion["indicator"] = ck.indicator(exclusion.get("indicator"), f"{ew}.indicator")
        if exclusion["indicator"] in seen:
            ck.fail(f"{ew}.indicator", f"indicator '{exclusion['indicator']}' is al uitgesloten")
        seen.add(exclusion["indicator"])
        ck.text(exclusion, "reason", ew)


_FOLLOWUP_KEYS = ("study", "framework", "approach", "followup", "judgements")
_FOLLOWUP_FIELDS = ("of", "year1", "year1_label", "year2_label", "assessed_year", "month", "source_title", "event",
                    "documents", "development")


def _check_followup(ck: _Checker, top: dict) -> None:
    """A follow-up (spec round2 §3): the year-1 approach (`of`, in the database) or its judgements (`year1`), the
    labels, the event, documents and narrative; `judgements` are the year-2 re-assessment."""
    for key in top:
        if key not in _FOLLOWUP_KEYS:
            ck.fail(key, f"hoort niet bij een vervolgonderzoek; toegestaan: {', '.join(_FOLLOWUP_KEYS)}")
    f = ck.obj(top["followup"], "followup")
    for key in f:
        if key not in _FOLLOWUP_FIELDS:
            ck.fail(f"followup.{key}", f"onbekend veld; toegestaan: {', '.join(_FOLLOWUP_FIELDS)}")
    if ("of" in f) == ("year1" in f):
        ck.fail("followup", "geef 'of' (de aanpak van het eerste jaar in deze database) of 'year1' (de oordelen van "
                            "het eerste jaar), niet beide en niet geen van beide")
    if "of" in f:
        of = ck.obj(f["of"], "followup.of")
        ck.text(of, "municipality", "followup.of")
        ck.text(of, "name", "followup.of")
    else:
        year1 = ck.obj(f["year1"], "followup.year1")
        ck.text(year1, "name", "followup.year1")
        _check_judgements(ck, year1, "followup.year1")
        _check_groups(ck, year1, "followup.year1")
    for key in ("year1_label", "year2_label"):
        ck.text(f, key, "followup")
    for key in ("assessed_year", "month", "source_title"):
        ck.text(f, key, "followup", required=False)
    event = ck.obj(f.get("event", {}), "followup.event")
    for key in event:
        if key not in ("date", "form", "respondents"):
            ck.fail(f"followup.event.{key}", "onbekend veld; toegestaan: date, form, respondents")
    date = ck.text(event, "date", "followup.event", required=False)
    if date is not None:
        _check_date(ck, date, "followup.event.date")
    ck.text(event, "form", "followup.event", required=False)
    ck.text(event, "respondents", "followup.event", required=False)
    for document, dw in ck.objects(f, "documents", "followup"):
        ck.text(document, "title", dw)
        ck.text(document, "date", dw, required=False)
    for part, pw in ck.objects(f, "development", "followup"):
        heading = ck.text(part, "heading", pw, required=False)
        text = ck.text(part, "text", pw, required=False)
        if not heading and not text:
            ck.fail(pw, "heeft een heading of een text nodig")
    _check_judgements(ck, top)


def _personal_identifier(text: str) -> bool:
    from ggsr_desktop.anonymise.policy import identifying

    return bool(identifying(text, level=Level.POLICY))


def _check_groups(ck: _Checker, top: dict, where: str = "") -> None:
    """Row groups of the factsheet: two or more indicators of one criterion, each indicator in one group."""
    criterion = {ind.id: ind.criterion_id for ind in ck.framework.indicators}
    grouped: dict[str, str] = {}
    for group, gw in ck.objects(top, "groups", where):
        ids = ck.indicators(group, gw)
        if len(ids) < 2:
            ck.fail(f"{gw}.indicators", "een rijgroep heeft minstens twee indicatoren")
        for k, ind in enumerate(ids):
            if ind in grouped:
                ck.fail(f"{gw}.indicators[{k}]", f"indicator '{ind}' staat al in {grouped[ind]}")
            grouped[ind] = gw
            if criterion[ind] != criterion[ids[0]]:
                ck.fail(f"{gw}.indicators[{k}]", f"indicator '{ind}' hoort bij een ander criterium dan "
                                                  f"'{ids[0]}'; een rijgroep blijft binnen één criterium")
        shared = group.get("shared_finding", False)
        if not isinstance(shared, bool):
            ck.fail(f"{gw}.shared_finding", f"verwacht true of false, gevonden: {_kind(shared)}")


def _parse(path: Path):
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ImportFileError(f"{path}: kan bestand niet lezen: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ImportFileError(f"{path}: bestand is geen UTF-8-tekst") from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{path}: ongeldige JSON op regel {exc.lineno}, kolom {exc.colno}: {exc.msg}") from None


def _check_cases(ck: _Checker, top: dict) -> None:
    codes = set()
    for case, cw in ck.objects(top, "cases", required=True):
        code = ck.text(case, "code", cw)
        if code in codes:
            ck.fail(f"{cw}.code", f"casuscode '{code}' komt twee keer voor")
        codes.add(code)
        for person, pw in ck.objects(case, "persons", cw):
            ck.text(person, "role", pw)
            ck.text(person, "name", pw)
            for vi, variant in enumerate(ck.array(person.get("variants", []), f"{pw}.variants")):
                if not isinstance(variant, str) or not variant.strip():
                    ck.fail(f"{pw}.variants[{vi}]", "verwacht niet-lege tekst")
        for fact, fw in ck.objects(case, "facts", cw):
            ck.text(fact, "kind", fw)
            ck.text(fact, "value", fw)
        for interview, iw in ck.objects(case, "interviews", cw):
            _check_interview(ck, interview, iw)


def _check_interview(ck: _Checker, interview: dict, iw: str) -> None:
    role = ck.choice(interview, "respondent", iw, list(SOURCES))
    if role is None:
        ck.fail(f"{iw}.respondent", "ontbreekt")
    organisation = ck.text(interview, "organisation", iw, required=False)
    if role == Role.PROFESSIONAL and not organisation:
        ck.fail(f"{iw}.organisation", "een professional heeft een organisatietype nodig")
    date = ck.text(interview, "date", iw, required=False)
    if date is not None:
        _check_date(ck, date, f"{iw}.date")
    _check_quotes(ck, interview, iw)


def _check_quotes(ck: _Checker, interview: dict, iw: str) -> None:
    for quote, qw in ck.objects(interview, "quotes", iw):
        ck.text(quote, "text", qw)
        ck.choice(quote, "kind", qw, [k.value for k in Kind])
        ck.choice(quote, "stance", qw, [s.value for s in Stance])
        indicators = ck.indicators(quote, qw)
        illustrative = quote.get("illustrative", False)
        if not isinstance(illustrative, bool):
            ck.fail(f"{qw}.illustrative", f"verwacht true of false, gevonden: {_kind(illustrative)}")
        if illustrative and not indicators:
            ck.fail(f"{qw}.illustrative", "een illustratief citaat hoort bij minstens één indicator")


def _check_judgements(ck: _Checker, top: dict, where: str = "") -> dict[str, tuple[str, dict]]:
    """Returns the path and the judgement of each judged indicator."""
    seen: dict[str, tuple[str, dict]] = {}
    for judgement, jw in ck.objects(top, "judgements", where):
        judgement["indicator"] = ck.indicator(judgement.get("indicator"), f"{jw}.indicator")
        if judgement["indicator"] in seen:
            ck.fail(f"{jw}.indicator", f"indicator '{judgement['indicator']}' heeft al een oordeel")
        seen[judgement["indicator"]] = jw, judgement
        ck.choice(judgement, "mark", jw, list(MARKS))
        finding = ck.text(judgement, "finding", jw, required=False)
        if finding and judgement.get("mark") is None and finding[:1] in MARKS and finding[1:2].isspace():
            judgement["mark"], judgement["finding"] = finding[0], finding[1:].strip()  # '✗ Gemeente en …' (seed)
        if ck.framework.level == Level.POLICY and judgement.get("finding") and "let_op" not in judgement:
            head, sep, note = judgement["finding"].partition("LET OP:")
            if sep:  # typed as in the seed: the note at the end of the finding
                judgement["finding"], judgement["let_op"] = head.strip(), note
        if ck.framework.level == Level.POLICY:
            let_op = ck.text(judgement, "let_op", jw, required=False)
            if let_op is not None:
                judgement["let_op"] = re.sub(r"^\s*LET OP\s*:\s*", "", let_op, flags=re.IGNORECASE)
        elif "let_op" in judgement:
            ck.fail(f"{jw}.let_op", "een LET OP-notitie hoort bij een onderzoek op beleidsniveau")
        ck.choice(judgement, "highlight", jw, [h.value for h in Highlight])
    return seen


def _check_sections(ck: _Checker, top: dict, judged: dict[str, tuple[str, dict]]) -> None:
    """Chapters 3 and 4: each indicator in one section only, its judgement in the file not of another colour."""
    placed: dict[str, str] = {}  # indicator -> the section it is in
    for section, sw in ck.objects(top, "sections"):
        ck.text(section, "title", sw)
        highlight = ck.text(section, "highlight", sw, required=False)
        if highlight not in SECTION_HIGHLIGHTS:
            ck.fail(f"{sw}.highlight", "moet groen of rood zijn" +
                    ("; ontbreekt" if highlight is None else f", niet '{highlight}'"))
        section["highlight"] = highlight
        ck.text(section, "intro", sw, required=False)
        ck.text(section, "conclusion", sw, required=False)
        for k, ind in enumerate(ck.indicators(section, sw)):
            where = f"{sw}.indicators[{k}]"
            if ind in placed:
                ck.fail(where, f"indicator '{ind}' staat al in {placed[ind]}; een indicator staat in één sectie")
            placed[ind] = sw
            jw, judgement = judged.get(ind, ("", {}))
            if judgement.get("highlight") and judgement["highlight"] != highlight:
                ck.fail(where, f"{jw}.highlight is '{judgement['highlight']}', maar deze sectie is {highlight}; "
                        f"maak die {highlight} of laat hem weg")


def _typering_keys() -> dict[str, str]:
    """Accepted keys of `typering` (case-folded): the field names and their Dutch titles."""
    keys = {field.casefold(): field for field in DESCRIPTION_FIELDS}
    keys.update({title.casefold(): field for field, title in DESCRIPTION_FIELDS.items()})
    return keys


def _check_typering(ck: _Checker, top: dict) -> None:
    """Chapter 2; the keys become field names."""
    given = ck.obj(top.get("typering", {}), "typering")
    accepted, fields = _typering_keys(), {}
    for key in given:
        field = accepted.get(" ".join(key.split()).casefold())
        if field is None:
            allowed = ", ".join(f"{name} ({title})" for name, title in DESCRIPTION_FIELDS.items())
            ck.fail("typering", f"onbekend veld '{key}'; toegestaan: {allowed}")
        if field in fields:
            ck.fail(f"typering.{key}", f"veld '{field}' staat er al in")
        fields[field] = ck.text(given, key, "typering", required=False) or ""
    top["typering"] = fields


def _check_nota_texts(ck: _Checker, top: dict) -> None:
    """The voorwoord, the general conclusion (5.1) and the recommendations (5.2)."""
    for key in APPROACH_TEXTS:
        ck.text(top, key, "", required=False)
    for recommendation, rw in ck.objects(top, "recommendations"):
        ck.text(recommendation, "lead", rw, required=False)
        ck.text(recommendation, "text", rw)


def _check_date(ck: _Checker, value: str, where: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        ck.fail(where, f"ongeldige datum '{value}'; gebruik JJJJ-MM-DD")

"""Audit: scan every stored free text (`store.schema.FREE_TEXT`: quotes, drafts, findings and their history, report
sections, approach texts, recommendations, names and codes) for identifiers and, optionally, for given names.
Reports locations only, never what it found. What counts as identifying is `anonymise.policy`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ggsr_desktop.anonymise.policy import identifying
from ggsr_desktop.labels import MUNICIPALITY_WORD, TABLE_WORDS
from ggsr_desktop.models import Level
from ggsr_desktop.store import Store

_TABLES = TABLE_WORDS  # how a location is named, per table (Dutch, as the user reads it)
_COLUMNS = {
    "name": "naam", "municipality": MUNICIPALITY_WORD, "code": "code", "organisation_type": "organisatie",
    "text": "tekst", "finding": "bevinding", "old": "oud", "new": "nieuw", "title": "titel", "intro": "inleiding",
    "conclusion": "conclusie", "value": "tekst", "lead": "aanhef", "regisseur_label": "naam regisseur",
    "persons_and_families": "beschrijving personen en gezinnen", "registration": "beschrijving aanmelding",
    "goal": "beschrijving doel", "direction": "beschrijving regie", "parties_involved": "beschrijving partijen",
    "working_method": "beschrijving werkwijze", "overview": "beschrijving", "let_op": "let op",
    "former_name": "naam eerste jaar", "year1_label": "jaartal eerste jaar", "year2_label": "jaartal tweede jaar",
    "assessed_year": "jaar van beoordeling", "month": "maand", "source_title": "titel eerste jaar",
    "event_form": "vorm van de rapportage", "event_respondents": "wie rapporteerde", "heading": "kop",
    "date": "datum", "reason": "reden",
}


@dataclass(frozen=True)
class Finding:
    location: str  # e.g. 'citaat 12 (Gezin A, gesprek 4)'
    category: str  # identifier category, or 'naam'


def _quote_places(store: Store) -> dict[int, str]:
    """interview id -> 'Gezin A, gesprek 4', for the location of a quote."""
    places = {}
    for study in store.list_studies():
        for approach in store.list_approaches(study.id):
            for case in store.list_cases(approach.id):
                label = f"casus {case.id}" if identifying(case.code) else case.code  # never print what is found
                for iv in store.list_interviews(case.id):
                    places[iv.id] = f"{label}, gesprek {iv.id}"
    return places


def _location(table: str, key: dict, column: str, places: dict[int, str]) -> str:
    noun = _TABLES.get(table, table)
    if table == "quotes":
        return f"citaat {key['id']} ({places.get(key['interview_id'], 'gesprek ' + str(key['interview_id']))})"
    if table == "judgements":
        where = f"oordeel {key['indicator_id']} (aanpak {key['approach_id']})"
        return where if column == "finding" else f"{where} {_COLUMNS.get(column, column)}"
    ident = " ".join(str(v) for v in key.values())
    return f"{noun} {ident} {_COLUMNS.get(column, column)}"


def stored_texts(store: Store):
    """(location, text) of every free text in the database."""
    places = _quote_places(store)
    for table, key, column, text in store.free_texts():
        yield _location(table, key, column, places), text


def _followup_names(store: Store, approach_id: int) -> tuple[str, ...]:
    """A follow-up names its year-1 approach, the year-1 document and the documents provided, on purpose."""
    if not store.is_followup(approach_id):
        return ()
    f = store.get_followup(approach_id)
    return (f.former_name, f.source_title, *(d.title for d in f.documents))


def _contexts(store: Store, catalog) -> dict[int, dict]:
    """Per approach the level and public names the identifying rule takes (policy level: organisations, documents
    and dates are named on purpose); an approach of an unknown framework is checked at case level."""
    contexts = {}
    for approach in store.list_approaches():
        try:
            level = Level(catalog.get(store.get_study(approach.study_id).framework_id).level)
        except (KeyError, ValueError):
            level = Level.CASE
        public = (approach.municipality, *(r.name for r in store.respondents(approach.id) if r.name),
                  *_followup_names(store, approach.id)) if level is Level.POLICY else ()
        contexts[approach.id] = {"level": level, "public": public}
    return contexts


def audit(store: Store, names: list[str] = (), catalog=None) -> list[Finding]:
    """Every place a stored free text identifies someone, by the rule of its approach's level (`catalog`: the
    frameworks, for the level; the built-in ones by default)."""
    if catalog is None:
        from ggsr_desktop.framework import load_catalog

        catalog = load_catalog()
    patterns = [re.compile(rf"(?<!\w){re.escape(n.strip())}(?!\w)", re.IGNORECASE) for n in names if n.strip()]
    places, contexts = _quote_places(store), _contexts(store, catalog)
    findings = []
    for table, key, column, text, approach_id in store.free_texts(with_approach=True):
        location = _location(table, key, column, places)
        context = contexts.get(approach_id, {})
        for category in dict.fromkeys(found.category for found in identifying(text, **context)):
            findings.append(Finding(location, category))  # a cell with two phone numbers is one place to look
        if any(p.search(text) for p in patterns):
            findings.append(Finding(location, "naam"))
    return findings

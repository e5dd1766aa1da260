"""Audit: scan every stored free text (`store.schema.FREE_TEXT`: quotes, drafts, findings and their history, report
sections, approach texts, recommendations, names and codes) for identifiers and, optionally, for given names.
Reports locations only, never what it found. What counts as identifying is `anonymise.policy`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ggsr_desktop.anonymise.policy import identifying
from ggsr_desktop.labels import MUNICIPALITY_WORD, TABLE_WORDS
from ggsr_desktop.store import Store

_TABLES = TABLE_WORDS  # how a location is named, per table (Dutch, as the user reads it)
_COLUMNS = {
    "name": "naam", "municipality": MUNICIPALITY_WORD, "code": "code", "organisation_type": "organisatie",
    "text": "tekst", "finding": "bevinding", "old": "oud", "new": "nieuw", "title": "titel", "intro": "inleiding",
    "conclusion": "conclusie", "value": "tekst", "lead": "aanhef", "regisseur_label": "naam regisseur",
    "persons_and_families": "beschrijving personen en gezinnen", "registration": "beschrijving aanmelding",
    "goal": "beschrijving doel", "direction": "beschrijving regie", "parties_involved": "beschrijving partijen",
    "working_method": "beschrijving werkwijze", "overview": "beschrijving", "let_op": "let op",
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


def audit(store: Store, names: list[str] = ()) -> list[Finding]:
    patterns = [re.compile(rf"(?<!\w){re.escape(n.strip())}(?!\w)", re.IGNORECASE) for n in names if n.strip()]
    findings = []
    for location, text in stored_texts(store):
        for category in dict.fromkeys(found.category for found in identifying(text)):
            findings.append(Finding(location, category))  # a cell with two phone numbers is one place to look
        if any(p.search(text) for p in patterns):
            findings.append(Finding(location, "naam"))
    return findings

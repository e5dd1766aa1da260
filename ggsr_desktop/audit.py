"""Audit: scan every stored text for identifiers and (optionally) for given names. Reports locations only."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ggsr_desktop.anonymise.identifiers import find_identifiers
from ggsr_desktop.store import Store


@dataclass(frozen=True)
class Finding:
    location: str  # e.g. 'citaat 12 (Gezin A, gesprek 4)'
    category: str  # identifier category, or 'naam'


def stored_texts(store: Store):
    """(location, text) of every free text in the database."""
    for study in store.list_studies():
        yield f"onderzoek {study.id} naam", study.name
        for approach in store.list_approaches(study.id):
            yield f"aanpak {approach.id} naam", f"{approach.municipality} {approach.name}"
            for name, text in approach.description.items():
                yield f"aanpak {approach.id} beschrijving {name}", text
            for case in store.list_cases(approach.id):
                yield f"casus {case.id} code", case.code
                for iv in store.list_interviews(case.id):
                    for q in store.list_quotes(iv.id):
                        yield f"citaat {q.id} ({case.code}, gesprek {iv.id})", q.text
            for j in store.list_judgements(approach.id):
                yield f"oordeel {j.indicator_id} (aanpak {approach.id})", j.finding


def audit(store: Store, names: list[str] = ()) -> list[Finding]:
    patterns = [re.compile(rf"(?<!\w){re.escape(n.strip())}(?!\w)", re.IGNORECASE) for n in names if n.strip()]
    findings = []
    for location, text in stored_texts(store):
        if not text:
            continue
        for span in find_identifiers(text):
            if not span.needs_review:
                findings.append(Finding(location, span.category))
        if any(p.search(text) for p in patterns):
            findings.append(Finding(location, "naam"))
    return findings

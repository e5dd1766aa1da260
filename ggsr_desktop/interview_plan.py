"""Planning the interviews of a case, finding indicators by a few letters, and a case's evidence coverage.

The Qt-free part of the interview workflow: the GUI's planning dialog, indicator picker and coverage view call
these functions.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ggsr_desktop.anonymise.policy import identifying
from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.capture import Capture
from ggsr_desktop.errors import ValidationError
from ggsr_desktop.framework import Framework, Indicator
from ggsr_desktop.models import Case, Interview, Role
from ggsr_desktop.store import Store

# Organisation types of professionals as the seed reports name them; free text is allowed too (anonymised).
ORGANISATION_TYPES: tuple[str, ...] = (
    "woningcorporatie", "GGZ", "schuldhulpverlening", "bewindvoering", "jeugdbescherming", "onderwijs", "politie",
    "MEE", "maatschappelijk werk", "huisarts", "wijkteam", "jeugdhulp", "verslavingszorg", "reclassering",
    "Veilig Thuis", "consultatiebureau", "kinderopvang", "UWV", "sociale dienst",
)
PROFESSIONALS_PER_CASE = 3
SOURCES = ("gezin", "regisseur", "professional", "document")


def prepare_case(capture: Capture, approach_id: int, code: str, persons: list[Person] = ()) -> Case:
    """Create a case with its known persons (kept only as keyed digests). The code is stored as it is, so it
    may not name anyone: 'Gezin A', not 'Gezin Jansen'. All or nothing."""
    store = capture.store
    try:
        with store.transaction():
            case = store.add_case(approach_id, code)
            if persons:
                capture.add_to_register(case.id, persons=list(persons))
            if identifying(case.code, [capture.register(case.id)], capture.anonymiser):
                raise ValidationError("de casuscode bevat een naam of ander identificerend gegeven; gebruik een "
                                      "code zoals 'Gezin A'")
    except BaseException:
        capture.forget_cached_registers()
        raise
    return case


def plan_case(capture: Capture, case_id: int, professionals: list[str], dates: dict[str, str] | None = None
              ) -> list[Interview]:
    """Add the standard interviews of a case in one step: family, regisseur, one per professional
    (organisation type, anonymised like any free text) and the family-plan review. Returns them in order.

    `dates` may give a date per role ('gezin', 'regisseur', 'document') and per professional ('professional 1',
    …; 'professional' for all of them). Interviews that already
    exist for family, regisseur and family plan are kept, not doubled.
    """
    if len(professionals) != PROFESSIONALS_PER_CASE:
        raise ValidationError(f"plan {PROFESSIONALS_PER_CASE} professionals per casus, niet {len(professionals)}")
    if any(not (p or "").strip() for p in professionals):
        raise ValidationError("elke professional heeft een organisatietype nodig")
    store = capture.store
    dates = dates or {}
    existing = store.list_interviews(case_id)
    have = {iv.role for iv in existing}
    planned: list[Interview] = []
    with store.transaction():
        for role in (Role.FAMILY, Role.REGISSEUR):
            if role not in have:
                planned.append(store.add_interview(case_id, role, None, dates.get(role.value)))
        for number, organisation in enumerate(professionals, 1):
            kind = _canonical_type(organisation) or capture.anonymise(case_id, organisation.strip()).text
            date = dates.get(f"professional {number}", dates.get("professional"))
            planned.append(store.add_interview(case_id, Role.PROFESSIONAL, kind, date))
        if Role.DOCUMENT not in have:
            planned.append(store.add_interview(case_id, Role.DOCUMENT, None, dates.get("document")))
    return planned


def _canonical_type(text: str) -> str | None:
    wanted = _fold(text)
    return next((t for t in ORGANISATION_TYPES if _fold(t) == wanted), None)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def find_indicators(framework: Framework, query: str, limit: int = 20) -> list[Indicator]:
    """Indicators whose text (or id) has a word starting with each typed fragment: 'net kaa' finds
    'Het sociale netwerk … in kaart gebracht'. Accents and case do not matter; framework order is kept."""
    fragments = _fold(query).split()
    if not fragments:
        return list(framework.indicators)[:limit]
    found = []
    for indicator in framework.indicators:
        words = _words(f"{indicator.text} {indicator.id}")
        if all(any(w.startswith(f) for w in words) for f in fragments):
            found.append(indicator)
            if len(found) == limit:
                break
    return found


def _words(text: str) -> list[str]:
    folded = _fold(text)
    return "".join(c if c.isalnum() else " " for c in folded).split()


@dataclass(frozen=True)
class Coverage:
    """Quotes per indicator and source kind in one case (a quote coded twice to one indicator counts once)."""

    counts: dict[str, dict[str, int]]

    def of(self, indicator_id: str) -> dict[str, int]:
        return {source: self.counts.get(indicator_id, {}).get(source, 0) for source in SOURCES}

    def missing(self, framework: Framework) -> list[str]:
        """Indicators without any evidence yet ('nog geen bewijs')."""
        return [i.id for i in framework.indicators if not any(self.of(i.id).values())]


def case_coverage(store: Store, case_id: int) -> Coverage:
    return Coverage(store.coding_counts_by_source(case_id))

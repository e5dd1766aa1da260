"""Planning a case: the case with its known persons, and its standard interviews (family, regisseur, three
professionals, the family-plan review). The case dialog runs them as one operation (`ops.structure`)."""

from __future__ import annotations

from ggsr_desktop.anonymise.policy import identifying
from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.errors import ValidationError
from ggsr_desktop.evidence.indicator_search import fold
from ggsr_desktop.models import ORGANISATION_TYPES, Case, Interview, Role
from ggsr_desktop.ops.capture import Capture

PROFESSIONALS_PER_CASE = 3


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
            date = dates.get(f"{Role.PROFESSIONAL.value} {number}", dates.get(Role.PROFESSIONAL))
            planned.append(store.add_interview(case_id, Role.PROFESSIONAL, kind, date))
        if Role.DOCUMENT not in have:
            planned.append(store.add_interview(case_id, Role.DOCUMENT, None, dates.get(Role.DOCUMENT)))
    return planned


def _canonical_type(text: str) -> str | None:
    wanted = fold(text)
    return next((t for t in ORGANISATION_TYPES if fold(t) == wanted), None)

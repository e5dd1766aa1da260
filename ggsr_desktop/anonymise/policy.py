"""The one rule for "this text identifies someone", used by review, the export guard, `audit`, the import's
case-code check and case planning.

A place in a text identifies someone when
1. a case register matches there: the name of a known person or a known fact of a case (any capitalisation the
   register accepts), or
2. a direct identifier is found there with confidence (BSN, phone number, e-mail, IBAN, postcode, address, date of
   birth, case number, and the dates and ages the detectors are sure of): a candidate that needs checking
   ('controleren') does not count, or
3. only when an anonymiser is given (for short texts stored as they are, such as case codes): the anonymiser
   replaces a part of it with confidence ('Gezin Jansen').

Categories and their Dutch descriptions come from `categories`, the one map of identifier kinds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ggsr_desktop.anonymise.categories import described
from ggsr_desktop.anonymise.identifiers import find_identifiers
from ggsr_desktop.anonymise.lexicon import TOKEN
from ggsr_desktop.anonymise.register import CaseRegister

REGISTER = "register"  # kind of a finding: a registered person or fact
IDENTIFIER = "identifier"  # a direct identifier
ANONYMISER = "anonymiser"  # a part the anonymiser replaces with confidence


@dataclass(frozen=True)
class Identifying:
    start: int
    end: int
    kind: str  # REGISTER, IDENTIFIER or ANONYMISER
    category: str  # 'telefoon', 'persoon', …; for the register its placeholder label
    what: str  # Dutch, for messages: 'een telefoonnummer', 'de naam van een bekende persoon …'


KNOWN = "de naam van een bekende persoon of een bekend gegeven van een casus"


def identifying(text: str, registers: Iterable[CaseRegister] = (), anonymiser=None,
                within: tuple[int, int] | None = None) -> list[Identifying]:
    """Every place in `text` that identifies someone, in text order; `within` limits them to those overlapping
    text[start:end]."""
    if not text:
        return []
    found: list[Identifying] = []
    registers = list(registers)
    if registers:
        toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
        words = [t[2] for t in toks]
        for register in registers:
            for i in range(len(toks)):
                hit = register.match(words, i)
                if hit:
                    n, _category, placeholder = hit
                    found.append(Identifying(toks[i][0], toks[i + n - 1][1], REGISTER, placeholder, KNOWN))
    for span in find_identifiers(text):
        if not span.needs_review:
            found.append(Identifying(span.start, span.end, IDENTIFIER, span.category, described(span.category)))
    if anonymiser is not None:
        register = registers[0] if registers else None
        result = anonymiser.anonymise(text, register)
        for (start, end), span in zip(result.source_spans, result.spans, strict=True):
            if not span.needs_review:
                found.append(Identifying(start, end, ANONYMISER, span.category, described(span.category)))
    if within is not None:
        lo, hi = within
        found = [f for f in found if f.start < hi and f.end > lo]
    return sorted(found, key=lambda f: (f.start, f.end))


def first_identifying(text: str, registers: Iterable[CaseRegister] = (), anonymiser=None,
                      within: tuple[int, int] | None = None) -> Identifying | None:
    found = identifying(text, registers, anonymiser, within)
    return found[0] if found else None

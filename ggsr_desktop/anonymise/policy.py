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

Per level: at `Level.POLICY` the categories the anonymiser keeps there (`KEPT_AT_POLICY`: places, organisations,
dates of events) do not count, nor do the names declared public (municipality, network partners, documents); a
private person's name and the direct identifiers still do.

Categories and their Dutch descriptions come from `categories`, the one map of identifier kinds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ggsr_desktop.anonymise.anonymiser import public_spans
from ggsr_desktop.anonymise.categories import KEPT_AT_POLICY, described
from ggsr_desktop.anonymise.identifiers import find_identifiers
from ggsr_desktop.anonymise.lexicon import TOKEN
from ggsr_desktop.anonymise.register import CaseRegister
from ggsr_desktop.models import Level

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
                within: tuple[int, int] | None = None, *, level: Level = Level.CASE,
                public: Iterable[str] = ()) -> list[Identifying]:
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
    policy = level == Level.POLICY
    public = tuple(public)
    named = public_spans(text, public)
    for span in find_identifiers(text):
        if span.needs_review or (policy and span.category in KEPT_AT_POLICY):
            continue
        found.append(Identifying(span.start, span.end, IDENTIFIER, span.category, described(span.category)))
    if anonymiser is not None:
        register = registers[0] if registers else None
        result = anonymiser.anonymise(text, register, level=level, public=public)
        for (start, end), span in zip(result.source_spans, result.spans, strict=True):
            if span.needs_review or (policy and span.category in KEPT_AT_POLICY):
                continue
            if any(a <= start and end <= b for a, b in named):
                continue
            found.append(Identifying(start, end, ANONYMISER, span.category, described(span.category)))
    if within is not None:
        lo, hi = within
        found = [f for f in found if f.start < hi and f.end > lo]
    return sorted(found, key=lambda f: (f.start, f.end))


def first_identifying(text: str, registers: Iterable[CaseRegister] = (), anonymiser=None,
                      within: tuple[int, int] | None = None, *, level: Level = Level.CASE,
                      public: Iterable[str] = ()) -> Identifying | None:
    found = identifying(text, registers, anonymiser, within, level=level, public=public)
    return found[0] if found else None

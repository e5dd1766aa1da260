"""The case person register: known persons and facts, kept only as keyed hashes of their variants.

The inspector enters persons (role + name + nicknames) and facts (address, school, …). From each entry we derive
the written forms it may take (first name alone, full name, surname with tussenvoegsel, initials + surname, …)
and keep only HMAC-SHA256 digests of those forms under a per-case key. Matching hashes every run of 1–5 tokens
of a text with the same key, so the register works without any plaintext name on disk, and destroying the key
makes it unrecoverable. Surnames and first names that are function words ('Wil') match only when capitalised.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Container
from dataclasses import dataclass

from ggsr_desktop.anonymise.lexicon import PARTICLES, tokens

MAX_TOKENS = 5
FACT_PLACEHOLDERS = {"adres": "adres", "straat": "adres", "postcode": "postcode", "school": "school",
                     "woningcorporatie": "woningcorporatie", "plaats": "plaats", "wijk": "wijk",
                     "werkgever": "werkgever", "zorgaanbieder": "zorgaanbieder", "instelling": "instelling"}


@dataclass(frozen=True)
class Person:
    role: str  # 'moeder', 'vader', 'kind 1', 'casemanager', …
    name: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    kind: str  # 'adres', 'school', 'woningcorporatie', …
    value: str


@dataclass(frozen=True)
class Form:
    """One written form of a register entry: its tokens and whether capitalisation must match."""

    tokens: tuple[str, ...]
    case_sensitive: bool


def register_entries(case: dict) -> tuple[list[Person], list[Fact]]:
    """Persons and facts of a case as import and evaluation files write them ({role, name, variants}, {kind, value})."""
    persons = [Person(p["role"], p["name"], tuple(p.get("variants") or ())) for p in case.get("persons") or []]
    facts = [Fact(f["kind"], f["value"]) for f in case.get("facts") or []]
    return persons, facts


def new_key() -> bytes:
    return secrets.token_bytes(32)


def person_forms(person: Person, function_words: frozenset[str] = frozenset(),
                 words: Container[str] | None = None) -> list[Form]:
    """The written forms of a person. A surname matches only capitalised ('Visser', never the occupation), unless
    `words` (the ordinary Dutch words) is given and the surname is none of them: then 'tesfay' matches too."""
    toks = tokens(person.name)
    forms: list[Form] = []
    if not toks:
        return forms
    first_word = tokens(person.name.split()[0])  # 'Jan-Willem' is one first name of two tokens
    first, rest = first_word[0], toks[len(first_word):]
    particles = []
    while rest and rest[0].lower() in PARTICLES and len(rest) > 1:
        particles.append(rest[0])
        rest = rest[1:]
    surname = rest
    def word_like(t):
        return t.lower() in function_words
    forms.append(Form(toks, False))
    forms.append(Form(first_word, len(first_word) == 1 and word_like(first)))
    for variant in person.variants:
        vt = tokens(variant)
        if vt:
            forms.append(Form(vt, len(vt) == 1 and word_like(vt[0])))
    if surname:
        forms.append(Form((*first_word, *surname), False))
        forms.append(Form(tuple(surname), True))  # 'Visser', never the occupation 'visser'
        if words is not None and not any(t.lower() in words for t in surname):
            forms.append(Form(tuple(surname), False))  # 'tesfay' typed in lowercase: no Dutch word
        if particles:
            lowered = tuple(p.lower() for p in particles)
            capital = (particles[0][:1].upper() + particles[0][1:], *particles[1:])
            forms.append(Form((*lowered, *surname), True))
            forms.append(Form((*capital, *surname), True))
        forms.append(Form((first[0].upper(), *particles, *surname), True))  # 'S. de Visser' (the dot is no token)
        forms.append(Form((*surname, first[0].upper()), True))  # 'Warsame, H.' as lists and files write it
        forms.append(Form((first[0].upper(), *surname), True))
    return forms


def fact_forms(fact: Fact) -> list[Form]:
    toks = tokens(fact.value)
    if not toks:
        return []
    forms = [Form(toks, False)]
    if fact.kind in ("adres", "straat") and len(toks) > 1 and any(t.isdigit() for t in toks):
        street = tuple(t for t in toks if not t.isdigit() and len(t) > 2)
        if street:
            forms.append(Form(street, True))
    return forms


def fact_placeholder(kind: str) -> str:
    return FACT_PLACEHOLDERS.get(kind.strip().lower(), kind.strip().lower())


class CaseRegister:
    """Digests of all forms of a case's persons and facts, under one key. Holds no plaintext."""

    def __init__(self, key: bytes, entries: dict[bytes, tuple[str, str]] | None = None):
        self._key = key
        self.entries: dict[bytes, tuple[str, str]] = dict(entries or {})  # digest -> (category, placeholder)

    def digest(self, toks: tuple[str, ...], case_sensitive: bool) -> bytes:
        text = " ".join(toks) if case_sensitive else " ".join(toks).lower()
        return hmac.new(self._key, ("S:" if case_sensitive else "I:").encode() + text.encode(), hashlib.sha256).digest()

    def add_person(self, person: Person, function_words: frozenset[str] = frozenset(),
                   words: Container[str] | None = None) -> dict[bytes, tuple[str, str]]:
        # A form two persons share (a family surname) keeps the placeholder of the person entered first.
        added = {}
        for f in person_forms(person, function_words, words):
            digest = self.digest(f.tokens, f.case_sensitive)
            if digest not in self.entries:
                added[digest] = ("persoon", person.role.strip())
        self.entries.update(added)
        return added

    def add_fact(self, fact: Fact) -> dict[bytes, tuple[str, str]]:
        placeholder = fact_placeholder(fact.kind)
        added = {d: (placeholder, placeholder) for d in
                 (self.digest(f.tokens, f.case_sensitive) for f in fact_forms(fact)) if d not in self.entries}
        self.entries.update(added)
        return added

    def match(self, toks: list[str], i: int) -> tuple[int, str, str] | None:
        """Longest register form starting at token i: (number of tokens, category, placeholder)."""
        if not self.entries:
            return None
        for n in range(min(MAX_TOKENS, len(toks) - i), 0, -1):
            run = tuple(toks[i:i + n])
            forms = [(run, True), (run, False)]
            if len(run[-1]) > 3 and run[-1].endswith("s"):  # Dutch genitive: 'Filmons mentor'
                forms += [((*run[:-1], run[-1][:-1]), True), ((*run[:-1], run[-1][:-1]), False)]
            if all(t.isupper() for t in run):  # SHOUTED names match their capitalised form
                forms.append((tuple(t[:1] + t[1:].lower() for t in run), True))
            for form, case_sensitive in forms:
                hit = self.entries.get(self.digest(form, case_sensitive))
                if hit is not None:
                    return n, hit[0], hit[1]
        return None

    @classmethod
    def of(cls, persons: list[Person], facts: list[Fact], function_words: frozenset[str] = frozenset(),
           key: bytes | None = None, words: Container[str] | None = None) -> CaseRegister:
        """An in-memory register (a fresh random key unless given) holding these persons and facts."""
        register = cls(key or new_key())
        for person in persons:
            register.add_person(person, function_words, words)
        for fact in facts:
            register.add_fact(fact)
        return register

    def keyed(self, text: str) -> bytes:
        """A keyed digest of any text (used to number unknown persons consistently without storing them)."""
        return hmac.new(self._key, b"U:" + " ".join(tokens(text)).lower().encode(), hashlib.sha256).digest()


class CombinedRegister:
    """The registers of several cases as one (for a text about the whole approach, such as a finding): a form
    matches when it is in any of them, the longest match winning."""

    def __init__(self, registers: list[CaseRegister]):
        self.registers = list(registers) or [CaseRegister(new_key())]

    def match(self, toks: list[str], i: int) -> tuple[int, str, str] | None:
        hits = [h for h in (r.match(toks, i) for r in self.registers) if h]
        return max(hits, key=lambda h: h[0]) if hits else None

    def keyed(self, text: str) -> bytes:
        return self.registers[0].keyed(text)

"""Saving what the inspector captures: every text goes through the anonymiser before it reaches the store.

`Capture` ties together the store, the anonymiser and the per-case keys: it keeps each case's person register
(as keyed digests), numbers unknown persons consistently per case, and stores quotes with their replaced spans
and review flag. The GUI and the importer both save through it; nothing else should call `Store.add_quote`
with text typed by a person.

The level of the approach decides what is kept (`Level`, from its study's framework): at policy level the names of
the municipality, its network partners and documents, and dates of events, stay (spec round2 §10.10); the
respondents' names of the approach are passed as public names.

A typed quote is never lost on a failing anonymiser: without one (`anonymiser=None`: it could not be loaded)
or when it raises on a text, the text is kept with the strict fallback (`anonymise.strict`: register,
identifiers, every capitalised word and number replaced) and marked 'controleren'; `fallbacks` counts those.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from ggsr_desktop.anonymise.anonymiser import Anonymised, Anonymiser, MemoryBook
from ggsr_desktop.anonymise.lexicon import FUNCTION_WORDS
from ggsr_desktop.anonymise.register import CaseRegister, CombinedRegister, Fact, Person
from ggsr_desktop.anonymise.strict import strict_anonymise
from ggsr_desktop.errors import StoreError
from ggsr_desktop.framework import FrameworkCatalog, load_catalog
from ggsr_desktop.models import Kind, Level, Quote
from ggsr_desktop.store import Store
from ggsr_desktop.store.case_keys import CaseKeys

log = logging.getLogger(__name__)


class _StoreBook:
    """Placeholder numbers of one case, kept in the store under keyed digests."""

    def __init__(self, store: Store, case_id: int):
        self.store = store
        self.case_id = case_id

    def number(self, category: str, digest: bytes) -> int:
        return self.store.placeholder_number(self.case_id, category, digest)


class Capture:
    def __init__(self, store: Store, anonymiser: Anonymiser | None, keys: CaseKeys | None = None,
                 catalog: FrameworkCatalog | None = None):
        self.store = store
        self.anonymiser = anonymiser
        self.fallbacks = 0  # texts kept with the strict fallback because the anonymiser raised
        self.keys = keys or CaseKeys(store)
        self._registers: dict[int, CaseRegister] = {}  # read once per case, not once per quote
        self._catalog = catalog
        self._levels: dict[int, Level] = {}  # per approach

    def level(self, approach_id: int) -> Level:
        """The level of an approach, from its study's framework; an unknown framework counts as case level (the
        stricter one)."""
        if approach_id not in self._levels:
            study = self.store.get_study(self.store.get_approach(approach_id).study_id)
            self._catalog = self._catalog or load_catalog()
            try:
                level = Level(self._catalog.get(study.framework_id).level)
            except (KeyError, ValueError, LookupError):
                level = Level.CASE
            self._levels[approach_id] = level
        return self._levels[approach_id]

    def public_names(self, approach_id: int) -> tuple[str, ...]:
        """At policy level: the municipality and the respondents' names (organisations, document titles)."""
        if self.level(approach_id) is not Level.POLICY:
            return ()
        names = [self.store.get_approach(approach_id).municipality]
        names += [r.name for r in self.store.respondents(approach_id) if r.name]
        return tuple(dict.fromkeys(names))

    def _context(self, approach_id: int) -> dict:
        return {"level": self.level(approach_id), "public": self.public_names(approach_id)}

    @property
    def strict(self) -> bool:
        """No anonymiser: every text gets the strict fallback."""
        return self.anonymiser is None

    def register(self, case_id: int) -> CaseRegister:
        if case_id not in self._registers:
            self._registers[case_id] = CaseRegister(self.keys.get_or_create(case_id),
                                                    self.store.register_entries(case_id))
        return self._registers[case_id]

    def add_to_register(self, case_id: int, persons: list[Person] = (), facts: list[Fact] = ()) -> None:
        register = self.register(case_id)
        added: dict = {}
        function_words = FUNCTION_WORDS if self.anonymiser is None else self.anonymiser.lexicon.function_words
        words = None if self.anonymiser is None else self.anonymiser.lexicon.words
        for person in persons:
            added.update(register.add_person(person, function_words, words))
        for fact in facts:
            added.update(register.add_fact(fact))
        try:
            self.store.add_register_entries(case_id, added)
        except BaseException:
            self._registers.pop(case_id, None)  # memory must not run ahead of the store
            raise

    def forget_cached_registers(self) -> None:
        """After a rolled-back transaction: read the registers from the store again."""
        self._registers.clear()

    def add_person(self, case_id: int, person: Person) -> None:
        self.add_to_register(case_id, persons=[person])

    def add_fact(self, case_id: int, fact: Fact) -> None:
        self.add_to_register(case_id, facts=[fact])

    def destroy_register(self, case_id: int) -> None:
        """Make the case's register unrecoverable: forget its digests and destroy its key."""
        self._registers.pop(case_id, None)
        self.store.clear_register(case_id)
        self.keys.destroy(case_id)

    def delete_case(self, case_id: int) -> None:
        """Delete a case with everything below it, and destroy its register key."""
        self._registers.pop(case_id, None)
        self.store.delete_case(case_id)
        self.keys.destroy(case_id)

    def anonymise(self, case_id: int, text: str, register: CaseRegister | None = None) -> Anonymised:
        register = register or self.register(case_id)
        context = self._context(self.store.get_case(case_id).approach_id)
        if self.anonymiser is None:
            return strict_anonymise(text, register, **context)
        try:
            return self.anonymiser.anonymise(text, register, _StoreBook(self.store, case_id), **context)
        except StoreError:
            raise  # the disk, not the anonymiser: the caller keeps the text and reports it
        except Exception as exc:  # noqa: BLE001 - a bug in the anonymiser must not cost the inspector's text
            # Only where it failed, never the message: it could quote the text.
            where = "; ".join(f"{Path(f.filename).name}:{f.lineno}" for f in traceback.extract_tb(exc.__traceback__))
            log.error("anonymiser failed (%s at %s); the strict fallback is used", type(exc).__name__, where)
            self.fallbacks += 1
            return strict_anonymise(text, register, **context)

    def anonymise_approach_text(self, approach_id: int, text: str) -> str:
        """A text about the whole approach (a finding, a section, the conclusion): it may name people of any of
        its cases, so every case register applies; unknowns are numbered within this text only."""
        if not text.strip():
            return text
        cases = self.store.list_cases(approach_id)
        survey = self.store.survey_case(approach_id)
        register = CombinedRegister([self.register(case.id) for case in [*cases, *([survey] if survey else [])]])
        context = self._context(approach_id)
        if self.anonymiser is None:
            return strict_anonymise(text, register, **context).text
        try:
            return self.anonymiser.anonymise(text, register, MemoryBook(), **context).text
        except Exception as exc:  # noqa: BLE001 - as in anonymise(): the text is kept, strictly
            log.error("anonymiser failed (%s); the strict fallback is used", type(exc).__name__)
            self.fallbacks += 1
            return strict_anonymise(text, register, **context).text

    def save_quote(self, interview_id: int, text: str, kind: str = Kind.QUOTE,
                   codings: dict[str, str] | None = None) -> Quote:
        case_id = self.store.get_interview(interview_id).case_id
        with self.store.transaction():  # new placeholder numbers and the quote: one commit, one fsync
            result = self.anonymise(case_id, text)
            return self.store.add_quote(interview_id, result.text, kind, codings, result.spans, result.needs_review)

    def update_quote_text(self, quote_id: int, text: str) -> Quote:
        quote = self.store.get_quote(quote_id)
        case_id = self.store.get_interview(quote.interview_id).case_id
        with self.store.transaction():
            result = self.anonymise(case_id, text)
            return self.store.update_quote(quote_id, text=result.text, spans=result.spans,
                                           needs_review=result.needs_review)

    def save_draft(self, interview_id: int, text: str) -> str:
        """Keep the capture field's unsaved text, anonymised like a quote (names never reach the disk).
        Returns what was kept."""
        kept = ""
        if text.strip():
            case_id = self.store.get_interview(interview_id).case_id
            kept = self.anonymise(case_id, text).text
        self.store.save_draft(interview_id, kept)
        return kept

"""The last check before a report is written: no known person's name and no direct identifier in any text it
would contain. Stored texts were anonymised when they came in, but a word may have been put back or typed around
the anonymiser; the export refuses then, naming where, never what."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ggsr_desktop.anonymise.identifiers import find_identifiers
from ggsr_desktop.anonymise.lexicon import TOKEN
from ggsr_desktop.anonymise.register import CaseRegister
from ggsr_desktop.errors import GgsrError
from ggsr_desktop.review import IDENTIFIER_NAMES
from ggsr_desktop.store import Store


class ExportRefused(GgsrError):
    """A text the export would write names a known person or holds an identifier."""

    def __init__(self, where: str, what: str):
        self.where, self.what = where, what
        found = re.match(r"citaat (\d+)", where)
        self.quote_id = int(found.group(1)) if found else None  # the GUI offers to open it
        super().__init__(f"export geweigerd: {where} bevat {what}. Pas de tekst aan (of zet de vervanging terug) en "
                         f"exporteer opnieuw; er is niets geschreven.")


def registers(store: Store, approach_id: int) -> list[CaseRegister]:
    """The case registers of the approach, read without creating keys (a case without a key has no register)."""
    found = []
    for case in store.list_cases(approach_id):
        key = store.case_key(case.id)
        entries = store.register_entries(case.id)
        if key is not None and entries:
            found.append(CaseRegister(key, entries))
    return found


def check(texts: Iterable[tuple[str, str]], case_registers: list[CaseRegister]) -> None:
    """Raise ExportRefused for the first text that names a known person or fact, or holds an identifier."""
    for where, text in texts:
        if not text:
            continue
        for span in find_identifiers(text):
            if not span.needs_review:
                raise ExportRefused(where, IDENTIFIER_NAMES.get(span.category, "een identificerend gegeven"))
        words = [m.group() for m in TOKEN.finditer(text)]
        for register in case_registers:
            for i in range(len(words)):
                if register.match(words, i):
                    raise ExportRefused(where, "de naam van een bekende persoon of een bekend gegeven van een casus")

"""The last check before a report is written: no known person's name and no direct identifier in any text it
would contain. Stored texts were anonymised when they came in, but a word may have been put back or typed around
the anonymiser; the export refuses then, naming where, never what."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ggsr_desktop.anonymise.policy import first_identifying
from ggsr_desktop.anonymise.register import CaseRegister
from ggsr_desktop.errors import GgsrError
from ggsr_desktop.models import Level
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


def check(texts: Iterable[tuple[str, str]], case_registers: list[CaseRegister], *, level: Level = Level.CASE,
          anonymiser=None, public: Iterable[str] = ()) -> None:
    """Raise ExportRefused for the first text that names a known person or fact, or holds an identifier. With an
    anonymiser (policy level: free findings about organisations) also for a part it replaces with confidence, a
    private person's name; the level's kept categories and the public names do not count (`policy`)."""
    public = tuple(public)
    for where, text in texts:
        found = first_identifying(text, case_registers, anonymiser, level=level, public=public)
        if found is not None:
            raise ExportRefused(where, found.what)

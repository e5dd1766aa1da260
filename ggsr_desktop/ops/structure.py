"""The study tree's own operations, each one undoable step: a new study or approach and their edits, a new case
with its known persons and planned interviews (one transaction), and an interview's date and status.

Undoing the creation of a case deletes it with its register key (as deleting a case does); redo puts it back
from a snapshot held in memory. A case or study that has received content since is not taken away by an undo:
the step is refused with a message and stays in the history.
"""

from __future__ import annotations

from ggsr_desktop.anonymise.policy import identifying
from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.errors import ValidationError
from ggsr_desktop.models import DEFAULT_REGISSEUR_LABEL, Approach, Case, Interview, Level, Role, Status, Study
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.ops.changes import INTERVIEWS, QUOTES, TREE
from ggsr_desktop.ops.planning import plan_case, prepare_case
from ggsr_desktop.ops.undo import Step, UndoStack
from ggsr_desktop.store import Store

APPROACH_FIELDS = ("municipality", "name", "regisseur_label")


class StructureActions:
    """`capture` is needed only for cases (known persons, anonymised organisation types); studies, approaches and
    interviews work without it."""

    def __init__(self, store: Store, stack: UndoStack, capture: Capture | None = None):
        self.store = store
        self.stack = stack
        self._capture = capture

    @property
    def capture(self) -> Capture:
        if self._capture is None:
            raise RuntimeError("a case needs the capture: Session.use_anonymiser first")
        return self._capture

    # ---- studies and approaches ------------------------------------------------------------------------------

    def add_study(self, name: str, framework_id: str) -> Study:
        study = self.store.add_study(name, framework_id)

        def undo() -> None:
            if self.store.list_approaches(study.id):
                raise ValidationError(f"onderzoek '{study.name}' heeft inmiddels aanpakken; verwijder die eerst")
            self.store.delete_study(study.id)

        self.stack.push(Step("onderzoek aanmaken", undo,
                             lambda: self.store.add_study(study.name, study.framework_id, study_id=study.id),
                             changes=TREE))
        return study

    def rename_study(self, study_id: int, name: str) -> Study:
        before = self.store.get_study(study_id).name
        after = self.store.rename_study(study_id, name)
        if after.name != before:
            self.stack.push(Step("onderzoek wijzigen", lambda: self.store.rename_study(study_id, before),
                                 lambda: self.store.rename_study(study_id, after.name), changes=TREE))
        return after

    def add_approach(self, study_id: int, municipality: str, name: str, regisseur_label: str = DEFAULT_REGISSEUR_LABEL
                     ) -> Approach:
        approach = self.store.add_approach(study_id, municipality, name, regisseur_label)

        def undo() -> None:
            if self.store.list_cases(approach.id):
                raise ValidationError(f"aanpak '{approach.name}' heeft inmiddels casussen; verwijder die eerst")
            self.store.delete_approach(approach.id)

        self.stack.push(Step("aanpak aanmaken", undo, lambda: self.store.add_approach(
            study_id, approach.municipality, approach.name, approach.regisseur_label, approach_id=approach.id),
            changes=TREE))
        return approach

    def update_approach(self, approach_id: int, *, municipality: str | None = None, name: str | None = None,
                        regisseur_label: str | None = None) -> Approach:
        """Municipality, name and what the regisseur is called (the approach dialog)."""
        old = self.store.get_approach(approach_id)
        before = {f: getattr(old, f) for f in APPROACH_FIELDS}
        new = self.store.update_approach(approach_id, municipality=municipality, name=name,
                                         regisseur_label=regisseur_label)
        after = {f: getattr(new, f) for f in APPROACH_FIELDS}
        if after != before:
            self.stack.push(Step("aanpak wijzigen", lambda: self.store.update_approach(approach_id, **before),
                                 lambda: self.store.update_approach(approach_id, **after), changes=TREE))
        return new

    # ---- cases -----------------------------------------------------------------------------------------------

    def create_case(self, approach_id: int, code: str, persons: list[Person] = (), professionals: list[str] = (),
                    dates: dict[str, str] | None = None) -> Case:
        """The case, its known persons and its planned interviews: all or nothing, in one transaction."""
        try:
            with self.store.transaction():
                case = prepare_case(self.capture, approach_id, code, persons)
                plan_case(self.capture, case.id, list(professionals), dates)
        except BaseException:
            self.capture.forget_cached_registers()  # the register of the rolled-back case is not in the store
            raise
        saved: dict = {}

        def undo() -> None:
            interviews = self.store.list_interviews(case.id)
            drafts = self.store.list_drafts()
            if any(self.store.list_quotes(iv.id) or drafts.get(iv.id) for iv in interviews):
                raise ValidationError(f"casus '{case.code}' heeft inmiddels citaten of bewaarde tekst; verwijder die "
                                      "eerst")
            saved["snapshot"] = self.store.case_snapshot(case.id)
            self.capture.delete_case(case.id)

        def redo() -> None:
            self.store.restore_case(saved["snapshot"])
            self.capture.forget_cached_registers()

        self.stack.push(Step("casus aanmaken", undo, redo, changes=TREE))
        return case

    def add_persons(self, case_id: int, persons: list[Person]) -> int:
        """Known persons of an existing case (kept as keyed digests only); undo forgets the digests added."""
        before = set(self.store.register_entries(case_id))
        self.capture.add_to_register(case_id, persons=list(persons))
        after = self.store.register_entries(case_id)
        added = {digest: value for digest, value in after.items() if digest not in before}
        if added:
            def undo() -> None:
                self.store.delete_register_entries(case_id, list(added))
                self.capture.forget_cached_registers()

            def redo() -> None:
                self.store.add_register_entries(case_id, added)
                self.capture.forget_cached_registers()

            self.stack.push(Step("bekende personen toevoegen", undo, redo, changes=QUOTES))
        return len(persons)

    # ---- interviews ------------------------------------------------------------------------------------------

    def add_respondent(self, approach_id: int, role: Role | str, name: str | None = None, *,
                       nominated: bool = False, date: str | None = None) -> Interview:
        """Policy level: the municipality, a network partner (its organisation) or a document (its title). The name
        is public (printed in the factsheet), so it may not hold a personal identifier."""
        if name and identifying(name, level=Level.POLICY):
            raise ValidationError("de naam bevat een persoonsgegeven (telefoonnummer, e-mailadres, BSN of adres); "
                                  "geef de naam van de organisatie of de titel van het document")
        if Role(role) is Role.MUNICIPALITY and any(r.role is Role.MUNICIPALITY
                                                  for r in self.store.respondents(approach_id)):
            raise ValidationError("deze aanpak heeft al een respondent 'gemeente'")
        made = self.store.add_respondent(approach_id, role, name, nominated=nominated, date=date)

        def undo() -> None:
            if self.store.list_quotes(made.id):
                raise ValidationError("deze respondent heeft inmiddels antwoorden; verwijder die eerst")
            self.store.delete_interview(made.id)

        def redo() -> None:
            self.store.add_respondent(approach_id, made.role, made.name, nominated=bool(made.nominated),
                                      date=made.date, interview_id=made.id)

        self.stack.push(Step("respondent toevoegen", undo, redo, changes=TREE))
        return made

    def set_interview(self, interview_id: int, *, date: str | None = None, status: Status | str | None = None
                      ) -> Interview:
        """The date or status of an interview (its header)."""
        before = self.store.get_interview(interview_id)
        after = self.store.update_interview(interview_id, date=date, status=status)
        if (after.date, after.status) != (before.date, before.status):
            self.stack.push(Step("gesprek wijzigen", lambda: self._put_interview(before),
                                 lambda: self._put_interview(after), changes=INTERVIEWS))
        return after

    def _put_interview(self, iv: Interview) -> None:
        self.store.update_interview(iv.id, date=iv.date, status=iv.status, clear_date=iv.date is None)

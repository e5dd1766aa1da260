"""What the inspector does for a follow-up a year later (Qt-free), each step undoable: create it from a year-1
approach (a frozen copy of that approach's judgements and row groups), edit its details, documents and the
'Ontwikkeling' narrative, and refresh the frozen copy explicitly. The year-2 re-assessment is the follow-up
approach's own judgements (`JudgementActions`, which anonymise and keep the history as for any approach).

Every text is anonymised at the follow-up approach's level before it is stored.
"""

from __future__ import annotations

from ggsr_desktop.errors import ValidationError
from ggsr_desktop.evidence.followup import baseline_from, year1_changed
from ggsr_desktop.models import FOLLOWUP_FIELDS, DevelopmentSection, Followup, FollowupDocument
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.ops.changes import JUDGEMENTS, TEXTS, TREE
from ggsr_desktop.ops.undo import Step, UndoStack

# Fields that hold free text (anonymised); the others are labels, a date and a month.
_TEXT_FIELDS = ("former_name", "source_title", "event_form", "event_respondents")


class FollowupActions:
    def __init__(self, capture: Capture, stack: UndoStack | None = None):
        self.capture = capture
        self.store = capture.store
        self.stack = stack or UndoStack()

    def _clean(self, approach_id: int, text: str) -> str:
        return self.capture.anonymise_approach_text(approach_id, text or "")

    def create(self, source_approach_id: int, *, name: str | None = None, year1_label: str, year2_label: str,
               study_id: int | None = None, **fields) -> Followup:
        """A follow-up of `source_approach_id` under its current `name` (default: the year-1 name), in the year-1
        approach's study unless another study of the same framework is given."""
        store = self.store
        source = store.get_approach(source_approach_id)
        if store.is_followup(source_approach_id):
            raise ValidationError(f"'{source.name}' is zelf een vervolgonderzoek; kies de aanpak van het eerste jaar")
        year1_study = store.get_study(source.study_id)
        study = store.get_study(study_id) if study_id is not None else year1_study
        if study.framework_id != year1_study.framework_id:
            raise ValidationError(f"onderzoek '{study.name}' gebruikt toetsingskader '{study.framework_id}', de aanpak "
                                  f"van het eerste jaar '{year1_study.framework_id}'")
        unknown = set(fields) - set(FOLLOWUP_FIELDS) - {"former_name"}
        if unknown:
            raise ValidationError(f"onbekend veld van een vervolgonderzoek: {', '.join(sorted(unknown))}")
        approach = store.add_approach(study.id, source.municipality, (name or "").strip() or source.name,
                                      source.regisseur_label)
        texts = {k: self._clean(approach.id, v) if k in _TEXT_FIELDS else v for k, v in fields.items()}
        texts.setdefault("former_name", source.name)
        texts.setdefault("source_title", f"Uitkomsten toezichtonderzoek {source.municipality}")
        followup = store.add_followup(
            approach.id, framework_id=year1_study.framework_id, year1_label=year1_label, year2_label=year2_label,
            baseline=baseline_from(store.list_judgements(source_approach_id)),
            baseline_groups=store.row_groups(source_approach_id), source_approach_id=source_approach_id, **texts)
        made = store.get_approach(approach.id)

        def undo() -> None:
            if store.list_judgements(approach.id):
                raise ValidationError(f"vervolgonderzoek '{made.name}' heeft inmiddels beoordelingen; verwijder het "
                                      "vervolgonderzoek zelf als dat de bedoeling is")
            store.delete_approach(approach.id)

        def redo() -> None:
            store.add_approach(made.study_id, made.municipality, made.name, made.regisseur_label,
                               approach_id=made.id)
            self._restore(followup)

        self.stack.push(Step("vervolgonderzoek aanmaken", undo, redo, changes=TREE))
        return followup

    def _restore(self, f: Followup) -> None:
        self.store.add_followup(
            f.approach_id, framework_id=f.framework_id, baseline=f.baseline, baseline_groups=f.baseline_groups,
            source_approach_id=f.source_approach_id, **{k: getattr(f, k) for k in FOLLOWUP_FIELDS})
        self.store.set_followup_documents(f.approach_id, f.documents)
        self.store.set_development(f.approach_id, f.development)
        self.store.set_baseline(f.approach_id, f.baseline, f.baseline_groups, f.frozen_at)

    def update(self, approach_id: int, **fields) -> Followup:
        """Change details of the follow-up (`FOLLOWUP_FIELDS`); the texts among them saved while typing."""
        before = self.store.get_followup(approach_id)
        values = {k: self._clean(approach_id, v) if k in _TEXT_FIELDS and v else v for k, v in fields.items()}
        after = self.store.update_followup(approach_id, **values)
        old = {k: getattr(before, k) for k in fields}
        new = {k: getattr(after, k) for k in fields}
        if old != new:
            self.stack.push(Step("vervolgonderzoek wijzigen", lambda: self.store.update_followup(approach_id, **old),
                                 lambda: self.store.update_followup(approach_id, **new),
                                 f"followup:{approach_id}:{','.join(sorted(fields))}", TEXTS))
        return after

    def rename(self, approach_id: int, name: str) -> Followup:
        """The approach's current name (its year-1 name stays `former_name`)."""
        before = self.store.get_approach(approach_id).name
        after = self.store.update_approach(approach_id, name=self._clean(approach_id, name)).name
        if after != before:
            self.stack.push(Step("naam wijzigen", lambda: self.store.update_approach(approach_id, name=before),
                                 lambda: self.store.update_approach(approach_id, name=after), changes=TREE))
        return self.store.get_followup(approach_id)

    def set_documents(self, approach_id: int, documents: list[FollowupDocument]) -> Followup:
        before = self.store.get_followup(approach_id).documents
        cleaned = [FollowupDocument(self._clean(approach_id, d.title), (d.date or "").strip()) for d in documents
                   if d.title.strip()]
        after = self.store.set_followup_documents(approach_id, cleaned).documents
        if after != before:
            self.stack.push(Step("documenten wijzigen",
                                 lambda: self.store.set_followup_documents(approach_id, before),
                                 lambda: self.store.set_followup_documents(approach_id, after), changes=TEXTS))
        return self.store.get_followup(approach_id)

    def set_development(self, approach_id: int, sections: list[DevelopmentSection]) -> Followup:
        """The 'Ontwikkeling' narrative; saved while typing (one stretch of typing undoes as one step)."""
        before = self.store.get_followup(approach_id).development
        cleaned = [DevelopmentSection(self._clean(approach_id, s.heading), self._clean(approach_id, s.text))
                   for s in sections]
        after = self.store.set_development(approach_id, cleaned).development
        if after != before:
            self.stack.push(Step("ontwikkeling wijzigen", lambda: self.store.set_development(approach_id, before),
                                 lambda: self.store.set_development(approach_id, after),
                                 f"development:{approach_id}", TEXTS))
        return self.store.get_followup(approach_id)

    def refresh(self, approach_id: int) -> Followup:
        """Copy the year-1 judgements and row groups again (the inspector asked for it explicitly)."""
        before = self.store.get_followup(approach_id)
        if before.source_approach_id is None:
            raise ValidationError("de aanpak van het eerste jaar staat niet in deze database; de kopie van het "
                                  "eerste jaar kan niet worden ververst")
        source = before.source_approach_id
        after = self.store.set_baseline(approach_id, baseline_from(self.store.list_judgements(source)),
                                        self.store.row_groups(source))
        self.stack.push(Step(
            "eerste jaar verversen",
            lambda: self.store.set_baseline(approach_id, before.baseline, before.baseline_groups, before.frozen_at),
            lambda: self.store.set_baseline(approach_id, after.baseline, after.baseline_groups, after.frozen_at),
            changes=JUDGEMENTS))
        return after

    def stale(self, approach_id: int) -> bool:
        """The year-1 approach's judgements differ from the frozen copy (a refresh would change something)."""
        return year1_changed(self.store, approach_id)

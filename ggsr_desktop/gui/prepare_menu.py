"""The window's 'Onderzoek' menu: prepare an inspection (new study, approach, case with its known persons and
planned interviews; change a study or approach) and list the quotes still to check. Each action works on the
study, approach or case selected in the tree (or the only one there is). Every dialog applies its input as one
operation of the window's session (undoable: Bewerken › Ongedaan maken)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

from ggsr_desktop.gui.operations import Performing
from ggsr_desktop.models import Role


def _dialogs():
    """The dialog classes, imported when a dialog is first opened (start-up does not need them)."""
    from ggsr_desktop.gui import case_dialogs, review_dialogs

    return case_dialogs, review_dialogs


class PrepareMenu(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog = None  # the dialog that is open (tests drive it)
        self.menu = menu = window.menuBar().addMenu(self.tr("Onderzoe&k"))
        self.actions: dict[str, QAction] = {}
        for key, text, keys, slot in (
                ("study", self.tr("Nieuw &onderzoek…"), None, self.new_study),
                ("approach", self.tr("Nieuwe &aanpak…"), None, self.new_approach),
                ("edit", self.tr("Onderzoek of aanpak &wijzigen…"), None, self.edit_selected),
                ("case", self.tr("Nieuwe &casus met gesprekken…"), "Ctrl+Shift+N", self.new_case),
                ("persons", self.tr("Bekende &personen toevoegen…"), "Ctrl+Shift+P", self.add_persons),
                (None, None, None, None),
                ("review", self.tr("Te &controleren citaten…"), "Ctrl+Shift+K", self.review_list)):
            if key is None:
                menu.addSeparator()
                continue
            action = QAction(text, window, triggered=slot)
            action.setObjectName(f"{key}Action")
            if keys:
                action.setShortcut(QKeySequence(keys))
            menu.addAction(action)
            self.actions[key] = action
        self.actions["edit"].setText(self.tr("Onderzoek of aanpak &wijzigen…") + "\tF2")
        QShortcut(QKeySequence("F2"), window.tree, context=Qt.ShortcutContext.WidgetShortcut,
                  activated=self.edit_selected)  # in the tree only: F2 in a quote list edits the quote

    # ---- which item -------------------------------------------------------------------------------------------

    def _structure(self, initiator) -> Performing:
        """The tree's operations, each run through the window's operations (undoable, broadcast); a case needs
        the session's capture first (`ready_capture`)."""
        return Performing(self.window.session.structure(), self.window.operations, initiator)

    def _case(self) -> int | None:
        return self.window.selected("case") or self._none(self.tr("Selecteer eerst links een casus of een gesprek "
                                                                  "ervan."))

    def _none(self, message: str) -> None:
        QMessageBox.information(self.window, self.tr("Eerst selecteren"), message)
        return None

    # ---- the actions ------------------------------------------------------------------------------------------

    def _open(self, dialog, done) -> None:
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            if result:
                done(dialog.result_)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def new_study(self) -> None:
        w = self.window
        self._open(_dialogs()[0].StudyDialog(w, self._structure(self), w.catalog),
                   lambda study: w.reload(("study", study.id)))

    def new_approach(self) -> None:
        study_id = self.window.selected_study()
        if study_id is not None:
            w = self.window
            self._open(_dialogs()[0].ApproachDialog(w, self._structure(self), study_id),
                       lambda approach: w.reload(("approach", approach.id)))

    def edit_selected(self) -> None:
        """Change the study or approach selected in the tree (F2 in the tree)."""
        w = self.window
        dialogs = _dialogs()[0]
        approach_id = w.selected("approach")
        if approach_id is not None:
            approach = w.store.get_approach(approach_id)
            self._open(dialogs.ApproachDialog(w, self._structure(self), approach.study_id, approach),
                       lambda a: w.reload(("approach", a.id)))
            return
        study_id = w.selected_study()
        if study_id is not None:
            self._open(dialogs.StudyDialog(w, self._structure(self), w.catalog, w.store.get_study(study_id)),
                       lambda study: w.reload(("study", study.id)))

    def new_case(self) -> None:
        approach_id = self.window.selected_approach()
        if approach_id is not None:
            capture = self.window.ready_capture()
            self._open(_dialogs()[0].CaseDialog(self.window, self._structure(self), capture, approach_id),
                       self._case_made)

    def _case_made(self, case) -> None:
        w = self.window
        family = next((iv for iv in w.store.list_interviews(case.id) if iv.role == Role.FAMILY), None)
        w.reload(("interview", family.id) if family else ("case", case.id))
        if family is not None:
            w.open_interview(family.id)  # the family interview is next: the editor takes the focus

    def add_persons(self) -> None:
        case_id = self._case()
        if case_id is None:
            return
        w = self.window

        def added(count: int) -> None:
            w.statusBar().showMessage(self.tr("{0} bekende personen toegevoegd; ze worden vanaf nu vervangen.")
                                      .format(count), 8000)
            if w.interview_screen is not None:
                w.interview_screen.save_draft()

        capture = w.ready_capture()
        self._open(_dialogs()[0].PersonsDialog(w, self._structure(self), capture, case_id), added)

    def review_list(self) -> None:
        approach_id = self.window.selected_approach()
        if approach_id is None:
            return
        dialog = _dialogs()[1].ReviewListDialog(self.window, self.window.store, approach_id)
        dialog.open_requested.connect(self.window.open_interview)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

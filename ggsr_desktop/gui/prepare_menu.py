"""The window's 'Onderzoek' menu: prepare an inspection (new study, approach, case with its known persons and
planned interviews) and list the quotes still to check. Each action works on the study, approach or case
selected in the tree (or the only one there is)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

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

    # ---- which item -------------------------------------------------------------------------------------------

    def _the(self, kind: str, listing, missing: str) -> int | None:
        """The selected item of `kind`, or the only one there is; otherwise says what to select."""
        chosen = self.window.selected(kind)
        if chosen is None:
            items = listing()
            if len(items) == 1:
                chosen = items[0].id
        if chosen is None:
            QMessageBox.information(self.window, self.tr("Eerst selecteren"), missing)
        return chosen

    def _study(self) -> int | None:
        return self._the("study", self.window.store.list_studies,
                         self.tr("Maak eerst een onderzoek aan (Onderzoek › Nieuw onderzoek), of selecteer er een "
                                 "in de lijst links."))

    def _approach(self) -> int | None:
        return self._the("approach", self.window.store.list_approaches,
                         self.tr("Selecteer eerst links de aanpak waar het om gaat (of maak er een aan via "
                                 "Onderzoek › Nieuwe aanpak)."))

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
        self._open(_dialogs()[0].StudyDialog(w, w.store, w.catalog), lambda study: w.reload(("study", study.id)))

    def new_approach(self) -> None:
        study_id = self._study()
        if study_id is not None:
            w = self.window
            self._open(_dialogs()[0].ApproachDialog(w, w.store, study_id), lambda approach: w.reload(("approach", approach.id)))

    def new_case(self) -> None:
        approach_id = self._approach()
        if approach_id is not None:
            self._open(_dialogs()[0].CaseDialog(self.window, self.window.ready_capture(), approach_id),
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

        self._open(_dialogs()[0].PersonsDialog(w, w.ready_capture(), case_id), added)

    def review_list(self) -> None:
        approach_id = self._approach()
        if approach_id is None:
            return
        dialog = _dialogs()[1].ReviewListDialog(self.window, self.window.store, approach_id)
        dialog.open_requested.connect(self.window.open_interview)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

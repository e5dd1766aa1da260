"""The window's 'Onderzoek' menu: prepare an inspection (new study, approach, case with its known persons and
planned interviews; for a policy-level approach a respondent instead of a case; change a study or approach) and
list the quotes still to check; the same actions in the tree's context menu. Each action works on the
study, approach or case selected in the tree (or the only one there is). Every dialog applies its input as one
operation of the window's session (undoable: Bewerken › Ongedaan maken)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QMessageBox

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
                ("respondent", self.tr("&Respondent toevoegen…"), "Ctrl+Shift+R", self.add_respondent),
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
        self.tree_menu: QMenu | None = None  # the tree's context menu while it is open (tests look at it)
        window.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        window.tree.customContextMenuRequested.connect(self._tree_menu)
        window.tree.currentItemChanged.connect(lambda *_: self.update_actions())
        menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def update_actions(self) -> None:
        """A policy-level approach has respondents instead of cases, a follow-up neither (it re-assesses the
        verbeterpunten): the menu offers what fits the selection."""
        w = self.window
        policy = w.store is not None and not w.store.closed and w.is_policy(w.selected("approach"))
        followup = hasattr(w, "followup") and w.followup.is_followup(w.selected("approach"))
        self.actions["case"].setVisible(not policy and not followup)
        self.actions["persons"].setVisible(not policy and not followup)
        self.actions["respondent"].setVisible(policy and not followup)

    def _tree_menu(self, pos) -> None:
        w = self.window
        item = w.tree.itemAt(pos)
        if item is not None:
            w.tree.setCurrentItem(item)
        self.update_actions()
        menu = QMenu(w.tree)
        menu.setObjectName("treeMenu")
        approach_id = w.selected("approach")
        if approach_id is not None and w.followup.is_followup(approach_id):
            menu.addAction(self.actions["edit"])
        elif approach_id is not None:
            menu.addAction(self.actions["respondent" if w.is_policy(approach_id) else "case"])
            menu.addAction(self.actions["edit"])
            menu.addAction(w.review.action)
            menu.addAction(w.followup.create_action)
        else:
            for key in ("approach", "edit") if w.selected("study") is not None else ("study",):
                menu.addAction(self.actions[key])
        self.tree_menu = menu
        menu.aboutToHide.connect(lambda: setattr(self, "tree_menu", None))
        menu.popup(w.tree.viewport().mapToGlobal(pos))

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
        if approach_id is not None and self.window.is_policy(approach_id):
            self.add_respondent()  # a policy-level approach has no families
            return
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

    def add_respondent(self) -> None:
        """A respondent of the selected policy-level approach (Ctrl+Shift+R)."""
        w = self.window
        approach_id = w.selected_approach()
        if approach_id is None:
            return
        if not w.is_policy(approach_id):
            QMessageBox.information(w, self.tr("Respondent toevoegen"), self.tr(
                "Respondenten (gemeente, netwerkpartners, documenten) horen bij een aanpak van een onderzoek op "
                "beleidsniveau. Voor deze aanpak maakt u een casus met gesprekken (Ctrl+Shift+N)."))
            return
        has_municipality = any(r.role is Role.MUNICIPALITY for r in w.store.respondents(approach_id))
        self._open(_dialogs()[0].RespondentDialog(w, self._structure(self), w.store.get_approach(approach_id),
                                                  has_municipality), self._respondent_added)

    def _respondent_added(self, respondent) -> None:
        w = self.window
        w.reload(("interview", respondent.id))  # the respondent's interview screen opens
        case = w.store.get_case(respondent.case_id)
        partners = sum(1 for r in w.store.respondents(case.approach_id) if r.role is Role.NETWORK_PARTNER)
        message = self.tr("Respondent toegevoegd.")
        if respondent.role is Role.NETWORK_PARTNER and partners != 3:
            message += self.tr(" Deze aanpak heeft nu {0} netwerkpartners; gebruikelijk zijn er drie.").format(partners)
        w.statusBar().showMessage(message, 8000)

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

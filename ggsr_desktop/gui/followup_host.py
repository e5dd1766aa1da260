"""Follow-ups in the main window: Onderzoek › Vervolgonderzoek aanmaken… (for an approach that is not a follow-up
itself), and the re-assessment screen, shown in place of the details when a follow-up is selected in the tree
(or opened with Ctrl+B) and closed when the inspector goes elsewhere."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.gui.operations import Performing
from ggsr_desktop.gui.window_settings import AUTHOR_KEY


class FollowupHost(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.screen = None  # the FollowupScreen shown (imported when first opened)
        self.dialog = None  # the creation dialog while it is open (tests drive it)
        self.create_action = QAction(self.tr("&Vervolgonderzoek aanmaken…"), window, triggered=self.create_selected)
        self.create_action.setObjectName("followupCreateAction")
        self.create_action.setStatusTip(self.tr("Een jaar later de verbeterpunten van de geselecteerde aanpak "
                                                "opnieuw beoordelen"))
        prepare = window.prepare
        before = prepare.actions["review"]
        prepare.menu.insertAction(before, self.create_action)
        prepare.menu.insertSeparator(before)
        prepare.menu.aboutToShow.connect(self.update_actions)
        window.tree.currentItemChanged.connect(lambda *_: self.update_actions())
        self.update_actions()

    def is_followup(self, approach_id: int | None) -> bool:
        store = self.window.store
        if approach_id is None or store is None or store.closed:
            return False
        try:
            return store.is_followup(approach_id)
        except GgsrError:
            return False

    def update_actions(self) -> None:
        approach_id = self.window.selected("approach")
        self.create_action.setEnabled(approach_id is not None and not self.is_followup(approach_id))

    # ---- creating -----------------------------------------------------------------------------------------

    def create_selected(self) -> None:
        w = self.window
        approach_id = w.selected_approach()
        if approach_id is None:
            return
        if self.is_followup(approach_id):
            QMessageBox.information(w, self.tr("Vervolgonderzoek aanmaken"), self.tr(
                "Deze aanpak is zelf al een vervolgonderzoek. Kies links de aanpak van het eerste jaar."))
            return
        from ggsr_desktop.gui.followup_dialog import FollowupDialog

        w.ready_capture()  # the actions anonymise the texts they store
        actions = Performing(w.session.followups(), w.operations, self)
        dialog = FollowupDialog(w, actions, w.store, w.store.get_approach(approach_id))
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            if result and dialog.result_ is not None:
                w.reload(("approach", dialog.result_.approach_id))  # selecting it opens the re-assessment
                w.statusBar().showMessage(self.tr("Vervolgonderzoek aangemaakt; Ctrl+Z maakt het ongedaan."), 8000)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    # ---- the screen ---------------------------------------------------------------------------------------

    def open(self, approach_id: int) -> None:
        w = self.window
        if self.screen is not None and self.screen.approach_id == approach_id:
            w.show_screen(self.screen)
            return
        framework = w.framework_of(approach_id)
        if framework is None:
            return
        from ggsr_desktop.gui.followup_screen import FollowupScreen

        w.drop_interview_screen()
        w.review.close()
        self.close()
        w.provider().start()  # the anonymiser is needed for the first text; it loads meanwhile
        w.select_quietly("approach", approach_id)
        self.screen = FollowupScreen(w.store, framework, approach_id, w.ready_capture,
                                     author=w.settings.value(AUTHOR_KEY, ""), operations=w.operations)
        self.screen.author_changed.connect(lambda name: (w.settings.set_value(AUTHOR_KEY, name), w.settings.sync()))
        w.show_screen(self.screen)

    def close(self) -> None:
        screen, self.screen = self.screen, None
        if screen is not None:
            screen.flush()
            self.window.remove_screen(screen)
            screen.deleteLater()

"""Opening the review screen of an approach in the main window (Onderzoek › Bewijs beoordelen, Ctrl+B, or the
button on the approach's page) and closing it when the inspector goes elsewhere. A follow-up opens its
re-assessment screen instead (`followup_host.py`)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ggsr_desktop.gui.window_settings import AUTHOR_KEY


class ReviewHost(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.screen = None  # the ReviewScreen shown (imported when first opened: start-up does not need it)
        self.action = QAction(self.tr("&Bewijs beoordelen en oordelen…"), window, triggered=self.open_selected)
        self.action.setObjectName("reviewAction")
        self.action.setShortcut(QKeySequence("Ctrl+B"))
        window.prepare.menu.insertAction(window.prepare.menu.actions()[0], self.action)
        window.prepare.menu.insertSeparator(window.prepare.menu.actions()[1])

    def open_selected(self) -> None:
        approach_id = self.window.selected_approach()
        if approach_id is not None:
            self.open(approach_id)

    def open(self, approach_id: int) -> None:
        w = self.window
        if w.followup.is_followup(approach_id):  # a follow-up is judged in its re-assessment screen
            w.followup.open(approach_id)
            return
        if self.screen is not None and self.screen.approach_id == approach_id:
            w.show_screen(self.screen)
            return
        framework = w.framework_of(approach_id)
        if framework is None:
            return
        from ggsr_desktop.gui.review_screen import ReviewScreen

        w.drop_interview_screen()
        self.close()
        w.provider().start()  # the anonymiser is needed for the first text; it loads meanwhile
        w.select_quietly("approach", approach_id)
        self.screen = ReviewScreen(w.store, framework, approach_id, w.ready_capture,
                                   author=w.settings.value(AUTHOR_KEY, ""), operations=w.operations)
        self.screen.author_changed.connect(lambda name: (w.settings.set_value(AUTHOR_KEY, name), w.settings.sync()))
        self.screen.open_interview.connect(w.open_interview)
        w.show_screen(self.screen)
        self.screen.view.setFocus()

    def close(self) -> None:
        screen, self.screen = self.screen, None
        if screen is not None:
            screen.flush()
            self.window.remove_screen(screen)
            screen.deleteLater()

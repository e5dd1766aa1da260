"""The full check (and the backup on open) of a database that was opened without it, on a worker thread, so that a
large database does not hold up the window. The result arrives on the GUI thread through `done`."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ggsr_desktop.gui.background import Job, run_in_background


class BackgroundCheck(QObject):
    done = Signal(object, list, object)  # the store checked, the problems found, the backup written (or None)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.job: Job | None = None

    def start(self, store) -> None:
        """`Store.verify_and_back_up` reads through a connection of its own (the threading rule)."""
        def failed(exc: BaseException) -> None:  # a failed check is reported like a problem, never silently
            self.done.emit(store, [f"controle mislukt: {type(exc).__name__}: {exc}"], None)

        self.job = run_in_background(store.verify_and_back_up, lambda result: self.done.emit(store, *result),
                                     failed, name="database-check")

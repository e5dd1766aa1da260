"""The full check (and the backup on open) of a database that was opened without it, on a worker thread, so that a
large database does not hold up the window. The result arrives on the GUI thread through `done`."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal


class BackgroundCheck(QObject):
    done = Signal(object, list, object)  # the store checked, the problems found, the backup written (or None)

    def start(self, store) -> None:
        def work() -> None:
            try:
                problems, info = store.verify_and_back_up()
            except Exception as exc:  # noqa: BLE001 - a failed check is reported like a problem, never silently
                problems, info = [f"controle mislukt: {type(exc).__name__}: {exc}"], None
            self.done.emit(store, problems, info)

        self.thread = threading.Thread(target=work, name="database-check", daemon=True)
        self.thread.start()

"""The one path by which the GUI changes anything: operations of the window's `Session`, run here.

`perform` runs an operation (raising its error to the caller, for a dialog that keeps its input); `run` does the
same but shows the error itself (in the caller's notice line, else in a message box) and returns None. Both then
broadcast `changed(changes, initiator)`: every screen refreshes only what changed, and the initiator (which
updated itself) may skip it. `undo` and `redo` work on the session's one history, from whichever screen; first
`flushing` is emitted so that what is being typed becomes a step of its own. `history_changed` tells the Edit
menu to update its labels.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.ops.session import Outcome, Session

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("operations", text)


class Operations(QObject):
    changed = Signal(object, object)  # Changes, the initiator (a screen or dialog; None for undo and redo)
    history_changed = Signal()
    flushing = Signal()  # before undo/redo: editors save what is being typed

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session

    def set_session(self, session: Session) -> None:
        """Another database was opened: its own session and history."""
        self.session = session
        self.history_changed.emit()

    # ---- running ---------------------------------------------------------------------------------------------

    def perform(self, operation: Callable[[], Any], initiator: object = None) -> Outcome:
        outcome = self.session.perform(operation)
        self._broadcast(outcome, initiator)
        return outcome

    def run(self, operation: Callable[[], Any], initiator: object = None,
            on_error: Callable[[str], None] | None = None, failed: str | None = None) -> Outcome | None:
        """`failed` starts the message ('Niet opgeslagen'); the error follows it. Unexpected errors are logged."""
        failed = failed or _t("Actie mislukt")
        try:
            return self.perform(operation, initiator)
        except GgsrError as exc:
            self._report(f"{failed}: {exc}", initiator, on_error)
        except Exception as exc:
            log.exception("an operation failed")
            self._report(_t("{0} door een onverwachte fout ({1}).").format(failed, type(exc).__name__),
                         initiator, on_error)
        self.history_changed.emit()
        return None

    def undo(self, initiator: object = None, on_error: Callable[[str], None] | None = None) -> Outcome | None:
        return self._history(True, _t("Ongedaan maken mislukt"), initiator, on_error)

    def redo(self, initiator: object = None, on_error: Callable[[str], None] | None = None) -> Outcome | None:
        return self._history(False, _t("Opnieuw doen mislukt"), initiator, on_error)

    def _history(self, back: bool, failed: str, initiator, on_error) -> Outcome | None:
        self.flushing.emit()  # what is being typed is saved first: it is the step undone
        history = self.session.history
        if not (history.can_undo if back else history.can_redo):
            return None
        try:
            outcome = self.session.undo() if back else self.session.redo()
        except GgsrError as exc:
            self._report(f"{failed}: {exc}", initiator, on_error)
            self.history_changed.emit()
            return None
        self._broadcast(outcome, None)  # every screen, the one in front included, shows the state undone
        return outcome

    def _broadcast(self, outcome: Outcome, initiator: object) -> None:
        if outcome.changes:
            self.changed.emit(outcome.changes, initiator)
        self.history_changed.emit()

    @staticmethod
    def _report(message: str, initiator: object, on_error: Callable[[str], None] | None) -> None:
        if on_error is not None:
            on_error(message)
        else:
            QMessageBox.warning(initiator if isinstance(initiator, QWidget) else None, _t("Niet gelukt"), message)


class Performing:
    """Actions (QuoteActions, JudgementActions, StructureActions) whose every public method runs as one operation
    through `operations`, with `initiator`; attributes pass through. Errors reach the caller."""

    def __init__(self, actions: Any, operations: Operations, initiator: object):
        self._actions = actions
        self._operations = operations
        self._initiator = initiator

    def __getattr__(self, name: str):
        value = getattr(self._actions, name)
        if name.startswith("_") or not callable(value):
            return value

        def call(*args, **kwargs):
            return self._operations.perform(lambda: value(*args, **kwargs), self._initiator).value

        return call

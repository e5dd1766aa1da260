"""Support for the interview screen: the anonymiser built off the GUI thread and the capture field's keys."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPlainTextEdit

from ggsr_desktop.gui.background import run_in_background


class AnonymiserProvider(QObject):
    """Builds the anonymiser once, on a worker thread; `ready` is emitted (on the GUI thread) when it is."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, anonymiser=None):
        super().__init__()
        self._anonymiser = anonymiser
        self._started = anonymiser is not None
        self._done = threading.Event()
        self.error: str | None = None
        if anonymiser is not None:
            self._done.set()

    @classmethod
    def pending(cls) -> AnonymiserProvider:
        """A provider whose build is under way elsewhere (the stand-in for tests): `deliver` or `fail` ends it."""
        provider = cls()
        provider._started = True
        return provider

    def deliver(self, anonymiser) -> None:
        self._anonymiser = anonymiser
        self._done.set()
        self.ready.emit()

    def fail(self, message: str) -> None:
        self.error = message
        self._done.set()
        self.failed.emit(message)

    def get(self):
        return self._anonymiser

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self.job = run_in_background(self._build, lambda _anonymiser: self.ready.emit(), self._failed,
                                     name="anonymiser")

    def wait(self, timeout: float) -> bool:
        """Block until built or failed (for a dialog that needs it at once); True when it is there."""
        self._done.wait(timeout)
        return self._anonymiser is not None

    def _build(self):
        """On the worker: the anonymiser reads only its word lists (no store)."""
        try:
            from ggsr_desktop.anonymise.anonymiser import Anonymiser

            self._anonymiser = Anonymiser()
            return self._anonymiser
        finally:
            self._done.set()  # `wait` returns, built or not

    def _failed(self, exc: BaseException) -> None:  # reported in the screen, typing goes on
        self.fail(str(exc) or type(exc).__name__)


_shared: AnonymiserProvider | None = None


def shared_provider() -> AnonymiserProvider:
    global _shared
    if _shared is None:
        _shared = AnonymiserProvider()
    return _shared


class CaptureEdit(QPlainTextEdit):
    """Enter submits, Shift+Enter is a new line. Ctrl+Z undoes typing while there is typing to undo, and
    otherwise the last quote action (`undo_requested`)."""

    submitted = Signal()
    undo_requested = Signal()
    redo_requested = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            elif not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.submitted.emit()
            else:
                super().keyPressEvent(event)
            return
        if event.matches(QKeySequence.StandardKey.Undo) and not self.document().isUndoAvailable():
            self.undo_requested.emit()
            return
        if event.matches(QKeySequence.StandardKey.Redo) and not self.document().isRedoAvailable():
            self.redo_requested.emit()
            return
        super().keyPressEvent(event)

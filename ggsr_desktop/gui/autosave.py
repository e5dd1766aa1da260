"""Text fields that save themselves: when the field loses the focus and after a pause in typing, so that the
inspector never presses a save button and never loses what was typed. Also the editor that grows with its text
and the red line that says what could not be saved."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from ggsr_desktop.errors import GgsrError

log = logging.getLogger(__name__)


class ErrorLabel(QLabel):
    """A red line per failure (keyed by what failed); a key's line goes when that thing succeeds later."""

    def __init__(self, name: str, accessible: str, parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setStyleSheet("color: #a40000; font-weight: bold")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._messages: dict[object, str] = {}
        self.hide()

    def report(self, key: object, message: str) -> None:
        self._messages[key] = message
        self._show()

    def resolve(self, key: object) -> None:
        if self._messages.pop(key, None) is not None:
            self._show()

    def messages(self) -> list[str]:
        return list(self._messages.values())

    def _show(self) -> None:
        self.setText("\n".join(self._messages.values()))
        self.setVisible(bool(self._messages))


class AutoSave(QObject):
    """Saves the text of a QLineEdit or QPlainTextEdit through `save(text) -> stored text` when the field loses
    the focus, on Enter in a line edit, and `delay_ms` after the last keystroke.

    The stored text may differ from what was typed (a name replaced by its role, spaces stripped): it is put in
    the field when the field loses the focus or on Enter in a line edit, never while typing goes on. When `save`
    raises a
    GgsrError the message goes to `errors` (naming `what`), the typed text stays in the field and the next pause
    or focus change tries again. `saved` is emitted after the stored text changed.
    """

    saved = Signal(str)

    def __init__(self, widget: QLineEdit | QPlainTextEdit, save: Callable[[str], str], what: str,
                 errors: ErrorLabel | None = None, delay_ms: int = 1500):
        super().__init__(widget)
        self.widget = widget
        self.save = save
        self.what = what
        self.errors = errors
        self._sent = self._text()  # the field's text as last loaded or saved: different means typed since
        self._stored = self._sent
        self.timer = QTimer(self, singleShot=True, interval=delay_ms, timeout=self.flush)
        widget.textChanged.connect(self._typed)
        widget.installEventFilter(self)
        if isinstance(widget, QLineEdit):
            widget.returnPressed.connect(lambda: self.flush(replace=True))

    @property
    def dirty(self) -> bool:
        return self._text() != self._sent

    def load(self, text: str) -> None:
        """Show a stored text (nothing is saved; a pending save is dropped)."""
        self.timer.stop()
        self._sent = self._stored = text
        if self._text() != text:
            self._set_text(text)
        if self.errors is not None:
            self.errors.resolve(self)

    def flush(self, replace: bool | None = None) -> bool:
        """Save now what was typed; False when it could not be saved (the text stays in the field).
        `replace` puts the stored text in the field (default: when the field does not have the focus)."""
        self.timer.stop()
        if self.dirty:
            text = self._text()
            try:
                stored = self.save(text)
            except GgsrError as exc:
                self._failed(str(exc))
                return False
            except Exception as exc:
                log.exception("saving %s failed", self.what)
                self._failed(self.tr("onverwachte fout ({0})").format(type(exc).__name__))
                return False
            if self.errors is not None:
                self.errors.resolve(self)
            self._sent = text
            previous, self._stored = self._stored, stored
            if stored != previous:
                self.saved.emit(stored)
        if (not self.widget.hasFocus() if replace is None else replace) and self._text() != self._stored:
            self._sent = self._stored
            self._set_text(self._stored)
        return True

    def _failed(self, message: str) -> None:
        if self.errors is not None:
            self.errors.report(self, self.tr("{0} niet opgeslagen: {1}. Wat u typte staat nog in het veld.").format(
                self.what, message))

    def _typed(self, *_) -> None:
        if self.dirty:
            self.timer.start()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.FocusOut:
            reason = event.reason()
            if reason != Qt.FocusReason.PopupFocusReason:  # not for its own context menu
                # another window became active: the focus comes back here, so the text is not replaced yet
                self.flush(replace=reason != Qt.FocusReason.ActiveWindowFocusReason)
        return False

    def _text(self) -> str:
        w = self.widget
        return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()

    def _set_text(self, text: str) -> None:
        if isinstance(self.widget, QPlainTextEdit):
            self.widget.setPlainText(text)
        else:
            self.widget.setText(text)


class GrowingTextEdit(QPlainTextEdit):
    """A plain-text editor as high as its word-wrapped text, between `min_lines` and `max_lines` lines (then it
    scrolls); Tab moves the focus on. Heights follow the font and the width, so they scale with the screen."""

    def __init__(self, min_lines: int = 3, max_lines: int = 16, parent: QWidget | None = None):
        super().__init__(parent)
        self.min_lines, self.max_lines = min_lines, max_lines
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fitting = False
        self.textChanged.connect(self._fit)
        self.document().documentLayout().documentSizeChanged.connect(lambda *_: self._fit())  # relaid out
        self._fit()

    def _fit(self) -> None:
        if self._fitting:
            return
        self._fitting = True
        try:
            self._set_height()
        finally:
            self._fitting = False

    def _set_height(self) -> None:
        text_height, block = 0.0, self.document().begin()
        while block.isValid():  # lays the block out at the current width when it was not yet
            text_height += self.blockBoundingRect(block).height()
            block = block.next()
        line = self.fontMetrics().lineSpacing()
        text_height = max(self.min_lines * line, min(self.max_lines * line, int(text_height + 0.999)))
        frame = self.contentsMargins()
        height = text_height + int(self.document().documentMargin()) + frame.top() + frame.bottom() + 2
        if height != self.maximumHeight():
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

"""The dialogs' common shape: input above, an error line, OK/Cancel. `apply()` does the work through the core and
returns the result (kept in `result_`); a GgsrError keeps the dialog open with its message and what was typed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ggsr_desktop.errors import GgsrError


def named(widget: QWidget, name: str, accessible: str) -> QWidget:
    """Set the objectName and accessibleName (screen readers, automation) of an interactive widget."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


class FormDialog(QDialog):
    def __init__(self, parent, title: str, ok_text: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.error = named(QLabel(), "errorLabel", self.tr("Foutmelding"))
        self.error.setStyleSheet("color: #a40000; font-weight: bold")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text or self.tr("&Aanmaken"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annu&leren"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.result_ = None

    def finish_layout(self, stretch: bool = True) -> None:
        if stretch:
            self.layout_.addStretch(1)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def _accept(self) -> None:
        try:
            self.result_ = self.apply()
        except GgsrError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()

    def apply(self):  # pragma: no cover - overridden
        raise NotImplementedError

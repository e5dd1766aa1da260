"""Search-as-you-type over the framework's indicators: a few letters of any word find it ('net kaa')."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from ggsr_desktop.evidence.indicator_search import find_indicators
from ggsr_desktop.framework import Framework
from ggsr_desktop.gui.guide_view import one_line


class IndicatorPicker(QLineEdit):
    """Emits `chosen(indicator_id)` when an indicator is picked from the list (mouse, arrows + Enter, or Enter
    for the first hit), then clears itself."""

    chosen = Signal(str)

    def __init__(self, framework: Framework, parent=None):
        super().__init__(parent)
        self.framework = framework
        self.setObjectName("indicatorPicker")
        self.setAccessibleName(self.tr("Extra indicator zoeken"))
        self.setPlaceholderText(self.tr("Extra indicator toevoegen: typ een paar letters (Ctrl+I)…"))
        self.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        self.ids: dict[str, str] = {}  # shown text -> indicator id
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.textEdited.connect(self._search)
        completer.activated.connect(self._chosen)
        self.returnPressed.connect(self._return)

    def _search(self, text: str) -> None:
        found = find_indicators(self.framework, text, limit=15) if text.strip() else []
        self.ids = {f"{one_line(i.text)}  ({i.id})": i.id for i in found}
        self._model.setStringList(list(self.ids))
        if found:
            self.completer().complete()

    def _chosen(self, text: str) -> None:
        indicator_id = self.ids.get(text)
        QTimer.singleShot(0, self.clear)
        if indicator_id:
            self.chosen.emit(indicator_id)

    def _return(self) -> None:
        if self.completer().popup().isVisible():
            return
        if self.ids and self.text().strip():
            self._chosen(self.text() if self.text() in self.ids else next(iter(self.ids)))

"""Dialogs of the review screen: the history of a judgement, and recoding a quote to other indicators."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ggsr_desktop.evidence.indicator_search import find_indicators
from ggsr_desktop.framework import Framework
from ggsr_desktop.gui import labels
from ggsr_desktop.gui.form_dialog import FormDialog, named
from ggsr_desktop.gui.guide_view import one_line
from ggsr_desktop.models import JudgementChange, Mark, Quote, Stance

FIELD_NAMES = {"mark": "oordeel", "finding": "bevinding", "highlight": "markering",
               "quote_ids": "illustratieve citaten"}


def _value(field: str, value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if field == "mark":
        return labels.mark(Mark(value)) if value in set(Mark) else str(value)
    if field == "quote_ids":
        return ", ".join(f"citaat {q}" for q in value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class HistoryDialog(QDialog):
    """Every change of one judgement: when, who, what, old → new (oldest first)."""

    def __init__(self, parent, indicator_text: str, changes: list[JudgementChange]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Geschiedenis — {0}").format(indicator_text[:60]))
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>{0}</b><br>{1} wijzigingen").format(indicator_text, len(changes))))
        self.table = named(QTableWidget(0, 5), "historyTable", self.tr("Wijzigingen van dit oordeel"))
        self.table.setHorizontalHeaderLabels([self.tr("Wanneer"), self.tr("Wie"), self.tr("Wat"), self.tr("Oud"),
                                              self.tr("Nieuw")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        for change in changes:
            when = change.changed_at.replace("T", " ")[:19] + " UTC"
            for field in change.new:
                row = self.table.rowCount()
                self.table.insertRow(row)
                for column, text in enumerate((when, change.author, FIELD_NAMES.get(field, field),
                                               _value(field, change.old.get(field)),
                                               _value(field, change.new.get(field)))):
                    self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Sluiten"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class RecodeDialog(FormDialog):
    """Check the indicators a quote belongs to (a few letters of any word filter the list); new ones get the
    chosen stance, existing ones keep theirs. `apply` gets {indicator_id: stance} and does the change."""

    def __init__(self, parent, framework: Framework, quote: Quote, recode):
        super().__init__(parent, self.tr("Citaat hercoderen"), self.tr("&Hercoderen"))
        self.framework, self.quote, self.recode = framework, quote, recode
        self.resize(720, 560)
        current = {c.indicator_id: c.stance.value for c in quote.codings}
        text = QLabel(quote.text)
        text.setWordWrap(True)
        text.setStyleSheet("font-style: italic;")
        self.layout_.addWidget(text)
        self.filter = named(QLineEdit(), "recodeFilter", self.tr("Indicatoren filteren"))
        self.filter.setPlaceholderText(self.tr("Filter: typ een paar letters van een woord…"))
        self.filter.textChanged.connect(self._filter)
        self.layout_.addWidget(self.filter)
        self.list = named(QListWidget(), "recodeList", self.tr("Indicatoren van dit citaat"))
        self.list.setWordWrap(True)
        self.stances = dict(current)
        for indicator in framework.indicators:
            item = QListWidgetItem(one_line(indicator.text))
            item.setData(Qt.ItemDataRole.UserRole, indicator.id)
            item.setToolTip(indicator.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if indicator.id in current else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.layout_.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Oordeel voor nieuw gekozen indicatoren:")))
        self.stance = named(QComboBox(), "recodeStance", self.tr("Oordeel voor nieuw gekozen indicatoren"))
        for value in Stance:
            self.stance.addItem(labels.stance(value), value.value)
        self.stance.setCurrentIndex(list(Stance).index(Stance.NEUTRAL))
        row.addWidget(self.stance)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.finish_layout(stretch=False)
        self.filter.setFocus()

    def _filter(self, text: str) -> None:
        shown = {i.id for i in find_indicators(self.framework, text, limit=100)}
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(item.data(Qt.ItemDataRole.UserRole) not in shown)

    def codings(self) -> dict[str, str]:
        chosen = {}
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                indicator_id = item.data(Qt.ItemDataRole.UserRole)
                chosen[indicator_id] = self.stances.get(indicator_id, self.stance.currentData())
        return chosen

    def apply(self):
        return self.recode(self.codings())

"""The texts of the nota around the judgements, in the report's own words and order: the voorwoord, chapter 2
'Typering van de aanpak' (one field per part), 5.1 the general conclusion and 5.2 the recommendations. At policy
level (the factsheet) the one text of the approach instead: its 'Beschrijving'.

Every text goes through `JudgementActions` (anonymised, undoable): the fields through `AutoSave` (on leaving a
field and after a pause in typing), the recommendations as a whole after a cell edit or a button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.framework import Framework
from ggsr_desktop.gui.autosave import AutoSave, ErrorLabel, GrowingTextEdit
from ggsr_desktop.gui.form_dialog import named
from ggsr_desktop.models import DESCRIPTION_FIELDS, Level
from ggsr_desktop.ops.judging import JudgementActions

LEAD, TEXT = 0, 1  # the recommendation table's columns


class TextsEditor(QWidget):
    """Call `refresh()` after undo/redo (it saves what is being typed first); `flush()` saves what is typed now.
    `changed` is emitted after every stored change."""

    changed = Signal()

    def __init__(self, store, framework: Framework, judging: JudgementActions, parent=None):
        super().__init__(parent)
        self.setObjectName("textsEditor")
        self.store, self.framework, self.judging = store, framework, judging
        self.approach_id = judging.approach_id
        self.policy = framework.level == Level.POLICY
        self.autosaves: dict[str, AutoSave] = {}  # 'voorwoord', 'conclusion', 'description_<field>'
        self._loading = False
        self._table_failed = False  # the table holds recommendations that could not be saved
        self._build()
        self.refresh()

    # ---- layout --------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.errors = ErrorLabel("textsError", self.tr("Foutmelding bij de teksten"))
        content = QWidget()
        content.setObjectName("textsContent")
        self.content_layout = QVBoxLayout(content)
        hint = QLabel(self.tr("Alles wordt vanzelf opgeslagen (bij het verlaten van een veld en na 1,5 seconde "
                              "zonder typen). Namen worden vervangen door rollen.") if not self.policy else
                      self.tr("Alles wordt vanzelf opgeslagen (bij het verlaten van het veld en na 1,5 seconde "
                              "zonder typen)."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#6b7280")
        self.content_layout.addWidget(hint)
        if self.policy:
            self._build_overview()
            self._finish(content)
            return

        self._heading(self.tr("Voorwoord"))
        self.voorwoord_edit = self._field("voorwoord", "voorwoordEdit", self.tr("Voorwoord"),
                                          lambda text: self._save_text("voorwoord", text), max_lines=20)
        self._heading(self.tr("2 Typering van de aanpak"))
        self.description_edits = {}
        for field, title in DESCRIPTION_FIELDS.items():
            label = QLabel(title)
            label.setStyleSheet("font-weight:600")
            self.content_layout.addWidget(label)
            edit = self._field(f"description_{field}", f"description_{field}", title,
                               lambda text, f=field: self._save_description(f, text))
            label.setBuddy(edit)
            self.description_edits[field] = edit
        self._heading(self.tr("5.1 Algemene conclusie"))
        self.conclusion_edit = self._field("conclusion", "conclusionEdit", self.tr("Algemene conclusie"),
                                           lambda text: self._save_text("conclusion", text), max_lines=20)

        self._heading(self.tr("5.2 Aanbevelingen"))
        self.table = named(QTableWidget(0, 2), "recommendationsTable", self.tr("Aanbevelingen"))
        self.table.setHorizontalHeaderLabels([self.tr("Kern (vetgedrukt)"), self.tr("Toelichting")])
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LEAD, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(LEAD, self.table.fontMetrics().averageCharWidth() * 30)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 14)
        self.table.itemChanged.connect(self._cell_edited)
        self.content_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = self._button("recommendationAddButton", self.tr("Aanbeveling toevoegen"),
                                       self.add_recommendation)
        self.remove_button = self._button("recommendationRemoveButton", self.tr("Verwijderen"),
                                          self.remove_recommendation, self.tr("Aanbeveling verwijderen"))
        self.up_button = self._button("recommendationUpButton", self.tr("Omhoog"), lambda: self.move_recommendation(-1),
                                      self.tr("Aanbeveling omhoog"))
        self.down_button = self._button("recommendationDownButton", self.tr("Omlaag"),
                                        lambda: self.move_recommendation(1), self.tr("Aanbeveling omlaag"))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.content_layout.addLayout(buttons)
        self._finish(content)

    def _build_overview(self) -> None:
        """Policy level: the factsheet's 'Beschrijving' of the approach (paragraphs; lines '- ' are bullets)."""
        hint = QLabel(self.tr("Namen van organisaties, documenten en data blijven staan; namen en gegevens van "
                              "personen worden vervangen."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#6b7280")
        self.content_layout.addWidget(hint)
        self._heading(self.tr("Beschrijving"))
        explain = QLabel(self.tr("Wat de aanpak is: doel, de kern van de werkwijze, pilot en periode, deelnemende "
                                 "organisaties, aantal gezinnen. Alinea's scheidt u met een lege regel; een regel die "
                                 "begint met '- ' wordt een opsommingsteken."))
        explain.setWordWrap(True)
        self.content_layout.addWidget(explain)
        self.overview_edit = self._field("overview", "overviewEdit", self.tr("Beschrijving van de aanpak"),
                                         self._save_overview, max_lines=30, min_lines=10)
        explain.setBuddy(self.overview_edit)
        self.table = None

    def _finish(self, content: QWidget) -> None:
        self.content_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("textsScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(content)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a tab stop: its fields are
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors)
        layout.addWidget(self.scroll, 1)

    def _heading(self, text: str) -> None:
        label = QLabel(text)
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        label.setFont(font)
        self.content_layout.addSpacing(label.fontMetrics().lineSpacing() // 2)
        self.content_layout.addWidget(label)

    def _field(self, key: str, name: str, title: str, save, max_lines: int = 12, min_lines: int = 3
               ) -> GrowingTextEdit:
        edit = named(GrowingTextEdit(min_lines, max_lines), name, title)
        self.content_layout.addWidget(edit)
        autosave = AutoSave(edit, save, title, self.errors)
        autosave.saved.connect(lambda _text: self.changed.emit())
        self.autosaves[key] = autosave
        return edit

    def _button(self, name: str, text: str, slot, accessible: str | None = None) -> QPushButton:
        button = named(QPushButton(text), name, accessible or text)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # ---- saving --------------------------------------------------------------------------------------------

    def _save_text(self, key: str, text: str) -> str:
        self.judging.set_text(key, text)
        return self.store.get_approach_texts(self.approach_id)[key]

    def _save_overview(self, text: str) -> str:
        self.judging.set_overview(text)
        return self.store.get_approach(self.approach_id).overview

    def _save_description(self, field: str, text: str) -> str:
        self.judging.set_description(field, text)
        return self.store.get_approach(self.approach_id).description[field]

    def flush(self) -> bool:
        """Save what is typed now; False when something could not be saved (it stays where it was typed)."""
        results = [autosave.flush() for autosave in self.autosaves.values()]  # every one, also after a failure
        saved = all(results)
        if self._table_failed:
            saved = self.save_recommendations() and saved
        return saved

    def refresh(self) -> None:
        """Reload everything from the store (after undo/redo); what is being typed is saved first, and what
        cannot be saved stays where it was typed."""
        self.flush()
        if self.policy:
            try:
                overview = self.store.get_approach(self.approach_id).overview
            except GgsrError as exc:
                self.errors.report("read", self.tr("Beschrijving niet gelezen: {0}").format(exc))
                return
            self.errors.resolve("read")
            if not self.autosaves["overview"].dirty:
                self.autosaves["overview"].load(overview)
            return
        try:
            texts = self.store.get_approach_texts(self.approach_id)
            description = self.store.get_approach(self.approach_id).description
            recommendations = [(r.lead, r.text) for r in self.store.list_recommendations(self.approach_id)]
        except GgsrError as exc:
            self.errors.report("read", self.tr("Teksten niet gelezen: {0}").format(exc))
            return
        self.errors.resolve("read")
        stored = {**texts, **{f"description_{k}": v for k, v in description.items()}}
        for key, autosave in self.autosaves.items():
            if not autosave.dirty:
                autosave.load(stored.get(key, ""))
        if not self._table_failed:
            self._fill_table(recommendations)

    # ---- recommendations -----------------------------------------------------------------------------------

    def _item(self, text: str, column: int) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        if column == LEAD:
            font = QFont(self.table.font())
            font.setBold(True)
            item.setFont(font)
        return item

    def _fill_table(self, rows: list[tuple[str, str]]) -> None:
        self._loading = True
        current = (self.table.currentRow(), self.table.currentColumn())
        self.table.setRowCount(len(rows))
        for row, pair in enumerate(rows):
            for column, text in enumerate(pair):
                self.table.setItem(row, column, self._item(text, column))
        if rows:
            self.table.setCurrentCell(min(max(current[0], 0), len(rows) - 1), max(current[1], 0))
        self._loading = False
        self._update_buttons()

    def recommendations(self) -> list[tuple[str, str]]:
        """The table's rows as (lead, text), empty rows included."""
        return [tuple(self.table.item(row, column).text() if self.table.item(row, column) else ""
                      for column in (LEAD, TEXT)) for row in range(self.table.rowCount())]

    def save_recommendations(self) -> bool:
        """Store the table as a whole; the stored (anonymised) texts are put back in their rows, empty rows stay
        in the table (they are not stored)."""
        rows = self.recommendations()
        try:
            before = self.store.list_recommendations(self.approach_id)
            self.judging.set_recommendations(rows)
            stored = [(r.lead, r.text) for r in self.store.list_recommendations(self.approach_id)]
        except GgsrError as exc:
            self._table_failed = True
            self.errors.report("recommendations", self.tr(
                "Aanbevelingen niet opgeslagen: {0}. Wat u typte staat nog in de tabel.").format(exc))
            return False
        self._table_failed = False
        self.errors.resolve("recommendations")
        filled = [row for row, (lead, text) in enumerate(rows) if lead.strip() or text.strip()]
        if len(filled) == len(stored):
            self._loading = True
            for row, pair in zip(filled, stored):
                for column, text in enumerate(pair):
                    if self.table.item(row, column).text() != text:
                        self.table.setItem(row, column, self._item(text, column))
            self._loading = False
        if [(r.lead, r.text) for r in before] != stored:
            self.changed.emit()
        return True

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        self._loading = True
        item.setToolTip(item.text())
        self._loading = False
        self.save_recommendations()

    def add_recommendation(self) -> None:
        """A new empty row at the end, its lead cell open for typing (stored once something is typed)."""
        row = self.table.rowCount()
        self._loading = True
        self.table.insertRow(row)
        for column in (LEAD, TEXT):
            self.table.setItem(row, column, self._item("", column))
        self._loading = False
        self.table.setCurrentCell(row, LEAD)
        self.table.setFocus()
        self.table.editItem(self.table.item(row, LEAD))
        self._update_buttons()

    def remove_recommendation(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.table.removeRow(row)
        if self.table.rowCount():
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), max(self.table.currentColumn(), 0))
        self.save_recommendations()
        self._update_buttons()

    def move_recommendation(self, delta: int) -> None:
        row, column = self.table.currentRow(), max(self.table.currentColumn(), 0)
        target = row + delta
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        self._loading = True
        for c in (LEAD, TEXT):
            a, b = self.table.takeItem(row, c), self.table.takeItem(target, c)
            self.table.setItem(row, c, b)
            self.table.setItem(target, c, a)
        self._loading = False
        self.table.setCurrentCell(target, column)
        self.save_recommendations()
        self._update_buttons()

    def _update_buttons(self) -> None:
        rows = self.table.rowCount()
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setEnabled(rows > 0)

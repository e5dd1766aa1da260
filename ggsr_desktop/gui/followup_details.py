"""The follow-up's second tab, 'Gegevens en ontwikkeling': the names, year labels and month of the report, the
municipality's reporting (date, form, who), the documents it provided (title, date) and the 'Ontwikkeling {jaar 2}'
narrative as parts with an optional subheading. Everything is saved while typing (after a pause and on leaving a
field) through `FollowupActions`, one operation each, undoable on the window's one history."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.gui.form_dialog import named
from ggsr_desktop.gui.judgement_editor import SAVE_DELAY_MS, FindingEdit
from ggsr_desktop.models import DevelopmentSection, Followup, FollowupDocument

EVENT_FORMS = ("interview", "presentatie", "interview en presentatie")


def iso_date(text: str) -> str | None:
    """'13-01-2015', '13-1-2015' or '2015-01-13' as ISO; empty gives None; anything else raises ValueError."""
    text = text.strip()
    if not text:
        return None
    match = re.fullmatch(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return dt.date(year, month, day).isoformat()
    return dt.date.fromisoformat(text).isoformat()


def shown_date(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%d-%m-%Y") if iso else ""


class _Part(QFrame):
    """One part of the narrative: an optional subheading and its paragraphs (blank lines between them)."""

    def __init__(self, number: int, section: DevelopmentSection, typed: Callable[[], None],
                 remove: Callable[[_Part], None]):
        super().__init__()
        self.setObjectName("developmentPart")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setStyleSheet("font-weight:600; color:#374151")
        self.heading = named(QLineEdit(section.heading), "developmentHeading", self.tr("Subkop van dit deel"))
        self.heading.setPlaceholderText(self.tr("Subkop (optioneel), bijv. Sociale wijkteams"))
        self.text = named(FindingEdit(), "developmentText", self.tr("Tekst van dit deel"))
        self.text.setPlainText(section.text)
        self.text.setPlaceholderText(self.tr("Wat heeft de gemeente ontwikkeld? Alinea's scheidt u met een lege "
                                             "regel."))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 9 + 12)
        self.remove_button = QPushButton(self.tr("Deel verwijderen"))
        self.remove_button.setObjectName("removePart")
        self.remove_button.clicked.connect(lambda: remove(self))
        self.heading.textEdited.connect(lambda _t: typed())
        self.text.textChanged.connect(typed)
        head = QHBoxLayout()
        head.addWidget(self.label)
        head.addWidget(self.heading, 1)
        head.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.text)
        self.set_number(number)

    def set_number(self, number: int) -> None:
        self.label.setText(self.tr("Deel {0}").format(number))

    def section(self) -> DevelopmentSection:
        return DevelopmentSection(self.heading.text(), self.text.toPlainText())

    def is_empty(self) -> bool:
        return not (self.heading.text().strip() or self.text.toPlainText().strip())

    def show_section(self, section: DevelopmentSection, force: bool = False) -> None:
        if (force or not self.heading.hasFocus()) and self.heading.text() != section.heading:
            self.heading.setText(section.heading)
        if (force or not self.text.hasFocus()) and self.text.toPlainText() != section.text:
            self.text.blockSignals(True)
            self.text.setPlainText(section.text)
            self.text.blockSignals(False)


class FollowupDetails(QWidget):
    """`actions()` gives the follow-up actions (each call one operation); `notify(text, error)` shows a message
    in the screen's notice line. `changed` tells the screen that something was stored from here."""

    changed = Signal()

    def __init__(self, store, approach_id: int, actions: Callable, notify: Callable[[str, bool], None], parent=None):
        super().__init__(parent)
        self.setObjectName("followupDetails")
        self.store, self.approach_id = store, approach_id
        self._actions, self._notify = actions, notify
        self._showing = False
        self.fields: dict[str, QLineEdit] = {}
        self._timers: dict[str, QTimer] = {}

        details = QGroupBox(self.tr("Het vervolgonderzoek"))
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = self._line("name", self.tr("&Huidige naam:"), form,
                               self.tr("bijv. Sociale wijkteams"))
        for key, label, hint in (
                ("former_name", self.tr("Naam in het &eerste jaar:"), self.tr("bijv. Er op af aanpak")),
                ("year1_label", self.tr("Jaar eerste &onderzoek:"), self.tr("bijv. 2013")),
                ("year2_label", self.tr("Jaar ont&wikkeling:"), self.tr("bijv. 2014 (kop 'Ontwikkeling 2014')")),
                ("assessed_year", self.tr("Jaar van de &toetsing:"), self.tr("bijv. 2015 (optioneel)")),
                ("month", self.tr("&Maand van het rapport:"), self.tr("bijv. Juni 2015")),
                ("source_title", self.tr("Titel &factsheet jaar 1:"),
                 self.tr("bijv. Uitkomsten toezichtonderzoek Venlo"))):
            self.fields[key] = self._line(key, label, form, hint)

        event = QGroupBox(self.tr("Rapportage door de gemeente"))
        event_form = QFormLayout(event)
        event_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields["event_date"] = self._line("event_date", self.tr("&Datum:"), event_form,
                                               self.tr("dd-mm-jjjj, bijv. 13-01-2015"), typing=False)
        self.form_combo = named(QComboBox(), "eventFormCombo", self.tr("Vorm van de rapportage"))
        self.form_combo.setEditable(True)
        self.form_combo.addItems(EVENT_FORMS)
        self.fields["event_form"] = self.form_combo.lineEdit()
        self.fields["event_form"].setObjectName("event_formEdit")
        self.fields["event_form"].editingFinished.connect(lambda: self._save_field("event_form"))
        self.form_combo.activated.connect(lambda _i: self._save_field("event_form"))
        event_form.addRow(self.tr("&Vorm:"), self.form_combo)
        self.fields["event_respondents"] = self._line("event_respondents", self.tr("Wie &rapporteerde:"), event_form,
                                                      self.tr("leeg: de gemeente {0}").format(
                                                          store.get_approach(approach_id).municipality))

        documents = QGroupBox(self.tr("Documenten die de gemeente beschikbaar stelde"))
        self.documents = named(QTableWidget(0, 2), "documentsTable", self.tr("Documenten"))
        self.documents.setHorizontalHeaderLabels([self.tr("Titel"), self.tr("Datum (zoals geschreven)")])
        self.documents.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.documents.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.documents.verticalHeader().setVisible(False)
        self.documents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documents.setMinimumHeight(120)
        self.documents.itemChanged.connect(lambda _item: None if self._showing else self.save_documents())
        add_document = QPushButton(self.tr("Document toevoe&gen"))
        add_document.setObjectName("addDocument")
        add_document.clicked.connect(self.add_document)
        remove_document = QPushButton(self.tr("Document verwijderen"))
        remove_document.setObjectName("removeDocument")
        remove_document.clicked.connect(self.remove_document)
        buttons = QHBoxLayout()
        buttons.addWidget(add_document)
        buttons.addWidget(remove_document)
        buttons.addStretch(1)
        dv = QVBoxLayout(documents)
        dv.addWidget(self.documents)
        dv.addLayout(buttons)

        self.development_box = QGroupBox()
        self.parts: list[_Part] = []
        self.parts_layout = QVBoxLayout()
        self._development_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS,
                                         timeout=self.save_development)
        add_part = QPushButton(self.tr("Dee&l toevoegen"))
        add_part.setObjectName("addPart")
        add_part.clicked.connect(self.add_part)
        intro = QLabel(self.tr("De tekst onder 'Ontwikkeling' in het rapport: hoe en wanneer de gemeente "
                               "rapporteerde staat er vanzelf boven (uit de gegevens links); daarna volgen deze "
                               "delen, elk met een eventuele subkop."))
        intro.setWordWrap(True)
        intro.setStyleSheet("color:#4b5563")
        pv = QVBoxLayout(self.development_box)
        pv.addWidget(intro)
        pv.addLayout(self.parts_layout)
        row = QHBoxLayout()
        row.addWidget(add_part)
        row.addStretch(1)
        pv.addLayout(row)
        pv.addStretch(1)

        left = QVBoxLayout()
        for box in (details, event, documents):
            left.addWidget(box)
        left.addStretch(1)
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.addLayout(left, 1)
        columns.addWidget(self.development_box, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh(force=True)

    def _line(self, key: str, label: str, form: QFormLayout, hint: str, typing: bool = True) -> QLineEdit:
        edit = named(QLineEdit(), f"{key}Edit", label.replace("&", "").rstrip(":"))
        edit.setPlaceholderText(hint)
        edit.editingFinished.connect(lambda: self._save_field(key))
        if typing:
            timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS, timeout=lambda: self._save_field(key))
            self._timers[key] = timer
            edit.textEdited.connect(lambda _t: timer.start())
        form.addRow(label, edit)
        return edit

    # ---- showing ------------------------------------------------------------------------------------------

    def refresh(self, force: bool = False) -> None:
        """Show what is stored; fields being typed in are left alone unless `force` (after an undo)."""
        f: Followup = self.store.get_followup(self.approach_id)
        values = {key: getattr(f, key) or "" for key in self.fields}
        values["event_date"] = shown_date(f.event_date)
        values["name"] = self.store.get_approach(self.approach_id).name
        for key, edit in {**self.fields, "name": self.name}.items():
            if (force or not edit.hasFocus()) and edit.text() != values[key]:
                edit.setText(values[key])
        self.development_box.setTitle(self.tr("Ontwikkeling {0}").format(f.year2_label))
        self._showing = True
        focus = QApplication.focusWidget()
        editing = focus is not None and (focus is self.documents or self.documents.isAncestorOf(focus))
        if force or not editing:  # a cell being edited stays
            self.documents.setRowCount(0)
            for document in f.documents:
                self._document_row(document)
        self._showing = False
        stored = list(f.development)
        shown = self.parts if force else [p for p in self.parts if not p.is_empty()]
        wanted = (stored or [DevelopmentSection("", "")]) if force else stored
        if len(shown) != len(wanted):
            self._rebuild_parts(stored or [DevelopmentSection("", "")])
        else:
            for part, section in zip(shown, wanted, strict=True):
                part.show_section(section, force)

    def _document_row(self, document: FollowupDocument) -> None:
        row = self.documents.rowCount()
        self.documents.insertRow(row)
        self.documents.setItem(row, 0, QTableWidgetItem(document.title))
        self.documents.setItem(row, 1, QTableWidgetItem(document.date))

    def _rebuild_parts(self, sections: list[DevelopmentSection]) -> None:
        for part in self.parts:
            self.parts_layout.removeWidget(part)
            part.hide()
            part.deleteLater()
        self.parts = []
        for section in sections:
            self._add_part_widget(section)

    def _add_part_widget(self, section: DevelopmentSection) -> _Part:
        part = _Part(len(self.parts) + 1, section, self._development_timer.start, self.remove_part)
        part.text.focus_lost.connect(self.save_development)
        part.heading.editingFinished.connect(self.save_development)
        self.parts.append(part)
        self.parts_layout.addWidget(part)
        return part

    # ---- saving -------------------------------------------------------------------------------------------

    def _do(self, action) -> bool:
        try:
            action()
        except GgsrError as exc:
            self._notify(self.tr("Niet opgeslagen: {0}").format(exc), True)
            return False
        self._notify("", False)
        self.refresh()  # the texts as stored (anonymised), where the inspector is not typing
        self.changed.emit()
        return True

    def _save_field(self, key: str) -> None:
        if key in self._timers:
            self._timers[key].stop()
        f = self.store.get_followup(self.approach_id)
        edit = self.name if key == "name" else self.fields[key]
        text = edit.text()
        if key == "name":
            if text.strip() != self.store.get_approach(self.approach_id).name:
                self._do(lambda: self._actions().rename(self.approach_id, text))
            return
        try:
            value = iso_date(text) if key == "event_date" else text
        except ValueError:
            self._notify(self.tr("Niet opgeslagen: '{0}' is geen datum; schrijf bijv. 13-01-2015.").format(text), True)
            return
        if (value or "") != (getattr(f, key) or ""):
            if self._do(lambda: self._actions().update(self.approach_id, **{key: value})) and key == "event_date":
                edit.setText(shown_date(value))
            if key == "year2_label":
                self.development_box.setTitle(self.tr("Ontwikkeling {0}").format(text.strip()))

    def save_documents(self) -> None:
        rows = []
        for row in range(self.documents.rowCount()):
            title, date = (self.documents.item(row, c) for c in (0, 1))
            rows.append(FollowupDocument(title.text() if title else "", date.text() if date else ""))
        if tuple(d for d in rows if d.title.strip()) != self.store.get_followup(self.approach_id).documents:
            self._do(lambda: self._actions().set_documents(self.approach_id, rows))

    def add_document(self) -> None:
        self._showing = True
        self._document_row(FollowupDocument("", ""))
        self._showing = False
        row = self.documents.rowCount() - 1
        self.documents.setCurrentCell(row, 0)
        self.documents.setFocus()
        self.documents.editItem(self.documents.item(row, 0))

    def remove_document(self) -> None:
        row = self.documents.currentRow()
        if row >= 0:
            self.documents.removeRow(row)
            self.save_documents()

    def save_development(self) -> None:
        self._development_timer.stop()
        sections = [p.section() for p in self.parts]
        stored = self.store.get_followup(self.approach_id).development
        wanted = tuple(DevelopmentSection(s.heading.strip(), s.text.strip()) for s in sections
                       if s.heading.strip() or s.text.strip())
        if wanted != stored:
            self._do(lambda: self._actions().set_development(self.approach_id, sections))

    def add_part(self) -> None:
        part = self._add_part_widget(DevelopmentSection("", ""))
        part.heading.setFocus()

    def remove_part(self, part: _Part) -> None:
        self.parts.remove(part)
        self.parts_layout.removeWidget(part)
        part.hide()
        part.deleteLater()
        for number, other in enumerate(self.parts, 1):
            other.set_number(number)
        if not self.parts:
            self._add_part_widget(DevelopmentSection("", ""))
        self.save_development()

    def flush(self) -> None:
        """Save what is being typed (before an undo, an export, and when the screen goes away)."""
        for key, timer in self._timers.items():
            if timer.isActive():
                self._save_field(key)
        if self._development_timer.isActive():
            self.save_development()

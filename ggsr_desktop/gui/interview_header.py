"""The head of the interview screen: who is interviewed, the interview's date and status, and the help button."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ggsr_desktop.gui import labels
from ggsr_desktop.models import Interview, Status

STATUSES = (Status.PLANNED, Status.IN_PROGRESS, Status.DONE)


class InterviewHeader(QWidget):
    """Emits `status_chosen(str)` and `date_chosen(str)` (ISO date) when the inspector changes them."""

    status_chosen = Signal(str)
    date_chosen = Signal(str)
    help_requested = Signal()

    def __init__(self, title: str, parent=None, kicker: str = ""):
        """`kicker` is a small grey line above the title (a respondent's kind and municipality)."""
        super().__init__(parent)
        above = f"<span style='color:#4b5563;'>{kicker}</span><br>" if kicker else ""
        self.title = QLabel(f"{above}<span style='font-size:15pt; font-weight:600;'>{title}</span>")
        self.title.setObjectName("interviewTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)  # a long name (an organisation) wraps instead of widening the screen
        self.date = QDateEdit()
        self.date.setObjectName("interviewDateEdit")
        self.date.setAccessibleName(self.tr("Datum van het gesprek"))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.date.setSpecialValueText(self.tr("geen datum"))
        self.date.setMinimumDate(QDate(2000, 1, 1))
        self.date.dateChanged.connect(self._date_changed)
        self.status = QComboBox()
        self.status.setObjectName("statusCombo")
        self.status.setAccessibleName(self.tr("Status van het gesprek"))
        for value in STATUSES:
            self.status.addItem(labels.status(value), value.value)
        self.status.activated.connect(lambda index: self.status_chosen.emit(self.status.itemData(index)))
        status_label = QLabel(self.tr("&Status:"))
        status_label.setBuddy(self.status)
        help_button = QPushButton(self.tr("Sneltoetsen (F1)"), clicked=self.help_requested.emit)
        help_button.setObjectName("helpButton")
        help_button.setAccessibleName(self.tr("Sneltoetsen tonen"))
        help_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if kicker:  # a two-line title gets the full width; date and status go on the row below
            column = QVBoxLayout(self)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(self.title)
            row = QHBoxLayout()
            column.addLayout(row)
            row.addStretch(1)
        else:
            row = QHBoxLayout(self)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.title, 1)
        row.addWidget(QLabel(self.tr("Datum:")))
        row.addWidget(self.date)
        row.addWidget(status_label)
        row.addWidget(self.status)
        row.addWidget(help_button)
        self._showing = False

    def show_interview(self, interview: Interview) -> None:
        self._showing = True
        try:
            self.status.setCurrentIndex(STATUSES.index(interview.status))
            date = QDate.fromString(interview.date or "", "yyyy-MM-dd")
            self.date.setDate(date if date.isValid() else self.date.minimumDate())
        finally:
            self._showing = False

    def _date_changed(self, date: QDate) -> None:
        if not self._showing and date != self.date.minimumDate():
            self.date_chosen.emit(date.toString("yyyy-MM-dd"))

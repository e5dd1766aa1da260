"""Reviewing the anonymiser's work on a saved quote: undo a wrong replacement (the original word is retyped: it
was never stored), replace a part it missed, and the list of the approach's quotes still to check.

The dialogs only collect input; the change itself goes through `QuoteActions` (so it can be undone) and the
core refuses a known person's name or an identifier (`ggsr_desktop.ops.review`). On a refusal the dialog stays open
with the message and what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.gui import labels
from ggsr_desktop.gui.form_dialog import FormDialog, named
from ggsr_desktop.gui.quote_list import HTML_ROLE, QUOTE_ID_ROLE, HtmlDelegate, highlighted
from ggsr_desktop.models import Quote
from ggsr_desktop.ops.review import PLACEHOLDER_CHOICES


class _ReviewDialog(FormDialog):
    """Shows the quote, an error line and OK/Cancel; `apply()` does the change."""

    def __init__(self, parent, quote: Quote, title: str, ok_text: str):
        super().__init__(parent, title, ok_text)
        self.quote = quote
        self.resize(620, 380)

    def finish(self) -> None:
        self.finish_layout(stretch=False)


class RevertDialog(_ReviewDialog):
    """Undo one replacement: choose the placeholder, retype the word that stood there."""

    def __init__(self, parent, quote: Quote, revert):
        super().__init__(parent, quote, self.tr("Vervanging terugdraaien"), self.tr("&Terugzetten"))
        self.revert = revert  # (index, word) -> Quote
        shown = QLabel(highlighted(quote))
        shown.setTextFormat(Qt.TextFormat.RichText)
        shown.setWordWrap(True)
        self.layout_.addWidget(named(shown, "reviewQuoteText", self.tr("Het citaat")))
        form = QFormLayout()
        self.span_combo = named(QComboBox(), "spanCombo", self.tr("Welke vervanging"))
        first_review = None
        for index, span in enumerate(quote.spans):
            flag = self.tr(" — controleren") if span.needs_review else ""
            context = quote.text[max(0, span.start - 25):span.start].split("\n")[-1]
            self.span_combo.addItem(f"{span.placeholder}{flag}   (…{context}{span.placeholder}…)", index)
            if first_review is None and span.needs_review:
                first_review = index
        self.span_combo.setCurrentIndex(first_review or 0)
        self.word = named(QLineEdit(), "originalWordEdit", self.tr("Het oorspronkelijke woord"))
        self.word.setPlaceholderText(self.tr("typ het woord dat er stond (het is nergens bewaard)"))
        form.addRow(self.tr("&Vervanging:"), self.span_combo)
        form.addRow(self.tr("&Woord:"), self.word)
        self.layout_.addLayout(form)
        note = QLabel(self.tr("Alleen voor woorden die niemand herkenbaar maken (bijv. 'Jeugdzorg' of 'Pasen'). "
                              "Namen van bekende personen en gegevens als een BSN of telefoonnummer worden "
                              "geweigerd."))
        note.setWordWrap(True)
        note.setStyleSheet("color:#4b5563;")
        self.layout_.addWidget(note)
        self.finish()
        self.word.setFocus()

    def apply(self) -> None:
        return self.revert(self.span_combo.currentData(), self.word.text())


class RedactDialog(_ReviewDialog):
    """Replace a part the anonymiser missed: select it in the text, choose the placeholder."""

    def __init__(self, parent, quote: Quote, redact, placeholders: list[str] = ()):
        super().__init__(parent, quote, self.tr("Extra deel vervangen"), self.tr("&Vervangen"))
        self.redact = redact  # (start, end, placeholder) -> Quote
        hint = QLabel(self.tr("Selecteer in de tekst wat nog herkenbaar is, kies de vervanging en klik op "
                              "Vervangen."))
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        self.text = named(QPlainTextEdit(quote.text), "redactText", self.tr("Tekst van het citaat"))
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.layout_.addWidget(self.text, 1)
        form = QFormLayout()
        self.placeholder = named(QComboBox(), "placeholderCombo", self.tr("Vervangen door"))
        self.placeholder.setEditable(True)
        for choice in [*placeholders, *PLACEHOLDER_CHOICES]:
            if self.placeholder.findText(choice) < 0:
                self.placeholder.addItem(choice)
        form.addRow(self.tr("Vervangen &door:"), self.placeholder)
        self.layout_.addLayout(form)
        self.finish()
        self.text.setFocus()

    def select(self, start: int, end: int) -> None:
        cursor = self.text.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)

    def apply(self) -> None:
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            raise _NoSelection(self.tr("Selecteer eerst in de tekst wat vervangen moet worden."))
        return self.redact(cursor.selectionStart(), cursor.selectionEnd(), self.placeholder.currentText())


class _NoSelection(GgsrError):
    pass


class ReviewListDialog(QDialog):
    """Every quote of the approach that still needs checking; 'Openen' goes to it in its interview."""

    open_requested = Signal(int, int)  # interview id, quote id

    def __init__(self, parent, store, approach_id: int):
        super().__init__(parent)
        self.store, self.approach_id = store, approach_id
        approach = store.get_approach(approach_id)
        self.setWindowTitle(self.tr("Te controleren citaten — {0} {1}").format(approach.municipality, approach.name))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        self.summary = named(QLabel(), "reviewSummary", self.tr("Aantal te controleren citaten"))
        layout.addWidget(self.summary)
        self.list = named(QListWidget(), "reviewList", self.tr("Te controleren citaten"))
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda _item: self._open())
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox()
        self.open_button = named(QPushButton(self.tr("&Openen in het gesprek")), "openQuoteButton",
                                  self.tr("Openen in het gesprek"))
        self.open_button.clicked.connect(self._open)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Sluiten"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        quotes = self.store.quotes_needing_review(self.approach_id)
        places: dict[int, str] = {}
        approach = self.store.get_approach(self.approach_id)
        for case in self.store.list_cases(self.approach_id):
            for iv in self.store.list_interviews(case.id):
                places[iv.id] = f"{case.code} · {labels.role(iv.role, approach.regisseur_label)}"
        for iv in self.store.respondents(self.approach_id):  # a policy-level approach: its respondents
            places[iv.id] = f"{approach.municipality} · {labels.respondent(iv)}"
        for quote in quotes:
            item = QListWidgetItem(quote.text)
            item.setData(QUOTE_ID_ROLE, quote.id)
            item.setData(QUOTE_ID_ROLE + 10, quote.interview_id)
            item.setData(HTML_ROLE, f"<b>{places.get(quote.interview_id, '')}</b><br>{highlighted(quote)}")
            self.list.addItem(item)
        self.summary.setText(self.tr("{0} citaten moeten nog worden gecontroleerd.").format(len(quotes)) if quotes
                             else self.tr("Alle citaten van deze aanpak zijn gecontroleerd."))
        self.open_button.setEnabled(bool(quotes))
        if quotes:
            self.list.setCurrentRow(0)

    def _open(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open_requested.emit(item.data(QUOTE_ID_ROLE + 10), item.data(QUOTE_ID_ROLE))
            self.accept()

"""The judgement of one indicator: mark (✓ / X / –), finding, highlight and report section, illustrative quotes;
at policy level (the factsheet) the 'LET OP:' note under the finding instead of highlight and section.
A view only: it emits what the inspector chose, and the review screen does it through the core."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ggsr_desktop.framework import Framework
from ggsr_desktop.gui.guide_view import one_line
from ggsr_desktop.models import Highlight, Judgement, Level, Mark, Quote, ReportSection

SAVE_DELAY_MS = 1500
NEW_SECTION = -1
BUTTON_STYLE = ("QPushButton {{ padding: 3px 10px; }} QPushButton:checked {{ background-color: {0}; color: {1}; "
                "border: 1px solid #374151; border-radius: 3px; }}")


class FindingEdit(QPlainTextEdit):
    """Tells when it loses the focus (the finding is saved then, and after a pause in typing)."""

    focus_lost = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class JudgementEditor(QWidget):
    mark_chosen = Signal(object)  # a Mark value, or None for 'not judged'
    finding_changed = Signal(str)  # save this text (debounced, and on leaving the field)
    let_op_changed = Signal(str)  # policy level: save this 'LET OP:' note (debounced, and on leaving the field)
    highlight_chosen = Signal(str)
    section_chosen = Signal(int)  # a section id, 0 for none, NEW_SECTION for a new one
    proposal_requested = Signal()
    history_requested = Signal()
    illustrative_removed = Signal(int)  # quote id

    def __init__(self, framework: Framework, parent=None):
        super().__init__(parent)
        self.setObjectName("judgementEditor")
        self.framework = framework
        self.policy = framework.level == Level.POLICY
        self.indicator_id: str | None = None
        self._showing = False
        self._saved_text = ""
        self._saved_let_op = ""

        self.title = QLabel()
        self.title.setObjectName("judgementTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)

        self.mark_buttons: dict[str | None, QPushButton] = {}
        marks = QHBoxLayout()
        marks.addWidget(QLabel(self.tr("Oordeel:")))
        for value, text, keys, colours in (
                (Mark.SATISFIED.value, self.tr("✓ Voldoet"), "Ctrl+1", ("#16a34a", "white")),
                (Mark.IMPROVEMENT.value, self.tr("X Verbeterpunt"), "Ctrl+2", ("#dc2626", "white")),
                (Mark.NOT_ESTABLISHED.value, self.tr("– Niet vastgesteld"), "Ctrl+3", ("#6b7280", "white")),
                (None, self.tr("Nog niet"), "Ctrl+0", ("#e5e7eb", "#111827"))):
            button = self._toggle(text, keys, colours, f"mark_{value or 'none'}")
            button.clicked.connect(lambda _c=False, v=value: self.mark_chosen.emit(v))
            self.mark_buttons[value] = button
            marks.addWidget(button)
        marks.addStretch(1)
        self.proposal_button = QPushButton(self.tr("&Voorstel"))
        self.proposal_button.setObjectName("proposalButton")
        self.proposal_button.setAccessibleName(self.tr("Voorstel voor bevinding en oordeel uit het bewijs"))
        self.proposal_button.setToolTip(self.tr("Stel bevinding en oordeel voor uit het bewijs (Ctrl+P)"))
        self.proposal_button.clicked.connect(self.proposal_requested.emit)
        marks.addWidget(self.proposal_button)

        self.finding = FindingEdit()
        self.finding.setObjectName("findingEditor")
        self.finding.setAccessibleName(self.tr("Bevinding"))
        self.finding.setPlaceholderText(self.tr("Bevinding: wat zag STJ in de casussen? (wordt geanonimiseerd en "
                                                "vanzelf bewaard)"))
        self.finding.setTabChangesFocus(True)
        self.finding.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS, timeout=self.save_finding)
        self.finding.textChanged.connect(self._finding_typed)
        self.finding.focus_lost.connect(self.save_finding)
        if self.policy:
            self.finding.setPlaceholderText(self.tr("Bevinding: wat zeggen de gemeente, de netwerkpartners en de "
                                                    "documenten? (vanzelf bewaard; namen van organisaties blijven)"))

        self.let_op = FindingEdit()
        self.let_op.setObjectName("letOpEditor")
        self.let_op.setAccessibleName(self.tr("LET OP"))
        self.let_op.setPlaceholderText(self.tr("Optioneel: een kanttekening, bijv. één netwerkpartner wijkt af "
                                               "(komt in de factsheet na de bevinding, als 'LET OP: …')"))
        self.let_op.setTabChangesFocus(True)
        self.let_op.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.let_op_label = QLabel(self.tr("&LET OP:"))
        self.let_op_label.setStyleSheet("font-weight:600; color:#b45309")
        self.let_op_label.setBuddy(self.let_op)
        self._let_op_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS, timeout=self.save_let_op)
        self.let_op.textChanged.connect(lambda: None if self._showing else self._let_op_timer.start())
        self.let_op.focus_lost.connect(self.save_let_op)
        self.agreement = QLabel()
        self.agreement.setObjectName("agreementLabel")
        self.agreement.setWordWrap(True)
        self.agreement.setTextFormat(Qt.TextFormat.RichText)
        self.agreement.hide()

        self.highlight_buttons: dict[str, QPushButton] = {}
        highlights = QHBoxLayout()
        highlights.addWidget(QLabel(self.tr("Markering:")))
        for value, text, keys, colours in (
                (Highlight.GREEN.value, self.tr("Groen · wat gaat goed"), "Alt+G", ("#86efac", "#14532d")),
                (Highlight.RED.value, self.tr("Rood · wat kan beter"), "Alt+R", ("#fca5a5", "#7f1d1d")),
                (Highlight.NONE.value, self.tr("Geen"), "Alt+0", ("#e5e7eb", "#111827"))):
            button = self._toggle(text, keys, colours, f"highlight_{value}")
            button.clicked.connect(lambda _c=False, v=value: self.highlight_chosen.emit(v))
            self.highlight_buttons[value] = button
            highlights.addWidget(button)
        highlights.addStretch(1)
        self.section = QComboBox()
        self.section.setObjectName("sectionCombo")
        self.section.setAccessibleName(self.tr("Rapportsectie van deze indicator"))
        self.section.activated.connect(lambda i: self.section_chosen.emit(self.section.itemData(i)))
        self.section_label = QLabel(self.tr("Sec&tie:"))
        self.section_label.setBuddy(self.section)

        self.illustrative = QListWidget()
        self.illustrative.setObjectName("illustrativeList")
        self.illustrative.setAccessibleName(self.tr("Illustratieve citaten voor het rapport"))
        self.illustrative.setWordWrap(True)
        self.illustrative.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.illustrative.setToolTip(self.tr("Del: niet meer als illustratie gebruiken"))
        self.history_button = QPushButton(self.tr("Geschiedenis… (Ctrl+H)"))
        self.history_button.setObjectName("historyButton")
        self.history_button.setAccessibleName(self.tr("Geschiedenis van dit oordeel"))
        self.history_button.setToolTip("Ctrl+H")
        self.history_button.clicked.connect(self.history_requested.emit)

        grid = QGridLayout()
        grid.addWidget(self.section_label, 0, 0)
        grid.addWidget(self.section, 0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(marks)
        layout.addWidget(self.finding, 1)
        layout.addWidget(self.let_op_label)
        layout.addWidget(self.let_op)
        layout.addWidget(self.agreement)
        layout.addLayout(highlights)
        layout.addLayout(grid)
        for widget in (self.let_op_label, self.let_op):
            widget.setVisible(self.policy)
        if self.policy:  # the factsheet has no report sections (chapters 3 and 4 of the nota)
            for row in (highlights, grid):
                for k in range(row.count()):
                    if row.itemAt(k).widget() is not None:
                        row.itemAt(k).widget().hide()
        self.illustrative_label = QLabel()
        layout.addWidget(self.illustrative_label)
        layout.addWidget(self.illustrative)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.history_button)
        layout.addLayout(bottom)
        self.setEnabled(False)

    def _toggle(self, text: str, keys: str, colours: tuple[str, str], name: str) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setToolTip(keys)
        button.setStyleSheet(BUTTON_STYLE.format(*colours))
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    # ---- showing -------------------------------------------------------------------------------------------

    def show_judgement(self, indicator_id: str, judgement: Judgement | None, sections: list[ReportSection],
                       quotes: dict[int, Quote], places: dict[int, str]) -> None:
        """Show an indicator's judgement; a finding being typed for this indicator is kept as it is."""
        self.save_finding()
        same = indicator_id == self.indicator_id
        self.indicator_id = indicator_id
        self.setEnabled(True)
        indicator = self.framework.indicator(indicator_id)
        criterion = next(c for c in self.framework.criteria if indicator in c.indicators)
        theme = next(t for t in self.framework.themes if criterion in t.criteria)
        self.title.setText(f"<span style='color:#4b5563'>{html.escape(theme.name)} › "
                           f"{html.escape(one_line(criterion.text))}</span><br><span style='font-size:13pt; "
                           f"font-weight:600'>{html.escape(one_line(indicator.text))}</span>")
        mark = judgement.mark.value if judgement and judgement.mark else None
        for value, button in self.mark_buttons.items():
            button.setChecked(value == mark)
        highlight = judgement.highlight.value if judgement else Highlight.NONE.value
        for value, button in self.highlight_buttons.items():
            button.setChecked(value == highlight)
        finding = judgement.finding if judgement else ""
        self._showing = True
        if not (same and self.finding.hasFocus()) and self.finding.toPlainText() != finding:
            self.finding.setPlainText(finding)
        self._showing = False
        self._saved_text = finding
        let_op = judgement.let_op if judgement else ""
        self._showing = True
        if not (same and self.let_op.hasFocus()) and self.let_op.toPlainText() != let_op:
            self.let_op.setPlainText(let_op)
        self._showing = False
        self._saved_let_op = let_op
        self._show_sections(indicator_id, highlight, sections)
        ids = judgement.quote_ids if judgement else ()
        self.illustrative.clear()
        for quote_id in ids:
            quote = quotes.get(quote_id)
            if quote is None:
                continue
            item = QListWidgetItem(f"{places.get(quote.interview_id, '')}: {quote.text}")
            item.setData(Qt.ItemDataRole.UserRole, quote_id)
            self.illustrative.addItem(item)
        self.illustrative_label.setText(self.tr("Illustratieve citaten ({0}) — kies ze in de lijst met citaten met "
                                                "Spatie").format(len(ids)))

    def _show_sections(self, indicator_id: str, highlight: str, sections: list[ReportSection]) -> None:
        self.section.clear()
        if highlight == Highlight.NONE.value:
            self.section.addItem(self.tr("— markeer eerst groen of rood —"), 0)
            self.section.setEnabled(False)
            return
        self.section.setEnabled(True)
        self.section.addItem(self.tr("— nog in geen sectie —"), 0)
        current = 0
        for s in sections:
            if s.highlight.value == highlight:
                self.section.addItem(s.title, s.id)
                if indicator_id in s.indicator_ids:
                    current = self.section.count() - 1
        self.section.addItem(self.tr("Nieuwe sectie…"), NEW_SECTION)
        self.section.setCurrentIndex(current)

    # ---- the finding ---------------------------------------------------------------------------------------

    def _finding_typed(self) -> None:
        if not self._showing:
            self._save_timer.start()

    def save_finding(self) -> None:
        """Save the finding (and at policy level the LET OP note) when changed since it was shown or stored."""
        self._save_timer.stop()
        text = self.finding.toPlainText()
        if self.indicator_id is not None and text.strip() != self._saved_text.strip():
            self.finding_changed.emit(text)  # the screen calls `saved()` once it is stored
        if self.policy:
            self.save_let_op()

    def save_let_op(self) -> None:
        self._let_op_timer.stop()
        text = self.let_op.toPlainText()
        if self.indicator_id is not None and text.strip() != self._saved_let_op.strip():
            self.let_op_changed.emit(text)  # the screen calls `let_op_saved()` once it is stored

    def let_op_saved(self, stored: str) -> None:
        self._saved_let_op = stored
        if not self.let_op.hasFocus() and self.let_op.toPlainText() != stored:
            self._showing = True
            self.let_op.setPlainText(stored)
            self._showing = False

    def show_agreement(self, text: str) -> None:
        """Policy level: how the answers of gemeente and netwerkpartners on this indicator relate."""
        self.agreement.setText(text)
        self.agreement.setVisible(bool(text))

    def pending_text(self) -> str:
        return self.finding.toPlainText()

    def saved(self, stored: str) -> None:
        """The finding as stored (anonymised): shown at once unless the inspector is typing in it."""
        self._saved_text = stored
        if not self.finding.hasFocus() and self.finding.toPlainText() != stored:
            self._showing = True
            self.finding.setPlainText(stored)
            self._showing = False

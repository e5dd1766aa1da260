"""The interview screen: guide (left), capture and quote list (centre), case coverage (right).

Every quote is durable when Enter returns: it goes through `QuoteActions.save` (anonymised by `Capture`) as one
operation of the session (`Operations`), and the editor is cleared only after that returned. The unsaved text is
kept as an anonymised draft every few seconds. The anonymiser takes seconds to build, so it is built off the GUI
thread (`AnonymiserProvider`); typing never waits for it, and a save asked for before it is ready happens as soon
as it is.
"""

from __future__ import annotations

import html
import logging
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ggsr_desktop.errors import DiskFullError, GgsrError, NotFoundError
from ggsr_desktop.evidence.coverage import case_coverage
from ggsr_desktop.framework import Framework
from ggsr_desktop.gui import labels
from ggsr_desktop.gui.capture_support import AnonymiserProvider, CaptureEdit, shared_provider
from ggsr_desktop.gui.guide_view import CoverageView, GuideTree, one_line
from ggsr_desktop.gui.indicator_picker import IndicatorPicker
from ggsr_desktop.gui.interview_header import InterviewHeader
from ggsr_desktop.gui.interview_review import QuoteReviewActions
from ggsr_desktop.gui.operations import Operations, Performing
from ggsr_desktop.gui.quote_list import QuoteList
from ggsr_desktop.models import Kind, Stance, Status
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.ops.changes import Changes
from ggsr_desktop.ops.quote_actions import QuoteActions
from ggsr_desktop.ops.session import Session
from ggsr_desktop.store import Store

DRAFT_INTERVAL_MS = 3000
KINDS = (Kind.QUOTE, Kind.PARAPHRASE, Kind.OBSERVATION)
STANCES = (Stance.POSITIVE, Stance.NEGATIVE, Stance.NEUTRAL)
STANCE_KEYS = ("P", "N", "O")
log = logging.getLogger(__name__)


class InterviewScreen(QuoteReviewActions, QWidget):
    """`operations` are the window's (one session, one undo history, shared with the review screen; its capture
    knows persons added elsewhere at once); a screen on its own makes its own session."""

    def __init__(self, store: Store, framework: Framework, interview_id: int,
                 provider: AnonymiserProvider | None = None, parent=None, operations: Operations | None = None):
        super().__init__(parent)
        self.setObjectName("interviewScreen")
        self.store = store
        self.operations = operations or Operations(Session(store), self)
        self.operations.changed.connect(self._on_changed)
        self.framework = framework
        self.interview = store.get_interview(interview_id)
        self.case = store.get_case(self.interview.case_id)
        self.approach = store.get_approach(self.case.approach_id)
        self.provider = provider or shared_provider()
        self.capture: Capture | None = None
        self.actions: QuoteActions | None = None
        self.current_indicator: str | None = None
        self.extra_indicators: list[str] = []
        self.kind = Kind.QUOTE
        self.stance = Stance.NEUTRAL
        self.filter_indicator: str | None = None
        self.review_only = False
        self.last_saved: str | None = None
        self._pending_save = False
        self._draft_dirty = False
        self._started = time.monotonic()
        self._build()
        self._shortcuts()
        self.refresh()
        self._offer_draft()
        self.provider.ready.connect(self._anonymiser_ready)
        self.provider.failed.connect(self._anonymiser_failed)
        if self.provider.get() is not None:
            self._anonymiser_ready()
        elif self.provider.error:
            self._anonymiser_failed(self.provider.error)
        else:
            self._notify(self.tr("Anonimiseerder wordt geladen… u kunt al typen."))
            self.provider.start()
        self.draft_timer = QTimer(self, interval=DRAFT_INTERVAL_MS, timeout=self.save_draft)
        self.draft_timer.start()
        self.clock = QTimer(self, interval=1000, timeout=self._update_status)
        self.clock.start()

    # ---- layout --------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.guide = GuideTree(self.framework, self.interview.role.value)
        self.guide.indicator_selected.connect(self.set_current_indicator)
        self.coverage = CoverageView(self.framework)
        self.coverage.indicator_clicked.connect(self.filter_to)

        kicker = ""
        if self.case.survey:  # a respondent of a policy-level approach: its name, its kind and municipality above
            iv = self.interview
            kicker = html.escape(f"{labels.policy_role(iv.role)} · {self.approach.municipality} — "
                                 f"{self.approach.name}")
            title = html.escape(iv.name or f"{labels.policy_role(iv.role)} {self.approach.municipality}")
        else:
            role_name = labels.role(self.interview.role, self.approach.regisseur_label)
            subtitle = f" — {self.interview.organisation_type}" if self.interview.organisation_type else ""
            title = f"{self.case.code} · {role_name}{subtitle}"
        self.header = InterviewHeader(title, kicker=kicker)
        self.header.show_interview(self.interview)
        self.header.status_chosen.connect(self.set_status)
        self.header.date_chosen.connect(self.set_date)
        self.header.help_requested.connect(self.show_help)
        self.title = self.header.title
        self.indicator_label = QLabel()
        self.indicator_label.setObjectName("currentIndicatorLabel")
        self.indicator_label.setWordWrap(True)
        self.indicator_label.setTextFormat(Qt.TextFormat.RichText)

        self.kind_buttons = self._toggle_row(KINDS, labels.kind, lambda k: self.set_kind(k), "kind",
                                             [f"Ctrl+{n}" for n in (1, 2, 3)])
        self.stance_buttons = self._toggle_row(STANCES, labels.stance, lambda s: self.set_stance(s), "stance",
                                               [f"Alt+{k}" for k in STANCE_KEYS])
        toggles = QGridLayout()  # two short rows: the centre stays narrow enough for guide and coverage
        toggles.setHorizontalSpacing(6)
        toggles.setVerticalSpacing(4)
        for row, (caption, buttons) in enumerate(((self.tr("Soort:"), self.kind_buttons),
                                                  (self.tr("Oordeel:"), self.stance_buttons))):
            toggles.addWidget(QLabel(caption), row, 0)
            for column, button in enumerate(buttons.values(), 1):
                toggles.addWidget(button, row, column)
        toggles.setColumnStretch(4, 1)

        self.editor = CaptureEdit()
        self.editor.setObjectName("quoteEditor")
        self.editor.setAccessibleName(self.tr("Citaat typen"))
        self.editor.setPlaceholderText(self.tr("Typ wat de respondent zegt… Enter slaat op, Shift+Enter is een "
                                               "nieuwe regel."))
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 5 + 16)
        font = self.editor.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.editor.setFont(font)
        self.editor.submitted.connect(self.save_quote)
        self.editor.undo_requested.connect(self.undo)
        self.editor.redo_requested.connect(self.redo)
        self.editor.textChanged.connect(self._text_changed)

        self.picker = IndicatorPicker(self.framework)
        self.picker.chosen.connect(self._extra_indicator)
        self.completer = self.picker.completer()
        self.extras_label = QLabel()
        self.extras_label.setObjectName("extraIndicatorsLabel")
        self.extras_label.setWordWrap(True)

        self.notice = QLabel()
        self.notice.setObjectName("noticeLabel")
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Melding"))

        self.quote_list = QuoteList()
        self.quote_list.edit_requested.connect(self.edit_selected)
        self.quote_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.quote_list.customContextMenuRequested.connect(self._quote_menu)
        self.review_toggle = QCheckBox(self.tr("Alleen te controleren"))
        self.review_toggle.setObjectName("reviewOnlyToggle")
        self.review_toggle.setAccessibleName(self.tr("Alleen citaten tonen die nog gecontroleerd moeten worden"))
        self.review_toggle.toggled.connect(self._review_only)
        self.filter_label = QLabel()
        self.filter_label.setObjectName("filterLabel")
        self.clear_filter_button = QPushButton(self.tr("Alle citaten tonen"), clicked=lambda: self.filter_to(None))
        self.clear_filter_button.setObjectName("clearFilterButton")
        self.clear_filter_button.setAccessibleName(self.tr("Filter opheffen"))
        list_header = QHBoxLayout()
        self.list_title = QLabel()
        self.list_title.setObjectName("quoteListTitle")
        list_header.addWidget(self.list_title)
        list_header.addStretch(1)
        list_header.addWidget(self.review_toggle)
        list_header.addWidget(self.filter_label)
        list_header.addWidget(self.clear_filter_button)

        centre = QWidget()
        c = QVBoxLayout(centre)
        c.setContentsMargins(8, 4, 8, 4)
        c.addWidget(self.header)
        c.addWidget(self.indicator_label)
        c.addLayout(toggles)
        c.addWidget(self.editor)
        c.addWidget(self.notice)
        c.addWidget(self.picker)
        c.addWidget(self.extras_label)
        c.addLayout(list_header)
        c.addWidget(self.quote_list, 1)

        self.splitter = QSplitter()
        self.splitter.setObjectName("interviewSplitter")
        self.splitter.addWidget(self.guide)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.coverage)
        for pane, stretch in enumerate((3, 4, 3)):  # a wider window widens all three, in proportion
            self.splitter.setStretchFactor(pane, stretch)
        self.splitter.setChildrenCollapsible(False)
        self.guide.setMinimumWidth(200)
        self.coverage.setMinimumWidth(230)
        self._sized = False
        self.saved_splitter = None  # the layout the inspector left last time (QSettings), set by the window

        self.status = QLabel()
        self.status.setObjectName("interviewStatus")
        self.status.setAccessibleName(self.tr("Status van het gesprek"))
        self.status.setStyleSheet("color:#374151; padding:2px 8px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        self.setTabOrder(self.editor, self.picker)
        self.setTabOrder(self.picker, self.quote_list)
        self.setTabOrder(self.quote_list, self.guide)
        self.setTabOrder(self.guide, self.coverage)
        self.setTabOrder(self.coverage, self.header.date)
        self.setTabOrder(self.header.date, self.header.status)
        self.setFocusProxy(self.editor)
        self.editor.setFocus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:  # the first real width: guide and coverage get about a quarter each
            self._sized = True
            width = max(self.width(), 900)
            self.splitter.setSizes([int(width * 0.28), int(width * 0.42), int(width * 0.30)])
            if self.saved_splitter is not None:
                self.splitter.restoreState(self.saved_splitter)

    def _toggle_row(self, values, name, choose, key: str, shortcuts) -> dict:
        buttons = {}
        for value, shortcut in zip(values, shortcuts):
            button = QPushButton(name(value))
            button.setCheckable(True)
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(name(value)) + 20)
            button.setStyleSheet("QPushButton { padding: 3px 8px; } QPushButton:checked { background-color: #1d4ed8;"
                                 " color: white; border: 1px solid #1e40af; border-radius: 3px; }")
            button.setObjectName(f"{key}_{value.value}")
            button.setAccessibleName(name(value))
            button.setToolTip(shortcut)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard: the shortcuts; focus stays in the editor
            button.clicked.connect(lambda _checked=False, v=value: choose(v))
            buttons[value] = button
        return buttons

    def _shortcuts(self) -> None:
        def add(keys, slot, widget=None, context=Qt.ShortcutContext.WidgetWithChildrenShortcut):
            for key in keys if isinstance(keys, (list, tuple)) else [keys]:
                shortcut = QShortcut(QKeySequence(key), widget or self, context=context)
                shortcut.activated.connect(slot)

        for n, kind in enumerate(KINDS, 1):
            add(f"Ctrl+{n}", lambda k=kind: self.set_kind(k))
        for n, (stance, letter) in enumerate(zip(STANCES, STANCE_KEYS), 1):
            add([f"Ctrl+Shift+{n}", f"Alt+{letter}"], lambda s=stance: self.set_stance(s))
        add("Ctrl+Z", self.undo)
        add(["Ctrl+Shift+Z", "Ctrl+Y"], self.redo)
        add("F1", self.show_help)
        add("Ctrl+I", self.picker.setFocus)
        add("Ctrl+L", self.quote_list.setFocus)
        add("Ctrl+E", self.editor.setFocus)
        add("Ctrl+R", self.recode_selected)
        add("Ctrl+G", self.guide.setFocus)
        add("F2", self.edit_selected, self.quote_list, Qt.ShortcutContext.WidgetShortcut)
        add("Del", self.delete_selected, self.quote_list, Qt.ShortcutContext.WidgetShortcut)
        add("Escape", lambda: self.filter_to(None), self.quote_list, Qt.ShortcutContext.WidgetShortcut)
        add("Ctrl+T", self.revert_selected)
        add("Ctrl+M", self.redact_selected)
        add("Ctrl+K", self.confirm_selected)

    # ---- state ---------------------------------------------------------------------------------------------

    def _anonymiser_ready(self) -> None:
        if self.capture is not None or self.provider.get() is None:
            return
        self._use_capture(self.operations.session.use_anonymiser(self.provider.get()))
        if self.notice.text().startswith(self.tr("Anonimiseerder wordt geladen")):
            self._notify("")

    def _anonymiser_failed(self, message: str) -> None:
        """Typing goes on and nothing is lost: quotes are kept with the strict fallback, marked 'controleren'."""
        if self.capture is None:
            self._use_capture(self.operations.session.use_anonymiser(None))
        self._notify(self.tr("De anonimiseerder kon niet worden geladen ({0}). Citaten worden streng "
                             "geanonimiseerd opgeslagen (alle hoofdletterwoorden en cijfers vervangen) en "
                             "gemarkeerd als 'controleren'.").format(message), error=True)

    def _use_capture(self, capture: Capture) -> None:
        self.capture = capture
        self.actions: QuoteActions = self.operations.session.quotes()
        self.performing = Performing(self.actions, self.operations, self)  # for the review dialogs
        if self._pending_save:
            self._pending_save = False
            self.save_quote()
        elif self._draft_dirty:
            self.save_draft()  # what was typed while it loaded is kept now, not after the next tick

    def _indicator_text(self, indicator_id: str) -> str:
        if self.framework.has_indicator(indicator_id):
            return one_line(self.framework.indicator(indicator_id).text)
        return indicator_id

    def set_current_indicator(self, indicator_id: str | None) -> None:
        self.current_indicator = indicator_id
        if indicator_id:
            self.guide.select_indicator(indicator_id)
        self._update_indicator_label()

    def set_kind(self, kind: Kind) -> None:
        self.kind = Kind(kind)
        self._update_indicator_label()

    def set_stance(self, stance: Stance) -> None:
        self.stance = Stance(stance)
        self._update_indicator_label()

    def _update_indicator_label(self) -> None:
        for value, button in self.kind_buttons.items():
            button.setChecked(value == self.kind)
        for value, button in self.stance_buttons.items():
            button.setChecked(value == self.stance)
        if self.current_indicator:
            text = self.tr("Huidige indicator: <b>{0}</b> <span style='color:#6b7280'>({1})</span>").format(
                self._indicator_text(self.current_indicator), self.current_indicator)
        else:
            text = self.tr("<span style='color:#b45309'>Geen indicator gekozen: citaten worden opgeslagen als "
                           "<b>nog te coderen</b>. Kies een vraag in de leidraad.</span>")
        self.indicator_label.setText(text)
        extras = [self._indicator_text(i) for i in self.extra_indicators]
        self.extras_label.setText(self.tr("Ook coderen op: {0}").format("; ".join(extras)) if extras else "")
        self.extras_label.setVisible(bool(extras))

    def codings(self) -> dict[str, str]:
        wanted = [self.current_indicator] if self.current_indicator else []
        wanted += [i for i in self.extra_indicators if i not in wanted]
        return {i: self.stance.value for i in wanted}

    def _extra_indicator(self, indicator_id: str) -> None:
        if indicator_id not in self.extra_indicators and indicator_id != self.current_indicator:
            self.extra_indicators.append(indicator_id)
        self._update_indicator_label()
        self.editor.setFocus()

    # ---- capture -------------------------------------------------------------------------------------------

    def _text_changed(self) -> None:
        self._draft_dirty = True

    def save_quote(self) -> None:
        text = self.editor.toPlainText()
        if not text.strip():
            return
        if self.actions is None:
            self._pending_save = True
            self._notify(self.tr("Anonimiseerder wordt geladen… het citaat wordt opgeslagen zodra hij klaar is."))
            return
        fallbacks = self.capture.fallbacks
        codings, start = self.codings() or None, self.interview.status is Status.PLANNED
        structure = self.operations.session.structure()

        def save():
            saved = self.actions.save(self.interview.id, text.strip(), self.kind, codings)
            # the first quote starts the interview: one step with the save
            started = structure.set_interview(self.interview.id, status=Status.IN_PROGRESS) if start else None
            return saved, started

        try:
            quote, started = self.operations.perform(save, self).value
        except GgsrError as exc:
            self._notify(self._failure(exc), error=True)
            return
        except Exception as exc:
            log.exception("saving a quote failed")
            self._notify(self.tr("NIET opgeslagen door een onverwachte fout ({0}). Uw tekst staat nog in het "
                                 "invoerveld.").format(type(exc).__name__), error=True)
            return
        if self.editor.toPlainText() == text:
            self.editor.clear()
        self.extra_indicators = []
        self.last_saved = time.strftime("%H:%M:%S")
        if self.capture.fallbacks > fallbacks:
            self._notify(self.tr("Opgeslagen, maar de anonimiseerder faalde: het citaat is streng geanonimiseerd "
                                 "en gemarkeerd als 'controleren'."), error=True)
        else:
            self._notify("")
        self._clear_draft()
        if started is not None:  # only once the operation is committed
            self.interview = started
            self.header.show_interview(self.interview)
        self.refresh(keep=quote.id)

    def _failure(self, exc: GgsrError) -> str:
        if isinstance(exc, DiskFullError):
            return self.tr("NIET opgeslagen: de schijf is vol. Uw tekst staat nog in het invoerveld; maak ruimte "
                           "vrij en druk opnieuw op Enter.")
        return self.tr("NIET opgeslagen: {0}. Uw tekst staat nog in het invoerveld.").format(exc)

    def _notify(self, text: str, error: bool = False) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet("color:#b91c1c; font-weight:600;" if error else "color:#1d4ed8;")
        self.notice.setVisible(bool(text))

    # ---- drafts --------------------------------------------------------------------------------------------

    def _offer_draft(self) -> None:
        draft = self.store.get_draft(self.interview.id)
        if draft and not self.editor.toPlainText().strip():
            self.editor.setPlainText(draft)
            self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
            self._draft_dirty = False
            self._notify(self.tr("Niet opgeslagen tekst van de vorige keer is teruggezet (geanonimiseerd). Druk op "
                                 "Enter om hem als citaat op te slaan, of wis hem."))

    def save_draft(self) -> None:
        """Keep the editor's text (anonymised) when it changed; called every few seconds."""
        if not self._draft_dirty or self.capture is None:
            return
        try:
            self.capture.save_draft(self.interview.id, self.editor.toPlainText())
        except Exception as exc:  # noqa: BLE001 - the text stays in the editor; the next tick tries again
            self._notify(self.tr("Concept niet bewaard: {0}").format(exc), error=True)
            return
        self._draft_dirty = False

    def _clear_draft(self) -> None:
        if self.editor.toPlainText().strip():  # typed on meanwhile: the next tick keeps it
            self._draft_dirty = True
            return
        try:
            self.capture.save_draft(self.interview.id, "")
        except Exception:  # noqa: BLE001
            self._draft_dirty = True  # the quote itself is safe; the next tick tries again
            return
        self._draft_dirty = False

    # ---- quote actions -------------------------------------------------------------------------------------

    def _run(self, action) -> None:
        """One quote action as an operation; a failure is shown in the notice line."""
        if self.actions is None:
            self._notify(self.tr("Even geduld: de anonimiseerder wordt nog geladen."))
            return
        if self.operations.run(action, self, on_error=lambda text: self._notify(text, error=True),
                               failed=self.tr("Actie mislukt")) is not None:
            self._notify("")
        self.refresh()

    def undo(self) -> None:
        """The last step of the session, from whichever screen it came (Ctrl+Z)."""
        self._history(self.operations.undo, self.tr("Ongedaan gemaakt: {0}"))

    def redo(self) -> None:
        self._history(self.operations.redo, self.tr("Opnieuw gedaan: {0}"))

    def _history(self, step, message: str) -> None:
        outcome = step(self, on_error=lambda text: self._notify(text, error=True))
        if outcome is not None:
            self._notify(message.format(outcome.label))

    def _on_changed(self, changes: Changes, initiator) -> None:
        """An operation elsewhere, an undo or a redo: show what changed (this screen's own actions refresh it)."""
        if initiator is self or not (changes.quotes or changes.interviews or changes.tree):
            return
        try:
            self.interview = self.store.get_interview(self.interview.id)
        except NotFoundError:
            return  # its case was undone: the window closes this screen
        self.header.show_interview(self.interview)
        if changes.quotes or changes.tree:
            self.refresh()

    def delete_selected(self) -> None:
        quote_id = self.quote_list.current_quote_id()
        if quote_id is not None:
            self._run(lambda: self.actions.delete(quote_id))

    def recode_selected(self) -> None:
        quote_id = self.quote_list.current_quote_id()
        if quote_id is None or not self.codings():
            return
        self._run(lambda: self.actions.recode(quote_id, self.codings()))

    def edit_selected(self) -> None:
        quote_id = self.quote_list.current_quote_id()
        if quote_id is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Citaat bewerken"), self.tr(
            "Tekst (wordt opnieuw geanonimiseerd):"), self.store.get_quote(quote_id).text)
        if ok and text.strip():
            self._run(lambda: self.actions.edit_text(quote_id, text.strip()))

    def _review_only(self, on: bool) -> None:
        self.review_only = on
        self.refresh()

    def select_quote(self, quote_id: int) -> None:
        """Show a quote of this interview selected (from the list of quotes to check)."""
        if not any(q.id == quote_id for q in self.quotes):
            return
        self.filter_indicator = None
        self.refresh(keep=quote_id)
        self.quote_list.setFocus()

    # ---- date and status -----------------------------------------------------------------------------------

    def set_status(self, status: str) -> None:
        self._set_interview(status=Status(status))

    def set_date(self, date: str) -> None:
        self._set_interview(date=date)

    def _set_interview(self, **fields) -> None:
        structure = self.operations.session.structure()
        outcome = self.operations.run(lambda: structure.set_interview(self.interview.id, **fields), self,
                                      on_error=lambda text: self._notify(text, error=True),
                                      failed=self.tr("Niet gewijzigd"))
        if outcome is not None:
            self.interview = outcome.value
        self.header.show_interview(self.interview)

    def filter_to(self, indicator_id: str | None) -> None:
        self.filter_indicator = indicator_id
        if indicator_id:
            self.set_current_indicator(indicator_id)
        self.refresh()

    # ---- display -------------------------------------------------------------------------------------------

    def refresh(self, keep: int | None = None) -> None:
        try:
            quotes = self.store.list_quotes(self.interview.id)
            coverage = case_coverage(self.store, self.case.id)
        except GgsrError as exc:
            self._notify(self.tr("Kan gegevens niet lezen: {0}").format(exc), error=True)
            return
        self.quotes = quotes
        per_indicator: dict[str, int] = {}
        for quote in quotes:
            for coding in {c.indicator_id for c in quote.codings}:
                per_indicator[coding] = per_indicator.get(coding, 0) + 1
        self.guide.show_evidence(per_indicator)
        self.missing = self.coverage.show_coverage(coverage)
        shown = [q for q in quotes if (self.filter_indicator is None
                                       or any(c.indicator_id == self.filter_indicator for c in q.codings))
                 and (q.needs_review or not self.review_only)]
        self.quote_list.show_quotes(shown, self.framework, keep)
        self.uncoded = sum(1 for q in quotes if not q.codings)
        self.to_review = sum(1 for q in quotes if q.needs_review)
        self.list_title.setText(self.tr("<b>Citaten</b> ({0}) · <span style='color:#b45309'>{1} nog te coderen"
                                        "</span> · <span style='color:#b91c1c'>{2} te controleren</span>").format(
            len(quotes), self.uncoded, self.to_review))
        self.review_toggle.setText(self.tr("Alleen te controleren ({0})").format(self.to_review))
        if self.filter_indicator:
            self.filter_label.setText(self.tr("Filter: {0}").format(
                self._indicator_text(self.filter_indicator)[:60]))
        self.filter_label.setVisible(bool(self.filter_indicator))
        self.clear_filter_button.setVisible(bool(self.filter_indicator))
        self._update_indicator_label()
        self._update_status()

    def show_other_drafts(self, names: str) -> None:
        """Unsaved text was kept in other interviews too: say where, so none is forgotten."""
        text = self.tr("Ook bij andere gesprekken staat bewaarde, nog niet opgeslagen tekst: {0}.").format(names)
        self._notify(f"{self.notice.text()}\n{text}" if self.notice.text() else text)

    def _update_status(self) -> None:
        elapsed = int(time.monotonic() - self._started)
        parts = [self.tr("Gesprek loopt {0:02d}:{1:02d}:{2:02d}").format(elapsed // 3600, elapsed // 60 % 60,
                                                                          elapsed % 60),
                 self.tr("{0} citaten").format(len(self.quotes)),
                 self.tr("{0} nog te coderen").format(self.uncoded),
                 self.tr("{0} te controleren").format(self.to_review),
                 self.tr("{0} indicatoren nog zonder bewijs").format(self.missing)]
        if self.last_saved:
            parts.append(self.tr("opgeslagen om {0}").format(self.last_saved))
        self.status.setText("   ·   ".join(parts))

    def show_help(self) -> None:
        rows = [
            ("Enter", self.tr("citaat opslaan (geanonimiseerd)")), ("Shift+Enter", self.tr("nieuwe regel")),
            ("Ctrl+1 / 2 / 3", self.tr("soort: citaat / parafrase / observatie")),
            ("Alt+P / N / O", self.tr("oordeel: positief / negatief / neutraal (ook Ctrl+Shift+1/2/3)")),
            ("Ctrl+I", self.tr("extra indicator zoeken")), ("Ctrl+G", self.tr("naar de leidraad")),
            ("Ctrl+L", self.tr("naar de lijst met citaten")), ("Ctrl+E", self.tr("terug naar het invoerveld")),
            ("F2", self.tr("geselecteerd citaat bewerken")), ("Del", self.tr("geselecteerd citaat verwijderen")),
            ("Ctrl+R", self.tr("geselecteerd citaat hercoderen naar de huidige indicator")),
            ("Ctrl+T", self.tr("vervanging in het geselecteerde citaat terugdraaien (woord opnieuw typen)")),
            ("Ctrl+M", self.tr("extra deel van het geselecteerde citaat vervangen")),
            ("Ctrl+K", self.tr("geselecteerd citaat als gecontroleerd markeren")),
            ("Alt+S", self.tr("status van het gesprek")),
            ("Ctrl+Shift+K", self.tr("alle te controleren citaten van de aanpak")),
            *([("Ctrl+Shift+R", self.tr("respondent toevoegen (gemeente, netwerkpartner, document)")),
               ("Ctrl+Shift+F", self.tr("factsheet van de gemeente exporteren"))] if self.case.survey else
              [("Ctrl+Shift+N", self.tr("nieuwe casus met gesprekken")),
               ("Ctrl+Shift+P", self.tr("bekende personen van de casus toevoegen"))]),
            ("F9", self.tr("overzicht links tonen of verbergen")),
            ("Ctrl+Z / Ctrl+Shift+Z", self.tr("ongedaan maken / opnieuw")), ("F1", self.tr("deze hulp")),
        ]
        table = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Sneltoetsen"), f"<table>{table}</table>",
                          QMessageBox.StandardButton.Close, self)
        box.setObjectName("shortcutHelp")
        box.setAccessibleName(self.tr("Sneltoetsen"))
        self.help_box = box
        box.open()

    def flush(self) -> None:
        """Before the screen goes away: keep the draft now."""
        self.save_draft()
        self.draft_timer.stop()
        self.clock.stop()

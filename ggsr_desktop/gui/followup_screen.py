"""The re-assessment screen of a follow-up a year later (vervolgonderzoek, spec round2 §3, decision §10.6): at the
top the count line ('17 verbeterpunten: 12 opgepakt (✓), …') and, when the year-1 approach was edited since the
copy, the offer to refresh that copy; tab 1 the verbeterpunten (the year-1 X's) with, for the chosen one, the year-1
judgement read-only above the year-2 mark and finding; tab 2 the details and the 'Ontwikkeling' narrative.

The year-2 marks and findings are the follow-up approach's own judgements (`JudgementActions`: anonymised, kept in
the judgement history with the inspector's name); the rest goes through `FollowupActions`. Each change is one
operation of the window's session (`Operations`), on its one undo history; texts are saved while typing.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ggsr_desktop.errors import GgsrError, NotFoundError
from ggsr_desktop.evidence.followup import Progress, point_rows, progress, year1_changed
from ggsr_desktop.framework import Framework
from ggsr_desktop.gui.followup_details import FollowupDetails
from ggsr_desktop.gui.followup_points import PointEditor, PointList
from ggsr_desktop.gui.guide_view import one_line
from ggsr_desktop.gui.judgement_dialogs import HistoryDialog
from ggsr_desktop.gui.operations import Operations, Performing
from ggsr_desktop.gui.window_settings import ask_inspector_name
from ggsr_desktop.models import Mark
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.ops.changes import Changes
from ggsr_desktop.ops.session import Session
from ggsr_desktop.store import Store

log = logging.getLogger(__name__)


class FollowupScreen(QWidget):
    """`capture()` gives the Capture to anonymise through (it may wait for the anonymiser); `author` is the
    inspector's name, asked for (and given to `author_changed`) when it is empty at the first judgement."""

    author_changed = Signal(str)

    def __init__(self, store: Store, framework: Framework, approach_id: int, capture: Callable[[], Capture],
                 author: str = "", parent=None, operations: Operations | None = None):
        super().__init__(parent)
        self.setObjectName("followupScreen")
        self.store, self.framework, self.approach_id = store, framework, approach_id
        self._capture = capture
        self.author = author
        self.operations = operations or Operations(Session(store), self)
        self.operations.changed.connect(self._on_changed)
        self.operations.flushing.connect(lambda: self.flush(closing=False))
        self._raw_judging = None
        self._judging: Performing | None = None
        self._followups: Performing | None = None
        self.indicator_id: str | None = None
        self.rows = []
        self._build()
        self._shortcuts()
        self.refresh()
        QApplication.instance().focusChanged.connect(self._focus_changed)

    # ---- layout --------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("followupTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.author_button = QToolButton()
        self.author_button.setObjectName("followupAuthorButton")
        self.author_button.setAccessibleName(self.tr("Naam van de inspecteur"))
        self.author_button.clicked.connect(self.ask_author)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.author_button, 0, Qt.AlignmentFlag.AlignTop)

        self.progress_label = QLabel()
        self.progress_label.setObjectName("followupProgress")
        self.progress_label.setAccessibleName(self.tr("Voortgang van de herbeoordeling"))
        self.progress_label.setTextFormat(Qt.TextFormat.RichText)
        self.progress_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.stale_bar = QFrame()
        self.stale_bar.setObjectName("staleBar")
        self.stale_bar.setStyleSheet("#staleBar { background:#fef3c7; border:1px solid #f59e0b; border-radius:3px; }")
        self.stale_label = QLabel()
        self.stale_label.setObjectName("staleNotice")
        self.stale_label.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Eerste jaar &verversen"))
        self.refresh_button.setObjectName("refreshYear1Button")
        self.refresh_button.setToolTip(self.tr("Kopieer de oordelen van het eerste jaar opnieuw (Ctrl+Z maakt het "
                                               "ongedaan)"))
        self.refresh_button.clicked.connect(self.refresh_year1)
        bar = QHBoxLayout(self.stale_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(self.stale_label, 1)
        bar.addWidget(self.refresh_button)
        self.stale_bar.hide()

        self.notice = QLabel()
        self.notice.setObjectName("followupNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.list = PointList()
        self.list.point_chosen.connect(self.choose)
        self.editor = PointEditor(self.framework)
        self.editor.mark_chosen.connect(self.set_mark)
        self.editor.finding_changed.connect(self._finding_changed)
        self.editor.step_requested.connect(self.step)
        self.editor.history_requested.connect(self.show_history)
        self.splitter = QSplitter()
        self.splitter.setObjectName("followupSplitter")
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([440, 600])
        self.splitter.setChildrenCollapsible(False)

        self.details = FollowupDetails(self.store, self.approach_id, self.followups, self._notify)
        self.details.changed.connect(lambda: self._after_change(editor=False))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("followupTabs")
        self.tabs.setAccessibleName(self.tr("Onderdelen van het vervolgonderzoek"))
        self.tabs.addTab(self.splitter, self.tr("&1 Verbeterpunten"))
        self.tabs.addTab(self.details, self.tr("&2 Gegevens en ontwikkeling"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(head)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.stale_bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.list)

    def _shortcuts(self) -> None:
        def add(keys, slot):
            for key in keys if isinstance(keys, (list, tuple)) else [keys]:
                QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
                          activated=slot)

        for keys, mark in (("Ctrl+1", Mark.SATISFIED), ("Ctrl+2", Mark.IMPROVEMENT), ("Ctrl+3", Mark.NOT_ESTABLISHED),
                           ("Ctrl+0", None)):
            add(keys, lambda m=mark: self.set_mark(m) if self.tabs.currentIndex() == 0 else None)
        add("Alt+Down", lambda: self.step(1))
        add("Alt+Up", lambda: self.step(-1))
        add("Ctrl+E", self.focus_finding)
        add("Ctrl+L", lambda: (self.tabs.setCurrentIndex(0), self.list.setFocus()))
        add("Ctrl+H", self.show_history)
        add("Ctrl+Z", self.undo)
        add(["Ctrl+Shift+Z", "Ctrl+Y"], self.redo)
        add("F1", self.show_help)
        QShortcut(QKeySequence("Return"), self.list, context=Qt.ShortcutContext.WidgetShortcut,
                  activated=self.focus_finding)

    # ---- the actions ---------------------------------------------------------------------------------------

    def judging(self) -> Performing:
        """The year-2 judging actions, each call one operation (made on first use: the anonymiser may be loading)."""
        if self._judging is None:
            self._capture()
            self._raw_judging = self.operations.session.judging(self.approach_id, self.author)
            self._judging = Performing(self._raw_judging, self.operations, self)
        self._raw_judging.author = self.author
        return self._judging

    def followups(self) -> Performing:
        """The follow-up actions (details, documents, narrative, refresh), run as operations of the details tab."""
        if self._followups is None:
            self._capture()
            self._followups = Performing(self.operations.session.followups(), self.operations, self.details)
        return self._followups

    def ask_author(self) -> bool:
        name = ask_inspector_name(self, self.author)
        if name:
            self.set_author(name)
            self.author_changed.emit(name)
        return bool(name)

    def set_author(self, name: str) -> None:
        self.author = name
        self._update_author()

    def _run(self, action, *, judgement: bool = True):
        """One change through the core; a missing name is asked for once (judgements carry it); errors are shown."""
        if judgement and not self.author.strip() and not self.ask_author():
            self._notify(self.tr("Niet opgeslagen: vul eerst uw naam in (knop rechtsboven)."), error=True)
            return None
        try:
            result = action()
        except GgsrError as exc:
            self._notify(self.tr("Niet opgeslagen: {0}").format(exc), error=True)
            return None
        except Exception as exc:
            log.exception("a follow-up action failed")
            self._notify(self.tr("Niet opgeslagen door een onverwachte fout ({0}).").format(type(exc).__name__),
                         error=True)
            return None
        self._notify("")
        return result

    def set_mark(self, mark) -> None:
        """The year-2 mark of the current verbeterpunt (Ctrl+1 ✓ / Ctrl+2 X / Ctrl+3 – / Ctrl+0 none)."""
        indicator_id = self.indicator_id
        if indicator_id is None:
            return
        self.editor.save_finding()  # the text typed so far is its own step
        if self._run(lambda: self.judging().set_mark(indicator_id, mark)) is not None:
            self._after_change()

    def _finding_changed(self, text: str) -> None:
        indicator_id = self.editor.indicator_id
        if indicator_id is None:
            return
        judgement = self._run(lambda: self.judging().set_finding(indicator_id, text))
        if judgement is not None:
            self.editor.saved(judgement.finding)
            self._after_change(editor=indicator_id != self.indicator_id)

    def refresh_year1(self) -> None:
        """Copy the year-1 judgements again (asked for explicitly; undoable)."""
        if self._run(lambda: self.followups().refresh(self.approach_id), judgement=False) is not None:
            self._after_change(force=True)
            self._notify(self.tr("Het eerste jaar is opnieuw gekopieerd; Ctrl+Z maakt dat ongedaan."))

    def undo(self) -> None:
        self._step(self.operations.undo, self.tr("Ongedaan gemaakt: {0}"))

    def redo(self) -> None:
        self._step(self.operations.redo, self.tr("Opnieuw gedaan: {0}"))

    def _step(self, step, message: str) -> None:
        outcome = step(self, on_error=lambda text: self._notify(text, error=True))
        if outcome is not None:
            self._notify(message.format(outcome.label))

    def _on_changed(self, changes: Changes, initiator) -> None:
        """An undo, a redo or a change elsewhere: show what is stored now (this screen's own changes show already)."""
        if initiator in (self, self.details) or not (changes.judgements or changes.texts or changes.tree):
            return  # the details tab says `changed` itself
        try:
            self.store.get_followup(self.approach_id)
        except NotFoundError:
            return  # the follow-up was undone: the window closes this screen
        self._after_change(force=True)

    def show_history(self) -> None:
        if self.indicator_id is None:
            return
        text = one_line(self.framework.indicator(self.indicator_id).text)
        dialog = HistoryDialog(self, text, self.store.judgement_history(self.approach_id, self.indicator_id))
        dialog.setObjectName("historyDialog")
        self.history_dialog = dialog
        dialog.open()

    # ---- display -------------------------------------------------------------------------------------------

    def choose(self, indicator_id: str) -> None:
        """Show a verbeterpunt (from the list, Alt+Up/Down or the buttons)."""
        if indicator_id != self.list.current_id():
            self.list.select(indicator_id)  # comes back here through the list's signal
            return
        self.indicator_id = indicator_id
        self._show_editor()

    def step(self, delta: int) -> None:
        target = self.list.step(delta)
        if target is not None:
            self.tabs.setCurrentIndex(0)
            self.choose(target)

    def focus_finding(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.editor.finding.setFocus()
        self.editor.finding.moveCursor(self.editor.finding.textCursor().MoveOperation.End)

    def refresh(self) -> None:
        self._after_change(force=True)
        if self.indicator_id is None and self.list.point_ids():
            first = next((p.indicator_id for r in self.rows for p in r.points if p.mark is None),
                         self.list.point_ids()[0])  # where the work is: the first one not re-assessed
            self.choose(first)

    def _read(self) -> None:
        self.followup = self.store.get_followup(self.approach_id)
        self.approach = self.store.get_approach(self.approach_id)
        self.judgements = {j.indicator_id: j for j in self.store.list_judgements(self.approach_id)}
        self.rows = point_rows(self.framework, self.followup, self.judgements)
        self.counts: Progress = progress(self.framework, self.followup, self.judgements)

    def _after_change(self, editor: bool = True, force: bool = False) -> None:
        """Show the stored state; `force` also replaces texts being typed (after an undo or a refresh)."""
        self._read()
        f = self.followup
        self.title.setText(self.tr(
            "<span style='font-size:15pt; font-weight:600'>Vervolgonderzoek · {0} — {1}</span><br>"
            "<span style='color:#4b5563'>Herbeoordeling {2} van de verbeterpunten uit {3} ('{4}')</span>").format(
            html.escape(self.approach.municipality), html.escape(self.approach.name), html.escape(f.year2_label),
            html.escape(f.year1_label), html.escape(f.former_name)))
        self.list.set_years(f.year1_label, f.year2_label)
        self.editor.set_years(f.year1_label, f.year2_label)
        self.list.show_rows(self.framework, self.rows)
        if self.indicator_id is not None and self.indicator_id not in self.list.point_ids():
            self.indicator_id = None  # a refresh of year 1 took it away
            self.editor.setEnabled(False)
        if self.indicator_id is not None and (editor or force):
            self._show_editor(force)
        self._update_progress()
        self._update_stale()
        self._update_author()
        if force:
            self.details.refresh(force=True)

    def _show_editor(self, force: bool = False) -> None:
        for row in self.rows:
            for point in row.points:
                if point.indicator_id == self.indicator_id:
                    self.editor.show_point(row, point, force)
                    return

    def _update_progress(self) -> None:
        p = self.counts
        colour = "#15803d" if not p.missing else "#b45309"
        extra = self.tr(" — klaar voor export") if not p.missing and p.points else ""
        self.progress_label.setText(f"<span style='font-size:11pt; font-weight:600; color:{colour}'>"
                                    f"{html.escape(p.line)}</span><span style='color:#4b5563'>{extra}</span>")
        self.progress_label.setToolTip(self.tr("Nog te beoordelen: {0}").format(
            "; ".join(one_line(self.framework.indicator(i).text) for i in p.missing)) if p.missing else "")

    def progress_line(self) -> str:
        """The count line as shown (for tests and the status bar)."""
        return self.counts.line

    def _update_stale(self) -> None:
        stale = year1_changed(self.store, self.approach_id)
        if stale:
            self.stale_label.setText(self.tr("<b>Het eerste jaar is gewijzigd sinds de kopie</b> (van {0}). Het "
                                             "vervolg toont de bevroren kopie; verversen neemt de huidige oordelen "
                                             "van het eerste jaar over.").format(self.followup.frozen_at[:10]))
        self.stale_bar.setVisible(stale)

    def _update_author(self) -> None:
        self.author_button.setText(self.tr("Inspecteur: {0}").format(self.author) if self.author
                                   else self.tr("Naam invullen…"))

    def _notify(self, text: str, error: bool = False) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet("color:#b91c1c; font-weight:600;" if error else "color:#1d4ed8;")
        self.notice.setVisible(bool(text))

    def show_help(self) -> None:
        rows = [
            ("↑ / ↓", self.tr("in de lijst: vorig / volgend verbeterpunt")),
            ("Alt+↑ / Alt+↓", self.tr("vorig / volgend verbeterpunt, ook tijdens het typen")),
            ("Enter, Ctrl+E", self.tr("naar de bevinding van de herbeoordeling")),
            ("Ctrl+L", self.tr("naar de lijst met verbeterpunten")),
            ("Ctrl+1 / 2 / 3 / 0", self.tr("oordeel: ✓ opgepakt / X nog verbeterpunt / – niet vastgesteld / geen")),
            ("Ctrl+H", self.tr("geschiedenis van het oordeel")),
            ("Ctrl+Z / Ctrl+Shift+Z", self.tr("ongedaan maken / opnieuw")), ("F1", self.tr("deze hulp")),
        ]
        table = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Sneltoetsen"), f"<table>{table}</table>",
                          QMessageBox.StandardButton.Close, self)
        box.setObjectName("followupShortcutHelp")
        self.help_box = box
        box.open()

    def flush(self, closing: bool = True) -> None:
        """Whatever is being typed is saved now (before an undo, an export, and before the screen goes away)."""
        self.editor.save_finding()
        self.details.flush()
        if closing:
            try:
                QApplication.instance().focusChanged.disconnect(self._focus_changed)
            except (RuntimeError, TypeError):
                pass

    def _focus_changed(self, _old, _new) -> None:
        self.operations.session.seal()  # typing in another field (or the same one again later) is a new undo step

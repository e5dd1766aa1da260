"""The review screen of an approach: the evidence matrix, the quotes behind a cell or a search, and the judgement
of the chosen indicator; in further tabs the report sections (chapters 3 and 4) and the texts of chapters 2 and 5.

Everything goes through the core: `JudgementActions` (anonymised texts, history with the inspector's name) and
`QuoteActions` (recoding), each call one operation of the window's session (`Operations`), on its one undo
history. Texts are saved while typing (after a pause and on leaving a
field); nothing needs a save button.
"""

from __future__ import annotations

import dataclasses
import html
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ggsr_desktop.errors import GgsrError, NotFoundError
from ggsr_desktop.evidence.findings import propose
from ggsr_desktop.evidence.matrix import Progress, evidence_matrix, judging_progress
from ggsr_desktop.framework import Framework
from ggsr_desktop.gui import labels
from ggsr_desktop.gui.evidence_view import HIGHLIGHT_COLOURS, STRENGTH_COLOURS, EvidenceView
from ggsr_desktop.gui.guide_view import one_line
from ggsr_desktop.gui.judgement_dialogs import HistoryDialog, RecodeDialog
from ggsr_desktop.gui.judgement_editor import NEW_SECTION, JudgementEditor
from ggsr_desktop.gui.operations import Operations, Performing
from ggsr_desktop.gui.quote_panel import QuotePanel
from ggsr_desktop.gui.window_settings import ask_inspector_name
from ggsr_desktop.models import Highlight, Level, Mark
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.ops.changes import Changes
from ggsr_desktop.ops.judging import JudgementActions
from ggsr_desktop.ops.session import Session
from ggsr_desktop.store import Store

log = logging.getLogger(__name__)


class ReviewScreen(QWidget):
    """`capture()` gives the Capture to anonymise through (it may wait for the anonymiser); `author` is the
    inspector's name, asked for (and given to `author_changed`) when it is empty at the first change."""

    open_interview = Signal(int, int)  # interview id, quote id
    author_changed = Signal(str)

    def __init__(self, store: Store, framework: Framework, approach_id: int, capture: Callable[[], Capture],
                 author: str = "", parent=None, operations: Operations | None = None):
        super().__init__(parent)
        self.setObjectName("reviewScreen")
        self.store, self.framework, self.approach_id = store, framework, approach_id
        self._capture = capture
        self.author = author
        self.operations = operations or Operations(Session(store), self)
        self.operations.changed.connect(self._on_changed)
        self.operations.flushing.connect(lambda: self.flush(closing=False))
        self._raw_judging: JudgementActions | None = None
        self._judging: Performing | None = None
        self._quote_actions: Performing | None = None
        self.approach = store.get_approach(approach_id)
        self.policy = framework.level == Level.POLICY  # respondents instead of cases; the factsheet
        self.pmatrix = None  # policy level: the indicator × respondent matrix (`_read`)
        self.indicator_id: str | None = None
        self.case_id = 0
        self._build()
        self._shortcuts()
        self.refresh()
        QApplication.instance().focusChanged.connect(self._focus_changed)

    # ---- layout --------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(self.tr("<span style='font-size:15pt; font-weight:600'>Beoordeling · {0} — {1}</span>")
                            .format(self.approach.municipality, self.approach.name))
        self.title.setObjectName("reviewTitle")
        self.progress_button = QToolButton()
        self.progress_button.setObjectName("progressButton")
        self.progress_button.setAccessibleName(self.tr("Voortgang van de beoordeling"))
        self.progress_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.progress_menu = QMenu(self)
        self.progress_menu.setObjectName("progressMenu")
        self.progress_button.setMenu(self.progress_menu)
        self.author_button = QToolButton()
        self.author_button.setObjectName("authorButton")
        self.author_button.setAccessibleName(self.tr("Naam van de inspecteur"))
        self.author_button.clicked.connect(self.ask_author)
        self.notice = QLabel()
        self.notice.setObjectName("reviewNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.progress_button)
        head.addWidget(self.author_button)

        self.view = EvidenceView()
        self.view.cell_chosen.connect(self.choose)
        legend = QLabel(self._legend())
        legend.setObjectName("matrixLegend")
        legend.setWordWrap(True)
        legend.setTextFormat(Qt.TextFormat.RichText)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.view, 1)
        lv.addWidget(legend)

        self.quotes = QuotePanel(self.store, self.framework, self.approach_id)
        self.quotes.quote_activated.connect(self.open_interview.emit)
        self.quotes.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.quotes.list.customContextMenuRequested.connect(self._quote_menu)
        self.editor = JudgementEditor(self.framework)
        self.editor.mark_chosen.connect(lambda mark: self._judge("set_mark", mark))
        self.editor.finding_changed.connect(self._finding_changed)
        self.editor.let_op_changed.connect(self._let_op_changed)
        self.editor.highlight_chosen.connect(lambda h: self._judge("set_highlight", h))
        self.editor.section_chosen.connect(self._section_chosen)
        self.editor.proposal_requested.connect(self.propose)
        self.editor.history_requested.connect(self.show_history)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.quotes)
        self.right.addWidget(self.editor)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.splitter = QSplitter()
        self.splitter.setObjectName("reviewSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 11)
        self.splitter.setStretchFactor(1, 9)
        self.splitter.setSizes([550, 450])
        self.splitter.setChildrenCollapsible(False)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tabs.setAccessibleName(self.tr("Onderdelen van de beoordeling"))
        self.tabs.addTab(self.splitter, self.tr("&1 Bewijs en oordeel"))
        self.report_editor = self.texts_editor = None
        self._add_editor_tabs()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(head)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.view)

    def _add_editor_tabs(self) -> None:
        """The report-section and text editors work on the same judging actions (and undo history)."""
        try:
            from ggsr_desktop.gui.report_editor import ReportEditor
            from ggsr_desktop.gui.texts_editor import TextsEditor
        except ImportError:  # pragma: no cover - while those modules are being written
            return
        if self.policy:  # the factsheet: no report sections; the approach's 'Beschrijving'
            self.texts_editor = TextsEditor(self.store, self.framework, _LazyJudging(self), self)
            self.texts_editor.changed.connect(lambda: self._after_change(source=self.texts_editor))
            self.tabs.addTab(self.texts_editor, self.tr("&2 Beschrijving"))
            return
        self.report_editor = ReportEditor(self.store, self.framework, _LazyJudging(self), self)
        self.texts_editor = TextsEditor(self.store, self.framework, _LazyJudging(self), self)
        for editor in (self.report_editor, self.texts_editor):
            editor.changed.connect(lambda source=editor: self._after_change(source=source))
        self.tabs.addTab(self.report_editor, self.tr("&2 Rapportsecties"))
        self.tabs.addTab(self.texts_editor, self.tr("&3 Typering en conclusie"))

    def _legend(self) -> str:
        swatch = "<span style='background:{0}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> {1}"
        parts = [swatch.format(STRENGTH_COLOURS["strong"], self.tr("meer bronnen")),
                 swatch.format(STRENGTH_COLOURS["weak"], self.tr("één bron")),
                 swatch.format(STRENGTH_COLOURS["contradicting"], self.tr("⚠ tegenstrijdig")),
                 swatch.format(STRENGTH_COLOURS["missing"], self.tr("geen bewijs")),
                 swatch.format(HIGHLIGHT_COLOURS[Highlight.GREEN], self.tr("gaat goed")),
                 swatch.format(HIGHLIGHT_COLOURS[Highlight.RED], self.tr("kan beter"))]
        if self.policy:
            return self.tr("Per cel de antwoorden van een respondent op de indicator: +positief −negatief, groen of "
                           "rood naar zijn standpunt, · geen antwoord; <b>Gm</b> gemeente, <b>N</b> netwerkpartners, "
                           "<b>D</b> documenten (de namen staan bij de kolomkop). Kies een indicator: rechts de "
                           "antwoorden en of ze eensluidend zijn.")
        return (" &nbsp; ".join(parts) + "<br>" +
                self.tr("Per cel: aantal citaten, +positief −negatief; bronnen <b>G</b>ezin, <b>R</b>egisseur, "
                        "<b>P</b>rofessionals, <b>D</b>ocument (gezinsplan)."))

    def _shortcuts(self) -> None:
        def add(keys, slot, widget=None, context=Qt.ShortcutContext.WidgetWithChildrenShortcut):
            for key in keys if isinstance(keys, (list, tuple)) else [keys]:
                QShortcut(QKeySequence(key), widget or self, context=context).activated.connect(slot)

        for keys, mark in (("Ctrl+1", Mark.SATISFIED), ("Ctrl+2", Mark.IMPROVEMENT), ("Ctrl+3", Mark.NOT_ESTABLISHED),
                           ("Ctrl+0", None)):
            add(keys, lambda m=mark: self._judge("set_mark", m))
        for keys, highlight in (("Alt+G", Highlight.GREEN), ("Alt+R", Highlight.RED), ("Alt+0", Highlight.NONE)):
            add(keys, lambda h=highlight: self._judge("set_highlight", h))
        add("Ctrl+P", self.propose)
        add("Ctrl+H", self.show_history)
        add("Ctrl+F", lambda: (self.tabs.setCurrentIndex(0), self.quotes.search.setFocus(),
                               self.quotes.search.selectAll()))
        add("Ctrl+M", lambda: (self.tabs.setCurrentIndex(0), self.view.setFocus()))
        add("Ctrl+L", lambda: (self.tabs.setCurrentIndex(0), self.quotes.list.setFocus()))
        add("Ctrl+E", lambda: (self.tabs.setCurrentIndex(0), self.editor.finding.setFocus()))
        add("Ctrl+R", self.recode_selected)
        add("Ctrl+Z", self.undo)
        add(["Ctrl+Shift+Z", "Ctrl+Y"], self.redo)
        add("F1", self.show_help)
        list_only = Qt.ShortcutContext.WidgetShortcut
        add("Space", self.toggle_illustrative, self.quotes.list, list_only)
        add("Del", self._remove_illustrative, self.editor.illustrative, list_only)

    # ---- the actions ---------------------------------------------------------------------------------------

    def judging(self) -> Performing:
        """The judging actions, each call one operation (made on first use: the anonymiser may be loading)."""
        if self._judging is None:
            self._capture()  # the session's capture, with the anonymiser (waits for it when needed)
            session = self.operations.session
            self._raw_judging = session.judging(self.approach_id, self.author)
            self._judging = Performing(self._raw_judging, self.operations, self)
            self._quote_actions = Performing(session.quotes(), self.operations, self)
        self._raw_judging.author = self.author
        return self._judging

    def ask_author(self) -> bool:
        name = ask_inspector_name(self, self.author)
        if name:
            self.set_author(name)
            self.author_changed.emit(name)
        return bool(name)

    def set_author(self, name: str) -> None:
        self.author = name
        self._update_author()

    def _run(self, action, *, refresh: bool = True):
        """Do one change through the core; a missing name is asked for once; errors are shown, never lost."""
        if not self.author.strip() and not self.ask_author():
            self._notify(self.tr("Niet opgeslagen: vul eerst uw naam in (knop rechtsboven)."), error=True)
            return None
        try:
            result = action()
        except GgsrError as exc:
            self._notify(self.tr("Niet opgeslagen: {0}").format(exc), error=True)
            return None
        except Exception as exc:
            log.exception("a judging action failed")
            self._notify(self.tr("Niet opgeslagen door een onverwachte fout ({0}).").format(type(exc).__name__),
                         error=True)
            return None
        self._notify("")
        if refresh:
            self._after_change()
        return result

    def _judge(self, method: str, value) -> None:
        if self.indicator_id is None:
            return
        indicator_id = self.indicator_id
        self._run(lambda: getattr(self.judging(), method)(indicator_id, value))

    def _finding_changed(self, text: str) -> None:
        indicator_id = self.editor.indicator_id
        if indicator_id is None:
            return
        judgement = self._run(lambda: self.judging().set_finding(indicator_id, text), refresh=False)
        if judgement is not None:
            self.editor.saved(judgement.finding)
            self._after_change(editor=indicator_id != self.indicator_id)

    def _let_op_changed(self, text: str) -> None:
        indicator_id = self.editor.indicator_id
        if indicator_id is None:
            return
        judgement = self._run(lambda: self.judging().set_let_op(indicator_id, text), refresh=False)
        if judgement is not None:
            self.editor.let_op_saved(judgement.let_op)
            self._after_change(editor=indicator_id != self.indicator_id)

    def _policy_row(self, indicator_id: str):
        """The indicator's row of the policy matrix (agreement of gemeente and netwerkpartners), or None."""
        if self.pmatrix is None:
            self._read()
        try:
            return self.pmatrix.row(indicator_id)
        except KeyError:
            return None

    def _section_chosen(self, section_id: int) -> None:
        indicator_id = self.indicator_id
        judgement = self.judgements.get(indicator_id)
        if indicator_id is None or judgement is None or judgement.highlight is Highlight.NONE:
            return
        if section_id == NEW_SECTION:
            title, ok = QInputDialog.getText(self, self.tr("Nieuwe sectie"), self.tr(
                "Titel van de nieuwe sectie in hoofdstuk {0}:").format(
                3 if judgement.highlight is Highlight.GREEN else 4))
            if not ok or not title.strip():
                self._after_change()
                return
            self._run(lambda: self.judging().add_section(judgement.highlight.value, title, [indicator_id]))
        else:
            self._run(lambda: self.judging().move_to_section(indicator_id, section_id or None))

    def propose(self) -> None:
        """Draft finding and mark from the evidence; never overwrites written text without asking."""
        indicator_id = self.indicator_id
        if indicator_id is None:
            return
        let_op = ""
        if self.policy:
            row = self._policy_row(indicator_id)
            if row is None:
                return
            from ggsr_desktop.evidence.findings import Proposal
            from ggsr_desktop.evidence.policy_matrix import policy_proposal

            drafted = policy_proposal(row)
            if drafted.mark is None:
                self._notify(self.tr("Geen voorstel voor het oordeel: {0}").format(drafted.finding))
                return
            proposal, let_op = Proposal(drafted.mark, drafted.finding), drafted.let_op
        else:
            proposal = propose(self.matrix.row(indicator_id), self.approach.regisseur_label)
        written = self.editor.pending_text().strip()
        if written and written != proposal.text:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Voorstel"), self.tr(
                "Er staat al een bevinding. Wat wilt u met het voorstel doen?\n\nVoorstel: {0}\n\nOordeel: {1}")
                .format(proposal.text, proposal.mark.symbol), parent=self)
            replace = box.addButton(self.tr("&Vervangen"), QMessageBox.ButtonRole.DestructiveRole)
            append = box.addButton(self.tr("&Eronder toevoegen"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Annu&leren"), QMessageBox.ButtonRole.RejectRole)
            box.setObjectName("proposalQuestion")
            self.proposal_box = box
            box.exec()
            if box.clickedButton() is append:
                proposal = type(proposal)(proposal.mark, f"{written}\n\n{proposal.text}")
            elif box.clickedButton() is not replace:
                return
        judgement = self._run(lambda: self.judging().apply_proposal(indicator_id, proposal))
        if judgement is not None:
            self.editor.finding.setPlainText(judgement.finding)
            self.editor.saved(judgement.finding)
            if let_op and not self.editor.let_op.toPlainText().strip():
                self.editor.let_op.setPlainText(let_op)
                self.editor.save_let_op()

    def toggle_illustrative(self) -> None:
        quote_id = self.quotes.current_quote_id()
        if quote_id is None or self.indicator_id is None:
            return
        indicator_id = self.indicator_id
        self._run(lambda: self.judging().toggle_quote(indicator_id, quote_id))

    def _remove_illustrative(self) -> None:
        item = self.editor.illustrative.currentItem()
        if item is not None and self.indicator_id is not None:
            indicator_id, quote_id = self.indicator_id, item.data(Qt.ItemDataRole.UserRole)
            self._run(lambda: self.judging().toggle_quote(indicator_id, quote_id))

    def recode_selected(self) -> None:
        quote = self.quotes.current_quote()
        if quote is None:
            return
        self.judging()  # the quote actions come with it

        def recode(codings):
            return self._run(lambda: self._quote_actions.recode(quote.id, codings)) or self.store.get_quote(quote.id)

        dialog = RecodeDialog(self, self.framework, quote, recode)
        dialog.setObjectName("recodeDialog")
        self.recode_dialog = dialog
        dialog.open()

    def undo(self) -> None:
        """The last step of the session, from whichever screen it came (Ctrl+Z); typing is saved first."""
        self._step(self.operations.undo, self.tr("Ongedaan gemaakt: {0}"))

    def redo(self) -> None:
        self._step(self.operations.redo, self.tr("Opnieuw gedaan: {0}"))

    def _step(self, step, message: str) -> None:
        outcome = step(self, on_error=lambda text: self._notify(text, error=True))
        if outcome is not None:
            self._notify(message.format(outcome.label))

    def _on_changed(self, changes: Changes, initiator) -> None:
        """An undo, a redo or an operation elsewhere: show what changed (this screen's own actions refresh it)."""
        if initiator is self or not (changes.judgements or changes.quotes or changes.sections or changes.texts
                                     or changes.tree):
            return
        try:
            self.store.get_approach(self.approach_id)
        except NotFoundError:
            return  # the approach was undone: the window closes this screen
        self._after_change(editor=True, force_texts=True)

    def show_history(self) -> None:
        if self.indicator_id is None:
            return
        text = one_line(self.framework.indicator(self.indicator_id).text)
        dialog = HistoryDialog(self, text, self.store.judgement_history(self.approach_id, self.indicator_id))
        dialog.setObjectName("historyDialog")
        self.history_dialog = dialog
        dialog.open()

    def _quote_menu(self, pos) -> None:
        index = self.quotes.list.indexAt(pos)
        if not index.isValid():
            return
        self.quotes.list.setCurrentIndex(index)
        menu = QMenu(self)
        menu.setObjectName("evidenceQuoteMenu")
        for text, keys, slot in (
                (self.tr("Als illustratie kiezen / niet meer kiezen"), "Spatie", self.toggle_illustrative),
                (self.tr("Hercoderen…"), "Ctrl+R", self.recode_selected),
                (self.tr("Openen in het gesprek"), "Enter",
                 lambda: self.quotes.quote_activated.emit(*self._current_quote_place()))):
            menu.addAction(f"{text}\t{keys}").triggered.connect(slot)
        self.quote_menu = menu
        menu.popup(self.quotes.list.viewport().mapToGlobal(pos))

    def _current_quote_place(self) -> tuple[int, int]:
        quote = self.quotes.current_quote()
        return (quote.interview_id, quote.id) if quote else (0, 0)

    # ---- display -------------------------------------------------------------------------------------------

    def choose(self, indicator_id: str, case_id: int = 0) -> None:
        """Show an indicator (and a case's quotes, or all its quotes when case_id is 0)."""
        if (indicator_id, case_id) != self.view.current_cell():
            self.view.select(indicator_id, case_id)  # comes back here through the view's signal
            return
        self.indicator_id, self.case_id = indicator_id, case_id
        judgement = self.judgements.get(indicator_id)
        self.quotes.show_cell(indicator_id, case_id, judgement.quote_ids if judgement else ())
        self._show_editor()

    def refresh(self) -> None:
        """Read everything again (after a change elsewhere, or when the screen is shown)."""
        self._read()
        if self.policy and not self.view.model_.rowCount():
            self.view.build_policy(self.framework, self.pmatrix, self.judgements)
        elif self.policy:
            self.view.update_policy(self.pmatrix, self.judgements)
        elif not self.view.model_.rowCount():
            self.view.build(self.framework, self.matrix, self.judgements)
        else:
            self.view.update_matrix(self.matrix, self.judgements)
        self.quotes.reload()
        if self.indicator_id is not None:
            self._show_editor()
        self._update_progress()
        self._update_author()
        for editor in (self.report_editor, self.texts_editor):
            if editor is not None:
                editor.refresh()

    def _read(self) -> None:
        self.matrix = evidence_matrix(self.store, self.framework, self.approach_id)
        self.judgements = {j.indicator_id: j for j in self.store.list_judgements(self.approach_id)}
        self.sections = self.store.list_sections(self.approach_id)
        if self.policy:
            from ggsr_desktop.evidence.policy_matrix import policy_matrix

            self.pmatrix = policy_matrix(self.store, self.framework, self.approach_id)

    def _after_change(self, editor: bool = True, force_texts: bool = False, source=None) -> None:
        """Show the stored state; `source` is the tab editor that made the change (it shows it already)."""
        self._read()
        if self.policy:
            self.view.update_policy(self.pmatrix, self.judgements)
        else:
            self.view.update_matrix(self.matrix, self.judgements)
        judgement = self.judgements.get(self.indicator_id) if self.indicator_id else None
        self.quotes.illustrative = set(judgement.quote_ids) if judgement else set()
        self.quotes.reload()
        if editor and self.indicator_id is not None:
            self._show_editor()
        self._update_progress()
        for other in (self.report_editor, self.texts_editor):
            if other is not None and (force_texts or other is not source):
                other.refresh()

    def _show_editor(self) -> None:
        judgement = self.judgements.get(self.indicator_id)
        quotes = {}
        for quote_id in judgement.quote_ids if judgement else ():
            try:
                quotes[quote_id] = self.store.get_quote(quote_id)
            except GgsrError:
                continue
        self.editor.show_judgement(self.indicator_id, judgement, self.sections, quotes, self.quotes.places)
        if self.policy:
            row = self._policy_row(self.indicator_id)
            self.editor.show_agreement(self.tr("<b>Antwoorden:</b> {0}").format(self._agreement_text(row))
                                       if row is not None else "")

    def _agreement_text(self, row) -> str:
        from ggsr_desktop.evidence.policy_matrix import Agreement

        words = {Agreement.ALL_AGREE: self.tr("gemeente en netwerkpartners eensluidend positief"),
                 Agreement.ALL_AGREE_NEGATIVE: self.tr("gemeente en netwerkpartners eensluidend negatief"),
                 Agreement.ONE_DEVIATES: self.tr("één netwerkpartner wijkt af"),
                 Agreement.DISAGREE: self.tr("<span style='color:#b91c1c'>niet eenduidig</span>"),
                 Agreement.UNCLEAR: self.tr("geen duidelijk standpunt"),
                 Agreement.NO_EVIDENCE: self.tr("nog geen antwoorden van gemeente of netwerkpartners")}
        heard = ", ".join(f"{labels.respondent(c.respondent)} ({len(c.quote_ids)})" for c in row.cells if c.quote_ids)
        return words.get(row.agreement, str(row.agreement)) + (f" · {html.escape(heard)}" if heard else "")

    def progress(self) -> Progress:
        progress = judging_progress(self.store, self.framework, self.approach_id, self.matrix)
        if self.policy:  # evidence of the respondents, not of cases; no report sections
            if self.pmatrix is None:
                self._read()
            missing = self.pmatrix.without_evidence()
            progress = dataclasses.replace(progress, without_evidence=missing, sections_without_conclusion=[],
                                           highlighted_outside_sections=[])
        return progress

    def _update_progress(self) -> None:
        p = self.progress()
        total = len(self.framework.indicators)
        text = self.tr("Beoordeeld {0} van {1} · zonder bewijs {2} · secties zonder conclusie {3}").format(
            len(p.judged), total, len(p.without_evidence), len(p.sections_without_conclusion)) if not self.policy \
            else self.tr("Beoordeeld {0} van {1} · zonder antwoorden {2}").format(len(p.judged), total,
                                                                                  len(p.without_evidence))
        if p.highlighted_outside_sections:
            text += self.tr(" · gemarkeerd zonder sectie {0}").format(len(p.highlighted_outside_sections))
        self.progress_button.setText(text + " ▾")
        self.progress_button.setToolTip(self.tr("Klik voor de lijsten; een indicator kiezen springt ernaartoe"))
        menu = self.progress_menu
        menu.clear()
        for title, ids in ((self.tr("Nog niet beoordeeld"), p.not_judged),
                           (self.tr("Zonder bewijs in alle casussen"), p.without_evidence),
                           (self.tr("Gemarkeerd, maar in geen rapportsectie"), p.highlighted_outside_sections)):
            sub = menu.addMenu(f"{title} ({len(ids)})")
            sub.setEnabled(bool(ids))
            for indicator_id in ids:
                label = one_line(self.framework.indicator(indicator_id).text)
                sub.addAction(label).triggered.connect(lambda _c=False, i=indicator_id: self._jump(i))
        sub = menu.addMenu(self.tr("Secties zonder conclusie ({0})").format(len(p.sections_without_conclusion)))
        sub.setEnabled(bool(p.sections_without_conclusion))
        for title in p.sections_without_conclusion:
            sub.addAction(title).triggered.connect(lambda: self.tabs.setCurrentWidget(self.report_editor))
        self.last_progress = p

    def _jump(self, indicator_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.choose(indicator_id, 0)
        self.view.setFocus()

    def _update_author(self) -> None:
        self.author_button.setText(self.tr("Inspecteur: {0}").format(self.author) if self.author
                                   else self.tr("Naam invullen…"))

    def _notify(self, text: str, error: bool = False) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet("color:#b91c1c; font-weight:600;" if error else "color:#1d4ed8;")
        self.notice.setVisible(bool(text))

    def show_help(self) -> None:
        rows = [
            ("Ctrl+M", self.tr("naar de matrix (pijltjes: cel kiezen)")),
            ("Ctrl+F", self.tr("zoeken in alle citaten van de aanpak")),
            ("Ctrl+L", self.tr("naar de lijst met citaten")),
            ("Spatie", self.tr("citaat als illustratie (de)selecteren")),
            ("Enter", self.tr("citaat openen in het gesprek")), ("Ctrl+R", self.tr("citaat hercoderen")),
            ("Ctrl+E", self.tr("naar de bevinding")),
            ("Ctrl+1 / 2 / 3 / 0", self.tr("oordeel: ✓ voldoet / X verbeterpunt / – niet vastgesteld / geen")),
            ("Alt+G / Alt+R / Alt+0", self.tr("markering: groen / rood / geen")),
            ("Ctrl+P", self.tr("voorstel voor bevinding en oordeel")),
            ("Ctrl+H", self.tr("geschiedenis van het oordeel")),
            ("Ctrl+Z / Ctrl+Shift+Z", self.tr("ongedaan maken / opnieuw")), ("F1", self.tr("deze hulp")),
        ]
        table = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Sneltoetsen"), f"<table>{table}</table>",
                          QMessageBox.StandardButton.Close, self)
        box.setObjectName("reviewShortcutHelp")
        self.help_box = box
        box.open()

    def flush(self, closing: bool = True) -> None:
        """Whatever is being typed is saved now (before an undo, and before the screen goes away)."""
        self.editor.save_finding()
        for editor in (self.report_editor, self.texts_editor):
            if editor is not None:
                editor.flush()
        if closing:
            try:
                QApplication.instance().focusChanged.disconnect(self._focus_changed)
            except (RuntimeError, TypeError):
                pass

    def _focus_changed(self, _old, _new) -> None:
        self.operations.session.seal()  # typing in another field (or the same one again later) is a new undo step


class _LazyJudging:
    """The screen's JudgementActions, made on first use (the anonymiser may still be loading when the
    screen opens); the editors of the other tabs call it like the real thing."""

    def __init__(self, screen: ReviewScreen):
        self._screen = screen
        self.approach_id = screen.approach_id  # read without making the actions (and waiting for the anonymiser)
        self.store = screen.store

    def __getattr__(self, name):
        screen = self._screen
        actions = screen.judging()
        if not screen.author.strip() and name.startswith(("set_", "add_", "update_", "delete_", "move_")):
            if not screen.ask_author():
                raise GgsrError("vul eerst uw naam in: elke wijziging wordt met naam bewaard")
            actions = screen.judging()
        return getattr(actions, name)

"""The main window: the study tree on the left; on the right the selected item's details, or for an interview
the interview screen. It remembers its layout and reopens the last interview (QSettings).

It holds the `Session` of the open database and the `Operations` every change runs through; the Edit menu undoes
and redoes on the session's one history, whichever screen is in front. Hosts and menus use its public seams
(`selected`, `selected_or_only`, `selected_approach`, `show_screen`, `select_quietly`, `drop_interview_screen`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeWidgetItem,
)

from ggsr_desktop import __version__, paths
from ggsr_desktop.errors import GgsrError
from ggsr_desktop.framework import FrameworkCatalog, load_catalog
from ggsr_desktop.gui import labels, open_flow
from ggsr_desktop.gui.capture_support import AnonymiserProvider, shared_provider
from ggsr_desktop.gui.detail_pane import DetailPane
from ggsr_desktop.gui.export_host import ExportHost
from ggsr_desktop.gui.followup_host import FollowupHost
from ggsr_desktop.gui.operations import Operations
from ggsr_desktop.gui.prepare_menu import PrepareMenu
from ggsr_desktop.gui.review_host import ReviewHost
from ggsr_desktop.gui.store_check import BackgroundCheck
from ggsr_desktop.gui.study_tree import ITEM_ROLE, StudyTree
from ggsr_desktop.gui.window_settings import AUTHOR_KEY, WindowSettings, ask_inspector_name
from ggsr_desktop.models import Level, Role
from ggsr_desktop.ops.changes import Changes
from ggsr_desktop.ops.session import Session
from ggsr_desktop.store import Store
from ggsr_desktop.store import backups as backup_files

WIDE_ENOUGH = 1500  # logical pixels: narrower, the tree is hidden while an interview is open
BACKUP_CHECK_MS = 60_000
CHECK_DELAY_MS = 300  # the full check of a database opened without it starts this long after the window


class MainWindow(QMainWindow):
    def __init__(self, store: Store, catalog: FrameworkCatalog, demo: bool = False,
                 anonymiser_provider: AnonymiserProvider | None = None, settings: QSettings | None = None):
        super().__init__()
        self.store = store
        self.catalog = catalog
        self.demo = demo
        self.anonymiser_provider = anonymiser_provider
        self.settings = WindowSettings(settings)
        self.interview_screen = None  # the InterviewScreen shown (imported when first needed)
        self.session = Session(store, catalog)  # the open database's one undo history and capture
        self.operations = Operations(self.session, self)
        self.operations.changed.connect(self._on_changed)
        self.operations.history_changed.connect(self._update_edit_menu)
        self._narrowed = False
        self.resize(1280, 800)

        self.tree = StudyTree()
        self.tree.currentItemChanged.connect(self._show_current)
        self.detail = DetailPane()
        self.detail.review_requested.connect(lambda approach_id: self.review.open(approach_id))
        self.stack = QStackedWidget()  # the detail pane, or the interview screen of the selected interview
        self.stack.setObjectName("contentStack")
        self.stack.addWidget(self.detail)

        splitter = QSplitter()
        self.splitter = splitter
        splitter.addWidget(self.tree)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 820])
        self.setCentralWidget(splitter)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backupLabel")
        self.backup_label.setAccessibleName(self.tr("Laatste back-up"))
        self.statusBar().addPermanentWidget(self.backup_label)

        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.backup_if_due)

        self._build_menus()
        self._restore_layout()
        self.reload()
        self._store_opened()
        self._report_framework_errors()
        self._reopen()
        self.checker = BackgroundCheck(self)
        self.checker.done.connect(self._checked)
        self._check_in_background()

    # ---- menus ---------------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.file_menu = file_menu = self.menuBar().addMenu(self.tr("&Bestand"))
        self.new_action = QAction(self.tr("&Nieuwe database…"), self, shortcut=QKeySequence.StandardKey.New,
                                  triggered=self.new_database)
        self.open_action = QAction(self.tr("Database &openen…"), self, shortcut=QKeySequence.StandardKey.Open,
                                   triggered=self.open_database)
        self.quit_action = QAction(self.tr("&Afsluiten"), self, shortcut=QKeySequence.StandardKey.Quit,
                                   triggered=self.close)
        self.passphrase_action = QAction(self.tr("Wachtwoord &wijzigen…"), self,
                                         triggered=self.change_passphrase)
        self.passphrase_action.setObjectName("changePassphraseAction")
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        file_menu.addAction(self.passphrase_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("Be&werken"))
        self.undo_action = QAction(self.tr("Ongedaan maken"), self, triggered=self.undo)
        self.undo_action.setObjectName("undoAction")
        self.redo_action = QAction(self.tr("Opnieuw"), self, triggered=self.redo)
        self.redo_action.setObjectName("redoAction")
        for widget in (self.tree, self.detail):  # the screens have their own (they work on the same history)
            for keys, slot in (("Ctrl+Z", self.undo), ("Ctrl+Shift+Z", self.redo), ("Ctrl+Y", self.redo)):
                QShortcut(QKeySequence(keys), widget, context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
                          activated=slot)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        author = QAction(self.tr("&Naam van de inspecteur…"), self, triggered=self._ask_author)
        author.setObjectName("authorAction")
        edit_menu.addAction(author)
        edit_menu.aboutToShow.connect(self._update_edit_menu)
        self.prepare = PrepareMenu(self)
        self.review = ReviewHost(self)
        self.followup = FollowupHost(self)
        self.export = ExportHost(self)
        view_menu = self.menuBar().addMenu(self.tr("Beel&d"))
        self.tree_action = QAction(self.tr("&Overzicht links (onderzoeken en gesprekken)"), self, checkable=True,
                                   checked=True, shortcut=QKeySequence("F9"), toggled=self._show_tree)
        self.tree_action.setObjectName("treeAction")
        view_menu.addAction(self.tree_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(QAction(self.tr("&Sneltoetsen van dit scherm"), self,
                                    triggered=lambda: self._screen_call("show_help")))
        help_menu.addAction(QAction(self.tr("&Over GGSR Desktop"), self, triggered=self._about))

    def _ask_author(self) -> None:
        name = ask_inspector_name(self, self.settings.value(AUTHOR_KEY, ""))
        if name:
            self.settings.set_value(AUTHOR_KEY, name)
            self.settings.sync()
            for screen in (self.review.screen, self.followup.screen):
                if screen is not None:
                    screen.set_author(name)

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("Over GGSR Desktop"), self.tr(
            "<b>GGSR Desktop</b> {0}<p>Toezichtonderzoek op casusniveau naar de verantwoorde zorg en "
            "ondersteuning van gezinnen met geringe sociale redzaamheid.</p>"
            "<p>Database: {1}</p>").format(__version__, self.store.path))

    def _screen(self):
        """The screen in front: an interview, the review of an approach or a follow-up's re-assessment (or None)."""
        current = self.stack.currentWidget()
        screens = (self.interview_screen, self.review.screen, self.followup.screen)
        return current if current in screens and current is not None else None

    def _screen_call(self, name: str) -> None:
        screen = self._screen()
        if screen is not None and hasattr(screen, name):
            getattr(screen, name)()

    def undo(self) -> None:
        """Undo the last step of any screen (Edit menu, Ctrl+Z in the tree); the screens' own Ctrl+Z does the same."""
        self._history_step(self.operations.undo, self.tr("Ongedaan gemaakt: {0}"))

    def redo(self) -> None:
        self._history_step(self.operations.redo, self.tr("Opnieuw gedaan: {0}"))

    def _history_step(self, step, message: str) -> None:
        outcome = step(self, on_error=lambda text: QMessageBox.warning(self, self.tr("Niet gelukt"), text))
        if outcome is not None:
            self.statusBar().showMessage(message.format(outcome.label), 5000)

    def _update_edit_menu(self) -> None:
        history = self.session.history
        for action, can, label, text in (
                (self.undo_action, history.can_undo, history.undo_label, self.tr("Ongedaan maken")),
                (self.redo_action, history.can_redo, history.redo_label, self.tr("Opnieuw"))):
            action.setEnabled(bool(can))
            keys = "Ctrl+Z" if action is self.undo_action else "Ctrl+Shift+Z"
            action.setText(f"{text}: {label}\t{keys}" if label else f"{text}\t{keys}")

    def _start_dir(self) -> str:
        return self.settings.value("last_dir", str(paths.data_dir()))

    def new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Nieuwe database"),
                                              str(Path(self._start_dir()) / "onderzoek.sqlite"),
                                              self.tr("GGSR-database (*.sqlite)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if name:  # an existing file is refused by create_store: nothing is ever overwritten
            self.switch_to(lambda: open_flow.create_store(self, name))

    def open_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Database openen"), self._start_dir(),
                                              self.tr("GGSR-database (*.sqlite);;Alle bestanden (*)"))
        if not name:
            return
        if self.store is not None and Path(name).resolve() == self.store.path.resolve():
            QMessageBox.information(self, self.tr("Database openen"),
                                    self.tr("{0} is al geopend in dit venster.").format(Path(name).name))
            return
        self.switch_to(lambda: open_flow.open_store(self, name))

    def switch_to(self, opener) -> None:
        """Open another database; on failure or cancel (`opener` returns None) the current one stays open."""
        try:
            store = opener()
        except GgsrError as exc:
            QMessageBox.critical(self, self.tr("Database niet geopend"), str(exc))
            return
        if store is None:
            return
        self.close_store()
        self._adopt(store)

    def _adopt(self, store: Store) -> None:
        """Show the database just opened (the previous one is closed)."""
        self.store = store
        self.demo = False
        self.settings.set_value("last_dir", str(store.path.parent))
        self.catalog = load_catalog(paths.user_frameworks_dir(store.path))
        self.session = Session(store, self.catalog)
        self.operations.set_session(self.session)
        self.reload()
        self._store_opened()
        self._report_framework_errors()
        self._reopen()
        self._check_in_background()

    def _check_in_background(self) -> None:
        """A store opened without its full check gets it now, on a worker thread (with the backup on open)."""
        if self.store is not None and not self.store.verified:
            self.statusBar().showMessage(self.tr("Database wordt gecontroleerd…"))
            store = self.store  # once the window is up: the check does not compete with drawing it
            QTimer.singleShot(CHECK_DELAY_MS, lambda: self.checker.start(store) if store is self.store else None)

    def _checked(self, store: Store, problems: list, info) -> None:
        if store is not self.store or store.closed:
            return  # another database was opened meanwhile
        if not problems:
            store.verified_now(info)
            self.statusBar().showMessage(self.tr("Database gecontroleerd: in orde."), 5000)
            if info is not None:
                self._show_backup_time(info.time)
            return
        path = store.path
        QMessageBox.critical(self, self.tr("Database beschadigd"), self.tr(
            "Bij de controle na het openen bleek {0} beschadigd ({1}).\n\nDe database wordt nu gesloten om verdere "
            "schade te voorkomen. Daarna kunt u de nieuwste goede back-up terugzetten; het beschadigde bestand "
            "wordt bewaard.").format(path.name, "; ".join(str(p) for p in problems[:3])))
        self.close_store()
        restored = open_flow.open_store(self, path)  # the full check again, and the offer of the newest backup
        if restored is None:
            QTimer.singleShot(0, self.close)  # nothing usable is open
            return
        self._adopt(restored)

    def _store_opened(self) -> None:
        """Menu state, the backup timer and the time of the newest backup for the store just opened."""
        self.passphrase_action.setEnabled(self.store.encrypted and not self.demo)
        self.statusBar().clearMessage()
        self.backup_label.clear()
        if self.store.keep_backups:
            try:
                newest = backup_files.list_backups(self.store.path)
            except OSError:
                newest = []
            if newest:
                self._show_backup_time(newest[0].time)
            self.backup_timer.start()

    def _show_backup_time(self, when) -> None:
        self.backup_label.setText(self.tr("Laatste back-up: {0}").format(when.astimezone().strftime("%H:%M")))

    def backup_if_due(self) -> None:
        """The periodic backup (timer); a failure is reported in the status bar, not in a dialog."""
        if self.store is None:
            return
        try:
            info = self.store.backup_if_due()
        except GgsrError as exc:
            self.statusBar().showMessage(self.tr("Back-up mislukt: {0}").format(exc))
            return
        if info is not None:
            self.statusBar().clearMessage()
            self._show_backup_time(info.time)

    def change_passphrase(self) -> None:
        if self.store is None or not self.store.encrypted:
            return
        open_flow.change_passphrase(self, self.store.path)

    def _report_framework_errors(self) -> None:
        if self.catalog.errors:
            QMessageBox.warning(self, self.tr("Toetsingskader niet geladen"),
                                "\n\n".join(str(e) for e in self.catalog.errors))

    def close_store(self) -> None:
        self.backup_timer.stop()
        self._remember()
        self.drop_interview_screen()
        self.review.close()
        self.followup.close()
        self.session.close()
        if self.store is not None:
            self.store.close()

    def closeEvent(self, event) -> None:
        self._save_layout()
        self._remember()
        self.drop_interview_screen()  # keeps the draft
        self.review.close()  # saves a finding being typed
        self.followup.close()
        super().closeEvent(event)

    # ---- what the window remembers -------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.bytes("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        elif self.screen() is not None:  # the first start: most of the screen, centred
            available = self.screen().availableGeometry()
            self.resize(int(available.width() * 0.94), int(available.height() * 0.92))
            self.move(available.center() - self.rect().center())
        state = self.settings.bytes("window/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def _save_layout(self) -> None:
        self.settings.set_bytes("window/geometry", self.saveGeometry())
        self.settings.set_bytes("window/splitter", self.splitter.saveState())
        if self.interview_screen is not None:
            self.settings.set_bytes("interview/splitter", self.interview_screen.splitter.saveState())
        self.settings.sync()

    def _remember(self) -> None:
        """The interview on screen is the one to reopen next time (per database)."""
        if self.store is None or self.store.closed or self.demo:
            return
        if self.interview_screen is not None:
            self.settings.set_last_interview(self.store.database_id, self.interview_screen.interview.id)
            self.settings.sync()

    def _reopen(self) -> None:
        """Reopen the last interview of this database, or one whose unsaved text was kept; the demo opens on the
        first case's family interview."""
        drafts = self.store.list_drafts()
        last = None if self.demo else self.settings.last_interview(self.store.database_id)
        target = last if last is not None and self.item_of("interview", last) is not None else None
        if target is None and drafts:
            target = next(iter(drafts))
        if target is None and self.demo:
            self.open_first_family_interview()
        elif target is not None:
            self.open_interview(target)
        others = [i for i in drafts if self.interview_screen is None or i != self.interview_screen.interview.id]
        if others and self.interview_screen is not None:
            names = ", ".join(self._interview_name(i) for i in others)
            self.interview_screen.show_other_drafts(names)

    def _interview_name(self, interview_id: int) -> str:
        iv = self.store.get_interview(interview_id)
        case = self.store.get_case(iv.case_id)
        if case.survey:  # a respondent of a policy-level approach
            return f"{self.store.get_approach(case.approach_id).municipality} · {labels.respondent(iv)}"
        label = labels.role(iv.role, self.store.get_approach(case.approach_id).regisseur_label)
        return f"{case.code} · {label}" + (f" ({iv.organisation_type})" if iv.organisation_type else "")

    # ---- the anonymiser and the shared capture -------------------------------------------------------------

    def provider(self) -> AnonymiserProvider:
        return self.anonymiser_provider or shared_provider()


    def ready_capture(self):
        """The capture for a dialog that needs the anonymiser now (waits for it with a busy cursor)."""
        provider = self.provider()
        if provider.get() is None:
            provider.start()
            with open_flow.busy():
                provider.wait(60)
        return self.session.use_anonymiser(provider.get())  # the session's one Capture

    # ---- content -------------------------------------------------------------------------------------------

    def reload(self, select: tuple[str, int] | None = None) -> None:
        """Rebuild the tree; select `select` (kind, id), else what was selected, else the first approach."""
        if select is None and self.tree.currentItem() is not None:
            select = self.tree.current_key()
        keep_screen = self.interview_screen is not None and select == ("interview", self.interview_screen.interview.id)
        followup = self.followup.screen
        keep_screen = keep_screen or (followup is not None and select == ("approach", followup.approach_id)
                                      and self.store.is_followup(followup.approach_id))
        self.tree.blockSignals(keep_screen)  # the open interview or follow-up screen stays
        title = self.tr("GGSR Desktop — {0}").format(self.store.path.name)
        if self.demo:
            title += self.tr(" [DEMO]")
        elif not self.store.encrypted:  # a database from before encryption: say so, never hide it
            title += self.tr(" [NIET VERSLEUTELD]")
        self.setWindowTitle(title)
        first_approach = self.tree.rebuild(self.store)
        self._update_counts()
        wanted = self.item_of(*select) if select is not None else None
        if keep_screen and wanted is not None:
            self.tree.setCurrentItem(wanted)
            self.tree.blockSignals(False)
            return
        self.tree.blockSignals(False)
        if wanted is not None or first_approach is not None:
            self.tree.setCurrentItem(wanted or first_approach)
        else:
            self.drop_interview_screen()
            self.detail.show_empty(self.store.path)

    def _on_changed(self, changes: Changes, _initiator) -> None:
        """After any operation, undo or redo: the tree, the interview labels and the counts, as far as changed."""
        if changes.tree:
            self.reload()
            if self.review.screen is not None and not any(
                    a.id == self.review.screen.approach_id for a in self.store.list_approaches()):
                self.review.close()  # its approach was undone
                self._show_current(self.tree.currentItem())
            if self.followup.screen is not None and not self.followup.is_followup(self.followup.screen.approach_id):
                self.followup.close()  # the follow-up was undone
                self._show_current(self.tree.currentItem())
        else:
            if changes.interviews:
                self.tree.relabel_interviews(self.store)
            if changes.quotes:
                self._update_counts()  # reload() updates them after a change of the tree

    def _update_counts(self) -> None:
        counts = self.store.totals()
        self.status_label.setText(self.tr("{0} casussen · {1} gesprekken · {2} citaten").format(
            counts["cases"], counts["interviews"], counts["quotes"]))

    def _show_current(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is None:
            self.drop_interview_screen()
            self.detail.show_empty(self.store.path)
            return
        kind, item_id = item.data(0, ITEM_ROLE)
        show = {"study": self.detail.show_study, "approach": self.detail.show_approach,
                "case": self.detail.show_case, "interview": self.detail.show_interview}[kind]
        try:
            show(self.store, self.catalog, item_id)
            if kind == "interview":
                self.review.close()
                self.followup.close()
                self._show_interview_screen(item_id)
            elif kind == "approach" and self.followup.is_followup(item_id):
                self.tree_action.setChecked(True)
                self.followup.open(item_id)  # a follow-up: its re-assessment instead of the details
            else:
                self.drop_interview_screen()
                self.review.close()
                self.followup.close()
                self.tree_action.setChecked(True)  # the details belong to what is selected in the tree
        except GgsrError as exc:
            QMessageBox.critical(self, self.tr("Kan gegevens niet tonen"), str(exc))

    # ---- interview screen ----------------------------------------------------------------------------------

    def selected(self, kind: str) -> int | None:
        """The id of the selected item of `kind`, or of the item of that kind above the selection."""
        return self.tree.selected(kind)

    def selected_or_only(self, kind: str, listing, missing: str) -> int | None:
        """The selected item of `kind`, or the only one there is; otherwise says what to select (`missing`)."""
        chosen = self.selected(kind)
        if chosen is None:
            items = listing()
            if len(items) == 1:
                chosen = items[0].id
        if chosen is None:
            QMessageBox.information(self, self.tr("Eerst selecteren"), missing)
        return chosen

    def selected_study(self) -> int | None:
        return self.selected_or_only("study", self.store.list_studies, self.tr(
            "Maak eerst een onderzoek aan (Onderzoek › Nieuw onderzoek), of selecteer er een in de lijst links."))

    def selected_approach(self) -> int | None:
        """The approach selected in the tree (or above the selection), or the only one; else it says what to do."""
        return self.selected_or_only("approach", self.store.list_approaches, self.tr(
            "Selecteer eerst links de aanpak waar het om gaat (of maak er een aan via Onderzoek › Nieuwe aanpak)."))

    def select_quietly(self, kind: str, item_id: int) -> None:
        """Select an item in the tree without showing it (the screen in front stays)."""
        item = self.item_of(kind, item_id)
        if item is not None:
            self.tree.select_quietly(item)

    def show_screen(self, screen) -> None:
        """Put a screen (the review of an approach) in front, in place of the details or the interview."""
        if self.stack.indexOf(screen) < 0:
            self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)

    def remove_screen(self, screen) -> None:
        self.stack.removeWidget(screen)
        if self.stack.currentWidget() is None or self.stack.currentWidget() is screen:
            self.stack.setCurrentWidget(self.detail)

    def item_of(self, kind: str, item_id: int) -> QTreeWidgetItem | None:
        return self.tree.item_of(kind, item_id)

    def open_interview(self, interview_id: int, quote_id: int | None = None) -> None:
        """Select the interview in the tree, which shows its interview screen (with `quote_id` selected)."""
        item = self.item_of("interview", interview_id)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
            if self.interview_screen is not None:
                self.interview_screen.editor.setFocus()
                if quote_id is not None:
                    self.interview_screen.select_quote(quote_id)

    def open_first_family_interview(self) -> None:
        for study in self.store.list_studies():
            for approach in self.store.list_approaches(study.id):
                for case in self.store.list_cases(approach.id):
                    for iv in self.store.list_interviews(case.id):
                        if iv.role is Role.FAMILY:
                            self.open_interview(iv.id)
                            return

    def _show_interview_screen(self, interview_id: int) -> None:
        if self.interview_screen is not None and self.interview_screen.interview.id == interview_id:
            return
        self.drop_interview_screen()
        iv = self.store.get_interview(interview_id)
        framework = self.framework_of(self.store.get_case(iv.case_id).approach_id, warn=False)
        if framework is None:  # the detail pane says which framework is missing
            self.stack.setCurrentWidget(self.detail)
            return
        from ggsr_desktop.gui.interview_screen import InterviewScreen

        self.interview_screen = InterviewScreen(self.store, framework, interview_id, self.provider(),
                                                operations=self.operations)
        self.interview_screen.saved_splitter = self.settings.bytes("interview/splitter")
        if not self.demo:  # reopened next time, also after a crash
            self.settings.set_last_interview(self.store.database_id, interview_id)
            self.settings.sync()
        self.stack.addWidget(self.interview_screen)
        self.stack.setCurrentWidget(self.interview_screen)
        if not self._narrowed:  # the interview needs the room, once per window (the inspector may change it)
            self._narrowed = True
            if self.width() < WIDE_ENOUGH:  # a laptop screen: the tree makes way (F9 brings it back)
                self.tree_action.setChecked(False)
                self.statusBar().showMessage(self.tr("Het overzicht links is verborgen om ruimte te maken voor "
                                                     "het gesprek; F9 toont het weer."), 10000)
            elif self.splitter.sizes()[0] > 280:
                self.splitter.setSizes([260, max(self.width() - 260, 700)])

    def _show_tree(self, shown: bool) -> None:
        self.tree.setVisible(shown)
        if shown:
            self.statusBar().clearMessage()
            self.tree.setFocus()
        elif self.interview_screen is not None:
            self.interview_screen.editor.setFocus()

    def framework_of(self, approach_id: int, warn: bool = True):
        """The framework of the approach's study, or None (with a message when `warn`) when it is not found."""
        study = self.store.get_study(self.store.get_approach(approach_id).study_id)
        try:
            return self.catalog.get(study.framework_id)
        except KeyError:
            if warn:
                QMessageBox.warning(self, self.tr("Toetsingskader ontbreekt"), self.tr(
                    "Het toetsingskader '{0}' van dit onderzoek is niet gevonden.").format(study.framework_id))
            return None

    def is_policy(self, approach_id: int | None) -> bool:
        """Whether the approach belongs to a policy-level study (its framework's level is 'beleid')."""
        if approach_id is None:
            return False
        try:
            framework = self.framework_of(approach_id, warn=False)
        except GgsrError:  # the approach was just undone
            return False
        return framework is not None and framework.level == Level.POLICY

    def drop_interview_screen(self) -> None:
        """Close the interview screen (its draft is kept) and show the details."""
        screen, self.interview_screen = self.interview_screen, None
        if screen is not None:
            self.settings.set_bytes("interview/splitter", screen.splitter.saveState())
            screen.flush()
            self.stack.removeWidget(screen)
            screen.deleteLater()
        self.stack.setCurrentWidget(self.detail)

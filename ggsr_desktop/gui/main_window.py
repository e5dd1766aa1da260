"""The main window: the study tree on the left, the selected item's details on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
)

from ggsr_desktop import __version__, paths
from ggsr_desktop.errors import GgsrError
from ggsr_desktop.framework import FrameworkCatalog, load_catalog
from ggsr_desktop.gui import labels, open_flow
from ggsr_desktop.gui.detail_pane import DetailPane
from ggsr_desktop.gui.interview_screen import AnonymiserProvider, InterviewScreen, shared_provider
from ggsr_desktop.store import Store
from ggsr_desktop.store import backups as backup_files

ITEM_ROLE = Qt.ItemDataRole.UserRole  # (kind, id) of a tree item
BACKUP_CHECK_MS = 60_000  # how often the periodic backup is considered (it runs when due: see Store)


class MainWindow(QMainWindow):
    def __init__(self, store: Store, catalog: FrameworkCatalog, demo: bool = False,
                 anonymiser_provider: AnonymiserProvider | None = None):
        super().__init__()
        self.store = store
        self.catalog = catalog
        self.demo = demo
        self.anonymiser_provider = anonymiser_provider
        self.interview_screen: InterviewScreen | None = None
        self.resize(1200, 760)

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Onderzoek / aanpak / casus / gesprek"), self.tr("Status")])
        self.tree.setColumnWidth(0, 300)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(self.tr("Onderzoeken"))
        self.tree.currentItemChanged.connect(self._show_current)
        self.detail = DetailPane()
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
        self.reload()
        self._store_opened()
        self._report_framework_errors()
        if demo:
            self.open_first_family_interview()

    # ---- menus ---------------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Bestand"))
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
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(QAction(self.tr("&Over GGSR Desktop"), self, triggered=self._about))

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("Over GGSR Desktop"), self.tr(
            "<b>GGSR Desktop</b> {0}<p>Toezichtonderzoek op casusniveau naar de verantwoorde zorg en "
            "ondersteuning van gezinnen met geringe sociale redzaamheid.</p>"
            "<p>Database: {1}</p>").format(__version__, self.store.path))

    def _start_dir(self) -> str:
        return QSettings().value("last_dir", str(paths.data_dir()))

    def new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Nieuwe database"),
                                              str(Path(self._start_dir()) / "onderzoek.sqlite"),
                                              self.tr("GGSR-database (*.sqlite)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if name:  # an existing file is refused by create_store: nothing is ever overwritten
            self._switch(lambda: open_flow.create_store(self, name))

    def open_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Database openen"), self._start_dir(),
                                              self.tr("GGSR-database (*.sqlite);;Alle bestanden (*)"))
        if not name:
            return
        if self.store is not None and Path(name).resolve() == self.store.path.resolve():
            QMessageBox.information(self, self.tr("Database openen"),
                                    self.tr("{0} is al geopend in dit venster.").format(Path(name).name))
            return
        self._switch(lambda: open_flow.open_store(self, name))

    def _switch(self, opener) -> None:
        """Open another database; on failure or cancel (`opener` returns None) the current one stays open."""
        try:
            store = opener()
        except GgsrError as exc:
            QMessageBox.critical(self, self.tr("Database niet geopend"), str(exc))
            return
        if store is None:
            return
        self.close_store()
        self.store = store
        self.demo = False
        QSettings().setValue("last_dir", str(store.path.parent))
        self.catalog = load_catalog(paths.user_frameworks_dir(store.path))
        self.reload()
        self._store_opened()
        self._report_framework_errors()

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
        self._drop_interview_screen()
        if self.store is not None:
            self.store.close()

    # ---- content -------------------------------------------------------------------------------------------

    def reload(self) -> None:
        title = self.tr("GGSR Desktop — {0}").format(self.store.path.name)
        if self.demo:
            title += self.tr(" [DEMO]")
        elif not self.store.encrypted:  # a database from before encryption: say so, never hide it
            title += self.tr(" [NIET VERSLEUTELD]")
        self.setWindowTitle(title)
        self.tree.clear()
        first_approach = None
        for study in self.store.list_studies():
            s_item = QTreeWidgetItem([study.name, ""])
            s_item.setData(0, ITEM_ROLE, ("study", study.id))
            self.tree.addTopLevelItem(s_item)
            for approach in self.store.list_approaches(study.id):
                a_item = QTreeWidgetItem([f"{approach.municipality} — {approach.name}", ""])
                a_item.setData(0, ITEM_ROLE, ("approach", approach.id))
                s_item.addChild(a_item)
                first_approach = first_approach or a_item
                for case in self.store.list_cases(approach.id):
                    c_item = QTreeWidgetItem([case.code, ""])
                    c_item.setData(0, ITEM_ROLE, ("case", case.id))
                    a_item.addChild(c_item)
                    for iv in self.store.list_interviews(case.id):
                        text = labels.role(iv.role, approach.regisseur_label)
                        if iv.organisation_type:
                            text += f" — {iv.organisation_type}"
                        i_item = QTreeWidgetItem([text, labels.status(iv.status)])
                        i_item.setData(0, ITEM_ROLE, ("interview", iv.id))
                        c_item.addChild(i_item)
                a_item.setExpanded(True)
            s_item.setExpanded(True)
        counts = self.store.counts()
        self.status_label.setText(self.tr("{0} casussen · {1} gesprekken · {2} citaten").format(
            counts["cases"], counts["interviews"], counts["quotes"]))
        if first_approach is not None:
            self.tree.setCurrentItem(first_approach)
        else:
            self.detail.show_empty(self.store.path)

    def _show_current(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is None:
            self._drop_interview_screen()
            self.detail.show_empty(self.store.path)
            return
        kind, item_id = item.data(0, ITEM_ROLE)
        show = {"study": self.detail.show_study, "approach": self.detail.show_approach,
                "case": self.detail.show_case, "interview": self.detail.show_interview}[kind]
        try:
            show(self.store, self.catalog, item_id)
            if kind == "interview":
                self._show_interview_screen(item_id)
            else:
                self._drop_interview_screen()
        except GgsrError as exc:
            QMessageBox.critical(self, self.tr("Kan gegevens niet tonen"), str(exc))

    # ---- interview screen ----------------------------------------------------------------------------------

    def _item_of(self, kind: str, item_id: int) -> QTreeWidgetItem | None:
        found = [None]

        def walk(item: QTreeWidgetItem) -> None:
            if found[0] is None and item.data(0, ITEM_ROLE) == (kind, item_id):
                found[0] = item
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))
        return found[0]

    def open_interview(self, interview_id: int) -> None:
        """Select the interview in the tree, which shows its interview screen."""
        item = self._item_of("interview", interview_id)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
            if self.interview_screen is not None:
                self.interview_screen.editor.setFocus()

    def open_first_family_interview(self) -> None:
        for study in self.store.list_studies():
            for approach in self.store.list_approaches(study.id):
                for case in self.store.list_cases(approach.id):
                    for iv in self.store.list_interviews(case.id):
                        if iv.role == "gezin":
                            self.open_interview(iv.id)
                            return

    def _show_interview_screen(self, interview_id: int) -> None:
        if self.interview_screen is not None and self.interview_screen.interview.id == interview_id:
            return
        self._drop_interview_screen()
        iv = self.store.get_interview(interview_id)
        study = self.store.get_study(self.store.get_approach(self.store.get_case(iv.case_id).approach_id).study_id)
        try:
            framework = self.catalog.get(study.framework_id)
        except KeyError:
            self.stack.setCurrentWidget(self.detail)
            return
        provider = self.anonymiser_provider or shared_provider()
        self.interview_screen = InterviewScreen(self.store, framework, interview_id, provider)
        self.stack.addWidget(self.interview_screen)
        self.stack.setCurrentWidget(self.interview_screen)
        self.splitter.setSizes([170, max(self.width() - 170, 700)])

    def _drop_interview_screen(self) -> None:
        screen, self.interview_screen = self.interview_screen, None
        if screen is not None:
            screen.flush()
            self.stack.removeWidget(screen)
            screen.deleteLater()
        self.stack.setCurrentWidget(self.detail)

"""Starting the GUI: the QApplication and the main window on an open store."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ggsr_desktop import paths
from ggsr_desktop.errors import DamagedDatabaseError
from ggsr_desktop.framework import load_catalog
from ggsr_desktop.gui import open_flow
from ggsr_desktop.gui.main_window import MainWindow
from ggsr_desktop.store import Store


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("GGSR Desktop")
    app.setOrganizationName("Samenwerkend Toezicht Jeugd")
    _dutch_qt(app)
    return app


def _dutch_qt(app: QApplication) -> None:
    """Qt's own texts (Ja/Nee, Annuleren, file dialogs, context menus) in Dutch, whatever the system locale."""
    if app.property("ggsr_dutch_qt"):
        return
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    translator = QTranslator(app)
    if translator.load("qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    app.setProperty("ggsr_dutch_qt", True)


def run(store: Store, demo: bool = False) -> int:
    app = application()
    catalog = load_catalog(paths.user_frameworks_dir(store.path))
    try:
        window = MainWindow(store, catalog, demo=demo)
    except DamagedDatabaseError:
        if store.verified:
            raise
        # opened without the full check, and the damage showed while reading: the normal open offers the backup
        store.close(backup=False)
        store = open_flow.open_store(None, store.path)
        if store is None:
            return 1
        window = MainWindow(store, catalog, demo=demo)
    window.show()
    try:
        return app.exec()
    finally:
        window.close_store()


def run_path(path) -> int:
    """Open (or create) the database at `path` as the user is asked to, then run the window; 1 when not opened."""
    application()
    store = open_flow.open_store(None, path, verify=False)  # checked on a worker thread once the window is up
    if store is None:
        return 1
    return run(store, demo=False)

"""Helpers shared by the GUI tests."""

from __future__ import annotations


def activate(qtbot, window) -> None:
    """Make the window active, as a window manager does when it is shown or a dialog on it closes (the offscreen
    platform does not): shortcuts and focus need an active window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def show_active(qtbot, widget, width: int, height: int):
    """Register, size, show and activate a top-level widget."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    activate(qtbot, widget)
    return widget


def demo_window(qtbot, tmp_path, catalog, anonymiser, width: int = 1500, height: int = 950):
    """The main window on a fresh demo database, shown and active, with an inspector's name set."""
    from PySide6.QtCore import QSettings

    from ggsr_desktop.exchange.demo import write_demo
    from ggsr_desktop.gui.interview_screen import AnonymiserProvider
    from ggsr_desktop.gui.main_window import MainWindow
    from ggsr_desktop.gui.review_host import AUTHOR_KEY
    from ggsr_desktop.store import Store

    db = tmp_path / "demo.sqlite"
    write_demo(db, catalog)
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    settings.setValue(AUTHOR_KEY, "Inspecteur De Vries")
    window = MainWindow(Store.open(db), catalog, anonymiser_provider=AnonymiserProvider(anonymiser),
                        settings=settings)
    return show_active(qtbot, window, width, height)

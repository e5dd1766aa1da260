"""The processes the benchmark starts fresh for every run (`python -m ggsr_desktop.gui.bench_child MODE …`). Each
prints one JSON line when its measured moment is reached, then exits.

- `bare`: a bare PySide6 process showing an empty QMainWindow (the baseline of start-up and memory);
- `app DB INI`: the app as `ggsr-desktop --db DB` starts it (Dutch Qt texts, the open flow, the main window);
- `anonymiser`: builds the anonymiser and reports its initialisation time and the process's memory;
- `interview DB INI`: the main window on a demo copy opened on an interview, reporting on which thread the
  anonymiser was built (it must not be the GUI thread).

'Idle' is a zero-timer after `show()`: it fires when the event loop has handled what was pending.
"""

from __future__ import annotations

import json
import resource
import sys
import threading
import time


def _rss_mb() -> float:
    """Peak resident memory of this process in MB (Linux reports KB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _report(**values) -> None:
    print(json.dumps({"rss_mb": round(_rss_mb(), 1), **values}), flush=True)


def bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.show()
    QTimer.singleShot(0, lambda: (_report(), app.quit()))
    app.exec()


def app(db: str, ini: str) -> None:
    from PySide6.QtCore import QSettings, QTimer

    from ggsr_desktop import paths
    from ggsr_desktop.framework import load_catalog
    from ggsr_desktop.gui import app as gui_app
    from ggsr_desktop.gui import open_flow
    from ggsr_desktop.gui.main_window import MainWindow

    qapp = gui_app.application()
    store = open_flow.open_store(None, db, verify=False)  # as `run_path` does
    window = MainWindow(store, load_catalog(paths.user_frameworks_dir(store.path)),
                        settings=QSettings(ini, QSettings.Format.IniFormat))
    window.show()

    def idle() -> None:
        _report()
        window.close_store()
        qapp.quit()

    QTimer.singleShot(0, idle)
    qapp.exec()


def anonymiser() -> None:
    start = time.perf_counter()
    from ggsr_desktop.anonymise.anonymiser import Anonymiser

    Anonymiser()
    _report(init_s=round(time.perf_counter() - start, 4))


def interview(db: str, ini: str) -> None:
    from PySide6.QtCore import QSettings, QTimer

    from ggsr_desktop.anonymise import anonymiser as module
    from ggsr_desktop.framework import load_catalog
    from ggsr_desktop.gui import app as gui_app
    from ggsr_desktop.gui.main_window import MainWindow
    from ggsr_desktop.store import Store

    built_on: list[bool] = []
    original = module.Anonymiser.__init__

    def watched(self, *args, **kwargs):
        built_on.append(threading.current_thread() is threading.main_thread())
        original(self, *args, **kwargs)

    module.Anonymiser.__init__ = watched
    qapp = gui_app.application()
    window = MainWindow(Store.open(db), load_catalog(), demo=True,
                        settings=QSettings(ini, QSettings.Format.IniFormat))
    window.show()
    screen = window.interview_screen

    def check() -> None:
        if screen.capture is None and screen.provider.error is None:
            QTimer.singleShot(20, check)
            return
        _report(gui_thread=int(any(built_on)), built=len(built_on))
        window.close_store()
        qapp.quit()

    QTimer.singleShot(0, check)
    qapp.exec()


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    {"bare": bare, "app": app, "anonymiser": anonymiser, "interview": interview}[mode](*rest)

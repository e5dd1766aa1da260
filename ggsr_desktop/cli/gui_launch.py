"""Opening the GUI from the command line (no subcommand): a display check, the demo copy, the window."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from ggsr_desktop import paths
from ggsr_desktop.cli.common import fail


def open_gui(args) -> int:
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        return fail("geen beeldscherm gevonden (DISPLAY is niet gezet); gebruik een subcommando, "
                     "zie 'ggsr-desktop --help'")
    if not args.demo:
        from ggsr_desktop.gui.app import run_path  # asks for the passphrase, offers a backup when damaged

        return run_path(args.gui_db or paths.default_db_path())
    from ggsr_desktop.exchange.demo import write_demo
    from ggsr_desktop.store import Store

    demo_dir = Path(tempfile.mkdtemp(prefix="ggsr-demo-"))
    try:
        db_path = demo_dir / "demo.sqlite"
        write_demo(db_path)
        return _run_gui(Store.open(db_path), demo=True)
    finally:
        shutil.rmtree(demo_dir, ignore_errors=True)  # the demo copy is fresh every time


def _run_gui(store, demo: bool) -> int:
    from ggsr_desktop.gui.app import run  # imports PySide6 only when the GUI is really wanted

    return run(store, demo=demo)

"""kill -9 of the running app while the inspector types: the app process (real main window, real interview screen,
real anonymiser built in the background, real encrypted database) types quotes key by key into the capture field,
waits for the draft timer to keep half of each quote, then finishes it with Enter. It prints what it knows to be
durable. It is killed at a random moment; on restart every acknowledged quote is there and the kept draft is
offered back in the editor.

CI runs a few rounds; more: `GGSR_GUI_KILL_ROUNDS=30 pytest tests/test_interview_crash.py`.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QSettings

from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.gui.interview_screen import AnonymiserProvider
from ggsr_desktop.gui.main_window import MainWindow
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.ops.planning import plan_case, prepare_case
from ggsr_desktop.store import database
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).parent.parent
ROUNDS = int(os.environ.get("GGSR_GUI_KILL_ROUNDS", "3"))
MOTHER = "Wilhelmina Kanarievogel"

APP = r"""
import sys
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ggsr_desktop.store import database
from ggsr_desktop.framework import load_catalog
from ggsr_desktop.gui.main_window import MainWindow

db, ini, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
app = QApplication([])
window = MainWindow(database.open_database(db, sys.argv[4]), load_catalog(),
                    settings=QSettings(ini, QSettings.Format.IniFormat))
window.show()
screen = window.interview_screen  # reopened: the last interview of this database
while screen.actions is None:  # the anonymiser is built in the background; typing could go on meanwhile
    QTest.qWait(20)
screen.draft_timer.setInterval(150)  # the real timer, ticking faster than its 3 s so the test is quick
store = window.store
n = start
while True:
    n += 1
    QTest.keyClicks(screen.editor, f"Wilhelmina Kanarievogel vertelt deel {n} over")
    while store.get_draft(screen.interview.id) != f"[moeder] vertelt deel {n} over":
        QTest.qWait(10)
    print(f"DRAFT {n}", flush=True)  # the timer kept it: durable
    QTest.keyClicks(screen.editor, " de school.")
    QTest.keyClick(screen.editor, Qt.Key.Key_Return)
    assert screen.editor.toPlainText() == ""
    print(f"SAVED {n}", flush=True)  # Enter returned: durable
"""


def _prepare(tmp_path: Path, anonymiser) -> tuple[Path, Path, int]:
    db, ini = tmp_path / "veldwerk.sqlite", tmp_path / "ggsr-desktop.ini"
    store = database.create_database(db, PASSPHRASE)
    capture = Capture(store, anonymiser)
    study = store.add_study("GGSR 2027", "casusniveau")
    approach = store.add_approach(study.id, "Wadlo", "Sterk Thuis")
    case = prepare_case(capture, approach.id, "Gezin A", [Person("moeder", MOTHER)])
    family = plan_case(capture, case.id, ["GGZ", "politie", "MEE"])[0]
    store.close()
    return db, ini, family.id


def _collect(stream, into: list[str]) -> None:
    into.extend(line.strip() for line in stream)


def test_killed_while_typing_loses_no_saved_quote_and_offers_the_draft(qtbot, tmp_path, catalog, anonymiser):
    db, ini, family = _prepare(tmp_path, anonymiser)
    window = MainWindow(database.open_database(db, PASSPHRASE), catalog,
                        anonymiser_provider=AnonymiserProvider(anonymiser),
                        settings=QSettings(str(ini), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.open_interview(family)  # the inspector opened it once; from now on it is reopened
    window.close_store()
    rng = random.Random(int(os.environ.get("GGSR_GUI_KILL_SEED", "5")))
    acknowledged: set[int] = set()
    last_draft = None
    number = 0
    for _ in range(ROUNDS):
        child = subprocess.Popen([sys.executable, "-c", APP, str(db), str(ini), str(number), PASSPHRASE],
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        lines: list[str] = []
        reader = threading.Thread(target=_collect, args=(child.stdout, lines))
        reader.start()
        deadline = time.monotonic() + 60
        wanted = rng.randint(2, 6)  # kill after a few saves, at a random moment of typing, waiting or saving
        while sum(line.startswith("SAVED") for line in lines) < wanted and time.monotonic() < deadline:
            assert child.poll() is None, child.stderr.read()
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        reader.join()
        saved = {int(line.split()[1]) for line in lines if line.startswith("SAVED")}
        drafts = [int(line.split()[1]) for line in lines if line.startswith("DRAFT")]
        assert len(saved) >= wanted, child.stderr.read()
        acknowledged |= saved
        last = lines[-1] if lines else ""
        last_draft = drafts[-1] if last.startswith("DRAFT") else None

        # ---- the app starts again ----
        window = MainWindow(database.open_database(db, PASSPHRASE), catalog,
                            anonymiser_provider=AnonymiserProvider(anonymiser),
                            settings=QSettings(str(ini), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        screen = window.interview_screen
        assert screen is not None and screen.interview.id == family  # reopened after the crash too
        texts = [q.text for q in window.store.list_quotes(family)]
        stored = {int(t.split()[3]) for t in texts}
        assert acknowledged <= stored, "a saved quote was lost"
        assert all(t == f"[moeder] vertelt deel {int(t.split()[3])} over de school." for t in texts)
        offered = screen.editor.toPlainText()
        if last_draft is not None and last_draft not in stored:  # killed after the draft was kept: it is back
            assert offered == f"[moeder] vertelt deel {last_draft} over"
            assert "teruggezet" in screen.notice.text()
        assert "Kanarievogel" not in offered and "Wilhelmina" not in offered
        number = max(stored | acknowledged) + 10
        screen.editor.clear()  # this round's draft is dealt with; the next child starts with an empty editor
        screen.capture.save_draft(family, "")
        window.close_store()
        window.deleteLater()
        assert window.store.closed

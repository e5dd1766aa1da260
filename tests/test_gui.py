"""The GUI shell, driven with qtbot on the real demo database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ggsr_desktop.cli import main
from ggsr_desktop.exchange.demo import write_demo
from ggsr_desktop.gui.main_window import MainWindow
from ggsr_desktop.store import Store


@pytest.fixture
def window(qtbot, tmp_path, catalog):
    db = tmp_path / "demo.sqlite"
    write_demo(db, catalog)
    w = MainWindow(Store.open(db), catalog, demo=True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close_store()


def _children(item):
    return [item.child(i) for i in range(item.childCount())]


def test_opens_on_demo_and_shows_the_three_cases(window):
    assert window.windowTitle() == "GGSR Desktop — demo.sqlite [DEMO]"
    study = window.tree.topLevelItem(0)
    approach = study.child(0)
    assert [c.text(0) for c in _children(approach)] == ["Gezin A", "Gezin B", "Gezin C"]
    family = approach.child(0).child(0)  # a demo window opens on the first case's family interview (issue 5)
    assert window.tree.currentItem() is family and family.text(0) == "Gezin"
    assert window.stack.currentWidget() is window.interview_screen
    assert "3 casussen" in window.status_label.text()


def test_selecting_a_case_and_an_interview_shows_their_details(window, qtbot, case_framework):
    case = window.tree.topLevelItem(0).child(0).child(0)
    window.tree.setCurrentItem(case)
    assert window.detail.title.text() == "Gezin A"
    assert window.detail.table.rowCount() == 6
    assert window.detail.table.horizontalHeaderItem(0).text() == "Respondent"

    case.setExpanded(False)  # the demo opened on its family interview, which expanded it
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Right)  # expand
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)  # first interview: the family
    interview = window.tree.currentItem()
    assert interview.parent() is case and interview.text(0) == "Gezin"
    assert window.detail.title.text() == "Gezin A — Gezin"
    rows = window.detail.table.rowCount()
    assert 8 <= rows <= 15
    indicator_cell = window.detail.table.item(0, 2).text()
    assert any(" ".join(i.text.split()) in indicator_cell for i in case_framework.indicators)  # text, not id


def test_failed_open_keeps_the_current_database(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    current = window.store
    junk = tmp_path / "kapot.sqlite"
    junk.write_bytes(b"geen database" * 50)
    window.switch_to(lambda: Store.open(junk))
    assert shown and "geen GGSR-database" in shown[0]
    assert window.store is current and window.store.list_studies()


def test_new_database_switches_and_shows_empty_state(window, tmp_path):
    window.switch_to(lambda: Store.create(tmp_path / "leeg.sqlite"))
    assert window.windowTitle() == "GGSR Desktop — leeg.sqlite [NIET VERSLEUTELD]"  # made without a key
    assert window.tree.topLevelItemCount() == 0
    assert window.detail.title.text() == "Geen onderzoeken"


def test_cli_demo_flag_opens_the_window_on_a_fresh_demo_copy(qtbot, monkeypatch):
    seen = {}

    def fake_exec(self):
        win = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["title"] = win.windowTitle()
        seen["cases"] = win.tree.topLevelItem(0).child(0).childCount()
        seen["path"] = win.store.path
        win.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert main(["--demo"]) == 0
    assert seen["title"] == "GGSR Desktop — demo.sqlite [DEMO]" and seen["cases"] == 3
    first = seen["path"]
    assert main(["--demo"]) == 0
    assert seen["path"] != first  # every --demo gets its own fresh copy

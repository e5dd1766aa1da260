"""One undo history through the real main window: Ctrl+Z after switching from the review screen to an interview
undoes the last action of either; a case made in the dialog is undone and redone as one step from the tree; an
interview's status set in its header is undone. Real demo database, real anonymiser, real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ggsr_desktop.models import Mark, Role, Status
from tests.gui_helpers import activate, demo_window

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
INDICATOR = "toeleiding.directe-start"


@pytest.fixture
def window(qtbot, tmp_path, catalog, anonymiser):
    window = demo_window(qtbot, tmp_path, catalog, anonymiser)
    yield window
    window.close_store()


def _family_interview(store, case_index=0):
    case = store.list_cases(1)[case_index]
    return next(iv for iv in store.list_interviews(case.id) if iv.role is Role.FAMILY)


def _edit_menu_text(window) -> str:
    window.menuBar().actions()[1].menu().aboutToShow.emit()
    return window.undo_action.text()


def test_ctrl_z_in_an_interview_undoes_the_judgement_made_in_the_review_screen(qtbot, window):
    store = window.store
    before = store.get_judgement(1, INDICATOR)
    window.tree.setCurrentItem(window.item_of("approach", 1))
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_B, CTRL)
    review = window.review.screen
    review.choose(INDICATOR, store.list_cases(1)[0].id)
    review.view.setFocus()
    qtbot.keyClick(review.view, Qt.Key.Key_1, CTRL)  # ✓ voldoet
    assert store.get_judgement(1, INDICATOR).mark is Mark.SATISFIED
    assert "beoordeling wijzigen" in _edit_menu_text(window)

    family = _family_interview(store)
    window.open_interview(family.id)  # the review screen goes; the history stays
    screen = window.interview_screen
    assert window.review.screen is None and screen is not None
    count = len(store.list_quotes(family.id))
    qtbot.keyClicks(screen.editor, "Het plan is samen met ons gemaakt.")
    qtbot.keyClick(screen.editor, Qt.Key.Key_Return)
    assert len(store.list_quotes(family.id)) == count + 1

    screen.quote_list.setFocus()
    qtbot.keyClick(screen.quote_list, Qt.Key.Key_Z, CTRL)  # the quote
    assert len(store.list_quotes(family.id)) == count
    assert "citaat opslaan" in screen.notice.text()
    qtbot.keyClick(screen.quote_list, Qt.Key.Key_Z, CTRL)  # the mark, made on the other screen
    after = store.get_judgement(1, INDICATOR)
    assert (after.mark if after else None) == (before.mark if before else None)
    assert "beoordeling wijzigen" in screen.notice.text()

    qtbot.keyClick(screen.quote_list, Qt.Key.Key_Z, CTRL | SHIFT)
    assert store.get_judgement(1, INDICATOR).mark is Mark.SATISFIED
    assert window.redo_action.isEnabled() and "citaat opslaan" in window.redo_action.text()
    window.redo()  # the Edit menu's Opnieuw: the quote is back, and the interview's list shows it
    assert len(store.list_quotes(family.id)) == count + 1
    assert len(screen.quotes) == count + 1


def test_a_case_made_in_the_dialog_is_undone_and_redone_from_the_tree(qtbot, window):
    store = window.store
    cases = [c.id for c in store.list_cases(1)]
    window.tree.setCurrentItem(window.item_of("approach", 1))
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_N, CTRL | SHIFT)
    dialog = window.prepare.dialog
    qtbot.keyClicks(dialog.code, "Gezin D")
    qtbot.keyClicks(dialog.person_rows[0][1], "Wilhelmina Kanarievogel")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    new = [c for c in store.list_cases(1) if c.id not in cases]
    assert len(new) == 1 and len(store.list_interviews(new[0].id)) == 6
    assert window.item_of("case", new[0].id) is not None
    assert "casus aanmaken" in _edit_menu_text(window)

    activate(qtbot, window)
    window.tree.setCurrentItem(window.item_of("approach", 1))
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, CTRL)  # the case, its persons and its six interviews: one step
    assert [c.id for c in store.list_cases(1)] == cases
    assert window.item_of("case", new[0].id) is None and window.interview_screen is None
    assert store.register_entries(new[0].id) == {}

    qtbot.keyClick(window.tree, Qt.Key.Key_Z, CTRL | SHIFT)
    assert new[0].id in [c.id for c in store.list_cases(1)]
    assert window.item_of("case", new[0].id) is not None
    family = next(iv for iv in store.list_interviews(new[0].id) if iv.role is Role.FAMILY)
    assert window.session.capture.save_quote(family.id, "Wilhelmina Kanarievogel belde.").text == "[moeder] belde."


def test_an_interview_status_set_in_its_header_is_undone(qtbot, window):
    store = window.store
    family = _family_interview(store, 1)
    window.open_interview(family.id)
    screen = window.interview_screen
    before = store.get_interview(family.id).status
    target = Status.PLANNED if before is not Status.PLANNED else Status.DONE
    screen.set_status(target)
    assert store.get_interview(family.id).status is target
    assert window.item_of("interview", family.id).text(1) == target.value
    assert screen.header.status.currentData() == target.value
    screen.undo()
    assert store.get_interview(family.id).status is before
    assert screen.header.status.currentData() == before.value
    assert window.item_of("interview", family.id).text(1) == before.value


def test_f2_in_the_tree_changes_the_approach_and_ctrl_z_takes_it_back(qtbot, window):
    store = window.store
    name = store.get_approach(1).name
    window.tree.setCurrentItem(window.item_of("approach", 1))
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_F2)
    dialog = window.prepare.dialog
    assert dialog.windowTitle() == "Aanpak wijzigen" and dialog.name.text() == name
    dialog.name.setText("Andere naam")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert store.get_approach(1).name == "Andere naam"
    assert window.item_of("approach", 1).text(0).endswith("Andere naam")
    activate(qtbot, window)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, CTRL)
    assert store.get_approach(1).name == name and window.item_of("approach", 1).text(0).endswith(name)

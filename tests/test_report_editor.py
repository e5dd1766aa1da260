"""The report editor (chapters 3 and 4: sections, their texts and indicators) and the texts editor (voorwoord,
chapter 2, chapter 5) of the judging screen, through the real widgets, the demo study in a real store, the real
anonymiser and the undo history: texts saved on leaving a field and after a pause, names stored as roles."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QStyle,
    QStyleOptionViewItem,
)

from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.errors import DiskFullError
from ggsr_desktop.exchange.demo import write_demo
from ggsr_desktop.gui.report_editor import ReportEditor
from ggsr_desktop.gui.texts_editor import TextsEditor
from ggsr_desktop.models import DESCRIPTION_FIELDS
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.ops.judging import JudgementActions
from ggsr_desktop.store import Store
from tests.gui_helpers import show_active

MOTHER = "Wilhelmina Kanarievogel"
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def demo(tmp_path, catalog, anonymiser):
    """The demo study (approach 1, five report sections), the mother of its first case known by name."""
    path = tmp_path / "demo.sqlite"
    write_demo(path, catalog)
    store = Store.open(path)
    capture = Capture(store, anonymiser)
    capture.add_person(store.list_cases(1)[0].id, Person("moeder", MOTHER))
    yield store, JudgementActions(capture, 1, "Inspecteur De Vries"), path
    store.close()


@pytest.fixture
def store(demo):
    return demo[0]


@pytest.fixture
def judging(demo):
    return demo[1]


def _show(qtbot, widget):
    return show_active(qtbot, widget, 1100, 760)


@pytest.fixture
def report(qtbot, store, case_framework, judging):
    return _show(qtbot, ReportEditor(store, case_framework, judging))


@pytest.fixture
def texts(qtbot, store, case_framework, judging):
    return _show(qtbot, TextsEditor(store, case_framework, judging))


def _on_disk(path: Path) -> bytes:
    return b"".join(Path(f"{path}{s}").read_bytes() for s in ("", "-wal") if Path(f"{path}{s}").exists())


def _tree(report) -> dict[str, list[int]]:
    """Chapter row text -> the section ids listed under it, in order."""
    tree = report.tree
    return {tree.topLevelItem(c).text(0): [tree.topLevelItem(c).child(k).data(0, Qt.ItemDataRole.UserRole)
                                           for k in range(tree.topLevelItem(c).childCount())]
            for c in range(tree.topLevelItemCount())}


def _row(report, section_id):
    tree = report.tree
    for c in range(tree.topLevelItemCount()):
        for k in range(tree.topLevelItem(c).childCount()):
            item = tree.topLevelItem(c).child(k)
            if item.data(0, Qt.ItemDataRole.UserRole) == section_id:
                return item
    return None


def _click_row(qtbot, report, section_id):
    item = _row(report, section_id)
    report.tree.scrollToItem(item)
    qtbot.mouseClick(report.tree.viewport(), LEFT, pos=report.tree.visualItemRect(item).center())
    assert report.section_id == section_id


def _ids(store, colour):
    return [s.id for s in store.list_sections(1) if s.highlight.value == colour]


def _indicator_row(view, indicator_id) -> int:
    return next(r for r in range(view.count()) if view.item(r).data(Qt.ItemDataRole.UserRole) == indicator_id)


def _click_check(qtbot, view, row):
    """Click the check box of a row, where the style draws it."""
    item = view.item(row)
    view.scrollToItem(item)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualItemRect(item)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    qtbot.mouseClick(view.viewport(), LEFT, pos=box.center())


def _type_and_tab(qtbot, field, text):
    """Replace a field's text by typing, then leave it with Tab (its text is saved on leaving)."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=3000)
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert not field.hasFocus()


def _interactive(widget):
    return [w for kind in (QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractItemView, QComboBox)
            for w in widget.findChildren(kind) if w.parent() is not None and w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not w.objectName().startswith("qt_")]


# ---- report editor -------------------------------------------------------------------------------------------


def test_the_demo_sections_are_listed_under_their_chapter(report, store):
    green, red = _ids(store, "groen"), _ids(store, "rood")
    assert len(green) == 2 and len(red) == 3
    assert _tree(report) == {"Hoofdstuk 3 · Wat gaat goed?": green, "Hoofdstuk 4 · Wat kan beter?": red}
    first = store.get_section(green[0])
    assert _row(report, first.id).text(0) == f"{first.title} (3 indicatoren)"  # all have a conclusion: no mark
    assert report.section_id == first.id and report.title_edit.text() == first.title
    assert report.conclusion_edit.toPlainText() == first.conclusion
    assert report.unplaced.count() == 0  # the demo placed every highlighted indicator
    for widget in _interactive(report):
        assert widget.objectName() and widget.accessibleName(), widget
    for name in ("sectionList", "unplacedList", "sectionAddButton", "sectionDeleteButton", "sectionUpButton",
                 "sectionDownButton", "sectionTitleEdit", "sectionIntroEdit", "sectionConclusionEdit",
                 "sectionIndicatorList"):
        assert report.findChild(object, name) is not None, name


def test_a_new_section_is_typed_and_stored_anonymised(qtbot, report, demo):
    store, judging, path = demo
    changes = []
    report.changed.connect(lambda: changes.append(1))
    report.tree.setFocus()
    qtbot.keyClick(report.tree, Qt.Key.Key_S, CTRL_SHIFT)
    dialog = report.section_dialog
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    assert dialog.title.hasFocus()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    assert dialog.isVisible() and "mag niet leeg zijn" in dialog.error.text()  # no title: the dialog stays
    qtbot.keyClicks(dialog.title, f"Niemand vraagt {MOTHER} naar haar netwerk")
    dialog.colour.setCurrentIndex(1)  # red: chapter 4
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    assert not dialog.isVisible()
    [new] = [s for s in store.list_sections(1) if s.title.startswith("Niemand")]
    assert new.title == "Niemand vraagt [moeder] naar haar netwerk" and new.highlight.value == "rood"
    assert _tree(report)["Hoofdstuk 4 · Wat kan beter?"][-1] == new.id
    assert report.section_id == new.id and _row(report, new.id).text(0).startswith("⚠ ")  # no conclusion yet
    assert report.title_edit.text() == new.title
    report.activateWindow()  # a window manager does this when the dialog closes; the offscreen platform does not
    qtbot.waitUntil(report.isActiveWindow, timeout=3000)
    qtbot.waitUntil(report.intro_edit.hasFocus, timeout=3000)

    # the introduction: saved after a pause in typing, while the field keeps what is being typed
    qtbot.keyClicks(report.intro_edit, f"Volgens {MOTHER} vraagt niemand naar familie.")
    qtbot.waitUntil(lambda: store.get_section(new.id).intro != "", timeout=5000)
    assert store.get_section(new.id).intro == "Volgens [moeder] vraagt niemand naar familie."
    assert MOTHER in report.intro_edit.toPlainText()  # not replaced under the cursor
    qtbot.keyClick(report.intro_edit, Qt.Key.Key_Tab)  # leaving it shows what was stored
    assert report.conclusion_edit.hasFocus()
    assert report.intro_edit.toPlainText() == "Volgens [moeder] vraagt niemand naar familie."

    # the conclusion: saved on leaving the field, at once; the warning mark goes
    qtbot.keyClicks(report.conclusion_edit, "Het netwerk blijft buiten beeld.")
    qtbot.keyClick(report.conclusion_edit, Qt.Key.Key_Tab)
    assert store.get_section(new.id).conclusion == "Het netwerk blijft buiten beeld."
    assert not _row(report, new.id).text(0).startswith("⚠")

    # the title: Enter saves it, the list follows
    report.title_edit.setFocus()
    report.title_edit.selectAll()
    qtbot.keyClicks(report.title_edit, f"Het netwerk van {MOTHER}")
    qtbot.keyClick(report.title_edit, Qt.Key.Key_Return)
    assert store.get_section(new.id).title == "Het netwerk van [moeder]"
    assert _row(report, new.id).text(0) == "Het netwerk van [moeder] (0 indicatoren)"
    assert report.title_edit.text() == "Het netwerk van [moeder]"
    assert changes and not report.errors.isVisible()

    judging.stack.undo()  # the title
    report.refresh()
    assert report.title_edit.text() == "Niemand vraagt [moeder] naar haar netwerk"
    report.flush()
    store.close()
    data = _on_disk(path)
    assert b"Kanarievogel" not in data and b"Wilhelmina" not in data


def test_a_text_that_cannot_be_saved_stays_in_its_field(qtbot, report, store, judging, monkeypatch):
    first, second = _ids(store, "groen")
    before = store.get_section(first)
    _type_and_tab(qtbot, report.title_edit, "")  # select all, type nothing: an empty title is refused
    assert report.errors.isVisible() and "Titel van de sectie niet opgeslagen" in report.errors.text()
    assert "mag niet leeg zijn" in report.errors.text()
    assert store.get_section(first).title == before.title and report.title_edit.text() == ""
    qtbot.mouseClick(report.tree.viewport(), LEFT, pos=report.tree.visualItemRect(_row(report, second)).center())
    qtbot.waitUntil(lambda: report.tree.currentItem() is _row(report, first), timeout=3000)
    assert report.section_id == first  # it stays on the section whose title is missing

    def full(*_a, **_k):
        raise DiskFullError("de schijf is vol")

    monkeypatch.setattr(judging, "update_section", full)
    _type_and_tab(qtbot, report.intro_edit, "Een nieuwe inleiding.")
    assert "Inleiding van de sectie niet opgeslagen: de schijf is vol" in report.errors.text()
    assert report.intro_edit.toPlainText() == "Een nieuwe inleiding."  # what was typed is kept
    monkeypatch.undo()
    _type_and_tab(qtbot, report.title_edit, "Een nieuwe titel")
    report.intro_edit.setFocus()
    report.conclusion_edit.setFocus()  # leaving the introduction tries again
    assert store.get_section(first).title == "Een nieuwe titel"
    assert store.get_section(first).intro == "Een nieuwe inleiding."
    assert not report.errors.isVisible()


def test_checking_an_indicator_moves_it_between_sections(qtbot, report, store, judging):
    first, second = _ids(store, "groen")
    analysis = "aanpak.probleemanalyse"
    assert store.get_section(second).indicator_ids == (analysis,)
    view = report.indicator_list
    assert [view.item(r).data(Qt.ItemDataRole.UserRole) for r in range(view.count())] == [
        analysis, "aanpak.outreachend", "aanpak.niet-loslaten", "samenwerking.vertrouwen-gezin"]
    row = _indicator_row(view, analysis)
    assert view.item(row).checkState() == Qt.CheckState.Unchecked and "nu in" in view.item(row).text()
    assert view.item(row).toolTip() == analysis

    _click_check(qtbot, view, row)  # checked: moved here from the other section
    assert analysis in store.get_section(first).indicator_ids
    assert store.get_section(second).indicator_ids == ()
    assert view.item(row).checkState() == Qt.CheckState.Checked and "nu in" not in view.item(row).text()
    assert _row(report, first).text(0).endswith("(4 indicatoren)")

    _click_check(qtbot, view, row)  # unchecked: in no section, listed as such
    assert all(analysis not in s.indicator_ids for s in store.list_sections(1))
    assert report.unplaced.count() == 1
    assert report.unplaced.item(0).data(Qt.ItemDataRole.UserRole) == analysis

    red = _ids(store, "rood")[0]
    _click_row(qtbot, report, red)  # a red section cannot take a green indicator
    report.unplaced.setFocus()
    qtbot.keyClick(report.unplaced, Qt.Key.Key_Return)
    assert "groene sectie" in report.errors.text() and report.unplaced.count() == 1
    _click_row(qtbot, report, second)
    item = report.unplaced.item(0)
    centre = report.unplaced.visualItemRect(item).center()
    qtbot.mouseClick(report.unplaced.viewport(), LEFT, pos=centre)  # a double click: click, then click again
    qtbot.mouseDClick(report.unplaced.viewport(), LEFT, pos=centre)
    assert store.get_section(second).indicator_ids == (analysis,) and report.unplaced.count() == 0
    assert not report.errors.isVisible()

    judging.stack.undo()
    report.refresh()
    assert store.get_section(second).indicator_ids == () and report.unplaced.count() == 1


def test_a_deleted_section_is_confirmed_and_comes_back_with_undo(qtbot, report, store, judging):
    red = _ids(store, "rood")
    doomed = store.get_section(red[1])
    _click_row(qtbot, report, doomed.id)
    qtbot.keyClick(report.tree, Qt.Key.Key_Delete)
    box = report.confirm_box
    qtbot.waitUntil(box.isVisible, timeout=3000)
    assert doomed.title in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), LEFT)  # 'Annuleren'
    assert store.get_section(doomed.id) == doomed

    qtbot.mouseClick(report.delete_button, LEFT)
    box = report.confirm_box
    qtbot.waitUntil(box.isVisible, timeout=3000)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "Verwijderen"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), LEFT)
    assert _ids(store, "rood") == [red[0], red[2]]
    assert _tree(report)["Hoofdstuk 4 · Wat kan beter?"] == [red[0], red[2]]
    assert report.section_id == red[2]  # its neighbour
    placed = {report.unplaced.item(r).data(Qt.ItemDataRole.UserRole) for r in range(report.unplaced.count())}
    assert placed == set(doomed.indicator_ids)  # still highlighted, now in no section

    judging.stack.undo()
    report.refresh()
    assert store.get_section(doomed.id) == doomed
    assert _tree(report)["Hoofdstuk 4 · Wat kan beter?"] == red and report.unplaced.count() == 0


def test_sections_move_up_and_down_within_their_chapter(qtbot, report, store, judging):
    green, red = _ids(store, "groen"), _ids(store, "rood")
    _click_row(qtbot, report, red[2])
    assert report.up_button.isEnabled() and not report.down_button.isEnabled()
    qtbot.mouseClick(report.up_button, LEFT)
    assert _ids(store, "rood") == [red[0], red[2], red[1]]
    report.up_button.setFocus()
    qtbot.mouseClick(report.up_button, LEFT)
    assert _ids(store, "rood") == [red[2], red[0], red[1]]
    assert not report.up_button.isEnabled() and report.tree.hasFocus()  # at the top: back to the list
    assert _tree(report)["Hoofdstuk 4 · Wat kan beter?"] == [red[2], red[0], red[1]]
    qtbot.keyClick(report.tree, Qt.Key.Key_Down, ALT)
    assert _ids(store, "rood") == [red[0], red[2], red[1]]
    assert _ids(store, "groen") == green and report.section_id == red[2]

    judging.stack.undo()
    report.refresh()
    assert _ids(store, "rood") == [red[2], red[0], red[1]]
    assert _tree(report)["Hoofdstuk 4 · Wat kan beter?"] == [red[2], red[0], red[1]]


def test_move_section_with_equal_positions_and_at_the_ends(store, judging):
    red = _ids(store, "rood")
    for sid in red:
        store.update_section(sid, position=7)  # ordered by id when positions are equal
    judging.move_section(red[0], 1)
    assert _ids(store, "rood") == [red[1], red[0], red[2]]
    depth = judging.stack.depth
    judging.move_section(red[1], -1)  # already first: nothing changes, nothing to undo
    assert _ids(store, "rood") == [red[1], red[0], red[2]] and judging.stack.depth == depth
    judging.stack.undo()
    assert _ids(store, "rood") == red
    judging.stack.redo()
    assert _ids(store, "rood") == [red[1], red[0], red[2]]


# ---- texts editor --------------------------------------------------------------------------------------------


def test_the_texts_editor_saves_every_field_anonymised(qtbot, texts, demo):
    store, judging, path = demo
    headings = {label.text() for label in texts.findChildren(QLabel)}
    assert {"Voorwoord", "2 Typering van de aanpak", "5.1 Algemene conclusie", "5.2 Aanbevelingen",
            *DESCRIPTION_FIELDS.values()} <= headings
    for widget in _interactive(texts):
        assert widget.objectName() and widget.accessibleName(), widget
    assert texts.voorwoord_edit.toPlainText() == store.get_approach_texts(1)["voorwoord"]
    changes = []
    texts.changed.connect(lambda: changes.append(1))

    _type_and_tab(qtbot, texts.voorwoord_edit, f"Wij danken {MOTHER} voor haar openheid.")
    assert store.get_approach_texts(1)["voorwoord"] == "Wij danken [moeder] voor haar openheid."
    assert texts.voorwoord_edit.toPlainText() == "Wij danken [moeder] voor haar openheid." and changes == [1]
    assert texts.findChild(QPlainTextEdit, "description_persons_and_families").hasFocus()  # the tab order
    for field in DESCRIPTION_FIELDS:
        _type_and_tab(qtbot, texts.findChild(QPlainTextEdit, f"description_{field}"), f"Nieuw: {field}.")
    assert store.get_approach(1).description == {f: f"Nieuw: {f}." for f in DESCRIPTION_FIELDS}

    texts.conclusion_edit.setFocus()  # the conclusion: saved after a pause, not replaced under the cursor
    qtbot.keyClick(texts.conclusion_edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(texts.conclusion_edit, f"{MOTHER} kreeg eindelijk hulp.")
    qtbot.waitUntil(lambda: store.get_approach_texts(1)["conclusion"] == "[moeder] kreeg eindelijk hulp.",
                    timeout=5000)
    assert texts.conclusion_edit.toPlainText() == f"{MOTHER} kreeg eindelijk hulp."
    texts.voorwoord_edit.setFocus()
    assert texts.conclusion_edit.toPlainText() == "[moeder] kreeg eindelijk hulp."

    judging.stack.undo()  # the conclusion
    texts.refresh()
    old = texts.conclusion_edit.toPlainText()
    assert old == store.get_approach_texts(1)["conclusion"] and old.startswith("De aanpak Eén Gezin Eén Plan")
    judging.stack.undo()  # the last description field
    texts.refresh()
    assert texts.description_edits["working_method"].toPlainText() == store.get_approach(1).description[
        "working_method"] != "Nieuw: working_method."
    texts.flush()
    store.close()
    data = _on_disk(path)
    assert b"Kanarievogel" not in data and b"Wilhelmina" not in data


def test_recommendations_are_added_edited_moved_and_removed(qtbot, texts, store, judging):
    def stored():
        return [(r.lead, r.text) for r in store.list_recommendations(1)]

    table = texts.table

    def shown():
        return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]

    original = stored()
    assert len(original) == 4 and shown() == original
    changes = []
    texts.changed.connect(lambda: changes.append(1))
    assert table.horizontalHeaderItem(0).text() == "Kern (vetgedrukt)" and table.item(0, 0).font().bold()
    leads = [lead for lead, _ in original]

    qtbot.mouseClick(texts.add_button, LEFT)  # a new row, its lead open for typing; nothing stored yet
    assert table.rowCount() == 5 and stored() == original and not changes
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and table.currentRow() == 4
    qtbot.keyClicks(editor, "Betrek de school.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits the cell queued
    qtbot.waitUntil(lambda: len(stored()) == 5, timeout=3000)
    assert stored()[4] == ("Betrek de school.", "") and changes
    # Every row is anonymised again when the table is saved as a whole; the demo's texts were stored without
    # the anonymiser, so one of them may change: the table shows what is stored, always.
    assert [lead for lead, _ in stored()[:4]] == leads and shown() == stored()
    table.setCurrentCell(4, 1)
    table.editItem(table.item(4, 1))
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, f"Vraag {MOTHER} wie haar steunt.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored()[4][1] != "", timeout=3000)
    assert stored()[4] == ("Betrek de school.", "Vraag [moeder] wie haar steunt.")
    assert table.item(4, 1).text() == "Vraag [moeder] wie haar steunt." and shown() == stored()
    saved = stored()

    table.setCurrentCell(0, 0)
    qtbot.mouseClick(texts.down_button, LEFT)
    assert stored() == [saved[1], saved[0], *saved[2:]] and shown() == stored() and table.currentRow() == 1
    qtbot.mouseClick(texts.up_button, LEFT)
    assert stored() == saved and table.currentRow() == 0

    table.setCurrentCell(0, 1)
    qtbot.mouseClick(texts.remove_button, LEFT)
    assert stored() == saved[1:] and shown() == saved[1:]

    judging.stack.undo()  # the removal
    texts.refresh()
    assert stored() == saved and shown() == saved
    judging.stack.undo()  # the move up
    judging.stack.undo()  # the move down
    judging.stack.undo()  # the second cell
    texts.refresh()
    assert stored() == saved[:4] + [("Betrek de school.", "")] and shown() == stored()

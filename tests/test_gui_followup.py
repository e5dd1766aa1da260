"""The follow-up a year later (vervolgonderzoek) in the window, driven with qtbot on seed 002 (Venlo 2013 and its
follow-up 2014, imported into a fresh database): the follow-up recognisable in the tree and opening its
re-assessment screen, the count line, marks by keyboard and findings typed (both undoable), moving through the
verbeterpunten with the keyboard, the stale year-1 copy refreshed explicitly, the details and the 'Ontwikkeling'
narrative, a follow-up created through the dialog (and undone), and the export (complete, and the draft offered
when verbeterpunten are missing), read back with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from ggsr_desktop.exchange.importer import import_file
from ggsr_desktop.gui.followup_screen import FollowupScreen
from ggsr_desktop.gui.interview_screen import AnonymiserProvider
from ggsr_desktop.gui.main_window import MainWindow
from ggsr_desktop.gui.review_host import AUTHOR_KEY
from ggsr_desktop.models import Mark
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.store import Store
from tests.gui_helpers import show_active

DATA = Path(__file__).parent / "data"
YEAR1, YEAR2 = DATA / "seed002_venlo_2013.json", DATA / "seed002_venlo_2014.json"
LINE = "17 verbeterpunten: 12 opgepakt (✓), 4 nog niet (X), 1 niet vastgesteld (–)"
TITLE = "Uitkomsten verbeterpunten toezichtonderzoek Venlo"
NOT_ESTABLISHED = "aanpak.gezamenlijke-doelen"  # X in 2013, – in 2014
POPULATION = "toeleiding.zicht-op-populatie"  # X in 2013, ✓ in 2014
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(qtbot, tmp_path, catalog, anonymiser):
    store = Store.create(tmp_path / "venlo.sqlite")
    capture = Capture(store, anonymiser)
    year1 = import_file(capture, YEAR1, catalog).approach_id
    year2 = import_file(capture, YEAR2, catalog).approach_id
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    settings.setValue(AUTHOR_KEY, "Inspecteur Vervolg")
    w = MainWindow(store, catalog, anonymiser_provider=AnonymiserProvider(anonymiser), settings=settings)
    show_active(qtbot, w, 1400, 900)
    w.year1, w.year2 = year1, year2
    yield w
    w.close_store()


def _open(window) -> FollowupScreen:
    window.tree.setCurrentItem(window.item_of("approach", window.year2))
    screen = window.followup.screen
    assert isinstance(screen, FollowupScreen) and window.stack.currentWidget() is screen
    return screen


def _line(screen) -> str:
    return screen.progress_label.text()


def test_the_follow_up_is_recognisable_and_opens_its_re_assessment(window, qtbot):
    item = window.item_of("approach", window.year2)
    assert item.text(0) == "Venlo — Sociale wijkteams (vervolg 2014)"
    assert item.toolTip(0) == "Vervolgonderzoek van 'Er op af aanpak vanuit zorgnetwerken' (2013)"
    assert not window.item_of("approach", window.year1).text(0).endswith(")")

    screen = _open(window)
    assert LINE in _line(screen) and screen.progress_line() == LINE
    assert not screen.stale_bar.isVisible()  # year 1 is as it was copied
    assert len(screen.list.point_ids()) == 17
    assert screen.list.headerItem().text(1) == "2013" and screen.list.headerItem().text(2) == "2014"
    assert [screen.tabs.tabText(k).replace("&", "") for k in range(2)] == ["1 Verbeterpunten",
                                                                          "2 Gegevens en ontwikkeling"]
    assert window.export.followup_action.isEnabled() and not window.export.factsheet_action.isEnabled()
    assert not window.followup.create_action.isEnabled()  # a follow-up of a follow-up: no

    screen.choose(POPULATION)
    editor = screen.editor
    assert "De gemeente heeft zicht op de populatie GGSR" in editor.title.text()
    assert editor.year1_finding.toPlainText().startswith("De gemeente heeft geen beeld van de omvang")
    assert editor.year1_finding.isReadOnly() and "X verbeterpunt" in editor.year1_mark.text()
    assert editor.finding.toPlainText().startswith("Er is een doelgroep analyse gemaakt per wijk.")
    assert editor.mark_buttons[Mark.SATISFIED].isChecked()
    assert screen.list.items[POPULATION].text(1) == "X" and screen.list.items[POPULATION].text(2) == "✓"

    window.tree.setCurrentItem(window.item_of("approach", window.year1))  # elsewhere: the details again
    assert window.followup.screen is None and window.stack.currentWidget() is window.detail
    window.review.open(window.year2)  # Ctrl+B on a follow-up opens the re-assessment, not the matrix
    assert window.followup.screen is not None and window.review.screen is None


def test_marks_by_keyboard_update_the_line_and_undo(window, qtbot):
    screen = _open(window)
    screen.choose(NOT_ESTABLISHED)
    screen.list.setFocus()
    qtbot.keyClick(screen.list, Qt.Key.Key_1, CTRL)  # ✓ opgepakt
    assert window.store.get_judgement(window.year2, NOT_ESTABLISHED).mark is Mark.SATISFIED
    assert screen.progress_line() == "17 verbeterpunten: 13 opgepakt (✓), 4 nog niet (X), 0 niet vastgesteld (–)"
    assert screen.progress_line() in _line(screen)
    assert screen.list.items[NOT_ESTABLISHED].text(2) == "✓"
    assert screen.editor.mark_buttons[Mark.SATISFIED].isChecked()

    qtbot.keyClick(screen.list, Qt.Key.Key_0, CTRL)  # no mark: the point is missing, shown as '?'
    assert screen.list.items[NOT_ESTABLISHED].text(2) == "?"
    assert screen.progress_line().endswith(", 1 nog te beoordelen")

    window.undo()
    window.undo()
    assert window.store.get_judgement(window.year2, NOT_ESTABLISHED).mark is Mark.NOT_ESTABLISHED
    assert screen.progress_line() == LINE and screen.list.items[NOT_ESTABLISHED].text(2) == "–"
    assert screen.editor.mark_buttons[Mark.NOT_ESTABLISHED].isChecked()


def test_the_keyboard_moves_through_the_verbeterpunten(window, qtbot):
    screen = _open(window)
    ids = screen.list.point_ids()
    screen.choose(ids[2])  # the last of 'Toeleiding'
    screen.list.setFocus()
    qtbot.keyClick(screen.list, Qt.Key.Key_Down)  # over the heading 'De aanpak'
    assert screen.indicator_id == ids[3] == NOT_ESTABLISHED
    qtbot.keyClick(screen.list, Qt.Key.Key_Up)
    assert screen.indicator_id == ids[2]
    screen.editor.finding.setFocus()
    qtbot.keyClick(screen.editor.finding, Qt.Key.Key_Down, ALT)  # also while typing
    assert screen.indicator_id == ids[3] and "gezamenlijke doelen" in screen.editor.title.text()
    qtbot.keyClick(screen.editor.finding, Qt.Key.Key_Up, ALT)
    assert screen.indicator_id == ids[2]
    screen.list.setFocus()
    qtbot.keyClick(screen.list, Qt.Key.Key_Return)  # Enter: to the finding
    assert screen.editor.finding.hasFocus()


def test_a_typed_finding_is_saved_and_undone(window, qtbot):
    screen = _open(window)
    screen.choose(POPULATION)
    before = window.store.get_judgement(window.year2, POPULATION).finding
    finding = screen.editor.finding
    finding.setFocus()
    finding.moveCursor(finding.textCursor().MoveOperation.End)
    qtbot.keyClicks(finding, " Zie de wijkanalyse.")
    qtbot.waitUntil(lambda: window.store.get_judgement(window.year2, POPULATION).finding.endswith(
        "Zie de wijkanalyse."), timeout=5000)  # saved while typing, after a pause
    window.undo()  # the stretch of typing is one step
    assert window.store.get_judgement(window.year2, POPULATION).finding == before
    assert finding.toPlainText() == before
    window.redo()
    assert finding.toPlainText().endswith("Zie de wijkanalyse.")


def test_a_changed_year_1_is_offered_for_refresh(window, qtbot):
    screen = _open(window)
    screen.choose(POPULATION)
    window.ready_capture()
    judging = window.session.judging(window.year1, "Inspecteur Vervolg")
    window.operations.perform(lambda: judging.set_finding(POPULATION, "Geen beeld van de doelgroep."))
    assert screen.stale_bar.isVisible()
    assert "Het eerste jaar is gewijzigd sinds de kopie" in screen.stale_label.text()
    assert screen.editor.year1_finding.toPlainText().startswith("De gemeente heeft geen beeld")  # frozen
    screen.refresh_button.click()
    assert not screen.stale_bar.isVisible()
    assert screen.editor.year1_finding.toPlainText() == "Geen beeld van de doelgroep."
    window.undo()  # the refresh is undoable
    assert screen.stale_bar.isVisible()
    assert screen.editor.year1_finding.toPlainText().startswith("De gemeente heeft geen beeld")


def test_details_and_development_are_saved_and_undone(window, qtbot):
    screen = _open(window)
    screen.tabs.setCurrentIndex(1)
    details = screen.details
    month = details.fields["month"]
    assert month.text() == "Juni 2015" and details.fields["event_date"].text() == "13-01-2015"
    assert details.documents.rowCount() == 2 and len(details.parts) == 3
    assert details.development_box.title() == "Ontwikkeling 2014"
    month.setFocus()
    month.selectAll()
    qtbot.keyClicks(month, "Juli 2015")
    details.flush()
    assert window.store.get_followup(window.year2).month == "Juli 2015"
    date = details.fields["event_date"]
    date.setText("32-01-2015")
    date.editingFinished.emit()
    assert "geen datum" in screen.notice.text() and window.store.get_followup(window.year2).event_date == "2015-01-13"
    date.setText("14-1-2015")
    date.editingFinished.emit()
    assert window.store.get_followup(window.year2).event_date == "2015-01-14"
    window.undo()
    window.undo()
    assert window.store.get_followup(window.year2).month == "Juni 2015" and month.text() == "Juni 2015"

    details.add_part()
    part = details.parts[-1]
    part.heading.setText("Monitoring")
    part.text.setPlainText("De gemeente monitort de wijkteams per kwartaal.")
    details.flush()
    development = window.store.get_followup(window.year2).development
    assert len(development) == 4 and development[-1].heading == "Monitoring"
    window.undo()
    assert len(window.store.get_followup(window.year2).development) == 3 and len(details.parts) == 3

    name = details.name
    name.setText("Sociale wijkteams Venlo")
    name.editingFinished.emit()  # the current name: the tree shows it, the screen stays
    assert window.item_of("approach", window.year2).text(0) == "Venlo — Sociale wijkteams Venlo (vervolg 2014)"
    assert window.followup.screen is screen and "Sociale wijkteams Venlo" in screen.title.text()


def test_a_follow_up_is_created_through_the_dialog_and_undone(window, qtbot):
    window.tree.setCurrentItem(window.item_of("approach", window.year1))
    assert window.followup.create_action.isEnabled()
    window.followup.create_action.trigger()
    dialog = window.followup.dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "Vervolgonderzoek aanmaken"
    assert dialog.name.text() == "Er op af aanpak vanuit zorgnetwerken"  # default: the year-1 name
    dialog.year1.setText("")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.followup.dialog is dialog and "mag niet leeg zijn" in dialog.error.text()  # input kept
    dialog.name.setText("Wijkteams")
    dialog.year1.setText("2013")
    dialog.year2.setText("2014")
    dialog.month.setText("Juni 2015")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.followup.dialog is None
    made = max(window.store.followup_ids())
    assert window.store.followup_ids() == {window.year2, made}
    assert window.item_of("approach", made).text(0) == "Venlo — Wijkteams (vervolg 2014)"
    screen = window.followup.screen
    assert screen is not None and screen.approach_id == made  # selected, its re-assessment open
    assert screen.progress_line() == ("17 verbeterpunten: 0 opgepakt (✓), 0 nog niet (X), 0 niet vastgesteld (–), "
                                      "17 nog te beoordelen")
    assert screen.list.items[POPULATION].text(2) == "?"

    window.undo_action.trigger()  # Ctrl+Z takes it away again
    assert window.store.followup_ids() == {window.year2}
    assert window.item_of("approach", made) is None
    assert window.followup.screen is None or window.followup.screen.approach_id != made


def test_export_from_the_file_menu(window, qtbot, tmp_path, monkeypatch):
    _open(window)
    asked = {}

    def save_name(_parent, _title, start, _filter):
        asked["start"] = start
        return str(tmp_path / "vervolg"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window.export.followup_action.trigger()
    qtbot.waitUntil(lambda: window.export.last_result is not None, timeout=20_000)
    assert asked["start"].endswith(f"{TITLE} Sociale wijkteams.docx")
    out = tmp_path / "vervolg.docx"
    assert window.export.last_result.path == out and out.is_file()
    assert not window.export.worker.thread.is_alive()  # written on the worker thread
    box = window.export.dialog
    assert box.objectName() == "exportDone" and LINE in box.text()
    box.done(0)
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    title = next(p for p in document.paragraphs if p.text == TITLE)
    assert title.style.name == "Title"
    assert "Aanpak: Sociale wijkteams" in texts and "(2013: Er op af aanpak vanuit zorgnetwerken)" in texts
    assert [[c.text for c in t.rows[0].cells] for t in document.tables] == [["Indicator", "2013", "2014"]] * 4


def test_missing_re_assessments_offer_a_draft(window, qtbot, tmp_path):
    screen = _open(window)
    screen.choose(POPULATION)
    screen.list.setFocus()
    qtbot.keyClick(screen.list, Qt.Key.Key_0, CTRL)  # not re-assessed
    assert window.store.get_judgement(window.year2, POPULATION).mark is None
    out = tmp_path / "concept.docx"
    window.export.export("followup", out)
    box = window.export.dialog
    assert box.objectName() == "exportMissing" and not out.exists()
    assert "De gemeente heeft zicht op de populatie GGSR" in box.text()
    buttons = {b.text().replace("&", ""): b for b in box.buttons()}
    assert set(buttons) == {"Concept exporteren", "Annuleren"}
    buttons["Concept exporteren"].click()
    qtbot.waitUntil(lambda: window.export.last_result is not None, timeout=20_000)
    done = window.export.dialog
    assert done.objectName() == "exportDone" and "concept" in done.text()
    done.done(0)
    cells = [c.text for t in docx.Document(str(out)).tables for row in t.rows for c in row.cells]
    assert "[nog te beoordelen]" in cells

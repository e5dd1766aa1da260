"""The review screen on the demo study, through the real main window, widgets, store and anonymiser: the matrix,
drill-down to a cell's quotes, search and filters, opening a quote in its interview, recoding, marking, the
finding (anonymised, saved while typing), the proposal, highlighting and section grouping, history and undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.evidence.findings import propose
from ggsr_desktop.evidence.matrix import evidence_matrix
from ggsr_desktop.exchange.demo import write_demo
from ggsr_desktop.gui.evidence_view import CELL_ROLE
from ggsr_desktop.gui.interview_screen import AnonymiserProvider
from ggsr_desktop.gui.main_window import MainWindow
from ggsr_desktop.gui.review_host import AUTHOR_KEY
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.store import Store
from tests.gui_helpers import activate, show_active

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
NETWORK_ROLE = "gezin-centraal.netwerk-rol"
MOTHER = "Wilhelmina Kanarievogel"


@pytest.fixture
def demo(tmp_path, catalog, anonymiser):
    db = tmp_path / "demo.sqlite"
    write_demo(db, catalog)
    with Store.open(db) as store:  # a known person, so that a typed name must be replaced
        Capture(store, anonymiser).add_person(store.list_cases(1)[0].id, Person("moeder", MOTHER))
    return db


@pytest.fixture
def window(qtbot, demo, catalog, anonymiser, tmp_path):
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    settings.setValue(AUTHOR_KEY, "Inspecteur De Vries")
    window = MainWindow(Store.open(demo), catalog, anonymiser_provider=AnonymiserProvider(anonymiser),
                        settings=settings)
    yield show_active(qtbot, window, 1500, 950)
    window.close_store()


@pytest.fixture
def screen(qtbot, window):
    window.tree.setCurrentItem(window.item_of("approach", 1))
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_B, CTRL)  # Onderzoek › Bewijs beoordelen en oordelen
    screen = window.review.screen
    assert screen is not None and window.stack.currentWidget() is screen
    return screen


def _click_cell(qtbot, screen, indicator_id, case_id):
    view = screen.view
    index = view.model_.indexFromItem(view.cells[(indicator_id, case_id)])
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def _case_ids(store):
    return [c.id for c in store.list_cases(1)]


def test_matrix_shows_every_indicator_and_case_with_the_stored_counts(screen, window, case_framework):
    store = window.store
    matrix = evidence_matrix(store, case_framework, 1)
    cells = screen.view.cells
    assert len(cells) == 33 * 3
    for (indicator_id, case_id), item in cells.items():
        shown = item.data(CELL_ROLE)
        assert shown == matrix.cell(indicator_id, case_id)
    assert [screen.view.model_.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Indicator", "Gezin A", "Gezin B", "Gezin C", "Oordeel"]
    assert screen.view.marks[NETWORK_ROLE].text() == "X"
    assert "Beoordeeld 33 van 33" in screen.progress_button.text()


def test_a_cell_shows_its_quotes_and_a_search_covers_the_approach(qtbot, screen, window):
    store = window.store
    case_a = _case_ids(store)[0]
    _click_cell(qtbot, screen, NETWORK_ROLE, case_a)
    assert screen.indicator_id == NETWORK_ROLE and screen.case_id == case_a
    expected = store.find_quotes(1, indicator_id=NETWORK_ROLE, case_id=case_a)
    assert [q.id for q in screen.quotes.model.quotes] == [q.id for q in expected] and expected
    assert "Gezin A" in screen.quotes.title.text() and f"{len(expected)} citaten" in screen.quotes.title.text()
    assert "sociale netwerk een rol" in screen.editor.title.text()

    qtbot.keyClick(screen, Qt.Key.Key_F, CTRL)
    assert screen.quotes.search.hasFocus()
    qtbot.keyClicks(screen.quotes.search, "wachtlijst")
    qtbot.waitUntil(lambda: "wachtlijst" in screen.quotes.title.text(), timeout=3000)
    found = screen.quotes.model.quotes
    assert found and all("wachtlijst" in q.text.lower() for q in found)
    assert {store.get_case(store.get_interview(q.interview_id).case_id).id for q in found} == set(_case_ids(store))
    screen.quotes.source.setCurrentIndex(screen.quotes.source.findData("regisseur"))
    regisseur = screen.quotes.model.quotes
    assert regisseur and len(regisseur) < len(found)
    assert all(store.get_interview(q.interview_id).role == "regisseur" for q in regisseur)
    screen.quotes.search.clear()
    screen.quotes.source.setCurrentIndex(0)
    screen.quotes.stance.setCurrentIndex(screen.quotes.stance.findData("positief"))
    qtbot.waitUntil(lambda: "Gezin A" in screen.quotes.title.text(), timeout=3000)  # back on the cell
    assert screen.quotes.model.quotes == [] or all(
        any(c.stance == "positief" for c in q.codings) for q in screen.quotes.model.quotes)


def test_enter_opens_the_quote_in_its_interview(qtbot, screen, window):
    case_a = _case_ids(window.store)[0]
    _click_cell(qtbot, screen, NETWORK_ROLE, case_a)
    screen.quotes.list.setFocus()
    quote = screen.quotes.model.quotes[1]
    screen.quotes.select_quote(quote.id)
    qtbot.keyClick(screen.quotes.list, Qt.Key.Key_Return)
    interview = window.interview_screen
    assert window.review.screen is None and interview is not None
    assert interview.interview.id == quote.interview_id and interview.quote_list.current_quote_id() == quote.id


def test_recode_a_quote_from_the_matrix(qtbot, screen, window, case_framework):
    store = window.store
    case_a = _case_ids(store)[0]
    _click_cell(qtbot, screen, NETWORK_ROLE, case_a)
    before = screen.view.cells[(NETWORK_ROLE, case_a)].data(CELL_ROLE).total
    quote = screen.quotes.model.quotes[0]
    screen.quotes.select_quote(quote.id)
    screen.quotes.list.setFocus()
    qtbot.keyClick(screen.quotes.list, Qt.Key.Key_R, CTRL)
    dialog = screen.recode_dialog
    target = "continu.nazorg"
    for row in range(dialog.list.count()):
        item = dialog.list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == NETWORK_ROLE:
            item.setCheckState(Qt.CheckState.Unchecked)
    qtbot.keyClicks(dialog.filter, "nazorg")
    visible = [dialog.list.item(r) for r in range(dialog.list.count()) if not dialog.list.item(r).isHidden()]
    assert [i.data(Qt.ItemDataRole.UserRole) for i in visible] == [target] or target in [
        i.data(Qt.ItemDataRole.UserRole) for i in visible]
    next(i for i in visible if i.data(Qt.ItemDataRole.UserRole) == target).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    codings = {c.indicator_id for c in store.get_quote(quote.id).codings}
    assert target in codings and NETWORK_ROLE not in codings
    assert screen.view.cells[(NETWORK_ROLE, case_a)].data(CELL_ROLE).total == before - 1
    assert quote.id not in [q.id for q in screen.quotes.model.quotes]
    screen.undo()
    assert NETWORK_ROLE in {c.indicator_id for c in store.get_quote(quote.id).codings}
    assert screen.view.cells[(NETWORK_ROLE, case_a)].data(CELL_ROLE).total == before


def test_mark_finding_highlight_history_and_undo(qtbot, screen, window, demo):
    store = window.store
    indicator = "toeleiding.directe-start"
    _click_cell(qtbot, screen, indicator, _case_ids(store)[1])
    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_2, CTRL)
    assert store.get_judgement(1, indicator).mark.value == "verbeterpunt"
    assert screen.view.marks[indicator].text() == "X" and screen.editor.mark_buttons["verbeterpunt"].isChecked()

    qtbot.keyClick(screen, Qt.Key.Key_E, CTRL)
    assert screen.editor.finding.hasFocus()
    screen.editor.finding.selectAll()
    qtbot.keyClicks(screen.editor.finding, f"Volgens {MOTHER} duurde de start te lang.")
    qtbot.waitUntil(lambda: store.get_judgement(1, indicator).finding.startswith("Volgens [moeder]"), timeout=4000)
    screen.view.setFocus()  # leaving the field shows the stored (anonymised) text
    qtbot.waitUntil(lambda: screen.editor.finding.toPlainText() == "Volgens [moeder] duurde de start te lang.",
                    timeout=3000)

    qtbot.keyClick(screen.view, Qt.Key.Key_G, ALT)
    assert store.get_judgement(1, indicator).highlight.value == "groen"
    assert screen.editor.section.isEnabled()
    history = store.judgement_history(1, indicator)
    assert {h.author for h in history[-3:]} == {"Inspecteur De Vries"}
    assert [list(h.new) for h in history[-3:]] == [["mark"], ["finding"], ["highlight"]]

    qtbot.keyClick(screen.view, Qt.Key.Key_H, CTRL)
    table = screen.history_dialog.table
    assert table.rowCount() == sum(len(h.new) for h in history)  # a row per changed field
    assert table.item(table.rowCount() - 1, 1).text() == "Inspecteur De Vries"
    screen.history_dialog.reject()

    for _ in range(3):
        qtbot.keyClick(screen.view, Qt.Key.Key_Z, CTRL)
    j = store.get_judgement(1, indicator)
    assert j.mark.value == "niet_vastgesteld" and j.highlight.value == "geen" and not j.finding.startswith("Volgens")
    assert screen.view.marks[indicator].text() == "–"
    qtbot.keyClick(screen.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert store.get_judgement(1, indicator).mark.value == "verbeterpunt"
    window.close_store()
    data = b"".join(Path(f"{demo}{s}").read_bytes() for s in ("", "-wal") if Path(f"{demo}{s}").exists())
    assert b"Kanarievogel" not in data and b"Wilhelmina" not in data


def test_proposal_asks_before_replacing_written_text(qtbot, screen, window, case_framework):
    store = window.store
    indicator = "aanpak.gezamenlijke-evaluatie"
    written = store.get_judgement(1, indicator).finding
    assert written
    screen.choose(indicator, 0)

    def answer(which):
        box = screen.proposal_box
        button = next(b for b in box.buttons() if b.text().replace("&", "") == which)
        button.click()

    QTimer.singleShot(200, lambda: answer("Annuleren"))
    screen.propose()
    assert store.get_judgement(1, indicator).finding == written  # nothing overwritten
    activate(qtbot, window)  # a window manager does this when the question closes
    screen.view.setFocus()
    QTimer.singleShot(200, lambda: answer("Vervangen"))
    qtbot.keyClick(screen.view, Qt.Key.Key_P, CTRL)
    j = store.get_judgement(1, indicator)
    matrix = evidence_matrix(store, case_framework, 1)
    proposal = propose(matrix.row(indicator), "gezinscoach")
    assert j.finding == proposal.text != written and j.mark is proposal.mark
    assert screen.editor.finding.toPlainText() == j.finding
    screen.undo()
    assert store.get_judgement(1, indicator).finding == written


def test_highlight_and_group_into_a_section(qtbot, screen, window):
    store = window.store
    indicator = "gezin-centraal.netwerk-in-kaart"  # red-judged in the demo, but not highlighted
    screen.choose(indicator, 0)
    qtbot.keyClick(screen.view, Qt.Key.Key_R, ALT)
    assert store.get_judgement(1, indicator).highlight.value == "rood"
    combo = screen.editor.section
    network = next(s for s in store.list_sections(1) if "netwerk" in s.title)
    assert combo.isEnabled() and combo.findData(network.id) >= 0
    assert combo.currentData() == 0  # in no section yet
    assert indicator in screen.progress().highlighted_outside_sections
    combo.setCurrentIndex(combo.findData(network.id))
    combo.activated.emit(combo.currentIndex())
    assert indicator in store.get_section(network.id).indicator_ids
    assert screen.progress().highlighted_outside_sections == []
    assert screen.editor.section.currentData() == network.id
    screen.undo()
    assert indicator not in store.get_section(network.id).indicator_ids


def test_space_selects_an_illustrative_quote(qtbot, screen, window):
    store = window.store
    case_b = _case_ids(store)[1]
    _click_cell(qtbot, screen, NETWORK_ROLE, case_b)
    before = store.get_judgement(1, NETWORK_ROLE).quote_ids
    quote = screen.quotes.model.quotes[0]
    screen.quotes.select_quote(quote.id)
    screen.quotes.list.setFocus()
    qtbot.keyClick(screen.quotes.list, Qt.Key.Key_Space)
    assert store.get_judgement(1, NETWORK_ROLE).quote_ids == (*before, quote.id)
    assert screen.editor.illustrative.count() == len(before) + 1
    assert "illustratief" in screen.quotes.model.data(screen.quotes.model.index(0), Qt.ItemDataRole.UserRole + 1)
    qtbot.keyClick(screen.quotes.list, Qt.Key.Key_Space)
    assert store.get_judgement(1, NETWORK_ROLE).quote_ids == before

"""The interview screen driven through its real widgets, on a real store file and the real anonymiser."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.exchange.demo import write_demo
from ggsr_desktop.gui.interview_screen import AnonymiserProvider, InterviewScreen
from ggsr_desktop.gui.main_window import MainWindow
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.store import Store

NAME = "Wilhelmina Kanarievogel"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def setup(store, anonymiser):
    study = store.add_study("S", "casusniveau")
    case = store.add_case(store.add_approach(study.id, "Wadlo", "Aanpak").id, "Gezin A")
    family = store.add_interview(case.id, "gezin")
    regisseur = store.add_interview(case.id, "regisseur")
    Capture(store, anonymiser).add_person(case.id, Person("moeder", NAME))
    return family.id, regisseur.id


def _screen(qtbot, store, framework, interview_id, anonymiser):
    """The screen shown and focused; `anonymiser` may also be a provider (one that failed, say)."""
    provider = anonymiser if isinstance(anonymiser, AnonymiserProvider) else AnonymiserProvider(anonymiser)
    screen = InterviewScreen(store, framework, interview_id, provider)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    screen.editor.setFocus()
    return screen


@pytest.fixture
def screen(qtbot, store, case_framework, setup, anonymiser):
    return _screen(qtbot, store, case_framework, setup[0], anonymiser)


def _type_and_enter(qtbot, screen, text):
    qtbot.keyClicks(screen.editor, text)
    qtbot.keyClick(screen.editor, Qt.Key.Key_Return)


def _question_item(screen, indicator_id):
    item = screen.guide.indicator_items[indicator_id]
    return item.child(0) if item.childCount() else item


def _on_disk(db_path: Path) -> bytes:
    return b"".join(Path(f"{db_path}{s}").read_bytes() for s in ("", "-wal") if Path(f"{db_path}{s}").exists())


def test_editor_has_focus_and_widgets_are_named(screen):
    assert screen.editor.hasFocus()
    for name in ("guideTree", "quoteEditor", "quoteList", "indicatorPicker", "coverageView"):
        widget = screen.findChild(object, name)
        assert widget is not None and widget.accessibleName(), name


def test_every_interactive_widget_of_the_window_is_named(qtbot, tmp_path, catalog, anonymiser):
    """objectName and accessibleName on every control the inspector can reach (not Qt's own parts of a control:
    a view's header, a spin box's line edit, a line edit's clear button)."""
    db = tmp_path / "demo.sqlite"
    write_demo(db, catalog)
    window = MainWindow(Store.open(db), catalog, demo=True, anonymiser_provider=AnonymiserProvider(anonymiser))
    qtbot.addWidget(window)
    window.show()
    controls = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QAbstractSpinBox)

    def part_of_a_control(widget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, (QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView)):
                return True
            parent = parent.parentWidget()
        return widget.objectName().startswith("qt_")

    checked = [w for w in window.findChildren(QWidget) if isinstance(w, controls) and not isinstance(w, QHeaderView)
               and not part_of_a_control(w)]
    assert len(checked) >= 15
    unnamed = [(type(w).__name__, w.objectName()) for w in checked if not w.objectName() or not w.accessibleName()]
    assert unnamed == []
    window.close_store()


def test_enter_saves_anonymised_and_coded_to_the_guide_question(qtbot, screen, store, setup, case_framework,
                                                                db_path):
    indicator = next(i for i in case_framework.indicators if i.questions.get("gezin"))
    screen.guide.setCurrentItem(_question_item(screen, indicator.id))
    assert screen.current_indicator == indicator.id
    assert indicator.id in screen.indicator_label.text()
    _type_and_enter(qtbot, screen, f"{NAME} zegt dat het goed gaat.")
    [quote] = store.list_quotes(setup[0])
    assert quote.text == "[moeder] zegt dat het goed gaat."
    assert [(c.indicator_id, c.stance) for c in quote.codings] == [(indicator.id, "neutraal")]
    assert screen.editor.toPlainText() == ""
    assert "opgeslagen om" in screen.status.text() and "1 citaten" in screen.status.text()
    assert screen.quote_list.count() == 1
    html = screen.quote_list.item(0).data(Qt.ItemDataRole.UserRole + 1)
    assert "[moeder]" in html and "background-color" in html  # the placeholder is highlighted
    assert screen.guide.indicator_items[indicator.id].text(1) == "✓ 1"
    store.close()
    data = _on_disk(db_path)
    assert b"Kanarievogel" not in data and b"Wilhelmina" not in data


def test_shift_enter_is_a_new_line_and_empty_text_does_nothing(qtbot, screen, store, setup):
    qtbot.keyClick(screen.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(screen.editor, "eerste regel")
    qtbot.keyClick(screen.editor, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClicks(screen.editor, "tweede regel")
    assert store.list_quotes(setup[0]) == []
    assert screen.editor.toPlainText() == "eerste regel\ntweede regel"
    qtbot.keyClick(screen.editor, Qt.Key.Key_Return)
    assert [q.text for q in store.list_quotes(setup[0])] == ["eerste regel\ntweede regel"]


def test_without_indicator_the_quote_is_uncoded(qtbot, screen, store, setup):
    assert "nog te coderen" in screen.indicator_label.text()
    _type_and_enter(qtbot, screen, "Niemand belt terug.")
    [quote] = store.list_quotes(setup[0])
    assert quote.codings == ()
    assert screen.uncoded == 1 and "1 nog te coderen" in screen.list_title.text()


def test_a_full_disk_keeps_the_text_and_the_next_enter_saves_once(qtbot, screen, store, setup):
    text = "Lang verhaal over de schuldhulp. " * 800
    screen.editor.setPlainText(text)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    qtbot.keyClick(screen.editor, Qt.Key.Key_Return)
    assert store.list_quotes(setup[0]) == []
    assert screen.editor.toPlainText() == text
    assert "NIET opgeslagen" in screen.notice.text() and screen.notice.isVisible()
    assert "opgeslagen om" not in screen.status.text()
    store.db.execute("PRAGMA max_page_count = 1073741823")
    qtbot.keyClick(screen.editor, Qt.Key.Key_Return)
    assert [q.text for q in store.list_quotes(setup[0])] == [text.strip()]
    assert screen.editor.toPlainText() == "" and "opgeslagen om" in screen.status.text()


def test_kind_and_stance_shortcuts(qtbot, screen, store, setup, case_framework):
    indicator = case_framework.indicators[2]
    screen.set_current_indicator(indicator.id)
    qtbot.keyClick(screen.editor, Qt.Key.Key_2, CTRL)
    qtbot.keyClick(screen.editor, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert screen.kind == "parafrase" and screen.stance == "negatief"
    assert screen.kind_buttons["parafrase"].isChecked() and screen.stance_buttons["negatief"].isChecked()
    _type_and_enter(qtbot, screen, "Moeder vindt de hulp te laat.")
    [quote] = store.list_quotes(setup[0])
    assert quote.kind == "parafrase" and [(c.indicator_id, c.stance) for c in quote.codings] == [
        (indicator.id, "negatief")]


def test_picker_adds_an_extra_indicator(qtbot, screen, store, setup, case_framework):
    first, extra = case_framework.indicators[0], case_framework.indicators[5]
    screen.set_current_indicator(first.id)
    word = next(w for w in extra.text.split() if len(w) > 6)
    qtbot.keyClicks(screen.picker, word[:5])
    assert screen.picker.ids
    label = next(t for t, i in screen.picker.ids.items() if i == extra.id)
    screen.completer.activated.emit(label)
    assert screen.extra_indicators == [extra.id] and screen.extras_label.isVisibleTo(screen)
    _type_and_enter(qtbot, screen, "Het plan is samen gemaakt.")
    [quote] = store.list_quotes(setup[0])
    assert {c.indicator_id for c in quote.codings} == {first.id, extra.id}
    assert screen.extra_indicators == []


def test_undo_redo_delete_and_recode_through_the_keyboard(qtbot, screen, store, setup, case_framework):
    a, b = case_framework.indicators[0].id, case_framework.indicators[1].id
    screen.set_current_indicator(a)
    _type_and_enter(qtbot, screen, "Eerste citaat.")
    _type_and_enter(qtbot, screen, "Tweede citaat.")
    assert len(store.list_quotes(setup[0])) == 2
    qtbot.keyClick(screen.editor, Qt.Key.Key_Z, CTRL)  # the editor is empty: undoes the last save
    assert [q.text for q in store.list_quotes(setup[0])] == ["Eerste citaat."]
    assert screen.quote_list.count() == 1
    qtbot.keyClick(screen.editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [q.text for q in store.list_quotes(setup[0])] == ["Eerste citaat.", "Tweede citaat."]

    screen.quote_list.setFocus()
    screen.quote_list.setCurrentRow(1)  # newest first: row 1 is the first quote
    first_id = screen.quote_list.current_quote_id()
    screen.set_current_indicator(b)
    qtbot.keyClick(screen.quote_list, Qt.Key.Key_R, CTRL)
    assert [c.indicator_id for c in store.get_quote(first_id).codings] == [b]
    qtbot.keyClick(screen.quote_list, Qt.Key.Key_Delete)
    assert [q.text for q in store.list_quotes(setup[0])] == ["Tweede citaat."]
    qtbot.keyClick(screen.quote_list, Qt.Key.Key_Z, CTRL)
    assert [q.text for q in store.list_quotes(setup[0])] == ["Eerste citaat.", "Tweede citaat."]
    assert "citaat verwijderen" in screen.notice.text()
    qtbot.keyClick(screen.quote_list, Qt.Key.Key_Z, CTRL)  # the recode
    assert [c.indicator_id for c in store.get_quote(first_id).codings] == [a]


def test_typing_is_undone_before_quote_actions(qtbot, screen, store, setup):
    _type_and_enter(qtbot, screen, "Opgeslagen.")
    qtbot.keyClicks(screen.editor, "getypt")
    qtbot.keyClick(screen.editor, Qt.Key.Key_Z, CTRL)
    assert len(store.list_quotes(setup[0])) == 1  # Ctrl+Z undid the typing, not the save


def test_coverage_counts_sources_and_filters(qtbot, store, setup, case_framework, anonymiser, screen):
    indicator = case_framework.indicators[0]
    item = screen.coverage.item_for(indicator.id)
    assert item.text(0).endswith("nog geen bewijs")
    screen.set_current_indicator(indicator.id)
    _type_and_enter(qtbot, screen, "Gezin zegt iets.")
    _type_and_enter(qtbot, screen, "Nog iets.")
    assert "nog geen bewijs" not in item.text(0) and item.text(1) == "2" and item.text(2) == "·"
    other = _screen(qtbot, store, case_framework, setup[1], anonymiser)  # the regisseur, same case
    other.set_current_indicator(indicator.id)
    _type_and_enter(qtbot, other, "De regisseur zegt iets.")
    assert other.coverage.item_for(indicator.id).text(2) == "1"
    assert other.coverage.item_for(indicator.id).text(1) == "2"

    screen.set_current_indicator(None)
    _type_and_enter(qtbot, screen, "Niet gecodeerd.")
    assert screen.quote_list.count() == 3
    rect = screen.coverage.visualItemRect(item)
    qtbot.mouseClick(screen.coverage.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.filter_indicator == indicator.id and screen.quote_list.count() == 2
    assert screen.guide.currentItem() is screen.guide.indicator_items[indicator.id]
    assert screen.clear_filter_button.isVisibleTo(screen)
    screen.clear_filter_button.click()
    assert screen.quote_list.count() == 3


def test_draft_is_kept_anonymised_and_offered_back(qtbot, store, setup, case_framework, anonymiser, screen):
    assert screen.draft_timer.interval() <= 5000
    qtbot.keyClicks(screen.editor, f"{NAME} vertelt over")
    screen.save_draft()  # what the timer does every few seconds
    assert store.get_draft(setup[0]) == "[moeder] vertelt over"
    screen.flush()
    again = _screen(qtbot, store, case_framework, setup[0], anonymiser)
    assert again.editor.toPlainText() == "[moeder] vertelt over"
    assert "teruggezet" in again.notice.text()
    qtbot.keyClicks(again.editor, " de school.")
    qtbot.keyClick(again.editor, Qt.Key.Key_Return)
    assert [q.text for q in store.list_quotes(setup[0])] == ["[moeder] vertelt over de school."]
    assert store.get_draft(setup[0]) is None  # cleared after the save


def test_the_timer_keeps_the_draft(qtbot, screen, store, setup):
    screen.draft_timer.setInterval(50)
    qtbot.keyClicks(screen.editor, "Onaf")
    qtbot.waitUntil(lambda: store.get_draft(setup[0]) == "Onaf", timeout=3000)


def test_typing_before_the_anonymiser_is_ready(qtbot, store, setup, case_framework, anonymiser):
    provider = AnonymiserProvider.pending()  # stands in for the background build
    screen = InterviewScreen(store, case_framework, setup[0], provider)
    qtbot.addWidget(screen)
    screen.show()
    assert "geladen" in screen.notice.text()
    _type_and_enter(qtbot, screen, f"{NAME} belt.")
    assert store.list_quotes(setup[0]) == [] and screen.editor.toPlainText() == f"{NAME} belt."
    provider.deliver(anonymiser)
    assert [q.text for q in store.list_quotes(setup[0])] == ["[moeder] belt."]
    assert screen.editor.toPlainText() == ""


def test_f1_shows_the_shortcuts(qtbot, screen):
    qtbot.keyClick(screen.editor, Qt.Key.Key_F1)
    assert screen.help_box.isVisible() and "Ctrl+Shift+Z" in screen.help_box.text()
    screen.help_box.close()


def test_demo_window_opens_on_the_family_interview(qtbot, tmp_path, catalog, anonymiser):
    db = tmp_path / "demo.sqlite"
    write_demo(db, catalog)
    window = MainWindow(Store.open(db), catalog, demo=True, anonymiser_provider=AnonymiserProvider(anonymiser))
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    screen = window.interview_screen
    assert screen is not None and window.stack.currentWidget() is screen
    first_case = window.store.list_cases(window.store.list_approaches()[0].id)[0]
    assert screen.interview.role == "gezin" and screen.case.id == first_case.id
    assert screen.quote_list.count() == len(window.store.list_quotes(screen.interview.id)) > 0
    QApplication.processEvents()
    assert window.width() < 1500 and not window.tree.isVisibleTo(window)  # a small screen: room for the interview
    window.tree_action.trigger()  # F9
    assert window.tree.isVisibleTo(window) and window.tree.hasFocus() == window.isActiveWindow()
    window.tree_action.trigger()
    assert not window.tree.isVisibleTo(window)
    case_item = window.tree.currentItem().parent()
    window.tree.setCurrentItem(case_item)  # leaving the interview shows the detail pane again, with its tree
    assert window.interview_screen is None and window.stack.currentWidget() is window.detail
    assert window.tree.isVisibleTo(window)
    window.close_store()


def test_many_qt_calls_do_not_exhaust_none(qtbot, screen):
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None per void Qt call (abort after ~10,000 calls);
    pyproject pins it out. Refreshing the screen many times must leave None's count where it was."""
    screen.refresh()
    before = sys.getrefcount(None)
    for _ in range(50):
        screen.refresh()
    for _ in range(20_000):
        screen.setToolTip("x")
    assert sys.getrefcount(None) - before < 1000


def test_f2_edits_through_the_anonymiser_and_undoes(qtbot, screen, store, setup, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    _type_and_enter(qtbot, screen, "Eerste versie.")
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: (f"{NAME} belde gisteren.", True))
    screen.quote_list.setFocus()
    screen.quote_list.setCurrentRow(0)
    qtbot.keyClick(screen.quote_list, Qt.Key.Key_F2)
    assert [q.text for q in store.list_quotes(setup[0])] == ["[moeder] belde gisteren."]
    assert "[moeder]" in screen.quote_list.item(0).text()
    qtbot.keyClick(screen.quote_list, Qt.Key.Key_Z, CTRL)
    assert [q.text for q in store.list_quotes(setup[0])] == ["Eerste versie."]

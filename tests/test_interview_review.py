"""Reviewing the anonymisation in the GUI, through the real widgets, store and anonymiser: put a replaced word
back (retyped), refusal of a known name with the dialog kept open, replace a missed part, confirm, the list of
quotes to check across the approach, and typing on when the anonymiser cannot be loaded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.gui.interview_screen import AnonymiserProvider
from ggsr_desktop.gui.main_window import MainWindow
from ggsr_desktop.ops.capture import Capture
from tests.test_interview_screen import _on_disk, _screen, _type_and_enter

CTRL = Qt.KeyboardModifier.ControlModifier
MOTHER = "Wilhelmina Kanarievogel"


@pytest.fixture
def setup(store, anonymiser):
    study = store.add_study("S", "casusniveau")
    approach = store.add_approach(study.id, "Wadlo", "Aanpak")
    case = store.add_case(approach.id, "Gezin A")
    family = store.add_interview(case.id, "gezin")
    regisseur = store.add_interview(case.id, "regisseur")
    Capture(store, anonymiser).add_person(case.id, Person("moeder", MOTHER))
    return family.id, regisseur.id


@pytest.fixture
def screen(qtbot, store, case_framework, setup, anonymiser):
    return _screen(qtbot, store, case_framework, setup[0], AnonymiserProvider(anonymiser))


def _select(screen, quote_id):
    row = next(r for r in range(screen.quote_list.count())
               if screen.quote_list.item(r).data(Qt.ItemDataRole.UserRole) == quote_id)
    screen.quote_list.setFocus()
    screen.quote_list.setCurrentRow(row)


def _ok(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_a_flagged_replacement_is_put_back_by_retyping(qtbot, screen, store, setup):
    _type_and_enter(qtbot, screen, "We gingen toen naar Xyloberg voor hulp.")
    [quote] = store.list_quotes(setup[0])
    assert quote.needs_review and "Xyloberg" not in quote.text
    html = screen.quote_list.item(0).data(Qt.ItemDataRole.UserRole + 1)
    assert "controleren" in html  # the flagged span is visibly marked
    _select(screen, quote.id)
    qtbot.keyClick(screen.quote_list, Qt.Key.Key_T, CTRL)
    dialog = screen.review_dialog
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.word.hasFocus, timeout=3000)  # typing goes straight into the word field
    flagged = dialog.span_combo.currentData()
    assert quote.spans[flagged].needs_review  # the first span to check is preselected
    qtbot.keyClicks(dialog.word, "Xyloberg")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    after = store.get_quote(quote.id)
    assert after.text == "We gingen toen naar Xyloberg voor hulp." and not after.needs_review
    assert "Ctrl+Z" in screen.notice.text()
    screen.activateWindow()  # a window manager does this when the dialog closes; the offscreen platform does not
    qtbot.waitUntil(screen.isActiveWindow, timeout=3000)
    assert screen.quote_list.hasFocus()
    qtbot.keyClick(screen.quote_list, Qt.Key.Key_Z, CTRL)
    assert store.get_quote(quote.id).text == quote.text


def test_a_known_name_is_refused_and_the_dialog_keeps_its_input(qtbot, screen, store, setup, db_path):
    _type_and_enter(qtbot, screen, f"{MOTHER} zei dat Kees Ottolien niet kwam.")
    [quote] = store.list_quotes(setup[0])
    _select(screen, quote.id)
    screen.revert_selected()
    dialog = screen.review_dialog
    dialog.span_combo.setCurrentIndex(0)  # [moeder]
    qtbot.keyClicks(dialog.word, "Wilhelmina")
    _ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.isVisibleTo(dialog)
    assert "Geweigerd" in dialog.error.text() and "Wilhelmina" not in dialog.error.text()
    assert dialog.word.text() == "Wilhelmina"  # nothing typed is lost
    assert store.get_quote(quote.id) == quote
    dialog.reject()
    store.close()
    assert b"Wilhelmina" not in _on_disk(db_path)


def test_a_missed_part_is_replaced_from_the_selection(qtbot, screen, store, setup):
    _type_and_enter(qtbot, screen, "De buurvrouw heet Grietje, zij helpt soms.")
    [quote] = store.list_quotes(setup[0])
    if "Grietje" not in quote.text:  # the anonymiser caught it: make it miss by storing the text as it is
        quote = store.update_quote(quote.id, text="De buurvrouw heet Grietje, zij helpt soms.", spans=[])
        screen.refresh()
    _select(screen, quote.id)
    qtbot.keyClick(screen.quote_list, Qt.Key.Key_M, CTRL)
    dialog = screen.review_dialog
    _ok(qtbot, dialog)  # nothing selected yet
    assert dialog.isVisible() and "Selecteer" in dialog.error.text()
    start = quote.text.index("Grietje")
    dialog.select(start + 1, start + 4)  # part of the word: the whole word goes
    dialog.placeholder.setCurrentText("persoon")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert store.get_quote(quote.id).text == "De buurvrouw heet [persoon], zij helpt soms."


def test_confirm_and_the_review_only_filter(qtbot, screen, store, setup):
    _type_and_enter(qtbot, screen, "We gingen toen naar Xyloberg voor hulp.")
    _type_and_enter(qtbot, screen, "Het plan is samen gemaakt.")
    flagged, plain = store.list_quotes(setup[0])
    assert flagged.needs_review and not plain.needs_review
    screen.review_toggle.setChecked(True)
    assert screen.quote_list.count() == 1
    _select(screen, flagged.id)
    qtbot.keyClick(screen.quote_list, Qt.Key.Key_K, CTRL)
    assert not store.get_quote(flagged.id).needs_review
    assert screen.quote_list.count() == 0 and "0" in screen.review_toggle.text()
    screen.undo()
    assert store.get_quote(flagged.id).needs_review and screen.quote_list.count() == 1


def test_the_review_list_opens_a_quote_in_its_interview(qtbot, store, setup, catalog, anonymiser, tmp_path):
    family, regisseur = setup
    capture = Capture(store, anonymiser)
    capture.save_quote(family, "Het gaat goed.")
    wanted = capture.save_quote(regisseur, "Daarna belde ik met Xyloberg.")
    assert wanted.needs_review
    window = MainWindow(store, catalog, anonymiser_provider=AnonymiserProvider(anonymiser),
                        settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.prepare.actions["review"].trigger()
    dialog = window.prepare.dialog
    assert dialog.list.count() == 1 and "1 citaten" in dialog.summary.text()
    assert "Regisseur" in dialog.list.item(0).data(Qt.ItemDataRole.UserRole + 1)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    screen = window.interview_screen
    assert screen is not None and screen.interview.id == regisseur
    assert screen.quote_list.current_quote_id() == wanted.id


def test_typing_goes_on_when_the_anonymiser_cannot_be_loaded(qtbot, store, setup, case_framework, db_path):
    provider = AnonymiserProvider.pending()
    provider.fail("woordenlijsten ontbreken")  # as a failed build ends
    screen = _screen(qtbot, store, case_framework, setup[0], provider)
    assert screen.capture is not None and screen.capture.strict
    assert "streng" in screen.notice.text()
    _type_and_enter(qtbot, screen, f"{MOTHER} belde Kees Ottolien op 0612345678.")
    [quote] = store.list_quotes(setup[0])
    assert quote.text == "[moeder] belde [woord] [woord] op [telefoonnummer]." and quote.needs_review
    assert screen.editor.toPlainText() == ""
    store.close()
    data = _on_disk(db_path)
    for name in (b"Wilhelmina", b"Kanarievogel", b"Kees", b"Ottolien", b"0612345678"):
        assert name not in data

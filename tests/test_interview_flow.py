"""A whole interview through the real main window: prepare a case from the menus, plan its interviews, open the
family interview, pick a guide question, save ten quotes with names in them, recode one, delete one and undo,
close the app and open it again. The database is a real encrypted file; the anonymiser is the real one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from ggsr_desktop.gui.interview_screen import AnonymiserProvider
from ggsr_desktop.gui.main_window import MainWindow
from ggsr_desktop.models import Role
from ggsr_desktop.store import database
from tests.conftest import PASSPHRASE
from tests.gui_helpers import activate

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
MOTHER, FATHER, CHILD, TEACHER = "Wilhelmina Kanarievogel", "Bartholomeus Kanarievogel", "Jolijn", "Dorothea Spikker"
QUOTES = [  # what the family says, with names in it; each is saved with Enter
    f"{MOTHER} zegt dat ze het plan samen hebben gemaakt.",
    f"Mijn man {FATHER} was er ook bij.",
    f"{CHILD} mocht zelf vertellen wat ze wilde.",
    "We bellen haar op 06-12345678 als er iets is.",
    f"Juf {TEACHER} van school was niet uitgenodigd.",
    "Wilhelmina vindt dat de hulp eerder had moeten komen.",
    f"{CHILD} gaat nu elke dag naar school.",
    "De schulden zijn nog niet opgelost.",
    "Bartholomeus werkt sinds kort weer.",
    "Niemand heeft gevraagd wie ons kan helpen in de familie.",
]
NAMES = ("Kanarievogel", "Wilhelmina", "Bartholomeus", "Jolijn", "Spikker", "Dorothea", "12345678")


def _settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "ggsr-desktop.ini"), QSettings.Format.IniFormat)


def _window(qtbot, db, catalog, anonymiser, tmp_path) -> MainWindow:
    window = MainWindow(database.open_database(db, PASSPHRASE), catalog,
                        anonymiser_provider=AnonymiserProvider(anonymiser), settings=_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _click_row(qtbot, tree, item) -> None:
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())


def _type_and_enter(qtbot, screen, text) -> None:
    qtbot.keyClicks(screen.editor, text)
    qtbot.keyClick(screen.editor, Qt.Key.Key_Return)


@pytest.fixture
def db(tmp_path):
    database.create_database(tmp_path / "veldwerk.sqlite", PASSPHRASE).close()
    return tmp_path / "veldwerk.sqlite"


def test_a_whole_interview_survives_closing_and_reopening(qtbot, tmp_path, db, catalog, case_framework, anonymiser):
    window = _window(qtbot, db, catalog, anonymiser, tmp_path)
    assert window.interview_screen is None  # an empty database: nothing to reopen

    # ---- prepare: study, approach, case with known persons and planned interviews, all from the menus ----
    window.prepare.actions["study"].trigger()
    qtbot.keyClicks(window.prepare.dialog.name, "GGSR 2027 ronde 1")
    _ok(qtbot, window.prepare.dialog)
    window.prepare.actions["approach"].trigger()
    dialog = window.prepare.dialog
    qtbot.keyClicks(dialog.municipality, "Wadlo")
    qtbot.keyClicks(dialog.name, "Sterk Thuis")
    dialog.label.setCurrentText("procesmanager")
    _ok(qtbot, dialog)
    assert window.selected("approach") is not None

    activate(qtbot, window)
    qtbot.keyClick(window.tree, Qt.Key.Key_N, CTRL | SHIFT)  # Nieuwe casus met gesprekken
    dialog = window.prepare.dialog
    assert dialog is not None and dialog.windowTitle() == "Nieuwe casus"
    qtbot.keyClicks(dialog.code, "Gezin A")
    for row, (role, name) in enumerate((("moeder", MOTHER), ("vader", FATHER), ("kind 1", CHILD))):
        dialog.person_rows[row][0].setCurrentText(role)
        qtbot.keyClicks(dialog.person_rows[row][1], name)
    dialog.professionals[0].setCurrentText("woningcorporatie")
    dialog.professionals[1].setCurrentText("schuldhulpverlening")
    dialog.professionals[2].setCurrentText("onderwijs")
    _ok(qtbot, dialog)
    assert window.prepare.dialog is None
    activate(qtbot, window)

    store = window.store
    [case] = store.list_cases(store.list_approaches()[0].id)
    interviews = store.list_interviews(case.id)
    assert [(iv.role.value, iv.organisation_type) for iv in interviews] == [
        ("gezin", None), ("regisseur", None), ("professional", "woningcorporatie"),
        ("professional", "schuldhulpverlening"), ("professional", "onderwijs"), ("document", None)]
    assert all(iv.status == "gepland" and iv.date for iv in interviews)

    # ---- the family interview is open, the editor has the focus ----
    screen = window.interview_screen
    family = interviews[0]
    assert screen is not None and screen.interview.id == family.id and screen.interview.role is Role.FAMILY
    assert window.tree.currentItem().text(0) == "Gezin"
    assert "Procesmanager" in [window.tree.currentItem().parent().child(i).text(0) for i in range(6)]
    assert screen.editor.hasFocus()

    plan_indicator, network_indicator = _indicators_with_family_questions(case_framework)
    _click_row(qtbot, screen.guide, screen.guide.indicator_items[plan_indicator].child(0))
    assert screen.current_indicator == plan_indicator
    screen.editor.setFocus()
    for text in QUOTES[:5]:
        _type_and_enter(qtbot, screen, text)
    _click_row(qtbot, screen.guide, screen.guide.indicator_items[network_indicator].child(0))
    screen.editor.setFocus()
    qtbot.keyClick(screen.editor, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # negatief
    for text in QUOTES[5:]:
        _type_and_enter(qtbot, screen, text)

    quotes = store.list_quotes(family.id)
    assert len(quotes) == 10 and screen.quote_list.count() == 10
    assert quotes[0].text == "[moeder] zegt dat ze het plan samen hebben gemaakt."
    assert quotes[1].text == "Mijn man [vader] was er ook bij."
    assert quotes[3].text == "We bellen haar op [telefoonnummer] als er iets is."
    for quote in quotes:
        assert not any(name in quote.text for name in NAMES), quote.text
    assert {c.indicator_id for q in quotes[:5] for c in q.codings} == {plan_indicator}
    assert {(c.indicator_id, c.stance) for q in quotes[5:] for c in q.codings} == {(network_indicator, "negatief")}
    assert store.get_interview(family.id).status == "bezig"  # the first quote started it
    assert window.tree.currentItem().text(1) == "bezig"

    # ---- recode one, delete one, undo the delete ----
    screen.quote_list.setFocus()
    recoded = quotes[7]  # 'De schulden …': belongs to the plan, not to the network
    screen.quote_list.setCurrentRow(_row_of(screen, recoded.id))
    _click_row(qtbot, screen.guide, screen.guide.indicator_items[plan_indicator].child(0))
    screen.quote_list.setFocus()
    screen.quote_list.setCurrentRow(_row_of(screen, recoded.id))
    qtbot.keyClick(screen.quote_list, Qt.Key.Key_R, CTRL)
    assert [c.indicator_id for c in store.get_quote(recoded.id).codings] == [plan_indicator]
    deleted = quotes[9]
    screen.quote_list.setCurrentRow(_row_of(screen, deleted.id))
    qtbot.keyClick(screen.quote_list, Qt.Key.Key_Delete)
    assert len(store.list_quotes(family.id)) == 9
    qtbot.keyClick(screen.quote_list, Qt.Key.Key_Z, CTRL)
    assert [q.id for q in store.list_quotes(family.id)] == [q.id for q in quotes]

    coverage = screen.coverage.item_for(plan_indicator)
    assert coverage.text(1) == "6" and coverage.text(2) == "·"  # six family quotes, nothing from the regisseur
    assert screen.coverage.item_for(network_indicator).text(1) == "4"

    # ---- a draft in the editor, then the app closes ----
    qtbot.keyClicks(screen.editor, f"{MOTHER} wil nog iets zeggen over")
    window.close()
    window.close_store()

    # ---- the app opens again: the same interview, every quote, the draft, the coverage ----
    again = _window(qtbot, db, catalog, anonymiser, tmp_path)
    screen = again.interview_screen
    assert screen is not None and screen.interview.id == family.id
    assert screen.quote_list.count() == 10
    assert screen.editor.toPlainText() == "[moeder] wil nog iets zeggen over"
    assert "teruggezet" in screen.notice.text()
    assert screen.coverage.item_for(plan_indicator).text(1) == "6"
    assert screen.coverage.item_for(network_indicator).text(1) == "4"
    assert "nog geen bewijs" in screen.coverage.item_for(_other_indicator(case_framework, plan_indicator,
                                                                          network_indicator)).text(0)
    assert [c.indicator_id for c in again.store.get_quote(recoded.id).codings] == [plan_indicator]
    assert screen.guide.indicator_items[plan_indicator].text(1) == "✓ 6"
    again.close()
    again.close_store()


def _indicators_with_family_questions(framework) -> tuple[str, str]:
    with_questions = [i.id for i in framework.indicators if i.questions.get("gezin")]
    return with_questions[0], with_questions[-1]


def _other_indicator(framework, *used) -> str:
    return next(i.id for i in framework.indicators if i.id not in used)


def _row_of(screen, quote_id) -> int:
    return next(r for r in range(screen.quote_list.count()) if screen.quote_list.item(r).data(Qt.ItemDataRole.UserRole)
                == quote_id)

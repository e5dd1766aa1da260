"""Preparing a study, approach and case in the GUI, through the real store and anonymiser."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ggsr_desktop.gui.case_dialogs import ApproachDialog, CaseDialog, StudyDialog
from ggsr_desktop.gui.operations import Operations, Performing
from ggsr_desktop.ops.session import Session


def _actions(store, catalog, anonymiser):
    """The dialogs' actions as the window gives them: the session's structure, each call one operation."""
    session = Session(store, catalog, anonymiser)
    operations = Operations(session)
    return session, Performing(session.structure(), operations, None)


def _ok(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_study_approach_and_case_from_the_gui(qtbot, store, catalog, anonymiser, db_path):
    session, actions = _actions(store, catalog, anonymiser)
    capture = session.capture
    study_dialog = StudyDialog(None, actions, catalog)
    qtbot.addWidget(study_dialog)
    _ok(qtbot, study_dialog)
    assert study_dialog.error.isVisibleTo(study_dialog) and "mag niet leeg" in study_dialog.error.text()
    qtbot.keyClicks(study_dialog.name, "GGSR 2027")
    _ok(qtbot, study_dialog)
    study = study_dialog.result_
    assert store.list_studies()[0].name == "GGSR 2027"

    approach_dialog = ApproachDialog(None, actions, study.id)
    qtbot.addWidget(approach_dialog)
    qtbot.keyClicks(approach_dialog.municipality, "Wadlo")
    qtbot.keyClicks(approach_dialog.name, "Sterk Thuis")
    approach_dialog.label.setCurrentText("procesmanager")
    _ok(qtbot, approach_dialog)
    approach = approach_dialog.result_
    assert approach.regisseur_label == "procesmanager"

    case_dialog = CaseDialog(None, actions, capture, approach.id)
    qtbot.addWidget(case_dialog)
    qtbot.keyClicks(case_dialog.code, "Gezin Kanarievogel")
    qtbot.keyClicks(case_dialog.person_rows[0][1], "Wilhelmina Kanarievogel")
    case_dialog.professionals[2].setCurrentText("Stichting Zonnestraal Kanarievogel")
    case_dialog.dates["professional 3"].setDate(case_dialog.dates["gezin"].date().addDays(7))
    _ok(qtbot, case_dialog)
    assert "casuscode bevat een naam" in case_dialog.error.text()
    assert store.list_cases(approach.id) == [] and case_dialog.person_rows[0][1].text()  # input kept
    assert session.history.undo_label == "aanpak aanmaken"  # the refused case left no step
    case_dialog.code.clear()
    qtbot.keyClicks(case_dialog.code, "Gezin A")
    _ok(qtbot, case_dialog)
    case = case_dialog.result_
    interviews = store.list_interviews(case.id)
    assert [iv.role.value for iv in interviews] == ["gezin", "regisseur", "professional", "professional",
                                                    "professional", "document"]
    assert interviews[2].organisation_type == "woningcorporatie"
    assert "Kanarievogel" not in interviews[4].organisation_type
    assert all(iv.date for iv in interviews) and interviews[4].date > interviews[3].date
    assert capture.save_quote(interviews[0].id, "Wilhelmina vertelde.").text == "[moeder] vertelde."
    store.close()
    for path in db_path.parent.iterdir():
        if path.is_file():
            assert b"Kanarievogel" not in path.read_bytes()


def test_qt_standard_buttons_are_dutch(qtbot):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ggsr_desktop.gui.app import application

    assert application() is QApplication.instance()
    box = QMessageBox(QMessageBox.Icon.Question, "t", "t", QMessageBox.StandardButton.Yes
                      | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Ja"


def test_the_dialogs_edit_a_study_and_an_approach_and_undo_restores_them(qtbot, store, catalog, anonymiser):
    session, actions = _actions(store, catalog, anonymiser)
    study = actions.add_study("GGSR 2027", "casusniveau")
    approach = actions.add_approach(study.id, "Wadlo", "Sterk Thuis")
    dialog = StudyDialog(None, actions, catalog, store.get_study(study.id))
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "GGSR 2027" and not dialog.framework.isEnabled()
    dialog.name.setText("GGSR 2027 ronde 2")
    _ok(qtbot, dialog)
    dialog = ApproachDialog(None, actions, study.id, store.get_approach(approach.id))
    qtbot.addWidget(dialog)
    assert (dialog.municipality.text(), dialog.name.text()) == ("Wadlo", "Sterk Thuis")
    dialog.name.setText("Sterk Thuis Plus")
    dialog.label.setCurrentText("gezinscoach")
    _ok(qtbot, dialog)
    assert (store.get_approach(approach.id).name, store.get_study(study.id).name) == ("Sterk Thuis Plus",
                                                                                    "GGSR 2027 ronde 2")
    assert session.undo().label == "aanpak wijzigen"
    changed = store.get_approach(approach.id)
    assert (changed.name, changed.regisseur_label) == ("Sterk Thuis", "regisseur")
    assert session.undo().label == "onderzoek wijzigen" and store.get_study(study.id).name == "GGSR 2027"


def test_persons_added_later_are_used_by_the_anonymiser(qtbot, store, catalog, anonymiser):
    from ggsr_desktop.gui.case_dialogs import PersonsDialog

    study = store.add_study("S", "casusniveau")
    case = store.add_case(store.add_approach(study.id, "Wadlo", "A").id, "Gezin B")
    interview = store.add_interview(case.id, "gezin")
    session, actions = _actions(store, catalog, anonymiser)
    capture = session.capture
    dialog = PersonsDialog(None, actions, capture, case.id)
    qtbot.addWidget(dialog)
    dialog.person_rows[0][0].setCurrentText("vader")
    qtbot.keyClicks(dialog.person_rows[0][1], "Barend Klaasen")
    _ok(qtbot, dialog)
    assert dialog.result_ == 1
    assert capture.save_quote(interview.id, "Barend kwam later.").text == "[vader] kwam later."
    again = PersonsDialog(None, actions, capture, case.id)
    qtbot.addWidget(again)
    assert again.known.text() == "Al bekend: [vader]"

    assert session.undo().label == "bekende personen toevoegen"  # the digests go; the name is not known any more
    assert capture.save_quote(interview.id, "Barend kwam later.").text != "[vader] kwam later."

"""Preparing a study, approach and case in the GUI, through the real store and anonymiser."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ggsr_desktop.gui.case_dialogs import ApproachDialog, CaseDialog, StudyDialog
from ggsr_desktop.ops.capture import Capture


def _ok(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_study_approach_and_case_from_the_gui(qtbot, store, catalog, anonymiser, db_path):
    study_dialog = StudyDialog(None, store, catalog)
    qtbot.addWidget(study_dialog)
    _ok(qtbot, study_dialog)
    assert study_dialog.error.isVisibleTo(study_dialog) and "mag niet leeg" in study_dialog.error.text()
    qtbot.keyClicks(study_dialog.name, "GGSR 2027")
    _ok(qtbot, study_dialog)
    study = study_dialog.result_
    assert store.list_studies()[0].name == "GGSR 2027"

    approach_dialog = ApproachDialog(None, store, study.id)
    qtbot.addWidget(approach_dialog)
    qtbot.keyClicks(approach_dialog.municipality, "Wadlo")
    qtbot.keyClicks(approach_dialog.name, "Sterk Thuis")
    approach_dialog.label.setCurrentText("procesmanager")
    _ok(qtbot, approach_dialog)
    approach = approach_dialog.result_
    assert approach.regisseur_label == "procesmanager"

    capture = Capture(store, anonymiser)
    case_dialog = CaseDialog(None, capture, approach.id)
    qtbot.addWidget(case_dialog)
    qtbot.keyClicks(case_dialog.code, "Gezin Kanarievogel")
    qtbot.keyClicks(case_dialog.person_rows[0][1], "Wilhelmina Kanarievogel")
    case_dialog.professionals[2].setCurrentText("Stichting Zonnestraal Kanarievogel")
    case_dialog.dates["professional 3"].setDate(case_dialog.dates["gezin"].date().addDays(7))
    _ok(qtbot, case_dialog)
    assert "casuscode bevat een naam" in case_dialog.error.text()
    assert store.list_cases(approach.id) == [] and case_dialog.person_rows[0][1].text()  # input kept
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

    from ggsr_desktop.gui.app import _application

    assert _application() is QApplication.instance()
    box = QMessageBox(QMessageBox.Icon.Question, "t", "t", QMessageBox.StandardButton.Yes
                      | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Ja"


def test_persons_added_later_are_used_by_the_anonymiser(qtbot, store, anonymiser):
    from ggsr_desktop.gui.case_dialogs import PersonsDialog

    study = store.add_study("S", "casusniveau")
    case = store.add_case(store.add_approach(study.id, "Wadlo", "A").id, "Gezin B")
    interview = store.add_interview(case.id, "gezin")
    capture = Capture(store, anonymiser)
    dialog = PersonsDialog(None, capture, case.id)
    qtbot.addWidget(dialog)
    dialog.person_rows[0][0].setCurrentText("vader")
    qtbot.keyClicks(dialog.person_rows[0][1], "Barend Klaasen")
    _ok(qtbot, dialog)
    assert dialog.result_ == 1
    assert capture.save_quote(interview.id, "Barend kwam later.").text == "[vader] kwam later."
    again = PersonsDialog(None, capture, case.id)
    qtbot.addWidget(again)
    assert again.known.text() == "Al bekend: [vader]"

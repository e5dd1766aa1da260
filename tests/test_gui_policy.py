"""The policy level (beleidsniveau) in the window, driven with qtbot: respondents in the tree and added through the
dialog (its refusals in Dutch, input kept), a netwerkpartner's interview with its guide and a captured answer that
keeps the organisation and loses the private person, mark + finding + LET OP + Beschrijving in the review (undoable),
and the factsheet exported from the File menu and read back with python-docx."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from ggsr_desktop.gui.interview_screen import AnonymiserProvider
from ggsr_desktop.gui.main_window import MainWindow
from ggsr_desktop.gui.review_host import AUTHOR_KEY
from ggsr_desktop.models import Mark, Role
from ggsr_desktop.store import Store
from tests.gui_helpers import show_active

MUNICIPALITY = "Den Helder"
APPROACH = "1 Gezin 1 Plan Nieuw Den Helder"
PARTNER = "Parlan Jeugd en opvoedhulp"
FIRST = "toeleiding.zelfde-omschrijving"


@pytest.fixture
def window(qtbot, tmp_path, catalog, anonymiser):
    store = Store.create(tmp_path / "beleid.sqlite")
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    settings.setValue(AUTHOR_KEY, "Inspecteur De Vries")
    w = MainWindow(store, catalog, anonymiser_provider=AnonymiserProvider(anonymiser), settings=settings)
    show_active(qtbot, w, 1400, 900)
    structure = w.session.structure()
    study = w.operations.perform(lambda: structure.add_study("GGSR beleidsniveau 2013", "beleidsniveau")).value
    approach = w.operations.perform(lambda: structure.add_approach(study.id, MUNICIPALITY, APPROACH)).value
    w.reload(("approach", approach.id))
    w.approach_id = approach.id
    yield w
    w.close_store()


def _children(item):
    return [item.child(i) for i in range(item.childCount())]


def _dialog(window):
    window.prepare.add_respondent()
    dialog = window.prepare.dialog
    assert dialog is not None and dialog.windowTitle() == "Respondent toevoegen" and dialog.isVisible()
    return dialog


def _ok(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _add(window, role: Role, name: str = "", nominated: bool = True):
    dialog = _dialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData(role.value))
    dialog.name.setText(name)
    dialog.nominated.setChecked(nominated)
    _ok(dialog)
    return dialog


def test_respondents_are_added_through_the_dialog_and_shown_in_the_tree(window, qtbot):
    approach_item = window.item_of("approach", window.approach_id)
    window.tree.setCurrentItem(approach_item)
    assert window.prepare.actions["respondent"].isVisible()
    assert not window.prepare.actions["case"].isVisible()  # a policy approach has no families
    assert window.export.factsheet_action.isEnabled() and not window.export.nota_action.isEnabled()

    dialog = _dialog(window)
    assert dialog.kind.currentData() == Role.MUNICIPALITY.value  # the first respondent: the gemeente
    assert not dialog.nominated.isVisible()
    _ok(dialog)
    assert window.prepare.dialog is None
    gemeente = window.store.respondents(window.approach_id)[0]
    assert gemeente.role is Role.MUNICIPALITY
    assert window.interview_screen is not None and window.interview_screen.interview.id == gemeente.id
    assert f"Gemeente {MUNICIPALITY}" in window.interview_screen.title.text()

    window.tree.setCurrentItem(window.item_of("approach", window.approach_id))
    dialog = _add(window, Role.MUNICIPALITY)  # a second gemeente is refused; the dialog stays with its input
    assert window.prepare.dialog is dialog and dialog.isVisible()
    assert "al een respondent 'gemeente'" in dialog.error.text() and dialog.error.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData(Role.NETWORK_PARTNER.value))
    assert dialog.nominated.isVisible() and dialog.name_label.text().replace("&", "") == "Organisatie:"
    dialog.name.setText("Jan Jansen 06-12345678")
    _ok(dialog)
    assert "persoonsgegeven" in dialog.error.text() and dialog.name.text() == "Jan Jansen 06-12345678"
    dialog.name.setText(PARTNER)
    _ok(dialog)
    assert window.prepare.dialog is None
    assert "gebruikelijk zijn er drie" in window.statusBar().currentMessage()

    approach_item = window.item_of("approach", window.approach_id)
    assert [c.text(0) for c in _children(approach_item)] == ["Gemeente", f"Netwerkpartner — {PARTNER}"]
    assert "aangedragen door de gemeente" in approach_item.child(1).toolTip(0)
    partner = window.store.respondents(window.approach_id)[1]
    assert partner.nominated is True and partner.name == PARTNER

    window.undo()  # adding a respondent is one undoable step
    assert [r.role for r in window.store.respondents(window.approach_id)] == [Role.MUNICIPALITY]
    window.redo()
    assert [r.name for r in window.store.respondents(window.approach_id)][1] == PARTNER


def test_the_tree_context_menu_offers_the_respondent(window, qtbot):
    tree = window.tree
    item = window.item_of("approach", window.approach_id)
    tree.scrollToItem(item)
    window.prepare._tree_menu(tree.visualItemRect(item).center())
    menu = window.prepare.tree_menu
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert "Respondent toevoegen…" in texts and not any("casus" in t for t in texts)
    menu.close()


def test_interview_capture_review_and_factsheet(window, qtbot, tmp_path, monkeypatch):
    window.tree.setCurrentItem(window.item_of("approach", window.approach_id))
    _add(window, Role.MUNICIPALITY)
    window.tree.setCurrentItem(window.item_of("approach", window.approach_id))
    _add(window, Role.NETWORK_PARTNER, PARTNER)
    partner = next(r for r in window.store.respondents(window.approach_id) if r.role is Role.NETWORK_PARTNER)

    window.open_interview(partner.id)
    screen = window.interview_screen
    assert screen is not None and screen.interview.id == partner.id
    assert PARTNER in screen.title.text() and f"Netwerkpartner · {MUNICIPALITY}" in screen.title.text()
    question = window.catalog.get("beleidsniveau").indicator(FIRST).questions["netwerkpartner"][0]
    guide_item = screen.guide.indicator_items[FIRST]
    assert guide_item.child(0).text(0) == " ".join(question.split())  # the netwerkpartner's questions
    assert [screen.coverage.headerItem().text(c) for c in range(4)] == ["Indicator", "Gm", "N", "D"]

    screen.guide.select_indicator(FIRST)
    screen.set_stance("positief")
    qtbot.keyClicks(screen.editor, f"Volgens {PARTNER} heeft Jan de Vries (06-12345678) de gezinnen aangemeld.")
    qtbot.keyClick(screen.editor, Qt.Key.Key_Return)
    [quote] = window.store.list_quotes(partner.id)
    assert PARTNER in quote.text  # the organisation stays at policy level
    assert "Jan de Vries" not in quote.text and "12345678" not in quote.text and "Vries" not in quote.text
    assert [c.indicator_id for c in quote.codings] == [FIRST]
    assert screen.coverage.item_for(FIRST).text(2) == "1"  # the N(etwerkpartners) column
    assert window.tree.currentItem().text(1) == "bezig"

    window.review.open(window.approach_id)
    review = window.review.screen
    model = review.view.model_
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Indicator", "Gm", "N1", "Antwoorden", "Oordeel"]
    assert model.horizontalHeaderItem(2).toolTip() == f"Netwerkpartner — {PARTNER}"
    cell = review.view.cells[(FIRST, -partner.id)]  # the partner's answers on the indicator
    assert cell.text() == "+1 −0" and "1 antwoord(en)" in cell.toolTip()
    municipality = next(r for r in window.store.respondents(window.approach_id) if r.role is Role.MUNICIPALITY)
    assert review.view.cells[(FIRST, -municipality.id)].text() == "·"  # no answer yet
    assert review.view.agreements[FIRST].text() == "eensluidend"  # the one voice heard
    review.view.select(FIRST)
    assert review.indicator_id == FIRST
    editor = review.editor
    assert editor.let_op.isVisibleTo(review) and not editor.section.isVisibleTo(review)
    editor.mark_buttons[Mark.SATISFIED.value].click()
    editor.finding.setPlainText("De gemeente en de netwerkpartners benoemden de gezinnen eensluidend.")
    editor.save_finding()
    editor.let_op.setPlainText("Eén netwerkpartner noemt de pilot van mei 2012.")
    editor.save_let_op()
    judgement = window.store.get_judgement(window.approach_id, FIRST)
    assert judgement.mark is Mark.SATISFIED and judgement.let_op == "Eén netwerkpartner noemt de pilot van mei 2012."
    window.undo()  # the LET OP is its own step
    assert window.store.get_judgement(window.approach_id, FIRST).let_op == ""
    assert editor.let_op.toPlainText() == ""
    window.redo()
    assert window.store.get_judgement(window.approach_id, FIRST).let_op.startswith("Eén netwerkpartner")

    overview = review.texts_editor.overview_edit
    overview.setPlainText("De aanpak is in mei 2012 als pilot van start gegaan.\n- 30 gezinnen")
    review.texts_editor.flush()
    assert window.store.get_approach(window.approach_id).overview.startswith("De aanpak is in mei 2012")

    asked = {}

    def save_name(_parent, _title, start, _filter):
        asked["start"] = start
        return str(tmp_path / "factsheet"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window.export.factsheet_action.trigger()
    qtbot.waitUntil(lambda: window.export.last_result is not None, timeout=20_000)
    assert asked["start"].endswith(f"Uitkomsten toezichtonderzoek {MUNICIPALITY}.docx")
    out = tmp_path / "factsheet.docx"
    assert window.export.last_result.path == out and out.is_file()
    assert not window.export.worker.thread.is_alive()  # written on the worker thread
    box = window.export.dialog
    assert box.objectName() == "exportDone" and "1 aanpak" in box.text()
    box.done(0)

    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == f"Aanpak: {APPROACH}" and "Beschrijving" in headings
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert PARTNER in bullets and not any("Jan" in b for b in bullets)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    finding = next(c for c in cells if c.startswith("✓ De gemeente en de netwerkpartners"))
    assert finding.endswith("LET OP: Eén netwerkpartner noemt de pilot van mei 2012.")
    assert "mei 2012 als pilot" in "\n".join(p.text for p in document.paragraphs)


def test_factsheet_refused_for_a_case_level_approach(window, qtbot):
    structure = window.session.structure()
    study = window.operations.perform(lambda: structure.add_study("GGSR 2027", "casusniveau")).value
    approach = window.operations.perform(lambda: structure.add_approach(study.id, "Zwolle", "Sociaal team")).value
    window.reload(("approach", approach.id))
    assert not window.export.factsheet_action.isEnabled() and window.export.nota_action.isEnabled()
    assert window.prepare.actions["case"].isVisible() and not window.prepare.actions["respondent"].isVisible()
    window.export.export("factsheet", window.store.path.parent / "x.docx")
    assert window.export.dialog.objectName() == "exportFailed" and "beleidsniveau" in window.export.dialog.text()
    window.export.dialog.done(0)


def test_the_approach_page_lists_the_respondents(window, qtbot):
    window.tree.setCurrentItem(window.item_of("approach", window.approach_id))
    _add(window, Role.MUNICIPALITY)
    window.tree.setCurrentItem(window.item_of("approach", window.approach_id))
    assert window.stack.currentWidget() is window.detail
    assert window.detail.title.text() == f"{MUNICIPALITY} — {APPROACH}"
    form = window.detail.form
    rows = [(form.itemAt(k, form.ItemRole.LabelRole).widget().text().replace("<b>", "").replace("</b>", ""),
             form.itemAt(k, form.ItemRole.FieldRole).widget().text())
            for k in range(form.rowCount()) if form.itemAt(k, form.ItemRole.LabelRole) is not None]
    assert ("Gemeente", MUNICIPALITY) in rows and ("Gemeente", "Gemeente") in rows  # the place, the respondent
    partners = next(value for label, value in rows if label == "Netwerkpartner")
    assert partners.startswith("nog geen") and "Respondent toevoegen" in partners
    assert not any(label == "Casussen" for label, _ in rows)

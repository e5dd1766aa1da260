"""Exporting from the window: the nota is written on a worker thread with progress and can be reopened; a name in a
quote is refused with a way to open that quote; the house-style template is remembered and used."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtWidgets import QMessageBox

from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.ops.capture import Capture
from tests.gui_helpers import demo_window


@pytest.fixture
def window(qtbot, tmp_path, catalog, anonymiser):
    window = demo_window(qtbot, tmp_path, catalog, anonymiser, 1400, 900)
    window.tree.setCurrentItem(window.item_of("approach", 1))
    yield window
    window.close_store()


def test_export_runs_in_the_background_and_offers_the_folder(qtbot, window, tmp_path):
    out = tmp_path / "nota.docx"
    window.export.export("nota", out)
    qtbot.waitUntil(lambda: window.export.last_result is not None, timeout=20_000)
    result = window.export.last_result
    assert result.path == out and out.is_file()
    document = docx.Document(str(out))
    assert document.core_properties.author == "Inspecteur De Vries"
    assert document.paragraphs[0].text == "Samenwerkend Toezicht Jeugd"
    box = window.export.dialog
    assert box.objectName() == "exportDone" and str(out) in box.text()
    assert any(b.text().replace("&", "") == "Map openen" for b in box.buttons())
    assert window.export.worker.thread is not None and not window.export.worker.thread.is_alive()
    box.done(0)


def test_a_name_in_a_quote_is_refused_and_the_quote_can_be_opened(qtbot, window, tmp_path, anonymiser):
    store = window.store
    Capture(store, anonymiser).add_person(store.list_cases(1)[0].id, Person("moeder", "Wilhelmina Kanarievogel"))
    quote_id = next(q for j in store.list_judgements(1) for q in j.quote_ids)
    store.update_quote(quote_id, text=store.get_quote(quote_id).text + " Vraag het Wilhelmina.")
    out = tmp_path / "nota.docx"
    window.export.export("nota", out)
    box = window.export.dialog
    assert box.objectName() == "exportRefused" and f"citaat {quote_id}" in box.text()
    assert "Wilhelmina" not in box.text() and not out.exists()
    go = next(b for b in box.buttons() if b.text().replace("&", "") == "Citaat openen")
    go.click()
    screen = window.interview_screen
    assert screen is not None and screen.quote_list.current_quote_id() == quote_id


def test_the_house_style_template_is_remembered_and_used(qtbot, window, tmp_path):
    template = docx.Document()
    template.styles["Heading 1"].font.name = "Georgia"
    path = tmp_path / "huisstijl.docx"
    template.save(path)
    window.export.set_template(path)
    assert window.export.template() == path
    broken = tmp_path / "kapot.dotx"
    broken.write_bytes(b"niets")
    with pytest.raises(Exception, match="geen bruikbaar Word-bestand"):
        window.export.set_template(broken)
    assert window.export.template() == path  # the good one stays
    out = tmp_path / "nota.docx"
    window.export.export("nota", out)
    qtbot.waitUntil(lambda: window.export.last_result is not None, timeout=20_000)
    assert docx.Document(str(out)).styles["Heading 1"].font.name == "Georgia"
    window.export.dialog.done(0)


def test_evidence_document_from_the_menu(qtbot, window, tmp_path):
    out = tmp_path / "bewijs.docx"
    window.export.export("evidence", out)
    qtbot.waitUntil(lambda: window.export.last_result is not None, timeout=20_000)
    assert out.is_file() and isinstance(window.export.dialog, QMessageBox)
    window.export.dialog.done(0)

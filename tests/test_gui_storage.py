"""The GUI on encrypted databases: the passphrase dialog, opening, restoring a damaged file, in use, new passphrase.

Real database files and the real dialog throughout; only the modal event loops are replaced: a dialog's
`exec` is driven by a script of qtbot steps, and QMessageBox's static functions record what they would show.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from ggsr_desktop.cli import main
from ggsr_desktop.errors import StoreError, WrongPassphraseError
from ggsr_desktop.gui import open_flow
from ggsr_desktop.gui.main_window import MainWindow
from ggsr_desktop.gui.passphrase_dialog import CREATE, UNLOCK, PassphraseDialog
from ggsr_desktop.store import backups as backup_files
from ggsr_desktop.store import database
from ggsr_desktop.store.base import BACKUP_INTERVAL_S
from ggsr_desktop.store.keyfile import key_path
from tests.conftest import PASSPHRASE

NEW_PASSPHRASE = "ander lang wachtwoord voor later"


class Messages:
    """Records QMessageBox's static functions; `question` answers with `answer`."""

    def __init__(self, monkeypatch, answer=QMessageBox.StandardButton.Yes):
        self.shown: list[tuple[str, str, str]] = []
        self.answer = answer
        for kind in ("critical", "information", "warning"):
            monkeypatch.setattr(QMessageBox, kind, self._record(kind))
        monkeypatch.setattr(QMessageBox, "question", self._question)

    def _record(self, kind):
        def show(_parent, title, text, *_args):
            self.shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return show

    def _question(self, _parent, title, text, *_args):
        self.shown.append(("question", title, text))
        return self.answer

    def of(self, kind) -> list[str]:
        return [text for k, _title, text in self.shown if k == kind]


class DialogScript:
    """Replaces PassphraseDialog.exec: each call runs the next step on the real, shown dialog."""

    def __init__(self, monkeypatch, qtbot, steps):
        self.steps = list(steps)
        self.seen: list[dict] = []
        self.qtbot = qtbot
        script = self

        def exec_(dialog):
            dialog.show()
            script.seen.append({"mode": dialog.mode, "error": dialog.error_label.text(),
                                "error_visible": dialog.error_label.isVisible(),
                                "title": dialog.file_label.text()})
            return script.steps.pop(0)(dialog, qtbot)

        monkeypatch.setattr(PassphraseDialog, "exec", exec_)


def type_into(qtbot, dialog, name, text):
    edit = dialog.findChild(QLineEdit, name)
    assert edit is not None and edit.echoMode() == QLineEdit.EchoMode.Password
    assert edit.accessibleName()
    edit.clear()
    qtbot.keyClicks(edit, text)


def unlock_with(passphrase):
    def step(dialog, qtbot):
        type_into(qtbot, dialog, "passphraseEdit", passphrase)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()
    return step


def create_with(passphrase):
    def step(dialog, qtbot):
        type_into(qtbot, dialog, "passphraseEdit", passphrase)
        type_into(qtbot, dialog, "passphraseRepeatEdit", passphrase)
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()
    return step


def cancel(dialog, _qtbot):
    dialog.reject()
    return dialog.result()


def make_encrypted_db(path, cases=("Gezin A",)):
    """An encrypted database with some data; closing it writes a verified backup."""
    store = database.create_database(path, PASSPHRASE)
    study = store.add_study("Onderzoek 2025", "casusniveau")
    approach = store.add_approach(study.id, "Voorbeeldstad", "Gezinsaanpak")
    for code in cases:
        store.add_case(approach.id, code)
    store.close()
    return path


def case_codes(store):
    return [c.code for a in store.list_approaches() for c in store.list_cases(a.id)]


# ---- the dialog ------------------------------------------------------------------------------------------------


def test_create_dialog_checks_strength_and_repetition(qtbot, tmp_path):
    dialog = PassphraseDialog(None, tmp_path / "nieuw.sqlite", CREATE)
    qtbot.addWidget(dialog)
    dialog.show()
    hint = dialog.findChild(object, "strengthHint")
    assert dialog.findChild(QLineEdit, "passphraseRepeatEdit") is not None
    assert hint.accessibleName() and not dialog.ok_button.isEnabled()
    empty_hint = hint.text()

    type_into(qtbot, dialog, "passphraseEdit", "kort")
    type_into(qtbot, dialog, "passphraseRepeatEdit", "kort")
    assert hint.text().startswith("Te zwak") and hint.text() != empty_hint
    assert not dialog.ok_button.isEnabled()  # matching but too weak

    type_into(qtbot, dialog, "passphraseEdit", PASSPHRASE)
    assert hint.text() == "Sterk wachtwoord."
    assert not dialog.ok_button.isEnabled()  # strong but not repeated
    type_into(qtbot, dialog, "passphraseRepeatEdit", PASSPHRASE[:-1])
    assert "niet gelijk" in dialog.match_hint.text() and not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.findChild(QLineEdit, "passphraseRepeatEdit"), Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter does not get past the checks
    qtbot.keyClicks(dialog.findChild(QLineEdit, "passphraseRepeatEdit"), PASSPHRASE[-1])
    assert dialog.ok_button.isEnabled()


def test_create_dialog_warns_only_without_an_organisation_recovery_key(qtbot, tmp_path, monkeypatch):
    dialog = PassphraseDialog(None, tmp_path / "nieuw.sqlite", CREATE)
    qtbot.addWidget(dialog)
    assert dialog.recovery_warning is not None and "niet meer terug te halen" in dialog.recovery_warning.text()
    dialog.show()
    assert dialog.recovery_warning.isVisible()

    from ggsr_desktop.store.keyfile import new_recovery_key_pair

    pem = tmp_path / "recovery.pem"
    pem.write_bytes(new_recovery_key_pair().public_pem)
    monkeypatch.setenv("GGSR_RECOVERY_PUBLIC_KEY", str(pem))
    with_key = PassphraseDialog(None, tmp_path / "nieuw.sqlite", CREATE)
    qtbot.addWidget(with_key)
    assert with_key.recovery_warning is None


def test_unlock_dialog_names_the_file_and_hides_the_passphrase(qtbot, tmp_path):
    dialog = PassphraseDialog(None, tmp_path / "mijn-onderzoek.sqlite", UNLOCK)
    qtbot.addWidget(dialog)
    assert "mijn-onderzoek.sqlite" in dialog.file_label.text()
    assert dialog.findChild(QLineEdit, "passphraseRepeatEdit") is None
    assert not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog, "passphraseEdit", "iets")
    assert dialog.ok_button.isEnabled()


# ---- opening and creating --------------------------------------------------------------------------------------


def test_missing_file_is_created_encrypted_through_the_dialog(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "nieuw.sqlite"
    script = DialogScript(monkeypatch, qtbot, [create_with(PASSPHRASE)])
    store = open_flow.open_store(None, path)
    try:
        assert store is not None and store.encrypted
        assert script.seen[0]["mode"] == CREATE
        assert key_path(path).is_file() and not database.is_plain_sqlite(path)
    finally:
        store.close()
    database.open_database(path, PASSPHRASE).close()  # the chosen passphrase opens it


def test_cancelling_the_create_dialog_creates_nothing(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "nieuw.sqlite"
    DialogScript(monkeypatch, qtbot, [cancel])
    assert open_flow.open_store(None, path) is None
    assert not path.exists() and not key_path(path).exists()


def test_wrong_then_right_passphrase(qtbot, tmp_path, monkeypatch):
    path = make_encrypted_db(tmp_path / "studie.sqlite")
    messages = Messages(monkeypatch)
    script = DialogScript(monkeypatch, qtbot, [unlock_with("dit is het niet hoor"), unlock_with(PASSPHRASE)])
    store = open_flow.open_store(None, path)
    try:
        assert store is not None and case_codes(store) == ["Gezin A"]
    finally:
        store.close()
    assert [s["mode"] for s in script.seen] == [UNLOCK, UNLOCK]
    assert not script.seen[0]["error_visible"]
    assert script.seen[1]["error_visible"] and "Wachtwoord onjuist" in script.seen[1]["error"]
    assert "studie.sqlite" in script.seen[0]["title"]
    assert messages.shown == []  # the wrong passphrase is told in the dialog, not in a message box


def test_cancel_after_a_wrong_passphrase_opens_nothing(qtbot, tmp_path, monkeypatch):
    path = make_encrypted_db(tmp_path / "studie.sqlite")
    DialogScript(monkeypatch, qtbot, [unlock_with("dit is het niet hoor"), cancel])
    assert open_flow.open_store(None, path) is None
    database.open_database(path, PASSPHRASE).close()  # not locked, not changed


def test_unencrypted_demo_database_opens_without_a_passphrase(qtbot, tmp_path, monkeypatch, catalog):
    from ggsr_desktop.exchange.demo import write_demo

    path = tmp_path / "demo.sqlite"
    write_demo(path, catalog)
    script = DialogScript(monkeypatch, qtbot, [])
    store = open_flow.open_store(None, path)
    try:
        assert store is not None and not store.encrypted and script.seen == []
    finally:
        store.close()


def test_second_open_of_a_database_in_use_says_so(qtbot, tmp_path, monkeypatch):
    path = make_encrypted_db(tmp_path / "studie.sqlite")
    messages = Messages(monkeypatch)
    first = database.open_database(path, PASSPHRASE)
    try:
        DialogScript(monkeypatch, qtbot, [unlock_with(PASSPHRASE)])
        assert open_flow.open_store(None, path) is None
    finally:
        first.close()
    [text] = messages.of("critical")
    assert "studie.sqlite" in text and "al geopend" in text


# ---- a damaged database ----------------------------------------------------------------------------------------


def _damage(path):
    with open(path, "r+b") as f:
        f.write(b"\x00" * 4096)


def test_damaged_database_offers_the_newest_backup_and_keeps_the_damaged_file(qtbot, tmp_path, monkeypatch):
    path = make_encrypted_db(tmp_path / "studie.sqlite", cases=("Gezin A", "Gezin B"))
    newest = backup_files.newest_verified(path, database.data_key(path, PASSPHRASE))
    assert newest is not None
    _damage(path)
    damaged_bytes = path.read_bytes()
    messages = Messages(monkeypatch, answer=QMessageBox.StandardButton.Yes)
    DialogScript(monkeypatch, qtbot, [unlock_with(PASSPHRASE)])

    store = open_flow.open_store(None, path)
    try:
        assert store is not None and case_codes(store) == ["Gezin A", "Gezin B"]
    finally:
        store.close()
    [question] = messages.of("question")
    assert "studie.sqlite" in question and newest.time.astimezone().strftime("%d-%m-%Y %H:%M") in question
    [info] = messages.of("information")
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("studie.sqlite.beschadigd-")]
    assert len(aside) == 1 and str(aside[0]) in info
    assert (aside[0] / "studie.sqlite").read_bytes() == damaged_bytes  # kept, not deleted
    assert "gered" in info


def test_damaged_database_restore_declined_changes_nothing(qtbot, tmp_path, monkeypatch):
    path = make_encrypted_db(tmp_path / "studie.sqlite")
    _damage(path)
    damaged_bytes = path.read_bytes()
    messages = Messages(monkeypatch, answer=QMessageBox.StandardButton.No)
    DialogScript(monkeypatch, qtbot, [unlock_with(PASSPHRASE)])
    assert open_flow.open_store(None, path) is None
    assert len(messages.of("question")) == 1 and messages.of("information") == []
    assert path.read_bytes() == damaged_bytes
    assert not [p for p in tmp_path.iterdir() if ".beschadigd-" in p.name]


def test_damaged_database_without_backup_says_so(qtbot, tmp_path, monkeypatch):
    path = make_encrypted_db(tmp_path / "studie.sqlite")
    for backup in backup_files.list_backups(path):
        backup.path.rename(tmp_path / backup.path.name)  # out of reach, not deleted
    _damage(path)
    messages = Messages(monkeypatch)
    DialogScript(monkeypatch, qtbot, [unlock_with(PASSPHRASE)])
    assert open_flow.open_store(None, path) is None
    [text] = messages.of("critical")
    assert "geen bruikbare back-up" in text and messages.of("question") == []
    assert path.is_file()


# ---- the main window -------------------------------------------------------------------------------------------


@pytest.fixture
def encrypted_window(qtbot, tmp_path, catalog):
    path = make_encrypted_db(tmp_path / "studie.sqlite")
    w = MainWindow(database.open_database(path, PASSPHRASE), catalog)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close_store()


def test_change_passphrase_from_the_menu(qtbot, encrypted_window, monkeypatch):
    w = encrypted_window
    path = w.store.path
    messages = Messages(monkeypatch)
    action = w.passphrase_action
    assert action.isEnabled() and action.text() == "Wachtwoord &wijzigen…"

    def change(old):
        def step(dialog, qtbot):
            type_into(qtbot, dialog, "oldPassphraseEdit", old)
            type_into(qtbot, dialog, "passphraseEdit", NEW_PASSPHRASE)
            type_into(qtbot, dialog, "passphraseRepeatEdit", NEW_PASSPHRASE)
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
            return dialog.result()
        return step

    script = DialogScript(monkeypatch, qtbot, [change("niet het goede wachtwoord"), change(PASSPHRASE)])
    action.trigger()
    assert "onjuist" in script.seen[1]["error"]
    [info] = messages.of("information")
    assert "gewijzigd" in info
    with pytest.raises(WrongPassphraseError):
        database.data_key(path, PASSPHRASE)
    assert database.data_key(path, NEW_PASSPHRASE)
    assert case_codes(w.store) == ["Gezin A"]  # the open database is unaffected


def test_change_passphrase_is_disabled_for_the_demo(qtbot, tmp_path, catalog):
    from ggsr_desktop.exchange.demo import write_demo
    from ggsr_desktop.store import Store

    write_demo(tmp_path / "demo.sqlite", catalog)
    w = MainWindow(Store.open(tmp_path / "demo.sqlite"), catalog, demo=True)
    qtbot.addWidget(w)
    try:
        assert not w.passphrase_action.isEnabled()
        assert w.windowTitle().endswith("[DEMO]")
        assert not w.backup_timer.isActive()
    finally:
        w.close_store()


def test_periodic_backup_shows_its_time_and_failures_in_the_status_bar(encrypted_window, monkeypatch):
    w = encrypted_window
    assert w.backup_timer.isActive() and w.backup_timer.interval() == 60_000
    assert w.backup_label.text().startswith("Laatste back-up: ")  # the backup made on open
    w.backup_label.clear()
    w.store.add_case(w.store.list_approaches()[0].id, "Gezin Z")
    monkeypatch.setattr(w.store, "_last_backup_at", -BACKUP_INTERVAL_S)  # 15 minutes have passed
    before = len(backup_files.list_backups(w.store.path))
    w.backup_timer.timeout.emit()
    assert len(backup_files.list_backups(w.store.path)) == before + 1
    text = w.backup_label.text()
    assert text.startswith("Laatste back-up: ") and len(text.split(": ")[1]) == 5  # HH:MM

    def fail(*_a, **_k):
        raise StoreError("schijf vol")

    w.store.add_case(w.store.list_approaches()[0].id, "Gezin Y")
    monkeypatch.setattr(w.store, "_last_backup_at", -BACKUP_INTERVAL_S)
    monkeypatch.setattr(backup_files, "write_backup", fail)  # the disk, not the store, fails
    w.backup_timer.timeout.emit()
    assert "Back-up mislukt" in w.statusBar().currentMessage() and "schijf vol" in w.statusBar().currentMessage()


def test_open_menu_asks_the_passphrase_and_switches(qtbot, tmp_path, encrypted_window, monkeypatch):
    w = encrypted_window
    other = make_encrypted_db(tmp_path / "ander.sqlite", cases=("Gezin Q",))
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    DialogScript(monkeypatch, qtbot, [unlock_with(PASSPHRASE)])
    w.open_action.trigger()
    assert w.store.path == other and case_codes(w.store) == ["Gezin Q"]
    assert w.windowTitle() == "GGSR Desktop — ander.sqlite" and w.passphrase_action.isEnabled()


def test_new_database_menu_creates_an_encrypted_database(qtbot, tmp_path, encrypted_window, monkeypatch):
    w = encrypted_window
    target = tmp_path / "nieuw.sqlite"
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    DialogScript(monkeypatch, qtbot, [create_with(PASSPHRASE)])
    w.new_action.trigger()
    assert w.store.path == target and w.store.encrypted and w.tree.topLevelItemCount() == 0

    messages = Messages(monkeypatch)  # choosing an existing database refuses, overwriting nothing
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "studie.sqlite"), ""))
    w.new_action.trigger()
    assert w.store.path == target and "andere naam" in messages.of("critical")[0]


def test_cli_gui_asks_the_passphrase_then_runs_the_window(qtbot, tmp_path, monkeypatch):
    path = make_encrypted_db(tmp_path / "studie.sqlite")
    seen = {}

    def fake_exec(_app):
        win = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["title"] = win.windowTitle()
        seen["cases"] = case_codes(win.store)
        win.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    DialogScript(monkeypatch, qtbot, [unlock_with(PASSPHRASE)])
    assert main(["--db", str(path)]) == 0
    assert seen == {"title": "GGSR Desktop — studie.sqlite", "cases": ["Gezin A"]}
    DialogScript(monkeypatch, qtbot, [cancel])
    assert main(["--db", str(path)]) == 1  # cancelled: nothing opened

"""The GUI opens a database without its full check and runs that check (and the backup on open) on a worker thread:
a healthy database gets its backup; a damaged one is closed and the newest backup is offered, as on a normal open."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from ggsr_desktop.gui.main_window import MainWindow
from ggsr_desktop.store import backups as backup_files
from ggsr_desktop.store import database
from tests.conftest import PASSPHRASE
from tests.test_gui_storage import DialogScript, Messages, case_codes, make_encrypted_db, unlock_with


def _window(qtbot, store, catalog, tmp_path):
    window = MainWindow(store, catalog, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_healthy_database_is_checked_and_backed_up_in_the_background(qtbot, tmp_path, catalog):
    path = make_encrypted_db(tmp_path / "studie.sqlite")
    for old in backup_files.list_backups(path):
        old.path.unlink()
    store = database.open_database(path, PASSPHRASE, verify=False)
    assert not store.verified and backup_files.list_backups(path) == []  # nothing done on the GUI thread
    window = _window(qtbot, store, catalog, tmp_path)
    qtbot.waitUntil(lambda: store.verified, timeout=10_000)
    assert window.checker.job.thread.name == "database-check"
    [backup] = backup_files.list_backups(path, database.data_key(path, PASSPHRASE), check=True)
    assert backup.verified and "Laatste back-up" in window.backup_label.text()
    window.close_store()


def _damage_the_last_page(path, size: int = 4096):
    with open(path, "r+b") as f:
        f.seek(path.stat().st_size - size)
        f.write(b"\x00" * size)


def test_a_damaged_database_is_closed_and_the_backup_offered(qtbot, tmp_path, catalog, monkeypatch):
    path = make_encrypted_db(tmp_path / "studie.sqlite", cases=("Gezin A", "Gezin B"))
    store = database.open_database(path, PASSPHRASE, keep_backups=False)
    approach = store.list_approaches()[0].id
    for n in range(6):  # history the window does not read at start: the damage is found by the check only
        store.set_judgement(approach, "aanpak.doelen", author="t", finding=f"Bevinding {n} " + "x" * 3000)
    store.close()
    assert backup_files.newest_verified(path, database.data_key(path, PASSPHRASE)) is not None
    _damage_the_last_page(path)
    store = database.open_database(path, PASSPHRASE, verify=False)  # the header and schema read fine
    messages = Messages(monkeypatch, answer=QMessageBox.StandardButton.Yes)
    DialogScript(monkeypatch, qtbot, [unlock_with(PASSPHRASE)])
    window = _window(qtbot, store, catalog, tmp_path)
    qtbot.waitUntil(lambda: window.store is not store, timeout=15_000)
    [critical] = messages.of("critical")
    assert "studie.sqlite" in critical and "beschadigd" in critical
    assert messages.of("question")  # the newest backup was offered
    assert store.closed  # the damaged one was closed
    assert case_codes(window.store) == ["Gezin A", "Gezin B"] and window.store.verified
    assert [p for p in tmp_path.iterdir() if p.name.startswith("studie.sqlite.beschadigd-")]
    window.close_store()

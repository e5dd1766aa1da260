"""Opening a database from the GUI: ask the passphrase, create a new one, offer a backup when it is damaged.

Used at startup (`app.run_path`) and by Bestand > Nieuwe database / Database openen. The dialogs are reached
through the module-level functions `ask_passphrase` and `ask_new_passphrase` (tests may replace them), and
messages through `QMessageBox`'s static functions. Nothing is ever deleted: a damaged file is moved aside by
`database.restore_database`.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ggsr_desktop.errors import DamagedDatabaseError, GgsrError, WrongPassphraseError
from ggsr_desktop.gui.passphrase_dialog import CHANGE, CREATE, UNLOCK, PassphraseDialog
from ggsr_desktop.store import Store, database
from ggsr_desktop.store import backups as backup_files

TABLE_NAMES = {"studies": "onderzoeken", "approaches": "aanpakken", "cases": "casussen", "interviews": "gesprekken",
               "quotes": "citaten", "codings": "koppelingen", "judgements": "oordelen",
               "judgement_quotes": "citaten bij oordelen", "judgement_history": "oordeelgeschiedenis",
               "register_entries": "registeritems", "placeholder_numbers": "vervangnummers",
               "quote_spans": "gemarkeerde passages", "case_keys": "casussleutels"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("OpenFlow", text)


@contextmanager
def busy():
    """A wait cursor while the key is derived (about half a second) or a lock is awaited."""
    app = QApplication.instance()
    if app is not None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        if app is not None:
            QApplication.restoreOverrideCursor()


# ---- the dialogs (replaceable in tests) ------------------------------------------------------------------------


def ask_passphrase(parent, path, create: bool, error: str = "") -> str | None:
    """The passphrase typed in the dialog (a new one when `create`), or None when cancelled."""
    dialog = PassphraseDialog(parent, path, CREATE if create else UNLOCK, error)
    try:
        return dialog.passphrase() if dialog.exec() else None
    finally:
        dialog.deleteLater()


def ask_new_passphrase(parent, path, error: str = "") -> tuple[str, str] | None:
    """(current, new) passphrase, or None when cancelled."""
    dialog = PassphraseDialog(parent, path, CHANGE, error)
    try:
        return (dialog.old_passphrase(), dialog.passphrase()) if dialog.exec() else None
    finally:
        dialog.deleteLater()


def _critical(parent, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


# ---- the flows -------------------------------------------------------------------------------------------------


def needs_creating(path) -> bool:
    """True when there is no database at `path` yet (no file, or an empty file without a key file)."""
    path = Path(path)
    if database.is_encrypted(path):
        return False
    return not (path.is_file() and path.stat().st_size > 0)


def open_store(parent, path, verify: bool = True) -> Store | None:
    """The database at `path`, opened (or created when it does not exist yet); None when cancelled or failed.
    With `verify=False` the full check is left to the caller (`Store.verify_and_back_up`, off the GUI thread)."""
    path = Path(path)
    if needs_creating(path):
        return create_store(parent, path)
    if not database.is_encrypted(path):
        return _open(parent, path, None, verify)  # a demo or other unencrypted database
    error = ""
    while True:
        passphrase = ask_passphrase(parent, path, create=False, error=error)
        if passphrase is None:
            return None
        try:
            with busy():
                return database.open_database(path, passphrase, verify=verify)
        except WrongPassphraseError:
            error = _tr("Wachtwoord onjuist. De database is niet geopend en niet gewijzigd; probeer het opnieuw.")
        except DamagedDatabaseError as exc:
            return _offer_restore(parent, path, passphrase, exc)
        except GgsrError as exc:
            _critical(parent, _tr("Database niet geopend"), str(exc))
            return None


def _open(parent, path: Path, passphrase: str | None, verify: bool = True) -> Store | None:
    try:
        with busy():
            return database.open_database(path, passphrase, verify=verify)
    except DamagedDatabaseError as exc:
        return _offer_restore(parent, path, passphrase, exc)
    except GgsrError as exc:
        _critical(parent, _tr("Database niet geopend"), str(exc))
        return None


def create_store(parent, path) -> Store | None:
    """A new encrypted database at `path` (which must not exist yet), with a passphrase chosen in the dialog."""
    path = Path(path)
    if not needs_creating(path):
        _critical(parent, _tr("Database niet aangemaakt"), _tr(
            "Er staat al een database (of sleutelbestand) op {0}. Kies een andere naam; er is niets "
            "overschreven.").format(path))
        return None
    passphrase = ask_passphrase(parent, path, create=True)
    if passphrase is None:
        return None
    try:
        with busy():
            return database.create_database(path, passphrase)
    except GgsrError as exc:
        _critical(parent, _tr("Database niet aangemaakt"), str(exc))
        return None


def _offer_restore(parent, path: Path, passphrase: str | None, damage: DamagedDatabaseError) -> Store | None:
    title = _tr("Database beschadigd")
    try:
        with busy():
            key = database.data_key(path, passphrase)
            newest = backup_files.newest_verified(path, key)
    except GgsrError as exc:
        _critical(parent, title, _tr("{0}\n\nEr is niets gewijzigd of verwijderd.").format(exc))
        return None
    if newest is None:
        _critical(parent, title, _tr(
            "{0} is beschadigd ({1}).\n\nEr is geen bruikbare back-up gevonden in {2}, dus terugzetten kan "
            "niet. Er is niets gewijzigd of verwijderd. Laat het bestand staan en neem contact op met de "
            "ICT-afdeling.").format(path.name, damage.problem, backup_files.backups_dir(path)))
        return None
    when = newest.time.astimezone().strftime("%d-%m-%Y %H:%M")
    answer = QMessageBox.question(
        parent, title,
        _tr("{0} is beschadigd ({1}).\n\nDe nieuwste goede back-up is van {2}. Wilt u die terugzetten?\n\n"
            "Het beschadigde bestand wordt opzijgezet, niet verwijderd. Wat daarin nog leesbaar is en nieuwer "
            "is dan de back-up, wordt zo veel mogelijk overgenomen.").format(path.name, damage.problem, when),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        with busy():
            result = database.restore_database(path, passphrase)
    except GgsrError as exc:
        _critical(parent, _tr("Terugzetten mislukt"), _tr("{0}\n\nEr is niets verwijderd.").format(exc))
        return None
    lines = [_tr("De back-up van {0} is teruggezet.").format(when)]
    if result.moved_aside is not None:
        lines.append(_tr("Het beschadigde bestand is bewaard in:\n{0}").format(result.moved_aside))
    if result.salvaged:
        found = ", ".join(f"{n} {TABLE_NAMES.get(table, table)}" for table, n in sorted(result.salvaged.items()))
        lines.append(_tr("Uit het beschadigde bestand is nog gered: {0}.").format(found))
    else:
        lines.append(_tr("Uit het beschadigde bestand kon niets nieuwers worden gered; wat na de back-up is "
                         "ingevoerd, ontbreekt mogelijk."))
    QMessageBox.information(parent, _tr("Back-up teruggezet"), "\n\n".join(lines))
    try:
        with busy():
            return database.open_database(path, passphrase)
    except GgsrError as exc:
        _critical(parent, _tr("Database niet geopend"), str(exc))
        return None


def change_passphrase(parent, path) -> bool:
    """Ask the current and a new passphrase and rewrap the key; True when changed."""
    path = Path(path)
    error = ""
    while True:
        answer = ask_new_passphrase(parent, path, error)
        if answer is None:
            return False
        old, new = answer
        try:
            with busy():
                database.change_passphrase(path, old, new)
        except WrongPassphraseError:
            error = _tr("Het huidige wachtwoord is onjuist; er is niets gewijzigd. Probeer het opnieuw.")
            continue
        except GgsrError as exc:
            _critical(parent, _tr("Wachtwoord niet gewijzigd"), str(exc))
            return False
        QMessageBox.information(parent, _tr("Wachtwoord gewijzigd"), _tr(
            "Het wachtwoord van {0} is gewijzigd. Gebruik voortaan het nieuwe wachtwoord.").format(path.name))
        return True

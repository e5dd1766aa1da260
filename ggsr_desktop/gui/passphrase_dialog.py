"""The passphrase dialog: unlock an encrypted database, choose a passphrase for a new one, or change it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.store import database

UNLOCK, CREATE, CHANGE = "unlock", "create", "change"


def _keyfile():
    """The key-file module (cryptography), imported when a passphrase is actually asked for."""
    from ggsr_desktop.store import keyfile

    return keyfile


class PassphraseDialog(QDialog):
    """`mode` is UNLOCK (one field), CREATE (new passphrase twice) or CHANGE (current one, then new twice).

    `error` is shown above the fields (e.g. after a wrong passphrase).
    """

    def __init__(self, parent, path, mode: str = UNLOCK, error: str = ""):
        super().__init__(parent)
        if mode not in (UNLOCK, CREATE, CHANGE):
            raise ValueError(f"unknown mode {mode!r}")
        self.path = Path(path)
        self.mode = mode
        self.setObjectName("passphraseDialog")
        self.setMinimumWidth(460)
        titles = {UNLOCK: self.tr("Database ontgrendelen"), CREATE: self.tr("Nieuwe versleutelde database"),
                  CHANGE: self.tr("Wachtwoord wijzigen")}
        self.setWindowTitle(titles[mode])

        layout = QVBoxLayout(self)
        intro = {
            UNLOCK: self.tr("Geef het wachtwoord van <b>{0}</b>."),
            CREATE: self.tr("Kies een wachtwoord voor de nieuwe database <b>{0}</b>. De gegevens worden "
                            "ermee versleuteld."),
            CHANGE: self.tr("Wijzig het wachtwoord van <b>{0}</b>. De gegevens zelf blijven zoals ze zijn."),
        }[mode]
        self.file_label = QLabel(intro.format(_escape(self.path.name)))
        self.file_label.setObjectName("fileLabel")
        self.file_label.setWordWrap(True)
        self.file_label.setToolTip(str(self.path))
        layout.addWidget(self.file_label)

        self.error_label = QLabel(error)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setAccessibleName(self.tr("Foutmelding"))
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.setVisible(bool(error))
        layout.addWidget(self.error_label)

        form = QFormLayout()
        layout.addLayout(form)
        self.old_edit = None
        if mode == CHANGE:
            self.old_edit = self._line_edit("oldPassphraseEdit", self.tr("Huidig wachtwoord"))
            form.addRow(self._buddy(self.tr("&Huidig wachtwoord:"), self.old_edit), self.old_edit)
        self.edit = self._line_edit("passphraseEdit",
                                    self.tr("Wachtwoord") if mode == UNLOCK else self.tr("Nieuw wachtwoord"))
        form.addRow(self._buddy(self.tr("&Wachtwoord:") if mode == UNLOCK else self.tr("&Nieuw wachtwoord:"),
                                self.edit), self.edit)

        self.repeat_edit = self.strength_hint = self.match_hint = self.recovery_warning = None
        if mode in (CREATE, CHANGE):
            self.repeat_edit = self._line_edit("passphraseRepeatEdit", self.tr("Herhaal nieuw wachtwoord"))
            form.addRow(self._buddy(self.tr("&Herhaal:"), self.repeat_edit), self.repeat_edit)
            self.strength_hint = QLabel()
            self.strength_hint.setObjectName("strengthHint")
            self.strength_hint.setAccessibleName(self.tr("Sterkte van het wachtwoord"))
            self.strength_hint.setWordWrap(True)
            layout.addWidget(self.strength_hint)
            self.match_hint = QLabel()
            self.match_hint.setObjectName("matchHint")
            self.match_hint.setAccessibleName(self.tr("Herhaling"))
            self.match_hint.setWordWrap(True)
            layout.addWidget(self.match_hint)
            if not self._has_recovery_key():
                self.recovery_warning = QLabel(self.tr(
                    "<b>Let op:</b> er is geen herstelsleutel van de organisatie. Als u dit wachtwoord "
                    "vergeet, zijn de gegevens <b>niet meer terug te halen</b>. Bewaar het wachtwoord "
                    "veilig, of vraag de ICT-afdeling eerst een herstelsleutel te installeren."))
                self.recovery_warning.setObjectName("recoveryWarning")
                self.recovery_warning.setAccessibleName(self.tr("Waarschuwing: geen herstelsleutel"))
                self.recovery_warning.setWordWrap(True)
                self.recovery_warning.setStyleSheet(
                    "background: #fff4ce; color: #3b2f00; border: 1px solid #d9b600; padding: 6px;")
                layout.addWidget(self.recovery_warning)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setText({UNLOCK: self.tr("&Openen"), CREATE: self.tr("&Aanmaken"),
                                CHANGE: self.tr("&Wijzigen")}[mode])
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annu&leren"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addStretch(1)  # spare height below the text, not between the lines
        layout.addWidget(self.buttons)

        for edit in (self.old_edit, self.edit, self.repeat_edit):
            if edit is not None:
                edit.textChanged.connect(self._update)
        self._update()
        (self.old_edit or self.edit).setFocus()

    # ---- parts -----------------------------------------------------------------------------------------------

    def _line_edit(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _buddy(self, text: str, edit: QLineEdit) -> QLabel:
        label = QLabel(text)
        label.setBuddy(edit)
        return label

    def _has_recovery_key(self) -> bool:
        try:
            if self.mode == CHANGE:
                return _keyfile().KeyFile.load(self.path).has_recovery
            return database.organisation_recovery_key() is not None
        except GgsrError:
            return False  # unreadable: warn, as if there were none

    # ---- state -----------------------------------------------------------------------------------------------

    def _update(self) -> None:
        text = self.edit.text()
        if self.mode == UNLOCK:
            self.ok_button.setEnabled(bool(text))
            return
        if text:
            self.strength_hint.setText(_keyfile().strength_hint(text))
        else:
            self.strength_hint.setText(self.tr("Minstens {0} tekens; vier of vijf losse woorden werkt goed.")
                                       .format(_keyfile().MIN_PASSPHRASE))
        repeat = self.repeat_edit.text()
        matches = text == repeat
        if repeat and not matches:
            self.match_hint.setText(self.tr("De twee wachtwoorden zijn niet gelijk."))
        elif repeat and matches:
            self.match_hint.setText(self.tr("De twee wachtwoorden zijn gelijk."))
        else:
            self.match_hint.setText("")
        self.match_hint.setVisible(bool(self.match_hint.text()))
        ok = bool(text) and matches and _keyfile().passphrase_problem(text) is None
        if self.mode == CHANGE:
            ok = ok and bool(self.old_edit.text())
        self.ok_button.setEnabled(ok)

    def passphrase(self) -> str:
        """The passphrase typed (the new one in CREATE and CHANGE mode)."""
        return self.edit.text()

    def old_passphrase(self) -> str:
        return self.old_edit.text() if self.old_edit is not None else ""

    def accept(self) -> None:
        if self.ok_button.isEnabled():  # Enter in a field must not bypass the checks
            super().accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""What the window remembers between sessions (QSettings): its geometry, the splitters, the last interview of
each database (keyed by the database's random id, never by anything it contains)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QInputDialog

AUTHOR_KEY = "inspector/name"  # the inspector's name, for the history of the judgements


def ask_inspector_name(parent, current: str = "") -> str | None:
    """The inspector's name for the history of the judgements; None when cancelled or left empty."""
    name, ok = QInputDialog.getText(parent, parent.tr("Naam van de inspecteur"), parent.tr(
        "Uw naam (komt bij elke wijziging in de geschiedenis van de oordelen):"), text=current)
    return " ".join(name.split()) if ok and name.strip() else None


class WindowSettings:
    def __init__(self, settings: QSettings | None = None):
        self.q = settings if settings is not None else QSettings()

    def bytes(self, key: str) -> QByteArray | None:
        value = self.q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self.q.setValue(key, value)

    def last_interview(self, database_id: str) -> int | None:
        value = self.q.value(f"last_interview/{database_id}")
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def set_last_interview(self, database_id: str, interview_id: int | None) -> None:
        self.q.setValue(f"last_interview/{database_id}", "" if interview_id is None else interview_id)

    def value(self, key: str, default: str = "") -> str:
        value = self.q.value(key, default)
        return value if isinstance(value, str) else default

    def set_value(self, key: str, value: str) -> None:
        self.q.setValue(key, value)

    def sync(self) -> None:
        self.q.sync()

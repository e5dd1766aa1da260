"""One undo/redo history for what the inspector does (quote actions, judgements, report texts). Every step is
already durable when pushed; undoing applies the opposite change, which is durable too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Step:
    label: str  # Dutch, shown in the Edit menu ('Ongedaan maken: citaat verwijderen')
    undo: Callable[[], None]
    redo: Callable[[], None]
    merge: str | None = None  # steps with the same key in a row (typing in one field) undo as one


class UndoStack:
    def __init__(self, limit: int = 500):
        self.limit = limit
        self._undo: list[Step] = []
        self._redo: list[Step] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    def push(self, step: Step) -> None:
        top = self._undo[-1] if self._undo else None
        if step.merge is not None and top is not None and top.merge == step.merge and not self._redo:
            self._undo[-1] = Step(top.label, top.undo, step.redo, step.merge)  # one step from before the first
            return
        self._undo.append(step)
        del self._undo[: -self.limit]
        self._redo.clear()

    def seal(self) -> None:
        """The next step starts a new undo step, even with the same merge key (the inspector left the field)."""
        if self._undo and self._undo[-1].merge is not None:
            top = self._undo[-1]
            self._undo[-1] = Step(top.label, top.undo, top.redo)

    def undo(self) -> str:
        step = self._undo.pop()
        try:
            step.undo()
        except BaseException:
            self._undo.append(step)  # nothing happened: it can be tried again
            raise
        self._redo.append(step)
        return step.label

    def redo(self) -> str:
        step = self._redo.pop()
        try:
            step.redo()
        except BaseException:
            self._redo.append(step)
            raise
        self._undo.append(step)
        return step.label

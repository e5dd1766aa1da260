"""One undo/redo history for what the inspector does (quote actions, judgements, report texts, the study tree).
Every step is already durable when pushed; undoing applies the opposite change, which is durable too. Each step
says what it changes (`Changes`), for the screens to refresh."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ggsr_desktop.ops.changes import NOTHING, Changes


@dataclass
class Step:
    label: str  # Dutch, shown in the Edit menu ('Ongedaan maken: citaat verwijderen')
    undo: Callable[[], None]
    redo: Callable[[], None]
    merge: str | None = None  # steps with the same key in a row (typing in one field) undo as one
    changes: Changes = NOTHING


class UndoStack:
    def __init__(self, limit: int = 500):
        self.limit = limit
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._journal: list[Step] | None = None

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def depth(self) -> int:
        """How many steps can be undone."""
        return len(self._undo)

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    def push(self, step: Step) -> None:
        if self._journal is not None:
            self._journal.append(step)
        top = self._undo[-1] if self._undo else None
        if step.merge is not None and top is not None and top.merge == step.merge and not self._redo:
            # one step from before the first
            self._undo[-1] = Step(top.label, top.undo, step.redo, step.merge, top.changes | step.changes)
            return
        self._undo.append(step)
        del self._undo[: -self.limit]
        self._redo.clear()

    @contextmanager
    def recording(self) -> Iterator[list[Step]]:
        """Collect the steps pushed inside the block (what an operation did); several become one step, undone and
        redone as one. When the block raises, the history is put back as it was: the operation's writes were
        rolled back, so its steps must go too."""
        undo, redo, outer = list(self._undo), list(self._redo), self._journal
        journal: list[Step] = []
        self._journal = journal
        try:
            yield journal
            added = self._undo[len(undo):]
            if len(journal) > 1 and len(added) == len(journal) and self._undo[:len(undo)] == undo:
                self._undo[len(undo):] = [_compound(added)]
        except BaseException:
            self._undo, self._redo = undo, redo
            journal.clear()
            raise
        finally:
            self._journal = outer
            if outer is not None:
                outer.extend(journal)

    def seal(self) -> None:
        """The next step starts a new undo step, even with the same merge key (the inspector left the field)."""
        if self._undo and self._undo[-1].merge is not None:
            top = self._undo[-1]
            self._undo[-1] = Step(top.label, top.undo, top.redo, None, top.changes)

    def undo_step(self) -> Step:
        step = self._undo.pop()
        try:
            step.undo()
        except BaseException:
            self._undo.append(step)  # nothing happened: it can be tried again
            raise
        self._redo.append(step)
        return step

    def redo_step(self) -> Step:
        step = self._redo.pop()
        try:
            step.redo()
        except BaseException:
            self._redo.append(step)
            raise
        self._undo.append(step)
        return step

    def undo(self) -> str:
        return self.undo_step().label

    def redo(self) -> str:
        return self.redo_step().label

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()


def _compound(steps: list[Step]) -> Step:
    """One step for what one operation did in several (saving a quote and starting its interview)."""
    changes = steps[0].changes
    for step in steps[1:]:
        changes |= step.changes

    def undo() -> None:
        for step in reversed(steps):
            step.undo()

    def redo() -> None:
        for step in steps:
            step.redo()

    return Step(steps[0].label, undo, redo, None, changes)

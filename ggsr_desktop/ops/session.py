"""The session of an open database (Qt-free): the store, the framework catalogue, the capture through which texts
reach the store anonymised, and the one undo history of everything the inspector does in it.

Every mutation runs as an operation through `perform`: in one transaction, collecting the undo steps it pushed,
and returning what it changed (`Outcome.changes`). An operation that raises leaves nothing behind: its writes are
rolled back and its steps taken off the history. `undo` and `redo` work on the same history, whichever screen the
step came from. The GUI holds one Session per open database and runs every change through it (`gui.operations`);
the CLI and the tests may use it the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ggsr_desktop.ops.changes import NOTHING, Changes
from ggsr_desktop.ops.undo import Step, UndoStack

if TYPE_CHECKING:  # the actions and the capture (with the anonymiser's modules) are imported on first use:
    # the window opens without them
    from ggsr_desktop.framework import FrameworkCatalog
    from ggsr_desktop.ops.capture import Capture
    from ggsr_desktop.ops.followup import FollowupActions
    from ggsr_desktop.ops.judging import JudgementActions
    from ggsr_desktop.ops.quote_actions import QuoteActions
    from ggsr_desktop.ops.structure import StructureActions
    from ggsr_desktop.store import Store


@dataclass(frozen=True)
class Outcome:
    """What an operation returned, what it changed, and the label of its (last) undo step, if it made one."""

    value: Any
    changes: Changes
    label: str | None = None


def _changes(steps: list[Step]) -> Changes:
    changes = NOTHING
    for step in steps:
        changes |= step.changes
    return changes


class Session:
    def __init__(self, store: Store, catalog: FrameworkCatalog | None = None, anonymiser=None, limit: int = 500):
        self.store = store
        self.catalog = catalog
        self.history = UndoStack(limit)
        self._capture: Capture | None = None
        if anonymiser is not None:
            self.use_anonymiser(anonymiser)

    # ---- the capture -----------------------------------------------------------------------------------------

    def use_anonymiser(self, anonymiser) -> Capture:
        """One Capture per session (its person registers are cached: a person added in a dialog is known to the
        interview screen at once). `None` is the strict fallback, replaced once a real anonymiser is given."""
        from ggsr_desktop.ops.capture import Capture

        if self._capture is None or (self._capture.strict and anonymiser is not None):
            self._capture = Capture(self.store, anonymiser, catalog=self.catalog)
        return self._capture

    @property
    def capture(self) -> Capture | None:
        return self._capture

    def _need_capture(self) -> Capture:
        if self._capture is None:
            raise RuntimeError("Session.use_anonymiser first")  # a programming error, not the inspector's
        return self._capture

    # ---- the actions, all on the one history -----------------------------------------------------------------

    def quotes(self) -> QuoteActions:
        from ggsr_desktop.ops.quote_actions import QuoteActions

        return QuoteActions(self._need_capture(), stack=self.history)

    def judging(self, approach_id: int, author: str) -> JudgementActions:
        from ggsr_desktop.ops.judging import JudgementActions

        return JudgementActions(self._need_capture(), approach_id, author, self.history)

    def followups(self) -> FollowupActions:
        from ggsr_desktop.ops.followup import FollowupActions

        return FollowupActions(self._need_capture(), self.history)

    def structure(self) -> StructureActions:
        from ggsr_desktop.ops.structure import StructureActions

        return StructureActions(self.store, self.history, self._capture)

    # ---- running operations ----------------------------------------------------------------------------------

    def perform(self, operation: Callable[[], Any]) -> Outcome:
        """Run one operation: all its writes in one transaction, its steps on the history. When it raises,
        nothing of it stays (store, history, cached registers) and the exception goes to the caller."""
        try:
            with self.history.recording() as steps, self.store.transaction():
                value = operation()
        except BaseException:
            if self._capture is not None:
                self._capture.forget_cached_registers()
            raise
        return Outcome(value, _changes(steps), steps[0].label if steps else None)

    def undo(self) -> Outcome:
        return self._step(self.history.undo_step)

    def redo(self) -> Outcome:
        return self._step(self.history.redo_step)

    def _step(self, take: Callable[[], Step]) -> Outcome:
        try:
            with self.store.transaction():
                step = take()
        except BaseException:
            if self._capture is not None:
                self._capture.forget_cached_registers()
            raise
        return Outcome(step.label, step.changes, step.label)

    def seal(self) -> None:
        """The inspector left a field: the next typing in it is a step of its own."""
        self.history.seal()

    def close(self) -> None:
        self.history.clear()
        self._capture = None

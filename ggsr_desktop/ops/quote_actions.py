"""Undo and redo of what the inspector does with quotes: save, edit, change kind, recode, delete, and the review
of the anonymisation (put a replaced word back, replace a missed part, mark as checked).

Every action goes through the store at once (durable when the call returns); undo applies the opposite change,
which is durable too. Texts only ever reach the store anonymised: a new or edited text goes through `Capture`,
and undo/redo put back texts that were stored (anonymised) before. Labels are Dutch: the GUI shows them in
its Edit menu ('Ongedaan maken: citaat verwijderen').
"""

from __future__ import annotations

from ggsr_desktop.models import Kind, Quote
from ggsr_desktop.ops import review
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.ops.changes import QUOTES
from ggsr_desktop.ops.undo import Step, UndoStack


class QuoteActions:
    """`stack` may be shared with other actions (the review screen undoes recodes and judgements in one history)."""

    def __init__(self, capture: Capture, limit: int = 500, stack: UndoStack | None = None):
        self.capture = capture
        self.store = capture.store
        self.stack = stack or UndoStack(limit)

    # ---- state -------------------------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return self.stack.can_undo

    @property
    def can_redo(self) -> bool:
        return self.stack.can_redo

    @property
    def undo_label(self) -> str | None:
        return self.stack.undo_label

    @property
    def redo_label(self) -> str | None:
        return self.stack.redo_label

    def undo(self) -> str:
        return self.stack.undo()

    def redo(self) -> str:
        return self.stack.redo()

    def _done(self, step: Step) -> None:
        step.changes = QUOTES
        self.stack.push(step)

    # ---- actions -----------------------------------------------------------------------------------------

    def save(self, interview_id: int, text: str, kind: str = Kind.QUOTE,
             codings: dict[str, str] | None = None) -> Quote:
        quote = self.capture.save_quote(interview_id, text, kind, codings)
        saved = {"quote": quote}

        def undo() -> None:
            saved["quote"] = self.store.get_quote(quote.id)
            self.store.delete_quote(quote.id)

        self._done(Step("citaat opslaan", undo, lambda: self.store.restore_quote(saved["quote"])))
        return quote

    def edit_text(self, quote_id: int, text: str) -> Quote:
        before = self.store.get_quote(quote_id)
        after = self.capture.update_quote_text(quote_id, text)
        self._done(Step("tekst wijzigen", lambda: self._put_text(before), lambda: self._put_text(after)))
        return after

    def _put_text(self, quote: Quote) -> None:
        self.store.update_quote(quote.id, text=quote.text, spans=quote.spans, needs_review=quote.needs_review)

    def set_kind(self, quote_id: int, kind: str) -> Quote:
        before = self.store.get_quote(quote_id).kind
        after = self.store.update_quote(quote_id, kind=kind)
        self._done(Step("soort wijzigen", lambda: self.store.update_quote(quote_id, kind=before),
                         lambda: self.store.update_quote(quote_id, kind=after.kind)))
        return after

    def recode(self, quote_id: int, codings: dict[str, str]) -> Quote:
        before = {c.indicator_id: c.stance for c in self.store.get_quote(quote_id).codings}
        after = self.store.replace_codings(quote_id, codings)
        wanted = dict(codings)
        self._done(Step("codering wijzigen", lambda: self.store.replace_codings(quote_id, before),
                         lambda: self.store.replace_codings(quote_id, wanted)))
        return after

    def delete(self, quote_id: int) -> None:
        quote = self.store.get_quote(quote_id)
        self.store.delete_quote(quote_id)
        self._done(Step("citaat verwijderen", lambda: self.store.restore_quote(quote),
                         lambda: self.store.delete_quote(quote_id)))

    # ---- anonymisation review ------------------------------------------------------------------------------

    def _revise(self, quote_id: int, label: str, revise) -> Quote:
        before = self.store.get_quote(quote_id)
        revised = revise(before)
        after = self.store.update_quote(quote_id, text=revised.text, spans=revised.spans,
                                        needs_review=revised.needs_review)
        self._done(Step(label, lambda: self._put_text(before), lambda: self._put_text(after)))
        return after

    def revert_span(self, quote_id: int, index: int, word: str) -> Quote:
        """Put back the retyped `word` for replacement `index`; refused (ValidationError) if it identifies."""
        case_id = self.store.get_interview(self.store.get_quote(quote_id).interview_id).case_id
        register = self.capture.register(case_id)
        return self._revise(quote_id, "vervanging terugdraaien",
                            lambda quote: review.revert_span(quote, index, word, register))

    def redact(self, quote_id: int, start: int, end: int, label: str) -> Quote:
        """Replace text[start:end] (whole words) of the stored quote by `[label]`."""
        return self._revise(quote_id, "deel vervangen", lambda quote: review.redact_span(quote, start, end, label))

    def confirm(self, quote_id: int) -> Quote:
        """The inspector checked the quote: it no longer needs review."""
        before = self.store.get_quote(quote_id).needs_review
        after = self.store.confirm_quote(quote_id)
        self._done(Step("als gecontroleerd markeren",
                         lambda: self.store.update_quote(quote_id, needs_review=before),
                         lambda: self.store.confirm_quote(quote_id)))
        return after

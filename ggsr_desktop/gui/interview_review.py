"""The interview screen's actions on its quote list that review the anonymisation (Ctrl+T put a word back, Ctrl+M
replace a missed part, Ctrl+K checked) and its context menu; a mixin of `InterviewScreen`, which provides
`quote_list`, `store`, `actions`, `performing` (the actions as operations), `quotes`, `_run`, `_notify`, `refresh`
and the other quote actions."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from ggsr_desktop.gui.review_dialogs import RedactDialog, RevertDialog


class QuoteReviewActions:
    def _selected_quote(self):
        quote_id = self.quote_list.current_quote_id()
        if quote_id is None or self.actions is None:
            return None
        return self.store.get_quote(quote_id)

    def revert_selected(self) -> None:
        quote = self._selected_quote()
        if quote is None:
            return
        if not quote.spans:
            self._notify(self.tr("Dit citaat heeft geen vervangingen om terug te draaien."))
            return
        self._review(RevertDialog(self, quote, lambda index, word: self.performing.revert_span(quote.id, index, word)))

    def redact_selected(self) -> None:
        quote = self._selected_quote()
        if quote is not None:
            used = sorted({s.placeholder.strip("[]") for q in self.quotes for s in q.spans})
            self._review(RedactDialog(self, quote, lambda a, b, p: self.performing.redact(quote.id, a, b, p), used))

    def confirm_selected(self) -> None:
        quote = self._selected_quote()
        if quote is not None and quote.needs_review:
            self._run(lambda: self.actions.confirm(quote.id))
            self._notify(self.tr("Gemarkeerd als gecontroleerd."))

    def _review(self, dialog) -> None:
        self.review_dialog = dialog
        dialog.setObjectName("reviewDialog")

        def done(result: int) -> None:
            if result:
                self._notify(self.tr("Aangepast; de oorspronkelijke tekst is nergens bewaard. Ctrl+Z maakt het "
                                     "ongedaan."))
                self.refresh(keep=dialog.quote.id)
            self.quote_list.setFocus()

        dialog.finished.connect(done)
        dialog.open()

    def _quote_menu(self, pos) -> None:
        if self.quote_list.itemAt(pos) is None:
            return
        menu = QMenu(self)
        menu.setObjectName("quoteMenu")
        for text, keys, slot in ((self.tr("Bewerken…"), "F2", self.edit_selected),
                                 (self.tr("Hercoderen naar de huidige indicator"), "Ctrl+R", self.recode_selected),
                                 (self.tr("Vervanging terugdraaien…"), "Ctrl+T", self.revert_selected),
                                 (self.tr("Extra deel vervangen…"), "Ctrl+M", self.redact_selected),
                                 (self.tr("Gecontroleerd"), "Ctrl+K", self.confirm_selected),
                                 (self.tr("Verwijderen"), "Del", self.delete_selected)):
            action = menu.addAction(f"{text}\t{keys}")
            action.triggered.connect(slot)
        menu.popup(self.quote_list.viewport().mapToGlobal(pos))
        self.quote_menu = menu

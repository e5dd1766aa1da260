"""Exporting from the window (Bestand › Nota van bevindingen exporteren, Ctrl+Shift+E; Bewijsdocument exporteren;
Factsheet exporteren, Ctrl+Shift+F, for a policy-level approach: the municipality's 'Uitkomsten toezichtonderzoek';
Verbeterpunten exporteren, for a follow-up: 'Uitkomsten verbeterpunten', refused with the list of verbeterpunten
not re-assessed yet unless the inspector chooses a draft; Huisstijlsjabloon). The data is read and checked on the
GUI thread (a fraction of a second); the document is built and written on a worker thread with a progress dialog;
afterwards the folder can be opened."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.gui.background import run_in_background
from ggsr_desktop.gui.window_settings import AUTHOR_KEY

TEMPLATE_KEY = "export/template"


class ExportHost(QObject):
    exported = Signal(object)  # ExportResult

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog = None  # the open message or progress dialog (tests look at it)
        self.last_result = None
        self.last_error: str | None = None
        menu = window.file_menu
        first = menu.actions()[2] if len(menu.actions()) > 2 else None
        self.nota_action = self._action(self.tr("Nota van &bevindingen exporteren…"), "Ctrl+Shift+E",
                                        lambda: self.export("nota"), "exportNotaAction")
        self.evidence_action = self._action(self.tr("Bewijs&document exporteren…"), None,
                                            lambda: self.export("evidence"), "exportEvidenceAction")
        self.factsheet_action = self._action(self.tr("&Factsheet exporteren…"), "Ctrl+Shift+F",
                                             lambda: self.export("factsheet"), "exportFactsheetAction")
        self.followup_action = self._action(self.tr("&Verbeterpunten exporteren…"), None,
                                            lambda: self.export("followup"), "exportFollowupAction")
        self.template_action = self._action(self.tr("&Huisstijlsjabloon voor de nota…"), None, self.choose_template,
                                            "templateAction")
        for action in (self.nota_action, self.evidence_action, self.factsheet_action, self.followup_action,
                       self.template_action):
            menu.insertAction(first, action)
        menu.insertSeparator(first)
        menu.aboutToShow.connect(self.update_actions)
        window.tree.currentItemChanged.connect(lambda *_: self.update_actions())
        self.update_actions()

    def update_actions(self) -> None:
        """The factsheet belongs to a policy-level approach, the nota and the evidence document to a case-level one,
        the 'Uitkomsten verbeterpunten' to a follow-up."""
        w = self.window
        approach_id = w.selected("approach")
        policy = w.store is not None and not w.store.closed and w.is_policy(approach_id)
        followup = w.followup.is_followup(approach_id)
        self.factsheet_action.setEnabled(policy and not followup)
        self.followup_action.setEnabled(followup)
        for action in (self.nota_action, self.evidence_action):
            action.setEnabled(not policy and not followup)

    def _action(self, text, keys, slot, name) -> QAction:
        action = QAction(text, self.window, triggered=slot)
        action.setObjectName(name)
        if keys:
            action.setShortcut(QKeySequence(keys))
        return action

    # ---- the template -------------------------------------------------------------------------------------------

    def template(self) -> Path | None:
        value = self.window.settings.value(TEMPLATE_KEY, "")
        return Path(value) if value else None

    def set_template(self, path: Path | None) -> None:
        """Remember the organisation's house style (checked now: a broken file is refused with a message)."""
        if path is not None:
            from ggsr_desktop.report.docx_base import new_document

            new_document(path)
        self.window.settings.set_value(TEMPLATE_KEY, str(path) if path else "")
        self.window.settings.sync()

    def choose_template(self) -> None:
        w = self.window
        current = self.template()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Huisstijlsjabloon"), self.tr(
            "Huidig sjabloon: {0}\n\nDe nota neemt de stijlen (lettertypen, kleuren, koppen) over uit een "
            "Word-document of -sjabloon van uw organisatie.").format(current or self.tr("geen (standaardopmaak)")),
            parent=w)
        choose = box.addButton(self.tr("Sjabloon &kiezen…"), QMessageBox.ButtonRole.AcceptRole)
        clear = box.addButton(self.tr("&Geen sjabloon"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Annu&leren"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is clear:
            self.set_template(None)
        elif box.clickedButton() is choose:
            name, _ = QFileDialog.getOpenFileName(w, self.tr("Huisstijlsjabloon kiezen"), str(current or Path.home()),
                                                  self.tr("Word-document of -sjabloon (*.docx *.dotx)"))
            if name:
                try:
                    self.set_template(Path(name))
                except GgsrError as exc:
                    QMessageBox.warning(w, self.tr("Sjabloon niet bruikbaar"), str(exc))

    # ---- exporting ------------------------------------------------------------------------------------------------

    def export(self, what: str, path: Path | None = None, draft: bool = False) -> None:
        """Ask where (unless `path` is given), read and check the data, then write on a worker thread; `draft`: a
        follow-up with verbeterpunten not re-assessed yet ('[nog te beoordelen]' in their cells)."""
        from ggsr_desktop.report import (
            ExportRefused,
            prepare_evidence,
            prepare_factsheet,
            prepare_followup,
            prepare_nota,
        )
        from ggsr_desktop.report.followup_content import MissingReassessment

        w = self.window
        approach_id = w.selected_approach()
        if approach_id is None:
            return
        approach = w.store.get_approach(approach_id)
        framework = w.framework_of(approach_id)
        if framework is None:
            return
        if what == "factsheet" and not w.is_policy(approach_id):
            self._failed(self.tr("Een factsheet hoort bij een aanpak van een onderzoek op beleidsniveau; kies links "
                                 "zo'n aanpak."))
            return
        if what == "followup" and not w.followup.is_followup(approach_id):
            self._failed(self.tr("De uitkomsten van de verbeterpunten horen bij een vervolgonderzoek; kies links een "
                                 "vervolgonderzoek (of maak er een aan: Onderzoek › Vervolgonderzoek aanmaken…)."))
            return
        if w.interview_screen is not None:
            w.interview_screen.save_draft()
        if w.review.screen is not None:
            w.review.screen.flush(closing=False)  # what is being typed goes into the report too
        if w.followup.screen is not None:
            w.followup.screen.flush(closing=False)
        if path is None:
            title = {"nota": self.tr("Nota van Bevindingen {0} {1}"),
                     "evidence": self.tr("Bewijs per indicator {0} {1}"),
                     "factsheet": self.tr("Uitkomsten toezichtonderzoek {0}"),
                     "followup": self.tr("Uitkomsten verbeterpunten toezichtonderzoek {0} {1}")}[what].format(
                approach.municipality, approach.name)
            start = Path(w.settings.value("export/dir", str(Path.home()))) / f"{_safe(title)}.docx"
            name, _ = QFileDialog.getSaveFileName(w, self.tr("Exporteren als Word-document"), str(start),
                                                  self.tr("Word-document (*.docx)"))
            if not name:
                return
            path = Path(name if name.lower().endswith(".docx") else name + ".docx")
        try:
            if what == "nota":
                job = prepare_nota(w.store, framework, approach_id, self.template(),
                                   author=w.settings.value(AUTHOR_KEY, ""))
            elif what == "factsheet":  # every policy-level approach of the municipality, one 'Aanpak:' part each
                w.ready_capture()  # the anonymiser: a private person's name in a text refuses the export
                job = prepare_factsheet(w.store, lambda a: w.framework_of(a.id, warn=False), approach.municipality,
                                        anonymiser=w.provider().get(), author=w.settings.value(AUTHOR_KEY, ""))
            elif what == "followup":  # the guard checks at the follow-up's level, with its anonymiser
                w.ready_capture()
                job = prepare_followup(w.store, framework, approach_id, draft=draft, anonymiser=w.provider().get(),
                                       author=w.settings.value(AUTHOR_KEY, ""))
            else:
                job = prepare_evidence(w.store, framework, approach_id)
        except ExportRefused as exc:
            self._refused(exc)
            return
        except MissingReassessment as exc:
            self._missing(exc, path)
            return
        except GgsrError as exc:
            self._failed(str(exc))
            return
        w.settings.set_value("export/dir", str(path.parent))
        self._write(job, path, what)

    def _write(self, job, path: Path, what: str = "nota") -> None:
        progress = QProgressDialog(self.tr("Document wordt gemaakt…"), "", 0, 100, self.window)
        progress.setObjectName("exportProgress")
        progress.setWindowTitle(self.tr("Exporteren"))
        progress.setCancelButton(None)  # writing takes about a second; a half-written file is never left behind
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setValue(0)
        self.progress = progress
        self.last_result, self.last_error = None, None

        def failed(exc: BaseException) -> None:
            progress.close()
            self._failed(str(exc) if isinstance(exc, GgsrError) else
                         self.tr("onverwachte fout: {0}").format(type(exc).__name__))

        self.worker = run_in_background(  # the prepared job does not touch the store (the threading rule)
            lambda report: job.write(path, report), lambda result: self._done(result, progress, what), failed,
            progress=lambda f, m: (progress.setValue(int(f * 100)), progress.setLabelText(
                self.tr("Document wordt gemaakt: {0}…").format(m))), name="export")

    def _done(self, result, progress, what: str = "nota") -> None:
        progress.close()
        self.last_result = result
        self.exported.emit(result)
        if what == "factsheet":
            text = self.tr("Opgeslagen als {0}.\n\nDe factsheet bevat {1} aanpak(ken) van de gemeente.").format(
                result.path, result.parts)
        elif what == "followup":
            extra = result.extra or {}
            text = self.tr("Opgeslagen als {0}.\n\n{1}.").format(result.path, extra.get("summary", ""))
            if extra.get("draft") and extra.get("missing"):
                text += self.tr("\n\nDit is een concept: bij {0} verbeterpunt(en) staat [nog te beoordelen].").format(
                    len(extra["missing"]))
        else:
            extra = self.tr("\n\n{0} citaten zijn automatisch gekozen; in Word staat er een opmerking bij om ze te "
                            "controleren.").format(result.auto_quotes) if result.auto_quotes else ""
            text = self.tr("Opgeslagen als {0}.{1}\n\nWerk in Word of LibreOffice de inhoudsopgave bij (Word vraagt "
                           "erom bij het openen).").format(result.path, extra)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Geëxporteerd"), text, parent=self.window)
        open_folder = box.addButton(self.tr("&Map openen"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Sluiten"), QMessageBox.ButtonRole.RejectRole)
        box.setObjectName("exportDone")
        box.finished.connect(lambda _r: box.clickedButton() is open_folder and QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(result.path.parent))))
        self.dialog = box
        box.open()

    def _missing(self, exc, path: Path) -> None:
        """Verbeterpunten without a year-2 judgement: name them, and offer a draft (or going back to judge them)."""
        self.last_error = str(exc)
        w = self.window
        shown = exc.texts[:12]
        items = "".join(f"<li>{html.escape(' '.join(t.split()))}</li>" for t in shown)
        more = self.tr("<p>… en nog {0}.</p>").format(len(exc.texts) - len(shown)) if len(exc.texts) > len(shown) \
            else ""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Nog niet alles opnieuw beoordeeld"), self.tr(
            "<p>Bij {0} verbeterpunt(en) ontbreekt nog het oordeel van het tweede jaar:</p><ul>{1}</ul>{2}"
            "<p>Beoordeel ze eerst, of exporteer een concept: daarin staat bij die punten "
            "<i>[nog te beoordelen]</i>.</p>").format(
            len(exc.texts), items, more), parent=w)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setObjectName("exportMissing")
        draft = box.addButton(self.tr("&Concept exporteren"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Annu&leren"), QMessageBox.ButtonRole.RejectRole)
        self.draft_button = draft

        def finished(_result) -> None:
            if box.clickedButton() is draft:
                self.export("followup", path, draft=True)

        box.finished.connect(finished)
        self.dialog = box
        box.open()

    def _failed(self, message: str) -> None:
        self.last_error = message
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Exporteren mislukt"), message, parent=self.window)
        box.setObjectName("exportFailed")
        self.dialog = box
        box.open()

    def _refused(self, exc) -> None:
        """Nothing was written; the inspector can go to the quote that holds the name."""
        self.last_error = str(exc)
        w = self.window
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export geweigerd"), str(exc)[:1].upper() + str(exc)[1:],
                          parent=w)
        box.setObjectName("exportRefused")
        go = None
        if exc.quote_id is not None:
            go = box.addButton(self.tr("Citaat &openen"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Sluiten"), QMessageBox.ButtonRole.RejectRole)

        def finished(_result) -> None:
            if go is not None and box.clickedButton() is go:
                quote = w.store.get_quote(exc.quote_id)
                w.open_interview(quote.interview_id, quote.id)

        box.finished.connect(finished)
        self.dialog = box
        box.open()


def _safe(name: str) -> str:
    """A file name without characters that file systems refuse."""
    return "".join(c for c in name if c not in '<>:"/\\|?*').strip() or "nota"

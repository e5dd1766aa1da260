"""The detail pane: a read-only view of the selected study, approach, case or interview."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ggsr_desktop.framework import FrameworkCatalog
from ggsr_desktop.gui import labels
from ggsr_desktop.models import DESCRIPTION_FIELDS, POLICY_SOURCES, Level
from ggsr_desktop.store import Store


class DetailPane(QWidget):
    review_requested = Signal(int)  # approach id

    def __init__(self):
        super().__init__()
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet("color: palette(mid);")

        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 8, 0, 8)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)

        self.sections_host = QWidget()
        self.sections = QVBoxLayout(self.sections_host)
        self.sections.setContentsMargins(0, 0, 0, 0)

        self.table = QTableWidget()
        self.table.setObjectName("detailTable")
        self.table.setAccessibleName(self.tr("Overzicht van het geselecteerde onderdeel"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.form_host)
        layout.addWidget(self.sections_host)
        layout.addWidget(self.table, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # ---- building blocks -----------------------------------------------------------------------------------

    def _reset(self, title: str, subtitle: str = "") -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))
        while self.form.rowCount():
            self.form.removeRow(0)
        while self.sections.count():
            old = self.sections.takeAt(0).widget()
            old.hide()  # gone from view now, not only when the event loop deletes it
            old.deleteLater()
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.table.hide()

    def _row(self, label: str, value: str) -> None:
        text = QLabel(value or "—")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(f"<b>{label}</b>", text)

    def _section(self, heading: str, body: str) -> None:
        title = QLabel(f"<b>{heading}</b>")
        title.setContentsMargins(0, 10, 0, 2)
        text = QLabel(body or self.tr("(nog niet ingevuld)"))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sections.addWidget(title)
        self.sections.addWidget(text)

    def _fill_table(self, headers: list[str], rows: list[list[str]], stretch: int) -> None:
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        for c in range(len(headers)):
            mode = QHeaderView.ResizeMode.Stretch if c == stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(c, mode)
        self.table.resizeRowsToContents()
        self.table.show()

    # ---- views ---------------------------------------------------------------------------------------------

    def show_empty(self, db_path) -> None:
        self._reset(self.tr("Geen onderzoeken"), self.tr(
            "Deze database ({0}) bevat nog geen onderzoeken. Open een andere database via Bestand › Database "
            "openen, of bekijk de demo-studie met: ggsr-desktop --demo").format(db_path.name))

    def show_study(self, store: Store, catalog: FrameworkCatalog, study_id: int) -> None:
        study = store.get_study(study_id)
        self._reset(study.name, self.tr("Onderzoek"))
        try:
            framework_name = catalog.get(study.framework_id).name
        except KeyError:
            framework_name = self.tr("{0} (niet gevonden)").format(study.framework_id)
        self._row(self.tr("Toetsingskader"), framework_name)
        approaches = store.list_approaches(study.id)
        self._row(self.tr("Aanpakken"), str(len(approaches)))
        self._row(self.tr("Aangemaakt"), study.created[:10])

    def show_approach(self, store: Store, catalog: FrameworkCatalog, approach_id: int) -> None:
        approach = store.get_approach(approach_id)
        study = store.get_study(approach.study_id)
        self._reset(f"{approach.municipality} — {approach.name}", self.tr("Aanpak in {0}").format(study.name))
        counts = store.counts(approach.id)
        try:
            framework = catalog.get(study.framework_id)
        except KeyError:
            framework = None
        total = len(framework.indicators) if framework is not None else 0
        policy = framework is not None and framework.level == Level.POLICY
        judged = sum(1 for j in store.list_judgements(approach.id) if j.mark is not None)
        self._row(self.tr("Gemeente"), approach.municipality)
        if policy:  # respondents instead of families; the factsheet instead of the nota
            respondents = store.respondents(approach.id)
            self._row(self.tr("Niveau"), self.tr("beleidsniveau (factsheet: Bestand › Factsheet exporteren)"))
            for role in POLICY_SOURCES:
                names = [labels.respondent(r) for r in respondents if r.role is role]
                self._row(labels.policy_role(role), "\n".join(names) if names else self.tr(
                    "nog geen — Onderzoek › Respondent toevoegen (Ctrl+Shift+R)"))
        else:
            self._row(self.tr("Regisseur heet"), approach.regisseur_label)
            self._row(self.tr("Casussen"), str(counts["cases"]))
            self._row(self.tr("Gesprekken"), str(counts["interviews"]))
        self._row(self.tr("Citaten"), str(counts["quotes"]))
        self._row(self.tr("Beoordeelde indicatoren"), self.tr("{0} van {1}").format(judged, total))
        button = QPushButton(self.tr("Bewijs beoordelen en oordelen (Ctrl+B)"))
        button.setObjectName("openReviewButton")
        button.setAccessibleName(self.tr("Bewijs van deze aanpak beoordelen en oordelen"))
        button.clicked.connect(lambda: self.review_requested.emit(approach_id))
        self.form.addRow("", button)
        if policy:
            self._section(self.tr("Beschrijving"), approach.overview)
            return
        for name in DESCRIPTION_FIELDS:
            self._section(labels.description_field(name), approach.description.get(name, ""))

    def show_case(self, store: Store, catalog: FrameworkCatalog, case_id: int) -> None:
        case = store.get_case(case_id)
        approach = store.get_approach(case.approach_id)
        self._reset(case.code, self.tr("Casus in {0} — {1}").format(approach.municipality, approach.name))
        quote_counts = store.quote_counts_by_interview(case.id)
        rows = [
            [labels.role(iv.role, approach.regisseur_label), iv.organisation_type or "", iv.date or "",
             labels.status(iv.status), str(quote_counts.get(iv.id, 0))]
            for iv in store.list_interviews(case.id)
        ]
        self._fill_table([self.tr("Respondent"), self.tr("Organisatietype"), self.tr("Datum"), self.tr("Status"),
                          self.tr("Citaten")], rows, stretch=1)

    def show_interview(self, store: Store, catalog: FrameworkCatalog, interview_id: int) -> None:
        iv = store.get_interview(interview_id)
        case = store.get_case(iv.case_id)
        approach = store.get_approach(case.approach_id)
        study = store.get_study(approach.study_id)
        try:
            framework = catalog.get(study.framework_id)
        except KeyError:
            framework = None
        if case.survey:  # a respondent of a policy-level approach
            self._reset(labels.respondent(iv), f"{approach.municipality} — {approach.name}")
        else:
            role = labels.role(iv.role, approach.regisseur_label)
            self._reset(f"{case.code} — {role}", iv.organisation_type or "")
        self._row(self.tr("Datum"), iv.date or "")
        self._row(self.tr("Status"), labels.status(iv.status))
        quotes = store.list_quotes(iv.id)
        self._row(self.tr("Citaten"), str(len(quotes)))
        rows = []
        for q in quotes:
            coded = []
            for c in q.codings:
                text = c.indicator_id
                if framework is not None and framework.has_indicator(c.indicator_id):
                    text = " ".join(framework.indicator(c.indicator_id).text.split())
                coded.append(f"{text} ({labels.stance(c.stance)})")
            kind = labels.kind(q.kind) + (self.tr("\ncontroleren") if q.needs_review else "")
            rows.append([q.text, kind, "\n".join(coded) or self.tr("nog te coderen")])
        self._fill_table([self.tr("Tekst"), self.tr("Soort"), self.tr("Indicatoren")], rows, stretch=0)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(2, 280)
        self.table.resizeRowsToContents()

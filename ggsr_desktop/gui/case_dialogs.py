"""Dialogs that prepare an inspection: a new (or changed) study, a new (or changed) approach, a new case with its
known persons and its planned interviews, more known persons, and a respondent of a policy-level approach. They only
collect input and run one operation of `ops.structure` (`actions`, run through the window's operations: undoable);
on an error the dialog stays open with the message, so nothing typed is lost."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
)

from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.framework import FrameworkCatalog
from ggsr_desktop.gui import labels
from ggsr_desktop.gui.form_dialog import FormDialog, named
from ggsr_desktop.models import DEFAULT_REGISSEUR_LABEL, ORGANISATION_TYPES, POLICY_SOURCES, Approach, Role, Study
from ggsr_desktop.ops.planning import PROFESSIONALS_PER_CASE

PERSON_ROLES = ("moeder", "vader", "partner", "kind 1", "kind 2", "kind 3", "oma", "opa", "casemanager",
                "procesmanager", "gezinscoach", "mentor", "bewindvoerder")
REGISSEUR_LABELS = (DEFAULT_REGISSEUR_LABEL, "procesmanager", "casemanager", "gezinscoach", "gezinsregisseur")
PERSON_ROWS = 6


class StudyDialog(FormDialog):
    """A new study, or with `study` its name changed (the framework of a study cannot change)."""

    def __init__(self, parent, actions, catalog: FrameworkCatalog, study: Study | None = None):
        super().__init__(parent, self.tr("Onderzoek wijzigen") if study else self.tr("Nieuw onderzoek"),
                         self.tr("&Opslaan") if study else None)
        self.actions, self.study = actions, study
        form = QFormLayout()
        self.name = named(QLineEdit(study.name if study else ""), "studyNameEdit", self.tr("Naam van het onderzoek"))
        self.name.setPlaceholderText(self.tr("bijv. GGSR 2027 ronde 1"))
        self.framework = named(QComboBox(), "frameworkCombo", self.tr("Toetsingskader"))
        for fw in catalog.frameworks:
            self.framework.addItem(fw.name, fw.id)
        case_level = [k for k, fw in enumerate(catalog.frameworks) if fw.level == "casus"]
        if case_level:  # the app's method is case level: that framework is the default
            self.framework.setCurrentIndex(case_level[0])
        if study is not None:
            self.framework.setCurrentIndex(max(self.framework.findData(study.framework_id), 0))
            self.framework.setEnabled(False)
        form.addRow(self.tr("&Naam:"), self.name)
        form.addRow(self.tr("&Toetsingskader:"), self.framework)
        self.layout_.addLayout(form)
        self.finish_layout()

    def apply(self):
        if self.study is not None:
            return self.actions.rename_study(self.study.id, self.name.text())
        return self.actions.add_study(self.name.text(), self.framework.currentData() or "")


class ApproachDialog(FormDialog):
    """A new approach of a study, or with `approach` its municipality, name and regisseur label changed."""

    def __init__(self, parent, actions, study_id: int, approach: Approach | None = None):
        super().__init__(parent, self.tr("Aanpak wijzigen") if approach else self.tr("Nieuwe aanpak"),
                         self.tr("&Opslaan") if approach else None)
        self.actions, self.study_id, self.approach = actions, study_id, approach
        form = QFormLayout()
        self.municipality = named(QLineEdit(approach.municipality if approach else ""), "municipalityEdit",
                                  self.tr("Gemeente"))
        self.name = named(QLineEdit(approach.name if approach else ""), "approachNameEdit",
                          self.tr("Naam van de aanpak"))
        self.label = named(QComboBox(), "regisseurLabelCombo", self.tr("Hoe heet de regisseur"))
        self.label.setEditable(True)
        self.label.addItems(REGISSEUR_LABELS)
        if approach is not None:
            self.label.setCurrentText(approach.regisseur_label)
        form.addRow(self.tr("&Gemeente:"), self.municipality)
        form.addRow(self.tr("&Aanpak:"), self.name)
        form.addRow(self.tr("&Regisseur heet:"), self.label)
        self.layout_.addLayout(form)
        self.finish_layout()

    def apply(self):
        label = self.label.currentText().strip() or Role.REGISSEUR.value
        if self.approach is not None:
            return self.actions.update_approach(self.approach.id, municipality=self.municipality.text(),
                                                name=self.name.text(), regisseur_label=label)
        return self.actions.add_approach(self.study_id, self.municipality.text(), self.name.text(), label)


class CaseDialog(FormDialog):
    """A new case: code, known persons (for the anonymiser only) and the interviews, planned in one step."""

    def __init__(self, parent, actions, capture, approach_id: int):
        super().__init__(parent, self.tr("Nieuwe casus"))
        self.actions, self.capture, self.approach_id = actions, capture, approach_id
        self.resize(620, 560)
        form = QFormLayout()
        self.code = named(QLineEdit(), "caseCodeEdit", self.tr("Casuscode"))
        self.code.setPlaceholderText(self.tr("bijv. Gezin A — nooit een naam"))
        form.addRow(self.tr("&Casuscode:"), self.code)
        self.layout_.addLayout(form)

        persons = QGroupBox(self.tr("Bekende personen (alleen voor het anonimiseren; nergens leesbaar opgeslagen)"))
        grid = QGridLayout(persons)
        self.person_rows: list[tuple[QComboBox, QLineEdit]] = []
        for row in range(PERSON_ROWS):
            role = named(QComboBox(), f"personRole{row}", self.tr("Rol van persoon {0}").format(row + 1))
            role.setEditable(True)
            role.addItems(PERSON_ROLES)
            role.setCurrentIndex(min(row, len(PERSON_ROLES) - 1))
            name = named(QLineEdit(), f"personName{row}", self.tr("Naam van persoon {0}").format(row + 1))
            name.setPlaceholderText(self.tr("naam (leeg laten als niet van toepassing)"))
            grid.addWidget(role, row, 0)
            grid.addWidget(name, row, 1)
            self.person_rows.append((role, name))
        self.layout_.addWidget(persons)

        plan = QGroupBox(self.tr("Gesprekken"))
        grid = QGridLayout(plan)
        self.dates: dict[str, QDateEdit] = {}  # 'gezin', 'regisseur', 'professional 1' … , 'document'
        self.professionals: list[QComboBox] = []
        rows = [(Role.FAMILY, self.tr("Gesprek met het gezin")), (Role.REGISSEUR, self.tr("Gesprek met de regisseur"))]
        rows += [(f"{Role.PROFESSIONAL.value} {i + 1}", self.tr("Professional {0}").format(i + 1))
                 for i in range(PROFESSIONALS_PER_CASE)]
        rows += [(Role.DOCUMENT, self.tr("Dossieronderzoek gezinsplan"))]
        for row, (role, text) in enumerate(rows):
            grid.addWidget(QLabel(text), row, 0)
            if role.startswith(Role.PROFESSIONAL):
                org = named(QComboBox(), f"organisationCombo{len(self.professionals)}",
                             self.tr("Organisatietype van {0}").format(text))
                org.setEditable(True)
                org.addItems(ORGANISATION_TYPES)
                org.setCurrentIndex(len(self.professionals))
                self.professionals.append(org)
                grid.addWidget(org, row, 1)
            date = named(QDateEdit(QDate.currentDate()), f"date_{role.replace(' ', '')}",
                          self.tr("Datum van {0}").format(text))
            date.setCalendarPopup(True)
            date.setDisplayFormat("dd-MM-yyyy")
            self.dates[role] = date
            grid.addWidget(date, row, 2)
        self.layout_.addWidget(plan)
        self.finish_layout()

    def persons(self) -> list[Person]:
        return [Person(role.currentText().strip() or "persoon", name.text().strip())
                for role, name in self.person_rows if name.text().strip()]

    def apply(self):
        """One operation: the case, its persons and its interviews, or (on an error) nothing at all."""
        return self.actions.create_case(self.approach_id, self.code.text(), self.persons(),
                                        [c.currentText() for c in self.professionals],
                                        {role: d.date().toString("yyyy-MM-dd") for role, d in self.dates.items()})


class PersonsDialog(FormDialog):
    """Add known persons to an existing case. Names already entered cannot be shown (only digests are kept);
    the placeholders in use are listed."""

    def __init__(self, parent, actions, capture, case_id: int):
        super().__init__(parent, self.tr("Bekende personen toevoegen"))
        self.actions, self.capture, self.case_id = actions, capture, case_id
        placeholders = sorted({p if p.startswith("[") else f"[{p}]"
                               for _, p in capture.store.register_entries(case_id).values()})
        known = QLabel(self.tr("Al bekend: {0}").format(", ".join(placeholders)) if placeholders
                       else self.tr("Nog geen bekende personen."))
        known.setWordWrap(True)
        self.known = named(known, "knownPersons", self.tr("Al bekende personen"))
        self.layout_.addWidget(known)
        grid = QGridLayout()
        self.person_rows: list[tuple[QComboBox, QLineEdit]] = []
        for row in range(4):
            role = named(QComboBox(), f"personRole{row}", self.tr("Rol van persoon {0}").format(row + 1))
            role.setEditable(True)
            role.addItems(PERSON_ROLES)
            name = named(QLineEdit(), f"personName{row}", self.tr("Naam van persoon {0}").format(row + 1))
            grid.addWidget(role, row, 0)
            grid.addWidget(name, row, 1)
            self.person_rows.append((role, name))
        self.layout_.addLayout(grid)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Toevoegen"))
        self.finish_layout()

    def apply(self):
        persons = [Person(role.currentText().strip() or "persoon", name.text().strip())
                   for role, name in self.person_rows if name.text().strip()]
        return self.actions.add_persons(self.case_id, persons) if persons else 0



class RespondentDialog(FormDialog):
    """A respondent of a policy-level approach: the gemeente, a netwerkpartner (its organisation; nominated by the
    gemeente or not) or a document the gemeente sent (its title). The name is printed in the factsheet, so it is
    an organisation or a title, never a person: the core refuses a personal identifier, and the dialog stays open
    with the message and what was typed."""

    def __init__(self, parent, actions, approach: Approach, has_municipality: bool = False):
        super().__init__(parent, self.tr("Respondent toevoegen"), self.tr("&Toevoegen"))
        self.actions, self.approach = actions, approach
        self.resize(480, 240)
        form = QFormLayout()
        self.kind = named(QComboBox(), "respondentKindCombo", self.tr("Soort respondent"))
        for role in POLICY_SOURCES:
            self.kind.addItem(labels.policy_role(role), role.value)
        self.name = named(QLineEdit(), "respondentNameEdit", self.tr("Naam van de organisatie of titel"))
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        self.nominated = named(QCheckBox(self.tr("Aan&gedragen door de gemeente")), "nominatedCheck",
                               self.tr("Netwerkpartner aangedragen door de gemeente"))
        self.nominated.setChecked(True)  # as in the seeds: the gemeente names its partners
        kind_label = QLabel(self.tr("&Soort:"))
        kind_label.setBuddy(self.kind)
        form.addRow(kind_label, self.kind)
        form.addRow(self.name_label, self.name)
        form.addRow("", self.nominated)
        self.layout_.addLayout(form)
        hint = QLabel(self.tr("De naam komt in de factsheet: alleen de naam van een organisatie of de titel van een "
                              "document, nooit de naam of gegevens van een persoon."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#6b7280")
        self.layout_.addWidget(hint)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.kind.setCurrentIndex(POLICY_SOURCES.index(Role.NETWORK_PARTNER if has_municipality
                                                       else Role.MUNICIPALITY))
        self._kind_changed()
        self.finish_layout()
        self.name.setFocus()

    def role(self) -> Role:
        return Role(self.kind.currentData())

    def _kind_changed(self, _index: int = 0) -> None:
        role = self.role()
        self.name_label.setText({Role.MUNICIPALITY: self.tr("&Naam (optioneel):"),
                                 Role.NETWORK_PARTNER: self.tr("&Organisatie:"),
                                 Role.DOCUMENT: self.tr("&Titel:")}[role])
        self.name.setPlaceholderText({
            Role.MUNICIPALITY: self.tr("bijv. Gemeente {0}").format(self.approach.municipality),
            Role.NETWORK_PARTNER: self.tr("bijv. Bureau Jeugdzorg Noord-Holland"),
            Role.DOCUMENT: self.tr("bijv. Handleiding Gezinsplan")}[role])
        self.nominated.setVisible(role is Role.NETWORK_PARTNER)

    def apply(self):
        role = self.role()
        return self.actions.add_respondent(self.approach.id, role, self.name.text().strip() or None,
                                           nominated=role is Role.NETWORK_PARTNER and self.nominated.isChecked())

"""Onderzoek › Vervolgonderzoek aanmaken…: the follow-up a year later of the selected approach, under its current
name, with the year labels of its table columns and the month of the report. It runs one operation
(`FollowupActions.create`, undoable); on an error the dialog stays open with the message and the input."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from ggsr_desktop.gui.form_dialog import FormDialog, named
from ggsr_desktop.models import Approach


def default_years(store, approach_id: int, today: dt.date | None = None) -> tuple[str, str]:
    """The year of the year-1 judgements (the latest change) and the year after it; else last year and this one."""
    years = [j.updated[:4] for j in store.list_judgements(approach_id) if j.updated[:4].isdigit()]
    year1 = int(max(years)) if years else (today or dt.date.today()).year - 1
    return str(year1), str(year1 + 1)


def default_month(today: dt.date | None = None) -> str:
    """This month as the report's front page writes it: 'Juni 2015'."""
    from ggsr_desktop.report.content import month_year

    text = month_year(today or dt.date.today())
    return text[:1].upper() + text[1:]


class FollowupDialog(FormDialog):
    def __init__(self, parent, actions, store, source: Approach):
        super().__init__(parent, self.tr("Vervolgonderzoek aanmaken"))
        self.setObjectName("followupDialog")
        self.actions, self.source = actions, source
        intro = QLabel(self.tr("Een jaar later: de verbeterpunten (X) van <b>{0} — {1}</b> opnieuw beoordelen. De "
                               "oordelen van het eerste jaar worden gekopieerd en bevroren; ze veranderen niet meer "
                               "als het eerste jaar later wordt bewerkt (tenzij u ze ververst).").format(
            source.municipality, source.name))
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        year1, year2 = default_years(store, source.id)
        form = QFormLayout()
        self.name = named(QLineEdit(source.name), "followupNameEdit", self.tr("Huidige naam van de aanpak"))
        self.name.setToolTip(self.tr("Heet de aanpak nu anders? Het rapport vermeldt dan ook de oude naam."))
        self.year1 = named(QLineEdit(year1), "year1LabelEdit", self.tr("Jaar van het eerste onderzoek"))
        self.year1.setPlaceholderText(self.tr("bijv. 2013"))
        self.year2 = named(QLineEdit(year2), "year2LabelEdit", self.tr("Jaar van de ontwikkeling"))
        self.year2.setPlaceholderText(self.tr("bijv. 2014"))
        self.month = named(QLineEdit(default_month()), "monthEdit", self.tr("Maand van het rapport"))
        self.month.setPlaceholderText(self.tr("bijv. Juni 2015"))
        form.addRow(self.tr("Huidige &naam van de aanpak:"), self.name)
        form.addRow(self.tr("Jaar van het &eerste onderzoek:"), self.year1)
        form.addRow(self.tr("Jaar van de &ontwikkeling:"), self.year2)
        form.addRow(self.tr("&Maand van het rapport:"), self.month)
        self.layout_.addLayout(form)
        hint = QLabel(self.tr("De jaren staan boven de kolommen van de tabellen ('Indicator | 2013 | 2014') en in de "
                              "kop 'Ontwikkeling 2014'. Alles is later te wijzigen onder 'Gegevens en ontwikkeling'."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#4b5563")
        self.layout_.addWidget(hint)
        self.finish_layout()
        self.resize(560, self.sizeHint().height())

    def apply(self):
        return self.actions.create(self.source.id, name=self.name.text(), year1_label=self.year1.text(),
                                   year2_label=self.year2.text(), month=self.month.text().strip())

"""Dutch display names of the core's values, translatable through Qt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ggsr_desktop.models import DESCRIPTION_FIELDS, Kind, Mark, Role, Stance, Status


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def role(value: Role, regisseur_label: str | None = None) -> str:
    if value is Role.REGISSEUR and regisseur_label:
        return regisseur_label[:1].upper() + regisseur_label[1:]
    return {
        Role.FAMILY: _t("Gezin"), Role.REGISSEUR: _t("Regisseur"), Role.PROFESSIONAL: _t("Professional"),
        Role.DOCUMENT: _t("Gezinsplan"),
    }[value]


def source(value: Role) -> str:
    """A source of evidence in running text: 'gezin', 'regisseur', 'professionals', 'gezinsplan'."""
    return {Role.FAMILY: _t("gezin"), Role.REGISSEUR: _t("regisseur"), Role.PROFESSIONAL: _t("professionals"),
            Role.DOCUMENT: _t("gezinsplan")}[value]


def status(value: Status) -> str:
    return {Status.PLANNED: _t("gepland"), Status.IN_PROGRESS: _t("bezig"), Status.DONE: _t("afgerond")}[value]


def kind(value: Kind) -> str:
    return {Kind.QUOTE: _t("citaat"), Kind.PARAPHRASE: _t("parafrase"), Kind.OBSERVATION: _t("observatie")}[value]


def stance(value: Stance) -> str:
    return {Stance.POSITIVE: _t("positief"), Stance.NEGATIVE: _t("negatief"), Stance.NEUTRAL: _t("neutraal")}[value]


def mark(value: Mark | None) -> str:
    if value is None:
        return _t("nog niet beoordeeld")
    return {Mark.SATISFIED: _t("✓ voldoet"), Mark.IMPROVEMENT: _t("X verbeterpunt"),
            Mark.NOT_ESTABLISHED: _t("– niet vastgesteld")}[value]


def description_field(name: str) -> str:
    return _t(DESCRIPTION_FIELDS[name])

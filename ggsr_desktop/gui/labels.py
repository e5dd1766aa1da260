"""Dutch display names of the core's values, translatable through Qt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ggsr_desktop.models import DESCRIPTION_FIELDS, POLICY_SOURCES, Interview, Kind, Mark, Role, Stance, Status


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def role(value: Role, regisseur_label: str | None = None) -> str:
    if value is Role.REGISSEUR and regisseur_label:
        return regisseur_label[:1].upper() + regisseur_label[1:]
    return {
        Role.FAMILY: _t("Gezin"), Role.REGISSEUR: _t("Regisseur"), Role.PROFESSIONAL: _t("Professional"),
        Role.DOCUMENT: _t("Gezinsplan"), Role.MUNICIPALITY: _t("Gemeente"), Role.NETWORK_PARTNER: _t("Netwerkpartner"),
    }[value]


def policy_role(value: Role) -> str:
    """A kind of respondent of a policy-level approach: 'Gemeente', 'Netwerkpartner', 'Document'."""
    return {Role.MUNICIPALITY: _t("Gemeente"), Role.NETWORK_PARTNER: _t("Netwerkpartner"),
            Role.DOCUMENT: _t("Document")}[value]


def is_respondent(iv: Interview) -> bool:
    """An interview of a policy-level approach (a respondent of its survey): it has a name, or a policy role."""
    return iv.role in (Role.MUNICIPALITY, Role.NETWORK_PARTNER) or (iv.role is Role.DOCUMENT and bool(iv.name))


def respondent(iv: Interview) -> str:
    """A respondent as the tree and the interview screen name it: 'Gemeente', 'Netwerkpartner — Parlan',
    'Document — Handleiding Gezinsplan'."""
    text = policy_role(iv.role) if iv.role in POLICY_SOURCES else role(iv.role)
    return f"{text} — {iv.name}" if iv.name and iv.role is not Role.MUNICIPALITY else text


def source(value: Role) -> str:
    """A source of evidence in running text: 'gezin', 'regisseur', 'professionals', 'gezinsplan'."""
    return {Role.FAMILY: _t("gezin"), Role.REGISSEUR: _t("regisseur"), Role.PROFESSIONAL: _t("professionals"),
            Role.DOCUMENT: _t("gezinsplan"), Role.MUNICIPALITY: _t("gemeente"),
            Role.NETWORK_PARTNER: _t("netwerkpartners")}[value]


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

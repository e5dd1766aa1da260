"""The Dutch words of the report and the command line for the core's values (Qt-free): how a quote is introduced
in the nota ('Gezin:', 'Procesmanager:'), the sources in a drafted finding ('het gezin', 'de regisseur'), their
titles in the evidence document and their letters in a matrix. The GUI's translatable labels are in
`gui/labels.py`; these two modules are the only places that turn the enums of `models` into words."""

from __future__ import annotations

from ggsr_desktop.models import DEFAULT_REGISSEUR_LABEL, Role

# The Dutch word for a municipality: the field name in messages, the head word of "de gemeente Utrecht".
# (Also the value of Role.MUNICIPALITY; written here so that no other module spells it.)
# The kinds of record a merge names in its plan and its conflicts (by the table's name in the exchange payload).
RECORD_WORDS = {"studies": "onderzoek", "approaches": "aanpak", "cases": "casus", "interviews": "gesprek",
                "quotes": "citaat", "judgements": "oordeel", "sections": "sectie"}
POINT_WORDS = ("verbeterpunt", "verbeterpunten")  # the follow-up's count line: one, many
MUNICIPALITY_WORD = "gemeente"

SOURCE_LETTERS: dict[Role, str] = {Role.FAMILY: "G", Role.REGISSEUR: "R", Role.PROFESSIONAL: "P", Role.DOCUMENT: "D",
                                   Role.MUNICIPALITY: "Gm", Role.NETWORK_PARTNER: "N"}
# The respondents of a policy-level approach, as the inspector reads them.
RESPONDENT_WORDS: dict[Role, str] = {Role.MUNICIPALITY: "Gemeente", Role.NETWORK_PARTNER: "Netwerkpartner",
                                     Role.DOCUMENT: "Document"}


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def regisseur_name(regisseur_label: str) -> str:
    """What the approach calls its regisseur ('procesmanager'), or 'regisseur'."""
    return regisseur_label.strip() or DEFAULT_REGISSEUR_LABEL


def role_prefix(role: Role, regisseur_label: str) -> str:
    """How a quote is introduced in the report: 'Gezin:', 'Procesmanager:', 'Professional:', 'Gezinsplan:'."""
    if role is Role.REGISSEUR:
        return capitalised(regisseur_name(regisseur_label))
    return {Role.FAMILY: "Gezin", Role.PROFESSIONAL: "Professional", Role.DOCUMENT: "Gezinsplan",
            Role.MUNICIPALITY: "Gemeente", Role.NETWORK_PARTNER: "Netwerkpartner"}[role]


def source_titles(regisseur_label: str) -> dict[Role, str]:
    """The sources as headings of the evidence document ('Professionals': all three together)."""
    return {Role.FAMILY: "Gezin", Role.REGISSEUR: role_prefix(Role.REGISSEUR, regisseur_label),
            Role.PROFESSIONAL: "Professionals", Role.DOCUMENT: "Gezinsplan", Role.MUNICIPALITY: "Gemeente",
            Role.NETWORK_PARTNER: "Netwerkpartners"}


def source_phrases(regisseur_label: str = DEFAULT_REGISSEUR_LABEL) -> dict[Role, str]:
    """The sources in the running text of a drafted finding: 'het gezin', 'de procesmanager'."""
    return {Role.FAMILY: "het gezin", Role.REGISSEUR: f"de {regisseur_name(regisseur_label)}",
            Role.PROFESSIONAL: "de professionals", Role.DOCUMENT: "het gezinsplan", Role.MUNICIPALITY: "de gemeente",
            Role.NETWORK_PARTNER: "de netwerkpartners"}


# How a stored record is named where a message points at it (audit, import), per table.
TABLE_WORDS: dict[str, str] = {
    "studies": "onderzoek", "approaches": "aanpak", "cases": "casus", "interviews": "gesprek", "quotes": "citaat",
    "judgements": "oordeel", "judgement_history": "oordeelgeschiedenis", "drafts": "concept van gesprek",
    "report_sections": "rapportsectie", "approach_texts": "rapporttekst", "recommendations": "aanbeveling",
    "followups": "vervolgonderzoek", "followup_baseline": "eerste jaar van vervolgonderzoek",
    "followup_documents": "document van vervolgonderzoek", "followup_development": "ontwikkeling van vervolgonderzoek",
    "approach_attributes": "kenmerk van aanpak", "indicator_exclusions": "uitsluiting bij aanpak",
    "round_texts": "tekst van landelijke rapportage",
}

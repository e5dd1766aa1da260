"""The one map of what the anonymiser replaces: per category its placeholder, how the user is told about it, the
type a labelled evaluation set uses for it, and whether it is a direct identifier (which must go without exception
and which review, export guard and audit refuse by itself).

Categories are Dutch (they name the placeholders); the labelled JSONL sets use English types
(`../shared/anonymisation/README.md`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    name: str
    placeholder: str  # '[telefoonnummer]'; numbered categories get ' 1', ' 2' … per case
    described: str  # 'een telefoonnummer', for messages
    label_type: str  # type in a labelled JSONL set
    direct: bool = False
    numbered: bool = False


_ALL = (
    Category("bsn", "bsn", "een BSN", "bsn", direct=True),
    Category("telefoon", "telefoonnummer", "een telefoonnummer", "phone", direct=True),
    Category("email", "e-mailadres", "een e-mailadres", "email", direct=True),
    Category("iban", "rekeningnummer", "een rekeningnummer", "iban", direct=True),
    Category("postcode", "postcode", "een postcode", "postcode", direct=True),
    Category("adres", "adres", "een adres", "address", direct=True),
    Category("geboortedatum", "geboortedatum", "een geboortedatum", "dob", direct=True),
    Category("dossiernummer", "dossiernummer", "een dossiernummer", "caseno", direct=True),
    Category("datum", "datum", "een datum", "date"),
    Category("leeftijd", "leeftijd", "een leeftijd", "age"),
    Category("nummer", "nummer", "een nummer", "caseno"),
    Category("detail", "detail", "een herkenbaar detail", "rare_detail"),
    Category("persoon", "persoon", "een naam", "name", numbered=True),
    Category("plaats", "plaats", "een plaatsnaam", "place", numbered=True),
    Category("wijk", "wijk", "een wijk", "place", numbered=True),
    Category("instelling", "instelling", "de naam van een instelling", "institution", numbered=True),
    Category("zorgaanbieder", "zorgaanbieder", "de naam van een zorgaanbieder", "institution", numbered=True),
    Category("woningcorporatie", "woningcorporatie", "de naam van een woningcorporatie", "institution",
             numbered=True),
    Category("school", "school", "de naam van een school", "institution", numbered=True),
)
CATEGORIES: dict[str, Category] = {c.name: c for c in _ALL}

DIRECT_CATEGORIES = frozenset(c.name for c in _ALL if c.direct)
NUMBERED = frozenset(c.name for c in _ALL if c.numbered)
# What a policy-level text (`Level.POLICY`: municipality, network partners, documents, the national report) names on
# purpose and the anonymiser keeps there: places and neighbourhoods, organisations, dates of events and documents,
# ages and rare details. Names of private persons and the direct identifiers (a date of birth among them) still go.
KEPT_AT_POLICY = frozenset({"plaats", "wijk", "instelling", "zorgaanbieder", "woningcorporatie", "school", "datum",
                            "leeftijd", "detail"})

# The types of a labelled JSONL set, and which of them are direct identifiers.
REMOVE_TYPES = frozenset({"name", "nickname", "address", "postcode", "place", "phone", "email", "bsn", "iban", "dob",
                          "date", "age", "caseno", "institution", "rare_detail"})
DIRECT_TYPES = frozenset({"bsn", "phone", "email", "iban", "postcode", "caseno", "dob", "address"})


def placeholder(category: str) -> str:
    found = CATEGORIES.get(category)
    return found.placeholder if found else category


def described(category: str) -> str:
    found = CATEGORIES.get(category)
    return found.described if found else "een identificerend gegeven"

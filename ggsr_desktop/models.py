"""The entities of an inspection and their allowed values (Qt-free, storage-free)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    """The level of an inspection, as its framework declares it (`level:` in the YAML)."""

    CASE = "casus"  # families (cases), their interviews and the family plan; the Nota van Bevindingen
    POLICY = "beleid"  # the municipality, its network partners and documents; the factsheet


class Role(StrEnum):
    """Respondent role of an interview. At case level `document` is the review of the family plan; at policy
    level the respondents are the municipality, the network partners and the documents the municipality sent."""

    FAMILY = "gezin"
    REGISSEUR = "regisseur"
    PROFESSIONAL = "professional"
    DOCUMENT = "document"
    MUNICIPALITY = "gemeente"
    NETWORK_PARTNER = "netwerkpartner"


# What an approach calls its regisseur unless told otherwise (the report names the role by it).
DEFAULT_REGISSEUR_LABEL: str = Role.REGISSEUR.value

# The source kinds of case-level evidence, in the order of the evidence matrix and the coverage view.
SOURCES: tuple[Role, ...] = (Role.FAMILY, Role.REGISSEUR, Role.PROFESSIONAL, Role.DOCUMENT)
# The respondent kinds of a policy-level approach, in the order of its evidence matrix and the factsheet.
POLICY_SOURCES: tuple[Role, ...] = (Role.MUNICIPALITY, Role.NETWORK_PARTNER, Role.DOCUMENT)
LEVEL_SOURCES: dict[Level, tuple[Role, ...]] = {Level.CASE: SOURCES, Level.POLICY: POLICY_SOURCES}


class Status(StrEnum):
    PLANNED = "gepland"
    IN_PROGRESS = "bezig"
    DONE = "afgerond"


class Kind(StrEnum):
    QUOTE = "citaat"
    PARAPHRASE = "parafrase"
    OBSERVATION = "observatie"


class Stance(StrEnum):
    POSITIVE = "positief"
    NEGATIVE = "negatief"
    NEUTRAL = "neutraal"


class Mark(StrEnum):
    SATISFIED = "voldoet"
    IMPROVEMENT = "verbeterpunt"
    NOT_ESTABLISHED = "niet_vastgesteld"

    @property
    def symbol(self) -> str:
        return {"voldoet": "✓", "verbeterpunt": "X", "niet_vastgesteld": "–"}[self.value]


class Highlight(StrEnum):
    GREEN = "groen"
    RED = "rood"
    NONE = "geen"


# Chapter 2 of the report ('Typering van de aanpak'): field name -> Dutch section title.
DESCRIPTION_FIELDS: dict[str, str] = {
    "persons_and_families": "Personen en gezinnen in de aanpak",
    "registration": "Aanmelding",
    "goal": "Doel van de aanpak",
    "direction": "Regie",
    "parties_involved": "Betrokken partijen",
    "working_method": "Afgesproken werkwijze",
}

# Organisation types of professionals as the seed reports name them (the case dialog offers them, planning
# recognises them in any case or accent); free text is allowed too (anonymised).
ORGANISATION_TYPES: tuple[str, ...] = (
    "woningcorporatie", "GGZ", "schuldhulpverlening", "bewindvoering", "jeugdbescherming", "onderwijs", "politie",
    "MEE", "maatschappelijk werk", "huisarts", "wijkteam", "jeugdhulp", "verslavingszorg", "reclassering",
    "Veilig Thuis", "consultatiebureau", "kinderopvang", "UWV", "sociale dienst", "jeugdgezondheidszorg",
    "leerplicht", "gehandicaptenzorg",
)


@dataclass(frozen=True)
class Study:
    id: int
    name: str
    framework_id: str
    created: str
    uuid: str | None = None  # set when the record came from another database (see store/identity.py)


@dataclass(frozen=True)
class Approach:
    id: int
    study_id: int
    municipality: str
    name: str
    regisseur_label: str
    description: dict[str, str]
    created: str
    updated: str
    overview: str = ""  # policy level: the factsheet's 'Beschrijving' (paragraphs; lines '- ' are bullets)
    uuid: str | None = None


@dataclass(frozen=True)
class Case:
    """A family of a case-level approach; or (`survey`) the one hidden case of a policy-level approach that holds its
    respondents and, like a family's case, its register key and placeholder numbers."""

    id: int
    approach_id: int
    code: str
    created: str
    survey: bool = False
    uuid: str | None = None


@dataclass(frozen=True)
class Interview:
    id: int
    case_id: int
    role: Role
    organisation_type: str | None
    date: str | None
    status: Status
    created: str
    updated: str
    name: str | None = None  # policy level: the organisation, the municipality or the document's title
    nominated: bool | None = None  # a network partner 'aangedragen door de gemeente'
    uuid: str | None = None


@dataclass(frozen=True)
class Coding:
    quote_id: int
    indicator_id: str
    stance: Stance


# Replacements below this confidence mark a quote 'controleren' for the inspector.
REVIEW_BELOW = 0.9


@dataclass(frozen=True)
class QuoteSpan:
    """A replaced span of an anonymised text: where its placeholder sits, never what it replaced."""

    start: int
    end: int
    category: str
    placeholder: str
    confidence: float

    @property
    def needs_review(self) -> bool:
        return self.confidence < REVIEW_BELOW


@dataclass(frozen=True)
class Quote:
    id: int
    interview_id: int
    text: str
    kind: Kind
    created: str
    updated: str
    codings: tuple[Coding, ...] = ()
    needs_review: bool = False
    spans: tuple[QuoteSpan, ...] = ()
    uuid: str | None = None


@dataclass(frozen=True)
class Judgement:
    approach_id: int
    indicator_id: str
    mark: Mark | None
    finding: str
    highlight: Highlight
    quote_ids: tuple[int, ...]
    updated: str
    let_op: str = ""  # policy level: the 'LET OP:' note printed after the finding


@dataclass(frozen=True)
class RowGroup:
    """Indicators of one criterion that share a table row of the factsheet: each with its own finding, or (with
    `shared_finding`) one finding for all, which is the judgement of the group's first indicator."""

    approach_id: int
    indicator_ids: tuple[str, ...]
    shared_finding: bool = False


@dataclass(frozen=True)
class JudgementChange:
    id: int
    approach_id: int
    indicator_id: str
    author: str
    changed_at: str
    old: dict = field(default_factory=dict)
    new: dict = field(default_factory=dict)


# Texts of the nota kept per approach (besides the chapter-2 description and the judgements).
APPROACH_TEXTS: dict[str, str] = {"voorwoord": "Voorwoord", "conclusion": "Algemene conclusie"}


@dataclass(frozen=True)
class ReportSection:
    """A section of chapter 3 (green: 'Wat gaat goed?') or 4 (red: 'Wat kan beter?'): highlighted indicators
    under one title, with an introduction and a conclusion."""

    id: int
    approach_id: int
    highlight: Highlight
    title: str
    intro: str
    conclusion: str
    position: int
    indicator_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Recommendation:
    """One recommendation of chapter 5: a bold lead phrase and its text."""

    id: int
    approach_id: int
    lead: str
    text: str
    position: int


@dataclass(frozen=True)
class BaselineJudgement:
    """The frozen copy of one year-1 judgement in a follow-up: what the year-1 column prints."""

    indicator_id: str
    mark: Mark | None
    finding: str
    let_op: str = ""


@dataclass(frozen=True)
class FollowupDocument:
    """A document the municipality provided for the follow-up: its title and its date as written ('mei 2013')."""

    title: str
    date: str = ""


@dataclass(frozen=True)
class DevelopmentSection:
    """A part of the 'Ontwikkeling {year 2}' narrative: paragraphs (separated by blank lines) under an optional
    subheading."""

    heading: str
    text: str


@dataclass(frozen=True)
class Followup:
    """The follow-up of an approach a year later (spec round2 §3): the approach under its current name (the
    approach `approach_id`, whose judgements are the year-2 re-assessment) and a frozen copy of the year-1
    judgements and row groups it follows up; `source_approach_id` is the year-1 approach when it is in this
    database (None when the copy came from elsewhere or the year-1 approach was deleted)."""

    approach_id: int
    source_approach_id: int | None
    framework_id: str
    former_name: str
    year1_label: str
    year2_label: str
    assessed_year: str
    month: str
    source_title: str
    event_date: str | None
    event_form: str
    event_respondents: str
    frozen_at: str
    baseline: tuple[BaselineJudgement, ...] = ()
    baseline_groups: tuple[RowGroup, ...] = ()
    documents: tuple[FollowupDocument, ...] = ()
    development: tuple[DevelopmentSection, ...] = ()


# The fields of a follow-up the inspector edits in one form (besides its documents and narrative).
FOLLOWUP_FIELDS: tuple[str, ...] = ("former_name", "year1_label", "year2_label", "assessed_year", "month",
                                    "source_title", "event_date", "event_form", "event_respondents")


# Attributes of an approach for the national report that are not in the framework (spec round2 §4.4): key -> the
# values allowed (None: free text). Stored per approach; the figure definitions count them.
APPROACH_ATTRIBUTES: dict[str, tuple[str, ...] | None] = {
    "type_aanpak": ("regisseur in het gezin", "coördinatie op afstand", "combinatie beide"),
    "gezinsplan_leidend": ("ja", "nee"),
    "problemen_beschikbaarheid": ("nee", "af en toe", "regelmatig", "vaak"),
    "soorten_problemen": None,  # e.g. 'wachtlijsten; langs elkaar heen werken'
    "regie_overgenomen": ("ja", "nee"),
    "portefeuilles": None,  # of the responsible wethouder(s)
    "aantal_gezinnen": None,
}


@dataclass(frozen=True)
class ApproachRecord:
    """What the national report counts of one approach, from a round database or from a judgement file (spec round2
    §4.6): no quotes, no registers, no persons. `source` names the file or database in messages."""

    source: str
    round: str  # the study's name, e.g. 'GGSR beleidsniveau 2013'
    municipality: str
    approach: str
    framework_id: str
    fingerprint: str
    marks: dict[str, Mark | None]  # indicator id -> mark (None: judged without a mark)
    findings: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, str] = field(default_factory=dict)
    exclusions: dict[str, str] = field(default_factory=dict)  # indicator id -> reason
    approach_uuid: str | None = None

"""The evidence matrix of a policy-level approach (Qt-free): per indicator of the framework and per respondent (the
gemeente, each netwerkpartner, each document), the stances and ids of the quotes coded to it, and per indicator
whether the gemeente and the netwerkpartners agree (spec round2 §2.2, §2.3). Also the drafted finding of an
indicator in the attribution style of seed 003 ("De gemeente en de netwerkpartners … eensluidend", "Gemeente en
netwerkpartners zijn niet eenduidig in hun antwoorden …", a "LET OP:" note when one netwerkpartner deviates) and
the mark that goes with it. The inspector edits the proposal; nothing here is stored.

Agreement is between **voices**: the gemeente and the netwerkpartners with at least one coded answer on the
indicator. Documents are supporting evidence: they are shown in the matrix and cited in the drafted finding, but
they never make or break agreement. A voice's position is the balance of its answers, as at case level: positive
when it has more positive than negative answers, negative when more negative, neutral (no clear answer) when even.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from ggsr_desktop.errors import ValidationError
from ggsr_desktop.evidence.findings import number_word
from ggsr_desktop.framework import Framework, Indicator
from ggsr_desktop.labels import RESPONDENT_WORDS, capitalised
from ggsr_desktop.models import Interview, Level, Mark, Role, Stance
from ggsr_desktop.store import Store

VOICES: tuple[Role, ...] = (Role.MUNICIPALITY, Role.NETWORK_PARTNER)  # the respondents whose answers are compared
PARTNER_WORD = RESPONDENT_WORDS[Role.NETWORK_PARTNER].lower()  # 'netwerkpartner'


class Agreement(StrEnum):
    """How the answers of the gemeente and the netwerkpartners on one indicator relate (documents do not count)."""

    ALL_AGREE = "eensluidend"  # every voice heard is positive
    ALL_AGREE_NEGATIVE = "eensluidend_negatief"  # every voice heard is negative
    ONE_DEVIATES = "een_afwijkend"  # all voices but one netwerkpartner share a position; that one deviates
    DISAGREE = "niet_eenduidig"  # any other mix of positions (also: the gemeente alone against the partners)
    UNCLEAR = "onduidelijk"  # every voice heard answers neutrally: evidence without a position
    NO_EVIDENCE = "geen_bewijs"  # neither the gemeente nor any netwerkpartner has answered on the indicator


def balance(stances: tuple[Stance, ...]) -> Stance | None:
    """The position of a set of answers: positive or negative when the balance leans that way, neutral when even
    or only neutral, None without answers (as `matrix.Cell.leaning`)."""
    if not stances:
        return None
    pos, neg = stances.count(Stance.POSITIVE), stances.count(Stance.NEGATIVE)
    return Stance.POSITIVE if pos > neg else Stance.NEGATIVE if neg > pos else Stance.NEUTRAL


@dataclass(frozen=True)
class PolicyCell:
    """The coded answers of one respondent on one indicator: the quotes' ids and, in the same order, their stances."""

    indicator_id: str
    respondent: Interview
    quote_ids: tuple[int, ...] = ()
    stances: tuple[Stance, ...] = ()

    @property
    def role(self) -> Role:
        return self.respondent.role

    @property
    def total(self) -> int:
        return len(self.quote_ids)

    @property
    def counts(self) -> dict[Stance, int]:
        return {s: self.stances.count(s) for s in Stance}

    @property
    def leaning(self) -> Stance | None:
        return balance(self.stances)


@dataclass(frozen=True)
class PolicyRow:
    """One indicator across all respondents of the approach, with the agreement of the voices heard.

    `position` is the shared position of the agreeing voices (ALL_AGREE, ALL_AGREE_NEGATIVE, ONE_DEVIATES, UNCLEAR),
    None otherwise; `deviating` is the one netwerkpartner that deviates (ONE_DEVIATES only)."""

    indicator: Indicator
    cells: tuple[PolicyCell, ...]
    agreement: Agreement
    position: Stance | None = None
    deviating: PolicyCell | None = None

    @property
    def indicator_id(self) -> str:
        return self.indicator.id

    def of(self, role: Role) -> tuple[PolicyCell, ...]:
        """The cells of the respondents with this role, in the order of the respondents."""
        return tuple(c for c in self.cells if c.role is role)

    @property
    def voices(self) -> tuple[PolicyCell, ...]:
        """The gemeente and the netwerkpartners that answered on the indicator (documents excluded)."""
        return tuple(c for c in self.cells if c.role in VOICES and c.total)

    @property
    def documents(self) -> tuple[PolicyCell, ...]:
        """The documents with evidence on the indicator (supporting evidence only)."""
        return tuple(c for c in self.of(Role.DOCUMENT) if c.total)

    @property
    def quote_ids(self) -> tuple[int, ...]:
        """Every quote coded to the indicator, of all respondents (documents included), in ascending id order."""
        return tuple(sorted({q for c in self.cells for q in c.quote_ids}))


def agreement_of(cells: tuple[PolicyCell, ...]) -> tuple[Agreement, Stance | None, PolicyCell | None]:
    """The agreement of the voices among `cells` (documents and respondents without answers are ignored), the
    agreeing position, and the deviating netwerkpartner."""
    voices = [c for c in cells if c.role in VOICES and c.total]
    if not voices:
        return Agreement.NO_EVIDENCE, None, None
    positions = {c.leaning for c in voices}
    if len(positions) == 1:
        position = positions.pop()
        return ({Stance.POSITIVE: Agreement.ALL_AGREE, Stance.NEGATIVE: Agreement.ALL_AGREE_NEGATIVE,
                 Stance.NEUTRAL: Agreement.UNCLEAR}[position], position, None)
    for odd in voices:
        rest = [c for c in voices if c is not odd]
        rest_positions = {c.leaning for c in rest}
        if (odd.role is Role.NETWORK_PARTNER and len(rest) >= 2 and len(rest_positions) == 1
                and rest_positions <= {Stance.POSITIVE, Stance.NEGATIVE}):
            return Agreement.ONE_DEVIATES, rest_positions.pop(), odd
    return Agreement.DISAGREE, None, None


@dataclass
class PolicyMatrix:
    framework: Framework
    respondents: list[Interview]
    cells: dict[tuple[str, int], PolicyCell] = field(default_factory=dict)
    rows: dict[str, PolicyRow] = field(default_factory=dict)

    def cell(self, indicator_id: str, respondent_id: int) -> PolicyCell:
        return self.cells[(indicator_id, respondent_id)]

    def row(self, indicator_id: str) -> PolicyRow:
        return self.rows[indicator_id]

    def __iter__(self) -> Iterator[PolicyRow]:
        """The rows in framework order."""
        return (self.rows[i.id] for i in self.framework.indicators)

    def without_evidence(self) -> list[str]:
        """Indicators on which no respondent (documents included) has any coded answer."""
        return [row.indicator_id for row in self if not any(c.total for c in row.cells)]


def policy_matrix(store: Store, framework: Framework, approach_id: int) -> PolicyMatrix:
    """Every indicator of the (policy-level) framework × every respondent of the approach, also where there is
    nothing. Reads the respondents' quotes (one store query per respondent; an approach has a handful)."""
    if framework.level != Level.POLICY:
        raise ValidationError(f"het toetsingskader '{framework.id}' is niet van beleidsniveau")
    respondents = store.respondents(approach_id)
    found: dict[tuple[str, int], list[tuple[int, Stance]]] = {}
    for respondent in respondents:
        for quote in store.list_quotes(respondent.id):
            for coding in quote.codings:
                found.setdefault((coding.indicator_id, respondent.id), []).append((quote.id, coding.stance))
    matrix = PolicyMatrix(framework, respondents)
    for indicator in framework.indicators:
        cells = []
        for respondent in respondents:
            answers = sorted(found.get((indicator.id, respondent.id), []))
            cell = PolicyCell(indicator.id, respondent, tuple(q for q, _ in answers), tuple(s for _, s in answers))
            matrix.cells[(indicator.id, respondent.id)] = cell
            cells.append(cell)
        matrix.rows[indicator.id] = PolicyRow(indicator, tuple(cells), *agreement_of(tuple(cells)))
    return matrix


# ---- the drafted finding --------------------------------------------------------------------------------------

class PolicyProposal(NamedTuple):
    """A drafted judgement: the mark (None: the inspector chooses – or leaves it open), the finding and the
    'LET OP:' note without its prefix (the export prints "LET OP: " before it)."""

    mark: Mark | None
    finding: str
    let_op: str


# What a respondent answers on the indicator, after "De gemeente geeft" / "De netwerkpartners geven".
ANSWERS: dict[Stance, str] = {Stance.POSITIVE: "aan dat dit het geval is",
                              Stance.NEGATIVE: "aan dat dit niet het geval is",
                              Stance.NEUTRAL: "hierover geen eenduidig antwoord"}
# The LET OP note on the one netwerkpartner that deviates, by its position.
DEVIATIONS: dict[Stance, str] = {Stance.POSITIVE: "Eén netwerkpartner geeft echter aan dat dit wel het geval is.",
                                 Stance.NEGATIVE: "Eén netwerkpartner geeft echter aan dat dit niet het geval is.",
                                 Stance.NEUTRAL: "Eén netwerkpartner geeft hierover echter geen eenduidig antwoord."}
# What a document says, after "In 'Handleiding Gezinsplan'".
DOCUMENT_CLAIMS: dict[Stance, str] = {Stance.POSITIVE: "wordt aangegeven dat dit het geval is",
                                      Stance.NEGATIVE: "wordt aangegeven dat dit niet het geval is",
                                      Stance.NEUTRAL: "wordt hierop ingegaan"}
MARKS: dict[Stance, Mark] = {Stance.POSITIVE: Mark.SATISFIED, Stance.NEGATIVE: Mark.IMPROVEMENT}


def clause(indicator: Indicator) -> str:
    """The indicator's statement as the clause of a sentence: one line, first letter lower-cased (not in an
    abbreviation such as 'GGSR'), no final full stop."""
    text = " ".join(indicator.text.split()).rstrip(".")
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def partners_phrase(k: int, n: int) -> str:
    """k of the n netwerkpartners of the approach: 'de netwerkpartners', 'twee van de drie netwerkpartners'."""
    if k >= n:
        return "de netwerkpartner" if k == 1 else "de netwerkpartners"
    return f"{number_word(k)} van de {number_word(n)} netwerkpartners"


def _subject(voices: list[PolicyCell], partners: int) -> tuple[str, bool]:
    """The voices as the subject of a sentence ('De gemeente en de netwerkpartners') and whether it is plural."""
    municipality = any(c.role is Role.MUNICIPALITY for c in voices)
    k = sum(c.role is Role.NETWORK_PARTNER for c in voices)
    parts = (["de gemeente"] if municipality else []) + ([partners_phrase(k, partners)] if k else [])
    subject = " en ".join(parts)
    subject = "Eén" + subject[3:] if subject.startswith("één") else capitalised(subject)
    return subject, len(parts) > 1 or k > 1


def _answer(voices: list[PolicyCell], partners: int, position: Stance, *, in_unison: bool = False,
            statement: str = "") -> str:
    """'{wie} geeft/geven [eensluidend] aan dat dit (niet) het geval is[: {indicator}].'"""
    subject, plural = _subject(voices, partners)
    unison = " eensluidend" if in_unison and len(voices) > 1 and position is not Stance.NEUTRAL else ""
    return f"{subject} {'geven' if plural else 'geeft'}{unison} {ANSWERS[position]}" \
           f"{f': {statement}' if statement else ''}."


def _document_sentences(documents: tuple[PolicyCell, ...]) -> list[str]:
    """"In 'Handleiding Gezinsplan' wordt aangegeven dat dit het geval is." — per position, titles joined."""
    sentences = []
    for position in (Stance.POSITIVE, Stance.NEGATIVE, Stance.NEUTRAL):
        titles = [f"'{c.respondent.name}'" for c in documents if c.leaning is position]
        if titles:
            joined = titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " en " + titles[-1]
            sentences.append(f"In {joined} {DOCUMENT_CLAIMS[position]}.")
    return sentences


def policy_proposal(row: PolicyRow) -> PolicyProposal:
    """Draft the mark, finding and LET OP note of one indicator from its matrix row (spec §2.3):

    - all voices positive: ✓, "De gemeente en de netwerkpartners geven eensluidend aan dat dit het geval is: {…}.";
    - all voices negative: X, the same with "dat dit niet het geval is";
    - one netwerkpartner deviates: the mark of the others' position (✓ when positive), the finding of the others
      ("De gemeente en twee van de drie netwerkpartners geven aan dat dit het geval is: {…}.") and the LET OP note
      "Eén netwerkpartner geeft echter aan dat dit niet het geval is.";
    - the voices disagree: X, "Gemeente en netwerkpartners zijn niet eenduidig in hun antwoorden of dit het geval
      is: {…}." followed by who said what ("De gemeente geeft aan dat …", "Twee van de drie netwerkpartners geven
      aan dat …");
    - only neutral answers ("… geven hierover geen eenduidig antwoord: {…}.") or no answers of the gemeente and
      the netwerkpartners ("… geven hierover geen informatie."): no mark (– or a mark is the inspector's choice).

    {…} is the indicator's statement as a clause (`clause`). Documents with evidence add a sentence each ("In
    'Handleiding Gezinsplan' wordt aangegeven dat dit het geval is."); they never change the mark.
    """
    statement = clause(row.indicator)
    partners = len(row.of(Role.NETWORK_PARTNER))
    voices = list(row.voices)
    mark, let_op = None, ""
    if row.agreement is Agreement.NO_EVIDENCE:
        subject = "De gemeente en de netwerkpartners" if partners else "De gemeente"
        sentences = [f"{subject} {'geven' if partners else 'geeft'} hierover geen informatie."]
    elif row.agreement is Agreement.DISAGREE:
        mark = Mark.IMPROVEMENT
        municipality = [c for c in voices if c.role is Role.MUNICIPALITY]
        heard = [c for c in voices if c.role is Role.NETWORK_PARTNER]
        if heard:
            who = ("Gemeente en " if municipality else "De ") + PARTNER_WORD + ("" if len(heard) == 1 else "s")
            sentences = [f"{who} zijn niet eenduidig in hun antwoorden of dit het geval is: {statement}."]
        else:  # two questionnaires of the gemeente
            sentences = [f"De gemeente is niet eenduidig in haar antwoorden of dit het geval is: {statement}."]
        for group in (municipality, heard):
            for position in (Stance.POSITIVE, Stance.NEGATIVE, Stance.NEUTRAL):
                same = [c for c in group if c.leaning is position]
                if same:
                    sentences.append(_answer(same, partners, position))
    else:
        agreeing = [c for c in voices if c is not row.deviating]
        sentences = [_answer(agreeing, partners, row.position, statement=statement,
                             in_unison=row.agreement is not Agreement.ONE_DEVIATES)]
        mark = MARKS.get(row.position)
        if row.deviating is not None:
            let_op = DEVIATIONS[row.deviating.leaning]
    sentences += _document_sentences(row.documents)
    return PolicyProposal(mark, " ".join(sentences), let_op)


def policy_records(store: Store, framework: Framework, approach_id: int) -> list[dict]:
    """The `evidence --json` records of a policy-level approach: one per indicator × respondent (also when empty),
    with the indicator's agreement, the proposal's mark and the judgement's mark."""
    matrix = policy_matrix(store, framework, approach_id)
    judged = {j.indicator_id: j for j in store.list_judgements(approach_id)}
    records = []
    for row in matrix:
        proposal = policy_proposal(row)
        judgement = judged.get(row.indicator_id)
        for cell in row.cells:
            counts = cell.counts
            records.append({
                "indicator": row.indicator_id, "indicator_text": row.indicator.text,
                "respondent": cell.respondent.name or RESPONDENT_WORDS[cell.role], "role": cell.role.value,
                "stances": {s.value: counts.get(s, 0) for s in Stance}, "agreement": row.agreement.value,
                "proposed_mark": proposal.mark.symbol if proposal.mark else None,
                "mark": judgement.mark.symbol if judgement and judgement.mark else None})
    return records


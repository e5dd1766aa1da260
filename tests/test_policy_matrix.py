"""The evidence matrix of a policy-level approach (respondents across), the agreement of gemeente and
netwerkpartners per indicator, and the drafted finding in the attribution style of seed 003: through the real
store and the built-in 'beleidsniveau' framework."""

from __future__ import annotations

import pytest

from ggsr_desktop.errors import ValidationError
from ggsr_desktop.evidence.policy_matrix import (
    Agreement,
    PolicyProposal,
    clause,
    partners_phrase,
    policy_matrix,
    policy_proposal,
)
from ggsr_desktop.framework import Indicator
from ggsr_desktop.models import Mark, Role, Stance

PARTNERS = ("Bureau Jeugdzorg Noord-Holland", "Parlan Jeugd en opvoedhulp", "Stichting de Praktijk")
POS, NEG, NEU = Stance.POSITIVE, Stance.NEGATIVE, Stance.NEUTRAL

OMSCHRIJVING = "toeleiding.zelfde-omschrijving"  # all agree
INFORMATIE = "samenwerking.informatie-delen"  # disagree (2 against 2)
LOSLATEN = "aanpak.niet-loslaten"  # one netwerkpartner deviates
DOELEN = "aanpak.gezamenlijke-doelen"  # all agree negative


@pytest.fixture
def policy_framework(catalog):
    return catalog.get("beleidsniveau")


@pytest.fixture
def den_helder(store):
    """A policy-level approach with its gemeente, three netwerkpartners and one document, no answers yet."""
    study = store.add_study("GGSR beleidsniveau 2013", "beleidsniveau")
    approach = store.add_approach(study.id, "Den Helder", "1 Gezin 1 Plan Nieuw Den Helder", "zorgcoördinator")
    gemeente = store.add_respondent(approach.id, Role.MUNICIPALITY, date="2013-05-01", status="afgerond")
    partners = [store.add_respondent(approach.id, Role.NETWORK_PARTNER, name, nominated=True, date="2013-05-08",
                                     status="afgerond") for name in PARTNERS]
    document = store.add_respondent(approach.id, Role.DOCUMENT, "Handleiding Gezinsplan", date="2013-04-15",
                                    status="afgerond")
    return approach, gemeente, partners, document


def _answer(store, respondent, indicator_id: str, stance: Stance, text: str = "Antwoord op de vragenlijst.") -> int:
    return store.add_quote(respondent.id, text, codings={indicator_id: stance}).id


def _answers(store, gemeente, partners, indicator_id: str, municipality: Stance | None,
             *partner_stances: Stance | None) -> None:
    """One answer of the gemeente and of each netwerkpartner (None: no answer) on the indicator."""
    if municipality is not None:
        _answer(store, gemeente, indicator_id, municipality)
    for partner, stance in zip(partners, partner_stances):
        if stance is not None:
            _answer(store, partner, indicator_id, stance)


# ---- the matrix ------------------------------------------------------------------------------------------------

def test_every_indicator_by_every_respondent_holds_the_stances_and_quote_ids(store, policy_framework, den_helder):
    approach, gemeente, partners, document = den_helder
    q1 = _answer(store, gemeente, OMSCHRIJVING, POS)
    q2 = _answer(store, partners[1], OMSCHRIJVING, NEG)
    q3 = _answer(store, partners[1], OMSCHRIJVING, NEU)
    both = store.add_quote(partners[2].id, "Wij evalueren samen met de gemeente.",
                           codings={"aanpak.evaluatie-netwerkpartners": POS, "aanpak.evaluatie-gemeente": NEU}).id
    doc = _answer(store, document, "continu.doorlopen", POS, "De cyclus wordt doorlopen zo vaak als nodig is.")
    matrix = policy_matrix(store, policy_framework, approach.id)

    assert [r.indicator_id for r in matrix] == [i.id for i in policy_framework.indicators]
    assert len(matrix.rows) == 30 and len(matrix.cells) == 30 * 5
    assert [r.id for r in matrix.respondents] == [gemeente.id, *(p.id for p in partners), document.id]
    assert [c.respondent.id for c in matrix.row(OMSCHRIJVING).cells] == [r.id for r in matrix.respondents]
    assert matrix.cell(OMSCHRIJVING, gemeente.id).quote_ids == (q1,)
    assert matrix.cell(OMSCHRIJVING, gemeente.id).stances == (POS,)
    assert matrix.cell(OMSCHRIJVING, partners[1].id).quote_ids == (q2, q3)
    assert matrix.cell(OMSCHRIJVING, partners[1].id).stances == (NEG, NEU)
    assert matrix.cell(OMSCHRIJVING, partners[1].id).counts == {POS: 0, NEG: 1, NEU: 1}
    assert matrix.cell(OMSCHRIJVING, partners[0].id).quote_ids == ()
    assert matrix.cell(OMSCHRIJVING, partners[0].id).leaning is None
    # a quote coded to two indicators counts for both, with its own stance on each
    assert matrix.cell("aanpak.evaluatie-netwerkpartners", partners[2].id).stances == (POS,)
    assert matrix.cell("aanpak.evaluatie-gemeente", partners[2].id).stances == (NEU,)
    assert matrix.row("aanpak.evaluatie-gemeente").quote_ids == (both,)
    assert matrix.row(OMSCHRIJVING).quote_ids == (q1, q2, q3)
    assert matrix.cell("continu.doorlopen", document.id).quote_ids == (doc,)
    # a document's evidence is evidence (not 'without evidence'), though it gives no voice
    without = matrix.without_evidence()
    assert OMSCHRIJVING not in without and "continu.doorlopen" not in without
    assert "aanpak.evaluatie-gemeente" not in without and "aanpak.beleid" in without
    assert len(without) == 30 - 4
    assert matrix.row("continu.doorlopen").agreement is Agreement.NO_EVIDENCE


def test_the_matrix_reads_only_its_own_approach(store, policy_framework, den_helder):
    approach, gemeente, _partners, _document = den_helder
    other = store.add_approach(approach.study_id, "Venlo", "Zorg Integraal")
    other_gemeente = store.add_respondent(other.id, Role.MUNICIPALITY)
    _answer(store, other_gemeente, OMSCHRIJVING, NEG)
    _answer(store, gemeente, OMSCHRIJVING, POS)
    assert policy_matrix(store, policy_framework, approach.id).row(OMSCHRIJVING).agreement is Agreement.ALL_AGREE
    other_matrix = policy_matrix(store, policy_framework, other.id)
    assert [r.id for r in other_matrix.respondents] == [other_gemeente.id]
    assert other_matrix.row(OMSCHRIJVING).agreement is Agreement.ALL_AGREE_NEGATIVE


def test_an_approach_without_respondents_has_rows_without_evidence(store, policy_framework):
    approach = store.add_approach(store.add_study("B", "beleidsniveau").id, "Wadlo", "Wijkaanpak")
    matrix = policy_matrix(store, policy_framework, approach.id)
    assert matrix.respondents == [] and matrix.cells == {}
    assert {r.agreement for r in matrix} == {Agreement.NO_EVIDENCE}
    assert policy_proposal(matrix.row(OMSCHRIJVING)) == (None, "De gemeente geeft hierover geen informatie.", "")


def test_a_case_level_framework_is_refused(store, case_framework, den_helder):
    with pytest.raises(ValidationError, match="beleidsniveau"):
        policy_matrix(store, case_framework, den_helder[0].id)


# ---- agreement ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("municipality", "partner_stances", "agreement", "position", "deviator"), [
    (POS, (POS, POS, POS), Agreement.ALL_AGREE, POS, None),
    (NEG, (NEG, NEG, NEG), Agreement.ALL_AGREE_NEGATIVE, NEG, None),
    (NEU, (NEU, NEU, None), Agreement.UNCLEAR, NEU, None),
    (None, (None, None, None), Agreement.NO_EVIDENCE, None, None),
    (POS, (POS, POS, NEG), Agreement.ONE_DEVIATES, POS, 2),
    (POS, (NEG, POS, POS), Agreement.ONE_DEVIATES, POS, 0),
    (NEG, (NEG, POS, NEG), Agreement.ONE_DEVIATES, NEG, 1),
    (POS, (POS, NEU, POS), Agreement.ONE_DEVIATES, POS, 1),  # a vague answer deviates too
    (None, (POS, POS, NEG), Agreement.ONE_DEVIATES, POS, 2),  # the gemeente did not answer
    (POS, (POS, NEG, NEG), Agreement.DISAGREE, None, None),
    (POS, (NEG, NEG, NEG), Agreement.DISAGREE, None, None),  # the gemeente alone against the partners
    (NEG, (POS, POS, POS), Agreement.DISAGREE, None, None),  # the gemeente deviating is no 'one partner'
    (POS, (NEG, None, None), Agreement.DISAGREE, None, None),  # two voices: no majority to deviate from
    (NEU, (POS, POS, POS), Agreement.DISAGREE, None, None),  # the agreeing rest must take a position
    (NEU, (NEU, NEU, POS), Agreement.DISAGREE, None, None),  # … also when the odd one does
    (POS, (POS, NEG, NEU), Agreement.DISAGREE, None, None),
    (POS, (POS, None, None), Agreement.ALL_AGREE, POS, None),  # a partner without answers is not heard
    (None, (NEG, NEG, NEG), Agreement.ALL_AGREE_NEGATIVE, NEG, None),
])
def test_agreement_of_gemeente_and_netwerkpartners(store, policy_framework, den_helder, municipality,
                                                   partner_stances, agreement, position, deviator):
    approach, gemeente, partners, _document = den_helder
    _answers(store, gemeente, partners, LOSLATEN, municipality, *partner_stances)
    row = policy_matrix(store, policy_framework, approach.id).row(LOSLATEN)
    assert row.agreement is agreement
    assert row.position == position
    assert (row.deviating.respondent.id if row.deviating else None) == (
        partners[deviator].id if deviator is not None else None)


def test_a_respondents_position_is_the_balance_of_its_answers(store, policy_framework, den_helder):
    approach, gemeente, partners, _document = den_helder
    _answers(store, gemeente, partners, LOSLATEN, POS, POS, POS, POS)
    _answer(store, partners[0], LOSLATEN, POS)
    _answer(store, partners[0], LOSLATEN, NEG)  # 2 positive against 1 negative: still positive
    row = policy_matrix(store, policy_framework, approach.id).row(LOSLATEN)
    assert row.agreement is Agreement.ALL_AGREE
    _answer(store, partners[1], LOSLATEN, NEG)
    _answer(store, partners[1], LOSLATEN, NEG)  # 1 positive against 2 negative: this partner deviates
    row = policy_matrix(store, policy_framework, approach.id).row(LOSLATEN)
    assert row.agreement is Agreement.ONE_DEVIATES and row.deviating.respondent.id == partners[1].id
    assert row.deviating.leaning is NEG


@pytest.mark.parametrize("document_stance", [POS, NEG, NEU])
def test_documents_never_change_the_agreement_or_the_mark(store, policy_framework, den_helder, document_stance):
    approach, gemeente, partners, document = den_helder
    _answers(store, gemeente, partners, OMSCHRIJVING, POS, POS, POS, POS)  # all agree
    _answers(store, gemeente, partners, INFORMATIE, POS, POS, NEG, NEG)  # disagree
    _answers(store, gemeente, partners, LOSLATEN, POS, POS, POS, NEG)  # one deviates
    before = policy_matrix(store, policy_framework, approach.id)
    proposals = {i: policy_proposal(before.row(i)) for i in (OMSCHRIJVING, INFORMATIE, LOSLATEN)}
    for indicator_id in (OMSCHRIJVING, INFORMATIE, LOSLATEN):
        for _ in range(3):  # outnumbering the voices changes nothing either
            _answer(store, document, indicator_id, document_stance)
    _answer(store, document, DOELEN, document_stance)  # a document alone is no voice
    after = policy_matrix(store, policy_framework, approach.id)
    for indicator_id in (OMSCHRIJVING, INFORMATIE, LOSLATEN):
        row = after.row(indicator_id)
        assert (row.agreement, row.position, row.deviating) == (before.row(indicator_id).agreement,
                                                               before.row(indicator_id).position,
                                                               before.row(indicator_id).deviating)
        proposal = policy_proposal(row)
        assert proposal.mark is proposals[indicator_id].mark and proposal.let_op == proposals[indicator_id].let_op
        assert len(row.documents) == 1 and len(row.quote_ids) == len(before.row(indicator_id).quote_ids) + 3
        # the document is cited after the finding of the voices
        assert proposal.finding.startswith(proposals[indicator_id].finding + " In 'Handleiding Gezinsplan' ")
    doelen = after.row(DOELEN)
    assert doelen.agreement is Agreement.NO_EVIDENCE and doelen.documents
    assert policy_proposal(doelen).mark is None


# ---- the drafted finding ------------------------------------------------------------------------------------

def _proposal(store, policy_framework, approach, indicator_id) -> PolicyProposal:
    return policy_proposal(policy_matrix(store, policy_framework, approach.id).row(indicator_id))


def test_all_agree_gives_a_check_and_the_eensluidend_finding(store, policy_framework, den_helder):
    approach, gemeente, partners, _document = den_helder
    _answers(store, gemeente, partners, OMSCHRIJVING, POS, POS, POS, POS)
    mark, finding, let_op = _proposal(store, policy_framework, approach, OMSCHRIJVING)
    assert mark is Mark.SATISFIED and mark.symbol == "✓"
    assert finding == ("De gemeente en de netwerkpartners geven eensluidend aan dat dit het geval is: "
                       "alle netwerkpartners hanteren dezelfde omschrijving van GGSR.")
    assert let_op == ""


def test_disagreement_gives_an_x_and_says_who_said_what(store, policy_framework, den_helder):
    approach, gemeente, partners, _document = den_helder
    _answers(store, gemeente, partners, INFORMATIE, POS, POS, NEG, NEG)
    mark, finding, let_op = _proposal(store, policy_framework, approach, INFORMATIE)
    assert mark is Mark.IMPROVEMENT and mark.symbol == "X"
    assert finding == ("Gemeente en netwerkpartners zijn niet eenduidig in hun antwoorden of dit het geval is: "
                       "netwerkpartners hebben afspraken gemaakt over het actief delen van informatie. "
                       "De gemeente geeft aan dat dit het geval is. "
                       "Eén van de drie netwerkpartners geeft aan dat dit het geval is. "
                       "Twee van de drie netwerkpartners geven aan dat dit niet het geval is.")
    assert let_op == ""


def test_one_deviating_partner_gives_a_check_with_a_let_op_note(store, policy_framework, den_helder):
    approach, gemeente, partners, _document = den_helder
    _answers(store, gemeente, partners, LOSLATEN, POS, POS, NEG, POS)
    mark, finding, let_op = _proposal(store, policy_framework, approach, LOSLATEN)
    assert mark is Mark.SATISFIED
    assert finding == ("De gemeente en twee van de drie netwerkpartners geven aan dat dit het geval is: "
                       "uitgangspunt bij de aanpak is dat het gezin niet wordt losgelaten.")
    assert let_op == "Eén netwerkpartner geeft echter aan dat dit niet het geval is."
    assert not let_op.startswith("LET OP")  # the export prints the prefix


def test_all_agree_negative_gives_an_x(store, policy_framework, den_helder):
    approach, gemeente, partners, _document = den_helder
    _answers(store, gemeente, partners, DOELEN, NEG, NEG, NEG, NEG)
    assert _proposal(store, policy_framework, approach, DOELEN) == (
        Mark.IMPROVEMENT,
        "De gemeente en de netwerkpartners geven eensluidend aan dat dit niet het geval is: "
        "de netwerkpartners hebben gezamenlijke doelen geformuleerd ten aanzien van de aanpak van GGSR.", "")


def test_one_deviating_partner_against_a_negative_rest_keeps_the_x(store, policy_framework, den_helder):
    approach, gemeente, partners, _document = den_helder
    _answers(store, gemeente, partners, DOELEN, NEG, POS, NEG, NEG)
    assert _proposal(store, policy_framework, approach, DOELEN) == (
        Mark.IMPROVEMENT,
        "De gemeente en twee van de drie netwerkpartners geven aan dat dit niet het geval is: "
        "de netwerkpartners hebben gezamenlijke doelen geformuleerd ten aanzien van de aanpak van GGSR.",
        "Eén netwerkpartner geeft echter aan dat dit wel het geval is.")


def test_no_evidence_and_vague_answers_leave_the_mark_to_the_inspector(store, policy_framework, den_helder):
    approach, gemeente, partners, document = den_helder
    assert _proposal(store, policy_framework, approach, OMSCHRIJVING) == (
        None, "De gemeente en de netwerkpartners geven hierover geen informatie.", "")
    _answers(store, gemeente, partners, OMSCHRIJVING, NEU, NEU, NEU, NEU)
    assert _proposal(store, policy_framework, approach, OMSCHRIJVING) == (
        None, "De gemeente en de netwerkpartners geven hierover geen eenduidig antwoord: "
              "alle netwerkpartners hanteren dezelfde omschrijving van GGSR.", "")
    _answer(store, document, DOELEN, POS)
    assert _proposal(store, policy_framework, approach, DOELEN) == (
        None, "De gemeente en de netwerkpartners geven hierover geen informatie. "
              "In 'Handleiding Gezinsplan' wordt aangegeven dat dit het geval is.", "")


def test_the_subject_names_only_the_voices_heard(store, policy_framework, den_helder):
    approach, gemeente, partners, _document = den_helder
    _answers(store, gemeente, partners, "toeleiding.zicht-op-populatie", NEG)  # only the gemeente is asked
    _answers(store, gemeente, partners, "aanpak.beleid", POS, None, POS, POS)
    _answers(store, gemeente, partners, "aanpak.outreachend", None, POS, None, None)
    _answers(store, gemeente, partners, "continu.beschikbaarheid", None, POS, NEG, None)
    _answers(store, gemeente, partners, "aanpak.doorzettingsmacht", NEG, None, POS, None)
    found = {i: _proposal(store, policy_framework, approach, i) for i in (
        "toeleiding.zicht-op-populatie", "aanpak.beleid", "aanpak.outreachend", "continu.beschikbaarheid",
        "aanpak.doorzettingsmacht")}
    assert found["toeleiding.zicht-op-populatie"] == (
        Mark.IMPROVEMENT, "De gemeente geeft aan dat dit niet het geval is: de gemeente heeft zicht op de populatie "
                          "GGSR.", "")
    assert found["aanpak.beleid"] == (
        Mark.SATISFIED, "De gemeente en twee van de drie netwerkpartners geven eensluidend aan dat dit het geval is: "
                        "de gemeente heeft beleid voor de groep GGSR.", "")
    assert found["aanpak.outreachend"] == (
        Mark.SATISFIED, "Eén van de drie netwerkpartners geeft aan dat dit het geval is: uitgangspunt bij de aanpak "
                        "is dat outreachend wordt gewerkt.", "")
    assert found["continu.beschikbaarheid"] == (
        Mark.IMPROVEMENT, "De netwerkpartners zijn niet eenduidig in hun antwoorden of dit het geval is: "
                          "netwerkpartners zorgen voor beschikbaarheid van zorg en ondersteuning voor de gezinnen "
                          "binnen de aanpak. Eén van de drie netwerkpartners geeft aan dat dit het geval is. "
                          "Eén van de drie netwerkpartners geeft aan dat dit niet het geval is.", "")
    assert found["aanpak.doorzettingsmacht"] == (
        Mark.IMPROVEMENT, "Gemeente en netwerkpartner zijn niet eenduidig in hun antwoorden of dit het geval is: "
                          "de doorzettingsmacht voor de regisseur is geregeld. De gemeente geeft aan dat dit niet "
                          "het geval is. Eén van de drie netwerkpartners geeft aan dat dit het geval is.", "")


def test_two_questionnaires_of_the_gemeente_that_disagree(store, policy_framework, den_helder):
    approach, gemeente, _partners, _document = den_helder
    second = store.add_respondent(approach.id, Role.MUNICIPALITY)
    _answer(store, gemeente, OMSCHRIJVING, POS)
    _answer(store, second, OMSCHRIJVING, NEG)
    row = policy_matrix(store, policy_framework, approach.id).row(OMSCHRIJVING)
    assert row.agreement is Agreement.DISAGREE
    assert policy_proposal(row) == (
        Mark.IMPROVEMENT, "De gemeente is niet eenduidig in haar antwoorden of dit het geval is: alle netwerkpartners "
                          "hanteren dezelfde omschrijving van GGSR. De gemeente geeft aan dat dit het geval is. "
                          "De gemeente geeft aan dat dit niet het geval is.", "")


def test_documents_are_cited_by_title_per_position(store, policy_framework, den_helder):
    approach, gemeente, partners, document = den_helder
    visie = store.add_respondent(approach.id, Role.DOCUMENT, "Organisatie van persoons- en gezinsgerichte ketenregie")
    evaluatie = store.add_respondent(approach.id, Role.DOCUMENT, "Evaluatie pilot")
    _answers(store, gemeente, partners, OMSCHRIJVING, POS, POS, POS, POS)
    _answer(store, document, OMSCHRIJVING, POS)
    _answer(store, visie, OMSCHRIJVING, POS)
    _answer(store, evaluatie, OMSCHRIJVING, NEU)
    _, finding, _ = _proposal(store, policy_framework, approach, OMSCHRIJVING)
    assert finding.endswith(
        "van GGSR. In 'Handleiding Gezinsplan' en 'Organisatie van persoons- en gezinsgerichte ketenregie' wordt "
        "aangegeven dat dit het geval is. In 'Evaluatie pilot' wordt hierop ingegaan.")


def test_the_deviating_partners_note_follows_its_position(store, policy_framework, den_helder):
    approach, gemeente, partners, _document = den_helder
    _answers(store, gemeente, partners, LOSLATEN, POS, NEU, POS, POS)
    assert _proposal(store, policy_framework, approach, LOSLATEN) == (
        Mark.SATISFIED, "De gemeente en twee van de drie netwerkpartners geven aan dat dit het geval is: uitgangspunt "
                        "bij de aanpak is dat het gezin niet wordt losgelaten.",
        "Eén netwerkpartner geeft hierover echter geen eenduidig antwoord.")


def test_clause_and_partner_phrases():
    assert clause(Indicator("x", "  De gemeente heeft\n  beleid.", "c", "t")) == "de gemeente heeft beleid"
    assert clause(Indicator("x", "GGSR zijn in beeld", "c", "t")) == "GGSR zijn in beeld"
    assert [partners_phrase(k, 3) for k in (1, 2, 3)] == [
        "één van de drie netwerkpartners", "twee van de drie netwerkpartners", "de netwerkpartners"]
    assert partners_phrase(1, 1) == "de netwerkpartner"

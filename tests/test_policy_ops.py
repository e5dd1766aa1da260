"""The policy level's own operations on the one undo history (real store, real anonymiser): a respondent added,
undone and redone under its own id; the public name checked; LET OP, the description and row groups undoable;
a row group across criteria refused; the new entities round-trip through a reopened database."""

from __future__ import annotations

import pytest

from ggsr_desktop.errors import ValidationError
from ggsr_desktop.models import Mark, Role, RowGroup
from ggsr_desktop.ops.session import Session
from ggsr_desktop.store import Store


@pytest.fixture
def policy(store, catalog, anonymiser):
    session = Session(store, catalog, anonymiser)
    study = store.add_study("GGSR beleidsniveau 2013", "beleidsniveau")
    approach = store.add_approach(study.id, "Den Helder", "1 Gezin 1 Plan Nieuw Den Helder", "zorgcoördinator")
    return session, approach


def test_a_respondent_is_undone_and_redone_under_its_own_id(policy):
    session, approach = policy
    store = session.store
    made = session.perform(lambda: session.structure().add_respondent(
        approach.id, Role.NETWORK_PARTNER, "Stichting de Praktijk", nominated=True)).value
    assert [(r.role, r.name, r.nominated) for r in store.respondents(approach.id)] == [
        (Role.NETWORK_PARTNER, "Stichting de Praktijk", True)]
    assert store.list_cases(approach.id) == []  # the survey case is not a family
    session.undo()
    assert store.respondents(approach.id) == []
    session.redo()
    assert [r.id for r in store.respondents(approach.id)] == [made.id]


def test_a_respondent_with_answers_is_not_taken_away_by_undo(policy):
    session, approach = policy
    partner = session.perform(lambda: session.structure().add_respondent(
        approach.id, Role.NETWORK_PARTNER, "Parlan Jeugd en opvoedhulp")).value
    session.capture.save_quote(partner.id, "Parlan biedt de zorg thuis.")
    with pytest.raises(ValidationError, match="heeft inmiddels antwoorden"):
        session.undo()
    assert len(session.store.respondents(approach.id)) == 1


@pytest.mark.parametrize("role, name, message", [
    (Role.NETWORK_PARTNER, "Bel 06-12345678", "persoonsgegeven"),
    (Role.NETWORK_PARTNER, "", "naam van de organisatie"),
    (Role.FAMILY, "Gezin A", "bestaat niet op beleidsniveau"),
])
def test_a_bad_respondent_is_refused_and_nothing_changes(policy, role, name, message):
    session, approach = policy
    with pytest.raises(ValidationError, match=message):
        session.perform(lambda: session.structure().add_respondent(approach.id, role, name))
    assert session.store.respondents(approach.id) == [] and session.history.undo_label is None


def test_one_municipality_per_approach(policy):
    session, approach = policy
    session.perform(lambda: session.structure().add_respondent(approach.id, Role.MUNICIPALITY))
    with pytest.raises(ValidationError, match="al een respondent 'gemeente'"):
        session.perform(lambda: session.structure().add_respondent(approach.id, Role.MUNICIPALITY))


def test_let_op_description_and_row_groups_are_undoable(policy, catalog):
    session, approach = policy
    store, framework = session.store, catalog.get("beleidsniveau")
    judging = session.judging(approach.id, "inspecteur")
    session.perform(lambda: judging.set_mark("aanpak.regisseur-toegerust", Mark.SATISFIED))
    session.perform(lambda: judging.set_let_op("aanpak.regisseur-toegerust",
                                               "LET OP staat niet in de tekst; de caseload is niet afgesproken."))
    assert store.get_judgement(approach.id, "aanpak.regisseur-toegerust").let_op.startswith("LET OP staat")
    session.perform(lambda: judging.set_overview("De pilot is van start gegaan in mei 2012."))
    assert store.get_approach(approach.id).overview == "De pilot is van start gegaan in mei 2012."  # kept
    group = RowGroup(approach.id, ("aanpak.beleid", "aanpak.gezamenlijke-visie"), False)
    session.perform(lambda: judging.set_row_groups([group], framework))
    assert store.row_groups(approach.id) == [group]
    session.undo()
    assert store.row_groups(approach.id) == []
    session.undo()
    assert store.get_approach(approach.id).overview == ""
    session.undo()
    assert store.get_judgement(approach.id, "aanpak.regisseur-toegerust").let_op == ""
    session.redo()
    assert store.get_judgement(approach.id, "aanpak.regisseur-toegerust").let_op.endswith("niet afgesproken.")


def test_a_row_group_across_criteria_is_refused(policy, catalog):
    session, approach = policy
    judging = session.judging(approach.id, "inspecteur")
    across = RowGroup(approach.id, ("toeleiding.zelfde-omschrijving", "gezin-centraal.eigen-kracht"), True)
    with pytest.raises(ValidationError, match="verschillende criteria"):
        session.perform(lambda: judging.set_row_groups([across], catalog.get("beleidsniveau")))
    assert session.store.row_groups(approach.id) == []


def test_the_let_op_note_is_anonymised_at_policy_level(policy):
    session, approach = policy
    judging = session.judging(approach.id, "inspecteur")
    typed = "Partners in Jeugdbeleid noemt Piet de Vries (06-12345678) als contact."
    session.perform(lambda: judging.set_let_op("continu.beschikbaarheid", typed))
    note = session.store.get_judgement(approach.id, "continu.beschikbaarheid").let_op
    assert "Partners in Jeugdbeleid" in note and "Piet" not in note and "06-12345678" not in note


def test_policy_entities_round_trip_through_a_reopened_database(db_path):
    store = Store.create(db_path)
    study = store.add_study("S", "beleidsniveau")
    approach = store.add_approach(study.id, "Venlo", "Er op af")
    store.update_approach(approach.id, overview="Beschrijving.\n\n- punt")
    partner = store.add_respondent(approach.id, Role.NETWORK_PARTNER, "Bureau Jeugdzorg Limburg", nominated=True,
                                   date="2013-05-02")
    document = store.add_respondent(approach.id, Role.DOCUMENT, "Handleiding Gezinsplan")
    store.set_judgement(approach.id, "aanpak.beleid", author="t", mark=Mark.IMPROVEMENT, finding="F", let_op="L")
    groups = [RowGroup(approach.id, ("aanpak.beleid", "aanpak.gezamenlijke-visie"), True)]
    store.set_row_groups(approach.id, groups)
    store.close()
    again = Store.open(db_path)
    try:
        assert again.get_approach(approach.id).overview == "Beschrijving.\n\n- punt"
        assert again.respondents(approach.id) == [partner, document]
        assert again.get_interview(partner.id).date == "2013-05-02" and again.get_interview(partner.id).nominated
        judgement = again.get_judgement(approach.id, "aanpak.beleid")
        assert (judgement.mark, judgement.finding, judgement.let_op) == (Mark.IMPROVEMENT, "F", "L")
        assert again.row_groups(approach.id) == groups
    finally:
        again.close()

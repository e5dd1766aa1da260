"""The Session: one undo history for every operation, what each changed, operations that fail leave nothing, and a
case created (with persons and planned interviews) and undone as one step. Real store, real anonymiser."""

from __future__ import annotations

import pytest

from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.errors import ValidationError
from ggsr_desktop.models import Mark, Role, Stance, Status
from ggsr_desktop.ops.changes import Changes
from ggsr_desktop.ops.session import Session

PROFESSIONALS = ["GGZ", "woningcorporatie", "schuldhulpverlening"]


@pytest.fixture
def session(store, catalog, anonymiser):
    return Session(store, catalog, anonymiser)


@pytest.fixture
def approach(session):
    structure = session.structure()
    study = session.perform(lambda: structure.add_study("Ronde 1", "casusniveau")).value
    return session.perform(lambda: structure.add_approach(study.id, "Wadlo", "Samen Verder")).value


def _tables(store):
    tables = ("cases", "interviews", "register_entries", "case_keys", "quotes", "judgements")
    return {name: [dict(r) for r in store.db[name].rows] for name in tables}


MOTHER = Person("moeder", "Wilhelmina Kanarievogel")


def _case(session, approach, code="Gezin A", persons=(MOTHER,)):
    structure = session.structure()
    return session.perform(lambda: structure.create_case(approach.id, code, list(persons), PROFESSIONALS,
                                                         {"gezin": "2027-03-01"}))


def test_changes_join_and_say_what_they_hold():
    joined = Changes(quotes=True) | Changes(tree=True)
    assert joined == Changes(quotes=True, tree=True) and joined.names == ("quotes", "tree")
    assert not Changes() and bool(joined)


def test_a_case_with_persons_and_interviews_is_created_and_undone_as_one_step(session, approach, store):
    before = _tables(store)
    outcome = _case(session, approach)
    case = outcome.value
    assert outcome.changes == Changes(tree=True) and outcome.label == "casus aanmaken"
    interviews = store.list_interviews(case.id)
    assert [iv.role for iv in interviews] == [Role.FAMILY, Role.REGISSEUR, *[Role.PROFESSIONAL] * 3, Role.DOCUMENT]
    assert session.capture.anonymise(case.id, "Wilhelmina Kanarievogel belde").text == "[moeder] belde"
    created = _tables(store)

    undone = session.undo()
    assert undone.label == "casus aanmaken" and undone.changes.tree
    assert _tables(store) == before  # case, interviews, register digests and key: all gone in one step
    assert session.history.undo_label == "aanpak aanmaken"  # the steps before it are still there

    session.redo()
    assert _tables(store) == created  # the same ids, the same register: the name is recognised again
    assert session.capture.anonymise(case.id, "Wilhelmina Kanarievogel belde").text == "[moeder] belde"


def test_a_case_that_received_quotes_is_not_taken_away_by_an_undo(session, approach, store):
    case = _case(session, approach).value
    family = store.list_interviews(case.id)[0]
    quotes = session.quotes()
    session.perform(lambda: quotes.save(family.id, "Het gaat goed."))
    assert session.undo().label == "citaat opslaan"  # the quote's own step comes first
    assert store.list_quotes(family.id) == []
    store.save_draft(family.id, "nog niet opgeslagen tekst")
    with pytest.raises(ValidationError, match="bewaarde tekst"):
        session.undo()
    assert store.get_case(case.id).code == "Gezin A" and session.history.undo_label == "casus aanmaken"


def test_a_failing_case_creation_leaves_nothing(session, approach, store):
    before, steps = _tables(store), session.history.undo_label
    structure = session.structure()
    with pytest.raises(ValidationError):  # a name in the code is refused after the case and persons were added
        session.perform(lambda: structure.create_case(approach.id, "Gezin Kanarievogel",
                                                      [Person("moeder", "Wilhelmina Kanarievogel")], PROFESSIONALS))
    with pytest.raises(ValidationError):  # two professionals instead of three: refused after the case was made
        session.perform(lambda: structure.create_case(approach.id, "Gezin B", [Person("vader", "Joris Plompen")],
                                                      PROFESSIONALS[:2]))
    assert _tables(store) == before and session.history.undo_label == steps


def test_a_failing_operation_leaves_neither_writes_nor_steps(session, approach, store):
    case = _case(session, approach).value
    family = store.list_interviews(case.id)[0]
    quotes, label = session.quotes(), session.history.undo_label

    def save_two_then_fail():
        quotes.save(family.id, "Eerste citaat.")
        quotes.save(family.id, "Tweede citaat.")
        raise ValidationError("halverwege mislukt")

    with pytest.raises(ValidationError):
        session.perform(save_two_then_fail)
    assert store.list_quotes(family.id) == [] and session.history.undo_label == label


def test_one_history_across_quotes_judgements_and_the_tree(session, approach, store, case_framework):
    case = _case(session, approach).value
    family = store.list_interviews(case.id)[0]
    quotes, judging = session.quotes(), session.judging(approach.id, "Inspecteur Test")
    indicator = case_framework.indicators[0].id
    saved = session.perform(lambda: quotes.save(family.id, "Het plan is samen gemaakt.",
                                                codings={indicator: Stance.POSITIVE}))
    assert saved.changes == Changes(quotes=True)
    judged = session.perform(lambda: judging.set_mark(indicator, Mark.SATISFIED.value))
    assert judged.changes == Changes(judgements=True)
    dated = session.perform(lambda: session.structure().set_interview(family.id, status=Status.DONE))
    assert dated.changes == Changes(interviews=True)

    assert [session.undo().label for _ in range(3)] == ["gesprek wijzigen", "beoordeling wijzigen", "citaat opslaan"]
    assert store.get_interview(family.id).status is Status.PLANNED
    undone = store.get_judgement(approach.id, indicator)
    assert undone is None or undone.mark is None
    assert store.list_quotes(family.id) == []
    assert [session.redo().label for _ in range(3)] == ["citaat opslaan", "beoordeling wijzigen", "gesprek wijzigen"]
    assert store.get_interview(family.id).status is Status.DONE


def test_study_and_approach_edits_are_undone(session, approach, store):
    structure = session.structure()
    session.perform(lambda: structure.update_approach(approach.id, name="Samen Sterk", regisseur_label="gezinscoach"))
    session.perform(lambda: structure.rename_study(approach.study_id, "Ronde 2"))
    session.perform(lambda: structure.update_approach(approach.id, name="Samen Sterk"))  # no change: no step
    assert session.history.undo_label == "onderzoek wijzigen"
    session.undo()
    assert store.get_study(approach.study_id).name == "Ronde 1"
    session.undo()
    again = store.get_approach(approach.id)
    assert (again.name, again.regisseur_label) == ("Samen Verder", "regisseur")
    session.undo()  # the approach's creation
    assert store.list_approaches(approach.study_id) == []
    session.redo()
    assert store.get_approach(approach.id).name == "Samen Verder"


def test_an_interview_date_set_and_undone_comes_back_empty(session, approach, store):
    case = _case(session, approach).value
    regisseur = store.list_interviews(case.id)[1]
    assert regisseur.date is None
    session.perform(lambda: session.structure().set_interview(regisseur.id, date="2027-04-02"))
    assert store.get_interview(regisseur.id).date == "2027-04-02"
    session.undo()
    assert store.get_interview(regisseur.id).date is None

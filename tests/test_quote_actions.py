"""Undo/redo of quote actions through the real store and anonymiser."""

from __future__ import annotations

import pytest

from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.ops.quote_actions import QuoteActions


@pytest.fixture
def setup(store, anonymiser, case_framework):
    study = store.add_study("S", "casusniveau")
    case = store.add_case(store.add_approach(study.id, "Wadlo", "Aanpak").id, "Gezin A")
    interview = store.add_interview(case.id, "gezin")
    capture = Capture(store, anonymiser)
    capture.add_person(case.id, Person("moeder", "Wilhelmina Kanarievogel"))
    return QuoteActions(capture), interview.id, [i.id for i in case_framework.indicators[:3]]


def _state(store, interview_id):
    return [(q.id, q.text, q.kind, sorted((c.indicator_id, c.stance) for c in q.codings),
             [(s.start, s.placeholder) for s in q.spans]) for q in store.list_quotes(interview_id)]


def test_every_action_undoes_and_redoes(setup, store):
    actions, interview, (a, b, c) = setup
    states = [_state(store, interview)]
    q = actions.save(interview, "Wilhelmina Kanarievogel is tevreden.", codings={a: "positief"})
    assert q.text == "[moeder] is tevreden."
    states.append(_state(store, interview))
    actions.edit_text(q.id, "Wilhelmina zegt dat het beter gaat.")
    states.append(_state(store, interview))
    actions.set_kind(q.id, "parafrase")
    states.append(_state(store, interview))
    actions.recode(q.id, {b: "negatief", c: "neutraal"})
    states.append(_state(store, interview))
    actions.delete(q.id)
    states.append(_state(store, interview))
    assert actions.undo_label == "citaat verwijderen"
    for expected in reversed(states[:-1]):
        actions.undo()
        assert _state(store, interview) == expected
    assert not actions.can_undo and actions.redo_label == "citaat opslaan"
    for expected in states[1:]:
        actions.redo()
        assert _state(store, interview) == expected
    assert not actions.can_redo


def test_a_new_action_clears_redo(setup, store):
    actions, interview, _ = setup
    actions.save(interview, "Eerste.")
    actions.undo()
    assert actions.can_redo
    actions.save(interview, "Tweede.")
    assert not actions.can_redo and [q.text for q in store.list_quotes(interview)] == ["Tweede."]

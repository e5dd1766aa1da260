"""Planning a case's interviews, the indicator picker's search, coverage per source, and kept drafts."""

from __future__ import annotations

import pytest

from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.errors import ValidationError
from ggsr_desktop.evidence.coverage import case_coverage
from ggsr_desktop.evidence.indicator_search import find_indicators
from ggsr_desktop.models import Role
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.ops.planning import plan_case, prepare_case
from ggsr_desktop.store import Store


@pytest.fixture
def case(store):
    study = store.add_study("S", "casusniveau")
    approach = store.add_approach(study.id, "Wadlo", "Aanpak")
    return store.add_case(approach.id, "Gezin A")


def test_plan_case_adds_the_standard_interviews_once(store, case, anonymiser):
    capture = Capture(store, anonymiser)
    planned = plan_case(capture, case.id, ["ggz", "Woningcorporatie", "Ymere"], {"gezin": "2026-12-03"})
    assert [(iv.role, iv.organisation_type) for iv in planned] == [
        (Role.FAMILY, None), (Role.REGISSEUR, None), (Role.PROFESSIONAL, "GGZ"),
        (Role.PROFESSIONAL, "woningcorporatie"), (Role.PROFESSIONAL, "[woningcorporatie 1]"), (Role.DOCUMENT, None)]
    assert planned[0].date == "2026-12-03" and all(iv.status == "gepland" for iv in planned)
    again = plan_case(capture, case.id, ["politie", "MEE", "onderwijs"])
    assert [iv.role for iv in again] == [Role.PROFESSIONAL] * 3  # family, regisseur and plan not doubled
    with pytest.raises(ValidationError, match="3 professionals"):
        plan_case(capture, case.id, ["GGZ"])
    with pytest.raises(ValidationError, match="organisatietype"):
        plan_case(capture, case.id, ["GGZ", " ", "MEE"])
    assert len(store.list_interviews(case.id)) == 9


def test_find_indicators_by_a_few_letters_of_any_word(case_framework):
    found = find_indicators(case_framework, "netw kaart")
    assert found and all("netwerk" in i.text.lower() and "kaart" in i.text.lower() for i in found)
    assert find_indicators(case_framework, "") == list(case_framework.indicators)[:20]
    assert find_indicators(case_framework, "zzqx") == []
    accented = find_indicators(case_framework, "BETROKKEN")
    assert accented == find_indicators(case_framework, "betrokken")


def test_coverage_counts_quotes_per_indicator_and_source(store, case, case_framework):
    family = store.add_interview(case.id, "gezin")
    pro = store.add_interview(case.id, "professional", "GGZ")
    first, second = case_framework.indicators[0].id, case_framework.indicators[1].id
    store.add_quote(family.id, "Het plan is samen gemaakt.", codings={first: "positief", second: "neutraal"})
    store.add_quote(family.id, "Nog een citaat.", codings={first: "negatief"})
    store.add_quote(pro.id, "Vanuit de GGZ.", codings={first: "positief"})
    store.add_quote(pro.id, "Nog niet gecodeerd.")
    coverage = case_coverage(store, case.id)
    assert coverage.of(first) == {"gezin": 2, "regisseur": 0, "professional": 1, "document": 0}
    assert coverage.of(second) == {"gezin": 1, "regisseur": 0, "professional": 0, "document": 0}
    missing = coverage.missing(case_framework)
    assert first not in missing and second not in missing
    assert len(missing) == len(case_framework.indicators) - 2


def test_draft_is_kept_anonymised_and_cleared(tmp_path, anonymiser):
    db = tmp_path / "d.sqlite"
    with Store.create(db) as store:
        study = store.add_study("S", "casusniveau")
        case = store.add_case(store.add_approach(study.id, "Wadlo", "Aanpak").id, "Gezin A")
        interview = store.add_interview(case.id, "gezin")
        capture = Capture(store, anonymiser)
        capture.add_person(case.id, Person("moeder", "Wilhelmina Kanarievogel"))
        kept = capture.save_draft(interview.id, "Wilhelmina Kanarievogel vertelde dat")
        assert kept == "[moeder] vertelde dat"
    with Store.open(db) as store:  # offered back after a restart
        assert store.list_drafts() == {interview.id: "[moeder] vertelde dat"}
        Capture(store, anonymiser).save_draft(interview.id, "   ")
        assert store.get_draft(interview.id) is None
    for path in tmp_path.iterdir():
        assert b"Kanarievogel" not in path.read_bytes()


def test_prepare_case_keeps_persons_as_digests_and_refuses_a_naming_code(store, anonymiser, db_path):
    study = store.add_study("S", "casusniveau")
    approach = store.add_approach(study.id, "Wadlo", "Aanpak")
    capture = Capture(store, anonymiser)
    mother = Person("moeder", "Wilhelmina Kanarievogel")
    with pytest.raises(ValidationError, match="casuscode bevat een naam"):
        prepare_case(capture, approach.id, "Gezin Kanarievogel", [mother])
    assert store.list_cases(approach.id) == []  # all or nothing
    case = prepare_case(capture, approach.id, "Gezin A", [mother])
    interview = store.add_interview(case.id, "gezin")
    assert capture.save_quote(interview.id, "Wilhelmina belde.").text == "[moeder] belde."
    store.close()
    for path in db_path.parent.iterdir():
        if path.is_file():
            assert b"Kanarievogel" not in path.read_bytes()

"""Synthetic studies and the bulk insert of quotes, on real SQLite files: counts, codings, texts, determinism."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from ggsr_desktop.errors import GgsrError, NotFoundError, ValidationError
from ggsr_desktop.exchange.synthetic import AUTHOR, CASE_CODES, write_synthetic_study
from ggsr_desktop.framework import FrameworkCatalog
from ggsr_desktop.models import ORGANISATION_TYPES, Highlight, Kind, Role
from ggsr_desktop.store import Store

METHOD_ROLES = [Role.FAMILY, Role.REGISSEUR, Role.PROFESSIONAL, Role.PROFESSIONAL, Role.PROFESSIONAL, Role.DOCUMENT]
SENTENCE = re.compile(r"[A-Z][^.?!]*\.")  # a capital, words, one full stop


def _quotes(store: Store) -> list:
    """Every quote of the database, in the order of approaches, cases and interviews."""
    return [q for a in store.list_approaches() for c in store.list_cases(a.id)
            for iv in store.list_interviews(c.id) for q in store.list_quotes(iv.id)]


@pytest.fixture
def synthetic(tmp_path, catalog):
    path = tmp_path / "synthetisch.sqlite"
    result = write_synthetic_study(path, 600, seed=3, approaches=2, catalog=catalog)
    with Store.open(path) as store:
        yield result, store


def test_counts_match_the_result_and_the_method(synthetic, case_framework):
    result, store = synthetic
    assert {k: result[k] for k in ("approaches", "cases", "interviews", "quotes")} == {
        "approaches": 2, "cases": 6, "interviews": 36, "quotes": 600}
    assert store.counts() == {"cases": 6, "interviews": 36, "quotes": 600, "codings": result["codings"],
                              "judgements": 2 * len(case_framework.indicators)}
    assert [s.framework_id for s in store.list_studies()] == ["casusniveau"]
    for approach in store.list_approaches():
        assert store.counts(approach.id)["quotes"] == 300
        assert tuple(c.code for c in store.list_cases(approach.id)) == CASE_CODES
        for case in store.list_cases(approach.id):
            interviews = store.list_interviews(case.id)
            assert [iv.role for iv in interviews] == METHOD_ROLES
            assert all((iv.organisation_type in ORGANISATION_TYPES) == (iv.role is Role.PROFESSIONAL)
                       for iv in interviews)
            assert all(store.list_quotes(iv.id) for iv in interviews)
    quotes = _quotes(store)
    assert len(quotes) == 600 and sum(len(q.codings) for q in quotes) == result["codings"]


def test_codings_name_indicators_of_the_framework(synthetic, case_framework):
    _, store = synthetic
    known = {ind.id for ind in case_framework.indicators}
    quotes = _quotes(store)
    assert all(1 <= len(q.codings) <= 3 for q in quotes)
    assert {c.indicator_id for q in quotes for c in q.codings} <= known
    assert len({c.stance for q in quotes for c in q.codings}) == 3


def test_texts_are_one_to_three_plain_sentences(synthetic):
    _, store = synthetic
    quotes = _quotes(store)
    for q in quotes:
        sentences = SENTENCE.findall(q.text)
        assert 1 <= len(sentences) <= 3 and " ".join(sentences) == q.text, q.text
        assert len(set(sentences)) == len(sentences), q.text
        assert not re.search(r"\d|[{}\[\]]", q.text), q.text
        assert not q.needs_review
    kinds = [q.kind for q in quotes]
    assert kinds.count(Kind.QUOTE) > len(kinds) / 2 and set(kinds) == set(Kind)


def test_every_indicator_of_every_approach_is_judged(synthetic, case_framework):
    _, store = synthetic
    for approach in store.list_approaches():
        judgements = store.list_judgements(approach.id)
        assert [j.indicator_id for j in judgements] == sorted(ind.id for ind in case_framework.indicators)
        assert all(j.mark is not None and j.finding for j in judgements)
        highlights = [j.highlight for j in judgements]
        assert highlights.count(Highlight.NONE) > len(highlights) / 2
        history = store.judgement_history(approach.id, judgements[0].indicator_id)
        assert [h.author for h in history] == [AUTHOR]


def test_same_seed_same_study_other_seed_other_texts(tmp_path, catalog):
    def texts(name, seed):
        write_synthetic_study(tmp_path / name, 200, seed=seed, catalog=catalog)
        with Store.open(tmp_path / name) as store:
            return [(q.text, q.kind, [(c.indicator_id, c.stance) for c in q.codings]) for q in _quotes(store)]

    first = texts("een.sqlite", 7)
    assert texts("twee.sqlite", 7) == first
    assert texts("drie.sqlite", 8) != first


def test_default_is_one_approach_per_two_thousand_quotes(tmp_path, catalog):
    assert write_synthetic_study(tmp_path / "klein.sqlite", 10, catalog=catalog)["approaches"] == 1
    result = write_synthetic_study(tmp_path / "groter.sqlite", 4100, catalog=catalog)
    assert (result["approaches"], result["quotes"]) == (2, 4100)


def test_an_existing_file_is_refused_and_left_alone(tmp_path, catalog):
    path = tmp_path / "bestaat.sqlite"
    path.write_bytes(b"")
    with pytest.raises(GgsrError, match="bestaat al"):
        write_synthetic_study(path, 10, catalog=catalog)
    assert path.read_bytes() == b""


@pytest.mark.parametrize("quotes, approaches", [(-1, None), (10, 0), ("veel", None)])
def test_impossible_numbers_are_refused_before_anything_is_written(tmp_path, catalog, quotes, approaches):
    path = tmp_path / "niet.sqlite"
    with pytest.raises(GgsrError, match="ongeldig aantal"):
        write_synthetic_study(path, quotes, approaches=approaches, catalog=catalog)
    assert not path.exists()


def test_a_catalog_without_the_case_level_framework_is_refused(tmp_path):
    path = tmp_path / "niet.sqlite"
    with pytest.raises(GgsrError, match="toetsingskader 'casusniveau' niet gevonden"):
        write_synthetic_study(path, 10, catalog=FrameworkCatalog([], []))
    assert not path.exists()


def test_synthetic_module_never_imports_qt():
    code = "import sys, ggsr_desktop.exchange.synthetic; sys.exit('PySide6' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], timeout=60, check=False).returncode == 0


# ---- add_quotes_bulk -------------------------------------------------------------------------------------

@pytest.fixture
def interview(store):
    study = store.add_study("Bulk", "casusniveau")
    approach = store.add_approach(study.id, "Wadlo", "Samen Sterk")
    case = store.add_case(approach.id, "Gezin A")
    return store.add_interview(case.id, "gezin")


def test_bulk_insert_stores_quotes_codings_and_search_index(store, interview):
    before = store.add_quote(interview.id, "Eerder citaat.")
    n = store.add_quotes_bulk([
        (interview.id, "De gezinscoach kwam elke week langs.", "citaat", {"aanpak.doelen": "positief"}),
        (interview.id, "Het dossier noemt geen termijnen.", "observatie",
         {"aanpak.doelen": "negatief", "continu.nazorg": "neutraal"}),
        (interview.id, "Niemand wist wie wat deed.", "parafrase", {}),
    ])
    assert n == 3
    quotes = store.list_quotes(interview.id)
    assert [(q.text, q.kind) for q in quotes[1:]] == [
        ("De gezinscoach kwam elke week langs.", Kind.QUOTE), ("Het dossier noemt geen termijnen.", Kind.OBSERVATION),
        ("Niemand wist wie wat deed.", Kind.PARAPHRASE)]
    assert quotes[0].id == before.id and [q.id for q in quotes[1:]] == [before.id + 1, before.id + 2, before.id + 3]
    assert [[(c.indicator_id, c.stance.value) for c in q.codings] for q in quotes[1:]] == [
        [("aanpak.doelen", "positief")], [("aanpak.doelen", "negatief"), ("continu.nazorg", "neutraal")], []]
    assert [q.text for q in store.search_quotes("termijnen")] == ["Het dossier noemt geen termijnen."]
    assert store.add_quotes_bulk([]) == 0


@pytest.mark.parametrize("bad, error, message", [
    ((1, "Tekst.", "roddel", {}), ValidationError, "ongeldige soort 'roddel'"),
    ((1, "Tekst.", "citaat", {"aanpak.doelen": "boos"}), ValidationError, "ongeldige houding"),
    ((1, "   ", "citaat", {}), ValidationError, "mag niet leeg zijn"),
    ((999, "Tekst.", "citaat", {}), NotFoundError, "gesprek 999 bestaat niet"),
])
def test_bulk_insert_with_one_bad_row_stores_nothing(store, interview, bad, error, message):
    good = (interview.id, "Goed citaat.", "citaat", {"aanpak.doelen": "positief"})
    bad = (interview.id if bad[0] == 1 else bad[0], *bad[1:])
    with pytest.raises(error, match=message):
        store.add_quotes_bulk([good, good, bad])
    assert store.counts()["quotes"] == 0 and store.counts()["codings"] == 0
    assert store.search_quotes("goed") == []

"""The study store on a real SQLite file: round trips, integrity, full-text search, durability settings."""

from __future__ import annotations

import pytest
from sqlcipher3 import dbapi2 as sqlite3  # the SQLite the app runs on (stdlib may be older)

from ggsr_desktop.errors import NotFoundError, StoreError, ValidationError
from ggsr_desktop.models import Highlight, Kind, Mark, Role, Stance, Status
from ggsr_desktop.store import Store


@pytest.fixture
def interview(store):
    study = store.add_study("GGSR casusniveau 2026", "casusniveau")
    approach = store.add_approach(study.id, "Wadlo", "Eén Gezin Eén Plan", "gezinscoach",
                                  {"goal": "Het gezin weer op eigen benen.", "registration": "Via het wijkteam."})
    case = store.add_case(approach.id, "Gezin A")
    return store.add_interview(case.id, "professional", "woningcorporatie", "2026-01-15", "bezig")


def test_round_trip_of_every_entity_survives_reopening(db_path, store, interview):
    case = store.get_case(interview.case_id)
    approach = store.get_approach(case.approach_id)
    quote = store.add_quote(interview.id, "[moeder] zegt dat de huurachterstand is opgelost.", "parafrase",
                            {"aanpak.doelen": "positief", "continu.tijdige-inzet": "negatief"})
    store.set_judgement(approach.id, "aanpak.doelen", author="Inspecteur A", mark="voldoet",
                        finding="In twee van de drie casussen …", highlight="groen", quote_ids=[quote.id])
    store.close()

    with Store.open(db_path) as again:
        study = again.list_studies()[0]
        assert (study.name, study.framework_id) == ("GGSR casusniveau 2026", "casusniveau")
        a = again.list_approaches(study.id)[0]
        assert (a.municipality, a.name, a.regisseur_label) == ("Wadlo", "Eén Gezin Eén Plan", "gezinscoach")
        assert a.description["goal"] == "Het gezin weer op eigen benen."
        assert a.description["working_method"] == ""
        assert [c.code for c in again.list_cases(a.id)] == ["Gezin A"]
        iv = again.list_interviews(case.id)[0]
        assert (iv.role, iv.organisation_type, iv.date, iv.status) == (
            Role.PROFESSIONAL, "woningcorporatie", "2026-01-15", Status.IN_PROGRESS)
        q = again.list_quotes(iv.id)[0]
        assert q.text == "[moeder] zegt dat de huurachterstand is opgelost."
        assert q.kind is Kind.PARAPHRASE
        assert {(c.indicator_id, c.stance) for c in q.codings} == {
            ("aanpak.doelen", Stance.POSITIVE), ("continu.tijdige-inzet", Stance.NEGATIVE)}
        j = again.get_judgement(a.id, "aanpak.doelen")
        assert (j.mark, j.highlight, j.quote_ids) == (Mark.SATISFIED, Highlight.GREEN, (quote.id,))
        assert j.finding == "In twee van de drie casussen …"
        assert again.counts() == {"cases": 1, "interviews": 1, "quotes": 1, "codings": 2, "judgements": 1}


def test_updates_and_deletes(store, interview):
    q = store.add_quote(interview.id, "Eerste versie", codings={"aanpak.doelen": "neutraal"})
    q = store.update_quote(q.id, text="Tweede versie", kind="observatie")
    assert (q.text, q.kind) == ("Tweede versie", Kind.OBSERVATION)
    q = store.set_coding(q.id, "aanpak.doelen", "negatief")
    q = store.set_coding(q.id, "aanpak.outreachend", "positief")
    assert [(c.indicator_id, c.stance) for c in q.codings] == [
        ("aanpak.doelen", Stance.NEGATIVE), ("aanpak.outreachend", Stance.POSITIVE)]
    assert [c.indicator_id for c in store.remove_coding(q.id, "aanpak.doelen").codings] == ["aanpak.outreachend"]
    iv = store.update_interview(interview.id, status="afgerond", date="2026-02-01")
    assert (iv.status, iv.date) == (Status.DONE, "2026-02-01")
    store.delete_interview(interview.id)
    with pytest.raises(NotFoundError):
        store.get_quote(q.id)
    assert store.counts()["codings"] == 0


def test_cascade_removes_everything_below_a_study(store, interview):
    q = store.add_quote(interview.id, "Iets over de school van [kind 1]", codings={"aanpak.doelen": "positief"})
    approach_id = store.get_case(interview.case_id).approach_id
    store.set_judgement(approach_id, "aanpak.doelen", author="X", mark="voldoet", quote_ids=[q.id])
    store.delete_study(store.list_studies()[0].id)
    assert store.counts() == {"cases": 0, "interviews": 0, "quotes": 0, "codings": 0, "judgements": 0}
    assert store.search_quotes("school") == []


@pytest.mark.parametrize("call, message", [
    (lambda s, iv: s.add_quote(iv.id, "tekst", kind="roddel"), "ongeldige soort 'roddel'"),
    (lambda s, iv: s.add_quote(iv.id, "tekst", codings={"aanpak.doelen": "boos"}), "ongeldige houding"),
    (lambda s, iv: s.add_quote(iv.id, "   "), "mag niet leeg zijn"),
    (lambda s, iv: s.add_interview(iv.case_id, "buurman"), "ongeldige rol"),
    (lambda s, iv: s.add_interview(iv.case_id, "professional"), "organisatietype"),
    (lambda s, iv: s.add_interview(iv.case_id, "gezin", date="15-01-2026"), "ongeldige datum"),
    (lambda s, iv: s.add_case(s.get_case(iv.case_id).approach_id, "Gezin A"), "al een casus met deze code"),
    (lambda s, iv: s.add_case(999, "Gezin Z"), "aanpak 999 bestaat niet"),
    (lambda s, iv: s.set_judgement(s.get_case(iv.case_id).approach_id, "aanpak.doelen", author="X", mark="goed"),
     "ongeldige beoordeling"),
])
def test_bad_values_are_refused_and_nothing_is_written(store, interview, call, message):
    before = store.counts()
    with pytest.raises((ValidationError, NotFoundError), match=message):
        call(store, interview)
    assert store.counts() == before


def test_failed_transaction_leaves_earlier_writes_intact(store, interview):
    store.add_quote(interview.id, "Blijft staan")
    with pytest.raises(ValidationError), store.transaction():
        store.add_quote(interview.id, "Wordt teruggedraaid")
        store.add_quote(interview.id, "Ongeldig", kind="fout")
    assert [q.text for q in store.list_quotes(interview.id)] == ["Blijft staan"]


def test_judgement_history_keeps_who_when_old_and_new(store, interview):
    approach_id = store.get_case(interview.case_id).approach_id
    store.set_judgement(approach_id, "aanpak.doelen", author="Inspecteur A", mark="voldoet", finding="Eerste")
    store.set_judgement(approach_id, "aanpak.doelen", author="Inspecteur B", mark="verbeterpunt")
    store.set_judgement(approach_id, "aanpak.doelen", author="Inspecteur B", mark="verbeterpunt")  # no change
    history = store.judgement_history(approach_id, "aanpak.doelen")
    assert [(h.author, h.old, h.new) for h in history] == [
        ("Inspecteur A", {"mark": None, "finding": ""}, {"mark": "voldoet", "finding": "Eerste"}),
        ("Inspecteur B", {"mark": "voldoet"}, {"mark": "verbeterpunt"}),
    ]
    assert all(h.changed_at for h in history)


def _fts_ids(db_path, word):
    conn = sqlite3.connect(db_path)
    try:
        return sorted(r[0] for r in conn.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?", (word,)))
    finally:
        conn.close()


def test_full_text_index_follows_insert_update_delete(db_path, store, interview):
    a = store.add_quote(interview.id, "De schuldhulpverlening kwam pas na maanden op gang.")
    b = store.add_quote(interview.id, "De gezinscoach was er altijd als het nodig was.")
    assert [q.id for q in store.search_quotes("schuldhulp")] == [a.id]
    assert _fts_ids(db_path, "schuldhulpverlening") == [a.id]

    store.update_quote(a.id, text="Het wijkteam pakte de schulden direct op.")
    assert store.search_quotes("schuldhulpverlening") == []
    assert [q.id for q in store.search_quotes("wijkteam schulden")] == [a.id]
    assert _fts_ids(db_path, "schuldhulpverlening") == []

    store.delete_quote(b.id)
    assert store.search_quotes("gezinscoach") == []
    assert _fts_ids(db_path, "gezinscoach") == []


def test_search_is_accent_and_case_insensitive_and_scoped(store, interview):
    q = store.add_quote(interview.id, "Er was één coördinator voor het hele gezin.")
    approach_id = store.get_case(interview.case_id).approach_id
    assert [x.id for x in store.search_quotes("COORDINATOR")] == [q.id]
    assert [x.id for x in store.search_quotes("een", approach_id=approach_id)] == [q.id]
    assert store.search_quotes("coordinator", approach_id=approach_id + 1) == []
    assert store.search_quotes('"); DROP TABLE quotes; --') == []


def test_connection_settings(store):
    def pragma(name):
        return store.db.execute(f"PRAGMA {name}").fetchone()[0]
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1


def test_opening_missing_foreign_and_corrupt_files(tmp_path):
    with pytest.raises(StoreError, match="niet gevonden"):
        Store.open(tmp_path / "nergens.sqlite")
    assert not (tmp_path / "nergens.sqlite").exists()

    other = tmp_path / "ander.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE x (y)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="andere SQLite-database"):
        Store.open(other)
    assert other.read_bytes() == before

    junk = tmp_path / "kapot.sqlite"
    junk.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(StoreError, match="geen GGSR-database"):
        Store.open(junk)
    assert junk.read_bytes() == b"dit is geen database" * 100

    existing = tmp_path / "bestaat.sqlite"
    existing.write_bytes(b"x")
    with pytest.raises(StoreError, match="bestaat al"):
        Store.create(existing)

"""Forward migrations: from every earlier schema version to the current one, data intact."""

from __future__ import annotations

import pytest
from sqlcipher3 import dbapi2 as sqlite3  # the SQLite the app runs on (stdlib may be older)

from ggsr_desktop.errors import StoreError
from ggsr_desktop.store import Store, schema

STAMP = "2025-10-01T10:00:00.000+00:00"


def _old_database(path, version: int) -> None:
    """A database as an earlier release left it: the first `version` migrations, with data in it."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    for script in schema.MIGRATIONS[:version]:
        conn.executescript(script)
    conn.execute(f"PRAGMA user_version = {version}")
    if version >= 1:
        conn.executescript(f"""
            INSERT INTO studies (id, name, framework_id, created) VALUES (1, 'Oud onderzoek', 'casusniveau', '{STAMP}');
            INSERT INTO approaches (id, study_id, municipality, name, goal, created, updated)
                VALUES (1, 1, 'Wadlo', 'Oude aanpak', 'Vastpakken.', '{STAMP}', '{STAMP}');
            INSERT INTO cases (id, approach_id, code, created) VALUES (1, 1, 'Gezin A', '{STAMP}');
            INSERT INTO interviews (id, case_id, role, organisation_type, date, status, created, updated)
                VALUES (1, 1, 'gezin', NULL, '2025-09-30', 'afgerond', '{STAMP}', '{STAMP}');
            INSERT INTO quotes (id, interview_id, text, kind, created, updated)
                VALUES (1, 1, 'De schuldhulpverlening stond meteen klaar.', 'citaat', '{STAMP}', '{STAMP}');
            INSERT INTO codings VALUES (1, 'aanpak.doelen', 'positief');
            INSERT INTO judgements (approach_id, indicator_id, mark, finding, highlight, updated)
                VALUES (1, 'aanpak.doelen', 'voldoet', 'In alle drie de casussen …', 'groen', '{STAMP}');
        """)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("version", range(schema.SCHEMA_VERSION))
def test_migrates_from_every_earlier_version(tmp_path, version):
    path = tmp_path / f"v{version}.sqlite"
    _old_database(path, version)
    with Store.open(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        if version >= 1:
            quote = store.get_quote(1)
            assert quote.text == "De schuldhulpverlening stond meteen klaar."
            assert [(c.indicator_id, c.stance.value) for c in quote.codings] == [("aanpak.doelen", "positief")]
            assert [q.id for q in store.search_quotes("schuldhulpverlening")] == [1]  # indexed on migration
            j = store.get_judgement(1, "aanpak.doelen")
            assert (j.mark.value, j.highlight.value, j.finding) == ("voldoet", "groen", "In alle drie de casussen …")
            assert store.get_approach(1).description["goal"] == "Vastpakken."
            j = store.set_judgement(1, "aanpak.doelen", author="Inspecteur", quote_ids=[1])
            assert j.quote_ids == (1,)
            assert [h.new for h in store.judgement_history(1, "aanpak.doelen")] == [{"quote_ids": [1]}]
            section = store.add_section(1, "groen", "Doelen", indicator_ids=["aanpak.doelen"])  # v7
            assert store.list_sections(1) == [section] and store.get_approach_texts(1)["conclusion"] == ""
            # v8: the interview kept its quote through the rebuild of its table; the policy level works
            assert store.get_interview(1).role.value == "gezin" and store.list_quotes(1)[0].id == 1
            assert [c.code for c in store.list_cases(1)] == ["Gezin A"]
            assert store.get_judgement(1, "aanpak.doelen").let_op == ""
            policy = store.add_approach(store.add_study("Beleid", "beleidsniveau").id, "Wadlo", "Wijkaanpak")
            partner = store.add_respondent(policy.id, "netwerkpartner", "Stichting Wadlo Welzijn", nominated=True)
            assert (partner.name, partner.nominated) == ("Stichting Wadlo Welzijn", True)
            assert store.list_cases(policy.id) == [] and store.respondents(policy.id) == [partner]
            store.set_judgement(policy.id, "aanpak.beleid", author="Inspecteur", mark="voldoet", let_op="LET OP: x")
            assert store.get_judgement(policy.id, "aanpak.beleid").let_op == "x"
            # v9: a follow-up of the migrated approach with a frozen copy of its judgement
            later = store.add_approach(1, "Wadlo", "Nieuwe aanpak")
            from ggsr_desktop.models import BaselineJudgement, Mark
            made = store.add_followup(later.id, framework_id="casusniveau", former_name="Oude aanpak",
                                      year1_label="2025", year2_label="2026", source_approach_id=1,
                                      baseline=[BaselineJudgement("aanpak.doelen", Mark.IMPROVEMENT, "Nog niet.")])
            assert made.baseline == (BaselineJudgement("aanpak.doelen", Mark.IMPROVEMENT, "Nog niet."),)
            assert store.followups_of(1) == [later.id] and store.followup_ids() == {later.id}
        else:
            assert store.list_studies() == []
        added = store.add_study("Nieuw", "casusniveau")
        assert store.get_study(added.id).name == "Nieuw"


def test_migrated_schema_equals_fresh_schema(tmp_path):
    def tables(path):
        conn = sqlite3.connect(path)
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                            "ORDER BY type, name").fetchall()
        conn.close()
        return rows

    fresh = tmp_path / "fresh.sqlite"
    Store.create(fresh).close()
    old = tmp_path / "old.sqlite"
    _old_database(old, 1)
    Store.open(old).close()
    assert tables(old) == tables(fresh)


def test_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "nieuw.sqlite"
    _old_database(path, schema.SCHEMA_VERSION)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="werk GGSR Desktop bij"):
        Store.open(path)
    assert path.read_bytes() == before


def test_failed_migration_rolls_back_to_the_old_version(tmp_path):
    path = tmp_path / "blocked.sqlite"
    _old_database(path, 1)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE quotes_fts (x)")  # makes migration 2 fail halfway
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="migratie naar schemaversie 2 mislukt"):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'quotes_fts_insert'").fetchone()[0] == 0
    assert conn.execute("SELECT text FROM quotes").fetchall() == [("De schuldhulpverlening stond meteen klaar.",)]
    conn.close()

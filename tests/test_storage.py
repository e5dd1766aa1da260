"""Storage durability, encryption, backups and recovery, on real encrypted files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from ggsr_desktop.cli import main
from ggsr_desktop.errors import (
    DamagedDatabaseError,
    DatabaseInUseError,
    DiskFullError,
    StoreError,
    WrongPassphraseError,
)
from ggsr_desktop.store import Store, backups, database, schema
from ggsr_desktop.store.connection import PRAGMAS, connect, settings
from ggsr_desktop.store.keyfile import key_path, new_recovery_key_pair
from tests.conftest import PASSPHRASE
from tests.storage_helpers import CANARIES, first_interview, key, make_encrypted, quote_ids

PAGE = 4096


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---- (g) connection settings --------------------------------------------------------------------------------

def test_every_connection_reports_the_durability_settings(tmp_path):
    db = tmp_path / "s.sqlite"
    make_encrypted(db, 3)
    with database.open_database(db, PASSPHRASE) as store:
        assert store.settings() == PRAGMAS
        assert store.encrypted
    conn = connect(db, key(db))  # the kind of connection restore and salvage use
    try:
        assert settings(conn) == PRAGMAS
    finally:
        conn.close()
    with Store.create(tmp_path / "demo.sqlite") as demo:
        assert demo.settings() == PRAGMAS and not demo.encrypted


# ---- (e) passphrase, recovery key ---------------------------------------------------------------------------

def test_wrong_passphrase_is_told_quickly_and_changes_nothing(tmp_path):
    db = tmp_path / "s.sqlite"
    make_encrypted(db, 5)
    before = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    started = time.monotonic()
    with pytest.raises(WrongPassphraseError, match="wachtwoord onjuist"):
        database.open_database(db, "een heel ander wachtwoord")
    elapsed = time.monotonic() - started
    after = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before
    print(f"wrong passphrase reported after {elapsed:.2f} s")
    with pytest.raises(StoreError, match="geef het wachtwoord"):
        database.open_database(db, None)


def test_change_passphrase_does_not_rewrite_the_data(tmp_path):
    db = tmp_path / "s.sqlite"
    ids = make_encrypted(db, 5)
    data_before = db.read_bytes()
    database.change_passphrase(db, PASSPHRASE, "nieuw lang wachtwoord 2026")
    assert db.read_bytes() == data_before
    with pytest.raises(WrongPassphraseError):
        database.open_database(db, PASSPHRASE)
    assert quote_ids(db, "nieuw lang wachtwoord 2026") == set(ids)
    with pytest.raises(StoreError, match="te zwak"):
        database.change_passphrase(db, "nieuw lang wachtwoord 2026", "kort")
    # the copy of the key file in the backup folder follows the change, so backups open with the new passphrase
    copy = key_path(backups.backups_dir(db) / "database")
    assert copy.read_bytes() == key_path(db).read_bytes()


def test_organisation_recovery_key_sets_a_new_passphrase(tmp_path):
    pair = new_recovery_key_pair()
    db = tmp_path / "s.sqlite"
    ids = make_encrypted(db, 4, recovery=pair.public_pem)
    assert b"PRIVATE" not in key_path(db).read_bytes()
    with pytest.raises(WrongPassphraseError, match="hoort niet bij"):
        database.recover_with_organisation_key(db, new_recovery_key_pair().private_pem, "vergeten maar hersteld 1")
    database.recover_with_organisation_key(db, pair.private_pem, "vergeten maar hersteld 1")
    assert quote_ids(db, "vergeten maar hersteld 1") == set(ids)
    with pytest.raises(WrongPassphraseError):
        database.open_database(db, PASSPHRASE)


def test_recovery_key_and_passphrase_through_the_cli(tmp_path, capsys, monkeypatch):
    private, public = tmp_path / "herstel.pem", tmp_path / "herstel.pub.pem"
    assert run(capsys, "recovery-key", "--private", str(private), "--public", str(public))[0] == 0
    assert oct(private.stat().st_mode & 0o777) == "0o600"
    monkeypatch.setenv("GGSR_RECOVERY_PUBLIC_KEY", str(public))
    db = tmp_path / "s.sqlite"
    ids = make_encrypted(db, 2)
    new_file = tmp_path / "nieuw.txt"
    new_file.write_text("een nieuw wachtwoord voor IT\n", encoding="utf-8")
    code, _, err = run(capsys, "passphrase", "--db", str(db), "--recovery-key", str(private),
                       "--new-passphrase-file", str(new_file))
    assert code == 0, err
    monkeypatch.setenv("GGSR_PASSPHRASE", "fout fout fout fout")
    code, _, err = run(capsys, "dump", "--db", str(db))
    assert code == 1 and "wachtwoord onjuist" in err
    code, out, _ = run(capsys, "dump", "--db", str(db), "--passphrase-file", str(new_file), "--json")
    assert code == 0 and '"quotes": 2' in out
    assert quote_ids(db, "een nieuw wachtwoord voor IT") == set(ids)


# ---- (d) one process per database --------------------------------------------------------------------------

def test_second_open_is_refused_quickly(tmp_path):
    db = tmp_path / "s.sqlite"
    make_encrypted(db, 1)
    with database.open_database(db, PASSPHRASE):
        started = time.monotonic()
        with pytest.raises(DatabaseInUseError, match="al geopend"):
            database.open_database(db, PASSPHRASE)
        assert time.monotonic() - started < 2.0  # the lock wait is bounded by design (1.5 s)
    database.open_database(db, PASSPHRASE).close()  # free again after close


HOLDER = """
import sys, time
from ggsr_desktop.store.database import open_database
store = open_database(sys.argv[1], sys.argv[2])
print("open", flush=True)
time.sleep(60)
"""


def test_stale_lock_of_a_killed_process_is_taken_over(tmp_path):
    db = tmp_path / "s.sqlite"
    ids = make_encrypted(db, 3)
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), PASSPHRASE], stdout=subprocess.PIPE,
                             text=True, cwd=Path(__file__).parent.parent)
    try:
        assert child.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseInUseError):
            database.open_database(db, PASSPHRASE)
    finally:
        child.kill()
        child.wait()
    assert Path(f"{db}.lock").exists()  # the lock file stays behind; the OS lock died with the process
    assert quote_ids(db) == set(ids)


def test_a_busy_database_is_not_mistaken_for_damage(tmp_path):
    db = tmp_path / "s.sqlite"
    make_encrypted(db, 1)
    other = sqlcipher.connect(str(db), isolation_level=None)
    other.execute(f"PRAGMA key = \"x'{key(db).hex()}'\"")
    other.execute("BEGIN IMMEDIATE")
    try:
        with database.open_database(db, PASSPHRASE, keep_backups=False) as store:
            store.db.execute("PRAGMA busy_timeout = 100")
            with pytest.raises(DatabaseInUseError, match="bezet"):
                store.add_quote(first_interview(store), "Dit moet wachten.")
    finally:
        other.execute("ROLLBACK")
        other.close()


# ---- (c) disk full ------------------------------------------------------------------------------------------

def test_disk_full_fails_cleanly_and_the_retry_saves_exactly_once(tmp_path):
    db = tmp_path / "s.sqlite"
    make_encrypted(db, 2)
    text = "Lange aantekening die net niet meer past. " * 400
    with database.open_database(db, PASSPHRASE, keep_backups=False) as store:
        interview = first_interview(store)
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")  # the file may not grow: a full disk
        with pytest.raises(DiskFullError, match="schijf vol") as failure:
            store.add_quote(interview, text)
        assert "niets half opgeslagen" in str(failure.value)
        assert [q for q in store.list_quotes(interview) if q.text == text.strip()] == []
        store.db.execute(f"PRAGMA max_page_count = {pages * 100}")  # space is back: no restart needed
        store.add_quote(interview, text)
        assert len([q for q in store.list_quotes(interview) if q.text == text.strip()]) == 1
        assert store.check() == []


def _mount_tmpfs(target: Path, size: str) -> bool:
    if os.name != "posix" or os.geteuid() != 0:
        return False
    target.mkdir()
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(target)],
                          check=False, capture_output=True).returncode == 0


def test_disk_full_on_a_real_tiny_filesystem(tmp_path):
    mount = tmp_path / "klein"
    if not _mount_tmpfs(mount, "2m"):
        pytest.skip("cannot mount a tmpfs here (needs root and mount rights)")
    try:
        db = mount / "s.sqlite"
        store = database.create_database(db, PASSPHRASE)
        interview = first_interview(store, create=True)
        filler = mount / "vulling"
        with open(filler, "wb") as f:  # fill the disk, leaving a little room
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        text = "Een aantekening bij een volle schijf. " * 50
        saved = 0
        with pytest.raises(DiskFullError):
            for _ in range(1000):
                store.add_quote(interview, text)
                saved += 1
        filler.unlink()  # space is back
        store.add_quote(interview, "Na het vrijmaken van ruimte.")
        texts = [q.text for q in store.list_quotes(interview)]
        assert texts.count("Na het vrijmaken van ruimte.") == 1 and len(texts) == saved + 1
        assert store.check() == []
        store.close()
        assert quote_ids(db) and len(quote_ids(db)) == saved + 1
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False, capture_output=True)


# ---- (b) damage on open, restore ----------------------------------------------------------------------------

def _zero_header(db: Path) -> None:
    with open(db, "r+b") as f:
        f.write(b"\0" * 100)


def _zero_page(db: Path) -> None:
    with open(db, "r+b") as f:
        f.seek(2 * PAGE)
        f.write(b"\0" * PAGE)


def _flip_text_byte(db: Path) -> None:
    conn = connect(db, key(db))
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'quotes'").fetchone()[0]
    conn.close()
    with open(db, "r+b") as f:
        f.seek((root - 1) * PAGE + PAGE // 2)
        byte = f.read(1)
        f.seek((root - 1) * PAGE + PAGE // 2)
        f.write(bytes([byte[0] ^ 0x01]))


def _truncate(db: Path) -> None:
    with open(db, "r+b") as f:
        f.truncate(db.stat().st_size // 2)


def _foreign_wal(db: Path) -> None:
    other = db.with_name("ander.sqlite")
    make_encrypted(other, 2, passphrase="een ander lang wachtwoord")
    other_key = database.data_key(other, "een ander lang wachtwoord")
    conn = sqlcipher.connect(str(other), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{other_key.hex()}'\"")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("INSERT INTO meta (key, value) VALUES ('ander', 'bestand')")
    Path(f"{db}-wal").write_bytes(Path(f"{other}-wal").read_bytes())
    conn.close()


def _empty(db: Path) -> None:
    with open(db, "r+b") as f:
        f.truncate(0)


@pytest.mark.parametrize("damage", [_zero_header, _zero_page, _flip_text_byte, _truncate, _foreign_wal, _empty],
                         ids=["zeroed-header", "zeroed-page", "flipped-text-byte", "truncated", "foreign-wal",
                              "empty"])
def test_damage_is_reported_and_the_newest_backup_restored(tmp_path, damage, capsys):
    db = tmp_path / "s.sqlite"
    ids = make_encrypted(db, 120)  # closing made a backup holding all of them
    assert backups.list_backups(db)
    damage(db)
    damaged_bytes = db.read_bytes()
    with pytest.raises(DamagedDatabaseError, match="database beschadigd"):
        database.open_database(db, PASSPHRASE)
    assert db.read_bytes() == damaged_bytes  # never silently changed
    code, _, err = run(capsys, "check", "--db", str(db))
    assert code == 1 and "beschadigd" in err
    result = database.restore_database(db, PASSPHRASE)
    assert result.moved_aside and (result.moved_aside / db.name).read_bytes() == damaged_bytes
    assert quote_ids(db) == set(ids)
    assert run(capsys, "check", "--db", str(db))[0] == 0


def test_wrong_key_locked_and_unreadable_are_not_damage(tmp_path):
    db = tmp_path / "s.sqlite"
    make_encrypted(db, 2)
    key_file = key_path(db)
    key_file.rename(tmp_path / "elders.key")
    with pytest.raises(StoreError, match="sleutelbestand ontbreekt") as missing:
        database.open_database(db, PASSPHRASE)
    assert not isinstance(missing.value, DamagedDatabaseError)
    (tmp_path / "elders.key").rename(key_file)
    if os.geteuid() != 0:  # root reads anything
        db.chmod(0o000)
        try:
            with pytest.raises(StoreError) as denied:
                database.open_database(db, PASSPHRASE)
            assert not isinstance(denied.value, DamagedDatabaseError)
        finally:
            db.chmod(0o600)


def test_rows_newer_than_the_backup_are_salvaged(tmp_path):
    db = tmp_path / "s.sqlite"
    old_ids = make_encrypted(db, 10)
    with database.open_database(db, PASSPHRASE, keep_backups=False) as store:  # no backup of these
        interview = first_interview(store)
        new_ids = [store.add_quote(interview, f"Na de back-up {i}.").id for i in range(5)]
    _flip_text_byte(db)  # the quotes page is damaged only if all rows share it; then nothing is readable there
    result = database.restore_database(db, PASSPHRASE)
    restored = quote_ids(db)
    assert set(old_ids) <= restored
    assert restored - set(old_ids) == {i for i in new_ids if i in restored}  # only real rows come back
    assert result.salvaged.get("quotes", 0) == len(restored - set(old_ids))


def test_salvage_recovers_new_rows_when_they_are_readable(tmp_path):
    db = tmp_path / "s.sqlite"
    old_ids = make_encrypted(db, 10)
    with database.open_database(db, PASSPHRASE, keep_backups=False) as store:
        interview = first_interview(store)
        new_ids = [store.add_quote(interview, f"Na de back-up {i}.").id for i in range(5)]
    # restoring a backup over a readable database (e.g. the user chose an older one) salvages the newer rows
    result = database.restore_database(db, PASSPHRASE, source=backups.list_backups(db)[-1].path)
    assert quote_ids(db) == set(old_ids) | set(new_ids)
    assert result.salvaged["quotes"] == 5
    with database.open_database(db, PASSPHRASE) as store:
        assert store.check() == []
        assert {q.id for q in store.search_quotes("back-up")} == set(new_ids)


# ---- backups --------------------------------------------------------------------------------------------------

def test_backups_are_verified_encrypted_and_listed(tmp_path, capsys):
    db = tmp_path / "s.sqlite"
    make_encrypted(db, 3)
    database.open_database(db, PASSPHRASE).close()  # on open (and not on close: nothing changed)
    code, out, _ = run(capsys, "backups", "--db", str(db), "--json")
    assert code == 0
    listed = json.loads(out)
    assert len(listed) == 2 and all(b["verified"] and b["size"] > 0 for b in listed)
    assert set(listed[0]) == {"file", "time", "size", "verified"}
    for b in listed:
        assert not Path(b["file"]).read_bytes().startswith(b"SQLite format 3")
    assert not list(backups.backups_dir(db).glob(".*.tmp"))


def test_backup_when_due_only_after_changes(tmp_path):
    db = tmp_path / "s.sqlite"
    make_encrypted(db, 1)
    with database.open_database(db, PASSPHRASE) as store:
        assert store.backup_if_due(interval_s=0) is None  # nothing changed since the backup on open
        store.add_quote(first_interview(store), "Iets nieuws.")
        assert store.backup_if_due(interval_s=3600) is None  # too soon
        assert store.backup_if_due(interval_s=0) is not None
        assert store.backup_if_due(interval_s=0) is None


def test_retention_keeps_48_hours_then_one_per_day_for_14_days():
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    times = [now - timedelta(hours=h) for h in range(0, 24 * 20, 3)]
    keep = backups.to_keep(times, now, timedelta(hours=48), 14)
    assert {t for t in times if now - t <= timedelta(hours=48)} <= keep
    older = sorted(t for t in keep if now - t > timedelta(hours=48))
    assert len({t.date() for t in older}) == len(older)  # one per day
    assert all(now - t <= timedelta(hours=48, days=14) for t in older)
    assert 14 <= len(older) <= 15  # the 14-day window touches 15 calendar days
    assert backups.to_keep([now - timedelta(days=90)], now, timedelta(hours=48), 14) == {now - timedelta(days=90)}


def test_backup_before_import_and_migration(tmp_path, capsys):
    db = tmp_path / "s.sqlite"
    make_encrypted(db, 1)
    before = len(backups.list_backups(db))
    sample = Path(__file__).parent / "data" / "import_sample.json"
    assert run(capsys, "import", "--db", str(db), str(sample))[0] == 0
    assert len(backups.list_backups(db)) >= before + 2  # on open and on close; import counted as a change


# ---- (f) no plaintext anywhere ------------------------------------------------------------------------------

def _snapshot(*folders: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for folder in folders for p in folder.rglob("*") if p.is_file()}


def _readable(files: dict[Path, bytes]) -> list[tuple[str, str]]:
    hits = []
    for path, content in files.items():
        for name in CANARIES:
            for variant in {name, name.lower()}:
                for encoding in ("utf-8", "utf-16-le"):
                    if variant.encode(encoding) in content:
                        hits.append((path.name, variant))
    return hits


def test_canary_names_are_never_readable_on_disk(tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("SQLITE_TMPDIR", str(temp))
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "s.sqlite"
    store = database.create_database(db, PASSPHRASE)
    interview = first_interview(store, create=True)
    moments = []
    # text as it would be if the anonymiser missed it: only the encryption protects it here
    quote = store.add_quote(interview, f"{CANARIES[0]} woont aan de {CANARIES[1]}.")
    moments.append(_snapshot(folder, temp))  # in the WAL
    store.update_quote(quote.id, text=f"{CANARIES[2]} belde.")
    moments.append(_snapshot(folder, temp))
    store.backup()
    moments.append(_snapshot(folder, temp))
    store.delete_quote(quote.id)
    moments.append(_snapshot(folder, temp))
    store.add_quote(interview, f"Nog eens {CANARIES[0]}.")
    store.close()
    moments.append(_snapshot(folder, temp))
    database.restore_database(db, PASSPHRASE)
    moments.append(_snapshot(folder, temp))
    for files in moments:
        assert files and _readable(files) == []
        assert [p.name for p, c in files.items() if c.startswith(b"SQLite format 3")] == []
    # the same steps on a demo (unencrypted) database do leave the text readable: the grep can see it
    with Store.create(tmp_path / "demo.sqlite") as demo:
        demo.add_quote(first_interview(demo, create=True), f"{CANARIES[0]} woont hier.")
        wal = Path(f"{tmp_path / 'demo.sqlite'}-wal")
        assert _readable({wal: wal.read_bytes()})


def test_restore_through_the_cli_keeps_the_damaged_file(tmp_path, capsys):
    db = tmp_path / "s.sqlite"
    ids = make_encrypted(db, 20)
    _zero_page(db)
    code, out, err = run(capsys, "restore", "--db", str(db), "--latest", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert Path(result["moved_aside"], db.name).is_file() and result["backup"]["verified"]
    assert quote_ids(db) == set(ids)
    code, _, err = run(capsys, "restore", "--db", str(db), "--from", str(tmp_path / "nergens.ggsrbak"))
    assert code == 1 and "back-up niet gevonden" in err
    with pytest.raises(SystemExit) as usage:  # --latest or --from is required
        main(["restore", "--db", str(db)])
    assert usage.value.code == 2


def test_a_new_database_from_the_cli_needs_a_passphrase(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("GGSR_PASSPHRASE")
    sample = Path(__file__).parent / "data" / "import_sample.json"
    code, _, err = run(capsys, "import", "--db", str(tmp_path / "n.sqlite"), str(sample))
    assert code == 1 and "geef een wachtwoord" in err
    assert not (tmp_path / "n.sqlite").exists()
    weak = tmp_path / "zwak.txt"
    weak.write_text("kort\n", encoding="utf-8")
    code, _, err = run(capsys, "import", "--db", str(tmp_path / "n.sqlite"), str(sample), "--passphrase-file",
                       str(weak))
    assert code == 1 and "te zwak" in err and not key_path(tmp_path / "n.sqlite").exists()


def test_register_keys_from_an_old_key_file_move_into_the_database(tmp_path, monkeypatch):
    from ggsr_desktop.paths import keys_dir
    from ggsr_desktop.store.case_keys import CaseKeys

    db = tmp_path / "s.sqlite"
    make_encrypted(db, 1)
    with database.open_database(db, PASSPHRASE) as store:
        case_id = store.case_ids()[0]
        old = keys_dir() / f"{store.database_id}.json"
        old.parent.mkdir(parents=True, exist_ok=True)
        old.write_text(json.dumps({str(case_id): "ab" * 32}), encoding="utf-8")
        assert CaseKeys(store).get(case_id) == bytes.fromhex("ab" * 32)
        assert not old.exists()


def test_a_backup_is_made_before_a_migration(tmp_path):
    db = tmp_path / "s.sqlite"
    make_encrypted(db, 2)
    conn = connect(db, key(db))  # make it look like a version-4 database
    conn.executescript("""DROP TABLE merge_base; DROP TABLE approach_attributes; DROP TABLE indicator_exclusions;
        DROP TABLE round_texts;
        DROP INDEX studies_uuid; DROP INDEX approaches_uuid; DROP INDEX cases_uuid; DROP INDEX interviews_uuid;
        DROP INDEX quotes_uuid; DROP INDEX report_sections_uuid; ALTER TABLE studies DROP COLUMN uuid;
        ALTER TABLE approaches DROP COLUMN uuid; ALTER TABLE cases DROP COLUMN uuid;
        ALTER TABLE interviews DROP COLUMN uuid; ALTER TABLE quotes DROP COLUMN uuid;""")  # what version 10 added
    conn.executescript("""DROP TABLE followup_development; DROP TABLE followup_documents;
        DROP TABLE followup_baseline_groups; DROP TABLE followup_baseline; DROP TABLE followups;""")  # version 9
    conn.executescript("""DROP TABLE row_group_indicators; DROP TABLE row_groups; DROP INDEX cases_survey;
        ALTER TABLE cases DROP COLUMN survey; ALTER TABLE judgements DROP COLUMN let_op;
        ALTER TABLE approaches DROP COLUMN overview; ALTER TABLE interviews DROP COLUMN name;
        ALTER TABLE interviews DROP COLUMN nominated;""")  # what version 8 added
    for table in ("case_keys", "drafts", "report_section_indicators", "report_sections", "approach_texts",
                  "recommendations"):  # the tables of versions 5 to 7
        conn.execute(f"DROP TABLE {table}")
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    for old in backups.list_backups(db):
        old.path.unlink()
    with database.open_database(db, PASSPHRASE) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
    versions = []
    for b in backups.list_backups(db):
        c = connect(b.path, key(db), readonly=True)
        versions.append(c.execute("PRAGMA user_version").fetchone()[0])
        c.close()
    assert 4 in versions and schema.SCHEMA_VERSION in versions

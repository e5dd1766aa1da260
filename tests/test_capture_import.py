"""Capture and import through the anonymiser: registers as digests, consistent placeholders, all-or-nothing
import, and no name of the register anywhere on disk."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.cli import main
from ggsr_desktop.errors import GgsrError
from ggsr_desktop.exchange.importer import import_file
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.store import Store
from ggsr_desktop.store.case_keys import CaseKeys
from ggsr_desktop.store.database import open_database
from tests.conftest import PASSPHRASE

SAMPLE = Path(__file__).parent / "data" / "import_sample.json"
# Every name and fact of the sample's register, plus the unknown person and the identifiers in its quotes.
# ('de visser' alone is not here: the sample uses it as the ordinary word that must stay.)
NAMES = ["Samira", "Samira el Amrani", "Amrani", "Sammie", "Dennis", "Dennis de Visser", "Youssef", "Ingrid",
         "Ingrid Bakker", "Petra", "Molenstraat", "Regenboog", "111222333", "06-12345678"]


def run(capsys, *args, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        import io

        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def _quotes(store: Store) -> list[str]:
    approach = store.list_approaches()[-1]
    return [q.text for c in store.list_cases(approach.id) for i in store.list_interviews(c.id)
            for q in store.list_quotes(i.id)]


def test_import_anonymises_every_quote_and_finding(capsys, tmp_path, anonymiser):
    db = tmp_path / "import.sqlite"
    code, out, err = run(capsys, "import", "--db", str(db), str(SAMPLE), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["quotes"] == 5
    with open_database(db, PASSPHRASE) as store:
        assert _quotes(store) == [
            "[moeder] zegt dat [kind 1] sinds [datum] niet meer naar [school] gaat.",
            "[gezinscoach] komt elke week langs op de [adres], ook als [vader] er niet is.",
            "Mijn vriendin [persoon 1] helpt met de kinderen; bel haar maar op [telefoonnummer].",
            "Mevrouw [moeder] had een huurachterstand; de visser in de buurt heeft nog geholpen met de verhuizing.",
            "Haar BSN [bsn] stond gewoon in de mail aan [persoon 1].",  # the same unknown person, the same number
        ]
        approach = store.list_approaches()[0]
        assert store.get_judgement(approach.id, "aanpak.probleemanalyse").finding == \
            "Bij [moeder] is de analyse samen gemaakt."
        assert store.get_judgement(approach.id, "gezin-centraal.netwerk-in-kaart").mark.value == "verbeterpunt"
        first = store.list_quotes(store.list_interviews(store.list_cases(approach.id)[0].id)[0].id)[0]
        assert [(s.category, s.placeholder) for s in first.spans] == [
            ("persoon", "[moeder]"), ("persoon", "[kind 1]"), ("datum", "[datum]"), ("school", "[school]")]
        assert all(first.text[s.start:s.end] == s.placeholder for s in first.spans)


def _all_bytes(*folders: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for folder in folders for p in folder.rglob("*") if p.is_file()]


def test_no_register_name_reaches_any_file(capsys, tmp_path, anonymiser):
    data = Path(os.environ["GGSR_DATA_DIR"])
    db = data / "lek.sqlite"
    assert run(capsys, "import", "--db", str(db), str(SAMPLE))[0] == 0
    with open_database(db, PASSPHRASE) as store:  # capture, edit and delete more quotes naming the same people
        capture = Capture(store, anonymiser)
        interview = store.list_interviews(store.list_cases(1)[0].id)[0]
        q = capture.save_quote(interview.id, "samira en DENNIS kwamen met Youssef naar het MDO.")
        capture.update_quote_text(q.id, "Samira zei dat Petra op de Molenstraat woont.")
        doomed = capture.save_quote(interview.id, "Ingrid Bakker belde met 06-12345678 over de Regenboog.")
        store.delete_quote(doomed.id)
    exports = tmp_path / "exports"
    exports.mkdir()
    for args, name in ((["dump", "--db", str(db), "--approach", "1", "--json"], "dump.json"),
                       (["dump", "--db", str(db), "--json"], "overview.json")):
        code, out, _ = run(capsys, *args)
        assert code == 0
        (exports / name).write_text(out, encoding="utf-8")
    files = _all_bytes(data, exports)
    assert {p.suffix for p, _ in files} >= {".sqlite", ".key", ".ggsrbak", ".json"}
    for name in NAMES:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            for variant in {name, name.lower(), name.upper()}:
                needle = variant.encode(encoding)
                hits = [p.name for p, content in files if needle in content]
                assert hits == [], (name, encoding, hits)


def test_register_survives_restart_and_dies_with_its_key(tmp_path, anonymiser):
    db = tmp_path / "register.sqlite"
    with Store.create(db) as store:
        study = store.add_study("S", "casusniveau")
        approach = store.add_approach(study.id, "Wadlo", "Aanpak")
        case = store.add_case(approach.id, "Gezin A")
        interview = store.add_interview(case.id, "gezin")
        capture = Capture(store, anonymiser)
        capture.add_person(case.id, Person("moeder", "Anouk van der Berg", ("Noekie",)))
        capture.save_quote(interview.id, "Haar vriend Hakan kwam ook.")
    with open_database(db, PASSPHRASE) as store:
        capture = Capture(store, anonymiser)
        q = capture.save_quote(interview.id, "Noekie en mevrouw Van der Berg vertelden over Hakan.")
        assert q.text == "[moeder] en mevrouw [moeder] vertelden over [persoon 1]."
        capture.destroy_register(case.id)
        assert CaseKeys(store).get(case.id) is None
        assert store.register_entries(case.id) == {}
        assert "[moeder]" not in capture.anonymise(case.id, "Hij sprak met Noekie.").text  # the register is gone
        keys = CaseKeys(store)
        assert keys.get(case.id) is not None  # anonymise() made a fresh, empty one
        capture.delete_case(case.id)
        assert keys.get(case.id) is None and store.list_cases(approach.id) == []


def _write(tmp_path, data) -> Path:
    path = tmp_path / "in.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["cases"][0]["interviews"][0]["quotes"][2].update(indicators=["bestaat.niet"]),
     "cases[0].interviews[0].quotes[2].indicators[0]: onbekende indicator 'bestaat.niet'"),
    (lambda d: d["cases"][0]["interviews"][1].update(respondent="buurman"),
     "cases[0].interviews[1].respondent: ongeldige waarde 'buurman'"),
    (lambda d: d["cases"][0]["persons"][1].update(name=42), "cases[0].persons[1].name: verwacht tekst"),
    (lambda d: d["approach"].pop("municipality"), "approach.municipality: ontbreekt"),
    (lambda d: d["cases"][0]["interviews"][0].update(date="12-01-2026"), "ongeldige datum"),
    (lambda d: d["judgements"][0].update(mark="goed"), "judgements[0].mark: ongeldige waarde 'goed'"),
    (lambda d: d.update(framework="onbekend"), "framework: onbekend toetsingskader"),
    (lambda d: d["cases"][0].update(code="Gezin El Amrani"), "cases[0].code: de casuscode bevat een naam"),
])
def test_malformed_import_is_refused_with_json_path_and_changes_nothing(capsys, tmp_path, mutate, message):
    db = tmp_path / "bestaand.sqlite"
    assert run(capsys, "import", "--db", str(db), str(SAMPLE))[0] == 0
    before = db.read_bytes()
    data = _sample()
    mutate(data)
    code, out, err = run(capsys, "import", "--db", str(db), str(_write(tmp_path, data)))
    assert code == 1 and out == "" and message in err and err.count("\n") == 1
    assert db.read_bytes() == before


def test_bad_json_names_line_and_column_and_creates_no_database(capsys, tmp_path):
    db = tmp_path / "nieuw.sqlite"
    code, _, err = run(capsys, "import", "--db", str(db), str(_write(tmp_path, '{"study": "x",\n  "cases": [}')))
    assert code == 1 and "ongeldige JSON op regel 2" in err
    assert not db.exists()


def test_failure_halfway_rolls_back_everything(tmp_path, anonymiser, monkeypatch, catalog):
    db = tmp_path / "half.sqlite"
    with Store.create(db) as store:
        capture = Capture(store, anonymiser)
        calls = []

        def failing(*args, **kwargs):
            calls.append(1)
            if len(calls) == 4:
                raise GgsrError("schijf vol")
            return Capture.save_quote(capture, *args, **kwargs)

        monkeypatch.setattr(capture, "save_quote", failing)
        with pytest.raises(GgsrError, match="schijf vol"):
            import_file(capture, SAMPLE, catalog)
        assert store.list_studies() == [] and store.counts()["quotes"] == 0


def test_anonymise_command_plain_known_names_and_jsonl(capsys, monkeypatch):
    code, out, _ = run(capsys, "anonymise", "--known-name", "moeder=Fatima Yilmaz", stdin="fatima belde 06-98765432.",
                       monkeypatch=monkeypatch)
    assert (code, out) == (0, "[moeder] belde [telefoonnummer].")
    items = [{"text": "Kees de Boer woont in Zwolle.", "known_names": ["Kees de Boer"]},
             {"text": "Mail jan@voorbeeld.nl", "known_names": []}]
    lines = "\n".join(json.dumps(x) for x in items)
    code, out, _ = run(capsys, "anonymise", "--jsonl", stdin=lines, monkeypatch=monkeypatch)
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["text"] for r in results] == ["[persoon] woont in [plaats 1].", "Mail [e-mailadres]"]
    assert results[1]["spans"][0]["category"] == "email"
    code, _, err = run(capsys, "anonymise", "--jsonl", stdin="geen json\n", monkeypatch=monkeypatch)
    assert code == 1 and "stdin regel 1" in err


def test_audit_finds_identifiers_and_names(capsys, tmp_path):
    db = tmp_path / "audit.sqlite"
    assert run(capsys, "import", "--db", str(db), str(SAMPLE))[0] == 0
    names = tmp_path / "namen.txt"
    names.write_text("Samira\nPetra\n", encoding="utf-8")
    code, out, _ = run(capsys, "audit", "--db", str(db), "--names-file", str(names))
    assert code == 0 and "Geen identificerende gegevens" in out
    with open_database(db, PASSPHRASE) as store:  # text that bypassed the anonymiser
        interview = store.list_interviews(store.list_cases(1)[0].id)[0]
        quote = store.add_quote(interview.id, "Petra is bereikbaar op 06-11223344.")
    code, out, _ = run(capsys, "audit", "--db", str(db), "--names-file", str(names))
    assert code == 1
    assert f"citaat {quote.id} (Gezin A, gesprek {interview.id}): telefoon" in out
    assert f"citaat {quote.id} (Gezin A, gesprek {interview.id}): naam" in out
    assert "Petra" not in out and "06-11223344" not in out  # the audit itself never prints what it finds
    assert run(capsys, "audit", "--db", str(tmp_path / "weg.sqlite"))[0] == 1



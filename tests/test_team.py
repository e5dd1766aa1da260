"""Team work: exchange files (.ggsr-bundle) and merging by id. Two inspectors' databases, each with part of a study,
merged into a third round database: every record once, ids kept, a both-sides edit listed as a conflict (never
resolved silently), a second merge a no-op, a tampered or truncated bundle refused with nothing changed, no name of a
register readable in any bundle byte; framework fingerprints must match; the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.cli import main
from ggsr_desktop.exchange.bundle import BundleError, Secret
from ggsr_desktop.exchange.demo import write_demo
from ggsr_desktop.exchange.merge import MergeConflicts
from ggsr_desktop.exchange.team import export_bundle, inspect, merge_bundle, records_from_bundle
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.store import Store

SECRET = Secret(passphrase="vier losse woorden samen")
AUTHOR = "Inspecteur Team"
REGISTER_NAME = "Wilhelmina Zonderland-Prikkebeen"


def counts(store: Store) -> dict[str, int]:
    return store.totals() | {"approaches": len(store.list_approaches()), "studies": len(store.list_studies()),
                             "judgements": sum(len(store.list_judgements(a.id)) for a in store.list_approaches())}


@pytest.fixture
def two_inspectors(tmp_path, catalog, anonymiser):
    """A made the demo study and gave it to B; B added an approach of his own; both went on working."""
    a_path, b_path = tmp_path / "a.db", tmp_path / "b.db"
    demo = write_demo(a_path, catalog)
    a = Store.open(a_path)
    case = a.list_cases(demo.approach_id)[0]
    Capture(a, anonymiser).add_to_register(case.id, [Person("moeder", REGISTER_NAME)])
    first = tmp_path / "a-to-b.ggsr-bundle"
    export_bundle(a, catalog, first, SECRET, author="A", study_id=demo.study_id)
    b = Store.create(b_path)
    merge_bundle(b, first, SECRET, catalog, author="B")
    b_study = b.list_studies()[0]
    own = b.add_approach(b_study.id, "Oosterwijk", "Wijkgericht Werken")
    b.add_case(own.id, "Gezin Q")
    b.set_judgement(own.id, "aanpak.doelen", author="B", mark="voldoet", finding="B's eigen aanpak.")
    yield a, b, demo
    a.close()
    b.close()


def test_two_databases_merge_into_a_third_with_one_conflict(two_inspectors, tmp_path, catalog):
    a, b, demo = two_inspectors
    judged = a.list_judgements(demo.approach_id)[0]
    a.set_judgement(demo.approach_id, judged.indicator_id, author="A", finding="A schreef dit.")
    b_approach = next(x for x in b.list_approaches() if x.name == a.get_approach(demo.approach_id).name)
    b.set_judgement(b_approach.id, judged.indicator_id, author="B", finding="B schreef iets anders.")
    other = a.list_judgements(demo.approach_id)[1]
    a.set_judgement(demo.approach_id, other.indicator_id, author="A", finding="Alleen A wijzigde dit.")
    bundle_a, bundle_b = tmp_path / "a.ggsr-bundle", tmp_path / "b.ggsr-bundle"
    export_bundle(a, catalog, bundle_a, SECRET, author="A", study_id=demo.study_id)
    export_bundle(b, catalog, bundle_b, SECRET, author="B", study_id=b.list_studies()[0].id)
    for path in (bundle_a, bundle_b):
        raw = path.read_bytes()
        assert REGISTER_NAME.encode() not in raw and b"Zonderland" not in raw
        assert b"A schreef dit" not in raw and b"B schreef" not in raw  # encrypted, not only the register

    with Store.create(tmp_path / "round.db") as c:
        merge_bundle(c, bundle_a, SECRET, catalog, author="C")
        with pytest.raises(MergeConflicts) as refused:
            merge_bundle(c, bundle_b, SECRET, catalog, author="C")
        conflicts = refused.value.plan.conflicts
        assert [x.label.split(" (")[0] for x in conflicts] == [f"oordeel {judged.indicator_id}"]
        assert conflicts[0].mine["finding"] == "A schreef dit." and conflicts[0].theirs["finding"] == \
            "B schreef iets anders."
        before = counts(c)
        assert before["approaches"] == 1  # nothing of B's came in with the refusal
        plan = merge_bundle(c, bundle_b, SECRET, catalog, author="C", resolutions={conflicts[0].uuid: "theirs"})
        assert [lab for _, _, lab in plan.added] == ["aanpak Oosterwijk — Wijkgericht Werken",
                                                     "casus Gezin Q (Oosterwijk — Wijkgericht Werken)",
                                                     "oordeel aanpak.doelen (Oosterwijk — Wijkgericht Werken)"]
        assert any(lab.startswith(f"oordeel {other.indicator_id}") for _, _, lab in plan.kept)  # only A changed it
        after = counts(c)
        assert after["studies"] == 1 and after["approaches"] == 2  # every record once: the study is not doubled
        merged = next(x for x in c.list_approaches() if x.name == a.get_approach(demo.approach_id).name)
        assert c.counts(merged.id) == a.counts(demo.approach_id)  # cases, interviews, quotes, codings, judgements
        assert c.get_judgement(merged.id, judged.indicator_id).finding == "B schreef iets anders."
        assert c.get_judgement(merged.id, other.indicator_id).finding == "Alleen A wijzigde dit."
        assert merged.uuid == a.get_approach(demo.approach_id).uuid  # ids kept
        quote = a.list_quotes(a.list_interviews(a.list_cases(demo.approach_id)[0].id)[0].id)[0]
        assert c.get_quote(c.id_by_uuid("quotes", quote.uuid)).text == quote.text
        case = a.list_cases(demo.approach_id)[0]
        assert c.register_entries(c.id_by_uuid("cases", case.uuid)) == a.register_entries(case.id)

        again = merge_bundle(c, bundle_b, SECRET, catalog, author="C", dry_run=True)
        assert not again.added and not again.changed and not again.conflicts
        merge_bundle(c, bundle_a, SECRET, catalog, author="C")
        merge_bundle(c, bundle_b, SECRET, catalog, author="C")
        assert counts(c) == after  # merging the same files again changes nothing
        assert c.get_judgement(merged.id, judged.indicator_id).finding == "B schreef iets anders."


def test_keep_both_for_a_quote_conflict(two_inspectors, tmp_path, catalog):
    a, b, demo = two_inspectors
    interview = a.list_interviews(a.list_cases(demo.approach_id)[0].id)[0]
    quote = a.list_quotes(interview.id)[0]
    a.update_quote(quote.id, text="Versie van A.")
    b_quote = b.get_quote(b.id_by_uuid("quotes", quote.uuid))
    b.update_quote(b_quote.id, text="Versie van B.")
    bundle = tmp_path / "b.ggsr-bundle"
    export_bundle(b, catalog, bundle, SECRET, author="B", study_id=b.list_studies()[0].id)
    n = len(a.list_quotes(interview.id))
    with pytest.raises(MergeConflicts) as refused:
        merge_bundle(a, bundle, SECRET, catalog, author="A")
    (conflict,) = [x for x in refused.value.plan.conflicts if x.uuid == quote.uuid]
    merge_bundle(a, bundle, SECRET, catalog, author="A", resolutions={x.uuid: "both" if x is conflict else
                                                                       "mine" for x in refused.value.plan.conflicts})
    texts = [q.text for q in a.list_quotes(interview.id)]
    assert len(texts) == n + 1 and "Versie van A." in texts and "Versie van B." in texts


def test_tampered_truncated_or_wrong_key_is_refused_and_nothing_changes(two_inspectors, tmp_path, catalog):
    a, b, demo = two_inspectors
    bundle = tmp_path / "a.ggsr-bundle"
    export_bundle(a, catalog, bundle, SECRET, author="A", study_id=demo.study_id)
    raw = bundle.read_bytes()
    before = counts(b)
    cases = {
        "tampered.ggsr-bundle": raw[:-40] + bytes([raw[-40] ^ 1]) + raw[-39:],
        "header.ggsr-bundle": raw.replace(b'"author": "A"', b'"author": "X"'),
        "truncated.ggsr-bundle": raw[: len(raw) // 2],
        "short.ggsr-bundle": raw[:10],
        "other.ggsr-bundle": b"PK\x03\x04 not a bundle",
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(BundleError) as refused:
            merge_bundle(b, path, SECRET, catalog, author="B")
        assert name in str(refused.value)
    with pytest.raises(BundleError, match="verkeerd wachtwoord of sleutel"):
        merge_bundle(b, bundle, Secret(passphrase="een ander wachtwoord hier"), catalog, author="B")
    assert counts(b) == before


def test_team_key_and_judgement_files(two_inspectors, tmp_path, catalog):
    from ggsr_desktop.store.keyfile import new_recovery_key_pair

    a, _, demo = two_inspectors
    pair = new_recovery_key_pair()
    bundle = tmp_path / "team.ggsr-bundle"
    export_bundle(a, catalog, bundle, Secret(team_public_pem=pair.public_pem), author="A",
                  approach_id=demo.policy_approach_id, judgements_only=True)
    with pytest.raises(BundleError, match="privésleutel van het team"):
        records_from_bundle(bundle, SECRET, catalog)
    (record,) = records_from_bundle(bundle, Secret(team_private_pem=pair.private_pem), catalog)
    assert record.municipality == "Wadlo" and record.approach == "Samen Sterk Wadlo"
    assert len(record.marks) == len(a.list_judgements(demo.policy_approach_id))
    shown = inspect(bundle)
    assert shown["kind"] == "oordelen" and shown["encrypted_for"] == "team" and not shown["verified"]
    assert shown["fingerprint"] == catalog.get("beleidsniveau").fingerprint
    with pytest.raises(BundleError, match="alleen oordelen"):
        merge_bundle(a, bundle, Secret(team_private_pem=pair.private_pem), catalog, author="A")


def test_another_framework_is_refused(two_inspectors, tmp_path, catalog):
    a, b, demo = two_inspectors
    bundle = tmp_path / "a.ggsr-bundle"
    export_bundle(a, catalog, bundle, SECRET, author="A", approach_id=demo.approach_id)
    from dataclasses import replace

    framework = catalog.get("casusniveau")
    changed = replace(framework, themes=(replace(framework.themes[0], name="Anders"), *framework.themes[1:]))

    class Catalog:
        def get(self, fid):
            return changed if fid == "casusniveau" else catalog.get(fid)

    with pytest.raises(BundleError, match="verschilt van het uwe"):
        merge_bundle(b, bundle, SECRET, Catalog(), author="B")


def test_cli_bundle_export_inspect_merge(tmp_path, capsys, monkeypatch):
    db, round_db = tmp_path / "demo.db", tmp_path / "round.db"
    assert main(["demo", "--db", str(db), "--json"]) == 0
    demo = json.loads(capsys.readouterr().out)
    secret = tmp_path / "pw.txt"
    secret.write_text("vier losse woorden samen\n", encoding="utf-8")
    out = tmp_path / "x.ggsr-bundle"
    assert main(["bundle", "export", "--db", str(db), "--study", str(demo["study_id"]), "--out", str(out),
                 "--bundle-passphrase-file", str(secret), "--author", AUTHOR, "--json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["file"] == str(out) and exported["kind"] == "onderzoek" and exported["counts"]["quotes"] > 0
    assert main(["bundle", "inspect", str(out), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["author"] == AUTHOR and shown["framework"] == "casusniveau" and shown["verified"] is False
    assert main(["bundle", "merge", "--db", str(round_db), str(out), "--bundle-passphrase-file", str(secret),
                 "--json"]) == 0
    merged = json.loads(capsys.readouterr().out)
    assert len(merged["added"]) > 0 and merged["conflicts"] == [] and merged["applied"] is True
    assert main(["bundle", "merge", "--db", str(round_db), str(out), "--bundle-passphrase-file", str(secret),
                 "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["added"] == [] and again["changed"] == [] and again["unchanged"] > 0
    bad = tmp_path / "bad.ggsr-bundle"
    bad.write_bytes(out.read_bytes()[:-5])
    assert main(["bundle", "merge", "--db", str(round_db), str(bad), "--bundle-passphrase-file", str(secret)]) == 1
    assert "bad.ggsr-bundle" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["bundle", "export", "--db", str(db), "--out", str(out), "--bundle-passphrase-file", str(secret)])
    assert usage.value.code == 2


def test_import_takes_attributes_and_exclusions(store, catalog, anonymiser, tmp_path):
    from ggsr_desktop.exchange.import_checks import ImportFileError
    from ggsr_desktop.exchange.importer import import_file

    data = json.loads((Path(__file__).parent / "data" / "seed003_den_helder.json").read_text(encoding="utf-8"))
    data["attributes"] = {"type_aanpak": "coördinatie op afstand", "gezinsplan_leidend": "nee",
                          "soorten_problemen": "wachtlijsten; langs elkaar heen werken"}
    data["exclusions"] = [{"indicator": "Binnen de aanpak is de behoefte van het gezin uitgangspunt bij het bepalen "
                                        "wat nodig is", "reason": "de regie is overgenomen"}]
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    approach = import_file(Capture(store, anonymiser), path, catalog).approach_id
    assert store.approach_attributes(approach)["type_aanpak"] == "coördinatie op afstand"
    assert store.exclusions(approach) == {"gezin-centraal.behoefte-uitgangspunt": "de regie is overgenomen"}
    data["attributes"] = {"type_aanpak": "iets anders"}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ImportFileError, match="attributes.type_aanpak: kenmerk 'type_aanpak': ongeldige waarde"):
        import_file(Capture(store, anonymiser), path, catalog)
    data["attributes"] = {"typeaanpak": "x"}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ImportFileError, match="attributes.typeaanpak: onbekend kenmerk"):
        import_file(Capture(store, anonymiser), path, catalog)
    assert len(store.list_approaches()) == 1


def test_aggregate_counts_the_judgement_files_of_bundles(tmp_path, capsys):
    """The national counts over judgement files (no database needed), the same as over the database."""
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db), "--json"]) == 0
    demo = json.loads(capsys.readouterr().out)
    secret = tmp_path / "pw.txt"
    secret.write_text("vier losse woorden samen\n", encoding="utf-8")
    out = tmp_path / "oordelen.ggsr-bundle"
    assert main(["bundle", "export", "--db", str(db), "--approach", str(demo["policy_approach_id"]), "--judgements",
                 "--out", str(out), "--bundle-passphrase-file", str(secret)]) == 0
    capsys.readouterr()
    assert main(["aggregate", "--bundle", str(out), "--bundle-passphrase-file", str(secret), "--json"]) == 0
    from_files = json.loads(capsys.readouterr().out)
    assert main(["aggregate", "--db", str(db), "--study", str(demo["policy_study_id"]), "--json"]) == 0
    from_db = json.loads(capsys.readouterr().out)
    assert from_files["figuren"] == from_db["figuren"] and from_files["figuren"]
    assert main(["aggregate", "--db", str(db), "--study", str(demo["policy_study_id"]), "--bundle", str(out),
                 "--bundle-passphrase-file", str(secret), "--json"]) == 0  # the same approach twice: counted once
    assert json.loads(capsys.readouterr().out)["figuren"] == from_db["figuren"]

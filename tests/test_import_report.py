"""Importing a complete Nota van Bevindingen: report sections, typering, voorwoord, conclusion, recommendations
and illustrative quotes; every text anonymised, everything validated first with JSON paths."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.exchange import dump
from ggsr_desktop.exchange.importer import IMPORT_AUTHOR, ImportFileError, import_file
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.store import Store
from ggsr_desktop.store.database import open_database
from tests.conftest import PASSPHRASE
from tests.test_cli import run

SAMPLE = Path(__file__).parent / "data" / "import_report_sample.json"
# The registered persons of the sample (Gezin A: moeder, Gezin B: vader), in parts.
NAME_PARTS = ["Fenna", "Kroonenberg", "Joost", "Wiersema"]

SECTIONS = [
    ("groen", "Vasthoudende gezinscoaches", "Mevrouw [moeder] vertelde dat de gezinscoach bleef komen.",
     "De gezinscoaches gaan erop af en blijven erbij.", ("aanpak.outreachend", "aanpak.niet-loslaten")),
    ("rood", "Het sociale netwerk blijft buiten beeld", "Het netwerk is de basis.", "",
     ("gezin-centraal.netwerk-in-kaart",)),
]
DESCRIPTION = {
    "persons_and_families": "Gezinnen met problemen op ten minste vier leefgebieden.",
    "registration": "Via het wijkteam.",
    "goal": "Het gezin weer zelfredzaam maken; [vader] noemde dat 'eindelijk rust'.",  # a person of Gezin B
    "direction": "", "parties_involved": "", "working_method": "",
}
TEXTS = {"voorwoord": "Voor u ligt de nota van bevindingen.",
         "conclusion": "De aanpak bereikt gezinnen die eerder buiten beeld raakten."}
RECOMMENDATIONS = [("Betrek het netwerk.", "Breng het netwerk van het gezin in kaart, zoals bij [moeder]."),
                   ("", "Evalueer samen met het gezin.")]


def _sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict, name: str = "nota.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _quote_ids(store: Store, approach_id: int) -> dict[str, int]:
    """Quote id by the start of its text."""
    return {q.text.split(",")[0]: q.id for c in store.list_cases(approach_id)
            for i in store.list_interviews(c.id) for q in store.list_quotes(i.id)}


def _nota(store: Store, approach_id: int) -> dict:
    """What the import wrote of the nota, as plain data."""
    return {
        "sections": [(s.highlight.value, s.title, s.intro, s.conclusion, s.indicator_ids)
                     for s in store.list_sections(approach_id)],
        "description": store.get_approach(approach_id).description,
        "texts": store.get_approach_texts(approach_id),
        "recommendations": [(r.lead, r.text) for r in store.list_recommendations(approach_id)],
    }


def test_complete_nota_is_imported_exactly_and_anonymised(tmp_path, anonymiser, catalog):
    with Store.create(tmp_path / "nota.sqlite") as store:
        result = import_file(Capture(store, anonymiser), SAMPLE, catalog)
        assert _nota(store, result.approach_id) == {
            "sections": SECTIONS, "description": DESCRIPTION, "texts": TEXTS, "recommendations": RECOMMENDATIONS}
        assert store.get_approach(result.approach_id).regisseur_label == "gezinscoach"
        assert result.counts == {"cases": 2, "interviews": 2, "quotes": 4, "codings": 5, "judgements": 4}


def test_sections_set_the_highlight_and_illustrative_quotes_keep_the_files_order(tmp_path, anonymiser, catalog):
    with Store.create(tmp_path / "nota.sqlite") as store:
        approach_id = import_file(Capture(store, anonymiser), SAMPLE, catalog).approach_id
        q = _quote_ids(store, approach_id)
        judgements = {j.indicator_id: j for j in store.list_judgements(approach_id)}
        assert {ind: (j.mark and j.mark.value, j.highlight.value, j.quote_ids) for ind, j in judgements.items()} == {
            # in the file without highlight; its section makes it green; three illustrative quotes of two cases
            "aanpak.outreachend": ("voldoet", "groen", (q["De gezinscoach bleef gewoon komen"],
                                                        q["Ze heeft eerst alles op een rij gezet"],
                                                        q["Ik ga er elke week heen"])),
            "aanpak.niet-loslaten": (None, "groen", ()),  # only in a section (named by its text): created
            "aanpak.probleemanalyse": (None, "geen", (q["Ze heeft eerst alles op een rij gezet"],)),  # only a quote
            "gezin-centraal.netwerk-in-kaart": ("verbeterpunt", "rood", ()),  # red in the file and in its section
        }
        assert judgements["aanpak.outreachend"].finding == "In alle drie de casussen gaat de gezinscoach erop af."
        for ind in judgements:  # one change per indicator, by the importer
            assert [h.author for h in store.judgement_history(approach_id, ind)] == [IMPORT_AUTHOR]
        assert q["Soms duurde het lang voor er iets gebeurde."] not in judgements["aanpak.outreachend"].quote_ids


def test_typering_accepts_field_names_and_titles_in_any_case(tmp_path, anonymiser, catalog):
    data = _sample()
    data["typering"] = {"Personen en gezinnen in de aanpak": "a", "REGIE": "b", "Working_Method": "c",
                        "betrokken  partijen": "d", "goal": None}
    with Store.create(tmp_path / "nota.sqlite") as store:
        approach_id = import_file(Capture(store, anonymiser), _write(tmp_path, data), catalog).approach_id
        assert store.get_approach(approach_id).description == {
            "persons_and_families": "a", "registration": "", "goal": "", "direction": "b", "parties_involved": "d",
            "working_method": "c"}


def test_values_with_surrounding_spaces_are_taken_as_checked(tmp_path, anonymiser, catalog):
    data = _sample()
    data["judgements"][0].update(mark=" ✓ ")
    data["judgements"][1].update(highlight=" rood ")
    data["sections"][0].update(highlight=" groen")
    data["cases"][1]["interviews"][0].update(respondent="regisseur ")
    with Store.create(tmp_path / "nota.sqlite") as store:
        approach_id = import_file(Capture(store, anonymiser), _write(tmp_path, data), catalog).approach_id
        assert _nota(store, approach_id)["sections"] == SECTIONS
        judgements = {j.indicator_id: (j.mark.value, j.highlight.value) for j in store.list_judgements(approach_id)
                      if j.mark}
        assert judgements == {"aanpak.outreachend": ("voldoet", "groen"),
                              "gezin-centraal.netwerk-in-kaart": ("verbeterpunt", "rood")}


def _all_bytes(*folders: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for folder in folders for p in folder.rglob("*") if p.is_file()]


def test_no_part_of_a_name_reaches_the_database_or_its_wal(tmp_path, anonymiser, catalog):
    db = tmp_path / "plain.sqlite"  # not encrypted, so that what is written is readable in the bytes
    with Store.create(db) as store:
        assert not store.encrypted
        import_file(Capture(store, anonymiser), SAMPLE, catalog)
        during = _all_bytes(tmp_path)
    files = _all_bytes(tmp_path, Path(os.environ["GGSR_DATA_DIR"]))
    assert db in [p for p, _ in files] and b"Vasthoudende gezinscoaches" in db.read_bytes()  # the check can see
    for part in NAME_PARTS:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            needle = part.lower().encode(encoding)
            assert [p.name for p, content in [*during, *files] if needle in content.lower()] == [], part


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["sections"][1]["indicators"].insert(0, "bestaat.niet"),
     "sections[1].indicators[0]: onbekende indicator 'bestaat.niet'"),
    (lambda d: d["sections"][0].update(highlight="geel"),
     "sections[0].highlight: moet groen of rood zijn, niet 'geel'"),
    (lambda d: d["sections"][1].update(highlight="geen"),
     "sections[1].highlight: moet groen of rood zijn, niet 'geen'"),
    (lambda d: d["sections"][0].pop("highlight"), "sections[0].highlight: moet groen of rood zijn; ontbreekt"),
    (lambda d: d["sections"][1].pop("title"), "sections[1].title: ontbreekt"),
    (lambda d: d["sections"][0].update(title="  "), "sections[0].title: is leeg"),
    (lambda d: d["sections"][0].update(intro=3), "sections[0].intro: verwacht tekst, gevonden: een getal"),
    (lambda d: d["sections"][0].update(conclusion=["x"]),
     "sections[0].conclusion: verwacht tekst, gevonden: een lijst"),
    (lambda d: d["sections"][0].update(indicators="aanpak.outreachend"),
     "sections[0].indicators: verwacht een lijst, gevonden: tekst"),
    (lambda d: d.update(sections={"title": "x"}), "sections: verwacht een lijst, gevonden: een object"),
    (lambda d: d["sections"].append("Wat kan beter?"), "sections[2]: verwacht een object, gevonden: tekst"),
    (lambda d: d["sections"][1]["indicators"].append("De netwerkpartners werken outreachend"),
     "sections[1].indicators[1]: indicator 'aanpak.outreachend' staat al in sections[0]"),
    (lambda d: d["sections"][0]["indicators"].append("aanpak.outreachend"),
     "sections[0].indicators[2]: indicator 'aanpak.outreachend' staat al in sections[0]"),
    (lambda d: d["judgements"][0].update(highlight="rood"),
     "sections[0].indicators[0]: judgements[0].highlight is 'rood', maar deze sectie is groen"),
    (lambda d: d["judgements"][1].update(highlight="geen"),
     "sections[1].indicators[0]: judgements[1].highlight is 'geen', maar deze sectie is rood"),
    (lambda d: d["typering"].update(Budget="veel"),
     "typering: onbekend veld 'Budget'; toegestaan: persons_and_families (Personen en gezinnen in de aanpak), "
     "registration (Aanmelding), goal (Doel van de aanpak), direction (Regie)"),
    (lambda d: d["typering"].update(goal="dubbel"), "typering.goal: veld 'goal' staat er al in"),
    (lambda d: d["typering"].update(regie=["x"]), "typering.regie: verwacht tekst, gevonden: een lijst"),
    (lambda d: d.update(typering="Gezinnen in Wadlo"), "typering: verwacht een object, gevonden: tekst"),
    (lambda d: d.update(voorwoord=12), "voorwoord: verwacht tekst, gevonden: een getal"),
    (lambda d: d.update(conclusion={"tekst": "x"}), "conclusion: verwacht tekst, gevonden: een object"),
    (lambda d: d["recommendations"][1].pop("text"), "recommendations[1].text: ontbreekt"),
    (lambda d: d["recommendations"][0].update(text=""), "recommendations[0].text: is leeg"),
    (lambda d: d["recommendations"][0].update(lead=1), "recommendations[0].lead: verwacht tekst, gevonden: een getal"),
    (lambda d: d["recommendations"].insert(0, "Betrek het netwerk."),
     "recommendations[0]: verwacht een object, gevonden: tekst"),
    (lambda d: d.update(recommendations={"text": "x"}), "recommendations: verwacht een lijst, gevonden: een object"),
    (lambda d: d["cases"][0]["interviews"][0]["quotes"][1].update(illustrative="ja"),
     "cases[0].interviews[0].quotes[1].illustrative: verwacht true of false, gevonden: tekst"),
    (lambda d: d["cases"][1]["interviews"][0]["quotes"][0].update(indicators=[]),
     "cases[1].interviews[0].quotes[0].illustrative: een illustratief citaat hoort bij minstens één indicator"),
])
def test_bad_nota_input_is_refused_with_its_json_path_and_changes_nothing(tmp_path, anonymiser, catalog, mutate,
                                                                          message):
    with Store.create(tmp_path / "bestaand.sqlite") as store:
        capture = Capture(store, anonymiser)
        import_file(capture, SAMPLE, catalog)
        before = (dump.overview(store), dump.approach_detail(store, 1), store.counts(), store.list_sections(1))
        data = _sample()
        mutate(data)
        path = _write(tmp_path, data)
        with pytest.raises(ImportFileError) as refused:
            import_file(capture, path, catalog)
        assert str(refused.value).startswith(f"{path}: {message}")
        assert (dump.overview(store), dump.approach_detail(store, 1), store.counts(), store.list_sections(1)) == before


def test_failure_while_writing_the_nota_rolls_back_everything(tmp_path, anonymiser, catalog, monkeypatch):
    with Store.create(tmp_path / "half.sqlite") as store:
        calls = []

        def failing(*args, **kwargs):
            calls.append(1)
            if len(calls) == 2:  # the second section: after quotes, judgements, texts and the first section
                raise GgsrError("schijf vol")
            return Store.add_section(store, *args, **kwargs)

        monkeypatch.setattr(store, "add_section", failing)
        with pytest.raises(GgsrError, match="schijf vol"):
            import_file(Capture(store, anonymiser), SAMPLE, catalog)
        assert store.list_studies() == [] and store.counts() == dict.fromkeys(
            ("cases", "interviews", "quotes", "codings", "judgements"), 0)


def test_cli_imports_the_nota_and_dump_shows_it(capsys, tmp_path, anonymiser):
    db = tmp_path / "cli.sqlite"
    code, out, err = run(capsys, "import", "--db", str(db), str(SAMPLE), "--json")
    assert (code, err) == (0, "")
    approach_id = json.loads(out)["approach_id"]
    code, out, err = run(capsys, "dump", "--db", str(db), "--approach", str(approach_id), "--json")
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert [(s["highlight"], s["title"], s["intro"], s["conclusion"], tuple(s["indicators"]))
            for s in shown["sections"]] == SECTIONS
    assert shown["texts"] == TEXTS
    assert [(r["lead"], r["text"]) for r in shown["recommendations"]] == RECOMMENDATIONS
    assert shown["approach"]["description"] == DESCRIPTION
    assert {j["indicator"]: j["highlight"] for j in shown["judgements"]}["aanpak.niet-loslaten"] == "groen"
    with open_database(db, PASSPHRASE) as store:
        assert _nota(store, approach_id)["recommendations"] == RECOMMENDATIONS


def test_cli_refuses_a_bad_nota_before_creating_the_database(capsys, tmp_path):
    data = _sample()
    data["sections"][0]["highlight"] = "oranje"
    db = tmp_path / "nieuw.sqlite"
    code, out, err = run(capsys, "import", "--db", str(db), str(_write(tmp_path, data)))
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "sections[0].highlight: moet groen of rood zijn, niet 'oranje'" in err
    assert not db.exists()

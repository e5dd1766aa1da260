"""The follow-up a year later end to end (spec round2 §3.5, decision §10.6): seed 002 typed into two import files
(tests/data, written from the seed's text: year 1 as a policy-level approach, year 2 as its follow-up) is imported
into a real database and exported as 'Uitkomsten verbeterpunten', which is read back. Also: the frozen copy and its
explicit refresh, the refusal of missing re-assessments, renaming, undo, import refusals, the CLI, a case-level
follow-up, and the privacy of what is stored."""

from __future__ import annotations

import json
import os
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from ggsr_desktop.cli import main
from ggsr_desktop.evidence.followup import point_rows, progress
from ggsr_desktop.exchange.import_checks import ImportFileError
from ggsr_desktop.exchange.importer import import_file
from ggsr_desktop.models import DevelopmentSection, FollowupDocument, Mark
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.ops.session import Session
from ggsr_desktop.report import export_factsheet, export_followup
from ggsr_desktop.report.followup_content import MissingReassessment

DATA = Path(__file__).parent / "data"
YEAR1, YEAR2 = DATA / "seed002_venlo_2013.json", DATA / "seed002_venlo_2014.json"
INSPECTOR = "Inspecteur Vervolg"
# seed 002, verbatim
TITLE = "Uitkomsten verbeterpunten toezichtonderzoek Venlo"
GROUPED = ("De gemeente evalueert de resultaten van de aanpak. Op basis van de evaluatie wordt het beleid "
           "gecontinueerd dan wel bijgesteld")
ROW_POPULATION = ("De gemeente heeft zicht op de populatie GGSR",
                  "X De gemeente heeft geen beeld van de omvang van de doelgroep en waar deze gezinnen zich met name "
                  "binnen Venlo bevinden.",
                  "✓ Er is een doelgroep analyse gemaakt per wijk.")
ROW_MANDATE = ("De doorzettingsmacht voor de regisseur is geregeld", "X De netwerkpartner die aangeeft dat deze "
               "persoon er wel is", "X In de praktijk ligt de doorzettingsmacht bij de gezinscoach.")
NOT_ESTABLISHED = "– De inspecties hebben geen nieuwe informatie opgevraagd bij de netwerkpartners."


def paragraphs_of(cell) -> list[Paragraph]:
    return [Paragraph(p, cell) for p in cell._tc.p_lst]


def cell_text(cell) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in cell._tc.p_lst)


@pytest.fixture
def venlo(store, catalog, anonymiser):
    capture = Capture(store, anonymiser)
    year1 = import_file(capture, YEAR1, catalog)
    year2 = import_file(capture, YEAR2, catalog)
    return year1.approach_id, year2.approach_id


def export(store, catalog, anonymiser, approach_id, out, **kw):
    framework = catalog.get(store.get_study(store.get_approach(approach_id).study_id).framework_id)
    return export_followup(store, framework, approach_id, out, anonymiser=anonymiser, **kw)


@pytest.fixture
def venlo_doc(venlo, store, catalog, anonymiser, tmp_path):
    out = tmp_path / "venlo.docx"
    result = export(store, catalog, anonymiser, venlo[1], out)
    return result, docx.Document(str(out))


def test_seed_002_title_lines_and_headings(venlo_doc):
    """Checks 1 and 2 of §3.5."""
    _, doc = venlo_doc
    paragraphs = [b for b in doc.iter_inner_content() if isinstance(b, Paragraph)]
    texts = [p.text for p in paragraphs]
    assert texts[:2] == ["Samenwerkend Toezicht Jeugd", "Ministerie van Volksgezondheid, Welzijn en Sport"]
    k = texts.index(TITLE)
    assert paragraphs[k].style.name == "Title"
    assert texts[k + 1:k + 4] == ["Aanpak: Sociale wijkteams", "(2013: Er op af aanpak vanuit zorgnetwerken)",
                                  "Juni 2015"]
    assert texts[k + 4].startswith("Samenwerkend Toezicht Jeugd (STJ) verstaat onder een gezin met geringe sociale "
                                   "redzaamheid") and paragraphs[k + 4].runs[0].italic
    headings = [p.text for p in paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Inleiding", "Ontwikkeling 2014", "Sociale wijkteams", "Uitvoeringsteam jeugd",
                        "Uitkomsten verbeterpunten"]
    intro = texts[texts.index("Inleiding") + 1]
    assert intro.startswith("In 2013 heeft STJ in Venlo de aanpak 'Er op af aanpak vanuit zorgnetwerken' op "
                            "beleidsniveau getoetst aan de hand van het toetsingskader GGSR.")
    development = texts[texts.index("Ontwikkeling 2014") + 1]
    assert development.startswith("Op 13 januari 2015 heeft de gemeente Venlo aan STJ gepresenteerd op welke wijze "
                                  "de verbeterpunten uit de factsheet Uitkomsten toezichtonderzoek Venlo op "
                                  "beleidsniveau zijn opgepakt. De rapportage aan STJ heeft plaatsgevonden in de vorm "
                                  "van een interview over de specifieke verbeterpunten.")
    assert "“Een bijzondere tijd: Beleidsplan decentralisaties sociaal domein gemeente Venlo” van 2 juli 2014" \
        in development  # the documents, with their dates kept (policy level)
    scope = texts[texts.index("Uitkomsten verbeterpunten") - 1]
    assert scope.startswith("STJ heeft in 2015 niet de volledige nieuwe aanpak getoetst aan de hand van het GGSR "
                            "toetsingskader.") and "al in 2013 een ✓ scoorde" in scope


def test_seed_002_tables_rows_and_symbols(venlo_doc, catalog):
    """Checks 3 to 7 of §3.5: four tables, their header rows, 17 rows in framework order, X→✓, X→X, X→–, the group."""
    result, doc = venlo_doc
    blocks = list(doc.iter_inner_content())
    tables = [b for b in blocks if isinstance(b, Table)]
    captions = [blocks[blocks.index(t) - 1].text for t in tables]
    assert captions == ["Toeleiding", "Aanpak", "Samenwerking", "Continu"]  # no 'Gezin centraal'
    assert all([cell_text(c) for c in t.rows[0].cells] == ["Indicator", "2013", "2014"] for t in tables)
    assert [len(t.rows) - 1 for t in tables] == [3, 7, 4, 3]
    rows = {cell_text(r.cells[0]): r for t in tables for r in t.rows[1:]}
    assert len(rows) == 17 and result.tables == 4
    order = [i.text for i in catalog.get("beleidsniveau").indicators]
    firsts = [text.split(". Op basis")[0] for t in tables for text in (cell_text(r.cells[0]) for r in t.rows[1:])]
    assert firsts == sorted(firsts, key=order.index)  # framework order
    for indicator, y1, y2 in (ROW_POPULATION, ROW_MANDATE):
        row = rows[indicator]
        assert cell_text(row.cells[1]).startswith(y1) and cell_text(row.cells[2]).startswith(y2)
        for cell in row.cells[1:]:
            first = paragraphs_of(cell)[0].runs[0]
            assert first.text in ("X", "✓") and first.bold  # the symbol bold, the finding not
            assert not paragraphs_of(cell)[0].runs[1].bold
    doelen = rows["De netwerkpartners hebben gezamenlijke doelen geformuleerd ten aanzien van de aanpak van GGSR"]
    assert cell_text(doelen.cells[2]) == NOT_ESTABLISHED
    assert cell_text(rows[GROUPED].cells[2]).startswith("X Er gaat monitoring van de Sociale Wijkteams")
    assert cell_text(rows[GROUPED].cells[1]).startswith("X De 'Er op af aanpak vanuit de zorgnetwerken' wordt niet")
    assert "[" not in "".join(cell_text(c) for r in rows.values() for c in r.cells)  # nothing replaced


def test_every_typed_finding_is_printed_verbatim(venlo_doc):
    """The organisations, documents and dates in the findings are kept at policy level: the texts of both files
    appear unchanged in the tables."""
    _, doc = venlo_doc
    printed = "\n".join(cell_text(c) for t in doc.tables for r in t.rows for c in r.cells)
    year1 = json.loads(YEAR1.read_text(encoding="utf-8"))["judgements"]
    year2 = json.loads(YEAR2.read_text(encoding="utf-8"))["judgements"]
    for j in [*(j for j in year1 if j["mark"] == "X" and j["finding"]), *year2]:
        assert j["finding"] in printed
    assert "Raad voor de Kinderbescherming" in printed and "'Jeugdbeschermingstafel'" in printed


def test_progress_counts_the_verbeterpunten(venlo, store, catalog):
    """Check 10: '17 verbeterpunten: 12 opgepakt (✓), 4 nog niet (X), 1 niet vastgesteld (–)'."""
    f = store.get_followup(venlo[1])
    year2 = {j.indicator_id: j for j in store.list_judgements(venlo[1])}
    counts = progress(catalog.get("beleidsniveau"), f, year2)
    assert counts.line == "17 verbeterpunten: 12 opgepakt (✓), 4 nog niet (X), 1 niet vastgesteld (–)"
    assert counts.missing == ()
    rows = point_rows(catalog.get("beleidsniveau"), f, year2)
    assert len(rows) == 17 and sum(len(r.indicator_ids) for r in rows) == 18


def test_year1_satisfied_and_not_established_never_appear(venlo, store, catalog, anonymiser, tmp_path):
    """Check 8: a year-1 ✓ is not shown whatever its year-2 data; a year-1 – is not shown either."""
    year1, year2 = venlo
    store.set_judgement(year2, "aanpak.outreachend", author=INSPECTOR, mark="verbeterpunt", finding="Iets nieuws.")
    session = Session(store, catalog, anonymiser)
    session.use_anonymiser(anonymiser)
    session.perform(lambda: store.set_judgement(year1, "continu.doorlopen", author=INSPECTOR,
                                                mark="niet_vastgesteld"))
    session.perform(lambda: session.followups().refresh(year2))
    out = tmp_path / "v.docx"
    export(store, catalog, anonymiser, year2, out)
    printed = "\n".join(cell_text(c) for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells)
    assert "Uitgangspunt bij de aanpak is dat outreachend wordt gewerkt" not in printed and "Iets nieuws" not in printed
    assert "De afspraak is dat de intensieve zorg en ondersteuning doorlopen" not in printed  # now – in year 1


def test_frozen_copy_until_an_explicit_refresh(venlo, store, catalog, anonymiser, tmp_path):
    """Check 9: editing year 1 does not change the follow-up's 2013 column, unless refreshed; the refresh undoes."""
    year1, year2 = venlo
    session = Session(store, catalog, anonymiser)
    session.use_anonymiser(anonymiser)
    actions = session.followups()
    before = store.get_followup(year2)
    assert not actions.stale(year2)
    session.perform(lambda: session.judging(year1, INSPECTOR).set_finding("toeleiding.zicht-op-populatie",
                                                                          "Een nieuwe tekst van 2013."))
    assert store.get_followup(year2).baseline == before.baseline and actions.stale(year2)
    out = tmp_path / "frozen.docx"
    export(store, catalog, anonymiser, year2, out)
    printed = "\n".join(cell_text(c) for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells)
    assert ROW_POPULATION[1] in printed and "Een nieuwe tekst van 2013." not in printed
    session.perform(lambda: actions.refresh(year2))
    refreshed = {b.indicator_id: b.finding for b in store.get_followup(year2).baseline}
    assert refreshed["toeleiding.zicht-op-populatie"] == "Een nieuwe tekst van 2013." and not actions.stale(year2)
    session.undo()
    assert store.get_followup(year2).baseline == before.baseline
    assert store.get_followup(year2).frozen_at == before.frozen_at
    session.redo()
    assert {b.indicator_id: b.finding for b in store.get_followup(year2).baseline} == refreshed


def test_missing_reassessment_refuses_unless_draft(venlo, store, catalog, anonymiser, tmp_path):
    """Decision §10.6: the export refuses with the list; a draft prints [nog te beoordelen] in that cell."""
    year2 = venlo[1]
    store.set_judgement(year2, "aanpak.doorzettingsmacht", author=INSPECTOR, mark=None)
    out = tmp_path / "missing.docx"
    with pytest.raises(MissingReassessment) as refused:
        export(store, catalog, anonymiser, year2, out)
    assert refused.value.texts == ["De doorzettingsmacht voor de regisseur is geregeld"]
    assert "1 verbeterpunt(en) zonder oordeel van het tweede jaar: 'De doorzettingsmacht" in str(refused.value)
    assert not out.exists()
    result = export(store, catalog, anonymiser, year2, out, draft=True)
    assert result.extra["counts"]["nog_te_beoordelen"] == 1 and result.extra["missing"] == ["aanpak.doorzettingsmacht"]
    rows = {cell_text(r.cells[0]): r for t in docx.Document(str(out)).tables for r in t.rows[1:]}
    assert cell_text(rows[ROW_MANDATE[0]].cells[2]) == "[nog te beoordelen]"


def test_create_rename_documents_development_and_undo(store, catalog, anonymiser, tmp_path):
    """A follow-up made in the app from year 1 in the same database: no rename line until renamed; every edit undoes;
    the private person's name in the narrative is replaced, the organisation kept."""
    capture = Capture(store, anonymiser)
    year1 = import_file(capture, YEAR1, catalog).approach_id
    session = Session(store, catalog, anonymiser)
    session.use_anonymiser(anonymiser)
    actions = session.followups()
    made = session.perform(lambda: actions.create(year1, year1_label="2013", year2_label="2014",
                                                  month="Juni 2015")).value
    fid = made.approach_id
    assert store.get_approach(fid).name == "Er op af aanpak vanuit zorgnetwerken" and made.source_approach_id == year1
    assert len([b for b in made.baseline if b.mark is Mark.IMPROVEMENT]) == 18 and len(made.baseline_groups) == 1
    for b in made.baseline:
        if b.mark is Mark.IMPROVEMENT:
            session.perform(lambda b=b: session.judging(fid, INSPECTOR).set_mark(b.indicator_id, "voldoet"))
    out = tmp_path / "same.docx"
    export(store, catalog, anonymiser, fid, out)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "Aanpak: Er op af aanpak vanuit zorgnetwerken" in texts and not any(t.startswith("(2013:") for t in texts)
    session.perform(lambda: actions.rename(fid, "Sociale wijkteams"))
    session.perform(lambda: actions.set_documents(fid, [FollowupDocument("Beleidsplan Sociaal Domein", "2 juli 2014")]))
    session.perform(lambda: actions.set_development(fid, [DevelopmentSection(
        "Sociale wijkteams", "Volgens wethouder Jan Pietersma werkt de Raad voor de Kinderbescherming mee.")]))
    dev = store.get_followup(fid).development[0]
    assert "Pietersma" not in dev.text and "Raad voor de Kinderbescherming" in dev.text
    export(store, catalog, anonymiser, fid, out)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "(2013: Er op af aanpak vanuit zorgnetwerken)" in texts
    assert any("“Beleidsplan Sociaal Domein” van 2 juli 2014" in t for t in texts)
    session.undo()
    session.undo()
    session.undo()
    assert store.get_approach(fid).name == "Er op af aanpak vanuit zorgnetwerken"
    assert store.get_followup(fid).documents == () and store.get_followup(fid).development == ()
    session.redo()
    assert store.get_approach(fid).name == "Sociale wijkteams"
    with pytest.raises(Exception, match="heeft inmiddels beoordelingen"):  # not silently thrown away
        for _ in range(20):
            session.undo()
    assert store.is_followup(fid)


def test_undo_of_creation_removes_it_and_redo_restores_the_copy(store, catalog, anonymiser):
    year1 = import_file(Capture(store, anonymiser), YEAR1, catalog).approach_id
    session = Session(store, catalog, anonymiser)
    session.use_anonymiser(anonymiser)
    made = session.perform(lambda: session.followups().create(year1, name="Sociale wijkteams", year1_label="2013",
                                                              year2_label="2014")).value
    session.undo()
    assert not store.is_followup(made.approach_id) and store.followup_ids() == set()
    session.redo()
    again = store.get_followup(made.approach_id)
    assert again.baseline == made.baseline and again.baseline_groups == made.baseline_groups
    with pytest.raises(Exception, match="zelf een vervolgonderzoek"):
        session.perform(lambda: session.followups().create(made.approach_id, year1_label="2014", year2_label="2015"))


def test_the_factsheet_leaves_follow_ups_out(venlo, store, catalog, anonymiser, tmp_path):
    out = tmp_path / "factsheet.docx"
    result = export_factsheet(store, lambda a: catalog.get(store.get_study(a.study_id).framework_id), "Venlo", out,
                              anonymiser=anonymiser)
    assert result.parts == 1
    assert "Aanpak: Sociale wijkteams" not in [p.text for p in docx.Document(str(out)).paragraphs]


def _write(tmp_path, data, name="f.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_refusals_change_nothing(store, catalog, anonymiser, tmp_path):
    capture = Capture(store, anonymiser)
    data = json.loads(YEAR2.read_text(encoding="utf-8"))
    with pytest.raises(ImportFileError, match="followup.of: geen aanpak 'Er op af aanpak vanuit zorgnetwerken' van "
                                              "gemeente 'Venlo'"):
        import_file(capture, YEAR2, catalog)
    assert store.list_approaches() == []
    import_file(capture, YEAR1, catalog)
    count = len(store.list_approaches())
    wrong = {**data, "judgements": [*data["judgements"], {"indicator": "aanpak.outreachend", "mark": "X"}]}
    with pytest.raises(ImportFileError, match=r"judgements\[17\].indicator: indicator 'aanpak.outreachend' was in "
                                              r"2013 geen verbeterpunt"):
        import_file(capture, _write(tmp_path, wrong), catalog)
    member = {**data, "judgements": [{"indicator": "aanpak.beleid-bijgesteld", "mark": "X"}]}
    with pytest.raises(ImportFileError, match="rijgroep met één bevinding; beoordeel 'aanpak.evaluatie-gemeente'"):
        import_file(capture, _write(tmp_path, member), catalog)
    both = {**data, "followup": {**data["followup"], "year1": {"name": "x"}}}
    with pytest.raises(ImportFileError, match="followup: geef 'of'"):
        import_file(capture, _write(tmp_path, both), catalog)
    typo = {**data, "followup": {**data["followup"], "year_1_label": "2013"}}
    with pytest.raises(ImportFileError, match="followup.year_1_label: onbekend veld"):
        import_file(capture, _write(tmp_path, typo), catalog)
    bad_date = {**data, "followup": {**data["followup"], "event": {"date": "13 januari 2015"}}}
    with pytest.raises(ImportFileError, match="followup.event.date: ongeldige datum"):
        import_file(capture, _write(tmp_path, bad_date), catalog)
    assert len(store.list_approaches()) == count


def test_import_with_year1_inline_when_its_database_is_elsewhere(store, catalog, anonymiser, tmp_path):
    """The frozen copy travels in the file; its texts are anonymised on the way in (a private name is replaced)."""
    y1 = json.loads(YEAR1.read_text(encoding="utf-8"))
    y2 = json.loads(YEAR2.read_text(encoding="utf-8"))
    y1["judgements"][1]["finding"] += " Dit zei mevrouw Annelies Brouwer-Kuipers."
    y2["followup"] = {k: v for k, v in y2["followup"].items() if k != "of"}
    y2["followup"]["year1"] = {"name": y1["approach"]["name"], "judgements": y1["judgements"], "groups": y1["groups"]}
    fid = import_file(Capture(store, anonymiser), _write(tmp_path, y2), catalog).approach_id
    f = store.get_followup(fid)
    assert f.source_approach_id is None and f.former_name == "Er op af aanpak vanuit zorgnetwerken"
    population = next(b for b in f.baseline if b.indicator_id == "toeleiding.zicht-op-populatie")
    assert "Brouwer" not in population.finding and population.finding.startswith("De gemeente heeft geen beeld")
    out = tmp_path / "inline.docx"
    result = export(store, catalog, anonymiser, fid, out)
    assert result.extra["rows"] == 17 and result.tables == 4
    with pytest.raises(Exception, match="niet in deze database"):
        session = Session(store, catalog, anonymiser)
        session.use_anonymiser(anonymiser)
        session.perform(lambda: session.followups().refresh(fid))


def test_no_private_name_in_the_database_bytes(store, catalog, anonymiser, db_path):
    capture = Capture(store, anonymiser)
    import_file(capture, YEAR1, catalog)
    fid = import_file(capture, YEAR2, catalog).approach_id
    session = Session(store, catalog, anonymiser)
    session.use_anonymiser(anonymiser)
    session.perform(lambda: session.judging(fid, INSPECTOR).set_finding(
        "aanpak.doorzettingsmacht",
        "Volgens mevrouw Gerdien Hofstede-Vermeulen (06-12345678) is dit nog niet geregeld."))
    finding = store.get_judgement(fid, "aanpak.doorzettingsmacht").finding
    assert "Hofstede" not in finding and "12345678" not in finding
    store.close()
    for path in db_path.parent.glob(db_path.name + "*"):
        data = path.read_bytes()
        assert b"Hofstede" not in data and b"12345678" not in data


def test_cli_export_followup(tmp_path, capsys):
    db, out = tmp_path / "v.db", tmp_path / "v.docx"
    assert main(["import", "--db", str(db), str(YEAR1)]) == 0
    capsys.readouterr()
    assert main(["import", "--db", str(db), str(YEAR2), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["approach_id"] == 2
    assert main(["export", "followup", "--db", str(db), "--approach", "2", "--out", str(out), "--json"]) == 0
    shape = json.loads(capsys.readouterr().out)
    assert shape == {"file": str(out), "paragraphs": shape["paragraphs"], "tables": 4, "rows": 17, "points": 17,
                     "counts": {"opgepakt": 12, "nog_niet": 4, "niet_vastgesteld": 1, "nog_te_beoordelen": 0},
                     "missing": [], "draft": False,
                     "summary": "17 verbeterpunten: 12 opgepakt (✓), 4 nog niet (X), 1 niet vastgesteld (–)"}
    assert out.exists()
    assert main(["dump", "--db", str(db), "--approach", "2", "--json"]) == 0
    dumped = json.loads(capsys.readouterr().out)["followup"]
    assert dumped["of"] == 1 and dumped["year1_label"] == "2013" and len(dumped["year1"]) == 30
    assert dumped["year1_groups"] == [{"indicators": ["aanpak.evaluatie-gemeente", "aanpak.beleid-bijgesteld"],
                                       "shared_finding": True}]
    assert main(["dump", "--db", str(db), "--approach", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["followup"] is None
    assert main(["export", "followup", "--db", str(db), "--approach", "1", "--out", str(out)]) == 1
    assert "aanpak 1 ('Er op af aanpak vanuit zorgnetwerken') is geen vervolgonderzoek" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["export", "nota", "--db", str(db), "--approach", "1", "--out", str(out), "--draft"])
    assert usage.value.code == 2


def test_a_case_level_follow_up_uses_the_same_mechanism(tmp_path, capsys, catalog):
    """The Maastricht-style case level (seed 001 asks for a report a year later): the demo's case-level approach
    followed up; its verbeterpunten are its X judgements; the document says 'op casusniveau'."""
    from ggsr_desktop.anonymise.anonymiser import Anonymiser
    from ggsr_desktop.store import Store

    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db), "--json"]) == 0
    demo = json.loads(capsys.readouterr().out)
    from ggsr_desktop.store.database import open_database

    with open_database(db, os.environ["GGSR_PASSPHRASE"]) as store:
        assert isinstance(store, Store)
        anonymiser = Anonymiser()
        session = Session(store, catalog, anonymiser)
        session.use_anonymiser(anonymiser)
        approach = demo["approach_id"]
        made = session.perform(lambda: session.followups().create(approach, year1_label="2026",
                                                                  year2_label="2027")).value
        points = [b for b in made.baseline if b.mark is Mark.IMPROVEMENT]
        assert points
        for b in points:
            session.perform(lambda b=b: session.judging(made.approach_id, INSPECTOR).set_mark(b.indicator_id,
                                                                                              "voldoet"))
        out = tmp_path / "case.docx"
        framework = catalog.get(store.get_study(store.get_approach(approach).study_id).framework_id)
        result = export_followup(store, framework, made.approach_id, out)
        assert result.extra["points"] == len(points) == result.extra["counts"]["opgepakt"]
    intro = [p.text for p in docx.Document(str(out)).paragraphs if p.text.startswith("In 2026 heeft STJ")]
    assert intro and "op casusniveau getoetst" in intro[0]

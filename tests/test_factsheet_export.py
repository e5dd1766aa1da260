"""The policy level end to end (spec round2 §2.5): seed 003 typed into an import file (tests/data, written from the
seed's text, not from the app's output) is imported into a real database and exported as the factsheet, which is
read back: headings, verbatim paragraphs, the partner list unchanged, five tables, 30 indicators once each in the
seed's order, marks, row groups, LET OP notes, the legend; kept public names and dates; refusals."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from ggsr_desktop.cli import main
from ggsr_desktop.exchange.import_checks import ImportFileError, indicator_key
from ggsr_desktop.exchange.importer import import_file
from ggsr_desktop.models import Mark, Role
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.report import ExportRefused, export_factsheet

SEED = Path(__file__).parent / "data" / "seed003_den_helder.json"
NAME = "1 Gezin 1 Plan Nieuw Den Helder"
PARTNERS = ["Bureau Jeugdzorg Noord-Holland", "Parlan Jeugd en opvoedhulp", "Stichting de Praktijk"]
# [003:5] and [003:11], verbatim from seed 003
P5 = ("De gemeente heeft de vragenlijst betreffende deze aanpak ingevuld en relevante documentatie toegestuurd. Een – "
      "beperktere – vragenlijst over deze aanpak is ingevuld door:")
P11 = ("Deze netwerkpartners zijn aangedragen door de gemeente. Op basis van de ingevulde vragenlijsten en de "
       "aangeleverde informatie gezamenlijk heeft STJ de beoordeling gemaakt.")
LEADS = ["Toeleiding:", "Gezin centraal:", "De aanpak:", "Samenwerking:", "Continu:"]
CAPTIONS = ["Toeleiding", "Gezin centraal", "Aanpak", "Samenwerking", "Continu"]
IMPROVEMENTS = {"toeleiding.zicht-op-populatie", "aanpak.gezamenlijke-doelen", "samenwerking.informatie-delen",
                "continu.vervolg-afspraak"}


def cell_paragraphs(cell) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in cell._tc.p_lst]


def framework_of(store, catalog):
    return lambda approach: catalog.get(store.get_study(approach.study_id).framework_id)


@pytest.fixture
def den_helder(store, catalog, anonymiser, tmp_path):
    result = import_file(Capture(store, anonymiser), SEED, catalog)
    out = tmp_path / "den-helder.docx"
    export_factsheet(store, framework_of(store, catalog), "Den Helder", out, anonymiser=anonymiser)
    return result, docx.Document(str(out))


def body(doc) -> list:
    return list(doc.iter_inner_content())


def test_seed_003_replay_frame_partners_and_headings(den_helder):
    """Checks 1 and 2 of §2.5."""
    result, doc = den_helder
    assert result.counts["cases"] == 0  # check 9: nothing of it needs families
    paragraphs = [b for b in body(doc) if isinstance(b, Paragraph)]
    texts = [p.text for p in paragraphs]
    assert texts[:2] == ["Samenwerkend Toezicht Jeugd", "Ministerie van Volksgezondheid, Welzijn en Sport"]
    assert "Uitkomsten toezichtonderzoek Den Helder" in texts
    k = texts.index(f"Aanpak: {NAME}")
    assert paragraphs[k].style.name.startswith("Heading")
    assert texts[k + 1] == P5
    assert texts[k + 2:k + 5] == PARTNERS  # unchanged: no placeholder
    assert all("List Bullet" in paragraphs[k + j].style.name for j in range(2, 5))
    assert texts[k + 5] == P11
    b, f = texts.index("Beschrijving"), texts.index("Bevindingen toezichtonderzoek")
    assert k < b < f
    description = "\n".join(texts[b + 1:f])
    assert "De pilot is van start gegaan in mei 2012" in description and "Stichting de Praktijk" in description
    assert "[" not in description  # the organisations of the description are kept too
    assert f"heeft '{NAME}' getoetst" in texts[f + 1]
    leads = [p.runs[0].text for p in paragraphs[f + 2:f + 7]]
    assert leads == LEADS and all(p.runs[0].bold for p in paragraphs[f + 2:f + 7])
    assert paragraphs[f + 2].text == "Toeleiding: gezinnen zijn in beeld en worden bereikt met de aanpak"
    assert texts[f + 7].endswith("voldoet (✓) dan wel of er een verbeterpunt is (X).")  # check 6, no –


def test_seed_003_replay_tables(den_helder, store, catalog):
    """Checks 3, 4 and 5 of §2.5: the tables, the 30 indicators once each in the seed's order, marks, groups, notes."""
    result, doc = den_helder
    blocks = body(doc)
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 5
    captions = [blocks[blocks.index(t) - 1].text for t in tables]
    assert captions == CAPTIONS
    framework = catalog.get("beleidsniveau")
    seen_indicators, seen_criteria, starts = [], [], []
    notes: list[str] = []
    for table in tables:
        assert [c.text for c in table.rows[0].cells] == ["Criteria", "Indicatoren", "Bevindingen"]
        for row in table.rows[1:]:
            tcs = row._tr.tc_lst  # the XML cells: a merged criterion cell repeats in python-docx's row.cells
            criterion, indicators, findings = (["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.p_lst]
                                               for tc in tcs)
            if "".join(criterion):
                seen_criteria.append("".join(criterion))
            seen_indicators += indicators
            starts.append((len(indicators), [f[:2] for f in findings]))
            notes += [f for f in findings if "LET OP:" in f]
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    seed_order = [indicator_key(j["indicator"]) for j in seed["judgements"]]
    framework_texts = {indicator_key(i.text): i for i in framework.indicators}
    assert len(seen_indicators) == 30 and len(set(seen_indicators)) == 30
    assert [indicator_key(t) for t in seen_indicators] == seed_order  # the seed's order
    assert [framework_texts[indicator_key(t)].id for t in seen_indicators] == [i.id for i in framework.indicators]
    assert seen_criteria == [c.text for t in framework.themes for c in t.criteria]  # each criterion once
    # check 4: 26 ✓ and 4 X over the indicators
    marks = {j.indicator_id: j.mark for j in store.list_judgements(result.approach_id)}
    assert sorted(i for i, m in marks.items() if m is Mark.IMPROVEMENT) == sorted(IMPROVEMENTS)
    assert sum(m is Mark.SATISFIED for m in marks.values()) == 26
    assert (3, ["✓ ", "✓ ", "X "]) in starts  # group a: three indicators, a finding each
    assert (4, ["✓ "]) in starts  # group b: four indicators, one shared finding
    assert (2, ["✓ "]) in starts  # group c (Samenhangend)
    singles = [s for n, s in starts if n == 1]
    assert sum(s == ["✓ "] for s in singles) + sum(s == ["X "] for s in singles) == len(singles)
    # check 5: six LET OP notes, in their indicator's cell after the finding
    assert len([j for j in store.list_judgements(result.approach_id) if j.let_op]) == 6
    for text in notes:
        head, _, note = text.partition(" LET OP: ")
        assert head[:2] in ("✓ ", "X ") and note
    seed_notes = {indicator_key(j["indicator"]): j for j in seed["judgements"] if j.get("let_op")}
    assert len(seed_notes) == 6 and len(notes) == 6


def test_a_not_established_mark_changes_the_legend(store, catalog, anonymiser, tmp_path):
    """Check 6, second half: one indicator set to – names (–) in the legend and starts its cell with '– '."""
    result = import_file(Capture(store, anonymiser), SEED, catalog)
    store.set_judgement(result.approach_id, "toeleiding.aanmeldpunt-bekend", author="t", mark=Mark.NOT_ESTABLISHED)
    out = tmp_path / "f.docx"
    export_factsheet(store, framework_of(store, catalog), "den helder", out, anonymiser=anonymiser)
    doc = docx.Document(str(out))
    assert any(p.text.endswith("of dat dit niet is vastgesteld (–).") for p in doc.paragraphs)
    cells = [cell_paragraphs(r.cells[2]) for t in doc.tables for r in t.rows[1:]]
    assert sum(c[0].startswith("– ") for c in cells) == 1


def _policy_approach(store, capture, finding: str):
    study = store.add_study("GGSR beleidsniveau 2013", "beleidsniveau")
    approach = store.add_approach(study.id, "Den Helder", "Aanpak Noord")
    store.add_respondent(approach.id, Role.MUNICIPALITY, "Gemeente Den Helder")
    store.add_respondent(approach.id, Role.NETWORK_PARTNER, "Partners in Jeugdbeleid", nominated=True)
    store.set_judgement(approach.id, "toeleiding.zelfde-omschrijving", author="t", mark=Mark.SATISFIED,
                        finding=capture.anonymise_approach_text(approach.id, finding))
    return approach


def test_public_names_and_dates_are_kept_at_policy_level(store, catalog, anonymiser, tmp_path):
    """Check 7: municipality, organisation names and dates of events pass capture and export unchanged."""
    capture = Capture(store, anonymiser)
    finding = ("De gemeente Den Helder heeft samen met Partners in Jeugdbeleid de aanpak in mei 2012 gestart; de "
               "evaluatie is besproken op 2 juli 2014.")
    approach = _policy_approach(store, capture, finding)
    assert store.get_judgement(approach.id, "toeleiding.zelfde-omschrijving").finding == finding
    out = tmp_path / "f.docx"
    export_factsheet(store, framework_of(store, catalog), "Den Helder", out, anonymiser=anonymiser)
    assert any(finding in " ".join(cell_paragraphs(r.cells[2])) for t in docx.Document(str(out)).tables
               for r in t.rows)


@pytest.mark.parametrize("planted, what", [
    ("Het BSN van de moeder is 123456782.", "BSN"),
    ("Bel de moeder op 06-12345678.", "telefoon"),
    ("Mail naar j.jansen@hotmail.com voor het verslag.", "e-mail"),
    ("Mevrouw Jansen van de Zonnebloemstraat vertelde dat het gezin niet meer wil meewerken.", "naam"),
])
def test_the_export_refuses_a_personal_identifier_or_a_private_name(store, catalog, anonymiser, tmp_path, planted,
                                                                      what):
    """Typed around the anonymiser (set directly in the store): the export refuses and writes nothing."""
    approach = _policy_approach(store, Capture(store, anonymiser), "De gemeente benoemde de doelgroep.")
    store.set_judgement(approach.id, "toeleiding.zicht-op-populatie", author="t", mark=Mark.IMPROVEMENT,
                        finding=planted)
    out = tmp_path / "f.docx"
    with pytest.raises(ExportRefused) as refused:
        export_factsheet(store, framework_of(store, catalog), "Den Helder", out, anonymiser=anonymiser)
    assert "De gemeente heeft zicht op de populatie GGSR" in str(refused.value)
    assert planted not in str(refused.value) and not out.exists()


def test_capture_at_policy_level_removes_a_private_person_and_a_phone_number(store, anonymiser):
    capture = Capture(store, anonymiser)
    approach = _policy_approach(store, capture, "")
    partner = store.respondents(approach.id)[1]
    quote = capture.save_quote(partner.id, "Partners in Jeugdbeleid meldt dat Piet de Vries van het gezin belde met "
                                           "06-12345678 op 3 maart 2013.")
    assert "Partners in Jeugdbeleid" in quote.text and "3 maart 2013" in quote.text
    assert "Piet" not in quote.text and "Vries" not in quote.text and "06-12345678" not in quote.text


def _write(tmp_path, data: dict) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _minimal(**extra) -> dict:
    return {"study": "S", "framework": "beleidsniveau", "approach": {"municipality": "Den Helder", "name": "A"},
            "respondents": [{"respondent": "gemeente"}], **extra}


def test_import_accepts_seed_marks_and_tolerant_indicator_texts(store, catalog, anonymiser, tmp_path):
    """Check 8 and §8.3: '✗ …' in the finding is an X, '-' a –; an indicator text may differ in case, spaces,
    punctuation and a parenthetical note."""
    data = _minimal(judgements=[
        {"indicator": "Gemeente en netwerkpartners zijn  het eens over wie GGSR zijn (toelichting)",
         "finding": "✗ Gemeente en netwerkpartners zijn niet eenduidig."},
        {"indicator": "de gemeente heeft zicht op de populatie ggsr.", "mark": "-"},
    ])
    del data["judgements"][0]  # the first text is not in the framework: used below for the near miss
    data["judgements"].insert(0, {"indicator": "ALLE netwerkpartners hanteren dezelfde omschrijving van GGSR (pilot)",
                                  "finding": "✗ Gemeente en netwerkpartners zijn niet eenduidig."})
    result = import_file(Capture(store, anonymiser), _write(tmp_path, data), catalog)
    assert result.warnings == ("de aanpak heeft 0 netwerkpartner(s); de methode gaat uit van drie",)
    judged = {j.indicator_id: j for j in store.list_judgements(result.approach_id)}
    assert judged["toeleiding.zelfde-omschrijving"].mark is Mark.IMPROVEMENT
    assert judged["toeleiding.zelfde-omschrijving"].finding == "Gemeente en netwerkpartners zijn niet eenduidig."
    assert judged["toeleiding.zicht-op-populatie"].mark is Mark.NOT_ESTABLISHED


def test_import_names_the_closest_indicator_of_a_near_miss(store, catalog, anonymiser, tmp_path):
    before = store.counts()
    data = _minimal(judgements=[{"indicator": "Alle netwerkpartners hanteren dezelfde omschrijving van GGZ",
                                 "mark": "✓"}])
    with pytest.raises(ImportFileError) as refused:
        import_file(Capture(store, anonymiser), _write(tmp_path, data), catalog)
    assert "judgements[0].indicator: onbekende indicator" in str(refused.value)
    assert "bedoelde u 'Alle netwerkpartners hanteren dezelfde omschrijving van GGSR'" in str(refused.value)
    assert store.counts() == before


@pytest.mark.parametrize("change, where", [
    ({"cases": []}, "cases: hoort bij een onderzoek op casusniveau"),
    ({"groups": [{"indicators": ["toeleiding.zelfde-omschrijving", "gezin-centraal.eigen-kracht"]}]},
     "groups[0].indicators[1]: indicator 'gezin-centraal.eigen-kracht' hoort bij een ander criterium"),
    ({"groups": [{"indicators": ["aanpak.beleid"]}]}, "groups[0].indicators: een rijgroep heeft minstens twee"),
    ({"respondents": [{"respondent": "gemeente"}, {"respondent": "netwerkpartner"}]},
     "respondents[1].name: ontbreekt"),
    ({"respondents": [{"respondent": "netwerkpartner", "name": "Bel 06-12345678"}]},
     "respondents[0].name: de naam bevat een persoonsgegeven"),
    ({"respondents": [{"respondent": "gezin"}]}, "respondents[0].respondent: ongeldige waarde 'gezin'"),
    ({"judgements": [{"indicator": "aanpak.beleid", "mark": "✓", "let_op": 3}]},
     "judgements[0].let_op: verwacht tekst"),
])
def test_a_bad_policy_file_is_refused_with_its_path_and_nothing_changes(store, catalog, anonymiser, tmp_path, change,
                                                                        where):
    before = store.counts()
    with pytest.raises(ImportFileError) as refused:
        import_file(Capture(store, anonymiser), _write(tmp_path, _minimal(**change)), catalog)
    assert where in str(refused.value)
    assert store.counts() == before and store.list_studies() == []


def test_a_case_level_file_may_not_carry_respondents(store, catalog, anonymiser, tmp_path):
    data = {"study": "S", "framework": "casusniveau", "approach": {"municipality": "W", "name": "A"}, "cases": [],
            "respondents": []}
    with pytest.raises(ImportFileError, match="respondents: hoort bij een onderzoek op beleidsniveau"):
        import_file(Capture(store, anonymiser), _write(tmp_path, data), catalog)


def test_cli_imports_and_exports_the_factsheet(tmp_path, capsys):
    db, out = tmp_path / "g.db", tmp_path / "f.docx"
    assert main(["import", "--db", str(db), str(SEED), "--json"]) == 0
    imported = json.loads(capsys.readouterr().out)
    assert imported["cases"] == 0 and imported["interviews"] == 6 and imported["judgements"] == 30
    assert imported["warnings"] == []  # three network partners, as the method has
    assert main(["export", "factsheet", "--db", str(db), "--municipality", "Den Helder", "--out", str(out),
                 "--json"]) == 0
    shape = json.loads(capsys.readouterr().out)
    assert shape["file"] == str(out) and shape["approaches"] == 1 and shape["tables"] == 5 and out.exists()
    assert main(["export", "factsheet", "--db", str(db), "--municipality", "Venlo", "--out", str(out)]) == 1
    assert "geen aanpak op beleidsniveau van de gemeente 'Venlo'; gemeenten met een aanpak op beleidsniveau: " \
           "Den Helder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["export", "factsheet", "--db", str(db), "--approach", "1", "--out", str(out)])
    assert usage.value.code == 2


def test_cli_demo_has_a_policy_approach_with_its_respondent_matrix(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db), "--json"]) == 0
    demo = json.loads(capsys.readouterr().out)
    assert main(["evidence", "--db", str(db), "--approach", str(demo["policy_approach_id"]), "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    respondents = {r["respondent"] for r in records}
    assert len(records) == 30 * len(respondents) and "Woonstede Wadlo" in respondents
    sharing = {r["agreement"] for r in records if r["indicator"] == "samenwerking.informatie-delen"}
    assert sharing == {"niet_eenduidig"}  # one partner says no, another yes
    assert {r["proposed_mark"] for r in records if r["indicator"] == "samenwerking.informatie-delen"} == {"X"}
    assert main(["evidence", "--db", str(db), "--approach", str(demo["policy_approach_id"]), "--csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("indicator,indicator_text,respondent,role,")
    out = tmp_path / "wadlo.docx"
    assert main(["export", "factsheet", "--db", str(db), "--municipality", "wadlo", "--out", str(out)]) == 0
    doc = docx.Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert "Aanpak: Samen Sterk Wadlo" in texts and "Woonstede Wadlo" in texts
    assert any(t.endswith("(Alles in deze demo is verzonnen.)") for t in texts)  # the Beschrijving

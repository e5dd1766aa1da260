"""The evidence matrix, its flags, the drafted finding, judging with history and undo, report sections and the
`evidence` command: through the real store, capture and anonymiser."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest

from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.cli import main
from ggsr_desktop.evidence.findings import cases_phrase, propose
from ggsr_desktop.evidence.matrix import (
    CONTRADICTION,
    NO_EVIDENCE,
    ONE_SOURCE,
    SOURCES,
    Cell,
    evidence_matrix,
    judging_progress,
    matrix_records,
)
from ggsr_desktop.exchange.demo import write_demo
from ggsr_desktop.models import Mark
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.ops.judging import JudgementActions
from ggsr_desktop.store import Store

MOTHER = "Wilhelmina Kanarievogel"


@pytest.fixture
def approach(store, anonymiser):
    """Three cases, each with all six interviews; the mother of Gezin A is known."""
    study = store.add_study("S", "casusniveau")
    approach = store.add_approach(study.id, "Wadlo", "Sterk Thuis", "procesmanager")
    capture = Capture(store, anonymiser)
    interviews = {}
    for code in ("Gezin A", "Gezin B", "Gezin C"):
        case = store.add_case(approach.id, code)
        interviews[code] = {role: store.add_interview(case.id, role, "GGZ" if role == "professional" else None).id
                            for role in ("gezin", "regisseur", "professional", "document")}
    capture.add_person(store.list_cases(approach.id)[0].id, Person("moeder", MOTHER))
    return approach, capture, interviews


def _cell(sources: dict, stances: dict, code="Gezin A") -> Cell:
    return Cell("x", 1, code, {s: sources.get(s, 0) for s in SOURCES},
                {s: stances.get(s, 0) for s in ("positief", "negatief", "neutraal")})


def test_matrix_counts_equal_the_stored_codings(store, case_framework, approach):
    ap, capture, interviews = approach
    rng = random.Random(7)
    ids = [i.id for i in case_framework.indicators]
    for _code, roles in interviews.items():
        for _role, interview_id in roles.items():
            for n in range(rng.randint(0, 12)):
                chosen = rng.sample(ids, rng.randint(0, 3))
                store.add_quote(interview_id, f"Citaat {n}", "citaat",
                                {i: rng.choice(["positief", "negatief", "neutraal"]) for i in chosen})
    matrix = evidence_matrix(store, case_framework, ap.id)
    expected: dict = {}
    for case in store.list_cases(ap.id):
        for iv in store.list_interviews(case.id):
            for quote in store.list_quotes(iv.id):
                for coding in quote.codings:
                    e = expected.setdefault((coding.indicator_id, case.id), {"sources": {}, "stances": {}})
                    e["sources"][iv.role.value] = e["sources"].get(iv.role.value, 0) + 1
                    e["stances"][coding.stance.value] = e["stances"].get(coding.stance.value, 0) + 1
    assert len(matrix.cells) == 33 * 3
    for (indicator, case_id), cell in matrix.cells.items():
        e = expected.get((indicator, case_id), {"sources": {}, "stances": {}})
        assert {k: v for k, v in cell.sources.items() if v} == e["sources"]
        assert {k: v for k, v in cell.stances.items() if v} == e["stances"]
    assert sum(c.total for c in matrix.cells.values()) == sum(
        len(q.codings) for iv in interviews.values() for i in iv.values() for q in store.list_quotes(i))


def test_flags_on_constructed_cases(store, case_framework, approach):
    ap, _capture, iv = approach
    a, b, c = (i.id for i in case_framework.indicators[:3])
    store.add_quote(iv["Gezin A"]["gezin"], "Alleen het gezin zegt dit.", "citaat", {a: "positief"})
    store.add_quote(iv["Gezin B"]["gezin"], "Het gezin is positief.", "citaat", {a: "positief"})
    store.add_quote(iv["Gezin B"]["regisseur"], "De regisseur is negatief.", "citaat", {a: "negatief"})
    store.add_quote(iv["Gezin C"]["professional"], "Twee bronnen.", "citaat", {b: "positief"})
    store.add_quote(iv["Gezin C"]["document"], "Het plan bevestigt het.", "observatie", {b: "neutraal"})
    matrix = evidence_matrix(store, case_framework, ap.id)
    cases = {case.code: case.id for case in store.list_cases(ap.id)}
    assert matrix.cell(a, cases["Gezin A"]).flags == [ONE_SOURCE]
    assert matrix.cell(a, cases["Gezin B"]).flags == [CONTRADICTION]
    assert matrix.cell(a, cases["Gezin C"]).flags == [NO_EVIDENCE]
    assert matrix.cell(b, cases["Gezin C"]).flags == []
    assert matrix.cell(b, cases["Gezin C"]).strength == "strong"
    assert matrix.cell(a, cases["Gezin A"]).strength == "weak"
    assert matrix.cell(a, cases["Gezin B"]).strength == "contradicting"
    assert matrix.cell(c, cases["Gezin A"]).strength == "missing"
    assert c in matrix.without_evidence() and a not in matrix.without_evidence()


@pytest.mark.parametrize("k, n, phrase", [
    (0, 3, "Bij geen van de onderzochte gezinnen"),
    (1, 3, "In één van de drie casussen"),
    (2, 3, "In twee van de drie casussen"),
    (3, 3, "In alle drie de casussen"),
    (1, 1, "In de onderzochte casus"),
    (2, 2, "In beide casussen"),
    (1, 2, "In één van de twee casussen"),
    (3, 4, "In drie van de vier casussen"),
    (4, 4, "In alle vier de casussen"),
    (13, 14, "In 13 van de 14 casussen"),
])
def test_case_counts_in_dutch_words(k, n, phrase):
    assert cases_phrase(k, n) == phrase


def test_the_proposal_counts_cases_and_proposes_a_mark():
    pos = _cell({"gezin": 1, "regisseur": 1}, {"positief": 2})
    neg = _cell({"professional": 2}, {"negatief": 2})
    none = _cell({}, {})
    both = _cell({"gezin": 1, "regisseur": 1}, {"positief": 1, "negatief": 1})
    p = propose([pos, pos, pos])
    assert p.mark is Mark.SATISFIED
    assert p.text == "In alle drie de casussen wijst het bewijs erop dat hieraan wordt voldaan."
    p = propose([pos, pos, neg], "procesmanager")
    assert p.mark is Mark.SATISFIED
    assert p.text.startswith("In twee van de drie casussen wijst het bewijs erop dat hieraan wordt voldaan. In één van "
                             "de drie casussen wijst het bewijs op een tekortkoming.")
    assert "berust dit op één bron (de professionals)" in p.text
    p = propose([pos, neg, neg])
    assert p.mark is Mark.IMPROVEMENT and "In twee van de drie casussen wijst het bewijs op een tekortkoming." in p.text
    p = propose([none, none, none])
    assert p.mark is Mark.NOT_ESTABLISHED
    assert p.text == "Bij geen van de onderzochte gezinnen is hierover informatie gevonden."
    p = propose([pos, none, none])
    assert p.mark is Mark.SATISFIED and "In twee van de drie casussen is hierover geen informatie gevonden." in p.text
    p = propose([both, none, pos])
    assert "In één van de drie casussen spreken de bronnen elkaar tegen." in p.text
    assert "geeft het bewijs geen eenduidig beeld" in p.text
    assert propose([pos, pos]).text.startswith("In beide casussen")
    assert propose([neg]).text.startswith("In de onderzochte casus wijst het bewijs op een tekortkoming.")
    assert propose([pos, neg, pos, neg]).mark is Mark.IMPROVEMENT  # as many against as for: an improvement point
    assert propose([]).mark is Mark.NOT_ESTABLISHED


def test_judging_keeps_history_anonymises_and_undoes(store, case_framework, approach, db_path):
    ap, capture, _iv = approach
    ind = case_framework.indicators[4].id
    judging = JudgementActions(capture, ap.id, "Inspecteur De Vries")
    judging.set_mark(ind, "verbeterpunt")
    j = judging.set_finding(ind, f"{MOTHER} gaf aan dat het plan niet met haar is besproken.")
    assert j.finding == "[moeder] gaf aan dat het plan niet met haar is besproken."
    judging.set_highlight(ind, "rood")
    history = store.judgement_history(ap.id, ind)
    assert [(h.author, h.new) for h in history] == [
        ("Inspecteur De Vries", {"mark": "verbeterpunt"}),
        ("Inspecteur De Vries", {"finding": "[moeder] gaf aan dat het plan niet met haar is besproken."}),
        ("Inspecteur De Vries", {"highlight": "rood"})]
    assert history[0].old == {"mark": None}
    assert judging.stack.undo() == "markering wijzigen"
    assert store.get_judgement(ap.id, ind).highlight.value == "geen"
    judging.stack.undo()
    judging.stack.undo()
    j = store.get_judgement(ap.id, ind)
    assert j.mark is None and j.finding == ""
    judging.stack.redo()
    assert store.get_judgement(ap.id, ind).mark is Mark.IMPROVEMENT
    assert len(store.judgement_history(ap.id, ind)) == 7  # the undos and the redo are changes too
    judging.set_mark(ind, "verbeterpunt")  # no change: no history, no undo step
    assert len(store.judgement_history(ap.id, ind)) == 7
    store.close()
    data = b"".join(Path(f"{db_path}{s}").read_bytes() for s in ("", "-wal") if Path(f"{db_path}{s}").exists())
    assert b"Wilhelmina" not in data and b"Kanarievogel" not in data


def test_no_author_no_judgement(store, case_framework, approach):
    ap, capture, _iv = approach
    judging = JudgementActions(capture, ap.id, "  ")
    with pytest.raises(Exception, match="naam"):
        judging.set_mark(case_framework.indicators[0].id, "voldoet")
    assert store.list_judgements(ap.id) == []


def test_illustrative_quotes_and_proposal(store, case_framework, approach):
    ap, capture, iv = approach
    ind = case_framework.indicators[0].id
    q1 = store.add_quote(iv["Gezin A"]["gezin"], "Goed geholpen.", "citaat", {ind: "positief"})
    q2 = store.add_quote(iv["Gezin B"]["regisseur"], "Ook goed.", "citaat", {ind: "positief"})
    judging = JudgementActions(capture, ap.id, "Inspecteur")
    judging.toggle_quote(ind, q1.id)
    judging.toggle_quote(ind, q2.id)
    assert store.get_judgement(ap.id, ind).quote_ids == (q1.id, q2.id)
    judging.toggle_quote(ind, q1.id)
    assert store.get_judgement(ap.id, ind).quote_ids == (q2.id,)
    matrix = evidence_matrix(store, case_framework, ap.id)
    judging.apply_proposal(ind, propose(matrix.row(ind)))
    j = store.get_judgement(ap.id, ind)
    assert j.mark is Mark.SATISFIED and j.finding.startswith("In twee van de drie casussen")
    judging.stack.undo()
    assert store.get_judgement(ap.id, ind).mark is None


def test_sections_group_highlighted_indicators_with_undo(store, case_framework, approach):
    ap, capture, _iv = approach
    network = [i.id for i in case_framework.indicators if "netwerk" in i.text][:3]
    judging = JudgementActions(capture, ap.id, "Inspecteur")
    for ind in network:
        judging.set_highlight(ind, "rood")
    green = judging.add_section("groen", "Vasthoudende aanpak")
    red = judging.add_section("rood", "Beperkte aandacht voor het sociale netwerk binnen de aanpak", network[:2],
                              intro=f"Volgens {MOTHER} is niemand naar de familie gevraagd.")
    assert red.intro == "Volgens [moeder] is niemand naar de familie gevraagd."
    assert [s.title for s in store.list_sections(ap.id)] == ["Vasthoudende aanpak", red.title]
    progress = judging_progress(store, case_framework, ap.id)
    assert progress.highlighted_outside_sections == [network[2]]
    assert set(progress.sections_without_conclusion) == {green.title, red.title}
    judging.move_to_section(network[2], red.id)
    assert store.get_section(red.id).indicator_ids == tuple(network)
    judging.update_section(red.id, conclusion="Het netwerk krijgt te weinig aandacht.")
    progress = judging_progress(store, case_framework, ap.id)
    assert progress.highlighted_outside_sections == [] and progress.sections_without_conclusion == [green.title]
    judging.delete_section(red.id)
    assert [s.id for s in store.list_sections(ap.id)] == [green.id]
    judging.stack.undo()  # the deleted section comes back whole, with its id
    back = store.get_section(red.id)
    assert back.conclusion == "Het netwerk krijgt te weinig aandacht." and back.indicator_ids == tuple(network)
    judging.stack.undo()
    judging.stack.undo()
    assert store.get_section(red.id).indicator_ids == tuple(network[:2]) and store.get_section(red.id).conclusion == ""
    with pytest.raises(Exception, match="groen of rood"):
        judging.add_section("geen", "X")


def test_chapter_texts_are_anonymised_and_undoable(store, approach):
    ap, capture, _iv = approach
    judging = JudgementActions(capture, ap.id, "Inspecteur")
    judging.set_description("working_method", f"De procesmanager belt {MOTHER} elke week.")
    assert store.get_approach(ap.id).description["working_method"] == "De procesmanager belt [moeder] elke week."
    judging.set_text("conclusion", "De aanpak werkt voor de meeste gezinnen.")
    judging.set_recommendations([("Betrek het netwerk", "Vraag bij de start naar familie."), ("", "")])
    assert [(r.lead, r.text) for r in store.list_recommendations(ap.id)] == [
        ("Betrek het netwerk", "Vraag bij de start naar familie.")]
    assert store.get_approach_texts(ap.id)["conclusion"] == "De aanpak werkt voor de meeste gezinnen."
    for _ in range(3):
        judging.stack.undo()
    assert store.list_recommendations(ap.id) == [] and store.get_approach_texts(ap.id)["conclusion"] == ""
    assert store.get_approach(ap.id).description["working_method"] == ""


def test_find_quotes_filters_and_searches(store, case_framework, approach):
    ap, _capture, iv = approach
    a, b = (i.id for i in case_framework.indicators[:2])
    q1 = store.add_quote(iv["Gezin A"]["gezin"], "De schuldhulpverlening kwam snel.", "citaat", {a: "positief"})
    q2 = store.add_quote(iv["Gezin A"]["regisseur"], "Schulden bleven lang liggen.", "parafrase", {a: "negatief"})
    q3 = store.add_quote(iv["Gezin B"]["document"], "Plan met doelen over schulden.", "observatie", {b: "neutraal"})
    ids = lambda quotes: [q.id for q in quotes]  # noqa: E731
    assert ids(store.find_quotes(ap.id)) == [q1.id, q2.id, q3.id]
    assert set(ids(store.find_quotes(ap.id, text="schuld"))) == {q1.id, q2.id, q3.id}  # best first: a set
    assert set(ids(store.find_quotes(ap.id, text="schulden", roles=["regisseur", "document"]))) == {q2.id, q3.id}
    assert ids(store.find_quotes(ap.id, text="snel schuld")) == [q1.id]
    assert ids(store.find_quotes(ap.id, indicator_id=a, stances=["negatief"])) == [q2.id]
    assert ids(store.find_quotes(ap.id, kinds=["observatie"])) == [q3.id]
    case_a = store.list_cases(ap.id)[0].id
    assert ids(store.find_quotes(ap.id, indicator_id=a, case_id=case_a)) == [q1.id, q2.id]
    assert store.count_quotes(ap.id, indicator_id=a) == 2 and store.count_quotes(ap.id, text="!!!") == 0
    assert ids(store.find_quotes(ap.id, limit=1, offset=1)) == [q2.id]


# ---- the command --------------------------------------------------------------------------------------------

@pytest.fixture
def demo_db(tmp_path, catalog):
    db = tmp_path / "demo.sqlite"
    write_demo(db, catalog)
    return db


def test_evidence_command_json_and_csv(demo_db, capsys, catalog):
    assert main(["evidence", "--db", str(demo_db), "--approach", "1", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    framework = catalog.get("casusniveau")
    with Store.open(demo_db) as store:
        cases = [c.code for c in store.list_cases(1)]
        assert records == matrix_records(store, framework, 1)
        judgements = {j.indicator_id: j for j in store.list_judgements(1)}
    assert len(records) == 33 * len(cases)
    assert [(r["indicator"], r["case"]) for r in records] == [(i.id, c) for i in framework.indicators for c in cases]
    for r in records:
        assert set(r) == {"indicator", "indicator_text", "case", "sources", "stances", "flags", "mark"}
        assert set(r["sources"]) == {"gezin", "regisseur", "professional", "document"}
        assert set(r["stances"]) == {"positief", "negatief", "neutraal"}
        assert sum(r["sources"].values()) == sum(r["stances"].values())
        assert set(r["flags"]) <= {"geen_bewijs", "een_bron", "tegenstrijdig"}
        j = judgements.get(r["indicator"])
        assert r["mark"] == (j.mark.symbol if j and j.mark else None)
    assert main(["evidence", "--db", str(demo_db), "--approach", "1", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(records)
    first = records[0]
    assert rows[0]["indicator"] == first["indicator"] and rows[0]["sources_gezin"] == str(first["sources"]["gezin"])
    assert rows[0]["flags"] == ";".join(first["flags"]) and rows[0]["mark"] == (first["mark"] or "")


def test_evidence_command_errors(demo_db, capsys):
    assert main(["evidence", "--db", str(demo_db), "--approach", "99"]) == 1
    assert "aanpak 99 bestaat niet" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["evidence", "--db", str(demo_db), "--approach", "1", "--json", "--csv"])
    assert usage.value.code == 2
    with pytest.raises(SystemExit) as usage:
        main(["evidence", "--db", str(demo_db)])
    assert usage.value.code == 2
    assert main(["evidence", "--db", str(demo_db), "--approach", "1"]) == 0
    out = capsys.readouterr().out
    assert "Gezin A" in out and "toeleiding.definitie-ggsr" in out


def test_empty_cells_are_listed_too(store, case_framework, approach, capsys, db_path):
    ap, _capture, _iv = approach
    records = matrix_records(store, case_framework, ap.id)
    assert len(records) == 99 and all(r["flags"] == ["geen_bewijs"] and r["mark"] is None for r in records)


def test_typing_saves_merge_into_one_undo_step_until_sealed(store, case_framework, approach):
    ap, capture, _iv = approach
    ind = case_framework.indicators[2].id
    judging = JudgementActions(capture, ap.id, "Inspecteur")
    for text in ("In twee", "In twee van de drie", "In twee van de drie casussen."):  # saves while typing
        judging.set_finding(ind, text)
    judging.stack.seal()  # the inspector left the field
    judging.set_finding(ind, "In twee van de drie casussen. Aanvulling.")
    judging.stack.undo()
    assert store.get_judgement(ap.id, ind).finding == "In twee van de drie casussen."
    judging.stack.undo()
    assert store.get_judgement(ap.id, ind).finding == ""
    judging.stack.redo()
    assert store.get_judgement(ap.id, ind).finding == "In twee van de drie casussen."
    judging.set_mark(ind, "voldoet")  # another kind of step never merges with the finding
    judging.set_finding(ind, "Anders.")
    judging.stack.undo()
    assert store.get_judgement(ap.id, ind).mark is Mark.SATISFIED

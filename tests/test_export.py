"""The Nota van Bevindingen and the evidence document as .docx, read back with python-docx: structure in the order
of seed 001, the TOC field, the appendix tables with marks and shading, role-prefixed quotes, the counts in 1.3,
core properties, a house-style template (.docx and .dotx), the audit refusal, drafted quotes with comments, the
CLI, and arbitrary pasted text."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import RGBColor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ggsr_desktop.anonymise.register import Person
from ggsr_desktop.cli import main
from ggsr_desktop.exchange.demo import write_demo
from ggsr_desktop.models import Highlight
from ggsr_desktop.ops.capture import Capture
from ggsr_desktop.report import ExportRefused, export_evidence, export_nota
from ggsr_desktop.report.docx_base import DOCUMENT_TYPE, TEMPLATE_TYPE, clean
from ggsr_desktop.store import Store

MOTHER = "Wilhelmina Kanarievogel"
CHAPTERS = ["Voorwoord", "Inleiding", "Typering van Eén Gezin Eén Plan Wadlo", "Wat gaat goed?", "Wat kan beter?",
            "Algemene conclusie en aanbevelingen",
            "Bijlage 1: Beoordeling indicatoren toetsingskader verantwoorde zorg en ondersteuning GGSR"]


@pytest.fixture
def demo(tmp_path, catalog):
    db = tmp_path / "demo.sqlite"
    write_demo(db, catalog)
    store = Store.open(db)
    yield store
    store.close()


@pytest.fixture
def framework(catalog):
    return catalog.get("casusniveau")


def _export(store, framework, tmp_path, name="nota.docx", **kw):
    path = tmp_path / name
    export_nota(store, framework, 1, path, author="Inspecteur De Vries", **kw)
    return docx.Document(str(path)), path


def _headings(document, levels=("Heading 1",)):
    return [p.text for p in document.paragraphs if p.style.name in levels]


def test_chapters_and_sections_in_the_order_of_the_model(demo, framework, tmp_path):
    document, _ = _export(demo, framework, tmp_path)
    assert _headings(document) == CHAPTERS
    sections = demo.list_sections(1)
    green = [s.title for s in sections if s.highlight is Highlight.GREEN]
    red = [s.title for s in sections if s.highlight is Highlight.RED]
    level2 = _headings(document, ("Heading 1", "Heading 2"))
    chapter3 = level2[level2.index("Wat gaat goed?") + 1: level2.index("Wat kan beter?")]
    chapter4 = level2[level2.index("Wat kan beter?") + 1: level2.index("Algemene conclusie en aanbevelingen")]
    assert chapter3 == green and chapter4 == red
    assert level2[level2.index("Inleiding") + 1: level2.index("Inleiding") + 6] == [
        "Gezinnen met geringe sociale redzaamheid", "Eén Gezin Eén Plan Wadlo", "Toezichtonderzoek STJ", "Leeswijzer",
        "Verantwoording en vervolg"]
    assert _headings(document, ("Heading 4",)) == ["Conclusie"] * len(sections)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Samenwerkend Toezicht Jeugd"
    assert "Nota van Bevindingen Wadlo Eén Gezin Eén Plan Wadlo" in texts
    assert any(t.startswith("Toezichtonderzoek op casusniveau naar de verantwoorde zorg") for t in texts)
    assert any(t.startswith("Utrecht, ") and t.split()[-2] in ("januari", "februari", "maart", "april", "mei", "juni",
                                                              "juli", "augustus", "september", "oktober", "november",
                                                              "december") for t in texts)
    assert "Inspectie van het Onderwijs" in texts
    assert "Zie voor de gehanteerde criteria en normen het thema 'De aanpak' en 'Samenwerking' in het toetsingskader." \
        in texts
    for section in sections:  # intro and conclusion as written
        assert section.intro in texts and section.conclusion in texts


def test_headings_are_numbered_by_word_and_the_extra_ones_are_not(demo, framework, tmp_path):
    document, _ = _export(demo, framework, tmp_path)
    style = document.styles["Heading 1"].element
    num = style.find(qn("w:pPr")).find(qn("w:numPr"))
    assert num is not None and num.find(qn("w:numId")).get(qn("w:val")) != "0"
    for p in document.paragraphs:
        if p.text in ("Voorwoord", CHAPTERS[-1], "Conclusie"):
            pr = p._p.pPr.find(qn("w:numPr"))
            assert pr is not None and pr.find(qn("w:numId")).get(qn("w:val")) == "0", p.text


def test_table_of_contents_field(demo, framework, tmp_path):
    document, path = _export(demo, framework, tmp_path)
    instructions = [t.text for t in document.element.body.iter(qn("w:instrText"))]
    assert any('TOC \\o "1-3" \\h \\z \\u' in i for i in instructions)
    assert document.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    assert any("werk de inhoudsopgave bij" in p.text for p in document.paragraphs)  # until the viewer updates it
    footer = document.sections[0].footer._element
    assert any("PAGE" in t.text for t in footer.iter(qn("w:instrText")))


def test_appendix_has_five_tables_with_every_indicator_its_mark_and_shading(demo, framework, tmp_path):
    document, _ = _export(demo, framework, tmp_path)
    figure, *appendix = document.tables
    assert [c.text for c in figure.rows[0].cells] == ["Thema", "Criteria casusniveau"]
    assert [r.cells[0].text for r in figure.rows[1:]] == [t.name for t in framework.themes]
    assert len(appendix) == 5
    judgements = {j.indicator_id: j for j in demo.list_judgements(1)}
    by_text = {" ".join(i.text.split()): i.id for i in framework.indicators}
    rows = []
    for table in appendix:
        header = table.rows[0]
        assert [c.text for c in header.cells] == ["Criteria", "Indicatoren", "Bevindingen"]
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
        rows += table.rows[1:]
    assert len(rows) == 33
    for row in rows:
        indicator = by_text[row.cells[1].text]
        j = judgements[indicator]
        assert row.cells[2].text.startswith(j.mark.symbol + " ") and j.finding.split()[0] in row.cells[2].text
        fills = {shd.get(qn("w:fill")) for cell in row.cells[1:] for shd in cell._tc.iter(qn("w:shd"))}
        expected = {Highlight.GREEN: {"C6EFCE"}, Highlight.RED: {"FFC7CE"}, Highlight.NONE: set()}[j.highlight]
        assert fills == expected, indicator
    first = appendix[1]  # Gezin centraal: the criterion once per group (merged cells)
    criteria = [row.cells[0]._tc for row in first.rows[1:]]
    assert len({id(tc) for tc in criteria}) < len(criteria) or any(
        tc.tcPr is not None and tc.tcPr.find(qn("w:vMerge")) is not None for tc in criteria)


def test_quotes_carry_the_role_of_their_speaker(demo, framework, tmp_path):
    document, _ = _export(demo, framework, tmp_path)
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    selected = {q for j in demo.list_judgements(1) for q in j.quote_ids}
    assert quotes and {q.split(":")[0] for q in quotes} <= {"Gezin", "Gezinscoach", "Professional", "Gezinsplan"}
    assert {"Gezin", "Gezinscoach", "Professional"} <= {q.split(":")[0] for q in quotes}
    texts = {demo.get_quote(q).text for q in selected}
    assert all(q.split(": ", 1)[1] in texts for q in quotes)


def test_inspected_counts_and_core_properties(demo, framework, tmp_path):
    document, _ = _export(demo, framework, tmp_path)
    account = next(p.text for p in document.paragraphs if "STJ-inspecteurs gesproken" in p.text)
    assert "selectie gemaakt van drie gezinnen" in account
    assert ("gesproken met het gezin, de betrokken gezinscoach en per gezin met drie betrokken professionals."
            in account)
    assert "Ook is het gezinsplan beoordeeld." in account
    props = document.core_properties
    assert props.title == "Nota van Bevindingen Wadlo Eén Gezin Eén Plan Wadlo"
    assert props.author == "Inspecteur De Vries" and props.language == "nl-NL"
    assert props.subject.startswith("Toezichtonderzoek op casusniveau") and props.created is not None
    lang = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")) \
        .find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "nl-NL"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.header.paragraphs[0].text == props.title


def test_a_missing_plan_and_fewer_professionals_are_counted(demo, framework, tmp_path):
    case = demo.list_cases(1)[2]
    for iv in demo.list_interviews(case.id):
        if iv.role.value == "document" or (iv.role.value == "professional" and iv.organisation_type != "GGZ"):
            demo.delete_interview(iv.id)
    document, _ = _export(demo, framework, tmp_path)
    account = next(p.text for p in document.paragraphs if "STJ-inspecteurs gesproken" in p.text)
    professionals = sorted(sum(1 for iv in demo.list_interviews(c.id) if iv.role.value == "professional")
                           for c in demo.list_cases(1))
    words = {1: "één", 2: "twee", 3: "drie"}
    assert f"per gezin met {words[professionals[0]]} tot {words[professionals[-1]]} betrokken professionals" in account
    assert "maar dit plan was niet in alle gevallen aanwezig" in account


def _template(tmp_path) -> Path:
    template = docx.Document()
    template.styles["Heading 1"].font.name = "Georgia"
    template.styles["Heading 1"].font.color.rgb = RGBColor(0x8B, 0x00, 0x00)
    template.styles["Normal"].font.name = "Verdana"
    template.add_paragraph("Deze tekst van het sjabloon hoort niet in de nota.")
    path = tmp_path / "huisstijl.docx"
    template.save(path)
    return path


def test_a_house_style_template_gives_its_styles(demo, framework, tmp_path):
    template = _template(tmp_path)
    document, _ = _export(demo, framework, tmp_path, template=template)
    assert document.styles["Heading 1"].font.name == "Georgia"
    assert document.styles["Heading 1"].font.color.rgb == RGBColor(0x8B, 0x00, 0x00)
    assert document.styles["Normal"].font.name == "Verdana"  # the template's choice is kept
    assert all("hoort niet in de nota" not in p.text for p in document.paragraphs)
    assert _headings(document) == CHAPTERS
    dotx = tmp_path / "huisstijl.dotx"  # the same as a Word template: accepted by rewriting its content type
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(dotx, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                assert DOCUMENT_TYPE.encode() in data
                data = data.replace(DOCUMENT_TYPE.encode(), TEMPLATE_TYPE.encode())
            dst.writestr(item, data)
    document, _ = _export(demo, framework, tmp_path, "uit-dotx.docx", template=dotx)
    assert document.styles["Heading 1"].font.name == "Georgia" and _headings(document) == CHAPTERS
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"geen zip")
    with pytest.raises(Exception, match="kapot.docx is geen bruikbaar Word-bestand"):
        _export(demo, framework, tmp_path, "x.docx", template=broken)
    assert not (tmp_path / "x.docx").exists()


def test_the_export_refuses_a_known_name_or_an_identifier_and_writes_nothing(demo, framework, tmp_path, anonymiser):
    case = demo.list_cases(1)[0]
    Capture(demo, anonymiser).add_person(case.id, Person("moeder", MOTHER))
    chosen = next(q for j in demo.list_judgements(1) for q in j.quote_ids)
    quote = demo.get_quote(chosen)
    demo.update_quote(chosen, text=quote.text + " Dat zei Wilhelmina zelf.")  # as a wrong put-back could leave it
    with pytest.raises(ExportRefused, match=f"citaat {chosen} ") as refused:
        _export(demo, framework, tmp_path)
    assert "Wilhelmina" not in str(refused.value) and not (tmp_path / "nota.docx").exists()
    demo.update_quote(chosen, text=quote.text)
    ind = demo.list_judgements(1)[0].indicator_id
    demo.set_judgement(1, ind, author="t", finding="Bel de moeder op 06-12345678.")
    with pytest.raises(ExportRefused, match="telefoonnummer"):
        _export(demo, framework, tmp_path)
    assert list(tmp_path.glob("*.docx")) == []  # no half-written file either


def test_without_selection_quotes_are_drafted_with_a_comment(demo, framework, tmp_path):
    for j in demo.list_judgements(1):
        demo.set_judgement(1, j.indicator_id, author="t", quote_ids=[])
    document, path = _export(demo, framework, tmp_path)
    with zipfile.ZipFile(path) as z:
        comments = z.read("word/comments.xml").decode()
    count = comments.count("automatisch gekozen — controleer")
    quotes = [p for p in document.paragraphs if p.style.name == "Quote"]
    assert count == len(quotes) > 0
    network = next(s for s in demo.list_sections(1) if "netwerk" in s.title)
    fitting = [q for ind in network.indicator_ids for q in demo.find_quotes(1, indicator_id=ind, stances=["negatief"])]
    assert fitting and any(q.text in "\n".join(p.text for p in quotes) for q in fitting)


def test_without_sections_the_highlighted_indicators_are_grouped_by_criterion(demo, framework, tmp_path):
    for s in demo.list_sections(1):
        demo.delete_section(s.id)
    document, _ = _export(demo, framework, tmp_path)
    level2 = _headings(document, ("Heading 1", "Heading 2"))
    chapter4 = level2[level2.index("Wat kan beter?") + 1: level2.index("Algemene conclusie en aanbevelingen")]
    red = [j.indicator_id for j in demo.list_judgements(1) if j.highlight is Highlight.RED]
    criteria = [" ".join(c.text.split()) for c in framework.criteria if any(i.id in red for i in c.indicators)]
    assert chapter4 == criteria
    assert any("Nog te schrijven" in p.text for p in document.paragraphs)


def test_evidence_document_lists_every_indicator_with_its_quotes(demo, framework, tmp_path):
    export_evidence(demo, framework, 1, tmp_path / "bewijs.docx")
    document = docx.Document(str(tmp_path / "bewijs.docx"))
    assert _headings(document, ("Heading 2",)) == [" ".join(i.text.split()) for i in framework.indicators]
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    coded = [(q, c) for q in demo.find_quotes(1, limit=10_000) for c in q.codings]
    assert len(quotes) == len(coded)


def test_cli_export_nota_and_evidence(tmp_path, catalog, capsys):
    db = tmp_path / "demo.sqlite"
    write_demo(db, catalog)
    out = tmp_path / "nota.docx"
    assert main(["export", "nota", "--db", str(db), "--approach", "1", "--out", str(out), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["file"] == str(out) and result["tables"] == 6 and out.is_file()
    template = _template(tmp_path)
    assert main(["export", "nota", "--db", str(db), "--approach", "1", "--out", str(tmp_path / "h.docx"),
                 "--template", str(template)]) == 0
    assert docx.Document(str(tmp_path / "h.docx")).styles["Heading 1"].font.name == "Georgia"
    assert main(["export", "evidence", "--db", str(db), "--approach", "1", "--out", str(tmp_path / "b.docx")]) == 0
    assert main(["export", "nota", "--db", str(db), "--approach", "9", "--out", str(tmp_path / "n.docx")]) == 1
    assert "aanpak 9 bestaat niet" in capsys.readouterr().err
    assert main(["export", "nota", "--db", str(db), "--approach", "1", "--out", str(tmp_path / "n.pdf")]) == 1
    with pytest.raises(SystemExit) as usage:
        main(["export", "nota", "--db", str(db), "--out", str(tmp_path / "n.docx")])
    assert usage.value.code == 2


# ---- text pasted from anywhere ------------------------------------------------------------------------------

PASTED = st.text(alphabet=st.one_of(st.characters(blacklist_categories=("Cs", "Nd")),
                                    st.sampled_from(["\x00", "\x0b", "\x0c", "\x1f", "\r", "\n", "\t", "\ufffe"])),
                 min_size=1, max_size=200).filter(lambda t: t.strip() and "@" not in t)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(PASTED, min_size=1, max_size=4))
def test_arbitrary_quotes_export_and_reopen(tmp_path_factory, catalog, texts):
    tmp = tmp_path_factory.mktemp("prop")
    framework = catalog.get("casusniveau")
    with Store.create(tmp / "p.sqlite") as store:
        study = store.add_study("S", "casusniveau")
        approach = store.add_approach(study.id, "Wadlo", "Aanpak")
        interview = store.add_interview(store.add_case(approach.id, "Gezin A").id, "gezin")
        indicator = framework.indicators[0].id
        ids = [store.add_quote(interview.id, t, "citaat", {indicator: "positief"}).id for t in texts]
        store.set_judgement(approach.id, indicator, author="t", mark="voldoet", highlight="groen", quote_ids=ids,
                            finding=texts[0])
        store.add_section(approach.id, "groen", texts[0].strip() or "x", texts[-1], texts[0], [indicator])
        try:
            export_nota(store, framework, approach.id, tmp / "p.docx")
        except ExportRefused:
            return  # random text may look like an identifier: refusing is correct then
        document = docx.Document(str(tmp / "p.docx"))
        written = "\n".join(p.text for p in document.paragraphs)
        for text in texts:  # whitespace is folded as the report does; what Word cannot hold is gone
            assert " ".join(clean(" ".join(text.split())).split()) in " ".join(written.split())


@given(st.text(alphabet=st.characters(), max_size=100))
def test_clean_makes_any_text_writable(text):
    document = docx.Document()
    document.add_paragraph(clean(text))  # python-docx raises on what Word cannot hold
    assert "\x0b" not in clean(text) and "\x00" not in clean(text)

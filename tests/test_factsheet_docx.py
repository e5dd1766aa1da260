"""The policy-level factsheet 'Uitkomsten toezichtonderzoek {gemeente}' as .docx (spec round2 §2.3, §2.5, §10.4),
built from a hand-made Factsheet and read back with python-docx: headings and their order, the verbatim sentences,
the partner bullets, the theme bullets, the tables (header row repeated, criterion merged once, row groups with one
paragraph per indicator and per finding, symbols, LET OP in the same paragraph), the legend with and without (–),
the partner-nomination variants and the core properties."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ggsr_desktop.models import Mark
from ggsr_desktop.report.docx_base import new_document
from ggsr_desktop.report.factsheet_content import (
    ApproachPart,
    CriterionRows,
    Factsheet,
    Finding,
    Partner,
    Row,
    ThemeBullet,
    ThemeTable,
)
from ggsr_desktop.report.factsheet_docx import description_blocks, dutch_list, nomination_sentence, write_factsheet

OK, IMPROVE, UNKNOWN = Mark.SATISFIED, Mark.IMPROVEMENT, Mark.NOT_ESTABLISHED
DEN_HELDER = "1 Gezin 1 Plan Nieuw Den Helder"
OTHER = "Er op af aanpak vanuit zorgnetwerken"
PARTNERS = ("Bureau Jeugdzorg Noord-Holland", "Parlan Jeugd en opvoedhulp", "Stichting de Praktijk")
QUESTIONNAIRE = ("De gemeente heeft de vragenlijst betreffende deze aanpak ingevuld en relevante documentatie "
                 "toegestuurd. Een – beperktere – vragenlijst over deze aanpak is ingevuld door:")
JUDGEMENT = ("Op basis van de ingevulde vragenlijsten en de aangeleverde informatie gezamenlijk heeft STJ de "
             "beoordeling gemaakt.")
ALL_NOMINATED = "Deze netwerkpartners zijn aangedragen door de gemeente. " + JUDGEMENT
OUTRO = ("Deze thema's zijn verder uitgewerkt in criteria en bijbehorende indicatoren. De onderstaande tabel bevat de "
         "bevindingen van STJ per indicator uit het toetsingskader, waarmee STJ beoordeelt of op beleidsniveau de zorg "
         "en ondersteuning aan gezinnen met geringe sociale redzaamheid op toereikende wijze is vormgegeven. Per "
         "indicator wordt aangegeven of de zorg en ondersteuning vanuit de aanpak daaraan voldoet ")
LEGEND = OUTRO + "(✓) dan wel of er een verbeterpunt is (X)."
LEGEND_DASH = OUTRO + "(✓), of er een verbeterpunt is (X) of dat dit niet is vastgesteld (–)."
THEMES = (
    ThemeBullet("Toeleiding", "gezinnen zijn in beeld en worden bereikt met de aanpak"),
    ThemeBullet("Gezin centraal", "de aanpak stelt het gezin en zijn sociale netwerk centraal"),
    ThemeBullet("De aanpak", "de aanpak is planmatig, samenhangend en vasthoudend en de regisseur is toegerust"),
    ThemeBullet("Samenwerking", "er moet goede samenwerking zijn tussen de instanties die bij een gezin betrokken "
                                "zijn"),
    ThemeBullet("Continu", "indien nodig moeten zorg en ondersteuning langdurig kunnen worden ingezet, in wisselende "
                           "aard en intensiteit"),
)
PLAN = ("De gemeente heeft beleid voor de groep GGSR", "De gemeente zorgt voor een gezamenlijke visie op de aanpak",
        "De netwerkpartners hebben gezamenlijke doelen geformuleerd ten aanzien van de aanpak van GGSR")
RESULTS = ("De resultaten van de aanpak worden bijgehouden", "De netwerkpartners evalueren de resultaten van de aanpak",
           "De gemeente evalueert de resultaten van de aanpak",
           "Op basis van de evaluatie wordt het beleid gecontinueerd dan wel bijgesteld")
PILOT_NOTE = "Vanwege het pilot karakter van de aanpak kwamen niet alle GGSR gezinnen in aanmerking voor de aanpak"
DESCRIPTION = ("Door middel van een pilot wordt gekeken of deze aanpak mogelijk duurzaam toepasbaar is.\n"
               "Dit wordt gedaan door de werkwijze 1 Gezin 1 Plan.\n\n"
               "De kern van deze werkwijze is:\n"
               "- Hulpverleners rond een gezin vormen met het gezin een team.\n"
               "- Met het gezin wordt bepaald wie de zorg-coördinatie op zich neemt.\n\n"
               "De pilot is van start gegaan in mei 2012.")


def den_helder() -> ApproachPart:
    toeleiding = ThemeTable("Toeleiding", (
        CriterionRows("GGSR zijn in beeld", (
            Row(("Alle netwerkpartners hanteren dezelfde omschrijving van GGSR",),
                (Finding(OK, "De gemeente en de netwerkpartners benoemden de gezinnen eensluidend."),)),
            Row(("De gemeente heeft zicht op de populatie GGSR",),
                (Finding(IMPROVE, "De gemeente heeft geen beeld van de totale omvang van deze doelgroep."),)),
        )),
        CriterionRows("De aanpak bereikt alle gezinnen waarvoor dit nodig is", (
            Row(("De netwerkpartners weten waar gezinnen voor de aanpak kunnen worden aangemeld",),
                (Finding(OK, "Er is geen echt aanmeldpunt.", let_op=PILOT_NOTE),)),
        )),
    ))
    aanpak = ThemeTable("Aanpak", (
        CriterionRows("Planmatig", (
            Row(PLAN, (Finding(OK, "De gemeente heeft beleid."), Finding(OK, "De gemeente heeft een visiedocument."),
                       Finding(IMPROVE, "De doelen die de netwerkpartners opvoeren vertonen weinig gelijkenis."))),
            Row(RESULTS, (Finding(OK, "De resultaten van de pilot zijn gemonitord met Partners in Jeugdbeleid."),)),
        )),
        CriterionRows("Een toegeruste regisseur", (
            Row(("De doorzettingsmacht voor de regisseur is geregeld",), (Finding(OK, "Dat is geregeld."),)),
        )),
    ))
    return ApproachPart(DEN_HELDER, tuple(Partner(name, True) for name in PARTNERS), DESCRIPTION, THEMES,
                        (toeleiding, aanpak))


def other() -> ApproachPart:
    table = ThemeTable("Continu", (
        CriterionRows("De aanpak is flexibel", (
            Row(("Netwerkpartners zorgen voor beschikbaarheid van zorg en ondersteuning",),
                (Finding(UNKNOWN, "Dit is niet vastgesteld."),)),
            Row(("Er is een vervolg",), (Finding(None, ""),)),
            Row(("Er is nazorg",), (Finding(IMPROVE, ""),)),
            Row(("Er zijn afspraken",), (Finding(None, "Concept zonder oordeel."),)),
        )),
    ))
    partners = (Partner("MEE", True), Partner("GGD Limburg-Noord", False))
    return ApproachPart(OTHER, partners, "", THEMES, (table,))


FACTSHEET = Factsheet("Den Helder", "oktober 2013", (den_helder(), other()))


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    calls: list[tuple[float, str]] = []
    doc = new_document()
    write_factsheet(doc, FACTSHEET, lambda f, m: calls.append((f, m)),
                    created=dt.datetime(2013, 10, 1, 12, tzinfo=dt.UTC))
    path = tmp_path_factory.mktemp("factsheet") / "factsheet.docx"
    doc.save(path)
    return docx.Document(str(path)), calls


def blocks(doc) -> list:
    """Paragraphs and tables of the body, in document order."""
    return list(doc.iter_inner_content())


def style(p: Paragraph) -> str:
    return p.style.name if p.style is not None else ""


def texts(cell_tc) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in cell_tc.p_lst]


def part_blocks(doc, name: str) -> list:
    """The blocks of one 'Aanpak: …' part, up to the next one."""
    body = blocks(doc)
    starts = [k for k, b in enumerate(body) if isinstance(b, Paragraph) and b.text.startswith("Aanpak: ")]
    k = next(s for s in starts if body[s].text == f"Aanpak: {name}")
    end = next((s for s in starts if s > k), len(body))
    return body[k:end]


def test_frame_and_heading_order(written):
    doc, calls = written
    paragraphs = [p for p in doc.paragraphs if p.text]
    assert [p.text for p in paragraphs[:4]] == ["Samenwerkend Toezicht Jeugd",
                                               "Ministerie van Volksgezondheid, Welzijn en Sport",
                                               "Uitkomsten toezichtonderzoek Den Helder", "oktober 2013"]
    assert style(paragraphs[2]) == "Title"
    headings = [(style(p), p.text) for p in doc.paragraphs if style(p).startswith("Heading")]
    assert headings == [("Heading 1", f"Aanpak: {DEN_HELDER}"), ("Heading 2", "Beschrijving"),
                        ("Heading 2", "Bevindingen toezichtonderzoek"),
                        ("Heading 1", f"Aanpak: {OTHER}"), ("Heading 2", "Beschrijving"),
                        ("Heading 2", "Bevindingen toezichtonderzoek")]
    for p in doc.paragraphs:
        if style(p).startswith("Heading"):  # unnumbered: numbering switched off on the paragraph
            assert p._p.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val")) == "0"
    assert all("Vervolg" not in p.text for p in doc.paragraphs)
    first, second = (p for p in doc.paragraphs if p.text.startswith("Aanpak: "))
    assert first.paragraph_format.page_break_before is False
    assert second.paragraph_format.page_break_before is True
    assert doc.core_properties.title == "Uitkomsten toezichtonderzoek Den Helder"
    assert doc.core_properties.language == "nl-NL"
    assert "beleidsniveau" in doc.core_properties.keywords
    assert [f for f, _ in calls] == [0.0, 0.5, 1.0]
    assert DEN_HELDER in calls[0][1] and OTHER in calls[1][1]


def test_partners_and_description_of_den_helder(written):
    doc, _ = written
    part = part_blocks(doc, DEN_HELDER)
    assert part[1].text == QUESTIONNAIRE
    assert [(style(b), b.text) for b in part[2:5]] == [("List Bullet", name) for name in PARTNERS]
    assert part[5].text == ALL_NOMINATED and style(part[5]) != "List Bullet"
    assert part[6].text == "Beschrijving"
    described = [(style(b), b.text) for b in part[7:12]]
    assert described == [
        ("Normal", "Door middel van een pilot wordt gekeken of deze aanpak mogelijk duurzaam toepasbaar is. Dit wordt "
                   "gedaan door de werkwijze 1 Gezin 1 Plan."),
        ("Normal", "De kern van deze werkwijze is:"),
        ("List Bullet", "Hulpverleners rond een gezin vormen met het gezin een team."),
        ("List Bullet", "Met het gezin wordt bepaald wie de zorg-coördinatie op zich neemt."),
        ("Normal", "De pilot is van start gegaan in mei 2012."),
    ]
    assert part[12].text == "Bevindingen toezichtonderzoek"


def test_themes_and_legend(written):
    doc, _ = written
    part = part_blocks(doc, DEN_HELDER)
    k = next(i for i, b in enumerate(part) if isinstance(b, Paragraph) and b.text == "Bevindingen toezichtonderzoek")
    assert part[k + 1].text == (f"Samenwerkend Toezicht Jeugd heeft '{DEN_HELDER}' getoetst aan de hand van vijf "
                                "thema's voor verantwoorde zorg en ondersteuning voor gezinnen met een geringe sociale "
                                "redzaamheid. De vijf thema's zijn:")
    bullets = part[k + 2:k + 7]
    assert [b.text for b in bullets] == [f"{t.name}: {t.description}" for t in THEMES]
    for bullet, theme in zip(bullets, THEMES, strict=True):
        assert style(bullet) == "List Bullet"
        assert bullet.runs[0].text == f"{theme.name}:" and bullet.runs[0].bold
        assert not bullet.runs[1].bold
    assert part[k + 7].text == LEGEND  # no – in Den Helder
    legend_other = [b.text for b in part_blocks(doc, OTHER) if isinstance(b, Paragraph) and b.text.startswith(OUTRO)]
    assert legend_other == [LEGEND_DASH]


def test_tables_header_caption_and_merged_criteria(written):
    doc, _ = written
    assert len(doc.tables) == 3
    captions = []
    body = blocks(doc)
    for k, b in enumerate(body):
        if not isinstance(b, Paragraph):
            caption = body[k - 1]
            assert caption.runs[0].bold and caption.paragraph_format.keep_with_next
            captions.append(caption.text)
            header = b._tbl.tr_lst[0]
            assert texts(header.tc_lst[0]) + texts(header.tc_lst[1]) + texts(header.tc_lst[2]) == [
                "Criteria", "Indicatoren", "Bevindingen"]
            assert header.trPr.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
            assert all(r.runs[0].bold for c in b.rows[0].cells for r in c.paragraphs)
            assert all(tr.trPr.find(qn("w:tblHeader")) is None for tr in b._tbl.tr_lst[1:])
            assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in b._tbl.tr_lst[1:])
    assert captions == ["Toeleiding", "Aanpak", "Continu"]
    toeleiding = doc.tables[0]._tbl.tr_lst[1:]
    first_column = [(texts(tr.tc_lst[0]), tr.tc_lst[0].tcPr.find(qn("w:vMerge"))) for tr in toeleiding]
    assert [t for t, _ in first_column] == [["GGSR zijn in beeld"], [""],
                                            ["De aanpak bereikt alle gezinnen waarvoor dit nodig is"]]
    assert first_column[0][1].get(qn("w:val")) == "restart"
    assert first_column[1][1] is not None and first_column[1][1].get(qn("w:val")) is None
    assert first_column[2][1] is None  # a criterion with one row is not merged
    all_text = "\n".join(t for table in doc.tables for tr in table._tbl.tr_lst for tc in tr.tc_lst for t in texts(tc))
    for criterion in ("GGSR zijn in beeld", "Planmatig", "Een toegeruste regisseur", "De aanpak is flexibel"):
        assert all_text.count(criterion) == 1


def test_row_groups_symbols_and_let_op(written):
    doc, _ = written
    toeleiding, aanpak, continu = ([tr.tc_lst for tr in t._tbl.tr_lst[1:]] for t in doc.tables)
    assert texts(toeleiding[0][2])[0].startswith("✓ De gemeente en de netwerkpartners")
    assert texts(toeleiding[1][2]) == ["X De gemeente heeft geen beeld van de totale omvang van deze doelgroep."]
    let_op = toeleiding[2][2]
    assert texts(let_op) == [f"✓ Er is geen echt aanmeldpunt. LET OP: {PILOT_NOTE}"]
    runs = Paragraph(let_op.p_lst[0], None).runs
    assert [(r.text, bool(r.bold)) for r in runs[-3:]] == [(" ", False), ("LET OP:", True), (f" {PILOT_NOTE}", False)]

    grouped, shared, single = aanpak
    assert texts(grouped[1]) == list(PLAN)
    assert [t[:2] for t in texts(grouped[2])] == ["✓ ", "✓ ", "X "]
    assert texts(shared[1]) == list(RESULTS)
    assert texts(shared[2]) == ["✓ De resultaten van de pilot zijn gemonitord met Partners in Jeugdbeleid."]
    assert texts(single[1]) == ["De doorzettingsmacht voor de regisseur is geregeld"]
    assert "LET OP" not in "".join(texts(single[2]))

    assert [texts(row[2]) for row in continu] == [["– Dit is niet vastgesteld."], ["[nog te beoordelen]"], ["X"],
                                                  ["Concept zonder oordeel."]]


def test_other_part_partners_and_placeholder(written):
    doc, _ = written
    part = part_blocks(doc, OTHER)
    assert part[1].text == QUESTIONNAIRE
    assert [b.text for b in part[2:4]] == ["MEE", "GGD Limburg-Noord"]
    assert part[4].text == "MEE is aangedragen door de gemeente. " + JUDGEMENT
    assert part[5].text == "Beschrijving"
    assert part[6].text == "[Beschrijving nog in te vullen]" and part[6].runs[0].italic
    assert part[7].text == "Bevindingen toezichtonderzoek"


def _part(partners: tuple[Partner, ...]) -> ApproachPart:
    return ApproachPart("X", partners, "", THEMES, ())


def test_nomination_sentences():
    a, b, c = (Partner(n, True) for n in PARTNERS)
    off = Partner("Leger des Heils", False)
    assert nomination_sentence(_part((a, b, c))) == ALL_NOMINATED
    assert nomination_sentence(_part((a, b, off))) == (
        "Bureau Jeugdzorg Noord-Holland en Parlan Jeugd en opvoedhulp zijn aangedragen door de gemeente. " + JUDGEMENT)
    assert nomination_sentence(_part((a, off))) == "Bureau Jeugdzorg Noord-Holland is aangedragen door de gemeente. " \
                                                   + JUDGEMENT
    assert nomination_sentence(_part((off,))) == JUDGEMENT
    assert nomination_sentence(_part(())) == JUDGEMENT
    assert dutch_list(["A", "B", "C"]) == "A, B en C"
    assert dutch_list(["A", "B"]) == "A en B"
    assert dutch_list(["A"]) == "A"


def test_no_partners_only_first_sentence(tmp_path):
    doc = new_document()
    part = ApproachPart("Alleen de gemeente", (), "Tekst.", THEMES[:3], ())
    write_factsheet(doc, Factsheet("Venlo", "juni 2015", (part,)))
    doc.save(tmp_path / "f.docx")
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "f.docx")).paragraphs if p.text]
    k = paragraphs.index("Aanpak: Alleen de gemeente")
    assert paragraphs[k + 1] == ("De gemeente heeft de vragenlijst betreffende deze aanpak ingevuld en relevante "
                                 "documentatie toegestuurd.")
    assert paragraphs[k + 2] == JUDGEMENT
    assert paragraphs[k + 3:k + 6] == ["Beschrijving", "Tekst.", "Bevindingen toezichtonderzoek"]
    assert "getoetst aan de hand van drie thema's" in paragraphs[k + 6] and "De drie thema's zijn:" in paragraphs[k + 6]


def test_control_characters_are_cleaned(tmp_path):
    doc = new_document()
    row = Row(("Indicator\x0b",), (Finding(OK, "Tekst\x01 met\x07 stuurtekens", let_op="Let\x02 op"),))
    part = ApproachPart("Aanpak\x0c", (Partner("Partner\x1f", True),), "Regel\x00 een", THEMES,
                        (ThemeTable("Toeleiding", (CriterionRows("Criterium\x03", (row,)),)),))
    write_factsheet(doc, Factsheet("Venlo", "juni 2015", (part,)))
    doc.save(tmp_path / "f.docx")
    back = docx.Document(str(tmp_path / "f.docx"))
    assert "Aanpak: Aanpak" in [p.text for p in back.paragraphs]
    assert "Partner" in [p.text for p in back.paragraphs]
    cells = back.tables[0]._tbl.tr_lst[1].tc_lst
    assert texts(cells[0]) == ["Criterium"]
    assert texts(cells[2]) == ["✓ Tekst met stuurtekens LET OP: Let op"]


def test_description_blocks():
    assert description_blocks("") == []
    assert description_blocks("  \n\n ") == []
    assert description_blocks("Inleiding:\n- een\n- twee\nSlot") == [
        (False, "Inleiding:"), (True, "een"), (True, "twee"), (False, "Slot")]
    assert description_blocks("a\r\n\r\nb\rc") == [(False, "a"), (False, "b c")]
    assert description_blocks("a\n   \nb") == [(False, "a"), (False, "b")]  # a line of spaces is blank
    assert description_blocks("-geen opsomming") == [(False, "-geen opsomming")]


def test_module_does_not_import_qt():
    import ast
    from pathlib import Path

    import ggsr_desktop.report.factsheet_docx as module

    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    imported = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(name.startswith("PySide6") for name in imported)

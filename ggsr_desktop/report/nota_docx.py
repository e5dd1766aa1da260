"""The Nota van Bevindingen laid out as a Word document, chapter for chapter as seed 001: title page, voorwoord,
table of contents, 1 Inleiding (with Figuur 1), 2 Typering, 3 Wat gaat goed?, 4 Wat kan beter?, 5 Algemene
conclusie en aanbevelingen, Bijlage 1 with one table per theme."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Pt

from ggsr_desktop.models import Highlight
from ggsr_desktop.report.content import (
    GGSR_DEFINITION,
    INSPECTORATES,
    SUBTITLE,
    TO_WRITE,
    Nota,
    SectionPart,
    inspected_sentences,
    month_year,
)
from ggsr_desktop.report.docx_base import (
    GREEN_FILL,
    HEADER_FILL,
    QUOTE_STYLE,
    RED_FILL,
    TABLE_STYLE,
    TABLE_TEXT_STYLE,
    Styles,
    add_field,
    cell_text,
    clean,
    core_properties,
    merge_down,
    muted,
    new_table,
    page_setup,
    repeat_header,
    row_cells,
    set_widths,
    shade,
    unnumbered,
    update_fields_on_open,
)

AUTO_COMMENT = "automatisch gekozen — controleer"
TOC_NOTE = ("Inhoudsopgave: werk de inhoudsopgave bij om de hoofdstukken en paginanummers te tonen (Word: "
            "rechtermuisklik › Veld bijwerken, of F9; LibreOffice: Extra › Bijwerken › Alles bijwerken).")
Progress = Callable[[float, str], None]


def write_nota(doc, nota: Nota, progress: Progress = lambda _f, _m: None) -> None:
    w = _Writer(doc, nota)
    steps = [("titelpagina", w.title_page), ("voorwoord en inhoudsopgave", w.front), ("inleiding", w.introduction),
             ("typering", w.typering),
             ("wat gaat goed", lambda: w.sections("Wat gaat goed?", nota.green, Highlight.GREEN)),
             ("wat kan beter", lambda: w.sections("Wat kan beter?", nota.red, Highlight.RED)),
             ("conclusie en aanbevelingen", w.conclusion), ("bijlage 1", w.appendix)]
    for k, (name, step) in enumerate(steps):
        progress(k / len(steps), name)
        step()
    page_setup(doc, nota.title)
    update_fields_on_open(doc)
    core_properties(doc, nota.title, SUBTITLE, nota.author,
                    dt.datetime.combine(nota.date, dt.time(12, 0), tzinfo=dt.UTC))
    progress(1.0, "klaar")


class _Writer:
    def __init__(self, doc, nota: Nota):
        self.doc, self.nota = doc, nota
        self.styles = Styles(doc)
        self.table_text = doc.styles[TABLE_TEXT_STYLE].style_id
        self.table_style = doc.styles[TABLE_STYLE].style_id

    # ---- building blocks ---------------------------------------------------------------------------------------

    def para(self, text: str = "", style: str | None = None, bold: bool = False):
        paragraph = self.styles.paragraph(style)
        if text:
            run = paragraph.add_run(clean(text))
            run.bold = bold
            if text.startswith("[Nog te schrijven"):
                muted(run)
        return paragraph

    def heading(self, text: str, level: int, numbered: bool = True):
        paragraph = self.styles.heading(text, level)
        if not numbered:
            unnumbered(paragraph)
        return paragraph

    def texts(self, items: list[str], missing: str) -> None:
        for text in items or [TO_WRITE.format(missing)]:
            self.para(text)

    # ---- the parts ---------------------------------------------------------------------------------------------

    def title_page(self) -> None:
        n = self.nota
        self.para("Samenwerkend Toezicht Jeugd", bold=True)
        for _ in range(6):
            self.para()
        self.styles.paragraph("Title", n.title)
        self.styles.paragraph("Subtitle", SUBTITLE)
        for _ in range(4):
            self.para()
        self.para(f"{n.place}, {month_year(n.date)}")
        self.para()
        self.para("Samenwerkend Toezicht Jeugd is een samenwerking van:")
        for name in INSPECTORATES:
            self.para(name)

    def front(self) -> None:
        self.heading("Voorwoord", 1, numbered=False)
        self.texts(self.nota.voorwoord, "het voorwoord (Beoordeling › Typering en conclusie)")
        toc = self.styles.paragraph("TOC Heading", "Inhoudsopgave")
        unnumbered(toc)
        add_field(self.doc.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', TOC_NOTE)

    def introduction(self) -> None:
        n = self.nota
        self.heading("Inleiding", 1)
        self.para(f"Deze nota van bevindingen bevat de uitkomsten van het onderzoek van Samenwerkend Toezicht Jeugd "
                  f"(STJ) naar hoe de zorg en ondersteuning voor gezinnen met geringe sociale redzaamheid (GGSR) in "
                  f"de gemeente {n.municipality} vanuit de aanpak '{n.approach_name}' in de praktijk uitpakt.")
        self.heading("Gezinnen met geringe sociale redzaamheid", 2)
        self.para(GGSR_DEFINITION)
        self.heading(n.approach_name, 2)
        for text in n.approach_intro:
            self.para(text)
        self.heading("Toezichtonderzoek STJ", 2)
        self.para(" ".join(inspected_sentences(n.inspected, n.regisseur_label)))
        self.para("Leidraad bij het onderzoek is het toetsingskader dat STJ heeft ontwikkeld voor de zorg en "
                  "ondersteuning aan GGSR (zie figuur 1). Aan de basis van het toetsingskader ligt het werken vanuit "
                  "het principe één gezin, één plan, één regisseur, het ondersteunen van de eigen kracht en het "
                  "betrekken van het sociale netwerk van deze gezinnen. Op basis van het toetsingskader heeft de "
                  "analyse plaatsgevonden van alle informatie die rondom de gezinnen is opgehaald; zo is de aanpak op "
                  "alle indicatoren van het toetsingskader getoetst. Op basis daarvan heeft STJ bepaald over welke "
                  f"thema's zij rapporteert aan de gemeente {n.municipality} en haar netwerkpartners. Die thema's "
                  "staan in hoofdstuk 3 en 4 van deze nota.")
        self.figure1()
        self.heading("Leeswijzer", 2)
        self.para(f"Hoofdstuk 2 geeft een beknopte beschrijving van de aanpak '{n.approach_name}'. In hoofdstuk 3, "
                  "'Wat gaat goed?', staan de bevindingen over de thema's waarop de aanpak volgens STJ positief "
                  "werkt. In hoofdstuk 4, 'Wat kan beter?', staan de bevindingen over de thema's waarop STJ het "
                  f"belangrijk vindt dat de gemeente {n.municipality} met haar netwerkpartners verbeteringen "
                  "doorvoert. Hoofdstuk 3 en 4 bevatten per thema een korte conclusie. Hoofdstuk 5 geeft de algemene "
                  "conclusie en aanbevelingen. In de bijlage is per indicator beknopt weergegeven of de aanpak aan "
                  "de indicatoren van het toetsingskader voldoet. De indicatoren die in de bijlage met een kleur "
                  "(groen of rood) zijn uitgelicht, vormen de centrale thema's van hoofdstuk 3 en hoofdstuk 4.")
        self.para("In de nota heeft STJ teksten uit de interviews gebruikt ter illustratie van de bevindingen. Waar "
                  "nodig zijn deze aangepast om de herleidbaarheid naar personen te vermijden. Het betreft dus geen "
                  "letterlijke citaten.")
        self.heading("Verantwoording en vervolg", 2)
        self.para("Deze nota geeft de stand van zaken weer ten tijde van het onderzoek. STJ wil met deze rapportage "
                  "aandacht vragen voor de groep gezinnen die niet snel uit zichzelf om hulp zullen vragen. De "
                  f"gemeente {n.municipality} wordt gevraagd de geconstateerde verbeterpunten op te pakken en STJ "
                  "over een jaar te laten weten op welke manier dit is gebeurd en met welke resultaten.")

    def figure1(self) -> None:
        caption = self.para("Figuur 1 Toetsingskader zorg en ondersteuning aan GGSR op casusniveau", bold=True)
        caption.paragraph_format.keep_with_next = True
        table = new_table(self.doc, 2, self.table_style)
        for cell, text in zip(row_cells(table), ("Thema", "Criteria casusniveau"), strict=True):
            cell_text(cell, text, bold=True, style_id=self.table_text)
            shade(cell, HEADER_FILL)
        repeat_header(table.rows[0])
        for theme, criteria in self.nota.figure1:
            row = row_cells(table)
            cell_text(row[0], theme, bold=True, style_id=self.table_text)
            cell_text(row[1], criteria[0] if criteria else "", style_id=self.table_text)
            for criterion in criteria[1:]:
                cell_text(row[1], criterion, style_id=self.table_text, new_paragraph=True)
        set_widths(table, [40, 120])
        self.para()

    def typering(self) -> None:
        self.heading(f"Typering van {self.nota.approach_name}", 1)
        for title, texts in self.nota.typering:
            self.heading(title, 2)
            self.texts(texts, f"'{title}' (Beoordeling › Typering en conclusie)")

    def sections(self, chapter: str, parts: list[SectionPart], colour: str) -> None:
        self.heading(chapter, 1)
        if not parts:
            self.para(TO_WRITE.format(f"er zijn nog geen indicatoren {colour} gemarkeerd of in een sectie "
                                      "ondergebracht"))
        for part in parts:
            self.section(part)

    def section(self, part: SectionPart) -> None:
        self.heading(part.title, 2)
        if part.drafted:
            self.para(TO_WRITE.format("deze sectie is uit de gemarkeerde indicatoren van één criterium samengesteld; "
                                      "geef haar een titel, een inleiding en een conclusie"))
        for text in part.intro:
            self.para(text)
        if part.themes:
            names = " en ".join(f"'{t}'" for t in part.themes)
            self.para(f"Zie voor de gehanteerde criteria en normen het thema {names} in het toetsingskader.")
        for text in part.findings:
            self.para(text)
        for line in part.quotes:
            paragraph = self.styles.paragraph(QUOTE_STYLE)
            run = paragraph.add_run(clean(f"{line.prefix}: {line.text}"))
            if line.auto:
                self.doc.add_comment(run, AUTO_COMMENT, author="GGSR Desktop", initials="GD")
        conclusion = self.heading("Conclusie", 4, numbered=False)
        conclusion.paragraph_format.keep_with_next = True
        for text in part.conclusion:
            self.para(text)

    def conclusion(self) -> None:
        n = self.nota
        self.heading("Algemene conclusie en aanbevelingen", 1)
        self.heading("Algemene conclusie", 2)
        self.texts(n.conclusion, "de algemene conclusie (Beoordeling › Typering en conclusie)")
        self.heading("Aanbevelingen", 2)
        self.para("Het is belangrijk dat deze groep kwetsbare gezinnen tijdig de juiste zorg en ondersteuning krijgt. "
                  f"Om dit te realiseren adviseert STJ dat de gemeente {n.municipality} samen met haar "
                  f"netwerkpartners de aanpak '{n.approach_name}' op de volgende punten aanscherpt:")
        if not n.recommendations:
            self.para(TO_WRITE.format("de aanbevelingen (Beoordeling › Typering en conclusie)"))
        for lead, text in n.recommendations:
            paragraph = self.styles.paragraph("List Bullet")
            if lead:
                paragraph.add_run(clean(lead.strip() + " ")).bold = True
            paragraph.add_run(clean(text))

    def appendix(self) -> None:
        n = self.nota
        self.heading("Bijlage 1: Beoordeling indicatoren toetsingskader verantwoorde zorg en ondersteuning GGSR", 1,
                     numbered=False)
        self.para(f"Samenwerkend Toezicht Jeugd heeft de aanpak '{n.approach_name}' getoetst aan de hand van vijf "
                  "thema's voor verantwoorde zorg en ondersteuning voor gezinnen met een geringe sociale "
                  "redzaamheid. De vijf thema's zijn:")
        for name, description in n.themes:
            paragraph = self.styles.paragraph("List Bullet")
            paragraph.add_run(clean(f"{name}:")).bold = True
            paragraph.add_run(clean(f" {description}"))
        self.para("Deze thema's zijn verder uitgewerkt in criteria en bijbehorende indicatoren. De onderstaande "
                  "tabellen bevatten de bevindingen van STJ per indicator uit het toetsingskader. Per indicator wordt "
                  "aangegeven of de zorg en ondersteuning vanuit de aanpak daaraan voldoet (✓), of er een "
                  "verbeterpunt is (X) of dat dit niet is vastgesteld (–).")
        legend = self.para("Legenda: ✓ voldoet · X verbeterpunt · – niet vastgesteld. ", bold=False)
        legend.add_run("Groen").bold = True
        legend.add_run(": centraal thema van hoofdstuk 3 · ")
        legend.add_run("Rood").bold = True
        legend.add_run(": centraal thema van hoofdstuk 4.")
        for table in n.appendix:
            self.appendix_table(table)

    def appendix_table(self, data) -> None:
        caption = self.para(data.theme, bold=True)
        caption.paragraph_format.keep_with_next = True
        caption.paragraph_format.space_before = Pt(12)
        table = new_table(self.doc, 3, self.table_style)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(row_cells(table), ("Criteria", "Indicatoren", "Bevindingen"), strict=True):
            cell_text(cell, text, bold=True, style_id=self.table_text)
            shade(cell, HEADER_FILL)
        repeat_header(table.rows[0])
        first_of_criterion = None
        for row_data in data.rows:
            cells = row_cells(table)
            if first_of_criterion is not None and first_of_criterion[1] == row_data.criterion:
                merge_down(first_of_criterion[0], cells[0])  # the criterion once per group
            else:
                cell_text(cells[0], row_data.criterion, style_id=self.table_text)
                first_of_criterion = (cells[0], row_data.criterion)
            cell_text(cells[1], row_data.indicator, style_id=self.table_text)
            symbol = row_data.mark.symbol if row_data.mark else "…"
            finding = row_data.finding or ("nog niet beoordeeld" if row_data.mark is None else "")
            cell_text(cells[2], f"{symbol} {finding}".strip(), style_id=self.table_text)
            fill = {Highlight.GREEN: GREEN_FILL, Highlight.RED: RED_FILL}.get(row_data.highlight)
            if fill:
                for cell in cells[1:]:
                    shade(cell, fill)
        set_widths(table, [34, 44, 82])
        self.para()

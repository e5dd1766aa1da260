"""The policy-level factsheet 'Uitkomsten toezichtonderzoek {gemeente}' laid out as a Word document (spec round2
§2.3, decision §10.4): the header lines, title and month, then one 'Aanpak: {naam}' part per approach, as seed 003:
who filled in the questionnaires, Beschrijving, Bevindingen toezichtonderzoek with the five themes, and one table
per theme (Criteria | Indicatoren | Bevindingen; the header row repeated on every page, no 'Vervolg …' headings)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from ggsr_desktop.evidence.findings import number_word
from ggsr_desktop.report.docx_base import (
    HEADER_FILL,
    TABLE_STYLE,
    TABLE_TEXT_STYLE,
    Styles,
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
)
from ggsr_desktop.report.factsheet_content import ApproachPart, Factsheet, Finding, Row, ThemeTable

Progress = Callable[[float, str], None]
HEADER_LINES = ("Samenwerkend Toezicht Jeugd", "Ministerie van Volksgezondheid, Welzijn en Sport")
SUBJECT = ("Toezichtonderzoek op beleidsniveau naar de verantwoorde zorg en ondersteuning van gezinnen met geringe "
           "sociale redzaamheid")
QUESTIONNAIRE = ("De gemeente heeft de vragenlijst betreffende deze aanpak ingevuld en relevante documentatie "
                 "toegestuurd.")
PARTNER_QUESTIONNAIRE = "Een – beperktere – vragenlijst over deze aanpak is ingevuld door:"
ALL_NOMINATED = "Deze netwerkpartners zijn aangedragen door de gemeente."
JUDGEMENT = ("Op basis van de ingevulde vragenlijsten en de aangeleverde informatie gezamenlijk heeft STJ de "
             "beoordeling gemaakt.")
THEMES_OUTRO = ("Deze thema's zijn verder uitgewerkt in criteria en bijbehorende indicatoren. De onderstaande tabel "
                "bevat de bevindingen van STJ per indicator uit het toetsingskader, waarmee STJ beoordeelt of op "
                "beleidsniveau de zorg en ondersteuning aan gezinnen met geringe sociale redzaamheid op toereikende "
                "wijze is vormgegeven. Per indicator wordt aangegeven of de zorg en ondersteuning vanuit de aanpak "
                "daaraan voldoet ")
LEGEND = "(✓) dan wel of er een verbeterpunt is (X)."
LEGEND_NOT_ESTABLISHED = "(✓), of er een verbeterpunt is (X) of dat dit niet is vastgesteld (–)."
HEADER_ROW = ("Criteria", "Indicatoren", "Bevindingen")
COLUMN_WIDTHS = [34, 44, 82]  # mm, 160 in all: the text width of A4 with 25 mm margins (as Bijlage 1 of the nota)
NO_DESCRIPTION = "[Beschrijving nog in te vullen]"
NOT_JUDGED = "[nog te beoordelen]"


def write_factsheet(doc, factsheet: Factsheet, progress: Progress = lambda _f, _m: None, *, author: str = "",
                    created: dt.datetime | None = None) -> None:
    """Write the factsheet into `doc` (from `docx_base.new_document`)."""
    w = SheetWriter(doc)
    w.front(factsheet)
    n = len(factsheet.approaches)
    for k, part in enumerate(factsheet.approaches):
        progress(k / max(n, 1), f"aanpak {k + 1} van {n}: {part.name}")
        w.approach(part, first=k == 0)
    page_setup(doc, factsheet.title)
    core_properties(doc, factsheet.title, SUBJECT, author, created or dt.datetime.now(dt.UTC))
    doc.core_properties.keywords = f"GGSR; toezicht op beleidsniveau; {clean(factsheet.municipality)}"
    progress(1.0, "klaar")


def dutch_list(names: list[str]) -> str:
    """'A', 'A en B', 'A, B en C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def nomination_sentence(part: ApproachPart) -> str:
    """Who nominated the network partners, then how STJ came to its judgement."""
    nominated = [p.name for p in part.partners if p.nominated]
    if part.partners and len(nominated) == len(part.partners):
        return f"{ALL_NOMINATED} {JUDGEMENT}"
    if nominated:
        verb = "is" if len(nominated) == 1 else "zijn"
        return f"{dutch_list(nominated)} {verb} aangedragen door de gemeente. {JUDGEMENT}"
    return JUDGEMENT


def description_blocks(text: str) -> list[tuple[bool, str]]:
    """The Beschrijving as (is_bullet, text) paragraphs: blank lines separate paragraphs, '- ' lines are bullets,
    the other lines of a paragraph are joined."""
    blocks: list[tuple[bool, str]] = []
    lines: list[str] = []
    for line in [*clean(text).split("\n"), ""]:
        line = line.strip()
        if (not line or line.startswith("- ")) and lines:
            blocks.append((False, " ".join(lines)))
            lines = []
        if line.startswith("- "):
            blocks.append((True, line[2:].strip()))
        elif line:
            lines.append(line)
    return blocks


def keep_together(row) -> None:
    """A row is not split over two pages unless it is taller than a page (Word's cantSplit)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


class SheetWriter:
    """The layout shared by the policy-level documents (the factsheet and the follow-up)."""

    def __init__(self, doc):
        self.doc = doc
        self.styles = Styles(doc)
        self.table_text = doc.styles[TABLE_TEXT_STYLE].style_id
        self.table_style = doc.styles[TABLE_STYLE].style_id

    def para(self, text: str = "", style: str | None = None, bold: bool = False, placeholder: bool = False):
        paragraph = self.styles.paragraph(style)
        if text:
            run = paragraph.add_run(clean(text))
            run.bold = bold
            if placeholder:
                run.italic = True
                muted(run)
        return paragraph

    def heading(self, text: str, level: int):
        paragraph = self.styles.heading(text, level)
        unnumbered(paragraph)
        return paragraph

    def front(self, factsheet: Factsheet) -> None:
        self.para(HEADER_LINES[0], bold=True)
        self.para(HEADER_LINES[1])
        self.para()
        self.styles.paragraph("Title", factsheet.title)
        self.para(factsheet.month)

    def approach(self, part: ApproachPart, first: bool) -> None:
        heading = self.heading(f"Aanpak: {part.name}", 1)
        heading.paragraph_format.page_break_before = not first  # each approach on a page of its own
        self.para(f"{QUESTIONNAIRE} {PARTNER_QUESTIONNAIRE}" if part.partners else QUESTIONNAIRE)
        for partner in part.partners:
            self.para(partner.name, "List Bullet")
        self.para(nomination_sentence(part))

        self.heading("Beschrijving", 2)
        blocks = description_blocks(part.description)
        if not blocks:
            self.para(NO_DESCRIPTION, placeholder=True)
        for is_bullet, text in blocks:
            self.para(text, "List Bullet" if is_bullet else None)

        self.heading("Bevindingen toezichtonderzoek", 2)
        count = number_word(len(part.themes))
        self.para(f"Samenwerkend Toezicht Jeugd heeft '{part.name}' getoetst aan de hand van {count} thema's voor "
                  "verantwoorde zorg en ondersteuning voor gezinnen met een geringe sociale redzaamheid. De "
                  f"{count} thema's zijn:")
        for theme in part.themes:
            bullet = self.styles.paragraph("List Bullet")
            bullet.add_run(clean(f"{theme.name}:")).bold = True
            bullet.add_run(clean(f" {theme.description}"))
        self.para(THEMES_OUTRO + (LEGEND_NOT_ESTABLISHED if part.uses_not_established else LEGEND))
        for table in part.tables:
            self.table(table)

    def start_table(self, caption_text: str, header: tuple[str, ...]):
        """The bold caption kept with its table, and the table with its shaded header row repeated on every page."""
        caption = self.para(caption_text, bold=True)
        caption.paragraph_format.keep_with_next = True
        caption.paragraph_format.space_before = Pt(12)
        table = new_table(self.doc, len(header), self.table_style)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(row_cells(table), header, strict=True):
            cell_text(cell, text, bold=True, style_id=self.table_text)
            shade(cell, HEADER_FILL)
        repeat_header(table.rows[0])
        return table

    def table(self, data: ThemeTable) -> None:
        table = self.start_table(data.caption, HEADER_ROW)
        for group in data.criteria:
            first = None
            for row in group.rows:
                cells = row_cells(table)
                keep_together(table.rows[-1])
                if first is None:
                    cell_text(cells[0], group.criterion, style_id=self.table_text)
                    first = cells[0]
                else:
                    merge_down(first, cells[0])  # the criterion once, over all its rows
                self.row(cells[1], cells[2], row)
        set_widths(table, COLUMN_WIDTHS)

    def row(self, indicators_cell, findings_cell, row: Row) -> None:
        for k, indicator in enumerate(row.indicators):
            self.cell_paragraph(indicators_cell, k, len(row.indicators)).add_run(clean(indicator))
        findings = row.findings or (Finding(None, ""),)
        for k, finding in enumerate(findings):
            self.finding(self.cell_paragraph(findings_cell, k, len(findings)), finding)

    def cell_paragraph(self, cell, index: int, count: int) -> Paragraph:
        """The cell's `index`-th paragraph in the table-text style; a little space between those of a row group."""
        p = cell._tc.p_lst[0] if index == 0 else cell._tc.add_p()
        p.style = self.table_text
        paragraph = Paragraph(p, cell)
        if index < count - 1:
            paragraph.paragraph_format.space_after = Pt(4)
        return paragraph

    @staticmethod
    def finding(paragraph: Paragraph, finding: Finding) -> None:
        """'{symbol} {text}', then ' LET OP: {note}' in the same paragraph."""
        text = finding.text.strip()
        if finding.mark is None and not text:
            run = paragraph.add_run(NOT_JUDGED)
            run.italic = True
            muted(run)
        else:
            paragraph.add_run(clean(" ".join(filter(None, (finding.symbol, text)))))
        if finding.let_op.strip():
            paragraph.add_run(" ")
            paragraph.add_run("LET OP:").bold = True
            paragraph.add_run(clean(f" {finding.let_op.strip()}"))

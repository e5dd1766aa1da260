"""The national report of a round laid out as a Word document (spec round2 §4.1, §4.5, seed 000): title, Voorwoord
with its signature, 1 Inleiding (the gemeenten and their approaches in three columns, the count sentence, Figuur 1:
the framework as a table 'Thema | Criteria beleidsniveau'), 2 Conclusies en aanbevelingen, 3 Bevindingen (a
section per figure definition's section, each figure a caption 'Figuur {n}: {titel}' followed by its chart) and
4 Tot slot. Charts are native Word charts (`docx_chart`: drawn by Word or LibreOffice from the numbers): horizontal
ja/nee bars per item stacked to 100% with the ja percentage labelled ('93%'), or the parts of one item as a pie."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Pt

from ggsr_desktop.framework.figures import CHART_SHARE
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
from ggsr_desktop.report.docx_chart import ChartWriter, bar_chart_xml, pie_chart_xml
from ggsr_desktop.report.national_content import CLOSING, Block, FigureContent, NationalReport, placeholder

Progress = Callable[[float, str], None]
SUBJECT = ("Landelijke rapportage van het toezichtonderzoek op beleidsniveau naar de verantwoorde zorg en "
           "ondersteuning van gezinnen met geringe sociale redzaamheid")
FRAMEWORK_WIDTHS = [40, 120]  # mm: Thema | Criteria beleidsniveau
CHART_WIDTH_MM = 150  # within the text width (160 mm)
YES_COLOUR, NO_COLOUR = "#1F4E79", "#BFBFBF"  # ja dark blue, nee grey (the legend's order: nee, ja)
SHARE_COLOURS = ("#1F4E79", "#5B9BD5", "#A5A5A5", "#D6DCE5", "#2E75B6", "#7F7F7F")
DARK_COLOURS = {"#1F4E79", "#5B9BD5", "#2E75B6", "#7F7F7F"}  # white percentage labels on these
SIGNATURE_MISSING = "de ondertekening (naam en functie)"


def write_national(doc, report: NationalReport, progress: Progress = lambda _f, _m: None, *, author: str = "",
                   created: dt.datetime | None = None) -> None:
    """Write the report into `doc` (from `docx_base.new_document`)."""
    w = NationalWriter(doc)
    steps = [("titel en voorwoord", lambda: w.front(report)), ("inleiding", lambda: w.introduction(report)),
             ("conclusies en aanbevelingen", lambda: w.conclusions(report))]
    steps += [(f"paragraaf {s.number}", lambda s=s, first=k == 0: w.section(s, first=first))
              for k, s in enumerate(report.sections)]
    steps.append(("tot slot", lambda: w.closing(report)))
    for k, (what, step) in enumerate(steps):
        progress(k / len(steps), what)
        step()
    page_setup(doc, report.title)
    core_properties(doc, report.title, SUBJECT, author, created or dt.datetime.now(dt.UTC))
    doc.core_properties.keywords = "GGSR; toezicht op beleidsniveau; landelijke rapportage"
    progress(1.0, "klaar")


class NationalWriter:
    def __init__(self, doc):
        self.doc = doc
        self.styles = Styles(doc)
        self.table_text = doc.styles[TABLE_TEXT_STYLE].style_id
        self.table_style = doc.styles[TABLE_STYLE].style_id
        self.charts = ChartWriter(doc)

    # ---- building blocks -------------------------------------------------------------------------------------

    def para(self, text: str = "", style: str | None = None, bold: bool = False, placeholder_text: bool = False):
        paragraph = self.styles.paragraph(style)
        if text:
            run = paragraph.add_run(clean(text))
            run.bold = bold
            if placeholder_text:
                run.italic = True
                muted(run)
        return paragraph

    def heading(self, text: str, level: int, numbered: bool = True):
        paragraph = self.styles.heading(text, level)
        if not numbered:
            unnumbered(paragraph)
        return paragraph

    def blocks(self, items: tuple[Block, ...] | list[Block]) -> None:
        for block in items:
            if block.kind == "heading":
                self.heading(block.text, 3, numbered=False)
                continue
            paragraph = self.styles.paragraph("List Bullet" if block.kind == "bullet" else None)
            if block.lead:
                paragraph.add_run(clean(block.lead)).bold = True
                if block.text:
                    paragraph.add_run(" ")
            if block.text:
                run = paragraph.add_run(clean(block.text))
                if block.placeholder:
                    run.italic = True
                    muted(run)

    # ---- the parts ---------------------------------------------------------------------------------------------

    def front(self, report: NationalReport) -> None:
        self.para("Samenwerkend Toezicht Jeugd", bold=True)
        self.para()
        self.styles.paragraph("Title", report.title)
        if report.round:
            self.styles.paragraph("Subtitle", report.round)
        self.para(report.month)
        self.heading("Voorwoord", 1, numbered=False)
        self.blocks(report.voorwoord)
        self.para()
        for line in CLOSING:
            self.para(line)
        self.para()
        if report.signature:
            for line in report.signature:
                self.para(line)
        else:
            self.blocks(placeholder(SIGNATURE_MISSING))

    def introduction(self, report: NationalReport) -> None:
        self.heading("Inleiding", 1)
        self.blocks(report.chapter1["inleiding"])
        for key, title in (("ggsr", "Gezinnen met geringe sociale redzaamheid"),
                           ("toezichtonderzoek", "Toezichtonderzoek STJ")):
            self.heading(title, 2, numbered=False)
            self.blocks(report.chapter1[key])
        self.municipality_list(report)
        self.para(report.count_sentence)
        self.framework_figure(report)
        for key, title in (("deze_rapportage", "Deze rapportage"), ("verantwoording", "Verantwoording")):
            self.heading(title, 2, numbered=False)
            self.blocks(report.chapter1[key])

    def municipality_list(self, report: NationalReport, columns: int = 3) -> None:
        """The gemeenten (bold) with their approaches under them, in three columns, filled column by column."""
        entries = list(report.municipalities)
        if not entries:
            return
        table = self.doc.add_table(rows=1, cols=columns)  # the plain table style: no borders
        lines = [1 + len(a) for _g, a in entries]
        per_column = max(1, -(-sum(lines) // columns))
        column, used = 0, 0
        cells = table.rows[0].cells
        first_in_cell = [True] * columns
        for (gemeente, approaches), size in zip(entries, lines):
            if used and used + size > per_column and column < columns - 1:
                column, used = column + 1, 0
            cell = cells[column]
            cell_text(cell, gemeente, bold=True, style_id=self.table_text, new_paragraph=not first_in_cell[column])
            first_in_cell[column] = False
            for approach in approaches:
                cell_text(cell, approach, style_id=self.table_text, new_paragraph=True)
            used += size
        set_widths(table, [160 / columns] * columns)

    def framework_figure(self, report: NationalReport) -> None:
        """Figuur 1: the framework's themes with their criteria, the theme once over its rows."""
        self.caption(f"Figuur 1: {report.framework_caption}")
        if report.framework_intro:
            self.para(report.framework_intro)
        table = new_table(self.doc, 2, self.table_style)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(row_cells(table), ("Thema", report.criteria_header)):
            cell_text(cell, text, bold=True, style_id=self.table_text)
            shade(cell, HEADER_FILL)
        repeat_header(table.rows[0])
        for theme in report.themes:
            first = None
            for criterion in theme.criteria:
                cells = row_cells(table)
                if first is None:
                    cell_text(cells[0], theme.theme, bold=True, style_id=self.table_text)
                    first = cells[0]
                else:
                    merge_down(first, cells[0])
                cell_text(cells[1], criterion, style_id=self.table_text)
        set_widths(table, FRAMEWORK_WIDTHS)
        self.para()

    def conclusions(self, report: NationalReport) -> None:
        self.heading("Conclusies en aanbevelingen", 1)
        self.heading("Conclusies", 2)
        self.blocks(report.conclusions)
        self.heading("Aanbevelingen", 2)
        self.blocks(report.recommendations)

    def section(self, section, first: bool) -> None:
        if first:
            self.heading("Bevindingen", 1)
        self.heading(section.title, 2)
        self.blocks(section.text)
        for figure in section.figures:
            self.figure(figure)
            self.blocks(figure.after)

    def closing(self, report: NationalReport) -> None:
        if not report.sections:
            self.heading("Bevindingen", 1)
        self.heading("Tot slot", 1)
        self.blocks(report.closing)

    def caption(self, text: str):
        paragraph = self.para(text, bold=True)
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_before = Pt(12)
        return paragraph

    def figure(self, figure: FigureContent) -> None:
        """The caption, then the chart as a native Word chart (its lead line as the chart's title; its numbers as
        the alt text)."""
        self.caption(figure.title)
        paragraph = self.styles.paragraph()
        if figure.chart == CHART_SHARE:
            xml = pie_chart_xml(clean(figure.lead), [clean(p.label) for p in figure.parts],
                                [p.percentage or 0 for p in figure.parts],
                                [SHARE_COLOURS[k % len(SHARE_COLOURS)] for k in range(len(figure.parts))])
            height = 70
        else:
            yes = [100 * b.ja / (b.ja + b.nee) if b.ja + b.nee else 0 for b in figure.bars]
            xml = bar_chart_xml(clean(figure.lead), [clean(b.label) for b in figure.bars], yes, YES_COLOUR,
                                NO_COLOUR, [b.percentage is not None for b in figure.bars])
            height = 28 + 11 * len(figure.bars)
        self.charts.add(paragraph, xml, CHART_WIDTH_MM, height, clean(figure.title), clean(figure.alt_text))

"""The follow-up document 'Uitkomsten verbeterpunten toezichtonderzoek {gemeente}' laid out as a Word document in the
shape of seed 002 (spec round2 §3.2): the header lines, title, 'Aanpak: {naam}' (and '({jaar 1}: {oude naam})' when
renamed), month, the GGSR definition, Inleiding with the themes, Ontwikkeling {jaar 2} with its subheadings,
Uitkomsten verbeterpunten with one table per theme (Indicator | {jaar 1} | {jaar 2}, bold symbols, the header row
repeated on every page instead of the seed's 'Vervolg …' headings, decision §10.4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ggsr_desktop.report.docx_base import (
    cell_text,
    clean,
    core_properties,
    muted,
    page_setup,
    row_cells,
    set_widths,
)
from ggsr_desktop.report.factsheet_docx import HEADER_LINES, NOT_JUDGED, SheetWriter, description_blocks, keep_together
from ggsr_desktop.report.followup_content import DEFINITION, DEFINITION_BULLETS, Cell, FollowupReport, PointTable

Progress = Callable[[float, str], None]
SUBJECT = ("Uitkomsten verbeterpunten: het vervolg op het toezichtonderzoek naar gezinnen met geringe sociale "
           "redzaamheid")
COLUMN_WIDTHS = [52, 54, 54]  # mm, 160 in all (A4 with 25 mm margins)


def write_followup(doc, report: FollowupReport, progress: Progress = lambda _f, _m: None, *, author: str = "",
                   created: dt.datetime | None = None) -> None:
    w = _Writer(doc)
    w.front(report)
    progress(0.3, "inleiding en ontwikkeling")
    w.introduction(report)
    w.development(report)
    w.heading("Uitkomsten verbeterpunten", 1, new_page=True)
    for k, table in enumerate(report.tables):
        progress(0.4 + 0.6 * k / max(len(report.tables), 1), f"tabel {table.caption}")
        w.table(table, report)
    page_setup(doc, report.title)
    core_properties(doc, report.title, SUBJECT, author, created or dt.datetime.now(dt.UTC))
    doc.core_properties.keywords = f"GGSR; vervolgonderzoek; verbeterpunten; {clean(report.municipality)}"
    progress(1.0, "klaar")


class _Writer(SheetWriter):
    def heading(self, text: str, level: int, new_page: bool = False):
        """As seed 002: the parts follow each other; only the tables start on a page of their own."""
        paragraph = super().heading(text, level)
        paragraph.paragraph_format.page_break_before = new_page
        return paragraph

    def para(self, text: str = "", style: str | None = None, bold: bool = False, italic: bool = False):
        paragraph = super().para(text, style, bold)
        for run in paragraph.runs:
            run.italic = italic or None
        return paragraph

    def front(self, r: FollowupReport) -> None:
        self.para(HEADER_LINES[0], bold=True)
        self.para(HEADER_LINES[1])
        self.para()
        self.styles.paragraph("Title", r.title)
        self.para(f"Aanpak: {r.name}", bold=True)
        if r.renamed:
            self.para(f"({r.year1_label}: {r.former_name})")
        self.para(r.month)
        for text in DEFINITION:
            self.para(text, italic=True)
        for text in DEFINITION_BULLETS:
            self.para(text, "List Bullet")

    def introduction(self, r: FollowupReport) -> None:
        self.heading("Inleiding", 1)
        self.para(r.introduction)
        for theme in r.themes:
            bullet = self.styles.paragraph("List Bullet")
            bullet.add_run(clean(f"{theme.name}:")).bold = True
            bullet.add_run(clean(f" {theme.description}"))

    def development(self, r: FollowupReport) -> None:
        self.heading(f"Ontwikkeling {r.year2_label}", 1)
        if r.event:
            paragraph = self.para()
            for segment in r.event:
                paragraph.add_run(clean(segment.text)).italic = segment.italic
        for section in r.development:
            if section.heading:
                self.heading(section.heading, 2)
            for is_bullet, text in description_blocks(section.text):
                self.para(text, "List Bullet" if is_bullet else None)
        self.para(r.scope)

    def table(self, data: PointTable, r: FollowupReport) -> None:
        table = self.start_table(data.caption, ("Indicator", r.year1_label, r.year2_label))
        for row in data.rows:
            cells = row_cells(table)
            keep_together(table.rows[-1])
            cell_text(cells[0], row.indicator, style_id=self.table_text)
            self.cells(cells[1], row.year1)
            self.cells(cells[2], row.year2)
        set_widths(table, COLUMN_WIDTHS)

    def cells(self, cell, items: tuple[Cell, ...]) -> None:
        for k, item in enumerate(items):
            paragraph = self.cell_paragraph(cell, k, len(items))
            if item.mark is None:
                run = paragraph.add_run(NOT_JUDGED)
                run.italic = True
                muted(run)
                continue
            paragraph.add_run(item.symbol).bold = True
            if item.text.strip():
                paragraph.add_run(clean(f" {item.text.strip()}"))

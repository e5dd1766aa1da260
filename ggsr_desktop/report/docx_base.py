"""Word plumbing for the exports (python-docx): a document from the default or an organisation's template
(.docx, or .dotx read as a document), the styles the report relies on, heading numbering, fields (table of
contents, page numbers), table details (repeated header row, shading, merged cells), page setup, the Dutch
language and core properties, and text made safe for Word's XML.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ggsr_desktop.errors import GgsrError

# Characters XML 1.0 (and so Word) cannot hold: C0 controls except tab/newline, lone surrogates, U+FFFE/FFFF.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
HEADING_STYLES = ("Heading 1", "Heading 2", "Heading 3")
TABLE_TEXT_STYLE = "Tabeltekst"  # the text in the report's tables (9 pt), a style the inspector can change
QUOTE_STYLE = "Quote"
TABLE_STYLE = "Table Grid"
GREEN_FILL, RED_FILL, HEADER_FILL = "C6EFCE", "FFC7CE", "D9E2F3"


class TemplateError(GgsrError):
    """The house-style template cannot be used."""


class Styles:
    """Paragraph styles by name, looked up once: python-docx scans every style of the document for each
    `add_paragraph(style=…)`, which made the styles the largest cost of an export."""

    def __init__(self, doc):
        self.doc = doc
        self._ids: dict[str, str] = {}

    def paragraph(self, name: str | None = None, text: str = ""):
        paragraph = self.doc.add_paragraph()
        if name is not None:
            if name not in self._ids:
                self._ids[name] = self.doc.styles[name].style_id
            paragraph._p.style = self._ids[name]
        if text:
            paragraph.add_run(clean(text))
        return paragraph

    def heading(self, text: str, level: int):
        return self.paragraph(f"Heading {level}", text)


def clean(text: str) -> str:
    """Text Word accepts: unsafe characters dropped, Windows line ends made plain."""
    return _UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# ---- the document -------------------------------------------------------------------------------------------

def new_document(template: Path | None = None):
    """An empty document with the template's styles (python-docx's default template when None)."""
    if template is None:
        doc = Document()
    else:
        doc = _open_template(Path(template))
        body = doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
    ensure_styles(doc)
    return doc


def _open_template(path: Path):
    if not path.is_file():
        raise TemplateError(f"sjabloon niet gevonden: {path}")
    if path.suffix.lower() not in (".docx", ".dotx"):
        raise TemplateError(f"sjabloon {path.name}: gebruik een Word-document (.docx) of -sjabloon (.dotx)")
    source = path
    tmp = None
    try:
        if path.suffix.lower() == ".dotx":  # python-docx refuses the template content type: read it as a document
            tmp = Path(tempfile.mkdtemp(prefix="ggsr-sjabloon-"))
            source = tmp / (path.stem + ".docx")
            _as_document(path, source)
        return Document(str(source))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TemplateError(f"sjabloon {path.name} is geen bruikbaar Word-bestand ({type(exc).__name__})") from None
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _as_document(dotx: Path, target: Path) -> None:
    with zipfile.ZipFile(dotx) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(TEMPLATE_TYPE.encode(), DOCUMENT_TYPE.encode())
            dst.writestr(item, data)


def ensure_styles(doc) -> None:
    """The styles the report uses exist (an organisation's template may lack some), the headings are numbered
    1 / 1.1 / 1.1.1 through Word's list numbering, and the text is Dutch."""
    styles = doc.styles
    names = {s.name for s in styles}
    for name, base in (("Title", "Normal"), ("Subtitle", "Normal"), ("Heading 1", "Normal"),
                       ("Heading 2", "Heading 1"), ("Heading 3", "Heading 2"), ("Heading 4", "Heading 3"),
                       ("List Bullet", "Normal"), (QUOTE_STYLE, "Normal"), ("TOC Heading", "Heading 1")):
        if name not in names:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles[base] if base in names or base == "Normal" else None
            names.add(name)
            if name == QUOTE_STYLE:
                style.font.italic = True
                style.paragraph_format.left_indent = Mm(10)
            if name.startswith("Heading"):
                style.font.bold = True
    if TABLE_TEXT_STYLE not in names:
        style = styles.add_style(TABLE_TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.size = Pt(9)
        style.paragraph_format.space_after = Pt(0)
    if TABLE_STYLE not in names:
        styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    _number_headings(doc)
    _dutch(doc)
    _house_fonts(doc)


def _house_fonts(doc) -> None:
    """A plain sans-serif report (Calibri; LibreOffice shows its metric twin Carlito); chapters start on a new
    page. Only where the style does not say otherwise: an organisation's template keeps its own choices."""
    normal = doc.styles["Normal"]
    if normal.font.name is None:
        normal.font.name = "Calibri"
    if normal.font.size is None:
        normal.font.size = Pt(10.5)
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "TOC Heading"):
        style = doc.styles[name]
        if style.font.name in (None, "Calibri Light", "Cambria"):
            style.font.name = "Calibri"
    for name in ("Heading 1", "TOC Heading"):
        doc.styles[name].paragraph_format.page_break_before = True


def _number_headings(doc) -> None:
    numbering = doc.part.numbering_part.element
    ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(ids, default=0) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    abstract.append(_element("w:multiLevelType", "multilevel"))
    for level, style in enumerate(HEADING_STYLES):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:pStyle", doc.styles[style].style_id),
                           ("w:lvlText", ".".join(f"%{k + 1}" for k in range(level + 1))), ("w:suff", "space"),
                           ("w:lvlJc", "left")):
            lvl.append(_element(tag, value))
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # abstractNums come before nums
    else:
        numbering.append(abstract)
    nums = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = max(nums, default=0) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    num.append(_element("w:abstractNumId", abstract_id))
    numbering.append(num)
    for level, style in enumerate(HEADING_STYLES):
        ppr = doc.styles[style].element.get_or_add_pPr()
        for old in ppr.findall(qn("w:numPr")):
            ppr.remove(old)
        ppr.insert(0, _num_pr(num_id, level))


def _element(tag: str, value):
    """An element with one `w:val` attribute."""
    element = OxmlElement(tag)
    element.set(qn("w:val"), str(value))
    return element


def _num_pr(num_id: int, level: int):
    num_pr = OxmlElement("w:numPr")
    num_pr.append(_element("w:ilvl", level))
    num_pr.append(_element("w:numId", num_id))
    return num_pr


def unnumbered(paragraph) -> None:
    """A heading without a number (Voorwoord, Bijlage 1): numbering switched off on the paragraph."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(0, _num_pr(0, 0))


def _dutch(doc) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), "nl-NL")
    rpr.append(lang)


def page_setup(doc, header_text: str) -> None:
    """A4 with 25 mm margins; the title in the header, the page number in the footer."""
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(25)
        section.different_first_page_header_footer = True  # the title page stays clean
        header = section.header.paragraphs[0] if section.header.paragraphs else section.header.add_paragraph()
        header.text = clean(header_text)
        try:
            header._p.style = doc.styles["Header"].style_id
        except KeyError:  # an organisation's template without a header style: the paragraph keeps its own
            pass
        footer = section.footer.paragraphs[0] if section.footer.paragraphs else section.footer.add_paragraph()
        footer.alignment = 1  # centred
        add_field(footer, "PAGE", "1")


def core_properties(doc, title: str, subject: str, author: str, created: dt.datetime) -> None:
    props = doc.core_properties
    props.title = clean(title)
    props.subject = clean(subject)
    props.author = clean(author) or "GGSR Desktop"
    props.last_modified_by = props.author
    props.created = props.modified = created
    props.language = "nl-NL"
    props.keywords = "GGSR; toezicht op casusniveau; nota van bevindingen"
    props.comments = "Concept gemaakt met GGSR Desktop"


# ---- fields ---------------------------------------------------------------------------------------------------

def add_field(paragraph, instruction: str, result: str = ""):
    """A complex field (begin, instruction, separate, result, end) that Word and LibreOffice can update."""
    def fld_char(kind: str):
        run = paragraph.add_run()
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            char.set(qn("w:dirty"), "true")  # Word recalculates it on open
        run._r.append(char)
        return run

    fld_char("begin")
    instr_run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    instr_run._r.append(instr)
    fld_char("separate")
    shown = paragraph.add_run(clean(result))
    fld_char("end")
    return shown


def update_fields_on_open(doc) -> None:
    """Word asks to update the fields (the table of contents) when the document is opened."""
    settings = doc.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


# ---- tables ---------------------------------------------------------------------------------------------------

def new_table(doc, cols: int, style_id: str):
    """An empty table (no rows) in the given table style; the style is set on the XML (see `Styles`)."""
    table = doc.add_table(rows=0, cols=cols)
    table._tbl.tblPr.style = style_id
    return table


def set_widths(table, widths_mm: list[float]) -> None:
    """Fixed column widths that Word and LibreOffice both honour (grid, cells and a fixed layout)."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout"):
        for old in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(old)
    width = OxmlElement("w:tblW")
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(sum(Mm(w).twips for w in widths_mm)))
    tbl_pr.append(width)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(Mm(w).twips))
    for tr in table._tbl.tr_lst:  # on the XML: python-docx's row.cells rebuilds the grid for every row
        for tc, w in zip(tr.tc_lst, widths_mm, strict=False):
            tc.width = Mm(w)


def row_cells(table) -> list:
    """A new row's cells, without python-docx working out the whole grid again."""
    from docx.table import _Cell

    return [_Cell(tc, table) for tc in table.add_row()._tr.tc_lst]


def merge_down(first, cell) -> None:
    """`cell` continues `first` vertically (the criterion once per group): Word's vMerge, set directly."""
    for tc, value in ((first._tc, "restart"), (cell._tc, None)):
        tcpr = tc.get_or_add_tcPr()
        if tcpr.find(qn("w:vMerge")) is None:
            merge = OxmlElement("w:vMerge")
            if value:
                merge.set(qn("w:val"), value)
            tcpr.append(merge)


def repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    for old in tcpr.findall(qn("w:shd")):
        tcpr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def cell_text(cell, text: str, bold: bool = False, style_id: str | None = None, new_paragraph: bool = False) -> None:
    """The text of a new (empty) cell, in the table-text style; bold for headers; `new_paragraph` adds a line."""
    from docx.text.paragraph import Paragraph

    p = cell._tc.add_p() if new_paragraph else cell._tc.p_lst[0]
    if style_id is not None:
        p.style = style_id
    run = Paragraph(p, cell).add_run(clean(text))
    if bold:
        run.bold = True


def muted(run) -> None:
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)

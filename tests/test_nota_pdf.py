"""The Nota van Bevindingen as a PDF: the .docx converted by a headless LibreOffice (tests/lo_convert.py, run by the
system Python that has python3-uno), with its table of contents filled in and every chapter on the page it names.

Needs libreoffice-writer, python3-uno, poppler-utils (and fonts-liberation2, fonts-crosextra-carlito for a faithful
layout). Without them the tests skip, except under CI (environment variable CI set), where they fail: .ci/run
installs them.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import NamedTuple

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ggsr_desktop.exchange.demo import write_demo
from ggsr_desktop.store import Store

CONVERTER = Path(__file__).with_name("lo_convert.py")
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's python3-uno works with this interpreter only, not with the venv's
CONVERTER_TIMEOUT = 240  # s the converter allows itself (a conversion takes about 2 s; CI machines can be slow)
PROCESS_TIMEOUT = CONVERTER_TIMEOUT + 60  # s, so that the converter times out first and stops its soffice itself
TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'
HEADING_STYLES = ("Heading 1", "Heading 2", "Heading 3")
PLACEHOLDERS = ("Werk de inhoudsopgave bij", "Right-click to update field", "No table of contents entries found")
# Pages of the demo's nota (3 cases, 5 report sections, 33 indicators); LibreOffice 7.4 with Carlito makes 16: title
# page, voorwoord, contents, chapters 1-5 on pages 4-12 (each chapter on a new page) and the appendix's five tables
# on 13-16. The real nota of seed 001 (7 sections, 6 chapters, longer prose) has 25. At least 12: the six parts that
# start on a page of their own after the first three pages, chapters 1-4 running over, the appendix on 3 or more,
# which leaves room for a denser layout (another font or LibreOffice version), not for a lost chapter or table set.
# At most 40, well above the real nota: more means a layout runaway (a table row or a quote per page, text in a
# one-character-wide column).
DEMO_PAGES = range(12, 41)


def _normal(text: str) -> str:
    """NFKC (ligatures such as 'ﬁ' from the PDF become 'fi') with all whitespace collapsed to single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@functools.cache
def _missing_tools() -> str | None:
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} not found"
    check = subprocess.run([SYSTEM_PYTHON, str(CONVERTER), "--check"], capture_output=True, text=True, timeout=60)
    if check.returncode != 0:
        return (check.stderr.strip() or check.stdout.strip()).removeprefix("lo_convert: ")
    missing = [tool for tool in ("pdfinfo", "pdftotext") if shutil.which(tool) is None]
    return f"{', '.join(missing)} not found; install poppler-utils" if missing else None


@pytest.fixture
def to_pdf():
    """Converts a .docx to a PDF with the converter; skips (fails under CI) when the tools are missing."""
    problem = _missing_tools()
    if problem:
        message = f"PDF conversion unavailable: {problem}"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI must run this test: .ci/run installs the packages)")
        pytest.skip(message)

    def convert(docx: Path) -> Path:
        pdf = docx.with_suffix(".pdf")
        proc = subprocess.Popen([SYSTEM_PYTHON, str(CONVERTER), str(docx), str(pdf), "--timeout",
                                 str(CONVERTER_TIMEOUT)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            out, err = proc.communicate(timeout=PROCESS_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.terminate()  # the converter stops its soffice on SIGTERM; SIGKILL would leave it behind
            try:
                proc.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
            pytest.fail(f"the converter did not finish in {PROCESS_TIMEOUT} s")
        assert proc.returncode == 0, f"converter failed: {err.strip() or out.strip()}"
        assert pdf.is_file() and pdf.stat().st_size > 0
        sys.stdout.write(out)  # the conversion time, shown with -s
        return pdf

    return convert


def _page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True, timeout=60).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def _pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext ends every page with a form feed)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True,
                          timeout=60).stdout
    return text.split("\f")[:-1]


def _headings(docx: Path) -> list[tuple[int, str]]:
    """(level, text) of the paragraphs in Word's Heading 1–3 styles, in document order."""
    return [(HEADING_STYLES.index(p.style.name) + 1, _normal(p.text)) for p in Document(str(docx)).paragraphs
            if p.style is not None and p.style.name in HEADING_STYLES and p.text.strip()]


def _toc_results(docx: Path) -> list[str]:
    """The shown results of the document's TOC fields (simple or complex), e.g. an 'update me' placeholder."""
    results = []
    body = Document(str(docx)).element.body
    for simple in body.iter(qn("w:fldSimple")):
        if simple.get(qn("w:instr"), "").split()[:1] == ["TOC"]:
            results.append("".join(t.text or "" for t in simple.iter(qn("w:t"))))
    fields = []  # open complex fields, innermost last: [instruction, in the result part?, result text]
    for element in body.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:t")):
        kind = element.get(qn("w:fldCharType"))
        if kind == "begin":
            fields.append(["", False, ""])
        elif kind == "separate" and fields:
            fields[-1][1] = True
        elif kind == "end" and fields:
            instruction, _, result = fields.pop()
            if instruction.split()[:1] == ["TOC"]:
                results.append(result)
        elif element.tag == qn("w:instrText") and fields:
            fields[-1][0] += element.text or ""
        elif element.tag == qn("w:t") and any(f[1] for f in fields):
            next(f for f in fields if f[1])[2] += element.text or ""  # shown by the outermost field with a result
    return results


class Toc(NamedTuple):
    numbers: list[int]  # the page number given for each heading, in document order
    pages: range  # indexes of the pages it stands on
    text: str  # from 'Inhoudsopgave' to the last entry, whitespace collapsed


def _toc(pages: list[str], titles: list[str]) -> Toc:
    """The table of contents in the PDF's pages. Entries are looked for in order after 'Inhoudsopgave', each as the
    title (after its chapter number, if any), dot leaders or a space, and a number."""
    text, starts = "", []
    for page in pages:
        starts.append(len(text))
        text += _normal(page) + " "
    start = position = text.find("Inhoudsopgave")
    assert position >= 0, "no 'Inhoudsopgave' in the PDF"
    numbers = []
    for title in titles:
        match = re.compile(re.escape(title) + r"(?: ?[.…]{2,} ?| )(\d+)\b").search(text, position)
        assert match, f"the table of contents has no entry {title!r} with a page number: {text[position:][:600]!r}"
        numbers.append(int(match.group(1)))
        position = match.end()
    first, last = (max(i for i, s in enumerate(starts) if s <= at) for at in (start, position))
    return Toc(numbers, range(first, last + 1), text[start:position])


def _page_of(pages: list[str], title: str, skip: range) -> int:
    """The 1-based page, not one of `skip` (the contents), where `title` stands as a heading: a line (or two,
    wrapped) of its own, after its number if it has one."""
    heading = re.compile(r"(?:\d+(?:\.\d+)* )?" + re.escape(title))
    for index, page in enumerate(pages):
        lines = [_normal(line) for line in page.splitlines()]
        if index not in skip and any(heading.fullmatch(one) or heading.fullmatch(f"{one} {two}")
                                     for one, two in zip(lines, lines[1:] + [""])):
            return index + 1
    raise AssertionError(f"heading {title!r} not found in the body of the PDF")


def _check_toc(docx: Path, pdf: Path) -> tuple[Toc, list[str]]:
    """The table of contents lists every heading of levels 1–3 with a page number that is in range and ascending,
    the chapters (level 1) stand on the pages it gives (allowing one offset, should the numbering not start on the
    first page), and no placeholder of the unfilled field is left. Returns the contents and the pages' text."""
    headings = _headings(docx)
    assert headings, "the document has no headings in Word's Heading 1–3 styles"
    results = _toc_results(docx)
    assert results, f"the document has no {TOC_INSTRUCTION} field"
    pages = _pages(pdf)
    assert len(pages) == _page_count(pdf)
    toc = _toc(pages, [title for _, title in headings])
    numbers = toc.numbers
    assert numbers == sorted(numbers) and 1 <= numbers[0] and numbers[-1] <= len(pages), numbers
    offsets = {_page_of(pages, title, toc.pages) - number
               for (level, title), number in zip(headings, numbers) if level == 1}
    assert len(offsets) == 1, f"the contents' page numbers are stale: offsets {offsets} between page and number"
    shown = _normal("\f".join(pages)).casefold()
    for placeholder in PLACEHOLDERS + tuple(_normal(r) for r in results):
        if placeholder and not any(title in placeholder for _, title in headings):  # a result with entries is fine
            assert placeholder.casefold() not in shown, f"placeholder left in the PDF: {placeholder!r}"
    return toc, pages


def _tiny_docx(path: Path, simple_field: bool) -> None:
    """Contents (a TOC field with a placeholder result) and three chapters, each on a page of its own."""
    doc = Document()
    doc.add_paragraph("Inhoudsopgave", style="Title")
    paragraph = doc.add_paragraph()
    placeholder = "Werk de inhoudsopgave bij: klik met rechts en kies 'Veld bijwerken'."
    if simple_field:
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), TOC_INSTRUCTION)
        paragraph._p.append(field)
        run = OxmlElement("w:r")
        field.append(run)
        run.append(OxmlElement("w:t"))
        run[-1].text = placeholder
    else:
        for kind in ("begin", "instruction", "separate", "result", "end"):
            run = paragraph.add_run(placeholder if kind == "result" else None)
            if kind == "instruction":
                run._r.append(OxmlElement("w:instrText"))
                run._r[-1].text = TOC_INSTRUCTION
            elif kind != "result":
                run._r.append(OxmlElement("w:fldChar"))
                run._r[-1].set(qn("w:fldCharType"), kind)
    for title, level in (("1 Inleiding", 1), ("1.1 Leeswijzer", 2), ("2 Wat gaat goed?", 1), ("Bijlage 1: Tabel", 1)):
        if level == 1:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_heading(title, level)
        doc.add_paragraph("Tekst van de nota. " * 20)
    doc.save(str(path))


@pytest.mark.parametrize("simple_field", [False, True], ids=["complex-field", "simple-field"])
def test_converter_fills_in_the_table_of_contents(tmp_path, to_pdf, simple_field):
    docx = tmp_path / "tiny.docx"
    _tiny_docx(docx, simple_field)
    pdf = to_pdf(docx)
    assert _page_count(pdf) == 4
    toc, _ = _check_toc(docx, pdf)
    assert toc.numbers == [2, 2, 3, 4]  # 1 Inleiding, 1.1 Leeswijzer, 2 Wat gaat goed?, Bijlage 1


def test_nota_pdf(tmp_path, catalog, to_pdf):
    from ggsr_desktop.report import export_nota  # here, not at the top: the exporter is being written

    write_demo(tmp_path / "demo.sqlite", catalog)
    docx = tmp_path / "nota.docx"
    with Store.open(tmp_path / "demo.sqlite") as store:
        export_nota(store, catalog.get("casusniveau"), 1, docx)
    pdf = to_pdf(docx)
    assert _page_count(pdf) in DEMO_PAGES
    toc, pages = _check_toc(docx, pdf)  # every heading listed with a current page number, every chapter shown
    for chapter in ("1 Inleiding", "3 Wat gaat goed?", "4 Wat kan beter?", "Bijlage 1"):  # numbers as printed
        assert re.search(r"(?<![\d.])" + re.escape(chapter) + r"\D*?(?: ?[.…]{2,} ?| )\d+\b", toc.text), (
            f"no contents entry {chapter!r} with a page number in {toc.text[:800]!r}")
    appendix = next(title for level, title in _headings(docx) if level == 1 and title.startswith("Bijlage 1"))
    appendix_text = _normal(" ".join(pages[_page_of(pages, appendix, toc.pages) - 1:]))
    missing = [theme.name for theme in catalog.get("casusniveau").themes if theme.name not in appendix_text]
    assert not missing, f"appendix tables of these themes are not in the PDF: {missing}"

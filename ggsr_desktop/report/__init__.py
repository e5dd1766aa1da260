"""Exports as Word documents: the Nota van Bevindingen of an approach and the evidence working document.

Each export gathers its texts, checks them (`guard`: no known name, no identifier, else nothing is written),
lays them out with python-docx and writes the file atomically (a temporary file next to it, then renamed).
python-docx is imported here, not at start-up of the app.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.framework import Framework
from ggsr_desktop.report import guard
from ggsr_desktop.report.guard import ExportRefused
from ggsr_desktop.store import Store

__all__ = ["ExportRefused", "ExportResult", "export_evidence", "export_nota"]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    paragraphs: int
    tables: int
    auto_quotes: int = 0


def export_nota(store: Store, framework: Framework, approach_id: int, out_path, template=None, *, author: str = "",
                place: str = "Utrecht", date: dt.date | None = None, progress=lambda _f, _m: None) -> ExportResult:
    from ggsr_desktop.report.content import gather
    from ggsr_desktop.report.docx_base import new_document
    from ggsr_desktop.report.nota_docx import write_nota

    nota = gather(store, framework, approach_id, author=author, place=place, date=date)
    guard.check(nota.texts(), guard.registers(store, approach_id))
    doc = new_document(Path(template) if template else None)
    write_nota(doc, nota, progress)
    auto = sum(1 for s in nota.green + nota.red for q in s.quotes if q.auto)
    return _save(doc, out_path, auto)


def export_evidence(store: Store, framework: Framework, approach_id: int, out_path,
                    progress=lambda _f, _m: None) -> ExportResult:
    from ggsr_desktop.report.docx_base import new_document, page_setup, update_fields_on_open
    from ggsr_desktop.report.evidence_docx import evidence_texts, write_evidence

    guard.check(evidence_texts(store, framework, approach_id), guard.registers(store, approach_id))
    doc = new_document()
    write_evidence(doc, store, framework, approach_id, progress)
    approach = store.get_approach(approach_id)
    page_setup(doc, f"Bewijs per indicator — {approach.municipality} {approach.name}")
    update_fields_on_open(doc)
    return _save(doc, out_path)


def _save(doc, out_path, auto: int = 0) -> ExportResult:
    out = Path(out_path)
    if out.suffix.lower() != ".docx":
        raise GgsrError(f"{out.name}: het bestand moet op .docx eindigen")
    if not out.parent.is_dir():
        raise GgsrError(f"map bestaat niet: {out.parent}")
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".docx", dir=out.parent)
    os.close(fd)
    try:
        doc.save(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise GgsrError(f"kan {out} niet schrijven: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    body = doc.element.body
    return ExportResult(out, len(body.findall(".//{*}p")), len(doc.tables), auto)

"""Exports as Word documents: the Nota van Bevindingen of an approach and the evidence working document.

Each export gathers its texts from the store and checks them (`guard`: no known name, no identifier, else nothing
is written) — `prepare_*`, on the caller's thread — then lays them out with python-docx and writes the file
atomically (a temporary file next to it, then renamed) — `PreparedExport.write`, on any thread.
python-docx is imported here, not at start-up of the app. May import `models`, `errors`, `store`, `framework`,
`anonymise` and `evidence`; imported by `cli`, `gui` and `bench`.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.framework import Framework
from ggsr_desktop.models import Approach, Level, Mark
from ggsr_desktop.report import guard
from ggsr_desktop.report.guard import ExportRefused
from ggsr_desktop.store import Store

__all__ = ["ExportRefused", "ExportResult", "PreparedExport", "export_evidence", "export_factsheet", "export_followup",
           "export_nota", "prepare_evidence", "prepare_factsheet", "prepare_followup", "prepare_nota"]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    paragraphs: int
    tables: int
    auto_quotes: int = 0
    parts: int = 1  # the factsheet: approaches in it
    extra: dict | None = None  # what a particular export adds to its --json (the follow-up: rows and counts)


class PreparedExport:
    """The data of an export, read and checked; `write` builds and saves the document without touching the store,
    so the GUI can run it on a worker thread."""

    def __init__(self, build: Callable, auto_quotes: int = 0, parts: int = 1, extra: dict | None = None):
        self._build = build
        self.auto_quotes = auto_quotes
        self.parts = parts
        self.extra = extra

    def write(self, out_path, progress: Callable[[float, str], None] = lambda _f, _m: None) -> ExportResult:
        _check_target(Path(out_path))
        return replace(_save(self._build(progress), out_path, self.auto_quotes), parts=self.parts, extra=self.extra)


def prepare_nota(store: Store, framework: Framework, approach_id: int, template=None, *, author: str = "",
                 place: str = "Utrecht", date: dt.date | None = None) -> PreparedExport:
    from ggsr_desktop.report.content import gather
    from ggsr_desktop.report.docx_base import new_document
    from ggsr_desktop.report.nota_docx import write_nota

    nota = gather(store, framework, approach_id, author=author, place=place, date=date)
    guard.check(nota.texts(), guard.registers(store, approach_id))
    template = Path(template) if template else None
    if template is not None:
        new_document(template)  # a bad template is reported now, before the inspector waits for anything

    def build(progress):
        doc = new_document(template)
        write_nota(doc, nota, progress)
        return doc

    return PreparedExport(build, sum(1 for s in nota.green + nota.red for q in s.quotes if q.auto))


def prepare_evidence(store: Store, framework: Framework, approach_id: int) -> PreparedExport:
    from ggsr_desktop.report.docx_base import new_document, page_setup, update_fields_on_open
    from ggsr_desktop.report.evidence_docx import gather_evidence, write_evidence

    data = gather_evidence(store, framework, approach_id)
    guard.check(data.texts, guard.registers(store, approach_id))

    def build(progress):
        doc = new_document()
        write_evidence(doc, data, progress)
        page_setup(doc, data.title)
        update_fields_on_open(doc)
        return doc

    return PreparedExport(build)


def prepare_factsheet(store: Store, framework_of: Callable[[Approach], Framework], municipality: str, *,
                      anonymiser=None, author: str = "", date: dt.date | None = None) -> PreparedExport:
    """The factsheet 'Uitkomsten toezichtonderzoek {gemeente}' of the municipality's policy-level approaches. The
    guard checks at policy level: organisation and document names and dates stay, a private person's name (with
    an anonymiser) or a personal identifier refuses the export."""
    from ggsr_desktop.report.docx_base import new_document
    from ggsr_desktop.report.factsheet_content import gather
    from ggsr_desktop.report.factsheet_docx import write_factsheet

    factsheet = gather(store, framework_of, municipality, date=date)
    registers = [r for approach in store.list_approaches()
                 if approach.municipality == factsheet.municipality for r in guard.registers(store, approach.id)]
    guard.check(factsheet.texts(), registers, level=Level.POLICY, anonymiser=anonymiser, public=factsheet.public)

    def build(progress):
        doc = new_document()
        write_factsheet(doc, factsheet, progress, author=author)
        return doc

    return PreparedExport(build, parts=len(factsheet.approaches))


def export_factsheet(store: Store, framework_of: Callable[[Approach], Framework], municipality: str, out_path, *,
                     anonymiser=None, author: str = "", date: dt.date | None = None,
                     progress=lambda _f, _m: None) -> ExportResult:
    _check_target(Path(out_path))
    job = prepare_factsheet(store, framework_of, municipality, anonymiser=anonymiser, author=author, date=date)
    return job.write(out_path, progress)


def prepare_followup(store: Store, framework: Framework, approach_id: int, *, draft: bool = False, anonymiser=None,
                     author: str = "", date: dt.date | None = None) -> PreparedExport:
    """The follow-up 'Uitkomsten verbeterpunten toezichtonderzoek {gemeente}' of a follow-up approach. Verbeterpunten
    without a year-2 judgement refuse it (`MissingReassessment`, with their list) unless `draft`. The guard checks
    at the framework's level, with the registers of the follow-up and of its year-1 approach."""
    from ggsr_desktop.report.docx_base import new_document
    from ggsr_desktop.report.followup_content import gather
    from ggsr_desktop.report.followup_docx import write_followup

    report = gather(store, framework, approach_id, draft=draft, date=date)
    source = store.get_followup(approach_id).source_approach_id
    registers = guard.registers(store, approach_id) + (guard.registers(store, source) if source else [])
    level = Level(framework.level)
    guard.check(report.texts(), registers, level=level, anonymiser=anonymiser if level is Level.POLICY else None,
                public=report.public if level is Level.POLICY else ())
    p = report.progress
    extra = {"rows": sum(len(t.rows) for t in report.tables), "points": p.points,
             "counts": {"opgepakt": p.satisfied, "nog_niet": p.improvement,
                        Mark.NOT_ESTABLISHED.value: p.not_established, "nog_te_beoordelen": len(p.missing)},
             "missing": list(p.missing), "draft": draft, "summary": p.line}

    def build(progress):
        doc = new_document()
        write_followup(doc, report, progress, author=author)
        return doc

    return PreparedExport(build, extra=extra)


def export_followup(store: Store, framework: Framework, approach_id: int, out_path, *, draft: bool = False,
                    anonymiser=None, author: str = "", date: dt.date | None = None,
                    progress=lambda _f, _m: None) -> ExportResult:
    _check_target(Path(out_path))
    job = prepare_followup(store, framework, approach_id, draft=draft, anonymiser=anonymiser, author=author,
                           date=date)
    return job.write(out_path, progress)


def export_nota(store: Store, framework: Framework, approach_id: int, out_path, template=None, *, author: str = "",
                place: str = "Utrecht", date: dt.date | None = None, progress=lambda _f, _m: None) -> ExportResult:
    _check_target(Path(out_path))
    job = prepare_nota(store, framework, approach_id, template, author=author, place=place, date=date)
    return job.write(out_path, progress)


def export_evidence(store: Store, framework: Framework, approach_id: int, out_path,
                    progress=lambda _f, _m: None) -> ExportResult:
    _check_target(Path(out_path))
    return prepare_evidence(store, framework, approach_id).write(out_path, progress)


def _check_target(out: Path) -> None:
    if out.suffix.lower() != ".docx":
        raise GgsrError(f"{out.name}: het bestand moet op .docx eindigen")
    if not out.parent.is_dir():
        raise GgsrError(f"map bestaat niet: {out.parent}")


def _save(doc, out_path, auto: int = 0) -> ExportResult:
    out = Path(out_path)
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

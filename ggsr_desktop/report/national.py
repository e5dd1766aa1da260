"""The national report of a round as a Word draft (spec round2 §4, seed 000), as the other exports: `prepare_*`
gathers the records and the round's texts, counts them (`evidence.aggregate`) and checks every free text — no
gemeente or approach of the data (§4.7 check 12), no person's name or identifier (`guard`, at policy level) — on the
caller's thread; `PreparedExport.write` draws the charts and lays the document out (`national_docx`) on any thread
and writes it atomically. Nothing is written when a check fails.

`prepare_national` reads a round database; `prepare_national_records` takes records from anywhere (judgement files
of several inspectors) with the texts of the report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from ggsr_desktop.errors import GgsrError
from ggsr_desktop.evidence.aggregate import aggregate, records_from_store
from ggsr_desktop.framework import Framework
from ggsr_desktop.framework.figures import FigureSet, load_figures
from ggsr_desktop.models import ApproachRecord, Level
from ggsr_desktop.report import ExportResult, PreparedExport, guard
from ggsr_desktop.report.national_content import SIGNATURE_KEY, NationalReport, check_names, gather

__all__ = ["check_report", "export_national", "prepare_national", "prepare_national_records"]


def _figure_set(figures, framework: Framework) -> FigureSet:
    if isinstance(figures, FigureSet):
        if figures.framework_id != framework.id:
            raise GgsrError(f"{figures.source}: de figuurdefinities horen bij toetsingskader "
                            f"'{figures.framework_id}', niet bij '{framework.id}'")
        return figures
    return load_figures(Path(figures) if figures is not None else None, framework)


def check_report(report: NationalReport, registers=(), anonymiser=None, signature: str = "") -> None:
    """Refuse (ExportRefused, naming where) a free text that names a gemeente or approach of the data, a known
    person or an identifier; the signature (a public official, decision §10.7) only for identifiers."""
    check_names(report)
    registers = list(registers)
    public = (*report.names, *report.signature)
    guard.check([*report.free_texts, *report.definition_texts], registers, level=Level.POLICY,
                anonymiser=anonymiser, public=public)
    if signature.strip():
        guard.check([("de ondertekening van het voorwoord (tekst 'ondertekening')", signature)], registers,
                    level=Level.POLICY, public=public)


def prepare_national_records(records: Iterable[ApproachRecord], framework: Framework, texts: dict[str, str], *,
                             figures=None, round_name: str | None = None, registers=(), anonymiser=None,
                             expected: Iterable[tuple[str, str]] | None = None, author: str = "",
                             date: dt.date | None = None) -> PreparedExport:
    """The report of the given records (see `aggregate` for the refusals) with the texts by key
    (`national_content.TEXT_KEYS`, 'sectie_3.1', 'figuur_2'); `figures` a FigureSet, a file, or None (the
    shipped definitions)."""
    from ggsr_desktop.report.docx_base import new_document

    figure_set = _figure_set(figures, framework)
    counted = aggregate(records, framework, figure_set, expected)
    if not counted.records:
        raise GgsrError("geen aanpakken op beleidsniveau om te tellen: de landelijke rapportage is niet gemaakt")
    report = gather(counted, framework, figure_set, texts, round_name=round_name, date=date)
    check_report(report, registers, anonymiser, texts.get(SIGNATURE_KEY, ""))
    extra = {"figures": len(report.figures), "approaches": len(counted.records),
             "municipalities": len(counted.municipalities), "warnings": list(counted.warnings),
             "missing": [list(m) for m in counted.missing], "numbers": counted.figure_data()}

    def build(progress):
        from ggsr_desktop.report.national_docx import write_national

        doc = new_document()
        write_national(doc, report, progress, author=author)
        return doc

    return PreparedExport(build, parts=len(counted.records), extra=extra)


def prepare_national(store, catalog, study_id: int, *, figures=None, anonymiser=None,
                     expected: Iterable[tuple[str, str]] | None = None, author: str = "",
                     date: dt.date | None = None) -> PreparedExport:
    """The report of a round (a policy-level study) of a database: its approaches (follow-ups left out), its texts
    (`store.round_texts`); the guard uses the registers of all its approaches."""
    study = store.get_study(study_id)
    try:
        framework = catalog.get(study.framework_id)
    except KeyError:
        raise GgsrError(f"toetsingskader '{study.framework_id}' van onderzoek {study.id} is niet gevonden") from None
    records = records_from_store(store, catalog, [study.id])
    registers = [r for approach in store.list_approaches(study.id) for r in guard.registers(store, approach.id)]
    return prepare_national_records(records, framework, store.round_texts(study.id), figures=figures,
                                    round_name=study.name, registers=registers, anonymiser=anonymiser,
                                    expected=expected, author=author, date=date)


def export_national(store, catalog, study_id: int, out_path, *, figures=None, anonymiser=None,
                    expected: Iterable[tuple[str, str]] | None = None, author: str = "", date: dt.date | None = None,
                    progress=lambda _f, _m: None) -> ExportResult:
    out = Path(out_path)
    if out.suffix.lower() != ".docx":
        raise GgsrError(f"{out.name}: het bestand moet op .docx eindigen")
    job = prepare_national(store, catalog, study_id, figures=figures, anonymiser=anonymiser, expected=expected,
                           author=author, date=date)
    return job.write(out, progress)

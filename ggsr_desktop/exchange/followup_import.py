"""Importing a follow-up (the `followup` object of the import format, docs/import-format.md): the year-1 approach is
found in the database (`of`) or given with the file (`year1`); its judgements become the frozen copy; the file's
`judgements` are the year-2 re-assessment and must each be a year-1 verbeterpunt. All or nothing, as any import."""

from __future__ import annotations

from pathlib import Path

from ggsr_desktop.evidence.followup import baseline_from, point_rows
from ggsr_desktop.exchange.import_checks import MARKS, ImportFileError
from ggsr_desktop.framework import Framework
from ggsr_desktop.models import (
    DEFAULT_REGISSEUR_LABEL,
    BaselineJudgement,
    DevelopmentSection,
    Followup,
    FollowupDocument,
    RowGroup,
)
from ggsr_desktop.ops.capture import Capture


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _year1_in_store(capture: Capture, path: Path, of: dict, framework: Framework):
    store = capture.store
    followups = store.followup_ids()
    found = [a for a in store.list_approaches() if a.id not in followups and _same(a.municipality, of["municipality"])
             and _same(a.name, of["name"]) and store.get_study(a.study_id).framework_id == framework.id]
    if not found:
        raise ImportFileError(f"{path}: followup.of: geen aanpak '{of['name']}' van gemeente '{of['municipality']}' "
                              f"met toetsingskader '{framework.id}' in deze database; importeer eerst het eerste jaar "
                              "of geef de oordelen mee in followup.year1")
    if len(found) > 1:
        raise ImportFileError(f"{path}: followup.of: aanpak '{of['name']}' van gemeente '{of['municipality']}' staat "
                              f"{len(found)} keer in deze database (aanpakken {', '.join(str(a.id) for a in found)})")
    source = found[0]
    return source, baseline_from(store.list_judgements(source.id)), store.row_groups(source.id)


def _check_year2(path: Path, framework: Framework, baseline, groups, data: dict, year1_label: str) -> None:
    probe = Followup(0, None, framework.id, "-", year1_label, "-", "", "", "", None, "", "", "", tuple(baseline),
                     tuple(groups))
    judgeable = {p.indicator_id for row in point_rows(framework, probe, {}) for p in row.points}
    lead = {ind: g.indicator_ids[0] for g in groups if g.shared_finding for ind in g.indicator_ids[1:]}
    for k, j in enumerate(data.get("judgements", [])):
        ind = j["indicator"]
        if ind in judgeable:
            continue
        why = (f"staat in een rijgroep met één bevinding; beoordeel '{lead[ind]}'" if lead.get(ind) in judgeable
               else f"was in {year1_label} geen verbeterpunt (X); alleen verbeterpunten worden opnieuw beoordeeld")
        raise ImportFileError(f"{path}: judgements[{k}].indicator: indicator '{ind}' {why}")


def import_followup(capture: Capture, path: Path, data: dict, framework: Framework):
    from ggsr_desktop.exchange.importer import ImportResult, write_judgements

    store = capture.store
    f = data["followup"]
    source_id = None
    if "of" in f:
        source, baseline, groups = _year1_in_store(capture, path, f["of"], framework)
        source_id, former = source.id, source.name
    else:
        year1 = f["year1"]
        former = year1["name"]
        baseline = [BaselineJudgement(j["indicator"], MARKS[j["mark"]] if j.get("mark") else None,
                                      j.get("finding") or "", j.get("let_op") or "")
                    for j in year1.get("judgements", [])]
        groups = [RowGroup(0, tuple(g["indicators"]), bool(g.get("shared_finding", False)))
                  for g in year1.get("groups", [])]
    _check_year2(path, framework, baseline, groups, data, f["year1_label"])
    try:
        with store.transaction():
            study = store.add_study(data["study"], framework.id)
            ap = data["approach"]
            approach = store.add_approach(study.id, ap["municipality"], ap["name"],
                                          ap.get("regisseur_label") or DEFAULT_REGISSEUR_LABEL)

            def clean(text: str | None) -> str:
                return capture.anonymise_approach_text(approach.id, text or "")

            if source_id is None:  # typed from elsewhere: anonymised on the way in, as any text
                baseline = [BaselineJudgement(b.indicator_id, b.mark, clean(b.finding), clean(b.let_op))
                            for b in baseline]
            event = f.get("event", {})
            store.add_followup(
                approach.id, framework_id=framework.id, former_name=former, year1_label=f["year1_label"],
                year2_label=f["year2_label"], baseline=baseline, baseline_groups=groups,
                source_approach_id=source_id, assessed_year=f.get("assessed_year") or "", month=f.get("month") or "",
                source_title=clean(f.get("source_title") or f"Uitkomsten toezichtonderzoek {ap['municipality']}"),
                event_date=event.get("date"), event_form=clean(event.get("form")),
                event_respondents=clean(event.get("respondents")))
            store.set_followup_documents(approach.id, [FollowupDocument(clean(d["title"]), d.get("date") or "")
                                                       for d in f.get("documents", [])])
            store.set_development(approach.id, [DevelopmentSection(clean(p.get("heading")), clean(p.get("text")))
                                                for p in f.get("development", [])])
            write_judgements(capture, approach.id, data, {})
    except BaseException:
        capture.forget_cached_registers()
        raise
    return ImportResult(study.id, approach.id, store.counts(approach.id), 0)

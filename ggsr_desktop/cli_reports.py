"""The subcommands that report on an approach: `evidence` (the matrix), `export` (the nota and the evidence
document as .docx) and `bench` (speed and memory). Part of the command line of `cli.py`, which dispatches here."""

from __future__ import annotations

import json
import sys

from ggsr_desktop import paths
from ggsr_desktop.cli import _open, _print_json
from ggsr_desktop.errors import GgsrError


def _framework_of(store, approach, db):
    from ggsr_desktop.framework import load_catalog

    study = store.get_study(approach.study_id)
    try:
        return load_catalog(paths.user_frameworks_dir(db)).get(study.framework_id)
    except KeyError:
        raise GgsrError(f"toetsingskader '{study.framework_id}' van onderzoek {study.id} is niet gevonden") from None


def bench(args) -> int:
    from ggsr_desktop import bench

    machine = bench.machine()
    results = bench.run(quick=args.quick)
    data = [f.to_dict() for f in results]
    if args.out is not None:
        try:
            args.out.write_text(json.dumps({"machine": machine, "figures": data}, ensure_ascii=False, indent=2)
                                + "\n", encoding="utf-8")
        except OSError as exc:
            raise GgsrError(f"kan {args.out} niet schrijven: {exc.strerror}") from None
    if args.json:
        _print_json(data)
    else:
        print(bench.table(results, machine))
    return 0


def export(args) -> int:
    from ggsr_desktop.report import export_evidence, export_nota

    if args.template is not None and args.what != "nota":
        raise GgsrError("--template hoort bij 'export nota'")
    db = args.db or paths.default_db_path()
    with _open(args) as store:
        approach = store.get_approach(args.approach)
        framework = _framework_of(store, approach, db)
        if args.what == "nota":
            result = export_nota(store, framework, approach.id, args.out, args.template, author=args.author)
        else:
            result = export_evidence(store, framework, approach.id, args.out)
    if args.json:
        _print_json({"file": str(result.path), "paragraphs": result.paragraphs, "tables": result.tables,
                     "auto_quotes": result.auto_quotes})
    else:
        extra = (f"; {result.auto_quotes} citaten automatisch gekozen (met opmerking 'controleer')"
                 if result.auto_quotes else "")
        print(f"Geschreven: {result.path} ({result.paragraphs} alinea's, {result.tables} tabellen{extra}).")
    return 0


def evidence(args) -> int:
    from ggsr_desktop.evidence import matrix_records, records_csv

    db = args.db or paths.default_db_path()
    with _open(args) as store:
        approach = store.get_approach(args.approach)
        framework = _framework_of(store, approach, db)
        records = matrix_records(store, framework, approach.id)
    if args.json:
        _print_json(records)
    elif args.csv:
        sys.stdout.write(records_csv(records))
    else:
        print(f"aanpak {approach.id}: {approach.municipality} — {approach.name} ({framework.name})")
        print("bronnen: G gezin, R regisseur, P professional, D document (gezinsplan); oordeel: + positief, "
              "- negatief, 0 neutraal")
        for r in records:
            s, st = r["sources"], r["stances"]
            counts = (f"G{s['gezin']} R{s['regisseur']} P{s['professional']} D{s['document']}  "
                      f"+{st['positief']} -{st['negatief']} 0{st['neutraal']}")
            flags = ", ".join(r["flags"])
            print(f"{r['indicator']:<40} {r['case']:<10} {counts}  {r['mark'] or ' '}  {flags}")
    return 0

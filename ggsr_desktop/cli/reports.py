"""The report commands: evidence (the matrix), export (the nota and the evidence document as .docx) and bench."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ggsr_desktop import paths
from ggsr_desktop.cli.common import approach_options, json_option, open_store, passphrase_option, print_json
from ggsr_desktop.errors import GgsrError
from ggsr_desktop.models import Level, Role, Stance


def register(sub) -> None:
    p = sub.add_parser("evidence", help="toon de bewijsmatrix van een aanpak",
                       description="Toon per indicator en casus het aantal citaten per bron (gezin, regisseur, "
                                   "professional, document) en per oordeel, met de signalen geen_bewijs, een_bron "
                                   "en tegenstrijdig en de beoordeling. Elke indicator × elke casus, ook als leeg.")
    approach_options(p)
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="uitvoer als JSON (een lijst, één element per rij)")
    form.add_argument("--csv", action="store_true", help="uitvoer als CSV met een kopregel")
    passphrase_option(p)
    p.set_defaults(handler=evidence)

    p = sub.add_parser("export", help="exporteer de nota, het bewijs of de factsheet als Word-document",
                       description="Exporteer een Word-document (.docx): 'nota' is de nota van bevindingen van een "
                                   "aanpak (concept, in de vorm van de echte nota's), 'evidence' het werkdocument "
                                   "met per indicator het oordeel, de bevinding en alle citaten, 'factsheet' de "
                                   "'Uitkomsten toezichtonderzoek' van een gemeente op beleidsniveau (één deel per "
                                   "aanpak; --municipality in plaats van --approach), 'followup' de 'Uitkomsten "
                                   "verbeterpunten' van een vervolgonderzoek (--approach is het vervolgonderzoek; "
                                   "zonder oordeel van het tweede jaar bij elk verbeterpunt alleen met --draft). "
                                   "Alleen geanonimiseerde tekst; "
                                   "bevat een tekst toch een naam of identificerend gegeven, dan wordt er niets "
                                   "geschreven (exitcode 1).")
    p.add_argument("what", choices=["nota", "evidence", "factsheet", "followup"],
                   metavar="{nota,evidence,factsheet,followup}")
    approach_options(p, required=False)
    p.add_argument("--municipality", metavar="NAAM", help="de gemeente (alleen bij 'factsheet')")
    p.add_argument("--out", metavar="BESTAND.docx", type=Path, required=True, help="het te schrijven document")
    p.add_argument("--draft", action="store_true",
                   help="alleen bij 'followup': exporteer ook als niet elk verbeterpunt opnieuw beoordeeld is (er "
                        "staat dan [nog te beoordelen])")
    p.add_argument("--template", metavar="BESTAND", type=Path,
                   help="huisstijl: neem de stijlen over uit dit Word-document of -sjabloon (.docx of .dotx); "
                        "alleen bij 'nota'")
    p.add_argument("--author", metavar="NAAM", default=os.environ.get("GGSR_INSPECTOR", ""),
                   help="naam van de inspecteur voor de documenteigenschappen (standaard: GGSR_INSPECTOR)")
    json_option(p)
    passphrase_option(p)
    p.set_defaults(handler=export, parser=p)

    p = sub.add_parser("bench", help="meet snelheid en geheugen op veldschaal, tegen basislijnen",
                       description="Maakt synthetische studies (1.000 / 10.000 / 100.000 citaten) in een tijdelijke "
                                   "map en meet opstarten, geheugen, citaat opslaan, anonimiseren, bewijsmatrix, "
                                   "zoeken en exporteren, elk met een basislijn uit dezelfde run (medianen). "
                                   "Exitcode 0, ook als een doel niet gehaald wordt (zie PASS/FAIL).")
    p.add_argument("--quick", action="store_true", help="stop bij 10.000 citaten")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON-lijst")
    p.add_argument("--out", metavar="BESTAND", type=Path, help="schrijf de resultaten (JSON) ook naar dit bestand")
    p.set_defaults(handler=bench)


def _framework_of(store, approach, db):
    from ggsr_desktop.framework import load_catalog

    study = store.get_study(approach.study_id)
    try:
        return load_catalog(paths.user_frameworks_dir(db)).get(study.framework_id)
    except KeyError:
        raise GgsrError(f"toetsingskader '{study.framework_id}' van onderzoek {study.id} is niet gevonden") from None


def evidence(args) -> int:
    from ggsr_desktop.evidence.matrix import matrix_records, records_csv

    db = args.db or paths.default_db_path()
    with open_store(args) as store:
        approach = store.get_approach(args.approach)
        framework = _framework_of(store, approach, db)
        if framework.level == Level.POLICY:
            return _policy_evidence(args, store, approach, framework)
        records = matrix_records(store, framework, approach.id)
    if args.json:
        print_json(records)
    elif args.csv:
        sys.stdout.write(records_csv(records))
    else:
        print(f"aanpak {approach.id}: {approach.municipality} — {approach.name} ({framework.name})")
        print("bronnen: G gezin, R regisseur, P professional, D document (gezinsplan); oordeel: + positief, "
              "- negatief, 0 neutraal")
        for r in records:
            s, st = r["sources"], r["stances"]
            counts = (f"G{s[Role.FAMILY]} R{s[Role.REGISSEUR]} P{s[Role.PROFESSIONAL]} D{s[Role.DOCUMENT]}  "
                      f"+{st[Stance.POSITIVE]} -{st[Stance.NEGATIVE]} 0{st[Stance.NEUTRAL]}")
            flags = ", ".join(r["flags"])
            print(f"{r['indicator']:<40} {r['case']:<10} {counts}  {r['mark'] or ' '}  {flags}")
    return 0


def _policy_evidence(args, store, approach, framework) -> int:
    """A policy-level approach: indicator × respondent, with the agreement of the answers."""
    import csv
    import io

    from ggsr_desktop.evidence.policy_matrix import policy_records

    records = policy_records(store, framework, approach.id)
    if args.json:
        print_json(records)
    elif args.csv:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["indicator", "indicator_text", "respondent", "role", "stances_positief", "stances_negatief",
                         "stances_neutraal", "agreement", "proposed_mark", "mark"])
        for r in records:
            st = r["stances"]
            writer.writerow([r["indicator"], r["indicator_text"], r["respondent"], r["role"], st[Stance.POSITIVE],
                             st[Stance.NEGATIVE], st[Stance.NEUTRAL], r["agreement"], r["proposed_mark"] or "",
                             r["mark"] or ""])
        sys.stdout.write(out.getvalue())
    else:
        print(f"aanpak {approach.id}: {approach.municipality} — {approach.name} ({framework.name}, beleidsniveau)")
        print("oordeel: + positief, - negatief, 0 neutraal; overeenstemming per indicator; voorstel / oordeel")
        for r in records:
            st = r["stances"]
            print(f"{r['indicator']:<40} {r['respondent'][:30]:<30} +{st[Stance.POSITIVE]} -{st[Stance.NEGATIVE]} "
                  f"0{st[Stance.NEUTRAL]}  {r['agreement']:<20} {r['proposed_mark'] or ' '} / {r['mark'] or ' '}")
    return 0


def export(args) -> int:
    from ggsr_desktop.report import export_evidence, export_nota

    if args.template is not None and args.what != "nota":
        raise GgsrError("--template hoort bij 'export nota'")
    if args.what == "factsheet":
        if args.approach is not None or not args.municipality:
            args.parser.error("export factsheet: geef --municipality NAAM (en geen --approach)")
        return _export_factsheet(args)
    if args.approach is None or args.municipality is not None:
        args.parser.error(f"export {args.what}: geef --approach ID (--municipality hoort bij 'factsheet')")
    if args.draft and args.what != "followup":
        args.parser.error("--draft hoort bij 'export followup'")
    if args.what == "followup":
        return _export_followup(args)
    db = args.db or paths.default_db_path()
    with open_store(args) as store:
        approach = store.get_approach(args.approach)
        framework = _framework_of(store, approach, db)
        if args.what == "nota":
            result = export_nota(store, framework, approach.id, args.out, args.template, author=args.author)
        else:
            result = export_evidence(store, framework, approach.id, args.out)
    if args.json:
        print_json({"file": str(result.path), "paragraphs": result.paragraphs, "tables": result.tables,
                     "auto_quotes": result.auto_quotes})
    else:
        extra = (f"; {result.auto_quotes} citaten automatisch gekozen (met opmerking 'controleer')"
                 if result.auto_quotes else "")
        print(f"Geschreven: {result.path} ({result.paragraphs} alinea's, {result.tables} tabellen{extra}).")
    return 0


def _export_factsheet(args) -> int:
    from ggsr_desktop.anonymise.anonymiser import Anonymiser
    from ggsr_desktop.report import export_factsheet

    db = args.db or paths.default_db_path()
    with open_store(args) as store:
        result = export_factsheet(store, lambda approach: _framework_of(store, approach, db), args.municipality,
                                  args.out, anonymiser=Anonymiser(), author=args.author)
    if args.json:
        print_json({"file": str(result.path), "approaches": result.parts, "paragraphs": result.paragraphs,
                    "tables": result.tables})
    else:
        print(f"Geschreven: {result.path} ({result.parts} aanpak(ken), {result.paragraphs} alinea's, "
              f"{result.tables} tabellen).")
    return 0


def _export_followup(args) -> int:
    from ggsr_desktop.anonymise.anonymiser import Anonymiser
    from ggsr_desktop.report import export_followup

    db = args.db or paths.default_db_path()
    with open_store(args) as store:
        approach = store.get_approach(args.approach)
        if not store.is_followup(approach.id):
            raise GgsrError(f"aanpak {approach.id} ('{approach.name}') is geen vervolgonderzoek; maak er een aan "
                            "(Onderzoek › Vervolgonderzoek…) of importeer er een")
        framework = _framework_of(store, approach, db)
        anonymiser = Anonymiser() if framework.level == Level.POLICY else None
        result = export_followup(store, framework, approach.id, args.out, draft=args.draft, anonymiser=anonymiser,
                                 author=args.author)
    info = result.extra
    if args.json:
        print_json({"file": str(result.path), "paragraphs": result.paragraphs, "tables": result.tables, **info})
    else:
        print(f"Geschreven: {result.path} ({info['rows']} rijen in {result.tables} tabellen; {info['summary']}).")
    return 0


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
        print_json(data)
    else:
        print(bench.table(results, machine))
    return 0

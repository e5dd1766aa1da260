"""The team commands: `bundle export|inspect|merge` (exchange files between inspectors, merged by id)."""

from __future__ import annotations

import os
from pathlib import Path

from ggsr_desktop import paths
from ggsr_desktop.cli.common import (
    bundle_secret,
    bundle_secret_options,
    db_option,
    json_option,
    passphrase,
    passphrase_option,
    print_json,
)
from ggsr_desktop.errors import GgsrError


def register(sub) -> None:
    p = sub.add_parser("bundle", help="uitwisselbestanden tussen inspecteurs: exporteren, bekijken, samenvoegen",
                       description="Werk als team: exporteer een aanpak of onderzoek als versleuteld "
                                   "uitwisselbestand (.ggsr-bundle), bekijk er een, of voeg er een samen met een "
                                   "database (op id; conflicten worden getoond, nooit stil opgelost).")
    actions = p.add_subparsers(dest="action", metavar="ACTIE", required=True)

    e = actions.add_parser("export", help="schrijf een aanpak of onderzoek als uitwisselbestand")
    db_option(e)
    which = e.add_mutually_exclusive_group(required=True)
    which.add_argument("--approach", metavar="ID", type=int, help="één aanpak met alles erin")
    which.add_argument("--study", metavar="ID", type=int, help="alle aanpakken van een onderzoek")
    e.add_argument("--judgements", action="store_true",
                   help="alleen de oordelen (voor de landelijke rapportage en een vervolgonderzoek elders): geen "
                        "citaten, geen registers, geen personen")
    e.add_argument("--out", metavar="BESTAND.ggsr-bundle", type=Path, required=True)
    e.add_argument("--author", metavar="NAAM", default=os.environ.get("GGSR_INSPECTOR", ""),
                   help="naam van de inspecteur (standaard: GGSR_INSPECTOR)")
    bundle_secret_options(e, sealing=True)
    json_option(e)
    passphrase_option(e)
    e.set_defaults(handler=bundle_export)

    i = actions.add_parser("inspect", help="toon de kop van een uitwisselbestand (met sleutel ook de inhoud)")
    i.add_argument("file", metavar="BESTAND.ggsr-bundle", type=Path)
    bundle_secret_options(i, sealing=False)
    json_option(i)
    i.set_defaults(handler=bundle_inspect)

    m = actions.add_parser("merge", help="voeg een uitwisselbestand samen met een database (op id)")
    db_option(m)
    m.add_argument("file", metavar="BESTAND.ggsr-bundle", type=Path)
    m.add_argument("--resolve", metavar="ID=KEUZE", action="append", default=[],
                   help="keuze bij een conflict: ID=mine (houd mijn versie), ID=theirs (neem de andere) of bij een "
                        "citaat ID=both (houd beide); herhaalbaar")
    m.add_argument("--resolve-all", choices=["mine", "theirs"], help="dezelfde keuze voor elk conflict")
    m.add_argument("--dry-run", action="store_true", help="toon alleen wat er zou gebeuren")
    m.add_argument("--author", metavar="NAAM", default=os.environ.get("GGSR_INSPECTOR", ""),
                   help="naam voor de geschiedenis van de oordelen (standaard: de auteur van het bestand)")
    bundle_secret_options(m, sealing=False)
    json_option(m)
    passphrase_option(m)
    m.set_defaults(handler=bundle_merge)


def _catalog(db):
    from ggsr_desktop.framework import load_catalog

    return load_catalog(paths.user_frameworks_dir(db))


def bundle_export(args) -> int:
    from ggsr_desktop.exchange.team import export_bundle
    from ggsr_desktop.store.database import open_database

    db = args.db or paths.default_db_path()
    secret = bundle_secret(args, sealing=True)
    with open_database(db, passphrase(args)) as store:
        done = export_bundle(store, _catalog(db), args.out, secret, author=args.author, approach_id=args.approach,
                             study_id=args.study, judgements_only=args.judgements)
    if args.json:
        print_json({"file": str(done.path), "kind": done.kind, "counts": done.counts})
    else:
        counted = ", ".join(f"{n} {k}" for k, n in done.counts.items())
        print(f"Geschreven: {done.path} ({done.kind}: {counted}).")
    return 0


def bundle_inspect(args) -> int:
    from ggsr_desktop.exchange.team import inspect

    shown = inspect(args.file, bundle_secret(args, sealing=False, required=False))
    if args.json:
        print_json(shown)
    else:
        for key in ("kind", "study", "approaches", "framework", "author", "created", "app_version", "encrypted_for",
                    "verified", "counts"):
            if key in shown:
                print(f"{key}: {shown[key]}")
    return 0


def bundle_merge(args) -> int:
    from ggsr_desktop.exchange.merge import MergeConflicts
    from ggsr_desktop.exchange.team import merge_bundle
    from ggsr_desktop.store.database import open_or_create_database

    db = args.db or paths.default_db_path()
    secret = bundle_secret(args, sealing=False)
    resolutions = {}
    for item in args.resolve:
        uid, sep, choice = item.partition("=")
        if not sep:
            raise GgsrError(f"--resolve '{item}': gebruik ID=mine, ID=theirs of ID=both")
        resolutions[uid.strip()] = choice.strip()
    catalog = _catalog(db)
    with open_or_create_database(db, passphrase(args)) as store:
        if args.resolve_all:
            from ggsr_desktop.exchange.merge import plan
            from ggsr_desktop.exchange.team import open_for_merge

            found = plan(store, open_for_merge(args.file, secret, catalog).payload)
            resolutions = {c.uuid: args.resolve_all for c in found.conflicts} | resolutions
        try:
            result = merge_bundle(store, args.file, secret, catalog, author=args.author, resolutions=resolutions,
                                  dry_run=args.dry_run)
        except MergeConflicts as exc:
            if args.json:
                print_json({**exc.plan.to_dict(), "applied": False})
            raise
    if args.json:
        print_json({**result.to_dict(), "applied": not args.dry_run})
    else:
        verb = "Zou toevoegen" if args.dry_run else "Toegevoegd"
        print(f"{verb}: {len(result.added)}; gewijzigd: {len(result.changed)}; hier gewijzigd en gehouden: "
              f"{len(result.kept)}; gelijk: {result.unchanged}; conflicten: {len(result.conflicts)}.")
        for c in result.conflicts:
            print(f"  conflict {c.uuid}: {c.label}")
    return 0

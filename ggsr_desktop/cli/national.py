"""The national report commands (spec round2 §4): `aggregate` (the numbers behind every figure of a round, and per
indicator) and `national` (the Word draft of the national report of a round)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ggsr_desktop import paths
from ggsr_desktop.cli.common import (
    bundle_secret,
    bundle_secret_options,
    json_option,
    open_store,
    passphrase_option,
    print_json,
)
from ggsr_desktop.errors import GgsrError


def register(sub) -> None:
    p = sub.add_parser("aggregate", help="tel de oordelen van een ronde voor de landelijke rapportage",
                       description="Tel per figuur van de landelijke rapportage en per indicator de aanpakken op "
                                   "beleidsniveau van een ronde: ja (✓ of het kenmerk 'ja'), nee (X), uitgesloten (– "
                                   "of uitgesloten met een reden), niet beoordeeld, n = ja + nee, het percentage "
                                   "(half naar boven afgerond) en de getallenzin ('28 van de 30 onderzochte "
                                   "aanpakken (93%)'). Vervolgonderzoeken tellen niet mee. Twee verschillende "
                                   "oordelen over dezelfde aanpak of een ander toetsingskader: geweigerd (exitcode 1).")
    _round_options(p)
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true",
                      help="uitvoer als JSON: de figuren, de tabel per indicator, de lijst van gemeenten en "
                           "aanpakken, ontbrekende aanpakken en waarschuwingen")
    form.add_argument("--csv", action="store_true", help="uitvoer als CSV met een kopregel (de figuren)")
    p.add_argument("--indicators", action="store_true",
                   help="bij --csv of zonder opmaak: de tabel per indicator in plaats van de figuren")
    p.add_argument("--bundle", metavar="BESTAND.ggsr-bundle", type=Path, action="append", default=[],
                   help="tel (ook) de oordelen in dit uitwisselbestand (herhaalbaar); zonder --db alleen de "
                        "bestanden")
    bundle_secret_options(p, sealing=False)
    passphrase_option(p)
    p.set_defaults(handler=aggregate_command)

    p = sub.add_parser("national", help="exporteer de landelijke rapportage van een ronde als Word-document",
                       description="Schrijf het concept van de landelijke rapportage (.docx) van een ronde op "
                                   "beleidsniveau: voorwoord, inleiding met de gemeenten en hun aanpakken en figuur 1 "
                                   "(het toetsingskader), conclusies en aanbevelingen, bevindingen met de figuren "
                                   "uit de gegevens, tot slot. Een tekst die nog ontbreekt staat er als '[Nog te "
                                   "schrijven: …]'. Noemt een tekst buiten hoofdstuk 1 een gemeente of aanpak uit "
                                   "de gegevens, of een persoon of identificerend gegeven, dan wordt er niets "
                                   "geschreven (exitcode 1).")
    _round_options(p, study_required=True)
    p.add_argument("--out", metavar="BESTAND.docx", type=Path, required=True, help="het te schrijven document")
    p.add_argument("--author", metavar="NAAM", default=os.environ.get("GGSR_INSPECTOR", ""),
                   help="naam van de inspecteur voor de documenteigenschappen (standaard: GGSR_INSPECTOR)")
    json_option(p)
    passphrase_option(p)
    p.set_defaults(handler=national_command)


def _round_options(p, study_required: bool = False) -> None:
    p.add_argument("--db", metavar="PAD", type=Path, help="database (standaard: de gewone database)")
    p.add_argument("--study", metavar="ID", type=int, required=study_required,
                   help="de ronde (een onderzoek op beleidsniveau)"
                        + ("" if study_required else "; standaard: alle onderzoeken op beleidsniveau"))
    p.add_argument("--figures", metavar="BESTAND.yaml", type=Path,
                   help="figuurdefinities (standaard: die van de landelijke rapportage beleidsniveau)")
    p.add_argument("--expected", metavar="BESTAND.csv", type=Path,
                   help="lijst van verwachte aanpakken ('gemeente,aanpak' per regel): ontbrekende worden genoemd")


def _catalog(db: Path):
    from ggsr_desktop.framework import load_catalog

    return load_catalog(paths.user_frameworks_dir(db))


def _expected(path: Path | None):
    from ggsr_desktop.evidence.aggregate import read_expected

    if path is None:
        return None
    try:
        return read_expected(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GgsrError(f"kan lijst van verwachte aanpakken niet lezen: {path}: {exc}") from None


def _framework(store, catalog, records, study_id):
    """The framework of the round: of the study, or the one all records share."""
    if study_id is not None:
        framework_id = store.get_study(study_id).framework_id
    else:
        ids = sorted({r.framework_id for r in records})
        if not ids:
            raise GgsrError("geen aanpakken op beleidsniveau in de database (vervolgonderzoeken tellen niet mee)")
        if len(ids) > 1:
            raise GgsrError(f"de onderzoeken op beleidsniveau gebruiken verschillende toetsingskaders "
                            f"({', '.join(ids)}): kies er één met --study")
        framework_id = ids[0]
    try:
        return catalog.get(framework_id)
    except KeyError:
        raise GgsrError(f"toetsingskader '{framework_id}' is niet gevonden") from None


def aggregate_command(args) -> int:
    from ggsr_desktop.evidence.aggregate import aggregate, records_from_store
    from ggsr_desktop.framework.figures import load_figures

    db = args.db or paths.default_db_path()
    catalog = _catalog(db)
    records = []
    if args.bundle:
        from ggsr_desktop.exchange.team import records_from_bundle

        secret = bundle_secret(args, sealing=False)
        for path in args.bundle:
            records += records_from_bundle(path, secret, catalog)
    if args.db is not None or not args.bundle:
        with open_store(args) as store:
            records += records_from_store(store, catalog, None if args.study is None else [args.study])
            framework = _framework(store, catalog, records, args.study)
    else:
        framework = _framework(None, catalog, records, None)
    result = aggregate(records, framework, load_figures(args.figures, framework), _expected(args.expected))
    if args.json:
        print_json(result.summary())
        return 0
    if args.csv:
        sys.stdout.write(result.indicator_csv() if args.indicators else result.to_csv())
        return 0
    print(f"{len(result.records)} aanpakken van {len(result.municipalities)} gemeenten ({framework.name}"
          + (f"; {', '.join(result.rounds)}" if result.rounds else "") + ")")
    if args.indicators:
        for r in result.indicators:
            c = r.count
            shown = "–" if c.percentage is None else f"{c.percentage}%"
            print(f"{r.indicator:<40} ja {c.ja:>3}  nee {c.nee:>3}  uitgesloten {c.uitgesloten:>3}  "
                  f"niet beoordeeld {c.niet_beoordeeld:>3}  n {c.n:>3}  {shown:>4}")
    else:
        for row in result.rows:
            print(f"Figuur {row.figure:<3} {row.item[:42]:<42} {row.zin}")
    for warning in result.warnings:
        print(f"let op: {warning}")
    return 0


def national_command(args) -> int:
    from ggsr_desktop.anonymise.anonymiser import Anonymiser
    from ggsr_desktop.report.national import export_national

    db = args.db or paths.default_db_path()
    catalog = _catalog(db)
    with open_store(args) as store:
        result = export_national(store, catalog, args.study, args.out, figures=args.figures,
                                 anonymiser=Anonymiser(), expected=_expected(args.expected), author=args.author)
    info = result.extra
    if args.json:
        print_json({"file": str(result.path), "paragraphs": result.paragraphs, "tables": result.tables, **info})
    else:
        print(f"Geschreven: {result.path} ({info['approaches']} aanpakken van {info['municipalities']} gemeenten, "
              f"{info['figures']} figuren, {result.paragraphs} alinea's, {result.tables} tabellen).")
        for warning in info["warnings"]:
            print(f"let op: {warning}")
    return 0

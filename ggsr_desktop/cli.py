"""The `ggsr-desktop` command: opens the GUI, or runs a headless subcommand.

Contract (documented in README and docs/cli.md): exit 0 on success, 2 on a usage error, 1 on any other
failure with a one-line Dutch message on stderr. Keep names, options and JSON output stable.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from ggsr_desktop import __version__, paths
from ggsr_desktop.errors import GgsrError

PROG = "ggsr-desktop"

_DUTCH = {
    "usage: ": "gebruik: ",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "the following arguments are required: %s": "verplicht maar niet opgegeven: %s",
    "expected one argument": "verwacht één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "onbekende keuze: %(value)r (kies uit %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s past op %(matches)s",
    "not allowed with argument %s": "gaat niet samen met argument %s",
}
argparse._ = lambda text: _DUTCH.get(text, text)  # argparse looks `_` up at call time


def _passphrase_option(p) -> None:
    p.add_argument("--passphrase-file", metavar="BESTAND", type=Path,
                   help="lees het wachtwoord van de database uit dit bestand (eerste regel); "
                        "anders uit de omgevingsvariabele GGSR_PASSPHRASE")


def _approach_options(p) -> None:
    p.add_argument("--db", metavar="PAD", type=Path, help="database (standaard: de gewone database)")
    p.add_argument("--approach", metavar="ID", type=int, required=True, help="de aanpak")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="GGSR Desktop: toezichtonderzoek op casusniveau naar de zorg en ondersteuning van gezinnen "
                    "met geringe sociale redzaamheid. Zonder subcommando opent de grafische toepassing.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}",
                        help="toon het versienummer en stop")
    parser.add_argument("--db", dest="gui_db", metavar="PAD", type=Path,
                        help=f"database om te openen (standaard: {paths.default_db_path()})")
    parser.add_argument("--demo", action="store_true", help="open op een verse kopie van de demo-studie")
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMANDO", title="subcommando's")

    p = sub.add_parser("demo", help="schrijf de demo-studie naar een nieuwe database",
                       description="Schrijf de demo-studie (fictief) naar een nieuwe database, zonder scherm.")
    p.add_argument("--db", metavar="PAD", type=Path, help="pad van de nieuwe database (verplicht)")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")

    p = sub.add_parser("frameworks", help="toon de toetsingskaders",
                       description="Toon alle toetsingskaders met thema's, criteria en indicatoren.")
    p.add_argument("--db", metavar="PAD", type=Path,
                   help="database waarnaast de map 'frameworks' met eigen toetsingskaders staat")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")

    p = sub.add_parser("import", help="importeer uitgewerkte aantekeningen (JSON), geanonimiseerd",
                       description="Importeer uitgewerkte aantekeningen uit een JSON-bestand (formaat: "
                                   "docs/import-format.md). Alles of niets; elke tekst gaat door de anonimiseerder.")
    p.add_argument("--db", metavar="PAD", type=Path, help="database (wordt aangemaakt als die nog niet bestaat)")
    p.add_argument("file", metavar="BESTAND.json", type=Path)
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    _passphrase_option(p)

    p = sub.add_parser("anonymise", help="anonimiseer tekst van stdin",
                       description="Lees tekst van stdin en schrijf de geanonimiseerde tekst naar stdout.")
    p.add_argument("--known-name", action="append", default=[], metavar="NAAM",
                   help="bekende naam (herhaalbaar); 'rol=naam' geeft de rol als plaatshouder, bijv. moeder=…")
    p.add_argument("--jsonl", action="store_true",
                   help='elke invoerregel {"text", "known_names"}; elke uitvoerregel {"text", "spans"}')
    p.add_argument("--evaluate", metavar="BESTAND.jsonl", type=Path,
                   help="meet de anonimiseerder op een gelabelde set (JSON Lines, formaat: docs/anonymisation.md): "
                        "verwijderde items per categorie, namen, directe identificatoren, ten onrechte vervangen "
                        "woorden, volledig goede citaten, tijd per citaat; met de missers per categorie")
    p.add_argument("--json", action="store_true", help="bij --evaluate: uitvoer als JSON")

    p = sub.add_parser("audit", help="zoek identificerende gegevens in een database",
                       description="Doorzoek alle opgeslagen teksten op identificerende patronen en, met "
                                   "--names-file, op namen. Exitcode 1 als er iets gevonden is.")
    p.add_argument("--db", metavar="PAD", type=Path, help="database (standaard: de gewone database)")
    p.add_argument("--names-file", metavar="BESTAND", type=Path, help="namen om op te zoeken, één per regel")
    _passphrase_option(p)

    p = sub.add_parser("dump", help="toon de inhoud van een database",
                       description="Toon onderzoeken en aanpakken, of één aanpak volledig.")
    p.add_argument("--db", metavar="PAD", type=Path, default=None, help="database (standaard: de gewone database)")
    p.add_argument("--approach", metavar="ID", type=int, help="toon deze aanpak met al zijn gegevens")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    _passphrase_option(p)

    p = sub.add_parser("evidence", help="toon de bewijsmatrix van een aanpak",
                       description="Toon per indicator en casus het aantal citaten per bron (gezin, regisseur, "
                                   "professional, document) en per oordeel, met de signalen geen_bewijs, een_bron "
                                   "en tegenstrijdig en de beoordeling. Elke indicator × elke casus, ook als leeg.")
    _approach_options(p)
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="uitvoer als JSON (een lijst, één element per rij)")
    form.add_argument("--csv", action="store_true", help="uitvoer als CSV met een kopregel")
    _passphrase_option(p)

    p = sub.add_parser("export", help="exporteer de nota van bevindingen of het bewijs als Word-document",
                       description="Exporteer een Word-document (.docx) van een aanpak: 'nota' is de nota van "
                                   "bevindingen (concept, in de vorm van de echte nota's), 'evidence' het werkdocument "
                                   "met per indicator het oordeel, de bevinding en alle citaten. Alleen "
                                   "geanonimiseerde tekst; bevat een tekst toch een naam of identificerend gegeven, "
                                   "dan wordt er niets geschreven (exitcode 1).")
    p.add_argument("what", choices=["nota", "evidence"], metavar="{nota,evidence}")
    _approach_options(p)
    p.add_argument("--out", metavar="BESTAND.docx", type=Path, required=True, help="het te schrijven document")
    p.add_argument("--template", metavar="BESTAND", type=Path,
                   help="huisstijl: neem de stijlen over uit dit Word-document of -sjabloon (.docx of .dotx); "
                        "alleen bij 'nota'")
    p.add_argument("--author", metavar="NAAM", default=os.environ.get("GGSR_INSPECTOR", ""),
                   help="naam van de inspecteur voor de documenteigenschappen (standaard: GGSR_INSPECTOR)")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    _passphrase_option(p)

    p = sub.add_parser("bench", help="meet snelheid en geheugen op veldschaal, tegen basislijnen",
                       description="Maakt synthetische studies (1.000 / 10.000 / 100.000 citaten) in een tijdelijke "
                                   "map en meet opstarten, geheugen, citaat opslaan, anonimiseren, bewijsmatrix, "
                                   "zoeken en exporteren, elk met een basislijn uit dezelfde run (medianen). "
                                   "Exitcode 0, ook als een doel niet gehaald wordt (zie PASS/FAIL).")
    p.add_argument("--quick", action="store_true", help="stop bij 10.000 citaten")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON-lijst")
    p.add_argument("--out", metavar="BESTAND", type=Path, help="schrijf de resultaten (JSON) ook naar dit bestand")

    p = sub.add_parser("check", help="controleer een database op beschadiging",
                       description="Volledige controle van een database (pagina's, verwijzingen, zoekindex). "
                                   "Exitcode 0: gezond; 1: beschadigd of niet te openen, met wat er mis is.")
    p.add_argument("--db", metavar="PAD", type=Path, help="database (standaard: de gewone database)")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    _passphrase_option(p)

    p = sub.add_parser("backups", help="toon de back-ups van een database",
                       description="Toon de back-ups van een database, nieuwste eerst, met tijd, grootte en of "
                                   "ze nu goed bevonden worden.")
    p.add_argument("--db", metavar="PAD", type=Path, help="database (standaard: de gewone database)")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    _passphrase_option(p)

    p = sub.add_parser("restore", help="zet een back-up terug",
                       description="Zet de nieuwste goede back-up (--latest) of een gekozen back-up (--from) "
                                   "terug. De huidige database wordt opzij gezet, nooit verwijderd; rijen die "
                                   "nieuwer zijn dan de back-up worden eruit gered waar ze leesbaar zijn.")
    p.add_argument("--db", metavar="PAD", type=Path, help="database (standaard: de gewone database)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--latest", action="store_true", help="de nieuwste goed bevonden back-up")
    which.add_argument("--from", dest="source", metavar="BESTAND", type=Path, help="deze back-up")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    _passphrase_option(p)

    p = sub.add_parser("passphrase", help="wijzig het wachtwoord van een database",
                       description="Zet een nieuw wachtwoord op een versleutelde database; de gegevens worden "
                                   "niet herschreven. Met --recovery-key (de geheime herstelsleutel van de "
                                   "organisatie) is het oude wachtwoord niet nodig.")
    p.add_argument("--db", metavar="PAD", type=Path, help="database (standaard: de gewone database)")
    p.add_argument("--new-passphrase-file", metavar="BESTAND", type=Path,
                   help="nieuw wachtwoord (eerste regel); anders uit GGSR_NEW_PASSPHRASE")
    p.add_argument("--recovery-key", metavar="BESTAND", type=Path,
                   help="geheime herstelsleutel van de organisatie (PEM) in plaats van het oude wachtwoord")
    _passphrase_option(p)

    p = sub.add_parser("recovery-key", help="maak een herstelsleutelpaar voor de organisatie",
                       description="Maak een herstelsleutelpaar. Het publieke deel komt op de laptops "
                                   "(docs/storage.md); het geheime deel bewaart de organisatie offline.")
    p.add_argument("--private", metavar="BESTAND", type=Path, required=True, help="geheim deel (wordt aangemaakt)")
    p.add_argument("--public", metavar="BESTAND", type=Path, required=True, help="publiek deel (wordt aangemaakt)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command:
        # `ggsr-desktop --db X dump` means the same as `ggsr-desktop dump --db X`
        args.db = getattr(args, "db", None) or args.gui_db
        if args.demo:
            parser.error(f"--demo opent de grafische toepassing en gaat niet samen met '{args.command}'")
        if args.command == "demo" and args.db is None:
            parser.error("demo: verplicht maar niet opgegeven: --db PAD")
    elif args.demo and args.gui_db:
        parser.error("--demo en --db gaan niet samen: --demo werkt op een verse, tijdelijke kopie")
    try:
        if args.command in ("evidence", "export", "bench"):
            from ggsr_desktop import cli_reports
        if args.command == "demo":
            return _cmd_demo(args)
        if args.command == "frameworks":
            return _cmd_frameworks(args)
        if args.command == "dump":
            return _cmd_dump(args)
        if args.command == "import":
            return _cmd_import(args)
        if args.command == "anonymise":
            return _cmd_anonymise(args)
        if args.command == "audit":
            return _cmd_audit(args)
        if args.command == "evidence":
            return cli_reports.evidence(args)
        if args.command == "export":
            return cli_reports.export(args)
        if args.command == "bench":
            return cli_reports.bench(args)
        if args.command == "check":
            return _cmd_check(args)
        if args.command == "backups":
            return _cmd_backups(args)
        if args.command == "restore":
            return _cmd_restore(args)
        if args.command == "passphrase":
            return _cmd_passphrase(args)
        if args.command == "recovery-key":
            return _cmd_recovery_key(args)
        return _cmd_gui(args)
    except GgsrError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("afgebroken")
    except BrokenPipeError:  # the reader stopped early (`… | head`): not a failure of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # one line for the user; the traceback on request
        if os.environ.get("GGSR_DEBUG"):
            raise
        return _fail(f"onverwachte fout: {type(exc).__name__}: {exc}")


def _fail(message: str) -> int:
    print(f"{PROG}: fout: {' '.join(message.split())}", file=sys.stderr)
    return 1


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _read_secret(path: Path | None, env: str) -> str | None:
    """A passphrase from the first line of `path`, else from the environment variable `env`."""
    if path is not None:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise GgsrError(f"kan wachtwoordbestand niet lezen: {path}: {exc}") from None
        if not lines or not lines[0]:
            raise GgsrError(f"wachtwoordbestand is leeg: {path}")
        return lines[0]
    return os.environ.get(env) or None


def _passphrase(args) -> str | None:
    return _read_secret(getattr(args, "passphrase_file", None), "GGSR_PASSPHRASE")


def _open(args):
    from ggsr_desktop.database import open_database

    return open_database(args.db or paths.default_db_path(), _passphrase(args))


def _cmd_demo(args) -> int:
    from ggsr_desktop.demo import write_demo

    result = write_demo(args.db)
    if args.json:
        _print_json({"database": str(args.db), "study_id": result.study_id, "approach_id": result.approach_id,
                     **result.counts})
    else:
        c = result.counts
        print(f"Demo-studie geschreven naar {args.db}: {c['cases']} casussen, {c['interviews']} gesprekken, "
              f"{c['quotes']} citaten, {c['judgements']} oordelen.")
    return 0


def _cmd_frameworks(args) -> int:
    from ggsr_desktop.framework import LEVEL_NAMES, load_catalog

    catalog = load_catalog(paths.user_frameworks_dir(args.db))
    if args.json:
        _print_json({
            "frameworks": [fw.to_dict() for fw in catalog.frameworks],
            "errors": [{"file": e.path, "line": e.line, "field": e.field, "message": str(e)} for e in catalog.errors],
        })
    else:
        for fw in catalog.frameworks:
            origin = "ingebouwd" if fw.builtin else fw.source
            print(f"{fw.id} — {fw.name} ({LEVEL_NAMES[fw.level]}, {origin}; {len(fw.themes)} thema's, "
                  f"{len(fw.criteria)} criteria, {len(fw.indicators)} indicatoren)")
            for theme in fw.themes:
                print(f"  {theme.id}  {theme.name}")
                for crit in theme.criteria:
                    print(f"    {crit.id}  {crit.text}")
                    for ind in crit.indicators:
                        print(f"      {ind.id}  {' '.join(ind.text.split())}")
            print()
    for err in catalog.errors:
        print(f"{PROG}: fout: {err}", file=sys.stderr)
    return 1 if catalog.errors else 0


def _cmd_dump(args) -> int:
    from ggsr_desktop import dump

    with _open(args) as store:
        data = dump.approach_detail(store, args.approach) if args.approach is not None else dump.overview(store)
    if args.json:
        _print_json(data)
    elif args.approach is None:
        print(f"{data['database']} (schemaversie {data['schema_version']})")
        for s in data["studies"]:
            print(f"onderzoek {s['id']}: {s['name']} [{s['framework']}]")
            for a in s["approaches"]:
                print(f"  aanpak {a['id']}: {a['municipality']} — {a['name']} ({a['cases']} casussen, "
                      f"{a['interviews']} gesprekken, {a['quotes']} citaten, {a['judgements']} oordelen)")
    else:
        a = data["approach"]
        print(f"aanpak {a['id']}: {a['municipality']} — {a['name']}")
        for case in data["cases"]:
            print(f"  {case['code']}")
            for iv in case["interviews"]:
                org = f" ({iv['organisation_type']})" if iv["organisation_type"] else ""
                print(f"    {iv['role']}{org} {iv['date'] or ''} {iv['status']}: {len(iv['quotes'])} citaten")
        judged = sum(1 for j in data["judgements"] if j["mark"])
        print(f"  oordelen: {judged} van {len(data['judgements'])} met beoordeling")
    return 0


def _cmd_import(args) -> int:
    from ggsr_desktop.anonymise.anonymiser import Anonymiser
    from ggsr_desktop.capture import Capture
    from ggsr_desktop.database import open_or_create_database
    from ggsr_desktop.framework import load_catalog
    from ggsr_desktop.importer import import_file, read_import_file

    db = args.db or paths.default_db_path()
    catalog = load_catalog(paths.user_frameworks_dir(db))
    read_import_file(args.file, catalog)  # refuse a bad file before touching (or creating) the database
    with open_or_create_database(db, _passphrase(args)) as store:
        if store.keep_backups and store.changed_since_backup:
            store.backup()  # before a bulk operation
        result = import_file(Capture(store, Anonymiser()), args.file, catalog)
    c = result.counts
    if args.json:
        _print_json({"database": str(db), "study_id": result.study_id, "approach_id": result.approach_id, **c,
                     "needs_review": result.needs_review})
    else:
        print(f"Geïmporteerd in {db}: {c['cases']} casussen, {c['interviews']} gesprekken, {c['quotes']} citaten "
              f"(waarvan {result.needs_review} te controleren), {c['judgements']} oordelen.")
    return 0


def _known_register(names: list[str], lexicon):
    from ggsr_desktop.anonymise.register import CaseRegister, Person, new_key

    register = CaseRegister(new_key())
    for entry in names:
        role, _, name = entry.partition("=") if "=" in entry else ("persoon", "", entry)
        if name.strip():
            register.add_person(Person(role.strip() or "persoon", name.strip()), lexicon.function_words, lexicon.words)
    return register


def _cmd_anonymise(args) -> int:
    from ggsr_desktop.anonymise.anonymiser import Anonymiser, MemoryBook

    if args.evaluate:
        return _evaluate(args)
    anonymiser = Anonymiser()
    if not args.jsonl:
        result = anonymiser.anonymise(sys.stdin.read(), _known_register(args.known_name, anonymiser.lexicon))
        sys.stdout.write(result.text)
        return 0
    book = MemoryBook()
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text, names = item["text"], item.get("known_names", [])
            if not isinstance(text, str) or not isinstance(names, list):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            return _fail(f'stdin regel {number}: verwacht {{"text": tekst, "known_names": [namen]}}')
        result = anonymiser.anonymise(text, _known_register([*args.known_name, *names], anonymiser.lexicon), book)
        spans = [{"start": s.start, "end": s.end, "category": s.category, "placeholder": s.placeholder,
                  "confidence": s.confidence, "review": s.needs_review} for s in result.spans]
        sys.stdout.write(json.dumps({"text": result.text, "spans": spans}, ensure_ascii=False) + "\n")
    return 0


def _evaluate(args) -> int:
    from ggsr_desktop.anonymise.scoring import LabelledSetError, evaluate_file

    try:
        summary = evaluate_file(args.evaluate).summary()
    except LabelledSetError as exc:
        return _fail(str(exc))
    if args.json:
        _print_json(summary)
        return 0
    pct = lambda v: f"{100 * v:.1f} %"
    print(f"{args.evaluate}: {summary['quotes']} citaten, {summary['items']} te verwijderen items, "
          f"{summary['must_keep']} te behouden")
    print(f"  items verwijderd:           {pct(summary['item_recall'])}")
    print(f"  namen:                      {pct(summary['name_recall'])}")
    print(f"  namen uit het register:     {pct(summary['register_name_recall'])}")
    print(f"  directe identificatoren:    {pct(summary['direct_identifier_recall'])}")
    print(f"  ten onrechte vervangen:     {pct(summary['false_redaction_rate'])} "
          f"({summary['must_keep_lost']} van {summary['must_keep']})")
    print(f"  volledig goede citaten:     {pct(summary['quotes_fully_correct_rate'])} "
          f"({summary['quotes_fully_correct']} van {summary['quotes']})")
    print(f"  tijd per citaat (ms):       p50 {summary['quote_ms_p50']}, p95 {summary['quote_ms_p95']}, "
          f"max {summary['quote_ms_max']}")
    print("  per categorie:")
    for name, c in summary["by_category"].items():
        print(f"    {name:<12} {c['removed']:>4} van {c['items']:<4} {pct(c['recall'])}")
    for name, misses in summary["misses_by_category"].items():
        print(f"  gemist ({name}):")
        for m in misses:
            print(f"    {m['id']}: '{m['item']}' -> {m['output']}")
    if summary["false_redactions"]:
        print("  ten onrechte vervangen:")
        for f in summary["false_redactions"]:
            print(f"    {f['id']}: '{f['keep']}' -> {f['output']}")
    return 0


def _cmd_audit(args) -> int:
    from ggsr_desktop.audit import audit

    names: list[str] = []
    if args.names_file:
        try:
            names = args.names_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            return _fail(f"kan namenbestand niet lezen: {args.names_file}: {exc}")
    with _open(args) as store:
        findings = audit(store, names)
    for f in findings:
        print(f"{f.location}: {f.category}")
    if findings:
        print(f"{len(findings)} vondst(en): controleer en pas deze teksten aan.", file=sys.stderr)
        return 1
    print("Geen identificerende gegevens gevonden.")
    return 0


def _cmd_check(args) -> int:
    from ggsr_desktop.database import check_database
    from ggsr_desktop.errors import DamagedDatabaseError

    db = args.db or paths.default_db_path()
    try:
        problems = check_database(db, _passphrase(args))
    except DamagedDatabaseError as exc:
        problems = [exc.problem]
    if args.json:
        _print_json({"database": str(db), "healthy": not problems, "problems": problems})
    elif problems:
        print(f"{db}: beschadigd", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        print("Zet een back-up terug met 'ggsr-desktop restore --db PAD --latest'.", file=sys.stderr)
    else:
        print(f"{db}: in orde")
    return 1 if problems else 0


def _cmd_backups(args) -> int:
    from ggsr_desktop.database import list_backups

    db = args.db or paths.default_db_path()
    found = list_backups(db, _passphrase(args))
    if args.json:
        _print_json([b.to_dict() for b in found])
        return 0
    if not found:
        print(f"Geen back-ups van {db}.")
    for b in found:
        local = b.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        state = "goed bevonden" if b.verified else "NIET BRUIKBAAR"
        print(f"{local}  {b.size / 1024:10.0f} kB  {state}  {b.path}")
    return 0


def _cmd_restore(args) -> int:
    from ggsr_desktop.database import restore_database

    db = args.db or paths.default_db_path()
    result = restore_database(db, _passphrase(args), None if args.latest else args.source)
    if args.json:
        _print_json({"database": str(db), **result.to_dict()})
        return 0
    local = result.backup.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    print(f"Back-up van {local} teruggezet in {db}.")
    if result.moved_aside:
        print(f"De vorige database staat opzij in {result.moved_aside}.")
    if result.salvaged:
        print("Gered uit de vorige database: " + ", ".join(f"{n} rij(en) {t}" for t, n in result.salvaged.items()))
        if result.salvaged_free_texts:
            print(f"Daarvan {result.salvaged_free_texts} rij(en) met vrije tekst: controleer ze met "
                  "'ggsr-desktop audit'.")
    return 0


def _cmd_passphrase(args) -> int:
    from ggsr_desktop.database import change_passphrase, recover_with_organisation_key

    db = args.db or paths.default_db_path()
    new = _read_secret(args.new_passphrase_file, "GGSR_NEW_PASSPHRASE")
    if not new:
        return _fail("geef het nieuwe wachtwoord met --new-passphrase-file of GGSR_NEW_PASSPHRASE")
    if args.recovery_key:
        try:
            private = args.recovery_key.read_bytes()
        except OSError as exc:
            return _fail(f"kan herstelsleutel niet lezen: {args.recovery_key}: {exc.strerror}")
        recover_with_organisation_key(db, private, new)
    else:
        old = _passphrase(args)
        if not old:
            return _fail("geef het huidige wachtwoord (GGSR_PASSPHRASE of --passphrase-file) of --recovery-key")
        change_passphrase(db, old, new)
    print(f"Nieuw wachtwoord ingesteld voor {db}.")
    return 0


def _cmd_recovery_key(args) -> int:
    from ggsr_desktop.keyfile import new_recovery_key_pair

    for path in (args.private, args.public):
        if path.exists():
            return _fail(f"bestand bestaat al: {path}")
    pair = new_recovery_key_pair()
    try:
        fd = os.open(args.private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(pair.private_pem)
        args.public.write_bytes(pair.public_pem)
    except OSError as exc:
        return _fail(f"kan herstelsleutel niet schrijven: {exc.filename}: {exc.strerror}")
    print(f"Geheim deel: {args.private} (offline bewaren, bijvoorbeeld in de kluis)")
    print(f"Publiek deel: {args.public} (installeren op elke laptop, zie docs/storage.md)")
    return 0


def _cmd_gui(args) -> int:
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        return _fail("geen beeldscherm gevonden (DISPLAY is niet gezet); gebruik een subcommando, "
                     "zie 'ggsr-desktop --help'")
    if not args.demo:
        from ggsr_desktop.gui.app import run_path  # asks for the passphrase, offers a backup when damaged

        return run_path(args.gui_db or paths.default_db_path())
    from ggsr_desktop.demo import write_demo
    from ggsr_desktop.store import Store

    demo_dir = Path(tempfile.mkdtemp(prefix="ggsr-demo-"))
    try:
        db_path = demo_dir / "demo.sqlite"
        write_demo(db_path)
        return _run_gui(Store.open(db_path), demo=True)
    finally:
        shutil.rmtree(demo_dir, ignore_errors=True)  # the demo copy is fresh every time


def _run_gui(store, demo: bool) -> int:
    from ggsr_desktop.gui.app import run  # imports PySide6 only when the GUI is really wanted

    return run(store, demo=demo)

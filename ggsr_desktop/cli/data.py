"""The data commands: demo, frameworks, import, anonymise (and --evaluate), audit, dump."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ggsr_desktop import paths
from ggsr_desktop.cli.common import (
    PROG,
    db_option,
    fail,
    json_option,
    open_store,
    passphrase,
    passphrase_option,
    print_json,
)


def register(sub) -> None:
    p = sub.add_parser("demo", help="schrijf de demo-studie naar een nieuwe database",
                       description="Schrijf de demo-studie (fictief) naar een nieuwe database, zonder scherm.")
    p.add_argument("--db", metavar="PAD", type=Path, help="pad van de nieuwe database (verplicht)")
    json_option(p)
    p.set_defaults(handler=demo)

    p = sub.add_parser("frameworks", help="toon de toetsingskaders",
                       description="Toon alle toetsingskaders met thema's, criteria en indicatoren.")
    p.add_argument("--db", metavar="PAD", type=Path,
                   help="database waarnaast de map 'frameworks' met eigen toetsingskaders staat")
    json_option(p)
    p.set_defaults(handler=frameworks)

    p = sub.add_parser("import", help="importeer uitgewerkte aantekeningen (JSON), geanonimiseerd",
                       description="Importeer uitgewerkte aantekeningen uit een JSON-bestand (formaat: "
                                   "docs/import-format.md). Alles of niets; elke tekst gaat door de anonimiseerder.")
    p.add_argument("--db", metavar="PAD", type=Path, help="database (wordt aangemaakt als die nog niet bestaat)")
    p.add_argument("file", metavar="BESTAND.json", type=Path)
    json_option(p)
    passphrase_option(p)
    p.set_defaults(handler=import_notes)

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
    p.set_defaults(handler=anonymise)

    p = sub.add_parser("audit", help="zoek identificerende gegevens in een database",
                       description="Doorzoek alle opgeslagen teksten op identificerende patronen en, met "
                                   "--names-file, op namen. Exitcode 1 als er iets gevonden is.")
    db_option(p)
    p.add_argument("--names-file", metavar="BESTAND", type=Path, help="namen om op te zoeken, één per regel")
    passphrase_option(p)
    p.set_defaults(handler=audit)

    p = sub.add_parser("dump", help="toon de inhoud van een database",
                       description="Toon onderzoeken en aanpakken, of één aanpak volledig.")
    p.add_argument("--db", metavar="PAD", type=Path, default=None, help="database (standaard: de gewone database)")
    p.add_argument("--approach", metavar="ID", type=int, help="toon deze aanpak met al zijn gegevens")
    json_option(p)
    passphrase_option(p)
    p.set_defaults(handler=dump)


def demo(args) -> int:
    from ggsr_desktop.exchange.demo import write_demo

    result = write_demo(args.db)
    if args.json:
        print_json({"database": str(args.db), "study_id": result.study_id, "approach_id": result.approach_id,
                    **result.counts, "policy_study_id": result.policy_study_id,
                    "policy_approach_id": result.policy_approach_id})
    else:
        c = result.counts
        print(f"Demo-studie geschreven naar {args.db}: {c['cases']} casussen, {c['interviews']} gesprekken, "
              f"{c['quotes']} citaten, {c['judgements']} oordelen; en een aanpak op beleidsniveau (aanpak "
              f"{result.policy_approach_id}).")
    return 0


def frameworks(args) -> int:
    from ggsr_desktop.framework import LEVEL_NAMES, load_catalog

    catalog = load_catalog(paths.user_frameworks_dir(args.db))
    if args.json:
        print_json({
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


def import_notes(args) -> int:
    from ggsr_desktop.anonymise.anonymiser import Anonymiser
    from ggsr_desktop.exchange.importer import import_file, read_import_file
    from ggsr_desktop.framework import load_catalog
    from ggsr_desktop.ops.capture import Capture
    from ggsr_desktop.store.database import open_or_create_database

    db = args.db or paths.default_db_path()
    catalog = load_catalog(paths.user_frameworks_dir(db))
    read_import_file(args.file, catalog)  # refuse a bad file before touching (or creating) the database
    with open_or_create_database(db, passphrase(args)) as store:
        if store.keep_backups and store.changed_since_backup:
            store.backup()  # before a bulk operation
        result = import_file(Capture(store, Anonymiser()), args.file, catalog)
    c = result.counts
    if args.json:
        print_json({"database": str(db), "study_id": result.study_id, "approach_id": result.approach_id, **c,
                    "needs_review": result.needs_review, "warnings": list(result.warnings)})
    else:
        print(f"Geïmporteerd in {db}: {c['cases']} casussen, {c['interviews']} gesprekken, {c['quotes']} citaten "
              f"(waarvan {result.needs_review} te controleren), {c['judgements']} oordelen.")
        for warning in result.warnings:
            print(f"let op: {warning}", file=sys.stderr)
    return 0


def _known_register(names: list[str], lexicon):
    from ggsr_desktop.anonymise.register import CaseRegister, Person, new_key

    register = CaseRegister(new_key())
    for entry in names:
        role, _, name = entry.partition("=") if "=" in entry else ("persoon", "", entry)
        if name.strip():
            register.add_person(Person(role.strip() or "persoon", name.strip()), lexicon.function_words, lexicon.words)
    return register


def anonymise(args) -> int:
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
            return fail(f'stdin regel {number}: verwacht {{"text": tekst, "known_names": [namen]}}')
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
        return fail(str(exc))
    if args.json:
        print_json(summary)
        return 0
    def pct(v):
        return f"{100 * v:.1f} %"
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


def audit(args) -> int:
    from ggsr_desktop.exchange.audit import audit

    names: list[str] = []
    if args.names_file:
        try:
            names = args.names_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            return fail(f"kan namenbestand niet lezen: {args.names_file}: {exc}")
    from ggsr_desktop.framework import load_catalog

    catalog = load_catalog(paths.user_frameworks_dir(args.db or paths.default_db_path()))
    with open_store(args) as store:
        findings = audit(store, names, catalog)
    for f in findings:
        print(f"{f.location}: {f.category}")
    if findings:
        print(f"{len(findings)} vondst(en): controleer en pas deze teksten aan.", file=sys.stderr)
        return 1
    print("Geen identificerende gegevens gevonden.")
    return 0


def dump(args) -> int:
    from ggsr_desktop.exchange import dump

    with open_store(args) as store:
        data = dump.approach_detail(store, args.approach) if args.approach is not None else dump.overview(store)
    if args.json:
        print_json(data)
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

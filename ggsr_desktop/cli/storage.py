"""The storage commands: check, backups, restore, passphrase, recovery-key."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ggsr_desktop import paths
from ggsr_desktop.cli.common import db_option, fail, json_option, passphrase, passphrase_option, print_json, read_secret


def register(sub) -> None:
    p = sub.add_parser("check", help="controleer een database op beschadiging",
                       description="Volledige controle van een database (pagina's, verwijzingen, zoekindex). "
                                   "Exitcode 0: gezond; 1: beschadigd of niet te openen, met wat er mis is.")
    db_option(p)
    json_option(p)
    passphrase_option(p)
    p.set_defaults(handler=check)

    p = sub.add_parser("backups", help="toon de back-ups van een database",
                       description="Toon de back-ups van een database, nieuwste eerst, met tijd, grootte en of "
                                   "ze nu goed bevonden worden.")
    db_option(p)
    json_option(p)
    passphrase_option(p)
    p.set_defaults(handler=backups)

    p = sub.add_parser("restore", help="zet een back-up terug",
                       description="Zet de nieuwste goede back-up (--latest) of een gekozen back-up (--from) "
                                   "terug. De huidige database wordt opzij gezet, nooit verwijderd; rijen die "
                                   "nieuwer zijn dan de back-up worden eruit gered waar ze leesbaar zijn.")
    db_option(p)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--latest", action="store_true", help="de nieuwste goed bevonden back-up")
    which.add_argument("--from", dest="source", metavar="BESTAND", type=Path, help="deze back-up")
    json_option(p)
    passphrase_option(p)
    p.set_defaults(handler=restore)

    p = sub.add_parser("passphrase", help="wijzig het wachtwoord van een database",
                       description="Zet een nieuw wachtwoord op een versleutelde database; de gegevens worden "
                                   "niet herschreven. Met --recovery-key (de geheime herstelsleutel van de "
                                   "organisatie) is het oude wachtwoord niet nodig.")
    db_option(p)
    p.add_argument("--new-passphrase-file", metavar="BESTAND", type=Path,
                   help="nieuw wachtwoord (eerste regel); anders uit GGSR_NEW_PASSPHRASE")
    p.add_argument("--recovery-key", metavar="BESTAND", type=Path,
                   help="geheime herstelsleutel van de organisatie (PEM) in plaats van het oude wachtwoord")
    passphrase_option(p)
    p.set_defaults(handler=change_passphrase_cmd)

    p = sub.add_parser("recovery-key", help="maak een herstelsleutelpaar voor de organisatie",
                       description="Maak een herstelsleutelpaar. Het publieke deel komt op de laptops "
                                   "(docs/storage.md); het geheime deel bewaart de organisatie offline.")
    p.add_argument("--private", metavar="BESTAND", type=Path, required=True, help="geheim deel (wordt aangemaakt)")
    p.add_argument("--public", metavar="BESTAND", type=Path, required=True, help="publiek deel (wordt aangemaakt)")
    p.set_defaults(handler=recovery_key)


def check(args) -> int:
    from ggsr_desktop.errors import DamagedDatabaseError
    from ggsr_desktop.store.database import check_database

    db = args.db or paths.default_db_path()
    try:
        problems = check_database(db, passphrase(args))
    except DamagedDatabaseError as exc:
        problems = [exc.problem]
    if args.json:
        print_json({"database": str(db), "healthy": not problems, "problems": problems})
    elif problems:
        print(f"{db}: beschadigd", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        print("Zet een back-up terug met 'ggsr-desktop restore --db PAD --latest'.", file=sys.stderr)
    else:
        print(f"{db}: in orde")
    return 1 if problems else 0


def backups(args) -> int:
    from ggsr_desktop.store.database import list_backups

    db = args.db or paths.default_db_path()
    found = list_backups(db, passphrase(args))
    if args.json:
        print_json([b.to_dict() for b in found])
        return 0
    if not found:
        print(f"Geen back-ups van {db}.")
    for b in found:
        local = b.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        state = "goed bevonden" if b.verified else "NIET BRUIKBAAR"
        print(f"{local}  {b.size / 1024:10.0f} kB  {state}  {b.path}")
    return 0


def restore(args) -> int:
    from ggsr_desktop.store.database import restore_database

    db = args.db or paths.default_db_path()
    result = restore_database(db, passphrase(args), None if args.latest else args.source)
    if args.json:
        print_json({"database": str(db), **result.to_dict()})
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


def change_passphrase_cmd(args) -> int:
    from ggsr_desktop.store.database import change_passphrase, recover_with_organisation_key

    db = args.db or paths.default_db_path()
    new = read_secret(args.new_passphrase_file, "GGSR_NEW_PASSPHRASE")
    if not new:
        return fail("geef het nieuwe wachtwoord met --new-passphrase-file of GGSR_NEW_PASSPHRASE")
    if args.recovery_key:
        try:
            private = args.recovery_key.read_bytes()
        except OSError as exc:
            return fail(f"kan herstelsleutel niet lezen: {args.recovery_key}: {exc.strerror}")
        recover_with_organisation_key(db, private, new)
    else:
        old = passphrase(args)
        if not old:
            return fail("geef het huidige wachtwoord (GGSR_PASSPHRASE of --passphrase-file) of --recovery-key")
        change_passphrase(db, old, new)
    print(f"Nieuw wachtwoord ingesteld voor {db}.")
    return 0


def recovery_key(args) -> int:
    from ggsr_desktop.store.keyfile import new_recovery_key_pair

    for path in (args.private, args.public):
        if path.exists():
            return fail(f"bestand bestaat al: {path}")
    pair = new_recovery_key_pair()
    try:
        fd = os.open(args.private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(pair.private_pem)
        args.public.write_bytes(pair.public_pem)
    except OSError as exc:
        return fail(f"kan herstelsleutel niet schrijven: {exc.filename}: {exc.strerror}")
    print(f"Geheim deel: {args.private} (offline bewaren, bijvoorbeeld in de kluis)")
    print(f"Publiek deel: {args.public} (installeren op elke laptop, zie docs/storage.md)")
    return 0

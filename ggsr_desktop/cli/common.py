"""What the commands share: the passphrase and approach options, one-line errors, JSON output, opening a database."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ggsr_desktop import paths
from ggsr_desktop.errors import GgsrError

PROG = "ggsr-desktop"


def passphrase_option(p) -> None:
    p.add_argument("--passphrase-file", metavar="BESTAND", type=Path,
                   help="lees het wachtwoord van de database uit dit bestand (eerste regel); "
                        "anders uit de omgevingsvariabele GGSR_PASSPHRASE")


def db_option(p) -> None:
    p.add_argument("--db", metavar="PAD", type=Path, help="database (standaard: de gewone database)")


def json_option(p) -> None:
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")


def approach_options(p, required: bool = True) -> None:
    db_option(p)
    p.add_argument("--approach", metavar="ID", type=int, required=required, help="de aanpak")


def fail(message: str) -> int:
    print(f"{PROG}: fout: {' '.join(message.split())}", file=sys.stderr)
    return 1


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def read_secret(path: Path | None, env: str) -> str | None:
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


def passphrase(args) -> str | None:
    return read_secret(getattr(args, "passphrase_file", None), "GGSR_PASSPHRASE")


def open_store(args):
    from ggsr_desktop.store.database import open_database

    return open_database(args.db or paths.default_db_path(), passphrase(args))


def bundle_secret_options(p, sealing: bool) -> None:
    p.add_argument("--bundle-passphrase-file", metavar="BESTAND", type=Path,
                   help="wachtwoord van het uitwisselbestand (eerste regel); anders GGSR_BUNDLE_PASSPHRASE")
    p.add_argument("--team-key", metavar="SLEUTEL.pem", type=Path,
                   help="de publieke teamsleutel (versleutelen)" if sealing else
                        "de privésleutel van het team (openen)")


def bundle_secret(args, sealing: bool, required: bool = True):
    from ggsr_desktop.exchange.bundle import Secret

    if args.team_key is not None:
        try:
            pem = args.team_key.read_bytes()
        except OSError as exc:
            raise GgsrError(f"kan teamsleutel {args.team_key} niet lezen: {exc.strerror}") from None
        return Secret(team_public_pem=pem) if sealing else Secret(team_private_pem=pem)
    secret = read_secret(args.bundle_passphrase_file, "GGSR_BUNDLE_PASSPHRASE")
    if secret is None:
        if not required:
            return None
        raise GgsrError("geef het wachtwoord van het uitwisselbestand (--bundle-passphrase-file of "
                        "GGSR_BUNDLE_PASSPHRASE) of een teamsleutel (--team-key)")
    return Secret(passphrase=secret)

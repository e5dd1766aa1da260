"""The `ggsr-desktop` command line: the parser and the exit-code contract; each group of subcommands registers itself
from its own module (`data`, `reports`, `storage`), and no subcommand means the GUI (`gui_launch`).

Contract (documented in README and docs/cli.md): exit 0 on success, 2 on a usage error, 1 on any other failure with
a one-line Dutch message on stderr. Keep names, options and JSON output stable.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ggsr_desktop import __version__, paths
from ggsr_desktop.cli import data, national, reports, storage, team
from ggsr_desktop.cli.common import PROG, fail
from ggsr_desktop.errors import GgsrError

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
    for group in (data, reports, storage, team, national):
        group.register(sub)
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
        if not args.command:
            from ggsr_desktop.cli.gui_launch import open_gui

            return open_gui(args)
        return args.handler(args)
    except GgsrError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("afgebroken")
    except BrokenPipeError:  # the reader stopped early (`… | head`): not a failure of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # one line for the user; the traceback on request
        if os.environ.get("GGSR_DEBUG"):
            raise
        return fail(f"onverwachte fout: {type(exc).__name__}: {exc}")

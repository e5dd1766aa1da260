"""The command line (`ggsr-desktop`): `contract` holds the parser and exit codes, `common` what the commands share,
`data`, `reports` and `storage` one group of subcommands each, `gui_launch` the GUI. Imports the core lazily, inside
the commands; may import any core package, never `gui` except in `gui_launch` (lazily)."""

from ggsr_desktop.cli.contract import build_parser, main

__all__ = ["build_parser", "main"]

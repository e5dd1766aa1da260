"""The Qt GUI: presents the core and calls it. Nothing here writes SQL or holds domain logic; every change goes
through an operation of the window's `Session` (`ops`), run by `operations.run_op`. Imported only by
`cli.gui_launch` (lazily) and the tests."""

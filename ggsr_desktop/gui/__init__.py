"""The Qt GUI: presents the core and calls it. Nothing here writes SQL or holds domain logic."""
